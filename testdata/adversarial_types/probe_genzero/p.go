// Package probe_genzero: omitzero on a type-parameter field.
package probe_genzero

// OptZ is generic; its V field is omitzero.
type OptZ[V any] struct {
	K string `json:"k"`
	V V      `json:"v,omitzero"`
}

// UseOptZ instantiates OptZ.
type UseOptZ struct {
	A OptZ[int]    `json:"a"`
	B OptZ[string] `json:"b"`
}
