package jsondump_test

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/jsondump/jsondump"
)

// A map's members come in ascending key order; Python's dict keeps insertion
// order, so the equivalent dict is built in that order.
func ExampleDumps() {
	s, _ := jsondump.Dumps([]any{"café", 1, 2.0, 1e16, nil, true})
	fmt.Println(s)
	// Python: json.dumps(["café", 1, 2.0, 1e16, None, True])

	// Output: ["caf\u00e9", 1, 2.0, 1e+16, null, true]
}

func ExampleIndent() {
	s, _ := jsondump.Dumps(map[string]any{"tags": []any{"a", "b"}, "n": nil}, jsondump.Indent(4))
	fmt.Println(s)
	// Python: json.dumps({"n": None, "tags": ["a", "b"]}, indent=4)

	// Output:
	// {
	//     "n": null,
	//     "tags": [
	//         "a",
	//         "b"
	//     ]
	// }
}

func ExampleIndentString() {
	s, _ := jsondump.Dumps([]any{[]any{1, 2}, map[string]any{}}, jsondump.IndentString("\t"))
	fmt.Println(strings.ReplaceAll(s, "\t", `\t`))
	// Python: json.dumps([[1, 2], {}], indent="\t")

	// Output:
	// [
	// \t[
	// \t\t1,
	// \t\t2
	// \t],
	// \t{}
	// ]
}

func ExampleSeparators() {
	s, _ := jsondump.Dumps(map[string]any{"a": []any{1, 2}}, jsondump.Separators(",", ":"))
	fmt.Println(s)
	// Python: json.dumps({"a": [1, 2]}, separators=(",", ":"))

	// Output: {"a":[1,2]}
}

func ExampleEnsureASCII() {
	s, _ := jsondump.Dumps("café 😀", jsondump.EnsureASCII(false))
	fmt.Println(s)
	s, _ = jsondump.Dumps("café 😀")
	fmt.Println(s)
	// Python: json.dumps("café 😀", ensure_ascii=False); json.dumps("café 😀")

	// Output:
	// "café 😀"
	// "caf\u00e9 \ud83d\ude00"
}

func ExampleSortKeys() {
	s, _ := jsondump.Dumps(map[string]any{"b": 1, "a": 2}, jsondump.SortKeys(true))
	fmt.Println(s)
	// Python: json.dumps({"b": 1, "a": 2}, sort_keys=True)

	// Output: {"a": 2, "b": 1}
}

func ExampleSkipKeys() {
	// The dynamic forms have string keys only; SkipKeys matters for the
	// map[any]V and struct-keyed maps of generated types.
	s, _ := jsondump.Dumps(map[string]any{"a": 1}, jsondump.SkipKeys(true))
	fmt.Println(s)
	// Python: json.dumps({"a": 1}, skipkeys=True)

	// Output: {"a": 1}
}

func ExampleAllowNaN() {
	s, _ := jsondump.Dumps([]any{math.NaN()})
	fmt.Println(s)
	_, err := jsondump.Dumps([]any{math.Inf(1)}, jsondump.AllowNaN(false))
	fmt.Println(err)
	// Python: json.dumps([nan]); json.dumps([inf], allow_nan=False)

	// Output:
	// [NaN]
	// Out of range float values are not JSON compliant: inf
}

func ExampleCheckCircular() {
	a := []any{1, nil}
	a[1] = a
	_, err := jsondump.Dumps(a)
	fmt.Println(err)
	_, err = jsondump.Dumps(a, jsondump.CheckCircular(false))
	var re *jsondump.RecursionError
	fmt.Println(errors.As(err, &re))
	// Python: a = [1]; a.append(a); json.dumps(a)

	// Output:
	// Circular reference detected
	// true
}

func ExampleDefault() {
	hook := func(v any) (any, error) {
		if c, ok := v.(complex128); ok {
			return []any{real(c), imag(c)}, nil
		}
		return nil, fmt.Errorf("cannot encode %T", v)
	}
	s, _ := jsondump.Dumps([]any{1 + 2i}, jsondump.Default(hook))
	fmt.Println(s)
	_, err := jsondump.Dumps([]any{1 + 2i})
	fmt.Println(err)
	// Python: json.dumps([1+2j], default=lambda c: [c.real, c.imag])

	// Output:
	// [[1.0, 2.0]]
	// Object of type complex128 is not JSON serializable
}

func ExampleMaxDepth() {
	v := []any{[]any{[]any{1}}}
	_, err := jsondump.Dumps(v, jsondump.MaxDepth(2))
	fmt.Println(err)
	// Output: maximum recursion depth exceeded while encoding a JSON object
}

func ExampleAppendDumps() {
	buf := make([]byte, 0, 1024)
	for _, v := range []any{1, "x"} {
		buf, _ = jsondump.AppendDumps(buf[:0], v)
		fmt.Println(string(buf))
	}
	// Output:
	// 1
	// "x"
}

func ExampleDump() {
	err := jsondump.Dump(os.Stdout, map[string]any{"a": []any{1, 2.5, nil, true}})
	fmt.Println()
	fmt.Println(err)
	// Python: json.dump({"a": [1, 2.5, None, True]}, sys.stdout)

	// Output:
	// {"a": [1, 2.5, null, true]}
	// <nil>
}

func ExampleDumpFile() {
	dir, _ := os.MkdirTemp("", "jsondump")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "sample.json")
	if err := jsondump.DumpFile(path, map[string]any{"rollno": 56, "cgpa": 8.6}, jsondump.Indent(2)); err != nil {
		fmt.Println(err)
	}
	b, _ := os.ReadFile(path)
	fmt.Println(string(b))
	// Output:
	// {
	//   "cgpa": 8.6,
	//   "rollno": 56
	// }
}

// A Dict keeps the order its items were added in, as a Python dict built in
// code does; a map[string]any comes out in ascending key order.
func ExampleDict() {
	payload := jsondump.Dict{
		{"event", "order.paid"},
		{"id", 1042},
		{"amount", jsondump.Dict{{"value", 19.9}, {"currency", "EUR"}}},
		{"id", 1043}, // a repeated key keeps its place and takes the last value
	}
	s, _ := jsondump.Dumps(payload)
	fmt.Println(s)
	// Python: json.dumps({"event": "order.paid", "id": 1042,
	//     "amount": {"value": 19.9, "currency": "EUR"}, "id": 1043})

	// Output: {"event": "order.paid", "id": 1043, "amount": {"value": 19.9, "currency": "EUR"}}
}

// Keys equal in Python are one key, named by the first; SortKeys fails on
// keys Python cannot compare.
func ExampleDict_keys() {
	s, _ := jsondump.Dumps(jsondump.Dict{{2.0, "a"}, {2, "b"}, {true, "t"}, {1, "one"}, {nil, "none"}})
	fmt.Println(s)
	_, err := jsondump.Dumps(jsondump.Dict{{1, "a"}, {"b", 2}}, jsondump.SortKeys(true))
	fmt.Println(err)
	// Python: json.dumps(dict([(2.0, "a"), (2, "b"), (True, "t"), (1, "one"), (None, "none")]))
	// Python: json.dumps({1: "a", "b": 2}, sort_keys=True)

	// Output:
	// {"2.0": "b", "true": "one", "null": "none"}
	// '<' not supported between instances of 'str' and 'int'
}
