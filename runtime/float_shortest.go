package jsondumprt

import "math/bits"

//go:generate go run gen_pow10.go

// numShortest finds the shortest decimal that reads back as a binary
// floating-point number, the digits of Python's float.__repr__ (and of
// strconv.FormatFloat with precision -1). It follows Raffaello Giulietti,
// "The Schubfach way to render doubles" (2020), written from the paper's
// description; the notation below is the paper's.
//
// A finite positive float is v = c × 2^q. Every real number strictly closer
// to v than to its neighbours rounds to v, and so do the ends of that
// rounding interval R = [vl, vr] when c is even (round half to even):
//
//	vl = v - 2^(q-1), vr = v + 2^(q-1)   in general;
//	vl = v - 2^(q-2)                     when c is the smallest normal
//	                                     significand and v is not the smallest normal
//	                                     (the gap below v is half the gap above).
//
// With k = floor(log10(vr - vl)), R is at least 10^k and less than 10^(k+1)
// wide, so it holds at most one multiple of 10^(k+1) and at least one of
// 10^k. Let s = floor(v × 10^-k), u = s × 10^k <= v < w = (s+1) × 10^k:
//
//  1. If R holds a multiple of 10^(k+1), it is unique and no decimal in R
//     is shorter: it is the answer, u' = 10×floor(s/10) × 10^k or
//     w' = u' + 10^(k+1), whichever lies in R.
//  2. Otherwise the answer has the digits of u or w, the multiples of 10^k
//     around v: whichever lies in R, or, if both do, the nearer to v, and s
//     or s+1, whichever is even, on a tie (Python rounds half to even too:
//     1000000000000000.25 is written 1000000000000000.2).
//
// All these tests compare 4 × 10^-k × {vl, v, vr} with multiples of 4,
// 4u' = 4 × 10×floor(s/10) and so on. The three scaled values are
// cbl, cb, cbr × 2^q × 10^-k with cb = 4c, cbl = cb-2 (or cb-1), cbr = cb+2,
// and the paper computes them only to "round to odd" precision: the integer
// part, with the lowest bit set when there is a fraction. That suffices,
// since rounding to odd keeps every comparison with an even integer.
//
// Here, unlike the paper, 10^-k is a 128-bit g rounded up (numPow10Table),
// and the fraction test is made exact without the paper's analysis of how
// close the products come to integers. The product x' computed exceeds the
// exact x by less than 2^-69 (numMulPow10 keeps its integer part and the
// first 64 bits of its fraction). So if those 64 bits are not all zero, x'
// is at least 2^-64 past an integer, and x has a fraction and the same
// integer part. If they are all zero, x is either that integer, which
// numIsInteger decides exactly (common: 4 × 0.5 × 10^17 is), or not; then,
// which never happens in the tests, numShortest reports failure and the
// caller takes strconv's digits instead.
//
// numShortest returns the digits d and the exponent e of the shortest
// decimal d × 10^e in R, the nearest to v among the shortest; d < 10^17 may
// end in zeros, which the layout drops. ok is false in the case above. c
// must be positive and less than 2^53, q between -1074 and 971; lowerHalf
// says that the gap below v is half the gap above.
//
// For a float32 (single), c < 2^24 and cp < 2^30, and the products take
// only the high half of g, rounded up, g1: x' then exceeds x by less than
// 2^30 × 2^-64 = 2^-34, and numMulPow10Single reports the fraction as
// zero below 2^-34 instead of 2^-64; the argument is the same.
// TestAppendFloatShortest32 shows, when run over all float32s, that no
// float32 comes so near an integer without being one.
func numShortest(c uint64, q int, lowerHalf, single bool) (d uint64, e int, ok bool) {
	cb := c << 2
	cbr := cb + 2
	var cbl uint64
	var k int
	if lowerHalf {
		cbl = cb - 1
		k = numFloorLog10ThreeQuartersPow2(q)
	} else {
		cbl = cb - 2
		k = numFloorLog10Pow2(q)
	}
	// g × 2^(β-127) is 10^-k with β = floor(log2 10^-k), and h = q+β+1 is
	// between 1 and 4 (β is -q to -q+3, as 10^-k lies between 2^-q and
	// 10 × 2^-q): cp × g / 2^128 for cp = cb << h is then cb × 2^q × 10^-k,
	// and cp < 2^59.
	h := uint(q+numFloorLog2Pow10(-k)+1) & 63 // & 63: no check for shifts past 63
	g := &numPow10Table[-k-numPow10Min]
	var vb, vbl, vbr, fb, fl, fr uint64
	if single {
		vb, fb = numMulPow10Single(g, cb<<h)
		vbl, fl = numMulPow10Single(g, cbl<<h)
		vbr, fr = numMulPow10Single(g, cbr<<h)
	} else {
		vb, fb = numMulPow10(g, cb<<h)
		vbl, fl = numMulPow10(g, cbl<<h)
		vbr, fr = numMulPow10(g, cbr<<h)
	}
	if fb == 0 || fl == 0 || fr == 0 {
		if fb == 0 && !numIsInteger(cb, q, k) || fl == 0 && !numIsInteger(cbl, q, k) || fr == 0 && !numIsInteger(cbr, q, k) {
			return 0, 0, false
		}
	}
	// Round to odd: set the lowest bit when there is a fraction.
	vb |= (fb | -fb) >> 63
	vbl |= (fl | -fl) >> 63
	vbr |= (fr | -fr) >> 63

	// out is 1 when R is open: "vl < x" is then "vbl+1 <= 4x".
	out := c & 1
	s := vb >> 2

	// Step 1: a multiple of 10^(k+1). For s < 10, u' = 0 is never in R.
	sp := s / 10
	upin := vbl+out <= sp*40
	wpin := sp*40+40+out <= vbr
	if upin != wpin {
		if wpin {
			sp++
		}
		return sp, k + 1, true // may end in zeros: 65598343 00000000
	}

	// Step 2: s or s+1. (They end in no 0 here: s × 10^k in R with s a
	// multiple of 10 would be u' in R, found above; likewise for s+1 and w'.)
	// Branches, not conditional moves, select the answer: they are well
	// predicted on real data, and let the layout start before the
	// comparisons are done.
	t := s + 1
	uin := vbl+out <= s<<2
	win := t<<2+out <= vbr
	if uin != win {
		if win {
			return t, k, true
		}
		return s, k, true
	}
	// Both are in R: the nearer to v, 4v × 10^-k against 4s+2. On a tie,
	// the even one; but strconv, whose digits appendFloat32 promises, takes
	// the upper one for a float32 whose gap below is half: 2^-12 is
	// 2.4414063e-04, not 2.4414062e-04 (the only such float32, as
	// TestAppendFloatShortest32 finds when run over all of them).
	if mid := s<<2 + 2; vb < mid || vb == mid && s&1 == 0 && !(single && lowerHalf) {
		return s, k, true
	}
	return t, k, true
}

// numMulPow10 returns the integer part of cp × g / 2^128 and the first 64
// bits of its fraction, g being the 128-bit {high, low} pair.
func numMulPow10(g *[2]uint64, cp uint64) (hi, frac uint64) {
	a1, _ := bits.Mul64(g[1], cp)
	b1, b0 := bits.Mul64(g[0], cp)
	frac, carry := bits.Add64(b0, a1, 0)
	return b1 + carry, frac
}

// numMulPow10Single returns the integer part of cp × g1 / 2^64, g1 being
// the high half of g plus one, and its fraction's bits from 2^-34 on: zero
// when the fraction is below 2^-34. cp must be below 2^30.
func numMulPow10Single(g *[2]uint64, cp uint64) (hi, frac uint64) {
	hi, lo := bits.Mul64(g[0]+1, cp)
	return hi, lo >> 30
}

// numIsInteger reports whether cb × 2^q × 10^-k = cb × 5^-k × 2^(q-k) is
// an integer: the power of two must not be negative, and for k > 0, 5^k
// must divide cb, which is below 2^55 < 5^24, so k <= 23.
func numIsInteger(cb uint64, q, k int) bool {
	if bits.TrailingZeros64(cb)+q-k < 0 {
		return false
	}
	return k <= 0 || k < len(numPow5) && cb%numPow5[k] == 0
}

// numPow5 holds 5^0 to 5^26.
var numPow5 = [...]uint64{
	1, 5, 25, 125, 625, 3125, 15625, 78125, 390625, 1953125, 9765625,
	48828125, 244140625, 1220703125, 6103515625, 30517578125, 152587890625,
	762939453125, 3814697265625, 19073486328125, 95367431640625,
	476837158203125, 2384185791015625, 11920928955078125,
	59604644775390625, 298023223876953125, 1490116119384765625,
}

// The logarithms below are fixed-point products, floor(x × log) computed
// as (x × round(log × 2^n)) >> n; TestAppendFloatLogs checks them with
// math/big over the ranges numShortest uses (q in [-1100, 1100], and
// exponents of ten in [-400, 400]). In 32-bit ints the products stay below
// 2^31.

// numFloorLog10Pow2 returns floor(log10(2^q)); 315653 = ceil(log10(2) × 2^20).
func numFloorLog10Pow2(q int) int { return (q * 315653) >> 20 }

// numFloorLog10ThreeQuartersPow2 returns floor(log10(3/4 × 2^q));
// -131008 = floor(log10(3/4) × 2^20).
func numFloorLog10ThreeQuartersPow2(q int) int { return (q*315653 - 131008) >> 20 }

// numFloorLog2Pow10 returns floor(log2(10^e)); 1741647 = floor(log2(10) × 2^19).
func numFloorLog2Pow10(e int) int { return (e * 1741647) >> 19 }

// numDigitPairs holds "00" to "99", so that digits are written two at a time.
const numDigitPairs = "" +
	"00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"

// numPow10s holds 10^0 to 10^19.
var numPow10s = [...]uint64{
	1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
}

// numDigitCount returns the number of decimal digits of d > 0. The bit
// length times 1233/4096 (just above log10(2)) is floor(log10(2^len)) or
// one less, which one comparison settles.
func numDigitCount(d uint64) int {
	n := bits.Len64(d) * 1233 >> 12
	if d >= numPow10s[n] {
		n++
	}
	return n
}

// numDigits8 returns r < 10^8 as eight ASCII digits in a uint64, the
// first digit in the lowest byte (binary.LittleEndian's order), all eight
// at once. r is split into two 4-digit halves in the 32-bit lanes of a
// uint64, each half into two 2-digit quarters in its 16-bit lanes, each
// quarter into two digits in its bytes: a lane holding v becomes
// (v/m) × 2^w + v%m for m = 10^4, 100, 10 and lane width w = 32, 16, 8,
// computed as v + (v/m) × (2^w - m). The divisions are multiplications that
// are exact over the range of each lane (TestAppendFloatDigits8):
//
//	v/100 = (v × 5243) >> 19   for v < 10^4 (v × 5243 < 2^26 stays in its lane)
//	v/10  = (v × 103) >> 10    for v < 100  (v × 103 < 2^14 stays in its lane)
//
// That leaves the first digit in the highest byte; '0' is added to every
// byte and the byte order reversed.
func numDigits8(r uint32) uint64 {
	x := uint64(r) + uint64(r/10000)*(1<<32-10000)
	hundreds := (x * 5243 >> 19) & 0x0000007f_0000007f
	x += hundreds * (1<<16 - 100)
	tens := (x * 103 >> 10) & 0x000f000f_000f000f
	x += tens * (1<<8 - 10)
	return bits.ReverseBytes64(x | 0x30303030_30303030)
}
