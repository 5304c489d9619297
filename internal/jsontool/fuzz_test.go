package jsontool

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/jsondump/jsondump/internal/pyoracle"
	"github.com/jsondump/jsondump/internal/testmod"
)

// fuzzArgs turns the fuzzer's mode byte into a command line: bit 0
// --sort-keys, bit 1 --no-ensure-ascii, bits 2-4 the indentation flag,
// bit 5 --json-lines, bits 6-7 the input: stdin, an infile, "-", an infile
// and an existing outfile.
func fuzzArgs(mode uint8, text []byte) toolCase {
	var args []string
	if mode&1 != 0 {
		args = append(args, "--sort-keys")
	}
	if mode&2 != 0 {
		args = append(args, "--no-ensure-ascii")
	}
	switch mode >> 2 & 7 {
	case 1:
		args = append(args, "--indent", "2")
	case 2:
		args = append(args, "--tab")
	case 3:
		args = append(args, "--no-indent")
	case 4:
		args = append(args, "--compact")
	case 5:
		args = append(args, "--indent=0")
	case 6:
		args = append(args, "--indent", "-1")
	case 7:
		args = append(args, "--ind", "1")
	}
	if mode&32 != 0 {
		args = append(args, "--json-lines")
	}
	c := toolCase{name: "fuzz", args: args}
	switch mode >> 6 {
	case 0:
		c.stdin = text
	case 1:
		c.files = map[string][]byte{"in.json": text}
		c.args = append(c.args, "in.json")
	case 2:
		c.stdin = text
		c.args = append(c.args, "-")
	case 3:
		c.files = map[string][]byte{"in.json": text, "out.json": []byte("old\n")}
		c.outfile = "out.json"
		c.args = append(c.args, "in.json", "out.json")
	}
	return c
}

// FuzzJSONToolPython runs random inputs under random flags through Main
// and through CPython's json.tool (batchScript in a co-process), and fails
// on any difference that compareResults does not allow. It is seeded with
// JSONTestSuite's valid documents, the invalid documents of
// TestInvalidDocuments and a few JSON Lines texts.
//
//	go test ./internal/jsontool -run '^$' -fuzz '^FuzzJSONToolPython$' -fuzztime 5m
func FuzzJSONToolPython(f *testing.F) {
	dir := filepath.Join(testmod.SharedDir(f), "jsontestsuite")
	names, _ := filepath.Glob(filepath.Join(dir, "y_*.json"))
	for i, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint8(i*37))
	}
	for i, doc := range invalidDocuments {
		if len(doc) < 10000 {
			f.Add([]byte(doc), uint8(i*11))
		}
	}
	f.Add([]byte("[1]\r\n{\"a\": \"\\ud800\"}\n\n[2,]\n"), uint8(32|2))
	f.Add([]byte("1\r2\r\n3\n\xff"), uint8(32|64))

	py := pyoracle.Start(f, batchScript)
	f.Cleanup(py.Close)
	root := caseRoot(f)
	n := 0
	f.Fuzz(func(t *testing.T, text []byte, mode uint8) {
		n++
		c := fuzzArgs(mode, text)
		caseDir := filepath.Join(root, strconv.Itoa(n))
		t.Chdir(root)
		p := filepath.Join(caseDir, "p")
		writeFiles(t, p, &c)
		line, err := json.Marshal(pyCase{Dir: p, Args: pyArgs(c.args), Stdin: base64.StdEncoding.EncodeToString(c.stdin), Columns: 80, Outfile: c.outfile})
		if err != nil {
			t.Fatal(err)
		}
		answer, err := py.Ask(string(line), 1)
		if err != nil {
			t.Fatal(err)
		}
		want := decodePyResult(t, answer[0])
		got := runGoCase(t, filepath.Join(caseDir, "g"), &c)
		if d := compareResults(&c, got, want); d != "" {
			t.Errorf("jsondump %s\ninput %q\n%s", quoteArgs(c.args), clip(text), d)
		}
		os.RemoveAll(caseDir)
	})
}
