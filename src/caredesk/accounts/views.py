from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import NoReverseMatch, reverse


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Where a signed-in person lands: the agent workspace, else the admin."""
    try:
        return HttpResponseRedirect(reverse("workspace:inbox"))
    except NoReverseMatch:
        return HttpResponseRedirect(reverse("admin:index"))
