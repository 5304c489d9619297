// Package prop_direct_iface_nil reproduces a runtime difference found by the
// property test (generator/prop_test.go).
//
// A value of a generated type whose memory is one pointer (a struct with one
// pointer field, an array [1]*T) is stored in an interface directly: the
// interface's data word is the pointer itself. When that pointer is nil,
// Encoder.Any's isNilPointer (runtime/cycle.go) takes the value for a nil
// *T and writes null, instead of calling its EncodeJSON:
//
//	go tool jsondumpgen -type=W,A,Holder
//
//	value                        got                 want (Python; encoding/json agrees)
//	jsondump.Dumps(W{})          null                {"P": null}
//	jsondump.Dumps(A{})          null                [null]
//	(&Holder{X: W{}}).Dumps()    {"X": null}         {"X": {"P": null}}
//	(&Holder{X: A{}}).Dumps()    {"X": null}         {"X": [null]}
//
// (&W{}).Dumps() is right, {"P": null}: only the dynamic path is wrong.
package prop_direct_iface_nil

// W is one pointer wide.
type W struct {
	P *int
}

// A is one pointer wide too.
type A [1]*float64

// Holder puts them in an any.
type Holder struct {
	X any
}

// Repro are the values of the note, for jsondump.Dumps.
var Repro = []any{W{}, A{}, &Holder{X: W{}}, &Holder{X: A{}}}
