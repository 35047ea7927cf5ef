"""The desk's models, one module per concern; imported here for Django and callers."""

from contactpoint.models.calls import CallStatus as CallStatus
from contactpoint.models.calls import FundingCall as FundingCall
from contactpoint.models.calls import FundingCallQuerySet as FundingCallQuerySet
from contactpoint.models.premises import Premises as Premises
from contactpoint.models.premises import PremisesPhoto as PremisesPhoto
from contactpoint.models.premises import PremisesQuerySet as PremisesQuerySet
