package jsondumprt

import (
	"strings"
	"testing"
)

// strShapeInputs are the texts of BenchmarkAppendStringShapes: the shapes of
// string that JSON documents hold, from short keys and ids (which the vector
// kernels must not slow down) to long prose and Japanese text (which they
// exist for). The Japanese tweet is written in the style of twitter.json's
// statuses: kana and kanji, full-width punctuation, ASCII mentions and
// newlines, a few emoji.
var strShapeInputs = []struct {
	name string
	text string
}{
	{"key5", "email"},
	{"esc10", "say \"hi\"\n"},
	{"ja-short", "東京"},
	{"key11", "screen_name"},
	{"id18", "505874924095815681"},
	{"date30", "Sun Aug 31 00:29:15 +0000 2014"},
	{"url48", "https://pbs.twimg.com/profile_images/4975/x.jpeg"},
	{"tweet100", `Just shipped the new release: faster builds, smaller binaries and a "quiet" mode. Try it today!`},
	{"ascii4k", strBenchRepeat("The quick brown fox jumps over the lazy dog, then rests under the old oak tree while the farmer's \"best\" dog keeps watch.\n", 4096)},
	{"mixed", "Crème brûlée at the café was délicieux 😋🍮 — we'll be back next week with the whole équipe! 👍 Naïve résumé: 10/10 ⭐"},
	{"ja-name", "前田あゆみ"},
	{"ja-tweet", "@tanaka_h おはようございます！\n今日は朝から雨で、駅まで歩くのが大変でした😂\n明日の会議の資料はもう送りましたか？\nよろしくお願いします✨ #月曜日"},
	{"cjk", "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。"},
	{"cjk4k", strBenchRepeat("吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。", 4096)},
}

// BenchmarkAppendStringShapes measures appendString on strShapeInputs with
// ensure_ascii on and off, into a reused buffer. Bytes per second count the
// input.
func BenchmarkAppendStringShapes(b *testing.B) {
	for _, in := range strShapeInputs {
		s := in.text
		for _, mode := range []struct {
			name  string
			ascii bool
		}{{"ascii", true}, {"utf8", false}} {
			b.Run(in.name+"/"+mode.name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(s)))
				buf := make([]byte, 0, 8*len(s)+64)
				for b.Loop() {
					buf = appendString(buf[:0], s, mode.ascii)
				}
			})
		}
	}
}

// BenchmarkAppendStringTwitter writes the strings of one twitter-like
// document, short and long, ASCII and Japanese, in the proportions of
// twitter.json's string values (about half of their bytes are in strings of
// 128 bytes or more, half of all bytes are Japanese, and most strings are
// under 16 bytes).
func BenchmarkAppendStringTwitter(b *testing.B) {
	var texts []string
	for _, in := range strShapeInputs {
		if strings.HasSuffix(in.name, "4k") {
			continue
		}
		texts = append(texts, in.text)
	}
	for _, mode := range []struct {
		name  string
		ascii bool
	}{{"ascii", true}, {"utf8", false}} {
		b.Run(mode.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for _, s := range texts {
				n += len(s)
			}
			b.SetBytes(int64(n))
			buf := make([]byte, 0, 16<<10)
			for b.Loop() {
				buf = buf[:0]
				for _, s := range texts {
					buf = appendString(buf, s, mode.ascii)
				}
			}
		})
	}
}
