#!/usr/bin/env bash
# bench.sh times whole processes: jsondump and python3 -m json.tool, with
# default flags, on twitter.json, citm_catalog.json and canada.json from the
# project's shared folder ($JSONDUMP_SHARED, else shared/ beside the
# checkout). Each run writes to /dev/null; the two commands alternate, after
# one warm-up run each, and the table gives the median wall time of each and
# their ratio, then the same for CPU time (user and system, of the process):
# on a busy machine wall times include waiting for a core, which weighs more
# on the shorter runs, and CPU times are the steadier measure. It first
# checks that both print the same bytes.
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
import resource, statistics, subprocess, sys, time

jsondump, runs, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
env = {'PATH': '/usr/bin:/bin', 'PYTHONIOENCODING': 'utf-8:strict'}
commands = {'jsondump': [jsondump], 'python3 -m json.tool': [sys.executable, '-m', 'json.tool']}

def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime

def once(cmd, path):
    start, start_cpu = time.perf_counter(), cpu()
    subprocess.run(cmd + [path], stdout=subprocess.DEVNULL, env=env, check=True)
    return time.perf_counter() - start, cpu() - start_cpu

print('| file | jsondump | python3 -m json.tool | ratio | jsondump CPU | python3 CPU | CPU ratio |')
print('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
for path in files:
    outputs = [subprocess.run(cmd + [path], capture_output=True, env=env, check=True).stdout for cmd in commands.values()]
    if outputs[0] != outputs[1]:
        sys.exit(f'{path}: the outputs differ')
    wall = {name: [] for name in commands}
    cpus = {name: [] for name in commands}
    for i in range(runs):
        for name, cmd in commands.items():
            w, c = once(cmd, path)
            wall[name].append(w)
            cpus[name].append(c)
    go, py = (statistics.median(t) for t in wall.values())
    gc, pc = (statistics.median(t) for t in cpus.values())
    print(f'| {path.rsplit("/", 1)[-1]} | {go * 1e3:.1f} ms | {py * 1e3:.0f} ms | {py / go:.1f}x '
          f'| {gc * 1e3:.1f} ms | {pc * 1e3:.0f} ms | {pc / gc:.1f}x |')
EOF
