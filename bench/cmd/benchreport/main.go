// Benchreport writes bench/RESULTS.md from the raw results of one run.sh run:
// Go's benchmark lines for BenchmarkEncode and BenchmarkStream, and the lines
// pybench.py prints for CPython in the same format.
//
//	go run ./cmd/benchreport -raw results.txt -benchstat benchstat.txt -o RESULTS.md
//
// run.sh runs the benchmarks in rounds: in each round every Go encoder and
// CPython give one sample of each dataset. results.txt keeps each
// benchmark's samples in round order, so the i-th sample of every name is
// round i. A ratio between two rows is taken round by round (the two
// samples of round i measured minutes apart at most, under the same load),
// and reported as the median over the rounds with the smallest and largest
// round; a target is met or missed on the median. Each row's figures are
// medians over the rounds, ns/op with its smallest and largest sample.
// benchstat's own tables, with their confidence intervals, are copied at the
// end of the file.
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

// The targets of issue 15 (which takes over issue 5's), and of issue 12
// (the reflective path). Speed targets are time ratios.
const (
	targetDumpsVsPeer   = 1.2 // jsondump.Dumps, compact, vs the fastest peer's Marshal
	targetDumpsAllocs   = 1   // allocs/op of jsondump.Dumps: its string
	targetAppendVsPeer  = 1.3 // AppendDumps into a reused buffer vs the fastest peer
	targetAppendAllocs  = 0
	targetVsCPython     = 20  // vs CPython's json.dumps, same mode
	targetDumpVsEncode  = 1.2 // Dump to a writer vs the fastest peer's Encoder.Encode
	targetDefaultSlower = 1.3 // default vs compact on twitter
	targetStreamMB      = 8   // peak heap growth of Dump, MB
	targetReflectVsJSON = 1.5 // jsondump-reflect vs encoding-json
)

// mainData are the datasets the targets are about.
var mainData = []string{"twitter", "citm_catalog", "canada"}

// A key names one row of results: a dataset (empty for the stream
// benchmark) and an encoder.
type key struct{ data, enc string }

// samples holds every sample of every unit, in the order read: for a
// results.txt from run.sh, s[k][unit][i] is round i+1.
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

// A spread is a set of samples (or of per-round ratios) summed up: its
// median, smallest and largest, and how many there are.
type spread struct {
	med, min, max float64
	n             int
}

func summarize(xs []float64) (spread, bool) {
	if len(xs) == 0 {
		return spread{}, false
	}
	xs = slices.Clone(xs)
	sort.Float64s(xs)
	n := len(xs)
	med := xs[n/2]
	if n%2 == 0 {
		med = (xs[n/2-1] + xs[n/2]) / 2
	}
	return spread{med: med, min: xs[0], max: xs[n-1], n: n}, true
}

// stat sums up k's samples in unit.
func (s samples) stat(k key, unit string) (spread, bool) { return summarize(s[k][unit]) }

// median returns the median of k's samples in unit, and whether there are any.
func (s samples) median(k key, unit string) (float64, bool) {
	st, ok := s.stat(k, unit)
	return st.med, ok
}

// max returns the largest sample of k in unit.
func (s samples) max(k key, unit string) (float64, bool) {
	st, ok := s.stat(k, unit)
	return st.max, ok
}

// ratios returns num's ns/op over den's, round by round: the i-th sample of
// each. Rounds that only one of the two has (a round cut short) are left out.
func (s samples) ratios(num, den key) []float64 {
	a, b := s[num]["ns/op"], s[den]["ns/op"]
	n := min(len(a), len(b))
	out := make([]float64, n)
	for i := range n {
		out[i] = a[i] / b[i]
	}
	return out
}

// ratio sums up num's ns/op over den's, round by round: with num a peer and
// den jsondump, above 1 means jsondump is faster.
func (s samples) ratio(num, den key) (spread, bool) { return summarize(s.ratios(num, den)) }

// rounds is the number of rounds of the run: the most ns/op samples of
// any BenchmarkEncode row.
func (s samples) rounds() int {
	n := 0
	for k, u := range s {
		if k.data != "" {
			n = max(n, len(u["ns/op"]))
		}
	}
	return n
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

// ownOrder is the order of jsondump's rows in the tables.
var ownOrder = []string{
	"jsondump-compact", "jsondump-default", "jsondump-indent4",
	"jsondump-Dumps-compact", "jsondump-Dumps", "jsondump-Dump-compact", "jsondump-reflect",
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
	index := func(enc string) int {
		if i := slices.Index(ownOrder, enc); i >= 0 {
			return i
		}
		return len(ownOrder)
	}
	slices.SortFunc(own, func(a, b string) int {
		if c := index(a) - index(b); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
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

// isStream reports whether enc writes to an io.Writer: a peer's
// Encoder.Encode row, or jsondump's Dump row.
func isStream(enc string) bool {
	return strings.HasSuffix(enc, "-Encode") || strings.HasPrefix(enc, "jsondump-Dump-")
}

// fastestPeer returns the peer with the smallest median ns/op on data,
// lossy encoders left out, among the peers' stream rows (Encoder.Encode) if
// stream is set, else among the others (Marshal and its kin).
func (s samples) fastestPeer(data string, stream bool) (string, float64) {
	best, bestNs := "", math.Inf(1)
	for _, enc := range s.encoders(data) {
		if !isPeer(enc) || lossy[enc] != "" || isStream(enc) != stream {
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
	fmt.Fprintf(b, "The run is %d rounds; in each, every Go encoder and CPython encode every dataset once, for one sample each, so that a burst of load on the machine falls on one round of every row rather than on all the samples of one. ", s.rounds())
	fmt.Fprintf(b, "A ratio between two rows is taken round by round, and given as the median over the rounds with the smallest and largest round in parentheses; targets are judged on the median. ")
	fmt.Fprintf(b, "A row's figures, allocs/op included, are medians over the rounds; *range* is its smallest and largest ns/op (benchstat's tables with their ±95%% intervals are at the end). ")
	fmt.Fprintf(b, "ns/op is the time to encode the decoded value once; MB/s is the encoder's own output size over that time (so an encoder that writes more bytes, e.g. escaping non-ASCII, gets more MB/s for the same time: compare ns/op across encoders, MB/s against CPython in the same mode). ")
	fmt.Fprintf(b, "*vs compact* is the row's ns/op over jsondump-compact's, round by round: above 1 means slower than jsondump-compact. ")
	fmt.Fprintf(b, "The encoders are described in README.md.\n\n")

	writeTargets(b, s)

	for _, data := range s.datasets() {
		fmt.Fprintf(b, "## %s\n\n", data)
		fmt.Fprintf(b, "| encoder | ns/op | range | MB/s | allocs/op | B/op | output | vs compact |\n")
		fmt.Fprintf(b, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
		for _, enc := range s.encoders(data) {
			k := key{data, enc}
			ns, _ := s.stat(k, "ns/op")
			mbs, _ := s.median(k, "MB/s")
			name := enc
			if enc == "json-v2" {
				name += " †"
			}
			if isStream(enc) {
				name += " ‡"
			}
			if why := lossy[enc]; why != "" {
				name += " (lossy: " + why + ")"
			}
			vs := "—"
			if r, ok := s.ratio(k, key{data, "jsondump-compact"}); ok {
				vs = fmt.Sprintf("%.2f", r.med)
			}
			fmt.Fprintf(b, "| %s | %s | %s | %.0f | %s | %s | %s | %s |\n",
				name, fmtNs(ns.med), fmtRange(ns), mbs, optional(s, k, "allocs/op"), optional(s, k, "B/op"), s.outputSize(k), vs)
		}
		fmt.Fprintf(b, "\n")
	}
	if _, ok := s[key{"", "jsondump-Dump"}]; ok {
		writeStream(b, s)
	}
	fmt.Fprintf(b, "† json-v2 is `encoding/json/v2`, measured in each round by a second test binary built with GOEXPERIMENT=jsonv2 (the experiment also reimplements `encoding/json`, so the other rows come from a build without it).\n\n")
	fmt.Fprintf(b, "‡ A stream row writes to an `io.Writer` that counts the bytes and keeps none (not `io.Discard`, which a library could recognize): `jsondump.Dump`, or a peer's new `Encoder` and its `Encode`, which ends the text with a newline (one byte more in *output*).\n\n")
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

// fmtRange prints the smallest and largest of a row's ns/op samples in the
// unit of its median.
func fmtRange(st spread) string {
	if st.n == 0 {
		return "—"
	}
	switch {
	case st.med >= 1e6:
		return fmt.Sprintf("%.2f–%.2f ms", st.min/1e6, st.max/1e6)
	case st.med >= 1e3:
		return fmt.Sprintf("%.1f–%.1f µs", st.min/1e3, st.max/1e3)
	}
	return fmt.Sprintf("%.0f–%.0f ns", st.min, st.max)
}

// fmtRatio prints a per-round ratio: its median, and its smallest and
// largest round.
func fmtRatio(r spread) string {
	if r.med >= 10 {
		return fmt.Sprintf("%.1f× (%.1f–%.1f)", r.med, r.min, r.max)
	}
	return fmt.Sprintf("%.2f× (%.2f–%.2f)", r.med, r.min, r.max)
}

func metMissed(ok bool) string {
	if ok {
		return "**met**"
	}
	return "**missed**"
}

// A target is one line of the targets table.
type target struct {
	what     string // the target, with its dataset
	ratio    spread // the per-round ratio it is judged on, if it is a ratio
	measured string // the figures, as printed
	met      bool
}

// targets judges the run against issue 15's targets, issue 12's reflective
// one and the streaming one. Ratios are judged on their median round.
func targets(s samples) []target {
	var ts []target
	// speed adds the target "own ≥ want× faster than other", judged on
	// other's ns/op over own's, round by round.
	speed := func(what string, other, own key, want float64) {
		r, ok := s.ratio(other, own)
		if !ok {
			return
		}
		on, _ := s.median(own, "ns/op")
		pn, _ := s.median(other, "ns/op")
		ts = append(ts, target{what: what, ratio: r, met: r.med >= want,
			measured: fmt.Sprintf("%s; %s %s, %s %s", fmtRatio(r), own.enc, fmtNs(on), other.enc, fmtNs(pn))})
	}
	// allocs adds the target "own makes at most want allocs/op", judged on
	// its median round, as the speed targets are (a round of few iterations
	// can count a pool's refill after a collection as one per op).
	allocs := func(what string, own key, want float64) {
		a, ok := s.stat(own, "allocs/op")
		if !ok {
			return
		}
		m := fmt.Sprintf("%.0f allocs/op", a.med)
		if a.min != a.max {
			m += fmt.Sprintf(" (%.0f–%.0f)", a.min, a.max)
		}
		ts = append(ts, target{what: what, met: a.med <= want, measured: m})
	}
	for _, data := range mainData {
		peer, _ := s.fastestPeer(data, false)
		if peer == "" {
			continue
		}
		speed(fmt.Sprintf("%s: `jsondump.Dumps`, compact, ≥ %.1f× faster than the fastest peer's Marshal", data, targetDumpsVsPeer),
			key{data, peer}, key{data, "jsondump-Dumps-compact"}, targetDumpsVsPeer)
		allocs(fmt.Sprintf("%s: `jsondump.Dumps` %d alloc/op", data, targetDumpsAllocs), key{data, "jsondump-Dumps-compact"}, targetDumpsAllocs)
	}
	for _, data := range mainData {
		peer, _ := s.fastestPeer(data, false)
		if peer == "" {
			continue
		}
		speed(fmt.Sprintf("%s: AppendDumps, compact, reused buffer, ≥ %.1f× faster than the fastest peer", data, targetAppendVsPeer),
			key{data, peer}, key{data, "jsondump-compact"}, targetAppendVsPeer)
		allocs(fmt.Sprintf("%s: AppendDumps %d allocs/op", data, targetAppendAllocs), key{data, "jsondump-compact"}, targetAppendAllocs)
	}
	for _, data := range mainData {
		for _, mode := range []string{"compact", "default"} {
			speed(fmt.Sprintf("%s: %s ≥ %d× faster than CPython's json.dumps, same mode", data, mode, targetVsCPython),
				key{data, "cpython-" + mode}, key{data, "jsondump-" + mode}, targetVsCPython)
		}
	}
	for _, data := range mainData {
		peer, _ := s.fastestPeer(data, true)
		if peer == "" {
			continue
		}
		speed(fmt.Sprintf("%s: `jsondump.Dump` to a writer, compact, ≥ %.1f× faster than the fastest peer's `Encoder.Encode`", data, targetDumpVsEncode),
			key{data, peer}, key{data, "jsondump-Dump-compact"}, targetDumpVsEncode)
	}
	if r, ok := s.ratio(key{"twitter", "jsondump-default"}, key{"twitter", "jsondump-compact"}); ok {
		d, _ := s.median(key{"twitter", "jsondump-default"}, "ns/op")
		c, _ := s.median(key{"twitter", "jsondump-compact"}, "ns/op")
		ts = append(ts, target{what: fmt.Sprintf("twitter: Python-default mode within %.1f× of compact", targetDefaultSlower),
			ratio: r, met: r.med <= targetDefaultSlower,
			measured: fmt.Sprintf("%s; jsondump-default %s, jsondump-compact %s", fmtRatio(r), fmtNs(d), fmtNs(c))})
	}
	for _, data := range mainData {
		own, ej := key{data, "jsondump-reflect"}, key{data, "encoding-json"}
		r, ok := s.ratio(ej, own)
		if !ok {
			continue
		}
		ownNs, _ := s.median(own, "ns/op")
		ejNs, _ := s.median(ej, "ns/op")
		ownA, _ := s.median(own, "allocs/op")
		ejA, _ := s.median(ej, "allocs/op")
		ts = append(ts, target{
			what:     fmt.Sprintf("%s: reflective Dumps ≥ %.1f× faster than encoding/json.Marshal, no more allocs (issue 12)", data, targetReflectVsJSON),
			ratio:    r,
			met:      r.med >= targetReflectVsJSON && ownA <= ejA,
			measured: fmt.Sprintf("%s; %s vs %s, %.0f vs %.0f allocs/op", fmtRatio(r), fmtNs(ownNs), fmtNs(ejNs), ownA, ejA),
		})
	}
	if peak, ok := s.max(key{"", "jsondump-Dump"}, "peak-heap-MB"); ok {
		ts = append(ts, target{what: fmt.Sprintf("streaming: Dump's heap growth < %d MB", targetStreamMB), met: peak < targetStreamMB,
			measured: fmt.Sprintf("%.2f MB (largest of all samples)", peak)})
	}
	return ts
}

func writeTargets(b *bytes.Buffer, s samples) {
	fmt.Fprintf(b, "## Targets (issues 15 and 12)\n\n")
	fmt.Fprintf(b, "Speed: the other's ns/op over jsondump's, round by round (above 1: jsondump is faster); median (smallest–largest round) over %d rounds, then the rows' median times.\n\n", s.rounds())
	fmt.Fprintf(b, "| target | measured | |\n| --- | --- | --- |\n")
	for _, t := range targets(s) {
		fmt.Fprintf(b, "| %s | %s | %s |\n", t.what, t.measured, metMissed(t.met))
	}
	fmt.Fprintf(b, "\nThe fastest peer is the Go library with the smallest median ns/op on that dataset, in any of its configurations that returns or appends the text (Marshal, segmentio's Append, easyjson), lossy ones left out; the fastest `Encode` is the same among the peers' stream rows, each a new Encoder with HTML escaping off on the same counting writer as `jsondump.Dump`. jsondump-Dumps-compact is the root function `jsondump.Dumps(v, compact...)` with v a pointer to the generated type, a new string each call. jsondump-reflect is `jsondump.Dumps` of the same value in types without generated code (the Mirror types), compact: jsondump's reflective path, beside encoding/json.Marshal of the same value.\n\n")

	fmt.Fprintf(b, "### jsondump against the fastest peer and CPython\n\n")
	fmt.Fprintf(b, "Time ratios, round by round (the other's ns/op over jsondump's: above 1 means jsondump is faster): median (smallest–largest round). The peer columns compare with the fastest peer of the dataset, the Dump column with the fastest `Encode`; CPython is the same mode's json.dumps.\n\n")
	fmt.Fprintf(b, "| dataset | fastest peer | compact vs peer | Dumps-compact vs peer | default vs peer | indent4 vs peer | fastest Encode | Dump-compact vs Encode | compact vs CPython | default vs CPython | indent4 vs CPython |\n")
	fmt.Fprintf(b, "| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |\n")
	cell := func(other, own key) string {
		if r, ok := s.ratio(other, own); ok {
			return fmtRatio(r)
		}
		return "—"
	}
	for _, data := range s.datasets() {
		peer, _ := s.fastestPeer(data, false)
		enc, _ := s.fastestPeer(data, true)
		row := []string{data, orDash(peer)}
		for _, own := range []string{"jsondump-compact", "jsondump-Dumps-compact", "jsondump-default", "jsondump-indent4"} {
			row = append(row, cell(key{data, peer}, key{data, own}))
		}
		row = append(row, orDash(enc), cell(key{data, enc}, key{data, "jsondump-Dump-compact"}))
		for _, mode := range []string{"compact", "default", "indent4"} {
			row = append(row, cell(key{data, "cpython-" + mode}, key{data, "jsondump-" + mode}))
		}
		fmt.Fprintf(b, "| %s |\n", strings.Join(row, " | "))
	}
	fmt.Fprintf(b, "\n")
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func writeStream(b *bytes.Buffer, s samples) {
	fmt.Fprintf(b, "## streaming (BenchmarkStream)\n\n")
	fmt.Fprintf(b, "twitter.json's page 340 times over (about 200 MB of text) written to io.Discard (a benchmark apart, run once after the rounds above with as many samples as rounds). peak-heap-MB is the largest growth of the heap's objects over the level before the call, sampled every millisecond and every MiB written; the table gives the median and the largest sample.\n\n")
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
