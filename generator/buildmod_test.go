package generator

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/internal/pyoracle"
)

// goTestEnv prepares a test that generates code, builds programs against
// this checkout and runs python3: skipped under -short or without the go
// tool, failing under CI=true (else skipped) without python3. The go
// command is set for temporary modules whose go.mod lists only jsondump
// (replaced by this checkout): -mod=mod lets it add jsondump's own
// requirements from the module cache, with no network. It returns the go
// tool.
func goTestEnv(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs programs")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("go tool not found: %v", err)
	}
	pyoracle.Python(t)
	t.Setenv("GOFLAGS", strings.TrimSpace(os.Getenv("GOFLAGS")+" -mod=mod"))
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOWORK", "off")
	return goTool
}

// copyGoFiles copies the .go files of the folder from into the folder to.
func copyGoFiles(t *testing.T, from, to string) {
	t.Helper()
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(from, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// generateInto generates types in the package folder dir and writes the
// files, failing t when the generator refuses.
func generateInto(t *testing.T, dir string, types []string) {
	t.Helper()
	res, err := generateNoPanic(Config{Dir: dir, Types: types})
	if err != nil {
		t.Fatalf("Generate(-type=%s): %s", strings.Join(types, ","), clipText(err.Error(), 3000))
	}
	for _, f := range res.Files {
		if err := os.WriteFile(f.Path, f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
