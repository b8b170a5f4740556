import pytest

from rasa_extensions.socketio_channel import RestrictedSocketIOInput, parse_origins


def test_origins_come_from_a_space_or_comma_separated_setting():
    assert parse_origins("http://a.se https://b.se/, https://c.se") == [
        "http://a.se",
        "https://b.se",
        "https://c.se",
    ]


def test_origins_may_be_a_yaml_list():
    assert parse_origins(["https://a.se"]) == ["https://a.se"]


def test_no_setting_means_no_browser_origin():
    assert parse_origins(None) == []
    assert parse_origins("") == []


def test_wildcard_origin_is_refused():
    with pytest.raises(ValueError, match="'\\*' is not allowed"):
        parse_origins("https://a.se *")


def test_channel_keeps_rasa_credentials_and_reads_origins():
    channel = RestrictedSocketIOInput.from_credentials(
        {"session_persistence": True, "allowed_origins": "https://a.se"}
    )

    assert channel.name() == "socketio"
    assert channel.session_persistence is True
    assert channel.allowed_origins == ["https://a.se"]
