// Package probe_inline_root: a generic -type whose constraint is an inline
// interface with a method and a type term.
package probe_inline_root

type Inline[T interface {
	~int
	String() string
}] struct {
	V T `json:"v"`
}

type I int

func (i I) String() string { return "i" }

type UseInline struct {
	X Inline[I] `json:"x"`
}
