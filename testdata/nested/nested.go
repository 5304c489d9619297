// Package nested holds embedding, pointers, slices, arrays and maps.
package nested

// Base is embedded.
type Base struct {
	ID   int    `json:"id"`
	Kind string `json:"kind"`
}

// Meta is embedded through a pointer.
type Meta struct {
	Note string `json:"note"`
	ID   int    `json:"meta_id"`
}

// Conflict names a field also named by another embedded struct at the same depth.
type Conflict struct {
	Kind string `json:"kind2"`
	Same int
}

// Other also has Same.
type Other struct {
	Same int
}

// Doc embeds structs and holds containers.
type Doc struct {
	Base
	*Meta
	Conflict
	Other
	Title   string             `json:"title"`
	Tags    []string           `json:"tags"`
	Nums    [3]int             `json:"nums"`
	Ptr     *int               `json:"ptr"`
	Nil     *Base              `json:"nil"`
	Items   []Item             `json:"items"`
	ByName  map[string]int     `json:"by_name"`
	ByID    map[int]*Item      `json:"by_id"`
	ByU     map[uint8][]string `json:"by_u"`
	Matrix  [][]float64        `json:"matrix"`
	NilMap  map[string]string  `json:"nil_map"`
	Any     any                `json:"any"`
	List    List               `json:"list"`
	Omitted []int              `json:"omitted,omitempty"`
}

// Item is an element.
type Item struct {
	Name  string  `json:"name"`
	Price float64 `json:"price"`
}

// List is a named slice.
type List []Item

// Keys has map keys that encoding/json rejects and Python accepts (not in
// the end-to-end test, whose oracle input comes from encoding/json).
type Keys struct {
	Flags  map[bool]string     `json:"flags"`
	Floats map[float64]bool    `json:"floats,omitempty"`
	F32    map[float32][]int64 `json:"f32"`
}
