package generator

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/internal/pyoracle"
	"github.com/jsondump/jsondump/internal/testmod"
)

// genericCycles are the cyclic values of TestGenericCycle: Go source
// building v in package main (importing the generated package generic),
// and the Python value it stands for. The Page[int] of the package has a
// specialised function; Page[string], made only here, goes through the
// generic body.
var genericCycles = []struct{ name, goSrc, py string }{
	{"Page[int] p.Next = p",
		`p := &generic.Page[int]{Items: []int{1, 2}, Total: 2}; p.Next = p; v = p`,
		`d = {'items': [1, 2], 'total': 2}; d['next'] = d; v = d`},
	{"Page[string] p.Next = p (the generic body)",
		`p := &generic.Page[string]{Items: []string{"x"}}; p.Next = p; v = p`,
		`d = {'items': ['x'], 'total': 0}; d['next'] = d; v = d`},
	{"Page[int] a.Next = b, b.Next = a",
		`a := &generic.Page[int]{Total: 1}; b := &generic.Page[int]{Total: 2, Next: a}; a.Next = b; v = a`,
		`a = {'items': None, 'total': 1}; b = {'items': None, 'total': 2, 'next': a}; a['next'] = b; v = a`},
	{"Page[int] p.Next = p in a []any",
		`p := &generic.Page[int]{Items: []int{1}, Total: 2}; p.Next = p; v = []any{"x", p}`,
		`d = {'items': [1], 'total': 2}; d['next'] = d; v = ['x', d]`},
	{"Page[int] p.Next = p in Feed.Extra",
		`p := &generic.Page[int]{Total: 3}; p.Next = p; v = &generic.Feed{Extra: p}`,
		`d = {'items': None, 'total': 3}; d['next'] = d
z = {'Min': {'X': 0, 'Y': 0}, 'Max': {'X': 0, 'Y': 0}}
v = {'items': {'items': None, 'total': 0}, 'counts': {'items': None, 'total': 0}, 'pairs': None, 'box': z, 'extra': d}`},
}

// genericCycleOptions are the option sets, as Go and as Python keyword
// arguments (JSON).
var genericCycleOptions = []struct{ goSrc, py string }{
	{``, `{}`},
	{`jsondump.Indent(2)`, `{"indent": 2}`},
	{`jsondump.SortKeys(true), jsondump.Separators(",", ":")`, `{"sort_keys": true, "separators": [",", ":"]}`},
	{`jsondump.IndentString("\t"), jsondump.EnsureASCII(false)`, `{"indent": "\t", "ensure_ascii": false}`},
}

// TestGenericCycle checks that the cycle of a generic Page[int] whose Next
// is itself (issue 14, item 7) is caught at the first level that repeats,
// as CPython catches it, on every entry point: v.Dumps, v.AppendDumps and
// v.Dump of the generated methods, jsondump.Dumps, AppendDumps and Dump of
// the value, inside an any ([]any, an any field of another generated
// type), through the specialised function of Page[int] and through the
// generic body (Page[string]). The error is Python's ValueError, and
// AppendDumps and Dump leave exactly the text python3's json.dump wrote
// before it raised: a cycle caught a level later would leave more.
func TestGenericCycle(t *testing.T) {
	goTool := goTestEnv(t)
	work := t.TempDir()
	testmod.Write(t, work, "cyclemod")
	copyGoFiles(t, testdataDir(t, "generic"), filepath.Join(work, "generic"))
	generateInto(t, filepath.Join(work, "generic"), []string{"Feed", "Page", "Pair"})

	var drv strings.Builder
	drv.WriteString(`package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"

	"cyclemod/generic"
	"github.com/jsondump/jsondump"
)

type result struct{ Entry, Err, Part string }

func errText(err error) string {
	var ve *jsondump.ValueError
	var re *jsondump.RecursionError
	var te *jsondump.TypeError
	switch {
	case err == nil:
		return "no error"
	case errors.As(err, &ve):
		return "ValueError: " + err.Error()
	case errors.As(err, &re):
		return "RecursionError: " + err.Error()
	case errors.As(err, &te):
		return "TypeError: " + err.Error()
	}
	return "other: " + err.Error()
}

// run writes v through every entry point with opts.
func run(v any, opts ...jsondump.Option) []result {
	var out []result
	add := func(entry string, err error, part string) { out = append(out, result{entry, errText(err), part}) }
	const dst = "dst:"
	check := func(entry string, b []byte, err error) {
		if !bytes.HasPrefix(b, []byte(dst)) {
			add(entry, err, "AppendDumps lost dst: "+string(b))
			return
		}
		add(entry, err, string(b[len(dst):]))
	}
	if d, ok := v.(jsondump.Dumper); ok {
		_, err := d.Dumps(opts...)
		add("v.Dumps", err, "")
		b, err := d.AppendDumps([]byte(dst), opts...)
		check("v.AppendDumps", b, err)
		var w bytes.Buffer
		err = d.Dump(&w, opts...)
		add("v.Dump", err, w.String())
	}
	_, err := jsondump.Dumps(v, opts...)
	add("jsondump.Dumps", err, "")
	b, err := jsondump.AppendDumps([]byte(dst), v, opts...)
	check("jsondump.AppendDumps", b, err)
	var w bytes.Buffer
	err = jsondump.Dump(&w, v, opts...)
	add("jsondump.Dump", err, w.String())
	return out
}

func main() {
	var all [][][]result
`)
	for _, c := range genericCycles {
		drv.WriteString("\t{\n\t\tvar v any\n\t\t" + c.goSrc + "\n\t\tvar rows [][]result\n")
		for _, o := range genericCycleOptions {
			drv.WriteString("\t\trows = append(rows, run(v, " + o.goSrc + "))\n")
		}
		drv.WriteString("\t\tall = append(all, rows)\n\t}\n")
	}
	drv.WriteString("\tjson.NewEncoder(os.Stdout).Encode(all)\n}\n")
	if err := os.MkdirAll(filepath.Join(work, "driver"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "driver", "main.go"), []byte(drv.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var got [][][]struct{ Entry, Err, Part string }
	runDriver(t, goTool, work, &got)

	type pyCase struct {
		Py   string   `json:"py"`
		Opts []string `json:"opts"`
	}
	var doc []pyCase
	for _, c := range genericCycles {
		pc := pyCase{Py: c.py}
		for _, o := range genericCycleOptions {
			pc.Opts = append(pc.Opts, o.py)
		}
		doc = append(doc, pc)
	}
	in, _ := json.Marshal(doc)
	// For each case and option set: json.dumps's error, and what
	// json.dump wrote before it raised.
	const script = `
import io, json, sys
res = []
for c in json.load(sys.stdin):
    g = {}
    exec(c['py'], g)
    v = g['v']
    row = []
    for o in c['opts']:
        kw = json.loads(o)
        if 'separators' in kw:
            kw['separators'] = tuple(kw['separators'])
        try:
            json.dumps(v, **kw)
            err = 'no error'
        except Exception as e:
            err = '%s: %s' % (type(e).__name__, e)
        f = io.StringIO()
        try:
            json.dump(v, f, **kw)
        except Exception:
            pass
        row.append([err, f.getvalue()])
    res.append(row)
json.dump(res, sys.stdout)
`
	var want [][][2]string
	if err := json.Unmarshal(pyoracle.Run(t, script, in), &want); err != nil {
		t.Fatalf("python3 output: %v", err)
	}
	for i, c := range genericCycles {
		for j, o := range genericCycleOptions {
			w := want[i][j]
			if !strings.HasPrefix(w[0], "ValueError: Circular reference detected") {
				t.Fatalf("%s {%s}: python3 says %q, want the circular reference error (the case is wrong)", c.name, o.goSrc, w[0])
			}
			for _, r := range got[i][j] {
				if r.Err != w[0] {
					t.Errorf("%s {%s}: %s error = %q, want python3's %q", c.name, o.goSrc, r.Entry, r.Err, w[0])
				}
				if strings.HasSuffix(r.Entry, "Dumps") {
					continue // no partial output
				}
				if r.Part != w[1] {
					t.Errorf("%s {%s}: %s left %q, want exactly what python3's json.dump wrote: %q", c.name, o.goSrc, r.Entry, r.Part, w[1])
				}
			}
		}
	}
}
