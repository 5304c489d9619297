//go:build !jsondump_noreflect

package jsondump_test

// reflectBuild says which build the tests run in: this one has the
// reflective path (reflect*.go in runtime/), so values of types that are
// neither generated nor listed forms are written, not unknown objects.
const reflectBuild = true
