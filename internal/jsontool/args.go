package jsontool

import (
	"os"
	"strings"
	"syscall"
	"unicode"
)

// This file parses the command line as json.tool's argparse parser does
// (Lib/json/tool.py's main, Lib/argparse.py's ArgumentParser.parse_args),
// with its errors word for word: abbreviations (--sort is --sort-keys, --no
// is ambiguous), --flag=value and --flag value, "--" before file names, the
// mutually exclusive indentation flags, two optional positional arguments
// consumed as argparse consumes them, and the input file opened while the
// arguments are parsed, so that a file that cannot be opened is a usage
// error.

// An action is one of json.tool's optional arguments.
type action int

const (
	actNone action = iota // an option string that matches none
	actHelp
	actSortKeys
	actNoEnsureASCII
	actJSONLines
	actIndent
	actTab
	actNoIndent
	actCompact
)

// optionStrings are the parser's option strings in the order json.tool adds
// them (argparse adds -h/--help first): the order in which an ambiguous
// abbreviation lists its matches.
var optionStrings = []struct {
	s   string
	act action
}{
	{"-h", actHelp},
	{"--help", actHelp},
	{"--sort-keys", actSortKeys},
	{"--no-ensure-ascii", actNoEnsureASCII},
	{"--json-lines", actJSONLines},
	{"--indent", actIndent},
	{"--tab", actTab},
	{"--no-indent", actNoIndent},
	{"--compact", actCompact},
}

// actionNames are the names argparse gives the actions in its errors
// (_get_action_name: the option strings joined by "/").
var actionNames = [...]string{
	actHelp:          "-h/--help",
	actSortKeys:      "--sort-keys",
	actNoEnsureASCII: "--no-ensure-ascii",
	actJSONLines:     "--json-lines",
	actIndent:        "--indent",
	actTab:           "--tab",
	actNoIndent:      "--no-indent",
	actCompact:       "--compact",
}

// inGroup reports whether a belongs to json.tool's mutually exclusive
// group: --indent, --tab, --no-indent, --compact.
func inGroup(a action) bool { return a >= actIndent }

// lookupOption returns the action of the exact option string s.
func lookupOption(s string) (action, bool) {
	for _, o := range optionStrings {
		if o.s == s {
			return o.act, true
		}
	}
	return actNone, false
}

// indentKind is what json.tool passes as indent=.
type indentKind int

const (
	indentSpaces indentKind = iota // an int: that many spaces (none when <= 0)
	indentTab                      // --tab: "\t"
	indentNone                     // --no-indent: None (--compact has its own field, which wins)
)

// config is the parsed command line, json.tool's argparse Namespace.
type config struct {
	sortKeys    bool
	ensureASCII bool
	jsonLines   bool
	compact     bool
	indent      indentKind
	spaces      int64 // indentSpaces: the int
	spacesHuge  bool  // indentSpaces: the int does not fit an int64
	help        bool  // -h: print the help and exit 0

	in     *os.File // the infile, opened while parsing (argparse.FileType); nil for stdin
	out    string   // the outfile as pathlib.Path spells it
	hasOut bool     // an outfile was given
}

// A usageError is argparse's error: parse_args prints the usage and
// "jsondump: error: " and the message to stderr, and exits with status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// argError is argparse's ArgumentError: the argument's name, then msg.
func argError(name, msg string) *usageError {
	return &usageError{msg: "argument " + name + ": " + msg}
}

// An optTuple is what argparse's _parse_optional makes of an argument that
// looks like an option: the action (actNone when none matches), the option
// string it matched and the explicit argument after "=" or after a
// single-dash option's letter.
type optTuple struct {
	act      action
	opt      string
	explicit string
	hasExpl  bool
}

// parseOptional is argparse's _parse_optional: it reports whether arg is an
// option (else it is a positional argument) and which. An abbreviation that
// matches several options is an error at once, before any argument is
// acted on.
func parseOptional(arg string) (optTuple, bool, *usageError) {
	if arg == "" || arg[0] != '-' {
		return optTuple{}, false, nil
	}
	if act, ok := lookupOption(arg); ok {
		return optTuple{act: act, opt: arg}, true, nil
	}
	if len(arg) == 1 {
		return optTuple{}, false, nil // "-" is stdin
	}
	if before, after, ok := strings.Cut(arg, "="); ok {
		if act, ok := lookupOption(before); ok {
			return optTuple{act: act, opt: before, explicit: after, hasExpl: true}, true, nil
		}
	}
	tuples := optionTuples(arg)
	if len(tuples) > 1 {
		var names []string
		for _, t := range tuples {
			names = append(names, t.opt)
		}
		return optTuple{}, false, &usageError{msg: "ambiguous option: " + pyText(arg) + " could match " + strings.Join(names, ", ")}
	}
	if len(tuples) == 1 {
		return tuples[0], true, nil
	}
	if isNegativeNumber(arg) || strings.Contains(arg, " ") {
		// The parser has no option that looks like a negative number,
		// so "-1" is a positional argument, and so is anything with a
		// space.
		return optTuple{}, false, nil
	}
	return optTuple{act: actNone, opt: arg}, true, nil
}

// optionTuples is argparse's _get_option_tuples: the options that arg
// abbreviates. "--x=v" matches the options that start with "--x"; "-hv"
// is -h with the explicit argument "v".
func optionTuples(arg string) []optTuple {
	var out []optTuple
	if arg[1] == '-' {
		prefix, explicit, has := strings.Cut(arg, "=")
		for _, o := range optionStrings {
			if strings.HasPrefix(o.s, prefix) {
				out = append(out, optTuple{act: o.act, opt: o.s, explicit: explicit, hasExpl: has})
			}
		}
		return out
	}
	for _, o := range optionStrings {
		switch {
		case o.s == arg[:2]:
			out = append(out, optTuple{act: o.act, opt: o.s, explicit: arg[2:], hasExpl: true})
		case strings.HasPrefix(o.s, arg):
			out = append(out, optTuple{act: o.act, opt: o.s})
		}
	}
	return out
}

// isNegativeNumber is argparse's _negative_number_matcher,
// ^-\d+$|^-\d*\.\d+$ (\d of Python's re matches any Unicode digit, and $
// matches before a final newline too).
func isNegativeNumber(arg string) bool {
	s := []rune(strings.TrimSuffix(arg[1:], "\n"))
	digits := func(r []rune) int {
		n := 0
		for n < len(r) && unicode.IsDigit(r[n]) {
			n++
		}
		return n
	}
	n := digits(s)
	if n == len(s) {
		return n > 0
	}
	if s[n] != '.' {
		return false
	}
	m := digits(s[n+1:])
	return m > 0 && n+1+m == len(s)
}

// parseArgs parses args as json.tool's parser.parse_args() does
// (ArgumentParser._parse_known_args). It returns the configuration, or a
// *usageError. The input file is opened as argparse.FileType opens it, when
// its argument is consumed; the caller closes cfg.in.
func parseArgs(args []string) (cfg *config, err error) {
	cfg = &config{ensureASCII: true, indent: indentSpaces, spaces: 4}
	defer func() {
		if err != nil && cfg.in != nil {
			cfg.in.Close()
			cfg.in = nil
		}
	}()

	// The pattern: 'O' for an option, 'A' for an argument, '-' for the
	// first "--", after which every argument is an 'A'.
	pattern := make([]byte, len(args))
	tuples := make(map[int]optTuple)
	dashdash := false
	for i, arg := range args {
		switch {
		case dashdash:
			pattern[i] = 'A'
		case arg == "--":
			pattern[i] = '-'
			dashdash = true
		default:
			t, isOpt, uerr := parseOptional(arg)
			if uerr != nil {
				return cfg, uerr
			}
			if isOpt {
				pattern[i] = 'O'
				tuples[i] = t
			} else {
				pattern[i] = 'A'
			}
		}
	}

	var extras []string
	seenNonDefault := map[action]bool{}

	// takeAction is argparse's take_action for an optional argument: the
	// conversion of its value, then the check of the mutually exclusive
	// group, for actions whose value is not the default object itself
	// (only --indent 4 is: int("4") is the cached small int 4).
	takeAction := func(act action, values []string) error {
		var n int64
		fits := true
		if act == actIndent {
			var ok bool
			n, fits, ok = pyInt(values[0])
			if !ok {
				return argError(actionNames[act], "invalid int value: "+pyRepr(values[0]))
			}
		}
		if !(act == actIndent && fits && n == 4) {
			seenNonDefault[act] = true
			if inGroup(act) {
				for _, other := range []action{actIndent, actTab, actNoIndent, actCompact} {
					if other != act && seenNonDefault[other] {
						return argError(actionNames[act], "not allowed with argument "+actionNames[other])
					}
				}
			}
		}
		switch act {
		case actHelp:
			cfg.help = true
		case actSortKeys:
			cfg.sortKeys = true
		case actNoEnsureASCII:
			cfg.ensureASCII = false
		case actJSONLines:
			cfg.jsonLines = true
		case actIndent:
			cfg.indent, cfg.spaces, cfg.spacesHuge = indentSpaces, n, !fits
		case actTab:
			cfg.indent = indentTab
		case actNoIndent:
			cfg.indent = indentNone
		case actCompact:
			cfg.compact = true
		}
		return nil
	}

	// consumeOptional is argparse's consume_optional: the option at
	// args[i], its argument, and for -hh... the further single-dash
	// options packed in the same argument. It returns the index after
	// what it consumed.
	consumeOptional := func(i int) (int, error) {
		t := tuples[i]
		type taken struct {
			act    action
			values []string
		}
		var todo []taken
		stop := i + 1
		for {
			if t.act == actNone {
				extras = append(extras, args[i])
				return i + 1, nil
			}
			nargs := 0
			if t.act == actIndent {
				nargs = 1
			}
			if t.hasExpl {
				if nargs == 0 && t.opt[1] != '-' && t.explicit != "" {
					// -hx: more single-dash options in the same argument.
					todo = append(todo, taken{t.act, nil})
					next := "-" + t.explicit[:1]
					act, ok := lookupOption(next)
					if !ok {
						return 0, argError(actionNames[t.act], "ignored explicit argument "+pyRepr(t.explicit))
					}
					t = optTuple{act: act, opt: next, explicit: t.explicit[1:], hasExpl: len(t.explicit) > 1}
					continue
				}
				if nargs == 1 {
					todo = append(todo, taken{t.act, []string{t.explicit}})
					break
				}
				return 0, argError(actionNames[t.act], "ignored explicit argument "+pyRepr(t.explicit))
			}
			if nargs == 1 {
				if i+1 >= len(args) || pattern[i+1] != 'A' {
					return 0, argError(actionNames[t.act], "expected one argument")
				}
				todo = append(todo, taken{t.act, []string{args[i+1]}})
				stop = i + 2
				break
			}
			todo = append(todo, taken{t.act, nil})
			break
		}
		for _, a := range todo {
			if err := takeAction(a.act, a.values); err != nil {
				return 0, err
			}
			if cfg.help {
				return stop, nil
			}
		}
		return stop, nil
	}

	// consumePositionals is argparse's consume_positionals for json.tool's
	// two optional positional arguments, infile and outfile (nargs='?'):
	// the pattern (-*A?-*)(-*A?-*) always matches, so the first call takes
	// both, perhaps with no argument each, and later calls take none.
	positionalsLeft := true
	consumePositionals := func(i int) (int, error) {
		if !positionalsLeft {
			return i, nil
		}
		positionalsLeft = false
		for p := 0; p < 2; p++ {
			var values []string
			for i < len(pattern) && pattern[i] == '-' {
				values = append(values, args[i])
				i++
			}
			if i < len(pattern) && pattern[i] == 'A' {
				values = append(values, args[i])
				i++
			}
			for i < len(pattern) && pattern[i] == '-' {
				values = append(values, args[i])
				i++
			}
			// _get_values drops the first "--".
			for k, v := range values {
				if v == "--" {
					values = append(values[:k:k], values[k+1:]...)
					break
				}
			}
			if len(values) == 0 {
				continue // the default: stdin, or no outfile
			}
			if p == 0 {
				if err := openInfile(cfg, values[0]); err != nil {
					return 0, err
				}
			} else {
				cfg.hasOut, cfg.out = true, pyPath(values[0])
			}
		}
		return i, nil
	}

	maxOption := -1
	for i := range tuples {
		maxOption = max(maxOption, i)
	}
	start := 0
	for start <= maxOption {
		next := len(args)
		for i := range tuples {
			if i >= start && i < next {
				next = i
			}
		}
		if start != next {
			end, err := consumePositionals(start)
			if err != nil {
				return cfg, err
			}
			if end > start {
				start = end
				continue
			}
		}
		if _, ok := tuples[start]; !ok {
			extras = append(extras, args[start:next]...)
			start = next
		}
		start, err = consumeOptional(start)
		if err != nil {
			return cfg, err
		}
		if cfg.help {
			return cfg, nil
		}
	}
	end, err := consumePositionals(start)
	if err != nil {
		return cfg, err
	}
	extras = append(extras, args[end:]...)
	if len(extras) > 0 {
		shown := make([]string, len(extras))
		for i, e := range extras {
			shown[i] = pyText(e)
		}
		return cfg, &usageError{msg: "unrecognized arguments: " + strings.Join(shown, " ")}
	}
	return cfg, nil
}

// openInfile opens the infile argument as argparse.FileType("r",
// encoding="utf-8") does: "-" is stdin; a file that open() refuses (a
// directory included) is the usage error "argument infile: can't open
// 'x': [Errno 2] No such file or directory: 'x'".
func openInfile(cfg *config, name string) error {
	if cfg.in != nil {
		cfg.in.Close()
		cfg.in = nil
	}
	if name == "-" {
		return nil
	}
	f, err := os.Open(name)
	if err == nil {
		if fi, serr := f.Stat(); serr == nil && fi.IsDir() {
			f.Close()
			err = &os.PathError{Op: "open", Path: name, Err: syscall.EISDIR}
		}
	}
	if err != nil {
		return argError("infile", "can't open '"+pyText(name)+"': "+pyOSError(err, name))
	}
	cfg.in = f
	return nil
}
