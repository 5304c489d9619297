package jsondumprt

import (
	"encoding/binary"
	"math/big"
	"slices"
)

// maxIntDigits is CPython's default sys.get_int_max_str_digits(), 4300: since
// 3.11 (CVE-2020-10735) int.__repr__ and int(str) refuse a number of more
// decimal digits than this, the sign not counted.
const maxIntDigits = 4300

// Bit lengths around the digit limit. 10^4300 lies between 2^14284 and 2^14285
// (4300·log2(10) ≈ 14284.3), so an int of at most numMaxIntBitsOK bits has at
// most 4300 digits, one of more than numMaxIntBitsOK+1 bits has more, and only
// a bit length of exactly 14285 needs its digits counted.
const numMaxIntBitsOK = 14284

// appendBigInt appends x in decimal as Python's int.__repr__ writes it, with a
// leading '-' when negative, and returns the extended buffer with ok set:
// 2**64 is 18446744073709551616, -(2**63)-1 is -9223372036854775809.
//
// Like Python 3.11 and later, it refuses an x of more than maxIntDigits
// decimal digits (10**4300 has 4301; -(10**4300-1) has 4300 and passes):
// then it returns dst unchanged and ok false, and the caller raises
// "Exceeds the limit (4300 digits) for integer string conversion; use
// sys.set_int_max_str_digits() to increase the limit". CPython checks the
// exact digit count too (long_to_decimal_string_internal in
// Objects/longobject.c); its early size check only catches ints that are
// surely too long.
//
// x must not be nil. appendBigInt allocates inside math/big, whose
// conversion builds the digits in a buffer of its own; a refused x bigger than
// 14285 bits costs no conversion at all.
func appendBigInt(dst []byte, x *big.Int) (out []byte, ok bool) {
	n := x.BitLen()
	if n <= numMaxIntBitsOK {
		return x.Append(dst, 10), true
	}
	if n > numMaxIntBitsOK+1 {
		return dst, false
	}
	out = x.Append(dst, 10)
	digits := len(out) - len(dst)
	if x.Sign() < 0 {
		digits--
	}
	if digits > maxIntDigits {
		return dst, false
	}
	return out, true
}

// appendInt appends i in decimal, as Python's int.__repr__ writes it.
func appendInt(dst []byte, i int64) []byte {
	if i >= 0 {
		return appendUint(dst, uint64(i))
	}
	return appendUint(append(dst, '-'), -uint64(i)) // -MinInt64 is 2^63 as a uint64
}

// appendUint appends u in decimal. It writes eight digits at a time, each
// group computed in one go by numDigits8 and stored with one 8-byte store:
// integers are a large part of typical documents (ids, counts, timestamps).
// Up to ten digits, the usual ids and second timestamps, it needs no digit
// count: the digits above the last eight are one byte or one table pair.
func appendUint(dst []byte, u uint64) []byte {
	if u < 10 {
		return append(dst, byte('0'+u))
	}
	if u < 100 {
		return append(dst, numDigitPairs[2*u], numDigitPairs[2*u+1])
	}
	l := len(dst)
	// Room for the 8-byte stores, which may reach past the last digit.
	if cap(dst)-l < 24 {
		dst = slices.Grow(dst, 24)
	}
	b := dst[l : l+24]
	if u < 1e8 {
		// numDigits8 gives leading zeros first: shift them out.
		n := numDigitCount(u)
		binary.LittleEndian.PutUint64(b, numDigits8(uint32(u))>>(8*(8-n)))
		return dst[:l+n]
	}
	if u < 1e10 {
		hi, lo := u/1e8, u%1e8
		if hi < 10 {
			b[0] = byte('0' + hi)
			binary.LittleEndian.PutUint64(b[1:], numDigits8(uint32(lo)))
			return dst[:l+9]
		}
		b[0], b[1] = numDigitPairs[2*hi], numDigitPairs[2*hi+1]
		binary.LittleEndian.PutUint64(b[2:], numDigits8(uint32(lo)))
		return dst[:l+10]
	}
	n := numDigitCount(u)
	if n <= 16 {
		hi, lo := u/1e8, u%1e8
		binary.LittleEndian.PutUint64(b, numDigits8(uint32(hi))>>(8*(16-n)))
		binary.LittleEndian.PutUint64(b[n-8:], numDigits8(uint32(lo)))
		return dst[:l+n]
	}
	top, rest := u/1e16, u%1e16
	mid, lo := rest/1e8, rest%1e8
	binary.LittleEndian.PutUint64(b, numDigits8(uint32(top))>>(8*(24-n)))
	binary.LittleEndian.PutUint64(b[n-16:], numDigits8(uint32(mid)))
	binary.LittleEndian.PutUint64(b[n-8:], numDigits8(uint32(lo)))
	return dst[:l+n]
}
