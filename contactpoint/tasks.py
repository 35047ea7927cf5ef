"""Background work of the desk: enquiries' acknowledgements and follow-up
digests.

An enquiry's acknowledgement is queued in the transaction that saves it
(`enquiry_submit`); a follow-ups' digest when the hour is over, where the queue
can wait. The alerts' digests, and follow-ups' digests a queue did not send on
time, are the core's `digest_send` tasks, queued by `manage.py send_digests`
(cron). Each task decides and records under a row lock, so a task run twice
sends one mail.
"""

from django_tasks import task


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
def enquiry_followups_digest_send(*, enquiry_id: int) -> bool:
    """Tell the desk, in one mail, of an enquiry's follow-ups of the past hour; True if sent."""
    from contactpoint.services.enquiries import enquiry_followups_digest  # which queues this task

    return enquiry_followups_digest(enquiry_id=enquiry_id)
