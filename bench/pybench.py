"""Times CPython's json.dumps on the benchmark's files, for run.sh.

It prints results in Go's benchmark format, with the names BenchmarkEncode
gives its own rows (BenchmarkEncode/data=<dataset>/enc=cpython-<mode>), so
that benchstat and cmd/benchreport read them beside the Go results. Each of
the count lines is one timeit repeat: the mean time of one json.dumps call
over a loop that timeit's autorange sizes to at least 0.2 s.

    python3 pybench.py [-count 1] [-data twitter,canada] SHARED_JSONDATA_DIR

run.sh calls it once per round with -count 1, between the rounds of the Go
benchmarks.
"""

import argparse
import json
import os
import platform
import timeit

MODES = (
    ("default", {}),  # json.dumps(obj)
    ("indent4", {"indent": 4}),
    ("compact", {"separators": (",", ":"), "ensure_ascii": False}),
)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-count", type=int, default=1)
    ap.add_argument("-data", default="", help="comma-separated dataset names (default all)")
    ap.add_argument("shared")
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    files = (
        ("twitter", os.path.join(args.shared, "twitter.json")),
        ("citm_catalog", os.path.join(args.shared, "citm_catalog.json")),
        ("canada", os.path.join(args.shared, "canada.json")),
        ("small", os.path.join(here, "testdata", "small.json")),
        ("medium", os.path.join(here, "testdata", "medium.json")),
    )
    if args.data:
        wanted = args.data.split(",")
        unknown = set(wanted) - {name for name, _ in files}
        if unknown:
            ap.error("unknown datasets: %s" % ", ".join(sorted(unknown)))
        files = tuple(f for f in files if f[0] in wanted)
    print("pkg: cpython")
    print("python: %s %s" % (platform.python_implementation(), platform.python_version()))
    for name, path in files:
        with open(path, encoding="utf-8") as f:
            obj = json.load(f)
        for mode, kw in MODES:
            size = len(json.dumps(obj, **kw).encode("utf-8"))
            timer = timeit.Timer(lambda: json.dumps(obj, **kw))
            number, _ = timer.autorange()
            for t in timer.repeat(repeat=args.count, number=number):
                ns = t / number * 1e9
                print(
                    "BenchmarkEncode/data=%s/enc=cpython-%s \t%d\t%.1f ns/op\t%.2f MB/s"
                    % (name, mode, number, ns, size / (ns / 1e9) / 1e6),
                    flush=True,
                )


if __name__ == "__main__":
    main()
