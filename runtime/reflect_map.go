//go:build !jsondump_noreflect

package jsondumprt

import (
	"cmp"
	"encoding"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// Maps of the reflective path, by the rules of maps.go and anymap.go: the
// key's kind chooses how members are ordered (strings by bytes, merging
// keys that are one Python str; numbers by value; false before true;
// TextMarshaler keys by their text; interface keys by anymap.go's rules,
// which also fail for key types Python cannot hold).
//
// Reflect gives map values only as copies: each map's values are copied
// once, while its keys are gathered, into a scratch slice of the value
// type (reflect.Value.SetIterValue, which allocates nothing), and written
// from there, as values that are not addressable. Scratch slices are
// pooled per map type; keys are gathered in the Encoder's scratch stacks.
//
// NOTE: keep in sync with maps.go and anymap.go, which generated code
// calls.

// A mapFunc writes a map given as a reflect.Value.
type mapFunc func(e *Encoder, m reflect.Value)

// mapField makes the encoder of a map type at p. The common maps of
// strings go through the functions generated code calls.
func (b *encBuilder) mapField(t reflect.Type) encFunc {
	if f, _ := stringMap(t); f != nil {
		return f
	}
	m := b.mapEncoder(t)
	return func(e *Encoder, p unsafe.Pointer) { m(e, reflect.NewAt(t, p).Elem()) }
}

// stringMap returns the encoders, at a pointer and as a reflect.Value, of
// a map whose underlying type is map[string]V for one of the value types
// of Any's forms, which the generic functions of maps.go write directly;
// nil for any other map.
func stringMap(t reflect.Type) (encFunc, mapFunc) {
	if t.Key() != stringType {
		return nil, nil
	}
	switch t.Elem() {
	case anyType:
		return stringMapOf(t, (*Encoder).Any, true)
	case stringType:
		return stringMapOf(t, (*Encoder).String, false)
	case reflect.TypeFor[int]():
		return stringMapOf(t, encodeInt, false)
	case reflect.TypeFor[int64]():
		return stringMapOf(t, (*Encoder).Int, false)
	case reflect.TypeFor[float64]():
		return stringMapOf(t, (*Encoder).Float64, false)
	case reflect.TypeFor[bool]():
		return stringMapOf(t, (*Encoder).Bool, false)
	}
	return nil, nil
}

// stringMapOf returns stringMap's encoders for map[string]V, whose values
// enc writes; check: V can lead back to the map (an interface).
func stringMapOf[V any](t reflect.Type, enc func(*Encoder, V), check bool) (encFunc, mapFunc) {
	write := func(e *Encoder, m map[string]V) {
		if !check {
			EncodeStringMap(e, m, enc)
		} else if m == nil {
			e.Null()
		} else if EnterMap(e, m) {
			EncodeStringMap(e, m, enc)
			e.Leave()
		}
	}
	// A named map type held in an any is converted to its unnamed type,
	// which costs no copy.
	u := reflect.TypeFor[map[string]V]()
	return func(e *Encoder, p unsafe.Pointer) { write(e, *(*map[string]V)(p)) },
		func(e *Encoder, m reflect.Value) { write(e, m.Convert(u).Interface().(map[string]V)) }
}

// mapEncoder makes the mapFunc of a map type: null for nil, else its
// members, inside a cycle check when its value type can lead back to it.
//
// NOTE: keep in sync with generator/emit_value.go (emitMap).
func (b *encBuilder) mapEncoder(t reflect.Type) mapFunc {
	if _, f := stringMap(t); f != nil {
		return f
	}
	body := b.mapBody(t)
	if !b.canCycle(t.Elem()) {
		return func(e *Encoder, m reflect.Value) {
			if m.IsNil() {
				e.Null()
				return
			}
			body(e, m)
		}
	}
	id := identity(reflect.MapOf(t.Key(), t.Elem()))
	return func(e *Encoder, m reflect.Value) {
		if m.IsNil() {
			e.Null()
		} else if e.enterRef(m.UnsafePointer(), 0, id) {
			body(e, m)
			e.Leave()
		}
	}
}

// mapBody makes the function that writes the members of a non-nil map, by
// its key type, in the order of maps.go's Encode*Map.
//
// NOTE: keep in sync with generator/plan_types.go (planner.mapKey).
func (b *encBuilder) mapBody(t reflect.Type) mapFunc {
	k := t.Key()
	vals := &scratchPool{t: t}
	elem := b.value(t.Elem(), false)
	size := t.Elem().Size()
	at := func(s *mapScratch, i int) unsafe.Pointer { return unsafe.Add(s.base, uintptr(i)*size) }
	if k.Kind() == reflect.String {
		return func(e *Encoder, m reflect.Value) { e.reflectStringMap(m, vals, elem.f, at) }
	}
	if k.Implements(textMarshalerType) {
		return textMap(k, vals, elem.f, at)
	}
	switch k.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(e *Encoder, m reflect.Value) { e.reflectIntMap(m, vals, elem.f, at) }
	case reflect.Float32, reflect.Float64:
		return func(e *Encoder, m reflect.Value) { e.reflectFloatMap(m, vals, elem.f, at) }
	case reflect.Bool:
		return func(e *Encoder, m reflect.Value) { e.reflectBoolMap(m, vals, elem.f, at) }
	}
	// An interface key type, or one Python cannot hold (a struct, an
	// array, a pointer, a complex number): anymap.go's rules.
	return func(e *Encoder, m reflect.Value) { e.reflectAnyMap(m, vals, elem.f, at) }
}

// A mapScratch holds the copies of one map's values and a variable for its
// key while the map is written.
type mapScratch struct {
	vals reflect.Value  // a []V, whose length is the room
	base unsafe.Pointer // vals' first element
	key  reflect.Value  // an addressable K
	keyP unsafe.Pointer // key's address
	n    int            // values copied
}

// A scratchPool keeps the mapScratch of one map type between uses.
type scratchPool struct {
	t    reflect.Type
	pool sync.Pool
}

// get returns a mapScratch with room for n values, and the map's values
// and keys gathered into it by fill.
func (sp *scratchPool) get(n int) *mapScratch {
	s, _ := sp.pool.Get().(*mapScratch)
	if s == nil {
		s = &mapScratch{}
		kp := reflect.New(sp.t.Key())
		s.key, s.keyP = kp.Elem(), kp.UnsafePointer()
	}
	if !s.vals.IsValid() || s.vals.Len() < n {
		s.vals = reflect.MakeSlice(reflect.SliceOf(sp.t.Elem()), max(n, 8), max(n, 8))
		s.base = s.vals.UnsafePointer()
	}
	return s
}

// put zeroes the values copied, so that the pool keeps no reference to
// the caller's data, and pools s.
func (sp *scratchPool) put(s *mapScratch) {
	for i := range s.n {
		s.vals.Index(i).SetZero() // (Value.Slice would allocate)
	}
	s.n = 0
	s.key.SetZero()
	if s.vals.Len() > keepScratch {
		return // one huge map must not pin its memory in the pool
	}
	sp.pool.Put(s)
}

// each copies m's values into s, in m's order, and calls key for each with
// its index once its key is in s.key.
func (s *mapScratch) each(m reflect.Value, key func(i int)) {
	var it reflect.MapIter
	it.Reset(m)
	i := 0
	for it.Next() {
		s.vals.Index(i).SetIterValue(&it)
		s.key.SetIterKey(&it)
		s.n = i + 1
		key(i)
		i++
	}
	it.Reset(reflect.Value{})
}

// A strEntry is a string key and the index of its value.
type strEntry struct {
	p uint64 // keyPrefix(k)
	k string
	i int
}

// An intEntry is an integer key, as int64 or uint64, and its value's index.
type intEntry struct {
	k uint64
	i int
}

// A floatEntry is a float key and its value's index.
type floatEntry struct {
	f float64
	i int
}

// reflectScratch is the reflective path's part of an Encoder: stacks for
// gathering map keys, as skeys and the others are for generated code.
type reflectScratch struct {
	strs   []strEntry
	ints   []intEntry
	floats []floatEntry
}

// release readies the stacks for the pool, as the Encoder's own (see
// trim): each map pops and clears what it pushed, so only what an
// unfinished call left is cleared, and a stack past keepScratch entries is
// let go.
func (r *reflectScratch) release() {
	r.strs = trim(r.strs)
	r.ints = trim(r.ints)
	r.floats = trim(r.floats)
}

// reflectStringMap writes a map with string keys, as EncodeStringMap.
func (e *Encoder) reflectStringMap(m reflect.Value, sp *scratchPool, enc encFunc, at func(*mapScratch, int) unsafe.Pointer) {
	if !e.BeginObject() {
		return
	}
	n := m.Len()
	s := sp.get(n)
	mark := len(e.rs.strs)
	valid := true
	s.each(m, func(i int) {
		k := *(*string)(s.keyP)
		e.rs.strs = append(e.rs.strs, strEntry{keyPrefix(k), k, i})
		valid = valid && utf8.ValidString(k)
	})
	entries := e.rs.strs[mark:]
	sortStrEntries(entries)
	if valid {
		for j := range entries {
			e.keyString(entries[j].k)
			enc(e, at(s, entries[j].i))
			if e.err != nil {
				break
			}
		}
	} else {
		keys := make([]string, len(entries))
		index := make(map[string]int, len(entries))
		for j, x := range entries {
			keys[j] = x.k
			index[x.k] = x.i
		}
		for _, k := range normalStringKeys(keys, e.cfg.SortKeys) {
			e.keyString(k)
			enc(e, at(s, index[k]))
			if e.err != nil {
				break
			}
		}
	}
	clear(e.rs.strs[mark:])
	e.rs.strs = e.rs.strs[:mark]
	sp.put(s)
	e.EndObject()
}

// sortStrEntries sorts entries by key, as sortPairs sorts a
// map[string]any's members.
func sortStrEntries(entries []strEntry) {
	if len(entries) > 24 {
		slices.SortFunc(entries, func(a, b strEntry) int {
			if a.p != b.p {
				return cmp.Compare(a.p, b.p)
			}
			return strings.Compare(a.k, b.k)
		})
		return
	}
	for i := 1; i < len(entries); i++ {
		x := entries[i]
		j := i
		for j > 0 && (x.p < entries[j-1].p || x.p == entries[j-1].p && x.k < entries[j-1].k) {
			entries[j] = entries[j-1]
			j--
		}
		entries[j] = x
	}
}

// reflectIntMap writes a map with integer keys in numeric order, as
// EncodeIntMap and EncodeUintMap.
func (e *Encoder) reflectIntMap(m reflect.Value, sp *scratchPool, enc encFunc, at func(*mapScratch, int) unsafe.Pointer) {
	if !e.BeginObject() {
		return
	}
	n := m.Len()
	s := sp.get(n)
	signed := s.key.CanInt()
	mark := len(e.rs.ints)
	s.each(m, func(i int) {
		var k uint64
		if signed {
			k = uint64(s.key.Int())
		} else {
			k = s.key.Uint()
		}
		e.rs.ints = append(e.rs.ints, intEntry{k, i})
	})
	entries := e.rs.ints[mark:]
	if signed {
		slices.SortFunc(entries, func(a, b intEntry) int { return cmp.Compare(int64(a.k), int64(b.k)) })
	} else {
		slices.SortFunc(entries, func(a, b intEntry) int { return cmp.Compare(a.k, b.k) })
	}
	for _, x := range entries {
		if signed {
			e.keyInt(int64(x.k))
		} else {
			e.keyUint(x.k)
		}
		enc(e, at(s, x.i))
		if e.err != nil {
			break
		}
	}
	e.rs.ints = e.rs.ints[:mark]
	sp.put(s)
	e.EndObject()
}

// reflectFloatMap writes a map with float keys, in numeric order, NaN keys
// last in the map's order, as EncodeFloat64Map and EncodeFloat32Map.
func (e *Encoder) reflectFloatMap(m reflect.Value, sp *scratchPool, enc encFunc, at func(*mapScratch, int) unsafe.Pointer) {
	if !e.BeginObject() {
		return
	}
	n := m.Len()
	s := sp.get(n)
	is32 := s.key.Kind() == reflect.Float32
	mark := len(e.rs.floats)
	var nans []int
	s.each(m, func(i int) {
		f := s.key.Float()
		if f != f {
			nans = append(nans, i)
			return
		}
		e.rs.floats = append(e.rs.floats, floatEntry{f, i})
	})
	entries := e.rs.floats[mark:]
	slices.SortFunc(entries, func(a, b floatEntry) int { return cmp.Compare(a.f, b.f) })
	key := func(f float64) {
		if is32 {
			e.keyFloat32(float32(f))
		} else {
			e.keyFloat64(f)
		}
	}
	for _, x := range entries {
		key(x.f)
		enc(e, at(s, x.i))
		if e.err != nil {
			break
		}
	}
	for _, i := range nans {
		if e.err != nil {
			break
		}
		key(math.NaN())
		enc(e, at(s, i))
	}
	e.rs.floats = e.rs.floats[:mark]
	sp.put(s)
	e.EndObject()
}

// reflectBoolMap writes a map with bool keys: false, then true.
func (e *Encoder) reflectBoolMap(m reflect.Value, sp *scratchPool, enc encFunc, at func(*mapScratch, int) unsafe.Pointer) {
	if !e.BeginObject() {
		return
	}
	s := sp.get(m.Len())
	where := [2]int{-1, -1}
	s.each(m, func(i int) { where[boolInt(s.key.Bool())] = i })
	for k, i := range where {
		if i >= 0 && e.err == nil {
			e.keyBool(k == 1)
			enc(e, at(s, i))
		}
	}
	sp.put(s)
	e.EndObject()
}

// textMap makes the mapFunc of a map whose keys are
// encoding.TextMarshalers, as EncodeTextMap: members ordered by the keys'
// texts, keys with equal texts one member (at the first's place, with the
// last's value); for a key type of an integer or float kind, keys with
// equal texts are ordered by their value (EncodeTextMapOrdered).
func textMap(k reflect.Type, sp *scratchPool, enc encFunc, at func(*mapScratch, int) unsafe.Pointer) mapFunc {
	typ := keyTypeName(k)
	var tie func(a, b reflect.Value) int
	switch k.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		tie = func(a, b reflect.Value) int { return cmp.Compare(a.Int(), b.Int()) }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		tie = func(a, b reflect.Value) int { return cmp.Compare(a.Uint(), b.Uint()) }
	case reflect.Float32, reflect.Float64:
		tie = func(a, b reflect.Value) int { return cmp.Compare(a.Float(), b.Float()) }
	}
	return func(e *Encoder, m reflect.Value) {
		if !e.BeginObject() {
			return
		}
		type entry struct {
			text string
			key  reflect.Value
			i    int
		}
		s := sp.get(m.Len())
		defer sp.put(s)
		entries := make([]entry, 0, m.Len())
		var err error
		s.each(m, func(i int) {
			if err != nil {
				return
			}
			kv := s.key.Interface()
			if kv == nil || isNilPointer(kv) {
				// encoding/json's key for a nil pointer; a nil interface
				// key gets the same rather than a panic.
				entries = append(entries, entry{"", reflect.ValueOf(kv), i})
				return
			}
			text, merr := kv.(encoding.TextMarshaler).MarshalText()
			if merr != nil {
				err = merr
				return
			}
			entries = append(entries, entry{string(text), reflect.ValueOf(kv), i})
		})
		if err != nil {
			e.fail(&MarshalerError{Type: typ, Method: "MarshalText", Err: err})
			e.EndObject()
			return
		}
		slices.SortFunc(entries, func(a, b entry) int {
			if c := strings.Compare(a.text, b.text); c != 0 || tie == nil {
				return c
			}
			return tie(a.key, b.key)
		})
		// Keys with equal texts are one member: the first's place, the
		// last's value; as are texts that differ in invalid UTF-8 alone.
		merged := entries[:0]
		invalid := false
		for j := 0; j < len(entries); {
			x := entries[j]
			for j++; j < len(entries) && entries[j].text == x.text; j++ {
				x.i = entries[j].i
			}
			invalid = invalid || !utf8.ValidString(x.text)
			merged = append(merged, x)
		}
		if invalid {
			order := normalGroups(len(merged), func(i int) string { return merged[i].text }, e.cfg.SortKeys)
			groups := make([]entry, len(order))
			for n, j := range order {
				groups[n] = merged[j]
			}
			merged = groups
		}
		for _, x := range merged {
			e.keyString(x.text)
			enc(e, at(s, x.i))
			if e.err != nil {
				break
			}
		}
		e.EndObject()
	}
}

// keyTypeName spells a map's key type for a MarshalText error, as
// generated code spells it (generator/emit_value.go, typeString0): the last
// element of its package's path and its name, or a predeclared type's name.
func keyTypeName(k reflect.Type) string {
	name, _, _ := strings.Cut(k.Name(), "[")
	if path := k.PkgPath(); path != "" {
		if i := strings.LastIndexByte(path, '/'); i >= 0 {
			path = path[i+1:]
		}
		return path + "." + name
	}
	return name
}

// reflectAnyMap writes a map whose key type is an interface, or a type
// Python cannot hold, by EncodeAnyMap's rules (anymap.go).
func (e *Encoder) reflectAnyMap(m reflect.Value, sp *scratchPool, enc encFunc, at func(*mapScratch, int) unsafe.Pointer) {
	if !e.BeginObject() {
		return
	}
	s := sp.get(m.Len())
	defer sp.put(s)
	entries := make([]anyEntry[any, int], 0, m.Len())
	s.each(m, func(i int) { entries = append(entries, classify(s.key.Interface(), i)) })
	writeAnyEntries(e, entries, func(e *Encoder, i int) { enc(e, at(s, i)) })
}

func init() { namedKey = namedBasicKey }

// namedBasicKey is namedKey: a key of a named type whose kind is a bool, an
// integer, a float or a string is the Python value of that kind, unless it
// is an encoding.TextMarshaler of a kind other than string.
func namedBasicKey(k any) (pyKey, bool) {
	v := reflect.ValueOf(k)
	if _, ok := k.(encoding.TextMarshaler); ok && v.Kind() != reflect.String {
		// Its value is the str of its text, which may fail: a key
		// Python cannot hold, as before. (A string kind's key is the
		// string itself, as in a typed map.)
		return pyKey{}, false
	}
	var x pyKey
	switch v.Kind() {
	case reflect.Bool:
		x = pyKeyOf(v.Bool())
	case reflect.Int:
		x = pyKeyOf(int(v.Int()))
	case reflect.Int8:
		x = pyKeyOf(int8(v.Int()))
	case reflect.Int16:
		x = pyKeyOf(int16(v.Int()))
	case reflect.Int32:
		x = pyKeyOf(int32(v.Int()))
	case reflect.Int64:
		x = pyKeyOf(v.Int())
	case reflect.Uint:
		x = pyKeyOf(uint(v.Uint()))
	case reflect.Uint8:
		x = pyKeyOf(uint8(v.Uint()))
	case reflect.Uint16:
		x = pyKeyOf(uint16(v.Uint()))
	case reflect.Uint32:
		x = pyKeyOf(uint32(v.Uint()))
	case reflect.Uint64:
		x = pyKeyOf(v.Uint())
	case reflect.Uintptr:
		x = pyKeyOf(uintptr(v.Uint()))
	case reflect.Float32:
		x = pyKeyOf(float32(v.Float()))
	case reflect.Float64:
		x = pyKeyOf(v.Float())
	case reflect.String:
		x = pyKeyOf(v.String())
	default:
		return pyKey{}, false
	}
	x.named = v.Type().String()
	return x, true
}
