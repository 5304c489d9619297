package jsondumprt

import (
	"bytes"
	"hash/maphash"
	"math"
	"math/bits"
	"slices"
	"unicode/utf8"
	"unsafe"
)

// relayout writes JSON text as CPython writes json.dumps(json.loads(text))
// under e's options, at e's current depth: the text of a json.Marshaler or
// a json.RawMessage.
//
// The text is read the way CPython 3.11's C scanner (Modules/_json.c) reads
// a str, where jsondump's mapping (README) makes each byte that is not part of valid UTF-8 the
// code point U+FFFD:
//
//   - the whitespace of the text (space, \t, \n, \r) is dropped and the
//     value laid out again with e's indent and separators;
//   - numbers are normalised as Python's int and float print them (see
//     appendNumberText): 1.50 is 1.5, 1E5 is 100000.0, -0 is 0, 1e400 is
//     Infinity; NaN, Infinity and -Infinity are accepted;
//   - strings are decoded and escaped again by e's ensure_ascii; an escaped
//     surrogate pair is one code point, an escaped lone surrogate stays one
//     and is written \udXXX (see appendStringWTF8);
//   - in an object whose keys repeat, the last value wins at the place of
//     the first key, as a dict built from the pairs keeps it; with SortKeys
//     the members are sorted by code point.
//
// Text that json.loads rejects (empty text, trailing data, "[1,]", "01",
// a raw control character in a string, a leading byte order mark, ...) is an
// error worded as Python's JSONDecodeError, "Expecting value: line 1 column 1
// (char 0)", with the position counted in code points; relayout returns it
// without recording it, and the caller wraps it. The errors Python raises as
// ValueError (an int of more than 4300 digits; under AllowNaN(false) a
// non-finite float that the output keeps, reported after the whole text was
// read, as json.dumps runs after json.loads) and the RecursionError of
// nesting past the depth limit are recorded in e, as the scalar writers
// record them, and also returned. Finish keeps the output written before an
// error; for a non-finite float, reported once the whole text is out, that
// is the output before the float's text (Python stops there, but for the
// separator it writes with the float).
//
// The text is read in one pass with an explicit stack, never recursion. Each
// object's members are written as they come; only an object whose keys
// repeat, or any object of two or more members under SortKeys, has its
// members' output moved into the final order, once, when it closes (the
// move of an outer object carries the inner ones along). The Encoder is not
// flushed while relayout runs, because moved members must still be in the
// buffer. In the
// common case (no repeated keys, SortKeys off) relayout allocates nothing
// beyond growing the buffer for texts of moderate nesting and object size.
func (e *Encoder) relayout(text []byte) error {
	if e.err != nil {
		return e.err
	}
	s := rlState{e: e, text: text}
	depth, start := e.depth, len(e.buf)
	// No flush while members may still move (see above).
	flushAt := e.flushAt
	e.flushAt = math.MaxInt
	err := s.run()
	e.flushAt = flushAt
	if err == nil && e.err != nil {
		// An error recorded while writing (an indentation too long) that
		// did not stop the reading.
		err = e.err
	}
	if err != nil {
		e.depth = depth
		e.first = false
		if !s.nonFinite {
			// Python fails in json.loads, before it writes anything of
			// the value (or, for our own limits, we stop there too): none
			// of its text stays.
			e.buf = e.buf[:start]
			if e.err != nil {
				e.errAt = start
			}
		}
	}
	return err
}

// Messages of Python's JSONDecodeError (Modules/_json.c, Lib/json/decoder.py).
const (
	rlMsgValue     = "Expecting value"
	rlMsgExtra     = "Extra data"
	rlMsgComma     = "Expecting ',' delimiter"
	rlMsgColon     = "Expecting ':' delimiter"
	rlMsgName      = "Expecting property name enclosed in double quotes"
	rlMsgControl   = "Invalid control character at"
	rlMsgUntermStr = "Unterminated string starting at"
	rlMsgEscape    = "Invalid \\escape"
	rlMsgUEscape   = "Invalid \\uXXXX escape"
	rlMsgBOM       = "Unexpected UTF-8 BOM (decode using utf-8-sig)"
)

// Kinds of non-finite floats, recorded to report the first one the output
// keeps under AllowNaN(false).
const (
	rlFinite uint8 = iota
	rlInf
	rlNegInf
	rlNaN
)

// rlState is one relayout call.
type rlState struct {
	e         *Encoder
	text      []byte
	nonFinite bool // the error is a non-finite float's, found once the text was out
}

// rlScratch is the working memory of a relayout call. run keeps it in local
// variables, backed by arrays on its stack, and passes the slices to helpers
// by value: storing them through a pointer would move the arrays to the heap.
// They move to the heap only for deep or wide text, or for many keys with
// escapes.
type rlScratch struct {
	members []rlMember // members of the open objects, by object
	keys    []byte     // decoded keys that differ from their text (escapes, invalid UTF-8)
	ints    []int      // for ordering an object's members
}

// rlFrame is an open container.
type rlFrame struct {
	obj     bool
	nf      uint8 // arrays: the first non-finite of the elements so far
	nfAt    int   // arrays: where nf's text is in e.buf
	base    int   // objects: index in members of the first member
	keyMark int   // objects: len(keys) when the object opened
}

// rlMember is a member of an open object: where its decoded key is, and
// where its output (key, key separator and value) lies in e.buf.
type rlMember struct {
	k0, k1     int // the decoded key: text[k0:k1], or keys[k0:k1] when dec
	dec        bool
	nf         uint8 // the first non-finite float of the value's output
	nfAt       int   // where nf's text is in e.buf
	start, end int   // the member's output, e.buf[start:end]
}

// run reads the whole text and writes it.
func (s *rlState) run() error {
	e, t := s.e, s.text
	if len(t) >= 3 && t[0] == 0xEF && t[1] == 0xBB && t[2] == 0xBF {
		return s.syntax(rlMsgBOM, 0) // json.loads of a str that starts with U+FEFF
	}
	var (
		framesArr  [16]rlFrame
		membersArr [24]rlMember
		keysArr    [128]byte
		intsArr    [64]int
	)
	frames := framesArr[:0] // open containers, innermost last
	sc := rlScratch{membersArr[:0], keysArr[:0], intsArr[:0]}
	i := rlSkipWS(t, 0)
	for {
		// A value starts at t[i].
		if i >= len(t) {
			return s.syntax(rlMsgValue, i)
		}
		var nf uint8 // the first non-finite float of the value's output
		var nfAt int // where its text is in e.buf
		switch t[i] {
		case '{':
			if !e.BeginObject() {
				return e.err
			}
			i = rlSkipWS(t, i+1)
			if i < len(t) && t[i] == '}' {
				e.EndObject()
				i++
				break
			}
			frames = append(frames, rlFrame{obj: true, base: len(sc.members), keyMark: len(sc.keys)})
			var err error
			if i, sc, err = s.key(i, sc); err != nil {
				return err
			}
			continue
		case '[':
			if !e.BeginArray() {
				return e.err
			}
			i = rlSkipWS(t, i+1)
			if i < len(t) && t[i] == ']' {
				e.EndArray()
				i++
				break
			}
			frames = append(frames, rlFrame{})
			s.next()
			continue
		case '"':
			end, esc, _, err := s.scanString(i)
			if err != nil {
				return err
			}
			s.writeString(t[i+1:end-1], esc)
			i = end
		case 'n':
			if !bytes.HasPrefix(t[i:], []byte("null")) {
				return s.syntax(rlMsgValue, i)
			}
			e.Null()
			i += 4
		case 't':
			if !bytes.HasPrefix(t[i:], []byte("true")) {
				return s.syntax(rlMsgValue, i)
			}
			e.Bool(true)
			i += 4
		case 'f':
			if !bytes.HasPrefix(t[i:], []byte("false")) {
				return s.syntax(rlMsgValue, i)
			}
			e.Bool(false)
			i += 5
		case 'N':
			if !bytes.HasPrefix(t[i:], []byte("NaN")) {
				return s.syntax(rlMsgValue, i)
			}
			nfAt = len(e.buf)
			e.buf = append(e.buf, "NaN"...)
			nf = rlNaN
			i += 3
		case 'I':
			if !bytes.HasPrefix(t[i:], []byte("Infinity")) {
				return s.syntax(rlMsgValue, i)
			}
			nfAt = len(e.buf)
			e.buf = append(e.buf, "Infinity"...)
			nf = rlInf
			i += 8
		default:
			if bytes.HasPrefix(t[i:], []byte("-Infinity")) {
				nfAt = len(e.buf)
				e.buf = append(e.buf, "-Infinity"...)
				nf = rlNegInf
				i += 9
				break
			}
			mark := len(e.buf)
			buf, end, ok := rlAppendNumber(e.buf, t, i)
			if end < 0 {
				return s.syntax(rlMsgValue, i)
			}
			if !ok {
				lit := t[i:end]
				var reason string
				buf, reason, ok = appendNumberText(e.buf, unsafe.String(&lit[0], len(lit)))
				if !ok {
					err := errIntDigits(reason) // int("1"*4301) in json.loads
					e.fail(err)
					return err
				}
			}
			e.buf = buf
			if n := len(buf) - mark; n >= 8 && buf[len(buf)-1] == 'y' {
				// A float literal out of range: 1e400 is inf. No other
				// number is written with a letter y.
				nf, nfAt = rlInf, mark
				if buf[mark] == '-' {
					nf = rlNegInf
				}
			}
			i = end
		}

		// A value ended at t[i], its first non-finite float nf. Close the
		// containers it ends, then find where the next value starts.
		for {
			if len(frames) == 0 {
				i = rlSkipWS(t, i)
				if i != len(t) {
					return s.syntax(rlMsgExtra, i)
				}
				if nf != rlFinite && !e.cfg.AllowNaN {
					err := rlOutOfRange(nf)
					e.fail(err)
					if e.err == err {
						s.nonFinite = true
						// The text is out, but Python stops at its first
						// non-finite float (up to the separator before it):
						// so does what Finish returns.
						e.errAt = nfAt
					}
					return err
				}
				return nil
			}
			f := &frames[len(frames)-1]
			i = rlSkipWS(t, i)
			if f.obj {
				m := &sc.members[len(sc.members)-1]
				m.end = len(e.buf)
				m.nf, m.nfAt = nf, nfAt
				if i < len(t) && t[i] == '}' {
					nf, nfAt, sc = s.endObject(f, sc)
					frames = frames[:len(frames)-1]
					i++
					continue
				}
				if i >= len(t) || t[i] != ',' {
					return s.syntax(rlMsgComma, i)
				}
				var err error
				if i, sc, err = s.key(rlSkipWS(t, i+1), sc); err != nil {
					return err
				}
				break
			}
			if f.nf == rlFinite {
				f.nf, f.nfAt = nf, nfAt
			}
			if i < len(t) && t[i] == ']' {
				nf, nfAt = f.nf, f.nfAt
				e.EndArray()
				frames = frames[:len(frames)-1]
				i++
				continue
			}
			if i >= len(t) || t[i] != ',' {
				return s.syntax(rlMsgComma, i)
			}
			i = rlSkipWS(t, i+1)
			s.next()
			break
		}
	}
}

// next starts the next member or element of the innermost container, as
// Encoder.member and Encoder.Elem do, but without flushing.
func (s *rlState) next() {
	e := s.e
	if e.first {
		e.first = false
	} else {
		e.buf = append(e.buf, e.cfg.ItemSep...)
	}
	e.newline()
}

// key reads a member's key at t[i] and the colon after it, writes the key
// and the key separator, records the member in sc, and returns where the
// value starts.
func (s *rlState) key(i int, sc rlScratch) (int, rlScratch, error) {
	e, t := s.e, s.text
	if i >= len(t) || t[i] != '"' {
		return 0, sc, s.syntax(rlMsgName, i)
	}
	end, esc, nonASCII, err := s.scanString(i)
	if err != nil {
		return 0, sc, err
	}
	raw := t[i+1 : end-1]
	s.next()
	m := rlMember{k0: i + 1, k1: end - 1, start: len(e.buf)}
	if esc || nonASCII && !utf8.Valid(raw) {
		m.k0 = len(sc.keys)
		sc.keys = rlDecode(sc.keys, raw)
		m.k1 = len(sc.keys)
		m.dec = true
	}
	sc.members = append(sc.members, m)
	s.writeString(raw, esc)
	e.buf = append(e.buf, e.cfg.KeySep...)
	i = rlSkipWS(t, end)
	if i >= len(t) || t[i] != ':' {
		return 0, sc, s.syntax(rlMsgColon, i)
	}
	return rlSkipWS(t, i+1), sc, nil
}

// rlKey returns the decoded key of m, from text or keys.
func rlKey(text, keys []byte, m *rlMember) []byte {
	if m.dec {
		return keys[m.k0:m.k1]
	}
	return text[m.k0:m.k1]
}

// endObject closes the innermost object, f: it puts the members' output in
// the order of the Python dict (first key's place, last value; sorted under
// SortKeys), drops the object's members from sc and returns the first
// non-finite float of the object's output and where its text is.
func (s *rlState) endObject(f *rlFrame, sc rlScratch) (uint8, int, rlScratch) {
	e := s.e
	recs := sc.members[f.base:]
	var order []int
	order, sc.ints = s.order(recs, sc.keys, sc.ints)
	nf, nfAt := rlFinite, 0
	if order == nil || e.err != nil {
		// After an error nothing is moved: Finish cuts the buffer where
		// the error came, and that text must stay as it was.
		for i := range recs {
			if recs[i].nf != rlFinite {
				nf, nfAt = recs[i].nf, recs[i].nfAt
				break
			}
		}
	} else {
		// Copy the members' output after its end, then write it back in
		// order. The copy starts nlShort bytes past the end: the write-back
		// never passes end (it is the same members and separators), and
		// newline may store up to nlShort bytes beyond what it writes.
		start, end := recs[0].start, recs[len(recs)-1].end
		e.buf = append(e.buf, make([]byte, nlShort)...)
		e.buf = append(e.buf, e.buf[start:end]...)
		old := e.buf[end+nlShort:]
		e.buf = e.buf[:start]
		for k, idx := range order {
			m := &recs[idx]
			if k > 0 {
				e.buf = append(e.buf, e.cfg.ItemSep...)
				e.newline()
			}
			at := len(e.buf)
			e.buf = append(e.buf, old[m.start-start:m.end-start]...)
			if nf == rlFinite && m.nf != rlFinite {
				nf, nfAt = m.nf, at+m.nfAt-m.start
			}
		}
	}
	sc.members = sc.members[:f.base]
	sc.keys = sc.keys[:f.keyMark]
	e.EndObject()
	return nf, nfAt, sc
}

// rlSmallObject is the number of members up to which order looks for
// repeated keys by comparing each pair rather than in a hash table.
const rlSmallObject = 12

// rlSeed seeds the hash of rlRepeats: a seed of the process's own, so that
// no text can be made to collide.
var rlSeed = maphash.MakeSeed()

// rlRepeats reports whether two of the members recs have the same key. It
// enters their indexes in an open-addressing hash table at most half full,
// made in ints (scratch space, returned grown), and compares keys only
// where their hashes meet: a linear cost where sorting the keys, as order
// does when they repeat, costs n log n comparisons (a quarter of
// twitter.json's layout, whose objects have up to 40 members).
func rlRepeats(recs []rlMember, text, keys []byte, ints []int) (bool, []int) {
	size := 1
	for size < 2*len(recs) {
		size <<= 1
	}
	ints = slices.Grow(ints[:0], size)[:size]
	for i := range ints {
		ints[i] = -1
	}
	mask := uint64(size - 1)
	for j := range recs {
		k := rlKey(text, keys, &recs[j])
		h := maphash.Bytes(rlSeed, k) & mask
		for ints[h] >= 0 {
			if bytes.Equal(rlKey(text, keys, &recs[ints[h]]), k) {
				return true, ints
			}
			h = (h + 1) & mask
		}
		ints[h] = j
	}
	return false, ints
}

// order returns the indexes into recs of the members to write, in order, or
// nil when that is recs as they are; ints is scratch space, returned grown.
func (s *rlState) order(recs []rlMember, keys []byte, ints []int) ([]int, []int) {
	n := len(recs)
	if n < 2 {
		return nil, ints
	}
	text := s.text
	sortKeys := s.e.cfg.SortKeys
	if !sortKeys {
		var dup bool
		if n <= rlSmallObject {
			for j := 1; j < n && !dup; j++ {
				kj := rlKey(text, keys, &recs[j])
				for i := 0; i < j; i++ {
					if bytes.Equal(rlKey(text, keys, &recs[i]), kj) {
						dup = true
						break
					}
				}
			}
		} else {
			dup, ints = rlRepeats(recs, text, keys, ints)
		}
		if !dup {
			return nil, ints
		}
	}
	// perm: the members sorted by key, and by position among equal keys.
	ints = slices.Grow(ints[:0], 2*n)[:2*n]
	perm, out := ints[:n], ints[n:2*n]
	for i := range perm {
		perm[i] = i
	}
	slices.SortFunc(perm, func(a, b int) int {
		if c := bytes.Compare(rlKey(text, keys, &recs[a]), rlKey(text, keys, &recs[b])); c != 0 {
			return c
		}
		return a - b
	})
	if sortKeys {
		// Of each run of equal keys, the last member; the order is sorted.
		out = out[:0]
		for k := 0; k < n; k++ {
			if k+1 < n && bytes.Equal(rlKey(text, keys, &recs[perm[k]]), rlKey(text, keys, &recs[perm[k+1]])) {
				continue
			}
			out = append(out, perm[k])
		}
	} else {
		// out[first] = last of each run of equal keys, -1 elsewhere; then
		// those in the order of the first keys.
		for i := range out {
			out[i] = -1
		}
		for k := 0; k < n; {
			first := perm[k]
			kk := rlKey(text, keys, &recs[first])
			k++
			for k < n && bytes.Equal(rlKey(text, keys, &recs[perm[k]]), kk) {
				k++
			}
			out[first] = perm[k-1]
		}
		j := 0
		for _, v := range out {
			if v >= 0 {
				out[j] = v
				j++
			}
		}
		out = out[:j]
	}
	if len(out) == n {
		same := true
		for i, v := range out {
			if v != i {
				same = false
				break
			}
		}
		if same {
			return nil, ints
		}
	}
	return out, ints
}

// rlOutOfRange is Python's ValueError for a non-finite float of kind nf.
func rlOutOfRange(nf uint8) error {
	switch nf {
	case rlInf:
		return outOfRange(math.Inf(1))
	case rlNegInf:
		return outOfRange(math.Inf(-1))
	}
	return outOfRange(math.NaN())
}

// syntax returns Python's JSONDecodeError msg at t[pos], with the position
// counted as Python counts it, in code points of the str (an invalid byte
// is one U+FFFD).
func (s *rlState) syntax(msg string, pos int) error {
	t := s.text[:pos]
	chars := make([]byte, 0, len(t))
	for i := 0; i < len(t); {
		c := t[i]
		if c < utf8.RuneSelf {
			i++
		} else {
			_, n := utf8.DecodeRune(t[i:])
			i += n
		}
		if c != '\n' {
			c = 'x'
		}
		chars = append(chars, c)
	}
	return &invalidJSON{msg: msg, text: chars, pos: len(chars)}
}

// rlSkipWS returns the index of the first byte at or after t[i] that is not
// JSON whitespace (Python's WHITESPACE, [ \t\n\r]*), or len(t).
func rlSkipWS(t []byte, i int) int {
	for i < len(t) {
		switch t[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

func rlIsDigit(t []byte, i int) bool { return i < len(t) && '0' <= t[i] && t[i] <= '9' }

// rlNumberEnd returns the end of the number literal at t[i], or -1 when there
// is none. Like _match_number_unicode in Modules/_json.c it takes the longest
// prefix that matches -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?, so
// "01", "1." and "1e" stop after the 0 or the 1, and what follows is the
// next token ("Extra data", "Expecting ',' delimiter").
func rlNumberEnd(t []byte, i int) int {
	j := i
	if j < len(t) && t[j] == '-' {
		j++
	}
	switch {
	case j < len(t) && t[j] == '0':
		j++
	case j < len(t) && '1' <= t[j] && t[j] <= '9':
		j++
		for rlIsDigit(t, j) {
			j++
		}
	default:
		return -1
	}
	if j < len(t) && t[j] == '.' && rlIsDigit(t, j+1) {
		j += 2
		for rlIsDigit(t, j) {
			j++
		}
	}
	if j < len(t) && (t[j] == 'e' || t[j] == 'E') {
		k := j + 1
		if k < len(t) && (t[k] == '+' || t[k] == '-') {
			k++
		}
		if rlIsDigit(t, k) {
			for rlIsDigit(t, k) {
				k++
			}
			j = k
		}
	}
	return j
}

// rlAppendNumber reads the number literal at t[i] as rlNumberEnd does, in
// the same pass, and returns the index after it, or -1 when there is none.
// It also appends the number as Python prints json.loads of it (see
// appendNumberText) when it can do so without strconv, and reports whether
// it did: an int of at most 19 digits, and a float of at most 19
// significant digits whose decimal exponent, once those digits are taken as
// an integer, lies within ±19 ("-65.613616999999977" is 65613616999999977 ×
// 10^-15). Such a float lies between 1e-19 and 2e38, far from subnormals
// and infinity, and rlDecimalToFloat rounds it exactly. Most floats in real
// documents are of this kind: the 111,000 of canada.json all are, and
// reading them with strconv.ParseFloat took a fifth of its layout. The
// caller writes the others, t[i:end], with appendNumberText.
func rlAppendNumber(dst, t []byte, i int) (out []byte, end int, ok bool) {
	j := i
	if j < len(t) && t[j] == '-' {
		j++
	}
	var m uint64 // the significant digits
	nd := 0      // their number, from the first that is not 0
	exp := 0     // the decimal exponent of m's last digit
	isFloat := false
	switch {
	case j < len(t) && t[j] == '0':
		j++
	case j < len(t) && '1' <= t[j] && t[j] <= '9':
		for ; j < len(t) && '0' <= t[j] && t[j] <= '9'; j++ {
			if nd++; nd <= 19 {
				m = m*10 + uint64(t[j]-'0')
			}
		}
	default:
		return dst, -1, false
	}
	if j+1 < len(t) && t[j] == '.' && '0' <= t[j+1] && t[j+1] <= '9' {
		isFloat = true
		for j++; j < len(t) && '0' <= t[j] && t[j] <= '9'; j++ {
			exp--
			if m == 0 && t[j] == '0' {
				continue // a leading zero of the fraction
			}
			if nd++; nd <= 19 {
				m = m*10 + uint64(t[j]-'0')
			}
		}
	}
	if j < len(t) && (t[j] == 'e' || t[j] == 'E') {
		k := j + 1
		sign := 1
		if k < len(t) && (t[k] == '+' || t[k] == '-') {
			if t[k] == '-' {
				sign = -1
			}
			k++
		}
		if k < len(t) && '0' <= t[k] && t[k] <= '9' {
			isFloat = true
			x, nx := 0, 0
			for ; k < len(t) && '0' <= t[k] && t[k] <= '9'; k++ {
				if nx++; nx <= 2 {
					x = x*10 + int(t[k]-'0')
				}
			}
			if nx > 2 {
				nd = 20 // out of reach, or a zero's: appendNumberText's
			}
			exp += sign * x
			j = k
		}
	}
	if nd > 19 {
		return dst, j, false
	}
	if !isFloat {
		if j-i == 2 && t[i] == '-' && t[i+1] == '0' {
			return append(dst, '0'), j, true // int("-0") is 0
		}
		return append(dst, t[i:j]...), j, true // no leading zeros: already int.__repr__
	}
	f := 0.0
	if m != 0 {
		if exp < -19 || exp > 19 {
			return dst, j, false
		}
		f = rlDecimalToFloat(m, exp)
	}
	if t[i] == '-' {
		f = -f // -0.0 too
	}
	return appendFloat64(dst, f), j, true
}

// rlDecimalToFloat returns m × 10^exp rounded to the nearest float64, ties
// to even, for 0 < m < 2^64 and -19 <= exp <= 19, in exact integer
// arithmetic:
//
//   - for exp >= 0 the product m × 10^exp is exact in 128 bits;
//   - for exp < 0 the quotient of m × 2^s by 10^-exp, with s chosen so that
//     it has 63 or 64 bits, and its remainder (bits.Div64), are exact.
//
// Either way the 64 leading bits and whether any bit below them is set
// decide the rounding to 53 bits (rlRound).
func rlDecimalToFloat(m uint64, exp int) float64 {
	if exp >= 0 {
		hi, lo := bits.Mul64(m, numPow10s[exp])
		if hi == 0 {
			return rlRound(lo, false, 0)
		}
		n := bits.Len64(hi) // bits of the product past 64
		return rlRound(hi<<(64-n)|lo>>n, lo<<(64-n) != 0, n)
	}
	d := numPow10s[-exp]
	// m × 2^s < 2^(63+len(d)), so its high word is below d, as Div64
	// wants; the quotient is above 2^62.
	s := 63 + bits.Len64(d) - bits.Len64(m)
	var hi, lo uint64
	switch {
	case s >= 64:
		hi = m << (s - 64)
	case s > 0:
		hi, lo = m>>(64-s), m<<s
	default:
		lo = m
	}
	q, r := bits.Div64(hi, lo, d)
	return rlRound(q, r != 0, -s)
}

// rlRound returns (q + ε) × 2^exp2 rounded to the nearest float64, ties to
// even, where 0 <= ε < 1 is not zero exactly when sticky; q > 0, and the
// result is a normal number.
func rlRound(q uint64, sticky bool, exp2 int) float64 {
	n := bits.Len64(q)
	if n <= 53 {
		if !sticky {
			return math.Ldexp(float64(q), exp2) // exact
		}
		// Widen q so that the bits below 53 exist; ε stays below them.
		q <<= 64 - n
		exp2 -= 64 - n
		n = 64
	}
	shift := uint(n - 53)
	mant := q >> shift
	rest := q & (1<<shift - 1)
	half := uint64(1) << (shift - 1)
	if rest > half || rest == half && (sticky || mant&1 == 1) {
		mant++
		if mant == 1<<53 {
			mant >>= 1
			shift++
		}
	}
	// mant is in [2^52, 2^53): the value is 1.f × 2^(exp2+shift+52).
	return math.Float64frombits(uint64(exp2+int(shift)+52+1023)<<52 | mant&(1<<52-1))
}

// rlHex4 decodes the four hex digits of a \uXXXX escape, either case.
func rlHex4(h []byte) (rune, bool) {
	var r rune
	for _, c := range h[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

func rlIsHigh(r rune) bool { return 0xD800 <= r && r <= 0xDBFF }
func rlIsLow(r rune) bool  { return 0xDC00 <= r && r <= 0xDFFF }

// rlShortEscape maps the letter of a two-character escape to its byte; 0 for
// a letter that is not one ('u' is handled apart).
var rlShortEscape = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// rlWordSpecial returns a word whose top bits are all zero exactly when none
// of the 8 bytes of x is '"', '\\' or below 0x20 (see strWordFlagsUTF8): a
// string literal keeps bytes of 0x80 and above as they are, so "&^ x" drops
// what they would set.
func rlWordSpecial(x uint64) uint64 {
	q, b := x^('"'*strLSB), x^('\\'*strLSB)
	return ((x-0x20*strLSB)&^x | (q-strLSB)&^q | (b-strLSB)&^b) & strMSB
}

// scanString checks the string literal whose opening quote is t[q] as
// scanstring_unicode (Modules/_json.c, strict mode) does, with its error
// positions, and returns the index after the closing quote, whether the
// literal has escapes, and whether it has bytes of 0x80 and above. It skips
// 8 bytes at a time up to the word that holds a quote, a backslash or a
// control character (a sixth of twitter.json's layout went to this loop
// byte by byte).
func (s *rlState) scanString(q int) (int, bool, bool, error) {
	t := s.text
	n := len(t)
	esc := false
	var seen uint64 // the bytes seen, or'ed: their top bit tells non-ASCII
	end := q + 1
	for {
		next := end
		for next+8 <= n {
			w := strLoad64(t[next:])
			if rlWordSpecial(w) != 0 {
				break
			}
			seen |= w
			next += 8
		}
		for next < n {
			c := t[next]
			if c == '"' || c == '\\' {
				break
			}
			if c < 0x20 {
				return 0, false, false, s.syntax(rlMsgControl, next)
			}
			seen |= uint64(c)
			next++
		}
		if next >= n {
			return 0, false, false, s.syntax(rlMsgUntermStr, q)
		}
		if t[next] == '"' {
			return next + 1, esc, seen&strMSB != 0, nil
		}
		esc = true
		next++ // past the backslash
		if next == n {
			return 0, false, false, s.syntax(rlMsgUntermStr, q)
		}
		if c := t[next]; c != 'u' {
			if rlShortEscape[c] == 0 {
				return 0, false, false, s.syntax(rlMsgEscape, next-1)
			}
			end = next + 1
			continue
		}
		// \uXXXX at t[next-1:]: CPython wants a character after the four
		// digits, and reports any fault at the 'u'.
		u := next
		if u+5 >= n {
			return 0, false, false, s.syntax(rlMsgUEscape, u)
		}
		r, ok := rlHex4(t[u+1:])
		if !ok {
			return 0, false, false, s.syntax(rlMsgUEscape, u)
		}
		end = u + 5
		if rlIsHigh(r) && end+6 < n && t[end] == '\\' && t[end+1] == 'u' {
			r2, ok := rlHex4(t[end+2:])
			if !ok {
				return 0, false, false, s.syntax(rlMsgUEscape, end+1)
			}
			if rlIsLow(r2) {
				end += 6
			}
		}
	}
}

// rlEscapeAt decodes the escape at raw[i] (a backslash) of a literal that
// scanString accepted and returns its code point (a surrogate pair joined,
// a lone surrogate as itself) and the index after it.
func rlEscapeAt(raw []byte, i int) (rune, int) {
	c := raw[i+1]
	if c != 'u' {
		return rune(rlShortEscape[c]), i + 2
	}
	r, _ := rlHex4(raw[i+2:])
	i += 6
	if rlIsHigh(r) && i+6 <= len(raw) && raw[i] == '\\' && raw[i+1] == 'u' {
		if r2, ok := rlHex4(raw[i+2:]); ok && rlIsLow(r2) {
			return 0x10000 + (r-0xD800)<<10 + (r2 - 0xDC00), i + 6
		}
	}
	return r, i
}

// writeString writes the string whose literal, between its quotes, is raw
// (accepted by scanString; esc tells whether it has escapes).
func (s *rlState) writeString(raw []byte, esc bool) {
	e := s.e
	ascii := e.cfg.EnsureASCII
	if !esc {
		e.buf = appendStringBytes(e.buf, raw, ascii)
		return
	}
	buf := append(e.buf, '"')
	start := 0
	for i := 0; i < len(raw); {
		if raw[i] != '\\' {
			i++
			continue
		}
		// Raw text is split only at a backslash, which no multi-byte
		// sequence contains; it is escaped without WTF-8, so raw surrogate
		// bytes are invalid bytes, U+FFFD.
		if ascii {
			buf = strAppendEscapedASCII(buf, raw[start:i], false)
		} else {
			buf = strAppendEscapedUTF8(buf, raw[start:i], false)
		}
		var r rune
		r, i = rlEscapeAt(raw, i)
		start = i
		switch {
		case r < utf8.RuneSelf:
			if (ascii && strSafeASCII[r]) || (!ascii && strSafeUTF8[r]) {
				buf = append(buf, byte(r))
			} else {
				buf = strAppendEscapedByte(buf, byte(r))
			}
		case ascii || (0xD800 <= r && r <= 0xDFFF):
			buf = strAppendEscapedRune(buf, r)
		default:
			buf = utf8.AppendRune(buf, r)
		}
	}
	if ascii {
		buf = strAppendEscapedASCII(buf, raw[start:], false)
	} else {
		buf = strAppendEscapedUTF8(buf, raw[start:], false)
	}
	e.buf = append(buf, '"')
}

// rlDecode appends the Python str of the string literal raw (between its
// quotes, accepted by scanString) in WTF-8: escapes decoded, lone surrogates
// as ED A0 80..ED BF BF, each invalid byte as U+FFFD. Its byte order is the
// code point order of Python's str comparison.
func rlDecode(dst, raw []byte) []byte {
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '\\':
			var r rune
			r, i = rlEscapeAt(raw, i)
			if 0xD800 <= r && r <= 0xDFFF {
				dst = append(dst, 0xED, byte(0x80|r>>6&0x3F), byte(0x80|r&0x3F))
			} else {
				dst = utf8.AppendRune(dst, r)
			}
		case c < utf8.RuneSelf:
			dst = append(dst, c)
			i++
		default:
			r, n := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && n == 1 {
				dst = append(dst, "\uFFFD"...)
			} else {
				dst = append(dst, raw[i:i+n]...)
			}
			i += n
		}
	}
	return dst
}
