"""Invitations keep only the SHA-256 of their token.

The column is renamed and each stored token replaced by its hash, so links
already emailed keep working. There is no way back to the clear tokens:
migrating backwards keeps the hashes, and links sent before then stop working.
"""

import hashlib

from django.db import migrations, models


def hash_tokens(apps, schema_editor):
    Invitation = apps.get_model("directory", "Invitation")
    invitations = list(Invitation.objects.only("pk", "token_hash"))
    for invitation in invitations:
        invitation.token_hash = hashlib.sha256(invitation.token_hash.encode()).hexdigest()
    Invitation.objects.bulk_update(invitations, ["token_hash"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0015_desk_reads_login_attempts"),
    ]

    operations = [
        migrations.RenameField(model_name="invitation", old_name="token", new_name="token_hash"),
        migrations.RunPython(hash_tokens, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="invitation",
            name="token_hash",
            field=models.CharField(
                editable=False, max_length=64, unique=True, verbose_name="token hash"
            ),
        ),
        migrations.AlterConstraint(
            model_name="invitation",
            name="invitation_one_open_per_email",
            constraint=models.UniqueConstraint(
                condition=models.Q(("accepted_at__isnull", True)),
                fields=("organisation", "email"),
                name="invitation_one_open_per_email",
                violation_error_message="An invitation to this address is already open.",
            ),
        ),
    ]
