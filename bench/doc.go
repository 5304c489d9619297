// Package bench compares jsondump's generated encoders with the other Go JSON
// encoders and with CPython's json.dumps, on the same decoded values.
//
// It is a module of its own so that none of the peers it measures becomes a
// dependency of jsondump's users. The struct types mirror the files of
// ../../shared/jsondata (twitter.json, citm_catalog.json, canada.json) and two
// payloads of our own, testdata/small.json and testdata/medium.json; each has
// jsondump-generated methods (*_jsondump.go) and easyjson-generated methods
// (*_easyjson.go), both checked in and produced by go generate.
//
// The Mirror types (*_mirror.go, written by cmd/mirrortypes) are copies of
// the twitter, citm_catalog, canada and payload types without methods, for
// the reflective path's row (enc=jsondump-reflect).
//
// Run the whole comparison with ./run.sh; see README.md. It runs the
// benchmarks in rounds, every encoder and CPython once per round, and
// cmd/benchreport takes every ratio round by round.
package bench

//go:generate go run ./cmd/mirrortypes twitter.go citm.go canada.go payload.go
