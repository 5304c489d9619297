package jsondump

import jsondumprt "github.com/jsondump/jsondump/runtime"

// An Option is one keyword argument of Python's json.dumps. Options apply in
// order, a later one winning; none at all means Python's defaults, exactly
// json.dumps(obj). An Option is a small value: building one, and passing
// several to Dumps, allocates nothing.
type Option = jsondumprt.Option

// Indent is Python's indent=n: pretty-print with n spaces per level. n <= 0
// still breaks lines but indents nothing, as Python's indent=0. With an
// indent the separators default to (",", ": "), so lines end without a space.
func Indent(n int) Option { return jsondumprt.IndentOption(n) }

// IndentString is Python's indent=s for a string: s is repeated once per
// level, verbatim and unchecked (indent="\t", or even "ab", as Python allows).
func IndentString(s string) Option { return jsondumprt.IndentStringOption(s) }

// Separators is Python's separators=(item, key). Both strings are written
// verbatim, never escaped, even under EnsureASCII. Separators(",", ":") is
// the most compact form. An explicit Separators wins over the defaults that
// depend on the indent.
func Separators(item, key string) Option { return jsondumprt.SeparatorsOption(item, key) }

// EnsureASCII is Python's ensure_ascii, on by default: every non-ASCII code
// point, and DEL, is written as \uXXXX. Off, text is written as UTF-8.
func EnsureASCII(on bool) Option { return jsondumprt.EnsureASCIIOption(on) }

// SortKeys is Python's sort_keys, off by default: the members of every
// object, maps and structs alike, in Python's key order (code points for
// strings, numeric for numbers).
func SortKeys(on bool) Option { return jsondumprt.SortKeysOption(on) }

// SkipKeys is Python's skipkeys, off by default: map keys of kinds JSON
// cannot hold are left out instead of being a TypeError.
func SkipKeys(on bool) Option { return jsondumprt.SkipKeysOption(on) }

// AllowNaN is Python's allow_nan, on by default: NaN, Infinity and -Infinity
// are written as such (not valid JSON, but Python's default). Off, they are
// a ValueError.
func AllowNaN(on bool) Option { return jsondumprt.AllowNaNOption(on) }

// CheckCircular is Python's check_circular, on by default: a value that
// contains itself is the ValueError "Circular reference detected". Off, a
// cycle runs into the depth limit (MaxDepth) and is a RecursionError; it
// never overflows the stack.
func CheckCircular(on bool) Option { return jsondumprt.CheckCircularOption(on) }

// Default is Python's default=fn: fn is called for each value that has no
// JSON form (see the package documentation), and what it returns is encoded
// in its place, under the same options. An error from fn stops encoding and
// is returned unchanged. fn is never called for map keys.
func Default(fn func(v any) (any, error)) Option { return jsondumprt.DefaultOption(fn) }

// MaxDepth limits nesting to n levels of arrays, objects and Default calls.
// The default, 1000, is where CPython's json.dumps stops with RecursionError
// (its recursion limit); 900 levels always succeed, as in Python. A Default
// call costs what it costs CPython: one level, or two where CPython runs its
// Python encoder (with an indent, and always in Dump, as json.dump does) and
// the hook's result is not itself handed to the hook again, so that hooks
// returning lists stop near 330 levels there and near 500 in compact
// Dumps, as in CPython. n <= 0
// restores the default; n above 100,000 is 100,000, a depth at which values
// nested through pointers, slices, interfaces and Dicts stay far from Go's
// stack limit (1 GB). Deeper values are a RecursionError, Python's error for
// nesting past its recursion limit, never a crash. One shape can still reach
// the stack limit below 100,000 levels: structs of many kilobytes nested as
// map values (a map value is copied onto the stack at each level), tens of
// thousands deep.
//
// Going deeper costs memory with an indent: indented output grows with the
// square of the depth (each line is indented by its level), so a document
// 10,000 levels deep written with Indent(4) is hundreds of megabytes. Raise
// the limit for trusted data; keep it for input from others.
func MaxDepth(n int) Option { return jsondumprt.MaxDepthOption(n) }
