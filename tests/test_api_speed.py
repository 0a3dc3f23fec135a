"""parse() pauses the cyclic garbage collector for long texts and always restores it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

import newsparse
from newsparse.api import GC_PAUSE_CHARS

LONG = "Headline\n\n" + "A line of running text.\n" * (GC_PAUSE_CHARS // 20)


@pytest.fixture
def gc_state() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.usefixtures("gc_state")
@pytest.mark.parametrize(
    ("enabled", "text"),
    [
        pytest.param(True, LONG, id="long-text-collector-on"),
        pytest.param(False, LONG, id="long-text-collector-off"),
        pytest.param(True, "Short\n\ntext\n", id="short-text"),
    ],
)
def test_the_collector_is_left_as_it_was(enabled: bool, text: str) -> None:
    if enabled:
        gc.enable()
    else:
        gc.disable()
    article = newsparse.parse(text)
    assert article.source == text
    assert gc.isenabled() is enabled


@pytest.mark.usefixtures("gc_state")
def test_the_collector_is_paused_during_a_long_parse_and_back_after_an_error() -> None:
    seen: list[bool] = []

    from newsparse.plugins import PluginManager

    class Watcher:
        @newsparse.hookimpl
        def newsparse_register_extractors(self, register: object) -> None:
            def extract(article: newsparse.Article) -> list[object]:
                seen.append(gc.isenabled())
                raise RuntimeError("stop")

            register(  # type: ignore[operator]
                newsparse.Extractor(name="watch", extract=extract, finding_type=newsparse.Quote)
            )

    gc.enable()
    manager = PluginManager(load_entry_points=False, plugins=(Watcher(),))
    with pytest.raises(newsparse.PluginError):
        newsparse.parse(LONG, strict=True, plugins=manager, extractors=["watch"])
    assert seen == [False]
    assert gc.isenabled()
