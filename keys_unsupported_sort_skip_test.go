package jsondump_test

import (
	"math"
	"testing"

	"github.com/jsondump/jsondump"
)

type skipKeyStruct struct{ A int }

// TestUnsupportedKeysSortSkipPython writes maps whose keys Python cannot
// write (typed maps of arrays, structs, pointers, complex numbers; such keys
// in a map[any]V and a Dict) and maps mixing keys Python cannot sort, under
// skipkeys and sort_keys alone and together, beside CPython: skipkeys drops
// the keys, but sort_keys compares them first, which Python cannot do.
// Python's twin of a Go key of type T is an object of a class named T.
func TestUnsupportedKeysSortSkipPython(t *testing.T) {
	one, two := 1, 2
	optSets := []struct {
		kw   string
		opts []jsondump.Option
	}{
		{"", nil},
		{"skipkeys=True", []jsondump.Option{jsondump.SkipKeys(true)}},
		{"sort_keys=True", []jsondump.Option{jsondump.SortKeys(true)}},
		{"sort_keys=True, skipkeys=True", []jsondump.Option{jsondump.SortKeys(true), jsondump.SkipKeys(true)}},
		{"sort_keys=True, skipkeys=True, indent=2", []jsondump.Option{jsondump.SortKeys(true), jsondump.SkipKeys(true), jsondump.Indent(2)}},
	}
	values := []struct {
		name string
		v    any
		py   string
	}{
		{"one array key", map[[2]int]int{{1, 2}: 1}, "{K('[2]int'): 1}"},
		{"two array keys", map[[2]int]int{{1, 2}: 1, {3, 4}: 2}, "{K('[2]int'): 1, K('[2]int'): 2}"},
		{"three struct keys", map[skipKeyStruct]string{{1}: "a", {2}: "b", {3}: "c"},
			"{K('jsondump_test.skipKeyStruct'): 'a', K('jsondump_test.skipKeyStruct'): 'b', K('jsondump_test.skipKeyStruct'): 'c'}"},
		{"two pointer keys", map[*int]int{&one: 1, &two: 2}, "{K('*int'): 1, K('*int'): 2}"},
		{"two complex keys", map[complex128]int{1: 1, 2i: 2}, "{K('complex128'): 1, K('complex128'): 2}"},
		{"empty map of array keys", map[[2]int]int{}, "{}"},
		{"nil map of struct keys", map[skipKeyStruct]int(nil), "None"},
		{"nested one array key", []any{map[[1]string]any{{"x"}: 1}, 2}, "[{K('[1]string'): 1}, 2]"},
		{"any: array key and string", map[any]int{[2]int{1, 2}: 1, "x": 2}, "{'x': 2, K('[2]int'): 1}"},
		{"any: array key and int", map[any]int{[2]int{1, 2}: 1, 5: 2}, "{5: 2, K('[2]int'): 1}"},
		{"any: array key alone", map[any]int{[2]int{1, 2}: 1}, "{K('[2]int'): 1}"},
		{"any: None, bool, int, float", map[any]int{nil: 1, true: 2, 3: 3, 2.5: 4}, "{None: 1, True: 2, 2.5: 4, 3: 3}"},
		{"any: bool, int, float", map[any]int{false: 1, 3: 3, 2.5: 4, math.Inf(-1): 5}, "{False: 1, -inf: 5, 2.5: 4, 3: 3}"},
		{"any: int and string", map[any]int{1: 1, "a": 2}, "{1: 1, 'a': 2}"},
		{"any: None and string", map[any]int{nil: 1, "a": 2}, "{None: 1, 'a': 2}"},
		{"any: strings, ints, None", map[any]int{nil: 0, "b": 1, "a": 2, 7: 3, 6: 4}, "{None: 0, 6: 4, 7: 3, 'a': 2, 'b': 1}"},
		{"any: nan among ints", map[any]int{math.NaN(): 1, 2: 2, 1: 3}, "{1: 3, 2: 2, NaN: 1}"},
		{"dict: struct key and string", jsondump.Dict{{Key: "a", Value: 1}, {Key: skipKeyStruct{1}, Value: 2}}, "{'a': 1, K('jsondump_test.skipKeyStruct'): 2}"},
		{"dict: strings then int", jsondump.Dict{{Key: "b", Value: 1}, {Key: "a", Value: 2}, {Key: 3, Value: 3}}, "{'b': 1, 'a': 2, 3: 3}"},
		{"dict: None first", jsondump.Dict{{Key: nil, Value: 1}, {Key: 2, Value: 2}}, "{None: 1, 2: 2}"},
		{"dict: int, str, int", jsondump.Dict{{Key: 5, Value: 1}, {Key: "x", Value: 2}, {Key: 1, Value: 3}}, "{5: 1, 'x': 2, 1: 3}"},
		{"dict: two unsupported keys", jsondump.Dict{{Key: [1]int{1}, Value: 1}, {Key: [1]int{2}, Value: 2}}, "{K('[1]int'): 1, K('[1]int'): 2}"},
	}
	listed := map[string]bool{"dict: struct key and string": true, "dict: strings then int": true, "dict: None first": true,
		"dict: int, str, int": true, "dict: two unsupported keys": true}
	var cases []exprCase
	for _, v := range values {
		for _, o := range optSets {
			cases = append(cases, exprCase{name: v.name + " / " + o.kw, v: v.v, opts: o.opts, py: v.py, kw: o.kw, reflective: !listed[v.name]})
		}
	}
	runExprCases(t, cases)
}
