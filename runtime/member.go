package jsondumprt

import "encoding/binary"

// Struct members: a struct field's key, precomputed once per field, and how
// a member starts with it.

// A FieldKey is a struct field's key, made once by NewFieldKey, with the
// member's whole opening text precomputed for the two layouts that need no
// indentation and are the most common: Python's default separators and the
// compact (",", ":"). Member writes such a key with one append.
type FieldKey struct {
	ascii, utf8 string // the quoted key, as key takes them
	// forms[keyForm + 1 if not the first member]: for keyForm 0, 2, 4, 6 =
	// compact ASCII, default ASCII, compact UTF-8, default UTF-8 (see
	// keyFormOf). The first member's form has no item separator.
	forms [8]string
	// words holds each form of up to 16 bytes as two little-endian words,
	// which Member stores with two moves instead of a call to memmove.
	words [8][2]uint64
}

// NewFieldKey returns the FieldKey of a quoted, escaped key: ascii as
// written under EnsureASCII(true), utf8 under EnsureASCII(false).
// Generated code makes one per field name, in package-level variables.
func NewFieldKey(ascii, utf8 string) FieldKey {
	k := FieldKey{ascii: ascii, utf8: utf8}
	for i, quoted := range [2]string{ascii, utf8} {
		for j, sep := range [2][2]string{{",", ":"}, {", ", ": "}} {
			at := 4*i + 2*j
			k.forms[at] = quoted + sep[1]
			k.forms[at+1] = sep[0] + quoted + sep[1]
		}
	}
	for i, f := range k.forms {
		if len(f) <= 16 {
			var b [16]byte
			copy(b[:], f)
			k.words[i] = [2]uint64{binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint64(b[8:])}
		}
	}
	return k
}

// bareFormOf returns the index in FieldKey.forms of a first member's form,
// the quoted key and the key separator alone, for the key separators that
// FieldKey precomputes (":" and ": "), or -1.
func bareFormOf(c *config) int {
	form := 0
	switch c.KeySep {
	case ":":
	case ": ":
		form = 2
	default:
		return -1
	}
	if !c.EnsureASCII {
		form += 4
	}
	return form
}

// keyFormOf returns the index of a config's layout in FieldKey.forms, or -1
// when members need the general path (an indent, other separators): the
// bare form of its key separator, when its item separator is the one
// FieldKey pairs with it ("," with ":", ", " with ": ").
func keyFormOf(c *config) int {
	form := bareFormOf(c)
	if c.Indented || form < 0 || c.ItemSep != [2]string{",", ", "}[form/2%2] {
		return -1
	}
	return form
}

// Member starts the next member of the innermost object with the key k: as
// Key, but under the common layouts with a single append.
func (e *Encoder) Member(k *FieldKey) {
	if e.keyForm < 0 {
		e.memberGeneral(k)
		return
	}
	form := e.keyForm
	if e.first {
		e.first = false
	} else {
		form++
		e.maybeFlush()
	}
	e.putForm(k, form)
}

// memberGeneral is Member for the layouts without a precomputed whole form
// (an indent, or other separators): the item separator and NL(depth) as Elem
// writes them, then the key and the key separator from FieldKey when it
// holds them (a key separator of ":" or ": ").
func (e *Encoder) memberGeneral(k *FieldKey) {
	if e.bareForm < 0 {
		e.key(k.ascii, k.utf8)
		return
	}
	e.Elem()
	e.putForm(k, e.bareForm)
}

// putForm appends k.forms[form], with two 8-byte stores when it fits in 16
// bytes and the buffer has room.
func (e *Encoder) putForm(k *FieldKey, form int) {
	f := k.forms[form]
	if l := len(e.buf); len(f) <= 16 && cap(e.buf)-l >= 16 {
		b := e.buf[l : l+16]
		binary.LittleEndian.PutUint64(b, k.words[form][0])
		binary.LittleEndian.PutUint64(b[8:], k.words[form][1])
		e.buf = e.buf[:l+len(f)]
		return
	}
	e.buf = append(e.buf, f...)
}
