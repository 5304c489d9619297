package jsondump_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/jsondump/jsondump"
	"github.com/jsondump/jsondump/internal/pyoracle"
)

// depthShapeHook is the Default hook of TestDepthNearLimitPython: the
// complex number n+0i (n > 0) is replaced by a value of shape, holding n-1;
// 0 is the leaf.
func depthShapeHook(shape string) func(any) (any, error) {
	return func(v any) (any, error) {
		c, ok := v.(complex128)
		if !ok {
			return nil, fmt.Errorf("unexpected %T", v)
		}
		n := real(c)
		if n <= 0 {
			return 0, nil
		}
		next := complex(n-1, 0)
		switch shape {
		case "list":
			return []any{next}, nil
		case "dict":
			return map[string]any{"a": next}, nil
		case "chain":
			return next, nil
		case "alt":
			if int(n)%2 == 1 {
				return []any{next}, nil
			}
			return next, nil
		case "struct":
			return struct{ A any }{next}, nil
		case "Dict":
			return jsondump.Dict{{Key: 1, Value: next}}, nil
		}
		return nil, errors.New("no shape")
	}
}

func depthNested(shape string, n int) any {
	var v any = 0
	for range n {
		switch shape {
		case "nested lists":
			v = []any{v}
		case "nested dicts":
			v = map[string]any{"k": v}
		case "nested Dicts":
			v = jsondump.Dict{{Key: "k", Value: v}}
		case "nested typed":
			v = []map[string]any{{"k": v}}
		}
	}
	return v
}

const depthScript = `
import io, json, sys
class W:
    def __init__(s, n): s.n = n
def hook(shape):
    def h(o):
        n = o.n
        if n <= 0: return 0
        nxt = W(n - 1)
        if shape in ('list',): return [nxt]
        if shape in ('dict', 'struct'): return {'a': nxt}
        if shape == 'Dict': return {1: nxt}
        if shape == 'chain': return nxt
        if shape == 'alt': return [nxt] if n % 2 == 1 else nxt
    return h
def nested(shape, n):
    v = 0
    for _ in range(n):
        if shape == 'nested lists': v = [v]
        elif shape == 'nested typed': v = [{'k': v}]
        else: v = {'k': v}
    return v
def run(c, n):
    kw = {'indent': 2} if c['indent'] else {}
    if c['shape'].startswith('nested'):
        v = nested(c['shape'], n)
    else:
        v = W(n)
        kw['default'] = hook(c['shape'])
    if c['dump']:
        json.dump(v, io.StringIO(), **kw)
    else:
        json.dumps(v, **kw)
def maxok(c):
    lo, hi = 0, 3000
    while lo < hi:
        m = (lo + hi + 1) // 2
        try:
            run(c, m)
            lo = m
        except RecursionError:
            hi = m - 1
    return lo
out = []
for line in sys.stdin:
    out.append(maxok(json.loads(line)))
print(json.dumps(out))
`

// TestDepthNearLimitPython finds, for each shape of nesting (containers of
// each kind, Default hooks returning containers, chains of hooks), through
// Dumps and Dump, compact and indented, the deepest value that CPython
// writes without RecursionError, and the deepest that jsondump writes
// under the default MaxDepth, and checks that they are a few levels apart
// at most (CPython's limit counts the caller's own frames too). CPython's
// Python encoder (indent, and json.dump always) spends more of its limit
// on a hook than its C encoder does.
func TestDepthNearLimitPython(t *testing.T) {
	pyoracle.Python(t)
	type depthCase struct {
		Shape  string `json:"shape"`
		Indent bool   `json:"indent"`
		Dump   bool   `json:"dump"`
	}
	var cases []depthCase
	for _, shape := range []string{"nested lists", "nested dicts", "nested Dicts", "nested typed", "list", "dict", "chain", "alt", "struct", "Dict"} {
		if !reflectBuild && (shape == "struct" || shape == "nested typed") {
			continue
		}
		for _, indent := range []bool{false, true} {
			for _, dump := range []bool{false, true} {
				cases = append(cases, depthCase{shape, indent, dump})
			}
		}
	}
	var in bytes.Buffer
	for _, c := range cases {
		b, _ := json.Marshal(c)
		in.Write(b)
		in.WriteByte('\n')
	}
	var want []int
	if err := json.Unmarshal(pyoracle.Run(t, depthScript, in.Bytes()), &want); err != nil {
		t.Fatal(err)
	}
	write := func(c depthCase, n int) error {
		var v any
		var opts []jsondump.Option
		if c.Indent {
			opts = append(opts, jsondump.Indent(2))
		}
		if len(c.Shape) > 6 && c.Shape[:6] == "nested" {
			v = depthNested(c.Shape, n)
		} else {
			v = complex(float64(n), 0)
			opts = append(opts, jsondump.Default(depthShapeHook(c.Shape)))
		}
		var err error
		if c.Dump {
			err = jsondump.Dump(&bytes.Buffer{}, v, opts...)
		} else {
			_, err = jsondump.Dumps(v, opts...)
		}
		if err != nil && !errors.Is(err, jsondump.ErrDepth) {
			t.Fatalf("%+v at %d: %v", c, n, err)
		}
		return err
	}
	for i, c := range cases {
		lo, hi := 0, 3000
		for lo < hi {
			m := (lo + hi + 1) / 2
			if write(c, m) == nil {
				lo = m
			} else {
				hi = m - 1
			}
		}
		// Python's limit is 1000 frames, some of them the caller's; the
		// nested typed shape is two containers a level.
		tol := 10
		t.Logf("%+v: jsondump %d levels, CPython %d", c, lo, want[i])
		if d := lo - want[i]; d < -tol || d > tol {
			t.Errorf("%+v: jsondump writes %d levels at most, CPython %d", c, lo, want[i])
		}
	}
}
