// Package jsondumprt is the engine that code written by jsondumpgen calls, and
// that the root package jsondump uses for values of other types: the output
// buffer and its flushing, separators and indentation, string escaping,
// Python's float and int repr, map keys and their order, dynamic (any)
// values, cycle and depth checks, and the errors, with Python's messages.
//
// The Append functions (AppendString, AppendUint, AppendFloat64, …) and the
// Encoder store several bytes at a time: besides the bytes they append, they
// may change those of the buffer's spare capacity past them (the Encoder
// also uses it as scratch space).
//
// Programs import github.com/jsondump/jsondump, not this package. Its
// exported names exist for generated code; they change with the generator,
// which checks the version it was written for
// (GeneratedCodeVersion1). It imports the standard library only, and never
// reflect.
package jsondumprt
