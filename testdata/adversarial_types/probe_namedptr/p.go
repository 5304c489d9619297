// Package probe_namedptr: named pointer types, and a named struct type
// defined from another package's struct, embedded.
package probe_namedptr

import "rtmod/ext"

// PInt is a named pointer type.
type PInt *int

// Loc is defined from ext.Plain (same fields, no methods).
type Loc ext.Plain

// NP holds named pointers and embeds Loc.
type NP struct {
	Loc
	P PInt `json:"p"`
	Q PInt `json:"q,omitempty"`
	S PInt `json:"s,string"`
}
