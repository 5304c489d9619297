package jsondump

// Fault injection: writers and disks that fail at every point of a large
// document, folders that vanish, hooks and Marshalers that fail or panic,
// nesting and cycles without end. errors_test.go checks each error's type
// and message once; these tests sweep the places where a fault can strike
// and check what is left behind. This file is in package jsondump, not
// jsondump_test, for DumpFile's createTemp seam (dump.go).

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
)

var errFault = errors.New("injected fault")

// errorAs returns err as a *E, failing t when it is not one.
func errorAs[E error](t *testing.T, what string, err error) E {
	t.Helper()
	var target E
	if !errors.As(err, &target) {
		t.Errorf("%s: error %T %v, want %T", what, err, err, target)
	}
	return target
}

// faultDocument returns a document of about 400 KB under Indent(2), built
// so that faults strike inside every kind of token: long strings (one of
// 85 KB, longer than Dump's 32 KiB buffer, with escapes and non-ASCII),
// numbers of each kind, deep and wide containers, and a json.RawMessage and
// a json.Marshaler, whose text is laid out again with the writer set aside.
func faultDocument() any {
	items := make([]any, 600)
	for i := range items {
		items[i] = map[string]any{
			"id": i, "name": fmt.Sprintf("item \u00e9\t%d \U0001F600", i),
			"score": float64(i) / 3, "big": new(big.Int).Lsh(big.NewInt(int64(i+1)), 70),
			"tags": []string{"a", "\"b\""}, "ok": i%2 == 0, "none": nil,
			"n": json.Number("1E5"),
		}
	}
	var raw bytes.Buffer
	raw.WriteString(`{"z": [`)
	for i := range 1000 {
		if i > 0 {
			raw.WriteString(", ")
		}
		fmt.Fprintf(&raw, `{"k%d": %d.50, "s": "\u00e9\ud83d\ude00"}`, i, i)
	}
	raw.WriteString(`], "a": 1}`)
	long := strings.Repeat("x\u2028\"\\é", 5000)
	return map[string]any{
		"items": items,
		"long":  long,
		"raw":   json.RawMessage(raw.Bytes()),
		"mar":   textJSON(raw.String()),
		"deep":  nestedAny(300),
		"nums":  []any{int8(-1), uint64(math.MaxUint64), float32(0.1), math.Inf(1), -0.0, 1e16},
	}
}

// textJSON is a json.Marshaler that returns its text.
type textJSON string

func (t textJSON) MarshalJSON() ([]byte, error) { return []byte(t), nil }

// nestedAny returns n levels of alternating []any and map[string]any.
func nestedAny(n int) any {
	var x any = "leaf"
	for i := range n {
		if i%2 == 0 {
			x = []any{x, i}
		} else {
			x = map[string]any{"k": x, "i": i}
		}
	}
	return x
}

// A faultWriter accepts limit bytes, then fails in the manner of kind, and
// records whether it was called again after it had failed.
type faultWriter struct {
	buf        bytes.Buffer
	limit      int
	kind       string // "error", "short", "whole" (all of p or nothing), "negative", "over"
	failed     bool
	afterFault int // calls after the first failure
}

func (w *faultWriter) Write(p []byte) (int, error) {
	if w.failed {
		w.afterFault++
	}
	room := w.limit - w.buf.Len()
	if len(p) <= room {
		return w.buf.Write(p)
	}
	w.failed = true
	switch w.kind {
	case "error": // as a full disk: what fits, then ENOSPC
		w.buf.Write(p[:room])
		return room, &fs.PathError{Op: "write", Path: "out.json", Err: syscall.ENOSPC}
	case "short": // a short count and no error: io.ErrShortWrite
		w.buf.Write(p[:room])
		return room, nil
	case "whole": // nothing of a write that does not fit
		return 0, errFault
	case "negative": // a broken writer: a negative count
		return -1, nil
	case "over": // a broken writer: more than len(p), and an error
		w.buf.Write(p[:room])
		return len(p) + 1, errFault
	}
	panic("unknown kind " + w.kind)
}

// faultLimits returns the byte counts after which the writers fail: every
// count up to 64, counts around each multiple of Dump's 32 KiB buffer, and
// a stride through the whole document; fewer under -short.
func faultLimits(size int) []int {
	small, buffers, stride := 64, size, 4001
	if testing.Short() {
		small, buffers, stride = 8, 4*32<<10, 40009
	}
	var ns []int
	for n := 0; n <= small; n++ {
		ns = append(ns, n)
	}
	for b := 32 << 10; b < min(size, buffers+1); b += 32 << 10 {
		ns = append(ns, b-1, b, b+1)
	}
	for n := 65; n < size; n += stride {
		ns = append(ns, n)
	}
	ns = append(ns, size-1)
	slices.Sort(ns)
	return slices.Compact(ns)
}

// TestFaultWriterEveryOffset makes the writer of Dump fail after each of
// several hundred byte counts, in each manner of faultWriter, and checks
// that Dump returns a *WriteError that wraps the writer's error (or
// io.ErrShortWrite), never panics, and that what reached the writer is a
// prefix of the document.
func TestFaultWriterEveryOffset(t *testing.T) {
	v := faultDocument()
	optSets := [][]Option{{Indent(2)}, {Separators(",", ":"), SortKeys(true), EnsureASCII(false)}}
	if testing.Short() {
		optSets = optSets[:1]
	}
	faults, afterFault := 0, 0
	for _, opts := range optSets {
		full, err := Dumps(v, opts...)
		if err != nil {
			t.Fatal(err)
		}
		for _, kind := range []string{"error", "short", "whole", "negative", "over"} {
			for _, limit := range faultLimits(len(full)) {
				w := &faultWriter{limit: limit, kind: kind}
				what := fmt.Sprintf("%d options, writer %q failing after %d of %d bytes", len(opts), kind, limit, len(full))
				err := Dump(w, v, opts...)
				faults++
				if kind == "over" && w.buf.Len() == len(full) {
					continue // the last write claimed too much: nothing was lost
				}
				we := errorAs[*WriteError](t, what, err)
				switch {
				case we == nil:
				case kind == "short" || kind == "negative":
					if !errors.Is(err, io.ErrShortWrite) {
						t.Errorf("%s: %v does not wrap io.ErrShortWrite", what, err)
					}
				case kind == "error":
					if !errors.Is(err, syscall.ENOSPC) {
						t.Errorf("%s: %v does not wrap ENOSPC", what, err)
					}
				default:
					if !errors.Is(err, errFault) {
						t.Errorf("%s: %v does not wrap the writer's error", what, err)
					}
				}
				if got := w.buf.String(); !strings.HasPrefix(full, got) {
					t.Errorf("%s: the %d bytes written are not a prefix of the document", what, len(got))
				} else if kind != "whole" && kind != "negative" && len(got) != limit {
					t.Errorf("%s: %d bytes written, want %d", what, len(got), limit)
				}
				if w.afterFault > 0 {
					afterFault++
				}
			}
		}
	}
	t.Logf("%d writer faults injected", faults)
	if afterFault > 0 {
		t.Logf("in %d of %d runs, Dump called Write again after the writer had failed (see TestFaultNoWriteAfterFailure)", afterFault, faults)
	}
}

// onceFailing fails one write, part-way, then accepts everything, as a
// writer with a transient fault (a write deadline, EINTR, a quota freed).
type onceFailing struct {
	buf    bytes.Buffer
	limit  int
	failed bool
	after  int // calls after the failure
}

func (w *onceFailing) Write(p []byte) (int, error) {
	if w.failed {
		w.after++
		return w.buf.Write(p)
	}
	if room := w.limit - w.buf.Len(); len(p) > room {
		w.failed = true
		w.buf.Write(p[:room])
		return room, errFault
	}
	return w.buf.Write(p)
}

// TestFaultNoWriteAfterFailure: once a Write has failed, Dump must not call
// Write again, as bufio.Writer refuses to. (It once did: the failed buffer
// stayed full, and each enclosing container's end handed it to the writer
// again, so a writer that recovered from a transient fault received the
// failed bytes a second time.)
func TestFaultNoWriteAfterFailure(t *testing.T) {
	items := make([]any, 5000)
	for i := range items {
		items[i] = []any{strings.Repeat("a", 20), i}
	}
	v := []any{[]any{items}}
	full, err := Dumps(v)
	if err != nil {
		t.Fatal(err)
	}
	for _, limit := range []int{0, 100, 32<<10 + 5, len(full) - 1} {
		w := &onceFailing{limit: limit}
		err := Dump(w, v)
		if !errors.Is(err, errFault) {
			t.Errorf("limit %d: %v, want the writer's error", limit, err)
		}
		if w.after > 0 || !strings.HasPrefix(full, w.buf.String()) {
			t.Errorf("limit %d: %d writes after the failure; what was written is a prefix of the document: %v",
				limit, w.after, strings.HasPrefix(full, w.buf.String()))
		}
	}
}

// TestFaultDiskFull writes to /dev/full, where every write fails with
// ENOSPC, as on a full disk.
func TestFaultDiskFull(t *testing.T) {
	f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full: %v", err)
	}
	defer f.Close()
	for _, v := range []any{[]any{1}, faultDocument()} {
		err := Dump(f, v)
		errorAs[*WriteError](t, "Dump to /dev/full", err)
		if !errors.Is(err, syscall.ENOSPC) {
			t.Errorf("Dump to /dev/full: %v, want ENOSPC", err)
		}
	}
}

// faultFile wraps DumpFile's temporary file to fail as a full disk does:
// in a write past limit bytes, or in Chmod, Sync or Close (where a full
// disk shows on file systems that allocate late: ext4's delalloc, XFS, NFS).
type faultFile struct {
	*os.File
	limit   int
	written int
	failAt  string // "write", "chmod", "sync", "close"
}

func (f *faultFile) Write(p []byte) (int, error) {
	if f.failAt == "write" && f.written+len(p) > f.limit {
		n, _ := f.File.Write(p[:f.limit-f.written])
		f.written += n
		return n, &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	n, err := f.File.Write(p)
	f.written += n
	return n, err
}

func (f *faultFile) Chmod(mode os.FileMode) error {
	if f.failAt == "chmod" {
		return &fs.PathError{Op: "chmod", Path: f.Name(), Err: syscall.EPERM}
	}
	return f.File.Chmod(mode)
}

func (f *faultFile) Sync() error {
	if f.failAt == "sync" {
		return &fs.PathError{Op: "sync", Path: f.Name(), Err: syscall.ENOSPC}
	}
	return f.File.Sync()
}

func (f *faultFile) Close() error {
	err := f.File.Close()
	if f.failAt == "close" {
		return &fs.PathError{Op: "close", Path: f.Name(), Err: syscall.ENOSPC}
	}
	return err
}

// withCreateTemp replaces DumpFile's createTemp for the test.
func withCreateTemp(t *testing.T, wrap func(*os.File) tempFile) {
	saved := createTemp
	t.Cleanup(func() { createTemp = saved })
	createTemp = func(dir, prefix string, perm os.FileMode) (tempFile, error) {
		f, err := openTemp(dir, prefix, perm)
		if err != nil {
			return nil, err
		}
		return wrap(f), nil
	}
}

// checkFolder checks that dir holds exactly the file old.json with the
// content old: no temporary file is left, and the target is untouched.
func checkFolder(t *testing.T, what, dir, old string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if len(names) != 1 || names[0] != "old.json" {
		t.Errorf("%s: the folder holds %q, want only old.json", what, names)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "old.json")); err != nil || string(b) != old {
		t.Errorf("%s: old.json changed (%d bytes, %v)", what, len(b), err)
	}
}

// TestFaultDumpFileDiskFull fails DumpFile's disk in each call it makes,
// and a write after each of many byte counts: the error comes back (a
// *WriteError for a write), the old file is intact and no temporary file
// is left.
func TestFaultDumpFileDiskFull(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "old.json")
	const old = `{"old": true}`
	if err := os.WriteFile(path, []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	v := faultDocument()
	full, err := Dumps(v)
	if err != nil {
		t.Fatal(err)
	}
	limits := []int{0, 1, 32<<10 - 1, 32 << 10, 32<<10 + 1, len(full) / 2, len(full) - 1}
	if !testing.Short() {
		for n := 1000; n < len(full); n += 49999 {
			limits = append(limits, n)
		}
	}
	faults := 0
	for _, failAt := range []string{"write", "chmod", "sync", "close"} {
		for i, limit := range limits {
			if failAt != "write" && i > 0 {
				break
			}
			faults++
			withCreateTemp(t, func(f *os.File) tempFile { return &faultFile{File: f, limit: limit, failAt: failAt} })
			what := fmt.Sprintf("DumpFile failing in %s (limit %d)", failAt, limit)
			err := DumpFile(path, v)
			if err == nil {
				t.Errorf("%s: no error", what)
			} else if failAt == "write" {
				errorAs[*WriteError](t, what, err)
			}
			if want := map[string]error{"chmod": syscall.EPERM}[failAt]; want == nil && !errors.Is(err, syscall.ENOSPC) ||
				want != nil && !errors.Is(err, want) {
				t.Errorf("%s: %v does not wrap the injected error", what, err)
			}
			checkFolder(t, what, dir, old)
		}
	}
	t.Logf("%d disk faults injected", faults)
	// With the seam in place and no fault, DumpFile works.
	withCreateTemp(t, func(f *os.File) tempFile { return &faultFile{File: f, failAt: "none"} })
	if err := DumpFile(path, v); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != full {
		t.Errorf("DumpFile through the seam wrote %d bytes, want %d", len(b), len(full))
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("DumpFile changed the mode of the old file to %v", fi.Mode().Perm())
	}
}

// hookAt is a Default hook that runs fn when it is called for the value
// celsius(n), and returns a float otherwise. celsius is a complex type so
// that it has no JSON form on any path (reflection writes named floats).
type celsius complex128

func hookAt(fn func(any) (any, error)) Option {
	return Default(func(v any) (any, error) {
		if c, ok := v.(celsius); ok && real(c) < 0 {
			return fn(v)
		}
		return real(v.(celsius)), nil
	})
}

// withUnknown returns faultDocument with an item celsius(-1) (the hook's
// trigger) inserted at index i of its "items".
func withUnknown(i int) any {
	v := faultDocument().(map[string]any)
	items := slices.Clone(v["items"].([]any))
	v["items"] = slices.Insert(items, i, any(celsius(-1)))
	return v
}

// TestFaultDumpFileFolderVanishes removes DumpFile's folder before it
// starts and, from a Default hook, in the middle of its write.
func TestFaultDumpFileFolderVanishes(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "out")
	// Before: the folder is gone.
	err := DumpFile(filepath.Join(dir, "x.json"), []any{1})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("DumpFile into a missing folder: %v, want fs.ErrNotExist", err)
	}
	// During: a Default hook removes the folder, with the temporary file in
	// it, and returns a value; the writing goes on into the unlinked file,
	// and the rename at the end fails.
	for _, at := range []int{0, 300, 600} {
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		err := DumpFile(filepath.Join(dir, "x.json"), withUnknown(at), hookAt(func(any) (any, error) {
			return 1, os.RemoveAll(dir)
		}))
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("DumpFile whose folder vanished at item %d: %v, want fs.ErrNotExist", at, err)
		}
		if ents, _ := os.ReadDir(base); len(ents) != 0 {
			t.Errorf("folder removed at item %d: %d entries left beside it", at, len(ents))
		}
	}
	// During: the hook moves the folder away, temporary file and all.
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	moved := filepath.Join(base, "moved")
	err = DumpFile(filepath.Join(dir, "x.json"), withUnknown(300), hookAt(func(any) (any, error) {
		return 1, os.Rename(dir, moved)
	}))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("DumpFile whose folder was moved away: %v, want fs.ErrNotExist", err)
	}
	if ents, _ := os.ReadDir(moved); len(ents) != 0 {
		t.Logf("DumpFile whose folder was moved away left %s in the moved folder (it removes its temporary file by name)", ents[0].Name())
	}
}

// panicking is a json.Marshaler, encoding.TextMarshaler or Default
// trigger that panics with its value.
type panicJSON struct{ v any }

func (p panicJSON) MarshalJSON() ([]byte, error) { panic(p.v) }

type panicText struct{ v any }

func (p panicText) MarshalText() ([]byte, error) { panic(p.v) }

// TestFaultPanicsPropagate panics in a Default hook, a MarshalJSON and a
// MarshalText, at the start, the middle and the end of a large document,
// through each entry point: the panic reaches the caller with its value;
// DumpFile leaves the old file as it was, or no file where there was none,
// and no temporary file; and the pooled Encoders work correctly afterwards,
// with no cycle-check entry, depth or buffer left over from the panic.
func TestFaultPanicsPropagate(t *testing.T) {
	dir := t.TempDir()
	oldPath := filepath.Join(dir, "old.json")
	const old = "[1]"
	if err := os.WriteFile(oldPath, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	newPath := filepath.Join(dir, "new.json")
	runtimeErr := func() (r any) {
		defer func() { r = recover() }()
		var m map[string]int
		m["x"] = 1 // assignment to a nil map
		return nil
	}()
	values := []any{"text", errFault, runtimeErr}
	ats, hows := []int{0, 300, 600}, []string{"hook", "MarshalJSON", "MarshalText"}
	if testing.Short() {
		values, ats, hows = []any{errFault}, []int{300}, []string{"hook", "MarshalText"}
	}
	entries := map[string]func(v any, opts ...Option) error{
		"Dumps":       func(v any, opts ...Option) error { _, err := Dumps(v, opts...); return err },
		"AppendDumps": func(v any, opts ...Option) error { _, err := AppendDumps(nil, v, opts...); return err },
		"Dump":        func(v any, opts ...Option) error { return Dump(io.Discard, v, opts...) },
		"DumpFile old": func(v any, opts ...Option) error {
			return DumpFile(oldPath, v, opts...)
		},
		"DumpFile new": func(v any, opts ...Option) error { return DumpFile(newPath, v, opts...) },
	}
	// The values that a panic leaves half-encoded must come out right
	// afterwards, under the same options: a cycle-check entry left in a
	// pooled Encoder would make them "circular".
	doc := faultDocument()
	wantDoc := map[int]string{}
	optSets := [][]Option{{Indent(2)}, {SortKeys(true), CheckCircular(true)}}
	for i, opts := range optSets {
		s, err := Dumps(doc, opts...)
		if err != nil {
			t.Fatal(err)
		}
		wantDoc[i] = s
	}
	panics := 0
	for name, entry := range entries {
		for _, pv := range values {
			for _, at := range ats {
				for _, how := range hows {
					for oi, opts := range optSets {
						v := doc.(map[string]any)
						items := v["items"].([]any)
						var bad any
						switch how {
						case "hook":
							bad = celsius(-1)
							opts = append(slices.Clone(opts), hookAt(func(any) (any, error) { panic(pv) }))
						case "MarshalJSON":
							bad = panicJSON{pv}
						case "MarshalText":
							bad = panicText{pv}
						}
						// The bad item is placed inside the shared items, so
						// that the panic strikes inside containers that the
						// next call meets again.
						deep := []any{map[string]any{"x": []any{bad}}}
						saved := items[at%len(items)]
						items[at%len(items)] = map[string]any{"bad": deep, "was": saved}
						what := fmt.Sprintf("%s, %s panicking with %T at item %d, options %d", name, how, pv, at, oi)
						func() {
							defer func() {
								items[at%len(items)] = saved
								if r := recover(); r != pv {
									t.Errorf("%s: recovered %v, want %v", what, r, pv)
								}
							}()
							panics++
							entry(doc, opts...)
							t.Errorf("%s: returned", what)
						}()
						checkFolder(t, what, dir, old)
						if got, err := Dumps(doc, optSets[oi]...); err != nil || got != wantDoc[oi] {
							t.Fatalf("%s: Dumps afterwards: %v, output equal %v", what, err, got == wantDoc[oi])
						}
					}
				}
			}
		}
	}
	t.Logf("%d panics injected", panics)
}

// TestFaultErrorEveryItem makes each kind of failing value (a Default hook's
// error, a failing MarshalJSON, MarshalJSON text that is not JSON, a failing
// MarshalText, NaN under AllowNaN(false), an unknown type) fail at several
// places in a streamed document: the error is the expected one, and what
// reached the writer agrees with the document up to the failing item.
func TestFaultErrorEveryItem(t *testing.T) {
	type failing struct {
		name  string
		value any
		opts  []Option
		check func(error) bool
	}
	var te *TypeError
	var ve *ValueError
	var me *MarshalerError
	cases := []failing{
		{"hook error", celsius(-1), []Option{hookAt(func(any) (any, error) { return nil, errFault })},
			func(err error) bool { return err == errFault }},
		{"MarshalJSON error", failingJSON{}, nil, func(err error) bool { return errors.As(err, &me) && errors.Is(err, errFault) }},
		{"MarshalJSON not JSON", textJSON(`{"a": [1, 2}`), nil, func(err error) bool { return errors.As(err, &me) }},
		{"MarshalText error", failingText{}, nil, func(err error) bool { return errors.As(err, &me) && errors.Is(err, errFault) }},
		{"NaN", math.NaN(), []Option{AllowNaN(false)}, func(err error) bool { return errors.As(err, &ve) }},
		{"unknown type", celsius(-1), nil, func(err error) bool { return errors.As(err, &te) }},
	}
	ats := []int{0, 1, 100, 300, 599, 600}
	if testing.Short() {
		ats = []int{0, 300, 600}
	}
	for _, c := range cases {
		for _, at := range ats {
			for _, indent := range []Option{Indent(2), Separators(",", ":")} {
				opts := append([]Option{indent}, c.opts...)
				what := fmt.Sprintf("%s at item %d", c.name, at)
				// The same document with a marker where the failing value is.
				good := insertItem(at, "MARKER")
				want, err := Dumps(good, indent)
				if err != nil {
					t.Fatal(err)
				}
				mark := strings.Index(want, `"MARKER"`)
				var w bytes.Buffer
				err = Dump(&w, insertItem(at, c.value), opts...)
				if !c.check(err) {
					t.Errorf("%s: error %T %v", what, err, err)
				}
				got := w.Bytes()
				if n := min(len(got), mark); string(got[:n]) != want[:n] {
					t.Errorf("%s: the %d bytes written differ from the document before the failing item", what, len(got))
				}
			}
		}
	}
}

type failingJSON struct{}

func (failingJSON) MarshalJSON() ([]byte, error) { return nil, errFault }

type failingText struct{}

func (failingText) MarshalText() ([]byte, error) { return nil, errFault }

// insertItem returns faultDocument with x inserted at index i of "items".
func insertItem(i int, x any) any {
	v := faultDocument().(map[string]any)
	v["items"] = slices.Insert(slices.Clone(v["items"].([]any)), i, x)
	return v
}

// TestFaultMillionDeep nests a million levels in each form the depth limit
// must stop without using the stack for them: []any, map[string]any and
// both alternating; JSON text in a json.RawMessage and from a Marshaler;
// through Dumps, AppendDumps, Dump and DumpFile, which leaves no file. Each
// is a RecursionError. Building the million maps takes about 300 MB, so
// under -short they are 100000 deep, as the alternating chain always is
// (errors_test.go has a million []any under -short too).
func TestFaultMillionDeep(t *testing.T) {
	n := 1_000_000
	if testing.Short() {
		n = 100_000
	}
	var list, dict, mixed any = 0, 0, 0
	for i := range n {
		list = []any{list}
		dict = map[string]any{"k": dict}
		if i >= 100_000 {
			continue
		}
		if i%2 == 0 {
			mixed = []any{mixed}
		} else {
			mixed = map[string]any{"": mixed}
		}
	}
	text := strings.Repeat("[", 1_000_000) + strings.Repeat("]", 1_000_000)
	objText := strings.Repeat(`{"a":`, 1_000_000) + "1" + strings.Repeat("}", 1_000_000)
	dir := t.TempDir()
	values := map[string]any{
		"[]any": list, "map[string]any": dict, "mixed": mixed,
		"RawMessage": json.RawMessage(text), "Marshaler": textJSON(objText),
		"RawMessage in a list": []any{json.RawMessage(text)},
	}
	for name, v := range values {
		// No indent: 10000 indented levels are 100 MB of output before the
		// error, quadratic in the depth by nature (Python's too).
		for _, opts := range [][]Option{nil, {SortKeys(true), EnsureASCII(false)}, {CheckCircular(false)}} {
			_, err1 := Dumps(v, opts...)
			_, err2 := AppendDumps(nil, v, opts...)
			err3 := Dump(io.Discard, v, opts...)
			err4 := DumpFile(filepath.Join(dir, "deep.json"), v, opts...)
			for i, err := range []error{err1, err2, err3, err4} {
				errorAs[*RecursionError](t, fmt.Sprintf("%s, entry %d, %d options", name, i, len(opts)), err)
			}
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("DumpFile of too-deep values left %d files", len(ents))
	}
	runtime.KeepAlive(values)
}

// TestFaultCycles encodes cycles of several shapes through every entry
// point, with the cycle check on (ValueError "Circular reference
// detected") and off (RecursionError at MaxDepth, default or lower): never
// a crash, and DumpFile leaves nothing behind.
func TestFaultCycles(t *testing.T) {
	self := []any{1, nil}
	self[1] = self
	selfMap := map[string]any{"a": 1}
	selfMap["b"] = selfMap
	// list -> map -> list
	l := []any{nil}
	m := map[string]any{"l": l}
	l[0] = m
	// a ring of 1000 containers, entered after a long acyclic prefix
	ring := []any{nil}
	cur := ring
	for i := range 999 {
		if i%2 == 0 {
			next := map[string]any{}
			cur[0] = next
			nn := []any{nil}
			next["n"] = nn
			cur = nn
		} else {
			next := []any{nil}
			cur[0] = next
			cur = next
		}
	}
	cur[0] = ring
	prefix := any(ring)
	for range 500 {
		prefix = []any{"p", prefix}
	}
	// a Default hook that returns a cyclic value
	viaHook := []any{celsius(-1)}
	hook := hookAt(func(any) (any, error) { return self, nil })
	cases := map[string]struct {
		v    any
		opts []Option
	}{
		"[]any itself":           {self, nil},
		"map itself":             {selfMap, nil},
		"list -> map -> list":    {l, nil},
		"ring of 1000 after 500": {prefix, nil},
		"from a hook":            {viaHook, []Option{hook}},
		"in a map beside others": {map[string]any{"a": []any{1, 2}, "b": selfMap, "c": "x"}, []Option{SortKeys(true)}},
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "old.json")
	const old = "null"
	os.WriteFile(path, []byte(old), 0o644)
	for name, c := range cases {
		for _, check := range []bool{true, false} {
			// MaxDepth(3000) leaves room for the ring to close (1500 levels).
			for di, depth := range []Option{MaxDepth(0), MaxDepth(3000)} {
				// No indent: 10000 indented levels are 50 MB of output.
				opts := append([]Option{CheckCircular(check), depth, Separators(",", ":")}, c.opts...)
				_, err1 := Dumps(c.v, opts...)
				_, err2 := AppendDumps(nil, c.v, opts...)
				err3 := Dump(io.Discard, c.v, opts...)
				err4 := DumpFile(path, c.v, opts...)
				for i, err := range []error{err1, err2, err3, err4} {
					what := fmt.Sprintf("%s, check %v, entry %d", name, check, i)
					if check && di == 0 && name == "ring of 1000 after 500" {
						// The default limit is CPython's, 1000 levels: the
						// ring closes past it, as Python's recursion limit.
						errorAs[*RecursionError](t, what, err)
					} else if check {
						if ve := errorAs[*ValueError](t, what, err); ve != nil && err.Error() != "Circular reference detected" {
							t.Errorf("%s: %q", what, err)
						}
					} else {
						errorAs[*RecursionError](t, what, err)
					}
				}
				checkFolder(t, name, dir, old)
			}
		}
	}
}

// TestFaultHugeMaxDepth checks that the largest MaxDepth still turns a cycle
// under CheckCircular(false) into a RecursionError, not a stack overflow
// that kills the process.
func TestFaultHugeMaxDepth(t *testing.T) {
	if testing.Short() {
		t.Skip("a million levels")
	}
	cyc := []any{nil}
	cyc[0] = cyc
	_, err := Dumps(cyc, CheckCircular(false), MaxDepth(math.MaxInt))
	var re *RecursionError
	if !errors.As(err, &re) {
		t.Fatalf("Dumps of a cycle, CheckCircular(false), MaxDepth(MaxInt): %v, want a RecursionError", err)
	}
}
