"""When a call or premises was first published: what the alerts' digests and
the Atom feed count as new."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone


class FirstPublication:
    """Stamps `published_at` the first time the row is saved published, whoever
    saves it (the admin, a revert from its history, the demo loader, a shell),
    and keeps the stamp if it is later withdrawn and published again."""

    is_published: bool
    published_at: datetime.datetime | None

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.is_published and self.published_at is None:
            self.published_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "published_at"}
        super().save(*args, **kwargs)  # type: ignore[misc]
