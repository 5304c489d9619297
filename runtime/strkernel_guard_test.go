//go:build linux && amd64 && !purego

package jsondumprt

import (
	"math/rand/v2"
	"syscall"
	"testing"
)

// strGuarded maps one read-write page between two pages that fault on any
// access, and returns the middle page. A kernel that reads before its input
// placed at the page's start, or after its input placed at the page's end,
// or writes past a buffer that ends there, crashes the test.
func strGuarded(t *testing.T) []byte {
	t.Helper()
	ps := syscall.Getpagesize()
	mem, err := syscall.Mmap(-1, 0, 3*ps, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Skipf("mmap: %v", err)
	}
	t.Cleanup(func() { syscall.Munmap(mem) })
	if err := syscall.Mprotect(mem[:ps], syscall.PROT_NONE); err != nil {
		t.Skipf("mprotect: %v", err)
	}
	if err := syscall.Mprotect(mem[2*ps:], syscall.PROT_NONE); err != nil {
		t.Skipf("mprotect: %v", err)
	}
	return mem[ps : 2*ps : 2*ps]
}

// TestStringKernelsGuardPages runs the assembly kernels on inputs of every
// length up to 300 that start at a page's first byte or end at its last,
// between pages that fault, writing into buffers of several sizes that end
// at a page's end.
func TestStringKernelsGuardPages(t *testing.T) {
	if !strUseAVX2 {
		t.Skip("no AVX2")
	}
	in := strGuarded(t)
	out := strGuarded(t)
	r := rand.New(rand.NewPCG(17, 2021))
	var x strKernelScratch
	for n := 0; n <= 300; n++ {
		for kind := range 6 {
			text := strKernelRandText(r, n, kind)
			for _, at := range []int{0, len(in) - n} {
				copy(in[at:], text)
				s := strViewOf(in[at : at+n])
				for _, room := range []int{0, 40, 64, 6*n + strKernelRoom} {
					strAppendEscapedASCIIAVX2(out[len(out)-room:], s)
					strAppendEscapedUTF8AVX2(out[len(out)-room:], s)
				}
				strKernelCheck(t, &x, "guarded", s, false)
			}
		}
	}
}
