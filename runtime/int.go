package runtime

import (
	"encoding/binary"
	"math/big"
	"math/bits"
	"slices"
)

// MaxIntDigits is CPython's default sys.get_int_max_str_digits(), 4300: since
// 3.11 (CVE-2020-10735) int.__repr__ and int(str) refuse a number of more
// decimal digits than this, the sign not counted.
const MaxIntDigits = 4300

// Bit lengths around the digit limit. 10^4300 lies between 2^14284 and 2^14285
// (4300·log2(10) ≈ 14284.3), so an int of at most numMaxIntBitsOK bits has at
// most 4300 digits, one of more than numMaxIntBitsOK+1 bits has more, and only
// a bit length of exactly 14285 needs its digits counted.
const numMaxIntBitsOK = 14284

// AppendBigInt appends x in decimal as Python's int.__repr__ writes it, with a
// leading '-' when negative, and returns the extended buffer with ok set:
// 2**64 is 18446744073709551616, -(2**63)-1 is -9223372036854775809.
//
// Like Python 3.11 and later, it refuses an x of more than MaxIntDigits
// decimal digits (10**4300 has 4301; -(10**4300-1) has 4300 and passes):
// then it returns dst unchanged and ok false, and the caller raises
// "Exceeds the limit (4300 digits) for integer string conversion; use
// sys.set_int_max_str_digits() to increase the limit". CPython checks the
// exact digit count too (long_to_decimal_string_internal in
// Objects/longobject.c); its early size check only catches ints that are
// surely too long.
//
// x must not be nil. AppendBigInt allocates inside math/big, whose
// conversion builds the digits in a buffer of its own; a refused x bigger than
// 14285 bits costs no conversion at all.
func AppendBigInt(dst []byte, x *big.Int) (out []byte, ok bool) {
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
	if digits > MaxIntDigits {
		return dst, false
	}
	return out, true
}

// intPairs holds "00" to "99", the two digits of each value below 100.
const intPairs = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"

// intPairs16 holds the pairs of intPairs as little-endian words, each
// written with one store.
var intPairs16 = func() (t [100]uint16) {
	for i := range t {
		t[i] = uint16(intPairs[2*i]) | uint16(intPairs[2*i+1])<<8
	}
	return t
}()

// AppendInt appends i in decimal, as Python's int.__repr__ writes it.
func AppendInt(dst []byte, i int64) []byte {
	if i >= 0 {
		return AppendUint(dst, uint64(i))
	}
	return AppendUint(append(dst, '-'), -uint64(i)) // -MinInt64 is 2^63 as a uint64
}

// AppendUint appends u in decimal. It writes the digits in place, two at a
// time, after counting them, where strconv formats into a scratch array and
// copies; integers are a large part of typical documents (ids, counts).
func AppendUint(dst []byte, u uint64) []byte {
	if u < 10 {
		return append(dst, byte('0'+u))
	}
	if u < 100 {
		return append(dst, intPairs[2*u], intPairs[2*u+1])
	}
	n := intDigits(u)
	l := len(dst)
	dst = slices.Grow(dst, n)[:l+n]
	b := dst[l:]
	for u >= 1<<32 {
		// Eight digits at a time in 64-bit arithmetic, then 32-bit.
		q := u / 1e8
		intPut8(b[:n], uint32(u-q*1e8))
		n -= 8
		u = q
	}
	v := uint32(u)
	if v >= 1e4 {
		// The last four digits from the low half, independently of the
		// high half's, so the two division chains overlap.
		q := v / 1e4
		lo := v - q*1e4
		hi, r := lo/100, lo%100
		n -= 4
		binary.LittleEndian.PutUint16(b[n:], intPairs16[hi])
		binary.LittleEndian.PutUint16(b[n+2:], intPairs16[r])
		v = q
	}
	for v >= 100 {
		q := v / 100
		r := v - q*100
		n -= 2
		binary.LittleEndian.PutUint16(b[n:], intPairs16[r])
		v = q
	}
	if v >= 10 {
		b[0], b[1] = intPairs[2*v], intPairs[2*v+1]
	} else {
		b[0] = byte('0' + v)
	}
	return dst
}

// intPut8 writes v < 1e8 as the last eight digits of b, leading zeros
// included.
func intPut8(b []byte, v uint32) {
	n := len(b)
	_ = b[n-8]
	for k := 0; k < 4; k++ {
		q := v / 100
		r := v - q*100
		binary.LittleEndian.PutUint16(b[n-2-2*k:], intPairs16[r])
		v = q
	}
}

// intDigits returns the number of decimal digits of u >= 1.
func intDigits(u uint64) int {
	// bits.Len64(u)*1233>>12 is floor(log10(2^len)), the digit count of
	// 2^(len-1) less one; one comparison corrects it.
	n := (bits.Len64(u) * 1233 >> 12) + 1
	if u < intPow10[n-1] {
		n--
	}
	return n
}

var intPow10 = [...]uint64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
	1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19}
