"""The desk's models, one module per concern; imported here for Django and callers."""

from contactpoint.models.enquiries import (
    Enquiry,
    EnquiryMessage,
    EnquiryMessageQuerySet,
    EnquiryQuerySet,
    StandardReply,
)
from contactpoint.models.topics import Topic

__all__ = [
    "Enquiry",
    "EnquiryMessage",
    "EnquiryMessageQuerySet",
    "EnquiryQuerySet",
    "StandardReply",
    "Topic",
]
