package jsondumprt

import (
	"encoding/json"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestEncoderEmptyIndent checks that indent=0 and indent="" lay out with
// newlines on a fresh Encoder. Python: json.dumps([1, [2]], indent=0) ==
// '[\n1,\n[\n2\n]\n]'. (A fresh Encoder once looped forever here: its
// newline cache started empty and matched the empty indent.)
func TestEncoderEmptyIndent(t *testing.T) {
	for _, opt := range []Option{IndentOption(0), IndentOption(-3), IndentStringOption("")} {
		done := make(chan string, 1)
		go func() {
			e := &Encoder{flushAt: math.MaxInt}
			e.cfg = makeConfig([]Option{opt})
			e.reset()
			e.Any([]any{1, []any{2}})
			done <- string(e.buf)
		}()
		select {
		case got := <-done:
			if want := "[\n1,\n[\n2\n]\n]"; got != want {
				t.Errorf("indent %+v: got %q, want %q", opt, got, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("indent %+v: encoding did not finish", opt)
		}
	}
}

// TestCycleDeep checks cycle detection past seenScanMax, where the open
// identities move into a set: a cycle closed at any depth is found, and
// siblings reached again after the path shrinks are not cycles.
// Python: a = []; x = a; (100 times: x.append([]); x = x[0]); x.append(a);
// json.dumps(a) raises ValueError: Circular reference detected.
func TestCycleDeep(t *testing.T) {
	for _, depth := range []int{1, seenScanMax - 1, seenScanMax, seenScanMax + 1, 100, 5000} {
		root := []any{nil}
		x := root
		for range depth {
			next := []any{nil}
			x[0] = next
			x = next
		}
		shared := []any{1}
		x[0] = []any{shared, shared} // not a cycle
		deep := []Option{MaxDepthOption(10000)}
		e := NewEncoder(nil, deep)
		e.Any(root)
		if _, err := e.Finish(); err != nil {
			t.Fatalf("depth %d, no cycle: %v", depth, err)
		}
		x[0] = root // now a cycle
		e = NewEncoder(nil, deep)
		e.Any(root)
		_, err := e.Finish()
		if ve, ok := err.(*ValueError); !ok || ve.Msg != "Circular reference detected" {
			t.Fatalf("depth %d, cycle: got %v, want Circular reference detected", depth, err)
		}
	}
}

// maxWriter records the largest single write it was given.
type maxWriter struct{ max, total int }

func (w *maxWriter) Write(p []byte) (int, error) {
	w.max = max(w.max, len(p))
	w.total += len(p)
	return len(p), nil
}

// TestStreamDeepBounded checks that a streaming Encoder flushes inside deep
// documents, where the indentation alone is depth × indent bytes a line:
// 5000 levels under indent=2 write about 50 MB, in writes of at most a
// buffer and one line.
func TestStreamDeepBounded(t *testing.T) {
	const depth = 5000
	var v any = 1
	for range depth {
		v = []any{v}
	}
	var w maxWriter
	e := NewStreamEncoder(&w, []Option{IndentOption(2), MaxDepthOption(depth + 1)})
	e.Any(v)
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	if limit := chunkSize + 2*depth + 64; w.max > limit {
		t.Errorf("largest write %d bytes, want at most %d (chunkSize plus one line)", w.max, limit)
	}
	if w.total < depth*depth*2 {
		t.Errorf("wrote %d bytes, want at least %d", w.total, depth*depth*2)
	}
}

// TestMemberMatchesKey checks that Member's precomputed forms write what Key
// writes, under each layout, first member or not, and when streaming.
func TestMemberMatchesKey(t *testing.T) {
	keys := []FieldKey{NewFieldKey(`"id"`, `"id"`), NewFieldKey(`"\u00e9"`, `"é"`), NewFieldKey(`""`, `""`)}
	sets := [][]Option{
		nil,
		{SeparatorsOption(",", ":")},
		{EnsureASCIIOption(false)},
		{SeparatorsOption(",", ":"), EnsureASCIIOption(false)},
		{IndentOption(2)},
		{SeparatorsOption(" ,", " : ")},
		{SeparatorsOption(",", ": ")},
	}
	write := func(opts []Option, member bool) string {
		e := NewEncoder(nil, opts)
		e.BeginObject()
		for i := range keys {
			if member {
				e.Member(&keys[i])
			} else {
				e.key(keys[i].ascii, keys[i].utf8)
			}
			e.Int(int64(i))
		}
		e.EndObject()
		b, err := e.Finish()
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, opts := range sets {
		if got, want := write(opts, true), write(opts, false); got != want {
			t.Errorf("options %v: Member wrote %q, Key %q", opts, got, want)
		}
	}
}

// TestIsNilPointer checks isNilPointer on nil pointers and on every kind
// whose values are stored in an interface as one nil word.
func TestIsNilPointer(t *testing.T) {
	type onePtr struct{ p *int }
	type oneMap struct{ m map[string]int }
	x := 1
	cases := []struct {
		v    any
		want bool
	}{
		{nil, false},
		{(*int)(nil), true},
		{(*onePtr)(nil), true},
		{(**int)(nil), true},
		{&x, false},
		{onePtr{}, false},
		{oneMap{}, false},
		{[1]*int{}, false},
		{map[string]int(nil), false},
		{(chan int)(nil), false},
		{(func())(nil), false},
		{0, false},
		{"", false},
		{struct{}{}, false},
	}
	for _, c := range cases {
		if got := isNilPointer(c.v); got != c.want {
			t.Errorf("isNilPointer(%T(%v)) = %v, want %v", c.v, c.v, got, c.want)
		}
	}
}

// TestFinishStopsAtError checks that on error Finish returns the buffer as
// it was when the error came: not the closing brackets and later members
// written as the encoder unwound, nor, for a Marshaler's text, what follows
// its first non-finite float (where Python stops, but for the separator it
// writes with the float). Separators and indents may hold any text, N, I
// and quotes included.
func TestFinishStopsAtError(t *testing.T) {
	// An indentation too long inside a Marshaler's text (our own limit),
	// then text json.loads rejects: none of the text stays.
	ind := strings.Repeat(" ", 30<<20)
	for _, c := range []struct {
		v    any
		opts []Option
		want string
	}{
		{[]any{0, json.RawMessage(`[1, 2, [3], 4 5]`), 9}, []Option{IndentStringOption(ind)}, "PRE[\n" + ind + "0,\n" + ind},
		{[]any{0, json.RawMessage(`{"b": 1, "a": [[1]]}`), 9}, []Option{IndentStringOption(ind), SortKeysOption(true)}, "PRE[\n" + ind + "0,\n" + ind},
		{map[string]any{"a": complex(1, 0), "b": []any{1, "x"}, "c": 2}, nil, `PRE{"a": `},
		{[]any{1.5, json.RawMessage(`{"z": [1, NaN, 2], "y": "N\"I"}`), 3}, []Option{AllowNaNOption(false)}, `PRE[1.5, {"z": [1, `},
		{[]any{json.RawMessage(`{"b": -Infinity, "a": "NaN"}`)}, []Option{AllowNaNOption(false), SortKeysOption(true)}, `PRE[{"a": "NaN", "b": `},
		{map[string]any{"k": []any{true, math.NaN()}}, []Option{AllowNaNOption(false), IndentOption(1)}, "PRE{\n \"k\": [\n  true,\n  "},
		{json.RawMessage(`{"e": "\\\"I", "a": [1, 2, NaN]}`), []Option{AllowNaNOption(false), IndentStringOption("NI\"")}, "PRE{\nNI\"\"e\": \"\\\\\\\"I\",\nNI\"\"a\": [\nNI\"NI\"1,\nNI\"NI\"2,\nNI\"NI\""},
		{json.RawMessage(`{"a": 1, "b": NaN}`), []Option{AllowNaNOption(false), SeparatorsOption(",", " IS ")}, `PRE{"a" IS 1,"b" IS `},
		// Text json.loads rejects: none of it stays.
		{[]any{1, json.RawMessage(`[1, 2, 3 4]`)}, nil, `PRE[1, `},
		{[]any{1, json.RawMessage(`{"a": [1, ` + strings.Repeat("9", 4301) + `]}`)}, nil, `PRE[1, `},
		{map[string]any{"k": json.RawMessage(strings.Repeat("[", 50) + strings.Repeat("]", 50))}, []Option{MaxDepthOption(20)}, `PRE{"k": `},
		{json.RawMessage(`[1, NaN, "x", 2]`), []Option{AllowNaNOption(false), SeparatorsOption("\"", ":")}, `PRE[1"`},
		{json.RawMessage(`{"z": {"q": Infinity}, "b": 1e400, "a": {"y": -Infinity}}`), []Option{AllowNaNOption(false), SortKeysOption(true)}, `PRE{"a": {"y": `},
	} {
		e := NewEncoder([]byte("PRE"), c.opts)
		e.Any(c.v)
		out, err := e.Finish()
		if err == nil || string(out) != c.want {
			if len(out) > 200 || len(c.want) > 200 {
				t.Errorf("%.200v: Finish = %d bytes, %v; want %d bytes and an error", c.v, len(out), err, len(c.want))
				continue
			}
			t.Errorf("%v: Finish = %q, %v; want %q and an error", c.v, out, err, c.want)
		}
	}
}

// TestReleaseKeepsSmall: after a document that needed much memory (a map of
// 200,000 keys, 300 levels of a 100-space indent, a 1 MB string, deep cycle
// tracking), the Encoder going back to its pool keeps only small
// buffers, holds no pointer to the caller's data, and clears nothing at its
// next use but what that use writes.
func TestReleaseKeepsSmall(t *testing.T) {
	big := make(map[string]any, 200_000)
	for i := range 200_000 {
		big[strconv.Itoa(i)] = i
	}
	var deep any = strings.Repeat("x", 1<<20)
	for range 300 {
		deep = []any{deep}
	}
	for _, c := range []struct {
		v    any
		opts []Option
	}{
		{big, nil},
		{big, []Option{SortKeysOption(true)}},
		{deep, []Option{IndentOption(100)}},
	} {
		for _, mk := range []func() *Encoder{
			func() *Encoder { return NewEncoder(nil, c.opts) },
			func() *Encoder { return NewStringEncoder(c.opts, nil) },
			func() *Encoder { return NewStreamEncoder(io.Discard, c.opts) },
		} {
			e := mk()
			e.Any(c.v)
			switch {
			case e.w != nil:
				e.Close()
			case e.flushAt == chunkSize:
				e.Finish()
			default:
				e.FinishString()
			}
			// e is back in the pool; no other goroutine takes it here.
			if cap(e.own) > keepOwn || cap(e.nl) > keepNL || cap(e.kvs) > keepScratch ||
				cap(e.seen) > keepScratch || len(e.seenSet) != 0 {
				t.Errorf("pooled Encoder keeps own %d, nl %d, kvs %d, seen %d bytes/entries, seenSet not empty %v",
					cap(e.own), cap(e.nl), cap(e.kvs), cap(e.seen), len(e.seenSet) != 0)
			}
			for _, kv := range e.kvs[:cap(e.kvs)] {
				if kv.v != nil || kv.k != "" {
					t.Fatalf("pooled Encoder still holds a member of the caller's map")
				}
			}
			for _, s := range e.seen[:cap(e.seen)] {
				if s != (seenEntry{}) {
					t.Fatalf("pooled Encoder still holds an identity of the caller's data")
				}
			}
			if e.buf != nil || e.dst != nil || e.w != nil || e.cfg.Default != nil {
				t.Errorf("pooled Encoder still holds the caller's buffer, writer or hook")
			}
		}
	}
}

// BenchmarkSmallAfterHuge times a small AppendDumps after one huge document
// through the same pooled Encoders: it must cost what it costs alone
// (BenchmarkSmallAfterHuge/after against /alone).
func BenchmarkSmallAfterHuge(b *testing.B) {
	small := map[string]any{"a": 1, "b": "x"}
	buf := make([]byte, 0, 256)
	b.Run("alone", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			e := NewEncoder(buf[:0], nil)
			e.Any(small)
			buf, _ = e.Finish()
		}
	})
	b.Run("after", func(b *testing.B) {
		huge := make(map[string]any, 1_000_000)
		for i := range 1_000_000 {
			huge[strconv.Itoa(i)] = i
		}
		e := NewEncoder(nil, nil)
		e.Any(huge)
		e.Finish()
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			e := NewEncoder(buf[:0], nil)
			e.Any(small)
			buf, _ = e.Finish()
		}
	})
}
