//go:build !jsondump_noreflect

package jsondumprt

import (
	"cmp"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"unicode"
	"unsafe"
)

// Structs of the reflective path: encoding/json's field rules
// (encode.go, typeFields), reimplemented as the generator implements them
// on go/types (generator/plan_fields.go, structFields), and the encoder of
// a struct type built from them.

// An rfieldInfo is one JSON member of a struct type, chosen by the
// dominant-field rules, before its encoder is built.
type rfieldInfo struct {
	name      string
	tagged    bool  // the name came from a tag
	index     []int // field indexes from the outer struct
	typ       reflect.Type
	ptrs      []uintptr // offsets of the embedded pointers to follow, from the struct or the last target
	off       uintptr   // offset of the field from the struct, or from the last pointer's target
	throughP  bool      // reached through an embedded pointer: addressable whatever the struct is
	quoted    bool      // ,string, where it applies
	omitEmpty bool
	omitZero  bool
}

// fields returns the JSON members of the struct type t in declaration
// order, by encoding/json's rules:
//
//   - unexported fields are left out, except embedded structs, whose
//     exported fields are promoted;
//   - json:"-" leaves a field out; json:"-," names it "-";
//   - an embedded struct without a tag name is walked breadth first, depth
//     by depth, each struct type once;
//   - among fields of one name the shallowest wins, then a tagged one; a tie
//     removes them all (Go's dominance rule, as for selectors);
//   - a struct type embedded twice at one depth cancels its fields.
//
// NOTE: keep in sync with generator/plan_fields.go (planner.structFields).
func (b *encBuilder) fields(t reflect.Type) []*rfieldInfo {
	if fs, ok := b.fieldsOf[t]; ok {
		return fs
	}
	type embedded struct {
		st    reflect.Type
		index []int
	}
	var fields []*rfieldInfo
	next := []embedded{{st: t}}
	var count, nextCount map[reflect.Type]int
	visited := map[reflect.Type]bool{}
	for len(next) > 0 {
		current := next
		next = nil
		count, nextCount = nextCount, map[reflect.Type]int{}
		for _, f := range current {
			if f.index != nil {
				if visited[f.st] {
					continue
				}
				visited[f.st] = true
			}
			for i := range f.st.NumField() {
				sf := f.st.Field(i)
				ft := sf.Type
				if ft.Kind() == reflect.Pointer && ft.Name() == "" {
					ft = ft.Elem()
				}
				if sf.Anonymous {
					if !sf.IsExported() && ft.Kind() != reflect.Struct {
						continue
					}
				} else if !sf.IsExported() {
					continue
				}
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if !validTagName(name) {
					name = ""
				}
				index := append(slices.Clone(f.index), i)
				if name != "" || !sf.Anonymous || ft.Kind() != reflect.Struct {
					c := &rfieldInfo{
						name: name, tagged: name != "", index: index, typ: sf.Type,
						quoted:    hasOpt(opts, "string") && quotable(sf.Type),
						omitEmpty: hasOpt(opts, "omitempty"),
						omitZero:  hasOpt(opts, "omitzero"),
					}
					if c.name == "" {
						c.name = sf.Name
					}
					fields = append(fields, c)
					if count[f.st] > 1 {
						// Embedded twice at this depth: a duplicate makes
						// the dominance rule drop both.
						fields = append(fields, fields[len(fields)-1])
					}
					continue
				}
				nextCount[ft]++
				if nextCount[ft] == 1 {
					next = append(next, embedded{st: ft, index: index})
				}
			}
		}
	}

	// By name, then depth, then tagged first, then index order.
	slices.SortFunc(fields, func(a, b *rfieldInfo) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		if c := cmp.Compare(len(a.index), len(b.index)); c != 0 {
			return c
		}
		if a.tagged != b.tagged {
			if a.tagged {
				return -1
			}
			return 1
		}
		return slices.Compare(a.index, b.index)
	})
	var out []*rfieldInfo
	for i := 0; i < len(fields); {
		j := i + 1
		for j < len(fields) && fields[j].name == fields[i].name {
			j++
		}
		group := fields[i:j]
		if len(group) == 1 || len(group[0].index) != len(group[1].index) || group[0].tagged != group[1].tagged {
			out = append(out, group[0])
		}
		i = j
	}
	slices.SortFunc(out, func(a, b *rfieldInfo) int { return slices.Compare(a.index, b.index) })
	for _, f := range out {
		f.locate(t)
	}
	b.fieldsOf[t] = out
	return out
}

// locate sets where f is found from a struct of type t: its offset, after
// the embedded pointers on its path.
func (f *rfieldInfo) locate(t reflect.Type) {
	cur := t
	var off uintptr
	for k, i := range f.index {
		sf := cur.Field(i)
		off += sf.Offset
		if k == len(f.index)-1 {
			break
		}
		cur = sf.Type
		if cur.Kind() == reflect.Pointer {
			f.ptrs = append(f.ptrs, off)
			f.throughP = true
			off = 0
			cur = cur.Elem()
		}
	}
	f.off = off
}

// hasOpt reports whether the comma-separated tag options hold name.
func hasOpt(opts, name string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == name {
			return true
		}
	}
	return false
}

// quotable reports whether ,string applies to a field of type t: bool,
// numbers and strings, or an unnamed pointer to one (encoding/json).
func quotable(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer && t.Name() == "" {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Bool, reflect.String,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// validTagName is encoding/json's isValidTag: letters, digits and the
// punctuation below; any other name is ignored and the Go name used.
func validTagName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

// An rfield is one member of a struct encoder.
type rfield struct {
	key    *FieldKey // apart, so that the fields the loop reads stay close together
	ptrs   []uintptr
	off    uintptr
	op     scalarOp // how the value is written: a scalar, a pointer to one (elem), or enc
	elem   scalarOp // opPtr: the pointer's target
	omitOp omitOp   // how omitempty and omitzero test the field, or omit
	enc    encFunc
	omit   func(p unsafe.Pointer) bool // omitOp omitFunc: reports whether the member is left out
	index  int                         // in declaration order, to share the sorted order's omit tests
}

// An omitOp says how a member is tested for omitempty and omitzero: the
// common tests inline, the others by a function.
type omitOp uint8

const (
	omitNever       omitOp = iota
	omitFunc               // rfield.omit
	omitNilWord            // a pointer is nil
	omitEmptySlice         // a slice is empty
	omitEmptyString        // a string is empty
	omitFalse              // a bool is false
)

// structEnc makes the encoder of a struct type: its members in declaration
// order, or by name under SortKeys when that order differs.
//
// NOTE: keep in sync with generator/emit_struct.go (emitStruct, emitField).
func (b *encBuilder) structEnc(t reflect.Type, addr bool) encFunc {
	infos := b.fields(t)
	fields := make([]rfield, len(infos))
	for i, fi := range infos {
		f := &fields[i]
		k := NewFieldKey(string(appendString(nil, fi.name, true)), string(appendString(nil, fi.name, false)))
		f.key = &k
		f.ptrs, f.off, f.index = fi.ptrs, fi.off, i
		faddr := addr || fi.throughP
		if fi.quoted {
			f.enc, f.op = b.quoted(fi.typ, faddr), opFunc
		} else {
			l := b.value(fi.typ, faddr)
			f.op, f.elem, f.enc = l.op, l.elem, l.f
		}
		f.omitOp, f.omit = omitOpOf(fi)
	}
	var sorted []rfield
	if !slices.IsSortedFunc(infos, func(a, b *rfieldInfo) int { return strings.Compare(a.name, b.name) }) {
		sorted = slices.Clone(fields)
		slices.SortStableFunc(sorted, func(a, b rfield) int { return strings.Compare(infos[a.index].name, infos[b.index].name) })
	}
	s := &structEncoder{fields: fields, sorted: sorted}
	return s.encode
}

type structEncoder struct {
	fields []rfield
	sorted []rfield // by name, when that order differs; nil otherwise
}

// encode writes the struct at p. The common field kinds are written inline,
// without a call through the field's encoder: most of a struct's cost.
func (s *structEncoder) encode(e *Encoder, p unsafe.Pointer) {
	if !e.BeginObject() {
		return
	}
	fields := s.fields
	if s.sorted != nil && e.cfg.SortKeys {
		fields = s.sorted
	}
	for i := range fields {
		f := &fields[i]
		fp := p
		if f.ptrs != nil {
			if fp = follow(fp, f.ptrs); fp == nil {
				continue
			}
		}
		fp = unsafe.Add(fp, f.off)
		switch f.omitOp {
		case omitNever:
		case omitNilWord:
			if *(*unsafe.Pointer)(fp) == nil {
				continue
			}
		case omitEmptySlice:
			if len(*(*[]byte)(fp)) == 0 { // any slice, read for its length
				continue
			}
		case omitEmptyString:
			if len(*(*string)(fp)) == 0 {
				continue
			}
		case omitFalse:
			if !*(*bool)(fp) {
				continue
			}
		default:
			if f.omit(fp) {
				continue
			}
		}
		e.Member(f.key)
		switch f.op {
		case opFunc:
			f.enc(e, fp)
		case opString:
			e.buf = appendString(e.buf, *(*string)(fp), e.cfg.EnsureASCII)
		case opBool:
			e.Bool(*(*bool)(fp))
		case opInt:
			e.buf = appendInt(e.buf, int64(*(*int)(fp)))
		case opInt64:
			e.buf = appendInt(e.buf, *(*int64)(fp))
		case opAny:
			e.Any(*(*any)(fp))
		case opPtr:
			if q := *(*unsafe.Pointer)(fp); q == nil {
				e.Null()
			} else {
				e.writeScalar(f.elem, q)
			}
		case opSlice:
			e.writeScalars(f.elem, fp)
		default:
			e.writeScalar(f.op, fp)
		}
	}
	e.EndObject()
}

// follow follows the embedded pointers at the offsets ptrs from p, and
// returns the last target, or nil when one of them is nil (the fields
// promoted through it are left out, as in encoding/json).
func follow(p unsafe.Pointer, ptrs []uintptr) unsafe.Pointer {
	for _, off := range ptrs {
		p = *(*unsafe.Pointer)(unsafe.Add(p, off))
		if p == nil {
			return nil
		}
	}
	return p
}

// quoted makes the encoder of a ,string field of type t: the JSON text of
// its value (Python style: 1.0), then that text as a JSON string. An
// unnamed pointer is null when nil, else its target is quoted. A type with
// its own MarshalJSON or MarshalText is written through it, unquoted; a
// basic type with a generated method is quoted by its kind, as
// encoding/json sees it.
//
// NOTE: keep in sync with generator/plan_fields.go (structFields, c.quoted).
func (b *encBuilder) quoted(t reflect.Type, addr bool) encFunc {
	leaf, leafAddr := t, addr
	ptr := t.Kind() == reflect.Pointer
	if ptr {
		leaf, leafAddr = t.Elem(), true
	}
	var enc encFunc
	if _, _, ok := marshalerKind(leaf, leafAddr); !ok {
		inner := scalarEnc(scalarOpOf(leaf.Kind()))
		if leaf == numberType {
			inner = func(e *Encoder, p unsafe.Pointer) { e.Number(*(*json.Number)(p)) }
		}
		enc = func(e *Encoder, p unsafe.Pointer) {
			mark := len(e.buf)
			inner(e, p)
			e.QuoteFrom(mark)
		}
	}
	if !ptr {
		if enc == nil {
			return b.value(t, addr).f
		}
		return enc
	}
	if enc == nil {
		return b.value(t, addr).f
	}
	// An unnamed pointer to a scalar: never part of a cycle.
	return func(e *Encoder, p unsafe.Pointer) {
		q := *(*unsafe.Pointer)(p)
		if q == nil {
			e.Null()
			return
		}
		enc(e, q)
	}
}

// omitOpOf returns the test of omitempty and omitzero for a field: the
// member is left out when it is empty (tested first), or zero. The common
// tests are ops the struct encoder makes inline.
//
// NOTE: keep in sync with generator/plan_fields.go (emptyKind, zeroKind)
// and generator/emit_struct.go (emitField).
func omitOpOf(fi *rfieldInfo) (omitOp, func(p unsafe.Pointer) bool) {
	switch {
	case !fi.omitEmpty && !fi.omitZero:
		return omitNever, nil
	case fi.omitEmpty && fi.omitZero:
	case fi.omitEmpty:
		// omitempty alone: encoding/json's isEmptyValue by the kind.
		switch fi.typ.Kind() {
		case reflect.Pointer:
			return omitNilWord, nil
		case reflect.Slice:
			return omitEmptySlice, nil
		case reflect.String:
			return omitEmptyString, nil
		case reflect.Bool:
			return omitFalse, nil
		}
	default:
		// omitzero alone, of a kind without methods: its zero value.
		if !fi.typ.Implements(isZeroerType) && !reflect.PointerTo(fi.typ).Implements(isZeroerType) {
			switch fi.typ.Kind() {
			case reflect.Pointer:
				return omitNilWord, nil
			case reflect.Bool:
				return omitFalse, nil
			}
		}
	}
	var empty, zero func(p unsafe.Pointer) bool
	if fi.omitEmpty {
		empty = emptyTest(fi.typ)
	}
	if fi.omitZero {
		zero = zeroTest(fi.typ)
	}
	switch {
	case empty == nil && zero == nil:
		return omitNever, nil
	case empty == nil:
		return omitFunc, zero
	case zero == nil:
		return omitFunc, empty
	}
	return omitFunc, func(p unsafe.Pointer) bool { return empty(p) || zero(p) }
}

// emptyTest is encoding/json's isEmptyValue for a type, by its kind:
// strings, slices, maps and arrays of length 0, false, numbers equal to 0
// (so -0.0 is empty), nil pointers and interfaces. Structs, complex
// numbers, channels and functions are never empty (nil).
func emptyTest(t reflect.Type) func(p unsafe.Pointer) bool {
	switch t.Kind() {
	case reflect.String:
		return func(p unsafe.Pointer) bool { return len(*(*string)(p)) == 0 }
	case reflect.Slice:
		return func(p unsafe.Pointer) bool { return len(*(*[]byte)(p)) == 0 }
	case reflect.Map:
		return func(p unsafe.Pointer) bool { return reflect.NewAt(t, p).Elem().Len() == 0 }
	case reflect.Array:
		if t.Len() == 0 {
			return func(unsafe.Pointer) bool { return true }
		}
		return nil
	case reflect.Bool:
		return func(p unsafe.Pointer) bool { return !*(*bool)(p) }
	case reflect.Pointer:
		return func(p unsafe.Pointer) bool { return *(*unsafe.Pointer)(p) == nil }
	case reflect.Interface:
		if t.NumMethod() == 0 {
			return func(p unsafe.Pointer) bool { return *(*any)(p) == nil }
		}
		return func(p unsafe.Pointer) bool { return reflect.NewAt(t, p).Elem().IsNil() }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return numberZero(t.Kind())
	}
	return nil
}

// numberZero reports whether the number of kind k at p is 0 (-0.0 is).
func numberZero(k reflect.Kind) func(p unsafe.Pointer) bool {
	switch k {
	case reflect.Int8, reflect.Uint8:
		return func(p unsafe.Pointer) bool { return *(*uint8)(p) == 0 }
	case reflect.Int16, reflect.Uint16:
		return func(p unsafe.Pointer) bool { return *(*uint16)(p) == 0 }
	case reflect.Int32, reflect.Uint32:
		return func(p unsafe.Pointer) bool { return *(*uint32)(p) == 0 }
	case reflect.Float32:
		return func(p unsafe.Pointer) bool { return *(*float32)(p) == 0 }
	case reflect.Float64:
		return func(p unsafe.Pointer) bool { return *(*float64)(p) == 0 }
	}
	// int, int64, uint, uint64, uintptr: 8 bytes (4 on 32-bit systems,
	// where Size says so).
	if reflect.TypeFor[int]().Size() == 4 && (k == reflect.Int || k == reflect.Uint || k == reflect.Uintptr) {
		return func(p unsafe.Pointer) bool { return *(*uint32)(p) == 0 }
	}
	return func(p unsafe.Pointer) bool { return *(*uint64)(p) == 0 }
}

// zeroTest is encoding/json's omitzero test for a type: its IsZero method
// (on the value, or on its pointer; a nil pointer, or an interface holding
// one, is zero without a call), else reflect.Value.IsZero, which is
// x == zero for a comparable type (-0.0 is zero, NaN is not).
func zeroTest(t reflect.Type) func(p unsafe.Pointer) bool {
	switch {
	case t.Implements(isZeroerType) && t.Kind() == reflect.Pointer:
		return func(p unsafe.Pointer) bool {
			return *(*unsafe.Pointer)(p) == nil || reflect.NewAt(t, p).Elem().Interface().(isZeroer).IsZero()
		}
	case t.Implements(isZeroerType) && t.Kind() == reflect.Interface:
		return func(p unsafe.Pointer) bool {
			x := reflect.NewAt(t, p).Elem().Interface()
			return x == nil || isNilPointer(x) || x.(isZeroer).IsZero()
		}
	case t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface && reflect.PointerTo(t).Implements(isZeroerType):
		// A value method, which *T has too, or a method of *T, which
		// encoding/json calls on an addressable copy.
		return func(p unsafe.Pointer) bool { return reflect.NewAt(t, p).Interface().(isZeroer).IsZero() }
	}
	switch t.Kind() {
	case reflect.Bool:
		return func(p unsafe.Pointer) bool { return !*(*bool)(p) }
	case reflect.String:
		return func(p unsafe.Pointer) bool { return len(*(*string)(p)) == 0 }
	case reflect.Pointer, reflect.UnsafePointer:
		return func(p unsafe.Pointer) bool { return *(*unsafe.Pointer)(p) == nil }
	case reflect.Map, reflect.Chan, reflect.Func:
		return func(p unsafe.Pointer) bool { return reflect.NewAt(t, p).Elem().IsNil() }
	case reflect.Slice:
		return func(p unsafe.Pointer) bool { return *(*[]byte)(p) == nil }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return numberZero(t.Kind())
	}
	return func(p unsafe.Pointer) bool { return reflect.NewAt(t, p).Elem().IsZero() }
}
