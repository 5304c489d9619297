package jsondumprt

import (
	"strconv"
	"testing"
)

// BenchmarkAppendFixedInt writes integers of the sizes typical documents hold
// (citm_catalog's 9-digit ids, small counts, 19-digit twitter ids), beside
// strconv.AppendInt in the same run.
func BenchmarkAppendFixedInt(b *testing.B) {
	for _, c := range []struct {
		name string
		v    int64
	}{{"2digits", 42}, {"4digits", 1234}, {"9digits", 138586341}, {"19digits", 505874924095815681}, {"negative", -7654321}} {
		buf := make([]byte, 0, 64)
		b.Run(c.name+"/jsondump", func(b *testing.B) {
			for b.Loop() {
				buf = appendInt(buf[:0], c.v)
			}
		})
		b.Run(c.name+"/strconv", func(b *testing.B) {
			for b.Loop() {
				buf = strconv.AppendInt(buf[:0], c.v, 10)
			}
		})
	}
}
