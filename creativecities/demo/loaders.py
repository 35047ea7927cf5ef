"""Demo data other apps add to `load_demo_data`, so the core never imports them.

An app registers a loader in its `AppConfig.ready()`:

    from creativecities.demo.loaders import register_demo_loader

    def desk_demo(*, staff: User, member: User) -> str:
        ...  # create or bring back the app's demo content, idempotently
        return "12 guides, 9 calls"

    register_demo_loader(desk_demo)

`load_demo_data` loads the directory's own content first, then runs each loader
in the order the apps were registered (each in a transaction of its own) and
prints the line each returns. Loaders must be idempotent, as the command is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from django.contrib.auth.models import _User as User


class DemoLoader(Protocol):
    def __call__(self, *, staff: User, member: User) -> str: ...


_registry: list[DemoLoader] = []


def register_demo_loader(loader: DemoLoader) -> DemoLoader:
    """Add a loader (once, however often `ready()` runs); usable as a decorator."""
    if loader not in _registry:
        _registry.append(loader)
    return loader


def demo_loaders() -> list[DemoLoader]:
    return list(_registry)
