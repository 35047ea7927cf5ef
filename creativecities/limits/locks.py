"""Locks for work that has no row to lock yet.

Two requests creating the same thing at once (the first invitation to an
address, say) cannot lock the row they are about to write. They take a lock
named by what they are about to create instead: PostgreSQL's advisory lock,
held until the transaction ends, so the second waits, then sees what the
first committed.
"""

from django.db import connection


def lock_for_transaction(name: str) -> None:
    """Wait until no other transaction holds the lock `name`, then hold it
    until this one commits or rolls back. Call it inside `transaction.atomic`."""
    if not connection.in_atomic_block:
        raise RuntimeError("lock_for_transaction holds its lock until the transaction ends.")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [name])
