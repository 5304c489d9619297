package jsondumprt

import (
	"math"
	"reflect"
	"testing"
	"time"
)

// isEmptyReflect is encoding/json's isEmptyValue, the oracle of
// IsEmptyValue.
func isEmptyReflect(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64,
		reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

type (
	evInt    int
	evStruct struct{ A int }
	evSlices struct{ S []int }
	evZeroer struct{ N int }
)

func (z evZeroer) IsZero() bool { return z.N == 7 }

// checkEmptyZero runs IsEmptyValue and IsZeroValue as generated code calls
// them for a field of type parameter T, against encoding/json's rules by
// reflect (omitzero: an IsZero method, else reflect.Value.IsZero). known
// marks the documented differences.
func checkEmptyZero[T any](t *testing.T, name string, v T, knownEmpty, knownZero bool) {
	t.Helper()
	rv := reflect.ValueOf(&v).Elem()
	wantEmpty := isEmptyReflect(rv)
	// omitzero as encoding/json decides it: by the field's type T.
	var wantZero bool
	isZeroer := reflect.TypeFor[interface{ IsZero() bool }]()
	switch typ := reflect.TypeFor[T](); {
	case typ.Kind() == reflect.Interface:
		wantZero = rv.IsNil() // T = any here; no interface type with IsZero
	case typ.Implements(isZeroer):
		wantZero = rv.Kind() == reflect.Pointer && rv.IsNil() || any(v).(interface{ IsZero() bool }).IsZero()
	default:
		wantZero = rv.IsZero()
	}
	if got := IsEmptyValue(any(v), any(*new(T))); got != wantEmpty != knownEmpty {
		t.Errorf("%s: IsEmptyValue = %v, encoding/json %v (known difference: %v)", name, got, wantEmpty, knownEmpty)
	}
	if got := IsZeroValue(any(v), any(*new(T))); got != wantZero != knownZero {
		t.Errorf("%s: IsZeroValue = %v, encoding/json %v (known difference: %v)", name, got, wantZero, knownZero)
	}
}

func TestEmptyZeroValue(t *testing.T) {
	one := 1
	var nilAny any
	checkEmptyZero(t, "int 0", 0, false, false)
	checkEmptyZero(t, "int 1", 1, false, false)
	checkEmptyZero(t, "int8 -1", int8(-1), false, false)
	checkEmptyZero(t, "uintptr 0", uintptr(0), false, false)
	checkEmptyZero(t, "named int 0", evInt(0), false, false)
	checkEmptyZero(t, "named int 3", evInt(3), false, false)
	checkEmptyZero(t, "float -0", math.Copysign(0, -1), false, false)
	checkEmptyZero(t, "float NaN", math.NaN(), false, false)
	checkEmptyZero(t, "float32 0", float32(0), false, false)
	checkEmptyZero(t, "bool false", false, false, false)
	checkEmptyZero(t, "bool true", true, false, false)
	checkEmptyZero(t, "string empty", "", false, false)
	checkEmptyZero(t, "string x", "x", false, false)
	checkEmptyZero(t, "nil slice", []int(nil), false, false)
	checkEmptyZero(t, "empty slice", []int{}, false, false)
	checkEmptyZero(t, "slice", []int{1}, false, false)
	checkEmptyZero(t, "nil map", map[string]int(nil), false, false)
	checkEmptyZero(t, "empty map", map[string]int{}, false, false)
	checkEmptyZero(t, "map", map[string]int{"a": 1}, false, false)
	checkEmptyZero(t, "big map", map[int]int{1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9}, false, false)
	checkEmptyZero(t, "nil pointer", (*int)(nil), false, false)
	checkEmptyZero(t, "pointer", &one, false, false)
	checkEmptyZero(t, "nil func", (func())(nil), false, false)
	checkEmptyZero(t, "func", func() {}, false, false)
	checkEmptyZero(t, "nil any", nilAny, false, false)
	checkEmptyZero(t, "any 0", any(0), false, false)
	checkEmptyZero(t, "any empty slice", any([]int{}), false, false)
	checkEmptyZero(t, "any nil pointer", any((*int)(nil)), false, false)
	checkEmptyZero(t, "any zero time", any(time.Time{}), false, false)
	checkEmptyZero(t, "any empty string", any(""), false, false)
	checkEmptyZero(t, "zero struct", evStruct{}, false, false)
	checkEmptyZero(t, "struct", evStruct{1}, false, false)
	checkEmptyZero(t, "zero time", time.Time{}, false, false)
	checkEmptyZero(t, "time", time.Unix(1, 0), false, false)
	checkEmptyZero(t, "nil *time.Time", (*time.Time)(nil), false, false)
	checkEmptyZero(t, "IsZero true", evZeroer{7}, false, false)
	checkEmptyZero(t, "IsZero false", evZeroer{0}, false, false)
	checkEmptyZero(t, "array", [2]int{}, false, false)
	checkEmptyZero(t, "array of length 0", [0]int{}, false, false)
	checkEmptyZero(t, "zero struct with a slice", evSlices{}, false, false)
	checkEmptyZero(t, "struct with a slice", evSlices{[]int{1}}, false, false)
}
