from django import template

from statements.models import Statement

register = template.Library()


@register.simple_tag
def latest_statements(count=3):
    """The newest published statements, for the home page section."""
    return list(Statement.objects.published().order_by("-published_at", "-pk")[:count])
