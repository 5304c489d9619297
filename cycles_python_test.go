package jsondump_test

import (
	"testing"

	"github.com/jsondump/jsondump"
)

type cycleNode struct {
	Name string
	Next *cycleNode `json:"next,omitempty"`
	Kids []any      `json:"kids,omitempty"`
}

// TestCyclesPython writes values that contain themselves (through []any,
// map[string]any, Dict, pointers to structs, typed maps and slices, and a
// Default hook's result) with check_circular on and off, indented and not,
// through every entry point, beside CPython: "Circular reference detected",
// or RecursionError without the check, and what each entry point has
// written by then.
func TestCyclesPython(t *testing.T) {
	selfList := []any{1, nil}
	selfList[1] = selfList
	selfMap := map[string]any{"a": 1}
	selfMap["self"] = selfMap
	selfDict := jsondump.Dict{{Key: "a", Value: 1}, {Key: "b", Value: nil}}
	selfDict[1].Value = selfDict
	node := &cycleNode{Name: "n"}
	node.Next = node
	ring := &cycleNode{Name: "a", Next: &cycleNode{Name: "b"}}
	ring.Next.Next = ring
	kid := &cycleNode{Name: "k"}
	kid.Kids = []any{"x", kid}
	typed := map[string][]any{"l": {1}}
	typed["l"][0] = typed
	shared := []any{1}
	notCycle := []any{shared, shared, map[string]any{"s": shared}}

	optSets := []struct {
		kw   string
		opts []jsondump.Option
	}{
		{"", nil},
		{"check_circular=False", []jsondump.Option{jsondump.CheckCircular(false)}},
		{"indent=1", []jsondump.Option{jsondump.Indent(1)}},
		{"check_circular=False, indent=1, sort_keys=True", []jsondump.Option{jsondump.CheckCircular(false), jsondump.Indent(1), jsondump.SortKeys(true)}},
	}
	values := []struct {
		name string
		v    any
		py   string
		// reflective: a value that needs the reflective path
		reflective bool
	}{
		{"list holding itself", selfList, "(l := [1, None], l.__setitem__(1, l), l)[2]", false},
		{"list holding itself, nested", []any{"x", selfList}, "['x', (l := [1, None], l.__setitem__(1, l), l)[2]]", false},
		{"map holding itself", selfMap, "(d := {'a': 1}, d.__setitem__('self', d), d)[2]", false},
		{"Dict holding itself", selfDict, "(d := {'a': 1, 'b': None}, d.__setitem__('b', d), d)[2]", false},
		{"struct pointing to itself", node, "(d := {'Name': 'n'}, d.__setitem__('next', d), d)[2]", true},
		{"ring of two structs", ring, "(a := {'Name': 'a'}, b := {'Name': 'b'}, a.__setitem__('next', b), b.__setitem__('next', a), a)[4]", true},
		{"struct in its own kids", kid, "(d := {'Name': 'k'}, d.__setitem__('kids', ['x', d]), d)[2]", true},
		{"typed map through a list", typed, "(d := {'l': [1]}, d['l'].__setitem__(0, d), d)[2]", true},
		{"shared, not a cycle", notCycle, "(s := [1], [s, s, {'s': s}])[1]", false},
	}
	var cases []exprCase
	for _, v := range values {
		for _, o := range optSets {
			cases = append(cases, exprCase{name: v.name + " / " + o.kw, v: v.v, opts: o.opts, py: v.py, kw: o.kw, reflective: v.reflective})
		}
	}
	// A Default hook that returns its argument, or a list holding it.
	hookSelf := func(v any) (any, error) { return v, nil }
	hookList := func(v any) (any, error) { return []any{"w", v}, nil }
	ch := make(chan int)
	for _, o := range optSets {
		cases = append(cases,
			exprCase{name: "hook returns its argument / " + o.kw, v: []any{1, ch}, opts: append(o.opts, jsondump.Default(hookSelf)),
				py: "[1, K('chan int')]", kw: o.kw, def: "lambda o: o"},
			exprCase{name: "hook returns a list holding its argument / " + o.kw, v: map[string]any{"c": ch}, opts: append(o.opts, jsondump.Default(hookList)),
				py: "{'c': K('chan int')}", kw: o.kw, def: "lambda o: ['w', o]"},
		)
	}
	runExprCases(t, cases)
}
