package jsondumprt

import (
	"cmp"
	"encoding"
	"slices"
	"strings"
	"unicode/utf8"
)

// Go maps have no order and Python dicts keep insertion order, so README's mapping
// defines the dict of a Go map as built in ascending key order: numbers by
// value, false before true, strings by bytes. Python's sort_keys gives the
// same order for every key kind of a typed map, so SortKeys needs no second
// pass here. (Strings by bytes is code-point order for valid UTF-8, which is
// how Python compares str.)
//
// Each Encode*Map function writes one map: null for nil, {} for an empty
// map, else the members in that order. enc writes one value; generated code
// passes its own encode function for the map's value type, a plain function
// value that costs no allocation. Keys are gathered in scratch space that the
// Encoder keeps between calls, so a map costs no allocation either once the
// Encoder is warm.

// EncodeStringMap writes a map with string keys. The keys are sorted as
// map[string]any's are (see sortPairs), then each value is looked up: a
// typed value cannot wait in the pairs without being boxed.
//
// A key that is not valid UTF-8 is, in Python, the str with U+FFFD for each
// bad byte, and two Go keys can become one Python key: {"\xfe": 1, "\xff": 2}
// builds the dict {"\ufffd": 2}, the first key's position with the last
// value. That rare case takes a slower path, normalStringKeys.
func EncodeStringMap[K ~string, V any](e *Encoder, m map[K]V, enc func(*Encoder, V)) {
	if m == nil {
		e.Null()
		return
	}
	if !e.BeginObject() {
		return
	}
	mark := len(e.kvs)
	valid := true
	for k := range m {
		e.kvs = append(e.kvs, keyValue{p: keyPrefix(string(k)), k: string(k)})
		valid = valid && utf8.ValidString(string(k))
	}
	pairs := e.kvs[mark:]
	sortPairs(pairs)
	if valid {
		for i := range pairs {
			e.keyString(pairs[i].k)
			enc(e, m[K(pairs[i].k)])
			if e.err != nil {
				break
			}
		}
	} else {
		for _, k := range normalPairKeys(pairs, e.cfg.SortKeys) {
			e.keyString(k)
			enc(e, m[K(k)])
			if e.err != nil {
				break
			}
		}
	}
	clear(e.kvs[mark:])
	e.kvs = e.kvs[:mark]
	e.EndObject()
}

// ByPointer adapts enc, which writes a map value through its address, to
// the enc of the Encode*Map functions, which receives the value itself: for
// map value types that hold a lock (a sync.Mutex, a sync/atomic type, in
// place), which go vet's copylocks check forbids generated code to pass by
// value. The value is copied here, where V is a type parameter, and its
// address escapes: one allocation per member, for such types only.
func ByPointer[V any](enc func(*Encoder, *V)) func(*Encoder, V) {
	return func(e *Encoder, v V) { enc(e, &v) }
}

// Ints is the constraint of integer key types.
type Ints interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64
}

// Uints is the constraint of unsigned integer key types.
type Uints interface {
	~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

// EncodeIntMap writes a map with signed integer keys, in numeric order.
func EncodeIntMap[K Ints, V any](e *Encoder, m map[K]V, enc func(*Encoder, V)) {
	if m == nil {
		e.Null()
		return
	}
	if !e.BeginObject() {
		return
	}
	mark := len(e.ikeys)
	for k := range m {
		e.ikeys = append(e.ikeys, int64(k))
	}
	keys := e.ikeys[mark:]
	slices.Sort(keys)
	for _, k := range keys {
		e.keyInt(k)
		enc(e, m[K(k)])
		if e.err != nil {
			break
		}
	}
	e.ikeys = e.ikeys[:mark]
	e.EndObject()
}

// EncodeUintMap writes a map with unsigned integer keys, in numeric order.
func EncodeUintMap[K Uints, V any](e *Encoder, m map[K]V, enc func(*Encoder, V)) {
	if m == nil {
		e.Null()
		return
	}
	if !e.BeginObject() {
		return
	}
	mark := len(e.ukeys)
	for k := range m {
		e.ukeys = append(e.ukeys, uint64(k))
	}
	keys := e.ukeys[mark:]
	slices.Sort(keys)
	for _, k := range keys {
		e.keyUint(k)
		enc(e, m[K(k)])
		if e.err != nil {
			break
		}
	}
	e.ukeys = e.ukeys[:mark]
	e.EndObject()
}

// EncodeFloat64Map writes a map with float64 keys, in numeric order, NaN keys
// last. (Python's order of NaN keys under sort_keys is not defined: it
// differs between CPython versions.)
func EncodeFloat64Map[K ~float64, V any](e *Encoder, m map[K]V, enc func(*Encoder, V)) {
	encodeFloatMap(e, m, enc, func(e *Encoder, k K) { e.keyFloat64(float64(k)) })
}

// EncodeFloat32Map writes a map with float32 keys; see EncodeFloat64Map.
func EncodeFloat32Map[K ~float32, V any](e *Encoder, m map[K]V, enc func(*Encoder, V)) {
	encodeFloatMap(e, m, enc, func(e *Encoder, k K) { e.keyFloat32(float32(k)) })
}

// EncodeBoolMap writes a map with bool keys: false, then true.
func EncodeBoolMap[K ~bool, V any](e *Encoder, m map[K]V, enc func(*Encoder, V)) {
	if m == nil {
		e.Null()
		return
	}
	if !e.BeginObject() {
		return
	}
	for _, k := range [2]K{false, true} {
		if v, ok := m[k]; ok && e.err == nil {
			e.keyBool(bool(k))
			enc(e, v)
		}
	}
	e.EndObject()
}

// EncodeTextMap writes a map whose keys are encoding.TextMarshalers: each
// key is the str of its text, and members are ordered by that text. Keys
// whose texts are equal are one Python dict key: one member, at the place of
// the first, with the value of the last; so are keys whose texts differ in
// invalid UTF-8 alone (each invalid byte is U+FFFD in the str), and SortKeys
// then orders the members by the str. Which of them is first is not
// defined for key types that have no order (EncodeTextMapOrdered defines it
// for the others). typ names the key type for a MarshalText error.
func EncodeTextMap[K interface {
	comparable
	encoding.TextMarshaler
}, V any](e *Encoder, m map[K]V, enc func(*Encoder, V), typ string) {
	encodeTextMap(e, m, enc, typ, nil)
}

// EncodeTextMapOrdered is EncodeTextMap for a key type with an order (an
// integer, float or string kind): keys with equal texts are ordered by their
// own value, so the member written is the same on every call.
func EncodeTextMapOrdered[K interface {
	cmp.Ordered
	encoding.TextMarshaler
}, V any](e *Encoder, m map[K]V, enc func(*Encoder, V), typ string) {
	encodeTextMap(e, m, enc, typ, cmp.Compare[K])
}

func encodeTextMap[K interface {
	comparable
	encoding.TextMarshaler
}, V any](e *Encoder, m map[K]V, enc func(*Encoder, V), typ string, tie func(a, b K) int) {
	if m == nil {
		e.Null()
		return
	}
	if !e.BeginObject() {
		return
	}
	type entry struct {
		text string
		key  K
		val  V
	}
	entries := make([]entry, 0, len(m))
	for k, v := range m {
		if any(k) == nil || isNilPointer(any(k)) {
			// encoding/json's key for a nil pointer; a nil interface key
			// gets the same rather than a panic.
			entries = append(entries, entry{"", k, v})
			continue
		}
		text, err := k.MarshalText()
		if err != nil {
			e.fail(&MarshalerError{Type: typ, Method: "MarshalText", Err: err})
			e.EndObject()
			return
		}
		entries = append(entries, entry{string(text), k, v})
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if c := strings.Compare(a.text, b.text); c != 0 || tie == nil {
			return c
		}
		return tie(a.key, b.key)
	})
	// Keys with equal texts are one member: the first's place, the last's
	// value.
	merged := entries[:0]
	invalid := false
	for i := 0; i < len(entries); {
		x := entries[i]
		for i++; i < len(entries) && entries[i].text == x.text; i++ {
			x.val = entries[i].val
		}
		invalid = invalid || !utf8.ValidString(x.text)
		merged = append(merged, x)
	}
	if invalid {
		// Texts that differ in invalid UTF-8 alone are one Python str too.
		for _, j := range normalGroups(len(merged), func(i int) string { return merged[i].text }, e.cfg.SortKeys) {
			e.keyString(merged[j].text)
			enc(e, merged[j].val)
			if e.err != nil {
				break
			}
		}
		e.EndObject()
		return
	}
	for _, x := range merged {
		e.keyString(x.text)
		enc(e, x.val)
		if e.err != nil {
			break
		}
	}
	e.EndObject()
}

// encodeFloatMap writes a map with float keys, gathered as float64 (which
// holds a float32 exactly). A NaN key cannot be looked up in a Go map (NaN !=
// NaN), so NaN keys, rare, take a second pass over the map, in its order.
func encodeFloatMap[K ~float64 | ~float32, V any](e *Encoder, m map[K]V, enc func(*Encoder, V), key func(*Encoder, K)) {
	if m == nil {
		e.Null()
		return
	}
	if !e.BeginObject() {
		return
	}
	mark := len(e.fkeys)
	nans := 0
	for k := range m {
		if k != k {
			nans++
			continue
		}
		e.fkeys = append(e.fkeys, float64(k))
	}
	keys := e.fkeys[mark:]
	slices.Sort(keys)
	for _, k := range keys {
		key(e, K(k))
		enc(e, m[K(k)])
		if e.err != nil {
			break
		}
	}
	e.fkeys = e.fkeys[:mark]
	if nans > 0 && e.err == nil {
		for k, v := range m {
			if k == k {
				continue
			}
			key(e, k)
			enc(e, v)
			if e.err != nil {
				break
			}
		}
	}
	e.EndObject()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
