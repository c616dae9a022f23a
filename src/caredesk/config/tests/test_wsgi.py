"""The WSGI entry point prepares the care engine in the background at start."""

from __future__ import annotations

import importlib
import logging
import threading

import pytest
from django.test import override_settings

from caredesk.care import CareAnalyzer


def _preparing_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "prepare-care-engine"]


def test_the_server_prepares_the_engine_in_a_background_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    prepared = threading.Event()
    monkeypatch.setattr(CareAnalyzer, "prepare", classmethod(lambda cls: prepared.set()))
    with override_settings(CAREDESK_PREPARE_CARE_ENGINE=True):
        import caredesk.config.wsgi as wsgi

        importlib.reload(wsgi)
    assert prepared.wait(timeout=10)
    assert callable(wsgi.application)


def test_it_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(CareAnalyzer, "prepare", classmethod(lambda cls: calls.append("x")))
    with override_settings(CAREDESK_PREPARE_CARE_ENGINE=False):
        import caredesk.config.wsgi as wsgi

        importlib.reload(wsgi)
    for thread in _preparing_threads():
        thread.join(timeout=10)
    assert calls == []


def test_a_failure_is_logged_and_never_raised(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import caredesk.config.wsgi as wsgi

    def broken(cls: type[CareAnalyzer]) -> CareAnalyzer:
        raise OSError("model file unreadable")

    monkeypatch.setattr(CareAnalyzer, "prepare", classmethod(broken))
    # Listen on the engine's logger itself: a test that configured logging before this
    # one (as `caredesk serve` does) may have stopped it propagating to the root.
    logger = logging.getLogger("caredesk.care")
    logger.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.ERROR, logger="caredesk.care"):
            wsgi.prepare_care_engine()
    finally:
        logger.removeHandler(caplog.handler)
    assert "could not be prepared" in caplog.text
