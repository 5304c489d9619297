package jsondumprt

import (
	"unicode/utf8"
	"unsafe"
)

// The string kernels: the inner loops of string.go, where the time of a
// string-heavy document goes. strAppendEscapedKernel writes the inside of a
// string literal for either ensure_ascii; it has two bodies:
//
//   - strAppendEscapedKernelGeneric, in this file: pure Go, the twin, built
//     alone on other architectures and with -tags purego
//     (strkernel_generic.go), and run on amd64 processors without AVX2;
//   - on amd64 with AVX2 (CPUID, once, at start), two vector kernels in
//     strkernel_amd64.s, one per mode, each of which writes the longest
//     valid UTF-8 prefix of its input, with a pure-Go twin here:
//
//	strAppendEscapedASCIIAVX2  ensure_ascii=True: ASCII copied or escaped, all
//	                           other code points as \uXXXX (CJK 8 at a time);
//	                           twin strAppendASCIIRunGeneric
//	strAppendEscapedUTF8AVX2   ensure_ascii=False: valid UTF-8 copied and ASCII
//	                           escaped (validation, scan, copy and escapes in
//	                           one pass); twin strAppendUTF8RunGeneric
//
// string.go calls strAppendEscapedKernel for the strings of strKernelMin
// bytes or more that are not plain ASCII of at most 32. strkernel_test.go
// checks that the bodies give the same results for every length up to 200 at
// every alignment, and FuzzStringKernels for any input.
//
// Why: strings were about half the time of encoding twitter.json, and the
// \uXXXX escapes of its Japanese text a third of it with ensure_ascii. The
// kernels copy ASCII 32 bytes a step against the loops' 8, escape Japanese
// text 8 code points a step against one, and validate 32 bytes a step. On
// an AMD EPYC (Go 1.26, medians of interleaved runs against the loops alone):
// a 4 KB Japanese string 0.18x the time with ensure_ascii, 0.30x without;
// 4 KB of English 0.30x and 0.33x; a 100-byte tweet about 0.5x; and
// twitter.json's whole encode about 0.7x in both modes (about 0.65x and
// 0.45x of the instructions).

// strKernelMin is the length from which string.go hands a string that is not
// plain ASCII of at most 32 bytes (those it writes itself, with a few word
// loads and stores) to strAppendEscapedKernel; below it, it keeps to its byte
// loops. Instructions per call counted with callgrind (BenchmarkAppendStringShapes,
// against the scalar loops alone): with 4, "say \"hi\"\n" takes 410 against
// 514, "東京" 335 against 374 (293 against 285 with ensure_ascii=False),
// "前田あゆみ" 319 against 628; with 8 or 24 the strings below it paid both
// the word test and the loops.
const strKernelMin = 4

// strKernelRoom is the room in dst that a kernel wants at the start of each
// step: a step stores a 32-byte block, 48 bytes of escapes or an 8-byte
// escape, and stops, returning to its Go caller to grow dst, when less is
// left.
const strKernelRoom = 64

// strKernelChunk bounds the room a kernel's caller reserves ahead: twice the
// rest of s (the output of CJK text), but for at most this many bytes of it
// at a time.
const strKernelChunk = 4096

// strView returns s as a string that shares its bytes, and true, for the two
// types string.go is called with; for another type in the type set (a named
// string or byte slice type) it returns false, and the caller keeps to its
// scalar loop. The []byte case makes a string of bytes that may later change:
// the kernels only read it during the call and keep nothing.
func strView[S ~string | ~[]byte](s S) (string, bool) {
	switch v := any(s).(type) {
	case string:
		return v, true
	case []byte:
		return unsafe.String(unsafe.SliceData(v), len(v)), true
	}
	return "", false
}

// strAppendEscapedKernelGeneric is the pure-Go body of strAppendEscapedKernel:
// the inside of a string literal, as strAppendEscapedASCII (ascii) and
// strAppendEscapedUTF8 write it. strAppendASCIIRunGeneric or
// strAppendUTF8RunGeneric writes all it can, then this loop writes the
// invalid byte (U+FFFD) or, with wtf8, the surrogate (\udXXX) it stopped at,
// and goes on after it.
func strAppendEscapedKernelGeneric(dst []byte, s string, ascii, wtf8 bool) []byte {
	for {
		var n int
		if ascii {
			dst, n = strAppendASCIIRunGeneric(dst, s)
		} else {
			dst, n = strAppendUTF8RunGeneric(dst, s)
		}
		if s = s[n:]; len(s) == 0 {
			return dst
		}
		dst, n = strAppendInvalid(dst, s, ascii, wtf8)
		s = s[n:]
	}
}

// strAppendInvalid appends what stands for the start of s, a byte >= 0x80
// that does not begin a valid sequence, and returns the extended buffer and
// the number of bytes it stands for: with wtf8, a surrogate's three bytes as
// \udXXX; else the one byte as U+FFFD, \ufffd with ascii.
func strAppendInvalid(dst []byte, s string, ascii, wtf8 bool) ([]byte, int) {
	switch {
	case wtf8 && strIsSurrogate(s, 0):
		r, _ := strDecode(s, 0, true)
		return strAppendEscapedRune(dst, r), 3
	case ascii:
		return append(dst, `\ufffd`...), 1
	default:
		return append(dst, "\uFFFD"...), 1
	}
}

// strAppendASCIIRunGeneric is the pure-Go body of strAppendASCIIRun. It
// appends, as ensure_ascii=True writes it, the longest prefix of s that is
// valid UTF-8 (Go's rules, as unicode/utf8: shortest form, no surrogates, at
// most U+10FFFF): ASCII copied or escaped by strAppendEscapedByte, every other
// code point as \uXXXX (a surrogate pair above U+FFFF). It returns the
// extended buffer and the prefix's length; s[n], when n < len(s), is a byte
// >= 0x80 that does not begin a valid sequence (invalid, or in WTF-8 a
// surrogate's lead). Runs of three-byte sequences, most of the BMP, go
// through strAppendEscapedBMPGeneric.
//
//	strAppendASCIIRunGeneric(nil, "日本 \"x\"é\xff") → `\u65e5\u672c \"x\"\u00e9`, 13
func strAppendASCIIRunGeneric(dst []byte, s string) ([]byte, int) {
	i := 0
	for i < len(s) {
		j := strScanASCII(s, i)
		dst = append(dst, s[i:j]...)
		if i = j; i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			dst = strAppendEscapedByte(dst, c)
			i++
			continue
		}
		if c&0xF0 == 0xE0 {
			var n int
			if dst, n = strAppendEscapedBMPGeneric(dst, s[i:]); n > 0 {
				i += n
				continue
			}
		}
		r, size := strDecode(s, i, false)
		if r == utf8.RuneError && size == 1 {
			break
		}
		dst = strAppendEscapedRune(dst, r)
		i += size
	}
	return dst, i
}

// strAppendEscapedBMPGeneric appends the \uXXXX escapes of the longest run of
// code points at the start of s that are three-byte UTF-8 sequences of
// U+0800..U+FFFF outside the surrogates (E0 A0..BF, E1..EC, EE..EF, or ED
// 80..9F, each then one or two continuation bytes), and returns the extended
// buffer and the number of bytes of s converted, a multiple of 3.
func strAppendEscapedBMPGeneric(dst []byte, s string) ([]byte, int) {
	i := 0
	for len(s)-i >= 3 {
		c, b1, b2 := s[i], s[i+1], s[i+2]
		if c&0xF0 != 0xE0 || b1&0xC0 != 0x80 || b2&0xC0 != 0x80 ||
			(c == 0xE0 && b1 < 0xA0) || (c == 0xED && b1 >= 0xA0) {
			break
		}
		u := uint32(c&0x0F)<<12 | uint32(b1&0x3F)<<6 | uint32(b2&0x3F)
		dst = append(dst, '\\', 'u', strHex[u>>12], strHex[u>>8&0xF], strHex[u>>4&0xF], strHex[u&0xF])
		i += 3
	}
	return dst, i
}

// strAppendUTF8RunGeneric is the pure-Go body of strAppendUTF8Run. It
// appends, as ensure_ascii=False writes it, the longest prefix of s that is
// valid UTF-8 (Go's rules, as unicode/utf8: shortest form, no surrogates, at
// most U+10FFFF): '"', '\\' and bytes below 0x20 escaped by
// strAppendEscapedByte, all else copied. It returns the extended buffer and
// the prefix's length; s[n], when n < len(s), is a byte >= 0x80 that does
// not begin a valid sequence (invalid, or in WTF-8 a surrogate's lead).
//
//	strAppendUTF8RunGeneric(nil, "é\n\xffx") → "é\\n", 3
func strAppendUTF8RunGeneric(dst []byte, s string) ([]byte, int) {
	i := 0
	for {
		j := strScanUTF8(s, i)
		dst = append(dst, s[i:j]...)
		if i = j; i >= len(s) {
			return dst, i
		}
		if c := s[i]; c < utf8.RuneSelf {
			dst = strAppendEscapedByte(dst, c)
			i++
			continue
		}
		if j = strSkipMultiByte(s, i); j == i {
			return dst, i
		}
		dst = append(dst, s[i:j]...)
		i = j
	}
}
