package jsondumprt

import (
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The fuzz targets check the float writers against oracles written
// independently of them, so that the fuzzer can run where python3 is
// missing. The seeds run as ordinary tests in every `go test`. To fuzz:
//
//	go test -run XXX -fuzz FuzzAppendFloat64 ./runtime/

// numRefRepr is the reference layout: the algorithm of float.__repr__
// §5.2 done with plain string manipulation, from the digits and exponent in
// s = strconv.FormatFloat(x, 'e', -1, bitSize) ("-1.2345e+16"). It is slow
// and obviously right; appendFloat64 and appendFloat32 must agree with it.
func numRefRepr(s string) string {
	switch s {
	case "NaN":
		return "NaN"
	case "+Inf":
		return "Infinity"
	case "-Inf":
		return "-Infinity"
	}
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	mant, e, _ := strings.Cut(s, "e")
	digits := strings.Replace(mant, ".", "", 1)
	exp, err := strconv.Atoi(e)
	if err != nil {
		panic("numRefRepr: bad exponent in " + s)
	}
	if digits == "0" {
		return sign + "0.0"
	}
	if exp < -4 || exp >= 16 {
		out := digits[:1]
		if len(digits) > 1 {
			out += "." + digits[1:]
		}
		esign := "+"
		if exp < 0 {
			esign, exp = "-", -exp
		}
		es := strconv.Itoa(exp)
		if len(es) < 2 {
			es = "0" + es
		}
		return sign + out + "e" + esign + es
	}
	p := exp + 1 // digits before the point
	switch {
	case p <= 0:
		return sign + "0." + strings.Repeat("0", -p) + digits
	case p >= len(digits):
		return sign + digits + strings.Repeat("0", p-len(digits)) + ".0"
	}
	return sign + digits[:p] + "." + digits[p:]
}

// numCheckPythonClass fails t unless out looks like a Python float in JSON: a
// point or an exponent, or one of the non-finite spellings.
func numCheckPythonClass(t *testing.T, call, out string) {
	t.Helper()
	switch out {
	case "NaN", "Infinity", "-Infinity":
		return
	}
	if !strings.ContainsAny(out, ".e") {
		t.Errorf("%s = %q: neither a point nor an exponent, so Python would not read it back as a float", call, out)
	}
}

// numSeeds64 are interesting float64s for the fuzz corpus.
var numSeeds64 = []float64{
	0, math.Copysign(0, -1), 1, -1, 42, 0.1, 1e15, 1e16, 1e16 - 2, 1e-4, 9.999999999999999e-05, 1e-5,
	1 << 53, 1<<53 + 2, -65.613616999999977, math.MaxFloat64, math.SmallestNonzeroFloat64,
	2.2250738585072014e-308, 1e23, math.Inf(1), math.Inf(-1), math.NaN(),
}

// FuzzAppendFloat64 checks appendFloat64 for any bit pattern: it matches
// numRefRepr, reads back as the same float64 (the sign of zero included),
// looks like a Python float, and leaves a prefix of dst alone.
func FuzzAppendFloat64(f *testing.F) {
	for _, x := range numSeeds64 {
		f.Add(math.Float64bits(x))
		f.Add(math.Float64bits(-x))
	}
	f.Add(uint64(0x7ff8000000000001)) // a NaN with a payload
	f.Add(uint64(0xfff0000000000001)) // a negative signalling NaN
	f.Fuzz(func(t *testing.T, bits uint64) {
		x := math.Float64frombits(bits)
		call := "appendFloat64(nil, " + strconv.FormatFloat(x, 'g', -1, 64) + ")"
		got := string(appendFloat64(nil, x))
		if want := numRefRepr(strconv.FormatFloat(x, 'e', -1, 64)); got != want {
			t.Fatalf("%s = %q, want %q (bits %#016x)", call, got, want, bits)
		}
		numCheckPythonClass(t, call, got)
		if prefixed := string(appendFloat64([]byte("[0, "), x)); prefixed != "[0, "+got {
			t.Errorf("appendFloat64(%q, %v) = %q, want %q", "[0, ", x, prefixed, "[0, "+got)
		}
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return
		}
		back, err := strconv.ParseFloat(got, 64)
		if err != nil || math.Float64bits(back) != bits {
			t.Errorf("%s = %q, which reads back as %v (bits %#016x, err %v), want bits %#016x", call, got, back, math.Float64bits(back), err, bits)
		}
	})
}

// FuzzAppendFloat32 checks appendFloat32 for any bit pattern: it matches
// numRefRepr of the float32's shortest decimal, reads back as the same
// float32, and looks like a Python float.
func FuzzAppendFloat32(f *testing.F) {
	for _, x := range numSeeds64 {
		f.Add(math.Float32bits(float32(x)))
		f.Add(math.Float32bits(-float32(x)))
	}
	for _, x := range []float32{16777216, 16777217, 123456789, 1e16, 9.999999e15, math.MaxFloat32, math.SmallestNonzeroFloat32, 3.1415927} {
		f.Add(math.Float32bits(x))
	}
	f.Fuzz(func(t *testing.T, bits uint32) {
		x := math.Float32frombits(bits)
		call := "appendFloat32(nil, " + strconv.FormatFloat(float64(x), 'g', -1, 32) + ")"
		got := string(appendFloat32(nil, x))
		if want := numRefRepr(strconv.FormatFloat(float64(x), 'e', -1, 32)); got != want {
			t.Fatalf("%s = %q, want %q (bits %#08x)", call, got, want, bits)
		}
		numCheckPythonClass(t, call, got)
		if x != x || math.IsInf(float64(x), 0) {
			return
		}
		back, err := strconv.ParseFloat(got, 32)
		if err != nil || math.Float32bits(float32(back)) != bits {
			t.Errorf("%s = %q, which reads back as float32 %v (err %v), want bits %#08x", call, got, float32(back), err, bits)
		}
	})
}

// numJSONNumberRE is RFC 8259's number grammar, the oracle for isJSONNumber.
var numJSONNumberRE = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// FuzzAppendFloatText checks appendNumberText and isJSONNumber on any text:
// the text is accepted exactly when it matches the grammar's regular
// expression; an int is copied (with "-0" as "0") or refused above 4300
// digits; a float is written as appendFloat64 writes the float64 nearest to
// the literal's exact value, found with math/big.Rat.
func FuzzAppendFloatText(f *testing.F) {
	for _, s := range []string{
		"0", "-0", "1", "-12", "1.5", "-0.0", "1E5", "0.1e1", "2e-5", "1e400", "-1e-400", "1.10",
		"01", "1.", ".5", "-", "1e", "+1", "1 ", "NaN", "", "0x1p3", "1_0", "inf",
		strings.Repeat("1", 1000) + "e-500", "0." + strings.Repeat("0", 900) + "1", strings.Repeat("9", 4301),
		"9007199254740993", "9007199254740993.000000000000000000000001", "2.4703282292062328e-324",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		valid := numJSONNumberRE.MatchString(s)
		if got := isJSONNumber(s); got != valid {
			t.Fatalf("isJSONNumber(%.100q) = %v, want %v", s, got, valid)
		}
		out, reason, ok := appendNumberText([]byte("x"), s)
		if !ok && string(out) != "x" {
			t.Errorf("appendNumberText(%.100q) = %.100q, false: dst was changed", s, out)
		}
		if !valid {
			if ok || reason != "invalid number literal" {
				t.Errorf("appendNumberText(%.100q) = %.100q, %q, %v; want the invalid-literal failure", s, out, reason, ok)
			}
			return
		}
		got := string(out[1:])
		if !strings.ContainsAny(s, ".eE") { // an int
			digits := strings.TrimPrefix(s, "-")
			switch {
			case len(digits) > maxIntDigits:
				if ok || !strings.Contains(reason, "value has "+strconv.Itoa(len(digits))+" digits") {
					t.Errorf("appendNumberText(%d-digit int) = %v, %q; want the digit-limit failure", len(digits), ok, reason)
				}
			case !ok:
				t.Errorf("appendNumberText(%.100q) failed: %s", s, reason)
			case s == "-0" && got != "0", s != "-0" && got != s:
				t.Errorf("appendNumberText(%.100q) = %.100q, want the int itself", s, got)
			}
			return
		}
		if !ok {
			t.Fatalf("appendNumberText(%.100q) failed: %s", s, reason)
		}
		numCheckPythonClass(t, "appendNumberText("+strconv.Quote(s)+")", got)
		// big.Rat reads the exact value; skip exponents so large that it would
		// take too long (the oracle, not the code under test).
		if _, e, found := strings.Cut(strings.ToLower(s), "e"); found && len(strings.TrimLeft(strings.TrimLeft(e, "+-"), "0")) > 4 {
			return
		}
		r, rok := new(big.Rat).SetString(s)
		if !rok {
			t.Fatalf("big.Rat cannot read %.100q", s)
		}
		x, _ := r.Float64()
		if x == 0 && s[0] == '-' {
			x = math.Copysign(0, -1) // -1e-400 is -0.0 in Python
		}
		if want := string(appendFloat64(nil, x)); got != want {
			t.Errorf("appendNumberText(%.100q) = %q, want %q", s, got, want)
		}
	})
}
