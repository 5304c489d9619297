// Package prop_generic_anon_arg reproduces a generator diagnostic found by
// the property test with its pending features on (generator/prop_test.go,
// JSONDUMP_PROP_FEATURES=pending).
//
// A generic struct instantiated with an anonymous struct type (or a type
// built from one) as its type argument is refused:
//
//	go tool jsondumpgen -type=S
//	prop_generic_anon_arg.go:NN:2: field S.B: type prop_generic_anon_arg.Box[struct{A string}] cannot be
//	named in generated code (an unexported type of another package)
//
// The type is neither unexported nor of another package, and Go can spell
// it: Box[struct{ A string }]. Expected: generation succeeds, and
// (&S{B: Box[struct{ A string }]{V: struct{ A string }{"x"}}}).Dumps() is
// {"B": {"v": {"A": "x"}}, "C": {"v": null}}.
package prop_generic_anon_arg

// Box is a generic struct.
type Box[T any] struct {
	V T `json:"v"`
}

// S instantiates Box with anonymous struct types.
type S struct {
	B Box[struct{ A string }]
	C Box[[]struct{ A int }]
}

// Repro is the value of the note.
var Repro = &S{B: Box[struct{ A string }]{V: struct{ A string }{"x"}}}
