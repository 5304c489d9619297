package jsondump_test

import (
	"encoding/json"
	"errors"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/jsondump/jsondump"
)

// Types with generated methods (deepnode_jsondump_test.go, written by
// go run ./cmd/jsondumpgen -type=deepNode,deepBig,quotedLong .) nested through any
// fields: the paths whose stack use TestMaxDepthCap measures.
type (
	deepNode struct {
		Name string
		Next any
	}
	deepBig struct {
		Pad  [128]int64 // 1 KiB
		Next any
	}
)

// TestMaxDepthDefault: the default limit is CPython's, 1000 levels, and 900
// levels succeed, as CPython's test_recursion expects of json.dumps.
func TestMaxDepthDefault(t *testing.T) {
	nested := func(n int) any {
		var v any = 1
		for range n {
			v = []any{v}
		}
		return v
	}
	if _, err := jsondump.Dumps(nested(900)); err != nil {
		t.Errorf("900 levels: %v", err)
	}
	if _, err := jsondump.Dumps(nested(1000)); err != nil {
		t.Errorf("1000 levels: %v", err)
	}
	if _, err := jsondump.Dumps(nested(1001)); !errors.Is(err, jsondump.ErrDepth) {
		t.Errorf("1001 levels: %v, want a RecursionError", err)
	}
	// Indented hostile input stays small under the default: 9,999 levels
	// (20 KB of JSON) are refused before their indentation is built.
	deep := json.RawMessage(strings.Repeat("[", 9999) + strings.Repeat("]", 9999))
	out, err := jsondump.AppendDumps(nil, deep, jsondump.Indent(4))
	if !errors.Is(err, jsondump.ErrDepth) || len(out) != 0 {
		t.Errorf("9,999 levels with Indent(4): %d bytes, %v; want nothing and a RecursionError", len(out), err)
	}
	if _, err := jsondump.Dumps(nested(1500), jsondump.MaxDepth(2000)); err != nil {
		t.Errorf("1500 levels under MaxDepth(2000): %v", err)
	}
}

// TestMaxDepthCap nests every kind of container to the largest MaxDepth
// (100,000 levels) and one level past it, under a goroutine stack limit of
// 128 MB, an eighth of Go's default: at the cap each path succeeds, past it
// each is a RecursionError, and none overflows the stack, which would end
// the test binary. The paths: lists, dicts, generated pointers and values
// (1 KiB ones too) held in any fields, Default-hook calls, and a Marshaler's
// text (read without recursion).
func TestMaxDepthCap(t *testing.T) {
	if testing.Short() {
		t.Skip("builds values 100,000 levels deep; skipped under -short")
	}
	const capDepth = 100_000
	defer debug.SetMaxStack(debug.SetMaxStack(128 << 20))
	shapes := map[string]func(n int) any{
		"list": func(n int) any {
			var v any = 1
			for range n {
				v = []any{v}
			}
			return v
		},
		"dict": func(n int) any {
			var v any = 1
			for range n {
				v = map[string]any{"a": v}
			}
			return v
		},
		"generated pointer": func(n int) any {
			var v any = 1
			for range n {
				v = &deepNode{Next: v}
			}
			return v
		},
		"generated value": func(n int) any {
			var v any = 1
			for range n {
				v = deepNode{Next: v}
			}
			return v
		},
		"generated 1 KiB pointer": func(n int) any {
			var v any = 1
			for range n - 1 { // the innermost Pad is a level too
				v = &deepBig{Next: v}
			}
			return v
		},
		"generated 1 KiB value": func(n int) any {
			var v any = 1
			for range n - 1 {
				v = deepBig{Next: v}
			}
			return v
		},
		"marshaler text": func(n int) any {
			return json.RawMessage(strings.Repeat(`{"a":`, n) + "1" + strings.Repeat("}", n))
		},
	}
	for name, build := range shapes {
		for _, n := range []int{capDepth, capDepth + 1} {
			_, err := jsondump.AppendDumps(nil, build(n), jsondump.MaxDepth(1<<30), jsondump.Separators(",", ":"))
			if n <= capDepth && err != nil {
				t.Errorf("%s, %d levels under the cap: %v", name, n, err)
			}
			if n > capDepth && !errors.Is(err, jsondump.ErrDepth) {
				t.Errorf("%s, %d levels past the cap: %v, want a RecursionError", name, n, err)
			}
		}
	}
	// A Default hook that returns a new unknown value every time: each call
	// is a level.
	calls := 0
	hook := jsondump.Default(func(any) (any, error) {
		calls++
		return complex(float64(calls), 0), nil
	})
	if _, err := jsondump.Dumps(complex(0, 0), hook, jsondump.MaxDepth(1<<30)); !errors.Is(err, jsondump.ErrDepth) || calls != capDepth {
		t.Errorf("hook chain: %d calls, %v; want %d calls and a RecursionError", calls, err, capDepth)
	}
}
