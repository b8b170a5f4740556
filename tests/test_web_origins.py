"""ALLOWED_ORIGINS takes exact web site origins only (resursguiden/web_origins.py); a
wildcard or pattern stops the start with what to write instead."""

import subprocess

import pytest

from rasa_extensions.request_guard import RequestGuard
from resursguiden.web_origins import parse_allowed_origins
from tests.helpers import ROOT


def test_exact_origins_are_taken_as_written():
    value = "https://www.example.se http://localhost:8080,http://127.0.0.1:8080 http://[::1]:8080"
    assert parse_allowed_origins(value) == (
        "https://www.example.se", "http://localhost:8080", "http://127.0.0.1:8080",
        "http://[::1]:8080",
    )  # fmt: skip
    assert parse_allowed_origins("") == ()


@pytest.mark.parametrize(
    "value",
    [
        "*",
        ".*",
        "https://*.example.se",
        "https://www\\.example\\.se",
        "https://example.se/",  # a path is not part of an origin
        "https://example.se/chat",
        "example.se",  # no scheme
        "ftp://example.se",
        "https://Example.se",  # browsers send lower case: this would never match
        "https://example.se:8080$",
        "null",
    ],
)
def test_wildcards_and_patterns_are_refused_with_what_to_write(value):
    with pytest.raises(ValueError, match="is not an exact web site origin"):
        parse_allowed_origins(value)
    with pytest.raises(ValueError):
        RequestGuard.from_environment({"ALLOWED_ORIGINS": value})


def test_the_run_command_refuses_a_pattern_before_starting_anything():
    result = subprocess.run(
        ["scripts/run.sh"], cwd=ROOT, env={"PATH": "/usr/bin:/bin", "ALLOWED_ORIGINS": ".*"},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert "'.*' is not an exact web site origin" in result.stderr
    assert "Resursguiden is starting" not in result.stdout


@pytest.mark.parametrize("name", ["RATE_PER_SENDER", "RATE_PER_CLIENT"])
@pytest.mark.parametrize("value", ["0", "-5", "many", "1.5"])
def test_a_limit_that_cannot_be_used_is_refused(name, value):
    with pytest.raises(ValueError, match=name):
        RequestGuard.from_environment({"ALLOWED_ORIGINS": "", name: value})
