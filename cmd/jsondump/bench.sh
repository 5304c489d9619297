#!/usr/bin/env bash
# bench.sh times whole processes: jsondump and python3 -m json.tool, with
# default flags, on twitter.json, citm_catalog.json and canada.json from the
# project's shared folder ($JSONDUMP_SHARED, else shared/ beside the
# checkout). Each run writes to /dev/null; the two commands alternate, after
# one warm-up run each, and the table gives the median wall time of each and
# their ratio. It first checks that both print the same bytes.
#
#	cmd/jsondump/bench.sh [runs]    # default 21 runs of each command per file
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-21}
shared=${JSONDUMP_SHARED:-$(pwd)/../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/jsondump" ./cmd/jsondump
echo "$(go version), $(python3 --version), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$tmp/jsondump" "$runs" "$shared"/jsondata/{twitter,citm_catalog,canada}.json <<'EOF'
import statistics, subprocess, sys, time

jsondump, runs, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
env = {'PATH': '/usr/bin:/bin', 'PYTHONIOENCODING': 'utf-8:strict'}
commands = {'jsondump': [jsondump], 'python3 -m json.tool': [sys.executable, '-m', 'json.tool']}

def once(cmd, path, out=subprocess.DEVNULL):
    start = time.perf_counter()
    subprocess.run(cmd + [path], stdout=out, env=env, check=True)
    return time.perf_counter() - start

print('| file | jsondump | python3 -m json.tool | ratio |')
print('| --- | ---: | ---: | ---: |')
for path in files:
    outputs = [subprocess.run(cmd + [path], capture_output=True, env=env, check=True).stdout for cmd in commands.values()]
    if outputs[0] != outputs[1]:
        sys.exit(f'{path}: the outputs differ')
    times = {name: [] for name in commands}
    for i in range(runs):
        for name, cmd in commands.items():
            times[name].append(once(cmd, path))
    go, py = (statistics.median(t) for t in times.values())
    print(f'| {path.rsplit("/", 1)[-1]} | {go * 1e3:.1f} ms | {py * 1e3:.0f} ms | {py / go:.1f}x |')
EOF
