from modeltranslation.translator import TranslationOptions, register

from .models import Contact, Module, Seminar


@register(Module)
class ModuleTranslationOptions(TranslationOptions):
    fields = ("title", "description", "goals")


@register(Seminar)
class SeminarTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(Contact)
class ContactTranslationOptions(TranslationOptions):
    fields = ("description",)
