#!/usr/bin/env bash
# Runs the whole comparison and writes RESULTS.md (see README.md). It builds
# the test binaries once, then runs ROUNDS rounds, each of them:
#   1. BenchmarkEncode: every dataset × every Go encoder, one sample each,
#   2. the json-v2 rows, from a build with GOEXPERIMENT=jsonv2,
#   3. CPython's json.dumps on the same files (pybench.py, timeit), one sample,
# so that a burst of load on the shared machine falls on one round of every
# encoder rather than on all the samples of one. Then BenchmarkStream (the
# ~200 MB streaming value, ROUNDS samples), benchstat over all of it, and
# cmd/benchreport for RESULTS.md, whose ratios are taken round by round.
#
# Usage: ./run.sh                       (ROUNDS=8 BENCHTIME=300ms by default)
#        ROUNDS=10 BENCHTIME=1s ./run.sh
#        DATASETS=twitter,canada ./run.sh   (a subset of the datasets)
# The raw results stay in results.txt, benchstat's summary in benchstat.txt.
set -euo pipefail
cd "$(dirname "$0")"

rounds=${ROUNDS:-8}
benchtime=${BENCHTIME:-300ms}
data=${JSONDUMP_BENCH_DATA:-../../shared/jsondata}
export JSONDUMP_BENCH_DATA=$data
if ! [ "$rounds" -ge 8 ] 2>/dev/null; then
	echo "run.sh: ROUNDS must be a number, at least 8 (benchstat's intervals need 6 samples; the report's spread needs rounds)" >&2
	exit 2
fi
# DATASETS: comma-separated data= names; empty for all of them.
datasets=${DATASETS:-}
if [ -n "$datasets" ]; then
	if ! [[ $datasets =~ ^[a-z_]+(,[a-z_]+)*$ ]]; then
		echo "run.sh: DATASETS is a comma-separated list of dataset names, e.g. twitter,canada" >&2
		exit 2
	fi
	datapat="^data=(${datasets//,/|})\$"
else
	datapat='.'
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u +'%Y-%m-%d %H:%M UTC')
t0=$SECONDS

echo "== building the test binaries" >&2
go test -c -o "$tmp/bench.test" .
GOEXPERIMENT=jsonv2 go test -c -o "$tmp/bench-jsonv2.test" .

for ((round = 1; round <= rounds; round++)); do
	echo "== round $round of $rounds (benchtime $benchtime), $((SECONDS - t0)) s so far" >&2
	"$tmp/bench.test" -test.run '^$' -test.bench "^BenchmarkEncode\$/$datapat" -test.benchmem \
		-test.benchtime "$benchtime" -test.count 1 -test.timeout 1h | tee -a "$tmp/go.txt" >&2
	"$tmp/bench-jsonv2.test" -test.run '^$' -test.bench "^BenchmarkEncode\$/$datapat/^enc=json-v2\$" -test.benchmem \
		-test.benchtime "$benchtime" -test.count 1 -test.timeout 1h |
		grep -v '^pkg:\|^goos:\|^goarch:\|^cpu:' | tee -a "$tmp/jsonv2.txt" >&2
	python3 pybench.py -count 1 ${datasets:+-data "$datasets"} "$data" | tee -a "$tmp/cpython.txt" >&2
done

echo "== BenchmarkStream (count $rounds)" >&2
"$tmp/bench.test" -test.run '^$' -test.bench '^BenchmarkStream$' -test.benchmem -test.benchtime 2x \
	-test.count "$rounds" -test.timeout 1h | tee "$tmp/stream.txt" >&2

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
# Each part's samples of one benchmark are in round order: cmd/benchreport
# takes the i-th sample of every name as round i.
cat "$tmp/go.txt" "$tmp/jsonv2.txt" "$tmp/stream.txt" "$tmp/cpython.txt" >results.txt

echo "== benchstat" >&2
go run golang.org/x/perf/cmd/benchstat results.txt >benchstat.txt
go run ./cmd/benchreport -raw results.txt -benchstat benchstat.txt -o RESULTS.md \
	-command "./run.sh (ROUNDS=$rounds BENCHTIME=$benchtime${datasets:+ DATASETS=$datasets})" \
	-note "started $started, $(go version | cut -d' ' -f3), load average $load_before before and $load_after after, $(((SECONDS - t0) / 60)) minutes, on a machine shared with other work"
echo "wrote RESULTS.md, results.txt, benchstat.txt ($((SECONDS - t0)) s)" >&2
