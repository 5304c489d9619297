// Package pyoracle runs CPython for the project's differential tests.
//
// CPython is the oracle: tests compare jsondump's bytes with what python3 itself
// prints. Each helper starts one python3 process for a whole batch of cases, so a
// suite of thousands of comparisons costs one interpreter start-up, not thousands.
//
// Where python3 is missing, tests that need it fail when the CI environment
// variable is "true" and are skipped, with a message saying why, elsewhere.
package pyoracle

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Python returns the path of the python3 interpreter. It fails t under CI=true
// when none is found, and skips t otherwise.
func Python(t testing.TB) string {
	t.Helper()
	path, err := exec.LookPath("python3")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("python3 not found, and CI=true: the CPython oracle is required in CI: %v", err)
		}
		t.Skipf("python3 not found: skipping a test that compares with CPython (%v)", err)
	}
	return path
}

// Run runs script under python3 with stdin as its standard input and returns
// its standard output. A non-zero exit fails t, showing python3's standard error.
func Run(t testing.TB, script string, stdin []byte) []byte {
	t.Helper()
	py := Python(t)
	cmd := exec.Command(py, "-c", script)
	cmd.Stdin = bytes.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	// Python's own I/O must not depend on the machine's locale.
	cmd.Env = append(os.Environ(), "PYTHONIOENCODING=utf-8", "PYTHONUTF8=1")
	if err := cmd.Run(); err != nil {
		t.Fatalf("python3 failed: %v\nstderr:\n%s", err, tail(stderr.String(), 4000))
	}
	return stdout.Bytes()
}

// tail returns at most the last n bytes of s.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "..." + s[len(s)-n:]
}

// Lines splits python3's output into lines, without their terminating '\n'.
// A final empty line after the last '\n' is dropped.
func Lines(out []byte) []string {
	s := strings.TrimSuffix(string(out), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
