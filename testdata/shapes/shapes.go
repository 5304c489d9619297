// Package shapes holds anonymous struct types and maps with interface and
// other non-string keys.
package shapes

// Point is a comparable struct, usable as a map key that Python cannot have.
type Point struct{ X, Y int }

// Shapes nests anonymous structs and keys of mixed kinds.
type Shapes struct {
	Inline struct {
		Name  string `json:"name"`
		Count int    `json:"count,omitempty"`
		Deep  struct {
			OK bool `json:"ok"`
		} `json:"deep"`
	} `json:"inline"`
	Ptr    *struct{ A, B int }              `json:"ptr"`
	List   []struct{ V float64 }            `json:"list"`
	ByName map[string]struct{ Z, A string } `json:"by_name"`
	Mixed  map[any]string                   `json:"mixed"`
	Nested map[any]map[any]int              `json:"nested"`
	ByPt   map[Point]int                    `json:"by_pt"`
	Tagged map[string]struct {
		N int `json:"n,string" yaml:"n"`
	} `json:"tagged"`
	Bytes Bytes `json:"bytes"`
	Zeros Zeros `json:"zeros"`
}

// Zeros has omitzero fields that == cannot test.
type Zeros struct {
	NC struct {
		S []int
		F float64
	} `json:"nc,omitzero"`
	Arr [2][]int            `json:"arr,omitzero"`
	FS  struct{ F float64 } `json:"fs,omitzero"`
	Pt  Point               `json:"pt,omitzero"`
}

// Octet is a named byte type: a slice of it is base64, as []byte.
type Octet byte

// Blob is a named byte slice.
type Blob []byte

// Bytes holds byte slices of named types.
type Bytes struct {
	Octets []Octet `json:"octets"`
	Blob   Blob    `json:"blob"`
	Arr    [2]byte `json:"arr"`
}
