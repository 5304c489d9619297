package jsondumprt

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/jsondump/jsondump/internal/pyoracle"
)

// numPyIntScript reads one int per line in hex (Go's big.Int Text(16), "-ff"
// for -255; hex has no digit limit in Python) and prints json.dumps(x), or
// "LIMIT <message>" when Python refuses to write x in decimal.
const numPyIntScript = `
import sys, json
out = []
for line in sys.stdin.read().split():
    x = int(line, 16)
    try:
        out.append(json.dumps(x))
    except ValueError as e:
        out.append('LIMIT ' + str(e))
sys.stdout.write('\n'.join(out) + '\n')
`

// numIntLimitMsg is the ValueError that appendBigInt's doc says the caller
// raises when ok is false; the test checks that it is Python's.
const numIntLimitMsg = "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"

// TestAppendBigInt checks appendBigInt against python3's json.dumps for small
// and large ints of both signs, the int64 and uint64 edges, and the 4300-digit
// limit: 10**4300-1 and 10**4300, and random ints of 14285 bits, the one bit
// length whose ints fall on both sides of the limit.
func TestAppendBigInt(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	one := big.NewInt(1)
	pow := func(b, e int64) *big.Int { return new(big.Int).Exp(big.NewInt(b), big.NewInt(e), nil) }
	randBits := func(n int) *big.Int { // a random int of exactly n bits
		x := new(big.Int)
		for range (n + 63) / 64 {
			x.Lsh(x, 64)
			x.Or(x, new(big.Int).SetUint64(r.Uint64()))
		}
		x.Rsh(x, uint(x.BitLen()-n+1))
		return x.SetBit(x, n-1, 1)
	}
	limit := pow(10, maxIntDigits)
	xs := []*big.Int{
		big.NewInt(0), big.NewInt(1), big.NewInt(42),
		pow(2, 63), pow(2, 64), new(big.Int).Sub(pow(2, 63), one), pow(10, 30),
		new(big.Int).Sub(limit, one), limit, new(big.Int).Add(limit, one), pow(10, 4299),
		pow(2, numMaxIntBitsOK-1), pow(2, numMaxIntBitsOK), new(big.Int).Sub(pow(2, numMaxIntBitsOK+1), one),
		pow(2, numMaxIntBitsOK+1), pow(2, 20000), pow(10, 5000),
	}
	for range 200 {
		xs = append(xs, randBits(1+r.IntN(300)))
	}
	for range 40 {
		xs = append(xs, randBits(numMaxIntBitsOK+1), randBits(numMaxIntBitsOK-2+r.IntN(5)))
	}
	for range 5 {
		xs = append(xs, randBits(1+r.IntN(20000)))
	}
	for i := range len(xs) {
		xs = append(xs, new(big.Int).Neg(xs[i]))
	}

	var in []byte
	for _, x := range xs {
		in = x.Append(in, 16)
		in = append(in, '\n')
	}
	want := pyoracle.Lines(pyoracle.Run(t, numPyIntScript, in))
	if len(want) != len(xs) {
		t.Fatalf("python3 printed %d lines for %d ints", len(want), len(xs))
	}
	var refused, passed int
	for i, x := range xs {
		out, ok := appendBigInt([]byte("x"), x)
		got := "LIMIT " + numIntLimitMsg
		if ok {
			got = string(out[1:])
			passed++
		} else {
			refused++
			if string(out) != "x" {
				t.Errorf("appendBigInt(%q, %d-bit int) = %.40q..., false: dst was changed", "x", x.BitLen(), out)
			}
		}
		if got != want[i] {
			t.Errorf("appendBigInt(nil, %.60s... (%d bits)) = %.80q, want %.80q", x.String(), x.BitLen(), got, want[i])
		}
	}
	if refused == 0 || passed == 0 {
		t.Errorf("%d ints refused and %d passed; the batch must test both", refused, passed)
	}
}

// TestAppendIntBitBounds checks the bit lengths that appendBigInt's shortcut
// relies on: 2^14284 < 10^4300 < 2^14285.
func TestAppendIntBitBounds(t *testing.T) {
	limit := new(big.Int).Exp(big.NewInt(10), big.NewInt(maxIntDigits), nil)
	if n := limit.BitLen(); n != numMaxIntBitsOK+1 {
		t.Errorf("10^%d has %d bits, want %d", maxIntDigits, n, numMaxIntBitsOK+1)
	}
}

// TestAppendInt compares appendInt and appendUint with strconv at every
// power of ten and of two, their neighbours, and random values.
func TestAppendInt(t *testing.T) {
	var us []uint64
	for p := uint64(1); ; p *= 10 {
		us = append(us, p-1, p, p+1)
		if p > math.MaxUint64/10 {
			break
		}
	}
	for k := range 64 {
		us = append(us, 1<<k-1, 1<<k, 1<<k+1)
	}
	us = append(us, 0, math.MaxUint64, math.MaxUint64-1)
	r := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		us = append(us, r.Uint64()>>r.IntN(64))
	}
	for _, u := range us {
		if got, want := string(appendUint([]byte("x"), u)), "x"+strconv.FormatUint(u, 10); got != want {
			t.Fatalf("appendUint(%d) = %q, want %q", u, got, want)
		}
		i := int64(u)
		if got, want := string(appendInt(nil, i)), strconv.FormatInt(i, 10); got != want {
			t.Fatalf("appendInt(%d) = %q, want %q", i, got, want)
		}
	}
	if got := string(appendInt(nil, math.MinInt64)); got != "-9223372036854775808" {
		t.Errorf("appendInt(MinInt64) = %q", got)
	}
}
