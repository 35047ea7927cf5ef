"""Factories for the desk's enquiries."""

import secrets
from typing import Any

import factory
from django.conf import settings
from django.utils import timezone
from factory.django import DjangoModelFactory

from contactpoint.models import Enquiry, EnquiryMessage, StandardReply, Topic
from creativecities.links.hashed import token_digest
from tests.directory.factories import SectorFactory


class EnquiryFactory(DjangoModelFactory[Enquiry]):
    """An enquiry; its clear tracking token is on the instance as `token`."""

    class Meta:
        model = Enquiry
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"CC-2026-{900000 + n:06d}")
    topic = Topic.SETTLING
    sector = factory.SubFactory(SectorFactory)
    subject = "Locali per un laboratorio"
    message = "Cerchiamo un laboratorio in centro storico: quali agevolazioni?"
    name = "Giulia Parodi"
    email = factory.Sequence(lambda n: f"requester{n}@example.org")
    language = "it"
    privacy_consent_at = factory.LazyFunction(timezone.now)
    privacy_policy_version = factory.LazyFunction(lambda: settings.PRIVACY_POLICY_VERSION)
    token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))
    token_hash = factory.LazyAttribute(lambda o: token_digest(o.token))

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Enquiry:
        token = kwargs.pop("token")
        enquiry: Enquiry = super()._create(model_class, *args, **kwargs)
        enquiry.token = token  # type: ignore[attr-defined]
        return enquiry

    @classmethod
    def _build(cls, model_class: Any, *args: Any, **kwargs: Any) -> Enquiry:
        token = kwargs.pop("token")
        enquiry: Enquiry = super()._build(model_class, *args, **kwargs)
        enquiry.token = token  # type: ignore[attr-defined]
        return enquiry


class EnquiryMessageFactory(DjangoModelFactory[EnquiryMessage]):
    class Meta:
        model = EnquiryMessage

    enquiry = factory.SubFactory(EnquiryFactory)
    kind = EnquiryMessage.Kind.REPLY
    text = "Buongiorno, le rispondiamo volentieri."


class StandardReplyFactory(DjangoModelFactory[StandardReply]):
    class Meta:
        model = StandardReply
        django_get_or_create = ("title_en",)

    title_it = factory.Sequence(lambda n: f"Risposta tipo {n}")
    title_en = factory.Sequence(lambda n: f"Standard reply {n}")
    text_it = "Grazie per averci scritto."
    text_en = "Thank you for writing to us."
