package jsontool

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// A lone surrogate ("\ud800" in the input) survives json.loads as a code
// point of the str. With ensure_ascii (the default) json.dump escapes it
// again; with --no-ensure-ascii it is written raw, and the strict UTF-8
// stream json.tool writes to (sys.stdout, or the outfile opened with
// encoding='utf-8') cannot encode it: the write raises UnicodeEncodeError,
// a ValueError, which json.tool reports as it reports a JSONDecodeError.
// What came before it is written. jsondump writes the lone surrogate as its
// \udXXX escape even under EnsureASCII(false) (runtime/relayout.go); this
// file finds that escape in the output and words the error as CPython does.

// encodeError looks for a lone surrogate in out, one document as jsondump
// writes it under EnsureASCII(false). It returns -1 and nil when there is
// none. Else it returns where Python's write fails, as an index into out,
// and the UnicodeEncodeError.
//
// json.dump writes the chunks of Lib/json/encoder.py's _make_iterencode one
// by one, and TextIOWrapper.write encodes each chunk as it comes, so the
// output stops at the start of the chunk that holds the surrogate, and the
// error's position counts from there. A string is a chunk of its own,
// quotes included, as a top-level value, an object's key or an object's
// value; as an element of an array it is one chunk with what comes before
// it, "[" and the first line's indentation, or the item separator and the
// next line's indentation. So with the default indent, ["a", "\ud800"]
// writes `[` and `    "a"`, and fails at position 7 of `,\n    "\ud800"`.
// Consecutive lone surrogates are one error: "characters in position 7-8".
func encodeError(out []byte) (int, error) {
	if !bytes.Contains(out, []byte(`\ud`)) {
		return -1, nil
	}
	var stack []byte // open containers, '[' or '{'
	last := -1       // the last '[', '{', ',' or ':'
	for i := 0; i < len(out); i++ {
		switch out[i] {
		case '[', '{':
			stack = append(stack, out[i])
			last = i
		case ']', '}':
			stack = stack[:len(stack)-1]
		case ',', ':':
			last = i
		case '"':
			j := i + 1
			for out[j] != '"' {
				if out[j] != '\\' {
					j++
					continue
				}
				if out[j+1] != 'u' || !isSurrogateEscape(out[j:]) {
					j += 2
					continue
				}
				start := i
				if len(stack) > 0 && stack[len(stack)-1] == '[' && (out[last] == '[' || out[last] == ',') {
					start = last
				}
				pos := utf8.RuneCount(out[start:j])
				run := 1
				for isSurrogateEscape(out[j+6*run:]) {
					run++
				}
				return start, &encodeErr{pos: pos, run: run, first: string(out[j : j+6])}
			}
			i = j
		}
	}
	return -1, nil
}

// isSurrogateEscape reports whether p starts with a \uXXXX escape of a code
// point in U+D800..U+DFFF, as jsondump writes it (lower-case hex).
func isSurrogateEscape(p []byte) bool {
	if len(p) < 6 || p[0] != '\\' || p[1] != 'u' || p[2] != 'd' {
		return false
	}
	for _, c := range p[3:6] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return p[3] >= '8'
}

// An encodeErr is CPython's UnicodeEncodeError for lone surrogates written
// to a strict UTF-8 stream.
type encodeErr struct {
	pos, run int    // the surrogates' position in the chunk, in code points, and how many follow each other
	first    string // the first one's escape, as repr writes it: \ud800
}

// Error returns str() of the UnicodeEncodeError (UnicodeEncodeError_str in
// Objects/exceptions.c): "'utf-8' codec can't encode character '\ud800' in
// position 7: surrogates not allowed", or for several "characters in
// position 7-8".
func (e *encodeErr) Error() string {
	if e.run == 1 {
		return "'utf-8' codec can't encode character '" + e.first + "' in position " +
			strconv.Itoa(e.pos) + ": surrogates not allowed"
	}
	return "'utf-8' codec can't encode characters in position " + strconv.Itoa(e.pos) + "-" +
		strconv.Itoa(e.pos+e.run-1) + ": surrogates not allowed"
}
