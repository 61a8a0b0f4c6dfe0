"""Date formats that differ from Django's: Turkish writes the day without a leading zero."""
