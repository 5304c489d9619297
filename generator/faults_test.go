package generator

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/jsondump/jsondump/internal/pyoracle"
	"github.com/jsondump/jsondump/internal/testmod"
)

// TestFaultsGenerated is the faults review of GENERATED code (the dynamic
// path's is faults_api_test.go at the root). The package
// testdata/faults_types/ft (an order document, an envelope of
// Marshalers that can be told to fail, recursive types) is copied into a
// throwaway module and generated with Generate; the driver
// testdata/faults_types/driver is built twice (plain, and with -race
// for the concurrency check) and run in three modes. It reports outputs,
// checked here against python3, and problems by area, each area a subtest:
//
//   - marshalers: a field's MarshalJSON/MarshalText that errors, returns an
//     error with text, panics, returns text that is not JSON (small and
//     1 MiB), returns 100k levels, or a 1 MiB text, at seven places of a
//     struct (field, pointer-receiver field, slice element, map value,
//     TextMarshaler map key, inside an any), through v.Dumps, v.AppendDumps,
//     v.Dump, and the root functions with *T and T;
//   - hook: the Default hook of a generated complex128 field that errors
//     (returned unchanged), panics, returns its argument (ValueError, or
//     RecursionError without CheckCircular), returns a new value forever,
//     returns generated values or calls Dumps itself; one TypeError type;
//   - writers: v.Dump into writers that fail after every byte count (small
//     document) or around every flush (200 KB documents): error, error with
//     a partial count, short, zero, too large a count, panic;
//   - append: v.AppendDumps on error returns dst plus a prefix of the output
//     that ends before the failing value;
//   - dumpfile: DumpFile of generated values failing half-way (Marshaler
//     error and panic, hook error and panic, TypeError, deep, cycle, and a
//     file size limit, RLIMIT_FSIZE, as a full disk): old file intact, no
//     temporary file left, mode kept;
//   - deep: seven recursive generated shapes 30,000 deep (RecursionError under
//     the default MaxDepth, success under MaxDepth(1<<20), capped at 100,000),
//     a million deep;
//   - cycles: twelve cycles through generated pointers, maps, named slices,
//     any fields, T in any, with CheckCircular on and off, indented or not;
//   - any: generated values inside any as T and *T;
//   - allocs: testing.AllocsPerRun of v.AppendDumps into a reused buffer,
//     types without Marshalers, nine option sets;
//   - concurrency: one value from 16 goroutines with different options and
//     entry points, beside failing and panicking encodings, under -race.
func TestFaultsGenerated(t *testing.T) {
	goTool := goTestEnv(t)

	work := t.TempDir()
	testmod.Write(t, work, "rfmod")
	for _, dir := range []string{"ft", "driver"} {
		copyGoFiles(t, testdataDir(t, "faults_types", dir), filepath.Join(work, dir))
	}
	types := []string{"Order", "Customer", "Address", "Item", "Menu", "Probe", "TProbe", "PProbe", "Envelope", "Tree", "Graph", "Nest", "Dict", "Box"}
	generateInto(t, filepath.Join(work, "ft"), types)

	build := func(name string, race bool) (string, error) {
		bin := filepath.Join(work, name)
		args := []string{"build", "-o", bin}
		if race {
			args = append(args, "-race")
		}
		cmd := exec.Command(goTool, append(args, "./driver")...)
		cmd.Dir = work
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, clipText(string(out), 6000))
		}
		return bin, nil
	}
	type report struct {
		Outputs  map[string]string
		Problems []struct{ Area, Msg string }
		Infos    []string
	}
	run := func(bin string, args ...string) report {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin, args...)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			// A crash (a stack overflow, a fatal error) ends up here.
			t.Fatalf("driver %v: %v\n%s", args, err, clipText(stderr.String(), 6000))
		}
		var r report
		if err := json.Unmarshal(out, &r); err != nil {
			t.Fatalf("driver %v output: %v", args, err)
		}
		return r
	}

	bin, err := build("driver.bin", false)
	if err != nil {
		t.Fatal(err)
	}
	main := run(bin, "main")
	fsDir := t.TempDir()
	fsize := run(bin, "fsize", fsDir)
	var race report
	raceOK := true
	if rbin, err := build("driver-race.bin", true); err != nil {
		// -race needs cgo; where it is missing, run without it.
		t.Logf("no -race build (%v); concurrency runs without the race detector", clipText(err.Error(), 300))
		raceOK = false
		race = run(bin, "race")
	} else {
		race = run(rbin, "race")
	}

	problems := map[string][]string{}
	var infos []string

	// Two paths, one output: the driver again, with ft's generated file
	// replaced by methods that only call the root package's functions, so
	// that every value takes the reflective path; its outputs must be the
	// same bytes (the other reports are about the generated methods).
	shim := filepath.Join(work, "shim_reflect.go")
	var src strings.Builder
	src.WriteString("package ft\n\nimport (\n\t\"io\"\n\n\t\"github.com/jsondump/jsondump\"\n)\n")
	for _, typ := range types {
		fmt.Fprintf(&src, "\nfunc (v *%[1]s) Dumps(opts ...jsondump.Option) (string, error) { return jsondump.Dumps(v, opts...) }\n", typ)
		fmt.Fprintf(&src, "func (v *%[1]s) AppendDumps(dst []byte, opts ...jsondump.Option) ([]byte, error) {\n\treturn jsondump.AppendDumps(dst, v, opts...)\n}\n", typ)
		fmt.Fprintf(&src, "func (v *%[1]s) Dump(w io.Writer, opts ...jsondump.Option) error { return jsondump.Dump(w, v, opts...) }\n", typ)
	}
	if err := os.WriteFile(shim, []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	genFiles, _ := filepath.Glob(filepath.Join(work, "ft", "*_jsondump.go"))
	if len(genFiles) != 1 {
		t.Fatalf("generated files of ft: %v", genFiles)
	}
	overlay, _ := json.Marshal(map[string]any{"Replace": map[string]string{genFiles[0]: shim}})
	overlayPath := filepath.Join(work, "shim_overlay.json")
	if err := os.WriteFile(overlayPath, overlay, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(goTool, "build", "-overlay", overlayPath, "-o", filepath.Join(work, "driver-reflect.bin"), "./driver")
	cmd.Dir = work
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build of the driver on the reflective path: %v\n%s", err, clipText(string(out), 6000))
	}
	reflected := run(filepath.Join(work, "driver-reflect.bin"), "main")
	for _, name := range sortedKeys(main.Outputs) {
		if g, r := main.Outputs[name], reflected.Outputs[name]; g != r {
			problems["paths"] = append(problems["paths"], fmt.Sprintf("%s: generated code and the reflective path differ:\n    generated: %s\n    reflected: %s", name, clipText(g, 600), clipText(r, 600)))
		}
	}
	t.Logf("%d outputs compared between generated code and the reflective path", len(main.Outputs))
	if len(main.Outputs) != len(reflected.Outputs) {
		problems["paths"] = append(problems["paths"], fmt.Sprintf("%d outputs with generated code, %d on the reflective path", len(main.Outputs), len(reflected.Outputs)))
	}
	for _, r := range []report{main, fsize, race} {
		for _, p := range r.Problems {
			problems[p.Area] = append(problems[p.Area], p.Msg)
		}
		infos = append(infos, r.Infos...)
	}

	// python3: the expected text of every output the driver printed.
	problems["python"] = append(problems["python"], rfgCheckPython(t, main.Outputs)...)

	for _, area := range []string{"python", "paths", "marshalers", "hook", "writers", "append", "dumpfile", "deep", "cycles", "any", "allocs", "concurrency"} {
		t.Run(area, func(t *testing.T) {
			if area == "concurrency" && !raceOK {
				t.Log("without -race")
			}
			p := problems[area]
			if len(p) == 0 {
				return
			}
			sort.Strings(p)
			shown := p[:min(len(p), 12)]
			t.Errorf("%d problems; first ones:\n  %s", len(p), strings.Join(shown, "\n  "))
		})
	}
	for _, m := range infos {
		t.Logf("info (not a failure): %s", m)
	}
}

// rfgOptions are the driver's option sets as Python keyword arguments.
var rfgOptions = map[string]string{
	"plain":      `{}`,
	"ind2":       `{"indent": 2}`,
	"sort":       `{"sort_keys": true}`,
	"noascii":    `{"ensure_ascii": false}`,
	"compact":    `{"separators": [",", ":"]}`,
	"all":        `{"indent": "\t", "sort_keys": true, "ensure_ascii": false, "separators": [",", ": "]}`,
	"ind0nocirc": `{"indent": 0, "check_circular": false, "allow_nan": false}`,
}

// rfgOrderPy is the Python value of the driver's order(), written from
// README's mapping.
const rfgOrderPy = `{"id": 9007199254740993, "customer": {"name": "Zoë Ågren", "email": "z@example.com", "addr": {"Street": "1 Main St", "city": "Göteborg"}, "score": "7"},
 "items": [{"sku": "A-1", "qty": 2, "price": 9.99, "attrs": ["red", "日本", "\U0001F600"]}, {"sku": "B-2", "qty": 1, "price": 100.0, "attrs": None}, {"sku": "C-3", "qty": -4, "price": 1e-7, "attrs": []}],
 "tags": {"A": "upper", "a": "first", "z": "last", "é": "accent"}, "counts": {-2: 3, 3: 0, 10: 1}, "notes": "rush ✓ \"fragile\"\n", "total": 119.98, "ratio": 0.1, "paid": True,
 "blob": base64.b64encode(bytes([0, 1, 2, 250])).decode(),
 "sections": {"s1": {"sku": "T", "qty": 0, "price": 0.0, "attrs": ["q"]}, "s2": {"sku": "S", "qty": 1, "price": 0.5, "attrs": None}},
 "menu": {"label": "root", "sub": {"a": {"label": "A", "sub": {"x": {"label": "X"}}}, "b": {"label": "B"}}}}`

const rfgPython = `
import base64, json, sys
OBJ = {"b": [1, 2.5, "x"], "a": None}
ORDER = ` + rfgOrderPy + `
S = {"name": "s", "kids": [{"name": "leaf"}]}
def run(expr, kw):
    if "separators" in kw:
        kw["separators"] = tuple(kw["separators"])
    if expr.startswith("LOADS_ERROR:"):
        try:
            json.loads(expr[len("LOADS_ERROR:"):])
            return "OK"
        except json.JSONDecodeError as e:
            return str(e)
    return json.dumps(eval(expr), **kw)
out = []
for name, expr, kw in json.load(sys.stdin):
    try:
        out.append(run(expr, kw))
    except Exception as e:
        out.append("ERR:%s:%s" % (type(e).__name__, e))
print(json.dumps(out))
`

// rfgCheckPython compares the driver's outputs with python3's json.dumps of
// the Python values they stand for.
func rfgCheckPython(t *testing.T, outs map[string]string) []string {
	type q struct {
		name, expr string
		kw         json.RawMessage
	}
	var qs []q
	add := func(name, expr, kw string) { qs = append(qs, q{name, expr, json.RawMessage(kw)}) }
	for name, kw := range rfgOptions {
		add("order/"+name, "ORDER", kw)
	}
	for name, text := range outs {
		if pos, ok := strings.CutPrefix(name, "py:env/"); ok {
			for _, o := range []string{"plain", "ind2", "sort"} {
				add("env/"+pos+"/"+o, text, rfgOptions[o])
			}
		}
	}
	envHook := func(c string) string {
		return strings.Replace(outs["py:env/hook"], `"HOOK-MARK"`, c, 1)
	}
	add("hook/order", envHook("ORDER"), `{}`)
	add("hook/orderT", envHook("ORDER"), `{}`)
	add("hook/nested", envHook("json.dumps(ORDER, indent=1)"), `{}`)
	add("tree3", `{"name": "x", "next": {"name": "x", "next": {"name": "x"}}}`, `{"separators": [", ", ": "]}`)
	add("treekids3", `{"name": "x", "kids": [{"name": "x", "kids": [{"name": "x"}]}]}`, `{"indent": 1}`)
	add("treeup3", `{"name": "x", "up": {"name": "x", "up": {"name": "x"}}}`, `{"sort_keys": true}`)
	add("graph3", `{"id": 2, "edges": {"e": {"id": 1, "edges": {"e": {"id": 0, "edges": None}}}}}`, `{}`)
	add("nest3", `[[[]]]`, `{"indent": 2}`)
	add("dict3", `{"d": {"d": {}}}`, `{"indent": 2}`)
	add("box3", `{"t": {"name": ""}, "also": {"t": {"name": ""}, "also": {"t": {"name": ""}, "also": None}}}`, `{}`)
	add("dag", `{"name": "root", "kids": [S, S], "next": S, "up": S}`, `{}`)
	add("dagT", `{"name": "root", "kids": [S, S], "next": S, "up": S}`, `{"sort_keys": true}`)
	add("invalidmsg", `LOADS_ERROR:[1, 2, {"a": "b"}, 3 4]`, `{}`)

	in := make([][3]any, len(qs))
	for i, x := range qs {
		in[i] = [3]any{x.name, x.expr, x.kw}
	}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	if err := json.Unmarshal(pyoracle.Run(t, rfgPython, data), &want); err != nil {
		t.Fatalf("python3 output: %v", err)
	}
	var bad []string
	for i, x := range qs {
		got, ok := outs[x.name]
		switch {
		case !ok:
			bad = append(bad, fmt.Sprintf("%s: the driver printed no output", x.name))
		case strings.HasPrefix(want[i], "ERR:"):
			bad = append(bad, fmt.Sprintf("%s: python3 failed: %s", x.name, want[i]))
		case got != want[i]:
			bad = append(bad, fmt.Sprintf("%s (python kwargs %s):\n    jsondump: %s\n    python3:  %s", x.name, x.kw, clipText(got, 600), clipText(want[i], 600)))
		}
	}
	return bad
}
