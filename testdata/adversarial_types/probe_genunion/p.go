// Package probe_genunion: a generic type with a union constraint.
package probe_genunion

// Num is generic over a union of number types.
type Num[T ~int | ~float64] struct {
	V  T   `json:"v"`
	VS T   `json:"vs,string"`
	L  []T `json:"l"`
}

// UseNum instantiates Num.
type UseNum struct {
	I Num[int]     `json:"i"`
	F Num[float64] `json:"f"`
}
