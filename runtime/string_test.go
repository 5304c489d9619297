package jsondumprt

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jsondump/jsondump/internal/pyoracle"
)

// A strCase is an input string and the two literals CPython writes for it.
type strCase struct {
	in    string // the Go input (bytes, possibly invalid UTF-8 or WTF-8)
	ascii string // json.dumps(s)
	utf8  string // json.dumps(s, ensure_ascii=False).encode('utf-8')
}

// strCases were printed by CPython 3.11.7, once, with
//
//	for s in cases: print(json.dumps(s), json.dumps(s, ensure_ascii=False).encode('utf-8'))
//
// where s, given in each row's comment, is the Python str that stands for the
// Go input: the same text, with U+FFFD in place of each invalid byte.
var strCases = []strCase{
	// s = ''
	{"", `""`, "\"\""},
	// s = 'hello, world'
	{"hello, world", `"hello, world"`, "\"hello, world\""},
	// s = '"'
	{"\"", `"\""`, "\"\\\"\""},
	// s = '\\'
	{"\\", `"\\"`, "\"\\\\\""},
	// s = 'a"b\\c'
	{"a\"b\\c", `"a\"b\\c"`, "\"a\\\"b\\\\c\""},
	// s = '\x08\x0c\n\r\t'
	{"\b\f\n\r\t", `"\b\f\n\r\t"`, "\"\\b\\f\\n\\r\\t\""},
	// s = '\x00\x01\x0b\x0e\x1b\x1f'
	{"\x00\x01\v\x0e\x1b\x1f", `"\u0000\u0001\u000b\u000e\u001b\u001f"`, "\"\\u0000\\u0001\\u000b\\u000e\\u001b\\u001f\""},
	// s = ' ~'
	{" ~", `" ~"`, "\" ~\""},
	// s = '\x7f'
	{"\x7f", `"\u007f"`, "\"\x7f\""},
	// s = "</script>&'/"
	{"</script>&'/", `"</script>&'/"`, "\"</script>&'/\""},
	// s = '\x80\x85\x9f\xa0\xff'
	{"\u0080\u0085\u009f\u00a0ÿ", `"\u0080\u0085\u009f\u00a0\u00ff"`, "\"\u0080\u0085\u009f\u00a0ÿ\""},
	// s = '\xe9'
	{"é", `"\u00e9"`, "\"é\""},
	// s = 'na\xefve caf\xe9'
	{"naïve café", `"na\u00efve caf\u00e9"`, "\"naïve café\""},
	// s = '\u07ff\u0800'
	{"߿ࠀ", `"\u07ff\u0800"`, "\"߿ࠀ\""},
	// s = '\u2028\u2029'
	{"\u2028\u2029", `"\u2028\u2029"`, "\"\u2028\u2029\""},
	// s = '\ufeff\ufffd\uffff'
	{"\ufeff\uFFFD\uffff", `"\ufeff\ufffd\uffff"`, "\"\ufeff\uFFFD\uffff\""},
	// s = '\uabcd'
	{"ꯍ", `"\uabcd"`, "\"ꯍ\""},
	// s = '\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8'
	{"日本語のテキスト", `"\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8"`, "\"日本語のテキスト\""},
	// s = '\U0001f600'
	{"😀", `"\ud83d\ude00"`, "\"😀\""},
	// s = '\U00010000\U0010ffff'
	{"𐀀\U0010ffff", `"\ud800\udc00\udbff\udfff"`, "\"𐀀\U0010ffff\""},
	// s = '\xe9\U0001f600\x7f\x1f"\\/'
	{"é😀\x7f\x1f\"\\/", `"\u00e9\ud83d\ude00\u007f\u001f\"\\/"`, "\"é😀\x7f\\u001f\\\"\\\\/\""},
	// s = 'abcdefgh"ijklmnop'
	{"abcdefgh\"ijklmnop", `"abcdefgh\"ijklmnop"`, "\"abcdefgh\\\"ijklmnop\""},
	// s = 'abcdefghijklmnop\x7f'
	{"abcdefghijklmnop\x7f", `"abcdefghijklmnop\u007f"`, "\"abcdefghijklmnop\x7f\""},
	// s = 'abcdefghijklmnop\xe9'
	{"abcdefghijklmnopé", `"abcdefghijklmnop\u00e9"`, "\"abcdefghijklmnopé\""},
	// s = '0123456789abcdef\n0123456789abcdef'
	{"0123456789abcdef\n0123456789abcdef", `"0123456789abcdef\n0123456789abcdef"`, "\"0123456789abcdef\\n0123456789abcdef\""},
	// s = 'a\ufffdb'
	{"a\xffb", `"a\ufffdb"`, "\"a\uFFFDb\""},
	// s = '\ufffd'
	{"\x80", `"\ufffd"`, "\"\uFFFD\""},
	// s = '\ufffd\ufffd'
	{"\xc0\xaf", `"\ufffd\ufffd"`, "\"\uFFFD\uFFFD\""},
	// s = '\ufffd'
	{"\xc3", `"\ufffd"`, "\"\uFFFD\""},
	// s = '\ufffd\ufffd'
	{"\xe2\x82", `"\ufffd\ufffd"`, "\"\uFFFD\uFFFD\""},
	// s = '\u20ac'
	{"€", `"\u20ac"`, "\"€\""},
	// s = '\ufffd\ufffd\ufffd'
	{"\xf0\x9f\x98", `"\ufffd\ufffd\ufffd"`, "\"\uFFFD\uFFFD\uFFFD\""},
	// s = '\ufffd\ufffd\ufffdx'
	{"\xf0\x9f\x98x", `"\ufffd\ufffd\ufffdx"`, "\"\uFFFD\uFFFD\uFFFDx\""},
	// s = '\ufffd\ufffd\ufffd'
	{"\xed\xa0\x80", `"\ufffd\ufffd\ufffd"`, "\"\uFFFD\uFFFD\uFFFD\""},
	// s = '\ud7ff'
	{"\ud7ff", `"\ud7ff"`, "\"\ud7ff\""},
	// s = '\ufffd\ufffd\ufffd\ufffd'
	{"\xf4\x90\x80\x80", `"\ufffd\ufffd\ufffd\ufffd"`, "\"\uFFFD\uFFFD\uFFFD\uFFFD\""},
	// s = '\ufffd\ufffd\ufffd'
	{"\xf5\xfe\xff", `"\ufffd\ufffd\ufffd"`, "\"\uFFFD\uFFFD\uFFFD\""},
	// s = '\ufffd\ufffd\ufffd'
	{"\xe0\x80\xaf", `"\ufffd\ufffd\ufffd"`, "\"\uFFFD\uFFFD\uFFFD\""},
	// s = '01234567\ufffd89abcdef'
	{"01234567\xff89abcdef", `"01234567\ufffd89abcdef"`, "\"01234567\uFFFD89abcdef\""},
}

// strWTF8Cases were printed by CPython 3.11.7 as strCases were; the inputs are
// s.encode('utf-8', 'surrogatepass'), or the bytes shown where s has U+FFFD.
// For the utf8 column the lone surrogates that CPython leaves raw in its output
// str were then replaced by '\\u%04x' % ord(c), the one documented difference
// of appendStringWTF8 (CPython's str has no UTF-8 form there).
var strWTF8Cases = []strCase{
	// s = '\ud800'
	{"\xed\xa0\x80", `"\ud800"`, "\"\\ud800\""},
	// s = '\udbff'
	{"\xed\xaf\xbf", `"\udbff"`, "\"\\udbff\""},
	// s = '\udc00'
	{"\xed\xb0\x80", `"\udc00"`, "\"\\udc00\""},
	// s = '\udfff'
	{"\xed\xbf\xbf", `"\udfff"`, "\"\\udfff\""},
	// s = 'x\ud800y'
	{"x\xed\xa0\x80y", `"x\ud800y"`, "\"x\\ud800y\""},
	// s = '\ud83d\ude00'
	{"\xed\xa0\xbd\xed\xb8\x80", `"\ud83d\ude00"`, "\"\\ud83d\\ude00\""},
	// s = '\ude00\ud83d'
	{"\xed\xb8\x80\xed\xa0\xbd", `"\ude00\ud83d"`, "\"\\ude00\\ud83d\""},
	// s = '\xe9\udcff\U0001f600'
	{"é\xed\xb3\xbf😀", `"\u00e9\udcff\ud83d\ude00"`, "\"é\\udcff😀\""},
	// s = 'abcdefgh\ud800ijklmnop'
	{"abcdefgh\xed\xa0\x80ijklmnop", `"abcdefgh\ud800ijklmnop"`, "\"abcdefgh\\ud800ijklmnop\""},
	// s = '\ufffd\ufffd'
	{"\xed\xa0", `"\ufffd\ufffd"`, "\"\uFFFD\uFFFD\""},
	// s = '\ufffd\ufffdx'
	{"\xed\xa0x", `"\ufffd\ufffdx"`, "\"\uFFFD\uFFFDx\""},
	// s = '\ufffd\ufffd\ufffd'
	{"\xed\xc0\x80", `"\ufffd\ufffd\ufffd"`, "\"\uFFFD\uFFFD\uFFFD\""},
	// s = '\ufffd\ufffd\ufffd'
	{"\xed\xa0\xc0", `"\ufffd\ufffd\ufffd"`, "\"\uFFFD\uFFFD\uFFFD\""},
	// s = '\ud7ff'
	{"\ud7ff", `"\ud7ff"`, "\"\ud7ff\""},
	// s = '\ue000'
	{"\ue000", `"\ue000"`, "\"\ue000\""},
	// s = 'a\ufffdb'
	{"a\xffb", `"a\ufffdb"`, "\"a\uFFFDb\""},
}

func TestAppendStringTable(t *testing.T) {
	for i, c := range strCases {
		for _, ascii := range []bool{true, false} {
			want := c.utf8
			if ascii {
				want = c.ascii
			}
			if got := appendString(nil, c.in, ascii); string(got) != want {
				t.Errorf("strCases[%d]: appendString(nil, %q, %v) = %q, want %q", i, c.in, ascii, got, want)
			}
			// The bytes form, and appending after existing content.
			got := appendStringBytes([]byte("[1, "), []byte(c.in), ascii)
			if string(got) != "[1, "+want {
				t.Errorf("strCases[%d]: appendStringBytes(%q, %q, %v) = %q, want %q", i, "[1, ", c.in, ascii, got, "[1, "+want)
			}
			// Without surrogate sequences, WTF-8 is read as UTF-8.
			if !strHasSurrogate(c.in) {
				if got := appendStringWTF8(nil, c.in, ascii); string(got) != want {
					t.Errorf("strCases[%d]: appendStringWTF8(nil, %q, %v) = %q, want %q", i, c.in, ascii, got, want)
				}
			}
		}
	}
}

func TestAppendStringWTF8Table(t *testing.T) {
	for i, c := range strWTF8Cases {
		for _, ascii := range []bool{true, false} {
			want := c.utf8
			if ascii {
				want = c.ascii
			}
			if got := appendStringWTF8([]byte("x"), c.in, ascii); string(got) != "x"+want {
				t.Errorf("strWTF8Cases[%d]: appendStringWTF8(%q, %q, %v) = %q, want %q", i, "x", c.in, ascii, got, "x"+want)
			}
		}
	}
}

// strHasSurrogate reports whether s holds the WTF-8 form of a surrogate,
// ED A0..BF 80..BF.
func strHasSurrogate(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == 0xED && 0xA0 <= s[i+1] && s[i+1] <= 0xBF && 0x80 <= s[i+2] && s[i+2] <= 0xBF {
			return true
		}
	}
	return false
}

// strPythonText returns the Python str that stands for s, as UTF-8: s with
// U+FFFD in place of each byte that is not part of valid UTF-8. This is Go's
// own rule (range over a string), deliberately not strings.ToValidUTF8, which
// replaces a whole run of invalid bytes with one U+FFFD.
func strPythonText(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
	}
	return b.String()
}

// strWTF8CodePoints returns the code points of the Python str that stands for
// the WTF-8 text s: surrogates ED A0..BF 80..BF decode to U+D800..U+DFFF, and
// everything else as strPythonText decodes it.
func strWTF8CodePoints(s string) []rune {
	cps := []rune{} // not nil: Python reads [] for ""
	for i := 0; i < len(s); {
		if i+2 < len(s) && s[i] == 0xED && 0xA0 <= s[i+1] && s[i+1] <= 0xBF && 0x80 <= s[i+2] && s[i+2] <= 0xBF {
			cps = append(cps, 0xD000|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F))
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		cps = append(cps, r)
		i += n
	}
	return cps
}

// strRandText returns a random string built from pieces that each exercise one
// rule of the escapers: every Unicode plane, ASCII controls, DEL, C1 controls,
// U+2028/9, U+FEFF, U+FFFD, U+FFFF, and invalid UTF-8 of every kind (stray
// continuation bytes, truncated sequences, overlong forms, encoded surrogates,
// values above U+10FFFF). With surrogates it also writes lone surrogates in
// their WTF-8 form. Some strings are long, to cross the 8-byte word scans.
func strRandText(r *rand.Rand, surrogates bool) string {
	var b []byte
	pieces := r.IntN(12)
	if r.IntN(20) == 0 {
		pieces = 40 + r.IntN(60)
	}
	kinds := 11
	if surrogates {
		kinds = 13
	}
	for range pieces {
		switch r.IntN(kinds) {
		case 0, 1: // printable ASCII, '"' and '\\' included
			for n := 1 + r.IntN(20); n > 0; n-- {
				b = append(b, byte(' '+r.IntN('~'-' '+1)))
			}
		case 2:
			b = append(b, "\"\\/<>&'"[r.IntN(7)])
		case 3: // C0 controls and DEL
			if r.IntN(4) == 0 {
				b = append(b, 0x7f)
			} else {
				b = append(b, byte(r.IntN(0x20)))
			}
		case 4: // C1 controls, Latin-1 and the rest of the 2-byte range
			if r.IntN(2) == 0 {
				b = utf8.AppendRune(b, rune(0x80+r.IntN(0x20)))
			} else {
				b = utf8.AppendRune(b, rune(0xA0+r.IntN(0x800-0xA0)))
			}
		case 5: // the rest of the BMP
			c := rune(0x800 + r.IntN(0x10000-0x800))
			if 0xD800 <= c && c <= 0xDFFF {
				c -= 0x800
			}
			b = utf8.AppendRune(b, c)
		case 6: // code points with a story
			specials := []rune{0x2028, 0x2029, 0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x7FF, 0x800, 0xD7FF, 0xE000, 0x10000, 0x10FFFF, 0x1F600, 0x85, 0xA0}
			b = utf8.AppendRune(b, specials[r.IntN(len(specials))])
		case 7: // planes 1 to 16
			b = utf8.AppendRune(b, rune(1+r.IntN(16))<<16|rune(r.IntN(0x10000)))
		case 8: // a stray byte >= 0x80: a continuation byte or a lead without its tail
			b = append(b, byte(0x80+r.IntN(0x80)))
		case 9: // a valid sequence cut short
			var enc [4]byte
			n := utf8.EncodeRune(enc[:], rune(0x80+r.IntN(0x10FFFF-0x80)))
			if n > 1 {
				b = append(b, enc[:1+r.IntN(n-1)]...)
			}
		case 10: // overlong forms, encoded surrogates, values above U+10FFFF, F5..FF
			bad := []string{"\xc0\x80", "\xc1\xbf", "\xe0\x80\xaf", "\xe0\x9f\xbf", "\xed\xa0\x80", "\xed\xbf\xbf", "\xf0\x80\x80\x80", "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xfe", "\xff"}
			b = append(b, bad[r.IntN(len(bad))]...)
		case 11, 12: // a lone surrogate in WTF-8, sometimes a high-low pair
			c := 0xD800 + r.IntN(0x800)
			b = append(b, 0xED, byte(0x80|c>>6&0x3F), byte(0x80|c&0x3F))
		}
	}
	return string(b)
}

// TestAppendStringPython compares appendString with CPython's json.dumps on a
// few thousand random strings, in both ensure_ascii modes. Python receives the
// str that stands for each Go string (strPythonText) as a JSON line, written
// by encoding/json, which is exact for valid UTF-8.
func TestAppendStringPython(t *testing.T) {
	const script = `
import sys, json
w = sys.stdout.buffer.write
for line in sys.stdin.buffer:
    s = json.loads(line)
    w(json.dumps(s).encode('ascii') + b'\n')
    w(json.dumps(s, ensure_ascii=False).encode('utf-8') + b'\n')
`
	r := rand.New(rand.NewPCG(1, 2))
	var inputs []string
	var stdin bytes.Buffer
	for range 3000 {
		s := strRandText(r, false)
		inputs = append(inputs, s)
		line, err := json.Marshal(strPythonText(s))
		if err != nil {
			t.Fatal(err)
		}
		stdin.Write(line)
		stdin.WriteByte('\n')
	}
	lines := pyoracle.Lines(pyoracle.Run(t, script, stdin.Bytes()))
	if len(lines) != 2*len(inputs) {
		t.Fatalf("python3 printed %d lines, want %d", len(lines), 2*len(inputs))
	}
	failures := 0
	for i, s := range inputs {
		for k, ascii := range []bool{true, false} {
			want := lines[2*i+k]
			got := appendString(nil, s, ascii)
			if string(got) != want {
				t.Errorf("input %d: appendString(nil, %q, %v) = %q, want %q (CPython json.dumps(%q, ensure_ascii=%s))",
					i, s, ascii, got, want, strPythonText(s), strPyBool(ascii))
				failures++
			}
			if got := appendStringBytes(nil, []byte(s), ascii); string(got) != want {
				t.Errorf("input %d: appendStringBytes(nil, %q, %v) = %q, want %q", i, s, ascii, got, want)
				failures++
			}
			if failures > 20 {
				t.Fatal("too many failures")
			}
		}
	}
}

// TestAppendStringWTF8Python compares appendStringWTF8 with CPython on random
// strings that hold lone surrogates. Python receives each str as a list of
// code points, since a str with a lone surrogate has no UTF-8 form. Without
// ensure_ascii, the script escapes the lone surrogates CPython leaves raw, as
// appendStringWTF8 is documented to do; everything else is CPython's output.
func TestAppendStringWTF8Python(t *testing.T) {
	const script = `
import sys, json
w = sys.stdout.buffer.write
for line in sys.stdin.buffer:
    s = ''.join(map(chr, json.loads(line)))
    w(json.dumps(s).encode('ascii') + b'\n')
    out = json.dumps(s, ensure_ascii=False)
    out = ''.join('\\u%04x' % ord(c) if 0xd800 <= ord(c) <= 0xdfff else c for c in out)
    w(out.encode('utf-8') + b'\n')
`
	r := rand.New(rand.NewPCG(3, 4))
	var inputs []string
	var stdin bytes.Buffer
	for range 1000 {
		s := strRandText(r, true)
		inputs = append(inputs, s)
		line, err := json.Marshal(strWTF8CodePoints(s))
		if err != nil {
			t.Fatal(err)
		}
		stdin.Write(line)
		stdin.WriteByte('\n')
	}
	lines := pyoracle.Lines(pyoracle.Run(t, script, stdin.Bytes()))
	if len(lines) != 2*len(inputs) {
		t.Fatalf("python3 printed %d lines, want %d", len(lines), 2*len(inputs))
	}
	failures := 0
	for i, s := range inputs {
		for k, ascii := range []bool{true, false} {
			want := lines[2*i+k]
			if got := appendStringWTF8(nil, s, ascii); string(got) != want {
				t.Errorf("input %d: appendStringWTF8(nil, %q, %v) = %q, want %q (code points %U)", i, s, ascii, got, want, strWTF8CodePoints(s))
				if failures++; failures > 20 {
					t.Fatal("too many failures")
				}
			}
		}
	}
}

func strPyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// TestAppendStringAllocs checks that the Append functions allocate nothing when
// dst has room.
func TestAppendStringAllocs(t *testing.T) {
	inputs := []string{
		"",
		"hello",
		"a plain ASCII sentence that is longer than a few machine words",
		"\"quotes\" and \\ and \n\t\x00\x7f",
		"日本語 é😀 \u2028",
		"a\xffb\xe2\x82\xed\xa0\x80",
	}
	buf := make([]byte, 0, 1024)
	for _, s := range inputs {
		b := []byte(s)
		for _, ascii := range []bool{true, false} {
			if n := testing.AllocsPerRun(100, func() { buf = appendString(buf[:0], s, ascii) }); n != 0 {
				t.Errorf("appendString(buf, %q, %v): %v allocations, want 0", s, ascii, n)
			}
			if n := testing.AllocsPerRun(100, func() { buf = appendStringBytes(buf[:0], b, ascii) }); n != 0 {
				t.Errorf("appendStringBytes(buf, %q, %v): %v allocations, want 0", s, ascii, n)
			}
			if n := testing.AllocsPerRun(100, func() { buf = appendStringWTF8(buf[:0], s, ascii) }); n != 0 {
				t.Errorf("appendStringWTF8(buf, %q, %v): %v allocations, want 0", s, ascii, n)
			}
		}
	}
}

// TestAppendStringDecodeUTF8 checks the private UTF-8 decoders against
// unicode/utf8, which defines the one-U+FFFD-per-invalid-byte rule, for every
// sequence of up to three bytes that starts with a byte >= 0x80 and a spread of
// four-byte ones: strDecode must return what utf8.DecodeRuneInString returns,
// strSkipMultiByte must stop exactly at invalid bytes, and the []byte forms
// must agree with the string forms.
func TestAppendStringDecodeUTF8(t *testing.T) {
	check := func(s string) {
		wr, wn := utf8.DecodeRuneInString(s)
		if r, n := strDecode(s, 0, false); r != wr || n != wn {
			t.Fatalf("strDecode(%q, 0, false) = %U, %d, want %U, %d (utf8.DecodeRuneInString)", s, r, n, wr, wn)
		}
		if r, n := strDecode([]byte(s), 0, false); r != wr || n != wn {
			t.Fatalf("strDecode([]byte(%q), 0, false) = %U, %d, want %U, %d (utf8.DecodeRuneInString)", s, r, n, wr, wn)
		}
		// strSkipMultiByte skips the first sequence iff it is valid, and then
		// stops where utf8 finds the first ASCII or invalid byte.
		want := 0
		for want < len(s) {
			r, n := utf8.DecodeRuneInString(s[want:])
			if r < utf8.RuneSelf || r == utf8.RuneError && n == 1 {
				break
			}
			want += n
		}
		if got := strSkipMultiByte(s, 0); got != want {
			t.Fatalf("strSkipMultiByte(%q, 0) = %d, want %d", s, got, want)
		}
		if got := strSkipMultiByte([]byte(s), 0); got != want {
			t.Fatalf("strSkipMultiByte([]byte(%q), 0) = %d, want %d", s, got, want)
		}
	}
	var buf [4]byte
	for b0 := 0x80; b0 < 0x100; b0++ {
		buf[0] = byte(b0)
		check(string(buf[:1]))
		for b1 := 0; b1 < 0x100; b1++ {
			buf[1] = byte(b1)
			check(string(buf[:2]))
			for b2 := 0; b2 < 0x100; b2 += 1 + 6*(b2&1) {
				buf[2] = byte(b2)
				check(string(buf[:3]))
				if b0 >= 0xF0 {
					for _, b3 := range []byte{0x00, 0x7F, 0x80, 0x9F, 0xBF, 0xC0, 0xFF} {
						buf[3] = b3
						check(string(buf[:4]))
					}
				}
			}
		}
	}
}

// TestAppendStringWordSafe checks the 8-byte scans against the tables they
// stand for: each byte value at each position of a word of safe bytes, and
// random words.
func TestAppendStringWordSafe(t *testing.T) {
	check := func(w [8]byte) {
		x := strLoad64(string(w[:]))
		wantUTF8, wantASCII := true, true
		for _, c := range w {
			wantUTF8 = wantUTF8 && strSafeUTF8[c]
			wantASCII = wantASCII && strSafeASCII[c]
		}
		if got := strWordFlagsUTF8(x)&strMSB == 0; got != wantUTF8 {
			t.Fatalf("strWordFlagsUTF8(% x)&strMSB == 0 for = %v, want %v", w, got, wantUTF8)
		}
		if got := strWordFlagsASCII(x)&strMSB == 0; got != wantASCII {
			t.Fatalf("strWordFlagsASCII(% x)&strMSB == 0 for = %v, want %v", w, got, wantASCII)
		}
	}
	for pos := range 8 {
		for c := range 256 {
			for _, fill := range []byte{' ', '!', '#', '[', ']', 'a', '~'} {
				w := [8]byte{fill, fill, fill, fill, fill, fill, fill, fill}
				w[pos] = byte(c)
				check(w)
			}
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 200000 {
		var w [8]byte
		for i := range w {
			switch r.IntN(4) {
			case 0:
				w[i] = byte(r.IntN(256))
			default:
				w[i] = byte(0x1E + r.IntN(0x80-0x1E)) // near the edges 0x20 and 0x7f
			}
		}
		check(w)
	}
}
