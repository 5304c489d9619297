package bench

import (
	"runtime"
	"testing"
)

// BenchmarkEncode encodes each dataset's decoded value with each encoder.
// Names are BenchmarkEncode/data=<dataset>/enc=<encoder>, so that benchstat
// can put encoders in columns (-col /enc). SetBytes is the encoder's own
// output size: MB/s is the rate at which it produces its own text. A stream
// row writes to a countWriter, which counts the bytes and keeps none.
func BenchmarkEncode(b *testing.B) {
	for _, d := range datasets(b) {
		b.Run("data="+d.name, func(b *testing.B) {
			v, _ := d.load(b)
			mirror := d.loadMirror(b)
			for _, enc := range encoders {
				v := valueFor(enc, v, mirror)
				b.Run("enc="+enc.name, func(b *testing.B) {
					if enc.stream != nil {
						benchStream(b, enc, v)
						return
					}
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

// benchStream is BenchmarkEncode's loop for a stream row: each call writes
// the whole text of v to the same countWriter. It is not io.Discard, which
// a library could recognize and skip the writing for; like a file or a
// socket, it only has Write.
func benchStream(b *testing.B, enc encoder, v any) {
	w := new(countWriter)
	if err := enc.stream(w, v); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(*w))
	b.ReportAllocs()
	runtime.GC()
	for b.Loop() {
		if err := enc.stream(w, v); err != nil {
			b.Fatal(err)
		}
	}
}
