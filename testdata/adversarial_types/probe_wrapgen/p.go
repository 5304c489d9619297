// Package probe_wrapgen holds a field whose type embeds a generated type
// of another package but is not itself generated.
package probe_wrapgen

import "rtmod/ext"

// Wrapper is not a -type; it embeds ext.Gen, whose methods it promotes.
type Wrapper struct {
	ext.Gen
	Extra string `json:"extra"`
}

// HasWrapper is the -type.
type HasWrapper struct {
	W Wrapper `json:"w"`
}
