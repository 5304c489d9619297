package jsondump_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/jsondump/jsondump"
	"github.com/jsondump/jsondump/internal/testmod"
)

// A pyCase is one line of cases.jsonl (see its README).
type pyCase struct {
	Name      string                     `json:"name"`
	API       string                     `json:"api"`
	ValueSrc  string                     `json:"value_src"`
	Value     json.RawMessage            `json:"value"`
	KwargsSrc string                     `json:"kwargs_src"`
	Kwargs    map[string]json.RawMessage `json:"kwargs"`
	Output    *string                    `json:"output"`
	Error     *pyError                   `json:"error"`
	ByVersion map[string]struct {
		Output *string  `json:"output"`
		Error  *pyError `json:"error"`
	} `json:"by_version"`
	OutputHasLoneSurrogate bool `json:"output_has_lone_surrogate"`
}

type pyError struct {
	Type    string `json:"type"`
	Message string `json:"message"`
}

func loadCases(t *testing.T) []pyCase {
	t.Helper()
	// In a checkout, and in CI, shared/ sits beside the repository.
	data, err := os.ReadFile(filepath.Join(testmod.SharedDir(t), "python-json-examples", "cases.jsonl"))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true and the CPython examples are missing: %v", err)
		}
		t.Skipf("CPython examples not found (%v); they live in shared/ beside the repository, or set JSONDUMP_SHARED", err)
	}
	var cases []pyCase
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var c pyCase
		if err := json.Unmarshal(line, &c); err != nil {
			t.Fatalf("cases.jsonl: %v\n%s", err, line)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 100 {
		t.Fatalf("cases.jsonl: only %d cases", len(cases))
	}
	return cases
}

// opaque is Python's Opaque(): a value with no JSON form on any path (a
// channel: the reflective path writes structs and maps), each one an object
// of its own, as each Opaque() is in Python.
type opaque chan struct{}

func newOpaque() opaque { return make(opaque) }

// goSet stands for a Python set: an unknown object on every path, whose
// elements a hook can list.
type goSet func() []int

func setOf(elems ...int) goSet { return func() []int { return elems } }

// A goCase is the Go form of a case that has no plain JSON value (or needs
// Go-only values): the value, options beyond the case's kwargs, and what the
// Go side is expected to do where the design differs from the case.
type goCase struct {
	value func() any
	opts  []jsondump.Option // added after the options mapped from kwargs
	// goType, for a "not JSON serializable" TypeError: the %T spelling the
	// Go message must use in place of Python's type name.
	goType string
	// hookErr: the error comes from the Default hook and must come back
	// unchanged (Python shows it as the hook's exception).
	hookErr error
	// want overrides the case's output where README's mapping decides otherwise
	// (the reason is in note).
	want *string
	note string
	// keyName, for a key error: the Python type name in the case's message
	// and the %T spelling of the Go key that stands for it.
	keyName [2]string
}

func strp(s string) *string { return &s }

func nestedList(n int) any {
	var x any = int64(0)
	for i := 0; i < n; i++ {
		x = []any{x}
	}
	return x
}

func cyclicList() any {
	a := []any{int64(1), nil}
	a[1] = a
	return a
}

var errCustom = errors.New("custom failure in default")

// rawCase is a json.loads(...) case expressed as a json.RawMessage of the
// same text.
func rawCase(c pyCase) (goCase, bool) {
	const pre, post = "json.loads('", "')"
	if !strings.HasPrefix(c.ValueSrc, pre) || !strings.HasSuffix(c.ValueSrc, post) {
		return goCase{}, false
	}
	lit := c.ValueSrc[len(pre) : len(c.ValueSrc)-len(post)]
	// The literal's only escapes are \\ and \'.
	var b strings.Builder
	for i := 0; i < len(lit); i++ {
		if lit[i] == '\\' && i+1 < len(lit) {
			i++
		}
		b.WriteByte(lit[i])
	}
	text := b.String()
	return goCase{value: func() any { return json.RawMessage(text) }}, true
}

// goCases holds the cases that need a hand-built Go value.
var goCases = map[string]goCase{
	"tuple_indent":        {value: func() any { return []any{int64(1), []any{int64(2), int64(3)}, []any{}} }},
	"tuple_is_array":      {value: func() any { return []any{int64(1), []any{int64(2), int64(3)}, []any{}} }},
	"namedtuple_is_array": {value: func() any { return []int{1, 2} }},
	"list_subclass":       {value: func() any { return []int64{1, 2} }},
	"str_lone_high_surrogate": {
		value: func() any { return json.RawMessage(`"\ud800"`) },
		note:  "a lone surrogate only comes from a Marshaler's \\u escape",
	},
	"str_lone_low_surrogate":         {value: func() any { return json.RawMessage(`"x\udc00"`) }},
	"str_surrogate_code_points_pair": {value: func() any { return json.RawMessage(`"\ud83d\ude00"`) }},
	"int_beyond_int64": {value: func() any {
		a, _ := new(big.Int).SetString("9223372036854775808", 10)
		b, _ := new(big.Int).SetString("-9223372036854775809", 10)
		return []any{a, b, uint64(math.MaxUint64) /* 2**64-1 */, new(big.Int).Lsh(big.NewInt(1), 64), new(big.Int).Exp(big.NewInt(10), big.NewInt(30), nil)}
	}, want: strp("[9223372036854775808, -9223372036854775809, 18446744073709551615, 18446744073709551616, 1000000000000000000000000000000]"),
		note: "uint64 max added beside Python's 2**64"},
	"int_4300_digits_ok":    {value: func() any { return new(big.Int).Exp(big.NewInt(10), big.NewInt(4299), nil) }},
	"int_4301_digits_error": {value: func() any { return new(big.Int).Exp(big.NewInt(10), big.NewInt(4300), nil) }},
	"float_from_float32": {value: func() any { return []any{float32(0.1), float32(1.5), float32(16777217.0)} },
		want: strp("[0.1, 1.5, 16777216.0]"),
		note: "README's mapping: a float32 is the float of its shortest decimal, not of its float64 value (make_cases.f32)"},
	"float_nan_inf_allowed":       {value: func() any { return []any{math.NaN(), math.Inf(1), math.Inf(-1)} }},
	"float_nan_disallowed":        {value: func() any { return []any{math.NaN()} }},
	"float_inf_disallowed":        {value: func() any { return []float64{math.Inf(1)} }},
	"float_neg_inf_disallowed":    {value: func() any { return []any{1.0, math.Inf(-1)} }},
	"float_nan_disallowed_indent": {value: func() any { return []any{math.NaN()} }},
	"float_nan_disallowed_dump":   {value: func() any { return []any{1.5, math.NaN()} }},
	"decimal_error":               {value: func() any { return complex(1.10, 0) }, goType: "complex128"},
	"complex_error":               {value: func() any { return 1i }, goType: "complex128"},
	"circular_list":               {value: cyclicList},
	"circular_list_indent":        {value: cyclicList},
	"dump_circular_partial":       {value: cyclicList},
	"circular_dict": {value: func() any {
		d := map[string]any{"a": int64(1)}
		d["self"] = d
		return d
	}},
	"circular_deep_dump_partial": {value: func() any {
		d := map[string]any{}
		outer := map[string]any{"x": []any{int64(1), d}}
		d["back"] = outer
		return outer
	}},
	"circular_no_check_recursion_error": {value: cyclicList},
	"default_returns_self_circular": {value: func() any { return newOpaque() },
		opts: []jsondump.Option{jsondump.Default(func(v any) (any, error) { return v, nil })}},
	"default_returns_list_with_self_circular": {value: func() any { return newOpaque() },
		opts: []jsondump.Option{jsondump.Default(func(v any) (any, error) { return []any{v}, nil })}},
	"default_returns_self_no_check": {value: func() any { return newOpaque() },
		opts: []jsondump.Option{jsondump.Default(func(v any) (any, error) { return v, nil })}},
	"default_same_object_twice_siblings": {value: func() any { o := newOpaque(); return []any{o, o} },
		opts: []jsondump.Option{jsondump.Default(func(v any) (any, error) { return "Opaque()", nil })}},
	"nesting_900_ok": {value: func() any { return nestedList(900) }},
	// MaxDepth's default is CPython's limit, 1000: 3.11's RecursionError.
	"nesting_1200_version_dependent": {value: func() any { return nestedList(1200) }},
	"nesting_1200_dump_python_path":  {value: func() any { return nestedList(1200) }},
	"nesting_20000_recursion_error":  {value: func() any { return nestedList(20000) }},
	"unsupported_object":             {value: func() any { return newOpaque() }, goType: "jsondump_test.opaque"},
	"unsupported_set":                {value: func() any { return setOf(1, 2) }, goType: "jsondump_test.goSet"},
	"unsupported_frozenset_in_list":  {value: func() any { return []any{int64(1), setOf()} }, goType: "jsondump_test.goSet"},
	"unsupported_generator":          {value: func() any { return make(chan int) }, goType: "chan int"},
	"unsupported_range":              {value: func() any { return complex64(3) }, goType: "complex64"},
	"unsupported_mappingproxy":       {value: func() any { return make(chan map[string]uint8) }, goType: "chan map[string]uint8"},
	"unsupported_type_object":        {value: func() any { return func() {} }, goType: "func()"},
	"default_str": {value: func() any { return []any{newOpaque(), int64(1)} },
		opts: []jsondump.Option{jsondump.Default(func(v any) (any, error) { return "Opaque()", nil })}},
	"default_result_reencoded_with_options": {value: func() any {
		return map[string]any{"s": setOf(3, 1, 2), "o": newOpaque()}
	}, opts: []jsondump.Option{jsondump.Default(func(v any) (any, error) {
		if s, ok := v.(goSet); ok {
			out := s()
			sort.Ints(out)
			return out, nil
		}
		return "obj:Opaque", nil
	})}},
	"default_result_escaped": {value: func() any { return newOpaque() },
		opts: []jsondump.Option{jsondump.Default(func(v any) (any, error) { return "\u00e9\n", nil })}},
	"default_chain_to_default_again": {value: func() any { return setOf(0) },
		opts: []jsondump.Option{jsondump.Default(func(v any) (any, error) {
			if _, ok := v.(goSet); ok {
				return []any{1i}, nil
			}
			c := v.(complex128)
			return []any{real(c), imag(c)}, nil
		})}},
	"default_returns_new_unsupported_forever": {value: func() any { return newOpaque() },
		opts: []jsondump.Option{jsondump.Default(func(v any) (any, error) { return newOpaque(), nil })}},
	"default_raises": {value: func() any { return []any{int64(1), newOpaque()} }, hookErr: errCustom,
		opts: []jsondump.Option{jsondump.Default(func(v any) (any, error) { return nil, errCustom })}},
	"default_result_nan_disallowed": {value: func() any { return []any{newOpaque()} },
		opts: []jsondump.Option{jsondump.Default(func(v any) (any, error) { return math.NaN(), nil })}},
	"default_not_called_for_supported": {value: func() any { return []any{true, int64(1), "s"} },
		opts: []jsondump.Option{jsondump.Default(func(v any) (any, error) { return "DEFAULT", nil })}},
	"mixed_document_all_options": {value: func() any {
		return map[string]any{"name": "caf\u00e9", "tags": []string{"a", "b"}, "n": nil, "ok": true, "v": []any{int64(1), 2.0, math.NaN()}}
	}},
	"dump_error_midway_partial": {value: func() any {
		return map[string]any{"a": int64(1), "b": []any{int64(1), int64(2), newOpaque()}}
	}, goType: "jsondump_test.opaque"},
	"dump_error_midway_partial_indent": {value: func() any {
		return map[string]any{"a": []any{int64(1), "x", newOpaque()}}
	}, goType: "jsondump_test.opaque"},
}

// colorEnum stands for an IntEnum: a named int, which the reflective path
// writes by its kind.
type colorEnum int

// reflectCases are the cases with keys that are not strings: typed maps
// and map[any]V, which the reflective path writes. A tuple key, bytes or an
// object is a Go key Python cannot hold either: an array, a channel. Each
// Go map is built in ascending key order (numbers, then strings), which is
// these cases' insertion order. Without the reflective path they are
// skipped (init).
var reflectCases = map[string]goCase{
	"skipkeys_all_skipped_indent_quirk":        {value: func() any { return map[[1]int]int{{1}: 1} }},
	"skipkeys_all_skipped_nested_indent_quirk": {value: func() any { return []any{map[[1]int]int{{1}: 1}} }},
	"skipkeys_all_skipped_compact":             {value: func() any { return map[[1]int]int{{1}: 1} }},
	"key_neg_zero":                             {value: func() any { return map[float64]string{math.Copysign(0, -1): "a"} }},
	"key_nan_disallowed":                       {value: func() any { return map[float64]int{math.NaN(): 1} }},
	"key_coerced_duplicates_int_str":           {value: func() any { return map[any]string{1: "int", "1": "str"} }},
	"key_coerced_duplicates_none_null":         {value: func() any { return map[any]int{nil: 1, "null": 2} }},
	"key_coerced_duplicates_float":             {value: func() any { return map[any]string{1.5: "f", "1.5": "s"} }},
	"key_intenum":                              {value: func() any { return map[colorEnum]string{1: "r"} }},
	"key_tuple_error":                          {value: func() any { return map[any]int{"a": 1, [2]int{1, 2}: 2} }, keyName: [2]string{"tuple", "[2]int"}},
	"key_bytes_error":                          {value: func() any { return map[[1]byte]int{{'k'}: 1} }, keyName: [2]string{"bytes", "[1]uint8"}},
	"key_object_error":                         {value: func() any { return map[any]int{newOpaque(): 1} }, keyName: [2]string{"Opaque", "jsondump_test.opaque"}},
	"key_complex_not_sent_to_default": {value: func() any { return map[complex128]int{1i: 1} }, keyName: [2]string{"complex", "complex128"},
		opts: []jsondump.Option{jsondump.Default(func(v any) (any, error) { return fmt.Sprint(v), nil })}},
	"skipkeys_mixed": {value: func() any {
		return map[any]any{[1]int{1}: "x", "a": 1, [1]byte{'k'}: "y", "b": 2}
	}},
	"skipkeys_first_skipped_indent": {value: func() any { return map[any]int{[1]int{1}: 0, "a": 1} }},
	"sort_int_numeric_not_lexical":  {value: func() any { return map[int]string{10: "a", 2: "b", -1: "c", 100: "d"} }},
	"sort_float_numeric":            {value: func() any { return map[float64]string{10.5: "a", 2.0: "b", -1e-05: "c", 1e16: "d"} }},
	"sort_bool":                     {value: func() any { return map[bool]int{true: 1, false: 2} }},
	"sort_bool_with_int":            {value: func() any { return map[any]int{true: 1, 0: 2, 2: 3} }},
	"sort_int_with_float":           {value: func() any { return map[any]string{2: "a", 1.5: "b", 0: "c"} }},
	"sort_mixed_int_str_error":      {value: func() any { return map[any]int{2: 1, "a": 2} }},
	"sort_none_with_str_error":      {value: func() any { return map[any]int{nil: 1, "a": 2} }},
	"sort_single_none_key_ok":       {value: func() any { return map[any]int{nil: 1} }},
	"dump_bad_key_partial":          {value: func() any { return map[any]int{"a": 1, [2]int{1, 2}: 2} }, keyName: [2]string{"tuple", "[2]int"}},
}

func init() {
	for name, c := range reflectCases {
		if reflectBuild {
			goCases[name] = c
		} else {
			skipped[name] = "non-str keys: a typed map is the reflective path's, which -tags jsondump_noreflect leaves out"
		}
	}
}

// skipped lists the cases that no Go value expresses, with the reason.
var skipped = map[string]string{
	"str_lone_surrogate_no_ascii":                    "doc.go Limits: a lone surrogate is written \\uXXXX even with EnsureASCII(false)",
	"str_lone_surrogate_no_ascii_to_utf8_file_fails": "Python's UnicodeEncodeError of its file object; Go output stays valid UTF-8",
	"str_bytes_surrogateescape":                      "a Go string's invalid byte is U+FFFD by README's mapping, not a surrogate escape",
	"str_subclass_value_and_key":                     "no str subclass in Go; a named string type is an unknown object",
	"bytes_value_error":                              "README's mapping: []byte is its base64 str, not Python bytes",
	"int_4301_digits_key_error":                      "a Go int key has at most 20 digits; a *big.Int key is a pointer, not a Python int",
	"int_subclass_uses_int_repr":                     "no int subclass among the dynamic forms",
	"intenum":                                        "no IntEnum among the dynamic forms; keys are non-str",
	"float_subclass_uses_float_repr":                 "no float subclass among the dynamic forms; keys are non-str",
	"float_enum":                                     "no float enum among the dynamic forms; keys are non-str",
	"key_int":                                        "insertion order 1, -7, 2**64 is not the ascending order a Go map gets",
	"key_float":                                      "insertion order 1.0, 0.1, ... is not the ascending order a Go map gets",
	"key_zero_and_neg_zero_collapse":                 "0.0 and -0.0 are one Go map key: Python's merge of them cannot be built",
	"key_nan_inf":                                    "insertion order nan, inf, -inf is not the ascending order a Go map gets (NaN last)",
	"key_bool_none":                                  "insertion order True, False, None is not the order a map[any]V gets (None, False, True)",
	"key_int_and_bool_same_key":                      "insertion order 1, True: a map[any]V puts bools before numbers",
	"insertion_order_kept":                           "insertion order not ascending, and int keys",
	"sort_mixed_str_int_error":                       "insertion order 'a', 2: a map[any]V puts numbers first, so the sort compares them the other way",
	"sort_before_skip_error":                         "insertion order (1,), 'a': a map[any]V puts strings before other keys, so the sort compares them the other way",
	"sort_tuples_only_then_skipped":                  "Python sorts tuples; a Go array key is not a Python key and cannot be compared",
	"sort_mixed_error_dump_partial":                  "insertion order 'a', 2: a map[any]V puts numbers first, so the sort compares them the other way",
	"cls_encoder":                                    "cls= has no Go form, and the dict {'re','im'} is not in ascending key order",
	"cls_encoder_fallthrough":                        "cls= has no Go form",
	"cls_plus_default_kwarg_wins":                    "cls= has no Go form",
	"dict_subclass":                                  "insertion order b, a is not the ascending order a Go map gets",
	"ordereddict":                                    "insertion order z, a is not the ascending order a Go map gets",
	"mixed_document":                                 "insertion order name, tags, ... is not the ascending order a Go map gets",
	"dump_nan_key_disallowed":                        "insertion order 'ok', nan: a map[any]V puts numbers first, so the error comes before 'ok' is written",
}

// caseOptions maps a case's kwargs to Options; reason is non-empty when a
// kwarg has no Go form. "default" and "cls" are left to the hand-built cases.
func caseOptions(c pyCase) (opts []jsondump.Option, hook bool, reason string) {
	keys := make([]string, 0, len(c.Kwargs))
	for k := range c.Kwargs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		raw := c.Kwargs[k]
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			return nil, false, "kwarg " + k + ": " + err.Error()
		}
		switch k {
		case "indent":
			switch x := v.(type) {
			case nil:
			case bool:
				if x {
					opts = append(opts, jsondump.Indent(1))
				} else {
					opts = append(opts, jsondump.Indent(0))
				}
			case float64:
				if x != math.Trunc(x) {
					return nil, false, "indent=" + string(raw) + ": Indent takes an int"
				}
				opts = append(opts, jsondump.Indent(int(x)))
			case string:
				opts = append(opts, jsondump.IndentString(x))
			default:
				return nil, false, "indent " + string(raw)
			}
		case "separators":
			switch x := v.(type) {
			case []any:
				if len(x) != 2 {
					return nil, false, "separators of " + strconv.Itoa(len(x)) + " items: Separators takes two strings"
				}
				a, ok1 := x[0].(string)
				b, ok2 := x[1].(string)
				if !ok1 || !ok2 {
					return nil, false, "separators not strings"
				}
				opts = append(opts, jsondump.Separators(a, b))
			case string:
				r := []rune(x)
				if len(r) != 2 || strings.HasPrefix(x, "(") {
					return nil, false, "separators=" + c.KwargsSrc + ": not two str (Python-only error)"
				}
				opts = append(opts, jsondump.Separators(string(r[0]), string(r[1])))
			default:
				return nil, false, "separators " + string(raw)
			}
		case "ensure_ascii", "sort_keys", "skipkeys", "allow_nan", "check_circular":
			b, ok := v.(bool)
			if !ok {
				return nil, false, k + " not a bool"
			}
			switch k {
			case "ensure_ascii":
				opts = append(opts, jsondump.EnsureASCII(b))
			case "sort_keys":
				opts = append(opts, jsondump.SortKeys(b))
			case "skipkeys":
				opts = append(opts, jsondump.SkipKeys(b))
			case "allow_nan":
				opts = append(opts, jsondump.AllowNaN(b))
			case "check_circular":
				opts = append(opts, jsondump.CheckCircular(b))
			}
		case "default":
			hook = true
		default:
			return nil, false, "kwarg " + k + " has no Go option"
		}
	}
	return opts, hook, ""
}

// decodeValue turns a case's plain-JSON value into the Go value whose Python
// equivalent it is: objects become map[string]any, which is expressible only
// when the dict's keys are already in ascending order (Go maps are emitted
// so) or sortKeys is set; ints become int64 or *big.Int; floats float64.
func decodeValue(raw json.RawMessage, sortKeys bool) (any, string) {
	if hasLoneSurrogateEscape(raw) {
		return nil, "value holds a lone surrogate, which a Go string cannot"
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	v, reason := decodeOrdered(dec, sortKeys)
	if reason != "" {
		return nil, reason
	}
	if dec.More() {
		return nil, "trailing data in value"
	}
	return v, ""
}

func decodeOrdered(dec *json.Decoder, sortKeys bool) (any, string) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err.Error()
	}
	switch x := tok.(type) {
	case json.Delim:
		switch x {
		case '[':
			out := []any{}
			for dec.More() {
				v, reason := decodeOrdered(dec, sortKeys)
				if reason != "" {
					return nil, reason
				}
				out = append(out, v)
			}
			dec.Token()
			return out, ""
		case '{':
			out := map[string]any{}
			prev, first := "", true
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err.Error()
				}
				k := kt.(string)
				if !sortKeys && !first && k <= prev {
					return nil, fmt.Sprintf("dict keys in insertion order %q before %q, not the ascending order of a Go map", prev, k)
				}
				prev, first = k, false
				v, reason := decodeOrdered(dec, sortKeys)
				if reason != "" {
					return nil, reason
				}
				out[k] = v
			}
			dec.Token()
			return out, ""
		}
	case json.Number:
		s := string(x)
		if strings.ContainsAny(s, ".eE") {
			f, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return nil, err.Error()
			}
			return f, ""
		}
		if i, err := strconv.ParseInt(s, 10, 64); err == nil {
			return i, ""
		}
		b, ok := new(big.Int).SetString(s, 10)
		if !ok {
			return nil, "bad int " + s
		}
		return b, ""
	case string, bool, nil:
		return x, ""
	}
	return nil, fmt.Sprintf("unexpected token %v", tok)
}

// hasLoneSurrogateEscape reports whether JSON text has a \u escape of a
// surrogate that is not part of a high-low pair.
func hasLoneSurrogateEscape(raw []byte) bool {
	hex4 := func(i int) (int, bool) {
		if i+6 > len(raw) || raw[i] != '\\' || raw[i+1] != 'u' {
			return 0, false
		}
		n, err := strconv.ParseUint(string(raw[i+2:i+6]), 16, 16)
		return int(n), err == nil
	}
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' {
			continue
		}
		u, ok := hex4(i)
		if !ok {
			i++ // a two-character escape
			continue
		}
		switch {
		case u >= 0xDC00 && u <= 0xDFFF:
			return true
		case u >= 0xD800 && u <= 0xDBFF:
			lo, ok := hex4(i + 6)
			if !ok || lo < 0xDC00 || lo > 0xDFFF {
				return true
			}
			i += 11
		default:
			i += 5
		}
	}
	return false
}

// pyErrorType names the Python exception class of a Go error.
func pyErrorType(err error) string {
	var te *jsondump.TypeError
	var ve *jsondump.ValueError
	var re *jsondump.RecursionError
	var me *jsondump.MarshalerError
	var we *jsondump.WriteError
	switch {
	case errors.As(err, &te):
		return "TypeError"
	case errors.As(err, &ve):
		return "ValueError"
	case errors.As(err, &re):
		return "RecursionError"
	case errors.As(err, &me):
		return "MarshalerError"
	case errors.As(err, &we):
		return "WriteError"
	}
	return fmt.Sprintf("%T", err)
}

var notSerializable = regexp.MustCompile(`^Object of type (.+) is not JSON serializable$`)

// expectedError is the error the Go side must return: the case's, with
// CPython 3.12's wording where the versions differ (README's mapping).
func expectedError(c pyCase) *pyError {
	if c.Error == nil {
		return nil
	}
	if bv, ok := c.ByVersion["3.12.1"]; ok && bv.Error != nil && bv.Error.Type == c.Error.Type &&
		strings.HasPrefix(bv.Error.Message, "Out of range float values") {
		return bv.Error
	}
	return c.Error
}

// checkError compares a Go error with the case's Python error.
func checkError(c pyCase, g goCase, err error) string {
	want := expectedError(c)
	if err == nil {
		return fmt.Sprintf("no error, want %s: %s", want.Type, want.Message)
	}
	if g.hookErr != nil {
		if err != g.hookErr || err.Error() != want.Message {
			return fmt.Sprintf("error %v, want the hook's error %q unchanged", err, want.Message)
		}
		return ""
	}
	if got := pyErrorType(err); got != want.Type {
		return fmt.Sprintf("error %s %q, want %s %q", got, err.Error(), want.Type, want.Message)
	}
	msg := err.Error()
	switch {
	case want.Type == "RecursionError":
		// CPython's text names where the limit was hit ("while encoding a
		// JSON object", "while calling a Python object"); Go has one text.
		if !strings.HasPrefix(msg, "maximum recursion depth exceeded") {
			return fmt.Sprintf("RecursionError %q", msg)
		}
	case notSerializable.MatchString(want.Message):
		m := notSerializable.FindStringSubmatch(msg)
		if m == nil {
			return fmt.Sprintf("error %q, want the shape %q", msg, want.Message)
		}
		if g.goType != "" && m[1] != g.goType {
			return fmt.Sprintf("error %q names type %s, want %s", msg, m[1], g.goType)
		}
	default:
		wantMsg := want.Message
		if g.keyName[0] != "" {
			wantMsg = strings.ReplaceAll(wantMsg, g.keyName[0], g.keyName[1])
		}
		if msg != wantMsg {
			return fmt.Sprintf("error %q, want %q", msg, wantMsg)
		}
	}
	return ""
}

// expectedOutput is the text the Go side must produce.
func expectedOutput(c pyCase, g goCase) (string, bool) {
	if g.want != nil {
		return *g.want, true
	}
	if c.Output != nil {
		return *c.Output, true
	}
	// Where the versions differ on depth (3.12's C encoder goes deeper),
	// MaxDepth's default is 3.11's limit: the case's own RecursionError.
	return "", false
}

func TestCasesJSONL(t *testing.T) {
	cases := loadCases(t)
	var skips []string
	ran := 0
	for _, c := range cases {
		if c.OutputHasLoneSurrogate {
			if _, ok := skipped[c.Name]; !ok {
				t.Errorf("%s: output has a lone surrogate and the case is not in the skip list", c.Name)
			}
		}
		if reason, ok := skipped[c.Name]; ok {
			skips = append(skips, c.Name+": "+reason)
			continue
		}
		opts, hook, reason := caseOptions(c)
		if reason != "" {
			skips = append(skips, c.Name+": "+reason)
			continue
		}
		g, handBuilt := goCases[c.Name]
		if !handBuilt {
			if rc, ok := rawCase(c); ok && (c.Value == nil || string(c.Value) == "null") {
				g, handBuilt = rc, true
			}
		}
		var value any
		switch {
		case handBuilt:
			value = nil // built fresh for each call below
		case hook:
			t.Errorf("%s: default= needs a hand-built Go case or a skip reason", c.Name)
			continue
		case c.Value == nil || string(c.Value) == "null":
			if c.ValueSrc != "None" {
				t.Errorf("%s: no plain value (%s): needs a hand-built Go case or a skip reason", c.Name, c.ValueSrc)
				continue
			}
		default:
			sortKeys := false
			if raw, ok := c.Kwargs["sort_keys"]; ok && string(raw) == "true" {
				sortKeys = true
			}
			var why string
			value, why = decodeValue(c.Value, sortKeys)
			if why != "" {
				skips = append(skips, c.Name+": "+why)
				continue
			}
		}
		opts = append(opts, g.opts...)
		mk := func() any {
			if handBuilt {
				return g.value()
			}
			return value
		}
		ran++
		runCase(t, c, g, mk, opts)
		// Cases of json.loads text run a second time as a json.RawMessage
		// of the same text, and as a json.Number when it is a number.
		if rc, ok := rawCase(c); ok && !handBuilt {
			ran++
			runCase(t, c, rc, rc.value, opts)
		}
		if rc, ok := rawCase(c); ok {
			text := string(rc.value().(json.RawMessage))
			if _, err := strconv.ParseFloat(text, 64); err == nil || errors.Is(err, strconv.ErrRange) {
				ran++
				runCase(t, c, goCase{}, func() any { return json.Number(text) }, opts)
			}
		}
	}
	sort.Strings(skips)
	t.Logf("ran %d cases; skipped %d:\n  %s", ran, len(skips), strings.Join(skips, "\n  "))
}

// runCase runs one case through Dumps, AppendDumps and Dump.
func runCase(t *testing.T, c pyCase, g goCase, mk func() any, opts []jsondump.Option) {
	t.Helper()
	want, hasWant := expectedOutput(c, g)
	check := func(api, got string, err error) {
		t.Helper()
		if c.Error != nil && !hasWant {
			if msg := checkError(c, g, err); msg != "" {
				t.Errorf("%s (%s, %s, %s): %s", c.Name, api, c.ValueSrc, c.KwargsSrc, msg)
			}
			return
		}
		if err != nil {
			t.Errorf("%s (%s, %s, %s): error %s: %v", c.Name, api, c.ValueSrc, c.KwargsSrc, pyErrorType(err), err)
			return
		}
		if got != want {
			t.Errorf("%s (%s, %s, %s):\n got %q\nwant %q", c.Name, api, c.ValueSrc, c.KwargsSrc, clip(got), clip(want))
		}
	}
	s, err := jsondump.Dumps(mk(), opts...)
	check("Dumps", s, err)
	b, err := jsondump.AppendDumps([]byte("prefix"), mk(), opts...)
	if !bytes.HasPrefix(b, []byte("prefix")) {
		t.Errorf("%s: AppendDumps lost dst", c.Name)
	} else {
		check("AppendDumps", string(b[len("prefix"):]), err)
	}
	var w bytes.Buffer
	err = jsondump.Dump(&w, mk(), opts...)
	check("Dump", w.String(), err)
}

func clip(s string) string {
	if len(s) > 400 {
		return s[:200] + " ... " + s[len(s)-200:]
	}
	return s
}
