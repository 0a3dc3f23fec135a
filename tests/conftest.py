"""Shared fixtures: hypothesis profiles, the bundled seeds, and the corpora in ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# The project's own tests never load entry-point plugins installed on the machine.
os.environ.setdefault("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD", "1")

settings.register_profile("fast", max_examples=30, deadline=None)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "fast")
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = Path(os.environ.get("NEWSPARSE_SHARED", ROOT.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path inside ../shared, skipping the test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the labelled corpora live outside the project)")
    return path


@pytest.fixture
def sample_page() -> str:
    """The real sample page from ../shared/seeds (skips when ../shared is absent)."""
    path = shared_path("seeds", "000_b6ab99e193aa2fd2.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture(params=sorted(p.name for p in SEEDS.glob("*.txt")))
def seed_page(request: pytest.FixtureRequest) -> str:
    """Each bundled seed page, in turn."""
    return (SEEDS / request.param).read_text(encoding="utf-8")
