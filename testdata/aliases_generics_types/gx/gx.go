// Package gx is a generic library of another package for TestAliasesGenerics
// (generator/aliases_generics_test.go). Every type here is generated.
package gx

import "strings"

// Set is a generic named map.
type Set[K comparable] map[K]struct{}

// Box is a generic struct.
type Box[T any] struct {
	V T `json:"v"`
}

// Cell has a field of the same JSON name as Box's.
type Cell[T any] struct {
	V T `json:"v"`
	W int
}

// Pair has two type parameters.
type Pair[K comparable, V any] struct {
	Key K `json:"k"`
	Val V `json:"val"`
}

// List is a recursive generic.
type List[T any] struct {
	V    T        `json:"v"`
	Next *List[T] `json:"next,omitempty"`
}

// Seq is a generic named slice with a method.
type Seq[T any] []T

// Len is a method on a generic type.
func (s Seq[T]) Len() int { return len(s) }

// Plain is a non-generic struct.
type Plain struct {
	X int    `json:"x"`
	Y string `json:"y,omitempty"`
}

// Joined is a generic slice whose MarshalText joins its elements.
type Joined[T ~string] []T

func (j Joined[T]) MarshalText() ([]byte, error) {
	var b strings.Builder
	for i, s := range j {
		if i > 0 {
			b.WriteByte('|')
		}
		b.WriteString(string(s))
	}
	return []byte(b.String()), nil
}
