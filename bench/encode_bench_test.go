package bench

import (
	"runtime"
	"testing"
)

// BenchmarkEncode encodes each dataset's decoded value with each encoder.
// Names are BenchmarkEncode/data=<dataset>/enc=<encoder>, so that benchstat
// can put encoders in columns (-col /enc). SetBytes is the encoder's own
// output size: MB/s is the rate at which it produces its own text.
func BenchmarkEncode(b *testing.B) {
	for _, d := range datasets(b) {
		b.Run("data="+d.name, func(b *testing.B) {
			v, _ := d.load(b)
			mirror := d.loadMirror(b)
			for _, enc := range encoders {
				v := valueFor(enc, v, mirror)
				b.Run("enc="+enc.name, func(b *testing.B) {
					buf, err := enc.encode(make([]byte, 0, 64<<10), v)
					if err != nil {
						b.Fatal(err)
					}
					b.SetBytes(int64(len(buf)))
					b.ReportAllocs()
					// Each encoder starts from a collected heap, whatever
					// the one before it left (its times otherwise vary
					// with the GC's pacing).
					runtime.GC()
					for b.Loop() {
						out, err := enc.encode(buf, v)
						if err != nil {
							b.Fatal(err)
						}
						// Keep the larger buffer, as a caller reusing its
						// buffer would; encoders that allocate ignore it.
						if cap(out) > cap(buf) {
							buf = out
						}
					}
				})
			}
		})
	}
}
