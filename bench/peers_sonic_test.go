//go:build !nosonic

package bench

import (
	"io"

	"github.com/bytedance/sonic"
)

// sonicSorted is sonic with sorted map keys, as encoding/json and jsondump
// write maps, and nothing else changed from its defaults.
var sonicSorted = sonic.Config{SortMapKeys: true}.Froze()

// sonic v1.15 has its JIT encoder on amd64 and arm64 up to Go 1.27; elsewhere
// it quietly falls back to encoding/json (sonic.APIKind == sonic.UseStdJSON),
// which TestSonicIsNative reports. Build with -tags nosonic to leave it out.
func init() {
	addEncoders(
		encoder{name: "sonic", encode: func(_ []byte, v any) ([]byte, error) { return sonic.Marshal(v) }},
		encoder{name: "sonic-fastest", encode: func(_ []byte, v any) ([]byte, error) { return sonic.ConfigFastest.Marshal(v) }},
		encoder{name: "sonic-sorted", encode: func(_ []byte, v any) ([]byte, error) { return sonicSorted.Marshal(v) }},
		// sonic's Encoder encodes the whole value into a pooled buffer,
		// then writes it; sonicSorted does not escape HTML already.
		encoder{name: "sonic-sorted-Encode", stream: func(w io.Writer, v any) error {
			e := sonicSorted.NewEncoder(w)
			e.SetEscapeHTML(false)
			return e.Encode(v)
		}},
	)
}
