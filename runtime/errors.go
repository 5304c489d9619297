package jsondumprt

import (
	"errors"
	"reflect"
	"strconv"
)

// Errors keep CPython's messages word for word (as CPython 3.12 and later word
// them), so that a Go service and a Python service log the same text. That is
// a deliberate exception to Go's convention of lower-case error strings.
//
// Each Python exception class has its own Go type, so that errors.As tells them
// apart:
//
//	TypeError       Python's TypeError: an unsupported value or key, unsortable keys
//	ValueError      Python's ValueError: a cycle, NaN under AllowNaN(false), a too-long int
//	RecursionError  Python's RecursionError: nesting deeper than the depth limit
//	MarshalerError  a json.Marshaler or encoding.TextMarshaler failed or wrote invalid JSON
//	WriteError      the io.Writer of Dump failed
//
// Within a class, a sentinel says which fault it is, for errors.Is, so that a
// program can test for a cycle without matching Python's text:
//
//	errors.Is(err, ErrCircular)  // ValueError: Circular reference detected
//
// An error returned by a Default hook is passed through unchanged, as Python
// lets the hook's exception propagate.
//
// The root package jsondump gives these types and sentinels their public
// names (jsondump.TypeError, jsondump.ErrCircular, …); they are defined here,
// once, because the encoder creates them.

// Sentinels for errors.Is. Each error the encoder records matches at most
// one of them; an error of a Default hook, a Marshaler's own error (inside a
// MarshalerError) and a writer's error (inside a WriteError) match what they
// match themselves.
var (
	// ErrCircular: a value contains itself (ValueError "Circular reference
	// detected"), under CheckCircular(true).
	ErrCircular = errors.New("jsondump: circular reference")
	// ErrNonFinite: NaN or an infinity under AllowNaN(false) (ValueError
	// "Out of range float values are not JSON compliant: nan").
	ErrNonFinite = errors.New("jsondump: non-finite float")
	// ErrIntDigits: an int of more than 4300 digits, Python's limit on
	// int-to-str conversion (ValueError "Exceeds the limit (4300 digits) …").
	ErrIntDigits = errors.New("jsondump: integer of more than 4300 digits")
	// ErrDepth: nesting past the MaxDepth limit (RecursionError).
	ErrDepth = errors.New("jsondump: nesting deeper than MaxDepth")
	// ErrKey: a map key that Python cannot have (TypeError "keys must be
	// str, int, float, bool or None, not …"), under SkipKeys(false).
	ErrKey = errors.New("jsondump: map key of a type Python cannot write")
	// ErrUnsortable: keys that SortKeys cannot order (TypeError "'<' not
	// supported between instances of 'int' and 'str'").
	ErrUnsortable = errors.New("jsondump: keys of kinds Python cannot sort")
	// ErrNotSerializable: a value with no JSON form and no Default hook
	// (TypeError "Object of type complex128 is not JSON serializable").
	ErrNotSerializable = errors.New("jsondump: value with no JSON form")
	// ErrIndent: an indentation past jsondump's limit of 64 MiB on one line
	// (ValueError; Python would raise MemoryError).
	ErrIndent = errors.New("jsondump: indentation too long")
)

// A TypeError is Python's TypeError: a value or key of a kind JSON cannot hold.
type TypeError struct {
	Msg  string
	kind error // the sentinel it matches, or nil
}

// Error returns Python's message.
func (e *TypeError) Error() string { return e.Msg }

// Is reports whether target is the sentinel of e's fault: ErrNotSerializable,
// ErrKey or ErrUnsortable.
func (e *TypeError) Is(target error) bool { return e.kind != nil && target == e.kind }

// A ValueError is Python's ValueError: a value that has a JSON kind but cannot
// be written (a cycle, NaN or Infinity under AllowNaN(false), an int too long).
type ValueError struct {
	Msg  string
	kind error // the sentinel it matches, or nil
}

// Error returns Python's message.
func (e *ValueError) Error() string { return e.Msg }

// Is reports whether target is the sentinel of e's fault: ErrCircular,
// ErrNonFinite, ErrIntDigits or ErrIndent.
func (e *ValueError) Is(target error) bool { return e.kind != nil && target == e.kind }

// A RecursionError is Python's RecursionError: the value nests deeper than
// the MaxDepth option allows, usually because it is cyclic and CheckCircular
// is off.
type RecursionError struct {
	Msg string
}

// Error returns Python's message.
func (e *RecursionError) Error() string { return e.Msg }

// Is reports whether target is ErrDepth.
func (e *RecursionError) Is(target error) bool { return target == ErrDepth }

// A MarshalerError reports a json.Marshaler or encoding.TextMarshaler that
// returned an error, or (for MarshalJSON) text that is not valid JSON.
type MarshalerError struct {
	Type   string // the Go type, as %T spells it
	Method string // "MarshalJSON" or "MarshalText"
	Err    error
}

// Error names the type, the method and its error.
func (e *MarshalerError) Error() string {
	return "jsondump: error calling " + e.Method + " for type " + e.Type + ": " + e.Err.Error()
}

// Unwrap returns the method's error.
func (e *MarshalerError) Unwrap() error { return e.Err }

// A WriteError is an error of the io.Writer that Dump writes to. Dump stops at
// the first one.
type WriteError struct {
	Err error
}

// Error returns the writer's error, prefixed.
func (e *WriteError) Error() string { return "jsondump: write error: " + e.Err.Error() }

// Unwrap returns the writer's error.
func (e *WriteError) Unwrap() error { return e.Err }

// Messages of CPython's json encoder (Lib/json/encoder.py, Modules/_json.c),
// and of int-to-str conversion (Objects/longobject.c, 3.11).
const (
	msgCircular  = "Circular reference detected"
	msgRecursion = "maximum recursion depth exceeded while encoding a JSON object"
	msgIntDigits = "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
)

// errCircular returns Python's ValueError for a cycle.
func errCircular() error { return &ValueError{Msg: msgCircular, kind: ErrCircular} }

// errRecursion returns Python's RecursionError for nesting past MaxDepth.
func errRecursion() error { return &RecursionError{Msg: msgRecursion} }

// errIntDigits returns the ValueError of an int of more than 4300 digits:
// msg is json.dumps's (msgIntDigits) or, for an int literal of a
// Marshaler's text, json.loads's, which names the digit count.
func errIntDigits(msg string) error { return &ValueError{Msg: msg, kind: ErrIntDigits} }

// typeName returns the name of v's dynamic type as Go's %T spells it
// ("weather.Celsius", "*big.Float", "[]uint8", "<nil>"). It is called only
// to build an error message, never on the hot path.
func typeName(v any) string {
	if v == nil {
		return "<nil>"
	}
	return reflect.TypeOf(v).String()
}

// notSerializable returns Python's TypeError for a value that has no JSON
// form and was not handled by a Default hook:
// "Object of type complex128 is not JSON serializable".
func notSerializable(typeName string) error {
	return &TypeError{Msg: "Object of type " + typeName + " is not JSON serializable", kind: ErrNotSerializable}
}

// badKey returns Python's TypeError for a dict key of an unsupported kind:
// "keys must be str, int, float, bool or None, not tuple".
func badKey(typeName string) error {
	return &TypeError{Msg: "keys must be str, int, float, bool or None, not " + typeName, kind: ErrKey}
}

// notComparable returns Python's TypeError from sorting keys of two kinds
// that '<' cannot compare: "'<' not supported between instances of 'int' and 'str'".
func notComparable(a, b string) error {
	return &TypeError{Msg: "'<' not supported between instances of '" + a + "' and '" + b + "'", kind: ErrUnsortable}
}

// outOfRange returns Python's ValueError for a non-finite float under
// AllowNaN(false), with the 3.12 suffix: repr of the value ("nan", "inf",
// "-inf").
func outOfRange(f float64) error {
	r := "nan"
	switch {
	case f > 0:
		r = "inf"
	case f < 0:
		r = "-inf"
	}
	return &ValueError{Msg: "Out of range float values are not JSON compliant: " + r, kind: ErrNonFinite}
}

// indentTooLong is the error for an indentation past MaxIndentBytes.
func indentTooLong(n int) error {
	return &ValueError{
		Msg:  "indentation of " + strconv.Itoa(n) + " bytes exceeds jsondump's limit of " + strconv.Itoa(MaxIndentBytes) + " bytes",
		kind: ErrIndent,
	}
}

// invalidJSON describes a json.Marshaler's text that is not JSON, in the words
// of Python's json.JSONDecodeError: "Expecting value: line 1 column 1 (char 0)".
type invalidJSON struct {
	msg  string
	text []byte
	pos  int
}

func (e *invalidJSON) Error() string {
	line, col := 1, 1
	for _, c := range e.text[:e.pos] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return e.msg + ": line " + strconv.Itoa(line) + " column " + strconv.Itoa(col) +
		" (char " + strconv.Itoa(e.pos) + ")"
}
