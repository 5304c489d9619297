package jsontool

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/jsondump/jsondump/internal/pyoracle"
	"github.com/jsondump/jsondump/internal/testmod"
)

// TestMain runs the test binary as jsondump when asked (stringer's way), so
// that TestSubprocessFaithful runs Main as a process of its own, with real
// standard streams, as cmd/jsondump's main does.
func TestMain(m *testing.M) {
	if os.Getenv("JSONTOOL_TEST_MAIN") == "1" {
		signal.Ignore(syscall.SIGPIPE) // as cmd/jsondump's main
		os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// namedScript is json.tool run as python3 -m json.tool runs it, with the
// parser named jsondump: for the cases whose messages name the program.
const namedScript = `
import argparse, sys, json.tool
_init = argparse.ArgumentParser.__init__
def _named(self, *a, **k):
    k['prog'] = 'jsondump'
    _init(self, *a, **k)
argparse.ArgumentParser.__init__ = _named
sys.argv[0] = 'jsondump'
try:
    json.tool.main()
except BrokenPipeError as exc:
    sys.exit(exc.errno)
`

// TestSubprocessFaithful runs a few cases three ways: as real processes,
// python3 -m json.tool (under PYTHONIOENCODING=utf-8:strict, stdin from a
// regular file) and jsondump, and through batchScript. It shows that the
// batch harness, which the other tests rely on, runs json.tool as a real
// process does (exit status, stdout and stderr bytes; for a traceback its
// last line), and that jsondump as a process gives the same bytes.
func TestSubprocessFaithful(t *testing.T) {
	py := pyoracle.Python(t)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	twitter, err := os.ReadFile(filepath.Join(testmod.SharedDir(t), "jsondata", "twitter.json"))
	if err != nil {
		twitter = []byte(`{"statuses": [{"text": "caf\u00e9 \ud83d\ude00", "id": 1e5}]}`)
	}
	good := []byte(`{"b": [1, 2.50, -0, 1E5], "a": "é\ud83d\ude00", "a": null}`)
	cases := []toolCase{
		{name: "document from a file", args: []string{"in.json"}, files: map[string][]byte{"in.json": twitter}},
		{name: "sorted, from stdin", args: []string{"--sort-keys", "--no-ensure-ascii"}, stdin: good},
		{name: "syntax error", args: []string{"--compact"}, stdin: []byte("{\"a\": 1,\r\n}")},
		{name: "syntax error in a file", args: []string{"in.json"}, files: map[string][]byte{"in.json": []byte("{\"a\": 1,\r\n}")}},
		{name: "bad UTF-8", stdin: []byte("[1,\xe2\x82]")},
		{name: "byte order mark", stdin: []byte("\ufeff[1]")},
		{name: "long int", stdin: []byte("[" + strings.Repeat("9", 4301) + "]")},
		{name: "bad line", args: []string{"--json-lines", "in.json"}, files: map[string][]byte{"in.json": []byte("[1]\r\n{\"a\": \"é\"}\r\n[2,]\r\n[3]\r\n")}},
		{name: "lone surrogate", args: []string{"--no-ensure-ascii"}, stdin: []byte(`["a", {"k": "\ud800"}]`)},
		{name: "too deep", stdin: []byte(strings.Repeat("[", 5000))},
		{name: "huge indent", args: []string{"--indent", "1" + strings.Repeat("0", 30)}, stdin: []byte("[1]")},
		{name: "outfile", args: []string{"in.json", "out.json"}, files: map[string][]byte{"in.json": good, "out.json": []byte("old\n")}, outfile: "out.json"},
		{name: "outfile in a missing folder", args: []string{"in.json", "no/out.json"}, files: map[string][]byte{"in.json": good}},
		{name: "usage", args: []string{"--indent", "x"}},
		{name: "two indentations", args: []string{"--tab", "--compact"}},
		{name: "help", args: []string{"-h"}, columns: 60},
		{name: "missing infile", args: []string{"nofile"}},
	}
	root := caseRoot(t)
	batch := runPython(t, root, cases)()
	for i := range cases {
		c := &cases[i]
		named := c.name == "usage" || c.name == "two indentations" || c.name == "help" || c.name == "missing infile"
		pyArgs := append([]string{"-m", "json.tool"}, c.args...)
		if named {
			pyArgs = append([]string{"-c", namedScript}, c.args...)
		}
		real := runProcess(t, filepath.Join(root, "rp", c.name), c, py, pyArgs, nil)
		goRes := runProcess(t, filepath.Join(root, "rg", c.name), c, exe, c.args, []string{"JSONTOOL_TEST_MAIN=1"})
		if real.tb != batch[i].tb || real.code != batch[i].code || !bytes.Equal(real.stdout, batch[i].stdout) || !bytes.Equal(real.stderr, batch[i].stderr) || !bytes.Equal(real.out, batch[i].out) {
			t.Errorf("%s: python3 as a process and in the batch differ:\nprocess: %d %q %q\n  batch: %d %q %q", c.name,
				real.code, clip(real.stdout), real.stderr, batch[i].code, clip(batch[i].stdout), batch[i].stderr)
		}
		if d := compareResults(c, goRes, real); d != "" {
			t.Errorf("%s: jsondump as a process differs from python3:\n%s", c.name, d)
		}
	}

	// A reader that went away: json.tool exits with status 32, silently.
	for _, run := range []struct {
		program string
		args    []string
		env     []string
	}{{py, []string{"-m", "json.tool", "big.json"}, nil}, {exe, []string{"big.json"}, []string{"JSONTOOL_TEST_MAIN=1"}}} {
		dir := filepath.Join(root, "pipe", filepath.Base(run.program))
		writeFiles(t, dir, &toolCase{files: map[string][]byte{"big.json": []byte("[" + strings.Repeat("1,", 100000) + "1]")}})
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		r.Close()
		cmd := exec.Command(run.program, run.args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), run.env...)
		cmd.Stdout = w
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err = cmd.Run()
		w.Close()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 32 || stderr.Len() != 0 {
			t.Errorf("%s %s | (closed): %v, stderr %q; want exit status 32 and nothing on stderr", run.program, run.args, err, stderr.Bytes())
		}
	}

	// An argument that is not UTF-8: CPython escapes the byte as \udcff.
	name := "x\xff.json"
	c := &toolCase{name: "argument not UTF-8", args: []string{name}}
	real := runProcess(t, filepath.Join(root, "rp", "arg"), c, py, []string{"-c", namedScript, name}, nil)
	goRes := runProcess(t, filepath.Join(root, "rg", "arg"), c, exe, c.args, []string{"JSONTOOL_TEST_MAIN=1"})
	if d := compareResults(c, goRes, real); d != "" {
		t.Errorf("%s: jsondump as a process differs from python3:\n%s", c.name, d)
	}
}

// runProcess runs the program with args for case c in the folder dir,
// stdin from a regular file, under PYTHONIOENCODING=utf-8:strict and the
// case's terminal width.
func runProcess(t *testing.T, dir string, c *toolCase, program string, args, env []string) toolResult {
	t.Helper()
	writeFiles(t, dir, c)
	stdinName := filepath.Join(t.TempDir(), "stdin")
	if err := os.WriteFile(stdinName, c.stdin, 0o644); err != nil {
		t.Fatal(err)
	}
	stdin, err := os.Open(stdinName)
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	columns := "80"
	if c.columns != 0 {
		columns = strconv.Itoa(c.columns)
	}
	cmd := exec.Command(program, args...)
	cmd.Dir = dir
	cmd.Stdin = stdin
	cmd.Env = append(append(os.Environ(), "PYTHONIOENCODING=utf-8:strict", "COLUMNS="+columns), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	res := toolResult{}
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			t.Fatalf("%s: %v", program, err)
		}
		res.code = exit.ExitCode()
	}
	res.stdout, res.stderr = stdout.Bytes(), stderr.Bytes()
	if c.outfile != "" {
		if data, err := os.ReadFile(filepath.Join(dir, c.outfile)); err == nil {
			res.out, res.outOK = data, true
		}
	}
	res.files = listDir(t, dir)
	// The batch harness keeps a traceback's last line.
	if bytes.Contains(res.stderr, []byte("Traceback (most recent call last)")) {
		res.tb = true
		lines := strings.Split(strings.TrimSuffix(string(res.stderr), "\n"), "\n")
		res.stderr = []byte(lines[len(lines)-1] + "\n")
	}
	return res
}
