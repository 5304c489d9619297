// Package testmod helps tests find their surroundings: it writes throwaway
// Go modules that require this checkout of github.com/jsondump/jsondump
// (for tests that run the go command or jsondumpgen on generated code), and
// finds the project's shared/ folder.
package testmod

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Root returns the directory of this checkout's go.mod.
func Root(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("testmod: no caller information")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Write writes go.mod (module name, requiring this checkout) and go.sum
// (this checkout's, so that its requirements resolve offline) into dir.
func Write(t testing.TB, dir, name string) {
	t.Helper()
	root := Root(t)
	mod := "module " + name + "\n\ngo 1.26.0\n\nrequire github.com/jsondump/jsondump v0.0.0\n\nreplace github.com/jsondump/jsondump => " + root + "\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		t.Fatal(err)
	}
}

// SharedDir returns the project's shared/ folder (cases.jsonl, jsondata):
// $JSONDUMP_SHARED when set, else shared/ beside this checkout, as CI lays
// it out, else, for a clone of a local checkout, shared/ beside the checkout
// it was cloned from (git's remote.origin.url), so that a throwaway clone
// anywhere finds it. The folder may not exist; callers report that.
func SharedDir(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("JSONDUMP_SHARED"); d != "" {
		return d
	}
	beside := filepath.Join(Root(t), "..", "shared")
	if dirExists(beside) {
		return beside
	}
	cmd := exec.Command("git", "config", "--get", "remote.origin.url")
	cmd.Dir = Root(t)
	if out, err := cmd.Output(); err == nil {
		origin := strings.TrimSpace(string(out))
		if filepath.IsAbs(origin) {
			if d := filepath.Join(origin, "..", "shared"); dirExists(d) {
				return d
			}
		}
	}
	return beside
}

func dirExists(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}
