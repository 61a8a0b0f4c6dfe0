from django.urls import path

from . import views

app_name = "committees"

urlpatterns = [
    path("ausschuesse/", views.committee_index, name="index"),
    path("ausschuesse/<slug:slug>/", views.committee_detail, name="detail"),
    path("ausschuesse/<slug:slug>/<str:term>/", views.committee_detail, name="detail_term"),
    path("karte/", views.committee_map, name="map"),
    path("statistik/", views.statistics, name="statistics"),
]
