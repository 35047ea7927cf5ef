"""The desk's models, one module per concern; imported here for Django and callers."""

from contactpoint.models.alerts import AlertSubscription, AlertSubscriptionQuerySet
from contactpoint.models.desk import DeskContact
from contactpoint.models.enquiries import (
    Enquiry,
    EnquiryMessage,
    EnquiryMessageQuerySet,
    EnquiryQuerySet,
    StandardReply,
)
from contactpoint.models.guides import (
    GUIDE_CARD_FIELDS,
    GUIDE_FIELDS,
    Guide,
    GuideAttachment,
    GuideQuerySet,
)
from contactpoint.models.topics import Topic

__all__ = [
    "GUIDE_CARD_FIELDS",
    "GUIDE_FIELDS",
    "AlertSubscription",
    "AlertSubscriptionQuerySet",
    "DeskContact",
    "Enquiry",
    "EnquiryMessage",
    "EnquiryMessageQuerySet",
    "EnquiryQuerySet",
    "Guide",
    "GuideAttachment",
    "GuideQuerySet",
    "StandardReply",
    "Topic",
]
