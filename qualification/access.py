"""Who of the staff sees which Volkshochschule's seminars and registrations.

Office staff (the group OFFICE_GROUP, or superusers) see everything. A login
linked to a Volkshochschule through a VhsAccount sees only that VHS's data. A
staff login with neither sees no seminar or registration at all.
"""

OFFICE_GROUP = "Geschäftsstelle"
VHS_GROUP = "Volkshochschule"

ALL = None
NOTHING = 0


def vhs_scope(user):
    """ALL (None) for the office, else the id of the user's VHS, or NOTHING (0)."""
    if not user.is_active:
        return NOTHING
    if user.is_superuser:
        return ALL
    cached = getattr(user, "_qualification_scope", "unset")
    if cached != "unset":
        return cached
    if user.groups.filter(name=OFFICE_GROUP).exists():
        scope = ALL
    else:
        from .models import VhsAccount

        scope = (
            VhsAccount.objects.filter(user=user).values_list("vhs_id", flat=True).first() or NOTHING
        )
    user._qualification_scope = scope
    return scope


def limit_to_scope(queryset, user, vhs_field):
    """The rows of queryset the user may see; vhs_field leads to the VHS's id."""
    scope = vhs_scope(user)
    if scope is ALL:
        return queryset
    return queryset.filter(**{vhs_field: scope})
