package bench

import (
	"io"

	gojson "github.com/goccy/go-json"
	jsoniter "github.com/json-iterator/go"
	"github.com/mailru/easyjson"
	"github.com/mailru/easyjson/jwriter"
	segjson "github.com/segmentio/encoding/json"
)

// The peers that build everywhere. Each is called the way its documentation
// suggests for speed; where a library can append into a caller's buffer, it
// gets the reused buffer, as jsondump does.
func init() {
	addEncoders(
		// easyjson: the code generated from our types (*_easyjson.go, with
		// -no_std_marshalers so that no other library picks it up through
		// MarshalJSON), writing into a jwriter.Writer whose pooled chunks are
		// copied out into the reused buffer.
		encoder{name: "easyjson", encode: func(dst []byte, v any) ([]byte, error) {
			var w jwriter.Writer
			v.(easyjson.Marshaler).MarshalEasyJSON(&w)
			return w.BuildBytes(dst[:0])
		}},
		encoder{name: "goccy", encode: func(_ []byte, v any) ([]byte, error) { return gojson.Marshal(v) }},
		encoder{name: "goccy-nohtml", encode: func(_ []byte, v any) ([]byte, error) {
			return gojson.MarshalWithOption(v, gojson.DisableHTMLEscape())
		}},
		encoder{name: "jsoniter-std", encode: func(_ []byte, v any) ([]byte, error) {
			return jsoniter.ConfigCompatibleWithStandardLibrary.Marshal(v)
		}},
		// ConfigFastest rounds floats to six decimals (its documented
		// MarshalFloatWith6Digits): lossy.
		encoder{name: "jsoniter-fastest", lossy: true, encode: func(_ []byte, v any) ([]byte, error) {
			return jsoniter.ConfigFastest.Marshal(v)
		}},
		encoder{name: "segmentio", encode: func(_ []byte, v any) ([]byte, error) { return segjson.Marshal(v) }},
		// segmentio's Append with no flags: no HTML escaping, map keys
		// unsorted, into the reused buffer: its fastest form.
		encoder{name: "segmentio-append", encode: func(dst []byte, v any) ([]byte, error) {
			return segjson.Append(dst[:0], v, 0)
		}},
		// Stream rows: a new Encoder for each value, HTML escaping off (see
		// encoding-json-nohtml-Encode).
		encoder{name: "goccy-nohtml-Encode", stream: func(w io.Writer, v any) error {
			e := gojson.NewEncoder(w)
			e.SetEscapeHTML(false)
			return e.Encode(v)
		}},
		encoder{name: "segmentio-nohtml-Encode", stream: func(w io.Writer, v any) error {
			e := segjson.NewEncoder(w)
			e.SetEscapeHTML(false)
			return e.Encode(v)
		}},
	)
}
