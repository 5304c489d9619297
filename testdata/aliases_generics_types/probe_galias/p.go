// Package probe_galias: a generic alias of a local generic as a field of
// a generic type, instantiated through the alias.
package probe_galias

type G[T any] struct {
	V T `json:"v"`
}

type GA[T any] = G[T]

type H[T any] struct {
	In GA[T]  `json:"in"`
	P  *GA[T] `json:"p"`
}

type UseGA struct {
	H H[string] `json:"h"`
	A GA[int]   `json:"a"`
}
