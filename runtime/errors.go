package jsondumprt

import (
	"fmt"
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
// An error returned by a Default hook is passed through unchanged, as Python
// lets the hook's exception propagate.

// A TypeError is Python's TypeError: a value or key of a kind JSON cannot hold.
type TypeError struct {
	Msg string
}

// Error returns Python's message.
func (e *TypeError) Error() string { return e.Msg }

// A ValueError is Python's ValueError: a value that has a JSON kind but cannot
// be written (a cycle, NaN or Infinity under AllowNaN(false), an int too long).
type ValueError struct {
	Msg string
}

// Error returns Python's message.
func (e *ValueError) Error() string { return e.Msg }

// A RecursionError is Python's RecursionError: the value nests deeper than
// Config.MaxDepth, usually because it is cyclic and CheckCircular is off.
type RecursionError struct {
	Msg string
}

// Error returns Python's message.
func (e *RecursionError) Error() string { return e.Msg }

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

// Messages of CPython's json encoder (Lib/json/encoder.py, Modules/_json.c).
const (
	msgCircular  = "Circular reference detected"
	msgRecursion = "maximum recursion depth exceeded while encoding a JSON object"
	msgIntDigits = "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
)

// TypeName returns the name of v's dynamic type as Go's %T spells it
// ("weather.Celsius", "*big.Float", "[]uint8"). It is called only to build
// an error message, never on the hot path; fmt is the one way to spell a type
// without reflect, and it is used here alone.
func TypeName(v any) string { return fmt.Sprintf("%T", v) }

// NotSerializable returns Python's TypeError for a value that has no JSON
// form and was not handled by a Default hook:
// "Object of type complex128 is not JSON serializable".
func NotSerializable(typeName string) error {
	return &TypeError{Msg: "Object of type " + typeName + " is not JSON serializable"}
}

// BadKey returns Python's TypeError for a dict key of an unsupported kind:
// "keys must be str, int, float, bool or None, not tuple".
func BadKey(typeName string) error {
	return &TypeError{Msg: "keys must be str, int, float, bool or None, not " + typeName}
}

// NotComparable returns Python's TypeError from sorting keys of two kinds
// that '<' cannot compare: "'<' not supported between instances of 'int' and 'str'".
func NotComparable(a, b string) error {
	return &TypeError{Msg: "'<' not supported between instances of '" + a + "' and '" + b + "'"}
}

// OutOfRange returns Python's ValueError for a non-finite float under
// AllowNaN(false), with the 3.12 suffix: repr of the value ("nan", "inf", "-inf").
func OutOfRange(f float64) error {
	r := "nan"
	switch {
	case f > 0:
		r = "inf"
	case f < 0:
		r = "-inf"
	}
	return &ValueError{Msg: "Out of range float values are not JSON compliant: " + r}
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
