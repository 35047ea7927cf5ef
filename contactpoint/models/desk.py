"""The desk's own contacts: one record staff keep current in both languages."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from directory.validators import validate_phone


class DeskContact(models.Model):
    """Where and when the desk can be reached, as the desk's home and every
    page's footer show it.

    There is exactly one: `key` is always 1 and unique, so the database refuses a
    second row whatever path tries to write it (the admin also offers no "add"
    once it exists). Pages read it through `contactpoint.services.desk.desk_contacts`,
    which caches it per language.
    """

    SINGLETON = 1

    key = models.PositiveSmallIntegerField(default=SINGLETON, unique=True, editable=False)
    name = models.CharField(
        _("office name"),
        max_length=200,
        help_text=_("The office that runs the desk, as people should look for it."),
    )
    address = models.CharField(_("address"), max_length=300)
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[validate_phone])
    email = models.EmailField(_("email"))
    pec = models.EmailField(
        _("certified email (PEC)"),
        blank=True,
        help_text=_("For formal communications with legal value."),
    )
    opening_hours = models.TextField(
        _("opening hours"), help_text=_("One line per day or group of days.")
    )
    appointments = models.TextField(
        _("how to book an appointment"),
        blank=True,
        help_text=_("How to book a meeting at the desk, by phone, email or online."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("desk contacts")
        verbose_name_plural = _("desk contacts")
        constraints = [
            models.CheckConstraint(condition=Q(key=1), name="deskcontact_single_row"),
        ]

    def __str__(self) -> str:
        return str(self.name)

    @property
    def opening_hours_lines(self) -> list[str]:
        return [line.strip() for line in (self.opening_hours or "").splitlines() if line.strip()]
