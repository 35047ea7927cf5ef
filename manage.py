#!/usr/bin/env python
"""Django's command-line utility for the Creative Cities portal."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "creativecities.settings")
    from django.core.management import execute_from_command_line

    from creativecities import local_data

    # Without DATABASE_URL, the embedded database, and only on a development
    # machine (CREATIVECITIES_LOCAL or DJANGO_DEBUG): a server stops with what to
    # set. Every command may need the database (0.1 s when the embedded server runs
    # already) and the local secret key; the settings themselves start nothing.
    try:
        local_data.choose_database()
        local_data.prepare()
    except local_data.LocalDataError as error:
        sys.exit(str(error))
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
