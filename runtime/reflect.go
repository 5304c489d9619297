//go:build !jsondump_noreflect

package jsondumprt

import (
	"encoding"
	"encoding/json"
	"math/big"
	"reflect"
	"sync"
	"unsafe"
)

// The reflective path: values of every type that is neither generated nor
// one of Any's listed forms (path 3 of the package documentation). It
// applies exactly the rules of the code jsondumpgen writes (generator/plan*.go
// decides them there, from go/types; here from reflect): each type is
// analysed once into a tree of small functions, encoding/json's shape
// (encode.go, typeEncoder), cached for every later value, and the functions
// read the value through a pointer to it with field offsets, so that a
// value costs no allocation.
//
// Rules that must stay equal to the generator's are marked
// "NOTE: keep in sync with generator/...". The test that holds them
// together writes every testdata package's values twice, once through its
// generated code and once through this path in a build without it
// (generator/e2e_test.go, prop_test.go, the red-team tests).
//
// Memory: the functions take an unsafe.Pointer to a value of their type,
// which is either the user's own memory (a pointer's target, a slice's
// elements, a struct's fields at their offsets) or a copy this file made
// (a map value, a struct or array held in an any: reflect does not give the
// address of an interface's contents, and the Go runtime's interface words
// are not read here). Conversions of such a pointer to a pointer of a type
// with the same memory layout (a named int to int64, a slice of any element
// type to []byte to read its data pointer and length) are the rules of
// package unsafe; nothing reads the Go runtime's private layouts (type
// descriptors, map headers, interface words).

// An encFunc writes the value of its type that p points to.
type encFunc func(e *Encoder, p unsafe.Pointer)

// other writes v, none of Any's forms and not an Encodable of its own: a
// json.Marshaler or encoding.TextMarshaler as marshalerOrUnknown writes
// them (so that the dynamic path's answer for them is unchanged), any other
// value by its type's cached encoder.
func (e *Encoder) other(v any) {
	switch v.(type) {
	case json.Marshaler, encoding.TextMarshaler:
		e.marshalerOrUnknown(v)
		return
	}
	if e.err != nil {
		return
	}
	r := rootFor(reflect.TypeOf(v))
	e.takeHint(&r.size)
	r.write(e, v)
}

// A rootFunc writes a value of its type held in an any: not addressable,
// as encoding/json sees it.
type rootFunc func(e *Encoder, v any)

// A root is what the reflective path keeps per type met in an any: its
// rootFunc, and the length of its last output as the root of a Dumps call,
// as generated code keeps one per -type.
type root struct {
	write rootFunc
	size  SizeHint
}

// roots caches a *root per type (reflect.Type → *root): read without a
// lock by every goroutine, filled under buildMu.
var roots sync.Map

// rootFor returns the root of t, building its rootFunc (and the encoders of
// the types it reaches) the first time.
func rootFor(t reflect.Type) *root {
	if r, ok := roots.Load(t); ok {
		return r.(*root)
	}
	buildMu.Lock()
	defer buildMu.Unlock()
	if r, ok := roots.Load(t); ok {
		return r.(*root)
	}
	r := &root{write: builder.root(t)}
	roots.Store(t, r)
	return r
}

// buildMu serialises the building of encoders: building is rare (once per
// type in a process) and never calls user code, so one lock is enough, and
// goroutines that meet a new type at once wait for one build.
var buildMu sync.Mutex

// builder holds every encoder built, under buildMu.
var builder = &encBuilder{
	encs:     map[encKey]*lazyEnc{},
	cycle:    map[reflect.Type]bool{},
	addrs:    map[reflect.Type]bool{},
	fieldsOf: map[reflect.Type][]*rfieldInfo{},
}

// An encKey names an encoder: a type, and whether the values it writes are
// addressable (where pointer-receiver MarshalJSON and MarshalText methods
// count, as in encoding/json).
type encKey struct {
	t    reflect.Type
	addr bool
}

// A lazyEnc is an encoder being built or built: a type that reaches itself
// (type Node struct{ Next *Node }) calls its own encoder through it.
type lazyEnc struct {
	f    encFunc
	op   scalarOp
	elem scalarOp // op opPtr: the target's
}

type encBuilder struct {
	encs     map[encKey]*lazyEnc
	cycle    map[reflect.Type]bool // canCycle memo
	addrs    map[reflect.Type]bool // addrSensitive memo
	fieldsOf map[reflect.Type][]*rfieldInfo
}

// Types the rules name.
var (
	anyType            = reflect.TypeFor[any]()
	byteType           = reflect.TypeFor[byte]()
	stringType         = reflect.TypeFor[string]()
	bigIntType         = reflect.TypeFor[big.Int]()
	bigIntPtrType      = reflect.TypeFor[*big.Int]()
	numberType         = reflect.TypeFor[json.Number]()
	rawMessageType     = reflect.TypeFor[json.RawMessage]()
	dictType           = reflect.TypeFor[Dict]()
	marshalerType      = reflect.TypeFor[json.Marshaler]()
	textMarshalerType  = reflect.TypeFor[encoding.TextMarshaler]()
	encodableType      = reflect.TypeFor[Encodable]()
	isZeroerType       = reflect.TypeFor[isZeroer]()
	mapStringAnyType   = reflect.TypeFor[map[string]any]()
	mapStringStrType   = reflect.TypeFor[map[string]string]()
	mapStringIntType   = reflect.TypeFor[map[string]int]()
	mapStringInt64Type = reflect.TypeFor[map[string]int64]()
	mapStringF64Type   = reflect.TypeFor[map[string]float64]()
	mapStringBoolType  = reflect.TypeFor[map[string]bool]()
)

// isZeroer is the method omitzero asks for (encoding/json's isZeroer).
type isZeroer interface{ IsZero() bool }

// root builds the rootFunc of t: the value is held in an any, so it is not
// addressable; a pointer's target is.
func (b *encBuilder) root(t reflect.Type) rootFunc {
	switch t.Kind() {
	case reflect.Pointer:
		target := b.pointerTarget(t)
		return func(e *Encoder, v any) { target(e, reflect.ValueOf(v).UnsafePointer()) }
	case reflect.Map:
		m := b.mapEncoder(t)
		return func(e *Encoder, v any) { m(e, reflect.ValueOf(v)) }
	case reflect.Slice:
		if isBytes(t) {
			return func(e *Encoder, v any) { e.Bytes(reflect.ValueOf(v).Bytes()) }
		}
		s := b.sliceData(t)
		return func(e *Encoder, v any) {
			rv := reflect.ValueOf(v)
			s(e, rv.UnsafePointer(), rv.Len(), rv.IsNil())
		}
	case reflect.Chan, reflect.Func, reflect.UnsafePointer, reflect.Complex64, reflect.Complex128:
		// The hook gets the value as the any holds it.
		return (*Encoder).DefaultHook
	case reflect.Bool, reflect.String,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		if l := b.value(t, false); l.op != opFunc {
			return scalarRoot(t.Kind())
		}
	}
	// A struct or an array, or a named scalar type with an encoder of its
	// own (a generated type reached here because its method is promoted):
	// copied to memory of its own, which reflect can address, and written
	// as a value that is not addressable.
	enc := b.value(t, false).f
	c := &copier{t: t}
	return func(e *Encoder, v any) {
		p := c.get()
		dst := reflect.NewAt(t, p).Elem()
		dst.Set(reflect.ValueOf(v))
		enc(e, p)
		dst.SetZero()
		c.put(p)
	}
}

// scalarRoot writes a value of a named bool, number or string type held in
// an any, by reflect.Value's accessors, which neither copy nor allocate.
func scalarRoot(k reflect.Kind) rootFunc {
	switch k {
	case reflect.Bool:
		return func(e *Encoder, v any) { e.Bool(reflect.ValueOf(v).Bool()) }
	case reflect.String:
		return func(e *Encoder, v any) { e.String(reflect.ValueOf(v).String()) }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(e *Encoder, v any) { e.Int(reflect.ValueOf(v).Int()) }
	case reflect.Float32:
		return func(e *Encoder, v any) { e.Float32(float32(reflect.ValueOf(v).Float())) }
	case reflect.Float64:
		return func(e *Encoder, v any) { e.Float64(reflect.ValueOf(v).Float()) }
	}
	return func(e *Encoder, v any) { e.Uint(reflect.ValueOf(v).Uint()) }
}

// A copier hands out memory for copies of values of one type, kept in a
// pool between uses, so that writing a struct held in an any allocates
// nothing once warm. Memory comes back zeroed (no reference to the
// caller's values is kept).
type copier struct {
	t    reflect.Type
	pool sync.Pool // unsafe.Pointer to a zero value of t
}

func (c *copier) get() unsafe.Pointer {
	if p, ok := c.pool.Get().(unsafe.Pointer); ok {
		return p
	}
	return reflect.New(c.t).UnsafePointer()
}

func (c *copier) put(p unsafe.Pointer) { c.pool.Put(p) }

// value returns the encoder of a value of type t; addr says whether
// encoding/json would see it addressable (a pointer's target, a slice
// element, a field or element of an addressable value: yes; a map value, a
// value held in an any: no).
//
// NOTE: keep in sync with generator/plan_types.go (planner.value).
func (b *encBuilder) value(t reflect.Type, addr bool) *lazyEnc {
	if !addr && !b.addrSensitive(t) {
		// Written the same way either way: one encoder serves both.
		addr = true
	}
	key := encKey{t, addr}
	if l, ok := b.encs[key]; ok {
		if l.f == nil {
			// t reaches itself: call through l, filled in when t's
			// encoder is built.
			return &lazyEnc{f: func(e *Encoder, p unsafe.Pointer) { l.f(e, p) }, op: opFunc}
		}
		return l
	}
	l := &lazyEnc{}
	b.encs[key] = l
	defer func() {
		if l.f == nil {
			// build panicked: forget the half-built entry, so that no
			// later value finds it.
			delete(b.encs, key)
		}
	}()
	f, op := b.build(t, addr)
	l.f, l.op = f, op
	if op == opFunc && t.Kind() == reflect.Slice && !isBytes(t) {
		// A slice of a scalar without methods: written by one direct
		// call from struct encoders (opSlice).
		if _, _, m := marshalerKind(t, addr); !m {
			if el := b.value(t.Elem(), true); scalarSlice(el.op) != nil {
				l.op, l.elem = opSlice, el.op
			}
		}
	}
	if op == opFunc && t.Kind() == reflect.Pointer && !isBigIntPtr(t) {
		// A pointer to a scalar without methods: written inline by
		// struct encoders (opPtr), never part of a cycle.
		if _, _, m := marshalerKind(t, addr); !m {
			if el := b.value(t.Elem(), true); isScalarOp(el.op) {
				l.op, l.elem = opPtr, el.op
			}
		}
	}
	return l
}

// build makes the encoder of t, for value.
func (b *encBuilder) build(t reflect.Type, addr bool) (encFunc, scalarOp) {
	switch t {
	case rawMessageType:
		return func(e *Encoder, p unsafe.Pointer) { e.RawMessage(*(*json.RawMessage)(p)) }, opFunc
	case numberType:
		return func(e *Encoder, p unsafe.Pointer) { e.Number(*(*json.Number)(p)) }, opFunc
	case dictType:
		// A dict of its items, as generated code writes a Dict field.
		return func(e *Encoder, p unsafe.Pointer) { e.Dict(*(*Dict)(p)) }, opFunc
	case bigIntPtrType:
		return func(e *Encoder, p unsafe.Pointer) { e.BigInt(*(**big.Int)(p)) }, opFunc
	case bigIntType:
		if addr {
			return func(e *Encoder, p unsafe.Pointer) { e.BigInt((*big.Int)(p)) }, opFunc
		}
	}
	if k, viaPtr, ok := marshalerKind(t, addr); ok {
		return marshalerEnc(t, k, viaPtr), opFunc
	}
	if isEncodable(t) {
		return b.encodable(t, addr), opFunc
	}
	return b.underlying(t, addr)
}

// underlying makes the encoder of t by its kind, as the generator writes a
// named type's own function or an unnamed type inline.
//
// NOTE: keep in sync with generator/plan_types.go (planner.underlying).
func (b *encBuilder) underlying(t reflect.Type, addr bool) (encFunc, scalarOp) {
	switch t.Kind() {
	case reflect.Bool, reflect.String,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		op := scalarOpOf(t.Kind())
		return scalarEnc(op), op
	case reflect.Interface:
		if t.NumMethod() == 0 {
			return func(e *Encoder, p unsafe.Pointer) { e.Any(*(*any)(p)) }, opAny
		}
		return func(e *Encoder, p unsafe.Pointer) { e.Any(reflect.NewAt(t, p).Elem().Interface()) }, opFunc
	case reflect.Pointer:
		return b.pointer(t), opFunc
	case reflect.Slice:
		if isBytes(t) {
			return func(e *Encoder, p unsafe.Pointer) { e.Bytes(*(*[]byte)(p)) }, opFunc
		}
		s := b.sliceData(t)
		return func(e *Encoder, p unsafe.Pointer) {
			h := *(*[]byte)(p) // any slice, read for its data pointer and length
			s(e, unsafe.Pointer(unsafe.SliceData(h)), len(h), h == nil)
		}, opFunc
	case reflect.Array:
		return b.array(t, addr), opFunc
	case reflect.Map:
		return b.mapField(t), opFunc
	case reflect.Struct:
		return b.structEnc(t, addr), opFunc
	}
	// chan, func, complex, unsafe.Pointer: Python's unknown object.
	return func(e *Encoder, p unsafe.Pointer) { e.DefaultHook(reflect.NewAt(t, p).Elem().Interface()) }, opFunc
}

// isBytes reports whether a slice type is written as base64, as
// encoding/json writes it: []byte, and slices of a named byte type that
// has no MarshalJSON or MarshalText method (on it or its pointer).
//
// NOTE: keep in sync with generator/plan_types.go (planner.underlying, case
// *types.Slice).
func isBytes(t reflect.Type) bool {
	el := t.Elem()
	if el == byteType {
		return true
	}
	if el.Kind() != reflect.Uint8 {
		return false
	}
	p := reflect.PointerTo(el)
	return !p.Implements(marshalerType) && !p.Implements(textMarshalerType)
}

// isBigIntPtr reports whether t is *big.Int, which BigInt writes.
func isBigIntPtr(t reflect.Type) bool { return t == bigIntPtrType }

// marshalerKind returns how t's MarshalJSON or MarshalText writes it,
// MarshalJSON first as encoding/json checks them, when t has one that
// counts: a method on the pointer only when addr, and not for a pointer or
// interface type.
//
// NOTE: keep in sync with generator/plan_types.go (marshalerKind).
func marshalerKind(t reflect.Type, addr bool) (k reflect.Type, viaPtr, ok bool) {
	for _, it := range [2]reflect.Type{marshalerType, textMarshalerType} {
		if t.Implements(it) {
			return it, false, true
		}
		if addr && t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface && reflect.PointerTo(t).Implements(it) {
			return it, true, true
		}
	}
	return nil, false, false
}

// marshalerEnc writes a value through its MarshalJSON (k is marshalerType)
// or MarshalText method. viaPtr: the method is on the pointer, called on
// the value's address. A pointer type's nil is null, not a call; an
// interface holding a nil pointer is a call (Encoder.Marshaler). The type's
// name for errors is spelled as generated code spells it.
func marshalerEnc(t reflect.Type, k reflect.Type, viaPtr bool) encFunc {
	name := goTypeName(t)
	text := k == textMarshalerType
	switch {
	case viaPtr || t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface:
		// The method is called through the value's address: a pointer
		// method where the value is addressable, or a value method,
		// which *T has too and which costs no copy into an interface.
		if viaPtr {
			name = "*" + name
		}
		if text {
			return func(e *Encoder, p unsafe.Pointer) {
				e.TextMarshaler(reflect.NewAt(t, p).Interface().(encoding.TextMarshaler), name)
			}
		}
		return func(e *Encoder, p unsafe.Pointer) {
			e.Marshaler(reflect.NewAt(t, p).Interface().(json.Marshaler), name)
		}
	case t.Kind() == reflect.Pointer:
		// A nil pointer of a concrete type is null, as in encoding/json.
		if text {
			return func(e *Encoder, p unsafe.Pointer) {
				if *(*unsafe.Pointer)(p) == nil {
					e.Null()
					return
				}
				e.TextMarshaler(reflect.NewAt(t, p).Elem().Interface().(encoding.TextMarshaler), name)
			}
		}
		return func(e *Encoder, p unsafe.Pointer) {
			if *(*unsafe.Pointer)(p) == nil {
				e.Null()
				return
			}
			e.Marshaler(reflect.NewAt(t, p).Elem().Interface().(json.Marshaler), name)
		}
	}
	// An interface type with the method: nil is null, a nil pointer
	// inside is given to its method, as encoding/json does.
	if text {
		return func(e *Encoder, p unsafe.Pointer) {
			m, _ := reflect.NewAt(t, p).Elem().Interface().(encoding.TextMarshaler)
			e.TextMarshaler(m, name)
		}
	}
	if t == marshalerType {
		return func(e *Encoder, p unsafe.Pointer) { e.Marshaler(*(*json.Marshaler)(p), name) }
	}
	return func(e *Encoder, p unsafe.Pointer) {
		m, _ := reflect.NewAt(t, p).Elem().Interface().(json.Marshaler)
		e.Marshaler(m, name)
	}
}

// isEncodable reports whether t has an encoding method of its own or
// promoted to it (Encodable, through its pointer). Whether the method is
// t's own is learnt at the first call (see encodable).
func isEncodable(t reflect.Type) bool {
	return t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface && reflect.PointerTo(t).Implements(encodableType)
}

// encodable writes a value of a type with a JSONDumpEncode method through
// it, as generated code of another package does: given a *T when the value
// is addressable, a T (a copy in an any) when not. A method that a type
// only has by promotion from a type it embeds reports false, having written
// nothing (or panics in Go's wrapper, reached through a nil embedded
// pointer); the type is then written field by field, that time and every
// later time.
func (b *encBuilder) encodable(t reflect.Type, addr bool) encFunc {
	own := &ownMethod{}
	own.state.Store(ownUnknown)
	structural, _ := b.underlying(t, addr)
	return func(e *Encoder, p unsafe.Pointer) {
		if own.state.Load() != ownNo {
			ptr := reflect.NewAt(t, p)
			d := ptr.Interface().(Encodable)
			x := any(d)
			if !addr {
				x = ptr.Elem().Interface()
			}
			if e.callEncodable(d, x) {
				own.state.Store(ownYes)
				return
			}
			own.state.Store(ownNo)
		}
		structural(e, p)
	}
}

// callEncodable calls d's method on x, reporting whether it claimed the
// call: false when it reported false, or when Go's wrapper panicked before
// the method claimed it (a promoted method reached through a nil embedded
// pointer). A panic after the claim is the caller's own and goes on.
func (e *Encoder) callEncodable(d Encodable, x any) (own bool) {
	e.calling = true
	defer func() {
		if e.calling {
			e.calling = false
			if recover() != nil {
				own = false
			}
		}
	}()
	if d.JSONDumpEncode(e, x) {
		return true
	}
	e.calling = false
	return false
}

// pointer makes the encoder of a pointer type: null for nil, else what it
// points to, inside a cycle check when the target type can lead back to it.
//
// NOTE: keep in sync with generator/emit_value.go (emitPointer).
func (b *encBuilder) pointer(t reflect.Type) encFunc {
	target := b.pointerTarget(t)
	return func(e *Encoder, p unsafe.Pointer) { target(e, *(*unsafe.Pointer)(p)) }
}

// pointerTarget makes the function that writes the target of a pointer of
// type t, given the pointer. A pointer to a type with a JSONDumpEncode
// method is given to the method, which checks the pointer for cycles
// itself (checked here too, it would be open twice).
func (b *encBuilder) pointerTarget(t reflect.Type) encFunc {
	elem := b.value(t.Elem(), true)
	if isEncodable(t.Elem()) || !b.canCycle(t.Elem()) {
		return func(e *Encoder, q unsafe.Pointer) {
			if q == nil {
				e.Null()
				return
			}
			elem.f(e, q)
		}
	}
	id := identity(t.Elem())
	return func(e *Encoder, q unsafe.Pointer) {
		if q == nil {
			e.Null()
			return
		}
		if e.enterRef(q, 0, id) {
			elem.f(e, q)
			e.Leave()
		}
	}
}

// identity returns the type part of the cycle identity of a container
// whose elements, or target, are of type t: any((*T)(nil)) for a pointer *T,
// any((*[]E)(nil)) for a slice []E, any((*map[K]V)(nil)) for a map, always
// of the unnamed type, as EnterPointer, EnterSlice and EnterMap make it from
// generated code (see cycle.go).
func identity(t reflect.Type) any { return reflect.Zero(reflect.PointerTo(t)).Interface() }

// enterRef opens a container identified by (p, n, typ) for cycle
// detection: EnterPointer, EnterSlice and EnterMap for reflect.
func (e *Encoder) enterRef(p unsafe.Pointer, n int, typ any) bool {
	if !e.cfg.CheckCircular {
		return true
	}
	return e.enterIdentity(seenEntry{p, uintptr(n), typ})
}

// A sliceFunc writes a slice given its data pointer, its length and
// whether it is nil.
type sliceFunc func(e *Encoder, data unsafe.Pointer, n int, isNil bool)

// sliceData makes the sliceFunc of a slice type (not one written as
// base64): a slice of a scalar kind in one loop (EncodeInts and the
// others), any other one element by element, inside a cycle check when the
// element type can lead back to it (an empty slice holds nothing and is
// "[]" unchecked).
//
// NOTE: keep in sync with generator/emit_value.go (emitSlice).
func (b *encBuilder) sliceData(t reflect.Type) sliceFunc {
	if s := scalarSlice(b.value(t.Elem(), true).op); s != nil {
		return func(e *Encoder, data unsafe.Pointer, n int, isNil bool) {
			if isNil {
				data = nil
			}
			s(e, data, n)
		}
	}
	elem := b.value(t.Elem(), true)
	size := t.Elem().Size()
	array := func(e *Encoder, data unsafe.Pointer, n int) {
		if e.BeginArray() {
			for i := range n {
				e.Elem()
				if elem.op == opSlice {
					// A slice of slices of numbers (coordinates): a direct
					// call per element.
					e.writeScalars(elem.elem, unsafe.Add(data, uintptr(i)*size))
				} else {
					elem.f(e, unsafe.Add(data, uintptr(i)*size))
				}
				if e.err != nil {
					break
				}
			}
			e.EndArray()
		}
	}
	if !b.canCycle(t.Elem()) {
		return func(e *Encoder, data unsafe.Pointer, n int, isNil bool) {
			if isNil {
				e.Null()
				return
			}
			array(e, data, n)
		}
	}
	id := identity(reflect.SliceOf(t.Elem()))
	return func(e *Encoder, data unsafe.Pointer, n int, isNil bool) {
		switch {
		case isNil:
			e.Null()
		case n == 0:
			e.Raw("[]")
		case e.enterRef(data, n, id):
			array(e, data, n)
			e.Leave()
		}
	}
}

// array makes the encoder of an array type: a JSON array, never null, with
// no cycle check (an array is held in place).
func (b *encBuilder) array(t reflect.Type, addr bool) encFunc {
	n := t.Len()
	if s := scalarSlice(b.value(t.Elem(), addr).op); s != nil {
		return func(e *Encoder, p unsafe.Pointer) {
			if n == 0 {
				e.emptyArray(false)
				return
			}
			s(e, p, n)
		}
	}
	elem := b.value(t.Elem(), addr)
	size := t.Elem().Size()
	return func(e *Encoder, p unsafe.Pointer) {
		if e.BeginArray() {
			for i := range n {
				e.Elem()
				elem.f(e, unsafe.Add(p, uintptr(i)*size))
				if e.err != nil {
					break
				}
			}
			e.EndArray()
		}
	}
}

// canCycle reports whether a value of type t can lead back to a container
// that holds it: t reaches a type that reaches itself, or an interface
// (which can hold anything). A type with its own MarshalJSON or MarshalText
// is opaque and ends the search. Only such values pay for CheckCircular.
//
// NOTE: keep in sync with generator/plan_types.go (planner.canCycle).
func (b *encBuilder) canCycle(t reflect.Type) bool {
	return b.canCycleIn(t, map[reflect.Type]bool{})
}

func (b *encBuilder) canCycleIn(t reflect.Type, stack map[reflect.Type]bool) bool {
	if r, ok := b.cycle[t]; ok {
		return r
	}
	if stack[t] {
		return true
	}
	if t.Name() != "" {
		if _, _, ok := marshalerKind(t, true); ok {
			return false
		}
	}
	stack[t] = true
	r := false
	switch t.Kind() {
	case reflect.Interface:
		r = true
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		r = b.canCycleIn(t.Elem(), stack)
	case reflect.Struct:
		for i := range t.NumField() {
			if b.canCycleIn(t.Field(i).Type, stack) {
				r = true
				break
			}
		}
	}
	delete(stack, t)
	b.cycle[t] = r
	return r
}

// addrSensitive reports whether a value of type t is written differently
// when it is not addressable: t has a MarshalJSON or MarshalText method on
// its pointer only, or holds, in place (a struct field, an array element),
// a value of such a type. Pointers, slices and maps hold their elements
// elsewhere. A type with a JSONDumpEncode method is judged by its fields
// too, as encoding/json judges it.
//
// NOTE: keep in sync with generator/plan_types.go (planner.addrSensitive).
func (b *encBuilder) addrSensitive(t reflect.Type) bool {
	if r, ok := b.addrs[t]; ok {
		return r
	}
	b.addrs[t] = false // a struct cannot hold itself in place; this ends any loop
	r := false
	if _, viaPtr, ok := marshalerKind(t, true); ok {
		r = viaPtr
	} else {
		switch t.Kind() {
		case reflect.Array:
			r = b.addrSensitive(t.Elem())
		case reflect.Struct:
			for i := range t.NumField() {
				if b.addrSensitive(t.Field(i).Type) {
					r = true
					break
				}
			}
		}
	}
	b.addrs[t] = r
	return r
}

// goTypeName spells t as generated code spells a type in its error
// messages (go/types' TypeString with package names): as %T, but with the
// type arguments of a generic type qualified by their package's name
// rather than its path (generic.Page[generic.Item], where reflect writes
// generic.Page[example.com/m/generic.Item]).
func goTypeName(t reflect.Type) string {
	s := t.String()
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && isPathByte(s[j]) {
			j++
		}
		if j == i {
			out = append(out, s[i])
			i++
			continue
		}
		word := s[i:j]
		for k := len(word) - 1; k >= 0; k-- {
			if word[k] == '/' {
				word = word[k+1:]
				break
			}
		}
		out = append(out, word...)
		i = j
	}
	return string(out)
}

// isPathByte reports whether c can be part of a qualified identifier as
// reflect spells one inside type arguments (an import path, a dot, a name).
func isPathByte(c byte) bool {
	return c == '/' || c == '.' || c == '_' || c == '-' || c == '~' ||
		'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}
