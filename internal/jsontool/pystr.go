package jsontool

import (
	"errors"
	"io/fs"
	"strconv"
	"strings"
	"syscall"
	"unicode"
	"unicode/utf8"
)

// This file spells Go values the way CPython prints them in json.tool's
// messages: an argument as Python's str of it, its repr, an int() of it, an
// OSError.

// pyText returns the command-line argument s as CPython prints it to
// stderr. CPython decodes its arguments with surrogateescape (each byte that
// is not part of valid UTF-8 becomes U+DC80..U+DCFF), and stderr writes such
// a lone surrogate with backslashreplace, as \udcXX: pyText does the same to
// each invalid byte and leaves valid UTF-8 as it is.
func pyText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteString(`\udc`)
			b.WriteString(hex2(s[i]))
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// pyRepr returns Python's repr of the str that CPython makes of the
// command-line argument s (see pyText), as unicode_repr in
// Objects/unicodeobject.c writes it: in single quotes, or double quotes when
// s has a single quote and no double one; the quote and the backslash
// escaped; \t, \n, \r; other ASCII controls and DEL as \xXX; a non-ASCII
// code point that is not printable (str.isprintable: categories Cc, Cf, Cs,
// Co, Cn, Zl, Zp and Zs but the space) as \xXX, \uXXXX or \UXXXXXXXX. For
// example pyRepr("x") is 'x', pyRepr("it's") is "it's" and pyRepr("a\xffb")
// is 'a\udcffb'.
func pyRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	b := []byte{quote}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			r = 0xDC00 + rune(s[i]) // surrogateescape
		}
		i += n
		switch {
		case r == rune(quote) || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '\t':
			b = append(b, `\t`...)
		case r == '\n':
			b = append(b, `\n`...)
		case r == '\r':
			b = append(b, `\r`...)
		case r < ' ' || r == 0x7F:
			b = append(b, `\x`+hex2(byte(r))...)
		case r < 0x7F:
			b = append(b, byte(r))
		case 0xD800 <= r && r <= 0xDFFF:
			b = append(b, `\u`+hexN(int64(r), 4)...)
		case unicode.IsPrint(r):
			// Go's IsPrint is Python's isprintable: categories L, M, N,
			// P, S and the ASCII space (up to the Unicode versions, 15.0
			// for Go 1.26 and 14.0 for CPython 3.11).
			b = utf8.AppendRune(b, r)
		case r <= 0xFF:
			b = append(b, `\x`+hex2(byte(r))...)
		case r <= 0xFFFF:
			b = append(b, `\u`+hexN(int64(r), 4)...)
		default:
			b = append(b, `\U`+hexN(int64(r), 8)...)
		}
	}
	return string(append(b, quote))
}

// hex2 returns the two lower-case hex digits of c.
func hex2(c byte) string { return hexN(int64(c), 2) }

// hexN returns v in lower-case hex, padded with zeros to n digits.
func hexN(v int64, n int) string {
	s := strconv.FormatInt(v, 16)
	if len(s) < n {
		s = strings.Repeat("0", n-len(s)) + s
	}
	return s
}

// maxIntDigits is CPython's default limit on the digits of an int converted
// from a str (sys.get_int_max_str_digits(), 4300 since 3.11): int() of a
// longer string is a ValueError, which argparse reports as an invalid value.
const maxIntDigits = 4300

// pyInt parses s as Python's int(s) does for a str (PyLong_FromUnicodeObject
// in Objects/longobject.c): a non-ASCII decimal digit counts as its ASCII
// twin and non-ASCII white space as a space (_PyUnicode_TransformDecimal-
// AndSpaceToASCII); then ASCII white space around, an optional sign, and
// digits that single underscores may separate; at most 4300 digits. It
// reports ok false where int(s) raises ValueError, and fits false when the
// value does not fit an int64 (Python's int has no limit, but ' ' * n then
// raises OverflowError); n is then the nearest int64. For example " +1_0 "
// is 10 and "٣" is 3.
func pyInt(s string) (n int64, fits, ok bool) {
	t := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			t = append(t, byte(r))
		case unicode.IsSpace(r):
			// Python's non-ASCII white space (Py_UNICODE_ISSPACE) is
			// U+0085, U+00A0 and the Zs, Zl and Zp categories, as Go's.
			t = append(t, ' ')
		case unicode.IsDigit(r):
			t = append(t, byte('0'+digitValue(r)))
		default:
			return 0, false, false // including U+FFFD from invalid UTF-8
		}
	}
	u := strings.Trim(string(t), " \t\n\v\f\r")
	neg := false
	if u != "" && (u[0] == '+' || u[0] == '-') {
		neg = u[0] == '-'
		u = u[1:]
	}
	digits := 0
	prevDigit := false
	for i := 0; i < len(u); i++ {
		switch c := u[i]; {
		case '0' <= c && c <= '9':
			digits++
			prevDigit = true
		case c == '_' && prevDigit && i+1 < len(u):
			prevDigit = false
		default:
			return 0, false, false
		}
	}
	if digits == 0 || !prevDigit || digits > maxIntDigits {
		return 0, false, false
	}
	digitsOnly := strings.ReplaceAll(u, "_", "")
	if neg {
		digitsOnly = "-" + digitsOnly
	}
	v, err := strconv.ParseInt(digitsOnly, 10, 64)
	return v, err == nil, true // ParseInt saturates on overflow
}

// digitValue returns the value of the Unicode decimal digit r (category
// Nd). Unicode encodes each set of decimal digits as ten consecutive code
// points from zero to nine, and every run of consecutive Nd code points is
// made of such whole sets, so r's value is its distance from the start of
// its run, modulo ten.
func digitValue(r rune) int {
	start := r
	for unicode.IsDigit(start - 1) {
		start--
	}
	return int(r-start) % 10
}

// errnoOf returns the system error number inside err, or 0.
func errnoOf(err error) syscall.Errno {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return errno
	}
	return 0
}

// pyOSError returns str() of the OSError CPython raises for the system error
// inside err on the file name: "[Errno 2] No such file or directory: 'x'".
// Go's text of an errno is the C library's strerror with its first letter
// lowered, so raising it again gives CPython's. An error without an errno
// is written as Go words it.
func pyOSError(err error, name string) string {
	errno := errnoOf(err)
	if errno == 0 {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return err.Error() + ": " + pyRepr(name)
	}
	return "[Errno " + strconv.Itoa(int(errno)) + "] " + strerror(errno) + ": " + pyRepr(name)
}

// strerror returns the C library's text for errno, as os.strerror gives it:
// Go's text with its first letter raised again.
func strerror(errno syscall.Errno) string {
	text := errno.Error()
	if text == "" {
		return text
	}
	return strings.ToUpper(text[:1]) + text[1:]
}

// pyOSErrorClass returns the name of the OSError subclass CPython raises
// for err's errno (PEP 3151), as the last line of its traceback begins.
func pyOSErrorClass(err error) string {
	switch errnoOf(err) {
	case syscall.ENOENT:
		return "FileNotFoundError"
	case syscall.EACCES, syscall.EPERM:
		return "PermissionError"
	case syscall.EISDIR:
		return "IsADirectoryError"
	case syscall.ENOTDIR:
		return "NotADirectoryError"
	case syscall.EEXIST:
		return "FileExistsError"
	case syscall.EPIPE:
		return "BrokenPipeError"
	}
	return "OSError"
}

// pyPath returns str(pathlib.Path(s)), as json.tool's outfile argument
// (type=Path) holds it: "" and "." are ".", repeated slashes and "."
// components go, a trailing slash goes, and a leading "//" (but not "///")
// stays, as POSIX allows. ".." stays: Path does not resolve it.
func pyPath(s string) string {
	root := ""
	switch {
	case strings.HasPrefix(s, "//") && !strings.HasPrefix(s, "///"):
		root = "//"
	case strings.HasPrefix(s, "/"):
		root = "/"
	}
	var parts []string
	for _, p := range strings.Split(s, "/") {
		if p != "" && p != "." {
			parts = append(parts, p)
		}
	}
	if root == "" && len(parts) == 0 {
		return "."
	}
	return root + strings.Join(parts, "/")
}
