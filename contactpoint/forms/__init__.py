"""Forms of the desk, one module per concern."""

from contactpoint.forms.enquiries import AskForm, NoteForm, RequesterReplyForm, StaffReplyForm

__all__ = ["AskForm", "NoteForm", "RequesterReplyForm", "StaffReplyForm"]
