"""The admin site: password plus a second factor (TOTP) for those who see everything.

Superusers and the office group (Geschäftsstelle) must confirm every admin
login with a code from an authenticator app or a recovery code; for VHS
accounts the second factor is optional, but once a VHS login has a device, it
is asked for too. Devices are set up with `manage.py enrol_second_factor`
(README, "Security and privacy").
"""

from django import forms
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_otp import user_has_device
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from qualification.access import OFFICE_GROUP


def needs_second_factor(user):
    """Superusers and the office must use a second factor; VHS accounts may."""
    return user.is_superuser or user.groups.filter(name=OFFICE_GROUP).exists()


def second_factor_done(user):
    """Whether this (logged-in) user has passed the second factor as far as required."""
    if user.is_verified():
        return True
    return not needs_second_factor(user) and not user_has_device(user)


class SecondFactorLoginForm(OTPAuthenticationFormMixin, AdminAuthenticationForm):
    """Name, password and, where the account has or needs a device, its code.

    One code field serves both kinds of device: six digits go to the
    authenticator app's device, anything else to the recovery codes.
    """

    otp_token = forms.CharField(
        label=_("Code from the authenticator app, or a recovery code"),
        required=False,
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )

    otp_error_messages = dict(
        OTPAuthenticationFormMixin.otp_error_messages,
        token_required=_("Please enter the code from your authenticator app."),
        invalid_token=_("This code is not valid. Please enter the current code."),
    )

    def clean(self):
        self.cleaned_data = super().clean()
        user = self.get_user()
        if user is None:
            return self.cleaned_data
        if user_has_device(user):
            self.clean_otp(user)
        elif needs_second_factor(user):
            raise forms.ValidationError(
                _(
                    "This account needs a second factor, but none is set up yet. Please ask "
                    "an administrator to set one up for you."
                ),
                code="second_factor_missing",
            )
        return self.cleaned_data

    def _chosen_device(self, user):
        token = (self.cleaned_data.get("otp_token") or "").strip()
        kind = TOTPDevice if token.isdigit() else StaticDevice
        return kind.objects.devices_for_user(user, confirmed=True).first()


class PortalAdminSite(AdminSite):
    login_form = SecondFactorLoginForm
    login_template = "admin/login_second_factor.html"

    def has_permission(self, request):
        return super().has_permission(request) and second_factor_done(request.user)
