#!/usr/bin/env python
"""Django's command-line utility for the Creative Cities portal."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "creativecities.settings")
    from django.core.management import execute_from_command_line

    from creativecities import local_data

    # Running the checkout's own database is local use by definition: the settings
    # may then take the key kept beside it. With DATABASE_URL (a server) they do
    # not, unless the environment says so, and refuse to start without a key.
    if not os.environ.get("DATABASE_URL"):
        os.environ.setdefault(local_data.LOCAL_VARIABLE, "true")
    # Every command may need the database (0.1 s when the embedded server runs
    # already) and the local secret key; the settings themselves start nothing.
    try:
        local_data.prepare()
    except local_data.LocalDataError as error:
        sys.exit(str(error))
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
