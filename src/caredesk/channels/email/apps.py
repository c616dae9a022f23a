from django.apps import AppConfig


class EmailChannelConfig(AppConfig):
    name = "caredesk.channels.email"
    label = "email_channel"
    verbose_name = "Email channel"

    def ready(self) -> None:
        from django.core.checks import Tags, register
        from django.db.models.signals import post_delete, post_save

        from caredesk.channels.base import Repair, register_repair, register_transport
        from caredesk.channels.email.inbound import forget_own_addresses
        from caredesk.channels.email.models import Mailbox
        from caredesk.channels.email.tasks import sweep_orphan_files
        from caredesk.channels.email.transport import transport
        from caredesk.lib.encryption import check_encryption_key

        register_transport(transport)
        register_repair(
            Repair(
                name="orphaned email files",
                run=sweep_orphan_files,
                interval_setting="CAREDESK_ORPHAN_SWEEP_SECONDS",
                at_start=True,
            )
        )
        # This app holds the encrypted columns, so it owns the check on their key.
        register(check_encryption_key, Tags.security, deploy=True)
        # Only a cache reset: which addresses are ours is read on every inbound message.
        post_save.connect(forget_own_addresses, sender=Mailbox, dispatch_uid="email-own-addresses")
        post_delete.connect(
            forget_own_addresses, sender=Mailbox, dispatch_uid="email-own-addresses-delete"
        )
