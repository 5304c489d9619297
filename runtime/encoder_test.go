package runtime

import (
	"testing"
	"time"
)

// TestEncoderEmptyIndent checks that indent=0 and indent="" lay out with
// newlines on a fresh Encoder. Python: json.dumps([1, [2]], indent=0) ==
// '[\n1,\n[\n2\n]\n]'. (A fresh Encoder once looped forever here: its
// newline cache started empty and matched the empty indent.)
func TestEncoderEmptyIndent(t *testing.T) {
	for _, opt := range []Option{IndentOption(0), IndentOption(-3), IndentStringOption("")} {
		done := make(chan string, 1)
		go func() {
			e := &Encoder{}
			e.cfg = MakeConfig([]Option{opt})
			e.reset()
			e.Any([]any{1, []any{2}})
			done <- string(e.buf)
		}()
		select {
		case got := <-done:
			if want := "[\n1,\n[\n2\n]\n]"; got != want {
				t.Errorf("indent %+v: got %q, want %q", opt, got, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("indent %+v: encoding did not finish", opt)
		}
	}
}
