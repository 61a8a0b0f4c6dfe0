from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QualificationConfig(AppConfig):
    name = "qualification"
    verbose_name = _("Qualification series")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .demo import forget_when_an_example_changes
        from .models import Seminar, SeminarSession, Volkshochschule
        from .models.seminars import keep_seminar_dates

        for model in (Seminar, Volkshochschule):
            post_save.connect(forget_when_an_example_changes, sender=model)
            post_delete.connect(forget_when_an_example_changes, sender=model)
        post_save.connect(keep_seminar_dates, sender=SeminarSession)
        post_delete.connect(keep_seminar_dates, sender=SeminarSession)
