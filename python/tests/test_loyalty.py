"""The Python package against the `loyalty` command: the same quotes, reports and errors."""

import io
import json
import pickle
from decimal import Decimal

import pandas as pd
import pytest

import loyalty
from conftest import PROGRAMS, ROOT, CommandError, as_json, floats_in, program, run_cli
from history import history_csv

CART = {"date": "2026-11-22", "lines": [
    {"sku": "A", "category": "grocery", "unit_price": "1999.99", "quantity": 3},
    {"sku": "B", "category": "home", "unit_price": "0.05", "quantity": 7},
]}
CUSTOMER = {"tier": "silver", "points": [{"points": 500, "earned": "2026-01-10"}]}


@pytest.mark.parametrize("name", sorted(p.stem for p in PROGRAMS.glob("*.json")))
def test_quote_is_the_commands_for_every_example_program(name):
    """The quote, or the error, that `loyalty quote` gives for the same request."""
    request = {"program": program(name), "cart": CART}
    try:
        expected = json.loads(run_cli("quote", stdin=json.dumps(request)))
    except CommandError as refused:
        with pytest.raises(loyalty.LoyaltyError) as raised:
            loyalty.quote(request["program"], None, CART)
        assert (raised.value.code, raised.value.path, raised.value.message) == (
            refused.error["code"], refused.error["path"], refused.error["message"])
        return
    quote = loyalty.quote(request["program"], None, CART)
    assert as_json(quote) == expected
    assert loyalty.to_json(quote) == run_cli("quote", stdin=json.dumps(request)).strip()
    assert floats_in(quote) == []
    assert isinstance(quote["payable"], Decimal)


def test_quote_takes_json_text_and_a_customer():
    text = (PROGRAMS / "retail.json").read_text()
    request = {"program": json.loads(text), "customer": CUSTOMER, "cart": CART}
    expected = json.loads(run_cli("quote", stdin=json.dumps(request)))
    quote = loyalty.quote(text, json.dumps(CUSTOMER), json.dumps(CART))
    assert as_json(quote) == expected
    assert quote["discount_total"] == Decimal(expected["discount_total"]) > 0
    # Decimals in a dict go in as their exact text.
    cart = {**CART, "lines": [{**CART["lines"][0], "unit_price": Decimal("1999.99")}]}
    assert loyalty.quote(text, CUSTOMER, cart)["subtotal"] == Decimal("5999.97")


def test_quote_errors_carry_the_commands_code_path_and_message():
    cart = {**CART, "lines": [{**CART["lines"][0], "unit_price": 1999.99}]}
    request = {"program": program("retail"), "cart": cart}
    with pytest.raises(CommandError) as refused:
        run_cli("quote", stdin=json.dumps(request))
    with pytest.raises(loyalty.LoyaltyError) as raised:
        loyalty.quote(program("retail"), None, cart)
    error = raised.value
    assert (error.code, error.path) == ("wrong_type", "cart.lines[0].unit_price")
    assert error.message == refused.value.error["message"]
    assert isinstance(error, ValueError)
    assert str(error).startswith("wrong_type at cart.lines[0].unit_price: ")
    # A part given as text is one JSON value, refused under its own name when it is not.
    with pytest.raises(loyalty.LoyaltyError) as raised:
        loyalty.quote(program("retail"), None, '{"date": "2026-11-22", "lines": [}')
    assert raised.value.code == "invalid_json" and raised.value.path.startswith("cart")
    with pytest.raises(loyalty.LoyaltyError) as raised:
        loyalty.quote(program("retail"), '{}, "locale": "ru"', CART)
    assert raised.value.path.startswith("customer")


def test_errors_survive_pickling():
    """Dask and Spark send a worker's exception back to the client pickled."""
    error = pickle.loads(pickle.dumps(loyalty.LoyaltyError("invalid_value", "line 3.price", "bad")))
    assert (error.code, error.path, error.message) == ("invalid_value", "line 3.price", "bad")


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    path = tmp_path_factory.mktemp("history") / "orders.csv"
    path.write_text(history_csv(rows=3000, customers=300))
    return path


RETAIL = str(PROGRAMS / "retail.json")


@pytest.mark.parametrize("redeem", ["never", "max", "60"])
def test_a_whole_history_is_the_commands_report(history, redeem):
    expected = json.loads(run_cli("simulate", str(history), "--program", RETAIL,
                                  "--redeem", redeem))
    text = history.read_text()
    frame = pd.read_csv(history, dtype=str)
    for rows in (text, text.encode(), frame, frame.to_dict("records")):
        report = loyalty.simulate_partition(rows, program("retail"), redeem=redeem)
        assert as_json(report) == expected
        assert floats_in(report) == []
    assert isinstance(report["program_cost"]["total"], Decimal)
    assert isinstance(report["cohorts"][0]["spend_by_month"][0], Decimal)
    # Written back, it is the command's output byte for byte.
    assert loyalty.to_json(report) == run_cli("simulate", str(history), "--program", RETAIL,
                                              "--redeem", redeem).strip()
    assert report["orders"] > 1000 and report["program_cost"]["total"] > 0


def test_the_fixture_history_is_the_commands_report():
    orders = ROOT / "fixtures" / "orders" / "retail-small.csv"
    expected = json.loads(run_cli("simulate", str(orders), "--program", RETAIL))
    report = loyalty.simulate_partition(orders.read_bytes(), (PROGRAMS / "retail.json").read_text())
    assert as_json(report) == expected
    assert report["points_liability"] == Decimal("11.50")


def test_partitions_are_the_commands_and_merge_into_the_whole(history):
    """Rows routed by partition_of, simulated apart with the history's months, merged."""
    whole = loyalty.simulate_partition(history.read_bytes(), program("retail"), redeem="max")
    frame = pd.read_csv(history, dtype=str)
    months = (frame.date.min(), frame.date.max())
    n = 3
    part = frame.customer.map(lambda customer: loyalty.partition_of(customer, n))
    reports = []
    for k in range(1, n + 1):
        report = loyalty.simulate_partition(frame[part == k], program("retail"), redeem="max",
                                            partition=(k, n), months=months)
        expected = run_cli("simulate", str(history), "--program", RETAIL, "--redeem", "max",
                           "--partition", f"{k}/{n}")
        assert as_json(report) == json.loads(expected)
        assert report["partition"]["parts"] == [k]
        reports.append(report)
    # In any order, as dicts or as JSON text.
    merged = loyalty.merge([reports[2], json.dumps(as_json(reports[0])), reports[1]])
    assert merged == whole
    assert "partition" not in merged
    # Some of them: still a partial report.
    assert loyalty.merge(reports[:2])["partition"]["parts"] == [1, 2]


def test_partition_of_routes_as_the_command_does(history):
    frame = pd.read_csv(history, dtype=str)
    for k in (1, 2, 3, 4):
        report = json.loads(run_cli("simulate", str(history), "--program", RETAIL,
                                    "--partition", f"{k}/4"))
        rows = sum(loyalty.partition_of(c, 4) == k for c in frame.customer)
        assert report["rows"] == rows
    assert loyalty.partition_of(" 42 ", 7) == loyalty.partition_of("42", 7) == \
        loyalty.partition_of(42, 7)
    with pytest.raises(loyalty.LoyaltyError) as raised:
        loyalty.partition_of("42", 0)
    assert (raised.value.code, raised.value.path) == ("out_of_range", "n")


def test_a_column_of_ids_is_routed_as_each_id_is(history):
    frame = pd.read_csv(history, dtype=str)
    ids = list(frame.customer) + [" 42 ", 42, "Ünïcode", ""]
    assert loyalty.partitions_of(ids, 5) == [loyalty.partition_of(c, 5) for c in ids]
    assert loyalty.partitions_of(frame.customer, 3) == \
        [loyalty.partition_of(c, 3) for c in frame.customer]
    assert loyalty.partitions_of([], 3) == []
    with pytest.raises(loyalty.LoyaltyError) as raised:
        loyalty.partitions_of(["42"], 10_001)
    assert (raised.value.code, raised.value.path) == ("out_of_range", "n")


def test_a_partition_without_the_historys_months_is_refused_at_merge(history):
    frame = pd.read_csv(history, dtype=str)
    part = frame.customer.map(lambda customer: loyalty.partition_of(customer, 2))
    late = frame[(part == 2) & (frame.date >= "2025-06-01")]
    reports = [
        loyalty.simulate_partition(frame[part == 1], program("retail"), partition=(1, 2)),
        loyalty.simulate_partition(late, program("retail"), partition=(2, 2)),
    ]
    with pytest.raises(loyalty.LoyaltyError) as raised:
        loyalty.merge(reports)
    assert (raised.value.code, raised.value.path) == ("invalid_value", "reports[1].tiers_by_month")
    # Months that the rows run outside of are refused too.
    with pytest.raises(loyalty.LoyaltyError) as raised:
        loyalty.simulate_partition(frame, program("retail"), months=("2025-03", "2026-12"))
    assert (raised.value.code, raised.value.path) == ("out_of_range", "months")


def test_simulation_errors_carry_the_commands_code_path_and_message(tmp_path):
    bad = "customer,date,sku,category,price,quantity\n1,2026-01-05,A,grocery,12.5x,1\n"
    path = tmp_path / "bad.csv"
    path.write_text(bad)
    cases = [
        ((bad, program("retail")), ["simulate", str(path), "--program", RETAIL]),
        ((history_csv(10, 3), program("retail")),
         ["simulate", str(path), "--program", RETAIL, "--partition", "4/3"]),
    ]
    with pytest.raises(CommandError) as refused:
        run_cli(*cases[0][1])
    with pytest.raises(loyalty.LoyaltyError) as raised:
        loyalty.simulate_partition(*cases[0][0])
    assert refused.value.error == {"code": raised.value.code, "path": raised.value.path,
                                   "message": raised.value.message}
    assert raised.value.path == "line 2.price"
    with pytest.raises(CommandError) as refused:
        run_cli(*cases[1][1])
    with pytest.raises(loyalty.LoyaltyError) as raised:
        loyalty.simulate_partition(*cases[1][0], partition=(4, 3))
    assert refused.value.error["message"] == raised.value.message
    assert raised.value.path == "partition"
    # A bad program: the path inside the program, as `loyalty simulate` gives it.
    broken = program("retail")
    broken["tiers"][1]["threshold"] = "-5"
    (tmp_path / "broken.json").write_text(json.dumps(broken))
    with pytest.raises(CommandError) as refused:
        run_cli("simulate", str(path), "--program", str(tmp_path / "broken.json"))
    with pytest.raises(loyalty.LoyaltyError) as raised:
        loyalty.simulate_partition(bad, broken)
    assert refused.value.error == {"code": raised.value.code, "path": raised.value.path,
                                   "message": raised.value.message}
    # Bad rows left out and listed, as --skip-bad-rows.
    report = loyalty.simulate_partition(bad, program("retail"), skip_bad_rows=True)
    assert report["bad_rows"] == 1 and report["bad_row_list"][0]["line"] == 2


def test_float_money_is_refused_never_rounded():
    frame = pd.read_csv(io.StringIO(history_csv(20, 5)))  # prices read as float64
    with pytest.raises(loyalty.LoyaltyError) as raised:
        loyalty.simulate_partition(frame, program("retail"))
    assert (raised.value.code, raised.value.path) == ("wrong_type", "line 2.price")
    rows = pd.read_csv(io.StringIO(history_csv(20, 5)), dtype=str).to_dict("records")
    rows[3]["cost"] = 0.1
    with pytest.raises(loyalty.LoyaltyError) as raised:
        loyalty.simulate_partition(rows, program("retail"))
    assert (raised.value.code, raised.value.path) == ("wrong_type", "line 5.cost")
    # Decimals and whole numbers are exact; a Decimal is never written with an exponent, and an
    # empty cost column read as NaN is no money at all.
    exact = pd.read_csv(io.StringIO(history_csv(20, 5)), dtype=str)
    exact["price"] = exact.price.map(Decimal)
    exact["quantity"] = exact.quantity.astype(int)
    exact.loc[0, "price"] = Decimal("4.2E+1")
    exact["cost"] = float("nan")
    text = pd.read_csv(io.StringIO(history_csv(20, 5)), dtype=str)
    text.loc[0, "price"] = "42"
    text["cost"] = None
    assert loyalty.simulate_partition(exact, program("retail")) == \
        loyalty.simulate_partition(text, program("retail"))
    with pytest.raises(loyalty.LoyaltyError):
        loyalty.simulate_partition(exact, program("retail"), redeem=60.0)


def test_an_empty_partition_reports_nothing_over_the_historys_months():
    report = loyalty.simulate_partition([], program("retail"), partition=(2, 5),
                                        months=("2025-01", "2025-03"))
    assert (report["rows"], report["orders"]) == (0, 0)
    assert [m["month"] for m in report["tiers_by_month"]] == ["2025-01", "2025-02", "2025-03"]
