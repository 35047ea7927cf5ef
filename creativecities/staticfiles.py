"""The static files' storage: whitenoise's, compressed and named by content,
with each file's address worked out once per process.

`{% static %}` asks the manifest storage for an address on every use: it
splits the name, looks it up in the manifest and joins it to STATIC_URL,
about a tenth of a millisecond a page for the dozen files a page names (the
stylesheet, the fonts preloaded, the scripts, the icons' sprite). The
manifest does not change while the process runs, so neither do the
addresses.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage

# Past this many names, addresses are worked out each time (names are the
# templates' own, so this is never reached unless a page names files at will).
MAX_REMEMBERED = 2000


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._addresses: dict[str, str] = {}

    def url(self, name: str | None, force: bool = False) -> str:
        # Under DEBUG the storage gives the unhashed name, and files may change.
        if force or settings.DEBUG or name is None:
            return str(super().url(name, force))
        address = self._addresses.get(name)
        if address is None:
            address = str(super().url(name, force))
            if len(self._addresses) < MAX_REMEMBERED:
                self._addresses[name] = address
        return address
