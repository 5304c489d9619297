package jsontool

import (
	"os"
	"strings"
)

// This file writes the usage and help texts of json.tool's parser as
// argparse's HelpFormatter lays them out (Lib/argparse.py) for a terminal
// of a given width, with the program named jsondump; the help texts are
// json.tool's own (Lib/json/tool.py).

// prog is the program's name in the usage line and in errors: json.tool
// names itself "python -m json.tool".
const prog = "jsondump"

// usageOptionals and usagePositionals are the parts of the usage line, as
// _format_usage splits it for wrapping: one part per argument, the mutually
// exclusive group as one.
var (
	usageOptionals = []string{
		"[-h]", "[--sort-keys]", "[--no-ensure-ascii]", "[--json-lines]",
		"[--indent INDENT | --tab | --no-indent | --compact]",
	}
	usagePositionals = []string{"[infile]", "[outfile]"}
)

// A helpEntry is one argument in the help: its invocation, as
// _format_action_invocation writes it, and its help text, cut into the
// chunks of textwrap.TextWrapper._split: words, the single spaces between
// them, and a hyphenated word cut after its hyphen ("pretty-", "print").
// The chunks are written here as TextWrapper splits json.tool's texts
// (checked against CPython by TestHelpChunks).
type helpEntry struct {
	invocation string
	chunks     []string
}

// helpTexts returns json.tool's texts cut into chunks: the description,
// and the positional and optional arguments. They are built when the help is
// asked for, not at every start.
func helpTexts() (description []string, positionals, optionals []helpEntry) {
	description = chunksOf("A simple command line interface for json module to validate and pretty-|print JSON objects.")
	positionals = []helpEntry{
		{"infile", chunksOf("a JSON file to be validated or pretty-|printed")},
		{"outfile", chunksOf("write the output of infile to outfile")},
	}
	optionals = []helpEntry{
		{"-h, --help", chunksOf("show this help message and exit")},
		{"--sort-keys", chunksOf("sort the output of dictionaries alphabetically by key")},
		{"--no-ensure-ascii", chunksOf("disable escaping of non-|ASCII characters")},
		{"--json-lines", chunksOf("parse input using the JSON Lines format. Use with --no-|indent or --compact to produce valid JSON Lines output.")},
		{"--indent INDENT", chunksOf("separate items with newlines and use this number of spaces for indentation")},
		{"--tab", chunksOf("separate items with newlines and use tabs for indentation")},
		{"--no-indent", chunksOf("separate items with spaces rather than newlines")},
		{"--compact", chunksOf("suppress all whitespace separation (most compact)")},
	}
	return description, positionals, optionals
}

// chunksOf splits s into TextWrapper chunks: at each space, keeping the
// space as a chunk, and at each "|", which marks where TextWrapper breaks a
// hyphenated word.
func chunksOf(s string) []string {
	var out []string
	for i, w := range strings.Split(s, " ") {
		if i > 0 {
			out = append(out, " ")
		}
		out = append(out, strings.Split(w, "|")...)
	}
	return out
}

// usageText is ArgumentParser.format_usage for a terminal of the given
// width in columns (HelpFormatter takes two off): "usage: jsondump ...",
// wrapped as _format_usage wraps it, and a newline.
func usageText(columns int) string {
	return "usage: " + usageBody(columns-2) + "\n"
}

// usageBody is the usage after "usage: ", for a formatter of width w.
func usageBody(w int) string {
	const prefix = "usage: "
	parts := append(append([]string{}, usageOptionals...), usagePositionals...)
	usage := prog + " " + strings.Join(parts, " ")
	if len(prefix)+len(usage) <= w {
		return usage
	}
	// getLines is _format_usage's get_lines: parts joined by spaces, a
	// new line, indented, when the next part would pass w.
	getLines := func(parts []string, indent string, hasPrefix bool) []string {
		var lines []string
		var line []string
		lineLen := len(indent) - 1
		if hasPrefix {
			lineLen = len(prefix) - 1
		}
		for _, part := range parts {
			if lineLen+1+len(part) > w && len(line) > 0 {
				lines = append(lines, indent+strings.Join(line, " "))
				line = nil
				lineLen = len(indent) - 1
			}
			line = append(line, part)
			lineLen += len(part) + 1
		}
		if len(line) > 0 {
			lines = append(lines, indent+strings.Join(line, " "))
		}
		if hasPrefix {
			lines[0] = lines[0][len(indent):]
		}
		return lines
	}
	var lines []string
	if float64(len(prefix)+len(prog)) <= 0.75*float64(w) {
		// A short prog: the optionals follow it, the positionals line up
		// under them.
		indent := strings.Repeat(" ", len(prefix)+len(prog)+1)
		lines = getLines(append([]string{prog}, usageOptionals...), indent, true)
		lines = append(lines, getLines(usagePositionals, indent, false)...)
	} else {
		// A long prog (or a narrow terminal): prog on a line of its own.
		indent := strings.Repeat(" ", len(prefix))
		lines = getLines(parts, indent, false)
		if len(lines) > 1 {
			lines = append(getLines(usageOptionals, indent, false), getLines(usagePositionals, indent, false)...)
		}
		lines = append([]string{prog}, lines...)
	}
	return strings.Join(lines, "\n")
}

// helpText is ArgumentParser.format_help for a terminal of the given width:
// the usage, the description, and the two sections of arguments.
func helpText(columns int) string {
	w := columns - 2
	descriptionChunks, positionalEntries, optionalEntries := helpTexts()
	var b strings.Builder
	b.WriteString("usage: " + usageBody(w) + "\n\n")
	for _, line := range wrapChunks(descriptionChunks, max(w, 11)) {
		b.WriteString(line + "\n")
	}
	// _format_action: help_position is the widest invocation (with the
	// section's indent of 2, "--no-ensure-ascii" makes 19) plus 2, at most
	// max_help_position.
	const indent = 2
	maxLen := 0
	for _, e := range append(append([]helpEntry{}, positionalEntries...), optionalEntries...) {
		maxLen = max(maxLen, len(e.invocation)+indent)
	}
	maxHelpPosition := min(24, max(w-20, 4))
	helpPosition := min(maxLen+2, maxHelpPosition)
	helpWidth := max(w-helpPosition, 11)
	actionWidth := helpPosition - indent - 2
	section := func(heading string, entries []helpEntry) {
		b.WriteString("\n" + heading + ":\n")
		for _, e := range entries {
			first := 0
			if len(e.invocation) <= actionWidth {
				b.WriteString(strings.Repeat(" ", indent) + e.invocation + strings.Repeat(" ", actionWidth-len(e.invocation)) + "  ")
			} else {
				b.WriteString(strings.Repeat(" ", indent) + e.invocation + "\n")
				first = helpPosition
			}
			for i, line := range wrapChunks(e.chunks, helpWidth) {
				pad := helpPosition
				if i == 0 {
					pad = first
				}
				b.WriteString(strings.Repeat(" ", pad) + line + "\n")
			}
		}
	}
	section("positional arguments", positionalEntries)
	section("options", optionalEntries)
	return b.String()
}

// wrapChunks is textwrap.TextWrapper._wrap_chunks with json.tool's help
// formatter's settings (no indent, whitespace dropped at line ends, long
// words broken, after a hyphen where one fits): it fills lines of at most
// width characters with whole chunks, and cuts a chunk longer than a line.
func wrapChunks(in []string, width int) []string {
	chunks := make([]string, len(in))
	for i, c := range in {
		chunks[len(in)-1-i] = c // reversed: the next chunk is the last
	}
	var lines []string
	for len(chunks) > 0 {
		var cur []string
		curLen := 0
		if strings.TrimSpace(chunks[len(chunks)-1]) == "" && len(lines) > 0 {
			chunks = chunks[:len(chunks)-1]
		}
		for len(chunks) > 0 {
			l := len(chunks[len(chunks)-1])
			if curLen+l > width {
				break
			}
			cur = append(cur, chunks[len(chunks)-1])
			chunks = chunks[:len(chunks)-1]
			curLen += l
		}
		if len(chunks) > 0 && len(chunks[len(chunks)-1]) > width {
			// _handle_long_word: as much of it as fits, cut after the last
			// hyphen in that room if there is one with something before it.
			spaceLeft := width - curLen
			if width < 1 {
				spaceLeft = 1
			}
			chunk := chunks[len(chunks)-1]
			end := spaceLeft
			if len(chunk) > spaceLeft {
				if h := strings.LastIndexByte(chunk[:spaceLeft], '-'); h > 0 && strings.Trim(chunk[:h], "-") != "" {
					end = h + 1
				}
			}
			cur = append(cur, chunk[:end])
			chunks[len(chunks)-1] = chunk[end:]
		}
		if len(cur) > 0 && strings.TrimSpace(cur[len(cur)-1]) == "" {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 {
			lines = append(lines, strings.Join(cur, ""))
		}
	}
	return lines
}

// terminalColumns is the width argparse formats for:
// shutil.get_terminal_size().columns, which is $COLUMNS when it is a
// positive int, else the width of the terminal on stdout, else 80.
func terminalColumns(stdout any) int {
	if n, _, ok := pyInt(os.Getenv("COLUMNS")); ok && n > 0 {
		return int(min(n, 1<<20)) // wider than any line of the help
	}
	if f, ok := stdout.(*os.File); ok {
		if n := terminalWidth(f); n > 0 {
			return n
		}
	}
	return 80
}
