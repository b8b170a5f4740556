import pytest

from tests.helpers import MODEL, RasaServer, endpoints_with


@pytest.fixture(scope="session")
def rasa_server(tmp_path_factory):
    """The product's Rasa server with its own SQLite file, shared by read-only tests."""
    assert MODEL.exists(), "no trained model: run the tests with `make test`"
    tmp = tmp_path_factory.mktemp("rasa")
    endpoints = endpoints_with(tmp, db=str(tmp / "tracker.db"))
    with RasaServer(endpoints, tmp / "rasa.log") as server:
        yield server
