package jsondumprt

import (
	"encoding/binary"
	"math"
	"math/bits"
	"strconv"
)

// Python writes a finite float with float.__repr__ (Lib/json/encoder.py's
// floatstr, Modules/_json.c's encoder_encode_float), which is
// PyOS_double_to_string(x, 'r', 0, Py_DTSF_ADD_DOT_0, NULL) in
// Python/pystrtod.c. Its format_float_short takes the shortest round-trip
// digits d₁…dₙ with decimal point position decpt (value = 0.d₁…dₙ × 10^decpt)
// and uses exponent form when decpt <= -4 or decpt > 16, that is, when the
// scientific exponent e = decpt-1 is below -4 or at least 16. In fixed form
// Py_DTSF_ADD_DOT_0 adds ".0" to an integral value; in exponent form the
// exponent has a sign and at least two digits ("%+.02d").
//
// The shortest digits are those of David Gay's dtoa mode 0 in CPython and of
// strconv.FormatFloat(x, 'e', -1, 64) in Go: the fewest digits that read
// back as x, the nearest to x among those, ties to an even last digit.
// numShortest computes them (Schubfach, see float_shortest.go) and
// numAppendDecimal lays them out, eight digits at a time, at about a third
// of the cost of strconv.AppendFloat for 17-digit values like those of
// canada.json (-65.613616999999977) and well under it for short ones
// (BenchmarkAppendFloat). The layout follows from the digits: the
// scientific exponent is that of the shortest decimal itself.

// numMaxLen is the room numAppendDecimal needs after len(dst). Its output
// is at most 24 bytes (a sign, 17 digits, a point and "e-324"; "-0.000"
// and 17 digits is 23), but its 8-byte stores reach up to byte 26.
const numMaxLen = 32

// appendFloat64 appends f to dst as CPython's float.__repr__ writes it, and
// returns the extended buffer. The digits are the shortest that read back as
// f, those strconv.FormatFloat(f, 'e', -1, 64) gives, computed by
// numShortest. When the decimal exponent e satisfies -4 <= e < 16 they are
// laid out in fixed notation with at least one digit after the point; otherwise
// in exponent form with a sign and at least two exponent digits:
//
//	1.0, 100.0, 0.0001, 65.613617, 1000000000000000.0, -0.0
//	1e+16, 1e-05, 1.5e+300, 5e-324, 1.7976931348623157e+308
//
// Non-finite values are written as json.dumps spells them: NaN, Infinity,
// -Infinity (callers check allow_nan first). appendFloat64 allocates only to
// grow dst.
func appendFloat64(dst []byte, f float64) []byte {
	b := math.Float64bits(f)
	neg := b>>63 != 0
	frac := b & (1<<52 - 1)
	exp := int(b>>52) & (1<<11 - 1)
	c, q := frac|1<<52, exp-1075 // f = ±c × 2^q
	switch exp {
	case 0:
		if frac == 0 {
			return numAppendZero(dst, neg)
		}
		c, q = frac, -1074 // subnormal
	case 1<<11 - 1:
		return numAppendNonFinite(dst, f)
	}
	// Integral values below 2^53 (1.0, 42.0, 1e15) skip the search: every
	// integer there is a float64, so no other integer reads back as f, and
	// a decimal with a fraction is no shorter. From 2^53 to 1e16 the floats
	// are even integers 2 apart: the other decimals that can read back as f
	// lie within 1 of it, and f±1 are odd 16-digit numbers, no shorter than
	// f and farther away. Below 1e16 the layout is fixed.
	if -52 <= q && q <= 0 {
		if c&(1<<uint(-q)-1) == 0 {
			d, x := numNormalize(c>>uint(-q), 0)
			return numAppendDecimal(dst, neg, d, x)
		}
	} else if q == 1 && c < 1e16/2 {
		d, x := numNormalize(c<<1, 0)
		return numAppendDecimal(dst, neg, d, x)
	}
	d, e, ok := numShortest(c, q, frac == 0 && exp > 1, false)
	if !ok {
		return numAppendStrconv(dst, f, 64)
	}
	d, x := numNormalize(d, e)
	return numAppendDecimal(dst, neg, d, x)
}

// appendFloat32 appends f to dst as the Python float whose repr is f's own
// shortest decimal, and returns the extended buffer. The digits are those of
// strconv.FormatFloat(float64(f), 'e', -1, 32), laid out by the rules of
// appendFloat64:
//
//	float32(0.1)      -> 0.1 (not 0.10000000149011612, the float64 of the same value)
//	float32(16777217) -> 16777216.0
//	float32(1e-45)    -> 1e-45
//	float32(3e38)     -> 3e+38
//
// A decimal of at most 9 significant digits reads back into float64 and
// reprs with the same digits (float64 keeps 15), so this is repr(float(s)) for
// s the float32's shortest decimal, as README's mapping maps a Go float32.
// Non-finite values are NaN, Infinity, -Infinity. appendFloat32 allocates
// only to grow dst.
func appendFloat32(dst []byte, f float32) []byte {
	b := math.Float32bits(f)
	neg := b>>31 != 0
	frac := uint64(b & (1<<23 - 1))
	exp := int(b>>23) & (1<<8 - 1)
	c, q := frac|1<<23, exp-150 // f = ±c × 2^q
	switch exp {
	case 0:
		if frac == 0 {
			return numAppendZero(dst, neg)
		}
		c, q = frac, -149 // subnormal
	case 1<<8 - 1:
		return numAppendNonFinite(dst, float64(f))
	}
	// Below 2^24 every integer is a float32 and is its own shortest decimal
	// (the argument of appendFloat64). Above, a float32 that is an integer
	// may have shorter digits: float32(123456789) is 123456792, whose
	// shortest decimal is 123456790.
	if -23 <= q && q <= 0 && c&(1<<uint(-q)-1) == 0 {
		d, x := numNormalize(c>>uint(-q), 0)
		return numAppendDecimal(dst, neg, d, x)
	}
	d, e, ok := numShortest(c, q, frac == 0 && exp > 1, true)
	if !ok {
		return numAppendStrconv(dst, float64(f), 32)
	}
	d, x := numNormalize(d, e)
	return numAppendDecimal(dst, neg, d, x)
}

// numAppendZero appends 0.0 or -0.0.
func numAppendZero(dst []byte, neg bool) []byte {
	if neg {
		return append(dst, "-0.0"...)
	}
	return append(dst, "0.0"...)
}

// numAppendNonFinite appends NaN, Infinity or -Infinity, json.dumps's spellings
// (Lib/json/encoder.py floatstr). The sign of a NaN is ignored.
func numAppendNonFinite(dst []byte, f float64) []byte {
	switch {
	case f > 0:
		return append(dst, "Infinity"...)
	case f < 0:
		return append(dst, "-Infinity"...)
	}
	return append(dst, "NaN"...)
}

// numGrow returns dst with room for numMaxLen more bytes.
func numGrow(dst []byte) []byte {
	return append(dst, make([]byte, numMaxLen)...)[:len(dst)]
}

// numNormalize returns d × 10^e (0 < d < 10^17) as D × 10^(x-16) with
// D of exactly 17 digits, so that x is the scientific exponent: 15, 0
// becomes 15000000000000000, 1. The shortest digits of a normal float64 have
// 16 or 17 digits (numShortest's step 2) or 15 or 16 (step 1); the others
// take the general path.
func numNormalize(d uint64, e int) (D uint64, x int) {
	if d >= 1e16 {
		return d, e + 16
	}
	if d >= 1e15 {
		return d * 10, e + 15
	}
	n := numDigitCount(d)
	return d * numPow10s[17-n], e + n - 1
}

// numAppendDecimal appends d × 10^(x-16), negated if neg, in Python's
// layout: d has exactly 17 digits, of which the trailing zeros are dropped,
// and x is the scientific exponent. For d = 65613616999999977:
//
//	x = 1:    65.613616999999977       digits, the point after x+1 of them
//	x = -3:   0.0065613616999999977    "0." and -x-1 zeros, digits
//	x = 20:   6.5613616999999977e+20   first digit, point, the others, exponent
//
// and for d = 15000000000000000: x = 3, 1500.0 (digits, zeros up to the
// point, ".0").
//
// The digits are written as a first digit and two words of eight
// (numDigits8): the zeros of an integral value come with them, and the
// trailing zeros to drop are counted from the words' zero bytes; whatever
// follows the last digit overwrites the rest.
func numAppendDecimal(dst []byte, neg bool, d uint64, x int) []byte {
	if cap(dst)-len(dst) < numMaxLen {
		dst = numGrow(dst)
	}
	start := len(dst)
	b := dst[start : start+numMaxLen]
	i := 0
	if neg {
		b[0] = '-'
		i = 1
	}
	// Three independent divisions (multiplications) rather than two in a
	// row. The low word is often all zeros: float32s and short decimals
	// have at most nine digits.
	hi := d / 1e8
	first := d / 1e16
	lo := uint32(d - hi*1e8)
	w1 := numDigits8(uint32(hi - first*1e8))
	// n, the significant digits: 9 or 17 less the '0' bytes at the end of
	// the last word. A '0' byte is a zero byte of w ^ "00000000", and the
	// last digit is the top byte.
	const zeros = 0x30303030_30303030 // "00000000"
	w2 := uint64(zeros)
	var n int
	if lo != 0 {
		w2 = numDigits8(lo)
		n = 17 - bits.LeadingZeros64(w2^zeros)>>3
	} else {
		n = 9 - bits.LeadingZeros64(w1^zeros)>>3
	}
	switch {
	case x < -4 || x >= 16:
		// d.ddde+xx, or de+xx: the 'e' overwrites the point.
		b[i], b[i+1] = byte('0'+first), '.'
		numPut(b[i+2:], w1)
		numPut(b[i+10:], w2)
		if n > 1 {
			i += n + 1
		} else {
			i++
		}
		b[i] = 'e'
		b[i+1] = '+'
		if x < 0 {
			b[i+1] = '-'
			x = -x
		}
		i += 2
		if x >= 100 {
			b[i] = byte('0' + x/100)
			x %= 100
			i++
		}
		b[i], b[i+1] = numDigitPairs[2*x], numDigitPairs[2*x+1]
		return dst[:start+i+2]
	case x < 0:
		copy(b[i:i+5], "0.000")
		i += 1 - x // "0." and -x-1 zeros
		b[i] = byte('0' + first)
		numPut(b[i+1:], w1)
		numPut(b[i+9:], w2)
		return dst[:start+i+n]
	case x+1 >= n:
		// Integral: the digits, the padding's zeros up to the point, ".0".
		b[i] = byte('0' + first)
		numPut(b[i+1:], w1)
		numPut(b[i+9:], w2)
		i += x + 1
		b[i], b[i+1] = '.', '0'
		return dst[:start+i+2]
	}
	// The first digit and j = x more before the point, 0 <= j < 16 (as
	// x+1 < n <= 17). The digits after the point, from digit j+1 on, sit one
	// byte further on than in the 17-digit layout: the word holding digit
	// j+1 is stored a second time one byte further on, shifted right so
	// that digit j+1 comes first, then the point goes before it. Each store
	// overwrites the vacated high bytes of the one before.
	b[i] = byte('0' + first)
	j := x
	numPut(b[i+1:], w1)
	if j < 8 {
		numPut(b[i+j+2:], w1>>(8*j))
		numPut(b[i+10:], w2)
	} else {
		numPut(b[i+9:], w2)
		numPut(b[i+j+2:], w2>>(8*(j-8)))
	}
	b[i+j+1] = '.'
	return dst[:start+i+n+1]
}

// numPut stores the eight bytes of w at b[:8], its lowest byte first.
func numPut(b []byte, w uint64) { binary.LittleEndian.PutUint64(b, w) }

// numAppendStrconv is the path of a float for which numShortest could not
// decide (none is known): it takes the digits of strconv.AppendFloat's 'e'
// format, "6.5613616999999977e+01", and lays them out by numAppendDecimal.
// f is finite and not zero; bitSize is 32 or 64.
func numAppendStrconv(dst []byte, f float64, bitSize int) []byte {
	var buf [32]byte
	s := strconv.AppendFloat(buf[:0], math.Abs(f), 'e', -1, bitSize)
	var d uint64
	i := 0
	for ; s[i] != 'e'; i++ {
		if s[i] != '.' {
			d = d*10 + uint64(s[i]-'0')
		}
	}
	x := 0
	for _, c := range s[i+2:] {
		x = x*10 + int(c-'0')
	}
	if s[i+1] == '-' {
		x = -x
	}
	d, x = numNormalize(d, x-numDigitCount(d)+1)
	return numAppendDecimal(dst, math.Signbit(f), d, x)
}

// Reasons that appendNumberText gives. The digit-limit text is the ValueError
// of CPython 3.11's PyLong_FromString (Objects/longobject.c,
// _MAX_STR_DIGITS_ERROR_FMT_TO_INT), which json.loads raises for a long int
// literal. Unlike the int-to-str message of json.dumps it names the digit count.
const (
	numMsgInvalid     = "invalid number literal"
	numMsgLimitPrefix = "Exceeds the limit (4300 digits) for integer string conversion: value has "
	numMsgLimitSuffix = " digits; use sys.set_int_max_str_digits() to increase the limit"
)

// appendNumberText appends the JSON number literal text as Python prints
// json.loads(text), and returns the extended buffer with ok set. This is how a
// json.Number, or a number in a json.Marshaler's output, is re-written.
//
// A literal with '.', 'e' or 'E' is a float: it is parsed as a float64
// (overflow gives ±Inf, underflow ±0) and written by appendFloat64. Otherwise
// it is an int, written exactly at any size:
//
//	1E5 -> 100000.0    0.1e1 -> 1.0    2e-5 -> 2e-05    1.10 -> 1.1
//	1e400 -> Infinity  -1e-400 -> -0.0  -0.0 -> -0.0     -0 -> 0
//	123456789012345678901234567890 -> 123456789012345678901234567890
//
// An int of more than maxIntDigits digits (the sign not counted) is refused
// as Python 3.11's json.loads refuses it: dst is returned unchanged, ok is
// false, and reason is Python's message, "Exceeds the limit (4300 digits) for
// integer string conversion: value has 4301 digits; use
// sys.set_int_max_str_digits() to increase the limit". Text that is not a JSON
// number (see isJSONNumber) gives ok false and reason "invalid number literal".
// NaN, Infinity and -Infinity are for the caller to handle.
//
// appendNumberText allocates only to grow dst, to build a failure's reason,
// inside strconv.ParseFloat for a float literal that overflows to ±Inf, and
// for a float literal longer than 800 bytes (see numLongLiteral).
func appendNumberText(dst []byte, text string) (out []byte, reason string, ok bool) {
	isFloat, valid := numScan(text)
	if !valid {
		return dst, numMsgInvalid, false
	}
	if isFloat {
		// The error of ParseFloat can only be ErrRange, for which f is already
		// ±Inf (1e400), as Python's float() gives; underflow returns ±0 and no
		// error (1e-400 -> 0.0). The grammar was checked, so the extras that
		// ParseFloat accepts (inf, 0x1p3, 1_000) never get here.
		var f float64
		if len(text) <= numLongLiteral {
			f, _ = strconv.ParseFloat(text, 64)
		} else {
			f = numParseLong(text)
		}
		return appendFloat64(dst, f), "", true
	}
	digits := len(text)
	if text[0] == '-' {
		digits--
		if text == "-0" {
			return append(dst, '0'), "", true // int("-0") is 0
		}
	}
	if digits > maxIntDigits {
		return dst, numMsgLimitPrefix + strconv.Itoa(digits) + numMsgLimitSuffix, false
	}
	// The grammar has no leading zeros, so the text is already int.__repr__.
	return append(dst, text...), "", true
}

// numLongLiteral is the length above which appendNumberText does not give a
// float literal to strconv.ParseFloat as it is. Go 1.26's ParseFloat is
// correctly rounded only while the literal has at most 800 digits before its
// point and fewer than 10000 leading zeros after it:
//
//   - its multiprecision fallback (decimal.set in internal/strconv/atof.go)
//     keeps 800 digits and sets the point at the count of digits kept, not
//     read, so "1"×2000+"e-1000" (1.1e999, Python: inf) parses as
//     1.1111111111111112e-201;
//   - it stops reading an exponent at 10000 (golang.org/issue/42436), so
//     "0."+"0"×20000+"1e20001" (1.0) parses as 0.
//
// A literal of at most 800 bytes meets both conditions (with fewer than 800
// leading zeros, any exponent of 10000 or more overflows or underflows
// anyway), so only longer ones take numParseLong.
const numLongLiteral = 800

// numKeepDigits is how many significant digits numParseLong keeps. The exact
// decimal of a midpoint between two adjacent float64s, where rounding
// changes, has at most 770 significant digits (k·2^-1075 with k < 2^54), so
// 800 digits and a sticky digit decide every rounding as all digits would.
const numKeepDigits = 800

// numParseLong returns the float64 nearest to the valid JSON number literal
// text, as Python's float(text) does, working around the limits of
// strconv.ParseFloat described at numLongLiteral. It rewrites the literal as
// 0.D×10^E with D its first numKeepDigits significant digits, followed by a
// '1' when a non-zero digit was dropped: such a sticky digit keeps the value
// strictly between the same two 800-digit neighbours, and no rounding
// boundary lies strictly between those. For example, "12345.5e-2" becomes
// "0.123455e3". It allocates the rewritten literal.
func numParseLong(text string) float64 {
	var a [numKeepDigits + 32]byte
	buf := append(a[:0], '0', '.')
	i, neg := 0, text[0] == '-'
	if neg {
		i++
	}
	var exp int64 // value = 0.D × 10^exp; int64, as int may have 32 bits
	kept, seen, point, sticky := 0, false, false, false
	for ; i < len(text); i++ {
		c := text[i]
		if c == '.' {
			point = true
			continue
		}
		if c == 'e' || c == 'E' {
			break
		}
		if !seen {
			if c == '0' {
				if point {
					exp-- // 0.001 = 0.1e-2
				}
				continue
			}
			seen = true
		}
		if !point {
			exp++ // 12.5 = 0.125e2
		}
		if kept < numKeepDigits {
			buf = append(buf, c)
			kept++
		} else if c != '0' {
			sticky = true
		}
	}
	if !seen {
		if neg {
			return math.Copysign(0, -1)
		}
		return 0
	}
	if sticky {
		buf = append(buf, '1')
	}
	if i < len(text) {
		// The exponent saturates at 1e15: any literal short enough to be
		// held in memory then overflows or underflows all the same.
		i++
		esign := 1
		if text[i] == '+' || text[i] == '-' {
			if text[i] == '-' {
				esign = -1
			}
			i++
		}
		var e int64
		for ; i < len(text); i++ {
			if e < 1e15 {
				e = e*10 + int64(text[i]-'0')
			}
		}
		exp += int64(esign) * e
	}
	buf = append(buf, 'e')
	buf = strconv.AppendInt(buf, exp, 10)
	f, _ := strconv.ParseFloat(string(buf), 64)
	if neg {
		f = -f
	}
	return f
}

// isJSONNumber reports whether s is a number literal of RFC 8259 §6:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?. This is also the grammar of
// Python's json scanner (Lib/json/scanner.py NUMBER_RE), apart from its NaN,
// Infinity and -Infinity.
func isJSONNumber(s string) bool {
	_, ok := numScan(s)
	return ok
}

// numScan checks s against the JSON number grammar of isJSONNumber and reports
// whether it has a fraction or an exponent, which makes Python's json.loads
// return a float rather than an int.
func numScan(s string) (isFloat, ok bool) {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && '1' <= s[i] && s[i] <= '9':
		i++
		for i < len(s) && numIsDigit(s[i]) {
			i++
		}
	default:
		return false, false // "", "-", "+1", ".5", "x"
	}
	if i < len(s) && s[i] == '.' {
		isFloat = true
		i++
		j := i
		for i < len(s) && numIsDigit(s[i]) {
			i++
		}
		if i == j {
			return false, false // "1."
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		isFloat = true
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := i
		for i < len(s) && numIsDigit(s[i]) {
			i++
		}
		if i == j {
			return false, false // "1e", "1e+"
		}
	}
	return isFloat, i == len(s) // "01", "1 ", "1.5.5" stop early
}

func numIsDigit(c byte) bool { return '0' <= c && c <= '9' }
