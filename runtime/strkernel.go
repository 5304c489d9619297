package jsondumprt

import (
	"unicode/utf8"
	"unsafe"
)

// The string kernels: the inner loops of string.go, where the time of a
// string-heavy document goes, each with one contract and two bodies.
//
//	strAppendASCIIRun  ensure_ascii=True: ASCII copied or escaped, all other
//	                   code points as \uXXXX (CJK 8 at a time), up to the
//	                   first invalid byte
//	strAppendUTF8Run   ensure_ascii=False: valid UTF-8 copied and ASCII
//	                   escaped, up to the first invalid byte (validation,
//	                   scan, copy and escapes in one pass)
//
// The bodies are a pure-Go twin, strXxxGeneric in this file, and on amd64 with
// AVX2 a vector kernel in strkernel_amd64.s; strkernel_amd64.go chooses once,
// at start, from CPUID. The twin alone is built on other architectures and
// with -tags purego (strkernel_generic.go), where string.go keeps to its own
// loops, the twins' building blocks. strkernel_test.go checks that both
// bodies give the same results for every length up to 200 at every
// alignment, and FuzzStringKernels for any input.
//
// Measured with BenchmarkAppendStringShapes and bench/'s encodes of
// twitter.json (AMD EPYC, Go 1.26; see the commit messages for the numbers):
// ASCII prose is copied at about 32 bytes a step against 8, Japanese text is
// escaped 8 code points a step against one, and validated 32 bytes a step.

// strKernelMin is the length from which string.go's escaping loops hand a
// string to the kernels. Shorter ones that strAppendShort does not take
// (those with escapes or non-ASCII) stay in the loops: a call into assembly,
// which Go cannot inline, and the kernel's set-up cost more than they save.
const strKernelMin = 24

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

// strAppendEscapedASCIIKernel is strAppendEscapedASCII with the kernel
// strAppendASCIIRun: the kernel writes all it can, then this loop escapes the
// invalid byte (\ufffd) or, with wtf8, the surrogate (\udXXX) it stopped at,
// and hands the rest back.
func strAppendEscapedASCIIKernel(dst []byte, s string, wtf8 bool) []byte {
	i := 0
	for {
		var n int
		dst, n = strAppendASCIIRun(dst, s[i:])
		if i += n; i >= len(s) {
			return dst
		}
		r, size := strDecode(s, i, wtf8)
		dst = strAppendEscapedRune(dst, r)
		i += size
	}
}

// strAppendEscapedUTF8Kernel is strAppendEscapedUTF8 with the kernel
// strAppendUTF8Run: the kernel writes all it can, then this loop writes the
// invalid byte (U+FFFD) or, with wtf8, the surrogate (\uXXXX) it stopped at,
// and hands the rest back.
func strAppendEscapedUTF8Kernel(dst []byte, s string, wtf8 bool) []byte {
	i := 0
	for {
		var n int
		dst, n = strAppendUTF8Run(dst, s[i:])
		if i += n; i >= len(s) {
			return dst
		}
		if wtf8 && strIsSurrogate(s, i) {
			r, _ := strDecode(s, i, true)
			dst = strAppendEscapedRune(dst, r)
			i += 3
		} else {
			dst = append(dst, "\uFFFD"...)
			i++
		}
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
