// Package intest declares its generated type in a _test.go file.
package intest

type Inner struct{ V float32 }
