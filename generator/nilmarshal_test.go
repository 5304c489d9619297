package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/internal/testmod"
)

// TestNilMarshalersGenerated is the generated-code side of the root
// package's TestNilMarshalers: typed nil pointers of types with
// MarshalJSON or MarshalText (on the pointer and nil-safe, on the pointer
// and reading through it, on the value) at every place of a generated
// struct (testdata/nilmarshal_types/nm): a field, a slice, array or map
// element, a pointer's target, where the static type is the interface with
// the method, any, or the pointer type. encoding/json is the oracle: the
// method is called exactly where it calls it, so the text is the same, and
// the encoding panics exactly where it panics. The driver runs twice, with
// the generated code and without it (the reflective path), and the two
// must print the same bytes.
func TestNilMarshalersGenerated(t *testing.T) {
	goTool := goTestEnv(t)
	work := t.TempDir()
	testmod.Write(t, work, "nmmod")
	copyGoFiles(t, testdataDir(t, "nilmarshal_types", "nm"), filepath.Join(work, "nm"))
	types := []struct{ name, iface string }{
		{"PtrJSON", "json.Marshaler"}, {"DerefJSON", "json.Marshaler"}, {"ValJSON", "json.Marshaler"},
		{"PtrText", "encoding.TextMarshaler"}, {"DerefText", "encoding.TextMarshaler"}, {"ValText", "encoding.TextMarshaler"},
	}
	var holders []string
	for _, ty := range types {
		holders = append(holders, "Hold"+ty.name)
	}
	generateInto(t, filepath.Join(work, "nm"), holders)

	// Each case sets one place of a holder to the typed nil pointer; the
	// others stay zero (null). As *Hold (generated methods) and as Hold
	// (held in an any, not addressable).
	var names, exprs []string
	for _, ty := range types {
		np := "(*nm." + ty.name + ")(nil)"
		places := map[string]string{
			"nothing": "",
			"I":       "I: " + np,
			"A":       "A: " + np,
			"IS":      "IS: []" + ty.iface + "{" + np + "}",
			"AS":      "AS: []any{" + np + "}",
			"PS":      "PS: []*nm." + ty.name + "{nil}",
			"IA":      "IA: [1]" + ty.iface + "{" + np + "}",
			"IM":      `IM: map[string]` + ty.iface + `{"k": ` + np + "}",
			"AM":      `AM: map[string]any{"k": ` + np + "}",
			"PM":      `PM: map[string]*nm.` + ty.name + `{"k": nil}`,
		}
		for _, place := range sortedKeys(places) {
			for _, ptr := range []string{"&", ""} {
				names = append(names, fmt.Sprintf("%snm.Hold%s{%s}", ptr, ty.name, places[place]))
				exprs = append(exprs, fmt.Sprintf("%snm.Hold%s{%s}", ptr, ty.name, places[place]))
			}
		}
		names = append(names, "Hold"+ty.name+" with IP pointing at an interface holding the nil pointer")
		exprs = append(exprs, fmt.Sprintf("func() *nm.Hold%s { var i %s = %s; return &nm.Hold%s{IP: &i} }()", ty.name, ty.iface, np, ty.name))
	}
	var b strings.Builder
	b.WriteString(`package main

import (
	"encoding"
	"encoding/json"
	"io"
	"os"

	"github.com/jsondump/jsondump"
	"nmmod/nm"
)

var _ encoding.TextMarshaler

type dumper interface {
	Dumps(opts ...jsondump.Option) (string, error)
}
` + rtDriverAsDumper + `
// result runs f: "PANIC", "ERR" or "OK" and the JSON value of the text as
// encoding/json spells it, so that the two layouts do not matter.
func result(f func() ([]byte, error)) (res string) {
	defer func() {
		if r := recover(); r != nil {
			res = "PANIC"
		}
	}()
	b, err := f()
	if err != nil {
		return "ERR"
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return "INVALID " + string(b)
	}
	canon, _ := json.Marshal(v)
	return "OK " + string(canon)
}

func main() {
	values := []func() any{
`)
	for _, e := range exprs {
		fmt.Fprintf(&b, "\t\tfunc() any { return %s },\n", e)
	}
	b.WriteString(`	}
	type res struct{ Gen, Indent, Enc string }
	var out []res
	for _, f := range values {
		x := f()
		d := asDumper(x)
		var r res
		r.Gen = result(func() ([]byte, error) { s, err := d.Dumps(); return []byte(s), err })
		r.Indent = result(func() ([]byte, error) { s, err := d.Dumps(jsondump.Indent(2), jsondump.SortKeys(true)); return []byte(s), err })
		r.Enc = result(func() ([]byte, error) { return json.Marshal(x) })
		out = append(out, r)
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		panic(err)
	}
}
`)
	if err := os.MkdirAll(filepath.Join(work, "driver"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "driver", "main.go"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []struct{ Gen, Indent, Enc string }
	diffs := runDriverTwoPaths(t, goTool, work, &got)
	reportPaths(t, diffs, func(d pathDiff) string { return names[d.index] })
	if len(got) != len(names) {
		t.Fatalf("driver printed %d results, want %d", len(got), len(names))
	}
	panics := 0
	for i, r := range got {
		if r.Enc == "PANIC" {
			panics++
		}
		if r.Gen != r.Enc || r.Indent != r.Enc {
			t.Errorf("%s: jsondump %s (indented %s), encoding/json %s", names[i], r.Gen, r.Indent, r.Enc)
		}
	}
	t.Logf("%d values x 2 option sets compared with encoding/json (%d where it panics), on both paths", len(got), panics)
}
