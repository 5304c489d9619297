// Package nm holds types whose MarshalJSON or MarshalText method is given
// a typed nil pointer where the static type is an interface with the
// method (encoding/json calls it), and holders with each such place, for
// generator/nilmarshal_test.go: generated code, the reflective path and
// encoding/json must agree, panics included.
package nm

import (
	"encoding"
	"encoding/json"
	"strconv"
)

// PtrJSON's MarshalJSON is on the pointer and writes a nil pointer too.
type PtrJSON struct{ N int }

func (p *PtrJSON) MarshalJSON() ([]byte, error) {
	if p == nil {
		return []byte(`"nil-json"`), nil
	}
	return []byte(strconv.Itoa(p.N)), nil
}

// DerefJSON's MarshalJSON is on the pointer and reads through it: a nil
// pointer panics.
type DerefJSON struct{ N int }

func (p *DerefJSON) MarshalJSON() ([]byte, error) { return []byte(strconv.Itoa(p.N)), nil }

// ValJSON's MarshalJSON is on the value: Go's wrapper panics for a nil pointer.
type ValJSON struct{ N int }

func (v ValJSON) MarshalJSON() ([]byte, error) { return []byte(strconv.Itoa(v.N)), nil }

// PtrText's MarshalText is on the pointer and writes a nil pointer too.
type PtrText struct{ N int }

func (p *PtrText) MarshalText() ([]byte, error) {
	if p == nil {
		return []byte("nil-text"), nil
	}
	return []byte("t" + strconv.Itoa(p.N)), nil
}

// DerefText's MarshalText is on the pointer and reads through it: a nil
// pointer panics.
type DerefText struct{ N int }

func (p *DerefText) MarshalText() ([]byte, error) { return []byte("t" + strconv.Itoa(p.N)), nil }

// ValText's MarshalText is on the value: Go's wrapper panics for a nil pointer.
type ValText struct{ N int }

func (v ValText) MarshalText() ([]byte, error) { return []byte("t" + strconv.Itoa(v.N)), nil }

// HoldPtrJSON holds a *PtrJSON at each place: where the static type is
// json.Marshaler, any, or *PtrJSON.
type HoldPtrJSON struct {
	I  json.Marshaler
	A  any
	P  *PtrJSON
	IS []json.Marshaler
	AS []any
	PS []*PtrJSON
	IA [1]json.Marshaler
	IM map[string]json.Marshaler
	AM map[string]any
	PM map[string]*PtrJSON
	IP *json.Marshaler
}

// HoldDerefJSON holds a *DerefJSON at each place: where the static type is
// json.Marshaler, any, or *DerefJSON.
type HoldDerefJSON struct {
	I  json.Marshaler
	A  any
	P  *DerefJSON
	IS []json.Marshaler
	AS []any
	PS []*DerefJSON
	IA [1]json.Marshaler
	IM map[string]json.Marshaler
	AM map[string]any
	PM map[string]*DerefJSON
	IP *json.Marshaler
}

// HoldValJSON holds a *ValJSON at each place: where the static type is
// json.Marshaler, any, or *ValJSON.
type HoldValJSON struct {
	I  json.Marshaler
	A  any
	P  *ValJSON
	IS []json.Marshaler
	AS []any
	PS []*ValJSON
	IA [1]json.Marshaler
	IM map[string]json.Marshaler
	AM map[string]any
	PM map[string]*ValJSON
	IP *json.Marshaler
}

// HoldPtrText holds a *PtrText at each place: where the static type is
// encoding.TextMarshaler, any, or *PtrText.
type HoldPtrText struct {
	I  encoding.TextMarshaler
	A  any
	P  *PtrText
	IS []encoding.TextMarshaler
	AS []any
	PS []*PtrText
	IA [1]encoding.TextMarshaler
	IM map[string]encoding.TextMarshaler
	AM map[string]any
	PM map[string]*PtrText
	IP *encoding.TextMarshaler
}

// HoldDerefText holds a *DerefText at each place: where the static type is
// encoding.TextMarshaler, any, or *DerefText.
type HoldDerefText struct {
	I  encoding.TextMarshaler
	A  any
	P  *DerefText
	IS []encoding.TextMarshaler
	AS []any
	PS []*DerefText
	IA [1]encoding.TextMarshaler
	IM map[string]encoding.TextMarshaler
	AM map[string]any
	PM map[string]*DerefText
	IP *encoding.TextMarshaler
}

// HoldValText holds a *ValText at each place: where the static type is
// encoding.TextMarshaler, any, or *ValText.
type HoldValText struct {
	I  encoding.TextMarshaler
	A  any
	P  *ValText
	IS []encoding.TextMarshaler
	AS []any
	PS []*ValText
	IA [1]encoding.TextMarshaler
	IM map[string]encoding.TextMarshaler
	AM map[string]any
	PM map[string]*ValText
	IP *encoding.TextMarshaler
}
