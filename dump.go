package jsondump

import (
	"errors"
	"io"
	"os"
	"path/filepath"

	jsondumprt "github.com/jsondump/jsondump/runtime"
)

// A Dumper is a type with jsondumpgen's methods. Every type named to
// jsondumpgen is one, through its pointer.
type Dumper interface {
	Dumps(opts ...Option) (string, error)
	AppendDumps(dst []byte, opts ...Option) ([]byte, error)
	Dump(w io.Writer, opts ...Option) error
}

// Errors, each a Python exception class; see the package documentation.
type (
	// TypeError is Python's TypeError: a value or key with no JSON form.
	TypeError = jsondumprt.TypeError
	// ValueError is Python's ValueError: a cycle, NaN under AllowNaN(false),
	// an int of more than 4300 digits.
	ValueError = jsondumprt.ValueError
	// RecursionError is Python's RecursionError: nesting past MaxDepth.
	RecursionError = jsondumprt.RecursionError
	// MarshalerError reports a failing MarshalJSON or MarshalText, or
	// MarshalJSON text that is not JSON.
	MarshalerError = jsondumprt.MarshalerError
	// WriteError is the failure of the io.Writer given to Dump.
	WriteError = jsondumprt.WriteError
)

// Dumps returns the JSON text of v exactly as Python's json.dumps returns it
// for the equivalent Python value, under opts.
func Dumps(v any, opts ...Option) (string, error) {
	e := jsondumprt.NewStringEncoder(opts)
	e.Any(v)
	return e.FinishString()
}

// AppendDumps appends the JSON text of v to dst and returns the extended
// buffer. With enough capacity in dst it allocates nothing. On error the
// returned buffer holds dst and the part written before the error.
func AppendDumps(dst []byte, v any, opts ...Option) ([]byte, error) {
	e := jsondumprt.NewEncoder(dst, opts)
	e.Any(v)
	return e.Finish()
}

// Dump writes the JSON text of v to w, as Python's json.dump(v, fp). It
// writes as it goes through a buffer of bounded size, so memory does not grow
// with the output. On error, part of the text may have been written, as with
// Python's json.dump; an error of w is a *WriteError wrapping it.
func Dump(w io.Writer, v any, opts ...Option) error {
	e := jsondumprt.NewStreamEncoder(w, opts)
	e.Any(v)
	return e.Close()
}

// DumpFile writes the JSON text of v to the file path, atomically: it
// writes a temporary file in the same folder, syncs it to disk and renames
// it over path. On any error the file at path is left as it was and the
// temporary file is removed. A new file gets mode 0644 less the umask; an
// existing file keeps its mode.
func DumpFile(path string, v any, opts ...Option) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	mode := os.FileMode(0o644)
	if fi, statErr := os.Stat(path); statErr == nil {
		if !fi.Mode().IsRegular() {
			return &os.PathError{Op: "dumpfile", Path: path, Err: errors.New("not a regular file")}
		}
		mode = fi.Mode().Perm()
	}
	f, err := createTemp(dir, "."+base+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	done := false
	defer func() {
		if !done {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err := Dump(f, v, opts...); err != nil {
		return err
	}
	if err := f.Chmod(mode); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		done = true
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		done = true
		os.Remove(tmp)
		return err
	}
	done = true
	// Make the rename itself durable: sync the folder, where the system allows it.
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// tempFile is what DumpFile uses of its temporary *os.File.
type tempFile interface {
	io.Writer
	Name() string
	Chmod(mode os.FileMode) error
	Sync() error
	Close() error
}

// createTemp is os.CreateTemp, for DumpFile. It is a variable so that tests
// can wrap the file to fail as a full disk does, in a write, Sync or Close,
// which no file system offers portably without root (faults_test.go).
var createTemp = func(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }
