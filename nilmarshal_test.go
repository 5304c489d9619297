package jsondump_test

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"testing"

	"github.com/jsondump/jsondump"
)

// Typed nil pointers of types with MarshalJSON or MarshalText, held where
// the static type is an interface. encoding/json calls the method when that
// interface has it (json.Marshaler, encoding.TextMarshaler): a method on
// the pointer may write text for nil, or dereference it and panic; a method
// on the value panics in Go's wrapper. Held in an any (an interface without
// the method), a typed nil pointer is null, and nothing is called. A field
// of the concrete pointer type is null too.
//
// TestNilMarshalers checks every combination against encoding/json itself:
// the same panics, and the same JSON value otherwise, on the dynamic path
// (the listed forms: []any, map[string]any, the root) and on the
// reflective path (structs, typed slices, arrays, maps and pointers). The
// generated path is checked the same way by generator/nilmarshal_test.go.

// nmPtrJSON's MarshalJSON is on the pointer and writes nil too.
type nmPtrJSON struct{ N int }

func (p *nmPtrJSON) MarshalJSON() ([]byte, error) {
	if p == nil {
		return []byte(`"nil-json"`), nil
	}
	return []byte(strconv.Itoa(p.N)), nil
}

// nmDerefJSON's MarshalJSON is on the pointer and reads through it.
type nmDerefJSON struct{ N int }

func (p *nmDerefJSON) MarshalJSON() ([]byte, error) { return []byte(strconv.Itoa(p.N)), nil }

// nmValJSON's MarshalJSON is on the value.
type nmValJSON struct{ N int }

func (v nmValJSON) MarshalJSON() ([]byte, error) { return []byte(strconv.Itoa(v.N)), nil }

// The same three for MarshalText.
type (
	nmPtrText   struct{ N int }
	nmDerefText struct{ N int }
	nmValText   struct{ N int }
)

func (p *nmPtrText) MarshalText() ([]byte, error) {
	if p == nil {
		return []byte("nil-text"), nil
	}
	return []byte("t" + strconv.Itoa(p.N)), nil
}

func (p *nmDerefText) MarshalText() ([]byte, error) { return []byte("t" + strconv.Itoa(p.N)), nil }

func (v nmValText) MarshalText() ([]byte, error) { return []byte("t" + strconv.Itoa(v.N)), nil }

// nmPlaces returns values that hold the typed nil pointer np at every place
// a value can be, where the static type is each of ifaces (an interface
// type) and np's own pointer type: a struct field, a slice element, an
// array element, a map value, a pointer's target; and np itself.
func nmPlaces(np any, ifaces ...reflect.Type) map[string]any {
	out := map[string]any{"root": np}
	v := reflect.ValueOf(np)
	for _, it := range append(ifaces, v.Type()) {
		name := it.String()
		st := reflect.New(reflect.StructOf([]reflect.StructField{{Name: "F", Type: it}})).Elem()
		st.Field(0).Set(v)
		out["field "+name] = st.Interface()
		out["*field "+name] = st.Addr().Interface()
		sl := reflect.MakeSlice(reflect.SliceOf(it), 1, 1)
		sl.Index(0).Set(v)
		out["slice "+name] = sl.Interface()
		arr := reflect.New(reflect.ArrayOf(1, it)).Elem()
		arr.Index(0).Set(v)
		out["array "+name] = arr.Interface()
		m := reflect.MakeMap(reflect.MapOf(reflect.TypeFor[string](), it))
		m.SetMapIndex(reflect.ValueOf("k"), v)
		out["map "+name] = m.Interface()
		p := reflect.New(it)
		p.Elem().Set(v)
		out["pointer "+name] = p.Interface()
	}
	return out
}

// nmResult runs f: "PANIC", "ERR" or "OK" with the JSON value of the text,
// spelled by encoding/json (so that the layouts of the two encoders do not
// matter).
func nmResult(f func() ([]byte, error)) (res string) {
	defer func() {
		if r := recover(); r != nil {
			res = "PANIC"
		}
	}()
	b, err := f()
	if err != nil {
		return "ERR"
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return "INVALID " + string(b)
	}
	canon, _ := json.Marshal(v)
	return "OK " + string(canon)
}

func TestNilMarshalers(t *testing.T) {
	anyT := reflect.TypeFor[any]()
	marshaler := reflect.TypeFor[json.Marshaler]()
	texter := reflect.TypeFor[encoding.TextMarshaler]()
	compared, panics := 0, 0
	for _, c := range []struct {
		np     any
		ifaces []reflect.Type
	}{
		{(*nmPtrJSON)(nil), []reflect.Type{marshaler, anyT}},
		{(*nmDerefJSON)(nil), []reflect.Type{marshaler, anyT}},
		{(*nmValJSON)(nil), []reflect.Type{marshaler, anyT}},
		{(*nmPtrText)(nil), []reflect.Type{texter, anyT}},
		{(*nmDerefText)(nil), []reflect.Type{texter, anyT}},
		{(*nmValText)(nil), []reflect.Type{texter, anyT}},
	} {
		for place, v := range nmPlaces(c.np, c.ifaces...) {
			what := fmt.Sprintf("%T in %s (%T)", c.np, place, v)
			want := nmResult(func() ([]byte, error) { return json.Marshal(v) })
			if want == "PANIC" {
				panics++
			}
			if testing.Verbose() {
				t.Logf("%s: encoding/json %s", what, want)
			}
			for _, opts := range [][]jsondump.Option{nil, {jsondump.Indent(2), jsondump.SortKeys(true)}} {
				got := nmResult(func() ([]byte, error) {
					s, err := jsondump.Dumps(v, opts...)
					return []byte(s), err
				})
				compared++
				if !reflectBuild && got == "ERR" && isUnknownObject(v) {
					// Without the reflective path a typed container is
					// an unknown object; the listed forms still agree.
					continue
				}
				if got != want {
					t.Errorf("%s, options %d: jsondump %s, encoding/json %s", what, len(opts), got, want)
				}
			}
		}
	}
	t.Logf("%d encodings compared with encoding/json (%d where it panics)", compared, panics)
}

// isUnknownObject reports whether v is of a type that the dynamic path
// does not know without the reflective path: neither a listed form nor a
// Marshaler.
func isUnknownObject(v any) bool {
	switch v.(type) {
	case []any, map[string]any, json.Marshaler, encoding.TextMarshaler:
		return false
	}
	return true
}
