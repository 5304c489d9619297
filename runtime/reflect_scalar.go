//go:build !jsondump_noreflect

package jsondumprt

import (
	"reflect"
	"sync/atomic"
	"unsafe"
)

// Scalars of the reflective path. A struct field or slice of a bool,
// number or string kind is written by a switch on its scalarOp rather than
// a call through a function value, which is most of the cost of such a
// field.

// A scalarOp says how a value of a scalar kind is read and written, or
// that its encoder must be called (opFunc).
type scalarOp uint8

const (
	opFunc scalarOp = iota // call the encoder
	opAny                  // an empty interface: e.Any
	opBool
	opString
	opInt
	opInt8
	opInt16
	opInt32
	opInt64
	opUint
	opUint8
	opUint16
	opUint32
	opUint64
	opUintptr
	opFloat32
	opFloat64
	opPtr   // a pointer to a scalar (lazyEnc.elem): null when nil
	opSlice // a slice of a scalar (lazyEnc.elem), in one loop
)

// isScalarOp reports whether op writes a bool, number or string.
func isScalarOp(op scalarOp) bool { return op >= opBool && op <= opFloat64 }

// scalarOpOf returns the op of a scalar kind.
func scalarOpOf(k reflect.Kind) scalarOp {
	switch k {
	case reflect.Bool:
		return opBool
	case reflect.String:
		return opString
	case reflect.Int:
		return opInt
	case reflect.Int8:
		return opInt8
	case reflect.Int16:
		return opInt16
	case reflect.Int32:
		return opInt32
	case reflect.Int64:
		return opInt64
	case reflect.Uint:
		return opUint
	case reflect.Uint8:
		return opUint8
	case reflect.Uint16:
		return opUint16
	case reflect.Uint32:
		return opUint32
	case reflect.Uint64:
		return opUint64
	case reflect.Uintptr:
		return opUintptr
	case reflect.Float32:
		return opFloat32
	case reflect.Float64:
		return opFloat64
	}
	return opFunc
}

// writeScalar writes the value at p by op (not opFunc).
func (e *Encoder) writeScalar(op scalarOp, p unsafe.Pointer) {
	switch op {
	case opAny:
		e.Any(*(*any)(p))
	case opBool:
		e.Bool(*(*bool)(p))
	case opString:
		e.buf = appendString(e.buf, *(*string)(p), e.cfg.EnsureASCII)
	case opInt:
		e.buf = appendInt(e.buf, int64(*(*int)(p)))
	case opInt8:
		e.buf = appendInt(e.buf, int64(*(*int8)(p)))
	case opInt16:
		e.buf = appendInt(e.buf, int64(*(*int16)(p)))
	case opInt32:
		e.buf = appendInt(e.buf, int64(*(*int32)(p)))
	case opInt64:
		e.buf = appendInt(e.buf, *(*int64)(p))
	case opUint:
		e.buf = appendUint(e.buf, uint64(*(*uint)(p)))
	case opUint8:
		e.buf = appendUint(e.buf, uint64(*(*uint8)(p)))
	case opUint16:
		e.buf = appendUint(e.buf, uint64(*(*uint16)(p)))
	case opUint32:
		e.buf = appendUint(e.buf, uint64(*(*uint32)(p)))
	case opUint64:
		e.buf = appendUint(e.buf, *(*uint64)(p))
	case opUintptr:
		e.buf = appendUint(e.buf, uint64(*(*uintptr)(p)))
	case opFloat32:
		e.Float32(*(*float32)(p))
	case opFloat64:
		e.Float64(*(*float64)(p))
	}
}

// scalarEnc returns the encoder of a scalar op, for where a function is
// needed (a map's values, a quoted field).
func scalarEnc(op scalarOp) encFunc {
	return func(e *Encoder, p unsafe.Pointer) { e.writeScalar(op, p) }
}

// scalarSlice returns the function that writes n elements of a scalar op
// at data in one loop, as generated code does with EncodeInts and the
// others; nil for ops that have none. A nil data with n == 0 is a nil
// slice (null).
func scalarSlice(op scalarOp) func(e *Encoder, data unsafe.Pointer, n int) {
	switch op {
	case opBool:
		return func(e *Encoder, data unsafe.Pointer, n int) { EncodeBools(e, unsafe.Slice((*bool)(data), n)) }
	case opString:
		return func(e *Encoder, data unsafe.Pointer, n int) { EncodeStrings(e, unsafe.Slice((*string)(data), n)) }
	case opInt:
		return func(e *Encoder, data unsafe.Pointer, n int) { EncodeInts(e, unsafe.Slice((*int)(data), n)) }
	case opInt8:
		return func(e *Encoder, data unsafe.Pointer, n int) { EncodeInts(e, unsafe.Slice((*int8)(data), n)) }
	case opInt16:
		return func(e *Encoder, data unsafe.Pointer, n int) { EncodeInts(e, unsafe.Slice((*int16)(data), n)) }
	case opInt32:
		return func(e *Encoder, data unsafe.Pointer, n int) { EncodeInts(e, unsafe.Slice((*int32)(data), n)) }
	case opInt64:
		return func(e *Encoder, data unsafe.Pointer, n int) { EncodeInts(e, unsafe.Slice((*int64)(data), n)) }
	case opUint:
		return func(e *Encoder, data unsafe.Pointer, n int) { EncodeUints(e, unsafe.Slice((*uint)(data), n)) }
	case opUint8:
		return func(e *Encoder, data unsafe.Pointer, n int) { EncodeUints(e, unsafe.Slice((*uint8)(data), n)) }
	case opUint16:
		return func(e *Encoder, data unsafe.Pointer, n int) { EncodeUints(e, unsafe.Slice((*uint16)(data), n)) }
	case opUint32:
		return func(e *Encoder, data unsafe.Pointer, n int) { EncodeUints(e, unsafe.Slice((*uint32)(data), n)) }
	case opUint64:
		return func(e *Encoder, data unsafe.Pointer, n int) { EncodeUints(e, unsafe.Slice((*uint64)(data), n)) }
	case opUintptr:
		return func(e *Encoder, data unsafe.Pointer, n int) { EncodeUints(e, unsafe.Slice((*uintptr)(data), n)) }
	case opFloat32:
		return func(e *Encoder, data unsafe.Pointer, n int) { EncodeFloat32s(e, unsafe.Slice((*float32)(data), n)) }
	case opFloat64:
		return func(e *Encoder, data unsafe.Pointer, n int) { EncodeFloat64s(e, unsafe.Slice((*float64)(data), n)) }
	}
	return nil
}

// writeScalars writes the slice at p, of elements of the scalar op elem,
// as scalarSlice's functions do, without a call through a function value:
// a struct field's slice of ints or strings is written by a direct call.
func (e *Encoder) writeScalars(elem scalarOp, p unsafe.Pointer) {
	switch elem {
	case opString:
		EncodeStrings(e, *(*[]string)(p))
	case opInt64:
		EncodeInts(e, *(*[]int64)(p))
	case opInt:
		EncodeInts(e, *(*[]int)(p))
	case opFloat64:
		EncodeFloat64s(e, *(*[]float64)(p))
	case opBool:
		EncodeBools(e, *(*[]bool)(p))
	default:
		h := *(*[]byte)(p) // any slice, read for its data pointer and length
		scalarSlice(elem)(e, unsafe.Pointer(unsafe.SliceData(h)), len(h))
	}
}

// ownMethod records whether a type's JSONDumpEncode method is its own (see
// encBuilder.encodable): unknown until the first call answers.
type ownMethod struct{ state atomic.Int32 }

const (
	ownUnknown int32 = iota
	ownYes
	ownNo
)
