from django.shortcuts import get_object_or_404, render

from .models import Topic


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    return render(request, "statements/topic_detail.html", {"topic": topic})
