// Package ext holds types of another package for TestAdversarialTypes: some
// with generated encoding methods (Gen, Level, Box), some without (Plain,
// Outer).
package ext

// Gen has generated methods (-type=Gen,Level,Box,Names).
type Gen struct {
	ID   int    `json:"id"`
	Note string `json:"note,omitempty"`
}

// Link has generated methods and reaches itself: its *Link values are
// checked for cycles by its own method.
type Link struct {
	N    int   `json:"n"`
	Next *Link `json:"next"`
}

// Level is a named basic type with generated methods.
type Level int

// Names is a named slice with generated methods.
type Names []string

// Box is a generic type with generated methods.
type Box[T any] struct {
	V T  `json:"v"`
	P *T `json:"p,omitempty"`
}

// Plain has no generated methods.
type Plain struct {
	X    int
	Y    string `json:"y"`
	priv int
}

type innerExt struct {
	IX int `json:"ix"`
	iy int
}

// Outer embeds an unexported struct type of this package.
type Outer struct {
	innerExt
	OY int `json:"oy"`
}

// NewOuter builds an Outer.
func NewOuter(ix, oy int) Outer { return Outer{innerExt{IX: ix, iy: 9}, oy} }

// OuterP embeds a pointer to an unexported struct type of this package.
type OuterP struct {
	*innerExt
	PY int `json:"py"`
}

// NewOuterP builds an OuterP; nil inner when ix < 0.
func NewOuterP(ix, py int) OuterP {
	if ix < 0 {
		return OuterP{nil, py}
	}
	return OuterP{&innerExt{IX: ix}, py}
}

// Box3 is a generic type with generated methods and a field whose type
// another package cannot name: used there, it is written by these methods.
type Box3[T any] struct {
	V T
	M map[string]hidden
}

type hidden struct{ H int }

// NewBox3 returns a Box3 holding v.
func NewBox3[T any](v T) Box3[T] { return Box3[T]{V: v, M: map[string]hidden{"k": {1}}} }

// GP, GT and GZ are generic types with generated methods whose fields the
// generator of another package cannot write itself: a field promoted through
// an unexported embedded pointer, an unexported embedded struct made a field
// by its tag, omitzero on a type == cannot compare with unexported fields.
// Used there, they are written by these methods.
type GP[T any] struct {
	*innerExt
	V T
}

type GT[T any] struct {
	innerExt `json:"t"`
	V        T
}

type NC struct {
	S []int
	h int
}

type GZ[T any] struct {
	Z NC `json:",omitzero"`
	V T
}

// NewGP returns a GP with its embedded pointer set.
func NewGP[T any](v T) GP[T] { return GP[T]{innerExt: &innerExt{IX: 4}, V: v} }

// NewGT returns a GT with its tagged embedded struct set.
func NewGT[T any](v T) GT[T] { return GT[T]{innerExt: innerExt{IX: 5}, V: v} }
