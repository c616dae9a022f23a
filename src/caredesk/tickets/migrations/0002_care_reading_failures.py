import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("tickets", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="CareReadingFailure",
            fields=[
                (
                    "message",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="care_failure",
                        serialize=False,
                        to="tickets.message",
                    ),
                ),
                ("reason", models.TextField()),
                ("attempts", models.PositiveIntegerField(default=1)),
                ("failed_at", models.DateTimeField()),
                ("retry_after", models.DateTimeField()),
            ],
        ),
    ]
