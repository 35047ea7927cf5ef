"""Background work of the directory: sending email.

Services enqueue these after their transaction commits, with ids and strings
only, so that a worker can run them later and nothing is sent for a rollback.
"""

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task


@task()
def email_send(*, to: list[str], subject: str, body: str) -> None:
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to, fail_silently=False)
