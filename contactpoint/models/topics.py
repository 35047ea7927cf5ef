"""What the desk is asked about: the guides' topics, reused by the enquiry form."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    """The areas of settling and financing a creative business the desk covers.

    One list for guides and enquiries, so that an enquiry's topic can point the
    requester (and the suggestions) to the guides on the same subject.
    """

    SETTLING = "settling", _("Settling and premises")
    PERMITS = "permits", _("Permits and procedures")
    INCENTIVES = "incentives", _("Incentives and tax")
    CREDIT = "credit", _("Credit and financing")
    GRANTS = "grants", _("Grants and calls")
    HIRING = "hiring", _("Hiring and training")
    INTERNATIONAL = "international", _("Going international")
