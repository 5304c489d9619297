// Package jsondump is Python's json.dump and json.dumps for Go: its output is
// byte-identical to CPython's json.dumps of the equivalent Python value of
// every Go value, for every keyword option Python has.
//
// Types named to the jsondumpgen command (go:generate) get Dumps, AppendDumps
// and Dump methods compiled for them, with no reflection. Any value goes
// through Dumps, AppendDumps, Dump and DumpFile of this package, which write
// it by the same rules (see "The three paths" below).
//
//	s, err := jsondump.Dumps(v, jsondump.SortKeys(true))
//	// Python: json.dumps(v, sort_keys=True)
//
// # Options
//
// Each Option is one keyword argument of json.dumps, with Python's default:
//
//	Python                     Go
//	indent=4                   Indent(4)
//	indent="\t"                IndentString("\t")
//	separators=(",", ":")      Separators(",", ":")
//	ensure_ascii=False         EnsureASCII(false)
//	sort_keys=True             SortKeys(true)
//	skipkeys=True              SkipKeys(true)
//	allow_nan=False            AllowNaN(false)
//	check_circular=False       CheckCircular(false)
//	default=fn                 Default(fn)
//	(none)                     MaxDepth(n): the nesting limit, default 1000 as CPython
//
// # The equivalent Python value
//
// A Go value stands for a Python value, and the text is what CPython writes
// for that:
//
//	bool                           bool
//	every integer kind, *big.Int   int, exact at any size
//	float64                        float: float.__repr__ (1.0, 1e+16, 1e-05, -0.0)
//	float32                        float of the float32's shortest decimal (0.1)
//	string                         str; each byte of invalid UTF-8 becomes U+FFFD
//	[]byte                         str of its standard base64, as encoding/json
//	nil pointer, slice, map, any   None
//	slice, array                   list
//	map                            dict, built in ascending key order
//	Dict                           dict(pairs) of its items, in insertion order
//	struct                         dict of its fields, by encoding/json's rules: tag
//	                               names, omitempty, omitzero, "-", ",string",
//	                               embedded structs promoted by Go's dominance rules
//	json.Marshaler, RawMessage,
//	json.Number                    json.loads of its text, laid out again
//	encoding.TextMarshaler         str of its text
//	chan, func, complex,
//	unsafe.Pointer                 no equivalent: the Default hook, else TypeError
//
// A MarshalJSON or MarshalText method on the pointer counts where the value
// is addressable, as in encoding/json: a struct field or slice element
// reached through a pointer, not a map value or a value held in an any. A
// typed nil pointer is null, except where the static type is an interface
// with the method (a json.Marshaler field), which calls it, as encoding/json
// does.
//
// # The three paths
//
// A value's text depends on its value and type only, never on the path that
// writes it. Three paths write a value (the root of Dumps, and any value held
// in an any), fastest first:
//
//  1. Types with generated methods (jsondumpgen), as T or *T: compiled code,
//     no reflection, no allocation.
//  2. The forms known by a type switch: nil, bool, string, every integer and
//     float kind, []byte, []any, map[string]any, []string, []int, []int64,
//     []float64, []bool, map[string]string, map[string]int, map[string]int64,
//     map[string]float64, map[string]bool, *big.Int, json.Number,
//     json.RawMessage, json.Marshaler, encoding.TextMarshaler, [Dict].
//  3. Every other type: the reflective path, which applies the generated
//     code's rules (fields, tags, embedding, marshalers where addressable,
//     map keys, cycles, depth). Each type is analysed once, on first use, and
//     its encoder cached for the life of the process; values of generated
//     types met inside are written by their generated methods. A type that
//     embeds a generated type (and so has its methods by promotion) is
//     written as its own struct type, all its fields.
//
// What has no Python equivalent (a channel, a function, a complex number, an
// unsafe.Pointer) is Python's unknown object: it goes to the Default hook,
// which receives it as the any held it, and without one it is the TypeError
// "Object of type T is not JSON serializable", T spelt as Go's %T spells it.
//
// Built with -tags jsondump_noreflect, path 3 does not exist: a value of any
// other type is then an unknown object (a typed nil pointer of such a type
// included), and the reflect package is used only to answer a few questions
// on cold paths (a value's kind, nil-ness, identity, type name).
//
// Map keys follow Python's coercion: strings as they are, integers and floats
// as their text ("1", "1.0", "NaN"), bools as "true"/"false". Go maps have no
// order, so a map's members come in ascending key order, which is also the
// order SortKeys gives for keys of one kind; encoding.TextMarshaler keys are
// the str of their text, ordered by it. A map[any]V (or any interface key
// type) is built in the order nil, false, true, numbers by value, strings;
// keys that are equal in Python (true, 1 and 1.0) are one member, named by
// the first and holding the last one's value; under SortKeys a mix Python
// cannot sort (a string beside a number, nil beside anything) is Python's
// TypeError. A key of a named type of a basic kind (type Level int) is the
// value of its kind there too, as in a typed map (but for the build with
// -tags jsondump_noreflect, where it is a key of another type). Keys of any
// other type (a struct, an array, a pointer) are the TypeError "keys must be
// str, int, float, bool or None, not T", or are dropped under SkipKeys.
//
// # Python's dict order: Dict
//
// A Go map has no order, so its members come in ascending key order. A
// Python dict keeps the order it was built in, and a service that signs or
// hashes json.dumps of a dict built in code depends on it. A [Dict] is that
// dict, its items in insertion order:
//
//	s, err := jsondump.Dumps(jsondump.Dict{{"b", 1}, {"a", 2}})
//	// s == `{"b": 1, "a": 2}`; Python: json.dumps({"b": 1, "a": 2})
//
// It means exactly dict(pairs) of its items: a repeated key keeps the place
// of its first item and takes the value of its last; keys equal in Python
// (false, 0, 0.0; true, 1, 1.0; an int and a *big.Int of one value; strings
// equal once invalid UTF-8 is U+FFFD) are one key, named by the first; each
// NaN key is a key of its own. SortKeys orders it as sorted(d.items()), with
// Python's TypeError for keys it cannot compare. It is a dict wherever it
// appears, generated types' fields included.
//
// # Errors
//
// Errors carry CPython's messages and have one type per Python exception, for
// errors.As: *TypeError, *ValueError, *RecursionError; a failing MarshalJSON
// or MarshalText is a *MarshalerError and a failing writer a *WriteError (as
// is a nil writer given to Dump). An error returned by a Default hook comes
// back unchanged. Indent(n) with n above 64 MiB, or an indentation of more
// than 64 MiB on one line, is a *ValueError: jsondump's own limit, since
// running out of memory, which Python survives as MemoryError, ends a Go
// process. Sentinels tell the faults apart without matching the message:
// errors.Is(err, ErrCircular), ErrNonFinite, ErrIntDigits, ErrDepth, ErrKey,
// ErrUnsortable, ErrNotSerializable, ErrIndent.
//
// # Limits
//
// Python's dicts hold keys that compare equal only once ({1: "a", True: "b"}
// is {1: "b"}). A typed Go map cannot hold two such keys, except strings that
// differ in invalid UTF-8 alone, and encoding.TextMarshaler keys whose texts
// are equal or differ in invalid UTF-8 alone, which are merged as Python
// would merge their str forms (U+FFFD for each invalid byte); a map[any]V
// and a Dict can, and are merged as described above. A lone surrogate, which a
// Python str can hold and UTF-8 cannot, comes only from \u escapes in a
// Marshaler's text; it is written as its \uXXXX escape even when EnsureASCII
// is off, so that the output stays valid UTF-8. Nesting deeper than MaxDepth
// (1000 levels by default, CPython's own limit; at most 100,000) is a
// RecursionError, never a stack overflow.
package jsondump
