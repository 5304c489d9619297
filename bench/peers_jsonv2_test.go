//go:build goexperiment.jsonv2

package bench

import jsonv2 "encoding/json/v2"

// encoding/json/v2 exists only under GOEXPERIMENT=jsonv2 (Go 1.25 and 1.26).
// With the experiment on, encoding/json itself is implemented on top of v2,
// so its rows change too: run.sh runs the suite both ways.
func init() {
	addEncoders(
		encoder{name: "json-v2", encode: func(_ []byte, v any) ([]byte, error) { return jsonv2.Marshal(v) }},
	)
}
