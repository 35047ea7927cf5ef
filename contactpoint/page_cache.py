"""The desk's pages in the page cache (`creativecities.pagecache`): its home,
guides, calls, premises and their feeds, what they add to the sector pages,
and the desk's contacts in every page's footer. Called once from
`contactpoint/plugs.py`."""

from __future__ import annotations

from creativecities import pagecache
from directory.page_cache import SECTORS

CALLS = "calls"
GUIDES = "guides"
PREMISES = "premises"
# A call's status follows the clock (forthcoming, open, closing soon, closed):
# its pages are kept at most a minute.
CALL_PAGES_SECONDS = 60


def register() -> None:
    from contactpoint.models import (
        DeskContact,
        FundingCall,
        Guide,
        GuideAttachment,
        Premises,
        PremisesPhoto,
    )

    pagecache.watch(DeskContact, pagecache.SITE)
    pagecache.watch(FundingCall, CALLS)
    pagecache.watch(Guide, GUIDES)
    pagecache.watch(GuideAttachment, GUIDES)
    pagecache.watch(Premises, PREMISES)
    pagecache.watch(PremisesPhoto, PREMISES)
    pagecache.cache_views(
        {
            "contactpoint:home": (),
            "contactpoint:guides": (GUIDES, SECTORS),
            "contactpoint:guide": (GUIDES, SECTORS),
            "contactpoint:premises": (PREMISES, SECTORS),
            "contactpoint:premises_map": (PREMISES, SECTORS),
            "contactpoint:premises_geojson": (PREMISES, SECTORS),
            "contactpoint:premises_detail": (PREMISES, SECTORS),
            # The sector pages' panels of guides and premises; the home page's
            # guides (its contacts are the site's).
            "directory:sector": (GUIDES, PREMISES),
            "directory:home": (GUIDES,),
        }
    )
    pagecache.cache_views(
        {
            "contactpoint:calls": (CALLS, SECTORS),
            "contactpoint:call": (CALLS, SECTORS),
            "contactpoint:calls_ical": (CALLS, SECTORS),
            "contactpoint:calls_ical_sector": (CALLS, SECTORS),
            "contactpoint:calls_atom": (CALLS, SECTORS),
            "directory:sector": (CALLS,),
            # The home page's calls closing soonest.
            "directory:home": (CALLS,),
        },
        seconds=CALL_PAGES_SECONDS,
    )
