package generator

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// The property test's model of Go types: enough of go/types to write a
// random package's source, to spell its types in composite literals and in
// %T error messages, and to decide each value's Python equivalent
// (prop_value_test.go) without looking at what jsondump does.

// A pk is the kind of a ptype.
type pk int

const (
	pkBool    pk = iota
	pkInt        // basic: int, int8 ... int64
	pkUint       // basic: uint, uint8 ... uint64, uintptr
	pkFloat32    // basic
	pkFloat64    // basic
	pkString     // basic
	pkBytes      // []byte
	pkBigInt     // *big.Int
	pkNumber     // json.Number
	pkRaw        // json.RawMessage
	pkTime       // time.Time: a json.Marshaler and a TextMarshaler with an IsZero method
	pkPtr        // *elem
	pkSlice      // []elem
	pkArray      // [n]elem
	pkMap        // map[key]elem
	pkStruct     // struct{fields}: anonymous, or a named struct's underlying type
	pkAny        // any
	pkNamed      // a named type: nm
)

// A ptype is a Go type. Named types have one ptype each, so pointer
// identity is type identity for them (the dominance walk keys on it).
type ptype struct {
	k      pk
	basic  string    // basic kinds: the predeclared name ("int8", "uintptr")
	bits   int       // pkInt, pkUint: 8 ... 64
	elem   *ptype    // pkPtr, pkSlice, pkArray, pkMap
	key    *ptype    // pkMap
	n      int       // pkArray
	fields []*pfield // pkStruct
	nm     *pnamed   // pkNamed
}

// A pnamed is a named type declared in the random package.
type pnamed struct {
	name  string // Go spelling in the package: "T3", "Celsius", "Box[int8]"
	under *ptype
	root  bool   // named to -type: has generated methods, so encodable in an any
	text  string // "upper", "square": a MarshalText method (value receiver); "jay": MarshalJSON
	decl  bool   // declared by the random part of the package (not a helper)
}

// A pfield is a struct field declaration.
type pfield struct {
	name     string // Go name; for an embedded field, the type's name
	t        *ptype
	embedded bool
	tag      string // the json tag's value
	hasTag   bool
}

func (f *pfield) exported() bool {
	for _, r := range f.name {
		return strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
	}
	return false
}

// u returns the underlying type.
func (t *ptype) u() *ptype {
	for t.k == pkNamed {
		t = t.nm.under
	}
	return t
}

var (
	tAnyType    = &ptype{k: pkAny}
	tBoolType   = &ptype{k: pkBool, basic: "bool"}
	tStringType = &ptype{k: pkString, basic: "string"}
	tF64Type    = &ptype{k: pkFloat64, basic: "float64"}
	tF32Type    = &ptype{k: pkFloat32, basic: "float32"}
	tBytesType  = &ptype{k: pkBytes}
	tBigType    = &ptype{k: pkBigInt}
	tNumberType = &ptype{k: pkNumber}
	tRawType    = &ptype{k: pkRaw}
	tTimeType   = &ptype{k: pkTime}
	intTypes    = []*ptype{
		{k: pkInt, basic: "int", bits: 64}, {k: pkInt, basic: "int8", bits: 8}, {k: pkInt, basic: "int16", bits: 16},
		{k: pkInt, basic: "int32", bits: 32}, {k: pkInt, basic: "int64", bits: 64},
	}
	uintTypes = []*ptype{
		{k: pkUint, basic: "uint", bits: 64}, {k: pkUint, basic: "uint8", bits: 8}, {k: pkUint, basic: "uint16", bits: 16},
		{k: pkUint, basic: "uint32", bits: 32}, {k: pkUint, basic: "uint64", bits: 64}, {k: pkUint, basic: "uintptr", bits: 64},
	}
)

func ptrTo(t *ptype) *ptype          { return &ptype{k: pkPtr, elem: t} }
func sliceOf(t *ptype) *ptype        { return &ptype{k: pkSlice, elem: t} }
func mapOf(k, v *ptype) *ptype       { return &ptype{k: pkMap, key: k, elem: v} }
func arrayOf(n int, t *ptype) *ptype { return &ptype{k: pkArray, n: n, elem: t} }

// goStr spells t in the package's own source.
func (t *ptype) goStr() string {
	switch t.k {
	case pkNamed:
		return t.nm.name
	case pkBytes:
		return "[]byte"
	case pkBigInt:
		return "*big.Int"
	case pkNumber:
		return "json.Number"
	case pkRaw:
		return "json.RawMessage"
	case pkTime:
		return "time.Time"
	case pkPtr:
		return "*" + t.elem.goStr()
	case pkSlice:
		return "[]" + t.elem.goStr()
	case pkArray:
		return "[" + strconv.Itoa(t.n) + "]" + t.elem.goStr()
	case pkMap:
		return "map[" + t.key.goStr() + "]" + t.elem.goStr()
	case pkAny:
		return "any"
	case pkStruct:
		var b strings.Builder
		b.WriteString("struct {")
		for i, f := range t.fields {
			if i > 0 {
				b.WriteString(";")
			}
			b.WriteString(" " + f.name + " " + f.t.goStr())
			if f.hasTag {
				b.WriteString(" " + strconv.Quote("json:"+strconv.Quote(f.tag)))
			}
		}
		b.WriteString(" }")
		return b.String()
	}
	return t.basic
}

// hasAnonStruct reports whether t spells an anonymous struct type.
func (t *ptype) hasAnonStruct() bool {
	switch t.k {
	case pkStruct:
		return true
	case pkPtr, pkSlice, pkArray:
		return t.elem.hasAnonStruct()
	case pkMap:
		return t.key.hasAnonStruct() || t.elem.hasAnonStruct()
	}
	return false
}

// direct reports whether Go stores a value of type t in an interface
// directly, its data word being the value (a pointer, a map, or a struct or
// array wrapping exactly one such).
func (t *ptype) direct() bool {
	u := t.u()
	switch u.k {
	case pkPtr, pkMap, pkBigInt:
		return true
	case pkArray:
		return u.n == 1 && u.elem.direct()
	case pkStruct:
		return len(u.fields) == 1 && u.fields[0].t.direct()
	}
	return false
}

// comparableNoAny reports whether == works on t without a run-time panic:
// comparable, and no interface inside a struct or array (whose dynamic
// value could be a slice).
func (t *ptype) comparableNoAny(top bool) bool {
	u := t.u()
	switch u.k {
	case pkBytes, pkRaw, pkSlice, pkMap:
		return false
	case pkAny:
		return top
	case pkArray:
		return u.elem.comparableNoAny(false)
	case pkStruct:
		for _, f := range u.fields {
			if !f.t.comparableNoAny(false) {
				return false
			}
		}
	}
	return true
}

// Features of the random packages. Each can be switched off, and those the
// generator does not support yet are off by default; see propFeatureHelp.
var propFeatureDefaults = map[string]bool{
	"ints":          true, // every int and uint kind
	"floats":        true, // float32, float64: NaN, ±Inf, -0, extremes, subnormals
	"strings":       true, // every plane, controls, invalid UTF-8
	"bigstrings":    true, // now and then a string longer than Dump's 32 KiB buffer
	"bytes":         true, // []byte (base64)
	"bigint":        true, // *big.Int, a few beyond Python's 4300 digits
	"pointers":      true, // *T, **T, ***T
	"slices":        true,
	"arrays":        true,
	"maps":          true, // keys: string, named string, ints, uints, floats, bool, TextMarshaler
	"embedded":      true, // embedded structs (dominance rules)
	"embeddedptr":   true, // embedded pointers to structs, nil or not
	"tags":          true, // renames, "-", "-,", invalid names
	"omitempty":     true,
	"omitzero":      true, // on comparable types
	"quoted":        true, // ,string
	"unexported":    true, // unexported fields and struct types
	"any":           true, // any fields holding the dynamic forms
	"unknown":       true, // an any holding a type neither generated nor listed: the reflective path
	"namedbasic":    true, // named types of basic kinds, some of them -type roots
	"textmarshaler": true, // encoding.TextMarshaler values and map keys
	"marshaler":     true, // json.Marshaler values
	"rootmarshaler": true, // a type with MarshalText/MarshalJSON named to -type
	"jsontypes":     true, // json.Number, json.RawMessage
	"time":          true, // time.Time: MarshalJSON, MarshalText keys, IsZero for omitzero
	"recursive":     true, // a struct reaching itself through *T, []T, map[K]T
	"cycles":        true, // a value reaching itself through a *T or any field (Circular reference detected), or two fields sharing a pointer
	"textcollide":   true, // TextMarshaler map keys whose texts collide (one Python key)
	"directnil":     true, // a struct or array one pointer wide, in an any
	"genericanon":   true, // a generic type instantiated with an anonymous struct (with generics, anonstruct)
	"namedmap":      true, // named map types: type M map[K]V
	"omitboth":      true, // omitempty and omitzero on one field
	"omitzerofloat": true, // omitzero on a float field
	// Added to the generator after the test was written; "pending" still
	// names them together.
	"generics":   true, // generic struct types, instantiated in fields
	"anonstruct": true, // anonymous struct types in fields
	"mapanykey":  true, // map[any]V
	"namedbytes": true, // type Blob []byte, []Tiny with type Tiny uint8
	"omitzeronc": true, // omitzero on a type == cannot compare (encoding/json uses reflect.Value.IsZero)
}

// propPendingFeatures are the features added last to the generator.
var propPendingFeatures = []string{"generics", "anonstruct", "mapanykey", "namedbytes", "omitzeronc"}

const propFeatureHelp = `JSONDUMP_PROP_FEATURES is a comma-separated list: "name" or "+name" switches a
feature on, "-name" off, "pending" all of generics,anonstruct,mapanykey,namedbytes,omitzeronc`

// parseFeatures applies the JSONDUMP_PROP_FEATURES list to the defaults.
func parseFeatures(spec string) (map[string]bool, error) {
	feat := map[string]bool{}
	for k, v := range propFeatureDefaults {
		feat[k] = v
	}
	for _, f := range strings.Split(spec, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		on := !strings.HasPrefix(f, "-")
		f = strings.TrimLeft(f, "+-")
		names := []string{f}
		if f == "pending" {
			names = propPendingFeatures
		}
		for _, n := range names {
			if _, ok := propFeatureDefaults[n]; !ok {
				return nil, fmt.Errorf("unknown feature %q; %s", n, propFeatureHelp)
			}
			feat[n] = on
		}
	}
	return feat, nil
}

// A ppkg is one random package.
type ppkg struct {
	name    string
	named   []*pnamed         // every named type, in declaration order
	helpers map[string]*ptype // the fixed named types, by name
	structs []*ptype          // the random named struct types, in order
	done    []*ptype          // the random named types declared so far
	roots   []*ptype          // the types named to -type
	boxes   map[string]*ptype // generic instantiations, by spelling
	tagPool []string
}

// pgen writes random packages and values from one seed.
type pgen struct {
	r    *rand.Rand
	feat map[string]bool
	pkg  *ppkg
}

func (g *pgen) n(k int) int              { return g.r.IntN(k) }
func (g *pgen) on(f string) bool         { return g.feat[f] }
func (g *pgen) chance(num, den int) bool { return g.r.IntN(den) < num }

// Helper types every package declares. Their methods are written by
// helperSource and mirrored by the model (prop_value_test.go).
func (g *pgen) declareHelpers() {
	p := g.pkg
	add := func(name string, under *ptype, text string, rootable bool) {
		n := &pnamed{name: name, under: under, text: text}
		if rootable && g.on("namedbasic") && (text == "" || g.on("rootmarshaler")) {
			n.root = g.chance(1, 2)
		}
		t := &ptype{k: pkNamed, nm: n}
		p.helpers[name] = t
		p.named = append(p.named, n)
		if n.root {
			p.roots = append(p.roots, t)
		}
	}
	add("Celsius", tF64Type, "", true)
	add("Ratio", tF32Type, "", true)
	add("Count", intTypes[2], "", true)
	add("Label", tStringType, "", true)
	add("Flag", tBoolType, "", true)
	add("Tiny", uintTypes[1], "", true)
	add("Upper", tStringType, "upper", true)
	add("Code", intTypes[3], "square", true)
	add("Jay", intTypes[0], "jay", true)
	add("Opaque", intTypes[0], "", false)
	if g.on("namedbytes") {
		add("Blob", tBytesType, "", false)
	}
}

const helperSource = `
type Celsius float64
type Ratio float32
type Count int16
type Label string
type Flag bool
type Tiny uint8
type Opaque int

// Upper is a string kind with a MarshalText method: as a value it is its
// text, as a map key its string (encoding/json checks the string kind first).
type Upper string

func (u Upper) MarshalText() ([]byte, error) { return []byte(strings.ToUpper(string(u))), nil }

// Code is an integer TextMarshaler whose texts collide: Code(-3) and Code(3).
type Code int32

func (c Code) MarshalText() ([]byte, error) { return []byte("k" + strconv.Itoa(int(c)*int(c))), nil }

// Jay is a json.Marshaler.
type Jay int

func (j Jay) MarshalJSON() ([]byte, error) { return []byte(jayText(int(j))), nil }

func jayText(j int) string {
	s := "{\"jay\": [" + strconv.Itoa(j) + ", 2.50, \"\\u00e9\\ud83d\\ude00\", {}, [], 1E2"
	if j < 0 {
		s += ", 1e400"
	}
	return s + "]}"
}
`

// jayText mirrors the package's jayText.
func jayText(j int) string {
	s := "{\"jay\": [" + strconv.Itoa(j) + ", 2.50, \"\\u00e9\\ud83d\\ude00\", {}, [], 1E2"
	if j < 0 {
		s += ", 1e400"
	}
	return s + "]}"
}

// newPackage writes the types of one random package: the helpers, then
// ntypes named types, most of them structs.
func (g *pgen) newPackage(name string, ntypes int) *ppkg {
	g.pkg = &ppkg{name: name, helpers: map[string]*ptype{}, boxes: map[string]*ptype{}}
	g.declareHelpers()
	g.pkg.tagPool = []string{"a", "b", "x", "id", "A", "B", "ID", "Name", "Value", "ünï", "日本",
		"with space", "a-b", "$ref", "@at", "x.y", "100", "bad\"q", "emoji😀", "back\\slash", "",
		"Ünï", "T0", "T1", "X"}
	for i := 0; i < ntypes; i++ {
		nm := &pnamed{name: "T" + strconv.Itoa(i), decl: true, root: true}
		if g.on("unexported") && g.chance(1, 6) {
			nm.name = "t" + strconv.Itoa(i)
			nm.root = g.chance(1, 2)
		}
		t := &ptype{k: pkNamed, nm: nm}
		g.pkg.named = append(g.pkg.named, nm)
		if i > 0 && g.chance(1, 5) {
			// A named slice, array or map of a random element type.
			nm.under = g.container(g.fieldType(i, 2))
			if nm.under.k == pkMap && !g.on("namedmap") {
				nm.under = sliceOf(nm.under.elem)
			}
		} else {
			nm.under = &ptype{k: pkStruct}
			nm.under.fields = g.structFields(t, i)
			g.pkg.structs = append(g.pkg.structs, t)
		}
		if nm.root {
			g.pkg.roots = append(g.pkg.roots, t)
		}
		g.pkg.done = append(g.pkg.done, t)
	}
	return g.pkg
}

// container returns a slice, array or map of elem (whatever is switched on).
func (g *pgen) container(elem *ptype) *ptype {
	for {
		switch g.n(3) {
		case 0:
			if g.on("slices") {
				return sliceOf(elem)
			}
		case 1:
			if g.on("arrays") {
				return arrayOf(g.n(4), elem)
			}
		default:
			if g.on("maps") {
				return mapOf(g.mapKey(), elem)
			}
		}
		if !g.on("slices") && !g.on("arrays") && !g.on("maps") {
			return sliceOf(elem)
		}
	}
}

var fieldNamePool = []string{"A", "B", "C", "ID", "Name", "X", "Value", "Ünï", "T0", "T1"}

// structFields writes the fields of struct type self, the i-th type.
func (g *pgen) structFields(self *ptype, i int) []*pfield {
	used := map[string]bool{}
	var fields []*pfield
	nf := 2 + g.n(8)
	for j := 0; j < nf; j++ {
		f := &pfield{}
		if g.on("embedded") && g.chance(1, 5) {
			if emb := g.embeddable(i); emb != nil && !used[emb.nm.name] {
				f.name, f.embedded, f.t = emb.nm.name, true, emb
				if emb.u().k == pkStruct && g.on("embeddedptr") && g.chance(1, 3) {
					f.t = ptrTo(emb)
				}
			}
		}
		if f.name == "" {
			switch {
			case g.on("unexported") && g.chance(1, 10):
				f.name = "u" + strconv.Itoa(j)
			case g.chance(3, 5):
				f.name = fieldNamePool[g.n(len(fieldNamePool))]
			default:
				f.name = "F" + strconv.Itoa(j)
			}
			if used[f.name] || (self.nm.root && f.name == "T"+strconv.Itoa(i)) {
				f.name = "F" + strconv.Itoa(j)
			}
			f.t = g.fieldType(i, 3)
			if g.on("recursive") && g.chance(1, 12) {
				switch g.n(3) {
				case 0:
					f.t = ptrTo(self)
				case 1:
					f.t = sliceOf(self)
				default:
					f.t = mapOf(g.pkg.helpers["Label"], self)
				}
			}
		}
		used[f.name] = true
		g.tag(f)
		fields = append(fields, f)
	}
	return fields
}

// embeddable returns a type to embed in the i-th type: an earlier struct,
// or now and then a named basic type (a field named after its type).
func (g *pgen) embeddable(i int) *ptype {
	if g.chance(1, 6) && g.on("namedbasic") {
		return g.pkg.helpers[[]string{"Celsius", "Label", "Count", "Tiny"}[g.n(4)]]
	}
	cands := g.pkg.structs
	if len(cands) == 0 {
		return nil
	}
	return cands[g.n(len(cands))]
}

// tag gives f a random json tag.
func (g *pgen) tag(f *pfield) {
	if !g.on("tags") && !g.on("omitempty") && !g.on("omitzero") && !g.on("quoted") {
		return
	}
	if !g.chance(3, 5) {
		return
	}
	if g.on("tags") {
		switch g.n(20) {
		case 0:
			f.tag, f.hasTag = "-", true
			return
		case 1:
			f.tag, f.hasTag = "-,", true
			return
		}
	}
	name := ""
	if g.on("tags") && g.chance(2, 3) {
		name = g.pkg.tagPool[g.n(len(g.pkg.tagPool))]
	}
	var opts []string
	if g.on("omitempty") && g.chance(1, 3) {
		opts = append(opts, "omitempty")
	}
	isFloat := f.t.u().k == pkFloat32 || f.t.u().k == pkFloat64
	if g.on("omitzero") && g.chance(1, 4) && (g.on("omitzeronc") || f.t.comparableNoAny(true)) && (!isFloat || g.on("omitzerofloat")) {
		opts = append(opts, "omitzero")
	}
	if len(opts) == 2 && !g.on("omitboth") {
		opts = opts[:1]
	}
	if g.on("quoted") && g.chance(1, 4) {
		opts = append(opts, "string")
	}
	if g.chance(1, 20) {
		opts = append(opts, "unknownopt")
	}
	f.tag, f.hasTag = name, true
	if len(opts) > 0 {
		f.tag += "," + strings.Join(opts, ",")
	}
}

// fieldType returns a random type for a field of the i-th type; depth
// bounds the type constructors.
func (g *pgen) fieldType(i, depth int) *ptype {
	for {
		if t := g.tryType(i, depth); t != nil {
			return t
		}
	}
}

func (g *pgen) tryType(i, depth int) *ptype {
	h := g.pkg.helpers
	k := g.n(40)
	if depth <= 0 && k >= 28 {
		k = g.n(28)
	}
	switch k {
	case 0, 1:
		return tBoolType
	case 2, 3, 4:
		if g.on("ints") {
			return intTypes[g.n(len(intTypes))]
		}
	case 5, 6, 7:
		if g.on("ints") {
			return uintTypes[g.n(len(uintTypes))]
		}
		return intTypes[0]
	case 8, 9:
		if g.on("floats") {
			return tF32Type
		}
	case 10, 11, 12:
		if g.on("floats") {
			return tF64Type
		}
	case 13, 14, 15:
		return tStringType
	case 16:
		if g.on("bytes") {
			return tBytesType
		}
	case 17:
		if g.on("bigint") {
			return tBigType
		}
	case 18:
		if g.on("jsontypes") {
			return []*ptype{tNumberType, tRawType}[g.n(2)]
		}
	case 19, 20:
		if g.on("namedbasic") {
			return h[[]string{"Celsius", "Ratio", "Count", "Label", "Flag", "Tiny"}[g.n(6)]]
		}
	case 21:
		if g.on("textmarshaler") {
			return h[[]string{"Upper", "Code"}[g.n(2)]]
		}
	case 22:
		if g.on("time") && g.chance(1, 2) {
			return tTimeType
		}
		if g.on("marshaler") {
			return h["Jay"]
		}
	case 23, 24, 25:
		if g.on("any") {
			return tAnyType
		}
	case 26:
		if g.on("namedbytes") {
			if g.chance(1, 2) {
				return h["Blob"]
			}
			return sliceOf(h["Tiny"])
		}
	case 27:
		if g.on("arrays") && g.on("ints") {
			return arrayOf(g.n(4), uintTypes[1]) // [n]byte is a list, not base64
		}
	case 28, 29, 30, 31:
		if g.on("pointers") {
			t := g.fieldType(i, depth-1)
			for d := g.n(3); d > 0 && t.k != pkPtr; d-- {
				t = ptrTo(t)
			}
			return ptrTo(t)
		}
	case 32, 33:
		return g.container(g.fieldType(i, depth-1))
	case 34, 35, 36:
		// An earlier named type.
		if len(g.pkg.done) > 0 {
			return g.pkg.done[g.n(len(g.pkg.done))]
		}
	case 37:
		if g.on("anonstruct") {
			t := &ptype{k: pkStruct}
			for j, nf := 0, 1+g.n(3); j < nf; j++ {
				f := &pfield{name: []string{"A", "B", "C"}[j], t: g.fieldType(i, 0)}
				g.tag(f)
				t.fields = append(t.fields, f)
			}
			return t
		}
	case 38:
		if g.on("generics") {
			elem := g.fieldType(i, depth-1)
			if !g.on("genericanon") && elem.hasAnonStruct() {
				return nil
			}
			return g.box(elem)
		}
	case 39:
		if g.on("mapanykey") && g.on("maps") {
			return mapOf(tAnyType, g.fieldType(i, depth-1))
		}
	}
	return nil
}

// box returns the instantiation Box[elem] of the generic helper
//
//	type Box[T any] struct { V T `json:"v"`; L []T `json:"l,omitempty"`; P *T `json:"p"` }
func (g *pgen) box(elem *ptype) *ptype {
	name := "Box[" + elem.goStr() + "]"
	if t, ok := g.pkg.boxes[name]; ok {
		return t
	}
	st := &ptype{k: pkStruct, fields: []*pfield{
		{name: "V", t: elem, tag: "v", hasTag: true},
		{name: "L", t: sliceOf(elem), tag: "l,omitempty", hasTag: true},
		{name: "P", t: ptrTo(elem), tag: "p", hasTag: true},
	}}
	t := &ptype{k: pkNamed, nm: &pnamed{name: name, under: st}}
	g.pkg.boxes[name] = t
	return t
}

// mapKey returns a random map key type.
func (g *pgen) mapKey() *ptype {
	h := g.pkg.helpers
	for {
		switch g.n(12) {
		case 0, 1, 2:
			return tStringType
		case 3:
			if g.on("namedbasic") {
				return []*ptype{h["Label"], h["Count"], h["Flag"], h["Ratio"]}[g.n(4)]
			}
		case 4, 5:
			if g.on("ints") {
				return intTypes[g.n(len(intTypes))]
			}
		case 6:
			if g.on("ints") {
				return uintTypes[g.n(len(uintTypes))]
			}
		case 7:
			if g.on("floats") {
				return []*ptype{tF32Type, tF64Type}[g.n(2)]
			}
		case 8:
			return tBoolType
		case 9, 10:
			if g.on("textmarshaler") {
				return []*ptype{h["Upper"], h["Code"]}[g.n(2)]
			}
		case 11:
			if g.on("mapanykey") && g.chance(1, 2) {
				return tAnyType
			}
			if g.on("time") {
				return tTimeType
			}
		}
	}
}

// source writes the package's Go source, without values.
func (p *ppkg) source() string {
	var b strings.Builder
	b.WriteString("// Package " + p.name + " is written by the generator's property test (prop_test.go).\n")
	b.WriteString("package " + p.name + "\n\nimport (\n\t\"encoding/json\"\n\t\"math/big\"\n\t\"strconv\"\n\t\"strings\"\n\t\"time\"\n)\n\n")
	b.WriteString("var (\n\t_ json.Number\n\t_ big.Int\n\t_ time.Time\n)\n")
	b.WriteString(helperSource)
	if _, ok := p.helpers["Blob"]; ok {
		b.WriteString("\ntype Blob []byte\n")
	}
	if len(p.boxes) > 0 {
		b.WriteString("\ntype Box[T any] struct {\n\tV T `json:\"v\"`\n\tL []T `json:\"l,omitempty\"`\n\tP *T `json:\"p\"`\n}\n")
	}
	for _, n := range p.named {
		if !n.decl {
			continue
		}
		b.WriteString("\ntype " + n.name + " ")
		if n.under.k != pkStruct {
			b.WriteString(n.under.goStr() + "\n")
			continue
		}
		b.WriteString("struct {\n")
		for _, f := range n.under.fields {
			b.WriteString("\t")
			if f.embedded {
				b.WriteString(f.t.goStr())
			} else {
				b.WriteString(f.name + " " + f.t.goStr())
			}
			if f.hasTag {
				b.WriteString(" " + strconv.Quote("json:"+strconv.Quote(f.tag)))
			}
			b.WriteString("\n")
		}
		b.WriteString("}\n")
	}
	return b.String()
}

// rootNames lists the -type names.
func (p *ppkg) rootNames() []string {
	var names []string
	for _, t := range p.roots {
		names = append(names, t.nm.name)
	}
	return names
}

// sortedRoots returns the root types, struct roots first.
func (p *ppkg) sortedRoots() []*ptype {
	r := slices.Clone(p.roots)
	slices.SortStableFunc(r, func(a, b *ptype) int {
		ai, bi := 1, 1
		if a.u().k == pkStruct {
			ai = 0
		}
		if b.u().k == pkStruct {
			bi = 0
		}
		return ai - bi
	})
	return r
}
