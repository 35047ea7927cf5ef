"""Requests or service calls made at the same moment, for the tests of races."""

import threading
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.db import connection

Argument = TypeVar("Argument")
Result = TypeVar("Result")


def run_at_once(act: Callable[[Argument], Result], arguments: Iterable[Argument]) -> list[Result]:
    """Call `act` once per argument, each call in a thread of its own with its
    own database connection (committing for real: use it in a test marked
    `django_db(transaction=True)`), all released together by a barrier.

    Returns the results in the order the calls ended; the first error any
    thread met is raised here, after every thread has ended."""
    arguments = list(arguments)
    start = threading.Barrier(len(arguments))
    results: list[Result] = []
    errors: list[BaseException] = []

    def run(argument: Argument) -> None:
        try:
            start.wait()
            results.append(act(argument))
        except BaseException as error:  # raised in the test's thread below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    if errors:
        raise errors[0]
    return results
