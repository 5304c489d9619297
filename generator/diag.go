package generator

import (
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// A Diagnostic is a problem found in the input package.
type Diagnostic struct {
	Pos token.Position
	Msg string
}

// Error returns "file:line:col: msg", the form go/types and the compiler
// use, or "jsondumpgen: msg" for a problem that has no position (an unknown
// -type, a directory that does not exist), as the go command prefixes its
// own messages.
func (d Diagnostic) Error() string {
	if !d.Pos.IsValid() && d.Pos.Filename == "" {
		return "jsondumpgen: " + d.Msg
	}
	return d.Pos.String() + ": " + d.Msg
}

// A DiagnosticList is every problem found, sorted by position.
type DiagnosticList []Diagnostic

// maxDiagnostics is where the list stops, as the compiler stops after 10.
const maxDiagnostics = 10

// Error joins the diagnostics with newlines, sorted by position, without
// duplicates, and stops after 10 entries with "too many errors".
func (l DiagnosticList) Error() string {
	l = l.normalize()
	var b strings.Builder
	for i, d := range l {
		if i == maxDiagnostics {
			b.WriteString("too many errors")
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Error())
	}
	return b.String()
}

// normalize sorts l by position and drops duplicates.
func (l DiagnosticList) normalize() DiagnosticList {
	out := slices.Clone(l)
	slices.SortStableFunc(out, func(a, b Diagnostic) int {
		if c := strings.Compare(a.Pos.Filename, b.Pos.Filename); c != 0 {
			return c
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		if a.Pos.Column != b.Pos.Column {
			return a.Pos.Column - b.Pos.Column
		}
		return strings.Compare(a.Msg, b.Msg)
	})
	return slices.Compact(out)
}

// relPos makes a position relative to the working directory when the file
// is under it (the project's diagnostics rule).
func relPos(p token.Position) token.Position {
	if wd, err := os.Getwd(); err == nil && p.Filename != "" {
		if r, err := filepath.Rel(wd, p.Filename); err == nil && !strings.HasPrefix(r, "..") {
			p.Filename = r
		}
	}
	return p
}
