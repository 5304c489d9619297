package jsondump_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jsondump/jsondump"
	"github.com/jsondump/jsondump/internal/pyoracle"
)

// TestDictPython builds random Dicts, nested in and holding the other
// dynamic forms, with a tagged description of each value's Python
// equivalent that does not go through jsondump. One python3 process builds
// each value, every Dict by assigning its items one by one (d[k] = v, which
// is dict(pairs)), and prints json.dumps of it under a few random option
// sets: the output, or the exception's type and message.
//
// Keys mix every kind Python coerces, keys equal in Python across kinds
// (False, 0, 0.0, -0.0, a *big.Int), repeated keys, strings equal only after
// U+FFFD replacement, NaNs, keys beyond 64 bits and past the 4300-digit
// limit, and keys of other types, comparable or not. Values nest Dicts,
// map[string]any and []any, refer back to an enclosing container (a cycle),
// and hold unknown objects for the Default hook.

// dtScript is the Python side. Each input line is one case: the tagged
// value and its option sets, as json.dumps keyword arguments ("default":
// true standing for dtDefault). For each option set it prints "OK <hex of
// the UTF-8 output>" or "ERR <type>: <message>". The message is taken from
// the pure-Python encoder (iterencode), which words a non-finite float as
// CPython 3.12 does (": nan"), as jsondump does; CPython 3.11's C encoder
// has the short form. A RecursionError (a cycle under check_circular=False)
// is compared by its type alone: Python's recursion limit is lowered to 100,
// far above the values' nesting, because Python takes time superlinear in
// the limit to reach it through a cycle.
const dtScript = `
import sys, json, struct, codecs
codecs.register_error('perbyte', lambda e: ('\ufffd', e.start + 1))
sys.setrecursionlimit(100)
classes = {}
class Other:
    def __init__(self, ident, cmp): self.ident, self.cmp = ident, cmp
    def __eq__(self, o): return self.cmp and type(o) is type(self) and o.cmp and o.ident == self.ident
    def __hash__(self): return hash(self.ident) if self.cmp else id(self)
def cls(name, base):
    if name not in classes:
        classes[name] = type(name, (base,), {})
    return classes[name]
class Unknown:
    def __init__(self, n): self.n = n
def dtDefault(o):
    if isinstance(o, Unknown):
        d = {}
        d["u"] = o.n
        d[1] = [o.n]
        d[True] = "t"
        return d
    raise TypeError("unexpected " + repr(o))
def text(h):
    return bytes.fromhex(h).decode('utf-8', 'perbyte')
def build(n, objs):
    t = n["t"]
    if t == "none": return None
    if t == "bool": return n["v"]
    if t == "int":
        sys.set_int_max_str_digits(0)
        try: return int(n["dec"])
        finally: sys.set_int_max_str_digits(4300)
    if t == "float": return struct.unpack(">d", bytes.fromhex(n["bits"]))[0]
    if t == "floatstr": return float(n["s"])
    if t == "str": return text(n["hex"])
    if t == "list":
        l = []
        objs[n["id"]] = l
        for x in n["items"]: l.append(build(x, objs))
        return l
    if t == "dict":
        d = {}
        objs[n["id"]] = d
        for k, v in n["items"]:
            key = build(k, objs)
            d[key] = build(v, objs)
        return d
    if t == "ref": return objs[n["id"]]
    if t == "unknown": return cls(n["type"], Unknown)(n["n"])
    if t == "other": return cls(n["type"], Other)(n["ident"], n["cmp"])
    raise Exception("bad tag " + t)
out = []
for line in sys.stdin:
    case = json.loads(line)
    v = build(case["v"], {})
    for kw in case["opts"]:
        if kw.pop("default", False): kw["default"] = dtDefault
        try:
            out.append("OK " + json.dumps(v, **kw).encode("utf-8").hex())
        except RecursionError as e:
            out.append("ERR RecursionError: " + str(e))
        except Exception:
            try:
                "".join(json.JSONEncoder(**kw).iterencode(v))
                out.append("ERR ?: C and Python encoders disagree")
            except Exception as e:
                out.append("ERR %s: %s" % (type(e).__name__, str(e).replace("\n", " ")))
sys.stdout.write("\n".join(out) + "\n")
`

// dtKey, dtIface and dtUnknown are types Python has no key or value for.
type (
	dtKey     struct{ n int } // comparable: two equal ones are one key
	dtIface   struct{ v any } // comparable by type; not when v holds a slice
	dtUnknown complex128      // a value for the Default hook: Go's complex numbers have no JSON form
)

// dtDefault is the Default hook, and dtScript's dtDefault its twin.
func dtDefault(v any) (any, error) {
	if u, ok := v.(dtUnknown); ok {
		n := int(real(u))
		return jsondump.Dict{{"u", n}, {1, []any{n}}, {true, "t"}}, nil
	}
	return nil, fmt.Errorf("unexpected %T", v)
}

// dtTag describes the Python value of a Go value, for dtScript.
type dtTag map[string]any

func dtStr(s string) dtTag { return dtTag{"t": "str", "hex": hex.EncodeToString([]byte(s))} }
func dtFloat(f float64) dtTag {
	return dtTag{"t": "float", "bits": fmt.Sprintf("%016x", math.Float64bits(f))}
}

// A dtCase is one value and its option sets.
type dtCase struct {
	v     any
	tag   dtTag
	opts  []dtOpts
	large bool // holds a Dict of 64 items or more, whose sort TypeError may name other types (pySort)
}

// A dtOpts is one option set, as Options and as json.dumps kwargs.
type dtOpts struct {
	opts   []jsondump.Option
	kwargs map[string]any
}

// dtGen draws random values and their tags.
type dtGen struct {
	r     *rand.Rand
	id    int
	open  []dtOpen // the containers being filled: a value may refer back to one
	ptrs  []*int   // pointer keys: the same pointer twice is one key
	large bool     // a Dict of 64 items or more was drawn
	nodes int      // values left to draw for this case: past it, only scalars
}

// A dtOpen is a container being filled, as Go holds it and by its tag id.
type dtOpen struct {
	v  any
	id int
}

func (g *dtGen) n(k int) int { return g.r.IntN(k) }

// dtStrings are string keys that collide: equal, or equal once invalid
// bytes are U+FFFD, or spelled like the text of another kind of key.
var dtStrings = []string{"", "a", "b", "A", "aa", "é", "\xff", "\xfe", "a\xff", "a\xfe", "\xe2\x82", "\ufffd",
	"\ufffd\ufffd", "null", "1", "1.0", "true", "NaN", "\U0001F600", "\"q\"", "\\", "\u2028", "\x00", "~"}

// str returns a random string: from dtStrings, or random bytes and code
// points, valid UTF-8 mostly.
func (g *dtGen) str() string {
	if g.n(2) == 0 {
		return dtStrings[g.n(len(dtStrings))]
	}
	var b strings.Builder
	for range g.n(6) {
		switch g.n(8) {
		case 0:
			b.WriteByte(byte(0x80 + g.n(0x80))) // invalid alone
		case 1:
			b.WriteRune(rune(0x80 + g.n(0x800)))
		case 2:
			b.WriteRune(rune(0x10000 + g.n(0x1000)))
		case 3:
			b.WriteByte(byte(g.n(0x20)))
		default:
			b.WriteByte(byte('a' + g.n(26)))
		}
	}
	return b.String()
}

// key returns a random key of any kind, drawn from small pools so that
// keys repeat and meet their equals of other kinds.
func (g *dtGen) key() (any, dtTag) {
	small := int64(g.n(5) - 2)
	dec := strconv.FormatInt(small, 10)
	switch g.n(24) {
	case 0:
		return nil, dtTag{"t": "none"}
	case 1, 2:
		b := g.n(2) == 1
		return b, dtTag{"t": "bool", "v": b}
	case 3:
		return int(small), dtTag{"t": "int", "dec": dec}
	case 4:
		return int8(small), dtTag{"t": "int", "dec": dec}
	case 5:
		return uint8(small + 2), dtTag{"t": "int", "dec": strconv.FormatInt(small+2, 10)}
	case 6:
		u := math.MaxUint64 - uint64(g.n(2))
		return u, dtTag{"t": "int", "dec": strconv.FormatUint(u, 10)}
	case 7:
		i := math.MinInt64 + int64(g.n(2))
		return i, dtTag{"t": "int", "dec": strconv.FormatInt(i, 10)}
	case 8, 9, 10:
		fs := []float64{0, math.Copysign(0, -1), 0.5, 1, 2, -1.5, 1e16, 0.1, math.Inf(1), math.Inf(-1), math.NaN(),
			1 << 63, 1 << 64, -(1 << 63), 1e20, 9007199254740993}
		f := fs[g.n(len(fs))]
		return f, dtFloat(f)
	case 11:
		fs := []float32{0.1, 1, -2, 0.5, float32(math.Inf(-1)), float32(math.NaN())}
		f := fs[g.n(len(fs))]
		return f, dtTag{"t": "floatstr", "s": strconv.FormatFloat(float64(f), 'g', -1, 32)}
	case 12:
		decs := []string{"", "2", "-1", "18446744073709551616", "-9223372036854775809", "1" + strings.Repeat("0", 30),
			"100000000000000000000"}
		if g.n(40) == 0 {
			decs = []string{"1" + strings.Repeat("0", 4300)} // past Python's digit limit
		}
		d := decs[g.n(len(decs))]
		if d == "" {
			return (*big.Int)(nil), dtTag{"t": "none"}
		}
		x, _ := new(big.Int).SetString(d, 10)
		return x, dtTag{"t": "int", "dec": d}
	case 13:
		return g.otherKey()
	default:
		s := g.str()
		return s, dtStr(s)
	}
}

// otherKey returns a key of a type Python cannot write, with its identity
// for Python: comparable keys equal by ==, the others never equal.
func (g *dtGen) otherKey() (any, dtTag) {
	other := func(typ, ident string, cmp bool) dtTag {
		return dtTag{"t": "other", "type": typ, "ident": ident, "cmp": cmp}
	}
	n := g.n(2)
	switch g.n(6) {
	case 0:
		return dtKey{n}, other("jsondump_test.dtKey", strconv.Itoa(n), true)
	case 1:
		return [1]int{n}, other("[1]int", strconv.Itoa(n), true)
	case 2:
		return []int{n}, other("[]int", "", false)
	case 3:
		if len(g.ptrs) < 2 {
			g.ptrs = append(g.ptrs, new(int))
		}
		i := g.n(len(g.ptrs))
		return g.ptrs[i], other("*int", strconv.Itoa(i), true)
	case 4:
		return dtIface{n}, other("jsondump_test.dtIface", "int "+strconv.Itoa(n), true)
	default:
		return dtIface{[]int{n}}, other("jsondump_test.dtIface", "", false)
	}
}

// dict returns a random Dict. Its keys come in one of a few mixes: distinct
// strings (the fast paths, long ones among them), valid strings that
// repeat, strings that repeat or are equal only after U+FFFD replacement,
// keys of every kind, numbers only (which SortKeys can order), other
// types only (which SkipKeys may drop to the last one).
func (g *dtGen) dict(depth int) (any, dtTag) {
	size := g.n(7)
	if g.n(8) == 0 {
		size = 10 + g.n(50)
	}
	mix := g.n(11)
	if mix == 10 {
		size = min(size, 3) // keys of other types: SortKeys fails on two that differ
	}
	if mix < 5 && g.n(6) == 0 {
		size = 13 + g.n(150) // past dictScanMax and mergeScanMax
	}
	size = min(size, max(g.nodes, 0))
	g.nodes -= size
	if size >= 64 {
		g.large = true
	}
	if g.n(30) == 0 {
		return jsondump.Dict(nil), dtTag{"t": "none"}
	}
	d := make(jsondump.Dict, size)
	id := g.push(d)
	items := make([][2]dtTag, size)
	seen := map[string]bool{}
	for i := range d {
		var k any
		var kt dtTag
		switch {
		case mix < 4: // distinct strings
			for {
				s := g.str()
				if !seen[s] {
					seen[s] = true
					k, kt = s, dtStr(s)
					break
				}
				if len(seen) > 20 {
					s += strconv.Itoa(i)
					if !seen[s] {
						seen[s] = true
						k, kt = s, dtStr(s)
						break
					}
				}
			}
		case mix < 5: // strings that repeat, all valid UTF-8 (dictStrings finds the repeat)
			s := dtStrings[g.n(6)]
			k, kt = s, dtStr(s)
		case mix < 6: // strings that repeat, or are equal only after U+FFFD replacement
			s := dtStrings[g.n(8)]
			if g.n(3) == 0 {
				s = dtStrings[g.n(len(dtStrings))]
			}
			k, kt = s, dtStr(s)
		case mix < 9:
			k, kt = g.key()
		case mix == 9: // numbers
			for kt = nil; kt == nil || kt["t"] == "str" || kt["t"] == "other" || kt["t"] == "none"; {
				k, kt = g.key()
			}
		default: // other types: the same key again, or another
			if i > 0 && g.n(2) == 0 {
				k, kt = d[i-1].Key, items[i-1][0]
			} else {
				k, kt = g.otherKey()
			}
		}
		v, vt := g.value(depth + 1)
		d[i] = jsondump.Item{Key: k, Value: v}
		items[i] = [2]dtTag{kt, vt}
	}
	g.pop()
	return d, dtTag{"t": "dict", "id": id, "items": items}
}

func (g *dtGen) push(v any) int {
	g.id++
	g.open = append(g.open, dtOpen{v, g.id})
	return g.id
}

func (g *dtGen) pop() { g.open = g.open[:len(g.open)-1] }

// value returns a random value: a scalar, an unknown object, a container
// (a Dict most often), or now and then an enclosing container (a cycle).
func (g *dtGen) value(depth int) (any, dtTag) {
	if len(g.open) > 0 && g.n(60) == 0 {
		o := g.open[g.n(len(g.open))]
		return o.v, dtTag{"t": "ref", "id": o.id}
	}
	k := g.n(20)
	if depth >= 4 || g.nodes <= 0 {
		k = 10 + g.n(10)
	}
	switch {
	case k < 5:
		return g.dict(depth)
	case k < 7:
		n := g.n(4)
		g.nodes -= n
		s := make([]any, n)
		id := g.push(s)
		items := make([]dtTag, n)
		for i := range s {
			s[i], items[i] = g.value(depth + 1)
		}
		g.pop()
		return s, dtTag{"t": "list", "id": id, "items": items}
	case k < 9:
		m := map[string]any{}
		id := g.push(m)
		tags := map[string]dtTag{}
		n := g.n(4)
		g.nodes -= n
		for range n {
			k := g.str()
			m[k], tags[k] = g.value(depth + 1)
		}
		g.pop()
		// Python's dict of a Go map is built in ascending key order.
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		items := make([][2]dtTag, len(keys))
		for i, k := range keys {
			items[i] = [2]dtTag{dtStr(k), tags[k]}
		}
		return m, dtTag{"t": "dict", "id": id, "items": items}
	case k < 10:
		n := g.n(3)
		return dtUnknown(complex(float64(n), 0)), dtTag{"t": "unknown", "type": "jsondump_test.dtUnknown", "n": n}
	}
	return g.scalar()
}

// scalar returns a random scalar value.
func (g *dtGen) scalar() (any, dtTag) {
	v := g.scalarValue()
	return v, dtScalarTag(v)
}

func (g *dtGen) scalarValue() any {
	switch g.n(9) {
	case 0:
		return nil
	case 1:
		return g.n(2) == 0
	case 2:
		return int64(g.r.Uint64())
	case 3:
		return uint32(g.r.Uint32())
	case 4:
		fs := []float64{0, math.Copysign(0, -1), 1e16, 1e-5, 0.1, math.NaN(), math.Inf(1), g.r.NormFloat64() * 1e10}
		return fs[g.n(len(fs))]
	case 5:
		return float32(g.r.NormFloat64())
	case 6:
		if g.n(20) == 0 {
			return new(big.Int).Exp(big.NewInt(10), big.NewInt(4300), nil) // past Python's digit limit
		}
		return new(big.Int).Lsh(big.NewInt(int64(g.n(100)-50)), uint(g.n(100)))
	}
	return g.str()
}

// dtScalarTag tags a value of scalarValue.
func dtScalarTag(v any) dtTag {
	switch x := v.(type) {
	case nil:
		return dtTag{"t": "none"}
	case bool:
		return dtTag{"t": "bool", "v": x}
	case int64:
		return dtTag{"t": "int", "dec": strconv.FormatInt(x, 10)}
	case uint32:
		return dtTag{"t": "int", "dec": strconv.FormatUint(uint64(x), 10)}
	case float64:
		return dtFloat(x)
	case float32:
		return dtTag{"t": "floatstr", "s": strconv.FormatFloat(float64(x), 'g', -1, 32)}
	case *big.Int:
		return dtTag{"t": "int", "dec": x.String()}
	case string:
		return dtStr(x)
	}
	panic(fmt.Sprintf("dtScalarTag: %T", v))
}

// options returns a random option set.
func (g *dtGen) options() dtOpts {
	var o dtOpts
	kw := map[string]any{}
	add := func(opt jsondump.Option, name string, val any) {
		o.opts = append(o.opts, opt)
		kw[name] = val
	}
	switch g.n(7) {
	case 0:
		add(jsondump.Indent(2), "indent", 2)
	case 1:
		add(jsondump.Indent(0), "indent", 0)
	case 2:
		add(jsondump.IndentString("\t"), "indent", "\t")
	case 3:
		add(jsondump.Indent(-1), "indent", -1)
	}
	switch g.n(4) {
	case 0:
		add(jsondump.Separators(",", ":"), "separators", []string{",", ":"})
	case 1:
		add(jsondump.Separators(" ,", " : "), "separators", []string{" ,", " : "})
	}
	flag := func(opt func(bool) jsondump.Option, name string, def bool, odds int) {
		if g.n(odds) == 0 {
			add(opt(!def), name, !def)
		}
	}
	flag(jsondump.EnsureASCII, "ensure_ascii", true, 3)
	flag(jsondump.SortKeys, "sort_keys", false, 2)
	flag(jsondump.SkipKeys, "skipkeys", false, 2)
	flag(jsondump.AllowNaN, "allow_nan", true, 5)
	if g.n(10) == 0 {
		// A cycle then runs into the depth limit, dtScript's 100:
		// MaxDepth keeps jsondump's there too, far below its default
		// 10000, where indented output would grow to hundreds of
		// megabytes.
		add(jsondump.CheckCircular(false), "check_circular", false)
		o.opts = append(o.opts, jsondump.MaxDepth(100))
	}
	if g.n(2) == 0 {
		o.opts = append(o.opts, jsondump.Default(dtDefault))
		kw["default"] = true
	}
	o.kwargs = kw
	return o
}

func TestDictPython(t *testing.T) {
	pyoracle.Python(t)
	// JSONDUMP_DICT_SEED and JSONDUMP_DICT_N explore beyond the fixed run.
	seed := uint64(11)
	if s := os.Getenv("JSONDUMP_DICT_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	n := 2500
	if s := os.Getenv("JSONDUMP_DICT_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	if testing.Short() {
		n = 300
	}
	g := &dtGen{r: rand.New(rand.NewPCG(seed, 0x5eed))}
	cases := make([]dtCase, n)
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	for i := range cases {
		c := &cases[i]
		g.large, g.nodes = false, 200
		if i%4 == 0 {
			c.v, c.tag = g.dict(0) // a Dict at the root
		} else {
			c.v, c.tag = g.value(0)
		}
		c.large = g.large
		var kwargs []map[string]any
		for range 4 {
			o := g.options()
			c.opts = append(c.opts, o)
			kwargs = append(kwargs, o.kwargs)
		}
		if err := enc.Encode(map[string]any{"v": c.tag, "opts": kwargs}); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	lines := pyoracle.Lines(pyoracle.Run(t, dtScript, in.Bytes()))
	pyTime, start := time.Since(start), time.Now()
	if len(lines) != 4*n {
		t.Fatalf("python3 printed %d lines, want %d", len(lines), 4*n)
	}
	fails := 0
	outcomes := map[string]int{}
	buf := make([]byte, 0, 1<<10)
	for i, c := range cases {
		for j, o := range c.opts {
			want := lines[4*i+j]
			kind, _, _ := strings.Cut(want, ":")
			if strings.HasPrefix(kind, "OK") {
				kind = "OK"
			}
			outcomes[kind]++
			s, err := jsondump.Dumps(c.v, o.opts...)
			got := dtResult(s, err)
			// AppendDumps into a reused buffer, and Dump, write the same.
			var aerr error
			buf, aerr = jsondump.AppendDumps(buf[:0], c.v, o.opts...)
			var w bytes.Buffer
			derr := jsondump.Dump(&w, c.v, o.opts...)
			if a, d := dtResult(string(buf), aerr), dtResult(w.String(), derr); err == nil && (a != got || d != got) ||
				err != nil && (aerr == nil || derr == nil || aerr.Error() != err.Error() || derr.Error() != err.Error()) {
				t.Errorf("case %d, %v: Dumps, AppendDumps and Dump differ:\n%s\n%s\n%s", i, o.kwargs, readable(got), readable(a), readable(d))
			}
			if dtSame(got, want, c.large) {
				continue
			}
			fails++
			if fails <= 10 {
				t.Errorf("seed %d, case %d, json.dumps(v, **%v):\nvalue: %s\n   go: %s\npython: %s",
					seed, i, o.kwargs, clip(dtTagText(c.tag)), readable(got), readable(want))
			}
		}
	}
	t.Logf("seed %d: %d values x 4 option sets: %v (python3 %v, jsondump %v)", seed, n, outcomes,
		pyTime.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	if fails > 0 {
		t.Errorf("%d mismatches in all", fails)
	}
	// The random values must reach every outcome.
	for _, kind := range []string{"OK", "ERR TypeError", "ERR ValueError", "ERR RecursionError"} {
		if outcomes[kind] < n/200 {
			t.Errorf("only %d outcomes %q in %v", outcomes[kind], kind, outcomes)
		}
	}
}

func dtResult(s string, err error) string {
	if err != nil {
		return "ERR " + pyErrorType(err) + ": " + err.Error()
	}
	return "OK " + hex.EncodeToString([]byte(s))
}

// dtSame reports whether the results agree: equal, or both a
// RecursionError, whose message names the place Python's recursion limit
// struck; or, for values holding a Dict of 64 items or more, both the sort
// TypeError, whose two type names may differ there (pySort's documented
// limit).
func dtSame(got, want string, large bool) bool {
	if got == want {
		return true
	}
	const recursion, sortErr = "ERR RecursionError:", "ERR TypeError: '<' not supported"
	if strings.HasPrefix(got, recursion) && strings.HasPrefix(want, recursion) {
		return true
	}
	return large && strings.HasPrefix(got, sortErr) && strings.HasPrefix(want, sortErr)
}

// dtStringDict returns a Dict of n distinct string keys, named as a
// service's fields are, and the map[string]any of the same items.
func dtStringDict(n int) (jsondump.Dict, map[string]any) {
	words := []string{"id", "user_name", "created_at", "status", "amount", "currency", "email", "tags",
		"description", "updated_at", "is_active", "country", "score", "version", "parent_id", "url"}
	d := make(jsondump.Dict, n)
	m := make(map[string]any, n)
	for i := range d {
		k := words[i%len(words)]
		if i >= len(words) {
			k += "_" + strconv.Itoa(i/len(words))
		}
		var v any = "value " + strconv.Itoa(i)
		if i%2 == 1 {
			v = i * 1000
		}
		d[i] = jsondump.Item{Key: k, Value: v}
		m[k] = v
	}
	return d, m
}

// TestDictAllocs checks that AppendDumps of Dicts of distinct string keys,
// nested and beside the other forms, allocates nothing with a reused
// buffer, on each path: the scan of short Dicts, the hash table of long
// ones, the sort under SortKeys; and so do Dicts that take the general
// path, of repeated keys or numbers.
func TestDictAllocs(t *testing.T) {
	skipAllocsIfInstrumented(t)
	short, _ := dtStringDict(8)
	scanMax, _ := dtStringDict(12) // dictScanMax: the longest that is scanned
	long, _ := dtStringDict(200)
	huge, _ := dtStringDict(3000)
	docs := map[string]any{
		"short":   short,
		"scanMax": scanMax,
		"long":    long,
		"huge":    huge,
		"nested": jsondump.Dict{{Key: "b", Value: short}, {Key: "a", Value: []any{long, map[string]any{"x": scanMax}}},
			{Key: "empty", Value: jsondump.Dict{}}, {Key: "nil", Value: jsondump.Dict(nil)}},
		// The general path: repeated keys, and numbers, equal ones among
		// them. (Keys that need the memory allocate it: a float32's
		// Python float, a *big.Int beyond 64 bits, the U+FFFD form of an
		// invalid string, the type name of a key Python cannot have.)
		"repeats": append(long[:20:20], long[:30]...),
		"numbers": jsondump.Dict{{Key: 1, Value: "a"}, {Key: 2.5, Value: "b"}, {Key: true, Value: "c"}, {Key: int8(-3), Value: "d"},
			{Key: uint64(1 << 63), Value: "e"}, {Key: big.NewInt(7), Value: "g"}, {Key: -1e300, Value: "i"}, {Key: 0.0, Value: "j"}},
	}
	optSets := map[string][]jsondump.Option{
		"defaults":  nil,
		"indent":    {jsondump.Indent(2)},
		"sort, tab": {jsondump.SortKeys(true), jsondump.IndentString("\t"), jsondump.EnsureASCII(false)},
		"compact":   {jsondump.Separators(",", ":"), jsondump.AllowNaN(false), jsondump.CheckCircular(false)},
	}
	for dname, doc := range docs {
		for oname, opts := range optSets {
			buf := make([]byte, 0, 256<<10)
			for range 4 { // warm the Encoder pool and its scratch space
				if _, err := jsondump.AppendDumps(buf[:0], doc, opts...); err != nil {
					t.Fatal(err)
				}
			}
			n := testing.AllocsPerRun(100, func() {
				var err error
				buf, err = jsondump.AppendDumps(buf[:0], doc, opts...)
				if err != nil {
					t.Fatal(err)
				}
			})
			if n != 0 {
				t.Errorf("AppendDumps of the %s Dict with %s: %v allocations, want 0", dname, oname, n)
			}
		}
	}
}

// BenchmarkDict compares a Dict of distinct string keys with the
// map[string]any of the same items, at sizes on both sides of
// dictScanMax (12), in Python's default layout into a reused buffer.
func BenchmarkDict(b *testing.B) {
	for _, n := range []int{4, 12, 16, 64, 1000} {
		d, m := dtStringDict(n)
		for _, sort := range []bool{false, true} {
			opts := []jsondump.Option{jsondump.SortKeys(sort)}
			name := strconv.Itoa(n)
			if sort {
				name += "/sort_keys"
			}
			for _, c := range []struct {
				form string
				v    any
			}{{"Dict", d}, {"map", m}} {
				b.Run(name+"/"+c.form, func(b *testing.B) {
					buf, err := jsondump.AppendDumps(nil, c.v, opts...)
					if err != nil {
						b.Fatal(err)
					}
					b.SetBytes(int64(len(buf)))
					b.ReportAllocs()
					for b.Loop() {
						buf, _ = jsondump.AppendDumps(buf[:0], c.v, opts...)
					}
				})
			}
		}
	}
}

// TestDictDepthLikeMap checks that Dicts count toward MaxDepth, and are
// checked for cycles, as map[string]any is: nested n deep, around the limit,
// a Dict and the map of the same items give the same text or the same error.
func TestDictDepthLikeMap(t *testing.T) {
	for n := 1; n <= 12; n++ {
		var d any = jsondump.Dict{}
		var m any = map[string]any{}
		for range n {
			d = jsondump.Dict{{Key: "k", Value: d}, {Key: "x", Value: []any{1}}}
			m = map[string]any{"k": m, "x": []any{1}}
		}
		for _, opts := range [][]jsondump.Option{{jsondump.MaxDepth(8)}, {jsondump.MaxDepth(8), jsondump.Indent(1)}} {
			ds, derr := jsondump.Dumps(d, opts...)
			ms, merr := jsondump.Dumps(m, opts...)
			if ds != ms || fmt.Sprint(derr) != fmt.Sprint(merr) {
				t.Errorf("nested %d deep: Dict gives %q, %v; map gives %q, %v", n, ds, derr, ms, merr)
			}
		}
	}
	// A Dict holding itself, directly and through a list.
	d := make(jsondump.Dict, 2)
	d[0] = jsondump.Item{Key: "self", Value: d}
	d[1] = jsondump.Item{Key: "list", Value: []any{d}}
	m := map[string]any{}
	m["self"], m["list"] = m, []any{m}
	for _, opts := range [][]jsondump.Option{nil, {jsondump.CheckCircular(false), jsondump.MaxDepth(50)}} {
		_, derr := jsondump.Dumps(d, opts...)
		_, merr := jsondump.Dumps(m, opts...)
		if derr == nil || fmt.Sprintf("%T %v", derr, derr) != fmt.Sprintf("%T %v", merr, merr) {
			t.Errorf("a Dict holding itself, %d options: %v; the map: %v", len(opts), derr, merr)
		}
	}
}

// TestDictReflective: a Dict reached by the reflective path (a field of a
// struct without generated methods, an element, a map value, behind a
// pointer) is written as the dict it stands for, exactly as the dynamic
// path writes it (TestDictPython checks that one against CPython).
func TestDictReflective(t *testing.T) {
	if !reflectBuild {
		t.Skip("the reflective path is left out of this build (jsondump_noreflect)")
	}
	nums := jsondump.Dict{{Key: 2.0, Value: "x"}, {Key: 2, Value: "y"}, {Key: true, Value: "z"}, {Key: 1, Value: "w"}}
	d := jsondump.Dict{{Key: "b", Value: 1}, {Key: "a", Value: nums}, {Key: "b", Value: 3}, {Key: "c", Value: jsondump.Dict{}}}
	type holder struct {
		D  jsondump.Dict
		P  *jsondump.Dict
		S  []jsondump.Dict
		M  map[string]jsondump.Dict
		N  jsondump.Dict
		Om jsondump.Dict `json:",omitempty"`
	}
	v := holder{D: d, P: &d, S: []jsondump.Dict{d, nil}, M: map[string]jsondump.Dict{"k": d}}
	dyn := map[string]any{"D": d, "P": d, "S": []any{d, jsondump.Dict(nil)}, "M": map[string]any{"k": d}, "N": jsondump.Dict(nil)}
	// Under SortKeys the struct's members and the map's come in one order.
	for _, opts := range [][]jsondump.Option{{jsondump.SortKeys(true)}, {jsondump.SortKeys(true), jsondump.Indent(2)}} {
		got, err1 := jsondump.Dumps(v, opts...)
		want, err2 := jsondump.Dumps(dyn, opts...)
		if err1 != nil || err2 != nil || got != want {
			t.Errorf("reflective %q, %v\ndynamic    %q, %v", got, err1, want, err2)
		}
	}
}

// dtTagText is a case's value as the python3 side builds it: a value may
// hold itself, which fmt would print forever.
func dtTagText(tag any) string {
	b, err := json.Marshal(tag)
	if err != nil {
		return err.Error()
	}
	return string(b)
}
