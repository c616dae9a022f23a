import logging
import os
import threading
import time

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "caredesk.config.settings")
application = get_wsgi_application()

logger = logging.getLogger("caredesk.care")


def prepare_care_engine() -> None:
    """Load the care engine and build its pattern pre-checks (about a second), so the
    first readings and composer reviews this process serves are not the slow ones."""
    from caredesk.care import CareAnalyzer

    started = time.perf_counter()
    try:
        CareAnalyzer.prepare()
    except Exception:  # the engine loads again on first use; a request then reports it
        logger.exception("the care engine could not be prepared at start")
    else:
        logger.info("care engine prepared in %.2f s", time.perf_counter() - started)


if settings.CAREDESK_PREPARE_CARE_ENGINE:
    threading.Thread(target=prepare_care_engine, name="prepare-care-engine", daemon=True).start()
