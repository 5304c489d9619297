package jsondumprt

import "strings"

// An Option is one keyword argument of Python's json.dumps, as a value. The
// root package jsondump builds Options (jsondump.Indent, jsondump.SortKeys, …)
// and names this type jsondump.Option; generated code passes a []Option to
// NewEncoder, which collapses it into a config once per call.
//
// An Option is a small struct, not a closure: building one allocates nothing,
// and a []Option literal at a call site stays on the caller's stack.
type Option struct {
	kind optionKind
	on   bool
	n    int
	s1   string
	s2   string
	fn   func(any) (any, error)
}

type optionKind uint8

const (
	optNone optionKind = iota
	optIndent
	optIndentString
	optSeparators
	optEnsureASCII
	optSortKeys
	optSkipKeys
	optAllowNaN
	optCheckCircular
	optDefault
	optMaxDepth
)

// Option constructors, one per json.dumps keyword. The root package documents
// them for users; these are the values behind them.

// IndentOption is Python's indent=n. n <= 0 means newlines and no indentation,
// as Python treats indent=0 and negative indents.
func IndentOption(n int) Option { return Option{kind: optIndent, n: n} }

// IndentStringOption is Python's indent=s for a string s, used verbatim.
func IndentStringOption(s string) Option { return Option{kind: optIndentString, s1: s} }

// SeparatorsOption is Python's separators=(item, key), used verbatim.
func SeparatorsOption(item, key string) Option {
	return Option{kind: optSeparators, s1: item, s2: key}
}

// EnsureASCIIOption is Python's ensure_ascii.
func EnsureASCIIOption(on bool) Option { return Option{kind: optEnsureASCII, on: on} }

// SortKeysOption is Python's sort_keys.
func SortKeysOption(on bool) Option { return Option{kind: optSortKeys, on: on} }

// SkipKeysOption is Python's skipkeys.
func SkipKeysOption(on bool) Option { return Option{kind: optSkipKeys, on: on} }

// AllowNaNOption is Python's allow_nan.
func AllowNaNOption(on bool) Option { return Option{kind: optAllowNaN, on: on} }

// CheckCircularOption is Python's check_circular.
func CheckCircularOption(on bool) Option { return Option{kind: optCheckCircular, on: on} }

// DefaultOption is Python's default=fn. A nil fn removes an earlier hook.
func DefaultOption(fn func(any) (any, error)) Option { return Option{kind: optDefault, fn: fn} }

// MaxDepthOption sets the nesting limit (see config.MaxDepth). n <= 0 restores
// the default, DefaultMaxDepth; n above MaxMaxDepth is MaxMaxDepth.
func MaxDepthOption(n int) Option { return Option{kind: optMaxDepth, n: n} }

// DefaultMaxDepth is the default limit on nesting: containers (arrays,
// objects) and Default-hook calls open at once. CPython has no such option;
// its json.dumps stops near this depth with RecursionError, where its
// recursion limit (sys.getrecursionlimit(), 1000) runs out. 900 levels
// always succeed, as CPython's own test_recursion expects. The limit also
// bounds what hostile input costs: indented output grows with the square of
// the depth (a 9,999-deep list is 20 KB of JSON and, with Indent(4), 381 MB
// of output), so deeper documents must be asked for with MaxDepthOption.
const DefaultMaxDepth = 1000

// MaxMaxDepth is the largest nesting limit MaxDepthOption sets. A level of
// nesting takes at most about 450 bytes of goroutine stack on any path
// (measured on amd64 for lists, dicts, generated pointers and values of 1
// KiB nested through any fields, and Default-hook chains; generated code
// copies a large value held in an any to the heap rather than onto the
// stack), so 100,000 levels take under 50 MB, far below Go's 1 GB limit: a
// runaway cycle under CheckCircular(false) ends in RecursionError, never in
// the fatal "stack overflow" that nothing recovers. TestMaxDepthCap checks
// it under a stack limit of 128 MB.
const MaxMaxDepth = 100_000

// A config is a []Option collapsed: the settings of one encoding call. The
// zero config is not valid; use makeConfig, which applies Python's defaults.
// It is private to the Encoder: generated code reads the few settings it
// needs through the Encoder's accessors (SortKeys, CheckCircular), so that
// nothing can change an option in the middle of a document.
type config struct {
	Indent        string // the indent unit, when Indented
	Indented      bool   // Python's indent is not None
	ItemSep       string // item_separator
	KeySep        string // key_separator
	EnsureASCII   bool
	SortKeys      bool
	SkipKeys      bool
	AllowNaN      bool
	CheckCircular bool
	MaxDepth      int
	Default       func(any) (any, error)

	// indentTooLong is the n of an Indent(n) above MaxIndentBytes, whose
	// indent is not built; encoding with it fails (see Encoder.reset).
	indentTooLong int
}

// MaxIndentBytes bounds the indentation that starts one line: 1+L×len(indent)
// bytes at depth L (NL(L), Lib/json/encoder.py's _make_iterencode). It is jsondump's own
// limit: Python builds such strings as long as memory lasts (and raises
// MemoryError past it), but in Go running out of memory ends the process.
// So an Indent(n) with n above the limit, for any value, or a line nested so
// deep that its indentation would pass it, is a ValueError. 64 MiB is far
// beyond any readable document.
const MaxIndentBytes = 64 << 20

// makeConfig applies opts in order to Python's defaults: a later option wins.
// Separators default as in Python 3.4 and later: (", ", ": ") without an
// indent, (",", ": ") with one, unless Separators was given.
func makeConfig(opts []Option) config {
	c := config{
		EnsureASCII:   true,
		AllowNaN:      true,
		CheckCircular: true,
		MaxDepth:      DefaultMaxDepth,
	}
	seps := false
	for i := range opts {
		o := &opts[i]
		switch o.kind {
		case optIndent:
			c.Indented = true
			c.Indent, c.indentTooLong = "", 0
			if o.n > MaxIndentBytes {
				c.indentTooLong = o.n
			} else {
				c.Indent = spaces(o.n)
			}
		case optIndentString:
			c.Indented = true
			c.Indent, c.indentTooLong = o.s1, 0
		case optSeparators:
			seps = true
			c.ItemSep, c.KeySep = o.s1, o.s2
		case optEnsureASCII:
			c.EnsureASCII = o.on
		case optSortKeys:
			c.SortKeys = o.on
		case optSkipKeys:
			c.SkipKeys = o.on
		case optAllowNaN:
			c.AllowNaN = o.on
		case optCheckCircular:
			c.CheckCircular = o.on
		case optDefault:
			c.Default = o.fn
		case optMaxDepth:
			c.MaxDepth = min(o.n, MaxMaxDepth)
			if c.MaxDepth <= 0 {
				c.MaxDepth = DefaultMaxDepth
			}
		}
	}
	if !seps {
		if c.Indented {
			c.ItemSep, c.KeySep = ",", ": "
		} else {
			c.ItemSep, c.KeySep = ", ", ": "
		}
	}
	return c
}

// spaceRun serves the common indents without building a string.
const spaceRun = "                                "

// spaces returns n spaces, or "" for n <= 0 (Python: " " * n).
func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	if n <= len(spaceRun) {
		return spaceRun[:n]
	}
	return strings.Repeat(" ", n)
}
