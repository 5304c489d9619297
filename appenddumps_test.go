package jsondump_test

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/jsondump/jsondump"
)

// TestAppendDumpsSpareCapacity checks AppendDumps' append contract on
// random values (the differential test's generator) under every option set:
// like append, it never changes a byte of dst's array past the returned
// length, whether the text fits (the result shares the array: its spare
// capacity is untouched) or not (dst's array then holds, past len(dst), at
// most a prefix of the text, as a sequence of appends would leave it). On
// error the result is a prefix too; nothing past it changes.
func TestAppendDumpsSpareCapacity(t *testing.T) {
	const guard = 0xA5
	g := &gen{rand.New(rand.NewPCG(7, 13))}
	n := 400
	if testing.Short() {
		n = 60
	}
	values := make([]any, 0, n+3)
	for range n {
		v, _ := g.value(4)
		values = append(values, v)
	}
	// A Marshaler's text sorted in place, the old scratch use of dst; and
	// text json.loads rejects, which leaves nothing of itself.
	values = append(values, json.RawMessage(`{"b": [1, 2], "a": {"d": 1, "c": 2}, "b": 3}`),
		json.RawMessage(`{"a": [1, 2, `), []any{"x", json.RawMessage(`[NaN]`)})
	checks := 0
	for i, v := range values {
		for _, o := range diffOptionSets {
			for _, room := range []int{0, 7, 64, 1 << 16} {
				want, wantErr := jsondump.AppendDumps([]byte("head"), v, o.opts...)
				arr := bytes.Repeat([]byte{guard}, 4+room)
				copy(arr, "head")
				got, err := jsondump.AppendDumps(arr[:4], v, o.opts...)
				checks++
				if (err == nil) != (wantErr == nil) || !bytes.Equal(got, want) {
					t.Fatalf("value %d, %s, room %d: result %q, %v; alone %q, %v", i, o.name, room, got, err, want, wantErr)
				}
				if cap(got) == cap(arr) && &got[:cap(got)][cap(got)-1] == &arr[cap(arr)-1] {
					// The text fit: the bytes past it are untouched.
					for j := len(got); j < len(arr); j++ {
						if arr[j] != guard {
							t.Fatalf("value %d, %s, room %d: byte %d past the %d-byte result changed to %#x", i, o.name, room, j, len(got), arr[j])
						}
					}
					continue
				}
				// Reallocated: dst's array holds guards, or a prefix of the text.
				for j := 4; j < len(arr); j++ {
					if arr[j] != guard && (j >= len(got) || arr[j] != got[j]) {
						t.Fatalf("value %d, %s, room %d: byte %d of dst's array is %#x, neither untouched nor the text's", i, o.name, room, j, arr[j])
					}
				}
			}
		}
	}
	t.Logf("%d calls checked", checks)
}
