"""Background work of the directory: sending email.

Services enqueue these after their transaction commits, with ids and strings
only, so that a worker can run them later and nothing is sent for a rollback.
"""

from itertools import islice

from django.conf import settings
from django.core.mail import EmailMessage
from django_tasks import task

from directory.models import Organisation
from directory.search import index_organisations

REINDEX_CHUNK = 500


@task()
def email_send(*, to: list[str], subject: str, body: str) -> None:
    """Send one email; replies go to the desk, not to the no-reply sender."""
    reply_to = [settings.DESK_EMAIL] if settings.DESK_EMAIL else []
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to, reply_to=reply_to).send()


@task()
def organisations_reindex(
    *, sector_id: int | None = None, municipality_id: int | None = None
) -> None:
    """Refresh the search entries of the organisations in a renamed sector or place:
    their names are part of what is searched (see `directory.search`)."""
    organisations = Organisation.objects.select_related("municipality").prefetch_related("sectors")
    if sector_id is not None:
        organisations = organisations.filter(sectors=sector_id)
    if municipality_id is not None:
        organisations = organisations.filter(municipality_id=municipality_id)
    rows = organisations.order_by("pk").iterator(chunk_size=REINDEX_CHUNK)
    while chunk := list(islice(rows, REINDEX_CHUNK)):
        index_organisations(chunk)
