// Package testmod writes throwaway Go modules for tests that run the go
// command or jsondumpgen on generated code: the module requires this
// checkout of github.com/jsondump/jsondump, through a replace directive.
package testmod

import (
	"os"
	"path/filepath"
	"runtime"
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
