"""One Arabic style for dates and times on the portal.

Django's Arabic short date "d<U+200F>/m<U+200F>/Y" contains right-to-left marks, which
scramble a date inside a left-to-right range ("012030/10/31 – 2025/11/").
The portal writes dates with Arabic month names ("1 نوفمبر 2025"), short dates
and times in the same digits and order as German documents ("01.11.2025",
"10:00"), the Arabic comma between a date and a time, and no marks inside.
"""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y، H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday, as in Germany
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
