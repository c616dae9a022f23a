from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("channels/email/", include("caredesk.channels.email.urls")),
    path("", include("caredesk.workspace.urls")),
    path("", include("caredesk.accounts.urls")),
]
