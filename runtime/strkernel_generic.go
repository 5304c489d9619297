//go:build !amd64 || purego

package jsondumprt

// This file gives the string kernels (strkernel.go) their pure-Go bodies on
// architectures without assembly kernels and under -tags purego.

// strHaveKernels reports whether this build has vector kernels: it has not,
// so string.go keeps to its own loops and never calls the three below.
const strHaveKernels = false

// strIndexEscapeASCII returns the index of the first byte of s that
// ensure_ascii=True does not copy as it is, or len(s): see
// strIndexEscapeASCIIGeneric.
func strIndexEscapeASCII(s string) int { return strIndexEscapeASCIIGeneric(s) }

// strAppendValidUTF8 appends the longest prefix of s that ensure_ascii=False
// copies as it is, and returns its length: see strAppendValidUTF8Generic.
func strAppendValidUTF8(dst []byte, s string) ([]byte, int) {
	return strAppendValidUTF8Generic(dst, s)
}

// strAppendEscapedBMP appends the \uXXXX escapes of the three-byte sequences
// at the start of s, block by block: see strAppendEscapedBMPGeneric.
func strAppendEscapedBMP(dst []byte, s string) ([]byte, int) {
	return strAppendEscapedBMPGeneric(dst, s)
}
