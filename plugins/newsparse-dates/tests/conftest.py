"""The plugin's tests load plugins through entry points, as an installed newsparse does.

Unlike newsparse's own test suite, nothing here disables entry-point autoloading: these tests
exist to show that the installed distribution is found through the ``newsparse`` group.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import settings
from newsparse.plugins import get_plugin_manager

settings.register_profile("fast", max_examples=50, deadline=None)
settings.register_profile("ci", max_examples=300, deadline=None)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "fast")
)

SWITCHES = ("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD", "NEWSPARSE_PLUGINS", "NEWSPARSE_DISABLE_PLUGINS")


@pytest.fixture(autouse=True)
def _autoload(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Entry points load, whatever the environment of the run says.

    The process-wide manager is rebuilt around each test, so one built earlier with other
    switches (in a run shared with another suite) is not reused.
    """
    for name in SWITCHES:
        monkeypatch.delenv(name, raising=False)
    get_plugin_manager.cache_clear()
    yield
    get_plugin_manager.cache_clear()
