package jsondump_test

import (
	"math"
	"testing"

	"github.com/jsondump/jsondump"
)

// TestFloatKeysPython writes maps with float keys (typed maps, map[any],
// Dict) beside CPython: repr spellings of keys, non-finite keys under
// allow_nan both ways, float32 keys, and keys that Python merges.
func TestFloatKeysPython(t *testing.T) {
	negZero := math.Copysign(0, -1)
	nan, inf := math.NaN(), math.Inf(1)
	optSets := []struct {
		kw   string
		opts []jsondump.Option
	}{
		{"", nil},
		{"allow_nan=False", []jsondump.Option{jsondump.AllowNaN(false)}},
		{"sort_keys=True", []jsondump.Option{jsondump.SortKeys(true)}},
		{"indent=2, allow_nan=False", []jsondump.Option{jsondump.Indent(2), jsondump.AllowNaN(false)}},
		{"indent=0, sort_keys=True, allow_nan=False", []jsondump.Option{jsondump.Indent(0), jsondump.SortKeys(true), jsondump.AllowNaN(false)}},
		{"skipkeys=True, allow_nan=False", []jsondump.Option{jsondump.SkipKeys(true), jsondump.AllowNaN(false)}},
	}
	values := []struct {
		name string
		v    any
		py   string
	}{
		{"float64 spellings", map[float64]int{negZero: 1, 1e16: 2, 1e-7: 3, 0.1: 4, 1e22: 5, 5e-324: 6, math.MaxFloat64: 7, 100: 8, 1e15: 9, 123456789012345680: 10, -1e-5: 11, 1e-4: 12},
			"{-1.7976931348623157e308 if False else -1e-05: 11, -0.0: 1, 5e-324: 6, 1e-07: 3, 0.0001: 12, 0.1: 4, 100.0: 8, 1e15: 9, 1e16: 2, 123456789012345680.0: 10, 1e22: 5, 1.7976931348623157e308: 7}"},
		{"float64 infinities", map[float64]string{inf: "a", -inf: "b", 1: "c"}, "{-inf: 'b', 1.0: 'c', inf: 'a'}"},
		{"float64 nan", map[float64]string{nan: "n", 2: "two"}, "{2.0: 'two', NaN: 'n'}"},
		{"float64 nan alone", map[float64][]int{nan: {1}}, "{NaN: [1]}"},
		{"float64 inf value and key", map[float64]float64{inf: nan}, "{inf: NaN}"},
		{"float32 keys", map[float32]int{0.1: 1, 16777216: 2, 1e-45: 3, 3.4028235e38: 4, float32(negZero): 5, float32(math.Inf(-1)): 6},
			"{-inf: 6, -0.0: 5, 1e-45: 3, 0.1: 1, 16777216.0: 2, 3.4028235e+38: 4}"},
		{"float32 nan key", map[float32]bool{float32(nan): true, 1: false}, "{1.0: False, NaN: True}"},
		{"named float keys", map[celsiusKey]int{1.5: 1, -2: 2}, "{-2.0: 2, 1.5: 1}"},
		{"any keys float and int merge", map[any]string{0: "int", negZero: "neg"}, "{0: 'int', -0.0: 'neg'}"},
		{"any keys nan and inf", map[any]int{nan: 1, inf: 2, "s": 3, 1e16: 4}, "{1e16: 4, inf: 2, NaN: 1, 's': 3}"},
		{"any keys float32", map[any]int{float32(0.1): 1, 0.1: 2}, "{0.1: 2}"},
		{"dict float keys", jsondump.Dict{{Key: 1e16, Value: 1}, {Key: nan, Value: 2}, {Key: negZero, Value: 3}, {Key: float32(1e-7), Value: 4}},
			"{1e16: 1, NaN: 2, -0.0: 3, 1e-07: 4}"},
		{"nested float keys", []any{map[float64]any{inf: map[float32]int{2.5: 1}}}, "[{inf: {2.5: 1}}]"},
	}
	// The values written without the reflective path: listed forms.
	listed := map[string]bool{"dict float keys": true}
	var cases []exprCase
	for _, v := range values {
		for _, o := range optSets {
			cases = append(cases, exprCase{name: v.name + " / " + o.kw, v: v.v, opts: o.opts, py: v.py, kw: o.kw, reflective: !listed[v.name]})
		}
	}
	runExprCases(t, cases)
}

type celsiusKey float64
