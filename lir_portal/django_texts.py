"""Texts of Django's own admin (user accounts) that Django 5.2's German catalogue lacks.

Marked here only so that `make translations` puts them into the project
catalogue (locale/), which Django consults before its own.
"""

from django.utils.translation import gettext_noop

DJANGO_ADMIN_TEXTS = [
    gettext_noop("Reset password"),
    gettext_noop("Set password"),
    gettext_noop("Set password: %s"),
    gettext_noop("Password-based authentication"),
    gettext_noop("Enabled"),
    gettext_noop("Disabled"),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. "
        "If disabled, they may still be able to authenticate using other backends, "
        "such as Single Sign-On or LDAP."
    ),
    gettext_noop("Raw passwords are not stored, so there is no way to see the user’s password."),
    gettext_noop("Enable password-based authentication for this user by setting a password."),
]
