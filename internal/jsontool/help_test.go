package jsontool

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/jsondump/jsondump/internal/pyoracle"
)

// TestHelpChunks checks the texts of help.go against json.tool's parser,
// taken from CPython as json.tool builds it: the description and each
// argument's invocation and help, and the chunks textwrap cuts them into.
// (The layout of the chunks at every width is compared by TestCommandLines.)
func TestHelpChunks(t *testing.T) {
	const script = `
import argparse, json, textwrap, json.tool
class Got(Exception):
    pass
def grab(self, *a, **k):
    raise Got(self)
argparse.ArgumentParser.parse_args = grab
try:
    json.tool.main()
except Got as g:
    p = g.args[0]
f = p._get_formatter()
w = textwrap.TextWrapper()
out = [['', w._split(p.description)]]
for a in p._actions:
    out.append([f._format_action_invocation(a), w._split(a.help)])
print(json.dumps(out))
`
	var want [][2]json.RawMessage
	if err := json.Unmarshal(pyoracle.Run(t, script, nil), &want); err != nil {
		t.Fatal(err)
	}
	descriptionChunks, positionalEntries, optionalEntries := helpTexts()
	got := []helpEntry{{"", descriptionChunks}}
	got = append(got, optionalEntries[0])
	got = append(got, positionalEntries...)
	got = append(got, optionalEntries[1:]...)
	if len(got) != len(want) {
		t.Fatalf("help.go has %d entries, json.tool's parser %d", len(got), len(want))
	}
	for i, e := range got {
		var inv string
		var chunks []string
		json.Unmarshal(want[i][0], &inv)
		json.Unmarshal(want[i][1], &chunks)
		if e.invocation != inv || fmt.Sprintf("%q", e.chunks) != fmt.Sprintf("%q", chunks) {
			t.Errorf("entry %d: %q %q, want %q %q", i, e.invocation, e.chunks, inv, chunks)
		}
	}
}
