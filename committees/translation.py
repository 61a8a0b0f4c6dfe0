from modeltranslation.translator import TranslationOptions, register

from .models import Committee, PublishedFigure


@register(Committee)
class CommitteeTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(PublishedFigure)
class PublishedFigureTranslationOptions(TranslationOptions):
    fields = ("source",)
