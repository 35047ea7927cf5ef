"""People: the accounts of members and of desk staff."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.models import (
    AbstractBaseUser,
    AnonymousUser,
    BaseUserManager,
    Permission,
    PermissionsMixin,
)
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    """Accounts are identified by email; there is no username."""

    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email: str | None) -> str:
        """Addresses are kept in lower case: people type them both ways."""
        return super().normalize_email(email).lower()

    def _create_user(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username: str | None) -> User:
        """Log in whatever the case the address is typed in."""
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person: a member of one or more organisations, or staff at the desk."""

    email = models.EmailField(_("email address"), unique=True)
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Whether the user can log into the desk administration."),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Unselect this instead of deleting accounts."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # What the person agreed to when registering, as for an enquiry: the moment
    # and the version of the privacy notice (`PRIVACY_POLICY_VERSION`). Empty
    # for accounts made by staff or before consent was recorded.
    privacy_consent_at = models.DateTimeField(
        _("privacy notice accepted at"), null=True, blank=True
    )
    privacy_policy_version = models.CharField(
        _("privacy notice version"), max_length=20, blank=True
    )

    objects: ClassVar[UserManager] = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ("email",)
        constraints = [
            # Login matches the address whatever its case, so two accounts may
            # not differ only by case, however they were created.
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_unique_any_case",
                violation_error_message=_("An account with this email address already exists."),
            )
        ]

    def __str__(self) -> str:
        return self.email

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email)

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or self.email

    def get_short_name(self) -> str:
        return self.first_name or self.email

    def granted_permissions(self) -> set[str]:
        """Every permission the account holds ("app_label.codename"), through its
        groups or directly, whether or not it is active: what it could do again
        once someone reactivates it."""
        held = (
            Permission.objects.filter(Q(user=self) | Q(group__user=self))
            .values_list("content_type__app_label", "codename")
            .distinct()
        )
        return {f"{app_label}.{codename}" for app_label, codename in held}

    def may_be_managed_by(self, actor: User | AnonymousUser) -> bool:
        """Whether `actor` may change or delete this account.

        Whoever may change an account may change its email address and password,
        and so take it over. A superuser may manage every account; anyone else
        only accounts that are no superuser and can do nothing the actor cannot
        do already, so that managing accounts never leads to more power.
        """
        if not actor.is_active:
            return False
        if actor.is_superuser:
            return True
        if self.is_superuser:
            return False
        return self.pk == actor.pk or self.granted_permissions() <= actor.get_all_permissions()
