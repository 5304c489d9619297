//go:build !race

package jsondumprt

const raceEnabled = false
