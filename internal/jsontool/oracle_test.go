package jsontool

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jsondump/jsondump/internal/pyoracle"
)

// The oracle of these tests is CPython's json.tool itself: one python3
// process runs json.tool's main() once per case, with sys.argv, sys.stdin,
// sys.stdout and sys.stderr replaced and SystemExit caught as the
// interpreter handles it, in a folder of its own per case. The same case
// runs through Main in-process in a twin folder, and the two are compared
// byte for byte: exit status, stdout, stderr, the outfile.
//
// The replacements are those of a python3 started with PYTHONIOENCODING=
// utf-8:strict (a UTF-8 locale that is not C.UTF-8): stdin and stdout are
// strict UTF-8 streams with newline='\n', stdin read through a
// BufferedReader as from a regular file, stderr with backslashreplace. The
// parser is named jsondump, as the command is. TestSubprocessFaithful
// checks these replacements against real processes.

// batchScript is the Python side. Each line of its input is a case, in JSON:
// {"dir", "args", "stdin" (base64), "columns", "outfile"}; it prints one
// line per case: {"code", "stdout", "stderr" (base64), "tb" (the exception
// was no SystemExit: stderr is the traceback's last line), "out" (base64 of
// the outfile after the run, or null), "files" (the folder's files after
// the run)}, flushed, so that it also serves as the fuzz target's
// co-process.
const batchScript = `
import sys, os, io, json, base64, argparse, traceback
import json.tool

_init = argparse.ArgumentParser.__init__
def _named(self, *a, **k):
    k['prog'] = 'jsondump'
    _init(self, *a, **k)
argparse.ArgumentParser.__init__ = _named

class Keep(io.BytesIO):
    def close(self):
        pass

real = (sys.stdin, sys.stdout, sys.stderr)

# argparse looks its messages up with gettext, which searches the file
# system for translations on every call unless the language is C; there are
# none for it, so this changes nothing but the time.
os.environ['LANGUAGE'] = 'C'

def run(case):
    os.chdir(case['dir'])
    os.environ['COLUMNS'] = str(case.get('columns') or 80)
    raw_in = io.BufferedReader(io.BytesIO(base64.b64decode(case['stdin'])))
    out, err = Keep(), Keep()
    sys.stdin = io.TextIOWrapper(raw_in, encoding='utf-8', errors='strict', newline='\n')
    sys.stdout = io.TextIOWrapper(out, encoding='utf-8', errors='strict', newline='\n')
    sys.stderr = io.TextIOWrapper(err, encoding='utf-8', errors='backslashreplace', newline='\n')
    sys.argv = ['jsondump'] + case['args']
    code, tb = 0, False
    try:
        json.tool.main()
    except SystemExit as e:
        c = e.code
        if c is None:
            code = 0
        elif isinstance(c, int):
            code = c
        else:
            sys.stderr.write(str(c) + '\n')
            code = 1
    except BaseException as e:
        sys.stderr.write(traceback.format_exception_only(type(e), e)[-1])
        code, tb = 1, True
    for f in (sys.stdout, sys.stderr):
        if not f.closed:
            f.flush()
    sys.stdin, sys.stdout, sys.stderr = real
    res = {'code': code, 'tb': tb,
           'stdout': base64.b64encode(out.getvalue()).decode(),
           'stderr': base64.b64encode(err.getvalue()).decode(), 'out': None,
           'files': sorted(os.listdir('.'))}
    name = case.get('outfile')
    if name and os.path.isfile(name):
        with open(name, 'rb') as f:
            res['out'] = base64.b64encode(f.read()).decode()
    return res

for line in sys.stdin:
    print(json.dumps(run(json.loads(line))), flush=True)
`

// A toolCase is one run of the command: its arguments, its stdin, the files
// of its folder before the run, and the terminal width.
type toolCase struct {
	name    string
	args    []string
	stdin   []byte
	files   map[string][]byte // name -> content, written into the case's folder
	outfile string            // the outfile to read back after the run, if any
	columns int               // $COLUMNS; 0 is 80
	known   string            // a documented difference: jsondump fails with this message and status 1
}

// A toolResult is what a run gave.
type toolResult struct {
	code   int
	stdout []byte
	stderr []byte
	tb     bool     // Python: a traceback, of which stderr holds the last line
	out    []byte   // the outfile after the run
	outOK  bool     // the outfile exists
	files  []string // the files in the case's folder after the run
}

// pyCase is a case as batchScript reads it.
type pyCase struct {
	Dir     string   `json:"dir"`
	Args    []string `json:"args"`
	Stdin   string   `json:"stdin"`
	Columns int      `json:"columns"`
	Outfile string   `json:"outfile"`
}

type pyResult struct {
	Code   int      `json:"code"`
	TB     bool     `json:"tb"`
	Stdout string   `json:"stdout"`
	Stderr string   `json:"stderr"`
	Out    *string  `json:"out"`
	Files  []string `json:"files"`
}

// caseRoot returns a new folder for the cases' folders: in memory
// (/dev/shm) where the system has such a folder, since thousands of cases
// make and remove thousands of folders and files (on a busy disk, a
// millisecond each); else t.TempDir(). It is removed at the end.
func caseRoot(t testing.TB) string {
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
		if dir, err := os.MkdirTemp("/dev/shm", "jsontool-test-"); err == nil {
			t.Cleanup(func() { os.RemoveAll(dir) })
			return dir
		}
	}
	return t.TempDir()
}

// writeFiles creates dir with the case's files.
func writeFiles(t testing.TB, dir string, c *toolCase) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range c.files {
		if data == nil {
			// A folder.
			if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// runPython runs the cases through CPython's json.tool, each in the folder
// root/p<i>, in one python3 process per core (two at most), and returns a
// function that waits for their results: the caller runs the Go side
// meanwhile.
func runPython(t testing.TB, root string, cases []toolCase) (wait func() []toolResult) {
	t.Helper()
	py := pyoracle.Python(t)
	shards := min(2, runtime.NumCPU(), max(len(cases), 1))
	inputs := make([]bytes.Buffer, shards)
	for i := range cases {
		c := &cases[i]
		dir := filepath.Join(root, "p"+strconv.Itoa(i))
		writeFiles(t, dir, c)
		line, err := json.Marshal(pyCase{Dir: dir, Args: pyArgs(c.args), Stdin: base64.StdEncoding.EncodeToString(c.stdin), Columns: c.columns, Outfile: c.outfile})
		if err != nil {
			t.Fatal(err)
		}
		in := &inputs[i*shards/max(len(cases), 1)]
		in.Write(line)
		in.WriteByte('\n')
	}
	type answer struct {
		out    []byte
		stderr string
		err    error
	}
	answers := make([]chan answer, shards)
	for k := range answers {
		answers[k] = make(chan answer, 1)
		go func(in []byte, ch chan<- answer) {
			cmd := exec.Command(py, "-c", batchScript)
			cmd.Stdin = bytes.NewReader(in)
			cmd.Env = append(os.Environ(), "PYTHONIOENCODING=utf-8", "PYTHONUTF8=1")
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			ch <- answer{stdout.Bytes(), stderr.String(), err}
		}(inputs[k].Bytes(), answers[k])
	}
	return func() []toolResult {
		t.Helper()
		var lines []string
		for _, ch := range answers {
			a := <-ch
			if a.err != nil {
				t.Fatalf("python3 failed: %v\nstderr:\n%s", a.err, a.stderr)
			}
			lines = append(lines, pyoracle.Lines(a.out)...)
		}
		if len(lines) != len(cases) {
			t.Fatalf("python3 answered %d cases of %d", len(lines), len(cases))
		}
		results := make([]toolResult, len(cases))
		for i, line := range lines {
			results[i] = decodePyResult(t, line)
		}
		return results
	}
}

func decodePyResult(t testing.TB, line string) toolResult {
	t.Helper()
	var r pyResult
	if err := json.Unmarshal([]byte(line), &r); err != nil {
		t.Fatalf("python3's answer %q: %v", line, err)
	}
	res := toolResult{code: r.Code, tb: r.TB, stdout: unb64(t, r.Stdout), stderr: unb64(t, r.Stderr), files: r.Files}
	if r.Out != nil {
		res.out, res.outOK = unb64(t, *r.Out), true
	}
	return res
}

func unb64(t testing.TB, s string) []byte {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// pyArgs returns args for batchScript. JSON carries valid UTF-8 only, so
// the generators keep arguments valid (TestSubprocessFaithful passes a
// byte that is not to real processes); pyArgs checks it.
func pyArgs(args []string) []string {
	for _, a := range args {
		if !isValidUTF8(a) {
			panic(fmt.Sprintf("argument %q is not valid UTF-8", a))
		}
	}
	if args == nil {
		return []string{}
	}
	return args
}

func isValidUTF8(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// runGo runs the cases through Main in-process, each in the folder
// root/g<i>, which it enters (the tests that call it do not run in
// parallel).
func runGo(t testing.TB, root string, cases []toolCase) []toolResult {
	t.Helper()
	results := make([]toolResult, len(cases))
	for i := range cases {
		results[i] = runGoCase(t, filepath.Join(root, "g"+strconv.Itoa(i)), &cases[i])
	}
	return results
}

func runGoCase(t testing.TB, dir string, c *toolCase) toolResult {
	t.Helper()
	writeFiles(t, dir, c)
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	columns := c.columns
	if columns == 0 {
		columns = 80
	}
	os.Setenv("COLUMNS", strconv.Itoa(columns))
	var stdout, stderr bytes.Buffer
	code := Main(c.args, bytes.NewReader(c.stdin), &stdout, &stderr)
	res := toolResult{code: code, stdout: stdout.Bytes(), stderr: stderr.Bytes()}
	if c.outfile != "" {
		if data, err := os.ReadFile(c.outfile); err == nil {
			res.out, res.outOK = data, true
		}
	}
	res.files = listDir(t, dir)
	return res
}

func listDir(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{}
	for _, e := range entries {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	return names
}

// compareResults reports where Go's result differs from Python's, or "".
// The intended differences:
//
//   - Python's traceback (stderr holds its last line) of a RecursionError:
//     jsondump reads up to MaxDepth levels, so it may succeed (exit 0,
//     output not compared), or fail with one line and status 1;
//   - any other traceback: the same last line, status 1;
//   - the outfile: after a failed run Go's is as it was before, whatever
//     Python left there, and Go creates no file;
//   - the documented differences of a case's known field.
func compareResults(c *toolCase, g, p toolResult) string {
	var diffs []string
	recursion := p.tb && bytes.HasPrefix(p.stderr, []byte("RecursionError"))
	before := slices.Sorted(maps.Keys(c.files))
	switch {
	case g.code != 0:
		if !slices.Equal(g.files, before) {
			diffs = append(diffs, fmt.Sprintf("files after a failed run: %q, want those before, %q", g.files, before))
		}
	case !recursion:
		if !slices.Equal(g.files, p.files) {
			diffs = append(diffs, fmt.Sprintf("files after the run: %q, want %q", g.files, p.files))
		}
	default:
		for _, name := range g.files {
			if !slices.Contains(before, name) && name != pyPath(c.outfile) {
				diffs = append(diffs, fmt.Sprintf("files after the run: %q, from %q", g.files, before))
				break
			}
		}
	}
	switch {
	case c.known != "":
		if g.code != 1 || string(g.stderr) != c.known+"\n" || len(g.stdout) != 0 {
			diffs = append(diffs, fmt.Sprintf("status %d, stdout %q, stderr %q; want the documented 1, \"\", %q", g.code, clip(g.stdout), g.stderr, c.known))
		}
	case recursion:
		if g.code == 1 {
			if bytes.Count(g.stderr, []byte("\n")) != 1 || !bytes.HasSuffix(g.stderr, []byte("\n")) {
				diffs = append(diffs, fmt.Sprintf("stderr is not one line: %q", g.stderr))
			}
		} else if g.code != 0 {
			diffs = append(diffs, fmt.Sprintf("exit status %d, want 0 or 1 (Python: %s)", g.code, p.stderr))
		}
	default:
		if g.code != p.code {
			diffs = append(diffs, fmt.Sprintf("exit status %d, want %d", g.code, p.code))
		}
		if !bytes.Equal(g.stdout, p.stdout) {
			diffs = append(diffs, "stdout differs:\n"+showDiff(g.stdout, p.stdout))
		}
		if !bytes.Equal(g.stderr, p.stderr) {
			diffs = append(diffs, fmt.Sprintf("stderr:\n got %q\nwant %q", g.stderr, p.stderr))
		}
	}
	if c.outfile != "" {
		before, existed := c.files[c.outfile]
		switch {
		case g.code == 0 && !recursion:
			if g.outOK != p.outOK || !bytes.Equal(g.out, p.out) {
				diffs = append(diffs, fmt.Sprintf("outfile (exists %v) differs from Python's (exists %v):\n%s", g.outOK, p.outOK, showDiff(g.out, p.out)))
			}
		case g.code != 0:
			if g.outOK != existed || !bytes.Equal(g.out, before) {
				diffs = append(diffs, fmt.Sprintf("failed run changed the outfile: exists %v, %q (before: exists %v, %q)", g.outOK, clip(g.out), existed, clip(before)))
			}
		}
	}
	return strings.Join(diffs, "\n")
}

// showDiff shows where got and want part.
func showDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(i-40, 0)
	return fmt.Sprintf(" got %d bytes, want %d; from byte %d:\n got %q\nwant %q", len(got), len(want), from, clip(got[from:]), clip(want[from:]))
}

func clip(b []byte) []byte {
	if len(b) > 200 {
		return b[:200]
	}
	return b
}

// compareWithPython runs the cases through both and fails t for each that
// differs, showing at most 20.
func compareWithPython(t *testing.T, cases []toolCase) {
	t.Helper()
	t.Chdir(t.TempDir()) // restores the working folder at the end
	root := caseRoot(t)
	start := time.Now()
	wait := runPython(t, root, cases)
	gos := runGo(t, root, cases)
	mid := time.Now()
	py := wait()
	t.Logf("go %v, python %v", mid.Sub(start), time.Since(start))
	failed := 0
	for i := range cases {
		if d := compareResults(&cases[i], gos[i], py[i]); d != "" {
			failed++
			if failed <= 20 {
				t.Errorf("case %d %s: jsondump %s\n%s\ninput: %q\nfiles: %v", i, cases[i].name, quoteArgs(cases[i].args), d, clip(cases[i].stdin), fileSummary(cases[i].files))
			}
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d cases differ from CPython", failed, len(cases))
	}
	t.Logf("%d cases compared with CPython's json.tool", len(cases))
}

func quoteArgs(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = strconv.Quote(a)
	}
	return strings.Join(q, " ")
}

func fileSummary(files map[string][]byte) string {
	var parts []string
	for name, data := range files {
		parts = append(parts, fmt.Sprintf("%s=%q", name, clip(data)))
	}
	slices.Sort(parts)
	return strings.Join(parts, " ")
}
