"""Model history (django-simple-history) for models with translated fields.

django-modeltranslation adds the per-language columns (note_de, note_en, …)
after the history model has been built, so the history keeps the field
itself (its text in the language of whoever saved) and leaves the
per-language columns out.
"""

from simple_history.models import HistoricalRecords


class TranslatedHistoricalRecords(HistoricalRecords):
    def fields_included(self, model):
        return [
            field
            for field in super().fields_included(model)
            if getattr(field, "translated_field", None) is None
        ]
