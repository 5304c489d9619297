package jsondumprt

import (
	"cmp"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A map whose key type is an interface (map[any]V) can hold keys of several
// kinds at once, and Python's rules for them interact (Lib/json/encoder.py's
// _iterencode_dict; Objects/listsort.txt for the sort):
//
//   - The dict is built in the order nil, false, true, numbers (by value), strings
//     (by bytes), then keys of any other type, which Python cannot write.
//   - Keys that are equal in Python are one dict key: false, 0, 0.0 and -0.0
//     are one key, as are true, 1 and 1.0, and strings that are the same
//     once each invalid UTF-8 byte is U+FFFD. The first key in the order
//     above names the member, and the last one's value is written. Among
//     equal numbers the order is bool, signed, unsigned, float, *big.Int
//     (a Python int of any size; a nil one is None, after nil). Two
//     *big.Ints of one value are one key too, and which one's value is
//     written is not defined: they differ only in identity.
//   - SortKeys sorts the dict as Python's list.sort would, so a mix that
//     Python cannot compare (a string beside a number, nil beside anything,
//     any other type beside anything) is Python's TypeError, naming the
//     operands of the first comparison that fails. That comparison is the
//     one CPython 3.11's sort makes for maps of up to 63 members after
//     merging; beyond that the error is the same kind of TypeError, but the
//     two names may differ from Python's.
//   - A key of any other type is Python's TypeError ("keys must be str,
//     int, float, bool or None, not T"), or is dropped under SkipKeys.

// anyClass orders the kinds of map[any] keys.
type anyClass uint8

const (
	anyNone   anyClass = iota // nil
	anyBool                   // bool
	anyNumber                 // every integer and float kind
	anyString                 // string
	anyOther                  // every other type: not a Python key
)

func (c anyClass) numeric() bool { return c == anyBool || c == anyNumber }

// Number ranks break ties between equal numbers of different kinds.
const (
	rankBool uint8 = iota
	rankInt
	rankUint
	rankFloat
	rankBig // a *big.Int beyond int64 and uint64
)

// A pyKey is a dict key as Python sees it: its class, and its value in the
// fields of that class. Numbers keep their Go kind apart (rank), so that they
// are compared exactly, never through a float64.
type pyKey struct {
	class anyClass
	rank  uint8    // anyBool, anyNumber: rankBool…rankBig
	kind  uint8    // the Go kind, breaking ties between equal numbers (and between nil and a nil *big.Int)
	i     int64    // rankBool (0 or 1), rankInt
	u     uint64   // rankUint
	f     float64  // rankFloat: the Python float (a float32 as its shortest decimal)
	big   *big.Int // rankBig: an int that fits neither int64 nor uint64
	s     string   // anyString: the key; anyOther: its type's name
	norm  string   // anyString: the Python str, when s is not valid UTF-8
	other any      // anyOther: the key itself, for equality (pyEqual)
	named string   // a key of a named type (namedKey): its type's name, breaking ties with equal keys of other types
}

// anyEntry is one member of a map[any]V, with its key as Python sees it.
type anyEntry[K comparable, V any] struct {
	pyKey
	key K // the key that names the member
	val V // the value written
}

// EncodeAnyMap writes a map whose key type is an interface, by the rules
// above.
func EncodeAnyMap[K comparable, V any](e *Encoder, m map[K]V, enc func(*Encoder, V)) {
	if m == nil {
		e.Null()
		return
	}
	if !e.BeginObject() {
		return
	}
	entries := make([]anyEntry[K, V], 0, len(m))
	for k, v := range m {
		entries = append(entries, classify(k, v))
	}
	writeAnyEntries(e, entries, enc)
}

// writeAnyEntries writes the members of an open object from the entries of
// a map with interface keys, by the rules above: merged as Python merges
// equal keys, in dict order or sorted, and closes the object.
func writeAnyEntries[K comparable, V any](e *Encoder, entries []anyEntry[K, V], enc func(*Encoder, V)) {
	slices.SortStableFunc(entries, compareAnyEntries)
	entries = mergeAnyEntries(entries)
	if e.cfg.SortKeys {
		if err := pySort(entries); err != nil {
			e.fail(err)
			e.EndObject()
			return
		}
	}
	for i := range entries {
		x := &entries[i]
		if e.pyKeyMember(&x.pyKey) {
			continue // skipped
		}
		if e.err != nil {
			break
		}
		enc(e, x.val)
		if e.err != nil {
			break
		}
	}
	if len(entries) == 0 {
		e.EndObject()
		return
	}
	e.endObjectNonEmpty()
}

// pyKeyMember starts the next member with the key x, as Python writes a
// dict key (Lib/json/encoder.py, _iterencode_dict), and reports whether the
// member is skipped instead: a key of another type under SkipKeys. Without
// SkipKeys such a key is Python's TypeError.
func (e *Encoder) pyKeyMember(x *pyKey) (skipped bool) {
	switch x.class {
	case anyNone:
		e.keyNull()
	case anyBool, anyNumber:
		switch x.rank {
		case rankBool:
			e.keyBool(x.i != 0)
		case rankInt:
			e.keyInt(x.i)
		case rankUint:
			e.keyUint(x.u)
		case rankBig:
			e.keyBigInt(x.big)
		default:
			e.keyFloat64(x.f)
		}
	case anyString:
		e.keyString(x.s)
	default:
		if e.cfg.SkipKeys {
			return true
		}
		e.fail(badKey(x.s))
	}
	return false
}

// classify describes the key k, holding value v.
func classify[K comparable, V any](k K, v V) anyEntry[K, V] {
	return anyEntry[K, V]{pyKey: pyKeyOf(k), key: k, val: v}
}

// pyKeyOf describes the key k as Python sees it. A *big.Int is an int of
// any size, as a value is, and a nil one is None, as Any writes it; an int
// that fits int64 or uint64 is kept as one, so that only the rare larger
// ones compare through math/big.
func pyKeyOf(k any) pyKey {
	x := pyKey{class: anyNumber, rank: rankInt}
	switch k := k.(type) {
	case nil:
		x.class = anyNone
	case bool:
		x.kind = 0
		x.class, x.rank = anyBool, rankBool
		if k {
			x.i = 1
		}
	case int:
		x.kind = 1
		x.i = int64(k)
	case int8:
		x.kind = 2
		x.i = int64(k)
	case int16:
		x.kind = 3
		x.i = int64(k)
	case int32:
		x.kind = 4
		x.i = int64(k)
	case int64:
		x.kind = 5
		x.i = k
	case uint:
		x.kind = 6
		x.rank, x.u = rankUint, uint64(k)
	case uint8:
		x.kind = 7
		x.rank, x.u = rankUint, uint64(k)
	case uint16:
		x.kind = 8
		x.rank, x.u = rankUint, uint64(k)
	case uint32:
		x.kind = 9
		x.rank, x.u = rankUint, uint64(k)
	case uint64:
		x.kind = 10
		x.rank, x.u = rankUint, k
	case uintptr:
		x.kind = 11
		x.rank, x.u = rankUint, uint64(k)
	case float64:
		x.kind = 13
		x.rank, x.f = rankFloat, k
	case float32:
		x.kind = 12
		x.rank, x.f = rankFloat, float32Python(k)
	case *big.Int:
		x.kind = 14
		switch {
		case k == nil:
			x.class = anyNone
		case k.IsInt64():
			x.i = k.Int64()
		case k.IsUint64():
			x.rank, x.u = rankUint, k.Uint64()
		default:
			x.rank, x.big = rankBig, k
		}
	case string:
		x.class, x.s = anyString, k
		if !utf8.ValidString(k) {
			x.norm = replaceInvalid(k)
		}
	default:
		if namedKey != nil {
			if y, ok := namedKey(k); ok {
				return y
			}
		}
		x.class, x.s, x.other = anyOther, typeName(k), k
	}
	return x
}

// float32Python returns the Python float of a float32: the float64 nearest
// the float32's shortest decimal, so that float32(0.1) is Python's 0.1.
func float32Python(f float32) float64 {
	if math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) {
		return float64(f)
	}
	var tmp [numMaxLen]byte // appendFloat32 wants numMaxLen bytes of room
	x, err := strconv.ParseFloat(string(appendFloat32(tmp[:0], f)), 64)
	if err != nil {
		return float64(f) // not reached: the text is a Python float repr
	}
	return x
}

// compareAnyEntries orders entries as the dict is built: by class, numbers
// by value (NaN last) then kind, strings by bytes, other types by name.
// Python's None has two Go forms, nil and a nil *big.Int: nil comes first.
func compareAnyEntries[K comparable, V any](a, b anyEntry[K, V]) int {
	if c := cmp.Compare(a.class, b.class); c != 0 {
		return c
	}
	switch a.class {
	case anyNone:
		return cmp.Compare(a.kind, b.kind)
	case anyBool, anyNumber:
		if c := compareNumbers(&a.pyKey, &b.pyKey); c != 0 {
			return c
		}
		if c := cmp.Compare(a.kind, b.kind); c != 0 {
			return c
		}
		// -0.0 before 0.0, the only equal numbers of one kind but for
		// two *big.Ints, which are equal in every way but identity.
		if c := -cmp.Compare(boolInt(math.Signbit(a.f)), boolInt(math.Signbit(b.f))); c != 0 {
			return c
		}
	case anyString, anyOther:
		if c := strings.Compare(a.s, b.s); c != 0 {
			return c
		}
	}
	// Equal keys of one kind, some of named types: a fixed order, so
	// that the value kept does not depend on the map's iteration order.
	return strings.Compare(a.named, b.named)
}

// namedKey describes a key of a named type of a basic kind (type Plain
// string, type Level int) as the Python value of its kind, which is how
// such a value is written, and how a typed map writes such keys. It is set
// by the reflective path; built without it (jsondump_noreflect), such a key
// in a map[any]V or a Dict is one Python cannot hold.
var namedKey func(k any) (pyKey, bool)

// compareNumbers compares two numeric keys by value, exactly; NaN is after
// every other number and equal to itself.
func compareNumbers(a, b *pyKey) int {
	an := a.rank == rankFloat && math.IsNaN(a.f)
	bn := b.rank == rankFloat && math.IsNaN(b.f)
	if an || bn {
		return cmp.Compare(boolInt(an), boolInt(bn))
	}
	switch {
	case a.rank == rankBig || b.rank == rankBig:
		return compareBig(a, b)
	case a.rank == rankFloat && b.rank == rankFloat:
		return cmp.Compare(a.f, b.f)
	case a.rank == rankFloat:
		return -compareIntFloat(b, a.f)
	case b.rank == rankFloat:
		return compareIntFloat(a, b.f)
	case a.rank == rankUint && b.rank == rankUint:
		return cmp.Compare(a.u, b.u)
	case a.rank == rankUint:
		if b.i < 0 {
			return 1
		}
		return cmp.Compare(a.u, uint64(b.i))
	case b.rank == rankUint:
		if a.i < 0 {
			return -1
		}
		return cmp.Compare(uint64(a.i), b.u)
	}
	return cmp.Compare(a.i, b.i)
}

// compareBig compares two numbers, one of them at least a rankBig int: one
// beyond int64 and uint64, so below -2^63 or above 2^64-1. Only another big
// int or a float of that size can be near it; a float is then an integer,
// compared exactly through math/big (a cold path: such keys are rare).
func compareBig(a, b *pyKey) int {
	if b.rank != rankBig {
		return -compareBig(b, a)
	}
	// b is big; a is any number but NaN.
	switch {
	case a.rank == rankBig:
		return a.big.Cmp(b.big)
	case a.rank != rankFloat || math.Abs(a.f) < 1<<63:
		// Every int64, uint64 and bool, and every float of this size,
		// lies between the negative and the positive big ints.
		return -b.big.Sign()
	case math.IsInf(a.f, 0):
		if a.f > 0 {
			return 1
		}
		return -1
	}
	fa, _ := new(big.Float).SetFloat64(a.f).Int(nil) // exact: a.f is an integer
	return fa.Cmp(b.big)
}

// compareIntFloat compares the integer of a (signed, unsigned or bool) with
// the finite or infinite float f, exactly.
func compareIntFloat(a *pyKey, f float64) int {
	const two63, two64 = 1 << 63, 1 << 64
	if a.rank == rankUint && a.u >= 1<<63 {
		switch {
		case f >= two64:
			return -1
		case f < two63:
			return 1
		}
		// 2^63 <= f < 2^64: f is an integer there.
		return cmp.Compare(a.u, uint64(f))
	}
	i := a.i
	if a.rank == rankUint {
		i = int64(a.u)
	}
	switch {
	case f >= two63:
		return -1
	case f < -two63:
		return 1
	}
	t := math.Trunc(f)
	if c := cmp.Compare(i, int64(t)); c != 0 {
		return c
	}
	// i == trunc(f): the fraction decides.
	return cmp.Compare(0, f-t)
}

// pyEqual reports whether a and b are one dict key in Python (a == b, and
// hash equality, for the Python values of two Go keys): None equals None;
// numbers, bools among them, are equal by value, NaN never (each NaN is a
// key of its own, as distinct NaN objects are in Python); strings are equal
// as Python strs, after U+FFFD replacement; keys of other types, which
// Python cannot write, are one key when Go's == says so, and never when ==
// cannot compare them (a slice, or a struct holding one in an interface).
func pyEqual(a, b *pyKey) bool {
	switch {
	case a.class == anyNone || b.class == anyNone:
		return a.class == b.class
	case a.class.numeric() && b.class.numeric():
		if a.rank == rankFloat && math.IsNaN(a.f) || b.rank == rankFloat && math.IsNaN(b.f) {
			return false
		}
		return compareNumbers(a, b) == 0
	case a.class == anyString && b.class == anyString:
		return pyStr(a) == pyStr(b)
	case a.class == anyOther && b.class == anyOther:
		return a.s == b.s && equalOther(a.other, b.other)
	}
	return false
}

// mergeAnyEntries merges the entries that are one key in Python, entries
// being in dict order: each merged member keeps the first entry's key at the
// first's place and takes the last entry's value. Equal numbers are next to
// each other, as are the two forms of None; a number equal to false or true
// merges into that bool, which comes first.
func mergeAnyEntries[K comparable, V any](entries []anyEntry[K, V]) []anyEntry[K, V] {
	out := entries[:0]
	invalid := false
	bools := [2]int{-1, -1} // the places of false and true in out
	for i := range entries {
		x := entries[i]
		if x.norm != "" {
			invalid = true
		}
		if at := mergeTarget(out, bools, &x); at >= 0 {
			out[at].val = x.val
			continue
		}
		if x.class == anyBool {
			bools[x.i] = len(out)
		}
		out = append(out, x)
	}
	if !invalid {
		return out
	}
	// Strings that are not valid UTF-8 can equal another key in Python
	// without being next to it in byte order.
	first := map[string]int{}
	merged := out[:0]
	for _, x := range out {
		if x.class == anyString {
			norm := x.s
			if x.norm != "" {
				norm = x.norm
			}
			if j, ok := first[norm]; ok {
				merged[j].val = x.val
				continue
			}
			first[norm] = len(merged)
		}
		merged = append(merged, x)
	}
	return merged
}

// mergeTarget returns the place in out of the member that the number or
// None x is equal to, or -1.
func mergeTarget[K comparable, V any](out []anyEntry[K, V], bools [2]int, x *anyEntry[K, V]) int {
	n := len(out)
	if x.class == anyNone {
		if n > 0 && out[n-1].class == anyNone {
			return n - 1
		}
		return -1
	}
	if x.class == anyString {
		// Equal strings of different types (a named string type's key
		// beside a string) are next to each other.
		if n > 0 && out[n-1].class == anyString && out[n-1].s == x.s {
			return n - 1
		}
		return -1
	}
	if x.class != anyNumber || x.rank == rankFloat && math.IsNaN(x.f) {
		return -1
	}
	if n > 0 && out[n-1].class == anyNumber && compareNumbers(&out[n-1].pyKey, &x.pyKey) == 0 {
		return n - 1
	}
	for _, at := range bools {
		if at >= 0 && compareNumbers(&out[at].pyKey, &x.pyKey) == 0 {
			return at
		}
	}
	return -1
}

// pySort sorts entries as CPython 3.11's list.sort sorts a dict's items, or
// returns the TypeError of the first comparison Python cannot make. For up
// to 63 entries the comparisons are the sort's own: the natural run at the
// start (reversed when strictly descending), then binary insertion of the
// rest. Longer lists are checked by the same binary insertion, without the
// natural run and merging of runs that CPython uses for them.
//
// (sorted(d.items()) compares (key, value) tuples, which compare their keys
// with == and then <; keys of one dict are never ==, NaN ones included, so
// the comparisons are those of the keys.)
func pySort[K comparable, V any](entries []anyEntry[K, V]) error {
	n := len(entries)
	if n < 2 {
		return nil
	}
	run := 1
	if n < 64 {
		lt, err := pyLess(&entries[1].pyKey, &entries[0].pyKey)
		if err != nil {
			return err
		}
		run = 2
		for ; run < n; run++ {
			less, err := pyLess(&entries[run].pyKey, &entries[run-1].pyKey)
			if err != nil {
				return err
			}
			if less != lt {
				break
			}
		}
		if lt {
			slices.Reverse(entries[:run])
		}
	}
	for i := run; i < n; i++ {
		pivot := entries[i]
		l, r := 0, i
		for l < r {
			p := l + (r-l)>>1
			less, err := pyLess(&pivot.pyKey, &entries[p].pyKey)
			if err != nil {
				return err
			}
			if less {
				r = p
			} else {
				l = p + 1
			}
		}
		copy(entries[l+1:i+1], entries[l:i])
		entries[l] = pivot
	}
	return nil
}

// pyLess is Python's a < b on two keys.
func pyLess(a, b *pyKey) (bool, error) {
	switch {
	case a.class.numeric() && b.class.numeric():
		an := a.rank == rankFloat && math.IsNaN(a.f)
		bn := b.rank == rankFloat && math.IsNaN(b.f)
		return !an && !bn && compareNumbers(a, b) < 0, nil
	case a.class == anyString && b.class == anyString:
		return pyStr(a) < pyStr(b), nil
	}
	return false, notComparable(pyTypeName(a), pyTypeName(b))
}

// pyStr is the Python str of a string key.
func pyStr(x *pyKey) string {
	if x.norm != "" {
		return x.norm
	}
	return x.s
}

// pyTypeName is the Python class name of a key, for the sort's TypeError.
func pyTypeName(x *pyKey) string {
	switch x.class {
	case anyNone:
		return "NoneType"
	case anyString:
		return "str"
	case anyBool:
		return "bool"
	case anyNumber:
		if x.rank == rankFloat {
			return "float"
		}
		return "int"
	}
	return x.s
}

// equalOther is Python's == for two keys of a type with no JSON key form
// (a dict may hold them under SkipKeys): Go's ==, where a type that cannot
// be compared is equal to nothing.
func equalOther(a, b any) (eq bool) {
	defer func() {
		if recover() != nil {
			eq = false
		}
	}()
	return a == b
}
