"""The loyalty calculator from Python: quotes, order-history simulation, merging partial reports.

The work is done by the Rust core (``loyalty._loyalty``) through the same readers and writers as
the ``loyalty`` command, so results and errors are the command's. This layer only turns Python
values into the text the core reads and its JSON back into dicts.

Money never passes through a float: it goes in as ``decimal.Decimal`` or a string (a float is
refused with a ``LoyaltyError``), and every amount in a result is a ``decimal.Decimal``.
"""

from __future__ import annotations

import csv
import io
import json
import numbers
from decimal import Decimal
from typing import Any, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

__all__ = ["LoyaltyError", "quote", "simulate_partition", "merge", "partition_of", "partitions_of",
           "to_json"]
__version__ = "0.1.0"


class LoyaltyError(ValueError):
    """A refused input, as the ``loyalty`` command reports it.

    ``code`` is a stable machine code (``wrong_type``, ``invalid_value``, …), ``path`` the place
    of the offending value (``cart.lines[0].unit_price``, ``line 17.price``; empty for the
    whole input) and ``message`` says what is wrong.
    """

    def __init__(self, code: str, path: str, message: str) -> None:
        super().__init__(code, path, message)
        self.code = code
        self.path = path
        self.message = message

    def __str__(self) -> str:
        if self.path:
            return f"{self.code} at {self.path}: {self.message}"
        return f"{self.code}: {self.message}"


# Imported after LoyaltyError: the Rust module raises it by name.
from . import _loyalty  # noqa: E402

JsonInput = Union[str, bytes, Mapping[str, Any]]
Rows = Union[str, bytes, Iterable[Mapping[str, Any]], Any]  # Any: a pandas DataFrame
Month = Union[str, Any]  # "YYYY-MM", "YYYY-MM-DD", or a date / Timestamp


def quote(program: JsonInput, customer: Optional[JsonInput], cart: JsonInput) -> dict:
    """Prices one cart for one customer under a program, as ``loyalty quote`` does.

    Each of ``program``, ``customer`` (or None, a new customer) and ``cart`` is a dict or JSON
    text. Money in them is a ``Decimal`` or a string such as ``"12.50"``. Returns the quote as a
    dict, amounts as ``Decimal``.
    """
    customer_text = None if customer is None else _json_text(customer)
    text = _loyalty.quote_json(_json_text(program), customer_text, _json_text(cart))
    return _decimals(json.loads(text, parse_float=Decimal), "Quote")


def simulate_partition(
    rows: Rows,
    program: JsonInput,
    *,
    partition: Optional[Tuple[int, int]] = None,
    months: Optional[Tuple[Month, Month]] = None,
    redeem: Union[str, int, Decimal] = "never",
    order: str = "auto",
    skip_bad_rows: bool = False,
) -> dict:
    """Replays order rows through a program, as ``loyalty simulate`` does.

    ``rows`` are the history's rows in the order they come (by date, or grouped by customer):
    a pandas DataFrame with the CSV's columns (customer, date, sku, category, price, quantity,
    cost, group), an iterable of dicts with those keys, or CSV text or bytes. Money (price,
    cost) must be strings or ``Decimal`` (integers too); a float is refused.

    ``partition=(k, n)`` keeps the customers in partition ``k`` of ``n`` (see
    :func:`partition_of`), as ``--partition K/N``, and marks the report so that :func:`merge`
    can sum it with the others. ``months=(first, last)`` are the whole history's first and last
    months: give them when ``rows`` hold only part of the history, so that every partial report
    lists the same months. ``redeem`` is ``"never"`` (the command's default), ``"max"`` or a
    share in %; ``order`` is ``"auto"``, ``"date"`` or ``"customer"``.

    Returns the report as a dict, amounts as ``Decimal``.
    """
    span = None if months is None else (_month_text(months[0]), _month_text(months[1]))
    parts = None if partition is None else (int(partition[0]), int(partition[1]))
    text = _loyalty.simulate_csv(
        _csv_bytes(rows),
        _json_text(program),
        redeem=_redeem_text(redeem),
        order=order,
        partition=parts,
        months=span,
        skip_bad_rows=skip_bad_rows,
    )
    return _decimals(json.loads(text, parse_float=Decimal), "Simulation")


def merge(reports: Iterable[Union[Mapping[str, Any], str, bytes]]) -> dict:
    """Sums partial reports (from :func:`simulate_partition` with ``partition``, as dicts or
    JSON text) into one, as ``loyalty merge`` does. The merge of all ``n`` partitions is the
    whole run's report, with no ``partition`` block."""
    texts = [_json_text(report) for report in reports]
    return _decimals(json.loads(_loyalty.merge_json(texts), parse_float=Decimal), "Simulation")


def partition_of(customer_id: Union[str, int], n: int) -> int:
    """The partition, from 1 to ``n``, that a customer id falls in: FNV-1a 64 of its text
    (trimmed) modulo ``n``, plus one, as ``loyalty simulate --partition K/N`` routes
    customers. Stable across machines and versions."""
    return _loyalty.partition_of(str(customer_id), int(n))


def partitions_of(customer_ids: Iterable[Union[str, int]], n: int) -> List[int]:
    """:func:`partition_of` for a column of ids (a list, or a pandas Series) in one call: a
    Dask or Spark partition's ids routed without a Python call for each row."""
    # A Series (or an array) gives its values as a list at once; walking it value by value would
    # cost more than routing them.
    ids = customer_ids.tolist() if hasattr(customer_ids, "tolist") else list(customer_ids)
    return _loyalty.partitions_of([c if isinstance(c, str) else str(c) for c in ids], int(n))


def to_json(result: Mapping[str, Any]) -> str:
    """A quote or report as the command's compact JSON, every amount its exact decimal string:
    what to store, or to send as one text column (Spark), and what :func:`merge` reads back."""
    return json.dumps(result, default=_json_default, ensure_ascii=False, separators=(",", ":"))


# --- Python values into the core's text -----------------------------------------------------

def _json_text(value: Any) -> str:
    """A dict as JSON (Decimals as strings, dates as ISO dates); JSON text as it is. A float
    goes out as a JSON number, which the core refuses wherever money belongs."""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, str):
        return value
    return json.dumps(value, default=_json_default, ensure_ascii=False)


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")  # never an exponent: "1E-7" is not a decimal the core reads
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} cannot be written as JSON")


def _redeem_text(redeem: Union[str, int, Decimal]) -> str:
    if isinstance(redeem, float):
        raise LoyaltyError("wrong_type", "redeem", "a share is a Decimal or a string, never a float")
    if isinstance(redeem, Decimal):
        return format(redeem, "f")
    return str(redeem)


def _month_text(value: Month) -> str:
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m")
    return str(value)


_MONEY = ("price", "cost")
_COLUMNS = ("customer", "date", "sku", "category", "price", "quantity", "cost", "group")


def _csv_bytes(rows: Rows) -> bytes:
    if isinstance(rows, bytes):
        return rows
    if isinstance(rows, str):
        return rows.encode("utf-8")
    if hasattr(rows, "to_csv") and hasattr(rows, "columns"):
        return _frame_csv(rows)
    return _dicts_csv(rows)


def _frame_csv(frame: Any) -> bytes:
    """A DataFrame as CSV; its money columns checked and written exactly."""
    replaced = {}
    for name in frame.columns:
        column = str(name).strip().lower()
        if column not in _MONEY:
            continue
        values = frame[name]
        kind = values.dtype.kind
        if kind == "f":
            filled = values.notna().to_numpy().nonzero()[0]
            if len(filled):
                at = int(filled[0])
                raise _float_money(column, at + 2, values.iloc[at], str(values.dtype))
            replaced[name] = [None] * len(values)  # an empty column read as all-NaN floats
        elif kind == "O" and str(values.dtype) == "object":
            replaced[name] = [_money_cell(v, column, at + 2) for at, v in enumerate(values)]
        elif kind not in "iuO" and str(values.dtype) not in ("str", "string"):
            raise LoyaltyError(
                "wrong_type", column,
                f"the {column} column holds {values.dtype}; give money as decimal.Decimal or strings",
            )
    if replaced:
        frame = frame.assign(**{str(name): v for name, v in replaced.items()})
    return frame.to_csv(index=False).encode("utf-8")


def _dicts_csv(rows: Iterable[Mapping[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        writer.writerow(_COLUMNS)  # no rows: a report of nothing, still with its months
        return out.getvalue().encode("utf-8")
    fields = list(first.keys())
    money = [str(f).strip().lower() in _MONEY for f in fields]
    writer.writerow(fields)
    for line, row in enumerate(_chain(first, rows), start=2):
        writer.writerow([
            _money_cell(row.get(f), str(f).strip().lower(), line) if is_money
            else _cell(row.get(f))
            for f, is_money in zip(fields, money)
        ])
    return out.getvalue().encode("utf-8")


def _chain(first: Any, rest: Iterable[Any]) -> Iterable[Any]:
    yield first
    yield from rest


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def _money_cell(value: Any, column: str, line: int) -> Any:
    if isinstance(value, str) or value is None:
        return value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, bool):
        raise LoyaltyError("wrong_type", f"line {line}.{column}", f"line {line}: {column} is true or false")
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, float) and value != value:
        return None  # NaN: pandas' mark of a missing value
    if isinstance(value, numbers.Real):
        raise _float_money(column, line, value, type(value).__name__)
    raise LoyaltyError(
        "wrong_type", f"line {line}.{column}",
        f"line {line}: {column} is a {type(value).__name__}; give money as decimal.Decimal or a string",
    )


def _float_money(column: str, line: int, value: Any, kind: str) -> LoyaltyError:
    return LoyaltyError(
        "wrong_type", f"line {line}.{column}",
        f"line {line}: {column} is a float ({value!r}, {kind}), which may already have lost "
        "digits; give money as decimal.Decimal or a string (read the CSV with dtype=str)",
    )


# --- The core's JSON into dicts with Decimal amounts ------------------------------------------

_schemas: Optional[dict] = None


def _decimals(value: Any, type_name: str) -> Any:
    """Turns the strings that the core's output schema marks as decimals into ``Decimal``. The
    core writes every decimal as a string; which strings are decimals is read from its types'
    JSON Schema, not guessed from the text (a sku may well be "123")."""
    global _schemas
    if _schemas is None:
        _schemas = json.loads(_loyalty.output_schema())["$defs"]
    return _convert(value, _schemas[type_name])


def _convert(value: Any, schema: Mapping[str, Any]) -> Any:
    schema = _resolve(schema)
    if isinstance(value, str):
        kinds = schema.get("type")
        is_decimal = isinstance(kinds, list) and "string" in kinds and "number" in kinds
        return Decimal(value) if is_decimal else value
    if isinstance(value, list):
        items = schema.get("items")
        return [_convert(v, items) for v in value] if isinstance(items, dict) else value
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        other = extra if isinstance(extra, dict) else {}
        return {k: _convert(v, properties.get(k, other)) for k, v in value.items()}
    return value


def _resolve(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    """Follows ``$ref``, and takes an optional value's schema (``anyOf: [X, null]``)."""
    while True:
        if "$ref" in schema:
            schema = _schemas[schema["$ref"].rsplit("/", 1)[-1]]
        elif "anyOf" in schema:
            branches = [b for b in schema["anyOf"] if b.get("type") != "null"]
            if len(branches) != 1:
                return schema
            schema = branches[0]
        else:
            return schema
