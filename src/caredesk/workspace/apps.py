from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "caredesk.workspace"
    label = "workspace"
