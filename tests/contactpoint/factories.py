"""Factories for the desk's models."""

from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from contactpoint.models import AlertSubscription, DeskContact, Guide, Topic


class GuideFactory(DjangoModelFactory[Guide]):
    class Meta:
        model = Guide
        skip_postgeneration_save = True

    topic = Topic.SETTLING
    slug = factory.Sequence(lambda n: f"guide-{n}")
    title_it = factory.Sequence(lambda n: f"Scheda {n}")
    title_en = factory.Sequence(lambda n: f"Guide {n}")
    summary_it = "Una scheda dello sportello."
    summary_en = "A guide of the desk."
    body_it = "## Introduzione\n\nTesto della scheda."
    body_en = "## Introduction\n\nText of the guide."
    published = True

    @factory.post_generation
    def sectors(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.sectors.set(extracted)


class DeskContactFactory(DjangoModelFactory[DeskContact]):
    class Meta:
        model = DeskContact
        django_get_or_create = ("key",)

    key = DeskContact.SINGLETON
    name_it = "Sportello Creative Cities"
    name_en = "Creative Cities desk"
    address_it = "Piazza Matteotti 9, 16123 Genova"
    address_en = "Piazza Matteotti 9, 16123 Genoa"
    phone = "+39 010 557 1234"
    email = "sportello@desk.example"
    pec = "sportello@pec.desk.example"
    opening_hours_it = "Lunedì: 9–13\nGiovedì: 14–17"
    opening_hours_en = "Monday: 9–13\nThursday: 14–17"
    appointments_it = "Su appuntamento, per email."
    appointments_en = "By appointment, by email."


class AlertSubscriptionFactory(DjangoModelFactory[AlertSubscription]):
    class Meta:
        model = AlertSubscription
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    language = "en"
    confirmed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def sectors(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.sectors.set(extracted)
