// Package probe_outer holds types of another package that embed its
// unexported struct types.
package probe_outer

import "rtmod/ext"

// UseOuter has ext.Outer, which embeds ext's unexported innerExt.
type UseOuter struct {
	O ext.Outer `json:"o"`
}
