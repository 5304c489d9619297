package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/jsondump/jsondump"
)

// checkScript is run by python3 with a JSON list of cases on stdin. For each
// case it checks that the struct types are faithful: json.loads of
// jsondump's default output equals json.load of the original file (dicts
// compare without order, and an int equals the float of the same value).
// It then checks that jsondump wrote what CPython writes for that value, in
// the three modes the benchmark measures, byte for byte: the value
// json.loads read back keeps jsondump's key order, so json.dumps of it must
// give back the same text. It prints one line per problem.
const checkScript = `
import json, sys

def first_diff(a, b, path="$"):
    if type(a) in (int, float) and type(b) in (int, float) and type(a) is not bool and type(b) is not bool:
        return None if a == b else "%s: %r != %r" % (path, a, b)
    if type(a) is not type(b):
        return "%s: %s != %s" % (path, type(a).__name__, type(b).__name__)
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return "%s: key %r only in %s" % (path, k, "jsondump" if k in a else "the file")
            d = first_diff(a[k], b[k], path + "." + k)
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return "%s: %d items != %d" % (path, len(a), len(b))
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_diff(x, y, "%s[%d]" % (path, i))
            if d:
                return d
        return None
    return None if a == b else "%s: %r != %r" % (path, a, b)

def read(p):
    with open(p, encoding="utf-8") as f:
        return f.read()

for c in json.load(sys.stdin):
    name = c["name"]
    with open(c["orig"], encoding="utf-8") as f:
        want = json.load(f)
    text = read(c["default"])
    got = json.loads(text)
    if got != want:
        print("%s: json.loads(jsondump output) != json.load(file): %s" % (name, first_diff(got, want)))
    for mode, kw in (("default", {}), ("compact", {"separators": (",", ":"), "ensure_ascii": False}), ("indent4", {"indent": 4})):
        if json.dumps(got, **kw) != read(c[mode]):
            print("%s: jsondump %s output differs from json.dumps(value, %s)" % (name, mode, ", ".join("%s=%r" % kv for kv in kw.items())))
`

// TestFaithful checks, with python3 as the oracle, that each struct type
// holds everything its file holds (json.loads of jsondump's output equals
// json.load of the file) and that jsondump's output is CPython's, byte for
// byte, in the benchmark's three modes. Without python3 it skips, except
// under CI=true.
func TestFaithful(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3 not found; CI needs it")
		}
		t.Skip("python3 not found; skipping the comparison with CPython")
	}
	dir := t.TempDir()
	type pyCase struct {
		Name    string `json:"name"`
		Orig    string `json:"orig"`
		Default string `json:"default"`
		Compact string `json:"compact"`
		Indent4 string `json:"indent4"`
	}
	var cases []pyCase
	for _, d := range datasets(t) {
		v, _ := d.load(t)
		orig, err := filepath.Abs(d.path)
		if err != nil {
			t.Fatal(err)
		}
		c := pyCase{Name: d.name, Orig: orig}
		for _, m := range []struct {
			dst  *string
			opts []jsondump.Option
		}{
			{&c.Default, nil},
			{&c.Compact, []jsondump.Option{jsondump.Separators(",", ":"), jsondump.EnsureASCII(false)}},
			{&c.Indent4, []jsondump.Option{jsondump.Indent(4)}},
		} {
			out, err := v.(jsondump.Dumper).AppendDumps(nil, m.opts...)
			if err != nil {
				t.Fatalf("%s: AppendDumps: %v", d.name, err)
			}
			*m.dst = filepath.Join(dir, fmt.Sprintf("%s-%d.json", d.name, len(cases)*3+len(m.opts)))
			if err := os.WriteFile(*m.dst, out, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		cases = append(cases, c)
	}
	in, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, "-c", checkScript)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.Bytes())
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if line != "" {
			t.Error(line)
		}
	}
}

// TestEncodersAgree checks that every encoder writes the same JSON value for
// each dataset: the benchmark compares like with like (and easyjson's
// generated code is current). Values are compared after encoding/json
// decodes them into any, so key order, spacing, escaping and number
// spelling (1 or 1.0) do not matter; a stream row's output is what it wrote
// to a bytes.Buffer, a peer's Encode ending in a newline (json.Unmarshal
// takes the trailing space). jsondump's compact rows must write the same
// bytes, whether they append, return a string or stream.
func TestEncodersAgree(t *testing.T) {
	for _, d := range datasets(t) {
		v, raw := d.load(t)
		mirror := d.loadMirror(t)
		var want any
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		var compactOut []byte
		for _, enc := range encoders {
			out, err := enc.output(valueFor(enc, v, mirror))
			if err != nil {
				t.Errorf("%s/%s: %v", d.name, enc.name, err)
				continue
			}
			switch enc.name {
			case "jsondump-compact":
				compactOut = out
			case "jsondump-Dumps-compact", "jsondump-Dump-compact":
				if !bytes.Equal(out, compactOut) {
					t.Errorf("%s/%s: %d bytes, not jsondump-compact's %d", d.name, enc.name, len(out), len(compactOut))
				}
			}
			if strings.HasSuffix(enc.name, "-Encode") && !bytes.HasSuffix(out, []byte("}\n")) {
				t.Errorf("%s/%s: output does not end in a newline after the value", d.name, enc.name)
			}
			var got any
			if err := json.Unmarshal(out, &got); err != nil {
				t.Errorf("%s/%s: output is not JSON: %v", d.name, enc.name, err)
				continue
			}
			if !reflect.DeepEqual(got, want) && !(enc.lossy && roughlyEqual(got, want)) {
				t.Errorf("%s/%s: output decodes to a different value than the file", d.name, enc.name)
			}
		}
	}
}

// TestReflectivePath checks that jsondump.Dumps of each dataset's value in
// its Mirror types, which have no generated code (the reflective path),
// writes the same bytes as the generated methods of the original types, in
// the benchmark's three modes; and that it allocates no more per call than
// encoding/json.Marshal of the same value (issue 12).
func TestReflectivePath(t *testing.T) {
	for _, d := range datasets(t) {
		v, _ := d.load(t)
		mirror := d.loadMirror(t)
		for _, opts := range [][]jsondump.Option{nil, compact, {jsondump.Indent(4)}, {jsondump.SortKeys(true), jsondump.Indent(1)}} {
			want, err := v.(jsondump.Dumper).Dumps(opts...)
			if err != nil {
				t.Fatalf("%s: Dumps: %v", d.name, err)
			}
			got, err := jsondump.Dumps(mirror, opts...)
			if err != nil || got != want {
				t.Errorf("%s, %d options: the reflective path's output differs from the generated code's (%d bytes, %v; want %d bytes)", d.name, len(opts), len(got), err, len(want))
			}
		}
		if testing.CoverMode() != "" || raceEnabled {
			continue // coverage counters and the race detector allocate
		}
		jsondump.Dumps(mirror, compact...) // warm the pool and the cache
		own := testing.AllocsPerRun(5, func() { jsondump.Dumps(mirror, compact...) })
		ej := testing.AllocsPerRun(5, func() { json.Marshal(v) })
		if own > ej {
			t.Errorf("%s: the reflective path's Dumps makes %v allocs/op, encoding/json.Marshal %v", d.name, own, ej)
		}
		t.Logf("%s: reflective Dumps %v allocs/op, encoding/json.Marshal %v", d.name, own, ej)
	}
}

// TestJsondumpAllocs checks the promises the benchmark relies on: AppendDumps
// into a buffer with room allocates nothing, in each mode, and the generated
// Dumps allocates once, its string (the rows' allocs field).
func TestJsondumpAllocs(t *testing.T) {
	if testing.CoverMode() != "" || raceEnabled {
		t.Skip("coverage counters and the race detector allocate")
	}
	for _, d := range datasets(t) {
		v, _ := d.load(t)
		for _, enc := range encoders {
			if !strings.HasPrefix(enc.name, "jsondump-") || enc.allocs < 0 || enc.stream != nil {
				continue
			}
			buf, _ := enc.encode(nil, v)
			n := testing.AllocsPerRun(5, func() { buf, _ = enc.encode(buf, v) })
			if n > float64(enc.allocs) {
				t.Errorf("%s/%s: %v allocs/op, want %d", d.name, enc.name, n, enc.allocs)
			}
		}
	}
}

// roughlyEqual reports whether a and b, decoded by encoding/json into any,
// are equal but for floats that differ by at most 1e-6 relatively or
// absolutely: what a six-decimal encoder keeps.
func roughlyEqual(a, b any) bool {
	switch a := a.(type) {
	case float64:
		b, ok := b.(float64)
		return ok && math.Abs(a-b) <= 1e-6*max(1, math.Abs(b))
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !roughlyEqual(a[i], b[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k, x := range a {
			if y, ok := b[k]; !ok || !roughlyEqual(x, y) {
				return false
			}
		}
		return true
	default:
		return reflect.DeepEqual(a, b)
	}
}
