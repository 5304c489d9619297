package jsondumprt

import (
	"bytes"
	"math"
	"math/rand/v2"
	"testing"
)

// TestScalarSlicesMatchElem checks each Encode*s function against the loop
// of Elem calls it replaces, under layouts with and without an indent,
// streaming or not, for nil, empty and random slices.
func TestScalarSlicesMatchElem(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	sets := [][]Option{
		nil, {SeparatorsOption(",", ":")}, {IndentOption(2)}, {IndentStringOption("\t"), EnsureASCIIOption(false)},
		{AllowNaNOption(false)}, {SeparatorsOption(" ; ", "=")},
	}
	type pair struct {
		name       string
		fast, slow func(e *Encoder)
	}
	for n := range []int{0, 1, 2, 3, 17, 5000} {
		n := []int{0, 1, 2, 3, 17, 5000}[n]
		is := make([]int32, n)
		us := make([]uint16, n)
		fs := make([]float64, n)
		f32 := make([]float32, n)
		ss := make([]string, n)
		bs := make([]bool, n)
		for i := range n {
			is[i] = r.Int32() - 1<<30
			us[i] = uint16(r.Uint32())
			fs[i] = r.NormFloat64() * 1e3
			f32[i] = float32(r.NormFloat64())
			ss[i] = []string{"a", "é", "\"q\"", "", "\U0001F600"}[r.IntN(5)]
			bs[i] = r.IntN(2) == 0
		}
		if n == 17 {
			fs[9] = math.NaN()
			f32[3] = float32(math.Inf(-1))
		}
		pairs := []pair{
			{"ints", func(e *Encoder) { EncodeInts(e, is) }, func(e *Encoder) { slowSlice(e, is, func(x int32) { e.Int(int64(x)) }) }},
			{"uints", func(e *Encoder) { EncodeUints(e, us) }, func(e *Encoder) { slowSlice(e, us, func(x uint16) { e.Uint(uint64(x)) }) }},
			{"float64s", func(e *Encoder) { EncodeFloat64s(e, fs) }, func(e *Encoder) { slowSlice(e, fs, e.Float64) }},
			{"float32s", func(e *Encoder) { EncodeFloat32s(e, f32) }, func(e *Encoder) { slowSlice(e, f32, e.Float32) }},
			{"strings", func(e *Encoder) { EncodeStrings(e, ss) }, func(e *Encoder) { slowSlice(e, ss, e.String) }},
			{"bools", func(e *Encoder) { EncodeBools(e, bs) }, func(e *Encoder) { slowSlice(e, bs, e.Bool) }},
			{"nil", func(e *Encoder) { EncodeInts[int](e, nil) }, func(e *Encoder) { e.Null() }},
		}
		for _, opts := range sets {
			for _, p := range pairs {
				fast, ferr := encodeWith(opts, p.fast)
				slow, serr := encodeWith(opts, p.slow)
				if fast != slow || (ferr == nil) != (serr == nil) {
					t.Errorf("%s, n=%d, options %v: Encode*s wrote %.80q (%v), the Elem loop %.80q (%v)", p.name, n, opts, fast, ferr, slow, serr)
				}
			}
		}
	}
}

// slowSlice is the loop generated code writes for a slice without them.
func slowSlice[T any](e *Encoder, s []T, put func(T)) {
	if s == nil {
		e.Null()
		return
	}
	if e.BeginArray() {
		for _, x := range s {
			e.Elem()
			put(x)
			if e.Failed() {
				break
			}
		}
		e.EndArray()
	}
}

// encodeWith writes one value inside a list, so at depth 1, both into a
// buffer and through a streaming Encoder, and checks that the two agree.
func encodeWith(opts []Option, write func(e *Encoder)) (string, error) {
	list := func(e *Encoder) {
		if e.BeginArray() {
			e.Elem()
			write(e)
			e.EndArray()
		}
	}
	e := NewEncoder(nil, opts)
	list(e)
	b, err := e.Finish()
	var w bytes.Buffer
	e = NewStreamEncoder(&w, opts)
	list(e)
	if serr := e.Close(); (serr == nil) != (err == nil) || err == nil && w.String() != string(b) {
		return "streaming differs: " + w.String(), serr
	}
	return string(b), err
}
