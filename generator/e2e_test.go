package generator

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/internal/pyoracle"
)

// The end-to-end test compiles each testdata package with its golden
// generated file and a driver, in a temporary module that replaces ours with
// this checkout. The driver prints, as JSON, the value as encoding/json
// writes it and our output under each option set; python3 then json.loads
// the former and json.dumps it under the same options. encoding/json's own
// spelling of floats and escapes does not matter, because Python re-parses
// it; the values below avoid the few places where it would (integral
// floats, which encoding/json writes as integers; multi-digit int map keys,
// which it orders as strings). So CPython grades our output, not we.

// e2eOptions are the option sets, as Go and as Python keyword arguments.
var e2eOptions = []struct{ goOpts, pyKwargs string }{
	{"", ""},
	{"jsondump.Indent(2)", "indent=2"},
	{"jsondump.SortKeys(true)", "sort_keys=True"},
	{"jsondump.EnsureASCII(false)", "ensure_ascii=False"},
	{`jsondump.Separators(",", ":"), jsondump.SortKeys(true)`, `separators=(",", ":"), sort_keys=True`},
	{`jsondump.IndentString("\t"), jsondump.EnsureASCII(false), jsondump.SortKeys(true)`, `indent="\t", ensure_ascii=False, sort_keys=True`},
	{"jsondump.Indent(0)", "indent=0"},
	{"jsondump.Indent(4), jsondump.SortKeys(true)", "indent=4, sort_keys=True"},
	{`jsondump.Separators(",", ":"), jsondump.EnsureASCII(false)`, `separators=(",", ":"), ensure_ascii=False`},
	{`jsondump.Separators(" ,", " : "), jsondump.IndentString("ab")`, `separators=(" ,", " : "), indent="ab"`},
	{"jsondump.AllowNaN(false), jsondump.CheckCircular(false)", "allow_nan=False, check_circular=False"},
	{"jsondump.SkipKeys(true), jsondump.Indent(-1), jsondump.EnsureASCII(false)", "skipkeys=True, indent=-1, ensure_ascii=False"},
}

// e2eValues builds each case's value, in the driver's package main.
var e2eValues = map[string]string{
	"basic": `qp := true
	v := &basic.Basic{Name: "Zoë \"q\" \u2028 \U0001F600", Age: -42, Small: -8, Big: 18446744073709551615,
		Ratio: 0.1, Single: 0.3, OK: true, Skip: "no", Dash: "dash", Quoted: 7, QStr: "x\"y",
		QFloat: 2.5, QPtr: &qp, Unicode: "ü", Data: []byte("hi\x00\xff"), Level: 1e-7, Bad: "b",
		NegZero: math.Copysign(0, -1)}`,
	"nested": `n := 5
	v := &nested.Doc{Base: nested.Base{ID: 1, Kind: "k"}, Meta: &nested.Meta{Note: "n", ID: 2},
		Conflict: nested.Conflict{Kind: "c", Same: 3}, Other: nested.Other{Same: 4},
		Title: "t", Tags: []string{"a", "b"}, Nums: [3]int{1, 2, 3}, Ptr: &n,
		Items: []nested.Item{{"x", 1.5}, {"y", 2.25}},
		ByName: map[string]int{"b": 2, "a": 1, "é": 3},
		ByID: map[int]*nested.Item{3: {"z", 0.5}, 1: nil},
		ByU: map[uint8][]string{2: {"p"}, 1: nil},
		Matrix: [][]float64{{0.5, 1.25}, {}, nil},
		Any: map[string]any{"k": []any{1, "s", nil, true, 2.5}},
		List: nested.List{{"l", 0.125}}}`,
	"generic": `v := &generic.Feed{
		Items: generic.Page[generic.Item]{Items: []generic.Item{{"a", 0.5}, {"é", -2.25}}, Total: 1,
			Next: &generic.Page[generic.Item]{Total: 2}},
		Counts: generic.Page[int]{Items: []int{1, 2}, ByKey: map[string]int{"b": 2, "a": 1}},
		Pairs:  []generic.Pair[string, generic.Score]{{"k", 3}, {"j", -4}},
		Box:    image.Rect(0, 0, 2, 3),
		Extra:  &generic.Page[string]{Items: []string{"x", "ÿ"}, ByKey: map[string]string{"z": "1"}}}`,
	"shapes": `v := &shapes.Shapes{}
	v.Inline.Name, v.Inline.Deep.OK = "in", true
	v.Ptr = &struct{ A, B int }{1, 2}
	v.List = []struct{ V float64 }{{1}, {0.5}}
	v.ByName = map[string]struct{ Z, A string }{"k": {"z", "é"}}
	v.Mixed = map[any]string{true: "t", 1: "one", 2.5: "f", int8(-1): "m", uint(7): "u"}
	v.Nested = map[any]map[any]int{"x": {false: 0, 0.0: 1}}
	v.ByPt = map[shapes.Point]int{}
	v.Tagged = map[string]struct {
		N int ` + "`" + `json:"n,string" yaml:"n"` + "`" + `
	}{"t": {7}}
	v.Bytes.Octets = []shapes.Octet{0, 1, 255}
	v.Bytes.Arr = [2]byte{1, 2}
	v.Zeros.Arr[1] = []int{}
	v.Zeros.FS.F = math.Copysign(0, -1)`,
	"recursive": `leaf := &recursive.Node{Value: 3}
	v := &recursive.Node{Value: 1, Next: &recursive.Node{Value: 2, Next: leaf},
		Children: []*recursive.Node{leaf, nil, {Value: 4, Children: []*recursive.Node{}}},
		Attrs: map[string]*recursive.Node{"x": leaf, "a": nil}, Extra: leaf}`,
	"dict": `v := &dict.Webhook{ID: "evt_1",
		Meta: jsondump.Dict{{"z", 1}, {"a", []any{1.5, "é"}}, {"m", jsondump.Dict{{2, "two"}, {1.0, "one"}, {true, "t"}}}, {"z", 26}},
		Ptr: &jsondump.Dict{{"b", nil}, {"a", false}},
		Pages: []jsondump.Dict{{{"n", 1}}, {}, nil},
		ByName: map[string]jsondump.Dict{"y": {{"k", "v"}}, "x": nil},
		Runtime: jsondumprt.Dict{{"\xff", 1}, {"\ufffd", 2}, {"b", 3}},
		Any: jsondump.Dict{{math.Copysign(0, -1), "negzero"}, {0, "zero"}, {new(big.Int).Lsh(big.NewInt(1), 70), "big"}},
		Pairs: []jsondump.Item{{"k", 1}},
		Next: &dict.Webhook{ID: "inner", Extra: jsondump.Dict{}}}`,
	"marshalers": `when := time.Date(2024, 2, 29, 13, 4, 5, 123456789, time.FixedZone("", 5*3600+1800))
	v := &marshalers.Event{When: when, Opt: &when, Raw: json.RawMessage(` + "`" + `{"b": [1, 2.50, "\u00e9"], "a": {}}` + "`" + `),
		Num: "1.50", Big: new(big.Int).Lsh(big.NewInt(1), 100), Color: 1, Point: marshalers.Point{X: 1, Y: 2},
		Keys: map[marshalers.Upper]int{"b": 1, "a": 2}, Colors: []marshalers.Color{2, 0},
		ByColor: map[marshalers.Color]string{2: "two", 0: "zero", 1: "one"}}`,
}

// e2ePython gives, for the cases whose values encoding/json cannot carry
// (map[any] keys, Dicts), the value as a Python expression, written by
// hand. A Dict is written dict([...]) of its items, as it is defined.
var e2ePython = map[string]string{
	"dict": `{"id": "evt_1",
		"meta": dict([("z", 1), ("a", [1.5, "\u00e9"]), ("m", dict([(2, "two"), (1.0, "one"), (True, "t")])), ("z", 26)]),
		"none": None, "ptr": dict([("b", None), ("a", False)]),
		"pages": [dict([("n", 1)]), {}, None], "by_name": {"x": None, "y": dict([("k", "v")])},
		"runtime": dict([("\ufffd", 1), ("\ufffd", 2), ("b", 3)]),
		"any": dict([(-0.0, "negzero"), (0, "zero"), (2**70, "big")]),
		"pairs": [{"Key": "k", "Value": 1}],
		"next": {"id": "inner", "meta": None, "none": None, "ptr": None, "pages": None, "by_name": None,
			"runtime": None, "any": None, "pairs": None, "next": None}}`,
	"shapes": `{"inline": {"name": "in", "deep": {"ok": True}}, "ptr": {"A": 1, "B": 2},
		"list": [{"V": 1.0}, {"V": 0.5}], "by_name": {"k": {"Z": "z", "A": "\u00e9"}},
		"mixed": {True: "one", -1: "m", 2.5: "f", 7: "u"}, "nested": {"x": {False: 1}},
		"by_pt": {}, "tagged": {"t": {"n": "7"}},
		"bytes": {"octets": "AAH/", "blob": None, "arr": [1, 2]},
		"zeros": {"arr": [None, []]}}`,
}

var e2eImports = map[string]string{
	"generic":    `"image"`,
	"shapes":     `"math"`,
	"basic":      `"math"`,
	"marshalers": `"math/big"; "time"`,
	"dict":       `"math"; "math/big"; jsondumprt "github.com/jsondump/jsondump/runtime"`,
}

func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test builds programs")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("go tool not found: %v", err)
	}
	python := pyoracle.Python(t)
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	write := func(path string, data []byte) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(tmp, "go.mod"), []byte("module e2e\n\ngo 1.26\n\nrequire github.com/jsondump/jsondump v0.0.0\n\nreplace github.com/jsondump/jsondump => "+root+"\n"))
	if sum, err := os.ReadFile(filepath.Join(root, "go.sum")); err == nil {
		write(filepath.Join(tmp, "go.sum"), sum)
	}
	var cases []string
	for _, c := range goldenCases {
		cases = append(cases, c.name)
		srcs, _ := filepath.Glob(filepath.Join(root, "testdata", c.name, "*.go"))
		for _, src := range srcs {
			if isGenerated(src) {
				continue
			}
			data, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			write(filepath.Join(tmp, c.name, filepath.Base(src)), data)
		}
		gen := strings.ToLower(c.types[0]) + "_jsondump.go"
		data, err := os.ReadFile(filepath.Join(root, "golden", c.name, gen))
		if err != nil {
			t.Fatalf("%v (run: go test ./generator -update)", err)
		}
		write(filepath.Join(tmp, c.name, gen), data)
		write(filepath.Join(tmp, "cmd", c.name, "main.go"), []byte(driver(c.name)))
	}

	env := append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod "+os.Getenv("JSONDUMP_E2E_GOFLAGS"), "GOWORK=off")
	// The drivers twice: with the golden generated files, and without
	// them, where every value takes jsondump's reflective path; the two
	// must print the same bytes (runDriverTwoPaths).
	overlay := withoutGenerated(t, tmp)
	for _, bin := range []string{"bin", "bin-reflect"} {
		args := []string{"build", "-o", filepath.Join(tmp, bin) + string(filepath.Separator)}
		if bin == "bin-reflect" {
			args = append(args, "-overlay", overlay)
		}
		build := exec.Command(goTool, append(args, "./cmd/...")...)
		build.Dir, build.Env = tmp, env
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("go build of the drivers (%s): %v\n%s", bin, err, out)
		}
	}
	for _, name := range cases {
		t.Run(name, func(t *testing.T) {
			run := func(bin string) []byte {
				var stderr bytes.Buffer
				cmd := exec.Command(filepath.Join(tmp, bin, name))
				cmd.Stderr = &stderr
				out, err := cmd.Output()
				if err != nil {
					t.Fatalf("driver %s (%s): %v\n%s", name, bin, err, stderr.Bytes())
				}
				return out
			}
			out := run("bin")
			type result struct {
				Input   json.RawMessage
				Outputs []string
				Errors  []string
			}
			var res, refl result
			if err := json.Unmarshal(out, &res); err != nil {
				t.Fatalf("driver %s output: %v\n%s", name, err, out)
			}
			if err := json.Unmarshal(run("bin-reflect"), &refl); err != nil {
				t.Fatalf("driver %s output (reflective path): %v", name, err)
			}
			for i, o := range e2eOptions {
				if res.Outputs[i] != refl.Outputs[i] || res.Errors[i] != refl.Errors[i] {
					t.Errorf("%s: Dumps(%s): generated code and the reflective path differ:\n generated: %q %s\n reflected: %q %s",
						name, o.goOpts, res.Outputs[i], res.Errors[i], refl.Outputs[i], refl.Errors[i])
				}
			}
			want := pythonDumps(t, python, res.Input, e2ePython[name])
			checkExpected(t, name, want)
			for i, o := range e2eOptions {
				if res.Errors[i] != "" {
					t.Errorf("%s: Dumps(%s) failed: %s", name, o.goOpts, res.Errors[i])
					continue
				}
				if res.Outputs[i] != want[i] {
					t.Errorf("%s: Dumps(%s) = \n%s\nwant (python3 json.dumps(v, %s)):\n%s", name, o.goOpts, res.Outputs[i], o.pyKwargs, want[i])
				}
			}
		})
	}
}

// driver is the program that prints a case's value and our outputs.
func driver(name string) string {
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n\t\"encoding/json\"\n\t\"io\"\n\t\"os\"\n\t\"github.com/jsondump/jsondump\"\n\t\"e2e/" + name + "\"\n")
	for _, imp := range strings.Split(e2eImports[name], "; ") {
		if imp != "" {
			b.WriteString("\t" + imp + "\n")
		}
	}
	b.WriteString(")\n\ntype dumper interface {\n\tDumps(opts ...jsondump.Option) (string, error)\n}\n" + rtDriverAsDumper)
	b.WriteString("\nfunc main() {\n\t" + e2eValues[name] + "\n\td := asDumper(v)\n")
	if e2ePython[name] != "" {
		b.WriteString("\tin := []byte(\"null\")\n")
	} else {
		b.WriteString("\tin, err := json.Marshal(v)\n\tif err != nil {\n\t\tpanic(err)\n\t}\n")
	}
	b.WriteString("\tvar res struct{ Input json.RawMessage; Outputs, Errors []string }\n\tres.Input = in\n")
	for _, o := range e2eOptions {
		b.WriteString("\t{\n\t\ts, err := d.Dumps(" + o.goOpts + ")\n\t\tmsg := \"\"\n\t\tif err != nil {\n\t\t\tmsg = err.Error()\n\t\t}\n")
		b.WriteString("\t\tres.Outputs = append(res.Outputs, s)\n\t\tres.Errors = append(res.Errors, msg)\n\t}\n")
	}
	b.WriteString("\tjson.NewEncoder(os.Stdout).Encode(res)\n\t_ = jsondump.Option{}\n}\n")
	return b.String()
}

// pythonDumps runs json.dumps(json.loads(input), **kwargs) for each option set.
// When expr is not empty, the value is that Python expression instead.
func pythonDumps(t *testing.T, python string, input []byte, expr string) []string {
	t.Helper()
	var script strings.Builder
	script.WriteString("import json, sys\nv = json.loads(sys.stdin.read())\nout = []\n")
	if expr != "" {
		script.WriteString("v = " + expr + "\n")
	}
	for _, o := range e2eOptions {
		script.WriteString("out.append(json.dumps(v, " + o.pyKwargs + "))\n")
	}
	script.WriteString("sys.stdout.write(json.dumps(out))\n")
	cmd := exec.Command(python, "-c", script.String())
	cmd.Stdin = bytes.NewReader(input)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var res []string
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("python3 output: %v", err)
	}
	return res
}

// checkExpected compares python3's outputs for a case with the copy stored
// in golden/<case>/python_dumps.json, for reviewers to read beside the
// generated code; -update rewrites that copy from python3's outputs.
func checkExpected(t *testing.T, name string, want []string) {
	t.Helper()
	type entry struct {
		Kwargs string `json:"json.dumps kwargs"`
		Output string `json:"output"`
	}
	var entries []entry
	for i, o := range e2eOptions {
		entries = append(entries, entry{o.pyKwargs, want[i]})
	}
	data, err := json.MarshalIndent(entries, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, '\n')
	path := filepath.Join("..", "golden", name, "python_dumps.json")
	if *update {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	old, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run: go test ./generator -run TestEndToEnd -update)", err)
	}
	if !bytes.Equal(old, data) {
		t.Errorf("%s differs from python3's outputs now (run: go test ./generator -run TestEndToEnd -update, and review the diff)", path)
	}
}
