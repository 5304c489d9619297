package jsondump_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/jsondump/jsondump"
	"github.com/jsondump/jsondump/internal/pyoracle"
)

// FuzzDumpsPython compares jsondump with CPython on arbitrary JSON text. For
// an input text it checks two Go paths against two Python answers, under each
// of fuzzOptionSets:
//
//   - decoded: encoding/json decodes the text into an any with UseNumber, so
//     objects become map[string]any, numbers json.Number (exact: jsondump
//     reads each as json.loads would, an int or a float); Dumps of that must
//     be Python's json.dumps of json.loads(text) with every object built in
//     ascending key order — the dict README's mapping makes of a Go map. Python gets
//     that dict from object_pairs_hook: dict(pairs) keeps the last value of a
//     repeated key, as a Go map does, then the keys are sorted by code point,
//     which is UTF-8 byte order.
//   - raw: Dumps of json.RawMessage(text), jsondump's own reading of the text,
//     must be exactly json.dumps(json.loads(text)): document order, the last
//     value of a repeated key at its first key's place, lone surrogates kept.
//
// Which inputs are compared, and why:
//
//   - Text that encoding/json rejects (json.Valid) is skipped, except text
//     holding NaN or Infinity: Python's json.loads accepts those literals, so
//     the raw path is compared there; where json.loads rejects the text too,
//     jsondump must return an error.
//   - Bytes that are not UTF-8: json.loads needs a str, and encoding/json's
//     decoder and jsondump both read each byte that is not part of valid
//     UTF-8 as U+FFFD (utf8.DecodeRune; README's mapping), so Python is given the
//     text with exactly those replacements. Nothing is skipped.
//   - A \uXXXX escape of a lone surrogate: encoding/json decodes it to U+FFFD,
//     where Python's str keeps the surrogate, so the decoded path is not the
//     same value and is skipped for that input. The raw path is compared;
//     with ensure_ascii=False Python's output keeps the surrogate, which UTF-8
//     cannot hold, and doc.go (Limits) says jsondump writes it as its \uXXXX
//     escape, so the script does the same to Python's output.
//   - Repeated keys are compared on both paths (see above).
//   - An int of more than 4300 digits makes json.loads raise ValueError.
//     The raw path must give the same error. The decoded path meets the
//     digits only when Dumps writes that json.Number, in output order, and
//     not at all when a repeated key dropped it ({"": 1...1, "": 2}). So for
//     the decoded path the script reads such an int as a LongInt, which
//     json.dumps hands to default=, which raises int()'s ValueError there:
//     the same error, or none, in the same order as jsondump.
//   - Depth: encoding/json accepts nesting up to 10000 levels, jsondump's
//     default MaxDepth. The script raises Python's recursion limit in a
//     thread with a large stack so that CPython reads and writes all of it
//     (its default limit stops near 1000). Beyond 10000 levels only NaN
//     inputs get through json.Valid; there Python is not asked, and jsondump
//     must return an error. While fuzzing, inputs nested deeper than
//     fuzzingMaxDepth are skipped, for CPython's sake (see there).
//
// The python3 co-process starts at the first input that needs it and serves
// the whole run (one per fuzzing worker). The seed corpus in
// testdata/fuzz/FuzzDumpsPython runs with go test; explore further with
//
//	go test -run '^$' -fuzz '^FuzzDumpsPython$' -fuzztime 5m .
func FuzzDumpsPython(f *testing.F) {
	pyoracle.Python(f)
	fl := flag.Lookup("test.fuzz") // set in go test -fuzz and in its workers
	fuzzing := fl != nil && fl.Value.String() != ""
	var (
		once sync.Once
		py   *pyoracle.Coprocess
	)
	// JSONDUMP_FUZZ_STATS names a file to which each process (each fuzzing
	// worker) appends how many inputs it compared, for the figures a fuzz
	// run's "execs" do not give: most inputs the fuzzer makes are not JSON.
	var stats struct{ inputs, notJSON, tooDeep, pastMaxDepth, rawOnly, both int }
	f.Cleanup(func() {
		if py != nil {
			py.Close()
		}
		if path := os.Getenv("JSONDUMP_FUZZ_STATS"); path != "" {
			if w, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644); err == nil {
				fmt.Fprintf(w, "inputs %d notjson %d toodeep %d pastmaxdepth %d rawonly %d both %d\n",
					stats.inputs, stats.notJSON, stats.tooDeep, stats.pastMaxDepth, stats.rawOnly, stats.both)
				w.Close()
			}
		}
	})
	kwargs := make([]map[string]any, len(fuzzOptionSets))
	for i, o := range fuzzOptionSets {
		kwargs[i] = o.kwargs
	}
	header, err := json.Marshal(kwargs)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		stats.inputs++
		valid := json.Valid(in)
		if !valid && !bytes.Contains(in, []byte("NaN")) && !bytes.Contains(in, []byte("Infinity")) {
			stats.notJSON++
			return
		}
		depth := nestingDepth(in)
		if fuzzing && depth > fuzzingMaxDepth {
			stats.tooDeep++
			return
		}
		if depth > fuzzMaxDepth {
			stats.pastMaxDepth++
			// Only text with NaN gets here (json.Valid allows 10000 levels),
			// and Python's answer is not needed: past MaxDepth, whatever
			// json.loads makes of the text, jsondump must refuse it.
			for _, o := range fuzzOptionSets {
				if _, err := jsondump.Dumps(json.RawMessage(in), append(o.opts, jsondump.MaxDepth(fuzzMaxDepth))...); err == nil {
					t.Errorf("raw path, options %s: %d levels of nesting written without error: %q", o.name, depth, clip(string(in)))
				}
			}
			return
		}
		decoded := valid && !hasLoneSurrogateEscape(in)
		once.Do(func() {
			py = pyoracle.Start(t, fuzzScript)
			if _, err := py.Ask(string(header), 1); err != nil {
				t.Fatal(err)
			}
		})
		if py == nil {
			t.Fatal("the python3 co-process did not start (see the first failure)")
		}
		views := "r"
		if decoded {
			views = "mr"
			stats.both++
		} else {
			stats.rawOnly++
		}
		n := len(fuzzOptionSets)
		lines, err := py.Ask(views+" "+hex.EncodeToString(replaceInvalidUTF8(in)), len(views)*n)
		if err != nil {
			t.Fatalf("input %q: %v", clip(string(in)), err)
		}
		if decoded {
			dec := json.NewDecoder(bytes.NewReader(in))
			dec.UseNumber()
			var v any
			if err := dec.Decode(&v); err != nil {
				t.Fatalf("json.Valid accepts %q, Decode does not: %v", clip(string(in)), err)
			}
			for j, o := range fuzzOptionSets {
				checkFuzzResult(t, "decoded", in, o, j, v, lines[j], valid)
			}
			lines = lines[n:]
		}
		for j, o := range fuzzOptionSets {
			checkFuzzResult(t, "raw", in, o, j, json.RawMessage(in), lines[j], valid)
		}
	})
}

// checkFuzzResult compares Dumps(v, o.opts...) with Python's answer want, an
// "OK <hex>" or "ERR <Type>: <message>" line from fuzzScript, or "LOADERR
// <Type>: <message>" when json.loads itself raised. One option set in turn
// (by the input's length) also goes through Dump, which streams.
func checkFuzzResult(t *testing.T, path string, in []byte, o diffOpts, j int, v any, want string, valid bool) {
	t.Helper()
	opts := append(o.opts[:len(o.opts):len(o.opts)], jsondump.MaxDepth(fuzzMaxDepth))
	s, err := jsondump.Dumps(v, opts...)
	got := goResult(s, err)
	if j == len(in)%len(fuzzOptionSets) {
		var w bytes.Buffer
		derr := jsondump.Dump(&w, v, opts...)
		if dgot := goResult(w.String(), derr); derr == nil && dgot != got || (derr == nil) != (err == nil) {
			t.Errorf("%s path, %s, input %q: Dump %s differs from Dumps %s", path, o.name, clip(string(in)), readable(dgot), readable(got))
		}
	}
	fail := func(why string) {
		t.Errorf("%s path, options %s: %s\ninput:  %q\n   go:  %s\npython: %s", path, o.name, why, clip(string(in)), readable(got), readable(want))
	}
	loadErr, isLoadErr := strings.CutPrefix(want, "LOADERR ")
	switch {
	case !isLoadErr:
		if got != want {
			fail("outputs differ")
		}
	case strings.HasPrefix(loadErr, "ValueError: "+intLimitPrefix):
		if got != "ERR "+loadErr {
			fail("json.loads raised ValueError for a long int")
		}
	case strings.HasPrefix(loadErr, "RecursionError: "):
		if !strings.HasPrefix(got, "ERR RecursionError: ") {
			fail("json.loads raised RecursionError")
		}
	case valid:
		fail("json.loads rejects text that encoding/json accepts")
	case err == nil:
		fail("json.loads rejects the text, Dumps of it as a json.RawMessage does not")
	}
}

// fuzzingMaxDepth limits the nesting of the inputs compared while fuzzing
// (go test -fuzz), not when go test runs the seed corpus. CPython's indented
// output is quadratic in the depth, and its pure-Python encoder (used for
// any indent) resumes one generator per level for each chunk: an input of
// 800 levels costs CPython about 0.4 s where a flat one costs 0.1 ms, and the
// fuzzer mutates the deep seeds as often as any other. The seeds
// deep_arrays_1100, deep_objects_1100 and deep_nan_10001 check the depths
// past CPython's default recursion limit and past MaxDepth.
const fuzzingMaxDepth = 100

// fuzzMaxDepth is encoding/json's nesting limit; the fuzz targets give
// jsondump the same MaxDepth (its default is CPython's 1000).
const fuzzMaxDepth = 10000

// nestingDepth returns the deepest nesting of arrays and objects in text,
// which need not be valid JSON: brackets inside strings do not count.
func nestingDepth(text []byte) int {
	depth, deepest, inString := 0, 0, false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '[' || c == '{':
			depth++
			deepest = max(deepest, depth)
		case c == ']' || c == '}':
			depth--
		}
	}
	return deepest
}

// intLimitPrefix begins CPython's ValueError for an int of more than 4300
// digits (sys.get_int_max_str_digits()).
const intLimitPrefix = "Exceeds the limit (4300 digits) for integer string conversion"

// fuzzOptionSets are the option sets FuzzDumpsPython tries on each input:
// each keyword at least once off its default, and ensure_ascii both ways
// with and without an indent. Every set costs two dumps in Python and two
// in Go per input.
var fuzzOptionSets = []diffOpts{
	{"defaults", nil, map[string]any{}},
	{"indent=2", []jsondump.Option{jsondump.Indent(2)}, map[string]any{"indent": 2}},
	{"compact, sort_keys, ensure_ascii=False",
		[]jsondump.Option{jsondump.Separators(",", ":"), jsondump.SortKeys(true), jsondump.EnsureASCII(false)},
		map[string]any{"separators": []string{",", ":"}, "sort_keys": true, "ensure_ascii": false}},
	{"indent=tab, sort_keys", []jsondump.Option{jsondump.IndentString("\t"), jsondump.SortKeys(true)},
		map[string]any{"indent": "\t", "sort_keys": true}},
	{"indent=0, separators=(' ,', ' : '), allow_nan=False, check_circular=False",
		[]jsondump.Option{jsondump.Indent(0), jsondump.Separators(" ,", " : "), jsondump.AllowNaN(false), jsondump.CheckCircular(false)},
		map[string]any{"indent": 0, "separators": []string{" ,", " : "}, "allow_nan": false, "check_circular": false}},
	{"indent=1, ensure_ascii=False, allow_nan=False, sort_keys",
		[]jsondump.Option{jsondump.Indent(1), jsondump.EnsureASCII(false), jsondump.AllowNaN(false), jsondump.SortKeys(true)},
		map[string]any{"indent": 1, "ensure_ascii": false, "allow_nan": false, "sort_keys": true}},
}

// fuzzScript is the Python side of FuzzDumpsPython. Its first input line is
// the list of kwargs, answered by "ready". Each later line is "<views> <hex of
// the UTF-8 text>", views being "mr" or "r"; for each view ("m": every dict
// in ascending key order; "r": json.loads as it is) and each option set it
// prints one line: "OK <hex of the UTF-8 output>", "ERR <Type>: <message>"
// when json.dumps raises, or "LOADERR <Type>: <message>" when json.loads
// raises. Error messages come from the pure-Python encoder, which has
// CPython 3.12's wording (": nan") that README's mapping asks for, as diffScript's
// do. The work runs in a thread with a 512 MiB stack and a recursion limit
// of 40000, so that CPython reads and writes the 10000 levels encoding/json
// allows without a RecursionError and without overflowing its C stack.
const fuzzScript = `
import sys, json, re, threading
lone = re.compile("[\ud800-\udfff]")
def ascending(pairs):
    return dict(sorted(dict(pairs).items()))
class LongInt:
    def __init__(self, s): self.s = s
def parse_int(s):
    try: return int(s)
    except ValueError: return LongInt(s)
def long_int(o):
    if isinstance(o, LongInt): int(o.s)
    raise TypeError("not a LongInt")
def error(prefix, e):
    return "%s %s: %s" % (prefix, type(e).__name__, str(e).replace("\n", " "))
def main():
    optsets = json.loads(sys.stdin.readline())
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    for line in sys.stdin:
        views, h = line.split()
        text = bytes.fromhex(h).decode("utf-8")
        out = []
        for view in views:
            try:
                if view == "m":
                    v = json.loads(text, object_pairs_hook=ascending, parse_int=parse_int)
                else:
                    v = json.loads(text)
            except Exception as e:
                out.extend([error("LOADERR", e)] * len(optsets))
                continue
            for kw in optsets:
                if view == "m": kw = dict(kw, default=long_int)
                try:
                    s = json.dumps(v, **kw)
                    s = lone.sub(lambda m: "\\u%04x" % ord(m.group()), s)
                    out.append("OK " + s.encode("utf-8").hex())
                except Exception:
                    try:
                        "".join(json.JSONEncoder(**kw).iterencode(v))
                        out.append("ERR ?: C and Python encoders disagree")
                    except Exception as e:
                        out.append(error("ERR", e))
        sys.stdout.write("\n".join(out) + "\n")
        sys.stdout.flush()
sys.setrecursionlimit(40000)
threading.stack_size(512 << 20)
t = threading.Thread(target=main)
t.start()
t.join()
`

// replaceInvalidUTF8 returns b with each byte that is not part of valid
// UTF-8 replaced by U+FFFD, as utf8.DecodeRune reads it: "\xe2\x82" (a cut
// sequence) is two U+FFFD, "\xed\xa0\x80" (an encoded surrogate) three.
// encoding/json's decoder and jsondump read text so.
func replaceInvalidUTF8(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	out := make([]byte, 0, len(b)+8)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, b[:size]...)
		}
		b = b[size:]
	}
	return out
}

// FuzzTypedPython compares jsondump with CPython on values of arbitrary Go
// types (typed_values_test.go): the fuzz input's bytes choose a type —
// typed maps and slices of every key and element kind, arrays, pointers,
// anonymous structs with tags, omitempty, omitzero, ,string and embedding,
// named kinds, Marshalers, values in any at every depth — and fill a value
// of it; its Python equivalent comes from the test's own model, which
// CPython rebuilds and dumps under each of fuzzOptionSets. On the default
// build these values take the reflective path; under -tags
// jsondump_noreflect the model makes them unknown objects.
//
//	go test -run '^$' -fuzz '^FuzzTypedPython$' -fuzztime 5m .
func FuzzTypedPython(f *testing.F) {
	pyoracle.Python(f)
	var (
		once sync.Once
		py   *pyoracle.Coprocess
	)
	f.Cleanup(func() {
		if py != nil {
			py.Close()
		}
	})
	kwargs := make([]map[string]any, len(fuzzOptionSets))
	for i, o := range fuzzOptionSets {
		kwargs[i] = o.kwargs
	}
	header, err := json.Marshal(kwargs)
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{"", "\x00", "\x00\x00\x1d\x00\x00\x05", "struct", "maps\x00\x00\x19\x00\x00\x0c\xff", "\xff\xff\xff\xfe\xfd\xfc", "pointers\x00\x00\x16\x00\x00\x16", "any keys \x00\x00\x1a\x00\x00\x09\x00\x00\x0a"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		g := &typedGen{r: &bytesRand{b: in}}
		v, tag := g.value(3)
		line, err := json.Marshal(tag)
		if err != nil {
			t.Fatal(err)
		}
		once.Do(func() {
			py = pyoracle.Start(t, fuzzTypedScript)
			if _, err := py.Ask(string(header), 1); err != nil {
				t.Fatal(err)
			}
		})
		if py == nil {
			t.Fatal("the python3 co-process did not start (see the first failure)")
		}
		lines, err := py.Ask(string(line), len(fuzzOptionSets))
		if err != nil {
			t.Fatalf("input %q: %v", in, err)
		}
		for j, o := range fuzzOptionSets {
			s, err := jsondump.Dumps(v, o.opts...)
			if got := goResult(s, err); got != lines[j] {
				t.Errorf("options %s, input %q\nvalue: %s\n   go:  %s\npython: %s", o.name, in, clip(fmt.Sprintf("%#v", v)), readable(got), readable(lines[j]))
			}
		}
	})
}

// fuzzTypedScript is the Python side of FuzzTypedPython: its first line is
// the list of kwargs, answered by "ready"; each later line a tag tree
// (typed_values_test.go), answered by one line per option set, as
// diffScript answers.
const fuzzTypedScript = `
import sys, json, struct, re
classes = {}
def cls(name):
    if name not in classes: classes[name] = type(name, (), {})
    return classes[name]
class Quoted:
    __slots__ = ("v",)
    def __init__(self, v): self.v = v
def build(n):
    t = n["t"]
    if t == "none": return None
    if t == "bool": return n["v"]
    if t == "str": return "".join(map(chr, n["cps"]))
    if t == "int":
        sys.set_int_max_str_digits(0)
        try: return int(n["dec"])
        finally: sys.set_int_max_str_digits(4300)
    if t == "float": return struct.unpack(">d", bytes.fromhex(n["bits"]))[0]
    if t == "floatstr": return float(n["s"])
    if t == "list": return [build(x) for x in n["items"]]
    if t == "dict":
        d = {}
        for k, v in n["items"]: d[build(k)] = build(v)
        return d
    if t == "raw": return json.loads("".join(map(chr, n["cps"])))
    if t == "obj": return cls(n["name"])()
    if t == "quoted": return Quoted(build(n["v"]))
    raise Exception("bad tag " + t)
def make_default(kw):
    ea, an = kw.get("ensure_ascii", True), kw.get("allow_nan", True)
    def default(o):
        if isinstance(o, Quoted): return "".join(json.JSONEncoder(ensure_ascii=ea, allow_nan=an).iterencode(o.v))
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")
    return default
lone = re.compile("[\ud800-\udfff]")
optsets = [dict(kw, default=make_default(kw)) for kw in json.loads(sys.stdin.readline())]
sys.stdout.write("ready\n")
sys.stdout.flush()
for line in sys.stdin:
    v = build(json.loads(line))
    out = []
    for kw in optsets:
        try:
            s = json.dumps(v, **kw)
            s = lone.sub(lambda m: "\\u%04x" % ord(m.group()), s)
            out.append("OK " + s.encode("utf-8").hex())
        except Exception:
            try:
                "".join(json.JSONEncoder(**kw).iterencode(v))
                out.append("ERR ?: C and Python encoders disagree")
            except Exception as e:
                out.append("ERR %s: %s" % (type(e).__name__, str(e).replace("\n", " ")))
    sys.stdout.write("\n".join(out) + "\n")
    sys.stdout.flush()
`
