package jsontool

import (
	"os"
	"syscall"
)

// adviseHugePages asks Linux to back b's memory with 2 MiB pages where it
// can (madvise MADV_HUGEPAGE, for systems whose transparent huge pages are
// "madvise", the common default). A buffer of fresh memory is otherwise
// faulted in 4 KiB at a time, which on a virtual machine costs microseconds
// a page: for canada.json's 8 MB of output that was a quarter of the run.
// The advice is only advice: where the system has no huge pages, or none
// free, memory comes as before. Buffers too small to hold a 2 MiB page are
// left alone.
func adviseHugePages(b []byte) {
	if cap(b) >= 2<<20 {
		syscall.Madvise(b[:cap(b)], syscall.MADV_HUGEPAGE)
	}
}

// mapFile maps the n bytes of the regular file f into memory, read-only, its
// pages mapped at once (MAP_POPULATE), and returns them and the function
// that unmaps them; ok is false where it cannot. The pages are the file's
// own, in the page cache: reading a file into a buffer faults in fresh
// memory a page at a time and copies into it, which on a virtual machine
// took over a millisecond for citm_catalog.json's 1.7 MB, against a quarter
// of that for the mapping.
func mapFile(f *os.File, n int64) (text []byte, unmap func(), ok bool) {
	if n <= 0 || n != int64(int(n)) {
		return nil, nil, false
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(n), syscall.PROT_READ, syscall.MAP_PRIVATE|syscall.MAP_POPULATE)
	if err != nil {
		return nil, nil, false
	}
	return b, func() { syscall.Munmap(b) }, true
}
