"""The qualification series for committee members (built in its own issue)."""
