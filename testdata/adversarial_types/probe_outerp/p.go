// Package probe_outerp: ext.OuterP embeds a pointer to an unexported type.
package probe_outerp

import "rtmod/ext"

// UseOuterP has ext.OuterP.
type UseOuterP struct {
	O ext.OuterP `json:"o"`
}
