package jsondumprt

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jsondump/jsondump/internal/pyoracle"
)

// The expected bytes of every test here come from python3 itself: each test
// sends its whole batch of inputs to one python3 process and compares with what
// json.dumps prints. json.dumps(x) of a float is float.__repr__ for finite x
// and NaN, Infinity, -Infinity otherwise, which is what appendFloat64 and
// appendFloat32 promise.

// numPyFloat64Script reads one float64 per line as its IEEE-754 bits in hex,
// so that the value reaches Python exactly (NaN payloads and -0.0 included).
const numPyFloat64Script = `
import sys, json, struct
out = []
for line in sys.stdin.read().split():
    x = struct.unpack('<d', int(line, 16).to_bytes(8, 'little'))[0]
    out.append(json.dumps(x))
sys.stdout.write('\n'.join(out) + '\n')
`

// numPyDecimalScript reads one decimal string per line (as strconv writes
// floats: "1.5e-05", "+Inf", "NaN") and prints json.dumps(float(s)).
const numPyDecimalScript = `
import sys, json
out = []
for line in sys.stdin.read().split():
    out.append(json.dumps(float(line)))
sys.stdout.write('\n'.join(out) + '\n')
`

// numPyFloat64 returns json.dumps(x) from python3 for every x in xs.
func numPyFloat64(t *testing.T, xs []float64) []string {
	t.Helper()
	var in []byte
	for _, x := range xs {
		in = strconv.AppendUint(in, math.Float64bits(x), 16)
		in = append(in, '\n')
	}
	got := pyoracle.Lines(pyoracle.Run(t, numPyFloat64Script, in))
	if len(got) != len(xs) {
		t.Fatalf("python3 printed %d lines for %d floats", len(got), len(xs))
	}
	return got
}

// numPyFloat32 returns json.dumps(float(s)) from python3 for s the shortest
// decimal of every x in xs, strconv.FormatFloat(float64(x), 'e', -1, 32):
// the Python float that README's mapping maps a Go float32 to.
func numPyFloat32(t *testing.T, xs []float32) []string {
	t.Helper()
	var in []byte
	for _, x := range xs {
		in = strconv.AppendFloat(in, float64(x), 'e', -1, 32)
		in = append(in, '\n')
	}
	got := pyoracle.Lines(pyoracle.Run(t, numPyDecimalScript, in))
	if len(got) != len(xs) {
		t.Fatalf("python3 printed %d lines for %d floats", len(got), len(xs))
	}
	return got
}

// numCheckFloat64 compares appendFloat64 with python3 for every x in xs, both
// into a nil buffer and after a prefix, so that an implementation that looks at
// dst[0] instead of its own output is caught.
func numCheckFloat64(t *testing.T, xs []float64) {
	t.Helper()
	want := numPyFloat64(t, xs)
	fails := 0
	for i, x := range xs {
		got := string(appendFloat64(nil, x))
		if got != want[i] {
			t.Errorf("appendFloat64(nil, %v) = %q, want %q (bits %#016x, input %d)", x, got, want[i], math.Float64bits(x), i)
			fails++
		} else if got2 := string(appendFloat64([]byte("[1.0, "), x)); got2 != "[1.0, "+want[i] {
			t.Errorf("appendFloat64(%q, %v) = %q, want %q", "[1.0, ", x, got2, "[1.0, "+want[i])
			fails++
		}
		if fails == 20 {
			t.Fatalf("too many failures")
		}
	}
}

// numCheckFloat32 is numCheckFloat64 for appendFloat32.
func numCheckFloat32(t *testing.T, xs []float32) {
	t.Helper()
	want := numPyFloat32(t, xs)
	fails := 0
	for i, x := range xs {
		got := string(appendFloat32(nil, x))
		if got != want[i] {
			t.Errorf("appendFloat32(nil, %v) = %q, want %q (bits %#08x, input %d)", x, got, want[i], math.Float32bits(x), i)
			fails++
		} else if got2 := string(appendFloat32([]byte("[1.0, "), x)); got2 != "[1.0, "+want[i] {
			t.Errorf("appendFloat32(%q, %v) = %q, want %q", "[1.0, ", x, got2, "[1.0, "+want[i])
			fails++
		}
		if fails == 20 {
			t.Fatalf("too many failures")
		}
	}
}

// numTable64 holds hand-picked float64 values: the table of
// float.__repr__, Python/pystrtod.c first, then the edges of each layout rule.
var numTable64 = []float64{
	// §5.2 table.
	0.0, math.Copysign(0, -1), 1.0, 100.0, 1e15, 9999999999999998.0,
	1e16, -1e16, 12345678901234567.0, 123456789012345678.0,
	1 << 53, 1 << 63, 1e22, 1e23,
	0.001, 0.0001, 0.00012, 0.00001, 1.5e-5, 0.00009999999999999999,
	0.1, 0.1 + 0.2, 1.0 / 3, 4.35,
	5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 1.5e300, 1e-7, 1e308,
	// The fixed range ends: just inside and just outside.
	1e16 - 2, 1e16 + 2, 1e-4, 9.999999999999999e-05, 1.0000000000000001e-4,
	-1e-4, -9.999999999999999e-05, 0.00010000000000000002,
	// Integral values around the appendInt fast path and 2^53.
	42, -42, 1e15 - 1, 1e15 + 1, 1<<53 - 1, 1<<53 + 2, 1<<53 + 4, 9007199254740996,
	9999999999999996, 9999999999999994, 4503599627370497, -4503599627370497.5,
	// Canada-like coordinates and other fixed-form values.
	-65.613616999999977, 43.420273000000009, -65.625, 65.598343, 123.456, -2.5,
	0.5, 0.3, 2.675, 1.1, 1234567.890123, 0.000123456789012345678,
	// Exponent form with one and with many mantissa digits.
	1e-5, 1.25e-7, 1e17, 1.2e17, 6.02214076e23, 1e100, 1.23456789e-200,
	math.SmallestNonzeroFloat64, 2 * math.SmallestNonzeroFloat64, 1e-323, 4.9406564584124654e-324,
	2.225073858507201e-308, math.MaxFloat64, -math.MaxFloat64,
	// Non-finite: json.dumps's spellings, whatever the NaN's sign or payload.
	math.Inf(1), math.Inf(-1), math.NaN(), -math.NaN(),
	math.Float64frombits(0xfff8000000000001), math.Float64frombits(0x7ff0000000000001),
}

// numTable32 holds hand-picked float32 values.
var numTable32 = []float32{
	0, float32(math.Copysign(0, -1)), 1, -1, 0.1, 1.5, 16777216, 16777217, 16777218,
	1 << 24, 1<<24 - 1, 123456789, 3.1415927, 1e-4, 1e-5, 1e15, 1e16, -1e16, 1e17,
	9.999999e15, 1.0000001e16, 3e38, math.MaxFloat32, math.SmallestNonzeroFloat32,
	1e-45, 1.17549435e-38, 0.3, 2.675, -65.61362, 43.420273, 1e10, 1e9 + 64,
	float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN()),
}

// TestAppendFloatTable checks the hand-picked values of numTable64 and
// numTable32, with their negations, against python3.
func TestAppendFloatTable(t *testing.T) {
	xs := append([]float64(nil), numTable64...)
	for _, x := range numTable64 {
		xs = append(xs, -x)
	}
	numCheckFloat64(t, xs)

	ys := append([]float32(nil), numTable32...)
	for _, y := range numTable32 {
		ys = append(ys, -y)
	}
	numCheckFloat32(t, ys)
}

// numPowersOfTen returns ±10^k for k in [-330, 308], as ParseFloat reads them
// (so 1e-330 is 0 and 1e-324 rounds to 0 or 5e-324), with both neighbours.
func numPowersOfTen() []float64 {
	var xs []float64
	for k := -330; k <= 308; k++ {
		p, _ := strconv.ParseFloat("1e"+strconv.Itoa(k), 64)
		for _, x := range []float64{p, math.Nextafter(p, 0), math.Nextafter(p, math.Inf(1))} {
			xs = append(xs, x, -x)
		}
	}
	return xs
}

// numRandomDecimal returns a random decimal of 1 to 17 significant digits
// (sometimes more) with scientific exponent e.
func numRandomDecimal(r *rand.Rand, e int) string {
	n := 1 + r.IntN(17)
	if r.IntN(8) == 0 {
		n += r.IntN(10)
	}
	b := []byte{byte('1' + r.IntN(9))}
	if n > 1 {
		b = append(b, '.')
		for range n - 1 {
			b = append(b, byte('0'+r.IntN(10)))
		}
	}
	b = append(b, 'e')
	b = strconv.AppendInt(b, int64(e), 10)
	return string(b)
}

// TestAppendFloatPython checks appendFloat64 against python3's repr for a
// batch of about 13,000 float64 values: powers of ten and their neighbours,
// random decimals at every exponent, integers around 2^53, 1e15 and 1e16,
// subnormals and random bit patterns. The seed is fixed, so a failure
// reproduces.
func TestAppendFloatPython(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	xs := numPowersOfTen()
	for e := -325; e <= 308; e++ {
		for range 4 {
			x, _ := strconv.ParseFloat(numRandomDecimal(r, e), 64)
			xs = append(xs, x, -x)
		}
	}
	for _, base := range []float64{1 << 53, 1e15, 1e16, 1 << 54, 1 << 52} {
		for k := -20.0; k <= 20; k++ {
			xs = append(xs, base+k, -(base + k), base+k+0.5)
		}
	}
	for range 500 {
		// Random integers up to 1e17, and random integral floats in [2^53, 1e16).
		xs = append(xs, float64(r.Int64N(1e17)), float64(1<<53+r.Int64N(1e16-1<<53)))
	}
	for range 1000 {
		// Subnormals, and random bit patterns (every exponent, NaN and Inf too).
		xs = append(xs, math.Float64frombits(r.Uint64()&(1<<52-1)), math.Float64frombits(r.Uint64()))
	}
	for range 1000 {
		// Values in the fixed range, near the ends and where canada.json lives.
		xs = append(xs, r.Float64()*1e-3, (r.Float64()-0.5)*360, r.Float64()*1e16)
	}
	numCheckFloat64(t, xs)
}

// TestAppendFloatPython32 checks appendFloat32 against python3's
// json.dumps(float(s)), s being the float32's shortest decimal, for about
// 5,000 float32 values: powers of ten with their neighbours, integers around
// 2^24, random decimals and random bit patterns.
func TestAppendFloatPython32(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var xs []float32
	for k := -46; k <= 38; k++ {
		p64, _ := strconv.ParseFloat("1e"+strconv.Itoa(k), 32)
		p := float32(p64)
		for _, x := range []float32{p, math.Nextafter32(p, 0), math.Nextafter32(p, float32(math.Inf(1)))} {
			xs = append(xs, x, -x)
		}
	}
	for _, base := range []float32{1 << 24, 1 << 25, 1e15, 1e16} {
		for k := -20; k <= 20; k++ {
			x := base + float32(k)
			xs = append(xs, x, -x, math.Nextafter32(base, 0), math.Nextafter32(base, 1e30))
		}
	}
	for e := -45; e <= 38; e++ {
		for range 4 {
			x, _ := strconv.ParseFloat(numRandomDecimal(r, e), 32)
			xs = append(xs, float32(x))
		}
	}
	for range 3000 {
		xs = append(xs, math.Float32frombits(r.Uint32()))
	}
	for range 500 {
		xs = append(xs, float32(r.Int64N(1<<34)), float32((r.Float64()-0.5)*360))
	}
	numCheckFloat32(t, xs)
}

// numPyNumberScript prints, for each JSON number literal on a line of its
// standard input, what jsondump must produce for it:
//
//	OK <json.dumps(json.loads(s))>
//	LIMIT <the ValueError's message>   an int literal above the digit limit
//	INVALID                            s is not one JSON number
//
// Python's json.loads also accepts surrounding whitespace and NaN, Infinity,
// -Infinity; isJSONNumber does not, so those count as INVALID here.
const numPyNumberScript = `
import sys, json
def kind(s):
    if s != s.strip() or s in ('NaN', 'Infinity', '-Infinity'):
        return 'INVALID'
    try:
        v = json.loads(s)
    except json.JSONDecodeError:
        return 'INVALID'
    except ValueError as e:
        return 'LIMIT ' + str(e)
    if type(v) not in (int, float):
        return 'INVALID'
    return 'OK ' + json.dumps(v)
lines = sys.stdin.read().split('\n')[:-1]
sys.stdout.write(''.join(kind(s) + '\n' for s in lines))
`

// numDigits returns n random decimal digits, the first one non-zero.
func numDigits(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	if n > 0 && b[0] == '0' {
		b[0] = byte('1' + r.IntN(9))
	}
	return string(b)
}

// numRandomLiteral returns a random valid JSON number literal.
func numRandomLiteral(r *rand.Rand) string {
	var b strings.Builder
	if r.IntN(2) == 0 {
		b.WriteByte('-')
	}
	if r.IntN(6) == 0 {
		b.WriteByte('0')
	} else {
		n := 1 + r.IntN(20)
		if r.IntN(10) == 0 {
			n += r.IntN(400)
		}
		b.WriteString(numDigits(r, n))
	}
	if r.IntN(2) == 0 {
		b.WriteByte('.')
		n := 1 + r.IntN(20)
		if r.IntN(10) == 0 {
			n += r.IntN(400)
		}
		for range n {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
	}
	if r.IntN(2) == 0 {
		b.WriteByte("eE"[r.IntN(2)])
		if s := r.IntN(3); s > 0 {
			b.WriteByte("+-"[s-1])
		}
		e := r.IntN(30)
		switch r.IntN(4) {
		case 0:
			e = r.IntN(700) // overflow and underflow
		case 1:
			b.WriteString("00") // leading zeros in the exponent are allowed
		}
		b.WriteString(strconv.Itoa(e))
	}
	return b.String()
}

// numMidpoints returns decimal literals at, just above and just below the
// exact midpoint between a float64 and its successor, where ParseFloat must
// round correctly (ties to even) after reading hundreds of digits.
func numMidpoints(r *rand.Rand) []string {
	var out []string
	xs := []float64{1 << 53, 1, 0.1, 5e-324, 2.2250738585072014e-308, 1e300}
	for range 20 {
		xs = append(xs, math.Float64frombits(r.Uint64()&^(1<<63)))
	}
	for _, x := range xs {
		if math.IsInf(x, 0) || math.IsNaN(x) || x == math.MaxFloat64 {
			continue
		}
		next := math.Nextafter(x, math.Inf(1))
		m := new(big.Float).SetPrec(2000).SetFloat64(x)
		m.Add(m, new(big.Float).SetPrec(2000).SetFloat64(next))
		m.Quo(m, big.NewFloat(2))
		s := m.Text('e', 1100) // exact: a midpoint has at most 767 significant digits
		mant, exp, _ := strings.Cut(s, "e")
		mant = strings.TrimRight(mant, "0")
		last := len(mant) - 1
		below := mant[:last] + string(mant[last]-1) + "9999"
		out = append(out, mant+"e"+exp, mant+"000001e"+exp, below+"e"+exp)
	}
	return out
}

// numLongLiterals returns literals longer than 800 bytes, where
// strconv.ParseFloat alone goes wrong (see numLongLiteral in float.go): more
// than 800 digits before the point, more than 10000 zeros after it, and
// midpoints between floats written with a long integer part.
func numLongLiterals(r *rand.Rand) []string {
	ones := func(n int) string { return strings.Repeat("1", n) }
	zeros := func(n int) string { return strings.Repeat("0", n) }
	out := []string{
		ones(1000) + "e-500", ones(2000) + "e-1000", ones(2000) + "e-1700", ones(900) + ".5e-800",
		"-" + ones(900) + "e-899", ones(801) + "e-500", ones(5000) + "e-4300", ones(5000) + ".5",
		"1" + zeros(1000) + "e-990", "1" + zeros(1000) + ".0000000000000000000001e-1000",
		"0." + zeros(20000) + "1e20001", "-0." + zeros(20000) + "15e20002", "0." + zeros(12000) + "1e11990",
		"0." + zeros(5000), "-0." + zeros(5000) + "e99999999999999999999999", "0." + zeros(900) + "1",
		"1." + zeros(900) + "1", ones(1000) + "e-99999999999999999999", ones(1000) + "e99999999999999999999",
		"-" + ones(300) + "." + ones(900) + "e-200", "9" + zeros(799) + "5e-800", "9" + zeros(800) + "5e-801",
	}
	for _, m := range numMidpoints(r)[:30] {
		// m = "d.ddd…e±x": move the point 1000 places right of the first digit.
		mant, exp, _ := strings.Cut(m, "e")
		digits := strings.Replace(mant, ".", "", 1)
		e, _ := strconv.Atoi(exp)
		pad := 1000 - len(digits)
		out = append(out, digits+zeros(pad)+"e"+strconv.Itoa(e-999), digits+zeros(pad)+".000e"+strconv.Itoa(e-999))
		// Just above m, by a digit past the 800 that numParseLong keeps:
		// without its sticky digit, a midpoint would round to even.
		out = append(out, mant+zeros(pad)+"1e"+exp)
	}
	for range 50 {
		lit := numDigits(r, 790+r.IntN(300))
		if r.IntN(2) == 0 {
			lit += "." + numDigits(r, 1+r.IntN(300))
		}
		out = append(out, lit+"e-"+strconv.Itoa(r.IntN(1500)))
	}
	return out
}

// numMutate returns s with one random edit from an alphabet of number bytes,
// which is often no longer a valid literal.
func numMutate(r *rand.Rand, s string) string {
	const alphabet = "0123456789-+.eE "
	c := string(alphabet[r.IntN(len(alphabet))])
	i := r.IntN(len(s) + 1)
	switch r.IntN(3) {
	case 0:
		return s[:i] + c + s[i:]
	case 1:
		if i < len(s) {
			return s[:i] + s[i+1:]
		}
	}
	if i < len(s) {
		return s[:i] + c + s[i+1:]
	}
	return s + c
}

// TestParseNumber checks appendNumberText and isJSONNumber against python3's
// json.dumps(json.loads(s)) for a batch of literals: the examples of
// json.dumps(json.loads(text)), random literals with long mantissas and big
// exponents, ints around the 4300-digit limit, decimal midpoints between
// floats, and one-byte mutations of all these, most of them invalid.
func TestParseNumber(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	lits := []string{
		"0", "-0", "1", "-1", "0.0", "-0.0", "1E5", "1e5", "1E+5", "1e-5", "0.1e1", "2e-5",
		"1.10", "100.000", "123456789012345678901234567890.5", "123456789012345678901234567890",
		"-123456789012345678901234567890", "1e400", "-1e400", "1e-400", "-1e-400", "1e308", "1e309",
		"0e0", "0E-0", "-0e+999999999999999999999", "1e-99999999999999999999", "1e99999999999999999999",
		"9007199254740993", "9007199254740993.0", "9007199254740993.00000000000000000000001",
		"2.2250738585072011e-308", "2.4703282292062327e-324", "2.4703282292062328e-324",
		"4.9406564584124654e-324", "1.7976931348623157e308", "1.7976931348623158e308",
		"1.7976931348623159e308", "0.000123", "65.613616999999977", "-65.613616999999977",
		"9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
		"00", "01", "-", "+1", ".5", "1.", "1.e5", "1e", "1e+", "-.5", "--1", "1 ", " 1", "", "0x10",
		"1_000", "inf", "NaN", "Infinity", "-Infinity", "1.5.5", "1e5e5", "0.1E-", "١",
	}
	for _, n := range []int{4299, 4300, 4301, 4302, 5000} {
		d := numDigits(r, n)
		lits = append(lits, d, "-"+d, d+".5", d+"e-4300")
	}
	lits = append(lits, numMidpoints(r)...)
	lits = append(lits, numLongLiterals(r)...)
	for range 2000 {
		lits = append(lits, numRandomLiteral(r))
	}
	for i := range 1500 {
		// Python reads its input as UTF-8; a cut "١" would stop it.
		if m := numMutate(r, lits[i%len(lits)]); utf8.ValidString(m) {
			lits = append(lits, m)
		}
	}

	var in []byte
	for _, s := range lits {
		in = append(in, s...)
		in = append(in, '\n')
	}
	want := pyoracle.Lines(pyoracle.Run(t, numPyNumberScript, in))
	if len(want) != len(lits) {
		t.Fatalf("python3 printed %d lines for %d literals", len(want), len(lits))
	}
	fails := 0
	for i, s := range lits {
		out, reason, ok := appendNumberText([]byte("x"), s)
		var got string
		switch {
		case ok:
			got = "OK " + string(out[1:])
			if reason != "" {
				t.Errorf("appendNumberText(%.120q) = ok with reason %q", s, reason)
			}
		case reason == "invalid number literal":
			got = "INVALID"
		default:
			got = "LIMIT " + reason
		}
		if !ok && string(out) != "x" {
			t.Errorf("appendNumberText(%.120q) = %.120q, ok false: dst was changed", s, out)
		}
		if got != want[i] {
			t.Errorf("appendNumberText(%.120q) = %.200q, want %.200q (literal %d)", s, got, want[i], i)
			fails++
		}
		if valid := want[i] != "INVALID"; isJSONNumber(s) != valid {
			t.Errorf("isJSONNumber(%.120q) = %v, want %v", s, !valid, valid)
			fails++
		}
		if fails >= 20 {
			t.Fatalf("too many failures")
		}
	}
}

// TestAppendFloatAllocs checks that appendFloat64 and appendFloat32 allocate
// nothing when dst has room, in every layout.
func TestAppendFloatAllocs(t *testing.T) {
	buf := make([]byte, 0, 64)
	for _, x := range []float64{0, math.Copysign(0, -1), 1, 42, -65.613616999999977, 0.0001, 1e-5, 1e16, 5e-324, math.MaxFloat64, math.NaN(), math.Inf(-1)} {
		if n := testing.AllocsPerRun(100, func() { buf = appendFloat64(buf[:0], x) }); n != 0 {
			t.Errorf("appendFloat64(buf, %v) allocates %v times, want 0", x, n)
		}
		y := float32(x)
		if n := testing.AllocsPerRun(100, func() { buf = appendFloat32(buf[:0], y) }); n != 0 {
			t.Errorf("appendFloat32(buf, %v) allocates %v times, want 0", y, n)
		}
	}
	for _, y := range []float32{123456789, 0.1, 3e38} {
		if n := testing.AllocsPerRun(100, func() { buf = appendFloat32(buf[:0], y) }); n != 0 {
			t.Errorf("appendFloat32(buf, %v) allocates %v times, want 0", y, n)
		}
	}
}

// TestParseNumberAllocs checks that appendNumberText allocates nothing for
// ordinary literals when dst has room.
func TestParseNumberAllocs(t *testing.T) {
	buf := make([]byte, 0, 64)
	for _, s := range []string{"0", "-0", "12345678901234567890123", "-65.613616999999977", "1E5", "1e-400", "-0.0"} {
		if n := testing.AllocsPerRun(100, func() { buf, _, _ = appendNumberText(buf[:0], s) }); n != 0 {
			t.Errorf("appendNumberText(buf, %q) allocates %v times, want 0", s, n)
		}
	}
}

// numStrconvFixed is the layout of appendFloat64 for a float in the fixed
// range, from strconv's 'f' format (float.__repr__, Python/pystrtod.c, and the
// python3 tests above, show that this is Python's repr there).
func numStrconvFixed(x float64) string {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// TestAppendFloatStrconv compares appendFloat64 with strconv on about a
// million floats of the fixed range float(1e-4) <= |x| < 1e16, where
// most JSON floats are: every binary exponent of the range with its
// power-of-two significand (where numShortest's gap below halves) and
// neighbours, random significands at every exponent, and random decimals of
// few digits, whose shortest forms end in zeros for numAppendDecimal to
// drop.
func TestAppendFloatStrconv(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	n := 4000
	if testing.Short() {
		n = 400
	}
	var xs []float64
	for e := -66; e <= 1; e++ {
		p := math.Ldexp(1<<52, e)
		xs = append(xs, p, math.Nextafter(p, 0), math.Nextafter(p, 1e300), math.Ldexp(1<<53-1, e))
		for range n {
			xs = append(xs, math.Ldexp(float64(1<<52|r.Uint64N(1<<52)), e))
		}
	}
	for range 50 * n {
		lit := strconv.FormatUint(r.Uint64N(1e9), 10) + "e-" + strconv.Itoa(r.IntN(14))
		x, _ := strconv.ParseFloat(lit, 64) // 65.598343, 0.000123, ...
		xs = append(xs, x, float64(r.Uint64N(1<<53))/float64(uint64(1)<<r.IntN(60)))
	}
	fails := 0
	buf := make([]byte, 0, 64)
	for _, x := range xs {
		for _, x := range []float64{x, -x} {
			if a := math.Abs(x); a < 1e-4 || a >= 1e16 {
				continue
			}
			buf = appendFloat64(buf[:0], x)
			if want := numStrconvFixed(x); string(buf) != want {
				t.Errorf("appendFloat64(nil, %v) = %q, want %q (bits %#016x)", x, buf, want, math.Float64bits(x))
				if fails++; fails == 20 {
					t.Fatalf("too many failures")
				}
			}
		}
	}
}
