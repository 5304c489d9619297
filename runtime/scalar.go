package jsondumprt

import (
	"math"
	"math/big"
)

// Int writes a signed integer as Python's int.__repr__ does.
func (e *Encoder) Int(i int64) { e.buf = AppendInt(e.buf, i) }

// Uint writes an unsigned integer as Python's int.__repr__ does.
func (e *Encoder) Uint(u uint64) { e.buf = AppendUint(e.buf, u) }

// Float64 writes f as Python's float.__repr__ does (see AppendFloat64). A NaN
// or an infinity under AllowNaN(false) is Python's ValueError instead.
func (e *Encoder) Float64(f float64) {
	if !e.cfg.AllowNaN && !e.finite(f) {
		return
	}
	e.buf = AppendFloat64(e.buf, f)
}

// finite reports whether f is finite, recording Python's ValueError when it
// is not: the check of a float under AllowNaN(false), which every writer of
// a float value or key makes (Lib/json/encoder.py, floatstr).
func (e *Encoder) finite(f float64) bool {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		e.Fail(outOfRange(f))
		return false
	}
	return true
}

// Float32 writes f as the Python float of f's shortest decimal (see
// AppendFloat32), with the AllowNaN check of Float64.
func (e *Encoder) Float32(f float32) {
	if !e.cfg.AllowNaN && !e.finite(float64(f)) {
		return
	}
	e.buf = AppendFloat32(e.buf, f)
}

// BigInt writes x exactly, or null for a nil x. An x of more than 4300 digits
// is Python 3.11's ValueError (see AppendBigInt).
func (e *Encoder) BigInt(x *big.Int) {
	if x == nil {
		e.Null()
		return
	}
	buf, ok := AppendBigInt(e.buf, x)
	if !ok {
		e.Fail(errIntDigits(msgIntDigits))
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

// Keys of the kinds Python coerces (PYTHON_JSON_SPEC.md §6): the key's text
// as a value would print, inside quotes.

// KeyInt starts the next member with an integer key: "7", "-1".
func (e *Encoder) KeyInt(i int64) {
	var tmp [32]byte // AppendUint wants 24 bytes of room after the sign
	e.keyRaw(AppendInt(tmp[:0], i))
}

// KeyUint starts the next member with an unsigned integer key.
func (e *Encoder) KeyUint(u uint64) {
	var tmp [32]byte // AppendUint wants 24 bytes of room after the sign
	e.keyRaw(AppendUint(tmp[:0], u))
}

// KeyFloat64 starts the next member with a float key, written as its repr
// ("1.0", "1e+16", "NaN"); under AllowNaN(false) a non-finite key is
// Python's ValueError.
func (e *Encoder) KeyFloat64(f float64) {
	if !e.cfg.AllowNaN && !e.finite(f) {
		return
	}
	var tmp [32]byte
	e.keyRaw(AppendFloat64(tmp[:0], f))
}

// KeyFloat32 is KeyFloat64 for a float32 key, by AppendFloat32.
func (e *Encoder) KeyFloat32(f float32) {
	if !e.cfg.AllowNaN && !e.finite(float64(f)) {
		return
	}
	var tmp [32]byte
	e.keyRaw(AppendFloat32(tmp[:0], f))
}

// KeyBool starts the next member with a bool key: "true" or "false".
func (e *Encoder) KeyBool(b bool) {
	if b {
		e.keyRaw([]byte("true"))
	} else {
		e.keyRaw([]byte("false"))
	}
}

// KeyNull starts the next member with Python's None key: "null".
func (e *Encoder) KeyNull() { e.keyRaw([]byte("null")) }

// KeyBigInt starts the next member with a big integer key.
func (e *Encoder) KeyBigInt(x *big.Int) {
	if x == nil {
		e.KeyNull()
		return
	}
	text, ok := AppendBigInt(nil, x)
	if !ok {
		e.Fail(errIntDigits(msgIntDigits))
		return
	}
	e.keyRaw(text)
}
