package jsondumprt

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// FuzzRelayout checks relayout against encoding/json on any input:
//
//   - text that json.Valid accepts is accepted, unless it has an int of more
//     than 4300 digits (Python's ValueError) or nests past the depth limit;
//     its compact output is valid JSON (unless a float overflowed to
//     Infinity) and decodes to the input's value, numbers compared by value;
//   - text that json.Valid rejects is rejected, unless it uses Python's
//     NaN, Infinity or -Infinity, which json.loads accepts.
//
// The seeds run as part of go test; go test -fuzz=FuzzRelayout ./runtime
// explores further.
func FuzzRelayout(f *testing.F) {
	for _, s := range []string{
		`{"a": 1, "b": [true, false, null, 1.5, -0, 1E5, "x\u00e9\ud83d\ude00"], "a": {"c": {}}}`,
		`[1e400, -1e-400, 123456789012345678901234567890, 0.1e1]`,
		`{"b": 1, "a": 2, "B": 3, "\u0061": 4}`,
		` "\"\\\/\b\f\n\r\t\u0000\u001f\u007f" `,
		"\"\xff\xfe\xed\xa0\x80\"",
		`"\ud800\udc00\udbff\udfff\ud800x\udc00"`,
		`{"k": NaN, "l": Infinity, "m": -Infinity}`,
		"[[[[[[[[[[]]]]]]]]]]",
		`{"a":[{"b":[{"c":[]}]}]}`,
		`5`, `"x"`, `null`, `true`,
		"\xef\xbb\xbf{}",
	} {
		f.Add([]byte(s))
	}
	for _, s := range rlInvalid {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		valid := json.Valid(in)
		for _, opts := range [][]Option{
			{SeparatorsOption(",", ":")},
			{SeparatorsOption(",", ":"), SortKeysOption(true), EnsureASCIIOption(false)},
		} {
			e := NewEncoder(nil, opts)
			err := e.relayout(in)
			out, _ := e.Finish()
			if !valid {
				if err == nil && !rlHasPythonConstant(in) {
					t.Fatalf("relayout(%q) = %q, want an error: encoding/json rejects the text", in, out)
				}
				continue
			}
			if err != nil {
				var ve *ValueError
				var re *RecursionError
				switch {
				case errors.As(err, &ve) && strings.HasPrefix(ve.Msg, numMsgLimitPrefix):
				case errors.As(err, &re):
				default:
					t.Fatalf("relayout(%q): %v; encoding/json accepts the text", in, err)
				}
				continue
			}
			want := rlDecodeJSON(t, in)
			if rlHasOverflow(want) {
				continue // 1e400 is written Infinity, which is not JSON
			}
			if !json.Valid(out) {
				t.Fatalf("relayout(%q) = %q: not valid JSON", in, out)
			}
			if rlLoneSurrogate.Match(in) {
				// encoding/json reads each lone surrogate as U+FFFD, so
				// distinct Python keys can become one Go key.
				continue
			}
			if got := rlDecodeJSON(t, out); !rlSameValue(got, want) {
				t.Fatalf("relayout(%q) = %q: decodes to %#v, want %#v", in, out, got, want)
			}
		}
	})
}

var rlLoneSurrogate = regexp.MustCompile(`(?i)\\ud[89a-f]`)

// rlHasPythonConstant reports whether the text has a literal that Python's
// json.loads accepts and encoding/json does not.
func rlHasPythonConstant(in []byte) bool {
	return bytes.Contains(in, []byte("NaN")) || bytes.Contains(in, []byte("Infinity"))
}

func rlDecodeJSON(t *testing.T, b []byte) any {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("decoding %q: %v", b, err)
	}
	return v
}

// rlHasOverflow reports whether v holds a float literal beyond float64.
func rlHasOverflow(v any) bool {
	switch x := v.(type) {
	case json.Number:
		if strings.ContainsAny(string(x), ".eE") {
			f, _ := strconv.ParseFloat(string(x), 64)
			return math.IsInf(f, 0)
		}
	case []any:
		for _, y := range x {
			if rlHasOverflow(y) {
				return true
			}
		}
	case map[string]any:
		for _, y := range x {
			if rlHasOverflow(y) {
				return true
			}
		}
	}
	return false
}

// rlSameValue compares decoded JSON values, numbers by Python's value: ints
// exactly, floats as float64 (sign of zero included).
func rlSameValue(a, b any) bool {
	switch x := a.(type) {
	case json.Number:
		y, ok := b.(json.Number)
		if !ok {
			return false
		}
		xf, yf := strings.ContainsAny(string(x), ".eE"), strings.ContainsAny(string(y), ".eE")
		if xf != yf {
			return false
		}
		if xf {
			p, _ := strconv.ParseFloat(string(x), 64)
			q, _ := strconv.ParseFloat(string(y), 64)
			return p == q && math.Signbit(p) == math.Signbit(q)
		}
		p, _ := new(big.Int).SetString(string(x), 10)
		q, _ := new(big.Int).SetString(string(y), 10)
		return p != nil && q != nil && p.Cmp(q) == 0
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !rlSameValue(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !rlSameValue(v, w) {
				return false
			}
		}
		return true
	}
	return a == b
}
