//go:build !purego

#include "textflag.h"

// Vector string kernels for string.go, AVX2 (with BMI1's TZCNT): the inside
// of a JSON string literal as CPython's json.dumps writes it, 32 bytes per
// step. Each has a pure-Go twin of the same contract (strkernel.go) that the
// tests compare it with; strkernel_amd64.go documents the contracts and holds
// the constants.
//
// strAppendEscapedASCIIAVX2 (ensure_ascii=True): copies the bytes
//   0x20..0x7e but '"' and '\\', escapes the other ASCII bytes through the
//   table strASCIIEscapes, and turns runs of three-byte UTF-8 sequences
//   (U+0800..U+FFFF, most of the BMP: CJK) into \uXXXX, 8 per step: each
//   sequence gathered into a 32-bit lane as [b0 b1 b1 b2] (VPSHUFB),
//   checked against its pattern and ranges, its four hex digits made with
//   shifts and masks and a VPSHUFB on "0123456789abcdef", and 48 bytes of
//   escapes stored. Two- and four-byte sequences are escaped one at a time
//   by scalar code. It stops at invalid UTF-8.
//
// strAppendEscapedUTF8AVX2 (ensure_ascii=False): copies valid UTF-8 and
//   escapes the ASCII bytes below 0x20, '"' and '\\' the same way, and
//   validates as it goes by the lookup-table method of John Keiser and
//   Daniel Lemire, "Validating UTF-8 In Less Than One Instruction Per Byte",
//   Software: Practice and Experience 51(5):950-964, 2021,
//   https://arxiv.org/abs/2010.03090 (§5, "lookup" algorithm): for each
//   byte and the one before it, three VPSHUFB lookups (high and low nibble
//   of the previous byte, high nibble of the current one) AND-ed give the
//   classes of error the pair shows; the bytes that must be the 3rd or 4th
//   of a sequence come from saturating subtractions on the bytes 2 and 3
//   before, and cancel the "two continuations" class. Written from the
//   paper's description. It stops at invalid UTF-8.
//
// Both store each 32-byte block to dst before they test it (what follows
// the end of the kept bytes in dst is scratch), and stop, to be called again
// with more room, when fewer than 64 bytes of dst are left at the start of a
// step. Neither reads outside s: the last 1 to 31 bytes are loaded into a
// register by STR_TAIL_VEC, followed by zeros, and go through the same
// steps as a block, whose zeros end the scan. Both end with VZEROUPPER, as
// Go's own AVX2 code does, so that SSE code after them pays no transition
// penalty.
//
// Registers common to both: SI = s, BX = len(s), AX = offset in s of the
// next byte; DI = where its output goes in dst, R12 = dst, R13 = the end
// of dst.

// STR_TAIL_VEC sets Y0 to the CX bytes at SI, 1 to 31, followed by zeros,
// with loads that stay within the CX bytes and no store: overlapping loads
// of the largest power of two not above CX, the second shifted right by the
// overlap (in a register, or above 16 bytes by VPSHUFB with a window of
// strTailWindow) and put beside the first. The tail is never stored to memory
// and loaded back whole, which would stall on store-to-load forwarding. It
// clobbers R8, R10, R11, X1, X2; l8, l4, l1, l1b and done name its labels.
#define STR_TAIL_VEC(l8, l4, l1, l1b, done) \
	CMPQ        CX, $16 \
	JB          l8 \
	VMOVDQU     (SI), X0 \
	VMOVDQU     -16(SI)(CX*1), X1 \
	MOVQ        $32, R8 \
	SUBQ        CX, R8 \
	LEAQ        ·strTailWindow(SB), R10 \
	VMOVDQU     (R10)(R8*1), X2 \
	VPSHUFB     X2, X1, X1 \
	VINSERTI128 $1, X1, Y0, Y0 \
	JMP         done \
l8: \
	CMPQ    CX, $8 \
	JB      l4 \
	MOVQ    (SI), R8 \
	MOVQ    -8(SI)(CX*1), R10 \
	MOVQ    CX, R11 \
	NEGQ    CX \
	ADDQ    $15, CX \
	SHLQ    $3, CX \
	SHRQ    CX, R10 \
	SHRQ    $8, R10 \
	MOVQ    R11, CX \
	VMOVQ   R8, X0 \
	VPINSRQ $1, R10, X0, X0 \
	JMP     done \
l4: \
	CMPQ  CX, $4 \
	JB    l1 \
	MOVL  (SI), R8 \
	MOVL  -4(SI)(CX*1), R10 \
	MOVQ  CX, R11 \
	NEGQ  CX \
	ADDQ  $8, CX \
	SHLQ  $3, CX \
	SHRQ  CX, R10 \
	SHLQ  $32, R10 \
	ORQ   R10, R8 \
	MOVQ  R11, CX \
	VMOVQ R8, X0 \
	JMP   done \
l1: \
	MOVBQZX (SI), R8 \
	MOVBQZX -1(SI)(CX*1), R10 \
	MOVQ    CX, R11 \
	DECQ    CX \
	SHLQ    $3, CX \
	SHLQ    CX, R10 \
	ORQ     R10, R8 \
	MOVQ    R11, CX \
	CMPQ    CX, $3 \
	JB      l1b \
	MOVBQZX 1(SI), R10 \
	SHLQ    $8, R10 \
	ORQ     R10, R8 \
l1b: \
	VMOVQ R8, X0 \
done:

// STR_HEX4 sets W to the 6 bytes "\\uXXXX" of the 16-bit value in V,
// little-endian, with lower-case hex digits from strBMPHex at R11. It
// clobbers V and R8.
#define STR_HEX4(V, W) \
	MOVQ    $0x755c, W \
	MOVL    V, R8 \
	SHRL    $12, R8 \
	MOVBQZX (R11)(R8*1), R8 \
	SHLQ    $16, R8 \
	ORQ     R8, W \
	MOVL    V, R8 \
	SHRL    $8, R8 \
	ANDL    $0xf, R8 \
	MOVBQZX (R11)(R8*1), R8 \
	SHLQ    $24, R8 \
	ORQ     R8, W \
	MOVL    V, R8 \
	SHRL    $4, R8 \
	ANDL    $0xf, R8 \
	MOVBQZX (R11)(R8*1), R8 \
	SHLQ    $32, R8 \
	ORQ     R8, W \
	ANDL    $0xf, V \
	MOVBQZX (R11)(V*1), R8 \
	SHLQ    $40, R8 \
	ORQ     R8, W

// STR_BROADCAST sets every byte of Y to the byte c, through R8.
#define STR_BROADCAST(c, X, Y) \
	MOVL         $c, R8 \
	VMOVQ        R8, X \
	VPBROADCASTB X, Y

// STR_ASCII_BAD sets DX to the mask of the bytes of V (a Y register) that
// ensure_ascii=True does not copy: 0x21 > byte+1 as signed bytes holds for
// 0x00..0x1f (1..0x20) and 0x7f..0xff (0x80..0xff and 0x00: negative or
// zero); then '"' and '\\'. Y15 = 0x21, Y14 = '"', Y13 = '\\', Y12 = 0x01;
// clobbers Y1, Y2, Y3.
#define STR_ASCII_BAD(V) \
	VPADDB    Y12, V, Y1 \
	VPCMPGTB  Y1, Y15, Y1 \
	VPCMPEQB  Y14, V, Y2 \
	VPCMPEQB  Y13, V, Y3 \
	VPOR      Y2, Y1, Y1 \
	VPOR      Y3, Y1, Y1 \
	VPMOVMSKB Y1, DX

// STR_UTF8_ESC sets CX to the mask of the bytes of V that ensure_ascii=False
// escapes, below 0x20 (0x20 > byte as signed bytes, less the bytes >= 0x80,
// which are negative), '"' and '\\', and DX to the mask of its bytes >= 0x80.
// Y15 = 0x20, Y14 = '"', Y13 = '\\'; clobbers Y1, Y2, Y3.
#define STR_UTF8_ESC(V) \
	VPCMPGTB  V, Y15, Y1 \
	VPCMPEQB  Y14, V, Y2 \
	VPCMPEQB  Y13, V, Y3 \
	VPOR      Y3, Y2, Y2 \
	VPOR      Y2, Y1, Y1 \
	VPMOVMSKB Y1, CX \
	VPMOVMSKB V, DX \
	ANDNL     CX, DX, CX

// func strAppendEscapedASCIIAVX2(dst []byte, s string) (in, out int)
TEXT ·strAppendEscapedASCIIAVX2(SB), NOSPLIT, $0-56
	MOVQ dst_base+0(FP), DI
	MOVQ DI, R12
	MOVQ dst_len+8(FP), R13
	ADDQ DI, R13
	MOVQ s_base+24(FP), SI
	MOVQ s_len+32(FP), BX
	XORQ AX, AX

	// The ASCII test: Y15 = 0x21, Y14 = '"', Y13 = '\\', Y12 = 0x01 in every
	// byte. The escapes of three-byte sequences: Y11 = strBMPHex in both
	// halves, Y10 = 0, Y9 = strBMPGather, Y8 = strBMPOutA, Y7 =
	// strBMPSlashUA, Y6 = strBMPKeep; the other constants are memory
	// operands. Y0..Y5 are scratch.
	STR_BROADCAST(0x21, X15, Y15)
	STR_BROADCAST(0x22, X14, Y14)
	STR_BROADCAST(0x5c, X13, Y13)
	STR_BROADCAST(0x01, X12, Y12)
	VBROADCASTI128 ·strBMPHex(SB), Y11
	VPXOR          Y10, Y10, Y10
	VMOVDQU        ·strBMPGather(SB), Y9
	VMOVDQU        ·strBMPOutA(SB), Y8
	VMOVDQU        ·strBMPSlashUA(SB), Y7
	VMOVDQU        ·strBMPKeep(SB), Y6

ea_loop:
	// Each step starts with 64 bytes of room, else it is the caller's
	// turn to grow dst. CX = bytes left.
	MOVQ R13, DX
	SUBQ DI, DX
	CMPQ DX, $64
	JB   ea_ret
	MOVQ BX, CX
	SUBQ AX, CX
	CMPQ CX, $32
	JB   ea_tail

	// A block of 32: stored, then tested; all copied, or up to the first
	// byte that needs more.
	VMOVDQU (SI)(AX*1), Y0
	VMOVDQU Y0, (DI)
	STR_ASCII_BAD(Y0)
	TESTL   DX, DX
	JNZ     ea_stop
	ADDQ    $32, AX
	ADDQ    $32, DI
	JMP     ea_loop

ea_stop:
	TZCNTL DX, DX
	ADDQ   DX, AX
	ADDQ   DX, DI

ea_attend:
	// s[AX] is not copied: an ASCII byte is escaped through the table
	// (8 bytes stored, the escape's length in the top byte), a byte >=
	// 0x80 goes to ea_multi. Room: at least 33 bytes.
	MOVBLZX (SI)(AX*1), DX
	CMPL    DX, $0x80
	JAE     ea_multi
	LEAQ    ·strASCIIEscapes(SB), R8
	MOVQ    (R8)(DX*8), R8
	MOVQ    R8, (DI)
	SHRQ    $56, R8
	ADDQ    R8, DI
	INCQ    AX
	JMP     ea_loop

ea_multi:
	// DX = s[AX] >= 0x80: a three-byte lead to the vector loop; a two- or
	// four-byte sequence escaped here, one at a time (R8..R11 scratch);
	// anything else (invalid UTF-8, a surrogate) to the caller.
	MOVL DX, R8
	ANDL $0xf0, R8
	CMPL R8, $0xe0
	JEQ  ea_bmp
	CMPL DX, $0xc2
	JB   ea_ret
	CMPL DX, $0xe0
	JAE  ea_four

	// C2..DF b1: \u0XXX with XXX = (DX&0x1f)<<6 | b1&0x3f, below 0x800.
	// R8 = the 6 bytes of the escape, little-endian: '\\' 'u' '0' and
	// the three digits from strBMPHex.
	LEAQ    1(AX), R8
	CMPQ    R8, BX
	JAE     ea_ret
	MOVBLZX 1(SI)(AX*1), R8
	MOVL    R8, R9
	ANDL    $0xc0, R9
	CMPL    R9, $0x80
	JNE     ea_ret
	ANDL    $0x1f, DX
	SHLL    $6, DX
	ANDL    $0x3f, R8
	ORL     R8, DX
	LEAQ    ·strBMPHex(SB), R11
	MOVL    DX, R9
	SHRL    $8, R9
	MOVBQZX (R11)(R9*1), R9
	MOVL    DX, R10
	SHRL    $4, R10
	ANDL    $0xf, R10
	MOVBQZX (R11)(R10*1), R10
	ANDL    $0xf, DX
	MOVBQZX (R11)(DX*1), DX
	SHLQ    $24, R9
	SHLQ    $32, R10
	SHLQ    $40, DX
	MOVQ    $0x30755c, R8
	ORQ     R9, R8
	ORQ     R10, R8
	ORQ     DX, R8
	MOVQ    R8, (DI)
	ADDQ    $6, DI
	ADDQ    $2, AX
	JMP     ea_loop

ea_four:
	// F0..F4 b1 b2 b3 (F0 with b1 >= 0x90, F4 with b1 < 0x90): the
	// surrogate pair \udXXX\udXXX of the code point c >= 0x10000,
	// hi = 0xd800 | (c-0x10000)>>10, lo = 0xdc00 | (c-0x10000)&0x3ff.
	// R8 = the bytes b0 b1 b2 b3 (little-endian), R9 = b1; DX = c; each
	// half is stored as 8 bytes, the second 6 bytes after the first.
	CMPL    DX, $0xf4
	JA      ea_ret
	LEAQ    3(AX), R8
	CMPQ    R8, BX
	JAE     ea_ret
	MOVL    (SI)(AX*1), R8
	MOVL    R8, R9
	ANDL    $0xc0c0c000, R9
	CMPL    R9, $0x80808000
	JNE     ea_ret
	MOVL    R8, R9
	SHRL    $8, R9
	ANDL    $0xff, R9
	CMPL    DX, $0xf0
	JNE     ea_four_f4
	CMPL    R9, $0x90
	JB      ea_ret
	JMP     ea_four_ok

ea_four_f4:
	CMPL DX, $0xf4
	JNE  ea_four_ok
	CMPL R9, $0x90
	JAE  ea_ret

ea_four_ok:
	// DX = c = (b0&7)<<18 | (b1&0x3f)<<12 | (b2&0x3f)<<6 | b3&0x3f.
	ANDL    $7, DX
	SHLL    $18, DX
	ANDL    $0x3f, R9
	SHLL    $12, R9
	ORL     R9, DX
	MOVL    R8, R9
	SHRL    $16, R9
	ANDL    $0x3f, R9
	SHLL    $6, R9
	ORL     R9, DX
	SHRL    $24, R8
	ANDL    $0x3f, R8
	ORL     R8, DX
	SUBL    $0x10000, DX
	LEAQ    ·strBMPHex(SB), R11

	// The high half: 0xd800 | DX>>10; R10 = its escape.
	MOVL    DX, R9
	SHRL    $10, R9
	ORL     $0xd800, R9
	STR_HEX4(R9, R10)
	MOVQ    R10, (DI)

	// The low half: 0xdc00 | DX&0x3ff.
	ANDL    $0x3ff, DX
	ORL     $0xdc00, DX
	STR_HEX4(DX, R10)
	MOVQ    R10, 6(DI)
	ADDQ    $12, DI
	ADDQ    $4, AX
	JMP     ea_loop

ea_bmp:
	// A step of 8 three-byte sequences, 24 bytes in and 48 out, needs 48
	// bytes of room. Y0 = [s[AX:AX+16], s[AX+8:AX+24]]: sequences 0..3
	// at 0, 3, 6, 9 of the low half, 4..7 at 4, 7, 10, 13 of the high.
	MOVQ R13, DX
	SUBQ DI, DX
	CMPQ DX, $48
	JB   ea_ret
	MOVQ BX, CX
	SUBQ AX, CX
	CMPQ CX, $24
	JB   ea_bmp_tail
	VMOVDQU     (SI)(AX*1), X0
	VINSERTI128 $1, 8(SI)(AX*1), Y0, Y0

ea_bmp_block:
	// Y0 = each sequence's [b0 b1 b1 b2] in its 32-bit lane.
	VPSHUFB Y9, Y0, Y0

	// CX = k, the number of leading lanes that hold a sequence to convert:
	// 1110xxxx 10xxxxxx 10xxxxxx, not overlong (code point bits 15..11
	// zero: E0 80..9F), not a surrogate (11011: ED A0..BF).
	VPAND     ·strBMPPatMask(SB), Y0, Y1
	VPCMPEQD  ·strBMPPatWant(SB), Y1, Y1
	VPAND     ·strBMPRangeMask(SB), Y0, Y2
	VPCMPEQD  ·strBMPSurrogate(SB), Y2, Y3
	VPCMPEQD  Y10, Y2, Y2
	VPOR      Y3, Y2, Y2
	VPANDN    Y1, Y2, Y1
	VMOVMSKPS Y1, CX
	NOTL      CX
	ORL       $0x100, CX
	TZCNTL    CX, CX

	// Y1 = the four hex digit values of each lane (16-bit words
	// [b0 b1] -> b0&0xf | (b1>>2&0xf)<<8 and [b1 b2] -> (b1&3)<<2 |
	// b2>>4&3 | (b2&0xf)<<8), then their characters.
	VPAND   Y6, Y0, Y1
	VPSRLW  $2, Y0, Y2
	VPAND   ·strBMPShr2(SB), Y2, Y2
	VPOR    Y2, Y1, Y1
	VPSLLW  $2, Y0, Y2
	VPAND   ·strBMPShl2(SB), Y2, Y2
	VPOR    Y2, Y1, Y1
	VPSRLW  $12, Y0, Y2
	VPAND   ·strBMPShr12(SB), Y2, Y2
	VPOR    Y2, Y1, Y1
	VPSHUFB Y1, Y11, Y1

	// out[0:32] from the digits' quadwords 0,1 | 1,2; out[32:48] from
	// the high half; each with its \u put in.
	VPERMQ       $0x94, Y1, Y2
	VPSHUFB      Y8, Y2, Y2
	VPOR         Y7, Y2, Y2
	VMOVDQU      Y2, (DI)
	VEXTRACTI128 $1, Y1, X2
	VPSHUFB      ·strBMPOutB(SB), X2, X2
	VPOR         ·strBMPSlashUB(SB), X2, X2
	VMOVDQU      X2, 32(DI)

	// Keep k escapes: 3k bytes in, 6k out. After a full step, another;
	// after some, back to the ASCII loop; after none, see ea_bmp_none.
	LEAQ    (CX)(CX*2), DX
	ADDQ    DX, AX
	LEAQ    (DI)(DX*2), DI
	CMPL    CX, $8
	JEQ     ea_bmp
	TESTL   CX, CX
	JNZ     ea_loop

ea_bmp_none:
	// No sequence converted at AX: a three-byte lead that the step
	// rejected is invalid (or a surrogate), the caller's; any other byte
	// goes to ea_attend (room: at least 48 bytes).
	MOVBLZX (SI)(AX*1), DX
	MOVL    DX, R8
	ANDL    $0xf0, R8
	CMPL    R8, $0xe0
	JEQ     ea_ret
	JMP     ea_attend

ea_bmp_tail:
	// CX = 0..23 bytes left: with 3 or more, a step from them followed by
	// zeros, which end it: Y0 = [bytes 0..15, bytes 8..23] of those. With
	// 1 or 2, no sequence to convert.
	TESTQ  CX, CX
	JZ     ea_ret
	CMPQ   CX, $3
	JB     ea_bmp_none
	ADDQ   AX, SI
	STR_TAIL_VEC(ea_b8, ea_b4, ea_b1, ea_b1b, ea_bvec)
	SUBQ   AX, SI
	VPERMQ $0x94, Y0, Y0
	JMP    ea_bmp_block

ea_tail:
	// CX = t = 0..31 bytes left, 64 bytes of room: Y0 = the t bytes and
	// zeros, stored as a block; the zero at t needs more like an escape,
	// so the first such byte is at most t: the end when it is t.
	TESTQ  CX, CX
	JZ     ea_ret
	ADDQ   AX, SI
	STR_TAIL_VEC(ea_t8, ea_t4, ea_t1, ea_t1b, ea_tvec)
	SUBQ   AX, SI
	VMOVDQU Y0, (DI)
	STR_ASCII_BAD(Y0)
	TZCNTL DX, DX
	ADDQ   DX, AX
	ADDQ   DX, DI
	CMPQ   AX, BX
	JB     ea_attend

ea_ret:
	MOVQ AX, in+40(FP)
	SUBQ R12, DI
	MOVQ DI, out+48(FP)
	VZEROUPPER
	RET

// func strAppendEscapedUTF8AVX2(dst []byte, s string) (in, out int, exact bool)
TEXT ·strAppendEscapedUTF8AVX2(SB), NOSPLIT, $16-57
	// Besides the common registers: R9 = the mask of the bytes >= 0x80 of
	// the block before, Y6 = that block (both zero at the start and after
	// an escape: the bytes before count as ASCII); rst-8(SP) = where
	// that last happened; tables-16(SP) = 0 until the validation
	// constants are loaded, at the first block that needs them.
	MOVQ dst_base+0(FP), DI
	MOVQ DI, R12
	MOVQ dst_len+8(FP), R13
	ADDQ DI, R13
	MOVQ s_base+24(FP), SI
	MOVQ s_len+32(FP), BX
	XORQ AX, AX
	MOVQ $0, tables-16(SP)

	// The escape test: Y15 = 0x20, Y14 = '"', Y13 = '\\' in every byte.
	STR_BROADCAST(0x20, X15, Y15)
	STR_BROADCAST(0x22, X14, Y14)
	STR_BROADCAST(0x5c, X13, Y13)

eu_reset:
	VPXOR Y6, Y6, Y6
	XORL  R9, R9
	MOVQ  AX, rst-8(SP)

eu_loop:
	// Each step starts with 64 bytes of room, else it is the caller's
	// turn to grow dst. CX = bytes left.
	MOVQ R13, DX
	SUBQ DI, DX
	CMPQ DX, $64
	JB   eu_pause
	MOVQ BX, CX
	SUBQ AX, CX
	CMPQ CX, $32
	JB   eu_tail
	VMOVDQU (SI)(AX*1), Y0

eu_block:
	// Y0 = the block at AX, stored at DI. CX = its escapes, DX = its bytes
	// >= 0x80, R10 = its errors (none, when neither it nor the block
	// before has a byte >= 0x80).
	VMOVDQU Y0, (DI)
	STR_UTF8_ESC(Y0)
	XORL    R10, R10
	MOVL    DX, R8
	ORL     R9, R8
	JZ      eu_flags
	CMPQ    tables-16(SP), $0
	JNE     eu_validate

	// Y12, Y11, Y10 = the tables strUTF8PairPrevHigh, strUTF8PairPrevLow,
	// strUTF8PairCurHigh in both halves; Y9 = 0x0f, Y8 = 0x60, Y7 = 0x70,
	// Y5 = 0x80 in every byte.
	VBROADCASTI128 ·strUTF8PairPrevHigh(SB), Y12
	VBROADCASTI128 ·strUTF8PairPrevLow(SB), Y11
	VBROADCASTI128 ·strUTF8PairCurHigh(SB), Y10
	STR_BROADCAST(0x0f, X9, Y9)
	STR_BROADCAST(0x60, X8, Y8)
	STR_BROADCAST(0x70, X7, Y7)
	STR_BROADCAST(0x80, X5, Y5)
	MOVQ $1, tables-16(SP)

eu_validate:
	// Y1 = the 32 bytes before Y0's: [block before's high half, Y0's low
	// half]; Y2, Y3, Y4 = each byte's 1st, 2nd, 3rd byte before.
	VPERM2I128 $0x21, Y0, Y6, Y1
	VPALIGNR   $15, Y1, Y0, Y2
	VPALIGNR   $14, Y1, Y0, Y3
	VPALIGNR   $13, Y1, Y0, Y4

	// Y3 = bit 7 set where the byte must be a continuation, the 3rd or 4th
	// of a sequence: 2 before is >= 0xe0 (>= 0x80 after subtracting 0x60
	// with unsigned saturation) or 3 before is >= 0xf0.
	VPSUBUSB Y8, Y3, Y3
	VPSUBUSB Y7, Y4, Y4
	VPOR     Y4, Y3, Y3
	VPAND    Y5, Y3, Y3

	// Y1 = the error classes of each pair (byte before, byte):
	// PrevHigh[before>>4] & PrevLow[before&15] & CurHigh[byte>>4].
	VPSRLW  $4, Y2, Y1
	VPAND   Y9, Y1, Y1
	VPSHUFB Y1, Y12, Y1
	VPAND   Y9, Y2, Y2
	VPSHUFB Y2, Y11, Y2
	VPAND   Y2, Y1, Y1
	VPSRLW  $4, Y0, Y4
	VPAND   Y9, Y4, Y4
	VPSHUFB Y4, Y10, Y4
	VPAND   Y4, Y1, Y1

	// Y1 = errors: a required continuation cancels TwoConts (bit 7), and
	// is an error where the pair is not two continuations. R10 = the
	// mask of the bytes where an error shows.
	VPXOR     Y3, Y1, Y1
	VPTEST    Y1, Y1
	JZ        eu_flags
	VPXOR     Y4, Y4, Y4
	VPCMPEQB  Y4, Y1, Y1
	VPMOVMSKB Y1, R10
	NOTL      R10

eu_flags:
	MOVL CX, R8
	ORL  R10, R8
	JNZ  eu_found
	VMOVDQU Y0, Y6
	MOVL DX, R9
	ADDQ $32, AX
	ADDQ $32, DI
	JMP  eu_loop

eu_found:
	// The first escape is exact when it comes before the first error: an
	// error shows at the latest on the byte after the sequence it breaks,
	// so every byte before the escape is valid.
	TZCNTL CX, CX
	TZCNTL R10, R10
	CMPL   CX, R10
	JAE    eu_invalid
	ADDQ   CX, AX
	ADDQ   CX, DI

eu_escape:
	// s[AX] is an escape, or AX = len(s) (the end, from a tail block's
	// zeros): escape it through the table (8 bytes stored, the length in
	// the top byte), and start afresh after it. Room: at least 33 bytes.
	CMPQ    AX, BX
	JAE     eu_end
	MOVBLZX (SI)(AX*1), DX
	LEAQ    ·strASCIIEscapes(SB), R8
	MOVQ    (R8)(DX*8), R8
	MOVQ    R8, (DI)
	SHRQ    $56, R8
	ADDQ    R8, DI
	INCQ    AX
	JMP     eu_reset

eu_pause:
	// Out of room at AX, a block's start, which may be inside a sequence:
	// stop at the sequence's start, so that the next call can begin there.
	MOVL $1, R10
	JMP  eu_backup

eu_invalid:
	// Invalid UTF-8 in this block, or the last sequence of the block
	// before cut short: stop at the start of the sequence that spans AX,
	// for the caller's scalar loop to find the invalid byte from there.
	XORL R10, R10

eu_backup:
	// R10 = exact. All before AX is valid but perhaps its last sequence:
	// back AX and DI up to its lead byte, 1 byte before (>= 0xc0), 2
	// (>= 0xe0) or 3 (>= 0xf0), when it is not complete. There is no
	// block before right after a reset; else the 3 bytes are its own.
	CMPQ    AX, rst-8(SP)
	JEQ     eu_restart
	MOVBLZX -1(SI)(AX*1), DX
	CMPL    DX, $0xc0
	JAE     eu_back1
	MOVBLZX -2(SI)(AX*1), DX
	CMPL    DX, $0xe0
	JAE     eu_back2
	MOVBLZX -3(SI)(AX*1), DX
	CMPL    DX, $0xf0
	JB      eu_restart
	DECQ    AX
	DECQ    DI

eu_back2:
	DECQ AX
	DECQ DI

eu_back1:
	DECQ AX
	DECQ DI

eu_restart:
	MOVQ AX, in+40(FP)
	SUBQ R12, DI
	MOVQ DI, out+48(FP)
	MOVB R10, exact+56(FP)
	VZEROUPPER
	RET

eu_tail:
	// CX = t = 0..31 bytes left. Without them, and with no byte >= 0x80 in
	// the block before, s is done; else they are checked as one more block,
	// followed by zeros: the zero at t is an escape, so the scan ends there
	// at the latest, and it flags a sequence that the end of s cuts short.
	TESTQ CX, CX
	JNZ   eu_part
	TESTL R9, R9
	JZ    eu_end
	VPXOR Y0, Y0, Y0
	JMP   eu_block

eu_part:
	// Y0 = the t bytes and zeros, as one more block.
	ADDQ AX, SI
	STR_TAIL_VEC(eu_t8, eu_t4, eu_t1, eu_t1b, eu_tvec)
	SUBQ AX, SI
	JMP  eu_block

eu_end:
	MOVQ AX, in+40(FP)
	SUBQ R12, DI
	MOVQ DI, out+48(FP)
	MOVB $1, exact+56(FP)
	VZEROUPPER
	RET
