"""Factories for the plan's workspace models (the public side has factories_public.py)."""

import datetime
from decimal import Decimal
from typing import Any

import factory
from factory.django import DjangoModelFactory

from actionplan.models import (
    Action,
    Comment,
    Indicator,
    IndicatorUpdate,
    Milestone,
    PartnerMember,
    PartnerRole,
    Plan,
    Theme,
)
from tests.directory.factories import PartnerFactory, UserFactory


class PartnerMemberFactory(DjangoModelFactory[PartnerMember]):
    """A partner user, viewer unless told; pass `role=PartnerRole.EDITOR`."""

    class Meta:
        model = PartnerMember

    user = factory.SubFactory(UserFactory)
    partner = factory.SubFactory(PartnerFactory)
    role = PartnerRole.VIEWER


class PlanFactory(DjangoModelFactory[Plan]):
    """A draft plan over three years."""

    class Meta:
        model = Plan

    slug = factory.Sequence(lambda n: f"joint-action-plan-{n}")
    title_it = factory.Sequence(lambda n: f"Piano di Azione Congiunto {n}")
    title_en = factory.Sequence(lambda n: f"Joint Action Plan {n}")
    starts_on = datetime.date(2026, 1, 1)
    ends_on = datetime.date(2028, 12, 31)


class ThemeFactory(DjangoModelFactory[Theme]):
    class Meta:
        model = Theme
        skip_postgeneration_save = True

    plan = factory.SubFactory(PlanFactory)
    title_it = factory.Sequence(lambda n: f"Tema {n}")
    title_en = factory.Sequence(lambda n: f"Theme {n}")
    order = factory.Sequence(lambda n: n)

    @factory.post_generation
    def sectors(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.sectors.set(extracted)


class ActionFactory(DjangoModelFactory[Action]):
    class Meta:
        model = Action
        skip_postgeneration_save = True

    theme = factory.SubFactory(ThemeFactory)
    title = factory.Sequence(lambda n: f"Action {n}")
    description = "What the partners will do."
    objectives = "Why they do it."
    lead_partner = factory.SubFactory(PartnerFactory)
    starts_on = datetime.date(2026, 1, 1)
    ends_on = datetime.date(2027, 12, 31)
    budget_estimate = Decimal("25000.00")
    funding_source = "Interreg CENTRAL EUROPE"
    order = factory.Sequence(lambda n: n)

    @factory.post_generation
    def partners(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.partners.set(extracted)

    @factory.post_generation
    def sectors(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.sectors.set(extracted)


class MilestoneFactory(DjangoModelFactory[Milestone]):
    class Meta:
        model = Milestone

    action = factory.SubFactory(ActionFactory)
    title = factory.Sequence(lambda n: f"Milestone {n}")
    due_on = datetime.date(2026, 6, 30)


class IndicatorFactory(DjangoModelFactory[Indicator]):
    class Meta:
        model = Indicator

    action = factory.SubFactory(ActionFactory)
    name = factory.Sequence(lambda n: f"Indicator {n}")
    unit = "businesses"
    baseline = Decimal(0)
    target = Decimal(100)
    target_date = datetime.date(2027, 12, 31)


class IndicatorUpdateFactory(DjangoModelFactory[IndicatorUpdate]):
    class Meta:
        model = IndicatorUpdate

    indicator = factory.SubFactory(IndicatorFactory)
    value = Decimal(10)
    measured_on = datetime.date(2026, 3, 31)


class CommentFactory(DjangoModelFactory[Comment]):
    class Meta:
        model = Comment

    action = factory.SubFactory(ActionFactory)
    author = factory.SubFactory(UserFactory)
    body = "A remark on this action."
