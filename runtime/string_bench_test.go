package jsondumprt

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// strBenchInputs are the texts of BenchmarkAppendString.
var strBenchInputs = []struct {
	name string
	text string
}{
	// A short object key or enum value, the most common string in JSON.
	{"key", "created_at"},
	// A tweet-sized English sentence, ~100 bytes, with one pair of quotes.
	{"tweet", `Just shipped the new release: faster builds, smaller binaries and a "quiet" mode. Try it today!`},
	// 4 KB of English prose with the odd quote and newline.
	{"ascii4k", strBenchRepeat("The quick brown fox jumps over the lazy dog, then rests under the old oak tree while the farmer's \"best\" dog keeps watch.\n", 4096)},
	// Mostly ASCII with accents and emoji: Western user content.
	{"mixed", "Crème brûlée at the café was délicieux 😋🍮 — we'll be back next week with the whole équipe! 👍 Naïve résumé: 10/10 ⭐"},
	// Japanese: nearly all three-byte UTF-8.
	{"cjk", "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。"},
}

// strBenchRepeat repeats s and cuts the result at n bytes, on a rune boundary.
func strBenchRepeat(s string, n int) string {
	t := strings.Repeat(s, n/len(s)+1)[:n]
	return strings.ToValidUTF8(t, "")
}

// BenchmarkAppendString measures appendString against its peers in the
// standard library: strconv.AppendQuote (Go syntax, not JSON, but the usual
// speed reference) and encoding/json's Encoder writing into a reused buffer
// with SetEscapeHTML(false), the fastest way encoding/json writes a string.
// Bytes per second count the input.
func BenchmarkAppendString(b *testing.B) {
	for _, in := range strBenchInputs {
		s := in.text
		b.Run(in.name+"/jsondump-ascii", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(s)))
			buf := make([]byte, 0, 8*len(s)+64)
			for b.Loop() {
				buf = appendString(buf[:0], s, true)
			}
		})
		b.Run(in.name+"/jsondump-utf8", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(s)))
			buf := make([]byte, 0, 8*len(s)+64)
			for b.Loop() {
				buf = appendString(buf[:0], s, false)
			}
		})
		b.Run(in.name+"/strconv.AppendQuote", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(s)))
			buf := make([]byte, 0, 8*len(s)+64)
			for b.Loop() {
				buf = strconv.AppendQuote(buf[:0], s)
			}
		})
		b.Run(in.name+"/encoding-json", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(s)))
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			for b.Loop() {
				buf.Reset()
				if err := enc.Encode(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAppendStringBytes measures the []byte and WTF-8 entry points, which
// share appendString's code, on the same inputs.
func BenchmarkAppendStringBytes(b *testing.B) {
	for _, in := range strBenchInputs {
		s := []byte(in.text)
		for _, ascii := range []bool{true, false} {
			name := in.name + "/ascii=" + strconv.FormatBool(ascii)
			b.Run(name+"/bytes", func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(s)))
				buf := make([]byte, 0, 8*len(s)+64)
				for b.Loop() {
					buf = appendStringBytes(buf[:0], s, ascii)
				}
			})
			b.Run(name+"/wtf8", func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(s)))
				buf := make([]byte, 0, 8*len(s)+64)
				for b.Loop() {
					buf = appendStringWTF8(buf[:0], in.text, ascii)
				}
			})
		}
	}
}
