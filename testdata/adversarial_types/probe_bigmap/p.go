// Package probe_bigmap: big.Int as a map value (not addressable).
package probe_bigmap

import "math/big"

// BigMap holds big.Int values in a map.
type BigMap struct {
	M map[string]big.Int
}
