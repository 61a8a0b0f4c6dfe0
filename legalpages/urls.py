from django.urls import path

from . import views
from .models import LegalPageKind

app_name = "legalpages"

# One address per page, named after its slug ("legalpages:impressum").
urlpatterns = [
    path(f"{kind.value}/", views.legal_page, {"slug": kind.value}, name=kind.value)
    for kind in LegalPageKind
]
