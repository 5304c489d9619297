//go:build !purego

package jsondumprt

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// strKernelsOff makes the kernels run their pure-Go twins until the returned
// function is called. Tests that use it must not run in parallel.
func strKernelsOff() (restore func()) {
	old := strUseAVX2
	strUseAVX2 = false
	return func() { strUseAVX2 = old }
}

// strKernelCheckRaw checks the assembly kernels themselves on s, where the
// processor runs them: strIndexEscapeASCIIAVX2 and strEscapeBMPAVX2 against
// their twins, and strAppendValidUTF8AVX2 against what its contract allows:
// the exact answer, or when it meets invalid UTF-8 a character boundary before
// it, at most 35 bytes before, with s's bytes before it in dst. The kernels
// that write get a buffer exactly as long as their contract allows, followed
// by guard bytes.
func strKernelCheckRaw(t *testing.T, x *strKernelScratch, where string, s string) {
	t.Helper()
	if !strUseAVX2 {
		return
	}
	if got, want := strIndexEscapeASCIIAVX2(s), strIndexEscapeASCIIGeneric(s); got != want {
		t.Fatalf("%s: strIndexEscapeASCIIAVX2(%q) = %d, want %d", where, s, got, want)
	}
	want := strIndexEscapeUTF8Generic(s)
	room := len(s) + strValidSlack
	if cap(x.raw) < 2*len(s)+strBMPSlack+64 {
		x.raw = make([]byte, 2*len(s)+strBMPSlack+64)
	}
	vbuf := x.raw[:room+64]
	for i := room; i < len(vbuf); i++ {
		vbuf[i] = 0xA5
	}
	m, exact := strAppendValidUTF8AVX2(vbuf[:room], s)
	if exact && m != want || !exact && (m > want || want-m > 35 || m+strIndexEscapeUTF8Generic(s[m:]) != want) {
		t.Fatalf("%s: strAppendValidUTF8AVX2(%q) = %d, %v; want %d (exact), or a character boundary at most 35 bytes before it", where, s, m, exact, want)
	}
	if exact && want < len(s) && s[want] >= utf8.RuneSelf {
		t.Fatalf("%s: strAppendValidUTF8AVX2(%q) = %d, true at invalid UTF-8", where, s, m)
	}
	if string(vbuf[:m]) != s[:m] {
		t.Fatalf("%s: strAppendValidUTF8AVX2(%q) = %d, %v and wrote %q, want %q", where, s, m, exact, vbuf[:m], s[:m])
	}
	for i := room; i < len(vbuf); i++ {
		if vbuf[i] != 0xA5 {
			t.Fatalf("%s: strAppendValidUTF8AVX2(%q) wrote at %d, past the %d bytes it may write", where, s, i, room)
		}
	}
	need := 2*len(s) + strBMPSlack
	buf := x.raw[:need+64]
	for i := need; i < len(buf); i++ {
		buf[i] = 0xA5
	}
	n := strEscapeBMPAVX2(buf[:need], s)
	wantBuf, wn := strAppendEscapedBMPGeneric(x.want[:0], s)
	if n != wn || !bytes.Equal(buf[:2*n], wantBuf) {
		t.Fatalf("%s: strEscapeBMPAVX2(%q) = %q, %d, want %q, %d", where, s, buf[:2*n], n, wantBuf, wn)
	}
	for i := need; i < len(buf); i++ {
		if buf[i] != 0xA5 {
			t.Fatalf("%s: strEscapeBMPAVX2(%q) wrote at %d, past the %d bytes it may write", where, s, i, need)
		}
	}
}

// TestStrUTF8PairTables checks the three tables of the Keiser-Lemire method
// against the definition of each class of error, for every pair of bytes.
func TestStrUTF8PairTables(t *testing.T) {
	cont := func(c int) bool { return 0x80 <= c && c < 0xC0 }
	for p := range 256 {
		for c := range 256 {
			want := 0
			set := func(bit int, on bool) {
				if on {
					want |= bit
				}
			}
			set(strUTF8Short, p >= 0xC0 && !cont(c))
			set(strUTF8Long, p < 0x80 && cont(c))
			set(strUTF8Overlong2, (p == 0xC0 || p == 0xC1) && cont(c))
			set(strUTF8Overlong3, p == 0xE0 && 0x80 <= c && c < 0xA0)
			set(strUTF8Surrogate, p == 0xED && 0xA0 <= c && c < 0xC0)
			set(strUTF8TooLarge, p >= 0xF4 && 0x90 <= c && c < 0xC0)
			set(strUTF8Over4Or8, (p == 0xF0 || p >= 0xF5) && 0x80 <= c && c < 0x90)
			set(strUTF8TwoConts, cont(p) && cont(c))
			if got := int(strUTF8Classes(byte(p), byte(c))); got != want {
				t.Fatalf("classes of %02x %02x = %08b, want %08b", p, c, got, want)
			}
		}
	}
}

// strUTF8Classes returns the error classes of the pair (p, c) by the three
// tables, as strAppendValidUTF8AVX2 computes them in each byte.
func strUTF8Classes(p, c byte) byte {
	return strUTF8PairPrevHigh[p>>4] & strUTF8PairPrevLow[p&15] & strUTF8PairCurHigh[c>>4]
}

// strUTF8ValidKL is the Keiser-Lemire method in scalar Go, byte by byte as
// the kernel does it 32 bytes at a time: the bytes before s count as zeros,
// and three zeros after it flag a sequence cut short.
func strUTF8ValidKL(s []byte) bool {
	b := append([]byte{0, 0, 0}, s...)
	b = append(b, 0, 0, 0)
	for k := 3; k < len(b); k++ {
		special := strUTF8Classes(b[k-1], b[k])
		sub := func(x, y byte) byte { return x - min(x, y) } // saturating
		must := (sub(b[k-2], 0x60) | sub(b[k-3], 0x70)) & 0x80
		if special^must != 0 {
			return false
		}
	}
	return true
}

// TestStrUTF8ValidKL checks the method and its tables against unicode/utf8:
// every string of one or two bytes, and every string of three and four bytes
// over the bytes at the edges of UTF-8's ranges.
func TestStrUTF8ValidKL(t *testing.T) {
	check := func(s []byte) {
		if got, want := strUTF8ValidKL(s), utf8.Valid(s); got != want {
			t.Fatalf("strUTF8ValidKL(% x) = %v, want %v (utf8.Valid)", s, got, want)
		}
	}
	for a := range 256 {
		check([]byte{byte(a)})
		for b := range 256 {
			check([]byte{byte(a), byte(b)})
		}
	}
	edges := []byte{0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf,
		0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xf7, 0xf8, 0xff}
	for _, a := range edges {
		for _, b := range edges {
			for _, c := range edges {
				check([]byte{a, b, c})
				for _, d := range edges {
					check([]byte{a, b, c, d})
				}
			}
		}
	}
}
