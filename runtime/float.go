package runtime

import (
	"math"
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
// Go's strconv yields the same shortest digits (Dragonbox in Go 1.26, Ryū
// before), and in the two layouts it produces the same bytes as Python:
//
//   - 'e' with precision -1 writes "1e+16", "1.5e-05", "5e-324": exponent form,
//     a sign, at least two exponent digits, no point for a one-digit mantissa.
//   - 'f' with precision -1 writes "0.0001", "65.613617", "100": fixed form;
//     only the ".0" of an integral value is missing.
//
// So the layout can be chosen from the value, before any digits are
// computed, and strconv writes the exponent form and AppendFloat32's fixed
// form directly, and the fixed form but for the ".0" of an integral value.
// Floating-point rounding is monotonic, so the shortest
// digits d of a float x satisfy d >= 10^k exactly when x >= float(10^k): if
// x < float(10^k), a d >= 10^k would round to at least float(10^k); if
// x >= float(10^k) and d < 10^k, then x = float(10^k), whose shortest digits
// are "1e<k>" themselves. The fixed range -4 <= e < 16 is therefore
// float(1e-4) <= |x| < float(1e16), with float the float64 or float32 rounding.

// Bounds of the fixed-notation range, see above. 1e16 is exact in float64 but
// not in float32: float32(1e16) is 10000000272564224.
const (
	numFixedMin64 float64 = 1e-4
	numFixedMax64 float64 = 1e16
	numFixedMin32 float32 = 1e-4
	numFixedMax32 float32 = 1e16
)

// AppendFloat64 appends f to dst as CPython's float.__repr__ writes it, and
// returns the extended buffer. The digits are the shortest that read back as
// f (strconv's). When the decimal exponent e satisfies -4 <= e < 16 they are
// laid out in fixed notation with at least one digit after the point; otherwise
// in exponent form with a sign and at least two exponent digits:
//
//	1.0, 100.0, 0.0001, 65.613617, 1000000000000000.0, -0.0
//	1e+16, 1e-05, 1.5e+300, 5e-324, 1.7976931348623157e+308
//
// Non-finite values are written as json.dumps spells them: NaN, Infinity,
// -Infinity (callers check allow_nan first). AppendFloat64 allocates only to
// grow dst.
func AppendFloat64(dst []byte, f float64) []byte {
	a := math.Abs(f)
	if a < numFixedMax64 {
		if a >= numFixedMin64 {
			// Integral values (1.0, 42.0, 1e15) take strconv.AppendInt, which is
			// several times faster than shortest-digit search; |f| < 1e16 fits
			// in an int64. Below 2^53 every integer is a float, so no other
			// integer reads back as f and f's own digits are the shortest. From
			// 2^53 to 1e16 the floats are even integers 2 apart: the other
			// decimals that can read back as f lie within 1 of it, and f±1 are
			// odd 16-digit numbers, no shorter than f and farther away.
			if i := int64(f); float64(i) == f {
				return append(strconv.AppendInt(dst, i, 10), '.', '0')
			}
			return numAppendFixed(dst, f) // -65.613616999999977, 0.0001
		}
		if a == 0 {
			if math.Signbit(f) {
				return append(dst, "-0.0"...)
			}
			return append(dst, "0.0"...)
		}
		return strconv.AppendFloat(dst, f, 'e', -1, 64) // 1e-05, 5e-324
	}
	if a <= math.MaxFloat64 {
		return strconv.AppendFloat(dst, f, 'e', -1, 64) // 1e+16, 1.5e+300
	}
	return numAppendNonFinite(dst, f)
}

// AppendFloat32 appends f to dst as the Python float whose repr is f's own
// shortest decimal, and returns the extended buffer. The digits are those of
// strconv.FormatFloat(float64(f), 'e', -1, 32), laid out by the rules of
// AppendFloat64:
//
//	float32(0.1)      -> 0.1 (not 0.10000000149011612, the float64 of the same value)
//	float32(16777217) -> 16777216.0
//	float32(1e-45)    -> 1e-45
//	float32(3e38)     -> 3e+38
//
// A decimal of at most 9 significant digits reads back into float64 and
// reprs with the same digits (float64 keeps 15), so this is repr(float(s)) for
// s the float32's shortest decimal, as DESIGN.md maps a Go float32.
// Non-finite values are NaN, Infinity, -Infinity. AppendFloat32 allocates
// only to grow dst.
func AppendFloat32(dst []byte, f float32) []byte {
	a := float32(math.Abs(float64(f)))
	if a < numFixedMax32 {
		if a >= numFixedMin32 {
			// Below 2^24 every integer is a float32 and is its own shortest
			// decimal (the argument of AppendFloat64). Above, a float32 that is
			// an integer may have shorter digits: float32(123456789) is
			// 123456792, whose shortest decimal is 123456790.
			if a < 1<<24 {
				if i := int32(f); float32(i) == f {
					return append(strconv.AppendInt(dst, int64(i), 10), '.', '0')
				}
			}
			n := len(dst)
			dst = strconv.AppendFloat(dst, float64(f), 'f', -1, 32)
			for _, c := range dst[n:] {
				if c == '.' {
					return dst
				}
			}
			return append(dst, '.', '0') // 123456790.0
		}
		if a == 0 {
			if math.Signbit(float64(f)) {
				return append(dst, "-0.0"...)
			}
			return append(dst, "0.0"...)
		}
		return strconv.AppendFloat(dst, float64(f), 'e', -1, 32)
	}
	if a <= math.MaxFloat32 {
		return strconv.AppendFloat(dst, float64(f), 'e', -1, 32)
	}
	return numAppendNonFinite(dst, float64(f))
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

// Reasons that AppendNumberText gives. The digit-limit text is the ValueError
// of CPython 3.11's PyLong_FromString (Objects/longobject.c,
// _MAX_STR_DIGITS_ERROR_FMT_TO_INT), which json.loads raises for a long int
// literal. Unlike the int-to-str message of json.dumps it names the digit count.
const (
	numMsgInvalid     = "invalid number literal"
	numMsgLimitPrefix = "Exceeds the limit (4300 digits) for integer string conversion: value has "
	numMsgLimitSuffix = " digits; use sys.set_int_max_str_digits() to increase the limit"
)

// AppendNumberText appends the JSON number literal text as Python prints
// json.loads(text), and returns the extended buffer with ok set. This is how a
// json.Number, or a number in a json.Marshaler's output, is re-written.
//
// A literal with '.', 'e' or 'E' is a float: it is parsed as a float64
// (overflow gives ±Inf, underflow ±0) and written by AppendFloat64. Otherwise
// it is an int, written exactly at any size:
//
//	1E5 -> 100000.0    0.1e1 -> 1.0    2e-5 -> 2e-05    1.10 -> 1.1
//	1e400 -> Infinity  -1e-400 -> -0.0  -0.0 -> -0.0     -0 -> 0
//	123456789012345678901234567890 -> 123456789012345678901234567890
//
// An int of more than MaxIntDigits digits (the sign not counted) is refused
// as Python 3.11's json.loads refuses it: dst is returned unchanged, ok is
// false, and reason is Python's message, "Exceeds the limit (4300 digits) for
// integer string conversion: value has 4301 digits; use
// sys.set_int_max_str_digits() to increase the limit". Text that is not a JSON
// number (see IsJSONNumber) gives ok false and reason "invalid number literal".
// NaN, Infinity and -Infinity are for the caller to handle.
//
// AppendNumberText allocates only to grow dst, to build a failure's reason,
// inside strconv.ParseFloat for a float literal that overflows to ±Inf, and
// for a float literal longer than 800 bytes (see numLongLiteral).
func AppendNumberText(dst []byte, text string) (out []byte, reason string, ok bool) {
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
		return AppendFloat64(dst, f), "", true
	}
	digits := len(text)
	if text[0] == '-' {
		digits--
		if text == "-0" {
			return append(dst, '0'), "", true // int("-0") is 0
		}
	}
	if digits > MaxIntDigits {
		return dst, numMsgLimitPrefix + strconv.Itoa(digits) + numMsgLimitSuffix, false
	}
	// The grammar has no leading zeros, so the text is already int.__repr__.
	return append(dst, text...), "", true
}

// numLongLiteral is the length above which AppendNumberText does not give a
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

// IsJSONNumber reports whether s is a number literal of RFC 8259 §6:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?. This is also the grammar of
// Python's json scanner (Lib/json/scanner.py NUMBER_RE), apart from its NaN,
// Infinity and -Infinity.
func IsJSONNumber(s string) bool {
	_, ok := numScan(s)
	return ok
}

// numScan checks s against the JSON number grammar of IsJSONNumber and reports
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

// numAppendFixed appends f, a float64 that is not an integer and lies in
// the fixed-notation range, in Python's fixed form. strconv's 'f' with
// precision -1 writes the shortest digits with the point in place
// ("65.613617", "0.0001"); a non-integral value always has a fraction, so
// Python's ".0" is never missing here.
func numAppendFixed(dst []byte, f float64) []byte {
	return strconv.AppendFloat(dst, f, 'f', -1, 64)
}
