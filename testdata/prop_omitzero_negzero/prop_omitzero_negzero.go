// Package prop_omitzero_negzero reproduces a difference from encoding/json
// found by the property test (generator/prop_test.go).
//
// README's mapping: omitzero follows the encoding/json of the Go toolchain in use.
// In Go 1.26 omitzero calls reflect.Value.IsZero, which for a float is
// v.Float() == 0, so -0.0 is zero and the field is left out (encoding/json
// prints {} for Repro). The generated code tests math.Float64bits(x) != 0
// (Zero kind ZeroFloat) and writes the field:
//
//	(&S{F: -0.0, G: -0.0}).Dumps()
//	got:  {"f": -0.0, "g": -0.0}
//	want: {}                        (Python: json.dumps({}))
//
// (A -0.0 inside a struct or array is already zero for jsondumprt.IsZero,
// as for reflect; only a float field itself differs.)
package prop_omitzero_negzero

import "math"

// S has float fields with omitzero.
type S struct {
	F float64    `json:"f,omitzero"`
	G float32    `json:"g,omitzero"`
	A [2]float64 `json:"a,omitzero"`
}

// Repro is the value of the note.
var Repro = &S{F: math.Copysign(0, -1), G: float32(math.Copysign(0, -1)), A: [2]float64{math.Copysign(0, -1), 0}}
