from django.urls import path

from caredesk.channels.email import views

app_name = "email"
urlpatterns = [
    path("inbound/<int:mailbox_id>/", views.inbound_webhook, name="inbound-webhook"),
]
