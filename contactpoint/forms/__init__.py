"""Forms of the desk, one module per concern."""

from contactpoint.forms.enquiries import (
    AnswerForm,
    AskForm,
    AssignForm,
    NoteForm,
    RequesterReplyForm,
    StandardReplyPicker,
)

__all__ = [
    "AnswerForm",
    "AskForm",
    "AssignForm",
    "NoteForm",
    "RequesterReplyForm",
    "StandardReplyPicker",
]
