"""Background work of the desk: the alerts' weekly digests.

`manage.py desk_send_digests` (cron) enqueues one task per subscriber due a
digest; each task decides and records under a row lock, so a task run twice
sends one mail.
"""

from django_tasks import task

from contactpoint.services.alerts import alert_send_digest


@task()
def alert_digest_send(*, subscription_id: int) -> bool:
    """Send one subscriber's digest if it is due and there is news; True if sent."""
    return alert_send_digest(subscription_id=subscription_id)
