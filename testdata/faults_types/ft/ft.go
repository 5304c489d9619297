// Package ft holds realistic types for the generated-code faults review
// (generator/faults_test.go): an order document without any
// marshaler, an envelope whose fields call marshalers and the Default hook
// that can be told to fail, and recursive types.
package ft

import (
	"errors"
	"strconv"
	"strings"
	"sync/atomic"
)

// Order is a realistic document with no marshaler anywhere: the allocation
// and concurrency checks use it.
type Order struct {
	ID       int64             `json:"id"`
	Customer Customer          `json:"customer"`
	Items    []Item            `json:"items"`
	Tags     map[string]string `json:"tags,omitempty"`
	Counts   map[int]int       `json:"counts"`
	Notes    *string           `json:"notes"`
	Total    float64           `json:"total"`
	Ratio    float32           `json:"ratio"`
	Paid     bool              `json:"paid"`
	Blob     []byte            `json:"blob"`
	Note2    string            `json:"note2,omitempty"`
	Sections map[string]Item   `json:"sections"`
	Menu     Menu              `json:"menu"`
	Internal string            `json:"-"`
	secret   int
}

// Customer is a nested struct.
type Customer struct {
	Name  string   `json:"name"`
	Email string   `json:"email"`
	Addr  *Address `json:"addr,omitempty"`
	Score uint8    `json:"score,string"`
}

// Address is embedded in Customer by pointer.
type Address struct {
	Street string
	City   string `json:"city"`
	Zip    string `json:"zip,omitempty"`
}

// Item is a line of an order.
type Item struct {
	SKU   string   `json:"sku"`
	Qty   int      `json:"qty"`
	Price float64  `json:"price"`
	Attrs []string `json:"attrs"`
}

// ErrProbe is what a probe in mode "err" returns.
var ErrProbe = errors.New("probe failed")

// PanicValue is what a probe in mode "panic" panics with.
var PanicValue = errors.New("probe panic")

// HugeLen is the size of a probe's text in mode "huge" (about 1 MiB).
const HugeLen = 1 << 20

// Calls counts MarshalJSON/MarshalText calls of probes.
var Calls atomic.Int64

// Probe marshals itself by a value-receiver MarshalJSON whose behaviour is
// its Mode: "ok" (the text "PROBE-OK-<N>"), "obj", "err", "errtext", "panic", "invalid" (text
// that is not JSON, after a valid start), "huge" (a 1 MiB string), "hugeinvalid"
// (a 1 MiB array that is not closed), "deep" (N levels of [ ]).
type Probe struct {
	Mode string
	N    int
}

// MarshalJSON behaves as p.Mode says.
func (p Probe) MarshalJSON() ([]byte, error) {
	Calls.Add(1)
	switch p.Mode {
	case "ok":
		return []byte(`"PROBE-OK-` + strconv.Itoa(p.N) + `"`), nil
	case "obj":
		return []byte(`{"b": [1, 2.50, "x"], "a": null}`), nil
	case "err":
		return nil, ErrProbe
	case "errtext":
		return []byte(`"partial"`), ErrProbe
	case "panic":
		panic(PanicValue)
	case "invalid":
		return []byte(`[1, 2, {"a": "b"}, 3 4]`), nil
	case "huge":
		return []byte(`"` + strings.Repeat("h", HugeLen) + `"`), nil
	case "hugeinvalid":
		return []byte(`[` + strings.Repeat(`"abcdefg", `, HugeLen/11) + `1`), nil
	case "deep":
		return []byte(strings.Repeat("[", p.N) + strings.Repeat("]", p.N)), nil
	}
	return []byte("null"), nil
}

// TProbe marshals itself as text, by Mode: "ok", "err", "panic", "huge".
type TProbe struct{ Mode string }

// MarshalText behaves as p.Mode says.
func (p TProbe) MarshalText() ([]byte, error) {
	Calls.Add(1)
	switch p.Mode {
	case "err":
		return nil, ErrProbe
	case "panic":
		panic(PanicValue)
	case "huge":
		return []byte(strings.Repeat("t", HugeLen)), nil
	}
	return []byte("TEXT-" + p.Mode), nil
}

// PProbe has MarshalJSON on its pointer.
type PProbe struct {
	Mode string
	N    int
}

// MarshalJSON behaves as Probe's.
func (p *PProbe) MarshalJSON() ([]byte, error) { return Probe{Mode: p.Mode, N: p.N}.MarshalJSON() }

// Envelope carries probes among ordinary fields, and values with no JSON
// form (a complex number, a channel, a func) that go to the Default hook.
type Envelope struct {
	Seq     int               `json:"seq"`
	Head    []Item            `json:"head"`
	Probe   Probe             `json:"probe"`
	Label   TProbe            `json:"label"`
	PP      *PProbe           `json:"pp"`
	List    []Probe           `json:"list"`
	ByName  map[string]Probe  `json:"by_name"`
	Keyed   map[TProbe]int    `json:"keyed"`
	C       complex128        `json:"c"`
	Ch      chan int          `json:"ch,omitempty"`
	Fn      func()            `json:"fn,omitempty"`
	Any     any               `json:"any"`
	Tail    []Item            `json:"tail"`
	Trailer map[string]string `json:"trailer"`
}

// Tree is a recursive type through pointers and slices of pointers.
type Tree struct {
	Name string  `json:"name"`
	Kids []*Tree `json:"kids,omitempty"`
	Next *Tree   `json:"next,omitempty"`
	Up   any     `json:"up,omitempty"`
}

// Graph is recursive through a map.
type Graph struct {
	ID    int               `json:"id"`
	Edges map[string]*Graph `json:"edges"`
}

// Nest is a named slice of itself.
type Nest []Nest

// Dict is a named map of itself.
type Dict map[string]Dict

// Box holds a Tree by value and any value.
type Box struct {
	T    Tree `json:"t"`
	Also any  `json:"also"`
}

// Menu is recursive through a map of struct values (a category tree).
type Menu struct {
	Label string          `json:"label"`
	Sub   map[string]Menu `json:"sub,omitempty"`
}
