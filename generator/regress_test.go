package generator

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/internal/pyoracle"
	"github.com/jsondump/jsondump/internal/testmod"
)

// propRegressions are the testdata/prop_* packages, each a bug the property
// test found (prop_test.go): the -type names, and the Python value whose
// json.dumps jsondump.Dumps(Repro) must equal, written by hand from the
// contract (README's mapping) and the package's doc comment.
var propRegressions = []struct {
	pkg    string
	types  []string
	python string
}{
	{"prop_direct_iface_nil", []string{"W", "A", "Holder"}, `[{"P": None}, [None], {"X": {"P": None}}, {"X": [None]}]`},
	{"prop_generic_anon_arg", []string{"S"}, `{"B": {"v": {"A": "x"}}, "C": {"v": None}}`},
	{"prop_named_bool_omit", []string{"S"}, `{"On": True}`},
	{"prop_named_map", []string{"Counts", "Holder"}, `{"ByName": {"a": 1, "b": 2}}`},
	{"prop_omitzero_negzero", []string{"S"}, `{}`},
	{"prop_root_marshaler", []string{"Upper", "Code", "Jay", "S"}, `["ABC", "k7", {"jay": 3}, {"U": "ABC", "C": "k7", "J": {"jay": 3}}]`},
	{"prop_text_key_collision", []string{"S"}, `{"ByCode": {"k9": 2}}`},
}

// TestPropRegressions generates each regression package into a temporary
// module, runs a driver that prints jsondump.Dumps(Repro) under Python's
// defaults and sort_keys, and compares with python3. (The outputs are ASCII,
// so Go's %q and json.dumps quote them alike.)
func TestPropRegressions(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	pyoracle.Python(t)
	tmp := t.TempDir()
	testmod.Write(t, tmp, "regress")
	var main strings.Builder
	main.WriteString("package main\n\nimport (\n\t\"fmt\"\n\t\"github.com/jsondump/jsondump\"\n")
	for _, c := range propRegressions {
		src := testdataDir(t, c.pkg)
		dst := filepath.Join(tmp, c.pkg)
		if err := os.MkdirAll(dst, 0o755); err != nil {
			t.Fatal(err)
		}
		files, _ := filepath.Glob(filepath.Join(src, "*.go"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dst, filepath.Base(f)), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		gen, err := Generate(Config{Dir: dst, Types: c.types})
		if err != nil {
			t.Fatalf("%s: Generate: %v", c.pkg, err)
		}
		for _, f := range gen.Files {
			if err := os.WriteFile(f.Path, f.Content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		main.WriteString("\t\"regress/" + c.pkg + "\"\n")
	}
	main.WriteString(")\n\nfunc main() {\n")
	for _, c := range propRegressions {
		for _, args := range []string{c.pkg + ".Repro", c.pkg + ".Repro, jsondump.SortKeys(true)"} {
			main.WriteString("\tif s, err := jsondump.Dumps(" + args + "); err != nil {\n\t\tfmt.Println(\"ERR\", err)\n\t} else {\n\t\tfmt.Printf(\"%q\\n\", s)\n\t}\n")
		}
	}
	main.WriteString("}\n")
	mainSrc := main.String()
	if err := os.MkdirAll(filepath.Join(tmp, "cmd"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmp, "cmd", "main.go"), []byte(mainSrc), 0o644); err != nil {
		t.Fatal(err)
	}
	overlay := withoutGenerated(t, tmp)
	runDriver := func(args ...string) []byte {
		run := exec.Command("go", append(append([]string{"run"}, args...), "./cmd")...)
		run.Dir = tmp
		run.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		out, err := run.CombinedOutput()
		if err != nil {
			t.Fatalf("driver %v: %v\n%s", args, err, out)
		}
		return out
	}
	out := runDriver()
	// Without the generated files, the reflective path writes each Repro:
	// the same bytes (runDriverTwoPaths).
	if refl := runDriver("-overlay", overlay); !bytes.Equal(out, refl) {
		t.Errorf("generated code and the reflective path differ:\n generated:\n%s\n reflected:\n%s", out, refl)
	}
	var script strings.Builder
	script.WriteString("import json\n")
	for _, c := range propRegressions {
		script.WriteString("v = " + c.python + "\nprint(json.dumps(json.dumps(v)))\nprint(json.dumps(json.dumps(v, sort_keys=True)))\n")
	}
	want := pyoracle.Run(t, script.String(), nil)
	gotLines, wantLines := pyoracle.Lines(out), pyoracle.Lines(want)
	if len(gotLines) != len(wantLines) {
		t.Fatalf("driver printed %d lines, python3 %d:\n%s\n%s", len(gotLines), len(wantLines), out, want)
	}
	for i, c := range propRegressions {
		for j, opt := range []string{"defaults", "sort_keys"} {
			g, w := gotLines[2*i+j], wantLines[2*i+j]
			if !bytes.Equal([]byte(g), []byte(w)) {
				t.Errorf("%s (%s): jsondump.Dumps(Repro) = %s, python3 %s", c.pkg, opt, g, w)
			}
		}
	}
}
