package jsondump_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/jsondump/jsondump"
	"github.com/jsondump/jsondump/internal/testmod"
)

// loadTwitter decodes shared/jsondata/twitter.json (testmod.SharedDir) into map[string]any
// (numbers as float64, as encoding/json gives them).
func loadTwitter(b *testing.B) any {
	b.Helper()
	data, err := os.ReadFile(filepath.Join(testmod.SharedDir(b), "jsondata", "twitter.json"))
	if err != nil {
		b.Skipf("benchmark data missing: %v", err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		b.Fatal(err)
	}
	return v
}

func BenchmarkDumpsTwitter(b *testing.B) {
	v := loadTwitter(b)
	out, err := jsondump.Dumps(v)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("AppendDumps", func(b *testing.B) {
		buf := make([]byte, 0, 2*len(out))
		b.SetBytes(int64(len(out)))
		b.ReportAllocs()
		for b.Loop() {
			buf, err = jsondump.AppendDumps(buf[:0], v)
			if err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Dumps", func(b *testing.B) {
		b.SetBytes(int64(len(out)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := jsondump.Dumps(v); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Dumps/indent=2,sort_keys", func(b *testing.B) {
		s, _ := jsondump.Dumps(v, jsondump.Indent(2), jsondump.SortKeys(true))
		b.SetBytes(int64(len(s)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := jsondump.Dumps(v, jsondump.Indent(2), jsondump.SortKeys(true)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json.Marshal", func(b *testing.B) {
		m, err := json.Marshal(v)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(m)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := json.Marshal(v); err != nil {
				b.Fatal(err)
			}
		}
	})
}
