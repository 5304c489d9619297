//go:build race

package jsondumprt

// raceEnabled: the race detector drops sync.Pool items at random, so
// allocation counts of pooled Encoders mean nothing under it.
const raceEnabled = true
