package jsondump_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/jsondump/jsondump"
)

// The concurrency tests share values, options and a Default hook between
// goroutines; run them under go test -race. errors_test.go's
// TestConcurrentDumps covers plain documents; these add a hook that is really
// called, Marshalers and every dynamic form, errors and panics interleaved
// with successes (a pooled Encoder must carry nothing from one call to the
// next), and DumpFile racing on one path.

// kelvin is unknown to jsondump on every path (a complex number has no
// JSON form): each one goes to the Default hook.
type kelvin complex128

// upperText is an encoding.TextMarshaler.
type upperText string

func (u upperText) MarshalText() ([]byte, error) { return []byte(strings.ToUpper(string(u))), nil }

// pairJSON is a json.Marshaler whose text has repeated keys and odd spacing.
type pairJSON int

func (p pairJSON) MarshalJSON() ([]byte, error) {
	return fmt.Appendf(nil, `{ "b" : %d , "a":[1.50, -0, "\u00e9"], "b": %d }`, p, p+1), nil
}

// concurrentDocument returns a document of every dynamic form, with n
// kelvin values for the hook, and the hook, which counts its calls.
func concurrentDocument(n int) (any, jsondump.Option, *atomic.Int64) {
	items := make([]any, n)
	for i := range items {
		items[i] = map[string]any{
			"t":     kelvin(complex(float64(i)+0.5, 0)),
			"u":     upperText(fmt.Sprintf("id-%d", i)),
			"m":     pairJSON(i),
			"raw":   json.RawMessage(`[1E2, {"z": null, "y": "\ud83d\ude00"}]`),
			"num":   json.Number("12345678901234567890123"),
			"big":   new(big.Int).Lsh(big.NewInt(int64(i)), 100),
			"f":     []float64{float64(i) / 7, 1e16},
			"s":     []string{"é", "\u2028"},
			"bytes": []byte{byte(i), 0xff},
			"typed": map[string]int{"b": i, "a": -i},
		}
	}
	calls := new(atomic.Int64)
	hook := jsondump.Default(func(v any) (any, error) {
		calls.Add(1)
		k, ok := v.(kelvin)
		if !ok {
			return nil, fmt.Errorf("unexpected %T", v)
		}
		// A fresh value each call: the race detector sees any sharing.
		return map[string]any{"kelvin": real(k), "celsius": real(k) - 273.15}, nil
	})
	return map[string]any{"items": items, "name": "concurrent"}, hook, calls
}

// TestConcurrentSameValueAndHook encodes one value with one set of options,
// a Default hook among them, from many goroutines through every entry point:
// every output is identical to the one made alone, and the hook is called
// once per unknown value per encoding.
func TestConcurrentSameValueAndHook(t *testing.T) {
	n, goroutines, rounds := 300, 16, 4
	if testing.Short() {
		n, rounds = 60, 2
	}
	v, hook, calls := concurrentDocument(n)
	optSets := [][]jsondump.Option{
		{hook},
		{hook, jsondump.Indent(2), jsondump.SortKeys(true)},
		{jsondump.EnsureASCII(false), hook, jsondump.Separators(",", ":"), jsondump.SortKeys(true)},
	}
	want := make([]string, len(optSets))
	for i, o := range optSets {
		var err error
		if want[i], err = jsondump.Dumps(v, o...); err != nil {
			t.Fatal(err)
		}
	}
	calls.Store(0)
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make(chan string, goroutines*rounds*4)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]byte, 0, 64)
			for r := range rounds {
				i := (g + r) % len(optSets)
				o := optSets[i]
				check := func(entry, got string, err error) {
					if err != nil || got != want[i] {
						errs <- fmt.Sprintf("goroutine %d, round %d, options %d: %s differs (%v)", g, r, i, entry, err)
					}
				}
				s, err := jsondump.Dumps(v, o...)
				check("Dumps", s, err)
				buf, err = jsondump.AppendDumps(buf[:0], v, o...)
				check("AppendDumps", string(buf), err)
				var w bytes.Buffer
				err = jsondump.Dump(&w, v, o...)
				check("Dump", w.String(), err)
				path := filepath.Join(dir, fmt.Sprintf("g%d.json", g))
				err = jsondump.DumpFile(path, v, o...)
				b, _ := os.ReadFile(path)
				check("DumpFile", string(b), err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if got, want := calls.Load(), int64(goroutines*rounds*4*n); got != want {
		t.Errorf("the hook was called %d times, want %d", got, want)
	}
}

// TestConcurrentErrorsAndPanics interleaves, in many goroutines, successful
// encodings with each way an encoding stops half-way: a cycle, a hook error,
// a panicking hook, nesting past MaxDepth, a failing writer. Each call must
// give its own result: an Encoder back from a failed or panicked call must
// carry no cycle-check entry, depth, hook or buffer into the next.
func TestConcurrentErrorsAndPanics(t *testing.T) {
	n, goroutines, rounds := 100, 12, 6
	if testing.Short() {
		n, rounds = 30, 3
	}
	good, hook, _ := concurrentDocument(n)
	goodOpts := []jsondump.Option{hook, jsondump.Indent(1), jsondump.SortKeys(true)}
	want, err := jsondump.Dumps(good, goodOpts...)
	if err != nil {
		t.Fatal(err)
	}
	// The failing values share the good document's containers, so that a
	// leftover cycle-check entry would show as a false "circular" error.
	cyclic := []any{good, nil}
	cyclic[1] = cyclic
	deep := any(good)
	for range 200 {
		deep = []any{deep}
	}
	errHookFail := errors.New("hook failed")
	failHook := jsondump.Default(func(any) (any, error) { return nil, errHookFail })
	panicHook := jsondump.Default(func(any) (any, error) { panic("hook panic") })
	type failure struct {
		name  string
		run   func() error
		check func(error) bool
	}
	// Each check declares its own errors.As target: the goroutines share
	// the checks.
	failures := []failure{
		{"cycle", func() error { _, err := jsondump.Dumps(cyclic, goodOpts...); return err },
			func(err error) bool { var ve *jsondump.ValueError; return errors.As(err, &ve) }},
		{"hook error", func() error { _, err := jsondump.AppendDumps(nil, good, failHook); return err },
			func(err error) bool { return err == errHookFail }},
		{"hook panic", func() (err error) {
			defer func() {
				if r := recover(); r != "hook panic" {
					err = fmt.Errorf("recovered %v", r)
				}
			}()
			jsondump.Dump(&bytes.Buffer{}, good, panicHook, jsondump.SortKeys(true))
			return errors.New("no panic")
		}, func(err error) bool { return err == nil }},
		{"too deep", func() error { return jsondump.Dump(&bytes.Buffer{}, deep, hook, jsondump.MaxDepth(100)) },
			func(err error) bool { var re *jsondump.RecursionError; return errors.As(err, &re) }},
		{"writer fails", func() error { return jsondump.Dump(&limitWriter{limit: 1000}, good, goodOpts...) },
			func(err error) bool { var we *jsondump.WriteError; return errors.As(err, &we) }},
	}
	var wg sync.WaitGroup
	errs := make(chan string, goroutines*rounds*2)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				f := failures[(g+r)%len(failures)]
				if err := f.run(); !f.check(err) {
					errs <- fmt.Sprintf("goroutine %d: %s: %T %v", g, f.name, err, err)
				}
				if s, err := jsondump.Dumps(good, goodOpts...); err != nil || s != want {
					errs <- fmt.Sprintf("goroutine %d: Dumps after %s differs (%v)", g, f.name, err)
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

// TestConcurrentDumpFileOnePath has goroutines write different documents
// to one path with DumpFile while others read it: every read finds a whole
// document, the old one or one of the new, never a truncated or mixed
// file; at the end the file is one of the new documents and no temporary
// file is left.
func TestConcurrentDumpFileOnePath(t *testing.T) {
	writers, rounds := 6, 5
	if testing.Short() {
		rounds = 2
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "shared.json")
	const old = `"old"`
	if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	docs := make([]any, writers)
	texts := []string{old}
	for i := range docs {
		v, hook, _ := concurrentDocument(40 + 10*i) // sizes differ: a mix would show
		docs[i] = []any{v, hook}
		s, err := jsondump.Dumps(v, hook, jsondump.Indent(2))
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, s)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	done := make(chan struct{})
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pair := docs[i].([]any)
			for range rounds {
				if err := jsondump.DumpFile(path, pair[0], pair[1].(jsondump.Option), jsondump.Indent(2)); err != nil {
					errs <- fmt.Sprintf("writer %d: %v", i, err)
				}
			}
		}()
	}
	var readers sync.WaitGroup
	reads := new(atomic.Int64)
	for range 2 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				b, err := os.ReadFile(path)
				reads.Add(1)
				if err != nil || !slices.Contains(texts, string(b)) {
					select {
					case errs <- fmt.Sprintf("a reader found %d bytes that are no whole document (%v)", len(b), err):
					default:
					}
				}
			}
		}()
	}
	wg.Wait()
	close(done)
	readers.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	b, _ := os.ReadFile(path)
	if !slices.Contains(texts[1:], string(b)) {
		t.Errorf("the file holds %d bytes, none of the documents", len(b))
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("the folder holds %d entries, want the file alone", len(ents))
	}
	t.Logf("%d reads while %d writers wrote %d times each", reads.Load(), writers, rounds)
}

// recNode reaches itself three ways: its encoder calls itself through the
// reflective path's cache while that is being built.
type recNode struct {
	V    int                 `json:"v"`
	Next *recNode            `json:"next,omitempty"`
	Kids []recNode           `json:"kids,omitempty"`
	M    map[string]*recNode `json:"m,omitempty"`
	Any  any                 `json:"any,omitempty"`
}

// TestConcurrentNewTypes has many goroutines meet types the reflective path
// has not seen, at the same moment, each round with new ones (struct types
// made by reflect.StructOf, with a recursive type inside): every goroutine
// must write what the type's twin of the listed forms writes. Run under
// -race, it checks the cache of encoders.
func TestConcurrentNewTypes(t *testing.T) {
	if !reflectBuild {
		t.Skip("no reflective path in this build")
	}
	rounds, goroutines := 30, 16
	if testing.Short() {
		rounds = 8
	}
	for r := range rounds {
		name := fmt.Sprintf("n%d", r)
		st := reflect.StructOf([]reflect.StructField{
			{Name: "A", Type: reflect.TypeFor[[]int32](), Tag: reflect.StructTag(`json:"` + name + `"`)},
			{Name: "B", Type: reflect.TypeFor[*recNode]()},
			{Name: "C", Type: reflect.MapOf(reflect.TypeFor[int](), reflect.ArrayOf(r%3, reflect.TypeFor[bool]()))},
		})
		v := reflect.New(st).Elem()
		v.Field(0).Set(reflect.ValueOf([]int32{int32(r), -1}))
		node := &recNode{V: r, Next: &recNode{V: 1}, Kids: []recNode{{V: 2}}, M: map[string]*recNode{"x": {V: 3}}, Any: []any{1}}
		v.Field(1).Set(reflect.ValueOf(node))
		m := reflect.MakeMap(st.Field(2).Type)
		m.SetMapIndex(reflect.ValueOf(-5), reflect.New(st.Field(2).Type.Elem()).Elem())
		v.Field(2).Set(m)
		val := v.Interface()
		// The oracle: encoding/json's value of it (decoded, so that the
		// layouts do not matter); and every goroutine's text must be the
		// same.
		ej, err := json.Marshal(val)
		if err != nil {
			t.Fatal(err)
		}
		var want any
		if err := json.Unmarshal(ej, &want); err != nil {
			t.Fatal(err)
		}
		start := make(chan struct{})
		var wg sync.WaitGroup
		errs := make(chan string, goroutines)
		for g := range goroutines {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				got, err := jsondump.Dumps(val, jsondump.Indent(1))
				var dec any
				if err == nil {
					err = json.Unmarshal([]byte(got), &dec)
				}
				if err != nil || !reflect.DeepEqual(dec, want) {
					errs <- fmt.Sprintf("round %d, goroutine %d: %q, %v\nwant (encoding/json) %s", r, g, got, err, ej)
				}
			}()
		}
		close(start)
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Error(e)
		}
	}
}
