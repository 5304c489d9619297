package jsondump

import (
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"unicode/utf8"

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
// These types, their fields and the sentinels below are stable: programs
// may rely on errors.As and errors.Is with them. (They are defined in the
// runtime package, whose encoder creates them, and named here; the runtime
// prints as jsondumprt in %T.)
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

// Sentinels that errors.Is finds in the errors above, so that a program can
// test which fault it met without matching Python's message:
//
//	if errors.Is(err, jsondump.ErrCircular) { … }
var (
	// ErrCircular: a value contains itself (ValueError "Circular reference
	// detected"), under CheckCircular(true).
	ErrCircular = jsondumprt.ErrCircular
	// ErrNonFinite: NaN or an infinity under AllowNaN(false) (ValueError
	// "Out of range float values are not JSON compliant: nan").
	ErrNonFinite = jsondumprt.ErrNonFinite
	// ErrIntDigits: an int of more than 4300 digits (ValueError "Exceeds
	// the limit (4300 digits) for integer string conversion…"), Python's
	// default sys.get_int_max_str_digits().
	ErrIntDigits = jsondumprt.ErrIntDigits
	// ErrDepth: nesting past MaxDepth (RecursionError).
	ErrDepth = jsondumprt.ErrDepth
	// ErrKey: a map key that Python cannot have (TypeError "keys must be
	// str, int, float, bool or None, not …"), under SkipKeys(false).
	ErrKey = jsondumprt.ErrKey
	// ErrUnsortable: keys that SortKeys cannot order (TypeError "'<' not
	// supported between instances of 'int' and 'str'").
	ErrUnsortable = jsondumprt.ErrUnsortable
	// ErrNotSerializable: a value with no JSON form and no Default hook
	// (TypeError "Object of type complex128 is not JSON serializable").
	ErrNotSerializable = jsondumprt.ErrNotSerializable
	// ErrIndent: an indentation past 64 MiB on one line (ValueError; Python
	// would raise MemoryError).
	ErrIndent = jsondumprt.ErrIndent
)

// Dumps returns the JSON text of v exactly as Python's json.dumps returns it
// for the equivalent Python value, under opts.
func Dumps(v any, opts ...Option) (string, error) {
	e := jsondumprt.NewStringEncoder(opts, nil)
	e.Any(v)
	return e.FinishString()
}

// AppendDumps appends the JSON text of v to dst and returns the extended
// buffer, as append does: it never changes a byte of dst's array past the
// returned length. With enough capacity in dst it allocates nothing. On
// error the returned buffer holds dst and the part written before the
// error.
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
// existing file keeps its permission bits (not its owner, nor setuid,
// setgid or sticky bits, nor other hard links to it, which keep the old
// text: the new file is a new inode). When path is a symbolic link, the
// file it points to is replaced and the link kept.
func DumpFile(path string, v any, opts ...Option) (err error) {
	if path == "" {
		return &os.PathError{Op: "dumpfile", Path: path, Err: os.ErrNotExist}
	}
	asked := path
	path, err = resolveLinks(path)
	if err != nil {
		return err
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	// A new file is created 0644 and the kernel takes the umask off, as
	// for os.WriteFile; an existing file's mode is set on the temporary
	// file explicitly, since the umask may have taken bits off it.
	var mode os.FileMode
	exists := false
	if fi, statErr := os.Stat(path); statErr == nil {
		if !fi.Mode().IsRegular() {
			return &os.PathError{Op: "dumpfile", Path: path, Err: errors.New("not a regular file")}
		}
		mode, exists = fi.Mode().Perm(), true
	}
	f, err := createTemp(dir, tempPrefix(base), 0o644)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			// Name the file asked for, not the temporary one.
			return &os.PathError{Op: pe.Op, Path: asked, Err: pe.Err}
		}
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
	if exists {
		if err := f.Chmod(mode); err != nil {
			return err
		}
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

// resolveLinks follows path while it names a symbolic link, so that DumpFile
// replaces the file the link points to and keeps the link, as Python's
// open(path, "w") writes through it. A dangling link resolves to its
// missing target, which DumpFile then creates. More than 40 links in a row
// (a loop, most likely) are an error, as they are to the system.
func resolveLinks(path string) (string, error) {
	start := path
	for range 40 {
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			return path, nil
		}
		target, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(target) {
			// Neither filepath.Join nor filepath.Dir, which would clean
			// "dir/../x" to "x": the system resolves dir, maybe a link,
			// before its "..".
			dir, _ := filepath.Split(path)
			target = dir + target
		}
		path = target
	}
	return "", &os.PathError{Op: "dumpfile", Path: start, Err: errors.New("too many levels of symbolic links")}
}

// tempFile is what DumpFile uses of its temporary *os.File.
type tempFile interface {
	io.Writer
	Name() string
	Chmod(mode os.FileMode) error
	Sync() error
	Close() error
}

// createTemp is openTemp, for DumpFile. It is a variable so that tests can
// wrap the file to fail as a full disk does, in a write, Sync or Close,
// which no file system offers portably without root (faults_test.go).
var createTemp = func(dir, prefix string, perm os.FileMode) (tempFile, error) {
	return openTemp(dir, prefix, perm)
}

// openTemp creates a new file in dir named prefix followed by random digits,
// with the permissions perm less the umask (os.CreateTemp would give 0600).
func openTemp(dir, prefix string, perm os.FileMode) (*os.File, error) {
	for try := 0; ; try++ {
		name := filepath.Join(dir, prefix+strconv.FormatUint(uint64(rand.Uint32()), 10))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if os.IsExist(err) && try < 10000 {
			continue
		}
		return f, err
	}
}

// tempPrefix is the start of the temporary file's name for the file base:
// hidden, and short enough that with its ".tmp" and ten digits it stays
// within the 255 bytes most file systems allow in a name.
func tempPrefix(base string) string {
	const maxBase = 255 - len("..tmp") - 10
	if len(base) > maxBase {
		cut := maxBase
		for cut > 0 && !utf8.RuneStart(base[cut]) {
			cut--
		}
		base = base[:cut]
	}
	return "." + base + ".tmp"
}
