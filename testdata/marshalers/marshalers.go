// Package marshalers holds types with methods that decide their JSON.
package marshalers

import (
	"encoding/json"
	"math/big"
	"strings"
	"time"
)

// Color marshals itself as text.
type Color int

// MarshalText returns the color's name.
func (c Color) MarshalText() ([]byte, error) {
	return []byte([]string{"red", "grün", "blue"}[c]), nil
}

// Point marshals itself as JSON through a pointer receiver.
type Point struct{ X, Y int }

// MarshalJSON returns an array.
func (p *Point) MarshalJSON() ([]byte, error) {
	return []byte("[" + itoa(p.X) + "," + itoa(p.Y) + "]"), nil
}

func itoa(i int) string { return big.NewInt(int64(i)).String() }

// Upper is a TextMarshaler key.
type Upper string

// MarshalText returns the string upper-cased.
func (u Upper) MarshalText() ([]byte, error) { return []byte(strings.ToUpper(string(u))), nil }

// Event uses the standard library's marshalers.
type Event struct {
	When    time.Time        `json:"when"`
	Opt     *time.Time       `json:"opt"`
	Raw     json.RawMessage  `json:"raw"`
	Num     json.Number      `json:"num"`
	Big     *big.Int         `json:"big"`
	Color   Color            `json:"color"`
	Point   Point            `json:"point"`
	PPoint  *Point           `json:"ppoint"`
	Keys    map[Upper]int    `json:"keys"`
	Colors  []Color          `json:"colors"`
	Skipped time.Time        `json:"skipped,omitzero"`
	ByColor map[Color]string `json:"by_color"`
}
