//go:build !purego

package jsondumprt

import "slices"

// strHaveKernels reports whether this build has the vector kernels of
// strkernel_amd64.s. Whether the processor can run them is strUseAVX2.
const strHaveKernels = true

// strUseAVX2 reports whether the string kernels run their AVX2 bodies. It is
// set once, at start, from CPUID; tests turn it off to run the pure-Go twins
// through the same entry points.
var strUseAVX2 = cpuHasAVX2()

// strIndexEscapeASCII returns the index of the first byte of s that
// ensure_ascii=True does not copy as it is (false in strSafeASCII: below
// 0x20, above 0x7e, '"' or '\\'), or len(s). Its pure-Go twin is
// strIndexEscapeASCIIGeneric; with AVX2 it is strIndexEscapeASCIIAVX2.
func strIndexEscapeASCII(s string) int {
	if strUseAVX2 {
		return strIndexEscapeASCIIAVX2(s)
	}
	return strIndexEscapeASCIIGeneric(s)
}

// strAppendValidUTF8 appends to dst the longest prefix of s that is valid
// UTF-8 (Go's rules) holding no '"', '\\' or byte below 0x20, what
// ensure_ascii=False copies as it is, and returns the extended buffer and the
// prefix's length. Its pure-Go twin is strAppendValidUTF8Generic. With AVX2,
// strAppendValidUTF8AVX2 checks and copies it in one pass, except where it
// meets invalid UTF-8: there it stops at the start of the character in which
// the 32-byte block with the error begins, and the twin goes on from there
// (at most 35 bytes).
func strAppendValidUTF8(dst []byte, s string) ([]byte, int) {
	if !strUseAVX2 {
		return strAppendValidUTF8Generic(dst, s)
	}
	l := len(dst)
	if cap(dst)-l < len(s)+strValidSlack {
		dst = slices.Grow(dst, len(s)+strValidSlack)
	}
	n, exact := strAppendValidUTF8AVX2(dst[l:l+len(s)+strValidSlack], s)
	dst = dst[:l+n]
	if !exact {
		var m int
		dst, m = strAppendValidUTF8Generic(dst, s[n:])
		n += m
	}
	return dst, n
}

// strAppendEscapedBMP appends the \uXXXX escapes of the three-byte UTF-8
// sequences at the start of s and returns the extended buffer and the number
// of bytes of s converted: exactly what its pure-Go twin
// strAppendEscapedBMPGeneric does (see there). With AVX2 it first makes room
// for the whole output and the kernel's last block, then lets
// strEscapeBMPAVX2 write into dst's spare capacity.
func strAppendEscapedBMP(dst []byte, s string) ([]byte, int) {
	if !strUseAVX2 {
		return strAppendEscapedBMPGeneric(dst, s)
	}
	need := 2*len(s) + strBMPSlack
	if cap(dst)-len(dst) < need {
		dst = slices.Grow(dst, need)
	}
	n := strEscapeBMPAVX2(dst[len(dst):len(dst)+need], s)
	return dst[:len(dst)+2*n], n
}

// strIndexEscapeASCIIAVX2 is strIndexEscapeASCII with AVX2: 32 bytes per
// step, each byte tested with a signed compare of byte+1 against 0x21 (true
// below 0x20 and from 0x7f up, which wrap to negative) and equality with '"'
// and '\\'. The last 1 to 31 bytes are read as the last 32 bytes of s when s
// has 32, else copied into a zeroed buffer on the stack, whose zeros stop the
// scan at the end. It never reads outside s.
//
//go:noescape
func strIndexEscapeASCIIAVX2(s string) int

// strAppendValidUTF8AVX2 scans s for the bytes ensure_ascii=False must
// escape, validates it as UTF-8 and copies it to dst, 32 bytes per step, in one
// pass. Validation is the lookup-table method of Keiser and Lemire,
// "Validating UTF-8 In Less Than One Instruction Per Byte", Software: Practice
// and Experience 51(5), 2021 (§4-5): three 16-entry tables, indexed by the
// high and the low nibble of the previous byte and the high nibble of the
// current byte, AND-ed, flag every error that a pair of bytes shows
// (strUTF8Pair*); a saturating subtraction finds the bytes that must be the
// third or fourth of a sequence, whose flag cancels the "two continuations"
// error of the pair tables. A block with no byte >= 0x80, after a block with
// none, skips the tables (ASCII). The last 1 to 31 bytes are read as the last
// 32 bytes of s when those and the block before are ASCII; else they are
// copied into a zeroed stack buffer and checked as one more block, whose
// first zero after the end ends the scan and flags a sequence cut short.
//
// dst must be at least len(s)+strValidSlack bytes long; each block is stored
// to dst at its offset in s before it is checked. It returns (n, true) when n
// is exact, the length of the longest valid prefix without escapes: s[n] is
// an escape or n == len(s). When invalid UTF-8 stops it, it returns (m,
// false), m <= n: the start of the character that spans the start of the
// 32-byte block where the error shows, or that block's start; s[:m] is valid
// with no escapes. Either way dst[:n] (or dst[:m]) holds s's bytes. It never
// reads outside s and writes only within dst[:len(s)+strValidSlack].
//
//go:noescape
func strAppendValidUTF8AVX2(dst []byte, s string) (n int, exact bool)

// strEscapeBMPAVX2 is strAppendEscapedBMP with AVX2, writing the escapes into
// dst, which must be at least 2*len(s)+strBMPSlack bytes long, and returning
// the number of bytes of s converted. Each step loads 24 bytes, gathers each
// of the 8 sequences into a 32-bit lane as bytes [b0 b1 b1 b2] (VPSHUFB),
// checks the lanes against the pattern 1110xxxx 10xxxxxx 10xxxxxx and the
// overlong and surrogate ranges, makes the four hex digits of each lane with
// shifts and masks (b0&0xf, b1>>2&0xf, (b1&3)<<2|b2>>4&3, b2&0xf) and a
// VPSHUFB on "0123456789abcdef", and stores 48 bytes: eight `\u` and their
// digits. The step converts its k leading valid sequences (all 48 bytes are
// written, 6k are kept) and the loop stops after a step with k < 8. The last
// 3 to 23 bytes are copied into a zeroed buffer on the stack and converted
// from there as one more step. It never reads outside s, and writes only
// within dst[:2*len(s)+strBMPSlack].
//
//go:noescape
func strEscapeBMPAVX2(dst []byte, s string) int

// The classes of error of a pair of bytes (prev, cur) in UTF-8, one bit each,
// from Keiser and Lemire's §5 (the bit assignment is ours, with bit 7 kept
// for the class that the third and fourth bytes of a sequence cancel):
const (
	strUTF8Short     = 1 << 0 // a lead byte C0..FF then not a continuation: 11xxxxxx 0xxxxxxx, 11xxxxxx 11xxxxxx
	strUTF8Long      = 1 << 1 // ASCII then a continuation: 0xxxxxxx 10xxxxxx
	strUTF8Overlong2 = 1 << 2 // C0 or C1 then a continuation: U+0000..U+007F in two bytes
	strUTF8Overlong3 = 1 << 3 // E0 then 80..9F: below U+0800 in three bytes
	strUTF8Surrogate = 1 << 4 // ED then A0..BF: U+D800..U+DFFF
	strUTF8TooLarge  = 1 << 5 // F4..FF then 90..BF: above U+10FFFF (F5..FF never lead)
	strUTF8Over4Or8  = 1 << 6 // F0, F5..FF then 80..8F: below U+10000 in four bytes, or F5..FF again
	strUTF8TwoConts  = 1 << 7 // two continuations: an error unless cur is the third or fourth byte of a sequence
)

// strUTF8PairPrevHigh is the first table, indexed by the high nibble of the
// previous byte: each class whose set of previous bytes includes that nibble.
// The tables are AND-ed, so a class is flagged only when all three of the
// pair's nibbles are in its sets; every class is one such product of sets.
var strUTF8PairPrevHigh = [16]byte{
	strUTF8Long, strUTF8Long, strUTF8Long, strUTF8Long, // 0x0_..0x3_: ASCII
	strUTF8Long, strUTF8Long, strUTF8Long, strUTF8Long, // 0x4_..0x7_: ASCII
	strUTF8TwoConts, strUTF8TwoConts, strUTF8TwoConts, strUTF8TwoConts, // 0x8_..0xB_: continuation
	strUTF8Short | strUTF8Overlong2, // 0xC_: two-byte lead, C0 C1 overlong
	strUTF8Short,                    // 0xD_: two-byte lead
	strUTF8Short | strUTF8Overlong3 | strUTF8Surrogate, // 0xE_: three-byte lead, E0 overlong, ED surrogate
	strUTF8Short | strUTF8TooLarge | strUTF8Over4Or8,   // 0xF_: four-byte lead, F0 overlong, F4..FF too large
}

// strUTF8PairPrevLow is the second table, indexed by the low nibble of the
// previous byte. Short, Long and TwoConts do not depend on it.
var strUTF8PairPrevLow = [16]byte{
	strUTF8Short | strUTF8Long | strUTF8TwoConts | strUTF8Overlong2 | strUTF8Overlong3 | strUTF8Over4Or8, // _0: C0, E0, F0
	strUTF8Short | strUTF8Long | strUTF8TwoConts | strUTF8Overlong2,                                      // _1: C1
	strUTF8Short | strUTF8Long | strUTF8TwoConts,                                                         // _2
	strUTF8Short | strUTF8Long | strUTF8TwoConts,                                                         // _3
	strUTF8Short | strUTF8Long | strUTF8TwoConts | strUTF8TooLarge,                                       // _4: F4
	strUTF8Short | strUTF8Long | strUTF8TwoConts | strUTF8TooLarge | strUTF8Over4Or8,                     // _5: F5
	strUTF8Short | strUTF8Long | strUTF8TwoConts | strUTF8TooLarge | strUTF8Over4Or8,                     // _6: F6
	strUTF8Short | strUTF8Long | strUTF8TwoConts | strUTF8TooLarge | strUTF8Over4Or8,                     // _7: F7
	strUTF8Short | strUTF8Long | strUTF8TwoConts | strUTF8TooLarge | strUTF8Over4Or8,                     // _8: F8
	strUTF8Short | strUTF8Long | strUTF8TwoConts | strUTF8TooLarge | strUTF8Over4Or8,                     // _9: F9
	strUTF8Short | strUTF8Long | strUTF8TwoConts | strUTF8TooLarge | strUTF8Over4Or8,                     // _A: FA
	strUTF8Short | strUTF8Long | strUTF8TwoConts | strUTF8TooLarge | strUTF8Over4Or8,                     // _B: FB
	strUTF8Short | strUTF8Long | strUTF8TwoConts | strUTF8TooLarge | strUTF8Over4Or8,                     // _C: FC
	strUTF8Short | strUTF8Long | strUTF8TwoConts | strUTF8TooLarge | strUTF8Over4Or8 | strUTF8Surrogate,  // _D: ED, FD
	strUTF8Short | strUTF8Long | strUTF8TwoConts | strUTF8TooLarge | strUTF8Over4Or8,                     // _E: FE
	strUTF8Short | strUTF8Long | strUTF8TwoConts | strUTF8TooLarge | strUTF8Over4Or8,                     // _F: FF
}

// strUTF8PairCurHigh is the third table, indexed by the high nibble of the
// current byte.
var strUTF8PairCurHigh = [16]byte{
	strUTF8Short, strUTF8Short, strUTF8Short, strUTF8Short, // 0x0_..0x3_: ASCII, not a continuation
	strUTF8Short, strUTF8Short, strUTF8Short, strUTF8Short, // 0x4_..0x7_: ASCII
	strUTF8Long | strUTF8TwoConts | strUTF8Overlong2 | strUTF8Overlong3 | strUTF8Over4Or8, // 0x8_: 80..8F
	strUTF8Long | strUTF8TwoConts | strUTF8Overlong2 | strUTF8Overlong3 | strUTF8TooLarge, // 0x9_: 90..9F
	strUTF8Long | strUTF8TwoConts | strUTF8Overlong2 | strUTF8Surrogate | strUTF8TooLarge, // 0xA_: A0..AF
	strUTF8Long | strUTF8TwoConts | strUTF8Overlong2 | strUTF8Surrogate | strUTF8TooLarge, // 0xB_: B0..BF
	strUTF8Short, strUTF8Short, strUTF8Short, strUTF8Short, // 0xC_..0xF_: a lead, not a continuation
}

// Constants of strEscapeBMPAVX2. Lane j of 32 bits holds sequence j of the
// block; each 128-bit half of a YMM register holds four.
var (
	// strBMPGather picks bytes [b0 b1 b1 b2] of each sequence into its lane.
	// The low half loads s[0:16] (sequences 0..3 at 0, 3, 6, 9), the high
	// half s[8:24] (sequences 4..7 at 4, 7, 10, 13 of that half).
	strBMPGather = [32]byte{
		0, 1, 1, 2, 3, 4, 4, 5, 6, 7, 7, 8, 9, 10, 10, 11,
		4, 5, 5, 6, 7, 8, 8, 9, 10, 11, 11, 12, 13, 14, 14, 15,
	}
	strBMPPatMask   uint32 = 0xC0C0C0F0                                                                // keeps 1111____ 11______ 11______ 11______ of [b0 b1 b1 b2]
	strBMPPatWant   uint32 = 0x808080E0                                                                // 1110____ 10______ 10______ 10______
	strBMPRangeMask uint32 = 0x0000200F                                                                // b0&0x0f and b1&0x20: code point bits 15..11
	strBMPSurrogate        = [8]uint32{0x200D, 0x200D, 0x200D, 0x200D, 0x200D, 0x200D, 0x200D, 0x200D} // ED A0..BF: U+D800..U+DFFF; 0 (E0 80..9F) is overlong

	// The four hex digits as 16-bit words: [b0 b1] → b0&0x0f | (b1>>2&0x0f)<<8
	// and [b1 b2] → (b1&3)<<2 | b2>>4&3 | (b2&0x0f)<<8, so that the lane's
	// bytes are the digits from the most significant.
	strBMPKeep  uint32 = 0x0F00000F // b0&0x0f (digit 3) and b2&0x0f (digit 0)
	strBMPShr2  uint32 = 0x00000F00 // from word>>2: b1>>2&0x0f (digit 2)
	strBMPShl2  uint32 = 0x000C0000 // from word<<2: (b1&3)<<2 (digit 1, high bits)
	strBMPShr12 uint32 = 0x00030000 // from word>>12: b2>>4&3 (digit 1, low bits)
	strBMPHex          = [16]byte{'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'}
	strBMPOutA         = [32]byte{
		// Applied to the digits' quadwords 0,1 | 1,2 (VPERMQ $0x94):
		// out[0:16] = \u d0 \u d1 \u d2[0:2] from the low half,
		0x80, 0x80, 0, 1, 2, 3, 0x80, 0x80, 4, 5, 6, 7, 0x80, 0x80, 8, 9,
		// out[16:32] = d2[2:4] \u d3 \u d4 \u from the high half (d2 at 0).
		2, 3, 0x80, 0x80, 4, 5, 6, 7, 0x80, 0x80, 8, 9, 10, 11, 0x80, 0x80,
	}
	strBMPSlashUA = [32]byte{
		'\\', 'u', 0, 0, 0, 0, '\\', 'u', 0, 0, 0, 0, '\\', 'u', 0, 0,
		0, 0, '\\', 'u', 0, 0, 0, 0, '\\', 'u', 0, 0, 0, 0, '\\', 'u',
	}
	// out[32:48] = d5 \u d6 \u d7 from the digits' high half (d4 at 0).
	strBMPOutB    = [16]byte{4, 5, 6, 7, 0x80, 0x80, 8, 9, 10, 11, 0x80, 0x80, 12, 13, 14, 15}
	strBMPSlashUB = [16]byte{0, 0, 0, 0, '\\', 'u', 0, 0, 0, 0, '\\', 'u', 0, 0, 0, 0}
)
