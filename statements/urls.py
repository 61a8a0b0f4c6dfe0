from django.urls import path

from . import views

app_name = "statements"

urlpatterns = [
    path("themen/<slug:slug>/", views.topic_detail, name="topic"),
]
