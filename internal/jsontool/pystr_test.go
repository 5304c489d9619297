package jsontool

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jsondump/jsondump/internal/pyoracle"
)

// pyStrPieces are what random arguments are made of: ASCII, quotes,
// controls, white space and digits of several scripts, unprintable code
// points, a byte that is not UTF-8.
var pyStrPieces = []string{
	"a", "Z", "0", "4", "9", " ", "_", "+", "-", "'", `"`, `\`, "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x00", "\x7f",
	"\u0085", "\u00a0", "\u00ad", "\u00e9", "\u0378", "\u0663", "\u0669", "\u06f4", "\u1680", "\u2000", "\u200a", "\u200b",
	"\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff", "\uff14", "\U0001d7d2", "\U0001d7ec", "\U0001f600",
	"\U000e0001", "\U0010ffff", "\xff", "\xe2\x82", "x.y", "/", "//", "./", "..",
}

// pyCodePoints returns the code points of the str CPython makes of the
// argument s (surrogateescape: an invalid byte is U+DC80..U+DCFF), which
// JSON carries as numbers.
func pyCodePoints(s string) []int {
	cps := []int{}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			r = 0xDC00 + rune(s[i])
		}
		cps = append(cps, int(r))
		i += n
	}
	return cps
}

// TestPyStrPython compares pyRepr, pyInt, pyText and pyPath with CPython's
// repr(s), int(s), s as stderr writes it and repr(str(pathlib.Path(s))), on
// random strings.
func TestPyStrPython(t *testing.T) {
	g, n := seedN(t, 3000)
	inputs := make([]string, n)
	for i := range inputs {
		var b strings.Builder
		for k, m := 0, g.n(6); k < m; k++ {
			b.WriteString(pyStrPieces[g.n(len(pyStrPieces))])
		}
		inputs[i] = b.String()
	}
	inputs = append(inputs, "", "4", "04", "1_0", strings.Repeat("0", 4300)+"4", strings.Repeat("9", 19), "9223372036854775808", "-9223372036854775809")
	var in strings.Builder
	for _, s := range inputs {
		line, _ := json.Marshal(pyCodePoints(s))
		in.Write(line)
		in.WriteByte('\n')
	}
	const script = `
import sys, json
from pathlib import Path
for line in sys.stdin:
    s = ''.join(map(chr, json.loads(line)))
    try:
        n = str(int(s))
    except ValueError:
        n = 'ValueError'
    print(json.dumps([repr(s), n, s.encode('utf-8', 'backslashreplace').decode(), repr(str(Path(s))) if '\0' not in s else '']))
`
	lines := pyoracle.Lines(pyoracle.Run(t, script, []byte(in.String())))
	if len(lines) != len(inputs) {
		t.Fatalf("python3 gave %d lines for %d inputs", len(lines), len(inputs))
	}
	failed := 0
	for i, s := range inputs {
		var want [4]string
		if err := json.Unmarshal([]byte(lines[i]), &want); err != nil {
			t.Fatal(err)
		}
		v, fits, ok := pyInt(s)
		gotInt := "ValueError"
		switch {
		case ok && fits:
			gotInt = fmt.Sprint(v)
		case ok:
			gotInt = want[1] // beyond int64: only validity is compared
		}
		path := ""
		if !strings.Contains(s, "\x00") {
			path = pyRepr(pyPath(s))
		}
		got := [4]string{pyRepr(s), gotInt, pyText(s), path}
		if got != want && failed < 20 {
			failed++
			t.Errorf("%q: got (repr, int, text, path) %q, want %q", s, got, want)
		}
	}
	t.Logf("%d strings compared", len(inputs))
}
