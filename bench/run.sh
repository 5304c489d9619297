#!/usr/bin/env bash
# Runs the whole comparison once and writes RESULTS.md (see README.md):
#   1. BenchmarkEncode: every dataset × every Go encoder (-count runs),
#   2. the json-v2 rows, in a build with GOEXPERIMENT=jsonv2,
#   3. BenchmarkStream: the ~200 MB streaming value,
#   4. CPython's json.dumps on the same files (pybench.py, timeit),
# then benchstat over all of it, and cmd/benchreport for RESULTS.md.
#
# Usage: ./run.sh            (COUNT=6 BENCHTIME=500ms by default)
#        COUNT=10 BENCHTIME=1s ./run.sh
# The raw results stay in results.txt, benchstat's summary in benchstat.txt.
set -euo pipefail
cd "$(dirname "$0")"

count=${COUNT:-6}
benchtime=${BENCHTIME:-500ms}
data=${JSONDUMP_BENCH_DATA:-../../shared/jsondata}
export JSONDUMP_BENCH_DATA=$data
if [ "$count" -lt 6 ]; then
	echo "run.sh: COUNT must be at least 6 for benchstat's intervals" >&2
	exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u +'%Y-%m-%d %H:%M UTC')

echo "== BenchmarkEncode (count $count, benchtime $benchtime)" >&2
go test -run '^$' -bench '^BenchmarkEncode$' -benchmem -benchtime "$benchtime" -count "$count" -timeout 2h . | tee "$tmp/go.txt" >&2

echo "== BenchmarkEncode, json-v2 rows (GOEXPERIMENT=jsonv2)" >&2
GOEXPERIMENT=jsonv2 go test -run '^$' -bench '^BenchmarkEncode$/./^enc=json-v2$' -benchmem -benchtime "$benchtime" -count "$count" -timeout 1h . |
	grep -v '^pkg:\|^goos:\|^goarch:\|^cpu:' | tee "$tmp/jsonv2.txt" >&2

echo "== BenchmarkStream" >&2
go test -run '^$' -bench '^BenchmarkStream$' -benchmem -benchtime 2x -count "$count" -timeout 1h . | tee "$tmp/stream.txt" >&2

echo "== CPython json.dumps (pybench.py)" >&2
python3 pybench.py -count "$count" "$data" | tee "$tmp/cpython.txt" >&2

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
cat "$tmp/go.txt" "$tmp/jsonv2.txt" "$tmp/stream.txt" "$tmp/cpython.txt" >results.txt

echo "== benchstat" >&2
go run golang.org/x/perf/cmd/benchstat results.txt >benchstat.txt
go run ./cmd/benchreport -raw results.txt -benchstat benchstat.txt -o RESULTS.md \
	-command "./run.sh (COUNT=$count BENCHTIME=$benchtime)" \
	-note "started $started, $(go version | cut -d' ' -f3), load average $load_before before and $load_after after, on a machine shared with other work"
echo "wrote RESULTS.md, results.txt, benchstat.txt" >&2
