package generator

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestLayering enforces the project's layering rule: emitting never inspects go/types, and
// loading and planning never write code.
func TestLayering(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			switch {
			case strings.HasPrefix(name, "emit") && (path == "go/types" || path == "golang.org/x/tools/go/packages"):
				t.Errorf("%s imports %s: emitting never inspects go/types", name, path)
			case (name == "load.go" || strings.HasPrefix(name, "plan")) && path == "github.com/dave/jennifer/jen":
				t.Errorf("%s imports %s: loading and planning never write code", name, path)
			case name == "plan.go" && path != "go/token" && path != "fmt" && path != "strings":
				t.Errorf("plan.go imports %s: the IR depends on go/token only", path)
			}
		}
	}
}
