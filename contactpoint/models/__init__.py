"""The desk's models, one module per concern; imported here for Django and callers."""

from contactpoint.models.alerts import AlertSubscription, AlertSubscriptionQuerySet
from contactpoint.models.calls import CALL_FIELDS as CALL_FIELDS
from contactpoint.models.calls import CallStatus as CallStatus
from contactpoint.models.calls import FundingCall as FundingCall
from contactpoint.models.calls import FundingCallQuerySet as FundingCallQuerySet
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
from contactpoint.models.premises import PREMISES_FIELDS as PREMISES_FIELDS
from contactpoint.models.premises import Premises as Premises
from contactpoint.models.premises import PremisesPhoto as PremisesPhoto
from contactpoint.models.premises import PremisesQuerySet as PremisesQuerySet
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
