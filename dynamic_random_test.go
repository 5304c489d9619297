package jsondump_test

// Red-team differential tests of the dynamic path (values passed as any to
// the root package, no generated code) against CPython 3.11's json.dumps.
//
// Every Go value is built together with an independent description of its
// Python equivalent (a tagged tree that a Python script rebuilds: ints from
// decimal text, floats from their bits, strs from code points, lists and dicts
// with identities, so that shared and cyclic values are the same objects in
// Python as in Go). One python3 process answers a whole batch. Options are
// drawn at random per case, and built as Go Options and Python kwargs side by
// side.
//
// The run is seeded and small by default (CI); JSONDUMP_RT_SEED and
// JSONDUMP_RT_N explore further.

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/jsondump/jsondump"
	"github.com/jsondump/jsondump/internal/pyoracle"
)

// rtScript rebuilds each described value and prints one line per case:
// "OK <hex of the UTF-8 output>" or "ERR <Type>: <message>". A case is a JSON
// object {"v": tree, "kw": kwargs, "hook": bool}.
//
// Messages are taken from the pure-Python encoder when the C one fails (its
// wording is CPython 3.12's, which README's mapping asks for). Lone surrogates left
// in an ensure_ascii=False output (only from \u escapes in raw JSON) are
// written as their \uXXXX escape, as doc.go's Limits say jsondump does.
const rtScript = `
import sys, json, struct, re
class HookErr(Exception): pass
class Quoted:
    __slots__ = ("v",)
    def __init__(self, v): self.v = v
classes = {}
def cls(name):
    c = classes.get(name)
    if c is None:
        c = classes[name] = type(name, (), {})
    return c
def dflt(o):
    if getattr(o, "err", None): raise HookErr(o.err)
    if getattr(o, "tn", False): return type(o).__name__
    return o.r
def shells(n, memo):
    t = n["t"]
    if "id" in n and t != "ref":
        memo[n["id"]] = [] if t == "list" else {} if t == "dict" else cls(n["name"])()
    if t == "list":
        for x in n["items"]: shells(x, memo)
    elif t == "dict":
        for k, v in n["items"]: shells(k, memo); shells(v, memo)
    elif t == "obj" and "r" in n:
        shells(n["r"], memo)
def build(n, memo):
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
    if t == "raw": return json.loads("".join(map(chr, n["cps"])))
    if t == "ref": return memo[n["id"]]
    if t == "list":
        l = memo[n["id"]] if "id" in n else []
        for x in n["items"]: l.append(build(x, memo))
        return l
    if t == "dict":
        d = memo[n["id"]] if "id" in n else {}
        for k, v in n["items"]: d[build(k, memo)] = build(v, memo)
        return d
    if t == "quoted": return Quoted(build(n["v"], memo))
    if t == "obj":
        o = memo[n["id"]] if "id" in n else cls(n["name"])()
        o.err = n.get("err")
        o.tn = n.get("tn", False)
        o.r = build(n["r"], memo) if "r" in n else None
        return o
    raise Exception("bad tag " + t)
lone = re.compile("[\ud800-\udfff]")
out = []
for line in sys.stdin.buffer.read().decode("utf-8").split("\n"):
    if not line: continue
    c = json.loads(line)
    kw = c["kw"]
    if "separators" in kw: kw["separators"] = tuple(kw["separators"])
    # A ,string field (Quoted) is its JSON text under the current
    # ensure_ascii and allow_nan, as a str; other objects go to the hook,
    # or are json's TypeError.
    def default(o, hook=c.get("hook"), ea=kw.get("ensure_ascii", True), an=kw.get("allow_nan", True)):
        if isinstance(o, Quoted): return "".join(json.JSONEncoder(ensure_ascii=ea, allow_nan=an).iterencode(o.v))
        if hook: return dflt(o)
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")
    kw["default"] = default
    try:
        memo = {}
        shells(c["v"], memo)
        v = build(c["v"], memo)
    except Exception as e:
        out.append("ERR Build%s: %s" % (type(e).__name__, str(e).replace("\n", " ")))
        continue
    try:
        s = json.dumps(v, **kw)
        s = lone.sub(lambda m: "\\u%04x" % ord(m.group()), s)
        out.append("OK " + s.encode("utf-8").hex())
    except BaseException as e0:
        e = e0
        if not isinstance(e0, RecursionError):
            try:
                "".join(json.JSONEncoder(**kw).iterencode(v))
                e = None
            except BaseException as e1:
                e = e1
        if e is None:
            out.append("ERR ?: C and Python encoders disagree")
        elif isinstance(e, HookErr):
            out.append("ERR Hook: %s" % e)
        else:
            out.append("ERR %s: %s" % (type(e).__name__, str(e).replace("\n", " ")))
sys.stdout.write("\n".join(out) + "\n")
`

// rtTag describes a Python value.
type rtTag map[string]any

func rtNone() rtTag          { return rtTag{"t": "none"} }
func rtBool(b bool) rtTag    { return rtTag{"t": "bool", "v": b} }
func rtInt(dec string) rtTag { return rtTag{"t": "int", "dec": dec} }
func rtF64(f float64) rtTag {
	return rtTag{"t": "float", "bits": fmt.Sprintf("%016x", math.Float64bits(f))}
}

// rtF32 is the documented Python float of a float32: the float of its shortest
// decimal.
func rtF32(f float32) rtTag {
	return rtTag{"t": "floatstr", "s": strconv.FormatFloat(float64(f), 'g', -1, 32)}
}

// rtCPs is the Python str of a Go string (or byte text): each byte that is
// not part of valid UTF-8 is U+FFFD, as a range loop reads it.
func rtCPs(s string) []rune {
	cps := []rune{}
	for _, r := range s {
		cps = append(cps, r)
	}
	return cps
}

func rtStr(s string) rtTag { return rtTag{"t": "str", "cps": rtCPs(s)} }
func rtRaw(s string) rtTag { return rtTag{"t": "raw", "cps": rtCPs(s)} }
func rtRef(id int) rtTag   { return rtTag{"t": "ref", "id": id} }
func rtList(items []rtTag) rtTag {
	if items == nil {
		items = []rtTag{}
	}
	return rtTag{"t": "list", "items": items}
}

// rtDictOf describes a Go map with string keys: the dict built by inserting
// the Go keys in ascending byte order (README's mapping).
func rtDictOf[V any](m map[string]V, val func(V) rtTag) rtTag {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	rtSortStrings(keys)
	items := make([][2]rtTag, 0, len(keys))
	for _, k := range keys {
		items = append(items, [2]rtTag{rtStr(k), val(m[k])})
	}
	return rtTag{"t": "dict", "items": items}
}

func rtSortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// rtOpaque is an unknown object: the Default hook returns the r of its
// rtOpaqueData, or fails with its err. Its identity is its pointer, as a
// Python object's is its id. It is an unsafe.Pointer so that no path of
// jsondump can write it (the reflective path writes a pointer to a
// struct).
type rtOpaque unsafe.Pointer

type rtOpaqueData struct {
	r   any
	err string
}

// newRTOpaque returns a new rtOpaque and its data.
func newRTOpaque() (rtOpaque, *rtOpaqueData) {
	d := &rtOpaqueData{}
	return rtOpaque(unsafe.Pointer(d)), d
}

// opaqueOf returns a new rtOpaque whose hook returns r.
func opaqueOf(r any) rtOpaque {
	o, d := newRTOpaque()
	d.r = r
	return o
}

type rtHookErr struct{ msg string }

func (e *rtHookErr) Error() string { return e.msg }

// rtHook is the Go side of the script's dflt: an *rtOpaque gives its r (or
// its error), any other unknown value the name of its type.
func rtHook(v any) (any, error) {
	if p, ok := v.(rtOpaque); ok {
		o := (*rtOpaqueData)(p)
		if o.err != "" {
			return nil, &rtHookErr{o.err}
		}
		return o.r, nil
	}
	return fmt.Sprintf("%T", v), nil
}

// Marshalers of the tests.
type rtMarshaler struct {
	text string
	err  string
}

func (m rtMarshaler) MarshalJSON() ([]byte, error) {
	if m.err != "" {
		return nil, errors.New(m.err)
	}
	return []byte(m.text), nil
}

type rtPtrMarshaler struct{ text string }

func (m *rtPtrMarshaler) MarshalJSON() ([]byte, error) { return []byte(m.text), nil }

type rtTexter struct {
	text string
	err  string
}

func (m rtTexter) MarshalText() ([]byte, error) {
	if m.err != "" {
		return nil, errors.New(m.err)
	}
	return []byte(m.text), nil
}

// rtBoth has both methods: MarshalJSON wins, as in encoding/json.
type rtBoth struct{}

func (rtBoth) MarshalJSON() ([]byte, error) { return []byte(`{"json": [1.50, "\u00e9"]}`), nil }
func (rtBoth) MarshalText() ([]byte, error) { return []byte("text"), nil }

// rtCelsius and rtFunc are named types with no JSON form.
type (
	rtCelsius complex128
	rtFunc    func(int) string
)

// rtOptions is one random option set, as Go Options and Python kwargs.
type rtOptions struct {
	opts     []jsondump.Option
	kw       map[string]any
	hook     bool
	circular bool
	indented bool
	describe string
	allowNaN bool
}

func (o *rtOptions) String() string { return o.describe }

// rtGen makes random values with their descriptions.
type rtGen struct {
	r    *rand.Rand
	id   int
	open []rtOpen // containers being built: targets for cycles
	done []rtOpen // containers built: targets for sharing
	cyc  bool     // the value has a cycle
	safe bool     // make values that encode without error (under a hook and AllowNaN)
}

type rtOpen struct {
	id int
	v  any
}

func (g *rtGen) n(k int) int { return g.r.IntN(k) }

func (g *rtGen) nextID() int { g.id++; return g.id }

// str returns a random Go string, sometimes long, so that escapes fall at
// every offset of the word-at-a-time scanners.
func (g *rtGen) str() string {
	var b strings.Builder
	n := g.n(10)
	switch g.n(6) {
	case 0:
		n = g.n(70)
	case 1:
		n = 7 + g.n(20)
	}
	plain := g.n(3) == 0 // mostly plain ASCII with rare specials
	for i := 0; i < n; i++ {
		k := g.n(20)
		if plain && g.n(8) != 0 {
			k = 19
		}
		switch k {
		case 0, 1:
			b.WriteByte(byte(g.n(0x20)))
		case 2:
			b.WriteString([]string{"\"", "\\", "/", "\x7f", "\u2028", "\u2029", "\ufeff", "\uffff", "\ufffd", "<>&", "\ufffe", "\U0010ffff", "\U00010000", "\ud7ff", "\ue000", "\u0080", "\u00ff", "\u0100", "\u07ff", "\u0800"}[g.n(20)])
		case 3:
			b.WriteRune(rune(0x80 + g.n(0x780)))
		case 4:
			r := rune(0x800 + g.n(0xF800))
			if r >= 0xD800 && r < 0xE000 {
				r = 0xE000 + r&0xFFF
			}
			b.WriteRune(r)
		case 5:
			b.WriteRune(rune(0x10000 + g.n(0x100000)))
		case 6:
			b.WriteString([]string{"\xff", "\xfe", "\x80", "\xbf", "\xc0", "\xc1\xbf", "\xe2\x82", "\xed\xa0\x80", "\xed\xbf\xbf", "\xc0\x80", "\xf4\x90\x80\x80", "\xf0\x9f\x98", "\xf8\x88\x80\x80\x80", "\xe0\x80\xaf", "\xf0\x80\x80\xaf", "\xc2"}[g.n(16)])
		case 7:
			b.WriteByte(byte(0x80 + g.n(0x80)))
		case 8:
			b.WriteByte(byte(0x7b + g.n(5))) // { | } ~ DEL
		default:
			b.WriteByte(byte(' ' + g.n(95)))
		}
	}
	return b.String()
}

// key returns a map key: short and colliding, long with shared prefixes,
// or differing from a neighbour only in invalid bytes.
func (g *rtGen) key() string {
	switch g.n(8) {
	case 0:
		return string(rune('a' + g.n(4)))
	case 1:
		return []string{"a\xff", "a\xfe", "a\ufffd", "a", "", "\xff", "\x80", "é", "\U0001F600", "\uffff", "\U00010000", "\x00", "a\x00", "\x7f", "\u0080", "A", "~", "\ud7ff", "\ue000", "\"", "\\", "#", "!"}[g.n(23)]
	case 2, 3:
		// Long keys that share their first 8 or more bytes.
		p := []string{"abcdefgh", "abcdefghij", "prefix__", "\U0001F600\U0001F600", "\uffff\uffff\uffff", "aaaaaaaaaaaaaaaa"}[g.n(6)]
		return p + g.str()[:0] + string(rune('a'+g.n(3))) + []string{"", "\xff", "\x00", "é", "\U00010000", "\uffff", "zz"}[g.n(7)]
	default:
		return g.str()
	}
}

func (g *rtGen) float64() float64 {
	switch g.n(12) {
	case 0:
		return []float64{0, math.Copysign(0, -1), math.NaN(), math.Inf(1), math.Inf(-1),
			math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64, 2.2250738585072014e-308,
			2.225073858507201e-308, 1e16, 9999999999999998, 1e-5, 0.0001, 0.00009999999999999999,
			0.1, 1e22, 1e23, 5e-324, 1 << 53, 1 << 63, 1 << 64, 1e15, 123456789012345678,
			0.3, 2.5, 1e-7, 1e21, 1e-4, 9.999999999999999e15, 1.7976931348623157e308, 4.9406564584124654e-324,
			-1e-05, 1.5, 100, 1e100, 1e-100, 0.1 + 0.2, 1.0 / 3, 4.35, 5e-310}[g.n(41)]
	case 1, 2:
		return math.Float64frombits(g.r.Uint64())
	case 3:
		return math.Float64frombits(g.r.Uint64() & 0x000FFFFFFFFFFFFF)
	case 4:
		// a power of ten and its neighbours
		p := math.Pow(10, float64(g.n(640)-325))
		switch g.n(3) {
		case 0:
			return math.Nextafter(p, math.Inf(1))
		case 1:
			return math.Nextafter(p, 0)
		}
		return p
	case 5:
		return float64(g.r.Int64N(1<<54)-(1<<53)) * math.Pow(10, float64(g.n(40)-20))
	case 6:
		return float64(g.n(1000000)) / 1000
	case 7:
		return float64(g.r.Int64())
	default:
		return (g.r.Float64() - 0.5) * math.Pow(10, float64(g.n(60)-30))
	}
}

func (g *rtGen) float32() float32 {
	switch g.n(5) {
	case 0:
		return []float32{0, float32(math.Copysign(0, -1)), float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1)),
			math.MaxFloat32, -math.MaxFloat32, math.SmallestNonzeroFloat32, 1.17549435e-38, 0.1, 16777217, 16777216, 1e-7,
			3.4e38, 1e10, 1e16, 1e-5, 123456789, 0.3, 2.5e-45, 8.589973e9, 1e-45}[g.n(22)]
	case 1, 2:
		return math.Float32frombits(g.r.Uint32())
	case 3:
		return float32(math.Pow(10, float64(g.n(80)-45)))
	default:
		return float32((g.r.Float64() - 0.5) * math.Pow(10, float64(g.n(30)-15)))
	}
}

func (g *rtGen) int64() int64 {
	switch g.n(4) {
	case 0:
		return []int64{0, 1, -1, math.MaxInt64, math.MinInt64, math.MaxInt32, math.MinInt32, 1 << 53, -(1 << 53) - 1,
			math.MaxInt8, math.MinInt8, math.MaxInt16, math.MinInt16, math.MaxUint32, 1e18, -1e18, 10, 100, 99}[g.n(19)]
	case 1:
		return int64(g.r.Uint64())
	default:
		return g.r.Int64N(2000) - 1000
	}
}

// number returns a random valid JSON number literal.
func (g *rtGen) number() string {
	switch g.n(10) {
	case 0:
		return []string{"0", "-0", "-0.0", "0.0", "1E5", "1e400", "-1e400", "1e-400", "-1e-400", "1.10", "100.000",
			"123456789012345678901234567890", "123456789012345678901234567890.5", "2e-5", "0.1e1",
			"9007199254740993", "-9223372036854775809", "1E+2", "1e-7", "5e-324", "1.7976931348623157e308",
			"1.7976931348623159e308", "1.7976931348623158e308", "4.35", "0.30000000000000004", "1.0e+2", "0e0", "-0e-0",
			"2.4703282292062327e-324", "2.4703282292062328e-324", "1e16", "1e15", "0.0001", "0.00001", "18446744073709551616",
			"-18446744073709551616", "1E-0", "1e+0", "9999999999999999", "99999999999999999", "1e23", "8.98846567431158e307"}[g.n(42)]
	case 1:
		// long literals, around numLongLiteral
		var b strings.Builder
		if g.n(2) == 0 {
			b.WriteByte('-')
		}
		switch g.n(3) {
		case 0:
			b.WriteString("0.")
			b.WriteString(strings.Repeat("0", g.n(1200)))
			b.WriteByte(byte('1' + g.n(9)))
			for i := g.n(30); i > 0; i-- {
				b.WriteByte(byte('0' + g.n(10)))
			}
			if g.n(2) == 0 {
				fmt.Fprintf(&b, "e%d", g.n(1300))
			}
		case 1:
			b.WriteByte(byte('1' + g.n(9)))
			for i := 700 + g.n(600); i > 0; i-- {
				b.WriteByte(byte('0' + g.n(10)))
			}
			b.WriteString(".5")
			fmt.Fprintf(&b, "e-%d", g.n(1400))
		default:
			b.WriteByte(byte('1' + g.n(9)))
			b.WriteByte('.')
			for i := 780 + g.n(60); i > 0; i-- {
				b.WriteByte(byte('0' + g.n(10)))
			}
			fmt.Fprintf(&b, "e%d", g.n(600)-300)
		}
		return b.String()
	case 2:
		return g.halfway()
	default:
		var b strings.Builder
		if g.n(3) == 0 {
			b.WriteByte('-')
		}
		if g.n(4) == 0 {
			b.WriteByte('0')
		} else {
			b.WriteByte(byte('1' + g.n(9)))
			for i := g.n(25); i > 0; i-- {
				b.WriteByte(byte('0' + g.n(10)))
			}
		}
		if g.n(2) == 0 {
			b.WriteByte('.')
			for i := 1 + g.n(20); i > 0; i-- {
				b.WriteByte(byte('0' + g.n(10)))
			}
		}
		if g.n(3) == 0 {
			b.WriteByte("eE"[g.n(2)])
			if g.n(2) == 0 {
				b.WriteByte("+-"[g.n(2)])
			}
			b.WriteString(strconv.Itoa(g.n(400)))
		}
		return b.String()
	}
}

// halfway returns the exact decimal of the midpoint between a random
// float64 and its successor, perhaps nudged by a digit far past the 800th,
// perhaps padded with zeros: the hardest literals to round.
func (g *rtGen) halfway() string {
	var f float64
	switch g.n(3) {
	case 0:
		f = math.Float64frombits(g.r.Uint64() & 0x000FFFFFFFFFFFFF) // subnormal
	case 1:
		f = math.Float64frombits(g.r.Uint64()>>2 | 0x0010000000000000)
	default:
		f = math.Float64frombits(g.r.Uint64() & 0x7FEFFFFFFFFFFFFF)
	}
	if f == 0 || math.IsInf(f, 0) || math.IsNaN(f) {
		f = 1.5
	}
	a := new(big.Float).SetPrec(2000).SetFloat64(f)
	b := new(big.Float).SetPrec(2000).SetFloat64(math.Nextafter(f, math.Inf(1)))
	m := new(big.Float).SetPrec(2000).Add(a, b)
	m.Quo(m, big.NewFloat(2).SetPrec(2000))
	s := m.Text('e', 1000) // exact: a midpoint has at most ~770 significant digits
	mant, exp, _ := strings.Cut(s, "e")
	mant = strings.TrimRight(mant, "0")
	mant = strings.TrimSuffix(mant, ".")
	switch g.n(4) {
	case 0:
		if !strings.Contains(mant, ".") {
			mant += "."
		}
		mant += strings.Repeat("0", 800+g.n(100)) + "1"
	case 1:
		if !strings.Contains(mant, ".") {
			mant += "."
		}
		mant += strings.Repeat("0", g.n(900)) + "0"
	case 2:
		if !strings.Contains(mant, ".") {
			mant += "."
		}
		mant += strings.Repeat("9", g.n(3)) // just above or below
	}
	e, _ := strconv.Atoi(exp)
	return mant + "e" + strconv.Itoa(e)
}

// rawJSON returns random valid JSON text whose json.loads cannot fail:
// odd whitespace, every escape, surrogate escapes, raw UTF-8 and invalid
// bytes, repeated keys, numbers of every kind.
func (g *rtGen) rawJSON(depth int) string {
	var b strings.Builder
	ws := func() {
		for i := g.n(3); i > 0; i-- {
			b.WriteByte(" \t\n\r"[g.n(4)])
		}
	}
	jstr := func() {
		b.WriteByte('"')
		for i := g.n(8); i > 0; i-- {
			switch g.n(9) {
			case 0:
				b.WriteString([]string{`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`}[g.n(8)])
			case 1:
				fmt.Fprintf(&b, `\u%04X`, g.n(0x10000))
			case 2:
				b.WriteString([]string{`\ud800`, `\udfff`, `\ud83d\ude00`, `\uDBFF\uDFFF`, `\u0000`, `\u00e9`, `\ud800\u0041`, `\udc00\ud800`, `\ud800\ud800\udc00`, `\u007f`, `\u2028`, `\uFFFF`}[g.n(12)])
			case 3:
				b.WriteRune([]rune{'é', '日', 0x1F600, 0x7F, 0x2028, 0xFFFF, 0xFFFD, 0x10FFFF}[g.n(8)])
			case 4:
				b.WriteString([]string{"\xff", "\xed\xa0\x80", "\xc0\x80", "\xf0\x9f\x98"}[g.n(4)])
			default:
				b.WriteByte(byte('a' + g.n(26)))
			}
		}
		b.WriteByte('"')
	}
	var value func(d int)
	value = func(d int) {
		ws()
		k := g.n(11)
		if d <= 0 && k >= 8 {
			k = g.n(8)
		}
		switch k {
		case 0:
			b.WriteString("null")
		case 1:
			b.WriteString([]string{"true", "false", "NaN", "Infinity", "-Infinity"}[g.n(5)])
		case 2, 3, 4:
			b.WriteString(g.number())
		case 5, 6, 7:
			jstr()
		case 8:
			b.WriteByte('[')
			for i, n := 0, g.n(4); i < n; i++ {
				if i > 0 {
					ws()
					b.WriteByte(',')
				}
				value(d - 1)
			}
			ws()
			b.WriteByte(']')
		default:
			b.WriteByte('{')
			keys := []string{`"a"`, `"b"`, `"\u0061"`, `"é"`, `"\u00e9"`, `"\ud800"`, `"\ud83d\ude00"`, `"😀"`, `"\uffff"`, `""`, `"z"`, `"\u0000"`, "\"\xff\"", `"\ufffd"`}
			for i, n := 0, g.n(6); i < n; i++ {
				if i > 0 {
					ws()
					b.WriteByte(',')
				}
				ws()
				if g.n(3) == 0 {
					jstr()
				} else {
					b.WriteString(keys[g.n(len(keys))])
				}
				ws()
				b.WriteByte(':')
				value(d - 1)
			}
			ws()
			b.WriteByte('}')
		}
		ws()
	}
	value(depth)
	return b.String()
}

// unknown returns a value with no JSON form on any path (a complex number,
// a channel, a function, an unsafe.Pointer), as a Python object of a class
// spelt as Go's %T. (Values of other types that are not listed forms are
// written by the reflective path: typedValue makes those.)
func (g *rtGen) unknown() (any, rtTag) {
	var v any
	switch g.n(8) {
	case 0:
		v = complex(g.r.Float64(), 1)
	case 1:
		v = complex64(complex(float32(g.r.Float64()), 2))
	case 2:
		v = make(chan int)
	case 3:
		v = rtCelsius(complex(g.r.Float64(), 0))
	case 4:
		v = func() {}
	case 5:
		v = unsafe.Pointer(nil)
	case 6:
		v = (<-chan string)(nil)
	default:
		v = rtFunc(nil)
	}
	return v, rtTag{"t": "obj", "name": fmt.Sprintf("%T", v), "tn": true}
}

// value returns a random Go value of the dynamic forms, unknown values and
// Marshalers included, and its description.
func (g *rtGen) value(depth int) (any, rtTag) {
	k := g.n(50)
	if depth <= 0 && k >= 40 {
		k = g.n(40)
	}
	switch k {
	case 0:
		return nil, rtNone()
	case 1:
		b := g.n(2) == 0
		return b, rtBool(b)
	case 2, 3, 4:
		s := g.str()
		return s, rtStr(s)
	case 5:
		i := g.int64()
		switch g.n(5) {
		case 0:
			return int(i), rtInt(strconv.Itoa(int(i)))
		case 1:
			return i, rtInt(strconv.FormatInt(i, 10))
		case 2:
			return int8(i), rtInt(strconv.Itoa(int(int8(i))))
		case 3:
			return int16(i), rtInt(strconv.Itoa(int(int16(i))))
		default:
			return int32(i), rtInt(strconv.Itoa(int(int32(i))))
		}
	case 6:
		u := g.r.Uint64()
		switch g.n(4) {
		case 0:
			u = math.MaxUint64
		case 1:
			u = uint64(g.n(300))
		}
		switch g.n(6) {
		case 0:
			return uint(u), rtInt(strconv.FormatUint(uint64(uint(u)), 10))
		case 1:
			return uint8(u), rtInt(strconv.FormatUint(uint64(uint8(u)), 10))
		case 2:
			return uint16(u), rtInt(strconv.FormatUint(uint64(uint16(u)), 10))
		case 3:
			return uint32(u), rtInt(strconv.FormatUint(uint64(uint32(u)), 10))
		case 4:
			return uintptr(u), rtInt(strconv.FormatUint(uint64(uintptr(u)), 10))
		default:
			return u, rtInt(strconv.FormatUint(u, 10))
		}
	case 7, 8:
		f := g.float64()
		return f, rtF64(f)
	case 9:
		f := g.float32()
		return f, rtF32(f)
	case 10:
		var b []byte
		if g.n(5) != 0 {
			b = make([]byte, g.n(12))
			for i := range b {
				b[i] = byte(g.r.Uint32())
			}
		}
		if b == nil {
			return b, rtNone()
		}
		return b, rtStr(base64Std(b))
	case 11:
		var x *big.Int
		switch g.n(8) {
		case 0:
			return x, rtNone()
		case 1:
			if g.safe {
				return x, rtNone()
			}
			x = new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(4298+g.n(4))), nil)
			if g.n(2) == 0 {
				x.Sub(x, big.NewInt(1))
			}
			if g.n(2) == 0 {
				x.Neg(x)
			}
		default:
			x = big.NewInt(g.int64())
			for i := g.n(6); i > 0; i-- {
				x.Mul(x, new(big.Int).SetUint64(g.r.Uint64()|1))
			}
		}
		return x, rtInt(x.String())
	case 12:
		if g.n(20) == 0 {
			return json.Number(""), rtInt("0")
		}
		n := json.Number(g.number())
		return n, rtRaw(string(n))
	case 13, 14:
		switch g.n(8) {
		case 0:
			return json.RawMessage(nil), rtNone()
		case 1:
			text := g.rawJSON(depth)
			return rtMarshaler{text: text}, rtRaw(text)
		case 2:
			text := g.rawJSON(depth)
			return &rtPtrMarshaler{text: text}, rtRaw(text)
		case 3:
			return (*rtPtrMarshaler)(nil), rtNone()
		case 4:
			text := json.RawMessage(g.rawJSON(depth))
			return &text, rtRaw(string(text))
		}
		text := g.rawJSON(depth)
		return json.RawMessage(text), rtRaw(text)
	case 15:
		switch g.n(6) {
		case 0:
			return (*rtTexter)(nil), rtNone()
		case 1:
			return rtBoth{}, rtRaw(`{"json": [1.50, "\u00e9"]}`)
		case 2:
			x := new(big.Float).SetFloat64(g.float64NonNaN())
			text, _ := x.MarshalText()
			return x, rtStr(string(text))
		case 3:
			tm := time.Date(2000+g.n(50), time.Month(1+g.n(12)), 1+g.n(28), g.n(24), g.n(60), g.n(60), g.n(3)*500000000, time.FixedZone("", 60*(g.n(1500)-750)))
			text, _ := tm.MarshalJSON()
			return tm, rtRaw(string(text))
		}
		s := g.str()
		return rtTexter{text: s}, rtStr(s)
	case 16:
		s := make([]string, g.n(5))
		items := make([]rtTag, len(s))
		for i := range s {
			s[i] = g.str()
			items[i] = rtStr(s[i])
		}
		if g.n(8) == 0 {
			return []string(nil), rtNone()
		}
		return s, rtList(items)
	case 17:
		s := make([]int, g.n(5))
		items := make([]rtTag, len(s))
		for i := range s {
			s[i] = int(g.int64())
			items[i] = rtInt(strconv.Itoa(s[i]))
		}
		if g.n(8) == 0 {
			return []int(nil), rtNone()
		}
		return s, rtList(items)
	case 18:
		s := make([]int64, g.n(5))
		items := make([]rtTag, len(s))
		for i := range s {
			s[i] = g.int64()
			items[i] = rtInt(strconv.FormatInt(s[i], 10))
		}
		if g.n(8) == 0 {
			return []int64(nil), rtNone()
		}
		return s, rtList(items)
	case 19:
		s := make([]float64, g.n(5))
		items := make([]rtTag, len(s))
		for i := range s {
			s[i] = g.float64()
			items[i] = rtF64(s[i])
		}
		if g.n(8) == 0 {
			return []float64(nil), rtNone()
		}
		return s, rtList(items)
	case 20:
		s := make([]bool, g.n(5))
		items := make([]rtTag, len(s))
		for i := range s {
			s[i] = g.n(2) == 0
			items[i] = rtBool(s[i])
		}
		if g.n(8) == 0 {
			return []bool(nil), rtNone()
		}
		return s, rtList(items)
	case 21:
		m := map[string]string{}
		for i := g.n(6); i > 0; i-- {
			m[g.key()] = g.str()
		}
		if g.n(8) == 0 {
			return map[string]string(nil), rtNone()
		}
		return m, rtDictOf(m, rtStr)
	case 22:
		m := map[string]int{}
		for i := g.n(6); i > 0; i-- {
			m[g.key()] = int(g.int64())
		}
		if g.n(8) == 0 {
			return map[string]int(nil), rtNone()
		}
		return m, rtDictOf(m, func(i int) rtTag { return rtInt(strconv.Itoa(i)) })
	case 23:
		m := map[string]int64{}
		for i := g.n(6); i > 0; i-- {
			m[g.key()] = g.int64()
		}
		if g.n(8) == 0 {
			return map[string]int64(nil), rtNone()
		}
		return m, rtDictOf(m, func(i int64) rtTag { return rtInt(strconv.FormatInt(i, 10)) })
	case 24:
		m := map[string]float64{}
		for i := g.n(6); i > 0; i-- {
			m[g.key()] = g.float64()
		}
		if g.n(8) == 0 {
			return map[string]float64(nil), rtNone()
		}
		return m, rtDictOf(m, rtF64)
	case 25:
		m := map[string]bool{}
		for i := g.n(6); i > 0; i-- {
			m[g.key()] = g.n(2) == 0
		}
		if g.n(8) == 0 {
			return map[string]bool(nil), rtNone()
		}
		return m, rtDictOf(m, rtBool)
	case 26:
		return g.unknown()
	case 27:
		// A value of an arbitrary Go type (typed_values_test.go): the
		// reflective path. Not in safe mode: its map keys may be ones
		// Python cannot hold.
		if g.safe {
			return g.unknown()
		}
		tg := &typedGen{r: g.r}
		v, tag := tg.value(min(depth, 3))
		return v, rtTag(tag)
	case 28, 29:
		return g.opaque(depth)
	case 30, 31, 32:
		// a reference to a container built or being built
		if len(g.open) > 0 && g.n(3) == 0 && !g.safe {
			o := g.open[g.n(len(g.open))]
			g.cyc = true
			return o.v, rtRef(o.id)
		}
		if len(g.done) > 0 {
			o := g.done[g.n(len(g.done))]
			return o.v, rtRef(o.id)
		}
		return nil, rtNone()
	case 33:
		// a big map[string]any: past the insertion sort, long keys
		m := map[string]any{}
		tags := map[string]rtTag{}
		for i := 20 + g.n(30); i > 0; i-- {
			k := g.key()
			var v any
			var tg rtTag
			if g.n(2) == 0 {
				s := g.str()
				v, tg = s, rtStr(s)
			} else {
				i := g.int64()
				v, tg = i, rtInt(strconv.FormatInt(i, 10))
			}
			m[k], tags[k] = v, tg
		}
		return m, rtDictOf(tags, func(t rtTag) rtTag { return t })
	case 40, 41, 42, 43, 44:
		if g.n(15) == 0 {
			return []any(nil), rtNone()
		}
		n := g.n(6)
		if n == 0 {
			return []any{}, rtList(nil)
		}
		s := make([]any, n)
		id := g.nextID()
		g.open = append(g.open, rtOpen{id, s})
		items := make([]rtTag, len(s))
		for i := range s {
			s[i], items[i] = g.value(depth - 1)
		}
		g.open = g.open[:len(g.open)-1]
		g.done = append(g.done, rtOpen{id, s})
		return s, rtTag{"t": "list", "id": id, "items": items}
	case 45, 46, 47, 48, 49:
		if g.n(15) == 0 {
			return map[string]any(nil), rtNone()
		}
		m := map[string]any{}
		id := g.nextID()
		n := g.n(7)
		if n == 0 {
			return m, rtTag{"t": "dict", "items": [][2]rtTag{}}
		}
		g.open = append(g.open, rtOpen{id, m})
		tags := map[string]rtTag{}
		for i := n; i > 0; i-- {
			k := g.key()
			if _, dup := m[k]; dup {
				continue // a dropped value's containers would stay targets of refs
			}
			m[k], tags[k] = g.value(depth - 1)
		}
		g.open = g.open[:len(g.open)-1]
		g.done = append(g.done, rtOpen{id, m})
		d := rtDictOf(tags, func(t rtTag) rtTag { return t })
		d["id"] = id
		return m, d
	default:
		s := g.str()
		return s, rtStr(s)
	}
}

func (g *rtGen) float64NonNaN() float64 {
	f := g.float64()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 2.5
	}
	return f
}

// opaque returns an unknown object whose Default replacement is a random
// value: possibly itself, a list holding it, an error, or nil.
func (g *rtGen) opaque(depth int) (any, rtTag) {
	o, od := newRTOpaque()
	id := g.nextID()
	tag := rtTag{"t": "obj", "id": id, "name": fmt.Sprintf("%T", o)}
	k := g.n(10)
	if g.safe && k < 2 {
		k = 2
	}
	switch k {
	case 0:
		od.r = o // default returns its argument
		tag["r"] = rtRef(id)
		g.cyc = true
	case 1:
		od.err = "custom failure in default " + strconv.Itoa(id)
		tag["err"] = od.err
	case 2:
		// nil: None
	default:
		g.open = append(g.open, rtOpen{id, o})
		od.r, tag["r"] = g.value(depth - 1)
		g.open = g.open[:len(g.open)-1]
	}
	g.done = append(g.done, rtOpen{id, o})
	return o, tag
}

func base64Std(b []byte) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	var s strings.Builder
	for len(b) >= 3 {
		v := uint(b[0])<<16 | uint(b[1])<<8 | uint(b[2])
		s.WriteByte(alphabet[v>>18&63])
		s.WriteByte(alphabet[v>>12&63])
		s.WriteByte(alphabet[v>>6&63])
		s.WriteByte(alphabet[v&63])
		b = b[3:]
	}
	switch len(b) {
	case 1:
		v := uint(b[0]) << 16
		s.WriteString(string([]byte{alphabet[v>>18&63], alphabet[v>>12&63], '=', '='}))
	case 2:
		v := uint(b[0])<<16 | uint(b[1])<<8
		s.WriteString(string([]byte{alphabet[v>>18&63], alphabet[v>>12&63], alphabet[v>>6&63], '='}))
	}
	return s.String()
}

// options returns a random option set. Each setting may be preceded by a
// decoy of the same option that the later one overrides.
func (g *rtGen) options() *rtOptions {
	o := &rtOptions{kw: map[string]any{}, allowNaN: true, circular: true}
	var desc []string
	add := func(opt jsondump.Option, d string) {
		o.opts = append(o.opts, opt)
		desc = append(desc, d)
	}
	type setting func()
	var settings []setting
	switch g.n(5) {
	case 0, 1:
	case 2, 3:
		n := g.n(13) - 3
		settings = append(settings, func() {
			if g.n(4) == 0 {
				add(jsondump.IndentString("decoy"), `IndentString("decoy")`)
			}
			add(jsondump.Indent(n), fmt.Sprintf("Indent(%d)", n))
			o.kw["indent"] = n
			o.indented = true
		})
	default:
		s := []string{"", "\t", "ab", " ", "\u00a0", "→", "\"", "\\", "\x00", "\n", "  \t", "é😀"}[g.n(12)]
		settings = append(settings, func() {
			if g.n(4) == 0 {
				add(jsondump.Indent(7), "Indent(7)")
			}
			add(jsondump.IndentString(s), fmt.Sprintf("IndentString(%q)", s))
			o.kw["indent"] = s
			o.indented = true
		})
	}
	if g.n(2) == 0 {
		item := []string{",", ", ", "", " ,", "·", ",\n", ";", "\t,", "😀"}[g.n(9)]
		key := []string{":", ": ", "", " : ", "→", "=>", "\x7f"}[g.n(7)]
		settings = append(settings, func() {
			if g.n(4) == 0 {
				add(jsondump.Separators("DECOY", "DECOY"), `Separators("DECOY", "DECOY")`)
			}
			add(jsondump.Separators(item, key), fmt.Sprintf("Separators(%q, %q)", item, key))
			o.kw["separators"] = []string{item, key}
		})
	}
	boolOpt := func(name string, mk func(bool) jsondump.Option, def bool, p int, set func(bool)) {
		if g.n(p) != 0 {
			return
		}
		v := !def
		if g.n(4) == 0 {
			v = def
		}
		settings = append(settings, func() {
			if g.n(4) == 0 {
				add(mk(!v), fmt.Sprintf("%s(%v)", name, !v))
			}
			add(mk(v), fmt.Sprintf("%s(%v)", name, v))
			if set != nil {
				set(v)
			}
		})
	}
	boolOpt("EnsureASCII", jsondump.EnsureASCII, true, 2, func(v bool) { o.kw["ensure_ascii"] = v })
	boolOpt("SortKeys", jsondump.SortKeys, false, 2, func(v bool) { o.kw["sort_keys"] = v })
	boolOpt("SkipKeys", jsondump.SkipKeys, false, 4, func(v bool) { o.kw["skipkeys"] = v })
	boolOpt("AllowNaN", jsondump.AllowNaN, true, 4, func(v bool) { o.kw["allow_nan"] = v; o.allowNaN = v })
	boolOpt("CheckCircular", jsondump.CheckCircular, true, 5, func(v bool) { o.kw["check_circular"] = v; o.circular = v })
	if g.n(3) != 0 {
		settings = append(settings, func() {
			if g.n(5) == 0 {
				add(jsondump.Default(func(any) (any, error) { return "DECOY", nil }), "Default(decoy)")
			}
			add(jsondump.Default(rtHook), "Default(hook)")
			o.hook = true
		})
	} else if g.n(6) == 0 {
		settings = append(settings, func() {
			add(jsondump.Default(rtHook), "Default(hook)")
			add(jsondump.Default(nil), "Default(nil)")
		})
	}
	g.r.Shuffle(len(settings), func(i, j int) { settings[i], settings[j] = settings[j], settings[i] })
	for _, s := range settings {
		s()
	}
	o.describe = "[" + strings.Join(desc, ", ") + "]"
	return o
}

// rtGoResult is the Python script's line for a Go result.
func rtGoResult(s string, err error) string {
	if err != nil {
		var he *rtHookErr
		if errors.As(err, &he) {
			return "ERR Hook: " + err.Error()
		}
		return "ERR " + rtErrType(err) + ": " + err.Error()
	}
	return "OK " + hex.EncodeToString([]byte(s))
}

func rtErrType(err error) string {
	var te *jsondump.TypeError
	var ve *jsondump.ValueError
	var re *jsondump.RecursionError
	var me *jsondump.MarshalerError
	switch {
	case errors.As(err, &me):
		return "MarshalerError"
	case errors.As(err, &te):
		return "TypeError"
	case errors.As(err, &ve):
		return "ValueError"
	case errors.As(err, &re):
		return "RecursionError"
	}
	return fmt.Sprintf("%T", err)
}

// rtSame compares a Go result line with Python's. A RecursionError's
// message varies with CPython's code path, so only its kind is compared.
func rtSame(got, want string) bool {
	if got == want {
		return true
	}
	if strings.HasPrefix(want, "ERR RecursionError:") && strings.HasPrefix(got, "ERR RecursionError:") {
		return true
	}
	return false
}

func rtReadable(r string) string {
	if h, ok := strings.CutPrefix(r, "OK "); ok {
		b, err := hex.DecodeString(h)
		if err == nil {
			s := strconv.Quote(string(b))
			if !utf8.Valid(b) {
				s = "(invalid UTF-8) " + s
			}
			if len(s) > 600 {
				s = s[:300] + " ... " + s[len(s)-300:]
			}
			return s
		}
	}
	return r
}

// rtCase is one comparison.
type rtCase struct {
	name string
	v    any
	tag  rtTag
	o    *rtOptions
}

// rtRun runs cases through python3 once and compares every path of jsondump
// with it; it returns the number of mismatches.
func rtRun(t *testing.T, cases []rtCase, maxReport int) int {
	t.Helper()
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	for _, c := range cases {
		line := map[string]any{"v": c.tag, "kw": c.o.kw, "hook": c.o.hook}
		if err := enc.Encode(line); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
	}
	lines := pyoracle.Lines(pyoracle.Run(t, rtScript, in.Bytes()))
	if len(lines) != len(cases) {
		t.Fatalf("python3 printed %d lines for %d cases", len(lines), len(cases))
	}
	failures := 0
	outcomes := map[string]int{}
	defer func() { t.Logf("%d cases, Python outcomes: %v", len(cases), outcomes) }()
	for i, c := range cases {
		want := lines[i]
		kind, _, _ := strings.Cut(want, ":")
		if strings.HasPrefix(kind, "OK") {
			kind = "OK"
		}
		outcomes[kind]++
		if strings.HasPrefix(want, "ERR Build") || strings.HasPrefix(want, "ERR ?") {
			t.Errorf("%s: the Python side failed: %s", c.name, want)
			continue
		}
		s, err := jsondump.Dumps(c.v, c.o.opts...)
		got := rtGoResult(s, err)
		if err == nil {
			// Every entry point must write the same text.
			b, aerr := jsondump.AppendDumps([]byte("prefix"), c.v, c.o.opts...)
			if aerr != nil || string(b) != "prefix"+s {
				t.Errorf("%s: AppendDumps gave %q, %v; Dumps %q", c.name, b, aerr, s)
			}
			var w bytes.Buffer
			if derr := jsondump.Dump(&w, c.v, c.o.opts...); derr != nil || w.String() != s {
				t.Errorf("%s: Dump gave %q, %v; Dumps %q", c.name, w.String(), derr, s)
			}
		} else {
			_, aerr := jsondump.AppendDumps(nil, c.v, c.o.opts...)
			derr := jsondump.Dump(io.Discard, c.v, c.o.opts...)
			if fmt.Sprint(aerr) != fmt.Sprint(err) || fmt.Sprint(derr) != fmt.Sprint(err) {
				t.Errorf("%s: errors differ: Dumps %v, AppendDumps %v, Dump %v", c.name, err, aerr, derr)
			}
		}
		if rtSame(got, want) {
			continue
		}
		failures++
		if failures <= maxReport {
			vs := fmt.Sprintf("%#v", c.v)
			if len(vs) > 500 {
				vs = vs[:250] + " ... " + vs[len(vs)-250:]
			}
			t.Errorf("%s\noptions: %s\nvalue: %s\n    go: %s\npython: %s", c.name, c.o, vs, rtReadable(got), rtReadable(want))
		}
	}
	return failures
}

func rtSeedN(def int) (uint64, int) {
	seed := uint64(7_2024_0611)
	if s := os.Getenv("JSONDUMP_RT_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	n := def
	if s := os.Getenv("JSONDUMP_RT_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	return seed, n
}

// TestRedteamDynamicRandom compares random trees of every dynamic form,
// unknown objects, hooks, shared and cyclic containers under random options.
func TestRedteamDynamicRandom(t *testing.T) {
	pyoracle.Python(t)
	seed, n := rtSeedN(2500)
	g := &rtGen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	cases := make([]rtCase, 0, n)
	for i := 0; i < n; i++ {
		g.open, g.done, g.cyc = g.open[:0], g.done[:0], false
		v, tag := g.value(1 + g.n(5))
		o := g.options()
		if g.cyc && !o.circular {
			// A cycle without CheckCircular runs to the depth limit: keep it
			// near CPython's, or an indented cycle writes 10000 levels of
			// indentation before failing (TestRedteamCycleNoCheckIndentCost).
			o.opts = append(o.opts, jsondump.MaxDepth(1000))
		}
		cases = append(cases, rtCase{fmt.Sprintf("seed %d, case %d", seed, i), v, tag, o})
	}
	if f := rtRun(t, cases, 25); f > 0 {
		t.Errorf("%d mismatches of %d cases", f, n)
	}
}

// TestRedteamScalars compares many scalars: floats of both kinds (random
// bits, powers of ten and their neighbours), json.Number literals (long ones
// past 800 bytes, exact midpoints between floats), ints at every limit, big
// ints at the digit limit, and long strings, under a few option sets.
func TestRedteamScalars(t *testing.T) {
	pyoracle.Python(t)
	seed, n := rtSeedN(2500)
	g := &rtGen{r: rand.New(rand.NewPCG(seed, 17))}
	plain := &rtOptions{kw: map[string]any{}, describe: "[]"}
	noNaN := &rtOptions{opts: []jsondump.Option{jsondump.AllowNaN(false)}, kw: map[string]any{"allow_nan": false}, describe: "[AllowNaN(false)]"}
	utf := &rtOptions{opts: []jsondump.Option{jsondump.EnsureASCII(false)}, kw: map[string]any{"ensure_ascii": false}, describe: "[EnsureASCII(false)]"}
	var cases []rtCase
	addc := func(name string, v any, tag rtTag) {
		o := plain
		switch g.n(6) {
		case 0:
			o = noNaN
		case 1:
			o = utf
		}
		cases = append(cases, rtCase{name, v, tag, o})
	}
	for i := 0; i < 4*n; i++ {
		f := g.float64()
		addc(fmt.Sprintf("float64 %d (%b)", i, f), f, rtF64(f))
		f32 := g.float32()
		addc(fmt.Sprintf("float32 %d (%b)", i, f32), f32, rtF32(f32))
	}
	for i := 0; i < n; i++ {
		num := g.number()
		addc(fmt.Sprintf("json.Number %d", i), json.Number(num), rtRaw(num))
		s := g.str()
		addc(fmt.Sprintf("string %d", i), s, rtStr(s))
	}
	ints := []struct {
		v   any
		dec string
	}{
		{int8(math.MinInt8), "-128"}, {int8(math.MaxInt8), "127"}, {int16(math.MinInt16), "-32768"}, {int16(math.MaxInt16), "32767"},
		{int32(math.MinInt32), "-2147483648"}, {int32(math.MaxInt32), "2147483647"}, {int64(math.MinInt64), "-9223372036854775808"},
		{int64(math.MaxInt64), "9223372036854775807"}, {int(math.MinInt), strconv.Itoa(math.MinInt)}, {int(math.MaxInt), strconv.Itoa(math.MaxInt)},
		{uint8(math.MaxUint8), "255"}, {uint16(math.MaxUint16), "65535"}, {uint32(math.MaxUint32), "4294967295"},
		{uint64(math.MaxUint64), "18446744073709551615"}, {uint(math.MaxUint), strconv.FormatUint(math.MaxUint, 10)},
		{uintptr(math.MaxUint64), "18446744073709551615"}, {uint8(0), "0"}, {int64(0), "0"}, {int8(-1), "-1"},
		{[]int{math.MinInt, math.MaxInt, 0}, ""}, {[]int64{math.MinInt64, -1}, ""},
	}
	for i, c := range ints {
		tag := rtInt(c.dec)
		switch v := c.v.(type) {
		case []int:
			items := []rtTag{}
			for _, x := range v {
				items = append(items, rtInt(strconv.Itoa(x)))
			}
			tag = rtList(items)
		case []int64:
			items := []rtTag{}
			for _, x := range v {
				items = append(items, rtInt(strconv.FormatInt(x, 10)))
			}
			tag = rtList(items)
		}
		cases = append(cases, rtCase{fmt.Sprintf("int %d %T", i, c.v), c.v, tag, plain})
	}
	for _, digits := range []int{4299, 4300, 4301, 5000} {
		for _, neg := range []bool{false, true} {
			x := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits-1)), nil) // digits digits
			if neg {
				x.Neg(x)
			}
			cases = append(cases, rtCase{fmt.Sprintf("big.Int of %d digits, neg %v", digits, neg), x, rtInt(x.String()), plain})
			y := new(big.Int).Sub(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits)), nil), big.NewInt(1))
			if neg {
				y.Neg(y)
			}
			cases = append(cases, rtCase{fmt.Sprintf("big.Int 10^%d-1, neg %v", digits, neg), y, rtInt(y.String()), plain})
		}
	}
	if f := rtRun(t, cases, 25); f > 0 {
		t.Errorf("%d mismatches of %d cases", f, len(cases))
	}
}

// TestRedteamRawInvalid compares json.RawMessage and Marshaler text that
// json.loads rejects, or reads into a value that json.dumps cannot write,
// at the top level, where the order of the two steps does not matter: the
// error must be Python's (the JSONDecodeError's message, which jsondump
// wraps in a MarshalerError).
func TestRedteamRawInvalid(t *testing.T) {
	py := pyoracle.Python(t)
	_ = py
	texts := []string{
		"", " ", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "-", "+1", "1e", "1e+", "[1 2]", "{\"a\" 1}", "{a:1}", "{'a':1}",
		"\"a\tb\"", "\"\x00\"", "\"\x1f\"", "\"a", "[", "]", "{", "}", "nul", "nulll", "true false", "tru", "NaNN", "-NaN",
		"Infinit", "-Inf", "infinity", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "\"\\U0001F600\"", "\"\\", "[\"a\",\n\"b\"\n,]",
		"\ufeff1", "\ufeff[]", "é", "[é]", "\"é\" x", "[1]\n\n  x", "[1] [2]", "{\"a\":1}}", "[[[", "0x10", "1_000",
		"[1,\n2,\n3,,]", "{\"é\":1, \"x\" 2}", "\"\xff\" x", "\"\\ud800\" 1", "Infinity x", "[NaN,]", "-0.", "-01", "00",
		"1" + strings.Repeat("0", 4300), "-1" + strings.Repeat("0", 4300), "[1, 1" + strings.Repeat("0", 4301) + "]",
		"1" + strings.Repeat("0", 4299), "\v1", "\f1", "1\u00a0", "\u00a01", "[1]\x00", "\"\x7f\"",
		"[1, \xff]", "\"a\" \xff", "[\"\xff\xfe\", x]", "[\"é😀\", x]", "[\n\n  x]", "[\r\n x]", "[\r x]", "\"abc\\", "\"\\ud800\\u12\"",
		"{\"a\":1 \"b\":2}", "[1,2", "{\"a\":", "{\"a\"", "{\"a\":1,", "[\"\\uDFFF\\u\"]", "\"\\u00e9\\q\"", "[\"a\"\n,\n\"\x01\"]",
		"{\"\xff\":1,2}", "{1:2}", "{\"a\":1}x", "[1]]", "[-]", "[--1]", "[1.e5]", "[1e5.5]", "[.1]", "[1,,2]", "[,1]", "{,}", "{\"a\"::1}",
		"[1e400]", "{\"a\": -1e400}", "[NaN]", "{\"a\": [Infinity]}", "[1, {\"b\": NaN, \"b\": 2}]", "{\"x\": NaN, \"x\": 1}",
	}
	var cases []rtCase
	plain := &rtOptions{kw: map[string]any{}, describe: "[]"}
	noNaN := &rtOptions{opts: []jsondump.Option{jsondump.AllowNaN(false)}, kw: map[string]any{"allow_nan": false}, describe: "[AllowNaN(false)]"}
	for i, text := range texts {
		for _, o := range []*rtOptions{plain, noNaN} {
			cases = append(cases,
				rtCase{fmt.Sprintf("RawMessage %d %q", i, text), json.RawMessage(text), rtRaw(text), o},
				rtCase{fmt.Sprintf("Marshaler %d %q", i, text), rtMarshaler{text: text}, rtRaw(text), o})
		}
	}
	for _, text := range []string{"1" + strings.Repeat("0", 4300), "-1" + strings.Repeat("0", 4300), "1" + strings.Repeat("0", 4299),
		"-1" + strings.Repeat("0", 4299), "1" + strings.Repeat("0", 4300) + ".0", "1" + strings.Repeat("0", 5000) + "e-5000"} {
		for _, o := range []*rtOptions{plain, noNaN} {
			cases = append(cases, rtCase{fmt.Sprintf("json.Number of %d bytes", len(text)), json.Number(text), rtRaw(text), o})
		}
	}
	// Python's lines for these, made by the same script: a failing
	// json.loads is an "ERR Build..." line, which rtRun reports as a
	// Python-side failure, so the comparison is done here instead.
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	for _, c := range cases {
		enc.Encode(map[string]any{"v": c.tag, "kw": c.o.kw})
	}
	lines := pyoracle.Lines(pyoracle.Run(t, rtScript, in.Bytes()))
	if len(lines) != len(cases) {
		t.Fatalf("python3 printed %d lines for %d cases", len(lines), len(cases))
	}
	outcomes := map[string]int{}
	defer func() { t.Logf("%d cases, Python outcomes: %v", len(cases), outcomes) }()
	for i, c := range cases {
		want := lines[i]
		kind, _, _ := strings.Cut(want, ":")
		outcomes[strings.TrimSuffix(kind, " "+want[min(len(want), 3):])]++
		s, err := jsondump.Dumps(c.v, c.o.opts...)
		got := rtGoResult(s, err)
		switch {
		case strings.HasPrefix(want, "OK "):
			if got != want {
				t.Errorf("%s %s:\n    go: %s\npython: %s", c.name, c.o, rtReadable(got), rtReadable(want))
			}
		case strings.HasPrefix(want, "ERR BuildJSONDecodeError: "), strings.HasPrefix(want, "ERR BuildValueError: "):
			msg := want[strings.Index(want, ": ")+2:]
			if err == nil || !strings.HasSuffix(err.Error(), msg) {
				t.Errorf("%s %s: json.loads fails:\n    go: %s\npython: %s", c.name, c.o, rtReadable(got), want)
			}
		default:
			if got != want {
				t.Errorf("%s %s:\n    go: %s\npython: %s", c.name, c.o, rtReadable(got), rtReadable(want))
			}
		}
	}
}

// TestRedteamBigDocuments compares documents of several hundred KiB, so that
// Dump flushes its buffer many times, between members of maps being sorted,
// inside raw JSON being laid out again, and so on.
func TestRedteamBigDocuments(t *testing.T) {
	pyoracle.Python(t)
	seed, n := rtSeedN(2500)
	g := &rtGen{r: rand.New(rand.NewPCG(seed, 99)), safe: true}
	var cases []rtCase
	for d := 0; d < max(4, n/500); d++ {
		g.open, g.done, g.cyc = g.open[:0], g.done[:0], false
		var v any
		var tag rtTag
		if d%2 == 0 {
			s := make([]any, 1500)
			items := make([]rtTag, len(s))
			for i := range s {
				s[i], items[i] = g.value(3)
			}
			v, tag = s, rtList(items)
		} else {
			m := map[string]any{}
			tags := map[string]rtTag{}
			for i := 0; i < 1500; i++ {
				k := g.key() + strconv.Itoa(i)
				m[k], tags[k] = g.value(3)
			}
			v, tag = m, rtDictOf(tags, func(t rtTag) rtTag { return t })
		}
		o := g.options()
		if d%3 != 2 {
			// mostly documents that encode: a hook and AllowNaN, added last
			o.opts = append(o.opts, jsondump.AllowNaN(true), jsondump.Default(rtHook))
			o.kw["allow_nan"] = true
			o.hook = true
		}
		cases = append(cases, rtCase{fmt.Sprintf("seed %d, big document %d", seed, d), v, tag, o})
	}
	if f := rtRun(t, cases, 5); f > 0 {
		t.Errorf("%d mismatches of %d cases", f, len(cases))
	}
}

// TestRedteamCyclicIndentedMemory: a two-element list (or a one-member dict)
// that contains itself, under CheckCircular(false) and an indent, is
// CPython's RecursionError, raised at depth ~1000 at no cost. jsondump
// returns the same error, but only after nesting to MaxDepth (10000) and, once
// the error is recorded, writing the closing newline and indentation of all
// 10000 levels while it unwinds, into a buffer that Dump no longer flushes
// after an error. Measured: Dump(io.Discard, ..., Indent(1)) allocates ~257
// MiB, Indent(4) ~1 GiB, although README's mapping promises that Dump writes through
// a bounded buffer; Dumps with Indent(4) allocates 2.2-3.5 GiB (heap ~2.3
// GiB, 2-5 s for the list), Indent(8) 6.8 GiB and 15 s. "Deep or cyclic data
// never crashes the process" does not hold where memory is limited.
func TestRedteamCyclicIndentedMemory(t *testing.T) {
	cyc := []any{1, nil}
	cyc[1] = cyc
	m := map[string]any{}
	m["k"] = m
	alloc := func(f func() error) (uint64, error) {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		before := ms.TotalAlloc
		err := f()
		runtime.ReadMemStats(&ms)
		return ms.TotalAlloc - before, err
	}
	for _, v := range []any{cyc, m} {
		n, err := alloc(func() error {
			return jsondump.Dump(io.Discard, v, jsondump.CheckCircular(false), jsondump.Indent(1))
		})
		var re *jsondump.RecursionError
		if !errors.As(err, &re) {
			t.Errorf("%T: Dump: %v, want a RecursionError", v, err)
		}
		if n > 64<<20 {
			t.Errorf("%T: Dump(io.Discard) of a cycle under CheckCircular(false), Indent(1) allocated %d MiB before its RecursionError; Dump's buffer is meant to be bounded", v, n>>20)
		}
	}
	n, err := alloc(func() error {
		_, err := jsondump.Dumps(m, jsondump.CheckCircular(false), jsondump.Indent(4))
		return err
	})
	var re *jsondump.RecursionError
	if !errors.As(err, &re) {
		t.Errorf("Dumps: %v, want a RecursionError", err)
	}
	if n > 1<<30 {
		t.Errorf("Dumps of a one-member dict that contains itself, CheckCircular(false), Indent(4), allocated %d MiB before its RecursionError (CPython: ~0)", n>>20)
	}
}

// TestRedteamTargeted compares hand-picked cases: hook chains and mutual
// recursion, hooks removed again, options in odd orders, empty containers of
// every form under indent, nesting just inside CPython's limit.
func TestRedteamTargeted(t *testing.T) {
	pyoracle.Python(t)
	opt := func(desc string, kw map[string]any, hook bool, opts ...jsondump.Option) *rtOptions {
		return &rtOptions{opts: opts, kw: kw, hook: hook, describe: desc}
	}
	plain := opt("[]", map[string]any{}, false)
	hooked := opt("[Default(hook)]", map[string]any{}, true, jsondump.Default(rtHook))
	hookedNoCirc := opt("[Default(hook), CheckCircular(false), MaxDepth(1000)]", map[string]any{"check_circular": false}, true,
		jsondump.Default(rtHook), jsondump.CheckCircular(false), jsondump.MaxDepth(1000))
	ind2 := opt("[Indent(2)]", map[string]any{"indent": 2}, false, jsondump.Indent(2))
	var cases []rtCase
	add := func(name string, v any, tag rtTag, os ...*rtOptions) {
		for _, o := range os {
			cases = append(cases, rtCase{name, v, tag, o})
		}
	}

	// A -> B -> A through the hook: circular; without the check, recursion.
	a, ad := newRTOpaque()
	b, bd := newRTOpaque()
	ad.r, bd.r = b, a
	tagAB := rtTag{"t": "obj", "id": 1, "name": "jsondump_test.rtOpaque", "r": rtTag{"t": "obj", "id": 2, "name": "jsondump_test.rtOpaque", "r": rtRef(1)}}
	add("mutual hook recursion", a, tagAB, hooked, hookedNoCirc, plain)
	// The same opaque twice, as siblings: fine.
	c := opaqueOf([]any{"x", 1.5})
	tagC := rtTag{"t": "obj", "id": 1, "name": "jsondump_test.rtOpaque", "r": rtList([]rtTag{rtStr("x"), rtF64(1.5)})}
	add("shared opaque siblings", []any{c, c}, rtList([]rtTag{tagC, rtRef(1)}), hooked, hookedNoCirc)
	// A hook returning a list that holds its argument.
	d, dd := newRTOpaque()
	dd.r = []any{d}
	add("hook returns [self]", d, rtTag{"t": "obj", "id": 1, "name": "jsondump_test.rtOpaque", "r": rtList([]rtTag{rtRef(1)})}, hooked, hookedNoCirc)
	// A chain of 300 distinct opaques, each returning the next.
	var head any = "end"
	headTag := rtStr("end")
	for i := 0; i < 300; i++ {
		head = opaqueOf(head)
		headTag = rtTag{"t": "obj", "name": "jsondump_test.rtOpaque", "r": headTag}
	}
	add("hook chain of 300", head, headTag, hooked, hookedNoCirc)
	// Default(nil) removes the hook.
	add("Default(nil) after a hook", []any{1, complex(1, 2)}, rtList([]rtTag{rtInt("1"), {"t": "obj", "name": "complex128", "tn": true}}),
		opt("[Default(hook), Default(nil)]", map[string]any{}, false, jsondump.Default(rtHook), jsondump.Default(nil)))
	// Empty containers of every form, nested, under indent and sort_keys.
	empties := []any{[]any{}, map[string]any{}, []string{}, []int{}, []int64{}, []float64{}, []bool{}, map[string]string{},
		map[string]int{}, map[string]int64{}, map[string]float64{}, map[string]bool{}, []byte{}, json.RawMessage("[ ]"),
		json.RawMessage("{ }"), rtMarshaler{text: " {} "}, rtTexter{}}
	emptyTags := []rtTag{rtList(nil), {"t": "dict", "items": [][2]rtTag{}}, rtList(nil), rtList(nil), rtList(nil), rtList(nil), rtList(nil),
		{"t": "dict", "items": [][2]rtTag{}}, {"t": "dict", "items": [][2]rtTag{}}, {"t": "dict", "items": [][2]rtTag{}},
		{"t": "dict", "items": [][2]rtTag{}}, {"t": "dict", "items": [][2]rtTag{}}, rtStr(""), rtRaw("[]"), rtRaw("{}"), rtRaw("{}"), rtStr("")}
	nested := map[string]any{"l": empties, "m": map[string]any{"e": empties}}
	nestedTag := rtTag{"t": "dict", "items": [][2]rtTag{{rtStr("l"), rtList(emptyTags)}, {rtStr("m"), {"t": "dict", "items": [][2]rtTag{{rtStr("e"), rtList(emptyTags)}}}}}}
	add("empty containers", nested, nestedTag, plain, ind2,
		opt(`[IndentString(""), SortKeys(true)]`, map[string]any{"indent": "", "sort_keys": true}, false, jsondump.IndentString(""), jsondump.SortKeys(true)),
		opt(`[Indent(-3), Separators(" , ", " : ")]`, map[string]any{"indent": -3, "separators": []string{" , ", " : "}}, false, jsondump.Indent(-3), jsondump.Separators(" , ", " : ")))
	// Nesting of 300 levels, lists and dicts by turns (the description must
	// stay within json.loads's own recursion limit).
	var deep any = []any{}
	deepTag := rtList(nil)
	for i := 0; i < 300; i++ {
		if i%2 == 0 {
			deep = []any{deep, i}
			deepTag = rtList([]rtTag{deepTag, rtInt(strconv.Itoa(i))})
		} else {
			deep = map[string]any{"k": deep}
			deepTag = rtTag{"t": "dict", "items": [][2]rtTag{{rtStr("k"), deepTag}}}
		}
	}
	add("300 levels", deep, deepTag, plain, opt("[IndentString(\"\\t\")]", map[string]any{"indent": "\t"}, false, jsondump.IndentString("\t")))
	// Options: a later one wins, separators stay explicit across an indent.
	add("option order", map[string]any{"a": []any{1, 2}}, rtTag{"t": "dict", "items": [][2]rtTag{{rtStr("a"), rtList([]rtTag{rtInt("1"), rtInt("2")})}}},
		opt("[Separators(\";\", \"=\"), Indent(3), Indent(0), EnsureASCII(false), EnsureASCII(true)]",
			map[string]any{"separators": []string{";", "="}, "indent": 0}, false,
			jsondump.Separators(";", "="), jsondump.Indent(3), jsondump.Indent(0), jsondump.EnsureASCII(false), jsondump.EnsureASCII(true)),
		opt("[IndentString(\"é\"), Indent(-1)]", map[string]any{"indent": -1}, false, jsondump.IndentString("é"), jsondump.Indent(-1)),
		opt("[Indent(2), IndentString(\"é\")]", map[string]any{"indent": "é"}, false, jsondump.Indent(2), jsondump.IndentString("é")))
	// Indents past the precomputed run of spaces, long separators.
	wide := []any{map[string]any{"a": []any{1, map[string]any{"b": []any{}}}}}
	wideTag := rtList([]rtTag{{"t": "dict", "items": [][2]rtTag{{rtStr("a"), rtList([]rtTag{rtInt("1"), {"t": "dict", "items": [][2]rtTag{{rtStr("b"), rtList(nil)}}}})}}}})
	add("wide indents", wide, wideTag,
		opt("[Indent(33)]", map[string]any{"indent": 33}, false, jsondump.Indent(33)),
		opt("[Indent(40)]", map[string]any{"indent": 40}, false, jsondump.Indent(40)),
		opt("[IndentString(long)]", map[string]any{"indent": strings.Repeat("-=", 30)}, false, jsondump.IndentString(strings.Repeat("-=", 30))),
		opt("[Separators(long, long)]", map[string]any{"separators": []string{strings.Repeat(",", 40), strings.Repeat(":", 40)}}, false,
			jsondump.Separators(strings.Repeat(",", 40), strings.Repeat(":", 40))))
	// Sort order of keys across planes, escapes and invalid bytes.
	keys := map[string]any{"b": 1, "a": 2, "B": 3, "": 4, "aa": 5, "é": 6, "\uffff": 7, "😀": 8, "~": 9, "#": 10, "\"": 11, "!": 12,
		"\\": 13, "[": 14, "\U00010000": 15, "\ufffd": 16, "\xff": 17, "\xfe": 18, "a\x00": 19, "\x00": 20, "\x7f": 21, "\u0080": 22}
	kt := map[string]rtTag{}
	for k, v := range keys {
		kt[k] = rtInt(strconv.Itoa(v.(int)))
	}
	add("key order", keys, rtDictOf(kt, func(t rtTag) rtTag { return t }), plain,
		opt("[SortKeys(true)]", map[string]any{"sort_keys": true}, false, jsondump.SortKeys(true)),
		opt("[SortKeys(true), EnsureASCII(false)]", map[string]any{"sort_keys": true, "ensure_ascii": false}, false, jsondump.SortKeys(true), jsondump.EnsureASCII(false)))
	if f := rtRun(t, cases, 25); f > 0 {
		t.Errorf("%d mismatches of %d cases", f, len(cases))
	}
}

// TestRedteamDumpFile: DumpFile writes exactly what Dumps returns, and on
// error leaves an existing file untouched and no temporary file behind.
func TestRedteamDumpFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	g := &rtGen{r: rand.New(rand.NewPCG(5, 5)), safe: true}
	for i := 0; i < 50; i++ {
		v, _ := g.value(3)
		o := g.options()
		want, werr := jsondump.Dumps(v, o.opts...)
		os.WriteFile(path, []byte("old"), 0o600)
		err := jsondump.DumpFile(path, v, o.opts...)
		got, _ := os.ReadFile(path)
		if (err == nil) != (werr == nil) {
			t.Fatalf("case %d: DumpFile error %v, Dumps error %v", i, err, werr)
		}
		if err == nil && string(got) != want {
			t.Fatalf("case %d: DumpFile wrote %q, Dumps %q", i, got, want)
		}
		if err != nil && string(got) != "old" {
			t.Fatalf("case %d: DumpFile failed (%v) and the file now holds %q", i, err, got)
		}
		ents, _ := os.ReadDir(dir)
		if len(ents) != 1 {
			t.Fatalf("case %d: %d files in the folder after DumpFile", i, len(ents))
		}
	}
}
