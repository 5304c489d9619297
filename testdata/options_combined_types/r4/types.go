// Package r4 holds the types of TestOptionsCombined
// (generator/options_combined_test.go): the interplay of
// features (generated values inside any, cycles through any, hooks, ,string
// with omitempty/omitzero, SortKeys with promoted and non-ASCII fields,
// SkipKeys with Indent, AllowNaN ordering, streaming, MaxDepth).
package r4

import (
	"encoding/json"
	"strconv"
)

// Node is recursive through any, []any, map[string]any and a pointer.
type Node struct {
	Name string         `json:"name"`
	Kids []any          `json:"kids,omitempty"`
	Attr map[string]any `json:"attr,omitempty"`
	Next *Node          `json:"next,omitempty"`
	Val  any            `json:"val,omitempty"`
}

// Leaf has keys whose code-point order differs from the order of their
// escaped forms and from UTF-16 order.
type Leaf struct {
	Z     int     `json:"Z"`
	E     string  `json:"é"`
	U     int     `json:"_u"`
	A     float64 `json:"a"`
	Frak  int     `json:"𝔘"`
	Wide  int     `json:"ｚ"`
	Émile int
	Ωmega bool
	Tilde int `json:"~"`
}

// Base, PBase and Named are embedded in Emb.
type Base struct {
	Zeta  int `json:"zeta"`
	Alpha int
	Über  string
	Dup   int `json:"dup"`
	Øre   int `json:"øre,omitempty"`
}

type PBase struct {
	Mid int    `json:"mid"`
	Aa  int    `json:"aa,omitempty"`
	Dup int    `json:"dup"`
	Émo string `json:"émo"`
}

type Named struct {
	Q int `json:"q"`
}

type Deep struct {
	Base
	Top int `json:"top"`
}

// Emb mixes promoted fields (through a value and a pointer), a tagged
// embedded struct (not promoted), a shadowing field, and a conflict (dup).
type Emb struct {
	Base
	*PBase
	Tagged Base `json:"tagged"`
	Named  `json:"named"`
	Y      int    `json:"y"`
	Alpha  string `json:"Alpha"`
	Ä      int    `json:"ä,omitempty"`
}

// OmitAll has every member omitted when zero.
type OmitAll struct {
	*PBase
	A int    `json:"a,omitempty"`
	S string `json:"s,omitempty"`
}

// Deep2 embeds through two levels with a pointer.
type Deep2 struct {
	*Deep
	Zz int `json:"zz,omitempty"`
	B  int `json:"B"`
}

type NF float64
type NS string
type NI int

// Str4: ,string with omitempty/omitzero on pointers and named types.
type Str4 struct {
	PF  *float64 `json:"pf,string,omitempty"`
	PFZ *float64 `json:"pfz,string,omitzero"`
	NF  NF       `json:"nf,string,omitzero"`
	NFE NF       `json:"nfe,string,omitempty"`
	PNF *NF      `json:"pnf,string,omitempty"`
	NS  NS       `json:"ns,string,omitempty"`
	PNS *NS      `json:"pns,string"`
	PB  *bool    `json:"pb,omitempty,string"`
	NI  NI       `json:"ni,omitzero,string"`
	PNI *NI      `json:"pni,string,omitzero"`
}

// NaNOrder: which non-finite float is met first, with and without SortKeys.
type NaNOrder struct {
	B  float64            `json:"b,string"`
	A  json.RawMessage    `json:"a"`
	K  map[float64]string `json:"k,omitempty"`
	M  map[any]any        `json:"m,omitempty"`
	AA any                `json:"aa,omitempty"`
}

// SK is a key type Python cannot have.
type SK struct{ A, B int }

// Skips: maps whose keys may all be skipped.
type Skips struct {
	AnyKeys map[any]int    `json:"anyKeys"`
	StructK map[SK]string  `json:"structK"`
	ArrK    map[[2]int]int `json:"arrK"`
	Inner   *Skips         `json:"inner,omitempty"`
	Dyn     any            `json:"dyn,omitempty"`
	After   int            `json:"after"`
}

// AM is a named map[any]any, generated, so that it is known inside any.
type AM map[any]any

// AL is a named []any.
type AL []any

// Big: big documents.
type Big struct {
	S   string          `json:"s"`
	L   []Leaf          `json:"l"`
	M   map[string]any  `json:"m"`
	N   *Node           `json:"n"`
	Raw json.RawMessage `json:"raw,omitempty"`
}

// Maps: 10k-key maps of every key kind.
type Maps struct {
	I   map[int]int     `json:"i,omitempty"`
	I8  map[int8]int    `json:"i8,omitempty"`
	U64 map[uint64]int  `json:"u64,omitempty"`
	F   map[float64]int `json:"f,omitempty"`
	F32 map[float32]int `json:"f32,omitempty"`
	B   map[bool]int    `json:"b,omitempty"`
	S   map[string]int  `json:"s,omitempty"`
	NSK map[NS]int      `json:"nsk,omitempty"`
	T   map[TK]int      `json:"t,omitempty"`
	A   map[any]int     `json:"a,omitempty"`
	SA  map[string]any  `json:"sa,omitempty"`
}

// TK is a text-marshaling key.
type TK int

func (k TK) MarshalText() ([]byte, error) { return []byte("k" + strconv.Itoa(int(k))), nil }

// Holder wraps Leaf values and pointers for the dynamic path.
type Holder struct {
	V  Leaf  `json:"v"`
	P  *Leaf `json:"p"`
	E  Emb   `json:"e"`
	PE *Emb  `json:"pe"`
	X  any   `json:"x"`
}

// Opaque is not generated and has no JSON form on any path (a complex
// number): an unknown object for the Default hook. Op makes one, N reads
// its number back.
type Opaque complex64

// Op returns the Opaque numbered n.
func Op(n int) Opaque { return Opaque(complex(float32(n), 0)) }

// N returns o's number.
func (o Opaque) N() int { return int(real(o)) }

// Wrap embeds a generated type, so it has its method by promotion; it is
// written as its own struct type, the promoted fields and X.
type Wrap struct {
	Leaf
	X int
}
