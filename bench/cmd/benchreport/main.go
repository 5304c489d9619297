// Benchreport writes bench/RESULTS.md from the raw results of one run.sh run:
// Go's benchmark lines for BenchmarkEncode and BenchmarkStream, and the lines
// pybench.py prints for CPython in the same format.
//
//	go run ./cmd/benchreport -raw results.txt -benchstat benchstat.txt -o RESULTS.md
//
// Each figure is the median of the run's -count samples, as benchstat
// reports it; benchstat's own tables, with their confidence intervals, are
// copied at the end of the file.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"slices"
	"sort"
	"strings"

	"golang.org/x/perf/benchfmt"
)

var (
	rawFile   = flag.String("raw", "results.txt", "raw benchmark results")
	statFile  = flag.String("benchstat", "", "benchstat output to append")
	outFile   = flag.String("o", "RESULTS.md", "output file")
	command   = flag.String("command", "./run.sh", "the command that produced the results, for the header")
	extraNote = flag.String("note", "", "a line about the run (date, load) for the header")
)

// The targets of issue 5, and of issue 12 (the reflective path).
const (
	targetPeerSpeedup   = 1.2 // compact vs the fastest peer, time ratio
	targetDefaultSlower = 1.3 // default vs compact on twitter, time ratio
	targetVsCPython     = 20  // MB/s ratio, same mode
	targetStreamMB      = 8   // peak heap growth of Dump, MB
	targetReflectVsJSON = 1.5 // jsondump-reflect vs encoding-json, time ratio
)

// A key names one row of results: a dataset (empty for the stream
// benchmark) and an encoder.
type key struct{ data, enc string }

// samples holds every sample of every unit, as read.
type samples map[key]map[string][]float64

func main() {
	log.SetFlags(0)
	log.SetPrefix("benchreport: ")
	flag.Parse()
	s, meta, err := read(*rawFile)
	if err != nil {
		log.Fatal(err)
	}
	var stat []byte
	if *statFile != "" {
		if stat, err = os.ReadFile(*statFile); err != nil {
			log.Fatal(err)
		}
	}
	var b bytes.Buffer
	write(&b, s, meta, stat)
	if err := os.WriteFile(*outFile, b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}

// read parses the raw results. Units are keyed by their original spelling
// (ns/op, MB/s, B/op, allocs/op, peak-heap-MB), not benchfmt's tidied one.
func read(path string) (samples, map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	s := samples{}
	meta := map[string]string{}
	r := benchfmt.NewReader(f, path)
	for r.Scan() {
		res, ok := r.Result().(*benchfmt.Result)
		if !ok {
			continue // a syntax error or unit metadata: ignored, as benchstat warns about them
		}
		for _, c := range res.Config {
			if c.File {
				meta[c.Key] = string(c.Value)
			}
		}
		k := key{}
		_, parts := res.Name.Parts()
		for _, p := range parts {
			if v, ok := bytes.CutPrefix(p, []byte("/data=")); ok {
				k.data = string(v)
			} else if v, ok := bytes.CutPrefix(p, []byte("/enc=")); ok {
				k.enc = string(v)
			}
		}
		if k.enc == "" {
			continue
		}
		if s[k] == nil {
			s[k] = map[string][]float64{}
		}
		for _, v := range res.Values {
			unit, val := v.Unit, v.Value
			if v.OrigUnit != "" {
				unit, val = v.OrigUnit, v.OrigValue
			}
			s[k][unit] = append(s[k][unit], val)
		}
	}
	return s, meta, r.Err()
}

// median returns the median of k's samples in unit, and whether there are any.
func (s samples) median(k key, unit string) (float64, bool) {
	xs := slices.Clone(s[k][unit])
	if len(xs) == 0 {
		return 0, false
	}
	sort.Float64s(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2], true
	}
	return (xs[n/2-1] + xs[n/2]) / 2, true
}

// datasets lists the datasets present, in the benchmark's order.
func (s samples) datasets() []string {
	order := []string{"twitter", "citm_catalog", "canada", "small", "medium"}
	var out []string
	for _, d := range order {
		for k := range s {
			if k.data == d {
				out = append(out, d)
				break
			}
		}
	}
	return out
}

// encoders lists the encoders measured on data: jsondump's first, then the
// peers fastest first, then CPython's.
func (s samples) encoders(data string) []string {
	var own, peers, py []string
	for k := range s {
		if k.data != data {
			continue
		}
		switch {
		case strings.HasPrefix(k.enc, "jsondump-"):
			own = append(own, k.enc)
		case strings.HasPrefix(k.enc, "cpython-"):
			py = append(py, k.enc)
		default:
			peers = append(peers, k.enc)
		}
	}
	byTime := func(a, b string) int {
		x, _ := s.median(key{data, a}, "ns/op")
		y, _ := s.median(key{data, b}, "ns/op")
		return cmpFloat(x, y)
	}
	ownOrder := []string{"jsondump-compact", "jsondump-default", "jsondump-indent4", "jsondump-Dumps", "jsondump-reflect"}
	slices.SortFunc(own, func(a, b string) int { return slices.Index(ownOrder, a) - slices.Index(ownOrder, b) })
	slices.SortFunc(peers, byTime)
	slices.SortFunc(py, byTime)
	return slices.Concat(own, peers, py)
}

func cmpFloat(x, y float64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// lossy names the encoders whose output is not the same value (see
// encoders_test.go): they are not counted as the fastest peer.
var lossy = map[string]string{"jsoniter-fastest": "rounds floats to 6 decimals"}

// isPeer reports whether enc is another Go library, not jsondump or CPython.
func isPeer(enc string) bool {
	return !strings.HasPrefix(enc, "jsondump-") && !strings.HasPrefix(enc, "cpython-")
}

// fastestPeer returns the peer with the smallest median ns/op on data,
// lossy encoders left out.
func (s samples) fastestPeer(data string) (string, float64) {
	best, bestNs := "", math.Inf(1)
	for _, enc := range s.encoders(data) {
		if !isPeer(enc) || lossy[enc] != "" {
			continue
		}
		if ns, ok := s.median(key{data, enc}, "ns/op"); ok && ns < bestNs {
			best, bestNs = enc, ns
		}
	}
	return best, bestNs
}

func write(b *bytes.Buffer, s samples, meta map[string]string, stat []byte) {
	fmt.Fprintf(b, "# bench results\n\n")
	fmt.Fprintf(b, "Written by `cmd/benchreport` from one run of `%s`", *command)
	if *extraNote != "" {
		fmt.Fprintf(b, " (%s)", *extraNote)
	}
	fmt.Fprintf(b, ". Go: %s/%s, CPU: %s. %s.\n\n", meta["goos"], meta["goarch"], meta["cpu"], meta["python"])
	fmt.Fprintf(b, "Every figure is the median of the run's samples (benchstat's tables with their ±95%% intervals are at the end). ")
	fmt.Fprintf(b, "ns/op is the time to encode the decoded value once; MB/s is the encoder's own output size over that time (so an encoder that writes more bytes, e.g. escaping non-ASCII, gets more MB/s for the same time: compare ns/op across encoders, MB/s against CPython in the same mode). ")
	fmt.Fprintf(b, "*vs compact* is the encoder's ns/op over jsondump-compact's: above 1 means slower than jsondump-compact. ")
	fmt.Fprintf(b, "The encoders are described in README.md.\n\n")

	writeTargets(b, s)

	for _, data := range s.datasets() {
		fmt.Fprintf(b, "## %s\n\n", data)
		fmt.Fprintf(b, "| encoder | ns/op | MB/s | allocs/op | B/op | output | vs compact |\n")
		fmt.Fprintf(b, "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n")
		base, _ := s.median(key{data, "jsondump-compact"}, "ns/op")
		for _, enc := range s.encoders(data) {
			k := key{data, enc}
			ns, _ := s.median(k, "ns/op")
			mbs, _ := s.median(k, "MB/s")
			name := enc
			if enc == "json-v2" {
				name += " †"
			}
			if why := lossy[enc]; why != "" {
				name += " (lossy: " + why + ")"
			}
			fmt.Fprintf(b, "| %s | %s | %.0f | %s | %s | %s | %.2f |\n",
				name, fmtNs(ns), mbs, optional(s, k, "allocs/op"), optional(s, k, "B/op"), s.outputSize(k), ns/base)
		}
		fmt.Fprintf(b, "\n")
	}
	if _, ok := s[key{"", "jsondump-Dump"}]; ok {
		writeStream(b, s)
	}
	fmt.Fprintf(b, "† json-v2 is `encoding/json/v2`, measured in a second `go test` of the same run with GOEXPERIMENT=jsonv2 (the experiment also reimplements `encoding/json`, so the other rows come from a build without it).\n\n")
	if len(stat) > 0 {
		fmt.Fprintf(b, "## benchstat\n\n<details><summary>benchstat of the raw results (results.txt)</summary>\n\n```\n%s```\n\n</details>\n", stat)
	}
}

// outputSize returns the size of k's output: MB/s times ns/op of each
// sample (the two units of one result line), rounded as the printed MB/s
// allows, so to about three significant digits.
func (s samples) outputSize(k key) string {
	ns, mbs := s[k]["ns/op"], s[k]["MB/s"]
	if len(ns) == 0 || len(ns) != len(mbs) {
		return "—"
	}
	sizes := make([]float64, len(ns))
	for i := range ns {
		sizes[i] = ns[i] * mbs[i] / 1e3
	}
	sort.Float64s(sizes)
	kb := sizes[len(sizes)/2] / 1e3
	if kb >= 100 {
		return fmt.Sprintf("%.0f KB", kb)
	}
	return fmt.Sprintf("%.2f KB", kb)
}

func optional(s samples, k key, unit string) string {
	v, ok := s.median(k, unit)
	if !ok {
		return "—"
	}
	return fmt.Sprintf("%.0f", v)
}

// fmtNs prints a time in ns/op with a unit a reader can take in.
func fmtNs(ns float64) string {
	switch {
	case ns >= 1e6:
		return fmt.Sprintf("%.2f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}

func metMissed(ok bool) string {
	if ok {
		return "**met**"
	}
	return "**missed**"
}

func writeTargets(b *bytes.Buffer, s samples) {
	fmt.Fprintf(b, "## Targets (issues 5 and 12)\n\n")
	fmt.Fprintf(b, "| target | measured | |\n| --- | --- | --- |\n")
	for _, data := range []string{"twitter", "citm_catalog", "canada"} {
		own, ok := s.median(key{data, "jsondump-compact"}, "ns/op")
		if !ok {
			continue
		}
		peer, peerNs := s.fastestPeer(data)
		r := peerNs / own
		fmt.Fprintf(b, "| %s: compact ≥ %.1f× faster than the fastest peer | %.2f× (jsondump-compact %s, %s %s) | %s |\n",
			data, targetPeerSpeedup, r, fmtNs(own), peer, fmtNs(peerNs), metMissed(r >= targetPeerSpeedup))
		allocs, _ := s.median(key{data, "jsondump-compact"}, "allocs/op")
		fmt.Fprintf(b, "| %s: compact 0 allocs/op | %.0f allocs/op | %s |\n", data, allocs, metMissed(allocs == 0))
	}
	if c, ok := s.median(key{"twitter", "jsondump-compact"}, "ns/op"); ok {
		d, _ := s.median(key{"twitter", "jsondump-default"}, "ns/op")
		fmt.Fprintf(b, "| twitter: Python-default mode within %.1f× of compact | %.2f× (%s vs %s) | %s |\n",
			targetDefaultSlower, d/c, fmtNs(d), fmtNs(c), metMissed(d/c <= targetDefaultSlower))
	}
	for _, data := range s.datasets() {
		var parts []string
		all := true
		for _, mode := range []string{"compact", "default", "indent4"} {
			own, ok1 := s.median(key{data, "jsondump-" + mode}, "MB/s")
			py, ok2 := s.median(key{data, "cpython-" + mode}, "MB/s")
			if !ok1 || !ok2 {
				continue
			}
			parts = append(parts, fmt.Sprintf("%s %.1f×", mode, own/py))
			all = all && own/py >= targetVsCPython
		}
		if len(parts) > 0 {
			fmt.Fprintf(b, "| %s: ≥ %d× CPython's MB/s, same mode | %s | %s |\n", data, targetVsCPython, strings.Join(parts, ", "), metMissed(all))
		}
	}
	for _, data := range []string{"twitter", "citm_catalog", "canada"} {
		own, ok := s.median(key{data, "jsondump-reflect"}, "ns/op")
		ej, ok2 := s.median(key{data, "encoding-json"}, "ns/op")
		if !ok || !ok2 {
			continue
		}
		ownA, _ := s.median(key{data, "jsondump-reflect"}, "allocs/op")
		ejA, _ := s.median(key{data, "encoding-json"}, "allocs/op")
		fmt.Fprintf(b, "| %s: reflective Dumps ≥ %.1f× faster than encoding/json.Marshal, no more allocs (issue 12) | %.2f× (%s vs %s), %.0f vs %.0f allocs/op | %s |\n",
			data, targetReflectVsJSON, ej/own, fmtNs(own), fmtNs(ej), ownA, ejA, metMissed(ej/own >= targetReflectVsJSON && ownA <= ejA))
	}
	if peak, ok := s.max(key{"", "jsondump-Dump"}, "peak-heap-MB"); ok {
		fmt.Fprintf(b, "| streaming: Dump's heap growth < %d MB | %.2f MB (largest of all samples) | %s |\n", targetStreamMB, peak, metMissed(peak < targetStreamMB))
	}
	fmt.Fprintf(b, "\nThe fastest peer is the Go library with the smallest median ns/op on that dataset, in any of its configurations, lossy ones left out. jsondump-reflect is `jsondump.Dumps` of the same value in types without generated code (the Mirror types), compact, a new string each call: jsondump's reflective path, beside encoding/json.Marshal of the same value.\n\n")

	fmt.Fprintf(b, "### jsondump against the fastest peer and CPython\n\n")
	fmt.Fprintf(b, "Time ratios (the other's ns/op over jsondump's: above 1 means jsondump is faster). CPython is the same mode's json.dumps.\n\n")
	fmt.Fprintf(b, "| dataset | fastest peer | compact vs peer | default vs peer | indent4 vs peer | compact vs CPython | default vs CPython | indent4 vs CPython |\n")
	fmt.Fprintf(b, "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, data := range s.datasets() {
		peer, peerNs := s.fastestPeer(data)
		row := []string{data, peer}
		for _, mode := range []string{"compact", "default", "indent4"} {
			own, _ := s.median(key{data, "jsondump-" + mode}, "ns/op")
			row = append(row, fmt.Sprintf("%.2f×", peerNs/own))
		}
		for _, mode := range []string{"compact", "default", "indent4"} {
			own, _ := s.median(key{data, "jsondump-" + mode}, "ns/op")
			if py, ok := s.median(key{data, "cpython-" + mode}, "ns/op"); ok {
				row = append(row, fmt.Sprintf("%.1f×", py/own))
			} else {
				row = append(row, "—")
			}
		}
		fmt.Fprintf(b, "| %s |\n", strings.Join(row, " | "))
	}
	fmt.Fprintf(b, "\n")
}

// max returns the largest sample of k in unit.
func (s samples) max(k key, unit string) (float64, bool) {
	xs := s[k][unit]
	if len(xs) == 0 {
		return 0, false
	}
	return slices.Max(xs), true
}

func writeStream(b *bytes.Buffer, s samples) {
	fmt.Fprintf(b, "## streaming (BenchmarkStream)\n\n")
	fmt.Fprintf(b, "twitter.json's page 340 times over (about 200 MB of text) written to io.Discard. peak-heap-MB is the largest growth of the heap's objects over the level before the call, sampled every millisecond and every MiB written; the table gives the median and the largest sample.\n\n")
	fmt.Fprintf(b, "| encoder | ms/op | MB/s | peak-heap-MB (median) | peak-heap-MB (max) | allocs/op | B/op |\n")
	fmt.Fprintf(b, "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, enc := range []string{"jsondump-Dump", "encoding-json-Encoder"} {
		k := key{"", enc}
		ns, _ := s.median(k, "ns/op")
		mbs, _ := s.median(k, "MB/s")
		peak, _ := s.median(k, "peak-heap-MB")
		peakMax, _ := s.max(k, "peak-heap-MB")
		fmt.Fprintf(b, "| %s | %.0f | %.0f | %.2f | %.2f | %s | %s |\n", enc, ns/1e6, mbs, peak, peakMax, optional(s, k, "allocs/op"), optional(s, k, "B/op"))
	}
	fmt.Fprintf(b, "\n")
}
