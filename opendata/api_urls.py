"""The OParl interface and the data set files: outside the language prefixes, so that
their addresses do not depend on the page language."""

from django.urls import path, re_path

from . import views

app_name = "oparl"

urlpatterns = [
    path("oparl/v1/", views.system, name="system"),
    path("oparl/v1/bodies/", views.body_list, name="bodies"),
    path("oparl/v1/body/<str:key>/", views.body, name="body"),
    path("oparl/v1/body/<str:key>/<str:name>/", views.body_object_list, name="body_list"),
    path("oparl/v1/<str:kind>/<str:key>/", views.oparl_object, name="object"),
    re_path(r"^oparl/(?P<rest>.*)$", views.unknown),
    path("daten/datapackage.json", views.datapackage, name="datapackage"),
    path("daten/<slug:name>.<slug:extension>", views.download, name="download"),
]
