package jsondumprt

import (
	"encoding/binary"
	"unicode/utf8"
)

// This file writes Go strings as JSON string literals, byte for byte as
// CPython's json.dumps writes a str. CPython has two escapers, chosen by
// ensure_ascii, and each exists twice, in C and in Python, with the same output:
//
//	ensure_ascii=True   Modules/_json.c ascii_escape_unicode / ascii_escape_unichar,
//	                    Lib/json/encoder.py py_encode_basestring_ascii (ESCAPE_ASCII)
//	ensure_ascii=False  Modules/_json.c escape_unicode,
//	                    Lib/json/encoder.py py_encode_basestring (ESCAPE)
//
// Both keep a code point c as it is when ' ' <= c <= '~' and c is neither '"'
// nor '\\' (the S_CHAR macro of _json.c, the class [^\ -~] of ESCAPE_ASCII);
// ensure_ascii=False also keeps every c >= U+007F. Everything else is escaped:
// '"', '\\', '\b', '\f', '\n', '\r', '\t' by their two-character forms (ESCAPE_DCT),
// any other code point as \uXXXX with lower-case hex (Py_hexdigits,
// '\\u{0:04x}'), and a code point above U+FFFF as a UTF-16 surrogate pair.
//
// A Python str is a sequence of code points and cannot hold invalid UTF-8; a Go
// string can. README's mapping defines the Python str of a Go string as the one that
// has U+FFFD in place of each byte that is not part of valid UTF-8: the rule of
// utf8.DecodeRuneInString, of `for range` over a string and of encoding/json.
// (bytes.decode('utf-8', 'replace') differs: it writes one U+FFFD per maximal
// invalid subpart, so b'\xe2\x82' gives one U+FFFD there and two here.)
//
// Speed: the loops below look at 8 bytes at once while all of them are plain
// ASCII that needs no escape (strWordFlags*), then byte by byte through the
// strSafe* tables, and append each run of bytes that is kept in a single
// append. With ensure_ascii=False valid multi-byte UTF-8 is checked but stays
// in the run, so text in any script is copied in long runs.

// appendString appends s to dst as a JSON string literal, exactly as CPython's
// json.dumps writes a str, and returns the extended buffer. ascii is Python's
// ensure_ascii.
//
// '"' and '\\' and the controls '\b', '\f', '\n', '\r' and '\t' always use
// their short escapes; other code points below U+0020 become \u00XX. With ascii
// set, every code point outside U+0020..U+007E, U+007F (DEL) included, becomes
// \uXXXX with lower-case hex, and a code point above U+FFFF becomes a UTF-16
// surrogate pair. Without ascii every other code point is copied as it is:
// DEL, the C1 controls U+0080..U+009F, U+2028 and U+2029 included. '/', '<',
// '>', '&' and the apostrophe are never escaped. Each byte of s that is not
// part of valid UTF-8 is taken as U+FFFD: "\ufffd" with ascii, the three bytes
// EF BF BD without.
//
// Examples, as CPython 3.11 writes them:
//
//	appendString(nil, "é😀\x7f\"/", true)   `"\u00e9\ud83d\ude00\u007f\"/"`   json.dumps('é😀\x7f"/')
//	appendString(nil, "é😀\x7f\"/", false)  "\"é😀\x7f\\\"/\""              json.dumps('é😀\x7f"/', ensure_ascii=False)
//	appendString(nil, "a\tb\x00", false)    `"a\tb\u0000"`                   json.dumps('a\tb\x00', ensure_ascii=False)
//	appendString(nil, "a\xffb", true)       `"a\ufffdb"`                     json.dumps('a\ufffdb')
func appendString(dst []byte, s string, ascii bool) []byte {
	return strAppendQuoted(dst, s, ascii, false)
}

// appendStringBytes is appendString for text held in a []byte. It does not
// convert s to a string and allocates nothing beyond growing dst. A nil or
// empty s gives `""`.
func appendStringBytes(dst []byte, s []byte, ascii bool) []byte {
	return strAppendQuoted(dst, s, ascii, false)
}

// appendStringWTF8 is appendString for text in WTF-8 (generalized UTF-8), in
// which the three-byte sequences ED A0 80 through ED BF BF stand for the lone
// surrogate code points U+D800..U+DFFF. Such text comes from JSON escapes like
// "\ud800" that have no partner; Python keeps them in the str as they are.
//
// With ascii a surrogate is written as \uXXXX like any other code point
// below U+10000, as CPython does: json.dumps('\ud800') is "\ud800". Without
// ascii CPython would copy the surrogate into its output str, and that str has
// no UTF-8 form (encoding it raises UnicodeEncodeError); appendStringWTF8
// writes it as \uXXXX too, so that its output stays valid UTF-8 and still
// decodes to the same code point. Two surrogates in a row are escaped one by
// one, which gives the same bytes as CPython with ascii: '\ud83d\ude00' is
// written "\ud83d\ude00". Every other byte is treated as appendString treats it.
//
//	appendStringWTF8(nil, "x\xed\xa0\x80", true)   `"x\ud800"`   json.dumps('x\ud800')
//	appendStringWTF8(nil, "x\xed\xa0\x80", false)  `"x\ud800"`   (CPython: '"x\ud800"' as a str with a lone surrogate)
//	appendStringWTF8(nil, "\xed\xa0", false)       "\"\uFFFD\uFFFD\""  (truncated: one U+FFFD per byte)
func appendStringWTF8(dst []byte, s string, ascii bool) []byte {
	return strAppendQuoted(dst, s, ascii, true)
}

// strAppendQuoted is the body of the three exported functions. wtf8 says
// whether ED A0..ED BF sequences are surrogates rather than invalid bytes.
// It is generic so that string and []byte each get a compiled copy that
// neither converts nor copies.
//
// Most strings in JSON are short (keys written at run time, ids, dates,
// names, language codes), and for them the general loop's costs are fixed
// ones: calls, a memmove, the steps of the byte loop after the last 8-byte
// word. So a string of at most 32 bytes that are all copied as they are
// (strSafeASCII with ascii, else strSafeUTF8: plain ASCII without escapes) is
// written here, when dst has room for 34 more bytes: read as overlapping
// words, at 0, 8, 16 and len(s)-8 (two 4-byte loads below 8 bytes, single
// bytes below 4), checked with the 8-byte tests of the scans, and stored the
// same way. For "screen_name" (11 bytes) that is two loads and two stores:
//
//	w0 = s[0:8] = "screen_n", w3 = s[3:11] = "een_name"
//	dst[l+1:l+9] = w0, dst[l+4:l+12] = w3
//
// This function makes no call but the last, so that it needs to keep
// nothing on the stack; all other strings go to strAppendQuotedLong.
func strAppendQuoted[S ~string | ~[]byte](dst []byte, s S, ascii, wtf8 bool) []byte {
	n, l := len(s), len(dst)
	if n <= 32 && cap(dst)-l >= 34 {
		b := dst[l : l+34]
		// ascii also stops at DEL: strWordFlagsASCII is strWordFlagsUTF8
		// with the term x+strLSB, kept here where del is all ones.
		var del uint64
		if ascii {
			del = ^uint64(0)
		}
		switch {
		case n >= 8:
			w0 := strLoad64(s)
			if w0&0x80 != 0 {
				// A first byte >= 0x80, CJK say: no need to test.
				break
			}
			w3 := strLoad64(s[n-8:])
			f := strWordFlagsUTF8(w0) | strWordFlagsUTF8(w3) | ((w0+strLSB)|(w3+strLSB))&del
			var w1, w2 uint64
			if n > 16 {
				w1 = strLoad64(s[8:])
				f |= strWordFlagsUTF8(w1) | (w1+strLSB)&del
				if n > 24 {
					w2 = strLoad64(s[16:])
					f |= strWordFlagsUTF8(w2) | (w2+strLSB)&del
				}
			}
			if f&strMSB != 0 {
				break
			}
			binary.LittleEndian.PutUint64(b[1:], w0)
			if n > 16 {
				binary.LittleEndian.PutUint64(b[9:], w1)
				if n > 24 {
					binary.LittleEndian.PutUint64(b[17:], w2)
				}
			}
			binary.LittleEndian.PutUint64(b[n-7:], w3)
			b[0], b[n+1] = '"', '"'
			return dst[:l+n+2]
		case n >= 4:
			w := uint64(strLoad32(s)) | uint64(strLoad32(s[n-4:]))<<32
			if w&0x80 != 0 || (strWordFlagsUTF8(w)|(w+strLSB)&del)&strMSB != 0 {
				break
			}
			binary.LittleEndian.PutUint32(b[1:], uint32(w))
			binary.LittleEndian.PutUint32(b[n-3:], uint32(w>>32))
			b[0], b[n+1] = '"', '"'
			return dst[:l+n+2]
		case n > 0:
			// The first, middle and last bytes (some the same), in a word
			// filled with spaces.
			c0, c1, c2 := s[0], s[n>>1], s[n-1]
			w := uint64(c0) | uint64(c1)<<8 | uint64(c2)<<16 | 0x2020202020<<24
			if (strWordFlagsUTF8(w)|(w+strLSB)&del)&strMSB != 0 {
				break
			}
			b[0], b[1], b[1+n>>1], b[n], b[n+1] = '"', c0, c1, c2, '"'
			return dst[:l+n+2]
		default:
			b[0], b[1] = '"', '"'
			return dst[:l+2]
		}
	}
	return strAppendQuotedLong(dst, s, ascii, wtf8)
}

// strAppendQuotedLong is strAppendQuoted for the strings it does not write
// itself: from strKernelMin bytes through strAppendEscapedKernel, below that
// through the byte loops.
func strAppendQuotedLong[S ~string | ~[]byte](dst []byte, s S, ascii, wtf8 bool) []byte {
	if len(s) >= strKernelMin {
		if v, ok := strView(s); ok {
			dst = append(dst, '"')
			dst = strAppendEscapedKernel(dst, v, ascii, wtf8)
			return append(dst, '"')
		}
	}
	dst = append(dst, '"')
	if ascii {
		dst = strAppendEscapedASCII(dst, s, wtf8)
	} else {
		dst = strAppendEscapedUTF8(dst, s, wtf8)
	}
	return append(dst, '"')
}

// strAppendEscapedASCII writes the inside of a string literal for
// ensure_ascii=True: every byte >= 0x80 starts a code point that is escaped.
// From strKernelMin bytes on it is strAppendEscapedKernel.
func strAppendEscapedASCII[S ~string | ~[]byte](dst []byte, s S, wtf8 bool) []byte {
	if len(s) >= strKernelMin {
		if v, ok := strView(s); ok {
			return strAppendEscapedKernel(dst, v, true, wtf8)
		}
	}
	start, i := 0, 0
	for {
		i = strScanASCII(s, i)
		if i >= len(s) {
			break
		}
		dst = append(dst, s[start:i]...)
		if c := s[i]; c < utf8.RuneSelf {
			dst = strAppendEscapedByte(dst, c)
			i++
		} else {
			dst, i = strAppendEscapedMultiByte(dst, s, i, wtf8)
		}
		start = i
	}
	return append(dst, s[start:]...)
}

// strAppendEscapedUTF8 writes the inside of a string literal for
// ensure_ascii=False: only '"', '\\' and bytes below 0x20 are escaped; valid
// UTF-8 is copied, invalid bytes become U+FFFD and (with wtf8) surrogates
// become \uXXXX. From strKernelMin bytes on it is strAppendEscapedKernel.
func strAppendEscapedUTF8[S ~string | ~[]byte](dst []byte, s S, wtf8 bool) []byte {
	if len(s) >= strKernelMin {
		if v, ok := strView(s); ok {
			return strAppendEscapedKernel(dst, v, false, wtf8)
		}
	}
	start, i := 0, 0
	for {
		i = strScanUTF8(s, i)
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			dst = append(dst, s[start:i]...)
			dst = strAppendEscapedByte(dst, c)
			i++
			start = i
			continue
		}
		// Valid multi-byte sequences stay in the current run; a whole run of
		// them is checked by one call.
		if i = strSkipMultiByte(s, i); i < len(s) && s[i] >= utf8.RuneSelf {
			dst = append(dst, s[start:i]...)
			if wtf8 && strIsSurrogate(s, i) {
				r, _ := strDecode(s, i, true)
				dst = strAppendEscapedRune(dst, r)
				i += 3
			} else {
				dst = append(dst, "\uFFFD"...)
				i++
			}
			start = i
		}
	}
	return append(dst, s[start:]...)
}

// strHex gives the hex digits of \uXXXX escapes. CPython's are lower case:
// Py_hexdigits in _json.c, '\\u{0:04x}' in encoder.py.
const strHex = "0123456789abcdef"

// strAppendEscapedByte appends the escape of an ASCII byte c whose strSafe*
// entry is false: its short form when it has one (ESCAPE_DCT in encoder.py,
// the switch in _json.c ascii_escape_unichar), else \u00XX.
//
//	'\n' → \n    '"' → \"    0x0b → \u000b    0x7f → \u007f (ensure_ascii=True only)
func strAppendEscapedByte(dst []byte, c byte) []byte {
	if e := strShortEscape[c]; e != 0 {
		return append(dst, '\\', e)
	}
	return append(dst, '\\', 'u', '0', '0', strHex[c>>4], strHex[c&0xf])
}

// strAppendEscapedRune appends r as \uXXXX, or, above U+FFFF, as the \uXXXX\uXXXX
// of its UTF-16 surrogate pair, the way py_encode_basestring_ascii computes it:
//
//	U+00E9 → \u00e9    U+1F600 → \ud83d\ude00    U+10FFFF → \udbff\udfff
func strAppendEscapedRune(dst []byte, r rune) []byte {
	if r >= 0x10000 {
		// Example: U+1F600: r-0x10000 = 0xF600; 0xD800|0x3D = 0xD83D, 0xDC00|0x200 = 0xDE00.
		r -= 0x10000
		hi := 0xD800 | (r>>10)&0x3FF
		lo := 0xDC00 | r&0x3FF
		return append(dst,
			'\\', 'u', strHex[hi>>12], strHex[hi>>8&0xf], strHex[hi>>4&0xf], strHex[hi&0xf],
			'\\', 'u', strHex[lo>>12], strHex[lo>>8&0xf], strHex[lo>>4&0xf], strHex[lo&0xf])
	}
	return append(dst, '\\', 'u', strHex[r>>12], strHex[r>>8&0xf], strHex[r>>4&0xf], strHex[r&0xf])
}

// strShortEscape gives the second byte of the two-byte escape of an ASCII byte,
// or 0 when it has none and is written \u00XX. It is ESCAPE_DCT of
// Lib/json/encoder.py, which _json.c repeats as a switch; '/' has a short
// escape in JSON but CPython never uses it.
var strShortEscape = [256]byte{
	'"':  '"',  // U+0022 → \"
	'\\': '\\', // U+005C → \\
	'\b': 'b',  // U+0008 → \b
	'\f': 'f',  // U+000C → \f
	'\n': 'n',  // U+000A → \n
	'\r': 'r',  // U+000D → \r
	'\t': 't',  // U+0009 → \t
}

// strSafeASCII reports whether a byte is copied as it is with
// ensure_ascii=True: exactly the S_CHAR(c) bytes of Modules/_json.c,
// c >= ' ' && c <= '~' && c != '\\' && c != '"', which are also the bytes
// ESCAPE_ASCII = r'([\\"]|[^\ -~])' of Lib/json/encoder.py does not match.
//
// NOTE: keep in sync with strWordFlagsASCII.
var strSafeASCII = [256]bool{
	false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, // 0x00-0x0f: controls: \b \t \n \f \r or \u00XX
	false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, // 0x10-0x1f: controls: \u00XX
	true, true, false, true, true, true, true, true, true, true, true, true, true, true, true, true, // 0x20-0x2f: '"' → \"; '&' '\'' '/' kept
	true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, // 0x30-0x3f: digits, '<' '>' kept (no HTML escaping in CPython)
	true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, // 0x40-0x4f: letters kept
	true, true, true, true, true, true, true, true, true, true, true, true, false, true, true, true, // 0x50-0x5f: '\\' → \\
	true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, // 0x60-0x6f: letters kept
	true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, false, // 0x70-0x7f: DEL is not in ' '..'~': → \u007f
	false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, // 0x80-0x8f: continuation bytes: part of a \uXXXX code point, or invalid → \ufffd
	false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, // 0x90-0x9f: continuation bytes, as above
	false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, // 0xa0-0xaf: continuation bytes, as above
	false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, // 0xb0-0xbf: continuation bytes, as above
	false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, // 0xc0-0xcf: 2-byte leads (C0, C1 always invalid): U+0080..U+07FF → \uXXXX
	false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, // 0xd0-0xdf: 2-byte leads → \uXXXX
	false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, // 0xe0-0xef: 3-byte leads: U+0800..U+FFFF → \uXXXX
	false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, // 0xf0-0xff: 4-byte leads: surrogate pair \ud8XX\udcXX; F5..FF always invalid
}

// strSafeUTF8 reports whether a byte is copied as it is, with no further
// look, with ensure_ascii=False: Modules/_json.c escape_unicode escapes only
// '"', '\\' and c < ' ' (ESCAPE = r'[\x00-\x1f\\"\b\f\n\r\t]' in encoder.py)
// and keeps DEL and everything above it. Bytes >= 0x80 are kept too, but only
// once strSkipMultiByte has checked that they form valid UTF-8, so they are false
// here.
//
// NOTE: keep in sync with strWordFlagsUTF8.
var strSafeUTF8 = [256]bool{
	false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, // 0x00-0x0f: controls: \b \t \n \f \r or \u00XX
	false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, // 0x10-0x1f: controls: \u00XX
	true, true, false, true, true, true, true, true, true, true, true, true, true, true, true, true, // 0x20-0x2f: '"' → \"; '&' '\'' '/' kept
	true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, // 0x30-0x3f: digits, '<' '>' kept
	true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, // 0x40-0x4f: letters kept
	true, true, true, true, true, true, true, true, true, true, true, true, false, true, true, true, // 0x50-0x5f: '\\' → \\
	true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, // 0x60-0x6f: letters kept
	true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, // 0x70-0x7f: DEL kept raw (c >= ' ', so escape_unicode leaves it)
	false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, // 0x80-0x8f: continuation bytes: checked by strSkipMultiByte, then kept raw (C1 controls too) or → EF BF BD
	false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, // 0x90-0x9f: continuation bytes, as above
	false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, // 0xa0-0xaf: continuation bytes, as above
	false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, // 0xb0-0xbf: continuation bytes, as above
	false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, // 0xc0-0xcf: 2-byte leads: checked, kept raw (C0, C1 always invalid)
	false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, // 0xd0-0xdf: 2-byte leads: checked, kept raw
	false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, // 0xe0-0xef: 3-byte leads: checked, kept raw (U+2028/9 too: CPython has no JavaScript escaping)
	false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, // 0xf0-0xff: 4-byte leads: checked, kept raw as one code point (F5..FF always invalid)
}

// Word-at-a-time scanning. strLoad64 reads s[:8] as a little-endian uint64
// (the compiler turns the eight loads into one MOVQ); the strWordFlags*
// functions tell whether all eight bytes are true in the matching strSafe*
// table, using the borrow tricks of "Bit Twiddling Hacks" (haszero, hasless).
// With all bytes of x below 0x80, the top bit of byte k of
//
//	x - 0x20*strLSB            is set iff byte k < 0x20 (or a lower byte borrowed, which it does only when it is < 0x20 itself)
//	(x ^ '"'*strLSB) - strLSB  is set iff byte k == '"' (or a lower byte borrowed, likewise)
//	(x ^ '\\'*strLSB) - strLSB is set iff byte k == '\\' (or a lower byte borrowed, likewise)
//	x + strLSB                 is set iff byte k == 0x7f
//
// and a byte >= 0x80 sets its own top bit in x. The answer is exact for the
// word as a whole, which is all the loops need; they find the byte itself
// through the table. Measured on this project's benchmarks (amd64), the word
// scan halves the time of ASCII text against the table alone; unrolling it to
// 16 bytes gained nothing.
const (
	strLSB = 0x0101010101010101
	strMSB = 0x8080808080808080
)

// strLoad64 returns s[0:8] as a little-endian uint64. len(s) must be >= 8.
func strLoad64[S ~string | ~[]byte](s S) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// strLoad32 returns s[0:4] as a little-endian uint32. len(s) must be >= 4.
func strLoad32[S ~string | ~[]byte](s S) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// strScanASCII returns the index of the first byte at or after s[i] that is
// false in strSafeASCII, or len(s). It skips 8 bytes at a time, then one at a
// time up to the byte that needs an escape (at most 7 single steps, or the tail).
func strScanASCII[S ~string | ~[]byte](s S, i int) int {
	t := s[i:]
	for len(t) >= 8 && strWordFlagsASCII(strLoad64(t))&strMSB == 0 {
		t = t[8:]
	}
	for len(t) > 0 && strSafeASCII[t[0]] {
		t = t[1:]
	}
	return len(s) - len(t)
}

// strScanUTF8 is strScanASCII for strSafeUTF8.
func strScanUTF8[S ~string | ~[]byte](s S, i int) int {
	t := s[i:]
	for len(t) >= 8 && strWordFlagsUTF8(strLoad64(t))&strMSB == 0 {
		t = t[8:]
	}
	for len(t) > 0 && strSafeUTF8[t[0]] {
		t = t[1:]
	}
	return len(s) - len(t)
}

// strWordFlagsUTF8 returns a word whose top bits, x&strMSB, are all zero
// exactly when the 8 bytes in x are all true in strSafeUTF8: none is < 0x20,
// '"', '\\' or >= 0x80.
func strWordFlagsUTF8(x uint64) uint64 {
	return x | (x - 0x20*strLSB) | ((x ^ '"'*strLSB) - strLSB) | ((x ^ '\\'*strLSB) - strLSB)
}

// strWordFlagsASCII is strWordFlagsUTF8 for strSafeASCII, which also
// excludes 0x7f.
//
// NOTE: keep in sync with strAppendQuoted, which computes it inline.
func strWordFlagsASCII(x uint64) uint64 {
	return x | (x + strLSB) | (x - 0x20*strLSB) | ((x ^ '"'*strLSB) - strLSB) | ((x ^ '\\'*strLSB) - strLSB)
}

// UTF-8 decoding, with Go's rules (unicode/utf8): a sequence is valid when it
// is the shortest form of a code point in U+0000..U+10FFFF outside
// U+D800..U+DFFF; anything else is invalid one byte at a time, as
// utf8.DecodeRuneInString returns (RuneError, 1). These are generic so that
// []byte input needs no conversion.

// strLead describes each possible first byte of a multi-byte sequence: the low
// nibble is the sequence length (0: this byte never starts one), the high
// nibble indexes strAccept, the range allowed for the second byte. It is
// utf8's "first" table, restricted to bytes >= 0x80.
var strLead = [256]uint8{
	// 0x00-0x7f: ASCII is handled before this table is consulted (zero value).
	0x80: 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // 0x80-0x8f: continuation bytes never start a sequence
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // 0x90-0x9f: continuation bytes
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // 0xa0-0xaf: continuation bytes
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // 0xb0-0xbf: continuation bytes
	0x00, 0x00, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, // 0xc0-0xcf: 2 bytes; C0 and C1 could only start overlong forms
	0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, // 0xd0-0xdf: 2 bytes
	0x13, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x23, 0x03, 0x03, // 0xe0-0xef: 3 bytes; after E0 only A0..BF (else overlong), after ED only 80..9F (else a surrogate)
	0x34, 0x04, 0x04, 0x04, 0x44, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // 0xf0-0xff: 4 bytes; after F0 only 90..BF (else overlong), after F4 only 80..8F (else > U+10FFFF); F5..FF never valid
}

// strAccept is the range of the second byte of a sequence, by the high nibble
// of strLead; later bytes are always 0x80..0xBF.
// It has 16 rows so that indexing it needs no bounds check.
var strAccept = [16]struct{ lo, hi uint8 }{
	0: {0x80, 0xBF}, // C2..DF, E1..EC, EE..EF, F1..F3
	1: {0xA0, 0xBF}, // E0
	2: {0x80, 0x9F}, // ED
	3: {0x90, 0xBF}, // F0
	4: {0x80, 0x8F}, // F4
}

// strSkipMultiByte returns the index of the first byte at or after s[i] that
// does not begin a valid multi-byte UTF-8 sequence: an ASCII byte, an invalid
// byte, or len(s). A whole run of non-ASCII text costs one call.
//
// NOTE: keep the checks in sync with strDecode.
func strSkipMultiByte[S ~string | ~[]byte](s S, i int) int {
	for i < len(s) {
		// Fast paths for the common sequences, whose second byte may be any
		// continuation byte: three bytes led by E1..EC, EE, EF (most of the
		// BMP: CJK, symbols) and two bytes led by C2..DF (Latin, Greek,
		// Cyrillic, Arabic, Hebrew). They avoid the two table loads below.
		if c := s[i]; len(s)-i >= 3 {
			c1, c2 := s[i+1], s[i+2]
			if c-0xE1 <= 0xEF-0xE1 && c != 0xED && c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
				i += 3
				// A run of CJK text likely follows: two such sequences at a
				// time, from one 8-byte load.
				for len(s)-i >= 8 {
					w := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
					c0, c3 := byte(w), byte(w>>24)
					if w&0xC0C0F0C0C0F0 != 0x8080E08080E0 || c0-0xE1 > 0xEF-0xE1 || c0 == 0xED || c3-0xE1 > 0xEF-0xE1 || c3 == 0xED {
						break
					}
					i += 6
				}
				continue
			}
			if c-0xC2 <= 0xDF-0xC2 && c1&0xC0 == 0x80 {
				i += 2
				continue
			}
		}
		x := strLead[s[i]] // 0 for ASCII too
		n := int(x & 7)
		if n == 0 || n > len(s)-i {
			return i
		}
		a := strAccept[x>>4]
		if b := s[i+1]; b < a.lo || a.hi < b {
			return i
		}
		if n > 2 && (int8(s[i+2]) > -65 || n > 3 && int8(s[i+3]) > -65) {
			return i
		}
		i += n
	}
	return i
}

// strIsSurrogate reports whether s[i:] begins with the WTF-8 form of a
// surrogate: ED A0..BF 80..BF.
func strIsSurrogate[S ~string | ~[]byte](s S, i int) bool {
	return len(s)-i >= 3 && s[i] == 0xED && s[i+1]&0xE0 == 0xA0 && s[i+2]&0xC0 == 0x80
}

// strDecode returns the code point at s[i], a byte >= 0x80, and its length in
// bytes: (U+FFFD, 1) for an invalid byte. With wtf8 a surrogate sequence
// decodes to its code point U+D800..U+DFFF.
//
//	"\xe2\x82\xac" → (U+20AC, 3)    "\xe2\x82" → (U+FFFD, 1)    "\xed\xa0\x80" → (U+D800, 3) with wtf8, (U+FFFD, 1) without
//
// NOTE: keep the checks in sync with strSkipMultiByte.
func strDecode[S ~string | ~[]byte](s S, i int, wtf8 bool) (rune, int) {
	x := strLead[s[i]]
	if n := int(x & 7); n != 0 && n <= len(s)-i {
		a := strAccept[x>>4]
		b1 := s[i+1]
		if a.lo <= b1 && b1 <= a.hi {
			switch n {
			case 2:
				return rune(s[i]&0x1F)<<6 | rune(b1&0x3F), 2
			case 3:
				if b2 := s[i+2]; int8(b2) <= -65 {
					return rune(s[i]&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
				}
			case 4:
				if b2, b3 := s[i+2], s[i+3]; int8(b2) <= -65 && int8(b3) <= -65 {
					return rune(s[i]&0x07)<<18 | rune(b1&0x3F)<<12 | rune(b2&0x3F)<<6 | rune(b3&0x3F), 4
				}
			}
		}
	}
	if wtf8 && strIsSurrogate(s, i) {
		return 0xD000 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.RuneError, 1
}

// strAppendEscapedMultiByte appends the \uXXXX escapes of the code points from
// s[i], a byte >= 0x80, up to the next ASCII byte, and returns the extended
// buffer and the index of that byte (or len(s)). A run of non-ASCII text, CJK
// say, is written without going back through the ASCII scan for each code point.
func strAppendEscapedMultiByte[S ~string | ~[]byte](dst []byte, s S, i int, wtf8 bool) ([]byte, int) {
	for i < len(s) && s[i] >= utf8.RuneSelf {
		// The fast paths of strSkipMultiByte, decoding as they go.
		var r rune
		var n int
		if c := s[i]; len(s)-i >= 3 && c-0xE1 <= 0xEF-0xE1 && c != 0xED && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			r, n = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
		} else if len(s)-i >= 2 && c-0xC2 <= 0xDF-0xC2 && s[i+1]&0xC0 == 0x80 {
			r, n = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
		} else {
			r, n = strDecode(s, i, wtf8)
		}
		i += n
		if r >= 0x10000 {
			dst = strAppendEscapedRune(dst, r)
			continue
		}
		// strAppendEscapedRune for the BMP, written out: it is too big for
		// the compiler to inline.
		u := uint32(r)
		dst = append(dst, '\\', 'u', strHex[u>>12&0xF], strHex[u>>8&0xF], strHex[u>>4&0xF], strHex[u&0xF])
	}
	return dst, i
}
