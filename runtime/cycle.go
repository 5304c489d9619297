package jsondumprt

import (
	"reflect"
	"unsafe"
)

// CheckCircular follows CPython's markers (Lib/json/encoder.py,
// _make_iterencode): the identities of the containers on the path from the
// root are kept while they are open, and meeting one of them again is
// "Circular reference detected". A value reached twice on different paths is
// fine.
//
// A Go value's identity is where it lives together with its type: a
// pointer's target, a map's table, a slice's first element and its length.
// The length matters: s = [1, s[:1]] is not cyclic although s and s[:1] start
// at the same element, while two slices with the same start and length have
// the same elements, so meeting one inside the other is a true cycle. The type
// tells apart a struct and its first field, which share an address.
//
// The type is held as a nil pointer of the identity's pointer type,
// any((*T)(nil)): it costs no allocation, compares by the type alone, and is
// the same whichever path writes the value (the root method, generated code
// of any instantiation of a generic type, the reflective path), so a cycle is
// caught at the first repeated level whichever way it was reached.
type seenEntry struct {
	p   unsafe.Pointer
	n   uintptr
	typ any
}

// enterIdentity pushes an identity, or records Python's ValueError and
// reports false when it is already open. Short paths are scanned; from
// seenScanMax open identities on, a set holds them all, so that a
// 10000-deep document costs linear, not quadratic, time.
func (e *Encoder) enterIdentity(id seenEntry) bool {
	if len(e.seen) < seenScanMax {
		for i := range e.seen {
			if e.seen[i] == id {
				e.fail(errCircular())
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
			e.fail(errCircular())
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
// nothing. The entry popped is cleared, so that a pooled Encoder keeps no
// pointer to the caller's values.
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
	e.seen[last] = seenEntry{}
	e.seen = e.seen[:last]
}

// EnterPointer opens p, a non-nil pointer, for cycle detection. It reports
// false (having recorded the error) when p is already open; the caller then
// writes nothing for it and does not Leave. Under CheckCircular(false) it
// reports true and tracks nothing.
func EnterPointer[T any](e *Encoder, p *T) bool {
	if !e.cfg.CheckCircular {
		return true
	}
	return e.enterIdentity(seenEntry{unsafe.Pointer(p), 0, (*T)(nil)})
}

// EnterSlice opens a non-empty slice for cycle detection; see EnterPointer.
func EnterSlice[E any](e *Encoder, s []E) bool {
	if !e.cfg.CheckCircular {
		return true
	}
	return e.enterIdentity(seenEntry{unsafe.Pointer(unsafe.SliceData(s)), uintptr(len(s)), (*[]E)(nil)})
}

// EnterMap opens a non-nil map for cycle detection; see EnterPointer. A
// map's identity is its table, the pointer reflect.Value.UnsafePointer
// gives for a map.
func EnterMap[K comparable, V any](e *Encoder, m map[K]V) bool {
	if !e.cfg.CheckCircular {
		return true
	}
	return e.enterIdentity(seenEntry{reflect.ValueOf(m).UnsafePointer(), 0, (*map[K]V)(nil)})
}

// enterAny opens v, a value that has no JSON form, while the Default hook's
// replacement for it is written: Python marks an object handed to default()
// until its replacement is encoded, so a hook that returns its argument, or
// a list holding it, is a cycle. See anyIdentity for what identifies v.
func (e *Encoder) enterAny(v any) bool {
	if !e.cfg.CheckCircular {
		return true
	}
	id, ok := anyIdentity(v)
	if !ok {
		// Nothing identifies v: it is not tracked, and a hook that keeps
		// returning it runs into the depth limit instead.
		e.seen = append(e.seen, seenEntry{})
		return true
	}
	return e.enterIdentity(id)
}

// anyIdentity returns the identity of the value an interface holds, for the
// Default hook's cycle check, by asking reflect (a cold path: the hook is
// being called). A pointer, map, channel, func or unsafe.Pointer is
// identified by where it points, a slice by its elements and length, each
// with its type. A
// Go value of any other kind has no identity of its own: an interface holds
// a copy. Python's object identity is approached by equality there: two
// equal comparable values are the same object, so a hook that returns its
// argument is a cycle, as in Python. A value == cannot compare (a struct
// holding a slice) is not identified.
func anyIdentity(v any) (seenEntry, bool) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Chan, reflect.UnsafePointer, reflect.Func:
		// A func by its code: two closures of one function literal are
		// one object here, which only a hook that returns another
		// closure of the same literal could tell.
		return seenEntry{rv.UnsafePointer(), 0, reflect.Zero(reflect.PointerTo(rv.Type())).Interface()}, true
	case reflect.Slice:
		return seenEntry{rv.UnsafePointer(), uintptr(rv.Len()), reflect.Zero(reflect.PointerTo(rv.Type())).Interface()}, true
	case reflect.Invalid:
		return seenEntry{}, false
	}
	if !rv.Comparable() {
		return seenEntry{}, false
	}
	return seenEntry{typ: v}, true
}
