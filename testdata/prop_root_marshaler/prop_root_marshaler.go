// Package prop_root_marshaler reproduces a mapping difference found by the
// property test (generator/prop_test.go).
//
// A type with a MarshalText or MarshalJSON method that is itself named to
// -type is written by its underlying kind: the generated encode function
// of a root is planned from the underlying type (planner.underlying), which
// never looks for the methods. Its generated EncodeJSON then also wins over
// the method on the dynamic path (Encodable comes before json.Marshaler in
// Encoder.Any). As a field of another type the methods are used.
//
//	go tool jsondumpgen -type=Upper,Code,Jay,S
//
// README's mapping maps an encoding.TextMarshaler to the str of its text and a
// json.Marshaler to json.loads of its text, as encoding/json does:
//
//	value                     got (Dumps, jsondump.Dumps)   want (encoding/json agrees)
//	Upper("abc")              "abc"                          "ABC"
//	Code(7)                   7                              "k7"
//	Jay(3)                    3                              {"jay": 3}
//	S{U: "abc", C: 7, J: 3}   {"U": "ABC", "C": "k7", "J": {"jay": 3}}   (right)
package prop_root_marshaler

import (
	"strconv"
	"strings"
)

// Upper is a string kind with MarshalText.
type Upper string

// MarshalText returns u in upper case.
func (u Upper) MarshalText() ([]byte, error) { return []byte(strings.ToUpper(string(u))), nil }

// Code is an integer kind with MarshalText.
type Code int32

// MarshalText returns "k" and the number.
func (c Code) MarshalText() ([]byte, error) { return []byte("k" + strconv.Itoa(int(c))), nil }

// Jay is a json.Marshaler.
type Jay int

// MarshalJSON returns an object.
func (j Jay) MarshalJSON() ([]byte, error) {
	return []byte(`{"jay": ` + strconv.Itoa(int(j)) + `}`), nil
}

// S holds the three as fields, where they are written right.
type S struct {
	U Upper
	C Code
	J Jay
}

// Repro are the values of the note.
var Repro = []any{new(Upper), new(Code), new(Jay), &S{U: "abc", C: 7, J: 3}}

func init() {
	*Repro[0].(*Upper) = "abc"
	*Repro[1].(*Code) = 7
	*Repro[2].(*Jay) = 3
}
