"""The mini exhibit (an event summary with a citation) built once per session, in development and production."""
import pytest

from tests.search.sites import build_copy, cite_in_an_event


@pytest.fixture(scope="session")
def dev_site(tmp_path_factory):
    return build_copy(tmp_path_factory.mktemp("data-dev"), edit=cite_in_an_event)


@pytest.fixture(scope="session")
def public_site(tmp_path_factory):
    return build_copy(tmp_path_factory.mktemp("data-public"), "publishconf.py", edit=cite_in_an_event)
