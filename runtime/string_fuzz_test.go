package jsondumprt

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"slices"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// FuzzAppendString checks, for any input, the properties every CPython string
// literal has (Modules/_json.c, Lib/json/encoder.py):
//
//   - it decodes, with encoding/json, to the Python str that stands for the
//     input (strPythonText: U+FFFD for each invalid byte);
//   - it is valid UTF-8, and with ensure_ascii pure printable ASCII;
//   - its escapes are CPython's: the short forms for '"', '\\', \b \f \n \r \t
//     and never \u for those, lower-case hex, \u only below U+0020 without
//     ensure_ascii, '/' never escaped;
//   - appendStringBytes gives the same bytes, appending keeps dst's content,
//     and appendStringWTF8 gives the same bytes when the input holds no
//     surrogate sequence.
//
// For appendStringWTF8 it checks that the UTF-16 code units of the literal are
// those of the input's code points, lone surrogates included.
//
// The seeds run as part of go test; go test -fuzz=FuzzAppendString ./runtime
// explores further.
func FuzzAppendString(f *testing.F) {
	for _, c := range strCases {
		f.Add(c.in)
	}
	for _, c := range strWTF8Cases {
		f.Add(c.in)
	}
	for _, s := range []string{
		"Just setting up my jsondump, 100 bytes of plain text like a tweet: \"quoted\" and a\\b/c <tag> & more",
		"12345678\x7f12345678\x1f12345678\"12345678\\",
		"\xed\xa0\xbd\xed\xb8\x80", // a surrogate pair written as two WTF-8 surrogates
		"\xf0\x9f\x98\x80\xf0\x9f", // an emoji and a cut one
		"日本語のテキストと English",        // CJK then ASCII in one run
		"\x00\x00\x00\x00\x00\x00\x00\x00\x00",
		"\u0085\u2028\u2029\ufeff\U000E0001",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strPythonText(s)
		wtf8Units := strUnits(strWTF8CodePoints(s))
		surrogates := strHasSurrogate(s)
		for _, ascii := range []bool{true, false} {
			out := appendString(nil, s, ascii)
			var got string
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatalf("appendString(nil, %q, %v) = %q: not a JSON string: %v", s, ascii, out, err)
			}
			if got != want {
				t.Fatalf("appendString(nil, %q, %v) = %q, decodes to %q, want %q", s, ascii, out, got, want)
			}
			strCheckLiteral(t, "appendString", s, out, ascii, false)

			if b := appendStringBytes([]byte("[1,"), []byte(s), ascii); !bytes.Equal(b, append([]byte("[1,"), out...)) {
				t.Fatalf("appendStringBytes(%q, %q, %v) = %q, want %q", "[1,", s, ascii, b, "[1,"+string(out))
			}

			w := appendStringWTF8(nil, s, ascii)
			if !surrogates && !bytes.Equal(w, out) {
				t.Fatalf("appendStringWTF8(nil, %q, %v) = %q, want %q as from appendString", s, ascii, w, out)
			}
			strCheckLiteral(t, "appendStringWTF8", s, w, ascii, true)
			if units := strLiteralUnits(t, w); !slices.Equal(units, wtf8Units) {
				t.Fatalf("appendStringWTF8(nil, %q, %v) = %q: UTF-16 units %04x, want %04x", s, ascii, w, units, wtf8Units)
			}
		}
	})
}

// strCheckLiteral checks the form of a string literal out written for s by
// the function named fn: quotes around it, valid UTF-8, no raw byte below
// 0x20, with ascii no raw byte above 0x7e, and escapes as CPython writes them.
// wtf8 allows \uXXXX for surrogates without ascii.
func strCheckLiteral(t *testing.T, fn, s string, out []byte, ascii, wtf8 bool) {
	t.Helper()
	fail := func(why string) {
		t.Helper()
		t.Fatalf("%s(nil, %q, %v) = %q: %s", fn, s, ascii, out, why)
	}
	if len(out) < 2 || out[0] != '"' || out[len(out)-1] != '"' {
		fail("not quoted")
	}
	if !utf8.Valid(out) {
		fail("not valid UTF-8")
	}
	body := out[1 : len(out)-1]
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c < 0x20:
			fail("raw control byte")
		case ascii && c >= 0x7f:
			fail("raw byte >= 0x7f with ensure_ascii")
		case c == '"':
			fail("unescaped quote")
		case c != '\\':
			continue
		}
		i++
		if i >= len(body) {
			fail("escape at the end")
		}
		switch body[i] {
		case '"', '\\', 'b', 'f', 'n', 'r', 't':
			continue
		case 'u':
		default:
			fail("escape \\" + string(body[i]) + " that CPython never writes")
		}
		if i+4 >= len(body) {
			fail("short \\u escape")
		}
		var v rune
		for _, h := range body[i+1 : i+5] {
			switch {
			case '0' <= h && h <= '9':
				v = v<<4 | rune(h-'0')
			case 'a' <= h && h <= 'f':
				v = v<<4 | rune(h-'a'+10)
			default:
				fail("\\u escape with a digit other than 0-9a-f")
			}
		}
		i += 4
		switch {
		case v == '\b' || v == '\f' || v == '\n' || v == '\r' || v == '\t' || v == '"' || v == '\\':
			fail("\\u escape for a character with a short escape")
		case v >= 0x20 && v < 0x7f:
			fail("\\u escape of printable ASCII")
		case !ascii && v >= 0x20 && !(wtf8 && utf16.IsSurrogate(v)):
			fail("\\u escape of a code point >= U+0020 without ensure_ascii")
		}
	}
}

// strLiteralUnits decodes a JSON string literal into UTF-16 code units,
// keeping each \uXXXX as it is, so that a lone surrogate survives. The literal
// has passed strCheckLiteral.
func strLiteralUnits(t *testing.T, out []byte) []uint16 {
	t.Helper()
	units := []uint16{}
	body := out[1 : len(out)-1]
	for i := 0; i < len(body); {
		c := body[i]
		if c != '\\' {
			r, n := utf8.DecodeRune(body[i:])
			units = utf16.AppendRune(units, r)
			i += n
			continue
		}
		switch e := body[i+1]; e {
		case 'u':
			var v uint16
			for _, h := range body[i+2 : i+6] {
				if h <= '9' {
					v = v<<4 | uint16(h-'0')
				} else {
					v = v<<4 | uint16(h-'a'+10)
				}
			}
			units = append(units, v)
			i += 6
		default:
			units = append(units, uint16(map[byte]byte{'"': '"', '\\': '\\', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}[e]))
			i += 2
		}
	}
	return units
}

// strUnits returns the UTF-16 code units of cps. Unlike utf16.Encode it keeps
// a lone surrogate as itself rather than U+FFFD.
func strUnits(cps []rune) []uint16 {
	units := []uint16{}
	for _, r := range cps {
		if r >= 0x10000 {
			hi, lo := utf16.EncodeRune(r)
			units = append(units, uint16(hi), uint16(lo))
		} else {
			units = append(units, uint16(r))
		}
	}
	return units
}

// TestAppendStringCJKRuns checks the two-at-a-time path for runs of
// three-byte sequences with random strings built from such sequences and
// the pieces that must stop it: the lead bytes E0 and ED (valid and not),
// cut and stray bytes, ASCII, two- and four-byte sequences; each as the
// fuzz target checks it.
func TestAppendStringCJKRuns(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	pieces := []string{
		"\xe0\xa0\x80", "\xe0\x80\x80", "\xed\x9f\xbf", "\xed\xa0\x80", "\xe6\x97", "\xe6",
		"\x80", "\xbf", "a", "\"", "é", "\U0001F600", "\xf0\x9f\x98", "\xef\xbf\xbf", "\xe1\x80\x80",
	}
	for range 20000 {
		var b []byte
		for n := r.IntN(12); n >= 0; n-- {
			if r.IntN(3) == 0 {
				b = append(b, pieces[r.IntN(len(pieces))]...)
				continue
			}
			lead := byte(0xE1 + r.IntN(15))
			b = append(b, lead, byte(0x80+r.IntN(64)), byte(0x80+r.IntN(64)))
		}
		s := string(b)
		want := strPythonText(s)
		for _, ascii := range []bool{true, false} {
			out := appendString(nil, s, ascii)
			var got string
			if err := json.Unmarshal(out, &got); err != nil || got != want {
				t.Fatalf("appendString(nil, %q, %v) = %q, decodes to %q (%v), want %q", s, ascii, out, got, err, want)
			}
			strCheckLiteral(t, "appendString", s, out, ascii, false)
		}
	}
}
