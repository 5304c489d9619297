package bench

import (
	"encoding/json"
	"unsafe"

	"github.com/jsondump/jsondump"
)

// An encoder is one library in one configuration. encode returns the JSON
// text of v; it may append to dst[:0] (a buffer reused across calls) or
// ignore it and allocate, as the library's usual API does.
type encoder struct {
	name   string
	encode func(dst []byte, v any) ([]byte, error)
	// lossy is set for an encoder that rounds floats (json-iterator's
	// ConfigFastest writes six decimals): its output is a different value,
	// so cmd/benchreport leaves it out of the "fastest peer" (NOTE: keep in
	// sync with its lossy table), and TestEncodersAgree compares its floats
	// loosely.
	lossy bool
	// mirror is set for an encoder of jsondump's reflective path: it is
	// given the dataset's value in its Mirror types (*_mirror.go), which
	// have no generated code.
	mirror bool
}

// encoders is every encoder compared, in the order the results show them.
// Files with build tags (peers_*_test.go) add theirs in init.
var encoders = []encoder{
	{name: "jsondump-compact", encode: jsondumpAppend(compact...)},
	{name: "jsondump-default", encode: jsondumpAppend()},
	{name: "jsondump-indent4", encode: jsondumpAppend(jsondump.Indent(4))},
	{name: "jsondump-Dumps", encode: func(_ []byte, v any) ([]byte, error) {
		s, err := v.(jsondump.Dumper).Dumps()
		// The string's bytes, not a copy, so that the benchmark measures
		// Dumps alone; callers only read them.
		return unsafe.Slice(unsafe.StringData(s), len(s)), err
	}},
	{name: "jsondump-reflect", mirror: true, encode: func(_ []byte, v any) ([]byte, error) {
		// Dumps of a value whose types have no generated code: the
		// reflective path, compact, as jsondump-compact.
		s, err := jsondump.Dumps(v, compact...)
		return unsafe.Slice(unsafe.StringData(s), len(s)), err
	}},
	{name: "encoding-json", encode: func(_ []byte, v any) ([]byte, error) { return json.Marshal(v) }},
	{name: "encoding-json-indent", encode: func(_ []byte, v any) ([]byte, error) { return json.MarshalIndent(v, "", "    ") }},
}

// compact is the mode of jsondump-compact and jsondump-reflect.
var compact = []jsondump.Option{jsondump.Separators(",", ":"), jsondump.EnsureASCII(false)}

// jsondumpAppend returns the encode function of the generated AppendDumps
// under opts. The options slice is built once, here, as a caller that
// encodes many values would.
func jsondumpAppend(opts ...jsondump.Option) func([]byte, any) ([]byte, error) {
	return func(dst []byte, v any) ([]byte, error) {
		return v.(jsondump.Dumper).AppendDumps(dst[:0], opts...)
	}
}

// addEncoders inserts more encoders, keeping jsondump's and encoding/json's
// first.
func addEncoders(more ...encoder) { encoders = append(encoders, more...) }
