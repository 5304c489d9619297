package generator

import (
	"cmp"
	"encoding/base64"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Random values of the model's types, their Go composite literals, and
// their Python equivalents as "tagged" trees: the property test's own
// reading of README's mapping and of encoding/json's struct rules.

// A pval is a value of a ptype.
type pval struct {
	t     *ptype
	null  bool // nil pointer, slice, map, interface, []byte, *big.Int, RawMessage
	b     bool
	i     int64
	u     uint64
	f     float64 // float32 values are held exactly
	s     string  // strings, json.Number, RawMessage text
	bytes []byte
	big   *big.Int
	elems []*pval   // pointer (one), slice, array, struct (by field index)
	keys  []*pval   // map keys, with their values in elems
	dyn   *pval     // any: the value it holds (nil for a nil interface)
	tm    time.Time // time.Time
	ref   *pval     // pointer or any: the same pointer as ref (a cycle, or sharing)
	id    int       // a pointer that a ref points to: its Python dict's id
	share bool      // a pointer that refs share without a cycle
}

// value returns a random value of t; depth bounds nesting, and at depth 0
// pointers, slices and maps are nil or empty.
func (g *pgen) value(t *ptype, depth int) *pval {
	v := &pval{t: t}
	u := t.u()
	switch u.k {
	case pkBool:
		v.b = g.chance(1, 2)
	case pkInt:
		v.i = g.intOf(u.bits)
	case pkUint:
		v.u = g.uintOf(u.bits)
	case pkFloat64:
		v.f = g.float64()
	case pkFloat32:
		v.f = float64(g.float32())
	case pkString:
		if t.nm != nil && t.nm.text == "upper" && g.chance(1, 2) {
			v.s = []string{"a", "A", "é", "É", "ß", "ǆ", "\xff", "k"}[g.n(8)]
		} else {
			v.s = g.str()
		}
	case pkBytes:
		switch {
		case g.chance(1, 6):
			v.null = true
		case g.chance(1, 6):
			v.bytes = []byte{}
		default:
			v.bytes = make([]byte, g.n(12))
			for i := range v.bytes {
				v.bytes[i] = byte(g.r.Uint32())
			}
		}
	case pkBigInt:
		v.big = g.bigInt()
		v.null = v.big == nil
	case pkNumber:
		v.s = g.number()
	case pkRaw:
		if g.chance(1, 8) {
			v.null = true
		} else {
			v.s = g.rawText()
		}
	case pkTime:
		v.tm = g.time()
	case pkPtr:
		if depth <= 0 || g.chance(1, 4) {
			v.null = true
		} else {
			v.elems = []*pval{g.value(u.elem, depth-1)}
		}
	case pkSlice:
		switch {
		case g.chance(1, 7):
			v.null = true
		case depth <= 0:
			if g.chance(1, 2) {
				v.null = true
			}
		default:
			for i, n := 0, g.n(4); i < n; i++ {
				v.elems = append(v.elems, g.value(u.elem, depth-1))
			}
		}
	case pkArray:
		for i := 0; i < u.n; i++ {
			v.elems = append(v.elems, g.value(u.elem, depth-1))
		}
	case pkMap:
		switch {
		case g.chance(1, 8):
			v.null = true
		case depth <= 0:
			if g.chance(1, 2) {
				v.null = true
			}
		default:
			for i, n := 0, g.n(5); i < n; i++ {
				k := g.mapKeyValue(u.key)
				if k == nil || slices.ContainsFunc(v.keys, func(o *pval) bool { return sameKey(o, k) }) {
					continue
				}
				v.keys = append(v.keys, k)
				v.elems = append(v.elems, g.value(u.elem, depth-1))
			}
		}
	case pkStruct:
		for _, f := range u.fields {
			v.elems = append(v.elems, g.value(f.t, depth-1))
		}
	case pkAny:
		v.dyn = g.dynamic(depth)
	}
	return v
}

// zones are the locations of random times: UTC and fixed offsets.
var zones = []int{0, 0, 19800, -28800, 3600, -12600, 50400, -43200}

// time returns a random time.Time, within the years MarshalJSON accepts;
// now and then the zero Time.
func (g *pgen) time() time.Time {
	if g.chance(1, 6) {
		return time.Time{}
	}
	if g.chance(1, 12) {
		return time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC) // zero too
	}
	y := 1970 + g.n(130)
	if g.chance(1, 8) {
		y = 1 + g.n(9999)
	}
	ns := 0
	switch g.n(3) {
	case 0:
		ns = g.n(1000000000)
	case 1:
		ns = g.n(1000) * 1000000
	}
	return time.Date(y, time.Month(1+g.n(12)), 1+g.n(28), g.n(24), g.n(60), g.n(60), ns,
		time.FixedZone("", zones[g.n(len(zones))]))
}

func (g *pgen) intOf(bits int) int64 {
	var i int64
	switch g.n(5) {
	case 0:
		i = []int64{0, 1, -1, math.MaxInt64, math.MinInt64, -3, 3}[g.n(7)]
	case 1:
		i = int64(g.r.Uint64())
	default:
		i = g.r.Int64N(2000) - 1000
	}
	if g.chance(1, 6) {
		i = int64(uint64(1)<<(bits-1) - 1) // the maximum
		if g.chance(1, 2) {
			i = -i - 1
		}
	}
	shift := 64 - bits
	return i << shift >> shift
}

func (g *pgen) uintOf(bits int) uint64 {
	var u uint64
	switch g.n(4) {
	case 0:
		u = []uint64{0, 1, math.MaxUint64, 3}[g.n(4)]
	case 1:
		u = g.r.Uint64()
	default:
		u = g.r.Uint64N(2000)
	}
	return u << (64 - bits) >> (64 - bits)
}

func (g *pgen) float64() float64 {
	switch g.n(8) {
	case 0, 1:
		return []float64{0, math.Copysign(0, -1), math.NaN(), math.Inf(1), math.Inf(-1),
			math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64, 2.2250738585072014e-308,
			1e16, 9999999999999998, 1e-5, 0.0001, 0.1, 1e22, 1e23, 1 << 53, 1 << 63, -1.5, 100}[g.n(20)]
	case 2:
		return math.Float64frombits(g.r.Uint64())
	case 3:
		return math.Float64frombits(g.r.Uint64() & 0x000FFFFFFFFFFFFF) // subnormal
	case 4:
		return float64(g.n(1000000)) / 1000
	default:
		return (g.r.Float64() - 0.5) * math.Pow(10, float64(g.n(60)-30))
	}
}

func (g *pgen) float32() float32 {
	switch g.n(5) {
	case 0, 1:
		return []float32{0, float32(math.Copysign(0, -1)), float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1)),
			math.MaxFloat32, math.SmallestNonzeroFloat32, 0.1, 16777217, 1e-7, 3.4e38, 1e10}[g.n(12)]
	case 2:
		return math.Float32frombits(g.r.Uint32())
	default:
		return float32((g.r.Float64() - 0.5) * math.Pow(10, float64(g.n(20)-10)))
	}
}

// str returns a random Go string: ASCII, controls, escapes, every plane,
// and now and then bytes that are not UTF-8.
func (g *pgen) str() string {
	if g.chance(1, 8) {
		return ""
	}
	if g.on("bigstrings") && g.chance(1, 300) {
		// Past the 32 KiB at which Dump flushes.
		return strings.Repeat("ab\u00e9\U0001F600\"\xff", 3000+g.n(6000))
	}
	var b strings.Builder
	for i, n := 0, g.n(10); i < n; i++ {
		if !g.on("strings") {
			b.WriteByte(byte('a' + g.n(26)))
			continue
		}
		switch g.n(13) {
		case 0, 1, 2, 3:
			b.WriteByte(byte('a' + g.n(26)))
		case 4:
			b.WriteByte(byte(g.n(0x20)))
		case 5:
			b.WriteString([]string{"\"", "\\", "/", "\x7f", "\u2028", "\u2029", "\ufeff", "\uffff", "\ufffd", "<>&", " "}[g.n(11)])
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
			b.WriteRune([]rune{0x10000, 0x10FFFF, 0x1F600, 0xE000, 0x7FF, 0x800, 0xFFFD}[g.n(7)])
		case 10:
			b.WriteString([]string{"\xff", "\xfe", "\x80", "\xe2\x82", "\xed\xa0\x80", "\xc0\x80", "\xf4\x90\x80\x80", "\xf0\x9f\x98"}[g.n(8)])
		case 11:
			b.WriteByte(byte(0x80 + g.n(0x80)))
		default:
			b.WriteByte(byte(' ' + g.n(95)))
		}
	}
	return b.String()
}

// keyStr returns a string map key: short and colliding, with neighbours
// that differ in invalid bytes alone.
func (g *pgen) keyStr() string {
	if g.chance(1, 2) {
		return []string{"a\xff", "a\xfe", "a\ufffd", "a", "", "\xff", "\x80", "é", "\U0001F600", "\uffff", "b", "A"}[g.n(12)]
	}
	return g.str()
}

func (g *pgen) bigInt() *big.Int {
	switch g.n(10) {
	case 0, 1:
		return nil
	case 2:
		if g.on("bigint") && g.chance(1, 4) {
			return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(4295+g.n(10))), nil) // near the 4300-digit limit
		}
		return big.NewInt(0)
	default:
		x := big.NewInt(g.intOf(64))
		for i := g.n(4); i > 0; i-- {
			x.Mul(x, new(big.Int).SetUint64(g.r.Uint64()|1))
		}
		return x
	}
}

func (g *pgen) number() string {
	if g.chance(1, 15) {
		return ""
	}
	return []string{"0", "-0", "-0.0", "1E5", "1e400", "-1e400", "1e-400", "1.10", "100.000",
		"123456789012345678901234567890", "2e-5", "0.1e1", "9007199254740993", "-9223372036854775809",
		"1E+2", "5e-324", "1.7976931348623159e308", "4.35", "17", "-3"}[g.n(20)]
}

func (g *pgen) rawText() string {
	return []string{`null`, `true`, ` false `, `"s"`, `"\u00e9\ud83d\ude00\/"`, `[1, 2.50, {}]`, `{"b": 1, "a": [null]}`,
		"{\n\"x\" :\t{\"y\": []}}", `1e400`, `-0.0`, `{"a": 1, "a": 2}`, `"é"`, `123456789012345678901234567890`,
		`[[], [[]], {"": ""}]`}[g.n(14)]
}

// mapKeyValue returns a random key of key type k, or nil when it picked
// nothing usable.
func (g *pgen) mapKeyValue(k *ptype) *pval {
	if k.k == pkAny {
		return g.anyKey()
	}
	v := &pval{t: k}
	u := k.u()
	switch u.k {
	case pkString:
		v.s = g.keyStr()
	case pkInt:
		if k.nm != nil && k.nm.text == "square" && g.on("textcollide") && g.chance(1, 2) {
			v.i = []int64{-3, 3, -2, 2, 0, 1, -1}[g.n(7)]
		} else if g.chance(1, 2) {
			v.i = int64(g.n(12)) - 2
		} else {
			v.i = g.intOf(u.bits)
		}
	case pkUint:
		if g.chance(1, 2) {
			v.u = uint64(g.n(12))
		} else {
			v.u = g.uintOf(u.bits)
		}
	case pkFloat64:
		v.f = g.float64()
	case pkFloat32:
		v.f = float64(g.float32())
	case pkBool:
		v.b = g.chance(1, 2)
	case pkTime:
		v.tm = g.time()
	default:
		return nil
	}
	return v
}

// anyKey returns a key of a map[any]V: nil, a bool, a number or a string.
// Keys that Python holds equal (1, 1.0 and True) are not mixed, because
// which of them names the dict entry is not in the contract.
func (g *pgen) anyKey() *pval {
	switch g.n(6) {
	case 0:
		return &pval{t: tAnyType}
	case 1:
		return &pval{t: tAnyType, dyn: &pval{t: tBoolType, b: g.chance(1, 2)}}
	case 2:
		t := intTypes[g.n(len(intTypes))]
		return &pval{t: tAnyType, dyn: &pval{t: t, i: g.intOf(t.bits)}}
	case 3:
		f := g.float64()
		if math.IsNaN(f) {
			f = 2.5
		}
		return &pval{t: tAnyType, dyn: &pval{t: tF64Type, f: f}}
	default:
		return &pval{t: tAnyType, dyn: &pval{t: tStringType, s: g.keyStr()}}
	}
}

// sameKey reports whether two keys are one Go map key, or (for map[any]V)
// one Python dict key.
func sameKey(a, b *pval) bool {
	if a.t.k == pkAny {
		pa, oka := pyKeyNum(a)
		pb, okb := pyKeyNum(b)
		if oka || okb {
			return oka && okb && pa == pb
		}
		if (a.dyn == nil) != (b.dyn == nil) {
			return false
		}
		return a.dyn == nil || a.dyn.s == b.dyn.s
	}
	u := a.t.u()
	switch u.k {
	case pkString:
		return a.s == b.s
	case pkInt:
		return a.i == b.i
	case pkUint:
		return a.u == b.u
	case pkFloat32, pkFloat64:
		return a.f == b.f // NaN keys are all different
	case pkBool:
		return a.b == b.b
	case pkTime:
		return timeText(a.tm) == timeText(b.tm) // one Python key: skip
	}
	return false
}

// timeText is a time's MarshalText.
func timeText(t time.Time) string {
	b, err := t.MarshalText()
	if err != nil {
		panic(err)
	}
	return string(b)
}

// timeJSON is a time's MarshalJSON.
func timeJSON(t time.Time) string {
	b, err := t.MarshalJSON()
	if err != nil {
		panic(err)
	}
	return string(b)
}

// pyKeyNum is the numeric value Python sees in a map[any]V key.
func pyKeyNum(k *pval) (float64, bool) {
	if k.dyn == nil {
		return 0, false
	}
	switch k.dyn.t.k {
	case pkBool:
		if k.dyn.b {
			return 1, true
		}
		return 0, true
	case pkInt:
		return float64(k.dyn.i), true
	case pkFloat64:
		return k.dyn.f, true
	}
	return 0, false
}

// dynamic returns a random value for an any: the forms the runtime knows,
// the package's generated types, and now and then an unknown object.
func (g *pgen) dynamic(depth int) *pval {
	h := g.pkg.helpers
	k := g.n(34)
	if depth <= 0 && k >= 26 {
		k = g.n(26)
	}
	var t *ptype
	switch k {
	case 0, 1:
		return nil
	case 2:
		t = tBoolType
	case 3, 4:
		t = tStringType
	case 5, 6:
		t = intTypes[g.n(len(intTypes))]
	case 7:
		t = uintTypes[g.n(len(uintTypes))]
	case 8, 9:
		t = tF64Type
	case 10:
		t = tF32Type
	case 11:
		t = tBytesType
	case 12:
		t = tBigType
	case 13:
		t = []*ptype{tNumberType, tRawType, tTimeType, ptrTo(tTimeType)}[g.n(4)]
	case 14:
		t = sliceOf([]*ptype{tStringType, intTypes[0], intTypes[4], tF64Type, tBoolType}[g.n(5)])
	case 15:
		t = mapOf(tStringType, []*ptype{tStringType, intTypes[0], intTypes[4], tF64Type, tBoolType}[g.n(5)])
	case 16, 17:
		// A named helper: generated when it is a root, a marshaler anyway,
		// else written by the reflective path.
		t = h[[]string{"Celsius", "Ratio", "Count", "Label", "Flag", "Tiny", "Upper", "Code", "Jay"}[g.n(9)]]
		if !t.nm.root && t.nm.text == "" && !g.on("unknown") {
			t = tStringType
		}
		if t.nm.text != "" && g.chance(1, 4) {
			t = ptrTo(t) // *Upper: its method set has MarshalText
		}
	case 18:
		// A type that is neither generated nor one of the listed forms:
		// the reflective path writes it, by the generated code's rules.
		switch {
		case !g.on("unknown"):
			t = tStringType
		case g.chance(1, 3):
			t = []*ptype{h["Opaque"], arrayOf(2, intTypes[0]), mapOf(intTypes[0], tStringType), ptrTo(intTypes[0]), sliceOf(h["Label"])}[g.n(5)]
		default:
			// Types the package's source already declares: a Box
			// instantiation only where Box is declared.
			gen := g.feat["generics"]
			g.feat["generics"] = gen && len(g.pkg.boxes) > 0
			t = g.fieldType(0, 2)
			g.feat["generics"] = gen
		}
	case 19, 20, 21, 22, 23, 24, 25:
		// a root of the package, as T or *T
		var roots []*ptype
		for _, r := range g.pkg.roots {
			if r.nm.decl && (g.on("directnil") || !r.direct()) {
				roots = append(roots, r)
			}
		}
		if len(roots) == 0 || depth <= 0 {
			t = tStringType
			break
		}
		t = roots[g.n(len(roots))]
		if g.chance(1, 2) {
			t = ptrTo(t)
		}
	case 26, 27, 28, 29:
		t = sliceOf(tAnyType)
	default:
		t = mapOf(tStringType, tAnyType)
	}
	v := g.value(t, depth-1)
	if v.t.u().k == pkAny {
		// fieldType can pick any itself: an interface holds no interface,
		// only what that one holds (nil too, which omitempty drops).
		return v.dyn
	}
	return v
}

// cycle makes v, a non-nil top-level *T of a struct type, reach itself
// through a *T or any field of T (v.F = v), or, now and then, share a
// pointer between two fields (v.F = v.P) without a cycle. It returns the
// assignment, or "".
func (g *pgen) cycle(v *pval, id int) string {
	st := v.elems[0]
	fields := st.t.u().fields
	if g.chance(1, 3) {
		// sharing: F (any, or P's pointer type) gets P's non-nil pointer to a struct
		type pair struct{ f, p int }
		var pairs []pair
		for j, pf := range fields {
			if pf.t.k != pkPtr || pf.t.elem.u().k != pkStruct || st.elems[j].null || st.elems[j].ref != nil {
				continue
			}
			for i, f := range fields {
				// A non-root type in an any is left out: it can have the
				// methods of an embedded root, promoted (t1 embedding *T0
				// is written as its T0 in an any, by Go's method sets).
				inAny := f.t.k == pkAny && pf.t.elem.k == pkNamed && pf.t.elem.nm.root
				if i != j && (inAny || f.t.goStr() == pf.t.goStr()) && st.elems[i].ref == nil {
					pairs = append(pairs, pair{i, j})
				}
			}
		}
		if len(pairs) > 0 {
			pr := pairs[g.n(len(pairs))]
			target := st.elems[pr.p]
			target.id, target.share = id, true
			if fields[pr.f].t.k == pkAny {
				st.elems[pr.f] = &pval{t: tAnyType, dyn: &pval{t: target.t, ref: target}}
			} else {
				st.elems[pr.f] = &pval{t: fields[pr.f].t, ref: target}
			}
			return "v." + fields[pr.f].name + " = v." + fields[pr.p].name
		}
	}
	var cands []int
	for i, f := range fields {
		if f.t.k == pkAny || f.t.k == pkPtr && f.t.elem == st.t {
			cands = append(cands, i)
		}
	}
	if len(cands) == 0 {
		return ""
	}
	i := cands[g.n(len(cands))]
	f := fields[i]
	v.id = id
	if f.t.k == pkAny {
		st.elems[i] = &pval{t: tAnyType, dyn: &pval{t: v.t, ref: v}}
	} else {
		st.elems[i] = &pval{t: f.t, ref: v}
	}
	return "v." + f.name + " = v"
}

// Literals.

// lit writes v as a Go expression of its type.
func (v *pval) lit() string {
	if v.ref != nil {
		return "(" + v.t.goStr() + ")(nil)" // set by the value's function
	}
	t := v.t
	u := t.u()
	ts := t.goStr()
	switch u.k {
	case pkBool:
		return ts + "(" + strconv.FormatBool(v.b) + ")"
	case pkInt:
		return ts + "(" + strconv.FormatInt(v.i, 10) + ")"
	case pkUint:
		return ts + "(" + strconv.FormatUint(v.u, 10) + ")"
	case pkFloat64:
		return ts + "(math.Float64frombits(0x" + strconv.FormatUint(math.Float64bits(v.f), 16) + "))"
	case pkFloat32:
		return ts + "(math.Float32frombits(0x" + strconv.FormatUint(uint64(math.Float32bits(float32(v.f))), 16) + "))"
	case pkString, pkNumber:
		return ts + "(" + strconv.Quote(v.s) + ")"
	case pkBytes, pkRaw:
		if v.null {
			return ts + "(nil)"
		}
		if u.k == pkBytes {
			return ts + "(" + strconv.Quote(string(v.bytes)) + ")"
		}
		return ts + "(" + strconv.Quote(v.s) + ")"
	case pkTime:
		if v.tm == (time.Time{}) {
			return "time.Time{}"
		}
		_, off := v.tm.Zone()
		loc := "time.UTC"
		if v.tm.Location() != time.UTC {
			loc = "time.FixedZone(\"\", " + strconv.Itoa(off) + ")"
		}
		return fmt.Sprintf("time.Date(%d, %d, %d, %d, %d, %d, %d, %s)", v.tm.Year(), v.tm.Month(), v.tm.Day(),
			v.tm.Hour(), v.tm.Minute(), v.tm.Second(), v.tm.Nanosecond(), loc)
	case pkBigInt:
		if v.null {
			return "(*big.Int)(nil)"
		}
		return "bigInt(" + strconv.Quote(v.big.String()) + ")"
	case pkPtr:
		if v.null {
			return "(" + ts + ")(nil)"
		}
		if t.k == pkNamed {
			return ts + "(ptr[" + u.elem.goStr() + "](" + v.elems[0].lit() + "))"
		}
		return "ptr[" + u.elem.goStr() + "](" + v.elems[0].lit() + ")"
	case pkSlice, pkArray:
		if v.null {
			return ts + "(nil)"
		}
		parts := make([]string, len(v.elems))
		for i, e := range v.elems {
			parts[i] = e.lit()
		}
		return ts + "{" + strings.Join(parts, ", ") + "}"
	case pkMap:
		if v.null {
			return ts + "(nil)"
		}
		parts := make([]string, len(v.elems))
		for i, e := range v.elems {
			parts[i] = v.keys[i].lit() + ": " + e.lit()
		}
		return ts + "{" + strings.Join(parts, ", ") + "}"
	case pkStruct:
		var parts []string
		for i, f := range u.fields {
			parts = append(parts, f.name+": "+v.elems[i].lit())
		}
		return ts + "{" + strings.Join(parts, ", ") + "}"
	case pkAny:
		if v.dyn == nil {
			return "nil"
		}
		return v.dyn.lit()
	}
	panic(fmt.Sprintf("lit: kind %d", u.k))
}

// The Python side: tagged trees, as differential_test.go describes them,
// plus "quoted" (a ,string field: the JSON text of the inner value under
// the current options, as a str) and "obj" (an object json.dumps does not
// know, whose class has the Go type's %T name).

type tagged = map[string]any

func tyNone() tagged          { return tagged{"t": "none"} }
func tyBool(b bool) tagged    { return tagged{"t": "bool", "v": b} }
func tyInt(dec string) tagged { return tagged{"t": "int", "dec": dec} }
func tyFloat(f float64) tagged {
	return tagged{"t": "float", "bits": fmt.Sprintf("%016x", math.Float64bits(f))}
}

// tyFloat32: the documented Python float of a float32 is the float of its
// shortest decimal.
func tyFloat32(f float64) tagged {
	return tagged{"t": "floatstr", "s": strconv.FormatFloat(f, 'g', -1, 32)}
}

// tyStr is the Python str of a Go string: each invalid byte is U+FFFD, as
// a range loop reads it.
func tyStr(s string) tagged {
	cps := []rune{}
	for _, r := range s {
		cps = append(cps, r)
	}
	return tagged{"t": "str", "cps": cps}
}
func tyRaw(text string) tagged     { return tagged{"t": "raw", "text": text} }
func tyList(items []tagged) tagged { return tagged{"t": "list", "items": items} }
func tyQuoted(inner tagged) tagged { return tagged{"t": "quoted", "v": inner} }

// A pymodel computes Python equivalents for the values of one package.
type pymodel struct {
	pkg    *ppkg
	fields map[*ptype][]selField // dominant fields of each struct type
}

// py returns the Python equivalent of v.
func (m *pymodel) py(v *pval) tagged {
	if v.ref != nil {
		if v.ref.share {
			return m.py(v.ref) // the same dict, by its id
		}
		return tagged{"t": "ref", "id": v.ref.id}
	}
	if v.id != 0 {
		inner := m.py(v.elems[0])
		inner["id"] = v.id
		return inner
	}
	t := v.t
	if t.k == pkNamed {
		switch t.nm.text {
		case "upper":
			return tyStr(strings.ToUpper(v.s))
		case "square":
			return tyStr("k" + strconv.Itoa(int(v.i)*int(v.i)))
		case "jay":
			return tyRaw(jayText(int(v.i)))
		}
	}
	u := t.u()
	switch u.k {
	case pkBool:
		return tyBool(v.b)
	case pkInt:
		return tyInt(strconv.FormatInt(v.i, 10))
	case pkUint:
		return tyInt(strconv.FormatUint(v.u, 10))
	case pkFloat64:
		return tyFloat(v.f)
	case pkFloat32:
		return tyFloat32(v.f)
	case pkString:
		return tyStr(v.s)
	case pkNumber:
		if v.s == "" {
			return tyInt("0") // encoding/json writes an empty Number as 0
		}
		return tyRaw(v.s)
	case pkRaw:
		if v.null {
			return tyNone()
		}
		return tyRaw(v.s)
	case pkTime:
		return tyRaw(timeJSON(v.tm)) // json.Marshaler first, as encoding/json
	case pkBytes:
		if v.null {
			return tyNone()
		}
		return tyStr(base64.StdEncoding.EncodeToString(v.bytes))
	case pkBigInt:
		if v.null {
			return tyNone()
		}
		return tyInt(v.big.String())
	case pkPtr:
		if v.null {
			return tyNone()
		}
		return m.py(v.elems[0])
	case pkSlice, pkArray:
		if v.null {
			return tyNone()
		}
		if e := u.elem.u(); u.k == pkSlice && e.k == pkUint && e.bits == 8 && e.basic == "uint8" && !hasMethods(u.elem) {
			// []Tiny is base64 too, as encoding/json writes it
			b := make([]byte, len(v.elems))
			for i, x := range v.elems {
				b[i] = byte(x.u)
			}
			return tyStr(base64.StdEncoding.EncodeToString(b))
		}
		items := make([]tagged, len(v.elems))
		for i, e := range v.elems {
			items[i] = m.py(e)
		}
		return tyList(items)
	case pkMap:
		if v.null {
			return tyNone()
		}
		return m.pyMap(v)
	case pkStruct:
		return m.pyStruct(v)
	case pkAny:
		if v.dyn == nil {
			return tyNone()
		}
		return m.pyDynamic(v.dyn)
	}
	panic(fmt.Sprintf("py: kind %d", u.k))
}

func hasMethods(t *ptype) bool { return t.k == pkNamed && t.nm.text != "" }

// pyDynamic is the Python equivalent of a value held in an any: the
// mapping of its type, whichever path writes it (README's mapping,
// "Dynamic values": generated code, the listed forms, the reflective
// path). The package's marshalers have value receivers, so that a value
// that an any holds, not addressable, is written as any other.
func (m *pymodel) pyDynamic(v *pval) tagged { return m.py(v) }

// pyMap builds the dict in ascending key order (README's mapping): strings by
// bytes, numbers by value with NaN last (the runtime's documented choice),
// false before true, TextMarshalers by text; map[any]V by kind (nil,
// bools, numbers, strings), then value.
func (m *pymodel) pyMap(v *pval) tagged {
	type entry struct {
		key *pval
		val *pval
	}
	entries := make([]entry, len(v.keys))
	for i, k := range v.keys {
		entries[i] = entry{key: k, val: v.elems[i]}
	}
	slices.SortStableFunc(entries, func(a, b entry) int { return compareKeys(a.key, b.key) })
	items := make([][2]tagged, len(entries))
	for i, e := range entries {
		items[i] = [2]tagged{m.pyKey(e.key), m.py(e.val)}
	}
	return tagged{"t": "dict", "items": items}
}

// compareKeys orders two keys of one map type.
func compareKeys(a, b *pval) int {
	if a.t.k == pkAny {
		rank := func(k *pval) int {
			switch {
			case k.dyn == nil:
				return 0
			case k.dyn.t.k == pkBool:
				return 1
			case k.dyn.t.k == pkString:
				return 3
			}
			return 2
		}
		if c := cmp.Compare(rank(a), rank(b)); c != 0 {
			return c
		}
		switch rank(a) {
		case 1:
			return cmp.Compare(boolInt(a.dyn.b), boolInt(b.dyn.b))
		case 2:
			x, _ := pyKeyNum(a)
			y, _ := pyKeyNum(b)
			if a.dyn.t.k == pkInt && b.dyn.t.k == pkInt {
				return cmp.Compare(a.dyn.i, b.dyn.i)
			}
			return cmp.Compare(x, y)
		case 3:
			return strings.Compare(a.dyn.s, b.dyn.s)
		}
		return 0
	}
	t := a.t
	if t.k == pkNamed && t.nm.text == "square" {
		return cmp.Or(strings.Compare(squareText(a.i), squareText(b.i)), cmp.Compare(a.i, b.i))
	}
	switch t.u().k {
	case pkTime:
		return strings.Compare(timeText(a.tm), timeText(b.tm))
	case pkString:
		return strings.Compare(a.s, b.s)
	case pkInt:
		return cmp.Compare(a.i, b.i)
	case pkUint:
		return cmp.Compare(a.u, b.u)
	case pkFloat32, pkFloat64:
		an, bn := math.IsNaN(a.f), math.IsNaN(b.f)
		if an || bn {
			return cmp.Compare(boolInt(an), boolInt(bn))
		}
		return cmp.Compare(a.f, b.f)
	case pkBool:
		return cmp.Compare(boolInt(a.b), boolInt(b.b))
	}
	return 0
}

func squareText(i int64) string { return "k" + strconv.Itoa(int(i)*int(i)) }

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// pyKey is the Python dict key of a Go map key: a string kind is its
// string (before any MarshalText, as encoding/json), a TextMarshaler its
// text, numbers and bools themselves.
func (m *pymodel) pyKey(k *pval) tagged {
	t := k.t
	if t.k == pkAny {
		if k.dyn == nil {
			return tyNone()
		}
		return m.py(k.dyn)
	}
	if t.u().k == pkString {
		return tyStr(k.s)
	}
	if t.k == pkTime {
		return tyStr(timeText(k.tm))
	}
	return m.py(k)
}

// A selField is one member of a struct's object: encoding/json's typeFields,
// reimplemented on the model.
type selField struct {
	name      string
	index     []int  // field indexes from the outer struct
	ptrs      []bool // index[i] goes through an embedded pointer
	decl      *pfield
	tagged    bool
	omitEmpty bool
	omitZero  bool
	quoted    bool
}

// validName is encoding/json's isValidTag: letters, digits and ASCII
// punctuation other than quotes, backslash and comma.
func validName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

// structFields returns the members of struct type t in output order.
func (m *pymodel) structFields(t *ptype) []selField {
	if fs, ok := m.fields[t]; ok {
		return fs
	}
	type level struct {
		t     *ptype // the struct (named, or anonymous at the top)
		index []int
		ptrs  []bool
	}
	var all []selField
	next := []level{{t: t}}
	visited := map[*ptype]bool{}
	count := map[*ptype]int{}
	for len(next) > 0 {
		current := next
		next = nil
		thisCount := count
		count = map[*ptype]int{}
		for _, l := range current {
			if visited[l.t] {
				continue
			}
			visited[l.t] = true
			for i, f := range l.t.u().fields {
				ft := f.t
				isPtr := ft.k == pkPtr
				if isPtr {
					ft = ft.elem
				}
				if f.embedded {
					if !f.exported() && ft.u().k != pkStruct {
						continue
					}
				} else if !f.exported() {
					continue
				}
				tag := ""
				if f.hasTag {
					tag = f.tag
				}
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if !validName(name) {
					name = ""
				}
				index := append(slices.Clone(l.index), i)
				ptrs := append(slices.Clone(l.ptrs), isPtr)
				if name != "" || !f.embedded || ft.u().k != pkStruct {
					sf := selField{name: name, tagged: name != "", index: index, ptrs: ptrs, decl: f}
					if sf.name == "" {
						sf.name = f.name
					}
					o := "," + opts + ","
					sf.omitEmpty = strings.Contains(o, ",omitempty,")
					sf.omitZero = strings.Contains(o, ",omitzero,")
					// ,string: bool, number and string kinds, or an unnamed
					// pointer to one; a marshaler ignores it.
					q := f.t
					if q.k == pkPtr {
						q = q.elem
					}
					switch q.u().k {
					case pkBool, pkInt, pkUint, pkFloat32, pkFloat64, pkString, pkNumber:
						sf.quoted = strings.Contains(o, ",string,") && !hasMethods(q)
					}
					all = append(all, sf)
					if thisCount[l.t] > 1 {
						all = append(all, sf) // embedded twice at one depth: annihilated below
					}
					continue
				}
				count[ft]++
				if count[ft] == 1 {
					next = append(next, level{t: ft, index: index, ptrs: ptrs})
				}
			}
		}
	}
	slices.SortStableFunc(all, func(a, b selField) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		if c := cmp.Compare(len(a.index), len(b.index)); c != 0 {
			return c
		}
		if a.tagged != b.tagged {
			if a.tagged {
				return -1
			}
			return 1
		}
		return slices.Compare(a.index, b.index)
	})
	var out []selField
	for i := 0; i < len(all); {
		j := i + 1
		for j < len(all) && all[j].name == all[i].name {
			j++
		}
		g := all[i:j]
		if len(g) == 1 || len(g[0].index) < len(g[1].index) || g[0].tagged != g[1].tagged {
			out = append(out, g[0])
		}
		i = j
	}
	slices.SortFunc(out, func(a, b selField) int { return slices.Compare(a.index, b.index) })
	if m.fields == nil {
		m.fields = map[*ptype][]selField{}
	}
	m.fields[t] = out
	return out
}

// pyStruct is the dict of a struct value: its members in field order, those
// behind a nil embedded pointer and those omitempty/omitzero drop left out.
func (m *pymodel) pyStruct(v *pval) tagged {
	var items [][2]tagged
	for _, f := range m.structFields(v.t) {
		fv := v
		skip := false
		for d, i := range f.index {
			fv = fv.elems[i]
			if d < len(f.index)-1 && f.ptrs[d] {
				if fv.null {
					skip = true
					break
				}
				fv = fv.elems[0]
			}
		}
		if skip || f.omitEmpty && isEmpty(fv) || f.omitZero && isZero(fv) {
			continue
		}
		var val tagged
		switch {
		case !f.quoted:
			val = m.py(fv)
		case fv.t.k == pkPtr:
			if fv.null {
				val = tyNone()
			} else {
				val = tyQuoted(m.py(fv.elems[0]))
			}
		default:
			val = tyQuoted(m.py(fv))
		}
		items = append(items, [2]tagged{tyStr(f.name), val})
	}
	if items == nil {
		items = [][2]tagged{}
	}
	return tagged{"t": "dict", "items": items}
}

// isEmpty is encoding/json's isEmptyValue.
func isEmpty(v *pval) bool {
	u := v.t.u()
	switch u.k {
	case pkArray:
		return u.n == 0
	case pkSlice, pkMap:
		return v.null || len(v.elems) == 0
	case pkBytes:
		return len(v.bytes) == 0
	case pkRaw:
		return v.null || len(v.s) == 0
	case pkString, pkNumber:
		return v.s == ""
	case pkBool:
		return !v.b
	case pkInt:
		return v.i == 0
	case pkUint:
		return v.u == 0
	case pkFloat32, pkFloat64:
		return v.f == 0
	case pkPtr, pkBigInt:
		return v.null
	case pkAny:
		return v.dyn == nil
	}
	return false
}

// isZero is reflect.Value.IsZero of Go 1.26, which omitzero uses for types
// without an IsZero method: floats compare with == (so -0.0 is zero), and
// structs and arrays are zero when every element is.
func isZero(v *pval) bool {
	u := v.t.u()
	switch u.k {
	case pkTime:
		return v.tm.IsZero() // its IsZero method, as encoding/json calls it
	case pkArray, pkStruct:
		for _, e := range v.elems {
			if !isZero(e) {
				return false
			}
		}
		return true
	case pkSlice, pkMap, pkBytes, pkRaw, pkPtr, pkBigInt:
		return v.null
	case pkAny:
		return v.dyn == nil
	}
	return isEmpty(v)
}
