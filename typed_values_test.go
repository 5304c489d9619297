package jsondump_test

import (
	"bytes"
	"cmp"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unsafe"
)

// Values of arbitrary Go types — typed maps and slices of every key and
// element kind, arrays, pointers at several depths, anonymous structs with
// tags, omitempty, omitzero, ,string and embedding, named kinds, Marshalers,
// values in any at every depth, nil everywhere — for the tests that compare
// the dynamic path with CPython (differential_test.go,
// dynamic_random_test.go, fuzz_test.go). Types are made with reflect
// (StructOf, SliceOf, MapOf, ArrayOf, PointerTo) from the declared types
// below, values filled at random, and each value's Python equivalent is
// computed by this file's own model of README's mapping and encoding/json's
// rules, never by jsondump. The model's struct member names are checked
// against encoding/json's own (typedCheckNames).
//
// A tag tree (map[string]any) describes the Python value, in the vocabulary
// the tests' scripts rebuild: none, bool, int (dec), float (bits),
// floatstr (s), str (cps), raw (cps: JSON text for json.loads), list
// (items), dict (items: key and value tags, in insertion order), obj (an
// unknown object: name is its class, tn that the Default hook returns the
// name) and quoted (v: a value written as its JSON text inside a string,
// the ,string option).
//
// Without the reflective path (-tags jsondump_noreflect) a value held in an
// any whose type is neither a listed form nor a Marshaler is an unknown
// object; the model says so (typedModel.inAny).

// Declared types the random types are built from.
type (
	TdInt   int16
	TdUint  uint32
	TdStr   string
	TdFloat float64
	TdF32   float32
	TdBool  bool
	TdByte  uint8
	TdBytes []byte
	TdList  []any
	TdMap   map[string]TdInt
	TdIMap  map[int8]string
	TdArr   [2]TdStr
	TdPtr   *TdInt
)

// TdText is a TextMarshaler of an integer kind: as a map key it is its
// text, and equal texts (TdText(-2) and TdText(2)) are ordered by value.
type TdText int8

func (t TdText) MarshalText() ([]byte, error) { return []byte("t" + strconv.Itoa(int(t)*int(t))), nil }

// TdJSON is a json.Marshaler on the value.
type TdJSON struct{ N int }

func (j TdJSON) MarshalJSON() ([]byte, error) {
	return []byte(`{"j": [` + strconv.Itoa(j.N) + `, 1.50, "\u00e9"]}`), nil
}

// TdPtrJSON has MarshalJSON on its pointer: it counts only where the value
// is addressable (encoding/json).
type TdPtrJSON struct{ N int }

func (j *TdPtrJSON) MarshalJSON() ([]byte, error) { return []byte(`"p` + strconv.Itoa(j.N) + `"`), nil }

// TdPtrText has MarshalText on its pointer.
type TdPtrText struct{ S string }

func (t *TdPtrText) MarshalText() ([]byte, error) { return []byte("pt:" + t.S), nil }

// TdZ has an IsZero method for omitzero.
type TdZ struct{ N int }

func (z TdZ) IsZero() bool { return z.N == 7 }

// TdZP has IsZero on its pointer.
type TdZP struct{ N int }

func (z *TdZP) IsZero() bool { return z.N%2 == 1 }

// Structs to embed, with tags, conflicts and unexported parts.
type (
	TdBase struct {
		ID     int      `json:"id"`
		Name   string   `json:"name,omitempty"`
		Tags   []string `json:"tags"`
		hidden int
	}
	TdOther struct {
		ID    string  `json:"id"`
		Score float32 `json:"score,omitempty"`
	}
	TdDeep struct {
		TdBase
		Deep bool `json:"deep"`
		ID   TdInt
	}
	tdUnexp struct {
		U  int `json:"u"`
		u2 int
	}
	TdWrap struct {
		tdUnexp
		*TdOther
		W  TdStr `json:"w,omitempty"`
		Sk int   `json:"-"`
		Da int   `json:"-,"`
	}
)

// typedRand is the randomness typedGen draws from: math/rand, or the bytes
// of a fuzz input.
type typedRand interface{ IntN(n int) int }

// bytesRand draws from a fuzz input's bytes, then zeros.
type bytesRand struct{ b []byte }

func (r *bytesRand) IntN(n int) int {
	var x uint32
	for i := 0; i < 3; i++ {
		x <<= 8
		if len(r.b) > 0 {
			x |= uint32(r.b[0])
			r.b = r.b[1:]
		}
	}
	return int(x % uint32(n))
}

// typedGen makes random types and values.
type typedGen struct {
	r      typedRand
	hasNaN bool // a NaN key was drawn for the map being filled
}

func (g *typedGen) n(k int) int { return g.r.IntN(k) }

func (g *typedGen) pick(ts ...reflect.Type) reflect.Type { return ts[g.n(len(ts))] }

var (
	tdIntKinds  = []reflect.Type{reflect.TypeFor[int](), reflect.TypeFor[int8](), reflect.TypeFor[int16](), reflect.TypeFor[int32](), reflect.TypeFor[int64](), reflect.TypeFor[TdInt]()}
	tdUintKinds = []reflect.Type{reflect.TypeFor[uint](), reflect.TypeFor[uint8](), reflect.TypeFor[uint16](), reflect.TypeFor[uint32](), reflect.TypeFor[uint64](), reflect.TypeFor[uintptr](), reflect.TypeFor[TdUint]()}
	tdFloats    = []reflect.Type{reflect.TypeFor[float32](), reflect.TypeFor[float64](), reflect.TypeFor[TdFloat](), reflect.TypeFor[TdF32]()}
	tdStrings   = []reflect.Type{reflect.TypeFor[string](), reflect.TypeFor[TdStr]()}
	tdAny       = reflect.TypeFor[any]()
	tdEmbed     = []reflect.Type{reflect.TypeFor[TdBase](), reflect.TypeFor[TdOther](), reflect.TypeFor[TdDeep](), reflect.TypeFor[TdWrap]()}
	tdNames     = []string{"a", "b", "A", "id", "x", "é", "name", "with space", "a-b"}
)

// typ returns a random type; depth bounds the constructors.
func (g *typedGen) typ(depth int) reflect.Type {
	k := g.n(40)
	if depth <= 0 {
		k = g.n(18)
	}
	switch k {
	case 0, 1:
		return g.pick(reflect.TypeFor[bool](), reflect.TypeFor[TdBool]())
	case 2, 3:
		return g.pick(tdIntKinds...)
	case 4:
		return g.pick(tdUintKinds...)
	case 5, 6:
		return g.pick(tdFloats...)
	case 7, 8:
		return g.pick(tdStrings...)
	case 9:
		return g.pick(reflect.TypeFor[TdText](), reflect.TypeFor[TdJSON](), reflect.TypeFor[TdPtrJSON](), reflect.TypeFor[TdPtrText](), reflect.TypeFor[time.Time]())
	case 10:
		return g.pick(reflect.TypeFor[json.Number](), reflect.TypeFor[json.RawMessage](), reflect.TypeFor[*big.Int](), reflect.TypeFor[big.Int]())
	case 11:
		return g.pick(reflect.TypeFor[[]byte](), reflect.TypeFor[TdBytes](), reflect.TypeFor[[]TdByte](), reflect.TypeFor[[3]byte]())
	case 12:
		if g.n(3) == 0 {
			return g.pick(reflect.TypeFor[complex128](), reflect.TypeFor[complex64](), reflect.TypeFor[chan int](), reflect.TypeFor[func()]())
		}
		return g.pick(reflect.TypeFor[TdZ](), reflect.TypeFor[TdZP](), reflect.TypeFor[*TdZ]())
	case 13:
		return g.pick(reflect.TypeFor[TdList](), reflect.TypeFor[TdMap](), reflect.TypeFor[TdIMap](), reflect.TypeFor[TdArr](), reflect.TypeFor[TdPtr]())
	case 14, 15, 16, 17:
		return tdAny
	case 18, 19, 20:
		return reflect.SliceOf(g.typ(depth - 1))
	case 21:
		return reflect.ArrayOf(g.n(4), g.typ(depth-1))
	case 22, 23, 24:
		t := g.typ(depth - 1)
		for range g.n(3) {
			t = reflect.PointerTo(t)
		}
		return reflect.PointerTo(t)
	case 25, 26, 27, 28:
		return reflect.MapOf(g.keyType(), g.typ(depth-1))
	case 29, 30, 31, 32, 33:
		return g.structType(depth - 1)
	case 34, 35:
		return g.pick(append(tdEmbed, reflect.PointerTo(tdEmbed[g.n(len(tdEmbed))]))...)
	}
	return tdAny
}

// keyType returns a random map key type: every kind Python coerces, a
// TextMarshaler, an interface, and now and then one Python cannot hold.
func (g *typedGen) keyType() reflect.Type {
	switch g.n(12) {
	case 0, 1, 2:
		return g.pick(tdStrings...)
	case 3, 4:
		return g.pick(tdIntKinds...)
	case 5:
		return g.pick(tdUintKinds...)
	case 6:
		return g.pick(tdFloats...)
	case 7:
		return g.pick(reflect.TypeFor[bool](), reflect.TypeFor[TdBool]())
	case 8:
		return reflect.TypeFor[TdText]()
	case 9, 10:
		return tdAny
	}
	return g.pick(reflect.TypeFor[[2]int](), reflect.TypeFor[struct{ A int }](), reflect.TypeFor[*int](), reflect.TypeFor[complex64]())
}

// structType returns an anonymous struct type: exported fields of random
// types and tags (names from a small pool, so that they collide), and
// embedded declared structs.
func (g *typedGen) structType(depth int) reflect.Type {
	var fields []reflect.StructField
	embedded := map[string]bool{}
	for i := range g.n(5) {
		if g.n(4) == 0 {
			t := tdEmbed[g.n(len(tdEmbed))]
			if embedded[t.Name()] {
				continue
			}
			embedded[t.Name()] = true
			f := reflect.StructField{Name: t.Name(), Type: t, Anonymous: true}
			if g.n(3) == 0 {
				f.Type = reflect.PointerTo(t)
			}
			if g.n(4) == 0 {
				f.Tag = reflect.StructTag(`json:"` + tdNames[g.n(len(tdNames))] + `"`)
			}
			fields = append(fields, f)
			continue
		}
		f := reflect.StructField{Name: fmt.Sprintf("F%d", i), Type: g.typ(depth)}
		name := ""
		if g.n(3) > 0 {
			name = tdNames[g.n(len(tdNames))]
		}
		var opts []string
		for _, o := range []string{"omitempty", "omitzero", "string"} {
			if g.n(4) == 0 {
				opts = append(opts, o)
			}
		}
		tag := name
		if len(opts) > 0 {
			tag += "," + strings.Join(opts, ",")
		}
		switch g.n(12) {
		case 0:
			tag = "-"
		case 1:
			tag = "-,"
		case 2:
			tag = "bad\"q"
		}
		if tag != "" {
			f.Tag = reflect.StructTag(`json:` + strconv.Quote(tag))
		}
		fields = append(fields, f)
	}
	return reflect.StructOf(fields)
}

// str returns a random string: ASCII, escapes, every plane, and now and
// then bytes that are not UTF-8.
func (g *typedGen) str() string {
	var b strings.Builder
	for range g.n(6) {
		switch g.n(8) {
		case 0:
			b.WriteString([]string{"\"", "\\", "\n", "\x01", "\u2028", "\x7f", "<&>", "/"}[g.n(8)])
		case 1:
			b.WriteRune(rune(0x80 + g.n(0x800)))
		case 2:
			b.WriteRune([]rune{0x1F600, 0x10FFFF, 0xFFFF, 0xE000, 0x20AC}[g.n(5)])
		case 3:
			b.WriteString([]string{"\xff", "\xfe", "\x80", "\xed\xa0\x80", "\xe2\x82"}[g.n(5)])
		default:
			b.WriteByte(byte('a' + g.n(26)))
		}
	}
	return b.String()
}

func (g *typedGen) float() float64 {
	switch g.n(10) {
	case 0:
		return []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 1e16, 1e-5, 0.1, 5e-324, math.MaxFloat64}[g.n(10)]
	case 1:
		return float64(g.n(2001) - 1000)
	}
	return (float64(g.n(1<<30)) - float64(1<<29)) / float64(1+g.n(1000))
}

func (g *typedGen) int() int64 {
	switch g.n(6) {
	case 0:
		return []int64{0, -1, math.MinInt64, math.MaxInt64, 1 << 53, -(1 << 53) - 1}[g.n(6)]
	case 1:
		return int64(g.n(1<<30)) << g.n(33) * int64(1-2*g.n(2))
	}
	return int64(g.n(2001) - 1000)
}

// fill sets v, settable, to a random value of its type.
func (g *typedGen) fill(v reflect.Value, depth int) {
	t := v.Type()
	if g.n(8) == 0 {
		return // the zero value: nil pointers, slices, maps and interfaces
	}
	switch t {
	case reflect.TypeFor[json.Number]():
		v.SetString([]string{"0", "-1.50", "1e400", "12345678901234567890", "2.5E-3", ""}[g.n(6)])
		return
	case reflect.TypeFor[json.RawMessage]():
		v.SetBytes([]byte([]string{`{"b": [1, 2.50, null], "a": "\u00e9"}`, ` [ ] `, `true`, `1E2`, `"x\ud83d\ude00"`, `{}`}[g.n(6)]))
		return
	case reflect.TypeFor[big.Int]():
		v.Set(reflect.ValueOf(*new(big.Int).Lsh(big.NewInt(g.int()), uint(g.n(100)))))
		return
	case reflect.TypeFor[time.Time]():
		v.Set(reflect.ValueOf(time.Date(1990+g.n(50), time.Month(1+g.n(12)), 1+g.n(28), g.n(24), g.n(60), g.n(60), g.n(3)*123456789, time.FixedZone("", (g.n(25)-12)*1800))))
		return
	}
	switch t.Kind() {
	case reflect.Bool:
		v.SetBool(g.n(2) == 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(g.int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		v.SetUint(uint64(g.int()))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(g.float())
	case reflect.Complex64, reflect.Complex128:
		v.SetComplex(complex(g.float(), 1))
	case reflect.String:
		v.SetString(g.str())
	case reflect.Chan:
		v.Set(reflect.MakeChan(t, 0))
	case reflect.Func:
		v.Set(reflect.MakeFunc(t, func([]reflect.Value) []reflect.Value { return nil }))
	case reflect.Interface:
		g.fillAny(v, depth)
	case reflect.Pointer:
		if depth < 0 && g.n(2) == 0 {
			return
		}
		p := reflect.New(t.Elem())
		g.fill(p.Elem(), depth-1)
		v.Set(p)
	case reflect.Slice:
		n := g.n(4)
		if depth < 0 {
			n = g.n(2)
		}
		s := reflect.MakeSlice(t, n, n)
		for i := range n {
			g.fill(s.Index(i), depth-1)
		}
		v.Set(s)
	case reflect.Array:
		for i := range v.Len() {
			g.fill(v.Index(i), depth-1)
		}
	case reflect.Map:
		m := reflect.MakeMapWithSize(t, 4)
		g.hasNaN = false
		var keys []reflect.Value
		for range g.n(5) {
			k := reflect.New(t.Key()).Elem()
			g.fillKey(k)
			keys = append(keys, k)
		}
		for _, k := range keys {
			e := reflect.New(t.Elem()).Elem()
			g.fill(e, depth-1)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Struct:
		for i := range t.NumField() {
			f := v.Field(i)
			if !f.CanSet() {
				// An unexported field: set through its address, so that
				// it is not zero (jsondump must leave it out).
				f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
			}
			g.fill(f, depth-1)
		}
	}
}

// fillKey sets k to a random map key of its type: one NaN at most per map
// (several would come out in the map's random order).
func (g *typedGen) fillKey(k reflect.Value) {
	t := k.Type()
	if t.Kind() == reflect.Interface {
		var x any
		switch g.n(12) {
		case 0:
			x = nil
		case 1:
			x = g.n(2) == 0
		case 2, 3:
			x = reflect.ValueOf([]any{int(g.n(3)), int8(1), int64(-1), uint(g.n(3)), uint64(math.MaxUint64), 2}[g.n(6)]).Interface()
		case 4:
			x = []any{0.0, math.Copysign(0, -1), 1.0, 0.5, float32(0.1), math.Inf(-1), 1e300}[g.n(7)]
		case 5:
			if !g.hasNaN {
				g.hasNaN = true
				x = math.NaN()
			} else {
				x = 2.5
			}
		case 6:
			x = TdStr("named")
		case 7:
			x = [1]int{g.n(3)}
		default:
			x = []string{"", "a", "b", "\xff", "\xfe", "\ufffd", "é", "1"}[g.n(8)]
		}
		if x != nil {
			k.Set(reflect.ValueOf(x))
		}
		return
	}
	if t.Kind() == reflect.Float32 || t.Kind() == reflect.Float64 {
		f := g.float()
		if f != f {
			if g.hasNaN {
				f = 3
			}
			g.hasNaN = true
		}
		k.SetFloat(f)
		return
	}
	if t.Kind() == reflect.String {
		k.SetString([]string{"", "a", "b", "B", "\xff", "\xfe", "\ufffd", "é", "1", "a\x00"}[g.n(10)])
		return
	}
	g.fill(k, 0)
}

// fillAny sets v, an interface, to a random value of a listed form or of a
// random type.
func (g *typedGen) fillAny(v reflect.Value, depth int) {
	if depth < 0 {
		if g.n(2) == 0 {
			v.Set(reflect.ValueOf(g.str()))
		}
		return
	}
	var t reflect.Type
	switch g.n(6) {
	case 0:
		t = reflect.TypeFor[[]any]()
	case 1:
		t = reflect.TypeFor[map[string]any]()
	default:
		t = g.typ(depth)
	}
	if !t.Implements(v.Type()) {
		return
	}
	x := reflect.New(t).Elem()
	g.fill(x, depth-1)
	v.Set(x)
}

// value returns a random value of a random type, and its Python
// equivalent by the model.
func (g *typedGen) value(depth int) (any, map[string]any) {
	t := g.typ(depth)
	x := reflect.New(t)
	g.fill(x.Elem(), depth)
	v := x.Elem().Interface()
	if g.n(4) == 0 {
		v = x.Interface() // a pointer to it: its target addressable
	}
	return v, typedModel{}.inAny(reflect.ValueOf(v))
}

// typedModel computes the Python equivalent of a Go value: README's
// mapping, with encoding/json's rules for structs, marshalers and
// addressability.
type typedModel struct{}

func tdNone() map[string]any            { return map[string]any{"t": "none"} }
func tdStr(s string) map[string]any     { return map[string]any{"t": "str", "cps": []rune(s)} } // []rune: U+FFFD per invalid byte
func tdRaw(s string) map[string]any     { return map[string]any{"t": "raw", "cps": []rune(s)} }
func tdIntTag(s string) map[string]any  { return map[string]any{"t": "int", "dec": s} }
func tdList(items []any) map[string]any { return map[string]any{"t": "list", "items": items} }
func tdObj(name string) map[string]any  { return map[string]any{"t": "obj", "name": name, "tn": true} }
func tdF64(f float64) map[string]any {
	return map[string]any{"t": "float", "bits": fmt.Sprintf("%016x", math.Float64bits(f))}
}
func tdF32(f float32) map[string]any {
	return map[string]any{"t": "floatstr", "s": strconv.FormatFloat(float64(f), 'g', -1, 32)}
}

// inAny is the Python value of v, held in an any: not addressable. Without
// the reflective path, a value that is neither a listed form nor a
// Marshaler is an unknown object.
func (m typedModel) inAny(v reflect.Value) map[string]any {
	if !v.IsValid() {
		return tdNone()
	}
	if !reflectBuild && !listedForm(v.Interface()) {
		return tdObj(v.Type().String())
	}
	return m.py(v, false)
}

// listedForm reports whether the dynamic path knows x by its type switch
// (doc.go, "The three paths", 2) or as a Marshaler.
func listedForm(x any) bool {
	switch x.(type) {
	case nil, bool, string, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, uintptr,
		float32, float64, []byte, []any, map[string]any, []string, []int, []int64, []float64, []bool,
		map[string]string, map[string]int, map[string]int64, map[string]float64, map[string]bool,
		*big.Int, json.Number, json.RawMessage, json.Marshaler, encoding.TextMarshaler:
		return true
	}
	return false
}

// marshalerOf returns the method that writes v, encoding/json's choice:
// MarshalJSON, then MarshalText, each on the value or, where v is
// addressable (and not a pointer or an interface), on its pointer.
func marshalerOf(v reflect.Value, addr bool) (json.Marshaler, encoding.TextMarshaler) {
	t := v.Type()
	viaPtr := addr && t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface
	ptr := func() any {
		if v.CanAddr() {
			return v.Addr().Interface()
		}
		p := reflect.New(t)
		p.Elem().Set(v)
		return p.Interface()
	}
	if t.Implements(reflect.TypeFor[json.Marshaler]()) {
		m, _ := v.Interface().(json.Marshaler)
		return m, nil
	}
	if viaPtr && reflect.PointerTo(t).Implements(reflect.TypeFor[json.Marshaler]()) {
		return ptr().(json.Marshaler), nil
	}
	if t.Implements(reflect.TypeFor[encoding.TextMarshaler]()) {
		m, _ := v.Interface().(encoding.TextMarshaler)
		return nil, m
	}
	if viaPtr && reflect.PointerTo(t).Implements(reflect.TypeFor[encoding.TextMarshaler]()) {
		return nil, ptr().(encoding.TextMarshaler)
	}
	return nil, nil
}

func hasMarshaler(t reflect.Type, addr bool) bool {
	for _, it := range []reflect.Type{reflect.TypeFor[json.Marshaler](), reflect.TypeFor[encoding.TextMarshaler]()} {
		if t.Implements(it) || addr && t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface && reflect.PointerTo(t).Implements(it) {
			return true
		}
	}
	return false
}

// py is the Python value of v; addr says whether encoding/json sees it
// addressable (a pointer's target, a slice element, a field or element of
// an addressable value).
func (m typedModel) py(v reflect.Value, addr bool) map[string]any {
	t := v.Type()
	switch t {
	case reflect.TypeFor[json.Number]():
		if v.String() == "" {
			return tdIntTag("0")
		}
		return tdRaw(v.String())
	case reflect.TypeFor[*big.Int]():
		if v.IsNil() {
			return tdNone()
		}
		return tdIntTag(v.Interface().(*big.Int).String())
	}
	if jm, tm := marshalerOf(v, addr); jm != nil || tm != nil {
		if k := t.Kind(); (k == reflect.Pointer || k == reflect.Interface) && v.IsNil() {
			return tdNone() // no typed nil pointers in interfaces with the method here
		}
		if k := t.Kind(); k == reflect.Interface && v.Elem().Kind() == reflect.Pointer && v.Elem().IsNil() {
			return tdNone()
		}
		if jm != nil {
			text, err := jm.MarshalJSON()
			if err != nil {
				panic(err)
			}
			return tdRaw(string(text))
		}
		text, err := tm.MarshalText()
		if err != nil {
			panic(err)
		}
		return tdStr(string(text))
	}
	switch t.Kind() {
	case reflect.Bool:
		return map[string]any{"t": "bool", "v": v.Bool()}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return tdIntTag(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return tdIntTag(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32:
		return tdF32(float32(v.Float()))
	case reflect.Float64:
		return tdF64(v.Float())
	case reflect.String:
		return tdStr(v.String())
	case reflect.Interface:
		if v.IsNil() {
			return tdNone()
		}
		return m.inAny(v.Elem())
	case reflect.Pointer:
		if v.IsNil() {
			return tdNone()
		}
		return m.py(v.Elem(), true)
	case reflect.Slice:
		if v.IsNil() {
			return tdNone()
		}
		if el := t.Elem(); el.Kind() == reflect.Uint8 && !hasMarshaler(el, true) {
			b := make([]byte, v.Len())
			for i := range b {
				b[i] = byte(v.Index(i).Uint())
			}
			return tdStr(base64.StdEncoding.EncodeToString(b))
		}
		items := []any{}
		for i := range v.Len() {
			items = append(items, m.py(v.Index(i), true))
		}
		return tdList(items)
	case reflect.Array:
		items := []any{}
		for i := range v.Len() {
			items = append(items, m.py(v.Index(i), addr))
		}
		return tdList(items)
	case reflect.Map:
		if v.IsNil() {
			return tdNone()
		}
		return m.pyMap(v)
	case reflect.Struct:
		return m.pyStruct(v, addr)
	}
	// chan, func, complex, unsafe.Pointer: Python's unknown object.
	return tdObj(t.String())
}

// A tdKey is a map member: its key as Python sees it, its place in the
// dict's insertion order, and its value.
type tdKey struct {
	class int     // 0 None, 1 bool, 2 number, 3 str, 4 not a Python key
	num   float64 // class 1, 2: the value, for the order (exact in rank and bits below)
	rank  int     // ties between equal numbers: bool, signed, unsigned, float
	neg0  bool    // -0.0, before 0.0
	i     *big.Int
	nan   bool
	s     string // class 3: the key; class 4: its type's name
	tname string // a key of a named type in a map[any]: its type's name
	tag   map[string]any
	val   map[string]any
}

// pyMap is the dict of a map: built in ascending key order (README's
// mapping): strings by bytes, numbers by value, false before true,
// TextMarshaler keys by their text; interface keys in the order None,
// bools, numbers, strings, then keys Python cannot hold (which it rejects,
// or skipkeys drops). Python merges the keys that are equal to it (True, 1
// and 1.0; strings that are one str once each invalid byte is U+FFFD): the
// first key's place, the last value.
func (m typedModel) pyMap(v reflect.Value) map[string]any {
	kt := v.Type().Key()
	var keys []tdKey
	iter := v.MapRange()
	for iter.Next() {
		k := m.key(iter.Key(), kt)
		k.val = m.py(iter.Value(), false)
		keys = append(keys, k)
	}
	slices.SortStableFunc(keys, func(a, b tdKey) int {
		if c := cmp.Compare(a.class, b.class); c != 0 {
			return c
		}
		switch a.class {
		case 1, 2:
			if a.nan || b.nan {
				return cmp.Compare(boolInt(a.nan), boolInt(b.nan))
			}
			if c := a.i.Cmp(b.i); c != 0 || a.num != b.num {
				if c != 0 {
					return c
				}
				return cmp.Compare(a.num, b.num)
			}
			if c := cmp.Compare(a.rank, b.rank); c != 0 {
				return c
			}
			if c := -cmp.Compare(boolInt(a.neg0), boolInt(b.neg0)); c != 0 {
				return c
			}
		case 3, 4:
			if c := strings.Compare(a.s, b.s); c != 0 {
				return c
			}
		}
		return strings.Compare(a.tname, b.tname)
	})
	items := []any{}
	for _, k := range keys {
		items = append(items, []any{k.tag, k.val})
	}
	return map[string]any{"t": "dict", "items": items}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// key describes a map key of the map key type kt.
func (m typedModel) key(k reflect.Value, kt reflect.Type) tdKey {
	if kt.Kind() == reflect.String {
		return tdKey{class: 3, s: k.String(), tag: tdStr(k.String())}
	}
	if kt.Implements(reflect.TypeFor[encoding.TextMarshaler]()) {
		text, _ := k.Interface().(encoding.TextMarshaler).MarshalText()
		// Equal texts: ordered by the key's value (an integer kind here).
		return tdKey{class: 3, s: string(text) + "\x00" + fmt.Sprintf("%020d", k.Int()+1<<40), tag: tdStr(string(text))}
	}
	if kt.Kind() == reflect.Interface {
		if k.IsNil() {
			return tdKey{class: 0, tag: tdNone()}
		}
		k = k.Elem()
		// A key of a basic kind is the value of its kind, named or not
		// (README's mapping), but for a TextMarshaler of another kind than
		// string, which Python cannot hold there. Equal keys of one kind
		// and different types are ordered by type name, unnamed first.
		switch k.Kind() {
		case reflect.Bool, reflect.String, reflect.Float32, reflect.Float64,
			reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			if k.Kind() == reflect.String || !k.Type().Implements(reflect.TypeFor[encoding.TextMarshaler]()) {
				if !reflectBuild && k.Type().PkgPath() != "" {
					break // a named kind's key needs the reflective path
				}
				x := m.key(k, k.Type())
				if k.Type().PkgPath() != "" {
					x.tname = k.Type().String()
				}
				return x
			}
		}
		return tdKey{class: 4, s: k.Type().String(), tag: tdObj(k.Type().String())}
	}
	switch kt.Kind() {
	case reflect.Bool:
		b := k.Bool()
		return tdKey{class: 1, i: big.NewInt(int64(boolInt(b))), tag: map[string]any{"t": "bool", "v": b}}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return tdKey{class: 2, rank: tdRank(kt), i: big.NewInt(k.Int()), tag: tdIntTag(strconv.FormatInt(k.Int(), 10))}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return tdKey{class: 2, rank: tdRank(kt), i: new(big.Int).SetUint64(k.Uint()), tag: tdIntTag(strconv.FormatUint(k.Uint(), 10))}
	case reflect.Float32, reflect.Float64:
		f := k.Float()
		tag := tdF64(f)
		if kt.Kind() == reflect.Float32 {
			tag = tdF32(float32(f))
			f, _ = strconv.ParseFloat(strconv.FormatFloat(f, 'g', -1, 32), 64) // Python's float of it
		}
		x := tdKey{class: 2, rank: tdRank(kt), num: f, nan: f != f, neg0: f == 0 && math.Signbit(f), tag: tag}
		if !x.nan {
			// The integer part decides first, the fraction after: exact
			// against ints of any size.
			bf, _ := new(big.Float).SetFloat64(f).Int(nil)
			if math.IsInf(f, 0) {
				bf = new(big.Int).Lsh(big.NewInt(int64(math.Copysign(1, f))), 2000)
			}
			x.i = bf
			x.num = f - math.Trunc(f)
			if math.IsInf(f, 0) {
				x.num = 0
			}
		}
		return x
	}
	return tdKey{class: 4, s: kt.String(), tag: tdObj(kt.String())}
}

// tdRank orders equal numbers of different kinds in a map[any]: bool,
// then the signed kinds, the unsigned ones, float32, float64, in the order
// of reflect's kinds (README's mapping: "among equal numbers the order is
// bool, signed, unsigned, float").
func tdRank(t reflect.Type) int { return int(t.Kind()) }

// A tdField is one JSON member of a struct type.
type tdField struct {
	name      string
	tagged    bool
	index     []int
	typ       reflect.Type
	omitEmpty bool
	omitZero  bool
	quoted    bool
}

// structFields returns the JSON members of a struct type, by encoding/json's
// rules (encode.go, typeFields): exported fields and embedded structs;
// "-" leaves a field out and "-," names it "-"; an invalid tag name is
// ignored; embedded structs without a tag name are walked breadth first,
// each type once, and their fields promoted; of the fields of one name the
// shallowest wins, then the tagged one, and a tie drops them all; a struct
// embedded twice at one depth drops its fields.
func structFields(t reflect.Type) []tdField {
	type level struct {
		t     reflect.Type
		index []int
	}
	var all []tdField
	count, nextCount := map[reflect.Type]int{}, map[reflect.Type]int{}
	seen := map[reflect.Type]bool{}
	for next := []level{{t: t}}; len(next) > 0; {
		cur := next
		next = nil
		count, nextCount = nextCount, map[reflect.Type]int{}
		for _, l := range cur {
			if seen[l.t] {
				continue
			}
			seen[l.t] = true
			for i := range l.t.NumField() {
				sf := l.t.Field(i)
				ft := sf.Type
				if ft.Name() == "" && ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				if sf.Anonymous {
					if !sf.IsExported() && ft.Kind() != reflect.Struct {
						continue
					}
				} else if !sf.IsExported() {
					continue
				}
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if !tdValidName(name) {
					name = ""
				}
				index := append(slices.Clone(l.index), i)
				if name == "" && sf.Anonymous && ft.Kind() == reflect.Struct {
					nextCount[ft]++
					if nextCount[ft] == 1 {
						next = append(next, level{ft, index})
					}
					continue
				}
				f := tdField{name: name, tagged: name != "", index: index, typ: sf.Type}
				if f.name == "" {
					f.name = sf.Name
				}
				for _, o := range strings.Split(opts, ",") {
					switch o {
					case "omitempty":
						f.omitEmpty = true
					case "omitzero":
						f.omitZero = true
					case "string":
						q := sf.Type
						if q.Kind() == reflect.Pointer && q.Name() == "" {
							q = q.Elem()
						}
						switch q.Kind() {
						case reflect.Bool, reflect.String, reflect.Float32, reflect.Float64,
							reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
							reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
							f.quoted = true
						}
					}
				}
				all = append(all, f)
				if count[l.t] > 1 {
					all = append(all, f)
				}
			}
		}
	}
	slices.SortStableFunc(all, func(a, b tdField) int {
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
	var out []tdField
	for i := 0; i < len(all); {
		j := i + 1
		for j < len(all) && all[j].name == all[i].name {
			j++
		}
		if j-i == 1 || len(all[i].index) < len(all[i+1].index) || all[i].tagged && !all[i+1].tagged {
			out = append(out, all[i])
		}
		i = j
	}
	slices.SortFunc(out, func(a, b tdField) int { return slices.Compare(a.index, b.index) })
	return out
}

// tdValidName is encoding/json's isValidTag.
func tdValidName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c) && !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			return false
		}
	}
	return true
}

// pyStruct is the dict of a struct's members.
func (m typedModel) pyStruct(v reflect.Value, addr bool) map[string]any {
	items := []any{}
	for _, f := range structFields(v.Type()) {
		fv, faddr, ok := fieldAt(v, f.index, addr)
		if !ok {
			continue // promoted through a nil embedded pointer
		}
		if f.omitEmpty && tdEmpty(fv) || f.omitZero && tdZero(fv) {
			continue
		}
		val := m.py(fv, faddr)
		if f.quoted {
			val = m.quoted(fv, faddr)
		}
		items = append(items, []any{tdStr(f.name), val})
	}
	return map[string]any{"t": "dict", "items": items}
}

// quoted is a ,string field's value: its JSON text inside a string; a nil
// pointer is null, and a type with its own MarshalJSON or MarshalText is
// written by it.
func (m typedModel) quoted(v reflect.Value, addr bool) map[string]any {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return tdNone()
		}
		v, addr = v.Elem(), true
	}
	if hasMarshaler(v.Type(), addr) {
		return m.py(v, addr)
	}
	return map[string]any{"t": "quoted", "v": m.py(v, addr)}
}

// fieldAt follows index from the struct v; ok is false when an embedded
// pointer on the way is nil. Past an embedded pointer a field is
// addressable.
func fieldAt(v reflect.Value, index []int, addr bool) (reflect.Value, bool, bool) {
	for k, i := range index {
		if k > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return v, false, false
			}
			v, addr = v.Elem(), true
		}
		v = v.Field(i)
	}
	return v, addr, true
}

// tdEmpty is encoding/json's isEmptyValue.
func tdEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// tdZero is encoding/json's omitzero test: an IsZero method (a nil
// pointer, or an interface holding one, is zero without a call), else
// reflect.Value.IsZero.
func tdZero(v reflect.Value) bool {
	z := reflect.TypeFor[interface{ IsZero() bool }]()
	t := v.Type()
	switch {
	case t.Implements(z) && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Interface):
		if v.IsNil() || t.Kind() == reflect.Interface && v.Elem().Kind() == reflect.Pointer && v.Elem().IsNil() {
			return true
		}
		return v.Interface().(interface{ IsZero() bool }).IsZero()
	case t.Implements(z):
		return v.Interface().(interface{ IsZero() bool }).IsZero()
	case reflect.PointerTo(t).Implements(z):
		p := reflect.New(t)
		p.Elem().Set(v)
		return p.Interface().(interface{ IsZero() bool }).IsZero()
	}
	return v.IsZero()
}

// TestTypedModelNames checks the model's struct rules against
// encoding/json: for random struct values that encoding/json can write,
// the member names of the top-level object, in order, must be its own.
// (The model's values are checked against CPython by the tests that use
// it; this keeps its field rules honest.)
func TestTypedModelNames(t *testing.T) {
	g := &typedGen{r: rand.New(rand.NewPCG(7, 11))}
	checked := 0
	for range 4000 {
		st := g.structType(2)
		x := reflect.New(st)
		g.fill(x.Elem(), 2)
		want, ok := jsonNames(x.Interface())
		if !ok {
			continue
		}
		tag := typedModel{}.py(x.Elem(), true)
		var got []string
		for _, it := range tag["items"].([]any) {
			got = append(got, string(it.([]any)[0].(map[string]any)["cps"].([]rune)))
		}
		checked++
		if !slices.Equal(got, want) {
			t.Errorf("%v: model's members %q, encoding/json's %q", st, got, want)
		}
	}
	t.Logf("%d struct values checked", checked)
	if checked < 1000 {
		t.Errorf("only %d struct values checked", checked)
	}
}

// jsonNames returns the member names of encoding/json's object for v, in
// order, or false when it fails or writes no object.
func jsonNames(v any) (names []string, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	b, err := json.Marshal(v)
	if err != nil {
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, false
		}
		names = append(names, tok.(string))
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return nil, false
		}
	}
	return names, true
}
