"""Italian dates as Italian writes them: "9 aprile 2026", not "09 Aprile 2026".

Django's Italian formats pad the day with a zero and its catalogue capitalises
month names. Only the formats named here replace Django's; the others (input
formats, separators, the first day of the week) stay Django's. Month names are
lower case through the project's catalogue (see `catalogue.py`).
"""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
