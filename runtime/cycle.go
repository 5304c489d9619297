package jsondumprt

import "unsafe"

// CheckCircular follows CPython's markers (Lib/json/encoder.py,
// _make_iterencode): the identities of the containers on the path from the
// root are kept while they are open, and meeting one of them again is
// "Circular reference detected". A value reached twice on different paths is
// fine.
//
// A Go value's identity is where it lives: a map's pointer, a pointer's
// target, a slice's first element together with its length. The length
// matters: s = [1, s[:1]] is not cyclic although s and s[:1] start at the
// same element, while two slices with the same start and length have the
// same elements, so meeting one inside the other is a true cycle. The type
// name tells apart a struct and its first field, which share an address.
type seenEntry struct {
	p   unsafe.Pointer
	n   uintptr
	typ string
}

// enterIdentity pushes an identity, or records Python's ValueError and
// reports false when it is already open. Short paths are scanned; from
// seenScanMax open identities on, a set holds them all, so that a
// 10000-deep document costs linear, not quadratic, time.
func (e *Encoder) enterIdentity(p unsafe.Pointer, n uintptr, typ string) bool {
	id := seenEntry{p, n, typ}
	if len(e.seen) < seenScanMax {
		for i := range e.seen {
			if e.seen[i] == id {
				e.Fail(&ValueError{Msg: msgCircular})
				return false
			}
		}
	} else {
		if len(e.seenSet) == 0 {
			if e.seenSet == nil {
				e.seenSet = make(map[seenEntry]struct{})
			}
			for _, s := range e.seen {
				e.seenSet[s] = struct{}{}
			}
		}
		if _, ok := e.seenSet[id]; ok {
			e.Fail(&ValueError{Msg: msgCircular})
			return false
		}
		e.seenSet[id] = struct{}{}
	}
	e.seen = append(e.seen, id)
	return true
}

// seenScanMax is the number of open identities up to which enterIdentity
// scans them in order: real documents nest a few levels, where a scan beats
// hashing.
const seenScanMax = 32

// Leave closes what the last successful Enter* opened. Under
// CheckCircular(false) the Enter functions push nothing and Leave pops
// nothing.
func (e *Encoder) Leave() {
	if !e.cfg.CheckCircular {
		return
	}
	last := len(e.seen) - 1
	if len(e.seenSet) != 0 {
		if last < seenScanMax {
			clear(e.seenSet) // back to scanning; rebuilt when needed
		} else {
			delete(e.seenSet, e.seen[last])
		}
	}
	e.seen = e.seen[:last]
}

// EnterPointer opens p, a non-nil pointer to a value of the type named typ,
// for cycle detection. It reports false (having recorded the error) when p
// is already open; the caller then writes nothing for it and does not Leave.
// Under CheckCircular(false) it reports true and tracks nothing.
func EnterPointer[T any](e *Encoder, p *T, typ string) bool {
	if !e.cfg.CheckCircular {
		return true
	}
	return e.enterIdentity(unsafe.Pointer(p), 0, typ)
}

// EnterSlice opens a non-empty slice for cycle detection; see EnterPointer.
func EnterSlice[E any](e *Encoder, s []E, typ string) bool {
	if !e.cfg.CheckCircular {
		return true
	}
	return e.enterIdentity(unsafe.Pointer(unsafe.SliceData(s)), uintptr(len(s)), typ)
}

// EnterMap opens a non-nil map for cycle detection; see EnterPointer.
func EnterMap[K comparable, V any](e *Encoder, m map[K]V) bool {
	if !e.cfg.CheckCircular {
		return true
	}
	return e.enterIdentity(*(*unsafe.Pointer)(unsafe.Pointer(&m)), 0, "map")
}

// enterAny opens the value held by an interface, by its type and data
// words: Python marks an object handed to default() while its replacement is
// encoded, so a hook that returns its argument, or a list holding it, is a
// cycle.
func (e *Encoder) enterAny(v any) bool {
	if !e.cfg.CheckCircular {
		return true
	}
	w := (*[2]unsafe.Pointer)(unsafe.Pointer(&v))
	return e.enterIdentity(w[1], uintptr(w[0]), "any")
}

// isNilPointer reports whether v holds a nil pointer: its interface data
// word is nil and its dynamic type is a pointer type. The data word alone
// does not tell: Go stores a value one pointer wide in the word itself, so a
// struct or array whose only element is a nil pointer, or a nil map, has a
// nil word too, and encoding/json writes those as values (only a nil pointer
// is null for a Marshaler).
//
// The kind is read from the type descriptor that the interface's first word
// points to, whose first fields have kept this layout since Go 1.21
// (internal/abi.Type: Size_, PtrBytes, Hash, TFlag, Align_, FieldAlign_,
// Kind_). It is the one place the runtime looks at a type descriptor, instead
// of importing reflect; TestIsNilPointer checks the layout against every kind
// that can have a nil word.
func isNilPointer(v any) bool {
	w := (*[2]unsafe.Pointer)(unsafe.Pointer(&v))
	return w[1] == nil && w[0] != nil && (*typeHeader)(w[0]).kind&kindMask == kindPointer
}

// typeHeader is the start of internal/abi.Type.
type typeHeader struct {
	size, ptrBytes           uintptr
	hash                     uint32
	tflag, align, fieldAlign uint8
	kind                     uint8
}

// The kind bits of typeHeader.kind, as internal/abi.Kind and reflect.Kind
// number them.
const (
	kindMask    = 1<<5 - 1
	kindBool    = 1  // reflect.Bool; Int to Float64 follow it
	kindFloat64 = 14 // reflect.Float64
	kindFunc    = 19 // reflect.Func
	kindMap     = 21 // reflect.Map
	kindPointer = 22 // reflect.Pointer
	kindSlice   = 23 // reflect.Slice
	kindString  = 24 // reflect.String
)

// isNilRef reports whether v, a slice, map or func, is nil: a slice's
// header (which the data word points to) has a nil array pointer; a map or
// func is one pointer wide, the data word itself.
func isNilRef(v any) bool {
	w := (*[2]unsafe.Pointer)(unsafe.Pointer(&v))
	if kindOf(v) == kindSlice {
		return *(*unsafe.Pointer)(w[1]) == nil
	}
	return w[1] == nil
}

// kindOf returns the kind of v's dynamic type; v must not be nil.
func kindOf(v any) uint8 {
	w := (*[2]unsafe.Pointer)(unsafe.Pointer(&v))
	return (*typeHeader)(w[0]).kind & kindMask
}

// lenOf returns len(v) for a slice or a map v, the first word of the slice
// header or of the map's header (the element count, in the hash maps before
// Go 1.24 and the Swiss tables since; TestLenOf checks it).
func lenOf(v any) int {
	w := (*[2]unsafe.Pointer)(unsafe.Pointer(&v))
	switch kindOf(v) {
	case kindSlice:
		return (*struct {
			p   unsafe.Pointer
			len int
		})(w[1]).len
	case kindMap:
		if w[1] == nil {
			return 0
		}
		return *(*int)(w[1])
	}
	return -1
}
