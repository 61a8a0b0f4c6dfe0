"""The admin's audit trail: who changed what and when (django-simple-history).

AuditedAdmin shows an object's history only to those who may see the object
itself: both history pages look the object up through the admin's own
queryset, so a scoped login (a VHS account) gets 404 for another VHS's
objects, and nobody reads the history of an object that is gone.
"""

from django.contrib.admin.utils import unquote
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin


class AuditedAdmin(SimpleHistoryAdmin):
    def _visible_or_404(self, request, object_id):
        if self.get_object(request, unquote(object_id)) is None:
            raise Http404

    def history_view(self, request, object_id, extra_context=None):
        self._visible_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._visible_or_404(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)
