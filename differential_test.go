package jsondump_test

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jsondump/jsondump"
	"github.com/jsondump/jsondump/internal/pyoracle"
)

// The differential test builds random values of every dynamic form, each
// with a description of its Python equivalent that does not go through
// jsondump (a "tagged" tree, written with encoding/json), and has one python3
// process rebuild every value and print json.dumps of it under each option
// set.

// A diffOpts is one option set, as Go Options and as Python kwargs.
type diffOpts struct {
	name   string
	opts   []jsondump.Option
	kwargs map[string]any
}

var diffOptionSets = []diffOpts{
	{"defaults", nil, map[string]any{}},
	{"indent=0", []jsondump.Option{jsondump.Indent(0)}, map[string]any{"indent": 0}},
	{"indent=2", []jsondump.Option{jsondump.Indent(2)}, map[string]any{"indent": 2}},
	{"indent=4", []jsondump.Option{jsondump.Indent(4)}, map[string]any{"indent": 4}},
	{"indent=tab", []jsondump.Option{jsondump.IndentString("\t")}, map[string]any{"indent": "\t"}},
	{"indent=ab", []jsondump.Option{jsondump.IndentString("ab")}, map[string]any{"indent": "ab"}},
	{"compact", []jsondump.Option{jsondump.Separators(",", ":")}, map[string]any{"separators": []string{",", ":"}}},
	{"odd separators, indent=2", []jsondump.Option{jsondump.Separators(" ,", " : "), jsondump.Indent(2)},
		map[string]any{"separators": []string{" ,", " : "}, "indent": 2}},
	{"ensure_ascii=False", []jsondump.Option{jsondump.EnsureASCII(false)}, map[string]any{"ensure_ascii": false}},
	{"sort_keys", []jsondump.Option{jsondump.SortKeys(true)}, map[string]any{"sort_keys": true}},
	{"allow_nan=False", []jsondump.Option{jsondump.AllowNaN(false)}, map[string]any{"allow_nan": false}},
	{"indent=2, sort_keys, ensure_ascii=False",
		[]jsondump.Option{jsondump.Indent(2), jsondump.SortKeys(true), jsondump.EnsureASCII(false)},
		map[string]any{"indent": 2, "sort_keys": true, "ensure_ascii": false}},
	{"compact, sort_keys, allow_nan=False, ensure_ascii=False",
		[]jsondump.Option{jsondump.Separators(",", ":"), jsondump.SortKeys(true), jsondump.AllowNaN(false), jsondump.EnsureASCII(false)},
		map[string]any{"separators": []string{",", ":"}, "sort_keys": true, "allow_nan": false, "ensure_ascii": false}},
	{"indent=-3, separators=(', ', ': '), check_circular=False, skipkeys",
		[]jsondump.Option{jsondump.Indent(-3), jsondump.Separators(", ", ": "), jsondump.CheckCircular(false), jsondump.SkipKeys(true)},
		map[string]any{"indent": -3, "separators": []string{", ", ": "}, "check_circular": false, "skipkeys": true}},
}

// The Python side. Each input line after the first is a tagged tree; the
// first line is the list of kwargs. For each value and each option set it
// prints "OK <hex of the UTF-8 output>" or "ERR <Type>: <message>". Errors
// are taken from the pure-Python encoder (iterencode), whose messages carry
// CPython 3.12's wording (": nan") that README's mapping asks for; CPython 3.11's C
// encoder has the short form. A lone surrogate left in the output (only
// possible with ensure_ascii=False, from a \u escape in raw JSON text) is
// written as its \uXXXX escape, as doc.go's Limits say jsondump does.
const diffScript = `
import sys, json, struct, re
sys.setrecursionlimit(10000)
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
        for k, v in n["items"]:
            d[build(k)] = build(v)
        return d
    if t == "raw": return json.loads(n["text"] if "text" in n else "".join(map(chr, n["cps"])))
    if t == "obj": return cls(n["name"])()
    if t == "quoted": return Quoted(build(n["v"]))
    raise Exception("bad tag " + t)
classes = {}
def cls(name):
    if name not in classes: classes[name] = type(name, (), {})
    return classes[name]
class Quoted:
    __slots__ = ("v",)
    def __init__(self, v): self.v = v
def make_default(kw):
    # A ,string field (Quoted): its JSON text under the current ensure_ascii
    # and allow_nan, written as a str (by the pure-Python encoder, whose
    # messages have CPython 3.12's wording); any other object: json's
    # TypeError.
    ea, an = kw.get("ensure_ascii", True), kw.get("allow_nan", True)
    def default(o):
        if isinstance(o, Quoted):
            return "".join(json.JSONEncoder(ensure_ascii=ea, allow_nan=an).iterencode(o.v))
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")
    return default
lone = re.compile("[\ud800-\udfff]")
inp = sys.stdin.buffer.read().decode("utf-8").split("\n")
optsets = [dict(kw, default=make_default(kw)) for kw in json.loads(inp[0])]
out = []
for line in inp[1:]:
    if not line: continue
    v = build(json.loads(line))
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
`

// A tagged node describes the Python value of a Go value.
type tagged map[string]any

func tNone() tagged          { return tagged{"t": "none"} }
func tBool(b bool) tagged    { return tagged{"t": "bool", "v": b} }
func tInt(dec string) tagged { return tagged{"t": "int", "dec": dec} }
func tFloat(f float64) tagged {
	return tagged{"t": "float", "bits": fmt.Sprintf("%016x", math.Float64bits(f))}
}
func tRaw(text string) tagged { return tagged{"t": "raw", "text": text} }

// tStr is the Python str of a Go string: each invalid byte is U+FFFD, as a
// range loop reads it.
func tStr(s string) tagged {
	cps := []rune{}
	for _, r := range s {
		cps = append(cps, r)
	}
	return tagged{"t": "str", "cps": cps}
}

func tList(items []tagged) tagged { return tagged{"t": "list", "items": items} }

// tDict describes a Go map with string keys: Python's dict built by
// inserting the Go keys in ascending byte order (README's mapping).
func tDict[V any](m map[string]V, val func(V) tagged) tagged {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slicesSortStrings(keys)
	items := make([][2]tagged, 0, len(keys))
	for _, k := range keys {
		items = append(items, [2]tagged{tStr(k), val(m[k])})
	}
	return tagged{"t": "dict", "items": items}
}

func slicesSortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// gen makes random values.
type gen struct {
	r *rand.Rand
}

func (g *gen) n(k int) int { return g.r.IntN(k) }

// str returns a random Go string: ASCII, controls, every plane, and now
// and then bytes that are not UTF-8.
func (g *gen) str() string {
	var b strings.Builder
	n := g.n(12)
	for i := 0; i < n; i++ {
		switch g.n(14) {
		case 0, 1, 2, 3:
			b.WriteByte(byte(' ' + g.n(95)))
		case 4:
			b.WriteByte(byte(g.n(0x20)))
		case 5:
			b.WriteString([]string{"\"", "\\", "/", "\x7f", "\u2028", "\u2029", "\ufeff", "\uffff", "\ufffd", "<>&"}[g.n(10)])
		case 6:
			b.WriteRune(rune(0x80 + g.n(0x780)))
		case 7:
			r := rune(0x800 + g.n(0xF800))
			if r >= 0xD800 && r < 0xE000 {
				r = 0xE000 + r&0xFFF
			}
			b.WriteRune(r)
		case 8:
			b.WriteRune(rune(0x10000 + g.n(0x100000)))
		case 9:
			b.WriteRune([]rune{0x10000, 0x10FFFF, 0x1F600, 0xE000, 0x7FF, 0x800}[g.n(6)])
		case 10:
			// invalid UTF-8: a stray byte, a cut sequence, an encoded
			// surrogate, an overlong form
			b.WriteString([]string{"\xff", "\xfe", "\x80", "\xe2\x82", "\xed\xa0\x80", "\xc0\x80", "\xf4\x90\x80\x80", "\xf0\x9f\x98"}[g.n(8)])
		case 11:
			b.WriteByte(byte(0x80 + g.n(0x80)))
		default:
			b.WriteByte(byte('a' + g.n(26)))
		}
	}
	return b.String()
}

// key returns a map key: often short and colliding, so that maps have
// neighbours differing in invalid bytes alone.
func (g *gen) key() string {
	switch g.n(6) {
	case 0:
		return string(rune('a' + g.n(4)))
	case 1:
		return []string{"a\xff", "a\xfe", "a\ufffd", "a", "", "\xff", "\x80", "é", "\U0001F600", "\uffff"}[g.n(10)]
	default:
		return g.str()
	}
}

func (g *gen) float64() float64 {
	switch g.n(10) {
	case 0:
		return []float64{0, math.Copysign(0, -1), math.NaN(), math.Inf(1), math.Inf(-1),
			math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64, 2.2250738585072014e-308,
			1e16, 9999999999999998, 1e-5, 0.0001, 0.1, 1e22, 1e23, 5e-324, 1 << 53, 1 << 63}[g.n(19)]
	case 1, 2:
		return math.Float64frombits(g.r.Uint64()) // random bits: NaN payloads, subnormals, all
	case 3:
		return math.Float64frombits(g.r.Uint64() & 0x000FFFFFFFFFFFFF) // subnormal
	case 4:
		return float64(g.r.Int64N(1<<54)-(1<<53)) * math.Pow(10, float64(g.n(40)-20))
	case 5:
		return float64(g.n(1000000)) / 1000
	default:
		return (g.r.Float64() - 0.5) * math.Pow(10, float64(g.n(60)-30))
	}
}

func (g *gen) float32() float32 {
	switch g.n(4) {
	case 0:
		return []float32{0, float32(math.Copysign(0, -1)), float32(math.NaN()), float32(math.Inf(1)),
			math.MaxFloat32, math.SmallestNonzeroFloat32, 0.1, 16777217, 1e-7, 3.4e38}[g.n(10)]
	case 1:
		return math.Float32frombits(g.r.Uint32())
	default:
		return float32((g.r.Float64() - 0.5) * math.Pow(10, float64(g.n(20)-10)))
	}
}

// float32Tag: the documented Python float of a float32 is the float of its
// shortest decimal, which strconv gives.
func float32Tag(f float32) tagged {
	return tagged{"t": "floatstr", "s": strconv.FormatFloat(float64(f), 'g', -1, 32)}
}

func (g *gen) int64() int64 {
	switch g.n(4) {
	case 0:
		return []int64{0, 1, -1, math.MaxInt64, math.MinInt64, math.MaxInt32, math.MinInt32, 1 << 53, -(1 << 53) - 1}[g.n(9)]
	case 1:
		return int64(g.r.Uint64())
	default:
		return g.r.Int64N(2000) - 1000
	}
}

// number returns a random valid JSON number literal.
func (g *gen) number() string {
	switch g.n(8) {
	case 0:
		return []string{"0", "-0", "-0.0", "0.0", "1E5", "1e400", "-1e400", "1e-400", "1.10", "100.000",
			"123456789012345678901234567890", "123456789012345678901234567890.5", "2e-5", "0.1e1",
			"9007199254740993", "-9223372036854775809", "1E+2", "1e-7", "5e-324", "1.7976931348623157e308",
			"1.7976931348623159e308", "4.35", "0.30000000000000004"}[g.n(23)]
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

// rawJSON returns random valid JSON text: odd whitespace, every escape,
// lone and paired surrogate escapes, raw UTF-8, duplicate keys.
func (g *gen) rawJSON(depth int) string {
	var b strings.Builder
	ws := func() {
		for i := g.n(3); i > 0; i-- {
			b.WriteByte(" \t\n\r"[g.n(4)])
		}
	}
	var value func(d int)
	jstr := func() {
		b.WriteByte('"')
		for i := g.n(8); i > 0; i-- {
			switch g.n(8) {
			case 0:
				b.WriteString([]string{`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`}[g.n(8)])
			case 1:
				fmt.Fprintf(&b, `\u%04X`, g.n(0x10000))
			case 2:
				b.WriteString([]string{`\ud800`, `\udfff`, `\ud83d\ude00`, `\uDBFF\uDFFF`, `\u0000`, `\u00e9`, `\ud800\u0041`}[g.n(7)])
			case 3:
				b.WriteRune([]rune{'é', '日', 0x1F600, 0x7F, 0x2028, 0xFFFF}[g.n(6)])
			default:
				b.WriteByte(byte('a' + g.n(26)))
			}
		}
		b.WriteByte('"')
	}
	value = func(d int) {
		ws()
		k := g.n(10)
		if d <= 0 && k >= 7 {
			k = g.n(7)
		}
		switch k {
		case 0:
			b.WriteString("null")
		case 1:
			b.WriteString([]string{"true", "false"}[g.n(2)])
		case 2, 3:
			b.WriteString(g.number())
		case 4, 5, 6:
			jstr()
		case 7:
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
			keys := []string{`"a"`, `"b"`, `"\u0061"`, `"é"`, `"\ud800"`, `""`, `"z"`}
			for i, n := 0, g.n(5); i < n; i++ {
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

// value returns a random Go value of the dynamic forms and its description.
func (g *gen) value(depth int) (any, tagged) {
	k := g.n(36)
	if depth <= 0 && k >= 28 {
		k = g.n(28)
	}
	switch k {
	case 0:
		return nil, tNone()
	case 1:
		b := g.n(2) == 0
		return b, tBool(b)
	case 2, 3:
		s := g.str()
		return s, tStr(s)
	case 4:
		i := int(g.int64())
		return i, tInt(strconv.Itoa(i))
	case 5:
		i := g.int64()
		return i, tInt(strconv.FormatInt(i, 10))
	case 6:
		i := g.int64()
		switch g.n(3) {
		case 0:
			return int8(i), tInt(strconv.Itoa(int(int8(i))))
		case 1:
			return int16(i), tInt(strconv.Itoa(int(int16(i))))
		default:
			return int32(i), tInt(strconv.Itoa(int(int32(i))))
		}
	case 7:
		u := g.r.Uint64()
		if g.n(3) == 0 {
			u = math.MaxUint64
		}
		switch g.n(6) {
		case 0:
			return uint(u), tInt(strconv.FormatUint(uint64(uint(u)), 10))
		case 1:
			return uint8(u), tInt(strconv.FormatUint(uint64(uint8(u)), 10))
		case 2:
			return uint16(u), tInt(strconv.FormatUint(uint64(uint16(u)), 10))
		case 3:
			return uint32(u), tInt(strconv.FormatUint(uint64(uint32(u)), 10))
		case 4:
			return uintptr(u), tInt(strconv.FormatUint(uint64(uintptr(u)), 10))
		default:
			return u, tInt(strconv.FormatUint(u, 10))
		}
	case 8, 9, 10:
		f := g.float64()
		return f, tFloat(f)
	case 11:
		f := g.float32()
		return f, float32Tag(f)
	case 12:
		var b []byte
		if g.n(5) != 0 {
			b = make([]byte, g.n(10))
			for i := range b {
				b[i] = byte(g.r.Uint32())
			}
		}
		if b == nil {
			return b, tNone()
		}
		return b, tStr(base64.StdEncoding.EncodeToString(b))
	case 13, 14:
		var x *big.Int
		switch g.n(8) {
		case 0:
			return x, tNone()
		case 1:
			x = new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(4295+g.n(10))), nil) // near the 4300-digit limit
		default:
			x = big.NewInt(g.int64())
			for i := g.n(6); i > 0; i-- {
				x.Mul(x, new(big.Int).SetUint64(g.r.Uint64()|1))
			}
		}
		return x, tInt(x.String())
	case 15:
		n := json.Number(g.number())
		if g.n(20) == 0 {
			return json.Number(""), tInt("0")
		}
		return n, tRaw(string(n))
	case 16, 17:
		if g.n(15) == 0 {
			return json.RawMessage(nil), tNone()
		}
		text := g.rawJSON(depth)
		return json.RawMessage(text), tRaw(text)
	case 18:
		s := make([]string, g.n(4))
		items := make([]tagged, len(s))
		for i := range s {
			s[i] = g.str()
			items[i] = tStr(s[i])
		}
		return s, tList(items)
	case 19:
		s := make([]int, g.n(4))
		items := make([]tagged, len(s))
		for i := range s {
			s[i] = int(g.int64())
			items[i] = tInt(strconv.Itoa(s[i]))
		}
		if g.n(6) == 0 {
			return []int(nil), tNone()
		}
		return s, tList(items)
	case 20:
		s := make([]int64, g.n(4))
		items := make([]tagged, len(s))
		for i := range s {
			s[i] = g.int64()
			items[i] = tInt(strconv.FormatInt(s[i], 10))
		}
		return s, tList(items)
	case 21:
		s := make([]float64, g.n(4))
		items := make([]tagged, len(s))
		for i := range s {
			s[i] = g.float64()
			items[i] = tFloat(s[i])
		}
		return s, tList(items)
	case 22:
		s := make([]bool, g.n(4))
		items := make([]tagged, len(s))
		for i := range s {
			s[i] = g.n(2) == 0
			items[i] = tBool(s[i])
		}
		return s, tList(items)
	case 23:
		m := map[string]string{}
		for i := g.n(5); i > 0; i-- {
			m[g.key()] = g.str()
		}
		if g.n(8) == 0 {
			return map[string]string(nil), tNone()
		}
		return m, tDict(m, tStr)
	case 24:
		m := map[string]int{}
		for i := g.n(5); i > 0; i-- {
			m[g.key()] = int(g.int64())
		}
		return m, tDict(m, func(i int) tagged { return tInt(strconv.Itoa(i)) })
	case 25:
		m := map[string]int64{}
		for i := g.n(5); i > 0; i-- {
			m[g.key()] = g.int64()
		}
		return m, tDict(m, func(i int64) tagged { return tInt(strconv.FormatInt(i, 10)) })
	case 26:
		m := map[string]float64{}
		for i := g.n(5); i > 0; i-- {
			m[g.key()] = g.float64()
		}
		return m, tDict(m, tFloat)
	case 27:
		m := map[string]bool{}
		for i := g.n(5); i > 0; i-- {
			m[g.key()] = g.n(2) == 0
		}
		return m, tDict(m, tBool)
	case 28, 29, 30, 31:
		if g.n(15) == 0 {
			return []any(nil), tNone()
		}
		s := make([]any, g.n(5))
		items := make([]tagged, len(s))
		for i := range s {
			s[i], items[i] = g.value(depth - 1)
		}
		return s, tList(items)
	default:
		if g.n(15) == 0 {
			return map[string]any(nil), tNone()
		}
		m := map[string]any{}
		tags := map[string]tagged{}
		for i := g.n(6); i > 0; i-- {
			k := g.key()
			m[k], tags[k] = g.value(depth - 1)
		}
		return m, tDict(tags, func(t tagged) tagged { return t })
	}
}

// goResult is what the Python script prints for a Go result.
func goResult(s string, err error) string {
	if err != nil {
		return "ERR " + pyErrorType(err) + ": " + err.Error()
	}
	return "OK " + hex.EncodeToString([]byte(s))
}

func TestDifferentialPython(t *testing.T) {
	pyoracle.Python(t)
	// JSONDUMP_DIFF_SEED and JSONDUMP_DIFF_N explore beyond the fixed run.
	seed := uint64(20240611)
	if s := os.Getenv("JSONDUMP_DIFF_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	n := 3000
	if s := os.Getenv("JSONDUMP_DIFF_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	if testing.Short() {
		n = 300
	}
	g := &gen{r: rand.New(rand.NewPCG(seed, seed>>3))}
	// A third of the values are of arbitrary Go types (typed_values_test.go):
	// the reflective path.
	tg := &typedGen{r: rand.New(rand.NewPCG(seed, seed>>5))}
	values := make([]any, n)
	var in bytes.Buffer
	kwargs := make([]map[string]any, len(diffOptionSets))
	for i, o := range diffOptionSets {
		kwargs[i] = o.kwargs
	}
	enc := json.NewEncoder(&in)
	if err := enc.Encode(kwargs); err != nil {
		t.Fatal(err)
	}
	for i := range values {
		var tag tagged
		if i%3 == 2 {
			values[i], tag = tg.value(3)
		} else {
			values[i], tag = g.value(4)
		}
		if err := enc.Encode(tag); err != nil {
			t.Fatal(err)
		}
	}
	lines := pyoracle.Lines(pyoracle.Run(t, diffScript, in.Bytes()))
	if len(lines) != n*len(diffOptionSets) {
		t.Fatalf("python3 printed %d lines, want %d", len(lines), n*len(diffOptionSets))
	}
	failures := 0
	outcomes := map[string]int{}
	for i, v := range values {
		for j, o := range diffOptionSets {
			want := lines[i*len(diffOptionSets)+j]
			s, err := jsondump.Dumps(v, o.opts...)
			got := goResult(s, err)
			// AppendDumps and Dump must agree with Dumps.
			b, aerr := jsondump.AppendDumps(nil, v, o.opts...)
			if agot := goResult(string(b), aerr); aerr == nil && agot != got || (aerr == nil) != (err == nil) {
				t.Errorf("value %d, %s: AppendDumps %q differs from Dumps %q", i, o.name, agot, got)
			}
			if (i+j)%5 == 0 {
				var w bytes.Buffer
				derr := jsondump.Dump(&w, v, o.opts...)
				if dgot := goResult(w.String(), derr); derr == nil && dgot != got || (derr == nil) != (err == nil) {
					t.Errorf("value %d, %s: Dump %q differs from Dumps %q", i, o.name, dgot, got)
				}
			}
			if kind, _, _ := strings.Cut(want, ":"); strings.HasPrefix(kind, "ERR") {
				outcomes[kind]++
			} else {
				outcomes["OK"]++
			}
			if got == want {
				continue
			}
			failures++
			if failures > 20 {
				continue
			}
			t.Errorf("seed %d, value %d, options %s\nvalue: %s\n   go: %s\npython: %s",
				seed, i, o.name, clip(fmt.Sprintf("%#v", v)), readable(got), readable(want))
		}
	}
	t.Logf("seed %d: %d values x %d option sets: %v", seed, n, len(diffOptionSets), outcomes)
	if failures > 0 {
		t.Errorf("%d mismatches in all", failures)
	}
}

// readable turns an "OK <hex>" result back into quoted text.
func readable(r string) string {
	if h, ok := strings.CutPrefix(r, "OK "); ok {
		b, err := hex.DecodeString(h)
		if err == nil {
			if !utf8.Valid(b) {
				return "(invalid UTF-8) " + clip(fmt.Sprintf("%q", b))
			}
			return clip(strconv.Quote(string(b)))
		}
	}
	return r
}
