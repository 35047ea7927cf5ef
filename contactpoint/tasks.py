"""Background work of the desk: enquiries' acknowledgements and follow-up
digests, the alerts' digests.

An enquiry's acknowledgement is queued in the transaction that saves it
(`enquiry_submit`); the digests by `manage.py desk_send_digests` (cron), one task
per subscriber due one. Each task decides and records under a row lock, so a
task run twice sends one mail.
"""

from django_tasks import task

from contactpoint.services.alerts import alert_send_digest


@task()
def enquiry_acknowledgement_send(*, enquiry_id: int) -> str:
    """Give a new enquiry its tracking link and mail it to the requester, once."""
    from contactpoint.services.enquiries import enquiry_acknowledge  # which queues this task

    return "sent" if enquiry_acknowledge(enquiry_id=enquiry_id) else "already acknowledged"


@task()
def enquiry_link_resend_send(*, enquiry_id: int) -> str:
    """Mail a requester a new tracking link that replaces the earlier one."""
    from contactpoint.services.enquiries import enquiry_acknowledge  # which queues this task

    return "sent" if enquiry_acknowledge(enquiry_id=enquiry_id, again=True) else "gone"


@task()
def alert_digest_send(*, subscription_id: int) -> bool:
    """Send one subscriber's digest if it is due and there is news; True if sent."""
    return alert_send_digest(subscription_id=subscription_id)


@task()
def enquiry_followups_digest_send(*, enquiry_id: int) -> bool:
    """Tell the desk, in one mail, of an enquiry's follow-ups of the past hour; True if sent."""
    from contactpoint.services.enquiries import enquiry_followups_digest  # which queues this task

    return enquiry_followups_digest(enquiry_id=enquiry_id)
