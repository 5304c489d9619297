package jsondump_test

import (
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/jsondump/jsondump"
)

// TestBigIntKeysAndValuesPython writes ints beyond 64 bits, and ints near
// Python's limit of 4300 digits, as values and as keys of map[any]V (the
// reflective path), map[string]any, Dict and typed maps, beside CPython.
func TestBigIntKeysAndValuesPython(t *testing.T) {
	bigInt := func(s string) *big.Int {
		b, ok := new(big.Int).SetString(s, 10)
		if !ok {
			t.Fatalf("bad int %q", s)
		}
		return b
	}
	huge := "123456789012345678901234567890"
	at4300 := strings.Repeat("9", 4300)
	over4300 := "1" + strings.Repeat("0", 4300)
	// Python's literals have the same limit: its side computes these.
	pyAt4300, pyOver4300 := "(10**4300-1)", "10**4300"
	optSets := []struct {
		kw   string
		opts []jsondump.Option
	}{
		{"", nil},
		{"sort_keys=True", []jsondump.Option{jsondump.SortKeys(true)}},
		{"indent=1, sort_keys=True", []jsondump.Option{jsondump.Indent(1), jsondump.SortKeys(true)}},
		{"skipkeys=True", []jsondump.Option{jsondump.SkipKeys(true)}},
	}
	values := []struct {
		name string
		v    any
		py   string
	}{
		{"any keys beyond 64 bits", map[any]int{bigInt(huge): 1, uint64(math.MaxUint64): 2, int64(math.MinInt64): 3, bigInt("-" + huge): 4},
			"{-" + huge + ": 4, -9223372036854775808: 3, 18446744073709551615: 2, " + huge + ": 1}"},
		{"any keys big beside floats", map[any]string{bigInt("18446744073709551616"): "big", 1.8446744073709552e19: "float", 1e300: "f300"},
			"{1.8446744073709552e19: 'float', 18446744073709551616: 'big', 1e300: 'f300'}"},
		{"any key big equal to a float", map[any]string{bigInt("36893488147419103232"): "big", 3.6893488147419103e19: "float"},
			"{3.6893488147419103e19: 'float', 36893488147419103232: 'big'}"},
		{"any key of 4300 digits", map[any]int{bigInt(at4300): 1}, "{" + pyAt4300 + ": 1}"},
		{"any key over 4300 digits", map[any]int{bigInt(over4300): 1, "a": 2}, "{" + pyOver4300 + ": 1, 'a': 2}"},
		{"any key small big", map[any]int{bigInt("5"): 1, 5.0: 2, "x": 3}, "{5.0: 2, 5: 1, 'x': 3}"},
		{"any key nil big", map[any]int{(*big.Int)(nil): 1, nil: 2, 0: 3}, "{None: 1, 0: 3}"},
		{"dict big keys", jsondump.Dict{{Key: bigInt(huge), Value: 1}, {Key: uint64(math.MaxUint64), Value: 2}, {Key: bigInt(over4300), Value: 3}},
			"{" + huge + ": 1, 18446744073709551615: 2, " + pyOver4300 + ": 3}"},
		{"typed uint64 keys", map[uint64]int{math.MaxUint64: 1, 0: 2}, "{0: 2, 18446744073709551615: 1}"},
		{"typed int64 keys", map[int64]int{math.MinInt64: 1, math.MaxInt64: 2}, "{-9223372036854775808: 1, 9223372036854775807: 2}"},
		{"big values", []any{bigInt(huge), bigInt("-" + huge), uint64(math.MaxUint64), []*big.Int{bigInt(at4300), nil}},
			"[" + huge + ", -" + huge + ", 18446744073709551615, [" + at4300 + ", None]]"},
		{"big value over 4300 digits", map[string]any{"a": 1, "b": bigInt(over4300)}, "{'a': 1, 'b': " + pyOver4300 + "}"},
		{"big value over 4300 digits in a struct", struct{ A, B *big.Int }{bigInt("1"), bigInt("-" + over4300)}, "{'A': 1, 'B': -" + pyOver4300 + "}"},
		// Addressable (through the pointer), a big.Int field is written by
		// its pointer's MarshalJSON, as encoding/json does; not addressable,
		// it is a struct of unexported fields.
		{"big.Int field by value", &struct{ N big.Int }{*bigInt(huge)}, "{'N': " + huge + "}"},
		{"big.Int field not addressable", struct{ N big.Int }{*bigInt(huge)}, "{'N': {}}"},
		{"big.Int elements", []big.Int{*bigInt(huge), *bigInt("-1")}, "[" + huge + ", -1]"},
		{"any keys uint64 max and float 2**64", map[any]int{uint64(math.MaxUint64): 1, float64(1 << 64): 2, float32(1 << 64): 3},
			"{1.8446744e19: 3, 18446744073709551615: 1, 18446744073709551616.0: 2}"},
	}
	// The values written without the reflective path: listed forms.
	listed := map[string]bool{"dict big keys": true, "big value over 4300 digits": true}
	var cases []exprCase
	for _, v := range values {
		for _, o := range optSets {
			cases = append(cases, exprCase{name: v.name + " / " + o.kw, v: v.v, opts: o.opts, py: v.py, kw: o.kw, reflective: !listed[v.name]})
		}
	}
	runExprCases(t, cases)
}
