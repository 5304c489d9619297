// Package probe_genomit: omitempty and omitzero on a type-parameter field.
package probe_genomit

// Opt is generic; its V field is omitempty.
type Opt[V any] struct {
	K string `json:"k"`
	V V      `json:"v,omitempty"`
}

// UseOpt instantiates Opt.
type UseOpt struct {
	A Opt[int]    `json:"a"`
	B Opt[string] `json:"b"`
	C Opt[[]int]  `json:"c"`
}
