"""The desk's demo data for `load_demo_data`: contacts, guides, subscriptions.

Idempotent like the command: records are matched by their natural key
(the one contacts record, a guide's slug, a subscription's address), content
differing from `demo_guides.py` is rewritten and anything else left alone.
"""

from __future__ import annotations

import datetime
import io

from django.core.files.base import ContentFile
from django.utils import timezone
from pypdf import PdfWriter

from contactpoint.demo_guides import DESK_CONTACTS, GUIDES, SUBSCRIPTIONS, DemoGuide
from contactpoint.models import GUIDE_FIELDS, AlertSubscription, DeskContact, Guide, GuideAttachment
from creativecities import history
from creativecities.updates import model_update
from directory.models import Sector, User

ATTACHMENT_GUIDE = "aprire-un-attivita-suap"


def desk_demo(*, staff: User, member: User) -> str:
    DeskContact.objects.update_or_create(key=DeskContact.SINGLETON, defaults=DESK_CONTACTS)
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    with history.changes(by=staff, note="Demo data"):
        for demo in GUIDES:
            _guide(demo, sectors)
    _attachment()
    now = timezone.now()
    for email, slugs, language, confirmed in SUBSCRIPTIONS:
        subscription, created = AlertSubscription.objects.get_or_create(
            email=email,
            defaults={
                "language": language,
                "created_at": now - datetime.timedelta(days=20),
                "confirmed_at": now - datetime.timedelta(days=19) if confirmed else None,
            },
        )
        if created:
            subscription.sectors.set([sectors[slug] for slug in slugs])
    published = sum(1 for demo in GUIDES if demo.published)
    return (
        f"Desk: contacts, {published} published guides and {len(GUIDES) - published} draft,"
        f" {len(SUBSCRIPTIONS)} alert subscriptions"
    )


def _guide(demo: DemoGuide, sectors: dict[str, Sector]) -> Guide:
    content = {
        "topic": demo.topic,
        "title_it": demo.title_it,
        "title_en": demo.title_en,
        "summary_it": demo.summary_it,
        "summary_en": demo.summary_en,
        "body_it": demo.body_it,
        "body_en": demo.body_en,
        "published": demo.published,
    }
    guide = Guide.objects.filter(slug=demo.slug).first()
    if guide is None:
        guide = Guide(
            slug=demo.slug,
            last_reviewed=timezone.localdate() - datetime.timedelta(days=demo.reviewed_days_ago),
        )
    if guide.pk is None or any(getattr(guide, name) != value for name, value in content.items()):
        model_update(guide, content, fields=GUIDE_FIELDS)
    wanted = {sectors[slug].pk for slug in demo.sectors}
    if set(guide.sectors.values_list("pk", flat=True)) != wanted:
        guide.sectors.set(wanted)
    return guide


def _attachment() -> None:
    """A one-page PDF facsimile, made at load time (no binary in the repository)."""
    guide = Guide.objects.get(slug=ATTACHMENT_GUIDE)
    if guide.attachments.exists():
        return
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": "SCIA – facsimile"})
    buffer = io.BytesIO()
    writer.write(buffer)
    attachment = GuideAttachment(
        guide=guide,
        title_it="Modulo SCIA (facsimile)",
        title_en="SCIA form (facsimile)",
        size=len(buffer.getvalue()),
    )
    attachment.file.save("scia-facsimile.pdf", ContentFile(buffer.getvalue()), save=False)
    attachment.save()
