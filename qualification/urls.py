from django.urls import path

from . import views

app_name = "qualification"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("seminare/", views.seminar_list, name="seminar_list"),
    path("seminare/<int:pk>/", views.seminar_detail, name="seminar_detail"),
    path(
        "seminare/<int:pk>/angemeldet/", views.registration_received, name="registration_received"
    ),
    path("seminare/<int:pk>/kalender.ics", views.seminar_ics, name="seminar_ics"),
    path("kalender.ics", views.calendar_feed, name="calendar_feed"),
    path("vhs/<slug:slug>/", views.vhs_detail, name="vhs_detail"),
    path("vhs/<slug:slug>/kalender.ics", views.vhs_calendar_feed, name="vhs_calendar_feed"),
    path("anmeldung/<slug:token>/", views.registration, name="registration"),
    path("anmeldung/<slug:token>/bestaetigen/", views.registration_confirm, name="confirm"),
    path("anmeldung/<slug:token>/abmelden/", views.registration_cancel, name="cancel"),
]
