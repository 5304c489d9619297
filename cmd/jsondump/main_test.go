package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestMain runs the test binary as jsondump when asked (stringer's way), so
// that the tests run the real main. The comparisons with CPython are in
// internal/jsontool, which main calls.
func TestMain(m *testing.M) {
	if os.Getenv("JSONDUMP_TEST_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

// jsondump runs main with args and stdin, its stdout going to stdout.
func jsondump(t *testing.T, stdin string, stdout *os.File, args ...string) (string, string, int) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), "JSONDUMP_TEST_MAIN=1", "COLUMNS=80")
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if stdout != nil {
		cmd.Stdout = stdout
	}
	err = cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return out.String(), errOut.String(), exit.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), 0
}

func TestMainExits(t *testing.T) {
	for _, c := range []struct {
		stdin        string
		args         []string
		stdout, errs string
		code         int
	}{
		{`{"b": [1, 2.50], "a": "é"}`, []string{"--sort-keys", "--compact"}, "{\"a\":\"\\u00e9\",\"b\":[1,2.5]}\n", "", 0},
		{`[1,]`, nil, "", "Expecting value: line 1 column 4 (char 3)\n", 1},
		{`[1]`, []string{"--tab", "--compact"}, "", "usage: jsondump [-h] [--sort-keys] [--no-ensure-ascii] [--json-lines]\n" +
			"                [--indent INDENT | --tab | --no-indent | --compact]\n" +
			"                [infile] [outfile]\n" +
			"jsondump: error: argument --compact: not allowed with argument --tab\n", 2},
	} {
		stdout, stderr, code := jsondump(t, c.stdin, nil, c.args...)
		if stdout != c.stdout || stderr != c.errs || code != c.code {
			t.Errorf("jsondump %q < %q: %d, %q, %q; want %d, %q, %q", c.args, c.stdin, code, stdout, stderr, c.code, c.stdout, c.errs)
		}
	}
}

// TestMainBrokenPipe checks that a reader that went away ends the run with
// status 32 and no message, as json.tool's BrokenPipeError handler does,
// rather than a SIGPIPE.
func TestMainBrokenPipe(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	defer w.Close()
	_, stderr, code := jsondump(t, "["+strings.Repeat("1,", 100000)+"1]", w)
	if code != 32 || stderr != "" {
		t.Errorf("jsondump | (closed): exit %d, stderr %q; want 32 and nothing", code, stderr)
	}
}
