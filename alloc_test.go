package jsondump_test

import (
	"runtime/debug"
	"strings"
	"testing"

	"github.com/jsondump/jsondump"
)

// allocDocument is a small document of the common dynamic forms.
func allocDocument() any {
	return map[string]any{
		"id":     12345,
		"name":   "jsondump \u00e9",
		"ok":     true,
		"none":   nil,
		"score":  3.25,
		"tags":   []any{"a", "b", int64(-7), 1e16, false},
		"nested": map[string]any{"x": []any{1, 2, map[string]any{}}, "y": []any{}, "z": "\U0001F600"},
		"ints":   []int{1, 2, 3},
		"strs":   map[string]string{"k": "v", "a": "b"},
	}
}

// TestDumpsAllocsRoot checks that jsondump.Dumps allocates its result once,
// at the size of the last output of the root value's type, for a type with
// generated code (its SizeHint) and for one without (the reflective path's
// per-type hint); the type's own Dumps method does the same. Without a hint
// the result grows by doubling, about a dozen allocations for these values.
func TestDumpsAllocsRoot(t *testing.T) {
	skipAllocsIfInstrumented(t)
	var chain any
	for i := range 300 {
		chain = &deepNode{Name: strings.Repeat("n", i%40), Next: chain}
	}
	gen := chain.(*deepNode)
	items := make([]allocItem, 400)
	for i := range items {
		items[i] = allocItem{SKU: strings.Repeat("s", i%30), Qty: uint16(i)}
	}
	rec := &allocRecord{Name: "root", Items: items}
	// Values in an any, boxed once here: the conversion is the caller's
	// allocation.
	genValue, recValue := any(*gen), any(*rec)
	calls := map[string]func() (string, error){
		"jsondump.Dumps(*deepNode)":           func() (string, error) { return jsondump.Dumps(gen) },
		"jsondump.Dumps(deepNode)":            func() (string, error) { return jsondump.Dumps(genValue, jsondump.Indent(1)) },
		"(*deepNode).Dumps":                   func() (string, error) { return gen.Dumps() },
		"jsondump.Dumps(*allocRecord)":        func() (string, error) { return jsondump.Dumps(rec) },
		"jsondump.Dumps(allocRecord), sorted": func() (string, error) { return jsondump.Dumps(recValue, jsondump.SortKeys(true)) },
	}
	for name, call := range calls {
		if strings.Contains(name, "allocRecord") && !reflectBuild {
			continue
		}
		s, err := call()
		if err != nil {
			t.Fatal(err)
		}
		if len(s) < 8<<10 {
			t.Fatalf("%s: %d bytes, want a document of several KiB", name, len(s))
		}
		for range 3 {
			call()
		}
		if n := testing.AllocsPerRun(50, func() { call() }); n != 1 {
			t.Errorf("%s: %v allocations, want 1 (the result)", name, n)
		}
	}
}

func TestAppendDumpsAllocs(t *testing.T) {
	skipAllocsIfInstrumented(t)
	docs := map[string]any{
		"map[string]any": allocDocument(),
		"[]any":          []any{allocDocument(), []any{1, "two", 3.0, nil, true}, map[string]float64{"pi": 3.14}},
	}
	optSets := map[string][]jsondump.Option{
		"defaults":  nil,
		"indent":    {jsondump.Indent(2)},
		"sort, tab": {jsondump.SortKeys(true), jsondump.IndentString("\t"), jsondump.EnsureASCII(false)},
		"compact":   {jsondump.Separators(",", ":"), jsondump.AllowNaN(false)},
	}
	for dname, doc := range docs {
		for oname, opts := range optSets {
			buf := make([]byte, 0, 64<<10)
			// Warm the Encoder pool and its scratch space.
			for i := 0; i < 4; i++ {
				if _, err := jsondump.AppendDumps(buf[:0], doc, opts...); err != nil {
					t.Fatal(err)
				}
			}
			n := testing.AllocsPerRun(200, func() {
				var err error
				buf, err = jsondump.AppendDumps(buf[:0], doc, opts...)
				if err != nil {
					t.Fatal(err)
				}
			})
			if n != 0 {
				t.Errorf("AppendDumps of %s with %s: %v allocations, want 0", dname, oname, n)
			}
		}
	}
}

// allocRecord is a document of types without generated code, for the
// reflective path.
type allocRecord struct {
	ID      int64                `json:"id"`
	Name    string               `json:"name"`
	Note    *string              `json:"note,omitempty"`
	Score   float32              `json:"score"`
	Tags    []string             `json:"tags"`
	Pos     [3]float64           `json:"pos"`
	ByName  map[string]allocItem `json:"by_name"`
	ByID    map[int]string       `json:"by_id"`
	Items   []allocItem          `json:"items"`
	Next    *allocRecord         `json:"next"`
	Extra   any                  `json:"extra"`
	private int
	allocItem
}

type allocItem struct {
	SKU   string   `json:"sku"`
	Qty   uint16   `json:"qty,string"`
	Price *float64 `json:"price"`
}

// TestAppendDumpsAllocsReflect checks that the reflective path allocates
// nothing once a type's encoder is built: values are read in place, map
// values copied to pooled scratch memory, a struct held in an any copied
// to pooled memory too.
func TestAppendDumpsAllocsReflect(t *testing.T) {
	skipAllocsIfInstrumented(t)
	if !reflectBuild {
		t.Skip("no reflective path in this build")
	}
	note, price := "n", 2.5
	rec := &allocRecord{ID: 1, Name: "é", Note: &note, Score: 0.1, Tags: []string{"a"}, Pos: [3]float64{1, 2, 3},
		ByName:    map[string]allocItem{"b": {SKU: "x", Qty: 2, Price: &price}, "a": {}},
		ByID:      map[int]string{3: "c", -1: "m"},
		Items:     []allocItem{{SKU: "y"}, {SKU: "z", Price: &price}},
		Next:      &allocRecord{Name: "next", Extra: []int32{4}},
		Extra:     map[string]any{"k": []any{1, [2]bool{true}}},
		allocItem: allocItem{SKU: "emb"},
	}
	docs := map[string]any{"*allocRecord": rec, "allocRecord": *rec, "[]any of them": []any{rec, *rec, []allocItem{{SKU: "s"}}}}
	for dname, doc := range docs {
		for _, opts := range [][]jsondump.Option{nil, {jsondump.Indent(2), jsondump.SortKeys(true)}} {
			buf := make([]byte, 0, 64<<10)
			for i := 0; i < 4; i++ {
				if _, err := jsondump.AppendDumps(buf[:0], doc, opts...); err != nil {
					t.Fatal(err)
				}
			}
			n := testing.AllocsPerRun(200, func() {
				var err error
				buf, err = jsondump.AppendDumps(buf[:0], doc, opts...)
				if err != nil {
					t.Fatal(err)
				}
			})
			if n != 0 {
				t.Errorf("AppendDumps of %s with %d options: %v allocations, want 0", dname, len(opts), n)
			}
		}
	}
}

func TestOptionAllocs(t *testing.T) {
	skipAllocsIfInstrumented(t)
	hook := func(v any) (any, error) { return nil, nil }
	n := testing.AllocsPerRun(100, func() {
		opts := [...]jsondump.Option{
			jsondump.Indent(4), jsondump.IndentString("\t"), jsondump.Separators(",", ":"),
			jsondump.EnsureASCII(false), jsondump.SortKeys(true), jsondump.SkipKeys(true),
			jsondump.AllowNaN(false), jsondump.CheckCircular(false), jsondump.Default(hook),
			jsondump.MaxDepth(100),
		}
		_ = opts
	})
	if n != 0 {
		t.Errorf("building Options: %v allocations, want 0", n)
	}
	// Options passed as variadic arguments stay on the caller's stack too.
	buf := make([]byte, 0, 1024)
	var v any = []any{1, "x"}
	jsondump.AppendDumps(buf, v, jsondump.Indent(2), jsondump.SortKeys(true), jsondump.Default(hook))
	n = testing.AllocsPerRun(100, func() {
		buf, _ = jsondump.AppendDumps(buf[:0], v, jsondump.Indent(2), jsondump.SortKeys(true), jsondump.Default(hook))
	})
	if n != 0 {
		t.Errorf("AppendDumps with three Options: %v allocations, want 0", n)
	}
}

// skipAllocsIfInstrumented skips allocation counts where they mean nothing:
// under coverage, and under the race detector, whose sync.Pool drops pooled
// Encoders at random.
func skipAllocsIfInstrumented(t *testing.T) {
	t.Helper()
	if testing.CoverMode() != "" {
		t.Skip("allocation counts are not meaningful under coverage")
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "-race" && s.Value == "true" {
				t.Skip("allocation counts are not meaningful under the race detector (sync.Pool drops items)")
			}
		}
	}
}

// quotedLong has ,string fields whose JSON text is long (deepnode_jsondump_test.go
// has its generated methods): the text moves aside in the Encoder's scratch,
// not in a new buffer, so AppendDumps of it allocates nothing.
type quotedLong struct {
	S string  `json:"s,string"`
	F float64 `json:"f,string"`
}

func TestQuotedAllocs(t *testing.T) {
	skipAllocsIfInstrumented(t)
	v := &quotedLong{S: "a long string value with \"quotes\" and é, longer than sixty-four bytes in all", F: 1.5}
	buf := make([]byte, 0, 4<<10)
	for _, opts := range [][]jsondump.Option{nil, {jsondump.EnsureASCII(false)}} {
		buf, _ = v.AppendDumps(buf[:0], opts...) // warm the pool
		if n := testing.AllocsPerRun(100, func() { buf, _ = v.AppendDumps(buf[:0], opts...) }); n != 0 {
			t.Errorf("options %v: %v allocations", opts, n)
		}
	}
}
