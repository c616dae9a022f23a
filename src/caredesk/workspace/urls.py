from django.urls import path

from caredesk.workspace import views

app_name = "workspace"
urlpatterns = [
    path("inbox/", views.inbox, name="inbox"),
    path("tickets/<int:ticket_id>/", views.ticket_page, name="ticket"),
    path("tickets/<int:ticket_id>/coach/", views.coach, name="coach"),
    path("tickets/<int:ticket_id>/presence/", views.presence, name="presence"),
    path("tickets/<int:ticket_id>/<slug:action>/", views.ticket_action, name="ticket_action"),
    path("macros/", views.macro_list, name="macros"),
    path("macros/<int:macro_id>/", views.macro_edit, name="macro_edit"),
    path("settings/", views.desk_settings, name="settings"),
]
