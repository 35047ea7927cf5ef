"""Italian dates as Italian writes them: "9 aprile 2026", not "09 Aprile 2026";
in short "9 apr 2026", not "09/04/2026" beside the long form on the same page.

Django's Italian formats pad the day with a zero and its catalogue capitalises
month names. Only the formats named here replace Django's; the others (input
formats, separators, the first day of the week) stay Django's. Month names are
lower case through the project's catalogue (see `catalogue.py`).
"""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "j b Y"
SHORT_DATETIME_FORMAT = "j b Y, H:i"
