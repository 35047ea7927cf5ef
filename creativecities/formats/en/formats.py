"""English dates as British English writes them: "7 December 2026", not
"Dec. 7, 2026".

The pages declare English (`lang="en"`, Open Graph `en_GB`) to readers in
Europe; Django's "en" formats are American (month first, 12-hour clock).
Only the formats named here replace Django's; the separators stay Django's
English ones (1,551.50).
"""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
