"""A simulation on a Dask LocalCluster of two worker processes, partitioned by customer, is the
single-process run's report: the recipe in docs/python.md, run."""

import json
import sys

import cloudpickle
import dask
import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster

import loyalty
from conftest import PROGRAMS, as_json, program, run_cli
from history import history_csv

# The workers import the package; this module's functions travel by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

N = 4


def simulate_part(rows, program, k, n, months):
    """One partition's rows, back in the history's order (a shuffle mixes them), simulated."""
    rows = rows.sort_values("row", kind="stable")
    return loyalty.simulate_partition(rows, program, partition=(k, n), months=months,
                                      redeem="max")


def dask_run(path, program, n, blocksize="16MB", shuffle_method=None):
    ddf = dd.read_csv(path, dtype=str, blocksize=blocksize)
    # The file's order, kept through the shuffle; and each customer's partition.
    ddf["row"] = ddf.assign(one=1).one.cumsum()
    ddf["part"] = ddf.customer.map_partitions(
        lambda ids: pd.Series(loyalty.partitions_of(ids, n), index=ids.index, dtype="int64"),
        meta=("part", "int64"))
    first, last = dask.compute(ddf.date.min(), ddf.date.max())
    # Dask partition k − 1 holds exactly loyalty partition k, even when it has no rows.
    parts = ddf.set_index("part", divisions=list(range(1, n + 2)), shuffle_method=shuffle_method)
    assert parts.npartitions == n
    reports = [dask.delayed(simulate_part)(rows, program, k, n, (first, last))
               for k, rows in enumerate(parts.to_delayed(), start=1)]
    return loyalty.merge(dask.compute(*reports))


def simulate_file(path, program, k, n):
    """Partition k of a history that every worker can read: the command's --partition K/N."""
    with open(path, "rb") as file:
        return loyalty.simulate_partition(file.read(), program, partition=(k, n), redeem="max")


def dask_file_run(path, program, n):
    """No shuffle: each task reads the whole file and keeps its customers."""
    reports = [dask.delayed(simulate_file)(path, program, k, n) for k in range(1, n + 1)]
    return loyalty.merge(dask.compute(*reports))


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


def test_a_dask_run_partitioned_by_customer_is_the_single_process_run(client, tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text(history_csv(rows=6000, customers=500, seed=11))
    assert len(client.scheduler_info()["workers"]) == 2
    single = loyalty.simulate_partition(path.read_bytes(), program("retail"), redeem="max")
    # Small blocks: several input partitions for the shuffle to mix.
    merged = dask_run(str(path), program("retail"), N, blocksize=64_000)
    assert merged == single
    assert "partition" not in merged and merged["orders"] > 2000
    assert dask_file_run(str(path), program("retail"), N) == single
    # And both are the command's.
    expected = run_cli("simulate", str(path), "--program", str(PROGRAMS / "retail.json"),
                       "--redeem", "max")
    assert as_json(merged) == json.loads(expected)


def test_a_workers_error_reaches_the_client_with_its_code_and_path(client):
    rows = history_csv(20, 5).replace("participant", "member", 1)
    future = client.submit(loyalty.simulate_partition, rows, program("retail"))
    with pytest.raises(loyalty.LoyaltyError) as raised:
        future.result()
    assert (raised.value.code, raised.value.path) == ("invalid_value", "line 2.group")
