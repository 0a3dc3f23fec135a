"""The plugin's tests load plugins through entry points, as an installed newsparse does.

Unlike newsparse's own test suite, nothing here disables entry-point autoloading: these tests
exist to show that the installed distribution is found through the ``newsparse`` group.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

settings.register_profile("fast", max_examples=50, deadline=None)
settings.register_profile("ci", max_examples=300, deadline=None)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "fast")
)


@pytest.fixture(autouse=True)
def _autoload(monkeypatch: pytest.MonkeyPatch) -> None:
    """Entry points load, whatever the environment of the run says."""
    for name in (
        "NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD",
        "NEWSPARSE_PLUGINS",
        "NEWSPARSE_DISABLE_PLUGINS",
    ):
        monkeypatch.delenv(name, raising=False)
