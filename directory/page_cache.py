"""The directory's pages in the page cache (`creativecities.pagecache`): which
are kept for anonymous visitors, the kinds of content each shows, and the
models that hold each kind. Called once from
`directory/plugs.py`."""

from __future__ import annotations

from creativecities import pagecache

ORGANISATIONS = "organisations"
SECTORS = "sectors"  # sectors and places, the reference data every list shows
PAGES = "pages"
PARTNERS = "partners"


def register() -> None:
    from directory.models import Municipality, Organisation, Page, Partner, Sector
    from directory.views.public import PARTIAL_HEADER

    pagecache.watch(Organisation, ORGANISATIONS)
    pagecache.watch(Sector, SECTORS)
    pagecache.watch(Municipality, SECTORS)
    pagecache.watch(Page, PAGES)
    pagecache.watch(Partner, PARTNERS)
    # The directory's script asks for the results alone with this header.
    pagecache.vary_on_header(PARTIAL_HEADER)
    directory = (ORGANISATIONS, SECTORS)
    pagecache.cache_views(
        {
            # The home page's blocks: the newest organisations and the sectors
            # with their counts (the other apps add the kinds of their blocks).
            "directory:home": directory,
            "directory:sectors": directory,
            "directory:sector": directory,
            "directory:list": directory,
            "directory:map": directory,
            "directory:geojson": directory,
            "directory:detail": directory,
            "directory:cluster": directory,
            "directory:partners": (PARTNERS,),
            "directory:privacy": (PAGES,),
            "directory:accessibility": (PAGES,),
            "directory:page": (PAGES,),
            "directory:legal": (PAGES,),
            # The site map lists the sectors and the pages of every app.
            "directory:site_map": (SECTORS, PAGES),
        }
    )
