package r3

import (
	j "encoding/json"
	. "math/big"
	stdtime "time"

	g "rtmod3/gx"
)

// Renamed holds fields of renamed and dot-imported packages.
type Renamed struct {
	Raw j.RawMessage
	Num j.Number
	B   *Int
	D   stdtime.Duration
	T   stdtime.Time
	G   g.Box[j.Number]
	M   map[string]j.RawMessage
}
