// The golden files are compiled only by generator's end-to-end test, next to
// their testdata package. This go.mod keeps them out of the main module's
// ./... (a nested module is not part of it), so go build ./... and go vet
// ./... do not try to compile them without their package's other files.
module github.com/jsondump/jsondump/golden

go 1.26
