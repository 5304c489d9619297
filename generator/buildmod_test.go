package generator

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
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
	if err := json.Unmarshal(driverOutput(t, goTool, work, buildFlags...), out); err != nil {
		t.Fatalf("driver output: %v", err)
	}
}

// driverOutput builds the module's ./driver program (with buildFlags), runs
// it for at most two minutes and returns its standard output.
func driverOutput(t *testing.T, goTool, work string, buildFlags ...string) []byte {
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
	return stdout
}

// Two paths, one output: a value's JSON text depends on its value and type
// only (the package documentation of jsondump), whether generated code writes it or
// the reflective path does. runDriverTwoPaths runs the driver as runDriver
// does, into out, then builds it again without the module's generated files
// (every *_jsondump.go under work, deleted by -overlay), where jsondump
// writes every value through its reflective path, and compares the two
// outputs, JSON arrays, element by element. It returns the indexes whose
// elements differ, with both, for the caller to name its cases; the driver
// must give every value the same calls in both builds (rtDriverAsDumper).
func runDriverTwoPaths(t *testing.T, goTool, work string, out any, buildFlags ...string) []pathDiff {
	t.Helper()
	gen := driverOutput(t, goTool, work, buildFlags...)
	if err := json.Unmarshal(gen, out); err != nil {
		t.Fatalf("driver output: %v", err)
	}
	refl := driverOutput(t, goTool, work, append(buildFlags, "-overlay", withoutGenerated(t, work))...)
	return comparePaths(t, gen, refl)
}

// A pathDiff is one element of a driver's output that differs between the
// build with generated code and the build without: element index of the
// output (an array), or of its field (an object of arrays).
type pathDiff struct {
	field          string // "" for an output that is an array
	index          int
	gen, reflected json.RawMessage
}

// comparePaths compares two driver outputs element by element: JSON arrays,
// or objects whose fields are arrays.
func comparePaths(t *testing.T, gen, refl []byte) []pathDiff {
	t.Helper()
	var ga, ra []json.RawMessage
	if json.Unmarshal(gen, &ga) == nil {
		if err := json.Unmarshal(refl, &ra); err != nil {
			t.Fatalf("driver output (built without generated files): %v", err)
		}
		return compareArrays(t, "", ga, ra)
	}
	var g, r map[string]json.RawMessage
	if err := json.Unmarshal(gen, &g); err != nil {
		t.Fatalf("driver output: %v", err)
	}
	if err := json.Unmarshal(refl, &r); err != nil {
		t.Fatalf("driver output (built without generated files): %v", err)
	}
	var diffs []pathDiff
	for _, k := range sortedKeys(g) {
		if json.Unmarshal(g[k], &ga) != nil || json.Unmarshal(r[k], &ra) != nil {
			if !bytes.Equal(g[k], r[k]) {
				diffs = append(diffs, pathDiff{k, -1, g[k], r[k]})
			}
			continue
		}
		diffs = append(diffs, compareArrays(t, k, ga, ra)...)
	}
	return diffs
}

func compareArrays(t *testing.T, field string, a, b []json.RawMessage) []pathDiff {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("the driver printed %d results%s with generated code, %d without", len(a), field, len(b))
	}
	var diffs []pathDiff
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			diffs = append(diffs, pathDiff{field, i, a[i], b[i]})
		}
	}
	return diffs
}

// withoutGenerated writes an overlay file (go build -overlay) that deletes
// every file with jsondumpgen's header under dir, and returns its path.
func withoutGenerated(t *testing.T, dir string) string {
	t.Helper()
	replace := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") && isGenerated(path) {
			replace[path] = ""
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(replace) == 0 {
		t.Fatalf("no generated file under %s", dir)
	}
	data, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "without_generated.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// reportPaths fails t for each pathDiff, naming its case by name(index),
// and shows the fields of the two results that differ (results are JSON
// objects of strings and lists of strings; "OK:<hex>" results are decoded).
func reportPaths(t *testing.T, diffs []pathDiff, name func(pathDiff) string) {
	t.Helper()
	for n, d := range diffs {
		if n == 20 {
			t.Errorf("... and %d more cases differ between the two paths", len(diffs)-n)
			break
		}
		var g, r map[string]any
		if json.Unmarshal(d.gen, &g) != nil || json.Unmarshal(d.reflected, &r) != nil || g == nil || r == nil {
			t.Errorf("%s: the two paths differ:\n  generated: %s\n  reflected: %s", name(d), clipText(string(d.gen), 1500), clipText(string(d.reflected), 1500))
			continue
		}
		var lines []string
		for _, k := range sortedKeys(g) {
			gs, rs := flatStrings(g[k]), flatStrings(r[k])
			for i := range max(len(gs), len(rs)) {
				var a, b string
				if i < len(gs) {
					a = gs[i]
				}
				if i < len(rs) {
					b = rs[i]
				}
				if a != b {
					lines = append(lines, fmt.Sprintf("  %s[%d]:\n    generated: %s\n    reflected: %s", k, i, readablePath(a), readablePath(b)))
					break
				}
			}
		}
		t.Errorf("%s: generated code and the reflective path differ (%d fields):\n%s", name(d), len(lines), strings.Join(lines, "\n"))
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return sortedStrings(keys)
}

// flatStrings returns a result field as a list of strings.
func flatStrings(v any) []string {
	switch x := v.(type) {
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, flatStrings(e)...)
		}
		return out
	case string:
		return []string{x}
	case nil:
		return nil
	}
	b, _ := json.Marshal(v)
	return []string{string(b)}
}

// readablePath decodes an "OK:<hex>" or "OK <hex>" result.
func readablePath(r string) string {
	for _, p := range []string{"OK:", "OK "} {
		if h, ok := strings.CutPrefix(r, p); ok {
			if b, err := hex.DecodeString(h); err == nil {
				return clipText(strconv.Quote(string(b)), 1500)
			}
		}
	}
	return clipText(r, 1500)
}
