package jsontool

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/internal/pyoracle"
)

// utf8Bytes are the bytes random UTF-8 is made of here: ASCII, every kind
// of continuation byte, and the lead bytes whose second byte CPython checks
// against a range.
var utf8Bytes = []byte{'a', '\n', '\r', 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff}

// TestDecodeUTF8Python compares decodeUTF8 with CPython's
// codecs.utf_8_decode(b, 'strict', final) on random bytes, final or not:
// the bytes consumed, and the message of the error.
func TestDecodeUTF8Python(t *testing.T) {
	g, n := seedN(t, 4000)
	inputs := make([][]byte, n)
	for i := range inputs {
		b := make([]byte, g.n(9))
		for k := range b {
			b[k] = utf8Bytes[g.n(len(utf8Bytes))]
		}
		inputs[i] = b
	}
	var in strings.Builder
	for _, b := range inputs {
		in.WriteString(base64.StdEncoding.EncodeToString(b) + "\n")
	}
	const script = `
import sys, codecs, base64
for line in sys.stdin:
    b = base64.b64decode(line)
    for final in (True, False):
        try:
            s, n = codecs.utf_8_decode(b, 'strict', final)
            print(n)
        except UnicodeDecodeError as e:
            print(e)
`
	lines := pyoracle.Lines(pyoracle.Run(t, script, []byte(in.String())))
	if len(lines) != 2*len(inputs) {
		t.Fatalf("python3 gave %d lines for %d inputs", len(lines), len(inputs))
	}
	failed := 0
	for i, b := range inputs {
		for k, final := range []bool{true, false} {
			used, err := decodeUTF8(b, final)
			got := fmt.Sprint(used)
			if err != nil {
				got = err.Error()
			}
			if want := lines[2*i+k]; got != want && failed < 20 {
				failed++
				t.Errorf("decodeUTF8(%q, %v) = %s, want %s", b, final, got, want)
			}
		}
	}
	t.Logf("%d inputs compared, final and not", len(inputs))
}

// TestLineReaderPython compares lineReader with iterating a
// TextIOWrapper: a file opened with open(name, encoding='utf-8') for
// universal newlines, and a TextIOWrapper with newline='\n' over a
// BufferedReader as sys.stdin is; random texts of a few chunks, with line
// ends of every kind and bad bytes near the edges of chunks.
func TestLineReaderPython(t *testing.T) {
	g, n := seedN(t, 300)
	n = min(n, 3000) // files of up to 24 KiB each
	dir := t.TempDir()
	inputs := make([][]byte, n)
	for i := range inputs {
		var b []byte
		size := g.n(3 * chunkSize)
		for len(b) < size {
			switch g.n(6) {
			case 0:
				b = append(b, g.pick("\n", "\r", "\r\n", "\n\n", "\r\r")...)
			case 1:
				b = append(b, utf8Bytes[g.n(len(utf8Bytes))])
			default:
				b = append(b, strings.Repeat("é😀x", 1+g.n(200))...)
			}
		}
		for k, m := 0, g.n(3); k < m; k++ {
			pos := min(max(chunkSize*(1+g.n(2))+g.n(9)-4, 0), len(b))
			b = append(b[:pos], append([]byte(g.pick("\xff", "\xe2\x82", "\r", "\n", "\xed\xa0", "\xf0\x9f\x98")), b[pos:]...)...)
		}
		inputs[i] = b
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprint(i)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	script := `
import sys, io, json, base64
d, count = sys.stdin.read().split('\n')[:2]
def lines(f):
    out = []
    try:
        for line in f:
            out.append(base64.b64encode(line.encode('utf-8')).decode())
        out.append('EOF')
    except UnicodeDecodeError as e:
        out.append(str(e))
    return out
for i in range(int(count)):
    name = d + '/' + str(i)
    with open(name, encoding='utf-8') as f:
        print(json.dumps(lines(f)))
    with open(name, 'rb') as raw:
        data = raw.read()
    f = io.TextIOWrapper(io.BufferedReader(io.BytesIO(data)), encoding='utf-8', errors='strict', newline='\n')
    print(json.dumps(lines(f)))
`
	out := pyoracle.Run(t, script, []byte(fmt.Sprintf("%s\n%d\n", dir, n)))
	answers := pyoracle.Lines(out)
	if len(answers) != 2*n {
		t.Fatalf("python3 gave %d answers for %d inputs", len(answers), n)
	}
	failed := 0
	for i, b := range inputs {
		for k, universal := range []bool{true, false} {
			var want []string
			if err := json.Unmarshal([]byte(answers[2*i+k]), &want); err != nil {
				t.Fatal(err)
			}
			var got []string
			lr := newLineReader(bytes.NewReader(b), universal)
			for {
				line, err := lr.next()
				if err == io.EOF {
					got = append(got, "EOF")
					break
				}
				if err != nil {
					got = append(got, err.Error())
					break
				}
				got = append(got, base64.StdEncoding.EncodeToString(line))
			}
			if fmt.Sprint(got) != fmt.Sprint(want) && failed < 10 {
				failed++
				t.Errorf("input %d (%d bytes), universal newlines %v:\n got %d lines, ending %q\nwant %d lines, ending %q", i, len(b), universal, len(got), got[len(got)-1], len(want), want[len(want)-1])
			}
		}
	}
	t.Logf("%d inputs compared, as a file and as stdin", n)
}
