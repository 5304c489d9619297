package jsondumprt

// Slices of scalars are the bulk of many documents (coordinates, ids,
// tags). Generated code writes a slice of a bool, integer, float or string
// kind with one of the Encode*s functions below instead of a loop of Elem
// calls: without an indent, the loop appends the item separator and the
// value and nothing else (about a fifth faster on a slice of ints). Each
// writes null for a nil slice, as Python's None, and [] for an empty one.
//
// The loops are written out in each function, as
//
//	for i, x := range s {
//		if i > 0 { <item separator>; <flush when due> }
//		<x>
//	}
//
// because a shared loop taking the element writer as a function value costs
// an indirect call per element, which is most of the gain.

// emptyArray writes null for a nil slice and [] for an empty one, the latter
// with begin's checks but one append.
func (e *Encoder) emptyArray(isNil bool) {
	switch {
	case isNil:
		e.Null()
	case e.err == nil && e.depth+e.hooks < e.cfg.MaxDepth:
		e.buf = append(e.buf, '[', ']')
	default:
		e.emptyArrayChecked()
	}
}

// beginScalars opens the array of a non-nil scalar slice and reports
// whether the elements go without indentation (the fast loop).
func (e *Encoder) beginScalars() (ok, flat bool) {
	if !e.BeginArray() {
		return false, false
	}
	return true, !e.cfg.Indented
}

// sep writes the item separator before element i > 0 of a flat loop.
func (e *Encoder) sep() {
	e.buf = append(e.buf, e.cfg.ItemSep...)
	if len(e.buf) >= e.flushAt {
		e.flush()
	}
}

// endScalars closes a scalar slice of n elements written by a flat loop
// (which does not keep first) or by Elem.
func (e *Encoder) endScalars(n int, flat bool) {
	if flat {
		e.first = n == 0
	}
	e.EndArray()
}

// EncodeInts writes a slice of a signed integer kind.
func EncodeInts[T Ints](e *Encoder, s []T) {
	if len(s) == 0 {
		e.emptyArray(s == nil)
		return
	}
	ok, flat := e.beginScalars()
	if !ok {
		return
	}
	for i, x := range s {
		if !flat {
			e.Elem()
		} else if i > 0 {
			e.sep()
		}
		e.buf = appendInt(e.buf, int64(x))
	}
	e.endScalars(len(s), flat)
}

// EncodeUints writes a slice of an unsigned integer kind. (A []byte is
// base64, EncodeBytes; this writes the elements of a [N]byte array.)
func EncodeUints[T Uints](e *Encoder, s []T) {
	if len(s) == 0 {
		e.emptyArray(s == nil)
		return
	}
	ok, flat := e.beginScalars()
	if !ok {
		return
	}
	for i, x := range s {
		if !flat {
			e.Elem()
		} else if i > 0 {
			e.sep()
		}
		e.buf = appendUint(e.buf, uint64(x))
	}
	e.endScalars(len(s), flat)
}

// EncodeFloat64s writes a slice of a float64 kind; a non-finite element
// under AllowNaN(false) stops it with Python's ValueError.
func EncodeFloat64s[T ~float64](e *Encoder, s []T) {
	if len(s) == 0 {
		e.emptyArray(s == nil)
		return
	}
	ok, flat := e.beginScalars()
	if !ok {
		return
	}
	for i, x := range s {
		if !flat {
			e.Elem()
		} else if i > 0 {
			e.sep()
		}
		f := float64(x)
		if !e.cfg.AllowNaN && !e.finite(f) {
			break
		}
		e.buf = appendFloat64(e.buf, f)
	}
	e.endScalars(len(s), flat)
}

// EncodeFloat32s writes a slice of a float32 kind; see EncodeFloat64s.
func EncodeFloat32s[T ~float32](e *Encoder, s []T) {
	if len(s) == 0 {
		e.emptyArray(s == nil)
		return
	}
	ok, flat := e.beginScalars()
	if !ok {
		return
	}
	for i, x := range s {
		if !flat {
			e.Elem()
		} else if i > 0 {
			e.sep()
		}
		f := float32(x)
		if !e.cfg.AllowNaN && !e.finite(float64(f)) {
			break
		}
		e.buf = appendFloat32(e.buf, f)
	}
	e.endScalars(len(s), flat)
}

// EncodeStrings writes a slice of a string kind.
func EncodeStrings[T ~string](e *Encoder, s []T) {
	if len(s) == 0 {
		e.emptyArray(s == nil)
		return
	}
	ok, flat := e.beginScalars()
	if !ok {
		return
	}
	for i, x := range s {
		if !flat {
			e.Elem()
		} else if i > 0 {
			e.sep()
		}
		e.buf = appendString(e.buf, string(x), e.cfg.EnsureASCII)
	}
	e.endScalars(len(s), flat)
}

// EncodeBools writes a slice of a bool kind.
func EncodeBools[T ~bool](e *Encoder, s []T) {
	if len(s) == 0 {
		e.emptyArray(s == nil)
		return
	}
	ok, flat := e.beginScalars()
	if !ok {
		return
	}
	for i, x := range s {
		if !flat {
			e.Elem()
		} else if i > 0 {
			e.sep()
		}
		e.Bool(bool(x))
	}
	e.endScalars(len(s), flat)
}
