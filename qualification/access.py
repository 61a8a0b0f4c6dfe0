"""Who of the staff sees which Volkshochschule's seminars and registrations.

Office staff (the group OFFICE_GROUP, or superusers) see everything. A login
linked to a Volkshochschule through a VhsAccount sees only that VHS's data. A
staff login with neither sees no seminar or registration at all.
"""

from dataclasses import dataclass

from .models import VhsAccount

OFFICE_GROUP = "Geschäftsstelle"
VHS_GROUP = "Volkshochschule"


@dataclass(frozen=True)
class Scope:
    """What a staff login may see: everything, one VHS (`vhs_id`), or nothing."""

    everything: bool = False
    vhs_id: int | None = None

    def allows(self, vhs_id):
        return self.everything or (self.vhs_id is not None and self.vhs_id == vhs_id)


EVERYTHING = Scope(everything=True)
NOTHING = Scope()


def vhs_scope(user):
    """The Scope of a user, looked up once per request (cached on the user object)."""
    if not user.is_active:
        return NOTHING
    if user.is_superuser:
        return EVERYTHING
    cached = getattr(user, "_qualification_scope", None)
    if cached is not None:
        return cached
    if user.groups.filter(name=OFFICE_GROUP).exists():
        scope = EVERYTHING
    else:
        vhs_id = VhsAccount.objects.filter(user=user).values_list("vhs_id", flat=True).first()
        scope = Scope(vhs_id=vhs_id) if vhs_id is not None else NOTHING
    user._qualification_scope = scope
    return scope


def limit_to_scope(queryset, user, vhs_field):
    """The rows of queryset the user may see; vhs_field leads to the VHS's id."""
    scope = vhs_scope(user)
    if scope.everything:
        return queryset
    if scope.vhs_id is None:
        return queryset.none()
    return queryset.filter(**{vhs_field: scope.vhs_id})
