// Package probe_emptyelem: slices and arrays whose element is a struct with
// no JSON fields (struct{}, only unexported or json:"-" fields).
package probe_emptyelem

type EmptyElems struct {
	SE []struct{}
	AE [2]struct{}
	SU []struct{ x int }
	SD []struct {
		A int `json:"-"`
	}
	MS map[string][]struct{}
}

// NewEmptyElems returns the case's value: SU's element type has an
// unexported field, which another package cannot spell in a literal.
func NewEmptyElems() *EmptyElems {
	return &EmptyElems{SE: []struct{}{{}, {}}, SU: []struct{ x int }{{}}, SD: []struct {
		A int `json:"-"`
	}{{A: 1}}, MS: map[string][]struct{}{"k": {{}}}}
}
