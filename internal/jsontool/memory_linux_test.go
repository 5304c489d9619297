package jsontool

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

var sink byte

// TestMapFileTruncated checks what document relies on when a mapped input
// file shrinks under it: reading a page past the new end is a panic that
// recover catches (debug.SetPanicOnFault), not a crash.
func TestMapFileTruncated(t *testing.T) {
	name := filepath.Join(t.TempDir(), "big.json")
	data := make([]byte, 1<<20)
	for i := range data {
		data[i] = ' '
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	text, unmap, ok := mapFile(f, int64(len(data)))
	if !ok {
		t.Skip("mapFile cannot map the file here")
	}
	defer unmap()
	if string(text[:3]) != "   " {
		t.Fatalf("mapped text starts %q", text[:3])
	}
	if err := os.Truncate(name, 0); err != nil {
		t.Fatal(err)
	}
	faulted := func() (faulted bool) {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer func() {
			if p := recover(); p != nil {
				_, faulted = p.(interface{ Addr() uintptr })
			}
		}()
		sink = text[len(text)-1]
		return false
	}()
	if !faulted {
		t.Errorf("reading a truncated mapping did not fault")
	}
}
