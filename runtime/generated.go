package jsondumprt

// Support for code written by jsondumpgen.

// GeneratedCodeVersion1 is referenced by every file jsondumpgen writes
// (`const _ = jsondumprt.GeneratedCodeVersion1`), protobuf's EnforceVersion
// idea: generated code that a newer runtime no longer supports fails to
// compile with a name that explains itself.
const GeneratedCodeVersion1 = true

// A PointerEncodable is *T for a type T that jsondumpgen generated.
//
// Why a second method: T's EncodeJSON has a value receiver so that both T and
// *T are Encodable (the method set of *T includes T's methods). Calling a
// value method through a nil *T panics before the method runs, and the copy
// it makes hides the pointer's identity from CheckCircular. So *T also has
// EncodeJSONPointer, with a pointer receiver: it writes null for a nil
// pointer and checks the pointer for cycles. T's method set does not include
// it, so a T value still goes through EncodeJSON.
type PointerEncodable interface {
	EncodeJSONPointer(e *Encoder)
}

// QuoteFrom implements the ,string struct tag option: the JSON text written
// since mark (a length of Buffered(), taken just before the value) is
// replaced by that text as a JSON string, escaped under the current
// EnsureASCII. A scalar is never flushed in the middle, so the text is all
// still in the buffer.
//
// Example: under ,string the int 7 is written "7", the string "x" is written
// "\"x\"", as encoding/json does; the inner text is Python-style (1.0).
func (e *Encoder) QuoteFrom(mark int) {
	if e.err != nil || mark > len(e.buf) {
		return
	}
	var tmp [64]byte
	text := append(tmp[:0], e.buf[mark:]...)
	e.buf = AppendStringBytes(e.buf[:mark], text, e.cfg.EnsureASCII)
}

// IsNilPointer reports whether v holds a nil pointer: the omitzero test of
// an interface field with an IsZero method, which encoding/json does not call
// on a nil pointer.
func IsNilPointer(v any) bool { return isNilPointer(v) }

// IsEmptyValue is omitempty's test (encoding/json's isEmptyValue) for a
// field whose type is a type parameter, which generated code cannot test by
// its kind: v is the field as an any, zero its type's zero value as an any.
// Booleans, numbers and strings are empty when zero, slices and maps when of
// length 0, pointers when nil, an interface type when nil; structs never,
// nor arrays (of length 0, the only empty ones, in the specialised code of
// an instantiation only).
func IsEmptyValue(v, zero any) bool {
	if zero == nil {
		// The type parameter is an interface type: empty when nil,
		// whatever the value inside.
		return v == nil
	}
	if v == nil {
		return true
	}
	switch k := kindOf(v); {
	case k >= kindBool && k <= kindFloat64, k == kindString:
		return v == zero
	case k == kindSlice, k == kindMap:
		return lenOf(v) == 0
	case k == kindPointer:
		return isNilPointer(v)
	}
	return false
}

// IsZeroValue is omitzero's test for a field whose type is a type
// parameter: v is the field as an any, zero its type's zero value as an
// any. An IsZero method decides when v has one (a nil pointer is zero
// without calling it), else v == zero; a type == cannot compare is zero
// when it is a nil slice, map or func (a struct or array holding such
// fields counts as not zero here).
func IsZeroValue(v, zero any) (isZero bool) {
	if zero == nil {
		// The type parameter is an interface type: zero when nil. (An
		// interface type that declares IsZero is tested the same way
		// here; the specialised code of an instantiation calls it.)
		return v == nil
	}
	if v == nil {
		return true
	}
	if z, ok := v.(interface{ IsZero() bool }); ok {
		return isNilPointer(v) || z.IsZero()
	}
	switch kindOf(v) {
	case kindSlice, kindMap, kindFunc:
		return isNilRef(v)
	}
	defer func() {
		if recover() != nil {
			isZero = false // a struct or array that == cannot compare
		}
	}()
	return v == zero
}

// IsZero reports whether v is its type's zero value by ==, the omitzero test
// for comparable types without an IsZero method. (encoding/json uses
// reflect.Value.IsZero, which differs only for -0.0 and NaN inside structs
// and arrays; floats themselves are tested by their bits in generated code.)
func IsZero[T comparable](v T) bool {
	var zero T
	return v == zero
}
