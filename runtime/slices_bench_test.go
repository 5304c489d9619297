package jsondumprt

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkScalarSlices compares the Encode*s functions with the loop of
// Elem calls that generated code would otherwise write, in one run.
func BenchmarkScalarSlices(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	fs := make([]float64, 1000)
	is := make([]int64, 1000)
	for i := range fs {
		fs[i] = -180 + 360*r.Float64()
		is[i] = r.Int64N(1e9)
	}
	opts := []Option{SeparatorsOption(",", ":")}
	buf := make([]byte, 0, 1<<16)
	b.Run("float64/EncodeFloat64s", func(b *testing.B) {
		for b.Loop() {
			e := NewEncoder(buf[:0], opts)
			EncodeFloat64s(e, fs)
			buf, _ = e.Finish()
		}
	})
	b.Run("float64/Elem-loop", func(b *testing.B) {
		for b.Loop() {
			e := NewEncoder(buf[:0], opts)
			if e.BeginArray() {
				for i := range fs {
					e.Elem()
					e.Float64(fs[i])
					if e.Failed() {
						break
					}
				}
				e.EndArray()
			}
			buf, _ = e.Finish()
		}
	})
	b.Run("int64/EncodeInts", func(b *testing.B) {
		for b.Loop() {
			e := NewEncoder(buf[:0], opts)
			EncodeInts(e, is)
			buf, _ = e.Finish()
		}
	})
	b.Run("int64/Elem-loop", func(b *testing.B) {
		for b.Loop() {
			e := NewEncoder(buf[:0], opts)
			if e.BeginArray() {
				for i := range is {
					e.Elem()
					e.Int(is[i])
					if e.Failed() {
						break
					}
				}
				e.EndArray()
			}
			buf, _ = e.Finish()
		}
	})
}
