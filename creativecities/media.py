"""Uploaded files: the names they are stored under and how they are served.

A stored file's name decides how it is served: a media server (nginx, object
storage, the portal's own view below) types a file by its extension. So no
uploaded file keeps the name its sender chose: every `FileField` and
`ImageField` stores under `PortalFileName`, a random name with the extension
of the type the portal checked (a logo redrawn as WebP is `.webp`, a guide's
attachment proven a PDF is `.pdf`), whatever path stored it (a form, the
admin, the shell, a migration). A PDF with HTML appended, sent as
`polyglot.html`, is stored as `guides/<random>.pdf`.

`media_serve` serves the media folder from the app servers (gunicorn serves
nothing by itself, and a link that works only behind a correctly configured
proxy is a dead link on every other installation). It types files from a
short list of extensions, never by sniffing; everything that is not an image
the portal draws is a download (`Content-Disposition: attachment`), and every
answer carries `X-Content-Type-Options: nosniff` and a policy that lets the
file run nothing. Files with a portal-chosen name never change, so they are
cached for a year, as whitenoise caches hashed static files; older names for
an hour.
"""

from __future__ import annotations

import posixpath
import re
import secrets
from functools import partial
from typing import Any

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.deconstruct import deconstructible
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from django.views.static import was_modified_since

#: What the portal serves each stored extension as; images are shown in pages,
#: everything else is downloaded.
IMAGE_TYPES = {
    "webp": "image/webp",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
}
DOWNLOAD_TYPES = {"pdf": "application/pdf"}
UNKNOWN_TYPE = "application/octet-stream"

#: A name `PortalFileName` chose: 32 hexadecimal digits and an extension.
PORTAL_NAME = re.compile(r"^[0-9a-f]{32}\.[a-z0-9]+$")
IMMUTABLE = "public, max-age=31536000, immutable"
MUTABLE = "public, max-age=3600"
#: The file is shown or saved, never run: no script, no plugin, no form.
FILE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"


@deconstructible
class PortalFileName:
    """A file field's `upload_to`: `<folder>/<32 random hex digits>.<extension>`.

    The sender's file name is ignored entirely; `extension` is the type the
    field's checks guarantee. A random name never collides, never reveals what
    the sender called the file, and never changes content, so it can be cached
    for ever.
    """

    def __init__(self, folder: str, extension: str) -> None:
        self.folder = folder.strip("/")
        self.extension = extension.lower().lstrip(".")

    def __call__(self, instance: Any, filename: str) -> str:
        return f"{self.folder}/{secrets.token_hex(16)}.{self.extension}"

    def chose(self, name: str) -> bool:
        """Whether `name` is one this would have chosen."""
        folder, _, base = name.rpartition("/")
        return folder == self.folder and portal_chose(base) and base.endswith(f".{self.extension}")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PortalFileName) and (self.folder, self.extension) == (
            other.folder,
            other.extension,
        )

    def __hash__(self) -> int:
        return hash((self.folder, self.extension))


def portal_chose(name: str) -> bool:
    """Whether a stored file's name was chosen by `PortalFileName`."""
    return bool(PORTAL_NAME.match(posixpath.basename(name)))


def files_moved_to_portal_names(model: type[models.Model], field_name: str) -> int:
    """Store every file of `model.field_name` not yet under a `PortalFileName`
    name under a new one; how many were moved.

    For rows stored before the portal chose names (a guide's PDF sent as
    `polyglot.html`); the data migrations run it with historical models. A row
    whose file is missing keeps its name (there is nothing to serve). The old
    file is deleted once the transaction commits, so a migration that fails
    loses no file."""
    field = model._meta.get_field(field_name)
    upload_to = getattr(field, "upload_to", None)
    if not isinstance(field, models.FileField) or not isinstance(upload_to, PortalFileName):
        raise TypeError(f"{model.__name__}.{field_name} does not store under PortalFileName")
    storage = field.storage
    moved = 0
    rows = model._default_manager.exclude(**{field_name: ""}).values_list("pk", field_name)
    for pk, name in rows.iterator():
        if upload_to.chose(name):
            continue
        try:
            with storage.open(name, "rb") as source:
                stored = storage.save(upload_to(None, name), source)
        except (OSError, SuspiciousFileOperation):
            continue
        model._default_manager.filter(pk=pk).update(**{field_name: stored})
        transaction.on_commit(partial(storage.delete, name))
        moved += 1
    return moved


def served_type(name: str) -> tuple[str, bool]:
    """The content type a stored file is served as, and whether it is a download."""
    extension = posixpath.splitext(name)[1].lower().lstrip(".")
    if extension in IMAGE_TYPES:
        return IMAGE_TYPES[extension], False
    return DOWNLOAD_TYPES.get(extension, UNKNOWN_TYPE), True


def safe_headers(response: HttpResponse | FileResponse, name: str) -> None:
    """Type, disposition and policy of a stored file, decided by its name alone."""
    content_type, download = served_type(name)
    response["Content-Type"] = content_type
    if download:
        response["Content-Disposition"] = "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_POLICY


@require_safe
def media_serve(request: HttpRequest, path: str) -> HttpResponse | FileResponse:
    """One stored file from the media storage, with `safe_headers` and caching.

    Anything that does not name a stored file (a folder, `..`, a hidden or
    missing name) answers 404 without saying which."""
    name = posixpath.normpath(path).lstrip("/")
    if name != path or name.startswith((".", "..")) or "\x00" in name or "/." in name:
        raise Http404
    try:
        modified = default_storage.get_modified_time(name).timestamp()
        if not was_modified_since(request.META.get("HTTP_IF_MODIFIED_SINCE"), modified):
            response: HttpResponse | FileResponse = HttpResponseNotModified()
        else:
            response = FileResponse(default_storage.open(name, "rb"))
    except (OSError, SuspiciousFileOperation):
        raise Http404 from None
    safe_headers(response, name)
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = IMMUTABLE if portal_chose(name) else MUTABLE
    return response
