package pyoracle

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
)

// A Coprocess is one python3 process that answers questions for as long as a
// test runs: a fuzz target asks it about each input, which costs a line over
// a pipe rather than an interpreter start-up (about 20 ms) per input.
//
// The protocol is lines: Ask writes one line to the script's standard input
// and reads a fixed number of lines back from its standard output. The script
// must flush after each answer. A Coprocess is safe for use by several
// goroutines; their questions are answered one at a time.
type Coprocess struct {
	mu     sync.Mutex
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	stderr *lockedBuffer
	dead   error // the first failure; every later Ask returns it
}

// Start starts script under python3 and returns it as a Coprocess. Like
// Python, it fails t under CI=true when python3 is missing and skips t
// otherwise; a script that cannot be started fails t. The caller closes it
// (t.Cleanup(c.Close) or f.Cleanup(c.Close)); a test binary that exits
// without closing it leaves python3 to read end of file and exit too.
func Start(t testing.TB, script string) *Coprocess {
	t.Helper()
	py := Python(t)
	cmd := exec.Command(py, "-u", "-c", script)
	cmd.Env = append(os.Environ(), "PYTHONIOENCODING=utf-8", "PYTHONUTF8=1")
	c := &Coprocess{cmd: cmd, stderr: &lockedBuffer{}}
	cmd.Stderr = c.stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatalf("python3 co-process: %v", err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatalf("python3 co-process: %v", err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("python3 co-process: %v", err)
	}
	c.in, c.out = in, bufio.NewReaderSize(out, 1<<16)
	return c
}

// Ask sends line (a '\n' is added) and returns the n lines of the answer,
// without their '\n'. If python3 has died, or dies before answering, the
// error says so and shows the end of its standard error.
func (c *Coprocess) Ask(line string, n int) ([]string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dead != nil {
		return nil, c.dead
	}
	if strings.Contains(line, "\n") {
		return nil, fmt.Errorf("pyoracle: a question must be one line")
	}
	if _, err := io.WriteString(c.in, line+"\n"); err != nil {
		return nil, c.fail(err)
	}
	answer := make([]string, n)
	for i := range answer {
		s, err := c.out.ReadString('\n')
		if err != nil {
			return nil, c.fail(err)
		}
		answer[i] = strings.TrimSuffix(s, "\n")
	}
	return answer, nil
}

// fail records the death of the co-process. c.mu is held.
func (c *Coprocess) fail(err error) error {
	c.in.Close()
	werr := c.cmd.Wait()
	c.dead = fmt.Errorf("python3 co-process died (%v; %v)\nstderr:\n%s", err, werr, tail(c.stderr.String(), 4000))
	return c.dead
}

// Close ends the co-process: it closes python3's standard input, so that the
// script's read loop ends, and waits for it to exit.
func (c *Coprocess) Close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dead != nil {
		return
	}
	c.in.Close()
	c.cmd.Wait()
	c.dead = fmt.Errorf("pyoracle: co-process closed")
}

// lockedBuffer collects python3's standard error, which exec copies in a
// goroutine of its own while Ask may read it.
// Only the last 64 KiB are kept: a long-lived python3 could print without
// end, and the traceback that matters comes last.
type lockedBuffer struct {
	mu sync.Mutex
	b  []byte
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.b = append(b.b, p...)
	if len(b.b) > 128<<10 {
		b.b = append(b.b[:0], b.b[len(b.b)-64<<10:]...)
	}
	return len(p), nil
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.b)
}
