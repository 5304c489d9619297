package runtime

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
//	go test -run XXX -bench 'AppendFloat|AppendInt' -benchmem ./runtime/

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
func numBenchFloats(b *testing.B, xs []float64) {
	b.Run("jsondump", func(b *testing.B) {
		b.ReportAllocs()
		buf := make([]byte, 0, 64)
		for i := 0; b.Loop(); i++ {
			buf = AppendFloat64(buf[:0], xs[i%len(xs)])
		}
		numSink = buf
	})
	b.Run("strconv_g", func(b *testing.B) {
		b.ReportAllocs()
		buf := make([]byte, 0, 64)
		for i := 0; b.Loop(); i++ {
			buf = strconv.AppendFloat(buf[:0], xs[i%len(xs)], 'g', -1, 64)
		}
		numSink = buf
	})
	b.Run("encoding_json", func(b *testing.B) {
		b.ReportAllocs()
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		for i := 0; b.Loop(); i++ {
			buf.Reset()
			if err := enc.Encode(xs[i%len(xs)]); err != nil {
				b.Fatal(err)
			}
		}
		numSink = buf.Bytes()
	})
}

// BenchmarkAppendFloat compares AppendFloat64 and AppendFloat32 with their
// peers on canada.json-like coordinates, small integral floats, exponent
// form at both ends, and float32s.
func BenchmarkAppendFloat(b *testing.B) {
	cases := []struct {
		name string
		xs   []float64
	}{
		{"canada", numCanadaLike(1024)},
		{"canada_one", []float64{-65.613616999999977}},
		{"short", []float64{123.456}},
		{"integral", []float64{1, 42, -7, 1000}},
		{"tiny", []float64{1.25e-7}},
		{"huge", []float64{1.5e300}},
		{"subnormal", []float64{5e-324}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) { numBenchFloats(b, c.xs) })
	}

	xs32 := []float32{0.1, 3.1415927, -65.61362, 1e-7}
	b.Run("float32/jsondump", func(b *testing.B) {
		b.ReportAllocs()
		buf := make([]byte, 0, 64)
		for i := 0; b.Loop(); i++ {
			buf = AppendFloat32(buf[:0], xs32[i%len(xs32)])
		}
		numSink = buf
	})
	b.Run("float32/strconv_g", func(b *testing.B) {
		b.ReportAllocs()
		buf := make([]byte, 0, 64)
		for i := 0; b.Loop(); i++ {
			buf = strconv.AppendFloat(buf[:0], float64(xs32[i%len(xs32)]), 'g', -1, 32)
		}
		numSink = buf
	})
	b.Run("float32/encoding_json", func(b *testing.B) {
		b.ReportAllocs()
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		for i := 0; b.Loop(); i++ {
			buf.Reset()
			if err := enc.Encode(xs32[i%len(xs32)]); err != nil {
				b.Fatal(err)
			}
		}
		numSink = buf.Bytes()
	})
}

// BenchmarkAppendFloatText measures AppendNumberText, the path of a
// json.Number, against strconv.ParseFloat followed by strconv.AppendFloat.
func BenchmarkAppendFloatText(b *testing.B) {
	for _, s := range []string{"-65.613616999999977", "12345", "1E5"} {
		b.Run(s+"/jsondump", func(b *testing.B) {
			b.ReportAllocs()
			buf := make([]byte, 0, 64)
			for b.Loop() {
				buf, _, _ = AppendNumberText(buf[:0], s)
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

// BenchmarkAppendInt puts AppendBigInt next to strconv.AppendInt (what
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
		{"big_4300digits", new(big.Int).Sub(new(big.Int).Exp(big.NewInt(10), big.NewInt(MaxIntDigits), nil), big.NewInt(1))},
		{"big_refused", new(big.Int).Lsh(big.NewInt(1), 100000)},
	} {
		b.Run(c.name+"/jsondump", func(b *testing.B) {
			b.ReportAllocs()
			buf := make([]byte, 0, 8192)
			for b.Loop() {
				buf, _ = AppendBigInt(buf[:0], c.x)
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
