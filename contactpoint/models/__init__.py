"""The desk's models, one module per concern; imported here for Django and callers."""

from contactpoint.models.alerts import AlertSubscription, AlertSubscriptionQuerySet
from contactpoint.models.calls import CallStatus, FundingCall, FundingCallQuerySet
from contactpoint.models.desk import DeskContact
from contactpoint.models.enquiries import (
    Enquiry,
    EnquiryMessage,
    EnquiryMessageQuerySet,
    EnquiryQuerySet,
    ReplyLink,
    StandardReply,
)
from contactpoint.models.guides import (
    GUIDE_CARD_FIELDS,
    GUIDE_FIELDS,
    Guide,
    GuideAttachment,
    GuideQuerySet,
)
from contactpoint.models.premises import Premises, PremisesPhoto, PremisesQuerySet
from contactpoint.models.topics import Topic

__all__ = [
    "GUIDE_CARD_FIELDS",
    "GUIDE_FIELDS",
    "AlertSubscription",
    "AlertSubscriptionQuerySet",
    "CallStatus",
    "DeskContact",
    "Enquiry",
    "EnquiryMessage",
    "EnquiryMessageQuerySet",
    "EnquiryQuerySet",
    "FundingCall",
    "FundingCallQuerySet",
    "Guide",
    "GuideAttachment",
    "GuideQuerySet",
    "Premises",
    "PremisesPhoto",
    "PremisesQuerySet",
    "ReplyLink",
    "StandardReply",
    "Topic",
]
