// Package prop_named_bool_omit reproduces generated code that does not
// compile, found by the property test (generator/prop_test.go).
//
// A field of a named bool type with both omitempty and omitzero gets the
// condition
//
//	if v.On && !jsondumprt.IsZero(v.On) {
//
// which mixes Flag and bool: "invalid operation: v.On && !jsondumprt.IsZero(v.On)
// (mismatched types Flag and bool)". Generate reports it as a bug of
// jsondumpgen and writes nothing.
//
//	go tool jsondumpgen -type=S
//
// Expected: generation succeeds; (&S{On: true}).Dumps() is {"On": true}, and
// (&S{}).Dumps() is {}.
package prop_named_bool_omit

// Flag is a named bool.
type Flag bool

// S has a Flag field with both options.
type S struct {
	On Flag `json:",omitempty,omitzero"`
}

// Repro is the value of the note.
var Repro = &S{On: true}
