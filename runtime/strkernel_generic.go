//go:build !amd64 || purego

package jsondumprt

// This file gives the string kernels (strkernel.go) their pure-Go bodies on
// architectures without assembly kernels and under -tags purego.

// strHaveKernels reports whether this build has vector kernels: it has not,
// so string.go keeps to its own loops and never calls the two below, which
// only the tests do.
const strHaveKernels = false

// strAppendASCIIRun appends, as ensure_ascii=True writes it, the valid UTF-8
// at the start of s: see strAppendASCIIRunGeneric.
func strAppendASCIIRun(dst []byte, s string) ([]byte, int) {
	return strAppendASCIIRunGeneric(dst, s)
}

// strAppendUTF8Run appends, as ensure_ascii=False writes it, the valid UTF-8
// at the start of s: see strAppendUTF8RunGeneric.
func strAppendUTF8Run(dst []byte, s string) ([]byte, int) {
	return strAppendUTF8RunGeneric(dst, s)
}
