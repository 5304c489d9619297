package jsondumprt

import (
	"encoding"
	"encoding/json"
	"math/big"
	"unicode/utf8"
)

// Any writes a dynamic value: the forms listed in the package jsondump's
// documentation (doc.go, "The three paths") by a type switch, Encodable
// values (generated code) by their method, and any other value by other:
// json.Marshaler and encoding.TextMarshaler, then the reflective path
// (reflect.go), or, built with -tags jsondump_noreflect, the Default hook
// (Python's default=), or Python's TypeError "Object of type T is not JSON
// serializable" without one.
//
// The list is the contract; a form is added to it deliberately, for speed:
// the reflective path writes every other type by the same rules.
func (e *Encoder) Any(v any) {
	if e.err != nil {
		return
	}
	switch x := v.(type) {
	case nil:
		e.Null()
	case string:
		e.String(x)
	case bool:
		e.Bool(x)
	case int:
		e.Int(int64(x))
	case int64:
		e.Int(x)
	case float64:
		e.Float64(x)
	case map[string]any:
		e.mapAny(x)
	case []any:
		e.sliceAny(x)
	case Dict:
		e.Dict(x)
	case Encodable:
		e.encodable(x, v)
	case int8:
		e.Int(int64(x))
	case int16:
		e.Int(int64(x))
	case int32:
		e.Int(int64(x))
	case uint:
		e.Uint(uint64(x))
	case uint8:
		e.Uint(uint64(x))
	case uint16:
		e.Uint(uint64(x))
	case uint32:
		e.Uint(uint64(x))
	case uint64:
		e.Uint(x)
	case uintptr:
		e.Uint(uint64(x))
	case float32:
		e.Float32(x)
	case []byte:
		e.Bytes(x)
	case []string:
		EncodeStrings(e, x)
	case []int:
		EncodeInts(e, x)
	case []int64:
		EncodeInts(e, x)
	case []float64:
		EncodeFloat64s(e, x)
	case []bool:
		EncodeBools(e, x)
	case map[string]string:
		EncodeStringMap(e, x, (*Encoder).String)
	case map[string]int:
		EncodeStringMap(e, x, encodeInt)
	case map[string]int64:
		EncodeStringMap(e, x, (*Encoder).Int)
	case map[string]float64:
		EncodeStringMap(e, x, (*Encoder).Float64)
	case map[string]bool:
		EncodeStringMap(e, x, (*Encoder).Bool)
	case *big.Int:
		e.BigInt(x)
	case json.Number:
		e.Number(x)
	case json.RawMessage:
		e.RawMessage(x)
	default:
		e.other(v)
	}
}

func encodeInt(e *Encoder, i int) { e.Int(int64(i)) }

// marshalerOrUnknown writes v, none of Any's other forms, as a
// json.Marshaler or encoding.TextMarshaler, else as an unknown object (the
// Default hook). A nil pointer held in an any is null without a call, as
// encoding/json writes it: reflect answers that question here, where the
// method's call and its text cost far more.
func (e *Encoder) marshalerOrUnknown(v any) {
	switch x := v.(type) {
	case json.Marshaler:
		if isNilPointer(x) {
			e.Null()
			return
		}
		e.Marshaler(x, "")
	case encoding.TextMarshaler:
		if isNilPointer(x) {
			e.Null()
			return
		}
		e.TextMarshaler(x, "")
	default:
		e.DefaultHook(v)
	}
}

// sliceAny writes a []any, a Python list.
func (e *Encoder) sliceAny(s []any) {
	if s == nil {
		e.Null()
		return
	}
	if len(s) == 0 {
		e.buf = append(e.buf, "[]"...)
		return
	}
	if !EnterSlice(e, s) {
		return
	}
	if e.BeginArray() {
		for _, x := range s {
			e.Elem()
			e.Any(x)
			if e.err != nil {
				break
			}
		}
		e.EndArray()
	}
	e.Leave()
}

// mapAny writes a map[string]any, a Python dict.
func (e *Encoder) mapAny(m map[string]any) {
	if m == nil {
		e.Null()
		return
	}
	if len(m) == 0 {
		e.buf = append(e.buf, "{}"...)
		return
	}
	if !EnterMap(e, m) {
		return
	}
	if !e.BeginObject() {
		e.Leave()
		return
	}
	// Gather the members as pairs in the Encoder's scratch stack: sorting
	// pairs saves looking each value up again, a fifth of the time on
	// twitter.json.
	mark := len(e.kvs)
	valid := true
	for k, v := range m {
		e.kvs = append(e.kvs, keyValue{keyPrefix(k), k, v})
		valid = valid && utf8.ValidString(k)
	}
	pairs := e.kvs[mark:]
	sortPairs(pairs)
	if valid {
		for i := range pairs {
			e.keyString(pairs[i].k)
			e.Any(pairs[i].v)
			if e.err != nil {
				break
			}
		}
	} else {
		e.mapAnyInvalid(m, pairs)
	}
	clear(e.kvs[mark:])
	e.kvs = e.kvs[:mark]
	e.EndObject()
	e.Leave()
}

// mapAnyInvalid writes the members of m, some of whose keys are not valid
// UTF-8, by normalStringKeys's rules. pairs holds m's members sorted by key.
func (e *Encoder) mapAnyInvalid(m map[string]any, pairs []keyValue) {
	for _, k := range normalPairKeys(pairs, e.cfg.SortKeys) {
		e.keyString(k)
		e.Any(m[k])
		if e.err != nil {
			break
		}
	}
}

// DefaultHook hands v, a value with no JSON form, to the Default hook and
// writes what the hook returns in its place, as Python's encoder does with
// default(o) (Lib/json/encoder.py). While the result is written, v stays
// open for CheckCircular, so a hook that returns v itself, or a list holding
// it, is "Circular reference detected"; and each hook call counts toward the
// depth limit, so a hook that returns a new unknown value every time ends in
// a RecursionError. Without a hook, v is Python's TypeError.
//
// A hook call costs what it costs Python's recursion limit. CPython's C
// encoder (json.dumps without indent) counts one level for default(o) and
// one for each container. Its Python encoder (json.dumps with an indent, and
// json.dump always: Dump) runs a generator frame for o and another that
// dispatches default(o)'s result, so a hook that returns a list costs three
// levels there, not two: {"a": [o]} with a hook returning [o] fails near 330
// levels indented, 496 compact. When the result is itself unknown, the
// dispatching frame is the next hook's own: a chain of hooks costs one level
// each in both encoders.
func (e *Encoder) DefaultHook(v any) {
	if e.err != nil {
		return
	}
	if e.cfg.Default == nil {
		e.fail(notSerializable(typeName(v)))
		return
	}
	// A hook call counts toward the depth limit but is no level of
	// indentation: Python writes default(o) where o would have been.
	level := e.depth + e.hooks
	cost := 1
	if (e.cfg.Indented || e.w != nil) && level != e.hookResult {
		cost = 2 // Python's encoder: the frame that dispatches the result
	}
	if level+cost > e.cfg.MaxDepth {
		e.fail(errRecursion())
		return
	}
	e.hooks += cost
	if e.enterAny(v) {
		r, err := e.cfg.Default(v)
		if err != nil {
			e.fail(err)
		} else {
			outer := e.hookResult
			e.hookResult = e.depth + e.hooks
			e.Any(r)
			e.hookResult = outer
		}
		e.Leave()
	}
	e.hooks -= cost
}
