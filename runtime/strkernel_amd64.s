//go:build !purego

#include "textflag.h"

// Vector string kernels for string.go, AVX2 (with BMI1's TZCNT). Each has a
// pure-Go twin of the same contract (strkernel.go) that the tests compare it
// with; strkernel_amd64.go documents the contracts and holds the constants.
//
// strIndexEscapeASCIIAVX2: the first byte outside 0x20..0x7e, or '"' or
//   '\\', 32 bytes per step with byte compares.
//
// strAppendValidUTF8AVX2: the same scan for ensure_ascii=False (bytes below 0x20,
//   '"', '\\') fused with UTF-8 validation by the lookup-table method of
//   John Keiser and Daniel Lemire, "Validating UTF-8 In Less Than One
//   Instruction Per Byte", Software: Practice and Experience 51(5):950-964,
//   2021, https://arxiv.org/abs/2010.03090: for each byte and the one before
//   it, three VPSHUFB lookups (high and low nibble of the previous byte, high
//   nibble of the current one) AND-ed give the error classes the pair shows;
//   the bytes that must be the 3rd or 4th of a sequence come from saturating
//   subtractions on the bytes 2 and 3 before, and cancel the "two
//   continuations" class. Written from the paper's description. The
//   bytes are copied to dst as they are checked.
//
// strEscapeBMPAVX2: 8 three-byte sequences (24 bytes) to 8 \uXXXX escapes
//   (48 bytes) per step.
//
// None reads outside its input: the last partial block is read as the last
// 32 bytes of the input (which then must have 32) or copied into a zeroed
// buffer on the stack. All end with VZEROUPPER, as Go's own AVX2 code does,
// so that SSE code after them pays no transition penalty.

// STR_COPY_TAIL copies the CX bytes at SI, 1 to 31, to the 32 zeroed bytes
// at DI, with two loads and two stores (overlapping) of the largest power of
// two not above CX, so that it reads nothing outside the CX bytes. It
// clobbers R8, R10, R11, X1, X2. Its labels are local to the TEXT block that
// uses it, once.
#define STR_COPY_TAIL \
	CMPQ    CX, $16 \
	JB      copy8 \
	VMOVDQU (SI), X1 \
	VMOVDQU -16(SI)(CX*1), X2 \
	VMOVDQU X1, (DI) \
	VMOVDQU X2, -16(DI)(CX*1) \
	JMP     copied \
copy8: \
	CMPQ CX, $8 \
	JB   copy4 \
	MOVQ (SI), R8 \
	MOVQ -8(SI)(CX*1), R10 \
	MOVQ R8, (DI) \
	MOVQ R10, -8(DI)(CX*1) \
	JMP  copied \
copy4: \
	CMPQ CX, $4 \
	JB   copy1 \
	MOVL (SI), R8 \
	MOVL -4(SI)(CX*1), R10 \
	MOVL R8, (DI) \
	MOVL R10, -4(DI)(CX*1) \
	JMP  copied \
copy1: \
	MOVB (SI), R8 \
	MOVB -1(SI)(CX*1), R10 \
	MOVB R8, (DI) \
	MOVB R10, -1(DI)(CX*1) \
	MOVQ CX, R11 \
	SHRQ $1, R11 \
	MOVB (SI)(R11*1), R8 \
	MOVB R8, (DI)(R11*1) \
copied:

// func strIndexEscapeASCIIAVX2(s string) int
TEXT ·strIndexEscapeASCIIAVX2(SB), NOSPLIT, $32-24
	// SI = s, BX = len(s), AX = offset of the current block.
	MOVQ s_base+0(FP), SI
	MOVQ s_len+8(FP), BX
	XORQ AX, AX

	// Y15 = 0x21 in every byte, Y14 = '"', Y13 = '\\', Y12 = 0x01.
	MOVL $0x21, DX
	MOVQ DX, X15
	VPBROADCASTB X15, Y15
	MOVL $0x22, DX
	MOVQ DX, X14
	VPBROADCASTB X14, Y14
	MOVL $0x5c, DX
	MOVQ DX, X13
	VPBROADCASTB X13, Y13
	MOVL $0x01, DX
	MOVQ DX, X12
	VPBROADCASTB X12, Y12

ascii_loop:
	// DX = end of the block; stop when it passes len(s).
	LEAQ 32(AX), DX
	CMPQ DX, BX
	JA   ascii_tail
	VMOVDQU (SI)(AX*1), Y0

ascii_block:
	// Y0 = 32 bytes. Y1 = 0xff where a byte needs an escape:
	// 0x21 > byte+1 as signed bytes holds for 0x00..0x1f (1..0x20) and
	// for 0x7f..0xff (0x80..0xff and 0x00: negative or zero).
	VPADDB   Y12, Y0, Y1
	VPCMPGTB Y1, Y15, Y1
	VPCMPEQB Y14, Y0, Y2
	VPCMPEQB Y13, Y0, Y3
	VPOR     Y2, Y1, Y1
	VPOR     Y3, Y1, Y1
	VPMOVMSKB Y1, CX
	TESTL    CX, CX
	JNZ      ascii_found
	MOVQ     DX, AX
	JMP      ascii_loop

ascii_found:
	// CX = the mask of the block's escapes, not zero.
	TZCNTL CX, CX
	ADDQ   CX, AX
	MOVQ   AX, ret+16(FP)
	VZEROUPPER
	RET

ascii_tail:
	// CX = t = len(s)-AX, 0..31 bytes left.
	MOVQ BX, CX
	SUBQ AX, CX
	JZ   ascii_end
	CMPQ BX, $32
	JB   ascii_short

	// s has 32 bytes: test s[len-32:], shift the mask of its last t
	// bytes down, and mark the end with bit t.
	VMOVDQU  -32(SI)(BX*1), Y0
	VPADDB   Y12, Y0, Y1
	VPCMPGTB Y1, Y15, Y1
	VPCMPEQB Y14, Y0, Y2
	VPCMPEQB Y13, Y0, Y3
	VPOR     Y2, Y1, Y1
	VPOR     Y3, Y1, Y1
	VPMOVMSKB Y1, DX
	MOVQ     CX, R8
	NEGQ     CX
	ADDQ     $32, CX
	SHRL     CX, DX
	BTSL     R8, DX
	TZCNTL   DX, DX
	ADDQ     DX, AX
	MOVQ     AX, ret+16(FP)
	VZEROUPPER
	RET

ascii_short:
	// len(s) < 32, AX = 0: copy s into the zeroed buffer at DI. The
	// first zero after the copy is an escape, so the block's first escape
	// is at most len(s).
	LEAQ    buf-32(SP), DI
	VPXOR   Y0, Y0, Y0
	VMOVDQU Y0, (DI)
	STR_COPY_TAIL
	VMOVDQU (DI), Y0
	JMP     ascii_block

ascii_end:
	MOVQ BX, ret+16(FP)
	VZEROUPPER
	RET

// func strAppendValidUTF8AVX2(dst []byte, s string) (n int, exact bool)
TEXT ·strAppendValidUTF8AVX2(SB), NOSPLIT, $32-49
	// SI = s, BX = len(s), R13 = dst, AX = offset of the current block in
	// both, R9 = the mask of the bytes >= 0x80 of the block before (0 at
	// first). Each block is stored to dst before it is checked: what
	// follows the end of the valid prefix in dst is scratch.
	MOVQ dst_base+0(FP), R13
	MOVQ s_base+24(FP), SI
	MOVQ s_len+32(FP), BX
	XORQ AX, AX
	XORQ R9, R9

	// Escape scan: Y15 = 0x20, Y14 = '"', Y13 = '\\' in every byte.
	MOVL $0x20, DX
	MOVQ DX, X15
	VPBROADCASTB X15, Y15
	MOVL $0x22, DX
	MOVQ DX, X14
	VPBROADCASTB X14, Y14
	MOVL $0x5c, DX
	MOVQ DX, X13
	VPBROADCASTB X13, Y13

	// Y6 = the block before (zero at first: the bytes before s count as
	// ASCII). R12 = 0 until the validation constants below are loaded,
	// at the first block that needs them.
	VPXOR Y6, Y6, Y6
	XORQ  R12, R12

utf8_loop:
	LEAQ 32(AX), DX
	CMPQ DX, BX
	JA   utf8_tail
	VMOVDQU (SI)(AX*1), Y0

utf8_block:
	// Y0 = the block at AX, stored to dst at AX (within len(s)+32).
	// CX = mask of its escapes: bytes below 0x20
	// (0x20 > byte as signed bytes, less the bytes >= 0x80, which are
	// negative), '"' and '\\'. DX = mask of its bytes >= 0x80.
	VMOVDQU   Y0, (R13)(AX*1)
	VPCMPGTB  Y0, Y15, Y1
	VPCMPEQB  Y14, Y0, Y2
	VPCMPEQB  Y13, Y0, Y3
	VPOR      Y3, Y2, Y2
	VPOR      Y2, Y1, Y1
	VPMOVMSKB Y1, CX
	VPMOVMSKB Y0, DX
	ANDNL     CX, DX, CX
	XORL      R10, R10
	MOVL      DX, R8
	ORL       R9, R8
	JZ        utf8_flags

	// Some byte here or in the block before is >= 0x80: validate.
	TESTQ R12, R12
	JNZ   utf8_validate

	// Y12, Y11, Y10 = the tables strUTF8PairPrevHigh, strUTF8PairPrevLow,
	// strUTF8PairCurHigh in both halves; Y9 = 0x0f, Y8 = 0x60, Y7 = 0x70,
	// Y5 = 0x80 in every byte.
	VBROADCASTI128 ·strUTF8PairPrevHigh(SB), Y12
	VBROADCASTI128 ·strUTF8PairPrevLow(SB), Y11
	VBROADCASTI128 ·strUTF8PairCurHigh(SB), Y10
	MOVL $0x0f, R8
	MOVQ R8, X9
	VPBROADCASTB X9, Y9
	MOVL $0x60, R8
	MOVQ R8, X8
	VPBROADCASTB X8, Y8
	MOVL $0x70, R8
	MOVQ R8, X7
	VPBROADCASTB X7, Y7
	MOVL $0x80, R8
	MOVQ R8, X5
	VPBROADCASTB X5, Y5
	MOVL $1, R12

utf8_validate:
	// Y1 = the 32 bytes before Y0's bytes: [block before's high half,
	// Y0's low half]; Y2, Y3, Y4 = each byte's 1st, 2nd, 3rd byte before.
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
	// is an error where the pair is not two continuations.
	VPXOR Y3, Y1, Y1
	VPTEST Y1, Y1
	JZ    utf8_flags
	// R10 = mask of the bytes where an error shows.
	VPXOR     Y4, Y4, Y4
	VPCMPEQB  Y4, Y1, Y1
	VPMOVMSKB Y1, R10
	NOTL      R10

utf8_flags:
	// CX = escapes, R10 = errors, DX = bytes >= 0x80 of this block.
	MOVL CX, R8
	ORL  R10, R8
	JNZ  utf8_found
	VMOVDQU Y0, Y6
	MOVL DX, R9
	ADDQ $32, AX
	JMP  utf8_loop

utf8_found:
	// The first escape is exact when it comes before the first error:
	// an error shows at the latest on the byte after the sequence it
	// breaks, so every byte before the escape is valid.
	TZCNTL CX, CX
	TZCNTL R10, R10
	CMPL   CX, R10
	JAE    utf8_invalid
	ADDQ   CX, AX
	MOVQ   AX, n+40(FP)
	MOVB   $1, exact+48(FP)
	VZEROUPPER
	RET

utf8_invalid:
	// Invalid UTF-8 in this block, or the last sequence of the block
	// before cut short. Everything before AX is valid but perhaps the last
	// sequence, which may continue here: back AX up to its lead byte,
	// which is 1 byte before (>= 0xc0), 2 (>= 0xe0) or 3 (>= 0xf0), if it
	// is not complete. AX is 0 or at least 32.
	TESTQ   AX, AX
	JZ      utf8_restart
	MOVBLZX -1(SI)(AX*1), DX
	CMPL    DX, $0xc0
	JAE     utf8_back1
	MOVBLZX -2(SI)(AX*1), DX
	CMPL    DX, $0xe0
	JAE     utf8_back2
	MOVBLZX -3(SI)(AX*1), DX
	CMPL    DX, $0xf0
	JB      utf8_restart
	DECQ    AX

utf8_back2:
	DECQ AX

utf8_back1:
	DECQ AX

utf8_restart:
	MOVQ AX, n+40(FP)
	MOVB $0, exact+48(FP)
	VZEROUPPER
	RET

utf8_tail:
	// CX = t = len(s)-AX, 0..31 bytes left. Without them, and with no
	// byte >= 0x80 in the block before, s is done; else the t bytes,
	// followed by zeros, are checked as one more block: the zero at t is
	// an escape, so the scan ends there at the latest, and it flags a
	// sequence that the end of s cuts short.
	MOVQ  BX, CX
	SUBQ  AX, CX
	JNZ   utf8_part
	TESTL R9, R9
	JZ    utf8_end
	VPXOR Y0, Y0, Y0
	JMP   utf8_block

utf8_part:
	// When s has 32 bytes and neither the block before nor the t bytes
	// have a byte >= 0x80, only escapes can stop the scan: test s[len-32:],
	// shift the mask of its last t bytes down and mark the end with bit t.
	// s[len-32:] goes to dst[len-32:], over the same bytes before AX.
	CMPQ BX, $32
	JB   utf8_copy
	TESTL R9, R9
	JNZ  utf8_copy
	VMOVDQU   -32(SI)(BX*1), Y1
	VMOVDQU   Y1, -32(R13)(BX*1)
	VPMOVMSKB Y1, DX
	MOVQ      CX, R8
	NEGQ      CX
	ADDQ      $32, CX
	SHRL      CX, DX
	JNZ       utf8_copy_t
	VPCMPGTB  Y1, Y15, Y2
	VPCMPEQB  Y14, Y1, Y3
	VPCMPEQB  Y13, Y1, Y4
	VPOR      Y4, Y3, Y3
	VPOR      Y3, Y2, Y2
	VPMOVMSKB Y2, DX
	SHRL      CX, DX
	BTSL      R8, DX
	TZCNTL    DX, DX
	ADDQ      DX, AX
	MOVQ      AX, n+40(FP)
	MOVB      $1, exact+48(FP)
	VZEROUPPER
	RET

utf8_copy_t:
	MOVQ R8, CX

utf8_copy:
	LEAQ    buf-32(SP), DI
	ADDQ    AX, SI
	VPXOR   Y0, Y0, Y0
	VMOVDQU Y0, (DI)
	STR_COPY_TAIL
	// SI back to s, for utf8_invalid's look at the bytes before AX.
	SUBQ    AX, SI
	VMOVDQU (DI), Y0
	JMP     utf8_block

utf8_end:
	MOVQ BX, n+40(FP)
	MOVB $1, exact+48(FP)
	VZEROUPPER
	RET

// func strEscapeBMPAVX2(dst []byte, s string) int
TEXT ·strEscapeBMPAVX2(SB), NOSPLIT, $32-48
	// DI = where the next escape goes in dst, SI = s, BX = len(s),
	// AX = bytes of s converted.
	MOVQ dst_base+0(FP), DI
	MOVQ s_base+24(FP), SI
	MOVQ s_len+32(FP), BX
	XORQ AX, AX

	// Y15 = strBMPGather; in 32-bit lanes: Y14 = strBMPPatMask,
	// Y13 = strBMPPatWant, Y12 = strBMPRangeMask, Y4 = strBMPKeep,
	// Y3 = strBMPShr2, Y6 = strBMPShl2, Y5 = strBMPShr12; Y10 = 0;
	// Y9 = strBMPHex in both halves; Y8 = strBMPOutA, Y7 = strBMPSlashUA.
	// strBMPSurrogate, strBMPOutB and strBMPSlashUB are memory operands.
	// Y0, Y1, Y2, Y11 are scratch.
	VMOVDQU        ·strBMPGather(SB), Y15
	VPBROADCASTD   ·strBMPPatMask(SB), Y14
	VPBROADCASTD   ·strBMPPatWant(SB), Y13
	VPBROADCASTD   ·strBMPRangeMask(SB), Y12
	VPBROADCASTD   ·strBMPKeep(SB), Y4
	VPBROADCASTD   ·strBMPShr2(SB), Y3
	VPBROADCASTD   ·strBMPShl2(SB), Y6
	VPBROADCASTD   ·strBMPShr12(SB), Y5
	VPXOR          Y10, Y10, Y10
	VBROADCASTI128 ·strBMPHex(SB), Y9
	VMOVDQU        ·strBMPOutA(SB), Y8
	VMOVDQU        ·strBMPSlashUA(SB), Y7

bmp_loop:
	LEAQ 24(AX), DX
	CMPQ DX, BX
	JA   bmp_tail

	// Y0 = [s[AX:AX+16], s[AX+8:AX+24]], then each sequence's
	// [b0 b1 b1 b2] in its 32-bit lane.
	VMOVDQU     (SI)(AX*1), X0
	VINSERTI128 $1, 8(SI)(AX*1), Y0, Y0

bmp_block:
	VPSHUFB Y15, Y0, Y0

	// CX = k, the number of leading lanes that hold a sequence this
	// kernel converts: the pattern, not overlong (code point bits 15..11
	// zero), not a surrogate (11011).
	VPAND     Y14, Y0, Y1
	VPCMPEQD  Y13, Y1, Y1
	VPAND     Y12, Y0, Y2
	VPCMPEQD  ·strBMPSurrogate(SB), Y2, Y11
	VPCMPEQD  Y10, Y2, Y2
	VPOR      Y11, Y2, Y2
	VPANDN    Y1, Y2, Y1
	VMOVMSKPS Y1, CX
	NOTL      CX
	ORL       $0x100, CX
	TZCNTL    CX, CX

	// Y1 = the four hex digit values of each lane, then their characters.
	VPAND   Y4, Y0, Y1
	VPSRLW  $2, Y0, Y2
	VPAND   Y3, Y2, Y2
	VPOR    Y2, Y1, Y1
	VPSLLW  $2, Y0, Y2
	VPAND   Y6, Y2, Y2
	VPOR    Y2, Y1, Y1
	VPSRLW  $12, Y0, Y2
	VPAND   Y5, Y2, Y2
	VPOR    Y2, Y1, Y1
	VPSHUFB Y1, Y9, Y1

	// out[0:32] from the digits' quadwords 0,1 | 1,2; out[32:48] from
	// the high half, each with its \u inserted.
	VPERMQ       $0x94, Y1, Y2
	VPSHUFB      Y8, Y2, Y2
	VPOR         Y7, Y2, Y2
	VMOVDQU      Y2, (DI)
	VEXTRACTI128 $1, Y1, X2
	VPSHUFB      ·strBMPOutB(SB), X2, X2
	VPOR         ·strBMPSlashUB(SB), X2, X2
	VMOVDQU      X2, 32(DI)

	// Keep k escapes: 3k bytes in, 6k out; go on after a full block.
	LEAQ (CX)(CX*2), DX
	ADDQ DX, AX
	LEAQ (DI)(DX*2), DI
	CMPL CX, $8
	JEQ  bmp_loop
	JMP  bmp_done

bmp_tail:
	// CX = t = len(s)-AX, 0 to 23 bytes left: with 3 or more, copy them
	// into a zeroed buffer on the stack and convert from there, as a
	// block whose zeros end it (k < 8 then ends the loop). The block's 48
	// bytes go to dst[2*AX:], within 2*len(s)+42. R9 keeps DI meanwhile.
	MOVQ BX, CX
	SUBQ AX, CX
	CMPQ CX, $3
	JB   bmp_done
	MOVQ    DI, R9
	LEAQ    buf-32(SP), DI
	VPXOR   Y0, Y0, Y0
	VMOVDQU Y0, (DI)
	ADDQ    AX, SI
	STR_COPY_TAIL
	SUBQ    AX, SI
	VMOVDQU     (DI), X0
	VINSERTI128 $1, 8(DI), Y0, Y0
	MOVQ        R9, DI
	JMP     bmp_block

bmp_done:
	MOVQ AX, ret+40(FP)
	VZEROUPPER
	RET
