// Package examples_test checks that each example program writes exactly the
// bytes its Python twin writes, and that each example's generated file is
// what jsondumpgen generates now.
package examples_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/jsondump/jsondump/generator"
	"github.com/jsondump/jsondump/internal/pyoracle"
)

// examples lists each example directory and the types its go:generate line names.
var examples = []struct {
	dir   string
	types []string
}{
	{"employee", []string{"Employee"}},
	{"student", []string{"Student"}},
}

// buildExamples builds every example program into a temporary directory and
// returns that directory.
func buildExamples(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("go command not found: %v", err)
	}
	bin := t.TempDir()
	args := []string{"build", "-o", bin + string(filepath.Separator)}
	for _, ex := range examples {
		args = append(args, "./"+ex.dir)
	}
	cmd := exec.Command(goTool, args...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %v: %v\n%s", args, err, out)
	}
	return bin
}

// run runs name with args in dir and returns its standard output. A failure
// or any output on standard error fails t.
func run(t *testing.T, dir, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	// Python's own I/O must not depend on the machine's locale.
	cmd.Env = append(os.Environ(), "PYTHONIOENCODING=utf-8", "PYTHONUTF8=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %v: %v\nstderr:\n%s", name, args, err, stderr.Bytes())
	}
	if stderr.Len() > 0 {
		t.Errorf("%s %v wrote to stderr:\n%s", name, args, stderr.Bytes())
	}
	return stdout.Bytes()
}

func abs(t *testing.T, path string) string {
	t.Helper()
	p, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestExamplesMatchPython(t *testing.T) {
	python := pyoracle.Python(t)
	bin := buildExamples(t)

	t.Run("employee", func(t *testing.T) {
		tmp := t.TempDir()
		got := run(t, tmp, filepath.Join(bin, "employee"))
		want := run(t, tmp, python, abs(t, "employee/employee.py"))
		if !bytes.Equal(got, want) {
			t.Errorf("employee stdout differs from Python's\n got: %q\nwant: %q", got, want)
		}
	})

	t.Run("student", func(t *testing.T) {
		tmp := t.TempDir()
		goPath, pyPath := filepath.Join(tmp, "go.json"), filepath.Join(tmp, "py.json")
		if out := run(t, tmp, filepath.Join(bin, "student"), "-o", goPath); len(out) > 0 {
			t.Errorf("student wrote to stdout: %q", out)
		}
		run(t, tmp, python, abs(t, "student/student.py"), pyPath)
		got, want := readFile(t, goPath), readFile(t, pyPath)
		if !bytes.Equal(got, want) {
			t.Errorf("student file differs from Python's\n got: %q\nwant: %q", got, want)
		}
	})

	t.Run("student-default-path", func(t *testing.T) {
		goDir, pyDir := t.TempDir(), t.TempDir()
		run(t, goDir, filepath.Join(bin, "student"))
		run(t, pyDir, python, abs(t, "student/student.py"))
		got := readFile(t, filepath.Join(goDir, "sample.json"))
		want := readFile(t, filepath.Join(pyDir, "sample.json"))
		if !bytes.Equal(got, want) {
			t.Errorf("student sample.json differs from Python's\n got: %q\nwant: %q", got, want)
		}
	})
}

// TestGeneratedFilesUpToDate regenerates each example in-process and
// compares with the checked-in file.
func TestGeneratedFilesUpToDate(t *testing.T) {
	for _, ex := range examples {
		t.Run(ex.dir, func(t *testing.T) {
			res, err := generator.Generate(generator.Config{Dir: ex.dir, Types: ex.types})
			files := res.Files
			if err != nil {
				t.Fatalf("Generate(%s): %v", ex.dir, err)
			}
			if len(files) != 1 {
				t.Fatalf("Generate(%s) returned %d files, want 1", ex.dir, len(files))
			}
			f := files[0]
			want := filepath.Join(ex.dir, ex.dir+"_jsondump.go")
			if filepath.Clean(f.Path) != want {
				t.Errorf("Generate(%s): Path = %s, want %s", ex.dir, f.Path, want)
			}
			old, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("%v (run: go generate ./examples/...)", err)
			}
			if !bytes.Equal(old, f.Content) {
				t.Errorf("%s is stale (run: go generate ./examples/...)", want)
			}
		})
	}
}
