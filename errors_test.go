package jsondump_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jsondump/jsondump"
)

// asError checks that err is a *E with message msg ("" means any message).
func asError[E error](t *testing.T, what string, err error, msg string) E {
	t.Helper()
	var target E
	if !errors.As(err, &target) {
		t.Errorf("%s: error %T %v, want %T", what, err, err, target)
		return target
	}
	if msg != "" && err.Error() != msg {
		t.Errorf("%s: error %q, want %q", what, err.Error(), msg)
	}
	return target
}

const (
	msgCircular  = "Circular reference detected"
	msgRecursion = "maximum recursion depth exceeded while encoding a JSON object"
)

// all runs v through Dumps, AppendDumps and Dump and returns their errors,
// which must agree.
func all(t *testing.T, v any, opts ...jsondump.Option) error {
	t.Helper()
	_, err1 := jsondump.Dumps(v, opts...)
	_, err2 := jsondump.AppendDumps(nil, v, opts...)
	err3 := jsondump.Dump(io.Discard, v, opts...)
	if fmt.Sprint(err1) != fmt.Sprint(err2) || fmt.Sprint(err1) != fmt.Sprint(err3) {
		t.Errorf("Dumps, AppendDumps and Dump disagree: %v / %v / %v", err1, err2, err3)
	}
	return err1
}

// celsius is an unknown object on every path: a complex number has no JSON
// form (the reflective path writes a named float).
type celsius complex128

func TestTypeErrorUnknownObject(t *testing.T) {
	for _, tc := range []struct {
		v    any
		name string
		// whole: the value itself is the unknown object without the
		// reflective path, which finds name inside it.
		whole bool
	}{
		{celsius(1), "jsondump_test.celsius", false},
		{complex64(1), "complex64", false},
		{make(chan int), "chan int", false},
		{func() {}, "func()", false},
		{[]any{1, map[string]any{"k": []any{make(chan int)}}}, "chan int", false},
		{[]func(){nil}, "func()", true},
		{struct{ C complex128 }{}, "complex128", true},
		{map[string][]chan<- int{"k": {nil}}, "chan<- int", true},
	} {
		name := tc.name
		if tc.whole && !reflectBuild {
			name = fmt.Sprintf("%T", tc.v)
		}
		err := all(t, tc.v)
		asError[*jsondump.TypeError](t, fmt.Sprintf("%T", tc.v), err, "Object of type "+name+" is not JSON serializable")
	}
}

// TestTypeErrorReflected checks the values that are unknown objects only
// without the reflective path (-tags jsondump_noreflect): with it, each is
// written as its twin of the listed forms is.
func TestTypeErrorReflected(t *testing.T) {
	type celsiusF float64
	for _, tc := range []struct {
		v, twin any
		name    string
	}{
		{celsiusF(1), 1.0, "jsondump_test.celsiusF"},
		{struct{ A int }{1}, map[string]any{"A": 1}, "struct { A int }"},
		{[2]int{}, []any{0, 0}, "[2]int"},
		{map[int]string{}, map[string]any{}, "map[int]string"},
		{(*celsiusF)(nil), nil, "*jsondump_test.celsiusF"},
		{[]any{1, map[string]any{"k": []any{[]int32{2}}}}, []any{1, map[string]any{"k": []any{[]any{2}}}}, "[]int32"},
	} {
		err := all(t, tc.v)
		if !reflectBuild {
			asError[*jsondump.TypeError](t, fmt.Sprintf("%T", tc.v), err, "Object of type "+tc.name+" is not JSON serializable")
			continue
		}
		got, err := jsondump.Dumps(tc.v)
		want, werr := jsondump.Dumps(tc.twin)
		if got != want || err != nil || werr != nil {
			t.Errorf("%T: %q, %v, want %q as for %#v", tc.v, got, err, want, tc.twin)
		}
	}
}

func TestValueErrorCycles(t *testing.T) {
	s := []any{1, nil}
	s[1] = s
	m := map[string]any{"a": 1}
	m["self"] = m
	deep := map[string]any{}
	deep["x"] = []any{1, map[string]any{"back": deep}}
	for name, v := range map[string]any{"[]any": s, "map[string]any": m, "deep": deep} {
		for _, opts := range [][]jsondump.Option{nil, {jsondump.Indent(2)}, {jsondump.SortKeys(true)}} {
			err := all(t, v, opts...)
			asError[*jsondump.ValueError](t, name, err, msgCircular)
		}
	}
	// A value met twice on different paths is no cycle.
	shared := []any{1}
	if got, err := jsondump.Dumps([]any{shared, shared, map[string]any{"k": shared}}); err != nil || got != `[[1], [1], {"k": [1]}]` {
		t.Errorf("shared sibling: %q, %v", got, err)
	}
	// A sub-slice of a slice is not the slice.
	s2 := []any{1, nil}
	s2[1] = s2[:1]
	if got, err := jsondump.Dumps(s2); err != nil || got != `[1, [1]]` {
		t.Errorf("s = [1, s[:1]]: %q, %v", got, err)
	}
}

func TestValueErrorNaN(t *testing.T) {
	for _, tc := range []struct {
		v    any
		repr string
	}{
		{math.NaN(), "nan"},
		{math.Inf(1), "inf"},
		{[]any{1.0, math.Inf(-1)}, "-inf"},
		{[]float64{math.NaN()}, "nan"},
		{map[string]float64{"a": 1, "b": math.Inf(1)}, "inf"},
		{map[string]any{"x": float32(math.Inf(-1))}, "-inf"},
		{json.Number("1e400"), "inf"},
		{json.RawMessage(`[1, -1e999]`), "-inf"},
	} {
		for _, opts := range [][]jsondump.Option{{jsondump.AllowNaN(false)}, {jsondump.AllowNaN(false), jsondump.Indent(2)}} {
			err := all(t, tc.v, opts...)
			asError[*jsondump.ValueError](t, fmt.Sprintf("%#v", tc.v), err, "Out of range float values are not JSON compliant: "+tc.repr)
		}
		if _, err := jsondump.Dumps(tc.v); err != nil {
			t.Errorf("%#v with AllowNaN(true): %v", tc.v, err)
		}
	}
}

func TestRecursionErrorMaxDepth(t *testing.T) {
	nestedMap := func(n int) any {
		var x any = 0
		for i := 0; i < n; i++ {
			x = map[string]any{"k": x}
		}
		return x
	}
	for _, opts := range [][]jsondump.Option{{jsondump.MaxDepth(50)}, {jsondump.MaxDepth(50), jsondump.Indent(1)}} {
		if err := all(t, nestedList(50), opts...); err != nil {
			t.Errorf("50 levels under MaxDepth(50): %v", err)
		}
		if err := all(t, nestedMap(50), opts...); err != nil {
			t.Errorf("50 levels under MaxDepth(50): %v", err)
		}
		asError[*jsondump.RecursionError](t, "list 51", all(t, nestedList(51), opts...), msgRecursion)
		asError[*jsondump.RecursionError](t, "map 51", all(t, nestedMap(51), opts...), msgRecursion)
	}
	// A cycle without the cycle check runs into the depth limit.
	s := []any{1, nil}
	s[1] = s
	m := map[string]any{}
	m["m"] = m
	for _, v := range []any{s, m} {
		asError[*jsondump.RecursionError](t, "cycle, CheckCircular(false)", all(t, v, jsondump.CheckCircular(false)), msgRecursion)
		asError[*jsondump.RecursionError](t, "cycle, CheckCircular(false), MaxDepth(50)", all(t, v, jsondump.CheckCircular(false), jsondump.MaxDepth(50)), msgRecursion)
	}
}

func TestRecursionErrorMillionDeep(t *testing.T) {
	var x any = 0
	for i := 0; i < 1_000_000; i++ {
		x = []any{x}
	}
	_, err := jsondump.Dumps(x)
	asError[*jsondump.RecursionError](t, "a million levels", err, msgRecursion)
	err = jsondump.Dump(io.Discard, x, jsondump.CheckCircular(false))
	asError[*jsondump.RecursionError](t, "a million levels, no cycle check", err, msgRecursion)
	var m any = 0
	for i := 0; i < 100_000; i++ {
		m = map[string]any{"": m}
	}
	_, err = jsondump.AppendDumps(nil, m)
	asError[*jsondump.RecursionError](t, "100000 maps", err, msgRecursion)
}

var errHook = errors.New("hook failed")

func TestDefaultHook(t *testing.T) {
	// An error of the hook comes back unchanged.
	err := all(t, []any{1, celsius(2)}, jsondump.Default(func(any) (any, error) { return nil, errHook }))
	if !errors.Is(err, errHook) || err != errHook {
		t.Errorf("hook error: %v, want errHook itself", err)
	}
	// The hook receives the value as the any held it.
	var got any
	jsondump.Dumps(map[string]any{"c": celsius(2.5)}, jsondump.Default(func(v any) (any, error) { got = v; return 0, nil }))
	if got != celsius(2.5) {
		t.Errorf("hook got %#v", got)
	}
	// A hook that returns its argument, or a list of it: a cycle.
	self := jsondump.Default(func(v any) (any, error) { return v, nil })
	asError[*jsondump.ValueError](t, "hook returns its argument", all(t, newOpaque(), self), msgCircular)
	asError[*jsondump.ValueError](t, "hook returns its argument (value)", all(t, []any{celsius(1)}, self), msgCircular)
	asError[*jsondump.ValueError](t, "hook returns [argument]", all(t, newOpaque(),
		jsondump.Default(func(v any) (any, error) { return []any{v}, nil })), msgCircular)
	// Without the cycle check it is the depth limit.
	asError[*jsondump.RecursionError](t, "hook returns its argument, CheckCircular(false)", all(t, newOpaque(), self, jsondump.CheckCircular(false)), msgRecursion)
	// A new unknown each time: the depth limit.
	calls := 0
	newEach := jsondump.Default(func(any) (any, error) { calls++; return newOpaque(), nil })
	asError[*jsondump.RecursionError](t, "hook returns a new unknown", all(t, newOpaque(), newEach), msgRecursion)
	calls = 0
	asError[*jsondump.RecursionError](t, "hook returns a new unknown, MaxDepth(20)", all(t, newOpaque(), newEach, jsondump.MaxDepth(20)), msgRecursion)
	// Dumps and AppendDumps call it 20 times; Dump 19, as json.dump's
	// Python encoder spends one frame more than json.dumps's C encoder on
	// the last hook's result (see DefaultHook in runtime/dynamic.go).
	if calls != 20+20+19 {
		t.Errorf("hook called %d times under MaxDepth(20) for 3 calls, want 59", calls)
	}
	// Hook calls do not indent: what the hook returns is written where the
	// value was (Python: {"s": [1, 2]} with indent=2).
	s, err := jsondump.Dumps(map[string]any{"s": celsius(1)}, jsondump.Indent(2),
		jsondump.Default(func(any) (any, error) { return []any{1, []int{2}}, nil }))
	if want := "{\n  \"s\": [\n    1,\n    [\n      2\n    ]\n  ]\n}"; s != want || err != nil {
		t.Errorf("hook result indented:\n got %q, %v\nwant %q", s, err, want)
	}
}

type failingMarshaler struct{}

var errMarshal = errors.New("cannot marshal")

func (failingMarshaler) MarshalJSON() ([]byte, error) { return nil, errMarshal }

type invalidMarshaler struct{ text string }

func (m invalidMarshaler) MarshalJSON() ([]byte, error) { return []byte(m.text), nil }

type failingText struct{}

func (failingText) MarshalText() ([]byte, error) { return nil, errMarshal }

func TestMarshalerError(t *testing.T) {
	err := all(t, []any{1, failingMarshaler{}})
	me := asError[*jsondump.MarshalerError](t, "failing MarshalJSON", err, "")
	if !errors.Is(err, errMarshal) || me == nil || me.Type != "jsondump_test.failingMarshaler" || me.Method != "MarshalJSON" ||
		!strings.Contains(err.Error(), "jsondump_test.failingMarshaler") {
		t.Errorf("failing MarshalJSON: %#v: %v", me, err)
	}
	for _, text := range []string{"{bad", "", "[1,]", `{"a" 1}`, "1 2", `"\x01"`} {
		err := all(t, map[string]any{"m": invalidMarshaler{text}})
		me := asError[*jsondump.MarshalerError](t, "invalid JSON "+text, err, "")
		if me == nil || me.Type != "jsondump_test.invalidMarshaler" || !strings.Contains(err.Error(), "jsondump_test.invalidMarshaler") {
			t.Errorf("invalid JSON %q: %#v: %v", text, me, err)
		}
	}
	err = all(t, failingText{})
	me = asError[*jsondump.MarshalerError](t, "failing MarshalText", err, "")
	if !errors.Is(err, errMarshal) || me == nil || me.Method != "MarshalText" || me.Type != "jsondump_test.failingText" {
		t.Errorf("failing MarshalText: %#v: %v", me, err)
	}
	// A nil pointer Marshaler is null, as in encoding/json.
	if s, err := jsondump.Dumps([]any{(*failingMarshalerPtr)(nil)}); s != "[null]" || err != nil {
		t.Errorf("nil Marshaler pointer: %q, %v", s, err)
	}
}

type failingMarshalerPtr struct{}

func (*failingMarshalerPtr) MarshalJSON() ([]byte, error) { return nil, errMarshal }

// limitWriter accepts limit bytes, then fails.
type limitWriter struct {
	buf   bytes.Buffer
	limit int
	short bool // fail by a short write instead of an error
}

var errDiskFull = errors.New("disk full")

func (w *limitWriter) Write(p []byte) (int, error) {
	room := w.limit - w.buf.Len()
	if len(p) <= room {
		return w.buf.Write(p)
	}
	w.buf.Write(p[:room])
	if w.short {
		return room, nil
	}
	return room, errDiskFull
}

// largeDocument returns a document of several hundred KiB and its text.
func largeDocument(t testing.TB) (any, string) { return document(t, 3000) }

// document returns a document of n items and its text under Indent(2).
func document(t testing.TB, n int) (any, string) {
	items := make([]any, n)
	for i := range items {
		items[i] = map[string]any{"id": i, "name": fmt.Sprintf("item é %d", i), "tags": []string{"a", "b"}, "score": float64(i) / 7}
	}
	v := map[string]any{"items": items}
	s, err := jsondump.Dumps(v, jsondump.Indent(2))
	if err != nil {
		t.Fatal(err)
	}
	return v, s
}

func TestWriteError(t *testing.T) {
	v, full := largeDocument(t)
	if len(full) < 200_000 {
		t.Fatalf("document of %d bytes only", len(full))
	}
	for _, limit := range []int{0, 1, 100, 32 << 10, 32<<10 + 1, 65536, 100_000, len(full) - 1} {
		for _, short := range []bool{false, true} {
			w := &limitWriter{limit: limit, short: short}
			err := jsondump.Dump(w, v, jsondump.Indent(2))
			we := asError[*jsondump.WriteError](t, fmt.Sprintf("limit %d, short %v", limit, short), err, "")
			if we == nil {
				continue
			}
			if short && !errors.Is(err, io.ErrShortWrite) || !short && !errors.Is(err, errDiskFull) {
				t.Errorf("limit %d, short %v: %v does not wrap the writer's error", limit, short, err)
			}
			if !strings.HasPrefix(full, w.buf.String()) {
				t.Errorf("limit %d: what was written is not a prefix of the document", limit)
			}
		}
	}
	// Enough room: the whole document, identical to Dumps.
	w := &limitWriter{limit: len(full)}
	if err := jsondump.Dump(w, v, jsondump.Indent(2)); err != nil || w.buf.String() != full {
		t.Errorf("Dump with room: %v, %d bytes of %d, equal %v", err, w.buf.Len(), len(full), w.buf.String() == full)
	}
}

// writeCounter counts the largest single write.
type writeCounter struct{ max, total int }

func (w *writeCounter) Write(p []byte) (int, error) {
	w.max = max(w.max, len(p))
	w.total += len(p)
	return len(p), nil
}

func TestDumpStreamsInBoundedWrites(t *testing.T) {
	v, full := largeDocument(t)
	var w writeCounter
	if err := jsondump.Dump(&w, v, jsondump.Indent(2)); err != nil {
		t.Fatal(err)
	}
	if w.total != len(full) || w.max > 128<<10 {
		t.Errorf("Dump wrote %d bytes (want %d), largest write %d", w.total, len(full), w.max)
	}
}

// panicMarshaler panics half-way through DumpFile.
type panicMarshaler struct{}

func (panicMarshaler) MarshalJSON() ([]byte, error) { panic("marshaler panic") }

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

func TestDumpFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	v, full := largeDocument(t)

	// Success writes the file.
	if err := jsondump.DumpFile(path, v, jsondump.Indent(2)); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != full {
		t.Fatalf("DumpFile wrote %d bytes (%v), want %d", len(got), err, len(full))
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("folder holds %v after success", names)
	}
	// Relative path in the current folder.
	t.Chdir(dir)
	if err := jsondump.DumpFile("rel.json", []any{1}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "rel.json")); string(b) != "[1]" {
		t.Errorf("relative DumpFile wrote %q", b)
	}
	os.Remove(filepath.Join(dir, "rel.json"))

	// A hook error half-way (after more than one flush) leaves the old file.
	items := v.(map[string]any)["items"].([]any)
	bad := append(append([]any{}, items...), celsius(1))
	bad = append(bad, items...)
	err = jsondump.DumpFile(path, map[string]any{"items": bad}, jsondump.Indent(2),
		jsondump.Default(func(any) (any, error) { return nil, errHook }))
	if err != errHook {
		t.Errorf("DumpFile with failing hook: %v, want errHook", err)
	}
	if got, _ := os.ReadFile(path); string(got) != full {
		t.Errorf("old file changed after a failed DumpFile (%d bytes)", len(got))
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("folder holds %v after a failed DumpFile", names)
	}

	// A panicking Marshaler panics through, leaving the old file.
	func() {
		defer func() {
			if r := recover(); r != "marshaler panic" {
				t.Errorf("recovered %v, want the Marshaler's panic", r)
			}
		}()
		jsondump.DumpFile(path, map[string]any{"a": items, "b": panicMarshaler{}}, jsondump.Indent(2))
		t.Error("DumpFile returned after a panic")
	}()
	if got, _ := os.ReadFile(path); string(got) != full {
		t.Errorf("old file changed after a panic in DumpFile (%d bytes)", len(got))
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("folder holds %v after a panic in DumpFile", names)
	}
	// The encoder is still usable after the panic.
	if s, err := jsondump.Dumps([]any{1, "x"}, jsondump.Indent(2)); err != nil || s != "[\n  1,\n  \"x\"\n]" {
		t.Errorf("after a panic: %q, %v", s, err)
	}

	// A folder is not a regular file.
	if err := jsondump.DumpFile(dir, 1); err == nil {
		t.Error("DumpFile over a folder: no error")
	}
	// A missing folder is an error.
	if err := jsondump.DumpFile(filepath.Join(dir, "missing", "x.json"), 1); err == nil {
		t.Error("DumpFile into a missing folder: no error")
	}
}

func TestConcurrentDumps(t *testing.T) {
	v, _ := document(t, 400) // past one flush of Dump under Indent(2)
	optSets := [][]jsondump.Option{
		nil,
		{jsondump.Indent(2)},
		{jsondump.SortKeys(true), jsondump.EnsureASCII(false), jsondump.Separators(",", ":")},
		{jsondump.IndentString("\t"), jsondump.Default(func(any) (any, error) { return nil, nil })},
	}
	want := make([]string, len(optSets))
	for i, o := range optSets {
		var err error
		if want[i], err = jsondump.Dumps(v, o...); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := 0; round < 4; round++ {
				i := (g + round) % len(optSets)
				o := optSets[i]
				s, err := jsondump.Dumps(v, o...)
				if err != nil || s != want[i] {
					errs <- fmt.Sprintf("goroutine %d: Dumps differs (%v)", g, err)
				}
				b, err := jsondump.AppendDumps(make([]byte, 0, 16), v, o...)
				if err != nil || string(b) != want[i] {
					errs <- fmt.Sprintf("goroutine %d: AppendDumps differs (%v)", g, err)
				}
				var w bytes.Buffer
				if err := jsondump.Dump(&w, v, o...); err != nil || w.String() != want[i] {
					errs <- fmt.Sprintf("goroutine %d: Dump differs (%v)", g, err)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// An Encoder fresh from its pool, with Indent(0), IndentString("") or a
// negative indent: the indent unit is "" (this once looped forever).
func TestEmptyIndentFreshEncoder(t *testing.T) {
	for _, o := range []jsondump.Option{jsondump.Indent(0), jsondump.Indent(-1), jsondump.IndentString("")} {
		runtime.GC()
		runtime.GC() // empty the Encoder pool
		done := make(chan string, 1)
		go func() {
			s, _ := jsondump.Dumps(map[string]any{"a": []any{1}}, o)
			done <- s
		}()
		select {
		case s := <-done:
			if s != "{\n\"a\": [\n1\n]\n}" {
				t.Errorf("empty indent: %q", s)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("Dumps with an empty indent did not return")
		}
	}
}

// TestErrorSentinels checks that each fault matches its own sentinel with
// errors.Is, and no other, through every entry point's error.
func TestErrorSentinels(t *testing.T) {
	all := []error{jsondump.ErrCircular, jsondump.ErrNonFinite, jsondump.ErrIntDigits, jsondump.ErrDepth,
		jsondump.ErrKey, jsondump.ErrUnsortable, jsondump.ErrNotSerializable, jsondump.ErrIndent}
	cyc := []any{1}
	cyc[0] = cyc
	deep := any(nil)
	for range 50 {
		deep = []any{deep}
	}
	long := new(big.Int).Exp(big.NewInt(10), big.NewInt(4300), nil) // 4301 digits
	// Typed maps are the reflective path's; without it they are unknown
	// objects.
	keyErr, unsortable := jsondump.ErrKey, jsondump.ErrUnsortable
	if !reflectBuild {
		keyErr, unsortable = jsondump.ErrNotSerializable, jsondump.ErrNotSerializable
	}
	for _, c := range []struct {
		name string
		v    any
		opts []jsondump.Option
		want error
	}{
		{"cycle", cyc, nil, jsondump.ErrCircular},
		{"NaN", math.NaN(), []jsondump.Option{jsondump.AllowNaN(false)}, jsondump.ErrNonFinite},
		{"NaN in a Marshaler's text", json.RawMessage(`[NaN]`), []jsondump.Option{jsondump.AllowNaN(false)}, jsondump.ErrNonFinite},
		{"4301 digits", long, nil, jsondump.ErrIntDigits},
		{"4301 digits in a Number", json.Number(long.String()), nil, jsondump.ErrIntDigits},
		{"depth", deep, []jsondump.Option{jsondump.MaxDepth(10)}, jsondump.ErrDepth},
		{"cycle without CheckCircular", cyc, []jsondump.Option{jsondump.CheckCircular(false)}, jsondump.ErrDepth},
		{"not serializable", complex(1, 2), nil, jsondump.ErrNotSerializable},
		{"key", map[any]int{complex(1, 1): 1}, nil, keyErr},
		{"unsortable", map[any]int{1: 1, "a": 2}, []jsondump.Option{jsondump.SortKeys(true)}, unsortable},
		{"indent", []any{1}, []jsondump.Option{jsondump.Indent(1 << 40)}, jsondump.ErrIndent},
	} {
		_, err := jsondump.Dumps(c.v, c.opts...)
		_, aerr := jsondump.AppendDumps(nil, c.v, c.opts...)
		derr := jsondump.Dump(io.Discard, c.v, c.opts...)
		for i, err := range []error{err, aerr, derr} {
			if err == nil {
				t.Errorf("%s (entry %d): no error", c.name, i)
				continue
			}
			for _, s := range all {
				if got := errors.Is(err, s); got != (s == c.want) {
					t.Errorf("%s (entry %d): errors.Is(%q, %v) = %v", c.name, i, err, s, got)
				}
			}
		}
	}
}
