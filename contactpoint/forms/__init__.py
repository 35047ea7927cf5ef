"""Forms of the desk, one module per concern."""

from contactpoint.forms.alerts import AlertSubscribeForm
from contactpoint.forms.enquiries import (
    AnswerForm,
    AskForm,
    AssignForm,
    NoteForm,
    RequesterReplyForm,
    StandardReplyPicker,
)
from contactpoint.forms.guides import GuideFilterForm

__all__ = [
    "AlertSubscribeForm",
    "GuideFilterForm",
    "AnswerForm",
    "AskForm",
    "AssignForm",
    "NoteForm",
    "RequesterReplyForm",
    "StandardReplyPicker",
]
