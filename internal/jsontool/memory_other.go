//go:build !linux

package jsontool

import "os"

// adviseHugePages does nothing outside Linux.
func adviseHugePages(b []byte) {}

// mapFile reports false outside Linux: files are read.
func mapFile(f *os.File, n int64) (text []byte, unmap func(), ok bool) { return nil, nil, false }
