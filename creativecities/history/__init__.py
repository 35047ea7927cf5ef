"""History of content for every tracked model: recorded by `recording`, read
and reverted by `reading`. Callers use the names below (`history.changes(...)`)."""

from creativecities.history.reading import (
    comparison,
    day,
    display,
    number,
    revert,
    sentences,
    versions_of,
    with_changes,
)
from creativecities.history.recording import (
    RequestMiddleware,
    Tracking,
    changed_fields,
    changes,
    field_label,
    snapshot,
    track,
    tracking_for,
)

__all__ = [
    "RequestMiddleware",
    "Tracking",
    "changed_fields",
    "changes",
    "comparison",
    "day",
    "display",
    "field_label",
    "number",
    "revert",
    "sentences",
    "snapshot",
    "track",
    "tracking_for",
    "versions_of",
    "with_changes",
]
