package jsondumprt

import "reflect"

// Support for code written by jsondumpgen: the one method it gives each
// type, the Encoder's side of calling it, and the tests of omitempty and
// omitzero that generated code cannot spell itself.

// GeneratedCodeVersion2 is referenced by every file jsondumpgen writes
// (`const _ = jsondumprt.GeneratedCodeVersion2`), protobuf's EnforceVersion
// idea: generated code that a newer runtime no longer supports fails to
// compile with a name that explains itself. Version 2 has one plumbing
// method, JSONDumpEncode, where version 1 had three.
const GeneratedCodeVersion2 = true

// An Encodable is a type with generated (or hand-written) encoding. The
// dynamic path writes a value held in an any through it, without
// reflection: jsondumpgen gives every type T it writes
//
//	func (T) JSONDumpEncode(e *jsondumprt.Encoder, x any) bool
//
// with a value receiver that it never reads, so that T and *T both have the
// method and Go's wrapper for *T copies nothing. (A type holding a lock gets
// a pointer receiver instead, which go vet requires; its T values are then
// not Encodable.) x is the value itself, as the any held it, or as generated
// code of another package passes it:
//
//   - *T: the pointer's target, addressable: a nil pointer is null, the
//     pointer is checked for cycles, and pointer-receiver MarshalJSON and
//     MarshalText methods of its fields count, as in encoding/json;
//   - T: a copy, not addressable: those pointer methods do not count;
//   - anything else: x is a value of a type that embeds T, to which Go
//     promoted the method. JSONDumpEncode reports false, having written
//     nothing, and the caller writes x as its own type.
//
// Before it writes anything, JSONDumpEncode calls e.Claim (see Claim).
type Encodable interface {
	JSONDumpEncode(e *Encoder, x any) bool
}

// A Value is how code generated for one package passes a value of another
// package's generated type that is not addressable (a map value): its
// JSONDumpEncode writes *P as a T held in an any, where pointer-receiver
// MarshalJSON and MarshalText methods of its fields do not count, as
// encoding/json writes it. A pointer in a one-field struct is stored in the
// any itself, so passing a Value costs no allocation.
type Value[T any] struct{ P *T }

// CopyValue returns a copy, on the heap, of the T that x holds, or nil when
// x holds no T. Generated code writes a T value held in an any through a
// pointer to a copy of it; for a T of more than 1 KiB, or of a generic
// type, it copies through CopyValue, so that its stack frame holds no T at
// each level of nesting (a Go assertion v, ok := x.(T) copies T onto the
// stack first; here the test discards the value, and the assignment copies
// from the interface's data straight into the new T). It is not inlined, so
// that the copy stays on the heap: inlined, the T would not escape the
// caller, which would hold it in its frame again.
//
//go:noinline
func CopyValue[T any](x any) *T {
	if _, ok := x.(T); !ok {
		return nil
	}
	p := new(T)
	*p = x.(T)
	return p
}

// Claim tells the Encoder that a JSONDumpEncode method was entered and
// claimed x as its own: generated code calls it first thing in each case of
// its type switch. Calling the method through a nil *T panics in Go's
// wrapper, before the method runs (as does calling a promoted method
// through a nil embedded pointer); the Encoder recovers from exactly that
// panic, and only while no method claimed the call, so a panic of the
// caller's own code deeper in the value is never swallowed. A hand-written
// Encodable must call Claim too.
func (e *Encoder) Claim() { e.calling = false }

// ClaimSized is Claim for a value of a type with a SizeHint (a -type):
// when the value is the root of a jsondump.Dumps call, the result is sized
// from that type's last output, as the type's own Dumps method sizes it.
func (e *Encoder) ClaimSized(h *SizeHint) {
	e.calling = false
	e.takeHint(h)
}

// encodable writes v, which holds the Encodable d.
func (e *Encoder) encodable(d Encodable, v any) {
	e.calling = true
	defer e.afterEncodable(v)
	if !d.JSONDumpEncode(e, v) {
		e.calling = false
		e.notOwn(v)
	}
}

// afterEncodable ends encodable: when the method never claimed the call and
// Go's wrapper panicked, v is a nil pointer, written as null, or a value
// whose promoted method was reached through a nil embedded pointer, written
// as a value of its own type.
func (e *Encoder) afterEncodable(v any) {
	if !e.calling {
		return
	}
	e.calling = false
	if recover() == nil {
		return // a hand-written Encodable that did not call Claim
	}
	if isNilPointer(v) {
		e.Null()
		return
	}
	e.notOwn(v)
}

// notOwn writes v, which has an Encodable's method only because Go
// promoted it from a type v embeds: as any other value of v's type.
func (e *Encoder) notOwn(v any) {
	if e.err == nil {
		e.other(v)
	}
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
	// The text moves aside to the Encoder's scratch, kept across calls,
	// so that a long value costs no allocation.
	e.tmp = append(e.tmp[:0], e.buf[mark:]...)
	e.buf = appendStringBytes(e.buf[:mark], e.tmp, e.cfg.EnsureASCII)
}

// IsNilPointer reports whether v holds a nil pointer: the omitzero test of
// an interface field with an IsZero method, which encoding/json does not call
// on a nil pointer.
func IsNilPointer(v any) bool { return isNilPointer(v) }

// IsEmptyValue is omitempty's test (encoding/json's isEmptyValue) for a
// field whose type is a type parameter, which generated code cannot test by
// its kind: v is the field as an any, zero its type's zero value as an any
// (nil when the type parameter is an interface type, whose field is then
// empty when nil, whatever it holds). Booleans, numbers and strings are
// empty when zero, arrays, slices, maps and strings when of length 0,
// pointers and interfaces when nil; structs never.
func IsEmptyValue(v, zero any) bool {
	if zero == nil || v == nil {
		return v == nil
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return rv.Len() == 0
	case reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Pointer:
		return rv.IsZero()
	}
	return false
}

// IsZeroValue is omitzero's test for a field whose type is a type
// parameter: v is the field as an any, zero its type's zero value as an
// any. An IsZero method decides when v has one (a nil pointer is zero
// without calling it), else reflect.Value.IsZero, as encoding/json decides.
func IsZeroValue(v, zero any) bool {
	if zero == nil || v == nil {
		// The type parameter is an interface type: zero when nil. (An
		// interface type that declares IsZero is tested the same way
		// here; the specialised code of an instantiation calls it.)
		return v == nil
	}
	if z, ok := v.(interface{ IsZero() bool }); ok {
		return isNilPointer(v) || z.IsZero()
	}
	return reflect.ValueOf(v).IsZero()
}

// IsZero reports whether *p is its type's zero value by ==, the omitzero
// test for comparable types without an IsZero method: the answer of
// reflect.Value.IsZero, which encoding/json asks, for such types since Go
// 1.22 (-0.0 is zero, NaN is not). It takes a pointer so that a value
// holding a lock is not copied (go vet).
func IsZero[T comparable](p *T) bool {
	var zero T
	return *p == zero
}

// isNilPointer reports whether v holds a nil pointer: a question reflect
// answers on the cold paths that ask it (a Marshaler or a map key that may
// be a nil pointer, a generated method's wrapper that panicked, omitzero on
// an interface field).
func isNilPointer(v any) bool {
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}
