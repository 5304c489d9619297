//go:build jsondump_noreflect

package jsondumprt

// Built with -tags jsondump_noreflect, the reflective path (reflect*.go)
// does not exist: a value that is neither generated nor one of Any's
// listed forms is a json.Marshaler or encoding.TextMarshaler, or Python's
// unknown object (the Default hook, else the TypeError "Object of type T
// is not JSON serializable").

// other writes v, none of Any's forms and not an Encodable of its own.
func (e *Encoder) other(v any) { e.marshalerOrUnknown(v) }

// reflectScratch is empty without the reflective path.
type reflectScratch struct{}

func (*reflectScratch) release() {}
