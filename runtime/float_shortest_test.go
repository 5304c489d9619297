package jsondumprt

import (
	"bytes"
	"math"
	"math/big"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
)

// The tests here check the pieces of float_shortest.go against math/big and
// against strconv, which serves only as an oracle: it has its own
// shortest-digit algorithm, and Python's digits are the same (see the
// python3 tests in float_test.go).
//
// Set JSONDUMP_FLOAT_LONG=1 for the long runs: 200 million random float64s
// and every float32 bit pattern, the digits of all of them and the whole
// output of one in 16 checked, about ten minutes on two cores:
//
//	JSONDUMP_FLOAT_LONG=1 go test ./runtime -run 'AppendFloat(Shortest|Digits8)' -timeout 2h
var numLongFloatTests = os.Getenv("JSONDUMP_FLOAT_LONG") != ""

// TestAppendFloatPow10Table recomputes numPow10Table with math/big, in
// another way than gen_pow10.go does: g(e) must be the integer with
// g-1 <= 10^e × 2^(127-β) < g for β = floor(log2 10^e), found here from a
// big.Float of 400 bits, and checked exactly with big.Int products.
func TestAppendFloatPow10Table(t *testing.T) {
	if len(numPow10Table) != numPow10Max-numPow10Min+1 {
		t.Fatalf("numPow10Table has %d entries, want %d", len(numPow10Table), numPow10Max-numPow10Min+1)
	}
	one := big.NewInt(1)
	for e := numPow10Min; e <= numPow10Max; e++ {
		// 10^e = num/den exactly.
		num, den := big.NewInt(1), big.NewInt(1)
		p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(numAbsInt(e))), nil)
		if e >= 0 {
			num = p
		} else {
			den = p
		}
		// β from a 400-bit approximation, then verified exactly:
		// 2^β <= num/den < 2^(β+1).
		f := new(big.Float).SetPrec(400).SetInt(num)
		f.Quo(f, new(big.Float).SetPrec(400).SetInt(den))
		beta := f.MantExp(nil) - 1
		if !numBigLE(one, den, -beta, num) || numBigLE(one, den, -beta-1, num) {
			t.Fatalf("1e%d: β = %d is not floor(log2 1e%d)", e, beta, e)
		}
		// X = 10^e × 2^(127-β) = num × 2^(127-β) / den, and want
		// g-1 <= X < g, that is (g-1) × den <= num × 2^(127-β) < g × den.
		entry := numPow10Table[e-numPow10Min]
		g := new(big.Int).Lsh(new(big.Int).SetUint64(entry[0]), 64)
		g.Or(g, new(big.Int).SetUint64(entry[1]))
		gm1 := new(big.Int).Sub(g, one)
		if !numBigLE(gm1, den, 127-beta, num) || numBigLE(g, den, 127-beta, num) {
			t.Errorf("numPow10Table[1e%d] = {%#x, %#x}: not floor(1e%d × 2^%d) + 1", e, entry[0], entry[1], e, 127-beta)
		}
		if g.BitLen() != 128 {
			t.Errorf("numPow10Table[1e%d] has %d bits, want 128", e, g.BitLen())
		}
	}
}

// numBigLE reports whether a × den <= num × 2^sn, for any sn.
func numBigLE(a, den *big.Int, sn int, num *big.Int) bool {
	l := new(big.Int).Mul(a, den)
	r := new(big.Int).Set(num)
	if sn >= 0 {
		r.Lsh(r, uint(sn))
	} else {
		l.Lsh(l, uint(-sn))
	}
	return l.Cmp(r) <= 0
}

func numAbsInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// numBigFloorLog returns floor(log_base(r)) for a positive rational r:
// an estimate from the bit lengths, corrected by exact comparisons.
func numBigFloorLog(base int64, r *big.Rat) int {
	bitLen := r.Num().BitLen() - r.Denom().BitLen()
	k := int(math.Floor(float64(bitLen) / math.Log2(float64(base))))
	for numBigPow(base, k).Cmp(r) > 0 { // r < base^k
		k--
	}
	for numBigPow(base, k+1).Cmp(r) <= 0 { // base^(k+1) <= r
		k++
	}
	return k
}

// numBigPow returns base^e as a big.Rat.
func numBigPow(base int64, e int) *big.Rat {
	p := new(big.Int).Exp(big.NewInt(base), big.NewInt(int64(numAbsInt(e))), nil)
	if e >= 0 {
		return new(big.Rat).SetInt(p)
	}
	return new(big.Rat).SetFrac(big.NewInt(1), p)
}

// TestAppendFloatLogs checks the fixed-point logarithms of numShortest
// exactly, over more than the ranges it uses: binary exponents q of
// float64 and float32 (-1074 to 971) and decimal exponents of the table.
func TestAppendFloatLogs(t *testing.T) {
	for q := -1100; q <= 1100; q++ {
		p := numBigPow(2, q)
		if got, want := numFloorLog10Pow2(q), numBigFloorLog(10, p); got != want {
			t.Errorf("numFloorLog10Pow2(%d) = %d, want %d", q, got, want)
		}
		p.Mul(p, big.NewRat(3, 4))
		if got, want := numFloorLog10ThreeQuartersPow2(q), numBigFloorLog(10, p); got != want {
			t.Errorf("numFloorLog10ThreeQuartersPow2(%d) = %d, want %d", q, got, want)
		}
	}
	// The shift h of numShortest is 1 to 4, and 10^-k is in the table.
	for q := -1074; q <= 971; q++ {
		for _, k := range []int{numFloorLog10Pow2(q), numFloorLog10ThreeQuartersPow2(q)} {
			if h := q + numFloorLog2Pow10(-k) + 1; h < 1 || h > 4 {
				t.Errorf("q = %d, k = %d: h = %d, want 1 to 4", q, k, h)
			}
			if -k < numPow10Min || -k > numPow10Max {
				t.Errorf("q = %d: 1e%d is not in numPow10Table", q, -k)
			}
		}
	}
	for e := -400; e <= 400; e++ {
		if got, want := numFloorLog2Pow10(e), numBigFloorLog(2, numBigPow(10, e)); got != want {
			t.Errorf("numFloorLog2Pow10(%d) = %d, want %d", e, got, want)
		}
	}
}

// TestAppendFloatDigits8 checks numDigits8 against strconv. Its lanes do not
// interact, so every 4-digit value in each half, with a few partners in the
// other, covers it; the long run tries all 10^8 values.
func TestAppendFloatDigits8(t *testing.T) {
	check := func(r uint32) {
		var got [8]byte
		numPut(got[:], numDigits8(r))
		want := strconv.AppendUint(nil, uint64(r)+1e8, 10)[1:] // 8 digits, zero-padded
		if string(got[:]) != string(want) {
			t.Fatalf("numDigits8(%d) = %q, want %q", r, got[:], want)
		}
	}
	if numLongFloatTests {
		for r := uint32(0); r < 1e8; r++ {
			check(r)
		}
		return
	}
	for v := uint32(0); v < 1e4; v++ {
		for _, w := range []uint32{0, 9999, v, 1e4 - 1 - v} {
			check(v*1e4 + w)
			check(w*1e4 + v)
		}
	}
}

// TestAppendFloatDigitCount checks numDigitCount at every power of ten and
// its neighbours.
func TestAppendFloatDigitCount(t *testing.T) {
	for n := 1; n <= 19; n++ {
		p := numPow10s[n-1] // the smallest n-digit number
		for _, d := range []uint64{p, p + 1, p*10 - 1} {
			if n == 19 && d == p*10-1 {
				d = 1<<64 - 1 // 20 digits; numShortest never has more than 17
				if got := numDigitCount(d); got != 20 {
					t.Errorf("numDigitCount(%d) = %d, want 20", d, got)
				}
				continue
			}
			if got := numDigitCount(d); got != n {
				t.Errorf("numDigitCount(%d) = %d, want %d", d, got, n)
			}
		}
	}
}

// TestAppendFloatIsInteger checks numIsInteger with big.Rat for random
// significands, with many trailing zero bits and many factors of 5 among
// them, at every exponent numShortest uses.
func TestAppendFloatIsInteger(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	for q := -1074; q <= 971; q++ {
		k := numFloorLog10Pow2(q)
		for range 8 {
			cb := r.Uint64N(1<<55) | 1
			switch r.IntN(3) {
			case 0:
				cb <<= r.IntN(10)
			case 1:
				if k > 0 && k < len(numPow5) && numPow5[k] < 1<<55 {
					cb = numPow5[k] * (1 + r.Uint64N((1<<55)/numPow5[k]))
				}
			}
			x := new(big.Rat).SetInt(new(big.Int).SetUint64(cb))
			x.Mul(x, numBigPow(2, q))
			x.Mul(x, numBigPow(10, -k))
			if got, want := numIsInteger(cb, q, k), x.IsInt(); got != want {
				t.Errorf("numIsInteger(%d, %d, %d) = %v, want %v", cb, q, k, got, want)
			}
		}
	}
}

// numFormatE appends d × 10^e in strconv's 'e' format with precision -1:
// "6.5613616999999977e+01", "5e-324". d > 0 may end in zeros.
func numFormatE(dst []byte, d uint64, e int) []byte {
	for d%10 == 0 {
		d /= 10
		e++
	}
	var tmp [24]byte
	digits := strconv.AppendUint(tmp[:0], d, 10)
	e += len(digits) - 1
	dst = append(dst, digits[0])
	if len(digits) > 1 {
		dst = append(dst, '.')
		dst = append(dst, digits[1:]...)
	}
	dst = append(dst, 'e')
	if e < 0 {
		dst = append(dst, '-')
		e = -e
	} else {
		dst = append(dst, '+')
	}
	if e < 10 {
		dst = append(dst, '0')
	}
	return strconv.AppendInt(dst, int64(e), 10)
}

// numCheckShortest64 compares the digits of numShortest for x > 0 finite
// with strconv's and, if full, appendFloat64's bytes with numRefRepr. It
// returns a description of the difference, or "". A float that numShortest
// leaves to strconv counts in fallbacks.
func numCheckShortest64(x float64, full bool, buf *[3][]byte, fallbacks *atomic.Int64) string {
	b := math.Float64bits(x)
	frac, exp := b&(1<<52-1), int(b>>52)&0x7ff
	c, q := frac|1<<52, exp-1075
	if exp == 0 {
		c, q = frac, -1074
	}
	buf[1] = strconv.AppendFloat(buf[1][:0], x, 'e', -1, 64)
	d, e, ok := numShortest(c, q, frac == 0 && exp > 1, false)
	if !ok {
		fallbacks.Add(1)
	} else {
		buf[0] = numFormatE(buf[0][:0], d, e)
		if !bytes.Equal(buf[0], buf[1]) {
			return "numShortest(" + strconv.FormatUint(c, 10) + ", " + strconv.Itoa(q) + ") = " + string(buf[0]) + ", strconv has " + string(buf[1]) + " (bits " + strconv.FormatUint(b, 16) + ")"
		}
	}
	if !full {
		return ""
	}
	buf[2] = appendFloat64(buf[2][:0], x)
	if want := numRefRepr(string(buf[1])); string(buf[2]) != want {
		return "appendFloat64(" + string(buf[1]) + ") = " + string(buf[2]) + ", want " + want
	}
	return ""
}

// numCheckShortest32 is numCheckShortest64 for a float32.
func numCheckShortest32(x float32, full bool, buf *[3][]byte, fallbacks *atomic.Int64) string {
	b := math.Float32bits(x)
	frac, exp := uint64(b&(1<<23-1)), int(b>>23)&0xff
	c, q := frac|1<<23, exp-150
	if exp == 0 {
		c, q = frac, -149
	}
	buf[1] = strconv.AppendFloat(buf[1][:0], float64(x), 'e', -1, 32)
	d, e, ok := numShortest(c, q, frac == 0 && exp > 1, true)
	if !ok {
		fallbacks.Add(1)
	} else {
		buf[0] = numFormatE(buf[0][:0], d, e)
		if !bytes.Equal(buf[0], buf[1]) {
			return "numShortest(" + strconv.FormatUint(c, 10) + ", " + strconv.Itoa(q) + ") [float32] = " + string(buf[0]) + ", strconv has " + string(buf[1]) + " (bits " + strconv.FormatUint(uint64(b), 16) + ")"
		}
	}
	if !full {
		return ""
	}
	buf[2] = appendFloat32(buf[2][:0], x)
	if want := numRefRepr(string(buf[1])); string(buf[2]) != want {
		return "appendFloat32(" + string(buf[1]) + ") = " + string(buf[2]) + ", want " + want
	}
	return ""
}

// numParallel runs check(i) for i in [0, n) on every CPU and fails t after
// the first 10 differences.
func numParallel(t *testing.T, n uint64, check func(i uint64, buf *[3][]byte) string) {
	t.Helper()
	var (
		mu    sync.Mutex
		fails []string
		next  atomic.Uint64
		wg    sync.WaitGroup
	)
	const chunk = 1 << 16
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf [3][]byte
			for {
				lo := next.Add(chunk) - chunk
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+chunk, n); i++ {
					if msg := check(i, &buf); msg != "" {
						mu.Lock()
						fails = append(fails, msg)
						mu.Unlock()
					}
				}
				mu.Lock()
				stop := len(fails) >= 10
				mu.Unlock()
				if stop {
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, f := range fails {
		t.Error(f)
	}
}

// numMix64 maps i to a well-spread 64-bit pattern (a SplitMix64 step), so
// that the parallel workers need no shared random source.
func numMix64(i uint64) uint64 {
	z := i*0x9e3779b97f4a7c15 + 0x2545f4914f6cdd1d
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// TestAppendFloatShortest64 compares numShortest, and appendFloat64, with
// strconv for about 800,000 float64s (200 million in the long run):
// random bit patterns, so every exponent and both signs; the significands
// at the edges of every binade (1, 2^52 and its neighbours, where the gap
// below halves, and 2^53-1) at every exponent; small subnormals; and values
// n + 1/4 and n + 3/4 near 10^15, whose two nearest 17-digit candidates tie
// (1000000000000000.25 is ...0.2 and ...0.75 is ...0.8: half to even).
// numShortest must never fall back to strconv.
func TestAppendFloatShortest64(t *testing.T) {
	var fallbacks atomic.Int64
	n := uint64(600_000)
	if testing.Short() {
		n = 100_000
	}
	if numLongFloatTests {
		n = 200_000_000
	}
	numParallel(t, n, func(i uint64, buf *[3][]byte) string {
		x := math.Float64frombits(numMix64(i))
		if math.IsNaN(x) || math.IsInf(x, 0) || x == 0 {
			return ""
		}
		return numCheckShortest64(math.Abs(x), !numLongFloatTests || i%16 == 0, buf, &fallbacks)
	})

	var xs []float64
	for exp := uint64(0); exp < 0x7ff; exp++ {
		for _, frac := range []uint64{0, 1, 2, 3, 1<<52 - 1, 1<<52 - 2, 1 << 51, 1<<51 + 1} {
			if x := math.Float64frombits(exp<<52 | frac); x != 0 {
				xs = append(xs, x)
			}
		}
	}
	for c := uint64(1); c <= 20_000; c++ {
		xs = append(xs, math.Float64frombits(c), math.Float64frombits(1<<52-c))
	}
	r := rand.New(rand.NewPCG(31, 32))
	for range 30_000 {
		m := float64(1e15 + r.Int64N(1<<50-1e15))
		xs = append(xs, m+0.25, m+0.75, m+0.125, m+0.5)
		// Random significands with a random number of trailing zero bits:
		// exact decimals of few digits, where the products are integers.
		c := (1<<52 | r.Uint64N(1<<52)) >> r.IntN(53) << r.IntN(53)
		if c != 0 && c < 1<<53 {
			xs = append(xs, math.Ldexp(float64(c), r.IntN(2098)-1074-52))
		}
	}
	numParallel(t, uint64(len(xs)), func(i uint64, buf *[3][]byte) string {
		if x := xs[i]; x != 0 && !math.IsInf(x, 0) {
			return numCheckShortest64(x, true, buf, &fallbacks)
		}
		return ""
	})
	if f := fallbacks.Load(); f != 0 {
		t.Errorf("numShortest left %d float64s to strconv, want none", f)
	}
}

// TestAppendFloatShortest32 compares numShortest, and appendFloat32, with
// strconv for every 4093rd float32 bit pattern, about a million (in the
// long run, all 2^32 of them).
func TestAppendFloatShortest32(t *testing.T) {
	var fallbacks atomic.Int64
	stride := uint64(4093)
	if testing.Short() {
		stride = 16381
	}
	if numLongFloatTests {
		stride = 1
	}
	numParallel(t, (1<<32+stride-1)/stride, func(i uint64, buf *[3][]byte) string {
		x := math.Float32frombits(uint32(i * stride))
		if x != x || math.IsInf(float64(x), 0) || x == 0 {
			return ""
		}
		return numCheckShortest32(float32(math.Abs(float64(x))), !numLongFloatTests || i%16 == 0, buf, &fallbacks)
	})
	if f := fallbacks.Load(); f != 0 {
		t.Errorf("numShortest left %d float32s to strconv, want none", f)
	}
}

// TestAppendFloatTies checks the floats whose two nearest shortest
// candidates are equally near: Python and strconv round a float64 half to
// even, and strconv rounds float32(2^-12) up.
func TestAppendFloatTies(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{
		{1000000000000000.25, "1000000000000000.2"},
		{1000000000000000.75, "1000000000000000.8"},
		{1000000000000001.25, "1000000000000001.2"},
		{-1000000000000003.75, "-1000000000000003.8"},
	} {
		if got := string(appendFloat64(nil, c.x)); got != c.want {
			t.Errorf("appendFloat64(nil, %v) = %q, want %q", c.x, got, c.want)
		}
	}
	x := float32(math.Ldexp(1, -12))
	want := numRefRepr(strconv.FormatFloat(float64(x), 'e', -1, 32))
	if got := string(appendFloat32(nil, x)); got != want || want != "0.00024414063" {
		t.Errorf("appendFloat32(nil, 2^-12) = %q, want %q (strconv's) = %q", got, want, "0.00024414063")
	}
}

// TestAppendFloatStrconvPath checks numAppendStrconv, the path taken if
// numShortest cannot decide, against appendFloat64 and appendFloat32.
func TestAppendFloatStrconvPath(t *testing.T) {
	r := rand.New(rand.NewPCG(41, 42))
	xs := []float64{5e-324, -5e-324, 1e-5, 0.5, -65.613616999999977, 1e16, 1e15, 123456789, 1.7976931348623157e308, 1e-7, 0.0001}
	for range 20000 {
		xs = append(xs, math.Float64frombits(r.Uint64()), (r.Float64()-0.5)*1e6, float64(r.IntN(1e6))/1e3)
	}
	for _, x := range xs {
		if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
			continue
		}
		if got, want := string(numAppendStrconv([]byte("["), x, 64)), "["+string(appendFloat64(nil, x)); got != want {
			t.Errorf("numAppendStrconv(%q, %v, 64) = %q, want %q", "[", x, got, want)
		}
		y := float32(x)
		if y == 0 || math.IsInf(float64(y), 0) {
			continue
		}
		if got, want := string(numAppendStrconv(nil, float64(y), 32)), string(appendFloat32(nil, y)); got != want {
			t.Errorf("numAppendStrconv(nil, %v, 32) = %q, want %q", y, got, want)
		}
	}
}

// TestAppendFloatLayout checks numAppendDecimal's placement of the point
// for every scientific exponent of the fixed range and either side of it,
// with 1 to 17 significant digits, against numRefRepr.
func TestAppendFloatLayout(t *testing.T) {
	const all = "12345678912345678" // no zeros: shortest digits end in none
	for n := 1; n <= 17; n++ {
		d, _ := strconv.ParseUint(all[:n], 10, 64)
		d *= numPow10s[17-n]
		for x := -8; x <= 20; x++ {
			for _, neg := range []bool{false, true} {
				s := all[:1] + "." + all[1:n] + "e" + strconv.Itoa(x)
				if n == 1 {
					s = all[:1] + "e" + strconv.Itoa(x)
				}
				want := numRefRepr(s)
				if neg {
					want = "-" + want
				}
				for _, prefix := range []string{"", "[0.5, "} {
					if got := string(numAppendDecimal([]byte(prefix), neg, d, x)); got != prefix+want {
						t.Errorf("numAppendDecimal(%q, %v, %d, %d) = %q, want %q", prefix, neg, d, x, got, prefix+want)
					}
				}
			}
		}
	}
}
