package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestMirrorsCurrent checks that the committed *_mirror.go files are what
// Mirror writes for their sources now (run go generate in bench/ when not).
func TestMirrorsCurrent(t *testing.T) {
	for _, name := range []string{"twitter", "citm", "canada", "payload"} {
		src := filepath.Join("..", "..", name+".go")
		want, err := Mirror(src)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join("..", "..", name+"_mirror.go"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s_mirror.go is not current (run: go generate in bench/)", name)
		}
	}
}
