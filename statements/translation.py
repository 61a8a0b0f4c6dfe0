from modeltranslation.translator import TranslationOptions, register

from .models import LandtagCommittee, Paper, Statement, Topic


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Statement)
class StatementTranslationOptions(TranslationOptions):
    fields = ("title", "summary")
    required_languages = ("de",)


@register(Paper)
class PaperTranslationOptions(TranslationOptions):
    fields = ("summary",)


@register(LandtagCommittee)
class LandtagCommitteeTranslationOptions(TranslationOptions):
    fields = ("name",)
