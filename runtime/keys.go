package jsondumprt

import (
	"math/big"
	"slices"
	"strings"
	"unicode/utf8"
)

// Map keys: how a member of an object starts with its key, for each key
// kind Python coerces (Lib/json/encoder.py, _iterencode_dict: a str as it
// is; an int, a float, True, False and None as their JSON text, inside
// quotes), and the order of string keys.

// key starts the next member of the innermost object with a key whose
// quoted, escaped forms were computed in advance: ascii as written under
// EnsureASCII(true), utf8 under EnsureASCII(false). For an ASCII name they
// are the same string.
func (e *Encoder) key(ascii, utf8 string) {
	e.Elem()
	if e.cfg.EnsureASCII {
		e.buf = append(e.buf, ascii...)
	} else {
		e.buf = append(e.buf, utf8...)
	}
	e.buf = append(e.buf, e.cfg.KeySep...)
}

// keyString starts the next member with the string key k, escaped now.
func (e *Encoder) keyString(k string) {
	e.Elem()
	e.buf = appendString(e.buf, k, e.cfg.EnsureASCII)
	e.buf = append(e.buf, e.cfg.KeySep...)
}

// keyRaw starts the next member with a key whose JSON text is plain ASCII
// that needs no escaping (a number, true, false, null); it adds the quotes.
func (e *Encoder) keyRaw(text []byte) {
	e.Elem()
	e.buf = append(e.buf, '"')
	e.buf = append(e.buf, text...)
	e.buf = append(e.buf, '"')
	e.buf = append(e.buf, e.cfg.KeySep...)
}

// keyInt starts the next member with an integer key: "7", "-1".
func (e *Encoder) keyInt(i int64) {
	var tmp [32]byte // appendUint wants 24 bytes of room after the sign
	e.keyRaw(appendInt(tmp[:0], i))
}

// keyUint starts the next member with an unsigned integer key.
func (e *Encoder) keyUint(u uint64) {
	var tmp [32]byte // appendUint wants 24 bytes of room after the sign
	e.keyRaw(appendUint(tmp[:0], u))
}

// keyFloat64 starts the next member with a float key, written as its repr
// ("1.0", "1e+16", "NaN"); under AllowNaN(false) a non-finite key is
// Python's ValueError.
func (e *Encoder) keyFloat64(f float64) {
	if !e.cfg.AllowNaN && !e.finite(f) {
		return
	}
	var tmp [32]byte
	e.keyRaw(appendFloat64(tmp[:0], f))
}

// keyFloat32 is keyFloat64 for a float32 key, by appendFloat32.
func (e *Encoder) keyFloat32(f float32) {
	if !e.cfg.AllowNaN && !e.finite(float64(f)) {
		return
	}
	var tmp [32]byte
	e.keyRaw(appendFloat32(tmp[:0], f))
}

// keyBool starts the next member with a bool key: "true" or "false".
func (e *Encoder) keyBool(b bool) {
	if b {
		e.keyRaw([]byte("true"))
	} else {
		e.keyRaw([]byte("false"))
	}
}

// keyNull starts the next member with Python's None key: "null".
func (e *Encoder) keyNull() { e.keyRaw([]byte("null")) }

// keyBigInt starts the next member with a big integer key.
func (e *Encoder) keyBigInt(x *big.Int) {
	if x == nil {
		e.keyNull()
		return
	}
	text, ok := appendBigInt(nil, x)
	if !ok {
		e.fail(errIntDigits(msgIntDigits))
		return
	}
	e.keyRaw(text)
}

// normalPairKeys is normalStringKeys for the keys of pairs sorted by
// sortPairs.
func normalPairKeys(pairs []keyValue, sortKeys bool) []string {
	return normalKeys(len(pairs), func(i int) string { return pairs[i].k }, sortKeys)
}

// normalStringKeys takes keys sorted by bytes, some of them invalid UTF-8,
// and returns the keys to write, in order: of each group of keys that are
// the same Python str, the last (whose value the dict keeps), at the place
// of the first; sorted by the Python str when sortKeys is set. It
// allocates, on the rare path of keys of invalid UTF-8.
func normalStringKeys(keys []string, sortKeys bool) []string {
	return normalKeys(len(keys), func(i int) string { return keys[i] }, sortKeys)
}

// normalKeys is normalStringKeys for n keys, key(i) being the i-th.
func normalKeys(n int, key func(i int) string, sortKeys bool) []string {
	order := normalGroups(n, key, sortKeys)
	out := make([]string, len(order))
	for i, j := range order {
		out[i] = key(j)
	}
	return out
}

// normalGroups is the rule of normalStringKeys, for n keys sorted by bytes,
// key(i) being the i-th: it returns, in the order to write them, the
// index of each group's last key (whose value the dict keeps and whose
// text, once invalid bytes are U+FFFD, is the group's), at the place of the
// group's first; sorted by the Python str when sortKeys is set.
func normalGroups(n int, key func(i int) string, sortKeys bool) []int {
	type group struct {
		norm string // the Python str, as UTF-8
		last int    // index of the group's last key
	}
	groups := make([]group, 0, n)
	index := make(map[string]int, n)
	for i := range n {
		norm := replaceInvalid(key(i))
		if g, ok := index[norm]; ok {
			groups[g].last = i
			continue
		}
		index[norm] = len(groups)
		groups = append(groups, group{norm, i})
	}
	if sortKeys {
		slices.SortFunc(groups, func(a, b group) int { return strings.Compare(a.norm, b.norm) })
	}
	out := make([]int, len(groups))
	for i, g := range groups {
		out[i] = g.last
	}
	return out
}

// replaceInvalid returns s with U+FFFD for each byte that is not part of
// valid UTF-8 (one per byte, as `for range` reads a string).
func replaceInvalid(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString("\uFFFD")
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// A keyValue is one member of a map[string]any, with the first eight bytes
// of its key as a big-endian number: most keys differ there, so most
// comparisons are one integer comparison.
type keyValue struct {
	p uint64
	k string
	v any
}

// keyPrefix returns the first eight bytes of k, big-endian, zero-padded.
// Comparing prefixes orders keys as comparing the strings does, except that
// equal prefixes need the strings compared (a key may be a prefix of
// another, or share its first eight bytes).
func keyPrefix(k string) uint64 {
	var p uint64
	n := min(len(k), 8)
	for i := 0; i < n; i++ {
		p |= uint64(k[i]) << (56 - 8*i)
	}
	return p
}

func lessPair(a, b *keyValue) bool {
	if a.p != b.p {
		return a.p < b.p
	}
	return a.k < b.k
}

// sortPairs sorts members by key: insertion sort for the small maps that
// make up most documents, pdqsort above.
func sortPairs(pairs []keyValue) {
	if len(pairs) > 24 {
		slices.SortFunc(pairs, func(a, b keyValue) int {
			if a.p != b.p {
				if a.p < b.p {
					return -1
				}
				return 1
			}
			return strings.Compare(a.k, b.k)
		})
		return
	}
	for i := 1; i < len(pairs); i++ {
		x := pairs[i]
		j := i
		for j > 0 && lessPair(&x, &pairs[j-1]) {
			pairs[j] = pairs[j-1]
			j--
		}
		pairs[j] = x
	}
}
