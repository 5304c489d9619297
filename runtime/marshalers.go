package jsondumprt

import (
	"encoding"
	"encoding/json"
	"math"
)

// Values that write themselves: json.Marshaler, encoding.TextMarshaler,
// json.RawMessage and json.Number, whose JSON text is laid out again as
// Python lays out json.loads of it.

// Marshaler writes the JSON text of m.MarshalJSON() laid out again as
// Python lays out json.loads of it (see relayout). A nil m (an interface
// field holding nothing) is null. A nil pointer in m is given to its
// method, as encoding/json does for a field or element whose type is an
// interface with the method; the callers write null themselves for a nil
// pointer of a concrete type and for a nil pointer held in an any, where
// encoding/json does. typ names m's type for errors; "" means m's dynamic
// type.
func (e *Encoder) Marshaler(m json.Marshaler, typ string) {
	if e.err != nil {
		return
	}
	if m == nil {
		e.Null()
		return
	}
	text, err := m.MarshalJSON()
	if err == nil {
		// An error relayout records itself (a too-long int, the depth limit)
		// comes first; fail keeps it.
		err = e.relayout(text)
	}
	if err != nil {
		e.fail(&MarshalerError{Type: typeOr(typ, m), Method: "MarshalJSON", Err: err})
	}
}

// TextMarshaler writes the text of m.MarshalText() as a JSON string; nil
// and nil pointers as Marshaler treats them.
func (e *Encoder) TextMarshaler(m encoding.TextMarshaler, typ string) {
	if e.err != nil {
		return
	}
	if m == nil {
		e.Null()
		return
	}
	text, err := m.MarshalText()
	if err != nil {
		e.fail(&MarshalerError{Type: typeOr(typ, m), Method: "MarshalText", Err: err})
		return
	}
	e.buf = appendStringBytes(e.buf, text, e.cfg.EnsureASCII)
}

// RawMessage writes raw JSON text laid out again (see relayout); a nil
// RawMessage is null, as in encoding/json.
func (e *Encoder) RawMessage(raw json.RawMessage) {
	if e.err != nil {
		return
	}
	if raw == nil {
		e.Null()
		return
	}
	if err := e.relayout(raw); err != nil {
		e.fail(&MarshalerError{Type: "json.RawMessage", Method: "MarshalJSON", Err: err})
	}
}

// Number writes a json.Number as Python prints json.loads of its text: "1.50"
// is 1.5, "1E5" is 100000.0, "-0" is 0. An empty Number is 0, as in
// encoding/json; text that is not a JSON number is an error.
func (e *Encoder) Number(n json.Number) {
	if e.err != nil {
		return
	}
	if n == "" {
		e.buf = append(e.buf, '0')
		return
	}
	e.number(string(n), "json.Number")
}

// number writes a JSON number literal as Python prints json.loads of it.
func (e *Encoder) number(text, typ string) {
	buf, reason, ok := appendNumberText(e.buf, text)
	if !ok {
		if reason == "invalid number literal" {
			e.fail(&MarshalerError{Type: typ, Method: "String", Err: &ValueError{Msg: "invalid number literal " + quoteForError(text)}})
		} else {
			e.fail(errIntDigits(reason))
		}
		return
	}
	if !e.cfg.AllowNaN {
		if f, ok := nonFiniteText(buf[len(e.buf):]); ok {
			e.fail(outOfRange(f))
			return
		}
	}
	e.buf = buf
}

// nonFiniteText returns the float that the text a number was written as
// stands for, when it is NaN, Infinity or -Infinity.
func nonFiniteText(b []byte) (float64, bool) {
	switch string(b) {
	case "Infinity":
		return math.Inf(1), true
	case "-Infinity":
		return math.Inf(-1), true
	case "NaN":
		return math.NaN(), true
	}
	return 0, false
}

// quoteForError quotes s for an error message, cut to a readable length.
func quoteForError(s string) string {
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	return string(appendString(nil, s, true))
}

func typeOr(typ string, v any) string {
	if typ != "" {
		return typ
	}
	return typeName(v)
}
