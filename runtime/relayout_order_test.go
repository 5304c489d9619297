package jsondumprt

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// TestRelayoutRepeatedKeys lays out objects of many members (more than
// rlSmallObject, where order looks for repeated keys in a hash table), with
// and without repeated keys, some spelled with escapes, and checks the dict
// that json.loads builds of them: each key at the place of its first
// occurrence, with its last value.
func TestRelayoutRepeatedKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 3000 {
		n := 2 + r.IntN(80)
		pool := 1 + r.IntN(2*n)
		var text strings.Builder
		var order []string
		last := map[string]int{}
		text.WriteString("{")
		for i := range n {
			if i > 0 {
				text.WriteString(", ")
			}
			k := "k" + strconv.Itoa(r.IntN(pool))
			if r.IntN(4) == 0 {
				text.WriteString(`"\u006b` + k[1:] + `": `) // "\u006b" is "k"
			} else {
				text.WriteString(`"` + k + `": `)
			}
			text.WriteString(strconv.Itoa(i))
			if _, ok := last[k]; !ok {
				order = append(order, k)
			}
			last[k] = i
		}
		text.WriteString("}")
		var want strings.Builder
		want.WriteString("{")
		for i, k := range order {
			if i > 0 {
				want.WriteString(",")
			}
			want.WriteString(`"` + k + `":` + strconv.Itoa(last[k]))
		}
		want.WriteString("}")

		e := NewEncoder(nil, []Option{SeparatorsOption(",", ":")})
		err := e.relayout([]byte(text.String()))
		got, _ := e.Finish()
		if err != nil || string(got) != want.String() {
			t.Fatalf("trial %d: Relayout(%s) = %s, %v; want %s", trial, text.String(), got, err, want.String())
		}
	}
}
