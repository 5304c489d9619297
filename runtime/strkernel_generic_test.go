//go:build !amd64 || purego

package jsondumprt

import "testing"

// strKernelsOff does nothing: this build has no kernels to turn off.
func strKernelsOff() (restore func()) { return func() {} }

// strKernelCheckRaw does nothing: this build has no assembly kernels.
func strKernelCheckRaw(t *testing.T, x *strKernelScratch, where string, s string, quick bool) {}
