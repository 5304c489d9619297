// Package generic holds generic types, their instantiations, and types of
// another package.
package generic

import (
	"cmp"
	"image"
)

// Page is a generic page of items with a link to the next one.
type Page[T any] struct {
	Items []T          `json:"items"`
	Total int          `json:"total"`
	Next  *Page[T]     `json:"next,omitempty"`
	ByKey map[string]T `json:"by_key,omitempty"`
}

// Pair has two type parameters with constraints.
type Pair[K cmp.Ordered, V ~int | ~string] struct {
	Key   K `json:"key"`
	Value V `json:"value"`
}

// Item is a page element.
type Item struct {
	Name string  `json:"name"`
	At   float64 `json:"at"`
}

// Score is a named int, allowed in Pair's constraint.
type Score int

// Feed instantiates the generic types and reaches a type of another package.
type Feed struct {
	Items  Page[Item]            `json:"items"`
	Counts Page[int]             `json:"counts"`
	Pairs  []Pair[string, Score] `json:"pairs"`
	Box    image.Rectangle       `json:"box"`
	Extra  any                   `json:"extra"`
}
