package jsondumprt

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// The string kernels (strkernel.go) have two bodies, a vector kernel and its
// pure-Go twin; these tests require that they agree, byte for byte, on every
// input they are given, and that appendString and its siblings write the same
// bytes with the kernels as without them. On a build without kernels (other
// architectures, -tags purego, a processor without AVX2) the twin is compared
// with itself, and the tests still check the twins against their definitions.

// strKernelClasses are the pieces the exhaustive test writes at every
// position of every length: every class of UTF-8 error of Keiser and
// Lemire's method and of Go's rules, the valid sequences at the edges of
// each range, and every class of byte to escape.
var strKernelClasses = []string{
	// Escapes, and the safe bytes beside them.
	"\x00", "\x1f", "\"", "\\", "\x7f", " ", "~", "!", "#", "[", "]", "\n",
	// Valid sequences at the edges of their ranges.
	"\u0080", "\u07ff", "\u0800", "\u0fff", "\u1000", "\ucfff", "\ud7ff", "\ue000", "\uffff",
	"\U00010000", "\U0003ffff", "\U00040000", "\U000fffff", "\U00100000", "\U0010ffff",
	"日", "ア", "。",
	// Stray continuation bytes (too long).
	"\x80", "\xbf", "\xe3\x81\x82\x82", "\xc3\xa9\xa9",
	// A lead byte without its continuations (too short), at any point.
	"\xc3", "\xe3", "\xe3\x81", "\xf0", "\xf0\x9f", "\xf0\x9f\x98",
	"\xc3\xc3\xa9", "\xe3\xe3\x81\x82", "\xf0\xf0\x9f\x98\x80",
	// Overlong forms.
	"\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xe0\x9f\xbf", "\xf0\x80\x80\x80", "\xf0\x8f\xbf\xbf",
	// Surrogates (WTF-8), and too large.
	"\xed\xa0\x80", "\xed\xbf\xbf", "\xed\xa0\xbd\xed\xb8\x80",
	"\xf4\x90\x80\x80", "\xf4\xbf\xbf\xbf", "\xf5\x80\x80\x80", "\xf7\xbf\xbf\xbf", "\xf8\x88\x80\x80\x80", "\xfe", "\xff",
}

// strKernelFills are the texts the pieces are written into.
var strKernelFills = []string{
	"abcdefghijklmnopqrstuvwxyz0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ.,;:!?-_/()",
	"日本語のテキストと名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗い",
	"naïve café — Ελληνικά Кириллица 😀 mixed ascii 日本",
}

// strKernelScratch holds the buffers strKernelCheck reuses from one input
// to the next.
type strKernelScratch struct {
	got, want, raw []byte
}

// strKernelCheck runs strAppendEscapedKernel and its twin on s, in both modes
// and with and without wtf8, and the raw kernels (strKernelCheckRaw), and
// fails on any difference. where names the input for the failure message.
// dst has 3 bytes in it and, unless quick, each of several spare capacities,
// from none (it must grow) to plenty; with quick, none and plenty.
func strKernelCheck(t *testing.T, x *strKernelScratch, where string, s string, quick bool) {
	t.Helper()
	strKernelCheckRaw(t, x, where, s, quick)
	spares := []int{0, 7, strKernelRoom - 1, strKernelRoom, strKernelRoom + 1, len(s) + strKernelRoom, 6*len(s) + strKernelRoom}
	if quick {
		spares = []int{0, 6*len(s) + strKernelRoom}
	}
	for _, ascii := range []bool{true, false} {
		for _, wtf8 := range []bool{false, true} {
			want := strAppendEscapedKernelGeneric(append(x.want[:0], "[1,"...), s, ascii, wtf8)
			x.want = want
			for _, spare := range spares {
				if cap(x.got) < 3+spare {
					x.got = make([]byte, 3+spare)
				}
				got := strAppendEscapedKernel(append(x.got[:0:3+spare], "[1,"...), s, ascii, wtf8)
				if !bytes.Equal(got, want) {
					t.Fatalf("%s: strAppendEscapedKernel(%q with room %d, %q, %v, %v) = %q, want %q (twin)", where, "[1,", spare, s, ascii, wtf8, got, want)
				}
			}
		}
	}
}

// strKernelCheckAppend checks that appendString and its siblings write the
// same bytes with the kernels and without them.
func strKernelCheckAppend(t *testing.T, where string, s string) {
	t.Helper()
	for _, ascii := range []bool{true, false} {
		got := [3][]byte{appendString(nil, s, ascii), appendStringBytes(nil, []byte(s), ascii), appendStringWTF8(nil, s, ascii)}
		restore := strKernelsOff()
		want := [3][]byte{appendString(nil, s, ascii), appendStringBytes(nil, []byte(s), ascii), appendStringWTF8(nil, s, ascii)}
		restore()
		for k, name := range []string{"appendString", "appendStringBytes", "appendStringWTF8"} {
			if !bytes.Equal(got[k], want[k]) {
				t.Fatalf("%s: %s(nil, %q, %v) = %q with the kernels, %q without", where, name, s, ascii, got[k], want[k])
			}
		}
	}
}

// TestStringKernelsLengths compares the kernels with their twins on every
// length from 0 to 200, at every alignment of the input within a larger
// buffer (0 to 63 bytes past a 64-byte boundary), with random text of each
// kind (with every room in dst from 0 to 80 bytes at 4 of the alignments),
// and with each piece of strKernelClasses at every position of the ASCII
// and the CJK fill, the fill cut at every length.
func TestStringKernelsLengths(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 2021))
	var x strKernelScratch
	arena := make([]byte, 64+400+64)
	for i := range arena {
		arena[i] = byte(r.Uint32())
	}
	// place copies text to the given alignment in arena and returns it
	// as a string that shares arena's bytes, as the kernels see their
	// input; the bytes after it are random, so that a kernel that reads
	// them gives itself away.
	place := func(text string, align int) string {
		copy(arena[64+align:], text)
		for i := 64 + align + len(text); i < min(len(arena), 64+align+len(text)+64); i++ {
			arena[i] = byte(r.Uint32())
		}
		return strViewOf(arena[64+align : 64+align+len(text)])
	}
	for n := 0; n <= 200; n++ {
		for align := 0; align < 64; align++ {
			for kind := range 6 {
				text := strKernelRandText(r, n, kind)
				strKernelCheck(t, &x, "random", place(text, align), align%16 != 0)
			}
		}
	}
	for f, fill := range strKernelFills[:2] {
		long := strings.Repeat(fill, 200/len(fill)+2)
		for n := 0; n <= 200; n++ {
			for p := 0; p < n; p++ {
				for c, piece := range strKernelClasses {
					text := long[:p] + piece + long[p:]
					text = text[:n]
					align := (n*7 + p*3 + c + f) % 64
					strKernelCheck(t, &x, "piece", place(text, align), true)
				}
			}
		}
	}
}

// TestStringKernelsAppend checks appendString and its siblings with the
// kernels against themselves without, on random text of each kind at every
// length up to 200 and on each piece of strKernelClasses within the fills.
func TestStringKernelsAppend(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 2021))
	for n := 0; n <= 200; n++ {
		for kind := range 6 {
			for range 4 {
				strKernelCheckAppend(t, "random", strKernelRandText(r, n, kind))
			}
		}
	}
	for _, fill := range strKernelFills {
		long := strings.Repeat(fill, 4)
		for _, piece := range strKernelClasses {
			for p := 0; p <= 80; p += 3 {
				strKernelCheckAppend(t, "piece", long[:p]+piece+long[p:])
				strKernelCheckAppend(t, "piece at end", long[:p+40]+piece)
			}
		}
	}
}

// strViewOf returns a view of b as a string, as the kernels are given it.
func strViewOf(b []byte) string { s, _ := strView(b); return s }

// strKernelRandText returns n bytes of random text of one of six kinds:
// 0 printable ASCII, 1 ASCII with escapes, 2 valid UTF-8 of every length,
// 3 three-byte sequences (CJK) with the odd other, 4 valid UTF-8 with some
// invalid bytes, 5 any bytes.
func strKernelRandText(r *rand.Rand, n, kind int) string {
	b := make([]byte, 0, n+4)
	for len(b) < n {
		switch kind {
		case 0:
			b = append(b, byte(0x20+r.IntN(0x5f)))
		case 1:
			if r.IntN(8) == 0 {
				b = append(b, "\"\\\x00\x1f\n\x7f"[r.IntN(6)])
			} else {
				b = append(b, byte(0x20+r.IntN(0x5f)))
			}
		case 2, 4:
			switch r.IntN(5) {
			case 0:
				b = append(b, byte(0x20+r.IntN(0x5f)))
			case 1:
				b = utf8.AppendRune(b, rune(0x80+r.IntN(0x800-0x80)))
			case 2, 3:
				b = utf8.AppendRune(b, rune(0x800+r.IntN(0x10000-0x800)))
			default:
				b = utf8.AppendRune(b, rune(0x10000+r.IntN(0x110000-0x10000)))
			}
			if kind == 4 && r.IntN(10) == 0 {
				b = append(b, byte(0x80+r.IntN(0x80)))
			}
		case 3:
			if r.IntN(40) == 0 {
				b = append(b, strKernelClasses[r.IntN(len(strKernelClasses))]...)
			} else {
				b = utf8.AppendRune(b, rune(0x3000+r.IntN(0x9FFF-0x3000)))
			}
		default:
			b = append(b, byte(r.Uint32()))
		}
	}
	return string(b[:n])
}

// FuzzStringKernels compares each kernel with its pure-Go twin, and
// appendString and its siblings with the kernels and without, for any input
// at any alignment: the input is copied to offset%64 bytes past a 64-byte
// boundary of a larger buffer. The seeds run as part of go test;
// go test -fuzz=FuzzStringKernels ./runtime explores further.
func FuzzStringKernels(f *testing.F) {
	for _, fill := range strKernelFills {
		f.Add([]byte(fill), uint8(0))
		f.Add([]byte(fill+fill), uint8(5))
	}
	for i, piece := range strKernelClasses {
		f.Add([]byte(strKernelFills[i%3][:30]+piece+strKernelFills[(i+1)%3]), uint8(i))
	}
	f.Fuzz(func(t *testing.T, data []byte, offset uint8) {
		arena := make([]byte, 64+len(data)+64)
		align := int(offset % 64)
		copy(arena[64+align:], data)
		s := strViewOf(arena[64+align : 64+align+len(data)])
		strKernelCheck(t, new(strKernelScratch), "fuzz", s, false)
		strKernelCheckAppend(t, "fuzz", s)
	})
}

// TestAppendStringShort checks the path of appendString (strAppendQuoted) for
// strings of 4 to 32 bytes of plain ASCII, against the general loop: every
// length from 0 to 40, every byte value at every position in a string of
// safe bytes, both values of ascii, into a buffer with room and one without.
func TestAppendStringShort(t *testing.T) {
	general := func(dst []byte, s string, ascii bool) []byte {
		dst = append(dst, '"')
		if ascii {
			dst = strAppendEscapedASCII(dst, s, false)
		} else {
			dst = strAppendEscapedUTF8(dst, s, false)
		}
		return append(dst, '"')
	}
	room := make([]byte, 3, 128)
	copy(room, "[1,")
	for n := 0; n <= 40; n++ {
		for pos := range max(n, 1) {
			for c := range 256 {
				b := []byte(strings.Repeat("aZ~ 09#}", 6)[:n])
				if n > 0 {
					b[pos] = byte(c)
				}
				s := string(b)
				for _, ascii := range []bool{true, false} {
					want := general([]byte("[1,"), s, ascii)
					if got := appendString(room, s, ascii); !bytes.Equal(got, want) {
						t.Fatalf("appendString(%q, %q, %v) = %q, want %q", room, s, ascii, got, want)
					}
					if got := appendStringBytes(room, b, ascii); !bytes.Equal(got, want) {
						t.Fatalf("appendStringBytes(%q, %q, %v) = %q, want %q", room, s, ascii, got, want)
					}
					if got := appendString([]byte("[1,"), s, ascii); !bytes.Equal(got, want) {
						t.Fatalf("appendString(%q, %q, %v) = %q, want %q (no room)", "[1,", s, ascii, got, want)
					}
				}
			}
		}
	}
}
