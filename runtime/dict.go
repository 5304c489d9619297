package jsondumprt

import (
	"cmp"
	"hash/maphash"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Dict is a Python dict: its items, in insertion order. A Go map has no
// order, so a map[string]any is written in ascending key order; a Dict is
// written in the order of its items, as Python writes a dict built in code.
//
// A Dict means exactly dict(pairs) of its items (Objects/dictobject.c,
// insertdict):
//
//   - A repeated key keeps the place of its first item and takes the value
//     of its last: Dict{{"a", 1}, {"b", 2}, {"a", 3}} is {"a": 3, "b": 2}.
//   - Keys that are equal in Python are one key, named by the first:
//     false, 0, 0.0 and -0.0 are one, as are true, 1 and 1.0, an int and a
//     *big.Int of one value, and two strings that are the same once each
//     byte of invalid UTF-8 is U+FFFD. Dict{{2.0, "a"}, {2, "b"}} is
//     {"2.0": "b"}.
//   - Each NaN key is a key of its own, as two NaN objects are two keys in
//     Python (dict([(float("nan"), 1), (float("nan"), 2)]) has two), and as
//     NaN keys are in a Go map. A Go float carries no identity, so Python's
//     one NaN object used twice (x = float("nan"); {x: 1, x: 2}) has no
//     Go spelling.
//   - Keys are written as Python writes dict keys: a string as it is; an
//     integer of any kind or size (*big.Int) as its digits; a float as its
//     repr ("1.0", "1e+16", "NaN"); a bool as "true" or "false"; nil (and a
//     nil *big.Int) as "null". Any other key is Python's TypeError "keys
//     must be str, int, float, bool or None, not T" (T as %T spells it), or
//     is left out under SkipKeys; two such keys are one when == says they
//     are equal, and never when == cannot compare them.
//   - SortKeys orders the items as Python's sorted(d.items()): numbers and
//     bools by value, strings by code point, and keys Python cannot compare
//     (a string beside a number, None beside anything) are its TypeError
//     "'<' not supported between instances of 'str' and 'int'", naming the
//     comparison CPython 3.11's sort makes first (see pySort).
//
// A nil Dict is None (null), as a nil map; an empty one is {}. A Dict that
// contains itself (through an any) is a cycle for CheckCircular.
type Dict []Item

// Item is one key and value of a Dict.
//
// It is an alias of an unnamed struct type rather than a type of its own so
// that the literals Dicts are written with, Dict{{"b", 1}, {"a", 2}}, pass
// go vet in other packages: vet's composites check reports unkeyed fields
// only for struct types declared in another package, and an unnamed struct
// type is declared nowhere.
type Item = struct{ Key, Value any }

// Writing a Dict must find its repeated keys, which a map would find at the
// cost of a map per Dict. Most Dicts have distinct string keys, and those
// take a path that allocates nothing and builds no map (dictStrings):
//
//   - up to dictScanMax (12) items, each key is compared with the ones
//     before it, which for short Dicts is cheaper than any index;
//   - past that, the keys' indexes are hashed into a table of the
//     Encoder's own (dictScratch.table), reused from one Dict to the next;
//   - under SortKeys, the keys are sorted (with the first eight bytes of
//     each as an integer, as map[string]any is sorted), which finds
//     repeated keys next to each other at no further cost.
//
// Any other Dict (a repeated key, a key that is not a string or not valid
// UTF-8) takes the general path (dictGeneral): each key is described as
// Python sees it (pyKey, shared with map[any]V), equal keys are merged, and
// SortKeys sorts the items as CPython does (pySort). Its scratch space is
// the Encoder's too; it allocates only for keys that need it (the U+FFFD
// form of an invalid string, the comparison of a float with an int beyond
// 64 bits, the type name of a key Python cannot have).

// dictScanMax is the number of items up to which dictStrings finds repeated
// keys by comparing each key with those before it (at most 66
// comparisons), rather than by its hash table. BenchmarkDictRepeats puts the
// crossover between 12 and 16 keys, for field names and for numbered names
// alike (go1.26, AMD EPYC).
const dictScanMax = 12

// mergeScanMax is the number of items up to which mergeDict compares each
// key with those kept before it, rather than sort the entries into buckets
// and back. BenchmarkMergeDict puts the crossover near 32.
const mergeScanMax = 32

// dictScratch is the Encoder's scratch space for Dicts, kept across uses of
// a pooled Encoder so that a warm Encoder writes Dicts without allocating.
// keys and entries are stacks: a Dict's items are written while they are in
// use, and a Dict nested in a value pushes its own above them. The table is
// used only while a Dict's keys are checked, before any value is written.
type dictScratch struct {
	keys    []dictKey            // dictStrings under SortKeys: the sorted keys
	entries []anyEntry[int, int] // dictGeneral: the merged items, key = first item, val = last
	table   []int32              // dictStrings' hash table: item index + 1, 0 for empty
}

// release readies the scratch space for the pool. It holds no reference to
// the caller's keys by then: each Dict clears the part of keys and entries
// it used before it returns, error or not (a panic, which skips that, also
// skips giving the Encoder back). Clearing their whole capacity here would
// cost a large Dict's worth of memory clearing on every call after it.
// Scratch past keepScratch entries is let go, as the Encoder's other
// scratch stacks are: one huge Dict must not pin its memory in the pool.
func (s *dictScratch) release() {
	s.keys = trim(s.keys)
	s.entries = trim(s.entries)
	if cap(s.table) > 4*keepScratch {
		s.table = nil
	}
}

// A dictKey is a string key of a Dict being sorted: the first eight bytes
// of the key as an integer (keyPrefix), the key, and its item's index.
type dictKey struct {
	p uint64
	k string
	i int
}

// dictSeed seeds the hash of dictStrings' table; any seed will do.
var dictSeed = maphash.MakeSeed()

// Dict writes d as the Python dict dict(pairs) of its items (see Dict).
func (e *Encoder) Dict(d Dict) {
	if e.err != nil {
		return
	}
	if d == nil {
		e.Null()
		return
	}
	if len(d) == 0 {
		// Python writes an empty dict before marking it or counting a
		// level (Modules/_json.c, encoder_listencode_dict).
		e.buf = append(e.buf, "{}"...)
		return
	}
	if !e.enterDict(d) {
		return
	}
	if !e.BeginObject() {
		e.Leave()
		return
	}
	if !e.dictStrings(d) {
		e.dictGeneral(d)
	}
	// A non-empty dict whose every key was skipped is "{\n  \n}" with an
	// indent, as Python writes it.
	e.endObjectNonEmpty()
	e.Leave()
}

// enterDict opens d, non-empty, for cycle detection; see EnterPointer. Its
// identity is its first item and its length, as for a slice, with its own
// type: d[:1] inside d is another dict.
func (e *Encoder) enterDict(d Dict) bool {
	if !e.cfg.CheckCircular {
		return true
	}
	return e.enterIdentity(seenEntry{unsafe.Pointer(unsafe.SliceData(d)), uintptr(len(d)), (*Dict)(nil)})
}

// dictStrings writes the members of d when its keys are distinct strings of
// valid UTF-8, and reports whether it did; otherwise it writes nothing and
// reports false.
func (e *Encoder) dictStrings(d Dict) bool {
	for i := range d {
		k, ok := d[i].Key.(string)
		if !ok || !utf8.ValidString(k) {
			return false
		}
	}
	switch {
	case e.cfg.SortKeys:
		return e.dictStringsSorted(d)
	case len(d) <= dictScanMax:
		if scanRepeats(d) {
			return false
		}
	case len(d) < math.MaxInt32:
		if e.dictHashRepeats(d) {
			return false
		}
	default:
		return false // past the table's int32 indexes (64 GiB of items): the general path
	}
	for i := range d {
		e.keyString(d[i].Key.(string))
		e.Any(d[i].Value)
		if e.err != nil {
			break
		}
	}
	return true
}

// scanRepeats reports whether d, of string keys, repeats a key, by
// comparing each key with those before it. Keys of one length are compared
// by their last byte before the whole: numbered names (field_1, field_2)
// differ there, and a call to compare them whole costs several times more.
func scanRepeats(d Dict) bool {
	for i := 1; i < len(d); i++ {
		k := d[i].Key.(string)
		n := len(k)
		for j := range i {
			o := d[j].Key.(string)
			if len(o) == n && (n == 0 || o[n-1] == k[n-1]) && o == k {
				return true
			}
		}
	}
	return false
}

// dictHashRepeats reports whether d, of string keys, repeats a key, by an
// open-addressing hash table of item indexes in the Encoder's scratch
// space: at least twice as many slots as keys, probed linearly.
func (e *Encoder) dictHashRepeats(d Dict) bool {
	size := 1
	for size < 2*len(d) {
		size <<= 1
	}
	if cap(e.dict.table) < size {
		e.dict.table = make([]int32, size)
	}
	table := e.dict.table[:size]
	mask := uint64(size - 1)
	repeat := false
	for i := range d {
		k := d[i].Key.(string)
		h := maphash.String(dictSeed, k) & mask
		for table[h] != 0 {
			if d[table[h]-1].Key.(string) == k {
				repeat = true
				break
			}
			h = (h + 1) & mask
		}
		if repeat {
			break
		}
		table[h] = int32(i + 1)
	}
	clear(table)
	return repeat
}

// dictStringsSorted is dictStrings under SortKeys: the keys sorted by code
// point (byte order, for valid UTF-8), each with the value of its last item.
// Repeated keys come out next to each other, the last item last, since ties
// are broken by the item's index.
func (e *Encoder) dictStringsSorted(d Dict) bool {
	s := &e.dict
	mark := len(s.keys)
	for i := range d {
		k := d[i].Key.(string)
		s.keys = append(s.keys, dictKey{keyPrefix(k), k, i})
	}
	keys := s.keys[mark:]
	sortDictKeys(keys)
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j].k == keys[i].k {
			j++
		}
		e.keyString(keys[i].k)
		e.Any(d[keys[j-1].i].Value)
		if e.err != nil {
			break
		}
		i = j
	}
	// s.keys may have moved while the values were written: clear and cut
	// it at mark, not keys.
	clear(s.keys[mark:])
	s.keys = s.keys[:mark]
	return true
}

// sortDictKeys sorts keys by key, then by item index: insertion sort for
// the short Dicts most documents hold, pdqsort above (sortPairs' rule).
func sortDictKeys(keys []dictKey) {
	less := func(a, b *dictKey) bool {
		if a.p != b.p {
			return a.p < b.p
		}
		if a.k != b.k {
			return a.k < b.k
		}
		return a.i < b.i
	}
	if len(keys) > 24 {
		slices.SortFunc(keys, func(a, b dictKey) int {
			if less(&a, &b) {
				return -1
			}
			if less(&b, &a) {
				return 1
			}
			return 0
		})
		return
	}
	for i := 1; i < len(keys); i++ {
		x := keys[i]
		j := i
		for j > 0 && less(&x, &keys[j-1]) {
			keys[j] = keys[j-1]
			j--
		}
		keys[j] = x
	}
}

// dictGeneral writes the members of d by Python's rules for any keys: the
// items merged as dict(pairs) merges them, in insertion order or sorted.
func (e *Encoder) dictGeneral(d Dict) {
	s := &e.dict
	mark := len(s.entries)
	for i := range d {
		s.entries = append(s.entries, anyEntry[int, int]{pyKey: pyKeyOf(d[i].Key), key: i, val: i})
	}
	entries := mergeDict(s.entries[mark:])
	if e.cfg.SortKeys {
		if err := pySort(entries); err != nil {
			e.fail(err)
		}
	}
	for i := range entries {
		if e.err != nil {
			break
		}
		x := &entries[i]
		if e.pyKeyMember(&x.pyKey) {
			continue // skipped
		}
		e.Any(d[x.val].Value)
	}
	// s.entries may have moved while the values were written: clear and
	// cut it at mark.
	clear(s.entries[mark:])
	s.entries = s.entries[:mark]
}

// mergeDict merges the entries that are one key in Python (pyEqual),
// entries being in item order with key and val the item's index: each
// merged entry keeps its first item's key and place and takes the last
// item's value. It returns the merged entries, a prefix of entries, in
// item order.
//
// Short Dicts compare each key with the ones kept before it. Longer ones
// are sorted into buckets that only equal keys can share (by class and
// value; keys of other types by type name), merged bucket by bucket, and
// sorted back into item order.
func mergeDict(entries []anyEntry[int, int]) []anyEntry[int, int] {
	if len(entries) <= mergeScanMax {
		return mergeScan(entries)
	}
	return mergeSorted(entries)
}

// mergeSorted is mergeDict by buckets.
func mergeSorted(entries []anyEntry[int, int]) []anyEntry[int, int] {
	slices.SortFunc(entries, func(a, b anyEntry[int, int]) int {
		if c := compareBuckets(&a.pyKey, &b.pyKey); c != 0 {
			return c
		}
		return cmp.Compare(a.key, b.key)
	})
	for i := 0; i < len(entries); {
		j := i + 1
		for j < len(entries) && compareBuckets(&entries[i].pyKey, &entries[j].pyKey) == 0 {
			j++
		}
		if j-i > 1 {
			// Mark what merged into an earlier entry with key -1.
			kept := mergeScan(entries[i:j])
			for k := i + len(kept); k < j; k++ {
				entries[k].key = -1
			}
		}
		i = j
	}
	slices.SortFunc(entries, func(a, b anyEntry[int, int]) int { return cmp.Compare(a.key, b.key) })
	n := 0
	for n < len(entries) && entries[n].key < 0 {
		n++
	}
	return append(entries[:0], entries[n:]...)
}

// mergeScan merges the entries equal to an earlier one into it, by
// comparing each entry with those kept before it, and returns the kept
// ones, a prefix of entries, in their order.
func mergeScan(entries []anyEntry[int, int]) []anyEntry[int, int] {
	out := entries[:0]
	for i := range entries {
		x := entries[i]
		merged := false
		for j := range out {
			if pyEqual(&out[j].pyKey, &x.pyKey) {
				out[j].val = x.val
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, x)
		}
	}
	return out
}

// compareBuckets orders keys into the buckets of mergeDict: keys that
// pyEqual may find equal compare as 0. None, numbers (bools among them, by
// value, NaNs together), strings (as Python strs) and other types (by type
// name) are apart.
func compareBuckets(a, b *pyKey) int {
	if c := cmp.Compare(bucketClass(a.class), bucketClass(b.class)); c != 0 {
		return c
	}
	switch a.class {
	case anyBool, anyNumber:
		return compareNumbers(a, b)
	case anyString:
		return strings.Compare(pyStr(a), pyStr(b))
	case anyOther:
		return strings.Compare(a.s, b.s)
	}
	return 0
}

// bucketClass puts bools with the numbers they equal.
func bucketClass(c anyClass) anyClass {
	if c == anyBool {
		return anyNumber
	}
	return c
}
