package jsondumprt

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/internal/testmod"
)

// BenchmarkRelayoutData lays out the three documents of the shared folder
// as cmd/jsondump does by default (json.tool's indent=4).
func BenchmarkRelayoutData(b *testing.B) {
	for _, name := range []string{"twitter", "citm_catalog", "canada"} {
		data, err := os.ReadFile(filepath.Join(testmod.SharedDir(b), "jsondata", name+".json"))
		if err != nil {
			b.Skipf("the shared folder's jsondata: %v", err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			var buf []byte
			opts := []Option{IndentOption(4)}
			for b.Loop() {
				e := NewEncoder(buf[:0], opts)
				if err := e.relayout(data); err != nil {
					b.Fatal(err)
				}
				buf, _ = e.Finish()
			}
		})
	}
}

// numberLiterals returns random JSON number literals, weighted towards what
// rlAppendShortNumber takes and its edges: 17 to 20 significant digits,
// exponents near ±19, leading and trailing zeros, halfway cases.
func numberLiterals(r *rand.Rand, n int) []string {
	digits := func(k int, first byte) string {
		b := []byte{first}
		for range k - 1 {
			b = append(b, byte('0'+r.IntN(10)))
		}
		return string(b)
	}
	lits := []string{
		"0", "-0", "0.0", "-0.0", "0e0", "-0E-5", "0.000", "1", "-1", "1.0", "1e19", "1e-19", "1e20", "1e-20",
		"9999999999999999999", "18446744073709551615", "99999999999999999999", "9007199254740993", "9007199254740993.0",
		"9007199254740995.0", "9007199254740993.00000001", "0.1", "0.2", "0.3", "1.7976931348623157e308", "5e-324",
		"123456789012345678.9", "1234567890123456789.0", "12345678901234567890.0", "0.000000000000000000001", "1E5",
		"100.000", "1.10", "-65.613616999999977", "1e400", "-1e-400", "2.2250738585072014e-308", "4.9406564584124654e-324",
	}
	for len(lits) < n {
		sign := ""
		if r.IntN(3) == 0 {
			sign = "-"
		}
		var lit string
		switch r.IntN(5) {
		case 0:
			lit = digits(1+r.IntN(21), byte('1'+r.IntN(9)))
		case 1:
			int := digits(1+r.IntN(4), byte('1'+r.IntN(9)))
			lit = int + "." + digits(1+r.IntN(20-len(int)), byte('0'+r.IntN(10)))
		case 2:
			lit = "0." + strings.Repeat("0", r.IntN(8)) + digits(1+r.IntN(19), byte('1'+r.IntN(9)))
		case 3:
			lit = digits(1+r.IntN(19), byte('1'+r.IntN(9))) + []string{"e", "E"}[r.IntN(2)] + []string{"", "+", "-"}[r.IntN(3)] + strconv.Itoa(r.IntN(25))
		default:
			// A float64's shortest digits and their neighbours: halfway
			// cases between two floats.
			f := math.Float64frombits(r.Uint64() >> 1)
			s := strconv.FormatFloat(f, 'e', 16+r.IntN(3), 64)
			lit = strings.Replace(s, "e+", "e", 1)
		}
		lits = append(lits, sign+lit)
	}
	return lits
}

// rlAppendShortNumber is rlAppendNumber for a whole literal lit.
func rlAppendShortNumber(dst, lit []byte) ([]byte, bool) {
	out, end, ok := rlAppendNumber(dst, lit, 0)
	return out, ok && end == len(lit)
}

// TestRelayoutNumberEnd checks that rlAppendNumber ends a literal where
// rlNumberEnd does, on random text made of the bytes of numbers.
func TestRelayoutNumberEnd(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	const alphabet = "0123456789-+.eE x"
	for range 200000 {
		b := make([]byte, 1+r.IntN(12))
		for k := range b {
			b[k] = alphabet[r.IntN(len(alphabet))]
		}
		if _, end, _ := rlAppendNumber(nil, b, 0); end != rlNumberEnd(b, 0) {
			t.Fatalf("rlAppendNumber(%q) ends at %d, rlNumberEnd at %d", b, end, rlNumberEnd(b, 0))
		}
		if got, end, ok := rlAppendNumber(nil, b, 0); ok {
			if want, _, _ := appendNumberText(nil, string(b[:end])); string(got) != string(want) {
				t.Fatalf("rlAppendNumber(%q) = %s, want %s", b[:end], got, want)
			}
		}
	}
}

// TestRelayoutShortNumber checks rlAppendShortNumber against
// appendNumberText (strconv.ParseFloat's correctly rounded floats) on every
// literal it takes, and that it takes the floats it is meant to.
func TestRelayoutShortNumber(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	taken := 0
	for _, lit := range numberLiterals(r, 300000) {
		if !isJSONNumber(lit) || rlNumberEnd([]byte(lit), 0) != len(lit) {
			continue
		}
		got, ok := rlAppendShortNumber(nil, []byte(lit))
		if !ok {
			continue
		}
		taken++
		want, _, _ := appendNumberText(nil, lit)
		if string(got) != string(want) {
			t.Errorf("rlAppendShortNumber(%q) = %s, want %s", lit, got, want)
		}
	}
	if taken < 150000 {
		t.Errorf("rlAppendShortNumber took only %d literals", taken)
	}
	for _, lit := range []string{"-65.613616999999977", "0.1", "1e19", "1e-19", "9999999999999999999", "-0.0"} {
		if _, ok := rlAppendShortNumber(nil, []byte(lit)); !ok {
			t.Errorf("rlAppendShortNumber(%q) left it to appendNumberText", lit)
		}
	}
}

// FuzzRelayoutShortNumber compares rlAppendShortNumber with
// appendNumberText on the number literals the fuzzer finds.
func FuzzRelayoutShortNumber(f *testing.F) {
	for _, lit := range numberLiterals(rand.New(rand.NewPCG(1, 2)), 200) {
		f.Add(lit)
	}
	f.Fuzz(func(t *testing.T, lit string) {
		if lit == "" || !isJSONNumber(lit) || rlNumberEnd([]byte(lit), 0) != len(lit) {
			return
		}
		if got, ok := rlAppendShortNumber(nil, []byte(lit)); ok {
			if want, _, _ := appendNumberText(nil, lit); string(got) != string(want) {
				t.Errorf("rlAppendShortNumber(%q) = %s, want %s", lit, got, want)
			}
		}
	})
}
