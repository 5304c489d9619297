package jsondump_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/jsondump/jsondump"
)

// hookPoint is a struct of a package that is not generated: the reflective
// path writes it.
type hookPoint struct {
	X, Y int
	Tag  string `json:"tag,omitempty"`
}

// goHook is the Default hook of TestDefaultHookGoValuesPython: it maps the
// complex number n+0i to the Go value numbered n. pyHook is its Python twin
// (on Python's complex numbers).
func goHook(v any) (any, error) {
	c, ok := v.(complex128)
	if !ok {
		return nil, fmt.Errorf("unexpected %T", v)
	}
	switch real(c) {
	case 1:
		return hookPoint{X: 1, Y: 2}, nil
	case 2:
		return map[int]string{2: "b", -1: "a"}, nil
	case 3:
		return jsondump.Dict{{Key: "z", Value: 1}, {Key: 1, Value: complex(1, 0)}}, nil
	case 4:
		return complex(1, 0), nil // another unknown object: the hook again
	case 5:
		return []any{complex(2, 0), complex(3, 0)}, nil
	case 6:
		return c, nil // itself
	case 7:
		return nil, errors.New("boom")
	case 8:
		return float32(0.1), nil
	case 9:
		return map[string]any{"nan": math.NaN()}, nil
	case 10:
		return &hookPoint{X: -1, Tag: "t"}, nil
	case 11:
		return []int32{1, 2}, nil
	case 12:
		return json.RawMessage(` { "a" : 1 , "a" : [ 2 ] } `), nil
	case 13:
		return [2]any{complex(1, 0), nil}, nil
	case 14:
		return map[any]any{2: complex(2, 0), "k": complex(8, 0)}, nil
	case 15:
		return map[hookPoint]int{{X: 1}: 1}, nil // a key Python cannot hold
	case 16:
		return []any{complex(19, 0)}, nil // the hook again, one level down
	case 17:
		return json.Number("1e400"), nil
	case 18:
		return "\xff\xfe", nil
	case 19:
		return []any{1, []any{complex(2, 0), jsondump.Dict{{Key: nil, Value: complex(7, 0)}}}}, nil
	}
	return nil, errors.New("no value")
}

const pyHookSrc = `
class Point:
    pass
def hook(o):
    n = int(o.real)
    if n == 1: return {'X': 1, 'Y': 2}
    if n == 2: return {-1: 'a', 2: 'b'}
    if n == 3: return {'z': 1, 1: complex(1, 0)}
    if n == 4: return complex(1, 0)
    if n == 5: return [complex(2, 0), complex(3, 0)]
    if n == 6: return o
    if n == 7: raise ValueError('boom')
    if n == 8: return 0.1
    if n == 9: return {'nan': NaN}
    if n == 10: return {'X': -1, 'Y': 0, 'tag': 't'}
    if n == 11: return [1, 2]
    if n == 12: return {'a': [2]}
    if n == 13: return [complex(1, 0), None]
    if n == 14: return {2: complex(2, 0), 'k': complex(8, 0)}
    if n == 15: return {K('jsondump_test.hookPoint'): 1}
    if n == 16: return [complex(19, 0)]
    if n == 17: return float('1e400')
    if n == 18: return '\ufffd\ufffd'
    if n == 19: return [1, [complex(2, 0), {None: complex(7, 0)}]]
    raise ValueError('no value')
`

// TestDefaultHookGoValuesPython gives a Default hook that returns values of
// Go types the reflective path writes (structs, typed maps, arrays), Dicts,
// values that need the hook again, the value itself, and errors, at the
// root and mid-document, under several option sets, beside CPython.
func TestDefaultHookGoValuesPython(t *testing.T) {
	optSets := []struct {
		kw   string
		opts []jsondump.Option
	}{
		{"", nil},
		{"indent=2", []jsondump.Option{jsondump.Indent(2)}},
		{"sort_keys=True, separators=(',', ':')", []jsondump.Option{jsondump.SortKeys(true), jsondump.Separators(",", ":")}},
		{"check_circular=False", []jsondump.Option{jsondump.CheckCircular(false)}},
		{"allow_nan=False, skipkeys=True, indent='\\t'", []jsondump.Option{jsondump.AllowNaN(false), jsondump.SkipKeys(true), jsondump.IndentString("\t")}},
		{"ensure_ascii=False, indent=0", []jsondump.Option{jsondump.EnsureASCII(false), jsondump.Indent(0)}},
	}
	c := func(n float64) complex128 { return complex(n, 0) }
	pc := func(n string) string { return "complex(" + n + ", 0)" }
	type value struct {
		v  any
		py string
	}
	var values []value
	for n := 1; n <= 20; n++ {
		ns := string(rune('0'+n/10)) + string(rune('0'+n%10))
		if n < 10 {
			ns = string(rune('0' + n))
		}
		values = append(values,
			value{c(float64(n)), pc(ns)},
			value{[]any{"a", 1.5, c(float64(n)), true}, "['a', 1.5, " + pc(ns) + ", True]"},
			value{map[string]any{"a": []any{}, "b": c(float64(n)), "c": nil}, "{'a': [], 'b': " + pc(ns) + ", 'c': None}"},
			value{jsondump.Dict{{Key: 2.5, Value: c(float64(n))}, {Key: "x", Value: map[string]any{}}}, "{2.5: " + pc(ns) + ", 'x': {}}"},
		)
	}
	var cases []exprCase
	for _, v := range values {
		for _, o := range optSets {
			cases = append(cases, exprCase{
				name: v.py + " / " + o.kw, v: v.v, opts: append(o.opts, jsondump.Default(goHook)),
				py: v.py, kw: o.kw, def: "hook", msgOnly: true, reflective: true,
			})
		}
	}
	runExprCasesWith(t, pyHookSrc, cases)
}
