"""The public registration form: a ModelForm of Registration with the checks people need."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from committees.models import Committee, Term
from helpers.widgets import NamedChoiceField
from municipalities.models import Municipality

from .models import Membership, Registration, RegistrationKind
from .validators import validate_public_email_domain, validate_visible_text

# Long enough for every real name, short enough that no one writes a message into it.
NAME_MAX_LENGTH = 100


class RegistrationForm(forms.ModelForm):
    """Builds an unsaved Registration of `seminar`; services.register saves it.

    The rules of the group size are checked here, with messages that say what
    to do; the database enforces them too (constraints on Registration).
    """

    contact_name = forms.CharField(
        label=_("Name (for a group: the contact person)"),
        max_length=NAME_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        validators=[validate_public_email_domain],
        help_text=_("We send a link to this address; the registration counts once you confirm it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    participants = forms.IntegerField(
        label=_("Number of people"),
        initial=1,
        help_text=_(
            "Including yourself. For a group, one person registers everyone and receives the mails."
        ),
    )
    municipality = NamedChoiceField(
        label=_("Municipality of your committee"),
        queryset=Municipality.objects.none(),
        to_field_name="slug",
        empty_label=_("– please choose –"),
    )
    membership = forms.ChoiceField(
        label=_("Membership in the committee"),
        choices=[("", _("– please choose –")), *Membership.choices],
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example step-free access, a sign language interpreter or large print."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that these details are stored and passed to the Volkshochschule "
            "running the seminar, only to organise my participation. They are deleted "
            "at the latest %(days)d days after the seminar."
        ),
        error_messages={"required": _("Without your consent we cannot register you.")},
    )
    # Spam trap: hidden by CSS, people leave it empty, robots fill it in.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Registration
        fields = [
            "contact_name",
            "email",
            "phone",
            "participants",
            "municipality",
            "membership",
            "accessibility_needs",
            "consent",
        ]
        labels = {"phone": _("Phone (optional)")}
        widgets = {
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        }

    def __init__(self, *args, seminar, **kwargs):
        kwargs.setdefault("instance", Registration(seminar=seminar))
        super().__init__(*args, **kwargs)
        self.seminar = seminar
        self.term = Term.objects.current()
        with_committee = Municipality.objects.filter(committees__term=self.term).distinct()
        self.fields["municipality"].queryset = (
            with_committee if self.term is not None else Municipality.objects.all()
        )
        self.fields["consent"].label = self.fields["consent"].label % {
            "days": settings.QUALIFICATION_RETENTION_DAYS
        }
        maximum = settings.QUALIFICATION_MAX_GROUP_SIZE
        self.fields["participants"].widget.attrs.update({"min": 1, "max": maximum})

    def clean_contact_name(self):
        name = self.cleaned_data["contact_name"]
        validate_visible_text(name)
        return " ".join(name.split())

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        validate_visible_text(phone)
        return phone.strip()

    def clean_accessibility_needs(self):
        needs = self.cleaned_data["accessibility_needs"]
        validate_visible_text(needs, allow_newlines=True)
        return needs

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_participants(self):
        number = self.cleaned_data["participants"]
        maximum = settings.QUALIFICATION_MAX_GROUP_SIZE
        if number < 1:
            raise forms.ValidationError(_("Please enter at least one participant."))
        if number > maximum:
            raise forms.ValidationError(
                _(
                    "At most %(max)d people can be registered at once. For a larger group, "
                    "please contact the Volkshochschule."
                )
                % {"max": maximum}
            )
        if number > self.seminar.capacity:
            raise forms.ValidationError(
                _("This seminar has only %(capacity)d seats in all.")
                % {"capacity": self.seminar.capacity}
            )
        return number

    def clean(self):
        data = super().clean()
        if data.get("homepage"):
            # Shown above the form: the trap field itself is hidden.
            raise forms.ValidationError(
                _(
                    "This form looks as if it was filled in automatically. Please leave the "
                    "field “Leave this field empty” empty and send it again."
                )
            )
        # One number decides: one person registers alone, more are a group.
        self.instance.kind = (
            RegistrationKind.GROUP if data.get("participants", 1) > 1 else RegistrationKind.SINGLE
        )
        if (
            self.instance.kind == RegistrationKind.SINGLE
            and data.get("membership") == Membership.BOTH
        ):
            self.add_error("membership", _("A single person is either elected or delegated."))
        municipality = data.get("municipality")
        if municipality is not None and self.term is not None:
            self.instance.committee = Committee.objects.filter(
                municipality=municipality, term=self.term
            ).first()
        return data
