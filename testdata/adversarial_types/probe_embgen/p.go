// Package probe_embgen embeds a struct of another package that has
// generated methods.
package probe_embgen

import "rtmod/ext"

// Emb19 embeds ext.Plain (no methods) and ext.Gen (generated methods).
type Emb19 struct {
	ext.Plain
	ext.Gen
	Z int
}
