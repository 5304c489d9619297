package runtime

import "math/big"

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
