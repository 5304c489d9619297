package jsondumprt

import (
	"encoding"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/internal/pyoracle"
)

// The map[any] test sends python3 each random map as its unordered entries,
// each key tagged with its Go kind. Python builds the dict itself: it orders
// the entries by the documented rule (README.md) (nil, false, true, then numbers by exact
// value, then strings by bytes, then other types; ties by Go kind, -0.0
// first), written here in Python with fractions, and assigns them one by
// one, so that Python's own dict merges equal keys. json.dumps of that dict
// under each option set is the expected output, or its exception.

type amOtherKey struct{ n int }

var amOptionSets = []rlOptionSet{
	{nil, "", false},
	{[]Option{SortKeysOption(true)}, "sort_keys=True", false},
	{[]Option{SkipKeysOption(true)}, "skipkeys=True", false},
	{[]Option{SkipKeysOption(true), IndentOption(2)}, "skipkeys=True, indent=2", false},
	{[]Option{SkipKeysOption(true), SortKeysOption(true), EnsureASCIIOption(false)}, "skipkeys=True, sort_keys=True, ensure_ascii=False", false},
	{[]Option{AllowNaNOption(false), SeparatorsOption(",", ":")}, "allow_nan=False, separators=(',', ':')", false},
	{[]Option{SortKeysOption(true), IndentOption(1), AllowNaNOption(false)}, "sort_keys=True, indent=1, allow_nan=False", false},
}

const amPyScript = `
import sys, json, codecs
from fractions import Fraction
codecs.register_error('perbyte', lambda e: ('\ufffd', e.start + 1))
OPTS = [%s]
KINDS = ['bool', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16',
         'uint32', 'uint64', 'uintptr', 'float32', 'float64', 'bigint']
others = {}
def other(name):
    if name not in others:
        others[name] = type(name, (), {})
    return others[name]()
def key(tag, text):
    if tag in ('nil', 'nilbig'): return None
    if tag == 'bool': return text == 'true'
    if tag.startswith('float'): return float(text)
    if tag in KINDS: return int(text)
    if tag == 'str': return bytes.fromhex(text).decode('utf-8', 'perbyte')
    return other(tag)
def order(e):
    tag, text, raw = e
    if tag == 'nil': return (0, 0)
    if tag == 'nilbig': return (0, 1)
    if tag == 'bool': return (1, text == 'true')
    if tag in KINDS:
        k = key(tag, text)
        if k != k: return (1.5, 1)
        neg = tag.startswith('float') and str(k).startswith('-')
        if k in (float('inf'), float('-inf')):
            return (1.5, 0, 1 if k > 0 else -1, 0, KINDS.index(tag), True)
        return (1.5, 0, 0, Fraction(k), KINDS.index(tag), not neg)
    if tag == 'str': return (2, bytes.fromhex(text))
    return (3, tag)
for line in sys.stdin:
    entries = json.loads(line)
    d = {}
    for tag, text, value in sorted(entries, key=order):
        d[key(tag, text)] = value
    for o in OPTS:
        try:
            print('OK ' + json.dumps(d, **o).encode('utf-8').hex())
        except Exception as ex:
            print('ERR %%s: %%s' %% (type(ex).__name__, ex))
    sys.stdout.flush()
`

// Named types of the basic kinds, for keys that Python sees as the value of
// their kind (amNamed).
type (
	amBool    bool
	amInt     int
	amInt8    int8
	amInt32   int32
	amInt64   int64
	amUint    uint
	amUint64  uint64
	amUintptr uintptr
	amFloat32 float32
	amFloat64 float64
	amString  string
)

// amNamed returns k as a value of the named type of its kind, or k itself.
func amNamed(k any) any {
	switch k := k.(type) {
	case bool:
		return amBool(k)
	case int:
		return amInt(k)
	case int8:
		return amInt8(k)
	case int32:
		return amInt32(k)
	case int64:
		return amInt64(k)
	case uint:
		return amUint(k)
	case uint64:
		return amUint64(k)
	case uintptr:
		return amUintptr(k)
	case float32:
		return amFloat32(k)
	case float64:
		return amFloat64(k)
	case string:
		return amString(k)
	}
	return k
}

// amKey returns a random key and its tag and text for Python.
func amKey(r *rand.Rand) (k any, tag, text string) {
	small := int64(r.IntN(5) - 2)
	switch r.IntN(20) {
	case 0:
		return nil, "nil", ""
	case 1:
		b := r.IntN(2) == 1
		return b, "bool", strconv.FormatBool(b)
	case 2:
		return int(small), "int", strconv.FormatInt(small, 10)
	case 3:
		return int8(small), "int8", strconv.FormatInt(small, 10)
	case 4:
		i := math.MinInt64 + int64(r.IntN(2))
		return i, "int64", strconv.FormatInt(i, 10)
	case 5:
		u := uint64(r.IntN(3))
		return uint(u), "uint", strconv.FormatUint(u, 10)
	case 6:
		u := math.MaxUint64 - uint64(r.IntN(2))
		return u, "uint64", strconv.FormatUint(u, 10)
	case 7:
		return uintptr(1), "uintptr", "1"
	case 8, 9:
		fs := []float64{0, math.Copysign(0, -1), 0.5, 1, 2, -1.5, 1e300, math.Inf(1), math.Inf(-1), math.NaN(),
			1 << 63, 1 << 64, -(1 << 63), 9007199254740993, 0.1}
		f := fs[r.IntN(len(fs))]
		return f, "float64", strconv.FormatFloat(f, 'g', -1, 64)
	case 10:
		fs := []float32{0.1, 1, -2, 0.5, float32(math.Inf(1))}
		f := fs[r.IntN(len(fs))]
		return f, "float32", strconv.FormatFloat(float64(f), 'g', -1, 32)
	case 11, 12, 13, 14:
		ss := []string{"", "a", "b", "1", "\xff", "\xfe", "a\xff", "\xe2\x82", "\ufffd", "é", "null", "true", "\U0001F600", "\"q\""}
		s := ss[r.IntN(len(ss))]
		return s, "str", hex.EncodeToString([]byte(s))
	case 15:
		return amOtherKey{r.IntN(2)}, "jsondumprt.amOtherKey", ""
	case 16:
		return [1]int{r.IntN(2)}, "[1]int", ""
	case 17:
		// A Python int of any size; a nil one is None. Two *big.Ints of
		// one value are never drawn: which one's value is written is
		// not defined.
		bigs := []string{"", "-1", "2", "18446744073709551615", "18446744073709551616", "-9223372036854775809", "9223372036854775808", "1" + strings.Repeat("0", 30)}
		s := bigs[r.IntN(len(bigs))]
		if s == "" {
			return (*big.Int)(nil), "nilbig", ""
		}
		x, _ := new(big.Int).SetString(s, 10)
		return amBig(x), "bigint", s
	default:
		i := int32(r.IntN(7) - 3)
		return i, "int32", strconv.Itoa(int(i))
	}
}

func TestEncodeAnyMapPython(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	type mapCase struct {
		m      map[any]int
		hasNaN bool
	}
	var cases []mapCase
	var in strings.Builder
	for range 1500 {
		n := r.IntN(7)
		if r.IntN(10) == 0 {
			n = 20 + r.IntN(40)
		}
		m := map[any]int{}
		var entries [][3]any
		hasNaN := false
		for len(m) < n {
			k, tag, text := amKey(r)
			if f, ok := k.(float64); ok && math.IsNaN(f) {
				if hasNaN {
					continue // several NaN keys have no defined order
				}
				hasNaN = true
			}
			if _, dup := m[k]; dup {
				continue
			}
			entries = append(entries, [3]any{tag, text, len(m)})
			m[k] = len(m)
		}
		if reflectBuild && r.IntN(2) == 0 {
			// The same keys, some of named types of their kinds: the same
			// Python dict (a key keeps its kind, so the order is kept).
			named := make(map[any]int, len(m))
			for k, v := range m {
				if r.IntN(2) == 0 {
					k = amNamed(k)
				}
				named[k] = v
			}
			m = named
		}
		cases = append(cases, mapCase{m, hasNaN})
		fmt.Fprintf(&in, "%s\n", amJSON(entries))
	}
	var kw []string
	for _, o := range amOptionSets {
		kw = append(kw, "dict("+o.py+")")
	}
	out := pyoracle.Lines(pyoracle.Run(t, fmt.Sprintf(amPyScript, strings.Join(kw, ", ")), []byte(in.String())))
	if len(out) != len(cases)*len(amOptionSets) {
		t.Fatalf("python3 printed %d lines, want %d", len(out), len(cases)*len(amOptionSets))
	}
	fails := 0
	seen := map[string]int{}
	for i, c := range cases {
		for j, o := range amOptionSets {
			want := out[i*len(amOptionSets)+j]
			if strings.HasPrefix(want, "OK ") {
				seen["OK"]++
			} else {
				seen[strings.SplitN(want, ":", 2)[0]]++
			}
			if c.hasNaN && strings.Contains(o.py, "sort_keys") {
				continue // Python's order of a NaN key is not defined
			}
			// EncodeAnyMap (generated code and the listed forms), and the
			// reflective path, which writes a map[any]int itself.
			paths := []string{"EncodeAnyMap", "reflective"}
			if !reflectBuild {
				paths = paths[:1]
			}
			for _, path := range paths {
				e := NewEncoder(nil, o.opts)
				if path == "reflective" {
					e.Any(c.m)
				} else {
					EncodeAnyMap(e, c.m, func(e *Encoder, v int) { e.Int(int64(v)) })
				}
				b, err := e.Finish()
				got := "OK " + hex.EncodeToString(b)
				if err != nil {
					got = "ERR " + amErrClass(err) + ": " + err.Error()
				}
				if got == want || amSameError(got, want, len(c.m)) {
					continue
				}
				fails++
				if fails <= 10 {
					t.Errorf("%s, map %v, %s:\n got %s\nwant %s", path, c.m, o.py, amShow(got), amShow(want))
				}
			}
		}
	}
	if fails > 0 {
		t.Errorf("%d mismatches", fails)
	}
	t.Logf("outcomes: %v", seen)
	// The random maps must reach every outcome.
	for _, kind := range []string{"OK", "ERR TypeError", "ERR ValueError"} {
		if seen[kind] < 20 {
			t.Errorf("only %d outcomes %q in %v", seen[kind], kind, seen)
		}
	}
}

// amBigs interns the *big.Ints amKey draws, one pointer per value, so
// that a map never holds two of one value (see amKey).
var amBigs = map[string]*big.Int{}

func amBig(x *big.Int) *big.Int {
	if p, ok := amBigs[x.String()]; ok {
		return p
	}
	amBigs[x.String()] = x
	return x
}

func amJSON(entries [][3]any) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, x := range entries {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "[%q,%q,%d]", x[0], x[1], x[2])
	}
	b.WriteByte(']')
	return b.String()
}

func amErrClass(err error) string {
	var te *TypeError
	var ve *ValueError
	switch {
	case errors.As(err, &te):
		return "TypeError"
	case errors.As(err, &ve):
		return "ValueError"
	}
	return fmt.Sprintf("%T", err)
}

// amSameError accepts Python 3.11's out-of-range message, which lacks the
// ": nan" that 3.12 added and README's mapping asks for, and, for maps of 64
// members or more, any sort TypeError for any other (pySort's documented
// limit).
func amSameError(got, want string, n int) bool {
	if strings.HasPrefix(want, "ERR ValueError: Out of range float values are not JSON compliant") {
		return strings.HasPrefix(got, want+": ")
	}
	const sortErr = "ERR TypeError: '<' not supported"
	return n >= 64 && strings.HasPrefix(got, sortErr) && strings.HasPrefix(want, sortErr)
}

func amShow(s string) string {
	if h, ok := strings.CutPrefix(s, "OK "); ok {
		b, _ := hex.DecodeString(h)
		return "OK " + string(b)
	}
	return s
}

// tmKey's text forgets the sign, so -n and n are one Python key.
type tmKey int

func (k tmKey) MarshalText() ([]byte, error) {
	if k < 0 {
		k = -k
	}
	return []byte("k" + strconv.Itoa(int(k))), nil
}

// TestEncodeTextMapEqualTexts checks that keys with equal texts make one
// member, the same on every call: the dict is built in key order (the
// documented order for an ordered key type), so the first key in key order
// names it and the last one's value is written. python3 builds that dict
// from the entries in that order and prints the expected text.
func TestEncodeTextMapEqualTexts(t *testing.T) {
	m := map[tmKey]int{-3: 1, 3: 2, -1: 3, 1: 4, 2: 5}
	// (text, value) in (text, key) order, as the Python dict is built.
	entries := `[["k1", 3], ["k1", 4], ["k2", 5], ["k3", 1], ["k3", 2]]`
	want := tmPythonDict(t, entries)
	for range 50 {
		e := NewEncoder(nil, nil)
		EncodeTextMapOrdered(e, m, func(e *Encoder, v int) { e.Int(int64(v)) }, "jsondumprt.tmKey")
		got, err := e.Finish()
		if err != nil || string(got) != want {
			t.Fatalf("EncodeTextMapOrdered = %s, %v; want %s", got, err, want)
		}
	}
}

// tmPythonDict returns json.dumps of the dict python3 builds by assigning
// the (key, value) entries in order.
func tmPythonDict(t *testing.T, entries string) string {
	t.Helper()
	out := pyoracle.Run(t, "import json, sys\nd = {}\nfor k, v in json.loads(sys.stdin.read()):\n    d[k] = v\nsys.stdout.write(json.dumps(d))\n", []byte(entries))
	return string(out)
}

// TestTypedMapAllocs checks that maps with integer and float keys, nested,
// cost no allocation once the Encoder's scratch space is warm.
func TestTypedMapAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are not meaningful under the race detector (sync.Pool drops items)")
	}
	im := map[int]map[float64]uint8{}
	for i := range 100 {
		im[i*7-300] = map[float64]uint8{float64(i) / 3: uint8(i), -float64(i): 1}
	}
	um := map[uint32]bool{}
	for i := range 100 {
		um[uint32(i*i)] = i%2 == 0
	}
	buf := make([]byte, 0, 1<<16)
	encode := func() {
		e := NewEncoder(buf[:0], nil)
		if e.BeginArray() {
			e.Elem()
			EncodeIntMap(e, im, func(e *Encoder, v map[float64]uint8) {
				EncodeFloat64Map(e, v, func(e *Encoder, v uint8) { e.Uint(uint64(v)) })
			})
			e.Elem()
			EncodeUintMap(e, um, func(e *Encoder, v bool) { e.Bool(v) })
			e.EndArray()
		}
		if _, err := e.Finish(); err != nil {
			t.Fatal(err)
		}
	}
	encode()
	if n := testing.AllocsPerRun(50, encode); n != 0 {
		t.Errorf("%v allocations per run, want 0", n)
	}
}

// tmPtr has MarshalText on the value, so a nil *tmPtr cannot call it.
type tmPtr struct{ s string }

func (p tmPtr) MarshalText() ([]byte, error) { return []byte(p.s), nil }

// TestEncodeTextMapNilKeys checks that nil pointer and nil interface keys
// are the empty string, as encoding/json writes a nil pointer key, and do
// not panic.
func TestEncodeTextMapNilKeys(t *testing.T) {
	want := tmPythonDict(t, `[["", 1], ["b", 2]]`)
	for _, enc := range []func(e *Encoder){
		func(e *Encoder) {
			EncodeTextMap(e, map[*tmPtr]int{nil: 1, {"b"}: 2}, func(e *Encoder, v int) { e.Int(int64(v)) }, "*jsondumprt.tmPtr")
		},
		func(e *Encoder) {
			EncodeTextMap(e, map[encoding.TextMarshaler]int{nil: 1, tmPtr{"b"}: 2}, func(e *Encoder, v int) { e.Int(int64(v)) }, "encoding.TextMarshaler")
		},
	} {
		e := NewEncoder(nil, nil)
		enc(e)
		got, err := e.Finish()
		if err != nil || string(got) != want {
			t.Errorf("got %s, %v; want %s", got, err, want)
		}
	}
}
