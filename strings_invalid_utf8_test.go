package jsondump_test

import (
	"testing"

	"github.com/jsondump/jsondump"
)

// TestInvalidUTF8KeysAndValuesPython writes strings of invalid UTF-8 (each
// bad byte is U+FFFD in Python), surrogate-encoded bytes, controls and
// astral characters as keys and values, beside CPython: the order of keys
// (a Go map's members in byte order, SortKeys in Python's code-point
// order), keys that are one Python str once replaced, under ensure_ascii
// both ways.
func TestInvalidUTF8KeysAndValuesPython(t *testing.T) {
	optSets := []struct {
		kw   string
		opts []jsondump.Option
	}{
		{"", nil},
		{"ensure_ascii=False", []jsondump.Option{jsondump.EnsureASCII(false)}},
		{"sort_keys=True", []jsondump.Option{jsondump.SortKeys(true)}},
		{"sort_keys=True, ensure_ascii=False, indent=1", []jsondump.Option{jsondump.SortKeys(true), jsondump.EnsureASCII(false), jsondump.Indent(1)}},
		{"skipkeys=True, separators=('\\u00e9', '\\ufffd'), ensure_ascii=False", []jsondump.Option{jsondump.SkipKeys(true), jsondump.Separators("é", "\ufffd"), jsondump.EnsureASCII(false)}},
	}
	values := []struct {
		name string
		v    any
		py   string
	}{
		{"map[string]any", map[string]any{"\xff": "\xfe\xfd", "a\x00": "\u2028\U0001F600", "\U0001F600": 1, "\uff5a": 2},
			"{'a\\x00': '\\u2028\\U0001F600', '\\uff5a': 2, '\\U0001F600': 1, '\\ufffd': '\\ufffd\\ufffd'}"},
		{"map[string]string surrogate bytes", map[string]string{"\xed\xa0\x80": "x", "\xed\xbf\xbf": "y", "\xef\xbf\xbd": "z"},
			"{'\\ufffd\\ufffd\\ufffd': 'y', '\\ufffd': 'z'}"},
		{"map[string]int merged keys", map[string]int{"\xff": 1, "\xfe": 2, "\ufffd": 3, "a\xc0": 4, "a\ufffd": 5},
			"{'a\\ufffd': 4, 'a\\ufffd': 5, '\\ufffd': 3, '\\ufffd': 2, '\\ufffd': 1}"},
		{"map[string]bool truncated sequences", map[string]bool{"\xe2\x82": true, "\xf0\x9f\x98": false, "x\xc3": true},
			"{'x\\ufffd': True, '\\ufffd\\ufffd': True, '\\ufffd\\ufffd\\ufffd': False}"},
		{"[]string", []string{"\xff\xfe", "ok", "\xf4\x90\x80\x80", "\xc0\xaf", "\U0010FFFF"},
			"['\\ufffd\\ufffd', 'ok', '\\ufffd\\ufffd\\ufffd\\ufffd', '\\ufffd\\ufffd', '\\U0010FFFF']"},
		{"map[any] string keys", map[any]int{"\xff": 1, "\U0001F600": 2, "\ufffd": 3, "z": 4},
			"{'z': 4, '\\ufffd': 3, '\\U0001F600': 2, '\\ufffd': 1}"},
		{"dict string keys", jsondump.Dict{{Key: "\U0001F600", Value: 1}, {Key: "\xff", Value: 2}, {Key: "\ufffd", Value: 3}, {Key: "\x7f", Value: 4}},
			"{'\\U0001F600': 1, '\\ufffd': 3, '\\x7f': 4}"},
		{"typed map of named strings", map[utf8Name]utf8Name{"\xff": "\x80", "b": "c"}, "{'b': 'c', '\\ufffd': '\\ufffd'}"},
		{"struct of strings", struct {
			A string `json:"a"`
			B []byte
		}{"\xff\x00", []byte("\xff")}, "{'a': '\\ufffd\\x00', 'B': '/w=='}"},
	}
	// Each Python dict lists the keys in the Go map's order (bytes: U+FFFD
	// is EF BF BD, before F0 and FF) and merges those that are one str.
	listed := map[string]bool{"map[string]any": true, "map[string]string surrogate bytes": true, "map[string]int merged keys": true,
		"map[string]bool truncated sequences": true, "[]string": true, "dict string keys": true}
	var cases []exprCase
	for _, v := range values {
		for _, o := range optSets {
			cases = append(cases, exprCase{name: v.name + " / " + o.kw, v: v.v, opts: o.opts, py: v.py, kw: o.kw, reflective: !listed[v.name]})
		}
	}
	runExprCases(t, cases)
}

type utf8Name string
