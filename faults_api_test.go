//go:build linux

package jsondump_test

// Red-team review of faults, options and the API surface: DumpFile on odd
// paths, writers that misbehave, Marshalers and Default hooks that fail,
// panic or never end, deep and cyclic data, option order, and the error
// types. Expected outputs come from python3 (internal/pyoracle).
//
// Identifiers in this file start with rfx (helpers) or TestRedteamFaults
// (tests), so that they never clash with the package's other test files.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/jsondump/jsondump"
	"github.com/jsondump/jsondump/internal/pyoracle"
	jsondumprt "github.com/jsondump/jsondump/runtime"
)

// ---------------------------------------------------------------------------
// Helpers.

var rfxBoom = errors.New("boom")

// rfxUnknown is a type the dynamic path does not know: Python's unknown object.
// It is a complex number, so that no path writes it (the reflective path
// writes structs); n is its number.
type rfxUnknown complex128

func unknownN(n int) rfxUnknown { return rfxUnknown(complex(float64(n), 0)) }

func (u rfxUnknown) n() int { return int(real(u)) }

// rfxFailJSON is a json.Marshaler that fails.
type rfxFailJSON struct{}

func (rfxFailJSON) MarshalJSON() ([]byte, error) { return nil, rfxBoom }

// rfxFailText is an encoding.TextMarshaler that fails.
type rfxFailText struct{}

func (rfxFailText) MarshalText() ([]byte, error) { return nil, rfxBoom }

// rfxPanicJSON is a json.Marshaler that panics with its value.
type rfxPanicJSON struct{ v any }

func (p rfxPanicJSON) MarshalJSON() ([]byte, error) { panic(p.v) }

// rfxTextJSON is a json.Marshaler returning its own text.
type rfxTextJSON string

func (t rfxTextJSON) MarshalJSON() ([]byte, error) { return []byte(t), nil }

// rfxDumpsJSON is a json.Marshaler that encodes its value with jsondump,
// so that jsondump's own errors come back through a MarshalerError.
type rfxDumpsJSON struct{ v any }

func (d rfxDumpsJSON) MarshalJSON() ([]byte, error) {
	s, err := jsondump.Dumps(d.v)
	return []byte(s), err
}

// rfxNode is written by hand the way jsondumpgen writes a type: one
// JSONDumpEncode method with a value receiver it never reads, which writes a
// *rfxNode (null for nil, tracked for CheckCircular) or an rfxNode. Its keys
// are in sorted order, so SortKeys needs no second order.
type rfxNode struct {
	Kids []any
	Name string
	Next *rfxNode
}

func (rfxNode) JSONDumpEncode(e *jsondumprt.Encoder, x any) bool {
	switch p := x.(type) {
	case *rfxNode:
		e.Claim()
		rfxEncodeNodePtr(e, p)
	case rfxNode:
		e.Claim()
		rfxEncodeNode(e, &p)
	default:
		return false
	}
	return true
}

func rfxEncodeNodePtr(e *jsondumprt.Encoder, v *rfxNode) {
	if v == nil {
		e.Null()
		return
	}
	if jsondumprt.EnterPointer(e, v) {
		rfxEncodeNode(e, v)
		e.Leave()
	}
}

var (
	rfxKeyKids = jsondumprt.NewFieldKey(`"kids"`, `"kids"`)
	rfxKeyName = jsondumprt.NewFieldKey(`"name"`, `"name"`)
	rfxKeyNext = jsondumprt.NewFieldKey(`"next"`, `"next"`)
)

func rfxEncodeNode(e *jsondumprt.Encoder, v *rfxNode) {
	if e.BeginObject() {
		e.Member(&rfxKeyKids)
		e.Any(v.Kids)
		e.Member(&rfxKeyName)
		e.String(v.Name)
		e.Member(&rfxKeyNext)
		rfxEncodeNodePtr(e, v.Next)
		e.EndObject()
	}
}

// rfxValueOnly is Encodable through a value receiver that reads its receiver
// (hand-written, the way a user might): calling it through a nil
// *rfxValueOnly panics in Go's wrapper, and must still be null, not a panic.
type rfxValueOnly struct{ N int }

func (v rfxValueOnly) JSONDumpEncode(e *jsondumprt.Encoder, x any) bool {
	e.Claim()
	e.Int(int64(v.N))
	return true
}

// rfxWriter misbehaves in the manner of kind once it has accepted limit bytes.
type rfxWriter struct {
	buf   bytes.Buffer
	limit int
	kind  string // "error", "short", "zero", "over", "panic"
}

func (w *rfxWriter) Write(p []byte) (int, error) {
	room := w.limit - w.buf.Len()
	if len(p) <= room {
		return w.buf.Write(p)
	}
	switch w.kind {
	case "error":
		w.buf.Write(p[:room])
		return room, rfxBoom
	case "short":
		w.buf.Write(p[:room])
		return room, nil
	case "zero":
		return 0, nil
	case "over":
		w.buf.Write(p)
		return len(p) + 7, nil
	case "panic":
		panic("writer panic")
	}
	panic("unknown kind " + w.kind)
}

// rfxBigDocument returns a document whose text is well past Dump's 32 KiB
// buffer, with x in the middle (after more than one flush).
func rfxBigDocument(x any) any {
	items := make([]any, 0, 2001)
	for i := range 1000 {
		items = append(items, map[string]any{"i": i, "s": strings.Repeat("é", 40)})
	}
	items = append(items, x)
	for i := range 1000 {
		items = append(items, []any{i, "tail"})
	}
	return items
}

// rfxNested returns n levels of []any (even levels) and map[string]any
// (odd levels) around "leaf".
func rfxNested(n int) any {
	var x any = "leaf"
	for i := range n {
		if i%2 == 0 {
			x = []any{x}
		} else {
			x = map[string]any{"k": x}
		}
	}
	return x
}

func rfxAs[E error](t *testing.T, what string, err error) E {
	t.Helper()
	var target E
	if !errors.As(err, &target) {
		t.Errorf("%s: error %T %q, want %T", what, err, err, target)
	}
	return target
}

func rfxDirNames(t *testing.T, dir string) []string {
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

// rfxAllEntryPoints encodes v with Dumps, AppendDumps and Dump and checks
// that the three agree; it returns Dumps's result.
func rfxAllEntryPoints(t *testing.T, what string, v any, opts ...jsondump.Option) (string, error) {
	t.Helper()
	s, err := jsondump.Dumps(v, opts...)
	b, err2 := jsondump.AppendDumps([]byte("pre"), v, opts...)
	var w bytes.Buffer
	err3 := jsondump.Dump(&w, v, opts...)
	if (err == nil) != (err2 == nil) || (err == nil) != (err3 == nil) {
		t.Errorf("%s: Dumps %v, AppendDumps %v, Dump %v", what, err, err2, err3)
	}
	if err == nil && (string(b) != "pre"+s || w.String() != s) {
		t.Errorf("%s: Dumps %q, AppendDumps %q, Dump %q", what, s, b, w.String())
	}
	return s, err
}

// ---------------------------------------------------------------------------
// DumpFile.

// TestRedteamFaultsDumpFileExisting: an existing file keeps its mode; a
// failure or a panic half-way (after several flushes) leaves the old bytes
// and mode and no temporary file; odd paths are errors that create nothing.
func TestRedteamFaultsDumpFileExisting(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := jsondump.DumpFile(path, []any{1, "x"}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != `[1, "x"]` {
		t.Errorf("DumpFile wrote %q", b)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("existing 0600 file has mode %v after DumpFile, want kept (dump.go: an existing file keeps its mode)", fi.Mode())
	}

	// A hook error half-way through a document of several flushes.
	hookErr := errors.New("hook failed late")
	err := jsondump.DumpFile(path, rfxBigDocument(rfxUnknown(0)), jsondump.Indent(2),
		jsondump.Default(func(any) (any, error) { return nil, hookErr }))
	if err != hookErr {
		t.Errorf("DumpFile with a failing hook: %v, want the hook's error unchanged", err)
	}
	// A Marshaler error half-way.
	err = jsondump.DumpFile(path, rfxBigDocument(rfxFailJSON{}))
	if !errors.Is(err, rfxBoom) {
		t.Errorf("DumpFile with a failing Marshaler: %v, want it to wrap the Marshaler's error", err)
	}
	rfxAs[*jsondump.MarshalerError](t, "DumpFile with a failing Marshaler", err)
	// A value error half-way (NaN under AllowNaN(false)).
	err = jsondump.DumpFile(path, rfxBigDocument([]any{1.5, 0.0 / func() float64 { return 0 }()}), jsondump.AllowNaN(false))
	rfxAs[*jsondump.ValueError](t, "DumpFile of NaN under AllowNaN(false)", err)
	// A panic half-way propagates.
	func() {
		defer func() {
			if r := recover(); r != "late panic" {
				t.Errorf("recovered %v, want the Marshaler's panic", r)
			}
		}()
		jsondump.DumpFile(path, rfxBigDocument(rfxPanicJSON{"late panic"}))
		t.Error("DumpFile returned after a panic")
	}()
	if b, _ := os.ReadFile(path); string(b) != `[1, "x"]` {
		t.Errorf("old file changed by failed DumpFiles: %.40q", b)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("old file's mode changed by failed DumpFiles: %v", fi.Mode())
	}
	if names := rfxDirNames(t, dir); len(names) != 1 {
		t.Errorf("folder holds %v after failed DumpFiles, want only out.json", names)
	}

	// A folder, a device, a missing folder, a file as a folder: errors, and nothing created.
	if err := jsondump.DumpFile(dir, 1); err == nil {
		t.Error("DumpFile onto a folder: no error")
	}
	if err := jsondump.DumpFile(dir+string(filepath.Separator), 1); err == nil {
		t.Error("DumpFile onto a folder with a trailing separator: no error")
	}
	if fi, err := os.Stat("/dev/null"); err == nil && fi.Mode()&os.ModeDevice != 0 {
		if err := jsondump.DumpFile("/dev/null", 1); err == nil {
			t.Error("DumpFile onto /dev/null: no error (it would have been replaced by a regular file)")
		}
		if fi2, err := os.Stat("/dev/null"); err != nil || fi2.Mode()&os.ModeDevice == 0 {
			t.Fatalf("/dev/null is no longer a device after DumpFile: %v %v", fi2, err)
		}
	}
	if err := jsondump.DumpFile(filepath.Join(dir, "missing", "x.json"), 1); err == nil {
		t.Error("DumpFile into a missing folder: no error")
	}
	if err := jsondump.DumpFile(filepath.Join(path, "x.json"), 1); err == nil {
		t.Error("DumpFile below a regular file: no error")
	}
	if names := rfxDirNames(t, dir); len(names) != 1 {
		t.Errorf("folder holds %v after DumpFiles onto odd paths", names)
	}

	// The empty path is an error and leaves nothing in the current folder.
	t.Chdir(dir)
	if err := jsondump.DumpFile("", []any{1}); err == nil {
		t.Error(`DumpFile(""): no error`)
	}
	if names := rfxDirNames(t, dir); len(names) != 1 {
		t.Errorf(`folder holds %v after DumpFile("")`, names)
	}
}

// TestRedteamFaultsDumpFileUmask: dump.go documents "A new file gets mode
// 0644 less the umask": under umask 027 it is 0640, as os.WriteFile and
// Python's open(path, "w") make it (a chmod to 0644 would ignore the umask).
func TestRedteamFaultsDumpFileUmask(t *testing.T) {
	dir := t.TempDir()
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	path := filepath.Join(dir, "new.json")
	if err := jsondump.DumpFile(path, []any{1}); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fi.Mode().Perm(), os.FileMode(0o644&^0o027); got != want {
		t.Errorf("new file under umask 027 has mode %v, want %v (documented: 0644 less the umask; os.WriteFile and Python's open(path, 'w') give %v)", got, want, want)
	}
}

// TestRedteamFaultsDumpFileLongName: a file name of 255 bytes is valid on
// Linux (NAME_MAX), and Python's open(path, "w") writes it; DumpFile's
// temporary file, named after it, must stay within NAME_MAX too.
func TestRedteamFaultsDumpFileLongName(t *testing.T) {
	dir := t.TempDir()
	base := strings.Repeat("n", 250) + ".json" // 255 bytes
	path := filepath.Join(dir, base)
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Skipf("the file system does not take a 255-byte name: %v", err)
	}
	if err := jsondump.DumpFile(path, []any{1}); err != nil {
		t.Errorf("DumpFile onto a valid 255-byte file name: %v (os.WriteFile writes it; the temporary name is too long)", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "[1]" {
		t.Errorf("file holds %q, want [1]", b)
	}
	if names := rfxDirNames(t, dir); len(names) != 1 {
		t.Errorf("folder holds %d entries, want 1", len(names))
	}
}

// TestRedteamFaultsDumpFileLinks: DumpFile onto a symbolic link replaces the
// link's target and keeps the link, as Python's open(path, "w") writes
// through it; a dangling link's target is created; a loop is an error.
func TestRedteamFaultsDumpFileLinks(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.json")
	link := filepath.Join(dir, "link.json")
	if err := os.WriteFile(target, []byte("T"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	if err := jsondump.DumpFile(link, 1); err != nil {
		t.Fatalf("DumpFile onto a symbolic link: %v", err)
	}
	li, _ := os.Lstat(link)
	tb, _ := os.ReadFile(target)
	if li == nil || li.Mode()&os.ModeSymlink == 0 {
		t.Errorf("DumpFile replaced the symbolic link itself; want the link kept and its target replaced")
	}
	if string(tb) != "1" {
		t.Errorf("the link's target holds %q, want 1", tb)
	}
	if ti, err := os.Stat(target); err != nil || ti.Mode().Perm() != 0o640 {
		t.Errorf("the target's mode is %v (%v), want it kept at 0640", ti.Mode(), err)
	}

	// A dangling link: its target is created, as Python's open(link, "w") does.
	dangling := filepath.Join(dir, "dangling.json")
	missing := filepath.Join(dir, "missing.json")
	if err := os.Symlink("missing.json", dangling); err != nil {
		t.Fatal(err)
	}
	if err := jsondump.DumpFile(dangling, []int{2}); err != nil {
		t.Fatalf("DumpFile onto a dangling link: %v", err)
	}
	if b, err := os.ReadFile(missing); err != nil || string(b) != "[2]" {
		t.Errorf("dangling link's target: %q, %v; want [2]", b, err)
	}
	if li, err := os.Lstat(dangling); err != nil || li.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the dangling link was not kept")
	}

	// A relative target with ".." below a folder that is itself a link: the
	// ".." is taken from where the link leads, as the system takes it.
	real := filepath.Join(dir, "real")
	if err := os.MkdirAll(filepath.Join(real, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(dir, "work")
	if err := os.MkdirAll(work, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(real, "data.json"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../real/sub", filepath.Join(work, "ld")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../data.json", filepath.Join(real, "sub", "cfg.json")); err != nil {
		t.Fatal(err)
	}
	if err := jsondump.DumpFile(filepath.Join(work, "ld", "cfg.json"), 3); err != nil {
		t.Fatalf("DumpFile through a linked folder: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(real, "data.json")); string(b) != "3" {
		t.Errorf("real/data.json holds %q after DumpFile(work/ld/cfg.json), want 3", b)
	}
	if _, err := os.Stat(filepath.Join(dir, "data.json")); err == nil {
		t.Errorf("DumpFile wrote data.json beside work/, resolving .. lexically")
	}

	// ".." in the path given, right after a linked folder: work/ld/.. is
	// real, not work. real/cfg3.json links to data3.json there; a decoy of
	// that name in work must stay as it is.
	if err := os.Symlink("data3.json", filepath.Join(real, "cfg3.json")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "data3.json"), []byte("decoy"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := jsondump.DumpFile(filepath.Join(work, "ld")+"/../cfg3.json", 4); err != nil {
		t.Fatalf("DumpFile(work/ld/../cfg3.json): %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(real, "data3.json")); string(b) != "4" {
		t.Errorf("real/data3.json holds %q after DumpFile(work/ld/../cfg3.json), want 4", b)
	}
	if b, _ := os.ReadFile(filepath.Join(work, "data3.json")); string(b) != "decoy" {
		t.Errorf("work/data3.json holds %q, want the decoy untouched", b)
	}

	// A loop of links ends in an error, not a hang.
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	os.Symlink("b.json", a)
	os.Symlink("a.json", b)
	if err := jsondump.DumpFile(a, 1); err == nil {
		t.Errorf("DumpFile onto a loop of links succeeded")
	}
}

// ---------------------------------------------------------------------------
// Writers.

// TestRedteamFaultsWriters: a failing writer is a *WriteError wrapping its
// error; a short count without an error is io.ErrShortWrite; a panicking
// writer panics through and the package stays usable; what reached the
// writer is a prefix of the document.
func TestRedteamFaultsWriters(t *testing.T) {
	v := rfxBigDocument("middle")
	full, err := jsondump.Dumps(v, jsondump.Indent(2))
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"error", "short", "zero"} {
		for _, limit := range []int{0, 1, 32<<10 - 1, 32 << 10, 40000, len(full) - 1} {
			w := &rfxWriter{limit: limit, kind: kind}
			err := jsondump.Dump(w, v, jsondump.Indent(2))
			what := fmt.Sprintf("%s writer after %d bytes", kind, limit)
			we := rfxAs[*jsondump.WriteError](t, what, err)
			switch kind {
			case "error":
				if !errors.Is(err, rfxBoom) {
					t.Errorf("%s: %v does not wrap the writer's error", what, err)
				}
			default:
				if !errors.Is(err, io.ErrShortWrite) {
					t.Errorf("%s: %v, want io.ErrShortWrite", what, err)
				}
			}
			if we != nil && we.Unwrap() == nil {
				t.Errorf("%s: WriteError wraps nothing", what)
			}
			if !strings.HasPrefix(full, w.buf.String()) {
				t.Errorf("%s: the writer got bytes that are not a prefix of the document", what)
			}
		}
	}

	// A panicking writer.
	func() {
		defer func() {
			if r := recover(); r != "writer panic" {
				t.Errorf("recovered %v, want the writer's panic", r)
			}
		}()
		jsondump.Dump(&rfxWriter{limit: 100, kind: "panic"}, v)
		t.Error("Dump returned after its writer panicked")
	}()
	var buf bytes.Buffer
	if err := jsondump.Dump(&buf, v, jsondump.Indent(2)); err != nil || buf.String() != full {
		t.Errorf("Dump after a writer's panic: %v, %d bytes, want %d", err, buf.Len(), len(full))
	}

	// A writer that reports more than len(p) without an error breaks
	// io.Writer's contract; io.Copy calls it "invalid write result", and so
	// does Dump, as a *WriteError.
	w := &rfxWriter{limit: 0, kind: "over"}
	if err := jsondump.Dump(w, v); err == nil {
		t.Errorf("a writer returning n > len(p) with a nil error was taken as success")
	} else {
		rfxAs[*jsondump.WriteError](t, "n > len(p)", err)
	}
}

// TestRedteamFaultsDumpNilWriter: Dump(nil, v) is an error (a *WriteError),
// never a silent success that loses the document. Python's json.dump(obj,
// None) raises AttributeError; encoding/json's NewEncoder(nil).Encode
// panics.
func TestRedteamFaultsDumpNilWriter(t *testing.T) {
	for _, opts := range [][]jsondump.Option{nil, {jsondump.Indent(2)}} {
		var err error
		panicked := func() (p bool) {
			defer func() { p = recover() != nil }()
			err = jsondump.Dump(nil, []any{1, "lost"}, opts...)
			return false
		}()
		if panicked || err == nil {
			t.Errorf("Dump(nil writer, [1, \"lost\"], %d options): panicked %v, error %v; want a *WriteError", len(opts), panicked, err)
			continue
		}
		rfxAs[*jsondump.WriteError](t, "Dump(nil writer)", err)
	}
}

// ---------------------------------------------------------------------------
// Marshalers and Default hooks.

// TestRedteamFaultsMarshalers: failing MarshalJSON/MarshalText are
// *MarshalerError with errors.Is reaching the method's error; jsondump's
// own TypeError coming back through a Marshaler is still found by
// errors.As; a panic propagates with its value.
func TestRedteamFaultsMarshalers(t *testing.T) {
	for _, tc := range []struct {
		v      any
		method string
		typ    string
	}{
		{rfxFailJSON{}, "MarshalJSON", "jsondump_test.rfxFailJSON"},
		{[]any{1, map[string]any{"a": rfxFailJSON{}}}, "MarshalJSON", "jsondump_test.rfxFailJSON"},
		{&rfxFailJSON{}, "MarshalJSON", "*jsondump_test.rfxFailJSON"},
		{rfxFailText{}, "MarshalText", "jsondump_test.rfxFailText"},
		{map[string]any{"t": rfxFailText{}}, "MarshalText", "jsondump_test.rfxFailText"},
	} {
		_, err := rfxAllEntryPoints(t, tc.typ, tc.v)
		me := rfxAs[*jsondump.MarshalerError](t, tc.typ, err)
		if !errors.Is(err, rfxBoom) {
			t.Errorf("%s: errors.Is does not find the method's error in %v", tc.typ, err)
		}
		if me != nil && (me.Method != tc.method || me.Type != tc.typ) {
			t.Errorf("%s: MarshalerError{Type %q, Method %q}", tc.typ, me.Type, me.Method)
		}
		if want := "jsondump: error calling " + tc.method + " for type " + tc.typ + ": boom"; err != nil && err.Error() != want {
			t.Errorf("%s: message %q, want %q", tc.typ, err, want)
		}
	}

	// jsondump's own TypeError through a Marshaler.
	_, err := jsondump.Dumps(rfxDumpsJSON{[]any{complex(1, 2)}})
	rfxAs[*jsondump.MarshalerError](t, "nested Dumps error", err)
	te := rfxAs[*jsondump.TypeError](t, "nested Dumps error", err)
	if te != nil && te.Error() != "Object of type complex128 is not JSON serializable" {
		t.Errorf("nested TypeError: %q", te)
	}

	// A nil pointer whose type has MarshalJSON on a value receiver is null,
	// as in encoding/json.
	if s, err := jsondump.Dumps([]any{(*rfxFailJSON)(nil), (*rfxFailText)(nil)}); err != nil || s != "[null, null]" {
		t.Errorf("nil Marshaler pointers: %q, %v", s, err)
	}

	// A panic, with an error value, propagates as it is.
	panicErr := errors.New("marshal panic")
	func() {
		defer func() {
			if r := recover(); r != panicErr {
				t.Errorf("recovered %v, want the Marshaler's panic value", r)
			}
		}()
		jsondump.Dumps(map[string]any{"a": []any{1, rfxPanicJSON{panicErr}}})
		t.Error("Dumps returned after a panic")
	}()
	if s, err := jsondump.Dumps(map[string]any{"a": 1}, jsondump.Indent(1)); err != nil || s != "{\n \"a\": 1\n}" {
		t.Errorf("Dumps after a panic: %q, %v", s, err)
	}
}

// TestRedteamFaultsMarshalerInvalidText: the message of a MarshalJSON text
// that is not JSON is Python's json.JSONDecodeError text, word for word.
func TestRedteamFaultsMarshalerInvalidText(t *testing.T) {
	texts := []string{"", "nul", "1 2", "[1,]", `{"a":1,}`, "01", "[", `{"a" 1}`, `"abc`,
		"[1 2]", "tru", `"\x"`, "{1:2}", `"\u12"`, "\"a\u0001\"", "-", "1.", "1e", "[1,2",
		`{"a":`, "{", "  ", "\n\n x", "[\n1,\n]", "\"\t\"", "-01", "[] x", `{"a":1 "b":2}`,
		"[-]", "NaN1", "- 1", "[1,,2]", strings.Repeat("[", 50) + "x"}
	in, _ := json.Marshal(texts)
	script := `
import json, sys
for t in json.loads(sys.stdin.read()):
    try:
        json.loads(t)
        print("OK")
    except json.JSONDecodeError as e:
        print(str(e))
`
	want := pyoracle.Lines(pyoracle.Run(t, script, in))
	if len(want) != len(texts) {
		t.Fatalf("python3 printed %d lines for %d texts", len(want), len(texts))
	}
	for i, text := range texts {
		_, err := jsondump.Dumps(rfxTextJSON(text))
		if want[i] == "OK" {
			if err != nil {
				t.Errorf("MarshalJSON text %q: %v, Python loads it", text, err)
			}
			continue
		}
		me := rfxAs[*jsondump.MarshalerError](t, fmt.Sprintf("MarshalJSON text %q", text), err)
		if me != nil && me.Err.Error() != want[i] {
			t.Errorf("MarshalJSON text %q: %q, Python: %q", text, me.Err, want[i])
		}
	}
}

// TestRedteamFaultsDefaultHook: Python's default=, including hooks that
// fail, panic, return their argument, or never end.
func TestRedteamFaultsDefaultHook(t *testing.T) {
	// An error from the hook comes back unchanged (the same value).
	hookErr := &os.PathError{Op: "hook", Path: "x", Err: rfxBoom}
	_, err := rfxAllEntryPoints(t, "hook error", []any{1, rfxUnknown(0)},
		jsondump.Default(func(any) (any, error) { return nil, hookErr }))
	if err != error(hookErr) {
		t.Errorf("hook error: %v (%T), want the hook's own error value", err, err)
	}
	// A hook returning (nil, nil) writes null, as Python's default returning None.
	if s, err := rfxAllEntryPoints(t, "hook nil", []any{rfxUnknown(0)},
		jsondump.Default(func(any) (any, error) { return nil, nil })); err != nil || s != "[null]" {
		t.Errorf("hook returning nil: %q, %v", s, err)
	}
	// A hook that returns its argument: Python's ValueError "Circular
	// reference detected" with check_circular, RecursionError without.
	same := jsondump.Default(func(v any) (any, error) { return v, nil })
	_, err = rfxAllEntryPoints(t, "hook returns its argument", rfxUnknown(0), same)
	if ve := rfxAs[*jsondump.ValueError](t, "hook returns its argument", err); ve != nil && ve.Error() != "Circular reference detected" {
		t.Errorf("hook returns its argument: %q", ve)
	}
	_, err = rfxAllEntryPoints(t, "hook returns a list of its argument", rfxUnknown(0),
		jsondump.Default(func(v any) (any, error) { return []any{"x", v}, nil }))
	rfxAs[*jsondump.ValueError](t, "hook returns a list of its argument", err)
	_, err = rfxAllEntryPoints(t, "hook returns its argument, no check", rfxUnknown(0), same, jsondump.CheckCircular(false))
	rfxAs[*jsondump.RecursionError](t, "hook returns its argument, CheckCircular(false)", err)

	// A hook that returns a new unknown object every time recurses forever in
	// Python (RecursionError); here it must end in a RecursionError too.
	forever := jsondump.Default(func(v any) (any, error) { return unknownN(v.(rfxUnknown).n() + 1), nil })
	_, err = rfxAllEntryPoints(t, "hook forever", rfxUnknown(0), forever)
	rfxAs[*jsondump.RecursionError](t, "hook forever", err)
	foreverList := jsondump.Default(func(v any) (any, error) { return []any{unknownN(v.(rfxUnknown).n() + 1)}, nil })
	_, err = rfxAllEntryPoints(t, "hook forever in lists", rfxUnknown(0), foreverList)
	rfxAs[*jsondump.RecursionError](t, "hook forever in lists", err)

	// A hook that panics: the panic propagates and nothing is broken after.
	func() {
		defer func() {
			if r := recover(); r != "hook panic" {
				t.Errorf("recovered %v, want the hook's panic", r)
			}
		}()
		jsondump.Dump(io.Discard, rfxBigDocument(rfxUnknown(0)), jsondump.Default(func(any) (any, error) { panic("hook panic") }))
		t.Error("Dump returned after the hook panicked")
	}()

	// A later Default(nil) removes the hook: Python's default=None.
	_, err = jsondump.Dumps(rfxUnknown(0), jsondump.Default(func(any) (any, error) { return 1, nil }), jsondump.Default(nil))
	if te := rfxAs[*jsondump.TypeError](t, "Default(nil) after a hook", err); te != nil &&
		te.Error() != "Object of type jsondump_test.rfxUnknown is not JSON serializable" {
		t.Errorf("Default(nil): %q", te)
	}
	// A typed nil pointer is null on the reflective path, as in
	// encoding/json, and the hook is not called; without that path
	// (-tags jsondump_noreflect) it is itself an unknown object.
	var np *rfxUnknown
	s, err := jsondump.Dumps(np)
	if reflectBuild {
		if s != "null" || err != nil {
			t.Errorf("nil *rfxUnknown: %q, %v, want null", s, err)
		}
	} else if te := rfxAs[*jsondump.TypeError](t, "nil *rfxUnknown", err); te != nil &&
		te.Error() != "Object of type *jsondump_test.rfxUnknown is not JSON serializable" {
		t.Errorf("nil *rfxUnknown: %q", te)
	}
	got := "unset"
	jsondump.Dumps(np, jsondump.Default(func(v any) (any, error) {
		got = fmt.Sprintf("%T %v", v, v == any(np))
		return nil, nil
	}))
	want := "*jsondump_test.rfxUnknown true"
	if reflectBuild {
		want = "unset"
	}
	if got != want {
		t.Errorf("the hook received %s, want %s (the typed nil pointer as the any held it, without the reflective path)", got, want)
	}
	// The hook re-entering jsondump (a nested Dumps) is fine.
	s, err = rfxAllEntryPoints(t, "re-entrant hook", []any{unknownN(3), unknownN(4)},
		jsondump.Default(func(v any) (any, error) {
			inner, err := jsondump.Dumps(map[string]any{"n": v.(rfxUnknown).n()}, jsondump.Indent(1))
			return inner, err
		}), jsondump.Indent(2))
	if want := "[\n  \"{\\n \\\"n\\\": 3\\n}\",\n  \"{\\n \\\"n\\\": 4\\n}\"\n]"; err != nil || s != want {
		t.Errorf("re-entrant hook: %q, %v, want %q", s, err, want)
	}
}

// ---------------------------------------------------------------------------
// Depth and cycles.

// TestRedteamFaultsDeep: 99,990 levels of []any, map[string]any, hand-written
// generated-style pointers and Marshaler text: a RecursionError under the
// default limit, success under MaxDepth(1<<20), which is the cap, 100,000;
// never a crash.
func TestRedteamFaultsDeep(t *testing.T) {
	const n = 99_990
	var chain *rfxNode
	for range n {
		chain = &rfxNode{Name: "x", Next: chain}
	}
	deep := map[string]any{
		"any":       rfxNested(n),
		"list":      rfxNested(1),
		"chain":     chain,
		"raw":       json.RawMessage(strings.Repeat("[", n) + strings.Repeat("]", n)),
		"marshaler": rfxTextJSON(strings.Repeat(`{"a":`, n) + "1" + strings.Repeat("}", n)),
	}
	for name, v := range deep {
		if name == "list" {
			continue
		}
		_, err := rfxAllEntryPoints(t, name, v)
		rfxAs[*jsondump.RecursionError](t, name+" 99,990 deep", err)
		if err != nil && err.Error() != "maximum recursion depth exceeded while encoding a JSON object" {
			t.Errorf("%s: message %q", name, err)
		}
		s, err := rfxAllEntryPoints(t, name, v, jsondump.MaxDepth(1<<20), jsondump.Separators(",", ":"))
		if err != nil || len(s) < 2*n {
			t.Errorf("%s %d deep under MaxDepth(1<<20): %d bytes, %v", name, n, len(s), err)
		}
	}
	// The limit counts exactly: MaxDepth(k) takes k levels, not k+1.
	for _, k := range []int{1, 2, 7, 1000} {
		v := rfxNested(k)
		if _, err := jsondump.Dumps(v, jsondump.MaxDepth(k)); err != nil {
			t.Errorf("%d levels under MaxDepth(%d): %v", k, k, err)
		}
		if k > 1 {
			if _, err := jsondump.Dumps(v, jsondump.MaxDepth(k-1)); err == nil {
				t.Errorf("%d levels under MaxDepth(%d): no error", k, k-1)
			}
		}
	}
}

// TestRedteamFaultsCycles: cycles through maps, slices, pointers and mixes
// are Python's ValueError with CheckCircular, a RecursionError without; a
// value reached twice on different paths is no cycle (Python agrees).
func TestRedteamFaultsCycles(t *testing.T) {
	m := map[string]any{"a": 1}
	m["self"] = m
	s := []any{1, nil}
	s[1] = s
	mix := map[string]any{}
	mix["l"] = []any{map[string]any{"back": mix}}
	a := &rfxNode{Name: "a"}
	b := &rfxNode{Name: "b", Next: a}
	a.Next = b
	viaAny := &rfxNode{Name: "c"}
	viaAny.Kids = []any{1, viaAny}
	sub := make([]any, 2)
	sub[0] = "x"
	sub[1] = sub[1:2] // the sub-slice holds itself
	cyclic := map[string]any{
		"map": m, "slice": s, "mix": mix, "pointers": a, "value of pointers": *a,
		"pointer via any": viaAny, "sub-slice": sub,
	}
	for name, v := range cyclic {
		_, err := rfxAllEntryPoints(t, name, v)
		if ve := rfxAs[*jsondump.ValueError](t, name, err); ve != nil && ve.Error() != "Circular reference detected" {
			t.Errorf("%s: %q", name, ve)
		}
		_, err = rfxAllEntryPoints(t, name, v, jsondump.CheckCircular(false))
		rfxAs[*jsondump.RecursionError](t, name+" under CheckCircular(false)", err)
	}
	// The largest limit still ends a runaway cycle in an error, not a stack overflow.
	_, err := jsondump.Dumps(a, jsondump.CheckCircular(false), jsondump.MaxDepth(1<<30))
	rfxAs[*jsondump.RecursionError](t, "pointer cycle under CheckCircular(false), MaxDepth(1<<30)", err)

	// Shared, not cyclic. Python: x = [1]; json.dumps([x, x, {"a": x, "b": x}])
	x := []any{1}
	shared := []any{x, x, map[string]any{"a": x, "b": x}}
	d := map[string]any{"k": "v"}
	n := &rfxNode{Name: "n"}
	shared = append(shared, d, d, n, n, &rfxNode{Name: "p", Next: n, Kids: []any{n, x[:1], x[:0]}})
	want := `[[1], [1], {"a": [1], "b": [1]}, {"k": "v"}, {"k": "v"}, ` +
		`{"kids": null, "name": "n", "next": null}, {"kids": null, "name": "n", "next": null}, ` +
		`{"kids": [{"kids": null, "name": "n", "next": null}, [1], []], "name": "p", "next": {"kids": null, "name": "n", "next": null}}]`
	if got, err := rfxAllEntryPoints(t, "shared", shared); err != nil || got != want {
		t.Errorf("shared values: %q, %v\nwant %q", got, err, want)
	}
	// A slice holding a shorter prefix of itself is no cycle: s = [1, s[:1]].
	pre := make([]any, 2)
	pre[0] = 1
	pre[1] = pre[:1]
	if got, err := rfxAllEntryPoints(t, "prefix", pre); err != nil || got != "[1, [1]]" {
		t.Errorf("s = [1, s[:1]]: %q, %v", got, err)
	}
}

// TestRedteamFaultsNilPointers: a nil *T of a type with generated-style
// methods is null, in the dynamic path and as a field; so is a nil *T whose
// T has only a value-receiver JSONDumpEncode (calling it through nil panics).
func TestRedteamFaultsNilPointers(t *testing.T) {
	var np *rfxNode
	var nv *rfxValueOnly
	for _, c := range []struct {
		name string
		v    any
		want string
	}{
		{"nil *rfxNode", np, "null"},
		{"nil *rfxValueOnly", nv, "null"},
		{"rfxValueOnly", rfxValueOnly{7}, "7"},
		{"in a list", []any{np, nv}, "[null, null]"},
		{"in a map", map[string]any{"b": np, "a": nv}, `{"a": null, "b": null}`},
		{"as a field", &rfxNode{Kids: []any{np}, Next: np}, `{"kids": [null], "name": "", "next": null}`},
	} {
		if s, err := rfxAllEntryPoints(t, c.name, c.v, jsondump.SortKeys(true)); err != nil || s != c.want {
			t.Errorf("%s: %q, %v, want %q", c.name, s, err, c.want)
		}
	}
}

// ---------------------------------------------------------------------------
// Options.

// TestRedteamFaultsOptions: options apply in order, a later one winning;
// indents and separators with control and non-ASCII characters are written
// verbatim, as Python writes them. python3 is the oracle.
func TestRedteamFaultsOptions(t *testing.T) {
	v := []any{1, map[string]any{"a": []any{}}, map[string]any{}, "é\u2028", 1.5, nil, true,
		map[string]any{"b": 1, "a": []any{2, "\x7f"}}}
	const pyValue = `[1, {"a": []}, {}, "é\u2028", 1.5, None, True, {"a": [2, "\x7f"], "b": 1}]`
	cases := []struct {
		py   string // json.dumps keyword arguments
		opts []jsondump.Option
	}{
		{"", nil},
		{"", []jsondump.Option{{}}}, // the zero Option is no option
		{"indent=0", []jsondump.Option{jsondump.Indent(0)}},
		{"indent=-1", []jsondump.Option{jsondump.Indent(-1)}},
		{"indent=''", []jsondump.Option{jsondump.IndentString("")}},
		{"indent=-3", []jsondump.Option{jsondump.Indent(2), jsondump.Indent(-3)}},
		{"indent=1", []jsondump.Option{jsondump.IndentString("\t"), jsondump.Indent(1)}},
		{"indent='\\t'", []jsondump.Option{jsondump.Indent(1), jsondump.IndentString("\t")}},
		{"indent=40", []jsondump.Option{jsondump.Indent(40)}},
		{"indent='ab'", []jsondump.Option{jsondump.IndentString("ab")}},
		{"indent=2, separators=(';', '=')", []jsondump.Option{jsondump.Separators(";", "="), jsondump.Indent(2)}},
		{"indent=2, separators=(';', '=')", []jsondump.Option{jsondump.Indent(2), jsondump.Separators(";", "=")}},
		{"indent=2, separators=(', ', ': ')", []jsondump.Option{jsondump.Separators(", ", ": "), jsondump.Indent(2)}},
		{"separators=('', '')", []jsondump.Option{jsondump.Separators("", "")}},
		{"separators=(',', ':')", []jsondump.Option{jsondump.Separators(";", "="), jsondump.Separators(",", ":")}},
		{"separators=('\\u00e9\\n', '\\x00\\x1f'), indent='\\u2028\\x7f'",
			[]jsondump.Option{jsondump.Separators("é\n", "\x00\x1f"), jsondump.IndentString("\u2028\x7f")}},
		{"separators=('\\u00e9', '\\U0001F600'), ensure_ascii=False",
			[]jsondump.Option{jsondump.Separators("é", "😀"), jsondump.EnsureASCII(false)}},
		{"ensure_ascii=True", []jsondump.Option{jsondump.EnsureASCII(false), jsondump.EnsureASCII(true)}},
		{"ensure_ascii=False", []jsondump.Option{jsondump.EnsureASCII(true), jsondump.EnsureASCII(false)}},
		{"sort_keys=False", []jsondump.Option{jsondump.SortKeys(true), jsondump.SortKeys(false)}},
		{"allow_nan=True", []jsondump.Option{jsondump.AllowNaN(false), jsondump.AllowNaN(true)}},
		{"indent=None", []jsondump.Option{jsondump.MaxDepth(2), jsondump.MaxDepth(0)}},
		{"indent=3, sort_keys=True, ensure_ascii=False, separators=('|', '->')",
			[]jsondump.Option{jsondump.SortKeys(true), jsondump.Separators("|", "->"), jsondump.EnsureASCII(false),
				jsondump.Indent(7), jsondump.Indent(3), jsondump.CheckCircular(false), jsondump.SkipKeys(true)}},
	}
	var script strings.Builder
	script.WriteString("import json\nv = " + pyValue + "\n")
	for _, c := range cases {
		script.WriteString("print(json.dumps(json.dumps(v, " + c.py + ")))\n")
	}
	want := pyoracle.Lines(pyoracle.Run(t, script.String(), nil))
	if len(want) != len(cases) {
		t.Fatalf("python3 printed %d lines for %d cases", len(want), len(cases))
	}
	for i, c := range cases {
		var w string
		if err := json.Unmarshal([]byte(want[i]), &w); err != nil {
			t.Fatal(err)
		}
		got, err := rfxAllEntryPoints(t, c.py, v, c.opts...)
		if err != nil || got != w {
			t.Errorf("json.dumps(v, %s):\n got %q (%v)\nwant %q", c.py, got, err, w)
		}
	}

	// Options that matter only for errors, in order.
	cyc := []any{1, nil}
	cyc[1] = cyc
	_, err := jsondump.Dumps(cyc, jsondump.CheckCircular(false), jsondump.CheckCircular(true))
	rfxAs[*jsondump.ValueError](t, "CheckCircular(false), CheckCircular(true)", err)
	_, err = jsondump.Dumps([]any{0.0 / func() float64 { return 0 }()}, jsondump.AllowNaN(true), jsondump.AllowNaN(false))
	rfxAs[*jsondump.ValueError](t, "AllowNaN(true), AllowNaN(false)", err)
	_, err = jsondump.Dumps(rfxNested(5), jsondump.MaxDepth(0), jsondump.MaxDepth(3))
	rfxAs[*jsondump.RecursionError](t, "MaxDepth(0), MaxDepth(3)", err)
}

// TestRedteamFaultsHugeIndent: Indent(1<<40) must not kill the process
// (Go's "fatal error: out of memory" cannot be recovered, so a service that
// takes the indent from a request would fall to one request). Python raises
// MemoryError, an ordinary exception; jsondump returns a *ValueError past
// MaxIndentBytes, also for an indentation that only deep nesting makes too
// long. Run in a child process with its address space limited.
func TestRedteamFaultsHugeIndent(t *testing.T) {
	if os.Getenv("RFX_HUGE_INDENT_CHILD") == "1" {
		lim := syscall.Rlimit{Cur: 16 << 30, Max: 16 << 30}
		if err := syscall.Setrlimit(syscall.RLIMIT_AS, &lim); err != nil {
			t.Skipf("cannot limit the address space: %v", err)
		}
		// NL(2) is 80 MiB of this indent, past the limit; NL(1) is not.
		deep := []any{[]any{1}}
		for _, c := range []struct {
			v    any
			opts []jsondump.Option
		}{
			{1, []jsondump.Option{jsondump.Indent(1 << 40)}},
			{[]any{1}, []jsondump.Option{jsondump.Indent(1 << 40)}},
			{deep, []jsondump.Option{jsondump.IndentString(strings.Repeat(" ", 40<<20))}},
		} {
			s, err := jsondump.Dumps(c.v, c.opts...)
			if err == nil {
				t.Errorf("Dumps with a huge indentation: %d bytes, no error", len(s))
				continue
			}
			rfxAs[*jsondump.ValueError](t, "huge indentation", err)
		}
		// Below the limit, a large indent still works as in Python.
		if s, err := jsondump.Dumps([]any{1}, jsondump.Indent(1000)); err != nil || s != "[\n"+strings.Repeat(" ", 1000)+"1\n]" {
			t.Errorf("Indent(1000): %q, %v", s, err)
		}
		return
	}
	if rfxRaceEnabled() {
		t.Skip("the race detector needs more address space than the child may have")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestRedteamFaultsHugeIndent$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), "RFX_HUGE_INDENT_CHILD=1")
	out, err := cmd.CombinedOutput()
	if strings.Contains(string(out), "--- FAIL") {
		t.Errorf("the child failed:\n%s", out)
	} else if err != nil {
		first := string(out)
		if i := strings.Index(first, "\ngoroutine "); i > 0 {
			first = first[:i]
		}
		if len(first) > 600 {
			first = first[:600]
		}
		t.Errorf("jsondump.Dumps(1, jsondump.Indent(1<<40)) killed the process (%v):\n%s", err, first)
	}
}

func rfxRaceEnabled() bool {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "-race" && s.Value == "true" {
				return true
			}
		}
	}
	return false
}

// ---------------------------------------------------------------------------
// Errors and concurrency.

// TestRedteamFaultsErrorTypes: each error is of exactly one of the five
// types, and every "not JSON serializable" error, whatever its source, is a
// *TypeError.
func TestRedteamFaultsErrorTypes(t *testing.T) {
	cyc := map[string]any{}
	cyc["c"] = cyc
	errs := map[string]error{}
	_, errs["TypeError"] = jsondump.Dumps([]any{make(chan int)})
	_, errs["ValueError"] = jsondump.Dumps(cyc)
	_, errs["RecursionError"] = jsondump.Dumps(rfxNested(20), jsondump.MaxDepth(5))
	_, errs["MarshalerError"] = jsondump.Dumps(rfxFailJSON{})
	errs["WriteError"] = jsondump.Dump(&rfxWriter{kind: "error"}, []any{1})
	for name, err := range errs {
		var te *jsondump.TypeError
		var ve *jsondump.ValueError
		var re *jsondump.RecursionError
		var me *jsondump.MarshalerError
		var we *jsondump.WriteError
		got := map[string]bool{
			"TypeError": errors.As(err, &te), "ValueError": errors.As(err, &ve),
			"RecursionError": errors.As(err, &re), "MarshalerError": errors.As(err, &me),
			"WriteError": errors.As(err, &we),
		}
		for typ, ok := range got {
			if ok != (typ == name) {
				t.Errorf("%s (%v): errors.As(*%s) = %v", name, err, typ, ok)
			}
		}
	}
	unknowns := map[string]any{
		"chan": make(chan int), "func": func() {}, "complex": complex64(1), "array": [2]complex64{},
		"named": rfxUnknown(0), "anonymous struct": struct{ F func() }{}, "typed map": map[int]chan int{1: nil},
		"in a list": []any{1, func() {}}, "in a map": map[string]any{"k": [1]func(){}},
	}
	if !reflectBuild {
		unknowns["nil pointer"] = (*rfxUnknown)(nil)
		unknowns["array of ints"] = [2]int{}
	}
	for name, v := range unknowns {
		_, err := rfxAllEntryPoints(t, name, v)
		if te := rfxAs[*jsondump.TypeError](t, name, err); te != nil && !strings.HasSuffix(te.Error(), " is not JSON serializable") {
			t.Errorf("%s: %q", name, te)
		}
	}
}

// TestRedteamFaultsConcurrentOptions: one []Option, with a hook, used by
// many goroutines through every entry point at once (run under -race).
func TestRedteamFaultsConcurrentOptions(t *testing.T) {
	opts := []jsondump.Option{jsondump.Indent(2), jsondump.SortKeys(true), jsondump.EnsureASCII(false),
		jsondump.Separators(";", "="), jsondump.Default(func(v any) (any, error) {
			return map[string]any{"n": v.(rfxUnknown).n()}, nil
		})}
	v := map[string]any{"b": []any{unknownN(1), "é"}, "a": rfxNested(30), "c": &rfxNode{Name: "n"}}
	want, err := jsondump.Dumps(v, opts...)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte
			for i := range 30 {
				var got string
				var err error
				switch i % 4 {
				case 0:
					got, err = jsondump.Dumps(v, opts...)
				case 1:
					buf, err = jsondump.AppendDumps(buf[:0], v, opts...)
					got = string(buf)
				case 2:
					var w bytes.Buffer
					err = jsondump.Dump(&w, v, opts...)
					got = w.String()
				case 3:
					p := filepath.Join(dir, fmt.Sprintf("g%d.json", g))
					err = jsondump.DumpFile(p, v, opts...)
					b, _ := os.ReadFile(p)
					got = string(b)
				}
				if err != nil || got != want {
					t.Errorf("goroutine %d, call %d: %v, %d bytes, want %d", g, i, err, len(got), len(want))
					return
				}
			}
		}()
	}
	wg.Wait()
}
