//go:build !(linux || darwin)

package jsontool

import "os"

// terminalWidth returns 0: on this system the help is laid out for $COLUMNS
// or 80 columns.
func terminalWidth(f *os.File) int { return 0 }
