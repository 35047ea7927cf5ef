"""The core's models, declared in the subpackage of their concern and imported
here for Django: a change's versions and a workflow's steps (`history`), the
outgoing mail (`mail`)."""

from creativecities.history.models import StateChange, Version
from creativecities.mail.models import OutgoingEmail, OutgoingEmailQuerySet

__all__ = ["OutgoingEmail", "OutgoingEmailQuerySet", "StateChange", "Version"]
