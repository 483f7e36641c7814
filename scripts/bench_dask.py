"""A 1 M-row order history simulated on a Dask LocalCluster of two worker processes, against
the `loyalty` command on the same file: wall-clock times (best of three) and the overhead. Not a test (times on
a shared machine are noisy); run it by hand, after scripts/python.sh:

    cargo build --release --features cli
    target/python-venv/bin/python scripts/bench_dask.py [rows] [partitions]

The history is generated once into target/bench/ (deterministic).
"""

import json
import logging
import os
import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "python" / "tests"))

import loyalty  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402
from history import history_csv  # noqa: E402
from test_dask import dask_file_run, dask_run  # noqa: E402  (the tested recipes, as they are)

PROGRAM = ROOT / "examples" / "programs" / "retail.json"
CLI = os.environ.get("LOYALTY_CLI", str(ROOT / "target" / "release" / "loyalty"))


def timed(run, times=3):
    """The result, and the best of `times` wall-clock runs: the machine is shared."""
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return result, best


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    path = ROOT / "target" / "bench" / f"orders-{rows}.csv"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(history_csv(rows=rows, customers=max(rows // 10, 1), seed=3))
    program = json.loads(PROGRAM.read_text())
    print(f"{rows:,} rows, {path.stat().st_size / 1e6:.0f} MB, retail.json, redeem max, "
          f"{os.cpu_count()} cores")

    def command(jobs):
        args = [CLI, "simulate", str(path), "--program", str(PROGRAM), "--redeem", "max"]
        done = subprocess.run(args + ["--jobs", str(jobs)], capture_output=True, check=True)
        return json.loads(done.stdout)

    expected, cli_1 = timed(lambda: command(1))
    _, cli_2 = timed(lambda: command(2))
    print(f"loyalty simulate --jobs 1        {cli_1:6.2f} s")
    print(f"loyalty simulate --jobs 2        {cli_2:6.2f} s")
    cli = min(cli_1, cli_2)

    single, py = timed(lambda: loyalty.simulate_partition(path.read_bytes(), program,
                                                          redeem="max"))
    print(f"simulate_partition, one process  {py:6.2f} s")

    cluster_and_client, start = timed(lambda: (lambda c: (c, Client(c)))(
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                     dashboard_address=None, silence_logs=logging.ERROR)), times=1)
    cluster, client = cluster_and_client
    try:
        merged, dask_time = timed(lambda: dask_run(str(path), program, n))
        tasks, tasks_time = timed(lambda: dask_run(str(path), program, n, shuffle_method="tasks"))
        whole_file, file_time = timed(lambda: dask_file_run(str(path), program, 2))
    finally:
        client.close()
        cluster.close()
    assert merged == single == tasks == whole_file, "a Dask run differs from the single-process run"
    assert json.loads(json.dumps(merged, default=lambda d: format(d, "f"))) == expected
    print(f"LocalCluster start (2 workers)   {start:6.2f} s")
    for name, took in (("p2p", dask_time), ("tasks", tasks_time)):
        print(f"Dask, {n} partitions, {name:5} shuffle {took:6.2f} s  ({took / cli:.1f}x the "
              f"command's best, +{took - cli:.1f} s; the same report)")
    print(f"Dask, the file read by 2 tasks    {file_time:6.2f} s  ({file_time / cli:.1f}x, "
          f"{file_time - cli:+.1f} s; the same report)")


if __name__ == "__main__":
    main()
