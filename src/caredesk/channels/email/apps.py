from django.apps import AppConfig


class EmailChannelConfig(AppConfig):
    name = "caredesk.channels.email"
    label = "email_channel"
    verbose_name = "Email channel"

    def ready(self) -> None:
        from caredesk.channels.base import register_transport
        from caredesk.channels.email.transport import transport

        register_transport(transport)
