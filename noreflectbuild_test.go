//go:build jsondump_noreflect

package jsondump_test

// reflectBuild says which build the tests run in: this one is built with
// -tags jsondump_noreflect, without the reflective path, so values of types
// that are neither generated nor listed forms are unknown objects (the
// Default hook, else TypeError).
const reflectBuild = false
