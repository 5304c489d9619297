//go:build !purego

package jsondumprt

// CPU feature detection for the vector string kernels (strkernel_amd64.s),
// from the CPUID and XGETBV instructions, as described in the Intel 64 and
// IA-32 Architectures Software Developer's Manual, vol. 2A (CPUID: leaf 1
// ECX bits 27 OSXSAVE and 28 AVX; leaf 7 sub-leaf 0 EBX bits 3 BMI1 and 5
// AVX2) and vol. 1 §13.3 (XCR0 bits 1 and 2: the operating system saves the
// XMM and YMM registers on a context switch). The few lines here replace a
// dependency on golang.org/x/sys/cpu, which runtime/ may not import.

// cpuid executes CPUID with EAX=eaxArg, ECX=ecxArg and returns the four
// result registers.
//
//go:noescape
func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)

// xgetbv executes XGETBV with ECX=0 and returns XCR0 (EDX:EAX). Call it only
// when CPUID reports OSXSAVE.
//
//go:noescape
func xgetbv() (eax, edx uint32)

// cpuHasAVX2 reports whether the processor and the operating system support
// AVX2, and the processor also BMI1 (the kernels count trailing zeros with
// TZCNT, which an older processor would run as BSF, whose result differs for
// a zero input).
func cpuHasAVX2() bool {
	maxLeaf, _, _, _ := cpuid(0, 0)
	if maxLeaf < 7 {
		return false
	}
	_, _, ecx1, _ := cpuid(1, 0)
	const osxsave, avx = 1 << 27, 1 << 28
	if ecx1&osxsave == 0 || ecx1&avx == 0 {
		return false
	}
	// XCR0 bit 1: SSE (XMM) state, bit 2: AVX (upper YMM) state.
	if xcr0, _ := xgetbv(); xcr0&6 != 6 {
		return false
	}
	_, ebx7, _, _ := cpuid(7, 0)
	const bmi1, avx2 = 1 << 3, 1 << 5
	return ebx7&bmi1 != 0 && ebx7&avx2 != 0
}
