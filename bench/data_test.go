package bench

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/jsondump/jsondump/internal/testmod"
)

// A dataset is one JSON file and the Go type that mirrors it.
type dataset struct {
	name   string     // the benchmark's data= key
	path   string     // the JSON file
	new    func() any // returns a pointer to a new value of the mirroring type
	mirror func() any // the same for its Mirror type, which has no generated code (*_mirror.go)
}

// dataDir is where twitter.json, citm_catalog.json and canada.json live:
// jsondata in the project's shared/ folder (testmod.SharedDir: beside the
// repository, as CI lays it out). The environment variable
// JSONDUMP_BENCH_DATA overrides it.
func dataDir(tb testing.TB) string {
	if d := os.Getenv("JSONDUMP_BENCH_DATA"); d != "" {
		return d
	}
	return filepath.Join(testmod.SharedDir(tb), "jsondata")
}

// datasets lists the inputs in the order the results show them.
func datasets(tb testing.TB) []dataset {
	shared := dataDir(tb)
	return []dataset{
		{"twitter", filepath.Join(shared, "twitter.json"), func() any { return new(Twitter) }, func() any { return new(MirrorTwitter) }},
		{"citm_catalog", filepath.Join(shared, "citm_catalog.json"), func() any { return new(CITMCatalog) }, func() any { return new(MirrorCITMCatalog) }},
		{"canada", filepath.Join(shared, "canada.json"), func() any { return new(Canada) }, func() any { return new(MirrorCanada) }},
		{"small", filepath.Join("testdata", "small.json"), func() any { return new(Small) }, func() any { return new(MirrorSmall) }},
		{"medium", filepath.Join("testdata", "medium.json"), func() any { return new(Medium) }, func() any { return new(MirrorMedium) }},
	}
}

// load reads d's file and decodes it into a new value of d's type with
// encoding/json, failing on a field of the file that the type lacks. A
// missing file skips tb, except under CI=true, where the files must be there.
func (d dataset) load(tb testing.TB) (v any, raw []byte) {
	tb.Helper()
	raw, err := os.ReadFile(d.path)
	if err != nil {
		if os.IsNotExist(err) && os.Getenv("CI") != "true" {
			tb.Skipf("%s: %v (set JSONDUMP_BENCH_DATA to the folder of the nativejson-benchmark files)", d.name, err)
		}
		tb.Fatal(err)
	}
	return decode(tb, d.path, raw, d.new()), raw
}

// loadMirror is load for d's Mirror type: the same value, in types that
// have no generated code.
func (d dataset) loadMirror(tb testing.TB) any {
	tb.Helper()
	_, raw := d.load(tb)
	return decode(tb, d.path, raw, d.mirror())
}

// decode decodes raw, the file path, into v, failing on a field of the
// file that v's type lacks.
func decode(tb testing.TB, path string, raw []byte, v any) any {
	tb.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		tb.Fatalf("decoding %s: %v", path, err)
	}
	return v
}

// valueFor returns the value enc encodes: v, or, for an encoder of the
// reflective path, mirror (the same value in the Mirror types).
func valueFor(enc encoder, v, mirror any) any {
	if enc.mirror {
		return mirror
	}
	return v
}
