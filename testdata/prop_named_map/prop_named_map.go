// Package prop_named_map reproduces a generator crash found by the property
// test (generator/prop_test.go).
//
// A named map type, named to -type or reached from a field, makes
// jsondumpgen panic in emitMap: typeCode(nil), because the Value planned
// for the named type's underlying map has a GoType with the name only (no
// Key, no Elem).
//
//	go tool jsondumpgen -type=Counts,Holder
//
// Expected: generation succeeds, and
//
//	(&Holder{ByName: Counts{"b": 2, "a": 1}}).Dumps()
//
// is Python's json.dumps({"ByName": {"a": 1, "b": 2}}): {"ByName": {"a": 1, "b": 2}}.
package prop_named_map

// Counts is a named map.
type Counts map[string]int

// Holder reaches Counts from a field.
type Holder struct {
	ByName Counts
}

// Repro is the value of the note.
var Repro = &Holder{ByName: Counts{"b": 2, "a": 1}}
