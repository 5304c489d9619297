// Package r6 holds the types of TestCasesGenerated (generator/cases_generated_test.go).
package r6

import "math/big"

// Keyed maps, as -type roots.
type (
	IM   map[int64]string
	UM   map[uint64]string
	FM   map[float64]string
	F32M map[float32]int
	BM   map[bool]int
	AM   map[any]any
	AIM  map[any]int
	SM   map[string]int
	NFM  map[NF]int
	NIM  map[NI]int
	NBM  map[NB]int
)

// Named basic kinds used as keys.
type (
	NF float64
	NI int8
	NB bool
)

// Doc is a struct with a map after a scalar, for partial output.
type Doc struct {
	X int         `json:"x"`
	Y map[any]int `json:"y"`
}

// Doc2 has a float-keyed map after a scalar.
type Doc2 struct {
	Ok int                 `json:"ok"`
	M  map[float64]int     `json:"m"`
	L  []map[any]int       `json:"l"`
	E  map[string]struct{} `json:"e"`
	B  *big.Int            `json:"b,omitempty"`
}

// Hooked holds a value the Default hook turns into something else.
type Hooked struct {
	A int        `json:"a"`
	Z complex128 `json:"z"`
	K any        `json:"k"`
}

// Str is a named string, not generated: written as a string inside an any
// (the reflective path), but not a Python key in a map[any].
type Str string

// Unk is a string no path can write (a function that returns it): an
// unknown object for the Default hook.
type Unk func() string
