package jsontool

import (
	"bytes"
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
)

// json.tool opens its outfile with open(outfile, 'w'), which truncates it
// at once; a run that fails afterwards (a bad line of --json-lines, a lone
// surrogate under --no-ensure-ascii) leaves it truncated or half written.
// jsondump differs here, on purpose: it writes a temporary file beside the
// outfile and renames it over the outfile once the run has succeeded, as
// jsondump.DumpFile does, so that a failed run leaves an existing outfile
// as it was (and creates none).

// An outfile is the output file of one run.
type outfile struct {
	name string // the file, as pathlib.Path spells it (for messages)
	path string // the file written: name, after symbolic links

	tmp    *os.File      // the temporary file beside path, renamed over it by commit
	direct *os.File      // a file that is not a regular file (a device, a FIFO), written in place
	mem    *bytes.Buffer // the output, when no temporary file can be made beside an existing file
	mode   fs.FileMode   // an existing file's permission bits, given to the temporary file
	exists bool
}

// openOutfile prepares the outfile name for writing, or returns the error
// that Python's open(name, 'w', encoding='utf-8') would raise.
//
// A symbolic link is followed, so that its target is replaced and the link
// kept, as open() writes through it. A directory is IsADirectoryError. A
// file that is not a regular file (/dev/null, a FIFO) cannot be replaced
// and is opened and truncated, as open() does. Otherwise the output goes to
// a new temporary file in the same folder, created with the mode open()
// gives a new file (0666 less the umask), or with the existing file's
// permission bits. Where no temporary file can be created beside an
// existing, writable file (a folder without write permission), the output
// is held in memory and written over the file by commit.
func openOutfile(name string) (*outfile, error) {
	o := &outfile{name: name, path: resolveLinks(name)}
	fi, err := os.Stat(o.path)
	switch {
	case err == nil && fi.IsDir():
		return nil, &os.PathError{Op: "open", Path: name, Err: syscall.EISDIR}
	case err == nil && !fi.Mode().IsRegular():
		f, err := os.OpenFile(o.path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
		if err != nil {
			return nil, err
		}
		o.direct = f
		return o, nil
	case err == nil:
		o.exists, o.mode = true, fi.Mode().Perm()
	case !errors.Is(err, fs.ErrNotExist):
		// A loop of links, a folder on the way that cannot be searched:
		// open() fails alike.
		return nil, &os.PathError{Op: "open", Path: name, Err: errnoOr(err)}
	}
	dir, base := filepath.Split(o.path)
	if dir == "" {
		dir = "."
	}
	tmp, err := createTemp(dir, base)
	if err == nil {
		o.tmp = tmp
		return o, nil
	}
	if o.exists {
		// Can the file itself be written? Opened without O_TRUNC, it is
		// left as it is.
		f, werr := os.OpenFile(o.path, os.O_WRONLY, 0)
		if werr == nil {
			f.Close()
			o.mem = new(bytes.Buffer)
			return o, nil
		}
		err = werr
	}
	return nil, &os.PathError{Op: "open", Path: name, Err: errnoOr(err)}
}

// errnoOr returns the error inside a *fs.PathError, or err.
func errnoOr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Write writes p to the output.
func (o *outfile) Write(p []byte) (int, error) {
	switch {
	case o.tmp != nil:
		return o.tmp.Write(p)
	case o.direct != nil:
		return o.direct.Write(p)
	}
	return o.mem.Write(p)
}

// commit puts the output in place: it gives the temporary file the existing
// file's permission bits and renames it over the file.
//
// It does not sync the file to disk first, as jsondump.DumpFile does: the
// rename is what makes a failed run leave the outfile as it was, and json.tool
// syncs nothing either. A sync costs a command line tool its speed (tens of
// milliseconds on a busy disk, for every run), and the common file systems
// (ext4, XFS, btrfs) write the data of a file renamed over another before
// the rename itself.
func (o *outfile) commit() error {
	switch {
	case o.direct != nil:
		return o.direct.Close()
	case o.mem != nil:
		return os.WriteFile(o.path, o.mem.Bytes(), 0o666)
	}
	tmp := o.tmp
	o.tmp = nil
	var err error
	if o.exists {
		err = tmp.Chmod(o.mode)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), o.path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// abort drops the output: the outfile stays as it was.
func (o *outfile) abort() {
	switch {
	case o.tmp != nil:
		o.tmp.Close()
		os.Remove(o.tmp.Name())
		o.tmp = nil
	case o.direct != nil:
		o.direct.Close()
	}
}

// createTemp creates a new file in dir for the output that will replace
// base: hidden, its name base's and random digits, shortened to stay within
// the 255 bytes most file systems allow in a name; mode 0666 less the umask.
func createTemp(dir, base string) (*os.File, error) {
	const maxBase = 255 - len("..tmp") - 10
	if len(base) > maxBase {
		base = base[:maxBase]
	}
	for try := 0; ; try++ {
		name := filepath.Join(dir, "."+base+".tmp"+strconv.FormatUint(uint64(rand.Uint32()), 10))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if os.IsExist(err) && try < 1000 {
			continue
		}
		return f, err
	}
}

// resolveLinks follows path while it names a symbolic link and returns the
// file it ends at, which may not exist (a dangling link: open() creates its
// target). After 40 links in a row (a loop) it gives up and returns path,
// whose opening then fails as the system says.
func resolveLinks(path string) string {
	p := path
	for range 40 {
		fi, err := os.Lstat(p)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return p
		}
		target, err := os.Readlink(p)
		if err != nil {
			return p
		}
		if !filepath.IsAbs(target) {
			dir, _ := filepath.Split(p)
			target = dir + target // not Join, which would clean "dir/.." before the system resolves dir
		}
		p = target
	}
	return path
}
