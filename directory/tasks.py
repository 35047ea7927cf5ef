"""Background work of the directory: refreshing the organisations' search entries.

Enqueued with ids only, through `creativecities.mail.tasks.enqueue_with_transaction`.
"""

from itertools import islice

from django_tasks import task

from creativecities.lists.search import index
from directory.models import Organisation

REINDEX_CHUNK = 500


@task()
def organisations_reindex(
    *, sector_id: int | None = None, municipality_id: int | None = None
) -> None:
    """Refresh the search entries of the organisations in a renamed sector or place:
    their names are part of what is searched (see `creativecities.lists.search`)."""
    organisations = Organisation.objects.select_related("municipality").prefetch_related("sectors")
    if sector_id is not None:
        organisations = organisations.filter(sectors=sector_id)
    if municipality_id is not None:
        organisations = organisations.filter(municipality_id=municipality_id)
    rows = organisations.order_by("pk").iterator(chunk_size=REINDEX_CHUNK)
    while chunk := list(islice(rows, REINDEX_CHUNK)):
        index(chunk)
