// Package prop_text_key_collision reproduces a runtime difference found by
// the property test (generator/prop_test.go).
//
// Two keys of a map whose key type is an encoding.TextMarshaler can have the
// same text. README's mapping: such keys become str, and the Python dict of a Go
// map is built in ascending key order, so Python has one key, at the place
// of the first, with the value of the last. jsondumprt.EncodeTextMap writes
// both members (a JSON object with a duplicate key), and in an order that
// changes from call to call (slices.SortFunc on the text alone is not
// stable, and the map's iteration order varies):
//
//	(&S{ByCode: map[Code]int{-3: 1, 3: 2}}).Dumps()
//	got:  {"ByCode": {"k9": 1, "k9": 2}}   or   {"ByCode": {"k9": 2, "k9": 1}}
//	want: one member "k9", e.g. {"ByCode": {"k9": 2}}
//	      (Python: json.dumps({"ByCode": {"k9": 1, "k9": 2}}) builds the dict {"k9": 2})
//
// Which value survives depends on the order of keys with equal texts, which
// README's mapping does not define; ordering them by the key itself when the key
// type is ordered (here -3 before 3) would make it deterministic.
package prop_text_key_collision

import "strconv"

// Code is a TextMarshaler whose text is not one-to-one: Code(-3) and
// Code(3) both have the text "k9".
type Code int32

// MarshalText returns "k" and the square of c.
func (c Code) MarshalText() ([]byte, error) { return []byte("k" + strconv.Itoa(int(c)*int(c))), nil }

// S has a map keyed by Code.
type S struct {
	ByCode map[Code]int
}

// Repro is the value of the note.
var Repro = &S{ByCode: map[Code]int{-3: 1, 3: 2}}
