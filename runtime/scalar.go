package jsondumprt

import (
	"math"
	"math/big"
)

// Int writes a signed integer as Python's int.__repr__ does.
func (e *Encoder) Int(i int64) { e.buf = appendInt(e.buf, i) }

// Uint writes an unsigned integer as Python's int.__repr__ does.
func (e *Encoder) Uint(u uint64) { e.buf = appendUint(e.buf, u) }

// Float64 writes f as Python's float.__repr__ does (see appendFloat64). A NaN
// or an infinity under AllowNaN(false) is Python's ValueError instead.
func (e *Encoder) Float64(f float64) {
	if !e.cfg.AllowNaN && !e.finite(f) {
		return
	}
	e.buf = appendFloat64(e.buf, f)
}

// finite reports whether f is finite, recording Python's ValueError when it
// is not: the check of a float under AllowNaN(false), which every writer of
// a float value or key makes (Lib/json/encoder.py, floatstr).
func (e *Encoder) finite(f float64) bool {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		e.fail(outOfRange(f))
		return false
	}
	return true
}

// Float32 writes f as the Python float of f's shortest decimal (see
// appendFloat32), with the AllowNaN check of Float64.
func (e *Encoder) Float32(f float32) {
	if !e.cfg.AllowNaN && !e.finite(float64(f)) {
		return
	}
	e.buf = appendFloat32(e.buf, f)
}

// BigInt writes x exactly, or null for a nil x. An x of more than 4300 digits
// is Python 3.11's ValueError (see appendBigInt).
func (e *Encoder) BigInt(x *big.Int) {
	if x == nil {
		e.Null()
		return
	}
	buf, ok := appendBigInt(e.buf, x)
	if !ok {
		e.fail(errIntDigits(msgIntDigits))
		return
	}
	e.buf = buf
}

// Bytes writes b as encoding/json does, a string of its standard base64
// encoding (with padding), or null for a nil b.
func (e *Encoder) Bytes(b []byte) { EncodeBytes(e, b) }

// EncodeBytes is Bytes for a slice of a named byte type (type B byte; []B),
// which encoding/json also writes as base64.
func EncodeBytes[E ~uint8](e *Encoder, b []E) {
	if b == nil {
		e.Null()
		return
	}
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	e.buf = append(e.buf, '"')
	for len(b) >= 3 {
		v := uint(b[0])<<16 | uint(b[1])<<8 | uint(b[2])
		e.buf = append(e.buf, alphabet[v>>18&63], alphabet[v>>12&63], alphabet[v>>6&63], alphabet[v&63])
		b = b[3:]
	}
	switch len(b) {
	case 1:
		v := uint(b[0]) << 16
		e.buf = append(e.buf, alphabet[v>>18&63], alphabet[v>>12&63], '=', '=')
	case 2:
		v := uint(b[0])<<16 | uint(b[1])<<8
		e.buf = append(e.buf, alphabet[v>>18&63], alphabet[v>>12&63], alphabet[v>>6&63], '=')
	}
	e.buf = append(e.buf, '"')
}
