// Jsondump validates and pretty-prints JSON exactly as CPython 3.11's
// json.tool does (python -m json.tool): the same flags, the same output
// byte for byte, the same error messages and exit statuses, many times
// faster.
//
// Usage:
//
//	jsondump [--sort-keys] [--no-ensure-ascii] [--json-lines] [--indent N | --tab | --no-indent | --compact] [infile [outfile]]
//
// It reads infile (standard input when it is missing or "-") as json.load
// reads it, and writes json.dump of it, and a newline, to outfile (standard
// output when it is missing):
//
//	$ echo '{"b": [1, 2.50], "a": "é"}' | jsondump --sort-keys
//	{
//	    "a": "\u00e9",
//	    "b": [
//	        1,
//	        2.5
//	    ]
//	}
//
// Flags:
//
//	--sort-keys        sort the output of dictionaries alphabetically by key
//	--no-ensure-ascii  disable escaping of non-ASCII characters
//	--json-lines       parse input using the JSON Lines format (one document a line)
//	--indent N         separate items with newlines and use N spaces for indentation (default 4)
//	--tab              separate items with newlines and use tabs for indentation
//	--no-indent        separate items with spaces rather than newlines
//	--compact          suppress all whitespace separation (most compact)
//	-h, --help         show the help message and exit
//
// Input that Python's json module rejects (a syntax error, invalid UTF-8,
// a byte order mark, an int of more than 4300 digits) is reported with
// CPython's message, "Expecting ',' delimiter: line 3 column 12 (char 27)",
// and exit status 1. A usage error exits with status 2.
//
// Where it differs from json.tool, on purpose: a run that fails leaves an
// existing outfile as it was (json.tool truncates it first), and documents
// nested deeper than CPython can read (about 990 levels) are read up to
// 1000 levels, beyond which jsondump fails with CPython's RecursionError
// message instead of a traceback. See package
// github.com/jsondump/jsondump/internal/jsontool for the details.
package main

import (
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/jsondump/jsondump/internal/jsontool"
)

func main() {
	// One run holds its input and its output, and makes little else:
	// collecting garbage before the heap is five times what is live (and
	// not below 16 MB) only costs time (citm_catalog.json: a sixth of the
	// CPU time). $GOGC still decides when it is set.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	// A closed pipe on stdout (jsondump big.json | head) is EPIPE for
	// Main, which exits 32 as json.tool does, rather than SIGPIPE.
	signal.Ignore(syscall.SIGPIPE)
	os.Exit(jsontool.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
