package jsontool

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runIn runs Main with args in dir and returns the exit status and stderr.
func runIn(t *testing.T, dir string, stdin string, args ...string) (int, string) {
	t.Helper()
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	code := Main(args, strings.NewReader(stdin), &stdout, &stderr)
	return code, stderr.String()
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestOutfileReplaced checks what the comparisons with CPython cannot: the
// outfile is replaced, never truncated in place, keeps its permission bits,
// is written through a symbolic link, and a file that is its own infile
// under --json-lines is laid out (json.tool empties it: it truncates the
// outfile before it reads the first line).
func TestOutfileReplaced(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.json"), filepath.Join(dir, "out.json")
	os.WriteFile(in, []byte(`{"a": [1, 2]}`), 0o644)
	os.WriteFile(out, []byte("old\n"), 0o600)
	other := filepath.Join(dir, "other")
	os.Link(out, other) // a second name for the old file

	if code, stderr := runIn(t, dir, "", "--compact", "in.json", "out.json"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := readFile(t, out); got != "{\"a\":[1,2]}\n" {
		t.Errorf("out.json = %q", got)
	}
	if got := readFile(t, other); got != "old\n" {
		t.Errorf("the old file, another name of out.json, was written to: %q (want a new file renamed into place)", got)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
		t.Errorf("out.json's mode is %v, want the old file's, 0600", fi.Mode().Perm())
	}

	// Through a link: the target is replaced, the link kept.
	link := filepath.Join(dir, "link.json")
	os.Symlink("out.json", link)
	if code, stderr := runIn(t, dir, "", "--indent", "1", "in.json", "link.json"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("link.json is no longer a link: %v %v", fi, err)
	}
	if got := readFile(t, out); got != "{\n \"a\": [\n  1,\n  2\n ]\n}\n" {
		t.Errorf("out.json, through the link = %q", got)
	}

	// A bad line leaves the outfile as it was, and no temporary file.
	lines := filepath.Join(dir, "lines.json")
	os.WriteFile(lines, []byte("[1]\n[2,]\n"), 0o644)
	before := readFile(t, out)
	if code, stderr := runIn(t, dir, "", "--json-lines", "lines.json", "out.json"); code != 1 || stderr != "Expecting value: line 1 column 4 (char 3)\n" {
		t.Errorf("bad line: exit %d, stderr %q", code, stderr)
	}
	if got := readFile(t, out); got != before {
		t.Errorf("a failed run changed out.json: %q, was %q", got, before)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 5 {
		t.Errorf("files left: %v", entries)
	}

	// In place, one document a line.
	os.WriteFile(lines, []byte("[1, 2]\n{\"b\": 3}\n"), 0o644)
	if code, stderr := runIn(t, dir, "", "--json-lines", "--compact", "lines.json", "lines.json"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := readFile(t, lines); got != "[1,2]\n{\"b\":3}\n" {
		t.Errorf("lines.json laid out in place = %q", got)
	}

	// /dev/null is no regular file: it is written, not replaced.
	if _, err := os.Stat("/dev/null"); err == nil {
		if code, stderr := runIn(t, dir, "", "in.json", "/dev/null"); code != 0 {
			t.Errorf("outfile /dev/null: exit %d: %s", code, stderr)
		}
	}
}
