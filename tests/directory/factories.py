"""Factories for the directory's models."""

from typing import Any

import factory
from django.utils import timezone
from django.utils.translation import gettext_noop
from factory.django import DjangoModelFactory

from creativecities import history
from creativecities.models import OutgoingEmail
from directory.models import Membership, Municipality, Organisation, Page, Partner, Sector, User


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


class MunicipalityFactory(DjangoModelFactory[Municipality]):
    class Meta:
        model = Municipality
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Comune {n}")
    slug = factory.Sequence(lambda n: f"comune-{n}")
    kind = Municipality.Kind.METRO_MUNICIPALITY


class OrganisationFactory(DjangoModelFactory[Organisation]):
    """A published, recently confirmed organisation in an existing sector and place."""

    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Studio Creativo {n}")
    slug = factory.Sequence(lambda n: f"studio-creativo-{n}")
    kind = Organisation.Kind.COMPANY
    primary_sector = factory.LazyFunction(lambda: Sector.objects.order_by("order").first())
    short_description_it = "Uno studio creativo genovese."
    short_description_en = "A creative studio in Genoa."
    municipality = factory.LazyFunction(lambda: Municipality.objects.order_by("order").first())
    status = Organisation.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @classmethod
    def _generate(cls, strategy: Any, params: Any) -> Any:
        """One factory call is one change in the profile's history, as a form's would be."""
        with history.changes(note=gettext_noop("Created")):
            return super()._generate(strategy, params)

    @factory.post_generation
    def sectors(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if not create:
            return
        self.sectors.add(self.primary_sector, *(extracted or []))

    @factory.post_generation
    def members(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if not create or not extracted:
            return
        for user in extracted:
            Membership.objects.create(user=user, organisation=self)  # type: ignore[misc]


class OutgoingEmailFactory(DjangoModelFactory[OutgoingEmail]):
    """A recorded email waiting to be sent; pass `status` and times for the others."""

    class Meta:
        model = OutgoingEmail

    to = factory.Sequence(lambda n: [f"recipient{n}@example.org"])
    reply_to = factory.LazyFunction(lambda: ["sportello@example.org"])
    subject = factory.Sequence(lambda n: f"Messaggio {n}")
    body = "Buongiorno,\nun messaggio dello sportello.\n"
    template = "directory/emails/invitation"
    language = "it"
