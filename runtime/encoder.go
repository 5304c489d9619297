package jsondumprt

import (
	"errors"
	"io"
	"math"
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"
)

// An Encoder writes one JSON document the way CPython's json encoder lays it
// out (Lib/json/encoder.py, _make_iterencode). Generated code and the dynamic
// path drive it with a small vocabulary:
//
//	e.BeginObject()                  e.BeginArray()
//	e.Member(&key_id)  e.Int(4)      e.Elem()  e.String("x")
//	e.Member(&key_x)   e.Float64(f)  e.Elem()  e.Null()
//	e.EndObject()                    e.EndArray()
//
// Containers are opened lazily: BeginObject writes "{" alone, the first member
// writes the newline and indent that Python writes right after "{", and
// EndObject writes "}" straight after "{" when no member came, which is
// Python's "{}" for an empty dict. A struct whose every field was omitted is
// an empty dict too, so the lazy form serves both.
//
// The writers return nothing: a failure (a non-finite float under
// AllowNaN(false), an int of more than 4300 digits, a Marshaler's error, a
// cycle, the depth limit, a writer's error) is recorded, the first error
// wins, later writes are cut from the result, and Finish or Close returns
// it. This keeps generated code straight-line; loops test Failed to stop
// early.
//
// An Encoder is not safe for concurrent use; each call takes its own from a
// pool (NewEncoder, NewStreamEncoder) and gives it back on Finish or Close.
type Encoder struct {
	buf []byte
	w   io.Writer // Dump's writer; nil otherwise
	dst []byte    // AppendDumps' result so far: the caller's buffer, to which flush appends
	// flushAt is the length of buf past which flush hands it on: chunkSize
	// for Dump and AppendDumps, never for Dumps.
	flushAt int
	hint    *SizeHint // Dumps: the length of this type's last output, or nil

	cfg config

	keyForm  int  // index into FieldKey.forms for the layout in force, or -1 (see Member)
	bareForm int  // index into FieldKey.forms of the key and key separator alone, or -1 (see Member)
	plain    bool // not indented: begin and end take their short paths

	depth int  // containers open now: the indentation level
	hooks int  // Default calls open now; they count toward MaxDepth but do not indent
	first bool // no member or element yet in the innermost open container
	err   error
	errAt int // len(buf) when err was recorded: Finish keeps no byte past it

	// hookResult is depth+hooks while a Default hook's result is being
	// written and nothing has been opened inside it: a hook met there is
	// that result itself (see DefaultHook). -1 otherwise.
	hookResult int

	// calling is set while an Encodable's method is being called and has
	// not yet claimed the call (see Claim).
	calling bool

	// nl is "\n" followed by the indent unit repeated; NL(L) of
	// Lib/json/encoder.py (_make_iterencode, newline_indent) is
	// nl[:1+L*len(indent)]. It grows on demand and is kept across uses of
	// a pooled Encoder with the same indent, up to keepNL bytes.
	nl       []byte
	nlIndent string

	// own is the Encoder's chunk buffer, kept across uses: Dump and
	// AppendDumps write into it and hand it on every chunkSize bytes, so
	// that nothing is written past the end of the caller's dst.
	own []byte

	seen    []seenEntry            // containers on the path from the root (CheckCircular)
	seenSet map[seenEntry]struct{} // all of seen, once it is deep (see enterIdentity)
	ikeys   []int64                // likewise for signed integer keys
	ukeys   []uint64               // likewise for unsigned integer keys
	fkeys   []float64              // likewise for float keys
	kvs     []keyValue             // scratch for sorting string-keyed members, used as a stack
	tmp     []byte                 // scratch for the text of a ,string value (QuoteFrom)
	dict    dictScratch            // scratch for writing Dicts (dict.go)
	rs      reflectScratch         // the reflective path's scratch (reflect_map.go; empty under jsondump_noreflect)
}

// chunkSize is the buffered size past which Dump hands its bytes to the
// writer, and AppendDumps appends them to dst. 32 KiB amortises the
// writer's cost and keeps Dump's memory flat whatever the size of the
// document; for AppendDumps the chunk stays in the cache while it is
// copied.
const chunkSize = 32 << 10

// What a pooled Encoder keeps for its next use, at most: one huge or deep
// document must not make every later call pay for clearing, or hold on to,
// the memory it needed.
const (
	keepOwn     = 8 * chunkSize // bytes of own
	keepNL      = 4 << 10       // bytes of nl: 1000 levels of a 4-space indent
	keepScratch = 4 << 10       // entries of seen and of each scratch stack: a map or Dict of 4096 keys
)

var encoderPool = sync.Pool{New: func() any { return new(Encoder) }}

// get returns a pooled Encoder set up for opts, writing into buf.
func get(buf []byte, opts []Option) *Encoder {
	e := encoderPool.Get().(*Encoder)
	e.buf = buf
	e.cfg = makeConfig(opts)
	e.reset()
	return e
}

// chunk returns own, empty, with room for a chunk and the token that
// passes chunkSize.
func (e *Encoder) chunk() []byte {
	if cap(e.own) < 2*chunkSize {
		e.own = make([]byte, 0, 2*chunkSize)
	}
	return e.own[:0]
}

// NewEncoder returns an Encoder, from a pool, that appends to dst under the
// options opts: AppendDumps. Call Finish to get the result and give the
// Encoder back. The text goes through the Encoder's own buffer, which is
// appended to dst a chunk at a time, so dst's spare capacity past the
// result is never touched (the Encoder's writers store several bytes at a
// time past the end of what they write).
func NewEncoder(dst []byte, opts []Option) *Encoder {
	e := encoderPool.Get().(*Encoder)
	e.dst = dst
	e.flushAt = chunkSize
	e.buf = e.chunk()
	e.cfg = makeConfig(opts)
	e.reset()
	return e
}

// A SizeHint remembers the length of the last output of one type, so that
// the next Dumps of it allocates its result once, at about the right size.
// Generated code keeps one per type in a package-level variable; it is safe
// for concurrent use.
type SizeHint struct{ n atomic.Int64 }

// NewStringEncoder returns an Encoder, from a pool, for Dumps: it writes
// into a new buffer sized by hint (which may be nil), which FinishString
// hands out as the result without copying it. Call FinishString for the
// result.
func NewStringEncoder(opts []Option, hint *SizeHint) *Encoder {
	e := get(hint.buffer(), opts)
	e.hint = hint
	e.flushAt = math.MaxInt
	return e
}

// buffer returns a new, empty buffer for the next output of h's type: a
// little more than its last output, for documents that grow; nil when there
// was none (or h is nil).
func (h *SizeHint) buffer() []byte {
	if h == nil {
		return nil
	}
	n := h.n.Load()
	if n <= 0 {
		return nil
	}
	return make([]byte, 0, n+n>>4+64)
}

// takeHint gives a Dumps that has no hint yet the one of the root value's
// type: that of the first value to offer one, if nothing has been written
// (a value inside a list or a dict comes after its opening bracket). The
// buffer is then made the size of that type's last output, and the
// output's length is recorded in h.
func (e *Encoder) takeHint(h *SizeHint) {
	if e.hint != nil || e.flushAt != math.MaxInt || len(e.buf) > 0 {
		return // not Dumps, or a hint already, or not the root
	}
	e.hint = h
	e.buf = h.buffer()
}

// FinishString returns the text written as a string and the first error,
// and gives the Encoder back to its pool. The buffer becomes the string
// without a copy (nothing else holds it), unless most of it is empty.
func (e *Encoder) FinishString() (string, error) {
	var s string
	err := e.err
	if err == nil && len(e.buf) > 0 {
		if cap(e.buf) > 2*len(e.buf)+256 {
			s = string(e.buf)
		} else {
			s = unsafe.String(unsafe.SliceData(e.buf), len(e.buf))
		}
		if e.hint != nil {
			e.hint.n.Store(int64(len(s)))
		}
	}
	e.buf = nil
	e.release()
	return s, err
}

// NewStreamEncoder returns an Encoder, from a pool, that writes to w through
// a bounded buffer: Dump. Call Close to flush the rest and give the Encoder
// back.
func NewStreamEncoder(w io.Writer, opts []Option) *Encoder {
	e := encoderPool.Get().(*Encoder)
	e.w = w
	e.flushAt = chunkSize
	e.buf = e.chunk()
	e.cfg = makeConfig(opts)
	e.reset()
	if w == nil {
		// Nothing could ever be written: fail at once rather than encode
		// into a buffer that is never flushed.
		e.fail(&WriteError{Err: errNilWriter})
	}
	return e
}

var (
	errNilWriter    = errors.New("nil io.Writer")
	errInvalidWrite = errors.New("invalid write result: more bytes written than given")
)

func (e *Encoder) reset() {
	e.keyForm = keyFormOf(&e.cfg)
	e.bareForm = bareFormOf(&e.cfg)
	e.plain = !e.cfg.Indented
	e.depth = 0
	e.hooks = 0
	e.hookResult = -1
	e.first = false
	e.calling = false
	e.err = nil
	// A fresh Encoder has no nl yet, and its nlIndent "" equals the
	// indent of Indent(0): test the length too, or newline would loop
	// forever appending an empty indent to an empty nl.
	if e.cfg.Indented && (len(e.nl) == 0 || e.nlIndent != e.cfg.Indent) {
		e.nl = append(e.nl[:0], '\n')
		e.nlIndent = e.cfg.Indent
		e.growNL(nlShort)
	}
	if e.cfg.indentTooLong != 0 {
		e.fail(indentTooLong(e.cfg.indentTooLong))
	}
}

// release drops every reference to the caller's data and gives the Encoder
// back to its pool, keeping only small buffers. The scratch stacks are
// empty here (each map pops and clears what it pushed; Leave clears what it
// pops), so nothing is cleared but what an unfinished call left.
func (e *Encoder) release() {
	e.w, e.dst, e.hint = nil, nil, nil
	e.cfg.Default = nil
	// seenSet exists only for documents nested more than seenScanMax
	// deep, and never holds more entries than seen's capacity: it is kept,
	// empty, as seen is, and let go with a seen that grew past keepScratch
	// (a map keeps the size it grew to).
	if cap(e.seen) > keepScratch {
		e.seenSet = nil
	} else {
		clear(e.seenSet)
	}
	e.seen = trim(e.seen)
	e.kvs = trim(e.kvs)
	e.ikeys = trim(e.ikeys)
	e.ukeys = trim(e.ukeys)
	e.fkeys = trim(e.fkeys)
	e.dict.release()
	e.rs.release()
	if cap(e.tmp) > keepNL {
		e.tmp = nil
	}
	if cap(e.nl) > keepNL {
		e.nl, e.nlIndent = nil, ""
	}
	if cap(e.own) > keepOwn {
		e.own = nil
	}
	encoderPool.Put(e)
}

// trim returns s emptied for the next use: what it still holds is cleared,
// and a stack that grew past keepScratch entries is let go.
func trim[E any](s []E) []E {
	if cap(s) > keepScratch {
		return nil
	}
	clear(s)
	return s[:0]
}

// Finish returns dst extended by the text written, and the first error, and
// gives the Encoder back to its pool; e must not be used afterwards. On
// error the text ends where the error came: closing brackets and later
// members appended as the encoder unwound are not part of it.
func (e *Encoder) Finish() ([]byte, error) {
	buf, err := e.buf, e.err
	if err != nil && e.errAt <= len(buf) {
		buf = buf[:e.errAt]
	}
	dst := append(e.dst, buf...)
	e.own = e.buf[:0]
	e.buf = nil
	e.release()
	return dst, err
}

// Close flushes what a streaming Encoder still holds, returns the first
// error and gives the Encoder back to its pool. After an error of the
// value (a cycle, a TypeError, a failing Marshaler) it writes the text
// before the error, as Finish returns it: what Python's json.dump has
// written to its file when it raises. After an error of the writer it
// writes nothing more.
func (e *Encoder) Close() error {
	if e.err == nil {
		e.flush()
	} else if _, ok := e.err.(*WriteError); !ok && e.w != nil && e.errAt <= len(e.buf) && e.errAt > 0 {
		e.buf = e.buf[:e.errAt]
		err := e.err
		e.err = nil
		e.flush()
		e.err = err // the first error, whatever the writer said
	}
	err := e.err
	e.own = e.buf[:0]
	e.buf = nil
	e.release()
	return err
}

// SortKeys reports whether SortKeys(true) is in force: generated code
// writes a struct's fields in the sorted order then.
func (e *Encoder) SortKeys() bool { return e.cfg.SortKeys }

// Failed reports whether an error was recorded. Generated loops check it to
// stop early.
func (e *Encoder) Failed() bool { return e.err != nil }

// fail records err unless an error came first.
func (e *Encoder) fail(err error) {
	if e.err == nil {
		e.err = err
		e.errAt = len(e.buf)
	}
}

// Buffered returns the bytes written and not yet flushed.
func (e *Encoder) Buffered() []byte { return e.buf }

// flush hands the buffer on: to Dump's writer, or appended to AppendDumps'
// dst.
func (e *Encoder) flush() {
	// After an error nothing more is written: a writer that failed once and
	// would accept the next Write must not receive the same bytes again.
	if len(e.buf) == 0 || e.err != nil {
		return
	}
	if e.w == nil {
		e.dst = append(e.dst, e.buf...)
		e.buf = e.buf[:0]
		return
	}
	n, err := e.w.Write(e.buf)
	if err == nil && n < len(e.buf) {
		err = io.ErrShortWrite
	}
	if err == nil && n > len(e.buf) {
		err = errInvalidWrite
	}
	if err != nil {
		e.fail(&WriteError{Err: err})
		return
	}
	e.buf = e.buf[:0]
}

// maybeFlush flushes the buffer once it passed flushAt. It is called
// between members and elements, so each chunk is a whole number of tokens
// and the buffer stays bounded by chunkSize plus one token.
func (e *Encoder) maybeFlush() {
	if len(e.buf) >= e.flushAt {
		e.flush()
	}
}

// nlShort is the length up to which newline copies NL(depth) with a
// fixed-size move rather than a call to memmove: 32 bytes is depth 7 at
// indent=4, depth 15 at indent=2.
const nlShort = 32

// newline appends NL(depth): "\n" and the indent unit depth times. Without
// an indent it appends nothing.
func (e *Encoder) newline() {
	if !e.cfg.Indented {
		return
	}
	n := 1 + e.depth*len(e.cfg.Indent)
	if l := len(e.buf); n <= nlShort && cap(e.buf)-l >= nlShort && len(e.nl) >= nlShort {
		// Indented output is mostly these few bytes: copy a whole
		// nlShort bytes, of which the first n count.
		*(*[nlShort]byte)(e.buf[l : l+nlShort]) = *(*[nlShort]byte)(e.nl)
		e.buf = e.buf[:l+n]
		return
	}
	if e.err != nil {
		// Nothing more will be written: do not build the indentation of
		// the levels that close as the encoder unwinds from a deep error.
		return
	}
	if n > MaxIndentBytes {
		e.fail(indentTooLong(n))
		return
	}
	e.growNL(n)
	if cap(e.buf)-len(e.buf) < n {
		// Deep indentation makes output quadratic in the depth: double
		// the buffer rather than let append grow it by a quarter, which
		// allocates about five times the final size in all.
		e.buf = slices.Grow(e.buf, max(n, len(e.buf)))
	}
	e.buf = append(e.buf, e.nl[:n]...)
}

// growNL extends nl to at least n bytes, whole indent units after its "\n".
// An empty indent (Indent(0)) leaves it at "\n", which is all NL ever is
// then.
func (e *Encoder) growNL(n int) {
	if e.cfg.Indent == "" {
		return
	}
	for len(e.nl) < n {
		e.nl = append(e.nl, e.cfg.Indent...)
	}
}

// enter opens a container level, failing past MaxDepth.
func (e *Encoder) enter() bool {
	if !e.deeper() {
		return false
	}
	e.depth++
	return true
}

// deeper reports whether one more level (container or Default call) fits
// under MaxDepth, recording the RecursionError when it does not.
func (e *Encoder) deeper() bool {
	if e.depth+e.hooks >= e.cfg.MaxDepth {
		e.fail(errRecursion())
		return false
	}
	return true
}

// BeginObject opens a JSON object. It reports false, having written nothing,
// when the depth limit is reached or an error was recorded; the caller then
// skips the members and the matching EndObject.
func (e *Encoder) BeginObject() bool { return e.begin('{') }

// EndObject closes the innermost object: "}" right after "{" when no member
// was written, else NL(depth) and "}".
func (e *Encoder) EndObject() { e.end('}') }

// begin opens a container with the bracket c; see BeginObject.
// It is small enough to be inlined into each caller: the rare paths are
// calls.
func (e *Encoder) begin(c byte) bool {
	if e.err != nil || e.depth+e.hooks >= e.cfg.MaxDepth || !e.plain {
		return e.beginSlow(c)
	}
	e.depth++
	e.buf = append(e.buf, c)
	e.first = true
	return true
}

// beginSlow is begin for streaming and indented output, and its failures.
func (e *Encoder) beginSlow(c byte) bool {
	if e.err != nil || !e.enter() {
		return false
	}
	// Flushing here as well as between members keeps Dump's buffer bounded
	// for deep documents, whose indentation alone can outgrow it.
	e.maybeFlush()
	e.buf = append(e.buf, c)
	e.first = true
	return true
}

// end closes the innermost container with the bracket c; see EndObject.
// Like begin, it is meant to be inlined.
func (e *Encoder) end(c byte) {
	e.depth--
	if !e.first && !e.plain {
		e.endLine()
	}
	e.buf = append(e.buf, c)
	e.first = false
}

// endLine is the part of end that only streaming or indented output needs.
func (e *Encoder) endLine() {
	e.maybeFlush()
	e.newline()
}

// EmptyArray writes [], an empty slice or array, at the cost of one append
// when no error came before and the depth limit allows one more level.
func (e *Encoder) emptyArrayChecked() {
	if e.BeginArray() {
		e.EndArray()
	}
}

// endObjectNonEmpty closes an object that came from a non-empty dict whose
// keys may all have been skipped (SkipKeys). Python writes NL(depth+1) right
// after "{" for any non-empty dict, so a dict whose every key was skipped
// comes out as "{\n  \n}" with indent=2 (Lib/json/encoder.py, _iterencode_dict).
func (e *Encoder) endObjectNonEmpty() {
	if e.first {
		e.newline()
		e.first = false
	}
	e.EndObject()
}

// BeginArray opens a JSON array; see BeginObject.
func (e *Encoder) BeginArray() bool { return e.begin('[') }

// EndArray closes the innermost array; see EndObject.
func (e *Encoder) EndArray() { e.end(']') }

// Elem starts the next element of the innermost array: the item separator
// unless it is the first, then NL(depth). Members of objects start the same
// way, before their key.
func (e *Encoder) Elem() {
	if e.first {
		e.first = false
	} else {
		if len(e.cfg.ItemSep) == 1 {
			e.buf = append(e.buf, e.cfg.ItemSep[0])
		} else {
			e.buf = append(e.buf, e.cfg.ItemSep...)
		}
		e.maybeFlush()
	}
	e.newline()
}

// Null writes null (Python's None).
func (e *Encoder) Null() { e.buf = append(e.buf, "null"...) }

// Bool writes true or false.
func (e *Encoder) Bool(b bool) {
	if b {
		e.buf = append(e.buf, "true"...)
	} else {
		e.buf = append(e.buf, "false"...)
	}
}

// String writes s as a JSON string (see appendString).
func (e *Encoder) String(s string) { e.buf = appendString(e.buf, s, e.cfg.EnsureASCII) }

// Raw appends text verbatim. Generated code uses it for constant text such
// as a struct's precomputed pieces; the caller vouches for the bytes.
func (e *Encoder) Raw(text string) { e.buf = append(e.buf, text...) }
