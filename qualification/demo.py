"""The demo data set: example seminars and the example Volkshochschulen they need.

Its records carry `is_example`; `load_portal_data --demo` loads them from
`fixtures/demo/`, `load_portal_data --remove-demo` removes them. Whether any
is present is asked on every page (for the "demo installation" notice), so the
answer is cached for a minute and forgotten at once when an example is saved
or deleted (unmarking an example shows within the minute).
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q

from .models import Registration, Seminar, Volkshochschule

CACHE_KEY = "qualification:demo-data-present"
CACHE_SECONDS = 60


def demo_data_present():
    present = cache.get(CACHE_KEY)
    if present is None:
        present = (
            Seminar.objects.filter(is_example=True).exists()
            or Volkshochschule.objects.filter(is_example=True).exists()
        )
        cache.set(CACHE_KEY, present, CACHE_SECONDS)
    return present


def forget_demo_data_presence(**kwargs):
    cache.delete(CACHE_KEY)


def forget_when_an_example_changes(instance, **kwargs):
    if instance.is_example:
        forget_demo_data_presence()


@transaction.atomic
def remove_demo_data():
    """Delete the examples: seminars (with their registrations), then the VHS.

    A seminar held at an example VHS is an example too. Returns the numbers of
    seminars and Volkshochschulen removed.
    """
    seminars = Seminar.objects.filter(Q(is_example=True) | Q(vhs__is_example=True))
    Registration.objects.filter(seminar__in=seminars).delete()
    seminar_count = seminars.count()
    seminars.delete()
    examples = Volkshochschule.objects.filter(is_example=True)
    vhs_count = examples.count()
    examples.delete()
    forget_demo_data_presence()
    return seminar_count, vhs_count
