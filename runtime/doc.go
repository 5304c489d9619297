// Package jsondumprt is the engine that code written by jsondumpgen calls, and
// that the root package jsondump uses for values of other types: the output
// buffer and its flushing, separators and indentation, string escaping,
// Python's float and int repr, map keys and their order, dynamic (any)
// values, cycle and depth checks, and the errors, with Python's messages.
//
// Programs import github.com/jsondump/jsondump, not this package. Its
// exported names exist for generated code and for the root package, which
// gives the types users hold (Option, Dict and Item, the errors and their
// sentinels) their public names; those are stable. The rest changes with the generator, which
// checks the version it was written for (GeneratedCodeVersion2).
//
// It imports the standard library only. Generated code and the dynamic
// forms of Encoder.Any never use reflection; reflect answers questions on
// cold paths only (is this a nil pointer, what is this value's identity for
// a cycle check, is this field empty for a type parameter, can == compare
// two dict keys of a type Python cannot write), and the
// reflective encoder for the other types lives in the reflect*.go files,
// which the build tag jsondump_noreflect leaves out.
package jsondumprt
