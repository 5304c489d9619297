package ext

import jsondumprt "github.com/jsondump/jsondump/runtime"

// Custom is a generic type with a hand-written encoding method, which a
// field of another package uses as it is.
type Custom[T any] struct{ V T }

// JSONDumpEncode writes every Custom as "custom", and a nil *Custom as null.
func (Custom[T]) JSONDumpEncode(e *jsondumprt.Encoder, x any) bool {
	switch p := x.(type) {
	case *Custom[T]:
		e.Claim()
		if p == nil {
			e.Null()
			return true
		}
	case Custom[T], jsondumprt.Value[Custom[T]]:
		e.Claim()
	default:
		return false
	}
	e.String("custom")
	return true
}
