//go:build !amd64 || purego

package jsondumprt

// This file gives the string kernels (strkernel.go) their pure-Go bodies on
// architectures without assembly kernels and under -tags purego.

// strAppendEscapedKernel writes the inside of a string literal, as
// strAppendEscapedASCII (ascii) and strAppendEscapedUTF8 write it: see
// strAppendEscapedKernelGeneric.
func strAppendEscapedKernel(dst []byte, s string, ascii, wtf8 bool) []byte {
	return strAppendEscapedKernelGeneric(dst, s, ascii, wtf8)
}
