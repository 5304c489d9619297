//go:build !linux

package jsontool

// adviseHugePages does nothing outside Linux.
func adviseHugePages(b []byte) {}
