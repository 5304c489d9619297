//go:build !purego

package jsondumprt

import (
	"encoding/binary"
	"slices"
)

// strUseAVX2 reports whether the string kernels run their AVX2 bodies. It is
// set once, at start, from CPUID; tests turn it off to run the pure-Go twins
// through the same entry points.
var strUseAVX2 = cpuHasAVX2()

// strAppendEscapedKernel writes the inside of a string literal, as
// strAppendEscapedASCII (ascii) and strAppendEscapedUTF8 write it: exactly
// what its pure-Go twin strAppendEscapedKernelGeneric writes. With AVX2 it
// reserves room in dst and lets the mode's kernel write into it; the kernel
// returns when it has written all of s, when it needs more room (then at the
// start of a code point), and at invalid UTF-8, which strAppendInvalid
// writes. strAppendEscapedUTF8AVX2 may stop up to 35 bytes before the invalid
// byte; strAppendUTF8RunGeneric writes those.
func strAppendEscapedKernel(dst []byte, s string, ascii, wtf8 bool) []byte {
	if !strUseAVX2 {
		return strAppendEscapedKernelGeneric(dst, s, ascii, wtf8)
	}
	for {
		// The room each call wants: all of s (twice with ascii, the size
		// of CJK's escapes; escapes of ASCII can take 6 bytes per byte,
		// and then the kernel stops for more), but only strKernelChunk
		// bytes of s at a time.
		want := min(len(s), strKernelChunk) + strKernelRoom
		if ascii {
			want += min(len(s), strKernelChunk)
		}
		if cap(dst)-len(dst) < want {
			dst = slices.Grow(dst, want)
		}
		l := len(dst)
		var in, out int
		exact := true
		if ascii {
			in, out = strAppendEscapedASCIIAVX2(dst[l:cap(dst)], s)
		} else {
			in, out, exact = strAppendEscapedUTF8AVX2(dst[l:cap(dst)], s)
		}
		dst = dst[:l+out]
		if s = s[in:]; len(s) == 0 {
			return dst
		}
		if !exact {
			var n int
			dst, n = strAppendUTF8RunGeneric(dst, s)
			if s = s[n:]; len(s) == 0 {
				return dst
			}
		} else if cap(dst)-len(dst) < strKernelRoom || !ascii {
			// Out of room (ensure_ascii=False stops with exact only
			// for that, or at the end).
			continue
		}
		var n int
		dst, n = strAppendInvalid(dst, s, ascii, wtf8)
		s = s[n:]
	}
}

// strAppendEscapedASCIIAVX2 writes, as ensure_ascii=True writes it, the
// longest prefix of s that is valid UTF-8 (the contract of its pure-Go twin,
// strAppendASCIIRunGeneric) into dst
// and returning the bytes of s it consumed and the bytes of dst it wrote.
// Per step it copies a block of 32 bytes when all are 0x20..0x7e but '"' and
// '\\' (tested with a signed compare of byte+1 against 0x21, true below 0x20
// and from 0x7f up, and two compares for equality); escapes another ASCII
// byte through strASCIIEscapes; converts 8 three-byte sequences, 24 bytes in
// and 48 out: each gathered into a 32-bit lane as bytes [b0 b1 b1 b2]
// (VPSHUFB), checked against the pattern 1110xxxx 10xxxxxx 10xxxxxx and the
// overlong and surrogate ranges, its four hex digits made with shifts and
// masks (b0&0xf, b1>>2&0xf, (b1&3)<<2|b2>>4&3, b2&0xf) and a VPSHUFB on
// "0123456789abcdef" (a step converts its k leading valid sequences); or
// escapes one two- or four-byte sequence with scalar code. The last 1 to 31
// bytes of s are loaded into a register, followed by zeros, with loads that
// stay within them, and go through the same steps; it never reads outside s.
//
// It stops at the end of s, at a byte >= 0x80 that does not start a valid
// sequence, or at the start of a step with fewer than strKernelRoom bytes of
// dst left; every stop is at the start of a code point. It writes only
// within dst, past the bytes it reports as scratch.
//
//go:noescape
func strAppendEscapedASCIIAVX2(dst []byte, s string) (in, out int)

// strAppendEscapedUTF8AVX2 writes, as ensure_ascii=False writes it, the
// longest prefix of s that is valid UTF-8 (the contract of its pure-Go twin,
// strAppendUTF8RunGeneric) into dst
// and returning the bytes of s consumed, the bytes of dst written, and
// whether it stopped where the twin would. Per 32-byte block it stores the
// block, finds the bytes to escape (below 0x20, '"', '\\') and validates it
// as UTF-8 by the lookup-table method of Keiser and Lemire, "Validating UTF-8
// In Less Than One Instruction Per Byte", Software: Practice and Experience
// 51(5), 2021 (§5): three 16-entry tables, indexed by the high and the low
// nibble of the previous byte and the high nibble of the current byte,
// AND-ed, flag every error a pair of bytes shows (strUTF8Pair*); a saturating
// subtraction finds the bytes that must be the third or fourth of a sequence,
// whose flag cancels the "two continuations" error of the pair tables. A
// block with no byte >= 0x80, after a block with none, skips the tables. An
// escape before the first error is written through strASCIIEscapes, and the
// scan starts afresh after it. The last 1 to 31 bytes are loaded into a
// register, followed by zeros, with loads that stay within them, and checked
// as one more block, whose zeros end the scan and flag a sequence cut short.
// It never reads outside s.
//
// It returns exact = true at the end of s, and when fewer than
// strKernelRoom bytes of dst are left at the start of a step (then at the
// start of a code point). At invalid UTF-8 it returns exact = false and
// stops at the start of the character in which the 32-byte block with the
// error begins, or at that block's start: at most 35 bytes before the
// invalid byte, with all before it valid and written. It writes only within
// dst, past the bytes it reports as scratch.
//
//go:noescape
func strAppendEscapedUTF8AVX2(dst []byte, s string) (in, out int, exact bool)

// strASCIIEscapes gives, for each ASCII byte, its escape as both kernels
// store it: up to 6 bytes of text in the low bytes (little-endian), its
// length in the top byte. A byte that is copied as it is has itself, length
// 1 (the ASCII kernel looks one up after a \uXXXX step that stopped on it). It is built from strShortEscape and
// strHex, the tables of strAppendEscapedByte: '\n' → `\n` (2), 0x01 → `\u0001`
// (6), 0x7f → `\u007f` (6, ensure_ascii=True only).
var strASCIIEscapes = func() (t [128]uint64) {
	for c := range t {
		e := strAppendEscapedByte(nil, byte(c))
		if c >= 0x20 && c < 0x7f && c != '"' && c != '\\' {
			e = []byte{byte(c)}
		}
		for k, b := range e {
			t[c] |= uint64(b) << (8 * k)
		}
		t[c] |= uint64(len(e)) << 56
	}
	return t
}()

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

// Constants of strAppendEscapedASCIIAVX2's \uXXXX steps, and strBMPHex of
// its scalar escapes too. Lane j of 32 bits
// holds sequence j of the step; each 128-bit half of a YMM register holds
// four. The 32-bit constants are repeated in all 8 lanes, for memory operands.
var (
	// strBMPGather picks bytes [b0 b1 b1 b2] of each sequence into its lane.
	// The low half loads s[0:16] (sequences 0..3 at 0, 3, 6, 9), the high
	// half s[8:24] (sequences 4..7 at 4, 7, 10, 13 of that half).
	strBMPGather = [32]byte{
		0, 1, 1, 2, 3, 4, 4, 5, 6, 7, 7, 8, 9, 10, 10, 11,
		4, 5, 5, 6, 7, 8, 8, 9, 10, 11, 11, 12, 13, 14, 14, 15,
	}
	strBMPPatMask   = strLanes(0xC0C0C0F0) // keeps 1111____ 11______ 11______ 11______ of [b0 b1 b1 b2]
	strBMPPatWant   = strLanes(0x808080E0) // 1110____ 10______ 10______ 10______
	strBMPRangeMask = strLanes(0x0000200F) // b0&0x0f and b1&0x20: code point bits 15..11
	strBMPSurrogate = strLanes(0x0000200D) // ED A0..BF: U+D800..U+DFFF; 0 (E0 80..9F) is overlong

	// The four hex digits as 16-bit words: [b0 b1] → b0&0x0f | (b1>>2&0x0f)<<8
	// and [b1 b2] → (b1&3)<<2 | b2>>4&3 | (b2&0x0f)<<8, so that the lane's
	// bytes are the digits from the most significant.
	strBMPKeep  = strLanes(0x0F00000F) // b0&0x0f (digit 3) and b2&0x0f (digit 0)
	strBMPShr2  = strLanes(0x00000F00) // from word>>2: b1>>2&0x0f (digit 2)
	strBMPShl2  = strLanes(0x000C0000) // from word<<2: (b1&3)<<2 (digit 1, high bits)
	strBMPShr12 = strLanes(0x00030000) // from word>>12: b2>>4&3 (digit 1, low bits)
	strBMPHex   = [16]byte{'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'}
	strBMPOutA  = [32]byte{
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

// strTailWindow gives the VPSHUFB indices that shift 16 bytes right by k
// (0 <= k <= 16) when read from &strTailWindow[k]: k, k+1, ..., 15, then
// 0x80, which makes a zero. STR_TAIL_VEC uses it for tails of 16 to 31 bytes.
var strTailWindow = [32]byte{
	0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
	0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
}

// strLanes returns x in each of 8 little-endian 32-bit lanes.
func strLanes(x uint32) (v [32]byte) {
	for i := 0; i < 32; i += 4 {
		binary.LittleEndian.PutUint32(v[i:], x)
	}
	return v
}
