# Turkish dates as Turkish style guides write them: "6 Mart 2026", not "06 Mart 2026".
# Everything else comes from Django's Turkish formats.
from django.conf.locale.tr.formats import *  # noqa: F403

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y H:i"
