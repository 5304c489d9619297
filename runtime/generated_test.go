package jsondumprt

import (
	"testing"
)

// ownGen has the method jsondumpgen gives a -type, written as it writes it.
type ownGen struct{ A int }

func (ownGen) JSONDumpEncode(e *Encoder, x any) bool {
	switch p := x.(type) {
	case *ownGen:
		e.Claim()
		if p == nil {
			e.Null()
		} else {
			ownGenEncode(e, p)
		}
	case ownGen:
		e.Claim()
		ownGenEncode(e, &p)
	default:
		return false
	}
	return true
}

func ownGenEncode(e *Encoder, v *ownGen) {
	if e.BeginObject() {
		e.key(`"A"`, `"A"`)
		e.Int(int64(v.A))
		e.EndObject()
	}
}

// Types that embed it: Go promotes its methods to them.
type (
	ownByValue struct {
		ownGen
		B int
	}
	ownByPointer struct {
		*ownGen
		B int
	}
)

// TestOwnEncodable checks that a type embedding a generated type is not
// written as the embedded value alone (its other fields would be lost): the
// reflective path writes it as its own struct type, with the embedded
// type's fields promoted, as encoding/json does; without that path
// (-tags jsondump_noreflect) it is an unknown object. A nil pointer is
// null whatever its type, as encoding/json writes a nil Marshaler, and
// nothing is called through it.
func TestOwnEncodable(t *testing.T) {
	hook := DefaultOption(func(v any) (any, error) { return "hooked " + typeName(v), nil })
	for _, c := range []struct {
		v          any
		want, hook string // without and with a Default hook; "!" starts an error
		reflected  string // with the reflective path, either way
	}{
		{ownGen{1}, `{"A": 1}`, `{"A": 1}`, `{"A": 1}`},
		{&ownGen{2}, `{"A": 2}`, `{"A": 2}`, `{"A": 2}`},
		{(*ownGen)(nil), `null`, `null`, `null`},
		{ownByValue{ownGen{1}, 2}, `!Object of type jsondumprt.ownByValue is not JSON serializable`, `"hooked jsondumprt.ownByValue"`, `{"A": 1, "B": 2}`},
		{&ownByValue{ownGen{1}, 2}, `!Object of type *jsondumprt.ownByValue is not JSON serializable`, `"hooked *jsondumprt.ownByValue"`, `{"A": 1, "B": 2}`},
		{(*ownByValue)(nil), `null`, `null`, `null`},
		{ownByPointer{&ownGen{1}, 2}, `!Object of type jsondumprt.ownByPointer is not JSON serializable`, `"hooked jsondumprt.ownByPointer"`, `{"A": 1, "B": 2}`},
		{ownByPointer{nil, 2}, `!Object of type jsondumprt.ownByPointer is not JSON serializable`, `"hooked jsondumprt.ownByPointer"`, `{"B": 2}`},
		{&ownByPointer{nil, 2}, `!Object of type *jsondumprt.ownByPointer is not JSON serializable`, `"hooked *jsondumprt.ownByPointer"`, `{"B": 2}`},
		{[]any{ownGen{3}, ownByPointer{nil, 2}}, `!Object of type jsondumprt.ownByPointer is not JSON serializable`, `[{"A": 3}, "hooked jsondumprt.ownByPointer"]`, `[{"A": 3}, {"B": 2}]`},
		{[]ownByValue{{ownGen{4}, 5}}, `!Object of type []jsondumprt.ownByValue is not JSON serializable`, `"hooked []jsondumprt.ownByValue"`, `[{"A": 4, "B": 5}]`},
		{map[string]*ownGen{"k": {6}, "n": nil}, `!Object of type map[string]*jsondumprt.ownGen is not JSON serializable`, `"hooked map[string]*jsondumprt.ownGen"`, `{"k": {"A": 6}, "n": null}`},
	} {
		for i, opts := range [][]Option{nil, {hook}} {
			want := c.want
			if i == 1 {
				want = c.hook
			}
			if reflectBuild {
				want = c.reflected
			}
			e := NewStringEncoder(opts, nil)
			e.Any(c.v)
			got, err := e.FinishString()
			if err != nil {
				got = "!" + err.Error()
			}
			if got != want {
				t.Errorf("%T %+v (hook %v): got %s, want %s", c.v, c.v, i == 1, got, want)
			}
		}
	}
}
