package main

import (
	"testing"

	"github.com/jsondump/jsondump"
)

// TestAppendDumpsAllocs checks the promise of generated code: AppendDumps
// into a buffer with enough capacity allocates nothing, whatever the options.
func TestAppendDumpsAllocs(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("coverage counters allocate")
	}
	emp := &Employee{ID: "04", Name: "sunil", Department: "HR"}
	buf := make([]byte, 0, 1024)
	for _, opts := range [][]jsondump.Option{
		nil,
		{jsondump.Indent(4)},
		{jsondump.Separators(",", ":"), jsondump.EnsureASCII(false), jsondump.SortKeys(true)},
	} {
		// Warm the Encoder pool first; the race detector empties pools at
		// random, so the count is checked without it (CI runs both).
		buf, _ = emp.AppendDumps(buf[:0], opts...)
		n := testing.AllocsPerRun(200, func() {
			buf, _ = emp.AppendDumps(buf[:0], opts...)
		})
		if n != 0 && !raceEnabled {
			t.Errorf("AppendDumps with %d options: %v allocs/op, want 0", len(opts), n)
		}
	}
}
