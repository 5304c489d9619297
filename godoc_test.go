package jsondump_test

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestGodoc checks that every exported identifier of the packages users and
// generated code see (the root package, runtime/ and generator/) has a doc
// comment: functions, methods of exported types, types, and constants and
// variables (a comment on their group counts).
func TestGodoc(t *testing.T) {
	for _, dir := range []string{".", "runtime", "generator"} {
		fset := token.NewFileSet()
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(f.Name.Name, "main") {
				continue
			}
			for _, decl := range f.Decls {
				for _, missing := range undocumented(decl) {
					t.Errorf("%s: exported %s has no doc comment", fset.Position(missing.Pos()), missing.Name)
				}
			}
		}
	}
}

// undocumented returns the exported names that decl declares without a doc
// comment.
func undocumented(decl ast.Decl) []*ast.Ident {
	var out []*ast.Ident
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if !d.Name.IsExported() || d.Doc != nil {
			return nil
		}
		if d.Recv != nil && !exportedRecv(d.Recv.List[0].Type) {
			return nil
		}
		out = append(out, d.Name)
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			switch s := spec.(type) {
			case *ast.TypeSpec:
				if s.Name.IsExported() && d.Doc == nil && s.Doc == nil {
					out = append(out, s.Name)
				}
			case *ast.ValueSpec:
				for _, name := range s.Names {
					if name.IsExported() && d.Doc == nil && s.Doc == nil && s.Comment == nil {
						out = append(out, name)
					}
				}
			}
		}
	}
	return out
}

func exportedRecv(t ast.Expr) bool {
	switch x := t.(type) {
	case *ast.StarExpr:
		return exportedRecv(x.X)
	case *ast.IndexExpr:
		return exportedRecv(x.X)
	case *ast.IndexListExpr:
		return exportedRecv(x.X)
	case *ast.Ident:
		return x.IsExported()
	}
	return false
}

// TestExamplesRun checks that every example with an "// Output:" comment is
// one that go test runs: the comment must be a group of its own, the last
// in the function. A "// Python:" line right above it joins its group, and
// go test then compiles the example without running it.
func TestExamplesRun(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	var parsed []*ast.File
	for _, path := range files {
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, f)
	}
	for _, ex := range doc.Examples(parsed...) {
		if ex.Output != "" || ex.EmptyOutput {
			continue
		}
		body := ex.Code.(*ast.BlockStmt)
		for _, f := range parsed {
			for _, c := range f.Comments {
				if c.Pos() > body.Pos() && c.End() < body.End() && strings.Contains(c.Text(), "Output:") {
					t.Errorf("%s: Example%s has an output comment that go test ignores; put it in a comment group of its own", fset.Position(c.Pos()), ex.Name)
				}
			}
		}
	}
}
