// Package jsontool is the command jsondump, CPython 3.11's json.tool
// (python -m json.tool, Lib/json/tool.py) for Go: the same flags, the same
// output byte for byte, the same messages and exit statuses. cmd/jsondump
// is its main; tests run Main in-process.
//
// json.tool reads a JSON text with json.load (or each line with json.loads
// under --json-lines) and writes it with json.dump and a newline. The
// library does both at once: jsondump.AppendDumps of a json.RawMessage
// lays out json.dumps(json.loads(text)) in one pass (runtime/relayout.go),
// with json.loads' JSONDecodeError, positions in code points. This package
// adds what lies around it in CPython: the argparse command line (args.go,
// help.go), the text layer that decodes the bytes (textio.go), the
// UnicodeEncodeError of a lone surrogate written under --no-ensure-ascii
// (surrogate.go), and the outfile (outfile.go).
//
// Where CPython fails with a ValueError (a JSONDecodeError, a
// UnicodeDecodeError, an int of more than 4300 digits, a UnicodeEncodeError)
// json.tool prints its message and exits with status 1, and so does
// jsondump, word for word. Where CPython fails otherwise, with a traceback
// and status 1 (a RecursionError, an outfile that cannot be opened),
// jsondump prints the traceback's last line, "RecursionError: ...", and
// exits with status 1. Usage errors are argparse's: the usage, a message,
// status 2.
package jsontool

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"syscall"

	"github.com/jsondump/jsondump"
)

// MaxDepth is the deepest nesting of arrays and objects jsondump reads.
// CPython's json.loads fails near 990 levels with RecursionError (the
// scanner of Modules/_json.c counts against the recursion limit of 1000, as
// do the frames below it), so 1000 levels read every document CPython
// reads, and a few more. Deeper ones fail with CPython's RecursionError
// message. The limit is kept that low on purpose: the indentation of n
// nested levels takes O(n²) bytes of output (about 2 MB for a thousand
// levels at the default indent), which the re-layout holds in memory while
// the document is open.
const MaxDepth = 1000

// maxIndent is the library's limit on the indentation of one line
// (runtime.MaxIndentBytes): an --indent larger than that works only where
// no line is indented.
const maxIndent = 64 << 20

// Main runs jsondump with the command-line arguments args (without the
// program's name), reading stdin and writing stdout and stderr when the
// arguments name no files, and returns the exit status: 0 on success, 1 for
// input that CPython's json.tool rejects (its message on stderr), 2 for a
// usage error. A help or usage text is laid out for $COLUMNS columns, or
// for the width of the terminal that stdout is, or 80.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg, err := parseArgs(args)
	if cfg.in != nil {
		defer cfg.in.Close()
	}
	var uerr *usageError
	if errors.As(err, &uerr) {
		io.WriteString(stderr, usageText(terminalColumns(stdout))+prog+": error: "+uerr.msg+"\n")
		return 2
	}
	if cfg.help {
		io.WriteString(stdout, helpText(terminalColumns(stdout)))
		return 0
	}
	r := &run{cfg: cfg, stdout: stdout, opts: cfg.options(false)}
	var in io.Reader = stdin
	if cfg.in != nil {
		in = cfg.in
	}
	// A file is read with universal newlines (open()'s default, newline=
	// None); sys.stdin reads "\r" as it is, outside Windows.
	universal := cfg.in != nil
	var msg string
	if cfg.jsonLines {
		msg = r.jsonLines(in, universal)
	} else {
		msg = r.document(in, universal)
	}
	switch msg {
	case "":
		return 0
	case msgBrokenPipe:
		// json.tool's __main__: except BrokenPipeError as exc:
		// sys.exit(exc.errno). (cmd/jsondump ignores SIGPIPE, so that
		// its writes see EPIPE rather than end the process.)
		return int(syscall.EPIPE)
	}
	io.WriteString(stderr, msg+"\n")
	return 1
}

// msgBrokenPipe is ioError's message for EPIPE.
const msgBrokenPipe = "BrokenPipeError: [Errno 32] Broken pipe"

// options returns the keyword arguments json.tool passes to json.dump, as
// options: sort_keys, ensure_ascii, indent, and separators (",", ":") with
// --compact; and the depth limit. With noIndent, an indent is 0: the same
// line breaks and separators, without the indentation.
func (c *config) options(noIndent bool) []jsondump.Option {
	opts := []jsondump.Option{
		jsondump.MaxDepth(MaxDepth),
		jsondump.SortKeys(c.sortKeys),
		jsondump.EnsureASCII(c.ensureASCII),
	}
	switch {
	case c.compact:
		opts = append(opts, jsondump.Separators(",", ":"))
	case noIndent && c.indent != indentNone:
		opts = append(opts, jsondump.Indent(0))
	case c.indent == indentTab:
		opts = append(opts, jsondump.IndentString("\t"))
	case c.indent == indentSpaces:
		// Python's ' ' * n is "" for n <= 0; past maxIndent, layout
		// decides (see hugeIndent). The clamp keeps a 32-bit int right.
		opts = append(opts, jsondump.Indent(int(min(max(c.spaces, 0), maxIndent+1))))
	}
	return opts
}

// hugeIndent reports whether the indent is one the library refuses.
func (c *config) hugeIndent() bool {
	return !c.compact && c.indent == indentSpaces && (c.spacesHuge || c.spaces > maxIndent)
}

// A run is one run of the command, past its arguments.
type run struct {
	cfg    *config
	stdout io.Writer
	opts   []jsondump.Option
	buf    []byte // the output of the current document, reused
}

// document is json.tool without --json-lines: json.load of the whole input,
// then json.dump of it to the output, and a newline. It returns the message
// of the error that stops it, or "".
func (r *run) document(in io.Reader, universal bool) (msg string) {
	text, unmap, err := readAll(in)
	if err != nil {
		return ioError(err)
	}
	if unmap != nil {
		// A mapped file that shrinks under us faults where its pages
		// were: a panic to recover from (SetPanicOnFault), not a crash.
		defer unmap()
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer func() {
			if p := recover(); p != nil {
				if _, ok := p.(interface{ Addr() uintptr }); !ok {
					panic(p)
				}
				msg = "OSError: the input file changed while jsondump read it"
			}
		}()
	}
	// TextIOWrapper.read() decodes everything at once: a bad byte's
	// position counts from the start of the input.
	if _, derr := decodeUTF8(text, true); derr != nil {
		return derr.Error()
	}
	if universal {
		text = translateNewlines(text)
	}
	// The layout grows its buffer by a quarter at a time past a few
	// hundred kilobytes, each time copying it and touching fresh memory:
	// room for four times the input (the default indentation of canada.json
	// takes 3.7) saves most of that. Room not written to costs no memory,
	// only address space, which stays bounded for huge inputs.
	r.buf = make([]byte, 0, len(text)+min(3*len(text), 256<<20)+4096)
	adviseHugePages(r.buf)
	out, msg := r.layout(text)
	if msg != "" {
		return msg
	}
	// json.tool opens the outfile once the input is read.
	var of *outfile
	var w io.Writer = r.stdout
	if r.cfg.hasOut {
		if of, err = openOutfile(r.cfg.out); err != nil {
			return openError(err, r.cfg.out)
		}
		w = of
	}
	if !r.cfg.ensureASCII {
		if at, eerr := encodeError(out); eerr != nil {
			if of != nil {
				of.abort()
			} else if _, err := w.Write(out[:at]); err != nil {
				return ioError(err)
			}
			return eerr.Error()
		}
	}
	if _, err := w.Write(append(out, '\n')); err != nil {
		if of != nil {
			of.abort()
		}
		return ioError(err)
	}
	if of != nil {
		if err := of.commit(); err != nil {
			return ioError(err)
		}
	}
	return ""
}

// readAll reads in to its end. A regular file of some size, read from its
// start, is mapped into memory (mapFile) where the system allows it, and
// unmap must be called once text is no longer used; else it is read into a
// buffer of its size, in one read: io.ReadAll's buffer would grow and be
// copied along the way.
func readAll(in io.Reader) (text []byte, unmap func(), err error) {
	f, ok := in.(*os.File)
	if !ok {
		text, err = io.ReadAll(in)
		return text, nil, err
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > 1<<40 {
		text, err = io.ReadAll(in)
		return text, nil, err
	}
	if fi.Size() >= 256<<10 {
		if pos, err := f.Seek(0, io.SeekCurrent); err == nil && pos == 0 {
			if text, unmap, ok := mapFile(f, fi.Size()); ok {
				return text, unmap, nil
			}
		}
	}
	// One byte more than the size, to see the end of the file without a
	// second buffer (and in case it grew).
	buf := make([]byte, 0, fi.Size()+1)
	adviseHugePages(buf)
	for {
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil, nil
		}
		if err != nil {
			return buf, nil, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grown: let append find room
		}
	}
}

// jsonLines is json.tool with --json-lines: json.loads of each line as the
// text layer gives it, json.dump of it and a newline, as they come. Memory
// follows the longest line. On error the lines before the bad one are on
// stdout (an outfile is left as it was).
func (r *run) jsonLines(in io.Reader, universal bool) (msg string) {
	var of *outfile
	var dst io.Writer = r.stdout
	if r.cfg.hasOut {
		// json.tool opens the outfile before it reads the first line.
		var err error
		if of, err = openOutfile(r.cfg.out); err != nil {
			return openError(err, r.cfg.out)
		}
		dst = of
		defer func() {
			if msg != "" {
				of.abort()
			}
		}()
	}
	w := bufio.NewWriterSize(dst, 64<<10)
	defer func() {
		if err := w.Flush(); err != nil && msg == "" {
			msg = ioError(err)
		}
		if msg == "" && of != nil {
			if err := of.commit(); err != nil {
				msg = ioError(err)
			}
		}
	}()
	lines := newLineReader(in, universal)
	for {
		line, err := lines.next()
		if err == io.EOF {
			return ""
		}
		if err != nil {
			var derr *decodeError
			if errors.As(err, &derr) {
				return derr.Error()
			}
			return ioError(err)
		}
		out, msg := r.layout(line)
		if msg != "" {
			return msg
		}
		if !r.cfg.ensureASCII {
			if at, eerr := encodeError(out); eerr != nil {
				w.Write(out[:at])
				return eerr.Error()
			}
		}
		w.Write(out)
		if err := w.WriteByte('\n'); err != nil {
			return ioError(err)
		}
	}
}

// layout returns json.dumps(json.loads(text)) under the run's options, in
// a buffer reused by the next call, or the message of the error.
func (r *run) layout(text []byte) ([]byte, string) {
	if text == nil {
		text = []byte{} // a nil json.RawMessage is null
	}
	if r.cfg.hugeIndent() {
		// json.dump builds ' ' * indent before it writes anything:
		// beyond an int64 that is OverflowError, once json.loads has read
		// the text. Else the layout with no indentation is the answer
		// where it has no line to indent.
		out, msg, _ := r.relayout(text, r.cfg.options(true))
		if msg != "" {
			return nil, msg
		}
		if r.cfg.spacesHuge {
			return nil, "OverflowError: cannot fit 'int' into an index-sized integer"
		}
		if !bytes.Contains(out, []byte("\n")) {
			return out, ""
		}
		out, msg, _ = r.relayout(text, r.opts)
		return out, msg
	}
	// Keep the indentation within indentationBudget. Nesting no deeper
	// than shallow levels cannot pass it, and real documents rarely nest
	// deeper than a few dozen: they are laid out at once with that depth
	// limit. A deeper one is first read without indentation (its output is
	// then about its own size), for CPython's error if it has one, and
	// measured (indentationOver) before it is laid out.
	if w := r.cfg.indentWidth(); w > 0 && len(text) > 0 {
		limit := indentationBudget(len(text))
		if shallow := (limit/int64(len(text)) - 1) / w; shallow < MaxDepth {
			out, msg, deep := r.relayout(text, append(r.opts[:len(r.opts):len(r.opts)], jsondump.MaxDepth(int(max(shallow, 1)))))
			if !deep {
				return out, msg
			}
			if _, msg, _ := r.relayout(text, r.cfg.options(true)); msg != "" {
				return nil, msg
			}
			if indentationOver(text, w, limit) {
				return nil, "jsondump: the layout of this document would take more than " + strconv.FormatInt(limit, 10) +
					" bytes of line breaks and indentation (jsondump's limit: 1 GiB and 16 bytes for each byte of input)"
			}
		}
	}
	out, msg, _ := r.relayout(text, r.opts)
	return out, msg
}

// relayout is one jsondump.AppendDumps of text as a json.RawMessage. deep
// reports that the text nests past the depth limit of opts.
func (r *run) relayout(text []byte, opts []jsondump.Option) (out []byte, msg string, deep bool) {
	out, err := jsondump.AppendDumps(r.buf[:0], json.RawMessage(text), opts...)
	r.buf = out
	if err == nil {
		return out, "", false
	}
	var rerr *jsondump.RecursionError
	var merr *jsondump.MarshalerError
	switch {
	case errors.As(err, &rerr):
		return nil, recursionMessage(text), true
	case errors.As(err, &merr):
		return nil, merr.Err.Error(), false // json.loads' JSONDecodeError
	}
	return nil, err.Error(), false // ValueError: an int of more than 4300 digits, an indentation too long
}

// indentWidth returns the bytes of indentation a level takes, or 0 for a
// layout without line breaks.
func (c *config) indentWidth() int64 {
	switch {
	case c.compact || c.indent == indentNone:
		return 0
	case c.indent == indentTab:
		return 1
	}
	return max(c.spaces, 0)
}

// recursionMessage returns the last line of CPython's traceback for text
// nested deeper than MaxDepth: "RecursionError: maximum recursion depth
// exceeded while decoding a JSON array from a unicode string" (or object,
// as the container that passes the limit is), from Py_EnterRecursiveCall in
// Modules/_json.c. The text is valid up to that container: the re-layout
// read it that far.
func recursionMessage(text []byte) string {
	kind := "array"
	depth := 0
	inString := false
scan:
	for i := 0; i < len(text); i++ {
		c := text[i]
		if inString {
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '[', '{':
			depth++
			if depth > MaxDepth {
				if c == '{' {
					kind = "object"
				}
				break scan
			}
		case ']', '}':
			depth--
		}
	}
	return "RecursionError: maximum recursion depth exceeded while decoding a JSON " + kind + " from a unicode string"
}

// openError is the last line of CPython's traceback when the outfile cannot
// be opened: "FileNotFoundError: [Errno 2] No such file or directory: 'x/y'".
func openError(err error, name string) string {
	return pyOSErrorClass(err) + ": " + pyOSError(err, name)
}

// ioError is the last line of CPython's traceback for an error of reading
// the input or writing the output: "OSError: [Errno 5] Input/output error".
func ioError(err error) string {
	errno := errnoOf(err)
	if errno == 0 {
		return "OSError: " + err.Error()
	}
	return pyOSErrorClass(err) + ": [Errno " + strconv.Itoa(int(errno)) + "] " + strerror(errno)
}

// indentationBudget is how many bytes of line breaks and indentation the
// layout of a text of n bytes may write: 1 GiB, and 16 bytes for each byte
// of the text. jsondump holds a document's whole layout in memory (the
// re-layout moves an object's members when its keys repeat or are sorted),
// while json.tool streams it; a few kilobytes of deep nesting under a wide
// indent can ask for gigabytes (n levels take O(n²) bytes), which would end
// the process rather than fail it.
func indentationBudget(n int) int64 { return 1<<30 + 16*int64(n) }

// jsonSpecial marks the bytes indentationOver looks at.
var jsonSpecial = [256]bool{'"': true, '[': true, '{': true, ',': true, ']': true, '}': true}

// indentationOver reports whether laying text out with w bytes of
// indentation a level would write more than limit bytes of line breaks and
// indentation: each "[", "{" and "," starts a line at the depth after it,
// each "]" and "}" one at the depth after it (an upper bound: an empty
// container starts none). Counting stops where the nesting passes
// MaxDepth, where the layout stops too.
func indentationOver(text []byte, w, limit int64) bool {
	if int64(len(text))*(1+w*MaxDepth) <= limit {
		return false
	}
	var total, depth int64
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !jsonSpecial[c] {
			continue
		}
		switch c {
		case '"':
			// To the closing quote: one not preceded by an odd number of
			// backslashes.
			for {
				j := bytes.IndexByte(text[i+1:], '"')
				if j < 0 {
					return total > limit
				}
				i += 1 + j
				k := i - 1
				for k >= 0 && text[k] == '\\' {
					k--
				}
				if (i-1-k)%2 == 0 {
					break
				}
			}
			continue
		case '[', '{':
			depth++
			if depth > MaxDepth {
				return total > limit
			}
		case ']', '}':
			depth--
		}
		total += 1 + w*depth
		if total > limit {
			return true
		}
	}
	return false
}
