"""Set up the second factor of an admin login: an authenticator app and recovery codes.

    manage.py enrol_second_factor USERNAME            # first device
    manage.py enrol_second_factor USERNAME --replace  # lost phone: new key, new codes

Prints a QR code and the key for the authenticator app (any TOTP app) and
ten recovery codes, each valid once. Hand them over in person; they are not
shown again.
"""

import io
from base64 import b32encode

import segno
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10


def enrol(user, replace=False):
    """A new TOTP device and recovery codes for user; returns (device, codes)."""
    with transaction.atomic():
        existing = TOTPDevice.objects.filter(user=user)
        if existing.exists() and not replace:
            raise CommandError(
                f"{user.get_username()} already has an authenticator app; use --replace."
            )
        existing.delete()
        StaticDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(user=user, name="Authenticator-App", confirmed=True)
        recovery = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=recovery, token=c) for c in codes)
    return device, codes


class Command(BaseCommand):
    help = "Set up the second factor (authenticator app and recovery codes) of an admin login."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--replace", action="store_true", help="replace an existing device and its codes"
        )
        parser.add_argument("--no-qr", action="store_true", help="print no QR code")

    def handle(self, username, replace, no_qr, **options):
        try:
            user = get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"There is no user {username!r}.") from error
        device, codes = enrol(user, replace=replace)
        self.stdout.write(f"Second factor for {username}: scan the QR code in the app")
        if not no_qr:
            picture = io.StringIO()
            segno.make(device.config_url).terminal(out=picture, compact=True)
            self.stdout.write(picture.getvalue())
        key = b32encode(device.bin_key).decode()
        self.stdout.write(f"or type this key: {key}")
        self.stdout.write(f"(address: {device.config_url})")
        self.stdout.write("Recovery codes, each valid once (keep them apart from the phone):")
        for code in codes:
            self.stdout.write(f"  {code}")
