from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from caredesk.lib.env import env_bool, env_choice, env_int, env_list, env_str


def test_a_missing_variable_gives_the_default() -> None:
    assert env_str("X", "fallback", environ={}) == "fallback"
    assert env_bool("X", True, environ={}) is True
    assert env_int("X", 7, environ={}) == 7
    assert env_list("X", ["a"], environ={}) == ["a"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("yes", True), ("ON", True), ("0", False), ("no", False), ("", False)],
)
def test_booleans_accept_the_usual_spellings(raw: str, expected: bool) -> None:
    assert env_bool("DEBUG", not expected, environ={"DEBUG": raw}) is expected


def test_a_misspelled_boolean_fails_loudly() -> None:
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be one of"):
        env_bool("DEBUG", False, environ={"DEBUG": "treu"})


def test_integers_are_checked_for_form_and_range() -> None:
    assert env_int("EMAIL_PORT", 25, minimum=1, environ={"EMAIL_PORT": " 587 "}) == 587
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("EMAIL_PORT", 25, environ={"EMAIL_PORT": "twenty-five"})
    with pytest.raises(ImproperlyConfigured, match="at most 65535"):
        env_int("EMAIL_PORT", 25, maximum=65535, environ={"EMAIL_PORT": "70000"})


def test_lists_are_comma_separated_and_drop_blanks() -> None:
    assert env_list("ALLOWED_HOSTS", [], environ={"ALLOWED_HOSTS": "a.example, b.example,,"}) == [
        "a.example",
        "b.example",
    ]


def test_a_choice_outside_the_allowed_set_fails_loudly() -> None:
    with pytest.raises(ImproperlyConfigured, match="LOG_LEVEL must be one of"):
        env_choice("LOG_LEVEL", "INFO", {"INFO", "DEBUG"}, environ={"LOG_LEVEL": "LOUD"})
