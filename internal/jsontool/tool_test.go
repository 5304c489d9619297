package jsontool

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/internal/testmod"
)

// flagSets are the formatting flags every document of the fixed corpora
// runs under.
var flagSets = [][]string{
	nil,
	{"--sort-keys"},
	{"--no-ensure-ascii"},
	{"--compact"},
	{"--no-indent", "--sort-keys"},
	{"--tab", "--no-ensure-ascii"},
	{"--indent", "0"},
	{"--indent=-1", "--sort-keys", "--no-ensure-ascii"},
	{"--indent", "2", "--sort-keys", "--no-ensure-ascii"},
	{"--json-lines", "--compact"},
}

// suiteDocuments returns JSONTestSuite's documents that every parser must
// accept (y_*.json), from the project's shared folder, as the conformance
// test finds it.
func suiteDocuments(t *testing.T) map[string][]byte {
	t.Helper()
	dir := filepath.Join(testmod.SharedDir(t), "jsontestsuite")
	names, err := filepath.Glob(filepath.Join(dir, "y_*.json"))
	if err != nil || len(names) == 0 {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true and JSONTestSuite's documents are missing from %s", dir)
		}
		t.Skipf("JSONTestSuite's documents not found in %s; they live in shared/ beside the repository, or set JSONDUMP_SHARED", dir)
	}
	docs := make(map[string][]byte)
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		docs[filepath.Base(name)] = data
	}
	return docs
}

// TestJSONTestSuite runs each of JSONTestSuite's valid documents under
// every flag set, from a file and from stdin.
func TestJSONTestSuite(t *testing.T) {
	docs := suiteDocuments(t)
	names := slices.Sorted(func(yield func(string) bool) {
		for name := range docs {
			if !yield(name) {
				return
			}
		}
	})
	var cases []toolCase
	for _, name := range names {
		for i, flags := range flagSets {
			c := toolCase{name: name, args: slices.Clone(flags)}
			if i%2 == 0 {
				c.files = map[string][]byte{"in.json": docs[name]}
				c.args = append(c.args, "in.json")
			} else {
				c.stdin = docs[name]
			}
			cases = append(cases, c)
		}
	}
	compareWithPython(t, cases)
}

// invalidDocuments are texts json.tool rejects, one or more for each of
// CPython's messages and each way to reach them, and texts near the edges
// of what it accepts.
var invalidDocuments = []string{
	"", " ", "\n\n", "[", "]", "{", "}", "[1,]", "[1 2]", `{"a" 1}`, `{"a":}`, `{1: 2}`, `{"a": 1,}`,
	`{"a": 1 "b": 2}`, "[1]x", "[1] [2]", "01", "-", "-a", "1.", "1e", "1.e5", ".5", "+1", "0x10", "1_000",
	"tru", "nul", "NaNa", "-Inf", "infinity", "nan", "[NaN, Infinity, -Infinity]", `"abc`, `"\x"`, `"\u12"`,
	`"\u12G4"`, `"\ud800\u12"`, `"\`, `"a\`, "\"\x01\"", "\"\t\"", "\"a\nb\"", "\"\x7f\"", `"\/"`,
	"\ufeff[1]", "\ufeff", " \ufeff[1]", "[1]\ufeff", "\xef\xbb[1]",
	"[1,\xff]", "[\x80]", "[\xc0\xaf]", "[\xc2]", "[\xc2 ]", "[\xe2\x82]", "[\xe2\x82", "[1]\xe2\x82",
	"[\xe0\x80\x80]", "[\xe0\xa0]", "[\xed\xa0\x80]", "[\xed\x9f\xbf]", "[\xf0\x9f\x98]", "[\xf0\x8f\xbf\xbf]",
	"[\xf4\x90\x80\x80]", "[\xf4\x8f\xbf\xbf]", "[\xf5\x80\x80\x80]", "\xff\xfe[]", "\"\xf0\x9f\x98\x80\"",
	"[\r1,\r\n2 3]", "{\"a\":\r\n 1,\r\n \"b\" 2}", "\r\r\r[", "\"a\rb\"", "[\"\xe9\"\r\n,]",
	"[1]\n\n", "1 2", "{\"a\": 1, \"a\": 2, \"b\": [1, {\"a\": 1, \"a\": {}}]}",
	"1" + strings.Repeat("0", 4299), "1" + strings.Repeat("0", 4300), "-" + strings.Repeat("9", 4301),
	"[1, " + strings.Repeat("7", 5000) + "]", "[1, " + strings.Repeat("7", 5000) + ".5]", "[1e400, -1e400, 1e-400, -1e-400, -0, -0.0, 1E5, 0.1e1, 2e-5]",
	`["\ud800"]`, `["a", "\ud800x"]`, `{"\ud800": 1}`, `{"b": 1, "\udc00\udc01": 2}`, `"\udfff"`, `[["x"], "\"\ud800"]`,
	`[1, {"k": ["\ud83d\ude00", "\ude00\ud83d"]}]`, `["\ud800\ud800\udc00"]`, `{"a": "\\ud800"}`,
	strings.Repeat("[", 100000), strings.Repeat("[", 990) + strings.Repeat("]", 990),
	strings.Repeat("[", 1000) + strings.Repeat("]", 1000), strings.Repeat("[", 1001) + strings.Repeat("]", 1001),
	strings.Repeat(`{"a":`, 1001) + "1" + strings.Repeat("}", 1001), strings.Repeat("[", 1001) + "x",
	strings.Repeat(`["\"[",`, 995) + strings.Repeat("]", 995), strings.Repeat("[", 1000) + strings.Repeat("]", 999),
	strings.Repeat("[{\"\":", 600) + strings.Repeat("}]", 600),
	// Files of 256 KiB and more are mapped into memory rather than read.
	"[" + strings.Repeat("1.5, \"é\", ", 30000) + "]", "\r\n[" + strings.Repeat("1.5,\r\n \"é\", ", 30000) + "\xff]",
	"[" + strings.Repeat("{\"a\": [1, 2]}, ", 20000) + "{}]",
}

// TestInvalidDocuments runs invalidDocuments under several flag sets, from
// a file (universal newlines) and from stdin.
func TestInvalidDocuments(t *testing.T) {
	var cases []toolCase
	for i, doc := range invalidDocuments {
		for j, flags := range [][]string{nil, {"--no-ensure-ascii"}, {"--compact", "--sort-keys", "--no-ensure-ascii"}, {"--json-lines", "--no-ensure-ascii"}} {
			name := "invalid " + strconv.Itoa(i)
			cases = append(cases,
				toolCase{name: name, args: append(slices.Clone(flags), "in.json"), files: map[string][]byte{"in.json": []byte(doc)}},
				toolCase{name: name, args: flags, stdin: []byte(doc)})
			if j == 1 {
				cases = append(cases, toolCase{name: name, args: append(slices.Clone(flags), "in.json", "out.json"),
					files: map[string][]byte{"in.json": []byte(doc), "out.json": []byte("old\n")}, outfile: "out.json"})
			}
		}
	}
	compareWithPython(t, cases)
}

// TestRandomDocuments runs random documents and random mutations of them
// and of JSONTestSuite's, under random flags, every way of input.
func TestRandomDocuments(t *testing.T) {
	g, n := seedN(t, 1500)
	suite := suiteDocuments(t)
	var corpus []string
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for name := range suite {
			if !yield(name) {
				return
			}
		}
	}) {
		corpus = append(corpus, string(suite[name]))
	}
	var cases []toolCase
	for i := 0; i < n; i++ {
		var text string
		switch g.n(3) {
		case 0:
			text = g.ws() + g.value(4) + g.ws()
		case 1:
			text = g.mutate(g.ws() + g.value(4) + g.ws())
		default:
			text = g.mutate(corpus[g.n(len(corpus))])
		}
		args := g.flags()
		if g.chance(0.1) {
			args = append(args, "--json-lines")
		}
		cases = append(cases, g.ioCase("random "+strconv.Itoa(i), args, []byte(text)))
	}
	compareWithPython(t, cases)
}

// TestJSONLines runs JSON Lines files: blank lines, "\r\n" and "\r" line
// ends (lines of a file, but not of stdin, end at "\r"), a bad line among
// good ones, and files of several 8192-byte chunks with a bad byte near a
// chunk's edge, where CPython's readline stops.
func TestJSONLines(t *testing.T) {
	g, n := seedN(t, 400)
	var cases []toolCase
	for i := 0; i < n; i++ {
		text := g.jsonLines()
		if g.chance(0.1) {
			text = g.mutate(text)
		}
		cases = append(cases, g.ioCase("lines "+strconv.Itoa(i), append(g.flags(), "--json-lines"), []byte(text)))
	}
	for i := 0; i < n/4; i++ {
		text := []byte(g.bigJSONLines())
		cases = append(cases, g.ioCase("big lines "+strconv.Itoa(i), append(g.flags(), "--json-lines"), text))
	}
	compareWithPython(t, cases)
}

// bigJSONLines is a JSON Lines text of two to four 8192-byte chunks with
// one or two faults (a bad byte, a line end, a byte order mark, an
// incomplete sequence) a few bytes from the edge of a chunk, or at the end.
func (g *gen) bigJSONLines() string {
	end := g.pick("\n", "\r\n", "\r")
	var b []byte
	size := chunkSize*(2+g.n(3)) + g.n(100)
	for len(b) < size {
		line := strings.NewReplacer("\n", " ", "\r", " ").Replace(g.value(2))
		b = append(b, line...)
		b = append(b, end...)
	}
	for k, n := 0, 1+g.n(2); k < n; k++ {
		pos := chunkSize*(1+g.n(2)) + g.n(9) - 4
		if g.chance(0.2) {
			pos = len(b) - g.n(4)
		}
		pos = min(max(pos, 0), len(b))
		junk := g.pick("\xff", "\xe2\x82\xac", "\xe2\x82", "\xed\xa0\x80", "\xf0\x9f\x98\x80", "\r", "\n", "\r\n", "\ufeff", "é", "\xc3")
		b = append(b[:pos], append([]byte(junk), b[pos:]...)...)
	}
	return string(b)
}

// TestOutfile runs the outfile's cases: a new file, an existing one
// replaced on success and left as it was on failure, a path with "." and
// doubled slashes, a folder, a missing folder, "-" as a file name.
func TestOutfile(t *testing.T) {
	good, bad := []byte(`{"b": [1, 2.50], "a": "é"}`), []byte(`{"b": [1, 2.50], "a": "é",}`)
	lines := []byte("[1]\n[2]\n[3,]\n[4]\n")
	surrogate := []byte(`["a", "\ud800"]`)
	old := []byte("old\n")
	var cases []toolCase
	for _, c := range []struct {
		args  []string
		in    []byte
		files map[string][]byte
		out   string
	}{
		{[]string{"in.json", "out.json"}, good, nil, "out.json"},
		{[]string{"in.json", "out.json"}, good, map[string][]byte{"out.json": old}, "out.json"},
		{[]string{"in.json", "out.json"}, bad, map[string][]byte{"out.json": old}, "out.json"},
		{[]string{"in.json", "out.json"}, bad, nil, "out.json"},
		{[]string{"--json-lines", "in.json", "out.json"}, lines, map[string][]byte{"out.json": old}, "out.json"},
		{[]string{"--json-lines", "in.json", "out.json"}, lines, nil, "out.json"},
		{[]string{"--no-ensure-ascii", "in.json", "out.json"}, surrogate, map[string][]byte{"out.json": old}, "out.json"},
		{[]string{"--no-ensure-ascii", "--json-lines", "in.json", "out.json"}, surrogate, nil, "out.json"},
		{[]string{"in.json", "./sub//out.json"}, good, map[string][]byte{"sub": nil}, "sub/out.json"},
		{[]string{"in.json", "sub/"}, good, map[string][]byte{"sub": nil}, ""},
		{[]string{"in.json", "missing/out.json"}, good, nil, ""},
		{[]string{"in.json", "missing/out.json"}, bad, nil, ""},
		{[]string{"--json-lines", "in.json", "missing/out.json"}, bad, nil, ""},
		{[]string{"in.json", "-"}, good, nil, "-"},
		{[]string{"-", "out.json"}, good, nil, "out.json"},
		{[]string{"in.json", ""}, good, nil, ""},
		{[]string{"--", "in.json", "--sort-keys"}, good, nil, "--sort-keys"},
		{[]string{"in.json", "out.json/"}, good, map[string][]byte{"out.json": old}, "out.json"},
	} {
		files := map[string][]byte{"in.json": c.in}
		for k, v := range c.files {
			files[k] = v
		}
		tc := toolCase{name: "outfile", args: c.args, files: files, outfile: c.out}
		if slices.Contains(c.args, "-") {
			tc.stdin = c.in
		}
		cases = append(cases, tc)
	}
	compareWithPython(t, cases)
}

// TestCommandLines runs command lines: hand-written ones at the edges of
// argparse's rules, and random ones from a vocabulary of option strings,
// abbreviations, values and file names, at random terminal widths.
func TestCommandLines(t *testing.T) {
	files := map[string][]byte{"in.json": []byte(`{"b": [1, 2.50], "a": "é"}`), "dir": nil}
	var cases []toolCase
	for _, line := range [][]string{
		{}, {"-h"}, {"--help"}, {"--h"}, {"--he"}, {"-hh"}, {"-hx"}, {"-h=x"}, {"-h="}, {"--help=x"}, {"-h-"}, {"-h", "--foo"},
		{"--foo", "-h"}, {"--indent", "x", "-h"}, {"--foo"}, {"--foo=3"}, {"-x"}, {"-x=1"}, {"-x", "-y"}, {"---x"},
		{"--indent"}, {"--indent", "x"}, {"--indent="}, {"--indent", "-x"}, {"--indent", "--"}, {"--indent", "1.5"},
		{"--indent", "1_0"}, {"--indent", " 3 "}, {"--indent=+2"}, {"--indent", "-2"}, {"--indent", "٣"}, {"--indent", "0x10"},
		{"--indent", "99999999999999999999999"}, {"--indent", "-99999999999999999999999"},
		{"--indent", "4", "--tab"}, {"--tab", "--indent", "4"}, {"--tab", "--indent", "04"}, {"--indent", "2", "--tab"},
		{"--tab", "--indent", "2"}, {"--no-indent", "--compact"}, {"--compact", "--no-indent"}, {"--compact", "--tab"},
		{"--indent", "2", "--compact"}, {"--compact", "--indent", "2"}, {"--indent=4", "--no-indent"}, {"--tab", "--tab"},
		{"--compact", "--compact"}, {"--no", "x"}, {"--no-"}, {"--no-i"}, {"--no-e"}, {"--sort"}, {"--s"}, {"--j"}, {"--c"},
		{"--t"}, {"--i", "2"}, {"--in=2"}, {"--ind=2"}, {"--=x"}, {"--="}, {"--sort-keys=1"}, {"--compact="}, {"--json-lines=x"},
		{"--no-i=3"}, {"in.json"}, {"-"}, {"-", "-"}, {"--", "-x"}, {"--", "-", "--sort-keys"}, {"in.json", "--sort-keys", "out.json"},
		{"in.json", "out.json", "extra"}, {"in.json", "out.json", "x", "y"}, {"nofile"}, {"nofile", "-h"}, {"-h", "nofile"},
		{"nofile", "--no"}, {"dir"}, {"dir/"}, {""}, {"", ""}, {"-1"}, {"--indent", "-1.5"}, {"-.5"}, {"- x"}, {"-h x"},
		{"--sort keys"}, {"in.json", "--indent"}, {"--indent", "3", "--indent", "5"}, {"--", "--"}, {"--", "--", "in.json"},
		{"--", "in.json", "--"}, {"in.json", "--", "out.json"}, {"-", "--json-lines", "out.json"}, {"--json-lines", "nofile"},
		{"it's"}, {"é\u0085\u200b\t\n"}, {"-1\n"}, {"-1\n\n"}, {"-.5\n"}, {"--indent", "it's \"q\""}, {"--indent", "\x7f\u00ad"},
	} {
		cases = append(cases, toolCase{name: "command line", args: line, files: files, stdin: []byte("[1]"), outfile: "out.json"})
	}
	// CPython builds lines as long as memory allows; jsondump's indentation
	// stops at 64 MiB a line (runtime.MaxIndentBytes), but where no line is
	// indented. (TestHugeIndent checks the difference.)
	cases = append(cases,
		toolCase{name: "huge indent, no line to indent", args: []string{"--indent", "100000000"}, stdin: []byte(`"x"`)},
		toolCase{name: "huge indent, no line to indent", args: []string{"--indent", "100000000", "--json-lines"}, stdin: []byte("[]\n{}\n1e400")})
	for _, columns := range []int{1, 10, 20, 25, 26, 27, 30, 40, 45, 50, 60, 70, 75, 76, 77, 78, 79, 81, 90, 100, 120, 200} {
		cases = append(cases,
			toolCase{name: "help", args: []string{"-h"}, columns: columns},
			toolCase{name: "usage", args: []string{"--foo"}, columns: columns})
	}
	vocabulary := []string{
		"-h", "--help", "--sort-keys", "--sort", "--no-ensure-ascii", "--no-e", "--no", "--json-lines", "--json", "--indent",
		"--indent=2", "--indent=x", "--ind", "--tab", "--no-indent", "--compact", "--c", "-", "--", "in.json", "out.json",
		"nofile", "dir", "2", "4", "-1", "x", "-x", "--foo", "--sort-keys=1", "-hx", "-hh", "a b", "04", "", "é",
	}
	g, n := seedN(t, 600)
	for i := 0; i < n; i++ {
		var args []string
		for k, m := 0, g.n(6); k < m; k++ {
			args = append(args, vocabulary[g.n(len(vocabulary))])
		}
		c := toolCase{name: "random command line " + strconv.Itoa(i), args: args, files: files, stdin: []byte(`{"x": [1, "é"]}`), outfile: "out.json"}
		if g.chance(0.2) {
			c.columns = 1 + g.n(150)
		}
		cases = append(cases, c)
	}
	compareWithPython(t, cases)
}

// overBudget is the message for a text of n bytes whose layout would pass
// indentationBudget.
func overBudget(n int) string {
	return "jsondump: the layout of this document would take more than " + strconv.FormatInt(indentationBudget(n), 10) +
		" bytes of line breaks and indentation (jsondump's limit: 1 GiB and 16 bytes for each byte of input)\n"
}

// TestDepthLimit checks the depth the command reads, MaxDepth levels, and
// what it does past them, whatever the depth: CPython's RecursionError
// message as one line, status 1, quickly and without a crash; and a layout
// that would take more memory than indentationBudget allows, which fails
// with a message of its own.
func TestDepthLimit(t *testing.T) {
	recursion := func(kind string) string {
		return "RecursionError: maximum recursion depth exceeded while decoding a JSON " + kind + " from a unicode string\n"
	}
	for _, c := range []struct {
		name, text string
		args       []string
		code       int
		stderr     string
	}{
		{"arrays at the limit", strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth), nil, 0, ""},
		{"objects at the limit", strings.Repeat(`{"a":`, MaxDepth) + "1" + strings.Repeat("}", MaxDepth), []string{"--compact"}, 0, ""},
		{"arrays past the limit", strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1), nil, 1, recursion("array")},
		{"an object past the limit", strings.Repeat("[", MaxDepth) + `{"a": 1}` + strings.Repeat("]", MaxDepth), nil, 1, recursion("object")},
		{"strings with brackets", strings.Repeat(`["[{\"",`, MaxDepth) + "{}" + strings.Repeat("]", MaxDepth), []string{"--sort-keys"}, 1, recursion("object")},
		{"a million [", strings.Repeat("[", 1000000), nil, 1, recursion("array")},
		{"a million {", strings.Repeat(`{"":`, 1000000), []string{"--indent", "1000"}, 1, recursion("object")},
		{"a deep line", "[1]\n" + strings.Repeat("[", 5000) + "\n[2]\n", []string{"--json-lines"}, 1, recursion("array")},
		{"a million [, wide", strings.Repeat("[", 1000000), []string{"--indent", "100000"}, 1, recursion("array")},
		{"a syntax error, deep and wide", strings.Repeat("[", 900) + "]]x", []string{"--indent", "100000"}, 1, "Expecting ',' delimiter: line 1 column 903 (char 902)\n"},
		// Past indentationBudget: CPython would write 10 GB.
		{"deep and wide", strings.Repeat("[", 1000) + strings.Repeat("]", 1000), []string{"--indent", "10000"}, 1, overBudget(2000)},
		{"many deep chains", "[" + strings.Repeat(strings.Repeat("[", 500)+strings.Repeat("]", 500)+",", 200) + "0]", []string{"--indent", "40"}, 1, overBudget(200203)},
	} {
		var stdout, stderr bytes.Buffer
		code := Main(c.args, strings.NewReader(c.text), &stdout, &stderr)
		if code != c.code || stderr.String() != c.stderr {
			t.Errorf("%s: exit %d, stderr %q; want %d, %q", c.name, code, stderr.String(), c.code, c.stderr)
		}
		if code == 0 && c.args == nil && strings.Count(stdout.String(), "\n") < MaxDepth {
			t.Errorf("%s: %d lines of output", c.name, strings.Count(stdout.String(), "\n"))
		}
	}
}

// TestHugeIndent checks jsondump's answer to an indentation of more than
// 64 MiB a line, where CPython writes the lines (and as much as 64 MiB of
// spaces for each: too slow to compare here): a one-line message and status
// 1 once a line would be indented, the output where none is.
func TestHugeIndent(t *testing.T) {
	for _, c := range []struct{ in, out, stderr string }{
		{"[1]", "", "indentation of 67108865 bytes exceeds jsondump's limit of 67108864 bytes\n"},
		{"[1, {}", "", "Expecting ',' delimiter: line 1 column 7 (char 6)\n"},
		{`[[], {}, "x"]`, "", "indentation of 67108865 bytes exceeds jsondump's limit of 67108864 bytes\n"},
		{`{"a": 1e400}`, "", "indentation of 67108865 bytes exceeds jsondump's limit of 67108864 bytes\n"},
		{`[]`, "[]\n", ""},
		{`"x"`, "\"x\"\n", ""},
	} {
		var stdout, stderr bytes.Buffer
		Main([]string{"--indent", "67108865"}, strings.NewReader(c.in), &stdout, &stderr)
		if stdout.String() != c.out || stderr.String() != c.stderr {
			t.Errorf("--indent 67108865 of %s: stdout %q, stderr %q; want %q, %q", c.in, stdout.String(), stderr.String(), c.out, c.stderr)
		}
	}
}
