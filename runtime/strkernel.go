package jsondumprt

import "unsafe"

// The string kernels: the three inner loops of string.go that the time of a
// string-heavy document goes to, each with one contract and two bodies.
//
//	strIndexEscapeASCII  the first byte that ensure_ascii=True does not copy
//	strAppendValidUTF8   the longest prefix that ensure_ascii=False copies as
//	                     it is: valid UTF-8 with no '"', '\\' or byte below
//	                     0x20 (validation, scan and copy in one pass)
//	strAppendEscapedBMP  \uXXXX escapes for a run of three-byte sequences (CJK)
//
// The bodies are a pure-Go twin, strXxxGeneric in this file, and on amd64 with
// AVX2 a vector kernel in strkernel_amd64.s; strkernel_amd64.go chooses once,
// at start, from CPUID. The twin alone is built on other architectures and
// with -tags purego (strkernel_generic.go). strkernel_test.go checks that both
// bodies return the same results for every length up to 200 at every
// alignment, and FuzzStringKernels for any input.
//
// The kernels take a string; strView gives the string and the []byte forms
// of string.go's generic functions one view without copying.

// strKernelMin is the length from which string.go calls a scan kernel rather
// than its own 8-byte loop. Below it the loop finishes in a few steps, and a
// call into assembly, which Go cannot inline, costs more than it saves.
// Measured on this project's benchmarks (BenchmarkAppendStringShapes, AMD
// EPYC): strings of 5 to 18 bytes were up to 10% slower through the kernel,
// 30 bytes and more faster.
const strKernelMin = 24

// strValidSlack is the room strAppendValidUTF8AVX2 needs in dst beyond a copy
// of all of s: it stores whole 32-byte blocks, the last one from at most the
// end of s.
const strValidSlack = 32

// strBMPSlack is the room strEscapeBMPAVX2 needs in dst beyond the escapes
// of all of s: its last block is stored whole, 48 bytes, from at most 3 bytes
// before the end of s (6 before the end of the escapes).
const strBMPSlack = 48

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

// strIndexEscapeASCIIGeneric is the pure-Go body of strIndexEscapeASCII: the
// index of the first byte of s that is false in strSafeASCII (a byte outside
// 0x20..0x7e, '"' or '\\'), or len(s). It is string.go's 8-byte loop.
func strIndexEscapeASCIIGeneric(s string) int {
	return strScanASCIIWords(s, 0)
}

// strIndexEscapeUTF8Generic returns the length of the longest prefix of s
// that is valid UTF-8 (Go's rules, as unicode/utf8: shortest form, no
// surrogates, at most U+10FFFF) and holds no '"', '\\' or byte below 0x20.
// s[n], when n < len(s), is then either an ASCII byte to escape or a byte >=
// 0x80 that does not begin a valid sequence (an invalid byte, or in WTF-8 the
// start of a surrogate).
func strIndexEscapeUTF8Generic(s string) int {
	return strScanUTF8Words(s, 0)
}

// strAppendValidUTF8Generic is the pure-Go body of strAppendValidUTF8: it
// appends s[:n] to dst, n = strIndexEscapeUTF8Generic(s), and returns the
// extended buffer and n.
func strAppendValidUTF8Generic(dst []byte, s string) ([]byte, int) {
	n := strIndexEscapeUTF8Generic(s)
	return append(dst, s[:n]...), n
}

// strAppendEscapedBMPGeneric is the pure-Go body of strAppendEscapedBMP. It
// appends the \uXXXX escapes of the longest run of code points at the start
// of s that are three-byte UTF-8 sequences of U+0800..U+FFFF outside the
// surrogates U+D800..U+DFFF (E0 A0..BF, E1..EC, EE..EF, or ED 80..9F, each
// then one or two continuation bytes), and returns the extended buffer and
// the number of bytes of s converted, a multiple of 3. Most CJK text is such
// a run; it ends at ASCII, at any other sequence and at invalid UTF-8, which
// the caller's own loop then handles.
//
//	strAppendEscapedBMPGeneric(nil, "日本語 text") → `\u65e5\u672c\u8a9e`, 9
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
