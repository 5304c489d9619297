// Package ext holds types of another package for the red-team test: some
// with generated encoding methods (Gen, Level, Box), some without (Plain,
// Outer).
package ext

// Gen has generated methods (-type=Gen,Level,Box,Names).
type Gen struct {
	ID   int    `json:"id"`
	Note string `json:"note,omitempty"`
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
