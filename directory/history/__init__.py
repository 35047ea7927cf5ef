"""History of content for every tracked model: recorded by `recording`, read
and reverted by `reading`. Callers use the names below (`history.changes(...)`)."""

from directory.history.reading import comparison, display, revert, versions_of, with_changes
from directory.history.recording import (
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
    "display",
    "field_label",
    "revert",
    "snapshot",
    "track",
    "tracking_for",
    "versions_of",
    "with_changes",
]
