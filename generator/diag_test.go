package generator

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/jsondump/jsondump/internal/testmod"
)

func TestDiagnostics(t *testing.T) {
	tests := []struct {
		dir   string
		types []string
		want  string // regexp of the error text
	}{
		{"unknowntype", []string{"T", "Missing"}, `^jsondumpgen: type Missing not found in package .*unknowntype; -type names a defined type declared at package level$`},
		{"typeerror", []string{"T"}, `^testdata/diag/typeerror/bad.go:6:23: cannot use "x" \(untyped string constant\) as int value in return statement$`},
	}
	wd, _ := os.Getwd()
	if err := os.Chdir(".."); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			dir := filepath.Join("testdata", "diag", tt.dir)
			res, err := Generate(Config{Dir: dir, Types: tt.types})
			files := res.Files
			if err == nil {
				t.Fatalf("Generate(%s) = %d files, want an error", dir, len(files))
			}
			var list DiagnosticList
			if !errors.As(err, &list) {
				t.Fatalf("Generate(%s) error is %T, want DiagnosticList", dir, err)
			}
			if !regexp.MustCompile(tt.want).MatchString(err.Error()) {
				t.Errorf("Generate(%s) error = %q, want match for %q", dir, err, tt.want)
			}
			if files != nil {
				t.Errorf("Generate(%s) returned files with an error", dir)
			}
			matches, _ := filepath.Glob(filepath.Join(dir, "*_jsondump.go"))
			if len(matches) > 0 {
				t.Errorf("Generate(%s) wrote %v", dir, matches)
			}
		})
	}
}

// TestToleratedErrors checks that calls of methods about to be generated do
// not stop generation, and that an earlier generated file is ignored.
func TestToleratedErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	testmod.Write(t, dir, "x")
	write("t.go", "package x\n\ntype T struct{ A int }\n\nfunc use(t *T) (string, error) { return t.Dumps() }\n")
	write("t_jsondump.go", headerLine+"\n\npackage x\n\nfunc (v *T) Dumps() (string, error) { return v.Gone, nil }\n")
	res, err := Generate(Config{Dir: dir, Types: []string{"T"}})
	files := res.Files
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	if len(files) != 1 {
		t.Fatalf("Generate: %d files, want 1", len(files))
	}
}

func TestDiagnosticListError(t *testing.T) {
	var l DiagnosticList
	for i := 12; i > 0; i-- {
		l = append(l, Diagnostic{Msg: "m"}, Diagnostic{Msg: "m"})
	}
	l = append(l, Diagnostic{Msg: "a"})
	if got, want := l.Error(), "jsondumpgen: a\njsondumpgen: m"; got != want {
		t.Errorf("DiagnosticList.Error() = %q, want %q", got, want)
	}
}
