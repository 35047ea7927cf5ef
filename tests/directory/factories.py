"""Factories for the directory's models."""

import factory
from factory.django import DjangoModelFactory

from directory.models import Page, Partner, Sector, User


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name", locale="it_IT")
    last_name = factory.Faker("last_name", locale="it_IT")
    password = factory.django.Password("a-long-test-password")


class SectorFactory(DjangoModelFactory[Sector]):
    class Meta:
        model = Sector
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"sector-{n}")
    name_it = factory.Sequence(lambda n: f"Settore {n}")
    name_en = factory.Sequence(lambda n: f"Sector {n}")
    description_it = "Descrizione del settore."
    description_en = "Description of the sector."
    order = factory.Sequence(lambda n: 1000 + n)


class PageFactory(DjangoModelFactory[Page]):
    class Meta:
        model = Page
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"page-{n}")
    title_it = "Titolo"
    title_en = "Title"
    body_it = "Primo paragrafo.\n\nSecondo paragrafo."
    body_en = "First paragraph.\n\nSecond paragraph."


class PartnerFactory(DjangoModelFactory[Partner]):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Partner institution {n}")
    city_it = "Lipsia"
    city_en = "Leipzig"
    country_it = "Germania"
    country_en = "Germany"
