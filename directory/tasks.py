"""Background work of the directory: sending email.

Services enqueue these after their transaction commits, with ids and strings
only, so that a worker can run them later and nothing is sent for a rollback.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django_tasks import task


@task()
def email_send(*, to: list[str], subject: str, body: str) -> None:
    """Send one email; replies go to the desk, not to the no-reply sender."""
    reply_to = [settings.DESK_EMAIL] if settings.DESK_EMAIL else []
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to, reply_to=reply_to).send()
