package jsontool

import (
	"bytes"
	"io"
	"strconv"
	"unicode/utf8"
)

// This file is what CPython's io.TextIOWrapper does to the bytes before
// json.tool sees any text (Modules/_io/textio.c): it decodes them as strict
// UTF-8, with CPython's UnicodeDecodeError when they are not; a file that
// json.tool opens (argparse.FileType, which calls open()) has universal
// newlines, "\r\n" and "\r" read as "\n", while sys.stdin splits lines at
// "\n" alone and keeps "\r" (Python/pylifecycle.c, create_stdio, outside
// Windows); and --json-lines reads through readline, which decodes 8192
// bytes at a time, so that a bad byte stops the lines at the chunk that
// holds it, and its position counts from that chunk.
//
// UnicodeDecodeError is a ValueError, which json.tool turns into its
// message on stderr and exit status 1, like a JSONDecodeError.

// chunkSize is the number of bytes readline decodes at a time: TextIOWrapper's
// chunk_size (8192), read with read1 from the buffered file, which returns
// the whole chunk from a regular file (and from a pipe, the bytes there).
const chunkSize = 8192

// Reasons of CPython's UTF-8 decoder (Objects/unicodeobject.c,
// unicode_decode_utf8).
const (
	reasonStart = "invalid start byte"
	reasonCont  = "invalid continuation byte"
	reasonEnd   = "unexpected end of data"
)

// A decodeError is CPython's UnicodeDecodeError from the strict 'utf-8'
// codec: bytes [start, end) of the decoder's input, and the reason.
type decodeError struct {
	start, end int
	first      byte // the byte at start
	reason     string
}

// Error returns str() of the UnicodeDecodeError (UnicodeDecodeError_str in
// Objects/exceptions.c): "'utf-8' codec can't decode byte 0xff in position
// 2: invalid start byte", or for a range of bytes "can't decode bytes in
// position 3-4: ...", the end inclusive.
func (e *decodeError) Error() string {
	if e.end == e.start+1 {
		return "'utf-8' codec can't decode byte 0x" + hex2(e.first) + " in position " +
			strconv.Itoa(e.start) + ": " + e.reason
	}
	return "'utf-8' codec can't decode bytes in position " + strconv.Itoa(e.start) + "-" +
		strconv.Itoa(e.end-1) + ": " + e.reason
}

func isCont(c byte) bool { return c&0xC0 == 0x80 }

// decodeUTF8 checks p as CPython's UTF-8 decoder decodes it
// (codecs.utf_8_decode(p, 'strict', final)) and returns the number of bytes
// it consumes and its error, if any. Not final, an incomplete sequence at
// the end of p is left for the next call, unconsumed, and is no error. The
// error is the first one, with CPython's reasons and extents
// (Objects/stringlib/codecs.h, utf8_decode):
//
//   - \x80-\xc1 and \xf5-\xff cannot start a sequence: "invalid start
//     byte", that byte alone;
//   - a second byte that is no continuation, or that the first byte does
//     not allow (\xe0 wants \xa0 or more, \xed less than \xa0, \xf0 \x90 or
//     more, \xf4 less than \x90): "invalid continuation byte", the first
//     byte alone; a bad third or fourth byte, the two or three before it;
//   - the end of p in the middle of a sequence, when final: "unexpected end
//     of data", the bytes of the sequence; \xed with \xa0-\xbf, the start of
//     an encoded surrogate, is an invalid continuation there, but a not
//     final decode leaves it for the next call like any other incomplete
//     sequence (the "truncated surrogate" case of unicode_decode_utf8).
//
// For example "[1,\xe2\x82]" fails at position 3-4 (invalid continuation
// byte) and "[1,\xe2\x82" at 3-4 (unexpected end of data).
func decodeUTF8(p []byte, final bool) (int, *decodeError) {
	if utf8.Valid(p) {
		// Go's valid UTF-8 is CPython's: no surrogates, nothing overlong,
		// nothing past U+10FFFF.
		return len(p), nil
	}
	for i := 0; i < len(p); {
		if p[i] < utf8.RuneSelf {
			i++
			continue
		}
		if r, n := utf8.DecodeRune(p[i:]); r != utf8.RuneError || n > 1 {
			i += n
			continue
		}
		bad, reason, incomplete := utf8Fault(p[i:])
		if incomplete {
			if !final {
				return i, nil
			}
			return i, &decodeError{start: i, end: len(p), first: p[i], reason: reasonEnd}
		}
		if !final && bad == 1 && len(p)-i == 2 && p[i] == 0xED && p[i+1] >= 0xA0 && p[i+1] <= 0xBF {
			return i, nil // the truncated surrogate waits for the next bytes
		}
		return i, &decodeError{start: i, end: i + bad, first: p[i], reason: reason}
	}
	return len(p), nil
}

// utf8Fault classifies the sequence that starts p, which Go's decoder
// rejected: the number of bytes CPython's error covers and its reason, or
// incomplete when p ends before the sequence could be judged.
func utf8Fault(p []byte) (bad int, reason string, incomplete bool) {
	c := p[0]
	switch {
	case c < 0xC2 || c > 0xF4:
		return 1, reasonStart, false
	case len(p) < 2:
		return 0, "", true
	}
	c2 := p[1]
	switch {
	case c < 0xE0:
		return 1, reasonCont, false // c2 is no continuation, or Go would have decoded it
	case c < 0xF0:
		outOfRange := c == 0xED
		if c2 < 0xA0 {
			outOfRange = c == 0xE0
		}
		if !isCont(c2) || outOfRange {
			return 1, reasonCont, false
		}
		if len(p) < 3 {
			return 0, "", true
		}
		return 2, reasonCont, false
	default:
		outOfRange := c == 0xF4
		if c2 < 0x90 {
			outOfRange = c == 0xF0
		}
		if !isCont(c2) || outOfRange {
			return 1, reasonCont, false
		}
		if len(p) < 3 {
			return 0, "", true
		}
		if !isCont(p[2]) {
			return 2, reasonCont, false
		}
		if len(p) < 4 {
			return 0, "", true
		}
		return 3, reasonCont, false
	}
}

// translateNewlines returns text with "\r\n" and "\r" replaced by "\n", as
// a file opened with universal newlines reads (IncrementalNewlineDecoder).
// Only the positions in error messages depend on it: "\r" and "\n" are both
// JSON white space, and neither may stand raw in a string.
func translateNewlines(text []byte) []byte {
	if bytes.IndexByte(text, '\r') < 0 {
		return text
	}
	out := make([]byte, 0, len(text))
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\r' {
			c = '\n'
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
		}
		out = append(out, c)
	}
	return out
}

// A lineReader gives the lines of a text stream as json.tool's
// "for line in infile" gets them: each with its line end, "\n" (a file's
// "\r\n" and "\r" are "\n" by then), the last one perhaps without. A line
// comes only once the chunks that hold it, up to its end, decoded: when a
// chunk fails, the error comes after the lines of the chunks before it.
// Memory holds the current line and one chunk.
type lineReader struct {
	r         io.Reader
	universal bool // a file's universal newlines; else a line ends at "\n" only
	buf       []byte
	off       int   // buf[off:] is not yet returned
	good      int   // buf[:good] decoded; buf[good:] is an incomplete sequence
	eof       bool  // r is exhausted and its last bytes decoded
	err       error // the error that ends the stream, returned once the lines before it are out
	chunk     []byte
}

func newLineReader(r io.Reader, universal bool) *lineReader {
	return &lineReader{r: r, universal: universal, chunk: make([]byte, chunkSize)}
}

// next returns the next line, valid until the following call, or io.EOF
// after the last, or the error (a *decodeError, or the reader's) that stops
// the stream before the lines that follow it.
func (l *lineReader) next() ([]byte, error) {
	for {
		if line, ok := l.line(); ok {
			return line, nil
		}
		if l.err != nil {
			return nil, l.err
		}
		if l.eof {
			if l.off < l.good {
				line := l.buf[l.off:l.good]
				l.off = l.good
				return line, nil
			}
			return nil, io.EOF
		}
		l.fill()
	}
}

// line returns the next complete line among the decoded bytes, if any.
func (l *lineReader) line() ([]byte, bool) {
	text := l.buf[l.off:l.good]
	if !l.universal {
		i := bytes.IndexByte(text, '\n')
		if i < 0 {
			return nil, false
		}
		l.off += i + 1
		return text[:i+1], true
	}
	i := bytes.IndexAny(text, "\r\n")
	if i < 0 {
		return nil, false
	}
	end := i + 1
	if text[i] == '\r' {
		if i+1 == len(text) && !l.eof {
			// IncrementalNewlineDecoder keeps a final "\r" back until it
			// knows whether "\n" follows.
			return nil, false
		}
		if i+1 < len(text) && text[i+1] == '\n' {
			end++
		}
		text[i] = '\n'
	}
	l.off += end
	return text[:i+1], true
}

// fill reads and decodes the next chunk, or at the end of the stream
// decodes what is left (final), recording an error in l.err.
func (l *lineReader) fill() {
	if l.off > 0 {
		// Keep the unreturned bytes only: memory follows the longest line.
		n := copy(l.buf, l.buf[l.off:])
		l.buf = l.buf[:n]
		l.good -= l.off
		l.off = 0
	}
	n, err := io.ReadFull(l.r, l.chunk)
	if n == 0 {
		if err != io.EOF && err != io.ErrUnexpectedEOF && err != nil {
			l.err = err
			return
		}
		// The read that returns nothing: decode(b"", final=True) of the
		// incomplete sequence kept back, if any.
		if _, derr := decodeUTF8(l.buf[l.good:], true); derr != nil {
			l.err = derr
			return
		}
		l.eof = true
		return
	}
	l.buf = append(l.buf, l.chunk[:n]...)
	used, derr := decodeUTF8(l.buf[l.good:], false)
	if derr != nil {
		// Python decodes the whole chunk or none of it: the lines that
		// end in it are lost with it.
		l.err = derr
		return
	}
	l.good += used
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		l.err = err
	}
}
