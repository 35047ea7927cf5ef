"""The topics of the desk's guides and enquiries."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    SETTLING = "settling", _("Settling and premises")
    PERMITS = "permits", _("Permits and procedures")
    INCENTIVES = "incentives", _("Incentives and tax")
    CREDIT = "credit", _("Credit and financing")
    GRANTS = "grants", _("Grants and calls")
    HIRING = "hiring", _("Hiring and training")
    INTERNATIONAL = "international", _("Going international")
