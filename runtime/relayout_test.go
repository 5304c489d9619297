package jsondumprt

import (
	"bytes"
	"encoding/hex"
	"errors"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jsondump/jsondump/internal/pyoracle"
)

// rlOptionSet is one set of json.dumps options, for Go and for Python. With
// wrap, the text is written as the only element of an array, so at depth 1,
// and Python dumps [json.loads(text)].
type rlOptionSet struct {
	opts []Option
	py   string // keyword arguments of json.dumps
	wrap bool
}

var rlOptionSets = []rlOptionSet{
	{nil, "", false},
	{[]Option{IndentOption(2)}, "indent=2", false},
	{[]Option{IndentStringOption("\t")}, "indent='\\t'", false},
	{[]Option{SeparatorsOption(",", ":")}, "separators=(',', ':')", false},
	{[]Option{EnsureASCIIOption(false)}, "ensure_ascii=False", false},
	{[]Option{SortKeysOption(true)}, "sort_keys=True", false},
	{[]Option{IndentOption(2), SortKeysOption(true), EnsureASCIIOption(false)}, "indent=2, sort_keys=True, ensure_ascii=False", false},
	{[]Option{AllowNaNOption(false)}, "allow_nan=False", false},
	{[]Option{SeparatorsOption(",", ":"), SortKeysOption(true), AllowNaNOption(false)}, "separators=(',', ':'), sort_keys=True, allow_nan=False", false},
	{[]Option{IndentStringOption("ab"), SeparatorsOption(" , ", " : ")}, "indent='ab', separators=(' , ', ' : ')", true},
	{[]Option{IndentOption(3), EnsureASCIIOption(false)}, "indent=3, ensure_ascii=False", true},
}

// rlPyScript reads one hex-encoded text per line, decodes it (it is valid
// UTF-8: the Go side replaced each invalid byte by U+FFFD, as README's mapping
// defines the str of a Go text) and prints, for each option set, "OK " and
// the hex of the UTF-8 of json.dumps(json.loads(text), **opts), lone
// surrogates written \udXXX (the documented choice of appendStringWTF8), or
// "ERR <type>: <message>". Python 3.11 words the out-of-range error without
// the repr of the value, which 3.12 added; the script adds it from the first
// non-finite float in output order.
const rlPyScript = `
import sys, json, math, re
OPTS = [%s]
WRAP = [%s]
SURR = re.compile(rb'\xed[\xa0-\xbf][\x80-\xbf]')
def first_nf(o, sk):
    if isinstance(o, float) and not math.isfinite(o):
        return repr(o)
    if isinstance(o, list):
        for x in o:
            r = first_nf(x, sk)
            if r: return r
    if isinstance(o, dict):
        items = sorted(o.items(), key=lambda kv: kv[0]) if sk else o.items()
        for k, v in items:
            r = first_nf(v, sk)
            if r: return r
    return None
out = sys.stdout
for line in sys.stdin:
    text = bytes.fromhex(line.strip()).decode('utf-8')
    try:
        val = json.loads(text)
        lerr = None
    except Exception as e:
        lerr = e
    for opts, wrap in zip(OPTS, WRAP):
        if lerr is not None:
            out.write('ERR %%s: %%s\n' %% (type(lerr).__name__, lerr))
            continue
        v = [val] if wrap else val
        try:
            s = json.dumps(v, **opts)
        except Exception as e:
            msg = str(e)
            if msg == 'Out of range float values are not JSON compliant':
                msg += ': ' + first_nf(v, opts.get('sort_keys', False))
            out.write('ERR %%s: %%s\n' %% (type(e).__name__, msg))
            continue
        b = SURR.sub(lambda m: ('\\u%%04x' %% ord(m.group().decode('utf-8', 'surrogatepass'))).encode(), s.encode('utf-8', 'surrogatepass'))
        out.write('OK ' + b.hex() + '\n')
`

// rlBuildScript fills rlPyScript's two lists.
func rlBuildScript(sets []rlOptionSet) string {
	var opts, wraps []string
	for _, o := range sets {
		opts = append(opts, "dict("+o.py+")")
		if o.wrap {
			wraps = append(wraps, "True")
		} else {
			wraps = append(wraps, "False")
		}
	}
	s := strings.Replace(rlPyScript, "%s", strings.Join(opts, ", "), 1)
	s = strings.Replace(s, "%s", strings.Join(wraps, ", "), 1)
	return strings.ReplaceAll(s, "%%", "%")
}

// rlPythonText is the text Python reads for t: each invalid byte U+FFFD.
func rlPythonText(t []byte) []byte {
	var out []byte
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRune(t[i:])
		if r == utf8.RuneError && n == 1 {
			out = append(out, "\uFFFD"...)
		} else {
			out = append(out, t[i:i+n]...)
		}
		i += n
	}
	return out
}

// rlGoResult runs relayout under o and returns what the Python script prints.
func rlGoResult(text []byte, o rlOptionSet) string {
	e := NewEncoder(nil, o.opts)
	var err error
	if o.wrap {
		if e.BeginArray() {
			e.Elem()
			err = e.relayout(text)
			if err == nil {
				e.EndArray()
			}
		}
	} else {
		err = e.relayout(text)
	}
	out, ferr := e.Finish()
	if err == nil && ferr != nil {
		err = ferr
	}
	if err != nil {
		return "ERR " + rlErrType(err) + ": " + err.Error()
	}
	return "OK " + hex.EncodeToString(out)
}

func rlErrType(err error) string {
	var ij *invalidJSON
	var ve *ValueError
	var re *RecursionError
	switch {
	case errors.As(err, &ij):
		return "JSONDecodeError"
	case errors.As(err, &ve):
		return "ValueError"
	case errors.As(err, &re):
		return "RecursionError"
	}
	return "?"
}

// rlGen generates random JSON texts, valid or nearly so.
type rlGen struct {
	r   *rand.Rand
	buf []byte
}

func (g *rlGen) n(k int) int { return g.r.IntN(k) }

func (g *rlGen) ws() {
	if g.n(3) != 0 {
		return
	}
	for k := g.n(4); k >= 0; k-- {
		g.buf = append(g.buf, " \t\n\r"[g.n(4)])
	}
}

func (g *rlGen) digits(k int, lead bool) {
	for i := 0; i < k; i++ {
		if i == 0 && lead {
			g.buf = append(g.buf, byte('1'+g.n(9)))
		} else {
			g.buf = append(g.buf, byte('0'+g.n(10)))
		}
	}
}

func (g *rlGen) number() {
	switch k := g.n(200); {
	case k < 20:
		g.buf = append(g.buf, []string{"0", "-0", "0.0", "-0.0", "1e400", "-1e400", "1e-400", "-1e-400", "1E5", "1.50", "100.000", "2e-5", "0.1e1", "1e16", "1e15", "123456789012345678901234567890.5", "9007199254740993", "-9223372036854775809", "18446744073709551616", "1e308", "1.7976931348623157e308", "1.7976931348623159e308", "5e-324", "2.4703282292062327e-324", "0.000001", "0.0000001", "1e+22", "1E-0", "-0e0"}[g.n(29)]...)
		return
	case k < 24:
		g.digits(1+g.n(4300), true) // a big int, up to the limit
		return
	case k < 25:
		g.digits(4301+g.n(3), true) // over the limit: ValueError
		return
	case k < 28:
		g.buf = append(g.buf, "0."...) // a long float literal
		g.digits(1+g.n(1200), false)
		g.buf = append(g.buf, 'e')
		g.buf = strconv.AppendInt(g.buf, int64(g.n(700)-350), 10)
		return
	}
	if g.n(3) == 0 {
		g.buf = append(g.buf, '-')
	}
	if g.n(4) == 0 {
		g.buf = append(g.buf, '0')
	} else {
		g.digits(1+g.n(25), true)
	}
	if g.n(2) == 0 {
		g.buf = append(g.buf, '.')
		g.digits(1+g.n(20), false)
	}
	if g.n(3) == 0 {
		g.buf = append(g.buf, "eE"[g.n(2)])
		switch g.n(3) {
		case 0:
			g.buf = append(g.buf, '+')
		case 1:
			g.buf = append(g.buf, '-')
		}
		g.digits(1+g.n(3), false)
	}
}

var rlRunes = []rune{'a', 'b', 'z', 'A', ' ', '~', '/', '<', '&', '\'', 0x7f, 0x80, 0x9f, 0xa0, 0xe9, 0xff, 0x100, 0x2028, 0x2029, 0xd7ff, 0xe000, 0xfeff, 0xfffd, 0xffff, 0x10000, 0x1f600, 0x10ffff, 0x4e2d, 0x0}

// strChar appends one character of a string literal, raw or escaped.
func (g *rlGen) strChar() {
	switch g.n(10) {
	case 0, 1, 2:
		g.buf = append(g.buf, "abcxyz 0123"[g.n(11)])
	case 3:
		r := rlRunes[g.n(len(rlRunes))]
		if r < 0x20 || r == '"' || r == '\\' {
			r = 'q'
		}
		g.buf = utf8.AppendRune(g.buf, r)
	case 4:
		g.buf = append(g.buf, '\\', `"\/bfnrt`[g.n(8)])
	case 5:
		// \u escape of any BMP code point, hex in either case
		r := rlRunes[g.n(len(rlRunes))]
		if g.n(3) == 0 {
			r = rune(g.n(0x10000))
		}
		if r >= 0x10000 {
			r = 0x20ac
		}
		h := []byte("\\u" + hex4(r))
		if g.n(2) == 0 {
			h = bytes.ToUpper(h)
			h[1] = 'u'
		}
		g.buf = append(g.buf, h...)
	case 6:
		// a surrogate pair
		r := rune(0x10000 + g.n(0x100000))
		r -= 0x10000
		g.buf = append(g.buf, "\\u"+hex4(0xD800+r>>10)+"\\u"+hex4(0xDC00+r&0x3FF)...)
	case 7:
		// lone surrogates, in various company
		switch g.n(4) {
		case 0:
			g.buf = append(g.buf, "\\u"+hex4(rune(0xD800+g.n(0x400)))...)
		case 1:
			g.buf = append(g.buf, "\\u"+hex4(rune(0xDC00+g.n(0x400)))...)
		case 2:
			g.buf = append(g.buf, "\\udbff\\ud800\\udc00"...)
		default:
			g.buf = append(g.buf, "\\udc00\\ud800x"...)
		}
	case 8:
		// raw invalid UTF-8, raw encoded surrogate
		g.buf = append(g.buf, []string{"\xff", "\xfe", "\xc0\xaf", "\xe2\x82", "\xed\xa0\x80", "\xf0\x9f\x98", "\x80"}[g.n(7)]...)
	default:
		g.buf = utf8.AppendRune(g.buf, rune(0x20+g.n(0x5f)))
		if g.buf[len(g.buf)-1] == '"' || g.buf[len(g.buf)-1] == '\\' {
			g.buf[len(g.buf)-1] = '.'
		}
	}
}

func hex4(r rune) string {
	const h = "0123456789abcdef"
	return string([]byte{h[r>>12&15], h[r>>8&15], h[r>>4&15], h[r&15]})
}

func (g *rlGen) str() {
	g.buf = append(g.buf, '"')
	for k := g.n(8); k > 0; k-- {
		g.strChar()
	}
	g.buf = append(g.buf, '"')
}

// key is a key from a small set, in several spellings, so that keys repeat.
func (g *rlGen) key() {
	keys := []string{`"a"`, `"\u0061"`, `"b"`, `"B"`, `""`, `"aa"`, `"\u00e9"`, `"é"`, `"😀"`, `"\ud83d\ude00"`, `"\ud83d"`, `"\uffff"`, `"~"`, `"\""`, `"#"`, "\"\xff\"", "\"\xfe\"", `"\ufffd"`, `"\udc00"`, `"\u0000"`, `"z"`}
	if g.n(4) == 0 {
		g.str()
		return
	}
	g.buf = append(g.buf, keys[g.n(len(keys))]...)
}

func (g *rlGen) value(depth int) {
	k := g.n(10)
	if depth > 5 && k >= 7 {
		k = g.n(7)
	}
	switch k {
	case 0:
		g.buf = append(g.buf, []string{"null", "true", "false", "NaN", "Infinity", "-Infinity"}[g.n(6)]...)
	case 1, 2, 3:
		g.number()
	case 4, 5, 6:
		g.str()
	case 7, 8:
		g.buf = append(g.buf, '[')
		g.ws()
		for i, m := 0, g.n(5); i < m; i++ {
			if i > 0 {
				g.buf = append(g.buf, ',')
				g.ws()
			}
			g.value(depth + 1)
			g.ws()
		}
		g.buf = append(g.buf, ']')
	default:
		g.buf = append(g.buf, '{')
		g.ws()
		for i, m := 0, g.n(7); i < m; i++ {
			if i > 0 {
				g.buf = append(g.buf, ',')
				g.ws()
			}
			g.key()
			g.ws()
			g.buf = append(g.buf, ':')
			g.ws()
			g.value(depth + 1)
			g.ws()
		}
		g.buf = append(g.buf, '}')
	}
}

// text returns a random text: mostly valid JSON, sometimes mutated.
func (g *rlGen) text() []byte {
	g.buf = g.buf[:0]
	g.ws()
	g.value(0)
	g.ws()
	t := append([]byte(nil), g.buf...)
	if g.n(8) == 0 && len(t) > 0 {
		// One random edit: most make invalid JSON, of every error kind.
		p := g.n(len(t))
		switch g.n(3) {
		case 0:
			t = append(t[:p], t[p+1:]...)
		case 1:
			t = append(t[:p], append([]byte{`,:{}[]"\ 0e.-x\x01`[g.n(17)]}, t[p:]...)...)
		default:
			t[p] = `,:{}[]"\ 0e.-x`[g.n(14)]
		}
	}
	return t
}

// TestRelayoutPython compares relayout with CPython's
// json.dumps(json.loads(text), **opts) on thousands of random texts under
// each option set of rlOptionSets, byte for byte, errors included.
func TestRelayoutPython(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 500
	}
	g := &rlGen{r: rand.New(rand.NewPCG(1, 2))}
	texts := [][]byte{}
	for i := 0; i < n; i++ {
		texts = append(texts, g.text())
	}
	texts = append(texts, rlInvalid...)
	var stdin bytes.Buffer
	for _, tx := range texts {
		stdin.WriteString(hex.EncodeToString(rlPythonText(tx)))
		stdin.WriteByte('\n')
	}
	lines := pyoracle.Lines(pyoracle.Run(t, rlBuildScript(rlOptionSets), stdin.Bytes()))
	if len(lines) != len(texts)*len(rlOptionSets) {
		t.Fatalf("python printed %d lines, want %d", len(lines), len(texts)*len(rlOptionSets))
	}
	fails, errs := 0, map[string]int{}
	for i, tx := range texts {
		for j, o := range rlOptionSets {
			want := lines[i*len(rlOptionSets)+j]
			got := rlGoResult(tx, o)
			if strings.HasPrefix(want, "ERR") {
				kind, _, _ := strings.Cut(want, ":")
				if strings.Contains(want, "Out of range") {
					kind += " (out of range)"
				}
				errs[kind]++
			}
			if got != want {
				fails++
				if fails <= 10 {
					t.Errorf("text %q, options (%s):\n got %s\nwant %s", tx, o.py, rlShow(got), rlShow(want))
				}
			}
		}
	}
	if fails > 10 {
		t.Errorf("%d mismatches in all", fails)
	}
	t.Logf("%d texts x %d option sets; Python errors: %v", len(texts), len(rlOptionSets), errs)
}

// rlShow makes an "OK <hex>" line readable.
func rlShow(line string) string {
	if h, ok := strings.CutPrefix(line, "OK "); ok {
		b, _ := hex.DecodeString(h)
		return "OK " + strconv.Quote(string(b))
	}
	return line
}

// rlInvalid are texts that json.loads rejects.
var rlInvalid = [][]byte{
	[]byte(""),
	[]byte("   "),
	[]byte("[1,]"),
	[]byte(`{"a" 1}`),
	[]byte(`{"a":1,}`),
	[]byte(`{"a":1 "b":2}`),
	[]byte(`{1:2}`),
	[]byte("01"),
	[]byte("1."),
	[]byte("1e"),
	[]byte("1e+"),
	[]byte("-"),
	[]byte("[-]"),
	[]byte("-Inf"),
	[]byte("nul"),
	[]byte("[nullx]"),
	[]byte("[1] x"),
	[]byte("[1] [2]"),
	[]byte(`"\x"`),
	[]byte(`"\q"`),
	[]byte("\"a\x01b\""),
	[]byte("\"a\nb\""),
	[]byte("\"a\x1fb\""),
	[]byte(`"abc`),
	[]byte(`"\`),
	[]byte(`"\u12`),
	[]byte(`"\u1234`),
	[]byte(`"\u12x4"`),
	[]byte(`"\ud83d\u12x4"`),
	[]byte(`"\ud83d\ude0`),
	[]byte(`"\ud83d\ude00`),
	[]byte(`"\ud83d\`),
	[]byte(`"é\x"`),
	[]byte("\"\xff\\x\""),
	[]byte("[\"\xe2\x82\", \xff]"),
	[]byte("[\n1,\n2\n"),
	[]byte("{\n\"a\":\n"),
	[]byte("["),
	[]byte("{"),
	[]byte("[[[[]]]"),
	[]byte("]"),
	[]byte("\xef\xbb\xbf1"),
	[]byte("'a'"),
	[]byte("True"),
	[]byte("+1"),
	[]byte(".5"),
	[]byte("0x10"),
	[]byte("1_000"),
	[]byte("\x00"),
	[]byte("[1]\x00"),
	[]byte("\u00a01"),
	[]byte("\f1"),
	[]byte("[" + strings.Repeat("1", 4301) + "]"),
	[]byte("-" + strings.Repeat("9", 4301)),
	[]byte("[1e400, 1 2]"),
	[]byte("[NaN, "),
}

// TestRelayoutInvalid checks that each text of rlInvalid is an error, and
// that CPython rejects it too with the same message.
func TestRelayoutInvalid(t *testing.T) {
	var stdin bytes.Buffer
	for _, tx := range rlInvalid {
		stdin.WriteString(hex.EncodeToString(rlPythonText(tx)))
		stdin.WriteByte('\n')
	}
	sets := rlOptionSets[:1]
	lines := pyoracle.Lines(pyoracle.Run(t, rlBuildScript(sets), stdin.Bytes()))
	if len(lines) != len(rlInvalid) {
		t.Fatalf("python printed %d lines, want %d", len(lines), len(rlInvalid))
	}
	for i, tx := range rlInvalid {
		e := NewEncoder(nil, nil)
		err := e.relayout(tx)
		out, _ := e.Finish()
		if err == nil {
			t.Errorf("relayout(%q) = %q, want an error", tx, out)
			continue
		}
		if !strings.HasPrefix(lines[i], "ERR ") {
			t.Errorf("python accepts %q: %s", tx, rlShow(lines[i]))
		}
		if got := "ERR " + rlErrType(err) + ": " + err.Error(); got != lines[i] {
			t.Errorf("relayout(%q):\n got %s\nwant %s", tx, got, lines[i])
		}
	}
}

// TestRelayoutExamples checks hand-picked cases of json.dumps(json.loads(text)).
func TestRelayoutExamples(t *testing.T) {
	cases := []struct {
		in   string
		opts []Option
		want string
	}{
		{`{"a": 1, "b": 2, "a": 3}`, nil, `{"a": 3, "b": 2}`},
		{`{"b": 1, "a": 2, "b": 3}`, []Option{SortKeysOption(true)}, `{"a": 2, "b": 3}`},
		{` [ 1.50 , 1E5, -0, -0.0, 1e400, 1e-400, -1e-400, 2e-5 ] `, nil, `[1.5, 100000.0, 0, -0.0, Infinity, 0.0, -0.0, 2e-05]`},
		{`"\u00E9\/"`, nil, `"\u00e9/"`},
		{`"\ud83d\ude00\ud800"`, []Option{EnsureASCIIOption(false)}, "\"😀\\ud800\""},
		{`{}`, []Option{IndentOption(2)}, `{}`},
		{`[[], {}, [[]]]`, []Option{IndentOption(2)}, "[\n  [],\n  {},\n  [\n    []\n  ]\n]"},
		{`{"a":[1,{}],"b":[]}`, []Option{IndentOption(2)}, "{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": []\n}"},
		{`{"a": {"x": 1, "x": 2}, "a": {"y": [1, 2], "y": 3}, "c": 0}`, []Option{IndentOption(1)}, "{\n \"a\": {\n  \"y\": 3\n },\n \"c\": 0\n}"},
		{"\"a\xffb\"", nil, `"a\ufffdb"`},
		{"\"\xed\xa0\x80\"", nil, `"\ufffd\ufffd\ufffd"`},
		{`{"\u0061": 1, "a": 2}`, nil, `{"a": 2}`},
		{"{\"\xfe\": 1, \"\xff\": 2}", nil, `{"\ufffd": 2}`},
		{`5`, []Option{IndentOption(2)}, `5`},
		{`null`, nil, `null`},
		{`[NaN, Infinity, -Infinity]`, nil, `[NaN, Infinity, -Infinity]`},
		{`{"a": NaN, "a": 1}`, []Option{AllowNaNOption(false)}, `{"a": 1}`},
	}
	for _, c := range cases {
		e := NewEncoder(nil, c.opts)
		err := e.relayout([]byte(c.in))
		out, _ := e.Finish()
		if err != nil || string(out) != c.want {
			t.Errorf("relayout(%q) = %q, %v; want %q", c.in, out, err, c.want)
		}
	}
}

// TestRelayoutErrors checks the kinds of the errors that are not decode errors.
func TestRelayoutErrors(t *testing.T) {
	cases := []struct {
		in   string
		opts []Option
		want string
	}{
		{`{"b": Infinity, "a": -Infinity}`, []Option{AllowNaNOption(false), SortKeysOption(true)}, "Out of range float values are not JSON compliant: -inf"},
		{`{"b": Infinity, "a": -Infinity}`, []Option{AllowNaNOption(false)}, "Out of range float values are not JSON compliant: inf"},
		{`[1, [2, {"x": -1e999}], NaN]`, []Option{AllowNaNOption(false)}, "Out of range float values are not JSON compliant: -inf"},
		{`[NaN, 1 2]`, []Option{AllowNaNOption(false)}, "Expecting ',' delimiter: line 1 column 9 (char 8)"},
		{strings.Repeat("[", 5) + strings.Repeat("]", 5), []Option{MaxDepthOption(4)}, msgRecursion},
		{strings.Repeat(`{"a":`, 5) + "1" + strings.Repeat("}", 5), []Option{MaxDepthOption(5)}, ""},
		{strings.Repeat(`{"a":`, 6) + "1" + strings.Repeat("}", 6), []Option{MaxDepthOption(5)}, msgRecursion},
	}
	for _, c := range cases {
		e := NewEncoder(nil, c.opts)
		err := e.relayout([]byte(c.in))
		_, ferr := e.Finish()
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("relayout(%q) error %q, want %q", c.in, got, c.want)
		}
		var ve *ValueError
		var re *RecursionError
		if errors.As(err, &ve) || errors.As(err, &re) {
			if ferr != err {
				t.Errorf("relayout(%q): Finish gives %v, want the recorded %v", c.in, ferr, err)
			}
		}
	}
	// Deep text does not use Go's stack.
	deep := strings.Repeat("[", 1_000_000) + strings.Repeat("]", 1_000_000)
	e := NewEncoder(nil, nil)
	var re *RecursionError
	if err := e.relayout([]byte(deep)); !errors.As(err, &re) {
		t.Errorf("deep text: error %v, want RecursionError", err)
	}
	e.Finish()
	e = NewEncoder(nil, []Option{MaxDepthOption(MaxMaxDepth)})
	if err := e.relayout([]byte(deep[1_000_000-MaxMaxDepth : 1_000_000+MaxMaxDepth])); err != nil {
		t.Errorf("deep text under MaxDepth(%d): %v", MaxMaxDepth, err)
	}
	e.Finish()
	// Invalid JSON leaves the Encoder usable for the caller to record it.
	e = NewEncoder(nil, []Option{IndentOption(2)})
	e.BeginArray()
	e.Elem()
	if err := e.relayout([]byte(`[{"a": [1, `)); err == nil || e.depth != 1 {
		t.Errorf("error %v, depth %d after a failed relayout at depth 1", err, e.depth)
	}
	e.Finish()
}

// TestRelayoutWide checks objects past the pairwise duplicate check and past
// the arrays on relayout's stack against a plain map.
func TestRelayoutWide(t *testing.T) {
	for _, n := range []int{5, 13, 40, 300} {
		for _, sortKeys := range []bool{false, true} {
			var in bytes.Buffer
			in.WriteByte('{')
			for i := 0; i < n; i++ {
				if i > 0 {
					in.WriteByte(',')
				}
				k := (i * 7) % (n/2 + 1)
				in.WriteString(`"k` + strconv.Itoa(k) + `":` + strconv.Itoa(i))
			}
			in.WriteByte('}')
			// Expected: first-seen key order (or sorted), last value.
			var order []string
			last := map[string]int{}
			for i := 0; i < n; i++ {
				k := "k" + strconv.Itoa((i*7)%(n/2+1))
				if _, ok := last[k]; !ok {
					order = append(order, k)
				}
				last[k] = i
			}
			if sortKeys {
				slicesSortStrings(order)
			}
			var want bytes.Buffer
			want.WriteByte('{')
			for i, k := range order {
				if i > 0 {
					want.WriteByte(',')
				}
				want.WriteString(`"` + k + `":` + strconv.Itoa(last[k]))
			}
			want.WriteByte('}')
			e := NewEncoder(nil, []Option{SeparatorsOption(",", ":"), SortKeysOption(sortKeys)})
			err := e.relayout(in.Bytes())
			out, _ := e.Finish()
			if err != nil || !bytes.Equal(out, want.Bytes()) {
				t.Errorf("n=%d sort=%v: got %s, %v\nwant %s", n, sortKeys, out, err, want.Bytes())
			}
		}
	}
}

func slicesSortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// TestRelayoutAllocs checks that the common case, no repeated keys and
// SortKeys off, allocates nothing.
func TestRelayoutAllocs(t *testing.T) {
	text := []byte(`{"id": 7, "name": "caf\u00e9 \ud83d\ude00", "tags": ["a", "b"], "ok": true,
		"n": null, "f": [1.50, 1E5, -0, 12345678901234567890123], "nested": {"x": {"y": [[], {}]}}}`)
	buf := make([]byte, 0, 4096)
	for _, opts := range [][]Option{nil, {IndentOption(2)}, {EnsureASCIIOption(false)}} {
		e := NewEncoder(buf[:0], opts)
		if n := testing.AllocsPerRun(100, func() {
			e.buf = e.buf[:0]
			if err := e.relayout(text); err != nil {
				t.Fatal(err)
			}
		}); n != 0 {
			t.Errorf("relayout with %v: %v allocations, want 0", opts, n)
		}
		e.Finish()
	}
	// Through the pool, where the pool itself does not allocate (it drops
	// items at random under the race detector).
	if n := testing.AllocsPerRun(10, func() { encoderPool.Put(encoderPool.Get()) }); n != 0 {
		t.Skip("sync.Pool allocates here (race detector)")
	}
	if n := testing.AllocsPerRun(100, func() {
		e := NewEncoder(buf[:0], nil)
		if err := e.relayout(text); err != nil {
			t.Fatal(err)
		}
		buf, _ = e.Finish()
	}); n != 0 {
		t.Errorf("NewEncoder, relayout, Finish: %v allocations, want 0", n)
	}
}

// TestRelayoutPast2GiB writes a RawMessage of more than 2 GiB whose second
// member starts past byte 2³¹ and moves to the front under SortKeys: the
// positions of the re-layout are ints, not int32s. It needs about 9 GB of
// memory and a few seconds, so -short skips it.
func TestRelayoutPast2GiB(t *testing.T) {
	if testing.Short() {
		t.Skip("needs ~5 GB of memory; skipped under -short")
	}
	const n = 1<<31 + 1000
	const start, end = `{"b": "`, `", "a": 1}`
	text := make([]byte, len(start)+n+len(end))
	copy(text, start)
	for i := len(start); i < len(start)+n; i++ {
		text[i] = 'x'
	}
	copy(text[len(start)+n:], end)
	// Dumps' Encoder, into a buffer of the right size: nothing is copied
	// but the moved member.
	e := get(make([]byte, 0, len(text)+64), []Option{SortKeysOption(true)})
	e.flushAt = math.MaxInt
	e.RawMessage(text)
	out, err := e.buf, e.err
	e.buf = nil
	e.release()
	text = nil
	if err != nil {
		t.Fatal(err)
	}
	const head, tail = `{"a": 1, "b": "`, `"}`
	if len(out) != len(head)+n+len(tail) || string(out[:len(head)]) != head || string(out[len(out)-len(tail):]) != tail {
		t.Fatalf("got %d bytes, starting %q and ending %q", len(out), out[:min(len(out), 40)], out[max(0, len(out)-40):])
	}
	if i := bytes.IndexFunc(out[len(head):len(out)-len(tail)], func(r rune) bool { return r != 'x' }); i >= 0 {
		t.Fatalf("byte %d of the string is not x", i)
	}
}
