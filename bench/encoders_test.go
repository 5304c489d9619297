package bench

import (
	"bytes"
	"encoding/json"
	"io"
	"unsafe"

	"github.com/jsondump/jsondump"
)

// An encoder is one library in one configuration, called one of two ways:
// encode returns the JSON text of v (it may append to dst[:0], a buffer
// reused across calls, or ignore it and allocate, as the library's usual
// API does); stream writes the text of v to w (a Dump or an Encoder's
// Encode). Exactly one of the two is set.
type encoder struct {
	name   string
	encode func(dst []byte, v any) ([]byte, error)
	stream func(w io.Writer, v any) error
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
	// allocs is, for jsondump's rows, the most allocations per call that
	// TestJsondumpAllocs accepts (-1: not checked; stream rows are not).
	allocs int
}

// encoders is every encoder compared, in the order the results show them.
// Files with build tags (peers_*_test.go) add theirs in init.
//
// Row names matter to cmd/benchreport: a peer's stream row ends in
// "-Encode" (it is compared with jsondump-Dump-compact, the other rows
// with jsondump-compact and jsondump-Dumps-compact).
var encoders = []encoder{
	{name: "jsondump-compact", encode: jsondumpAppend(compact...)},
	{name: "jsondump-default", encode: jsondumpAppend()},
	{name: "jsondump-indent4", encode: jsondumpAppend(jsondump.Indent(4))},
	{name: "jsondump-Dumps-compact", allocs: 1, encode: func(_ []byte, v any) ([]byte, error) {
		// The root function, given a pointer to the generated type: what a
		// caller writes who wants a string. It allocates the result once,
		// sized by the type's last output.
		s, err := jsondump.Dumps(v, compact...)
		// The string's bytes, not a copy, so that the benchmark measures
		// Dumps alone; callers only read them.
		return unsafe.Slice(unsafe.StringData(s), len(s)), err
	}},
	{name: "jsondump-Dumps", allocs: 1, encode: func(_ []byte, v any) ([]byte, error) {
		// The generated method, in Python's default mode.
		s, err := v.(jsondump.Dumper).Dumps()
		return unsafe.Slice(unsafe.StringData(s), len(s)), err
	}},
	{name: "jsondump-Dump-compact", allocs: -1, stream: func(w io.Writer, v any) error {
		return jsondump.Dump(w, v, compact...)
	}},
	{name: "jsondump-reflect", mirror: true, allocs: 1, encode: func(_ []byte, v any) ([]byte, error) {
		// Dumps of a value whose types have no generated code: the
		// reflective path, compact, as jsondump-compact.
		s, err := jsondump.Dumps(v, compact...)
		return unsafe.Slice(unsafe.StringData(s), len(s)), err
	}},
	{name: "encoding-json", encode: func(_ []byte, v any) ([]byte, error) { return json.Marshal(v) }},
	{name: "encoding-json-indent", encode: func(_ []byte, v any) ([]byte, error) { return json.MarshalIndent(v, "", "    ") }},
	// The peers' stream rows: a new Encoder on the writer for each value,
	// as jsondump.Dump takes the writer for each value; no HTML escaping,
	// as jsondump's compact mode. Encode ends the text with a newline.
	{name: "encoding-json-nohtml-Encode", stream: func(w io.Writer, v any) error {
		e := json.NewEncoder(w)
		e.SetEscapeHTML(false)
		return e.Encode(v)
	}},
}

// compact is the mode of jsondump-compact, jsondump-Dumps-compact,
// jsondump-Dump-compact and jsondump-reflect.
var compact = []jsondump.Option{jsondump.Separators(",", ":"), jsondump.EnsureASCII(false)}

// jsondumpAppend returns the encode function of the generated AppendDumps
// under opts. The options slice is built once, here, as a caller that
// encodes many values would.
func jsondumpAppend(opts ...jsondump.Option) func([]byte, any) ([]byte, error) {
	return func(dst []byte, v any) ([]byte, error) {
		return v.(jsondump.Dumper).AppendDumps(dst[:0], opts...)
	}
}

// output returns enc's text of v, for the tests: a stream row's as written
// to a bytes.Buffer.
func (enc encoder) output(v any) ([]byte, error) {
	if enc.stream != nil {
		var b bytes.Buffer
		err := enc.stream(&b, v)
		return b.Bytes(), err
	}
	return enc.encode(nil, v)
}

// addEncoders inserts more encoders, keeping jsondump's and encoding/json's
// first.
func addEncoders(more ...encoder) { encoders = append(encoders, more...) }
