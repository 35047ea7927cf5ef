"""A call or premises is stamped when first published, whatever saves it: the
digests and the Atom feed count from that stamp."""

import pytest

from contactpoint.models import FundingCall, Premises
from tests.contactpoint.factories_calls import FundingCallFactory, PremisesFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("factory", [FundingCallFactory, PremisesFactory])
def test_the_first_publication_is_stamped_by_any_save_and_kept(factory: type) -> None:
    draft = factory.create(is_published=False, published_at=None)
    assert draft.published_at is None

    draft.is_published = True  # as the admin's history restores a published version
    draft.save(update_fields=["is_published"])
    model: type[FundingCall | Premises] = type(draft)
    stamped = model.objects.get(pk=draft.pk).published_at
    assert stamped is not None

    draft.is_published = False
    draft.save()
    draft.is_published = True
    draft.save()
    assert model.objects.get(pk=draft.pk).published_at == stamped
