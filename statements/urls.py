from django.urls import path
from django.views.decorators.http import require_safe

from . import feeds, views

app_name = "statements"

urlpatterns = [
    path("", views.statement_index, name="index"),
    path("feed/", require_safe(feeds.LatestStatementsFeed()), name="feed"),
    path("drucksachen/", views.paper_index, name="paper_index"),
    path("drucksachen/<int:term>-<int:number>/", views.paper_detail, name="paper"),
    path("anhoerungen/<slug:slug>/", views.landtag_committee_detail, name="landtag_committee"),
    path("anhoerungen/<slug:slug>/<str:date>/", views.hearing_detail, name="hearing"),
    path("themen/", views.topic_index, name="topic_index"),
    path("themen/<slug:slug>/", views.topic_detail, name="topic"),
    path("themen/<slug:slug>/feed/", require_safe(feeds.TopicStatementsFeed()), name="topic_feed"),
    path("vorschau/<int:pk>/", views.statement_preview, name="preview"),
    path("<slug:slug>/", views.statement_detail, name="detail"),
    path("<slug:slug>/anhaenge/<int:pk>/", views.attachment, name="attachment"),
]
