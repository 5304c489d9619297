package bench

import (
	"encoding/json"
	"io"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"
)

// streamPages is how many copies of twitter.json's page the streaming
// value holds: 340 × 588 KB of Python-default text ≈ 200 MB.
const streamPages = 340

// BenchmarkStream writes a value whose JSON text is about 200 MB to
// io.Discard, with jsondump's generated Dump and with encoding/json's
// Encoder, and reports peak-heap-MB: the largest growth of the heap's live
// and not yet swept objects over its level before the call (see heapWatch).
// Each call starts cold, its pools emptied. A streaming encoder keeps the
// growth near zero; encoding/json holds the whole text, and the buffers it
// outgrew, until it writes.
func BenchmarkStream(b *testing.B) {
	d := datasets(b)[0] // twitter
	v, _ := d.load(b)
	archive := &TwitterArchive{Pages: make([]*Twitter, streamPages)}
	for i := range archive.Pages {
		archive.Pages[i] = v.(*Twitter)
	}
	for _, enc := range []struct {
		name string
		dump func(w io.Writer) error
	}{
		{"jsondump-Dump", func(w io.Writer) error { return archive.Dump(w) }},
		{"encoding-json-Encoder", func(w io.Writer) error { return json.NewEncoder(w).Encode(archive) }},
	} {
		b.Run("enc="+enc.name, func(b *testing.B) {
			var size countWriter
			if err := enc.dump(&size); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			var peak int64
			for b.Loop() {
				b.StopTimer()
				hw := newHeapWatch()
				b.StartTimer()
				if err := enc.dump(hw); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				peak = max(peak, hw.stop())
				b.StartTimer()
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}

// countWriter counts the bytes written to it.
type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}

// heapObjects is the runtime/metrics name of the bytes held by heap objects,
// live or dead but not yet swept: what the heap must hold at that moment.
const heapObjects = "/memory/classes/heap/objects:bytes"

// A heapWatch is an io.Discard that records the high-water mark of the heap
// above the level at its creation. It samples every millisecond from a
// goroutine, and in Write once per MiB written: at the one Write of an
// encoder that buffers everything, where that encoder is at its peak, and
// seldom enough not to slow a streaming encoder's many small writes.
type heapWatch struct {
	base int64
	mu   sync.Mutex
	peak int64
	quit chan struct{}
	done chan struct{}
	buf  []metrics.Sample // used under mu
	n    int              // bytes written since the last sample in Write
}

func newHeapWatch() *heapWatch {
	// Two collections empty the sync.Pools, victim caches included, so
	// that each call starts cold: encoding/json keeps its last buffer (the
	// whole text) in a pool, and a warm call would reuse it and show no
	// growth, while the heap held it all along.
	runtime.GC()
	runtime.GC()
	h := &heapWatch{
		quit: make(chan struct{}),
		done: make(chan struct{}),
		buf:  []metrics.Sample{{Name: heapObjects}},
	}
	h.base = h.read()
	go func() {
		defer close(h.done)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-h.quit:
				return
			case <-t.C:
				h.sample()
			}
		}
	}()
	return h
}

func (h *heapWatch) read() int64 {
	metrics.Read(h.buf)
	return int64(h.buf[0].Value.Uint64())
}

func (h *heapWatch) sample() {
	h.mu.Lock()
	h.peak = max(h.peak, h.read()-h.base)
	h.mu.Unlock()
}

func (h *heapWatch) Write(p []byte) (int, error) {
	if h.n += len(p); h.n >= 1<<20 {
		h.n = 0
		h.sample()
	}
	return len(p), nil
}

// stop ends the sampling and returns the peak growth in bytes.
func (h *heapWatch) stop() int64 {
	h.sample()
	close(h.quit)
	<-h.done
	return h.peak
}
