package jsondumprt

import (
	"bytes"
	"encoding/json"
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"testing"
)

// Benchmarks of the number writers, each input against its peers in the same
// run: strconv.AppendFloat(dst, x, 'g', -1, 64), the nearest thing Go has to
// a float's repr, and encoding/json, through an Encoder into a reused buffer.
// Neither peer writes Python's bytes; they show what the layout costs.
//
//	go test -run XXX -bench 'AppendFloat|appendInt' -benchmem ./runtime/
//
// On a shared machine, compare with the peer of the same run, for example
// with benchstat after splitting the output by peer:
//
//	go test -run XXX -bench 'AppendFloat$/.*/(jsondump|strconv_g)$' -count 6 ./runtime/ > out.txt
//	grep -v /strconv_g out.txt | sed 's|/jsondump-|-|' > jsondump.txt
//	grep -v /jsondump out.txt | sed 's|/strconv_g-|-|' > strconv.txt
//	benchstat strconv=strconv.txt jsondump=jsondump.txt

var numSink []byte

// numCanadaLike returns n coordinates shaped like those of canada.json: a
// six-decimal latitude or longitude, most of them a few ulps off, so that the
// shortest digits are 16 or 17 long (-65.613616999999977), with some left
// short (-65.598343) as in the file.
func numCanadaLike(n int) []float64 {
	r := rand.New(rand.NewPCG(9, 10))
	xs := make([]float64, n)
	for i := range xs {
		x := float64(r.IntN(180_000_000)-90_000_000) / 1e6
		if i%2 == 1 {
			x = -50 - float64(r.IntN(90_000_000))/1e6
		}
		if r.IntN(8) != 0 {
			for range 1 + r.IntN(3) {
				x = math.Nextafter(x, math.Inf(r.IntN(2)*2-1))
			}
		}
		xs[i] = x
	}
	return xs
}

// numBenchFloats runs the three writers over xs, one value per iteration.
// The index wraps with a comparison, not i%len(xs): a division would cost
// each writer several nanoseconds that are not its own.
func numBenchFloats(b *testing.B, xs []float64) {
	b.Run("jsondump", func(b *testing.B) {
		b.ReportAllocs()
		buf := make([]byte, 0, 64)
		i := 0
		for b.Loop() {
			buf = appendFloat64(buf[:0], xs[i])
			if i++; i == len(xs) {
				i = 0
			}
		}
		numSink = buf
	})
	b.Run("strconv_g", func(b *testing.B) {
		b.ReportAllocs()
		buf := make([]byte, 0, 64)
		i := 0
		for b.Loop() {
			buf = strconv.AppendFloat(buf[:0], xs[i], 'g', -1, 64)
			if i++; i == len(xs) {
				i = 0
			}
		}
		numSink = buf
	})
	b.Run("encoding_json", func(b *testing.B) {
		b.ReportAllocs()
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		i := 0
		for b.Loop() {
			buf.Reset()
			if err := enc.Encode(xs[i]); err != nil {
				b.Fatal(err)
			}
			if i++; i == len(xs) {
				i = 0
			}
		}
		numSink = buf.Bytes()
	})
}

// numBenchFloats32 is numBenchFloats for appendFloat32; strconv formats
// with bitSize 32.
func numBenchFloats32(b *testing.B, xs []float32) {
	b.Run("jsondump", func(b *testing.B) {
		b.ReportAllocs()
		buf := make([]byte, 0, 64)
		i := 0
		for b.Loop() {
			buf = appendFloat32(buf[:0], xs[i])
			if i++; i == len(xs) {
				i = 0
			}
		}
		numSink = buf
	})
	b.Run("strconv_g", func(b *testing.B) {
		b.ReportAllocs()
		buf := make([]byte, 0, 64)
		i := 0
		for b.Loop() {
			buf = strconv.AppendFloat(buf[:0], float64(xs[i]), 'g', -1, 32)
			if i++; i == len(xs) {
				i = 0
			}
		}
		numSink = buf
	})
	b.Run("encoding_json", func(b *testing.B) {
		b.ReportAllocs()
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		i := 0
		for b.Loop() {
			buf.Reset()
			if err := enc.Encode(xs[i]); err != nil {
				b.Fatal(err)
			}
			if i++; i == len(xs) {
				i = 0
			}
		}
		numSink = buf.Bytes()
	})
}

// BenchmarkAppendFloat compares appendFloat64 and appendFloat32 with their
// peers on canada.json-like coordinates, short decimals, small integral
// floats, exponent form at both ends with short and with 17-digit
// mantissas, and float32s of the same classes.
func BenchmarkAppendFloat(b *testing.B) {
	canada := numCanadaLike(1024)
	cases := []struct {
		name string
		xs   []float64
	}{
		{"canada", canada},
		{"canada_one", []float64{-65.613616999999977}},
		{"short", []float64{123.456}},
		{"short_mix", []float64{0.5, 2.25, 0.1, -1.5, 65.598343, 3.14, 0.001, 1234.5}},
		{"integral", []float64{1, 42, -7, 1000}},
		{"tiny", []float64{1.25e-7}},
		{"huge", []float64{1.5e300}},
		{"subnormal", []float64{5e-324}},
		{"exp_long", []float64{1.7976931348623157e308, 2.2250738585072014e-308, -1.2345678901234567e-100, 6.02214076e23}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) { numBenchFloats(b, c.xs) })
	}

	canada32 := make([]float32, len(canada))
	for i, x := range canada {
		canada32[i] = float32(x)
	}
	cases32 := []struct {
		name string
		xs   []float32
	}{
		{"float32", []float32{0.1, 3.1415927, -65.61362, 1e-7}},
		{"float32_canada", canada32},
		{"float32_short", []float32{0.5, 2.25, 0.1, -1.5}},
		{"float32_exp", []float32{1e-7, 3e38, 1.1754944e-38, 1e-45}},
	}
	for _, c := range cases32 {
		b.Run(c.name, func(b *testing.B) { numBenchFloats32(b, c.xs) })
	}
}

// BenchmarkAppendFloatText measures appendNumberText, the path of a
// json.Number, against strconv.ParseFloat followed by strconv.AppendFloat.
func BenchmarkAppendFloatText(b *testing.B) {
	for _, s := range []string{"-65.613616999999977", "12345", "1E5"} {
		b.Run(s+"/jsondump", func(b *testing.B) {
			b.ReportAllocs()
			buf := make([]byte, 0, 64)
			for b.Loop() {
				buf, _, _ = appendNumberText(buf[:0], s)
			}
			numSink = buf
		})
		b.Run(s+"/strconv", func(b *testing.B) {
			b.ReportAllocs()
			buf := make([]byte, 0, 64)
			for b.Loop() {
				f, _ := strconv.ParseFloat(s, 64)
				buf = strconv.AppendFloat(buf[:0], f, 'g', -1, 64)
			}
			numSink = buf
		})
	}
}

// BenchmarkAppendInt puts appendBigInt next to strconv.AppendInt (what
// callers use for Go's fixed-size ints) and big.Int's own Append.
func BenchmarkAppendInt(b *testing.B) {
	b.Run("int64/strconv", func(b *testing.B) {
		b.ReportAllocs()
		buf := make([]byte, 0, 64)
		for b.Loop() {
			buf = strconv.AppendInt(buf[:0], -9223372036854775807, 10)
		}
		numSink = buf
	})
	for _, c := range []struct {
		name string
		x    *big.Int
	}{
		{"big_2^64", new(big.Int).Lsh(big.NewInt(1), 64)},
		{"big_10^30", new(big.Int).Exp(big.NewInt(10), big.NewInt(30), nil)},
		{"big_4300digits", new(big.Int).Sub(new(big.Int).Exp(big.NewInt(10), big.NewInt(maxIntDigits), nil), big.NewInt(1))},
		{"big_refused", new(big.Int).Lsh(big.NewInt(1), 100000)},
	} {
		b.Run(c.name+"/jsondump", func(b *testing.B) {
			b.ReportAllocs()
			buf := make([]byte, 0, 8192)
			for b.Loop() {
				buf, _ = appendBigInt(buf[:0], c.x)
			}
			numSink = buf
		})
		b.Run(c.name+"/big_Append", func(b *testing.B) {
			b.ReportAllocs()
			buf := make([]byte, 0, 8192)
			for b.Loop() {
				buf = c.x.Append(buf[:0], 10)
			}
			numSink = buf
		})
	}
}
