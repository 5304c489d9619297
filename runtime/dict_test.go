package jsondumprt

import (
	"math"
	"math/big"
	"strconv"
	"testing"
)

// dictOf returns a Dict of n distinct string keys named as a service's
// fields are, with int values.
func dictOf(n int) Dict {
	words := []string{"id", "user_name", "created_at", "status", "amount", "currency", "email", "tags",
		"description", "updated_at", "is_active", "country", "score", "version", "parent_id", "url"}
	d := make(Dict, n)
	for i := range d {
		k := words[i%len(words)]
		if i >= len(words) {
			k += "_" + strconv.Itoa(i/len(words))
		}
		d[i] = Item{Key: k, Value: i}
	}
	return d
}

// TestDictRepeats checks the scan and the hash table against each other,
// with the repeat at every place.
func TestDictRepeats(t *testing.T) {
	e := NewEncoder(nil, nil)
	defer e.Finish()
	for n := range 40 {
		d := dictOf(n)
		if scanRepeats(d) || e.dictHashRepeats(d) {
			t.Fatalf("%d distinct keys: a repeat found", n)
		}
		for i := range n {
			for j := range i {
				d2 := append(Dict(nil), d...)
				d2[i].Key = d2[j].Key
				if !scanRepeats(d2) || !e.dictHashRepeats(d2) {
					t.Fatalf("%d keys, item %d repeating item %d: scan %v, hash %v", n, i, j, scanRepeats(d2), e.dictHashRepeats(d2))
				}
			}
		}
	}
	for _, v := range e.dict.table {
		if v != 0 {
			t.Fatal("dictHashRepeats left its table dirty")
		}
	}
}

// TestDictScratchCleared checks that writing Dicts, nested, sorted, merged
// and failing part-way, leaves the Encoder's scratch space empty and
// cleared, so that a pooled Encoder keeps no reference to the caller's keys
// (dictScratch.release relies on it).
func TestDictScratchCleared(t *testing.T) {
	inner := Dict{{Key: 2.0, Value: "a"}, {Key: 2, Value: dictOf(30)}, {Key: "x", Value: nil}}
	values := []Dict{
		{{Key: "b", Value: dictOf(40)}, {Key: "a", Value: inner}},
		{{Key: "a", Value: 1}, {Key: "a", Value: dictOf(20)}, {Key: big.NewInt(3), Value: inner}},
		{{Key: "a", Value: inner}, {Key: "b", Value: math.NaN()}, {Key: [1]int{}, Value: 1}}, // fails part-way
		append(dictOf(70), Item{Key: 1, Value: inner}),
	}
	for _, sort := range []bool{false, true} {
		for _, allowNaN := range []bool{false, true} {
			for _, d := range values {
				e := NewEncoder(nil, []Option{SortKeysOption(sort), AllowNaNOption(allowNaN)})
				e.Any(d)
				if len(e.dict.keys) != 0 || len(e.dict.entries) != 0 {
					t.Fatalf("scratch left in use: %d keys, %d entries", len(e.dict.keys), len(e.dict.entries))
				}
				for _, k := range e.dict.keys[:cap(e.dict.keys)] {
					if k != (dictKey{}) {
						t.Fatalf("scratch keys not cleared: %+v", k)
					}
				}
				for _, x := range e.dict.entries[:cap(e.dict.entries)] {
					if x.s != "" || x.norm != "" || x.big != nil || x.other != nil {
						t.Fatalf("scratch entries not cleared: %+v", x)
					}
				}
				e.Finish()
			}
		}
	}
}

// BenchmarkDictRepeats measures the two ways dictStrings finds a repeated
// key in a Dict of distinct strings, to place dictScanMax where the hash
// table starts to win.
func BenchmarkDictRepeats(b *testing.B) {
	e := NewEncoder(nil, nil)
	defer e.Finish()
	for _, n := range []int{4, 8, 12, 16, 24, 32} {
		// Field names, and names that differ only at their end, which
		// make each comparison of two keys of one length read them whole.
		named, numbered := dictOf(n), make(Dict, n)
		for i := range numbered {
			numbered[i].Key = "field_name_" + strconv.Itoa(100+i)
		}
		for _, keys := range []struct {
			name string
			d    Dict
		}{{"named", named}, {"numbered", numbered}} {
			b.Run(keys.name+"/scan/"+strconv.Itoa(n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					scanRepeats(keys.d)
				}
			})
			b.Run(keys.name+"/hash/"+strconv.Itoa(n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					e.dictHashRepeats(keys.d)
				}
			})
		}
	}
}

// BenchmarkMergeDict measures the two ways mergeDict merges the keys of a
// Dict of numbers, distinct but for one (false, equal to 0), to place
// mergeScanMax.
func BenchmarkMergeDict(b *testing.B) {
	for _, n := range []int{8, 16, 24, 32, 48, 64} {
		d := make(Dict, n)
		for i := range d {
			d[i].Key = i * 7
		}
		d[n-1].Key = false // equal to the key 0
		entries := make([]anyEntry[int, int], n)
		for _, m := range []struct {
			name  string
			merge func([]anyEntry[int, int]) []anyEntry[int, int]
		}{{"scan", mergeScan}, {"sorted", mergeSorted}} {
			b.Run(m.name+"/"+strconv.Itoa(n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					for i := range d {
						entries[i] = anyEntry[int, int]{pyKey: pyKeyOf(d[i].Key), key: i, val: i}
					}
					if len(m.merge(entries)) != n-1 {
						b.Fatal("not merged")
					}
				}
			})
		}
	}
}
