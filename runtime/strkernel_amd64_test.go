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
// processor runs them, against what their contracts allow, with every room
// in dst from 0 to 80 bytes (unless quick) and with room for anything: they
// stop at the start of a code point, what they wrote is the twin's output for
// what they consumed (which the twin consumes whole), and, with room for anything, they consumed what the twin
// does (strAppendEscapedUTF8AVX2 may stop up to 35 bytes before invalid
// UTF-8, at the start of a character, and say so). Guard bytes follow dst.
func strKernelCheckRaw(t *testing.T, x *strKernelScratch, where string, s string, quick bool) {
	t.Helper()
	if !strUseAVX2 {
		return
	}
	ample := 6*len(s) + strKernelRoom
	if cap(x.raw) < max(ample, 80)+64 {
		x.raw = make([]byte, max(ample, 80)+64)
	}
	rooms := []int{0, 47, 64, ample}
	if !quick {
		rooms = rooms[:0]
		for r := 0; r <= 80; r++ {
			rooms = append(rooms, r)
		}
		rooms = append(rooms, ample)
	}
	asciiWant, asciiN := strAppendASCIIRunGeneric(nil, s)
	utf8Want, utf8N := strAppendUTF8RunGeneric(nil, s)
	for _, room := range rooms {
		buf := x.raw[:room+64]
		for i := range buf {
			buf[i] = 0xA5
		}
		in, out := strAppendEscapedASCIIAVX2(buf[:room], s)
		var n int
		x.want, n = strAppendASCIIRunGeneric(x.want[:0], s[:in])
		switch {
		case in > asciiN || room == ample && in != asciiN:
			t.Fatalf("%s: strAppendEscapedASCIIAVX2(room %d, %q) consumed %d bytes, want %d", where, room, s, in, asciiN)
		case n != in:
			t.Fatalf("%s: strAppendEscapedASCIIAVX2(room %d, %q) stopped at %d, inside a sequence", where, room, s, in)
		case !bytes.Equal(buf[:out], x.want) || !bytes.HasPrefix(asciiWant, x.want):
			t.Fatalf("%s: strAppendEscapedASCIIAVX2(room %d, %q) = %d, %q; want %q", where, room, s, in, buf[:out], x.want)
		}
		strKernelCheckGuard(t, where, "strAppendEscapedASCIIAVX2", s, buf, room)

		for i := range buf {
			buf[i] = 0xA5
		}
		in, out, exact := strAppendEscapedUTF8AVX2(buf[:room], s)
		x.want, n = strAppendUTF8RunGeneric(x.want[:0], s[:in])
		switch {
		case in > utf8N || room == ample && exact && in != utf8N:
			t.Fatalf("%s: strAppendEscapedUTF8AVX2(room %d, %q) consumed %d bytes, %v; want %d", where, room, s, in, exact, utf8N)
		case !exact && (utf8N-in > 35 || in+strIndexUTF8(s[in:]) != utf8N):
			t.Fatalf("%s: strAppendEscapedUTF8AVX2(room %d, %q) stopped at %d, not exact, but not a character start at most 35 bytes before %d", where, room, s, in, utf8N)
		case n != in:
			t.Fatalf("%s: strAppendEscapedUTF8AVX2(room %d, %q) stopped at %d, inside a sequence", where, room, s, in)
		case !bytes.Equal(buf[:out], x.want) || !bytes.HasPrefix(utf8Want, x.want):
			t.Fatalf("%s: strAppendEscapedUTF8AVX2(room %d, %q) = %d, %q; want %q", where, room, s, in, buf[:out], x.want)
		}
		strKernelCheckGuard(t, where, "strAppendEscapedUTF8AVX2", s, buf, room)
	}
}

// strIndexUTF8 returns the length of the longest valid UTF-8 prefix of s.
func strIndexUTF8(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(s)
}

// strKernelCheckGuard fails when a kernel given buf[:room] wrote past it.
func strKernelCheckGuard(t *testing.T, where, fn, s string, buf []byte, room int) {
	t.Helper()
	for i := room; i < len(buf); i++ {
		if buf[i] != 0xA5 {
			t.Fatalf("%s: %s(room %d, %q) wrote at %d", where, fn, room, s, i)
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
// tables, as strAppendEscapedUTF8AVX2 computes them in each byte.
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
