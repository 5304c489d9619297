// Package dict holds fields of type jsondump.Dict, Python dicts in
// insertion order, in every place a field's value can be: directly, by
// pointer, in a slice and a map, through the runtime's name for it, and in
// an interface.
package dict

import (
	"github.com/jsondump/jsondump"
	jsondumprt "github.com/jsondump/jsondump/runtime"
)

// Webhook is a payload whose metadata keeps the order it was built in, as a
// Python service that signs json.dumps of it builds it.
type Webhook struct {
	ID      string                   `json:"id"`
	Meta    jsondump.Dict            `json:"meta"`
	Extra   jsondump.Dict            `json:"extra,omitempty"`
	None    jsondump.Dict            `json:"none"`
	Ptr     *jsondump.Dict           `json:"ptr"`
	Pages   []jsondump.Dict          `json:"pages"`
	ByName  map[string]jsondump.Dict `json:"by_name"`
	Runtime jsondumprt.Dict          `json:"runtime"`
	Any     any                      `json:"any"`
	Pairs   []jsondump.Item          `json:"pairs"` // a list of items, not a dict
	Next    *Webhook                 `json:"next"`
}
