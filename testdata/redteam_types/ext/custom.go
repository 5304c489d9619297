package ext

import jsondumprt "github.com/jsondump/jsondump/runtime"

// Custom is a generic type with hand-written encoding methods, which a
// field of another package uses as they are.
type Custom[T any] struct{ V T }

func (c Custom[T]) EncodeJSON(e *jsondumprt.Encoder) { e.String("custom") }

func (c *Custom[T]) EncodeJSONPointer(e *jsondumprt.Encoder) {
	if c == nil {
		e.Null()
		return
	}
	e.String("custom")
}
