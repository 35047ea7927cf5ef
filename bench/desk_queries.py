"""The desk benchmark's query counts (`bench/desk.py`, phase 1): each query of
the form page, the tracking page and a submission, with the atomic block it ran
in, so that the transaction writing the enquiry is told from the counters and
the task queued after it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from bench.desk_clients import ASK, DOMAIN, form_data


@dataclass
class Counted:
    total: int
    transaction: int  # queries inside the atomic block that writes the enquiry
    transactions_writing: int  # atomic blocks that wrote a desk row, a mail or a task
    after_commit: int  # outside any atomic block and not on the counters (the task)
    counters: int  # on the rate limits' table (the `limits` cache)
    sql: list[str]
    with_control: int = 0  # CaptureQueriesContext's count, BEGIN and COMMIT included


@contextmanager
def counting() -> Iterator[list[tuple[str, int | None]]]:
    """Every query with the atomic block it ran in (None: autocommit)."""
    from django.db import connection

    seen: list[tuple[str, int | None]] = []
    state: dict[str, Any] = {"block": None, "outer": None, "number": 0}

    def wrapper(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        if connection.in_atomic_block:
            outer = id(connection.atomic_blocks[0]) if connection.atomic_blocks else 0
            if state["block"] is None or state["outer"] != outer:
                state["number"] += 1
                state["block"], state["outer"] = state["number"], outer
            seen.append((sql, state["block"]))
        else:
            state["block"] = state["outer"] = None
            seen.append((sql, None))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield seen


def classify(seen: list[tuple[str, int | None]]) -> Counted:
    counters_table = "rate_limit_counters"
    desk_writes = re.compile(
        r"^\s*(INSERT|UPDATE|DELETE)\s.*"
        r'"(contactpoint_\w+|directory_outgoingemail|django_tasks_database_dbtaskresult)"',
        re.IGNORECASE | re.DOTALL,
    )
    on_counters = [sql for sql, _ in seen if counters_table in sql]
    blocks = {block for sql, block in seen if block is not None and desk_writes.match(sql)}
    enquiry_block = next(
        (block for sql, block in seen if block is not None and "contactpoint_enquiry" in sql
         and sql.lstrip().upper().startswith("INSERT")),
        None,
    )  # fmt: skip
    in_transaction = [
        sql for sql, block in seen if enquiry_block is not None and block == enquiry_block
    ]
    after = [sql for sql, block in seen if block is None and counters_table not in sql]
    return Counted(
        total=len(seen),
        transaction=len(in_transaction),
        transactions_writing=len(blocks),
        after_commit=len(after),
        counters=len(on_counters),
        sql=[sql for sql, _ in seen],
    )


def count_queries(tracking_path: str, sector: int, topic: str) -> dict[str, Counted]:
    """The three budgets, measured in this process with Django's test client."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_ACCEPT_LANGUAGE="it", HTTP_HOST="127.0.0.1")
    client.get(ASK)  # warm: the reference data's cache, the templates
    client.get(tracking_path)
    results: dict[str, Counted] = {}
    for name, path in (("form", ASK), ("tracking", tracking_path)):
        with CaptureQueriesContext(connection) as captured, counting() as seen:
            response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
        results[name] = classify(seen)
        results[name].with_control = len(captured.captured_queries)
    from django.core.cache import caches

    caches["limits"].clear()
    data = form_data(sector, topic, f"queries@{DOMAIN}", 0)
    with CaptureQueriesContext(connection) as captured, counting() as seen:
        response = client.post(ASK, data)
    if response.status_code != 302:
        raise RuntimeError(f"the submission answered {response.status_code}")
    results["submission"] = classify(seen)
    results["submission"].with_control = len(captured.captured_queries)
    return results
