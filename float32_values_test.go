package jsondump_test

import (
	"math"
	"testing"

	"github.com/jsondump/jsondump"
)

// TestFloat32ValuesPython writes float32 values (each the Python float of
// its shortest decimal) in slices, arrays, maps, structs, pointers and
// anys, with the extremes, subnormals and non-finite values under
// allow_nan both ways, beside CPython.
func TestFloat32ValuesPython(t *testing.T) {
	f32 := func(f float64) float32 { return float32(f) }
	nan32, inf32 := float32(math.NaN()), float32(math.Inf(1))
	third := f32(1.0 / 3)
	optSets := []struct {
		kw   string
		opts []jsondump.Option
	}{
		{"", nil},
		{"allow_nan=False", []jsondump.Option{jsondump.AllowNaN(false)}},
		{"indent=1, allow_nan=False", []jsondump.Option{jsondump.Indent(1), jsondump.AllowNaN(false)}},
		{"sort_keys=True, separators=(',', ':')", []jsondump.Option{jsondump.SortKeys(true), jsondump.Separators(",", ":")}},
	}
	values := []struct {
		name string
		v    any
		py   string
	}{
		{"[]float32 extremes", []float32{0.1, math.MaxFloat32, math.SmallestNonzeroFloat32, -0.0, f32(math.Copysign(0, -1)), 16777216, 16777217, 1e-7, 1e16, third, 100},
			"[0.1, 3.4028235e+38, 1e-45, 0.0, -0.0, 16777216.0, 16777216.0, 1e-07, 1e+16, 0.33333334, 100.0]"},
		{"[]float32 non-finite", []float32{1, nan32, -inf32, inf32}, "[1.0, NaN, -inf, inf]"},
		{"[3]float32", [3]float32{1.5, 2.25, -3}, "[1.5, 2.25, -3.0]"},
		{"map[string]float32", map[string]float32{"b": 0.3, "a": inf32}, "{'a': inf, 'b': 0.3}"},
		{"struct of float32", struct {
			A float32
			B *float32 `json:"b,omitempty"`
			C float32  `json:"c,string"`
			D any
		}{A: 0.7, C: 1e20, D: f32(2.5e-8)}, "{'A': 0.7, 'c': '1e+20', 'D': 2.5e-08}"},
		{"float32 in any", []any{f32(0.1), map[string]any{"x": f32(1e-10)}}, "[0.1, {'x': 1e-10}]"},
		{"named float32", []celsius32{1.1, -2}, "[1.1, -2.0]"},
	}
	listed := map[string]bool{"float32 in any": true}
	var cases []exprCase
	for _, v := range values {
		for _, o := range optSets {
			cases = append(cases, exprCase{name: v.name + " / " + o.kw, v: v.v, opts: o.opts, py: v.py, kw: o.kw, reflective: !listed[v.name]})
		}
	}
	runExprCases(t, cases)
}

type celsius32 float32
