package generator

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// runDriver builds the module's ./driver program (with buildFlags), runs it
// for at most two minutes and decodes its standard output, JSON, into out.
func runDriver(t *testing.T, goTool, work string, out any, buildFlags ...string) {
	t.Helper()
	bin := filepath.Join(work, "driver.bin")
	build := exec.Command(goTool, append(append([]string{"build"}, buildFlags...), "-o", bin, "./driver")...)
	build.Dir = work
	if msg, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build of the driver: %v\n%s", err, clipText(string(msg), 8000))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var stderr bytes.Buffer
	run := exec.CommandContext(ctx, bin)
	run.Stderr = &stderr
	stdout, err := run.Output()
	if err != nil {
		t.Fatalf("driver: %v\n%s", err, clipText(stderr.String(), 6000))
	}
	if err := json.Unmarshal(stdout, out); err != nil {
		t.Fatalf("driver output: %v", err)
	}
}
