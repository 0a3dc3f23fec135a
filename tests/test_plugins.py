"""The plugin manager: registration, selection, dependency order and fault isolation."""

from __future__ import annotations

import importlib.metadata
import inspect
import json
import pickle
import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsparse
from newsparse import Article, Extractor, Label, Part, PluginError, Problem, Span, UsageError
from newsparse import hookspecs as specs
from newsparse.hookspecs import hookimpl
from newsparse.plugins import PluginManager, get_plugin_manager
from newsparse.serialize import article_from_dict
from newsparse.text import split_lines
from tests import sample_plugins
from tests.sample_plugins import Shouting, Word, find_words

TEXT = "Storm Closes Schools\n\nHeavy SNOW closed forty schools.\nAdvertisement\nCrews worked late."


class Plugin:
    """A plugin object built in a test: a name, extractors to register, and other hooks."""

    def __init__(self, name: str, *extractors: Extractor, **hooks: Callable[..., Any]) -> None:
        self.__name__ = name
        if extractors:

            def newsparse_register_extractors(register: Callable[[Extractor], None]) -> None:
                for extractor in extractors:
                    register(extractor)

            self.newsparse_register_extractors = hookimpl(newsparse_register_extractors)
        for hook, function in hooks.items():
            setattr(self, hook, hookimpl(function))


def manager(*plugins: object) -> PluginManager:
    return PluginManager(load_entry_points=False, plugins=plugins)


def words(name: str = "words", *, needs: tuple[str, ...] = ()) -> Extractor:
    return Extractor(name=name, extract=find_words, finding_type=Word, needs=needs)


def faulty(extract: Callable[[Article], Any], name: str = "bad") -> Plugin:
    return Plugin(f"{name}-plugin", Extractor(name=name, extract=extract, finding_type=Word))


# -- extractors that misbehave --------------------------------------------------------------


def _raises(article: Article) -> Any:
    raise ValueError("boom")


def _raises_midway(article: Article) -> Iterator[Word]:
    yield from list(find_words(article))[:1]
    raise KeyError("midway")


def _span_outside(article: Article) -> Any:
    end = len(article.source)
    return [Word("", Span(end + 1, end + 5))]


def _wrong_text(article: Article) -> Any:
    return [Word("nonsense", Span(0, 5))]


def _wrong_span_type(article: Article) -> Any:
    return [Word("Storm", (0, 5))]  # type: ignore[arg-type]


def _wrong_part(article: Article) -> Any:
    return [Word("Storm", Span(0, 5), part="body")]  # type: ignore[arg-type]


def _one_good_one_bad(article: Article) -> Any:
    return [Word("Storm", Span(0, 5)), Word("Storm", Span(1, 6))]


def _many_bad(article: Article) -> Any:
    return [Word("x", Span(0, 5))] * 20


FAULTS = [
    pytest.param(_raises, "raised ValueError: boom", 0, id="raises"),
    pytest.param(_raises_midway, "raised KeyError", 0, id="raises-midway"),
    pytest.param(lambda a: None, "returned a NoneType, not an iterable", 0, id="returns-none"),
    pytest.param(lambda a: 42, "returned a int, not an iterable", 0, id="returns-int"),
    pytest.param(lambda a: "Storm", "returned a str, not an iterable", 0, id="returns-str"),
    pytest.param(lambda a: [("Storm", 0, 5)], "returned a tuple, not a Word", 0, id="wrong-type"),
    pytest.param(lambda a: [Span(0, 5)], "returned a Span, not a Word", 0, id="span-not-finding"),
    pytest.param(_span_outside, "outside the text", 0, id="span-outside"),
    pytest.param(_wrong_text, "'nonsense' that is not what its span 0:5 holds", 0, id="text"),
    pytest.param(_wrong_span_type, "whose span is a tuple", 0, id="span-type"),
    pytest.param(_wrong_part, "part 'body' that is not a newsparse.Part", 0, id="part-type"),
    pytest.param(
        lambda a: [Word("Storm", Span(0, 5), part=None)],  # type: ignore[arg-type]
        "part None that is not a newsparse.Part",
        0,
        id="part-none",
    ),
    pytest.param(_one_good_one_bad, "span 1:6 holds", 1, id="keeps-the-good-one"),
    pytest.param(_many_bad, "17 more malformed findings", 0, id="many-bad-summarised"),
]


@pytest.mark.parametrize(("extract", "message", "kept"), FAULTS)
def test_a_faulty_extractor_is_recorded_and_the_others_keep_their_findings(
    extract: Callable[[Article], Any], message: str, kept: int
) -> None:
    good = manager(Plugin("good-plugin", words()))
    both = manager(Plugin("good-plugin", words()), faulty(extract))
    expected = newsparse.parse(TEXT, plugins=good).findings["words"]
    article = newsparse.parse(TEXT, plugins=both)
    assert article.findings["words"] == expected
    assert len(expected) > 5
    assert len(article.findings["bad"]) == kept
    bad = [p for p in article.problems if p.source == "bad"]
    assert bad, article.problems
    assert all(p.kind == "plugin" and "'bad-plugin'" in p.message for p in bad)
    assert any(message in p.message for p in bad), bad
    assert all(p.source == "bad" for p in article.problems)


@pytest.mark.parametrize(("extract", "message", "kept"), FAULTS)
def test_strict_raises_a_plugin_error_naming_the_plugin(
    extract: Callable[[Article], Any], message: str, kept: int
) -> None:
    both = manager(Plugin("good-plugin", words()), faulty(extract))
    with pytest.raises(PluginError, match="bad-plugin") as info:
        newsparse.parse(TEXT, plugins=both, strict=True)
    assert info.value.plugin == "bad-plugin"
    assert "extractor 'bad'" in str(info.value)


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("\r\n\"'")))
def test_faulty_plugins_never_take_a_parse_down(text: str) -> None:
    article = newsparse.parse(text, plugins=_MIXED)
    assert {p.source for p in article.problems} <= {"bad", "finishing-plugin"}
    for word in article.findings["words"]:
        assert text[word.span.start : word.span.end] == word.text


# -- the finishing hook ---------------------------------------------------------------------


def _finish_raises(article: Article) -> Article:
    raise RuntimeError("finish failed")


FINISH_FAULTS = [
    pytest.param(_finish_raises, "raised RuntimeError: finish failed", id="raises"),
    pytest.param(lambda article: {"headline": "x"}, "returned a dict", id="returns-dict"),
    pytest.param(lambda article: "text", "returned a str", id="returns-str"),
    pytest.param(
        lambda article: attrs.evolve(article, source=article.source.upper()),
        "changed the source text",
        id="changes-source",
    ),
]

_MIXED = manager(
    Plugin("good-plugin", words()),
    faulty(_one_good_one_bad),
    Plugin("finishing-plugin", newsparse_article_finished=_finish_raises),
)


@pytest.mark.parametrize(("finish", "message"), FINISH_FAULTS)
def test_a_faulty_finishing_hook_is_recorded_and_skipped(
    finish: Callable[[Article], Any], message: str
) -> None:
    plugins = manager(
        Plugin("good-plugin", words()),
        Plugin("finishing-plugin", newsparse_article_finished=finish),
    )
    article = newsparse.parse(TEXT, plugins=plugins)
    assert article.source == TEXT
    assert len(article.findings["words"]) > 5
    (problem,) = article.problems
    assert problem.source == "finishing-plugin"
    assert message in problem.message
    with pytest.raises(PluginError, match="finishing-plugin") as info:
        newsparse.parse(TEXT, plugins=plugins, strict=True)
    assert info.value.plugin == "finishing-plugin"


def test_finishing_hooks_chain_and_may_take_fewer_arguments() -> None:
    calls: list[str] = []

    def first(article: Article) -> Article:
        calls.append("first")
        return attrs.evolve(article, section="Weather")

    def second(article: Article) -> None:
        calls.append(f"second saw {article.section}")

    def no_arguments() -> None:
        calls.append("none")

    plugins = manager(
        Plugin("second", newsparse_article_finished=second),
        Plugin("first", newsparse_article_finished=first),
        Plugin("quiet", newsparse_article_finished=no_arguments),
    )
    article = newsparse.parse(TEXT, plugins=plugins)
    assert article.section == "Weather"
    assert calls == ["none", "first", "second saw Weather"]


# -- declarations checked at start-up -------------------------------------------------------


def test_two_extractors_with_one_name_are_an_error_at_start_up() -> None:
    with pytest.raises(PluginError, match=r"named 'words': 'one' and 'two'") as info:
        manager(Plugin("one", words()), Plugin("two", words()))
    assert info.value.plugin == "two"


def test_two_plugins_with_one_name_are_an_error_at_start_up() -> None:
    with pytest.raises(PluginError, match="two plugins are named 'same'"):
        manager(Plugin("same", words("a")), Plugin("same", words("b")))


def test_a_builtin_name_cannot_be_taken_over() -> None:
    with pytest.raises(PluginError, match="extractor named 'quotes'"):
        manager(Plugin("impostor", words("quotes")))


@pytest.mark.parametrize(
    ("register_with", "message"),
    [
        pytest.param(lambda r: r("words"), "registered a str, not a newsparse.Extractor", id="str"),
        pytest.param(lambda r: 1 / 0, "raised ZeroDivisionError", id="hook-raises"),
        pytest.param(
            lambda r: r(Extractor(name="bad name", extract=find_words, finding_type=Word)),
            "must be 1 to 64 ASCII letters",
            id="bad-extractor-name",
        ),
    ],
)
def test_a_broken_registration_names_the_plugin(
    register_with: Callable[[Callable[[Extractor], None]], None], message: str
) -> None:
    def newsparse_register_extractors(register: Callable[[Extractor], None]) -> None:
        register_with(register)

    with pytest.raises(PluginError, match=re.escape(message)) as info:
        manager(Plugin("clumsy", newsparse_register_extractors=newsparse_register_extractors))
    assert info.value.plugin == "clumsy"
    assert "'clumsy'" in str(info.value)


def test_register_cannot_be_kept_for_later() -> None:
    kept: list[Callable[[Extractor], None]] = []

    def newsparse_register_extractors(register: Callable[[Extractor], None]) -> None:
        kept.append(register)

    built = manager(Plugin("hoarder", newsparse_register_extractors=newsparse_register_extractors))
    with pytest.raises(PluginError, match="after its newsparse_register_extractors hook"):
        kept[0](words())
    assert "words" not in built.extractors


@attrs.frozen
class NoSpan:
    text: str
    part: Part


@attrs.frozen
class NoPart:
    text: str
    span: Span


class NotAttrs:
    span: Span


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param({"name": ""}, "must be 1 to 64", id="empty-name"),
        pytest.param({"name": "dates!"}, "must be 1 to 64", id="punctuation"),
        pytest.param({"name": "x" * 65}, "must be 1 to 64", id="too-long"),
        pytest.param({"finding_type": NotAttrs}, "must be an attrs class", id="not-attrs"),
        pytest.param({"finding_type": NoSpan}, "needs a 'span' field", id="no-span"),
        pytest.param({"finding_type": NoPart}, "needs a 'part' field", id="no-part"),
        pytest.param({"needs": ("words",)}, "cannot need itself", id="needs-itself"),
        pytest.param({"needs": (1,)}, "needs must be extractor names", id="needs-not-names"),
    ],
)
def test_an_extractor_declaration_is_checked(kwargs: dict[str, Any], message: str) -> None:
    arguments: dict[str, Any] = {"name": "words", "extract": find_words, "finding_type": Word}
    with pytest.raises(PluginError, match=re.escape(message)):
        Extractor(**{**arguments, **kwargs})


def test_needs_given_as_one_name_means_one_extractor() -> None:
    assert words("loud", needs="words").needs == ("words",)  # type: ignore[arg-type]


# -- dependency order -----------------------------------------------------------------------


def _seen_by(name: str, log: dict[str, list[str]]) -> Callable[[Article], Iterator[Word]]:
    def extract(article: Article) -> Iterator[Word]:
        log[name] = sorted(article.findings)
        log.setdefault("order", []).append(name)
        return find_words(article)

    return extract


def test_extractors_run_after_what_they_need_and_see_only_that() -> None:
    log: dict[str, list[str]] = {}

    def made(name: str, *needs: str) -> Extractor:
        return Extractor(name=name, extract=_seen_by(name, log), finding_type=Word, needs=needs)

    plugins = manager(
        Plugin("late", made("summary", "tagged", "plain")),
        Plugin("middle", made("tagged", "plain")),
        Plugin("early", made("plain"), made("loner")),
    )
    assert list(plugins.extractors)[-4:] == ["plain", "tagged", "summary", "loner"]
    newsparse.parse(TEXT, plugins=plugins)
    assert log["order"] == ["plain", "tagged", "summary", "loner"]
    assert log["plain"] == []
    assert log["tagged"] == ["plain"]
    assert log["summary"] == ["plain", "tagged"]
    assert log["loner"] == []


def test_selecting_an_extractor_brings_what_it_needs() -> None:
    plugins = manager(Plugin("p", words("base"), words("top", needs=("base",))))
    article = newsparse.parse(TEXT, plugins=plugins, extractors=["top"])
    assert sorted(article.findings) == ["base", "top"]
    assert plugins.select(["top", "quotes"]) == ("quotes", "base", "top")


def test_a_missing_dependency_is_an_error_at_start_up() -> None:
    with pytest.raises(PluginError, match="needs 'nowhere', which no plugin provides"):
        manager(Plugin("lonely", words("top", needs=("nowhere",))))


@pytest.mark.parametrize(
    ("needs", "cycle"),
    [
        pytest.param({"a": ("b",), "b": ("a",)}, "a -> b -> a", id="two"),
        pytest.param({"a": ("b",), "b": ("c",), "c": ("a",)}, "a -> b -> c -> a", id="three"),
        pytest.param({"z": ("a",), "a": ("b",), "b": ("a",)}, "a -> b -> a", id="behind-a-root"),
    ],
)
def test_a_dependency_cycle_is_an_error_at_start_up(
    needs: dict[str, tuple[str, ...]], cycle: str
) -> None:
    extractors = [words(name, needs=deps) for name, deps in needs.items()]
    with pytest.raises(PluginError, match=re.escape(cycle)):
        manager(Plugin("loop", *extractors))


# -- structure hooks ------------------------------------------------------------------------


def _adverts(line: Any, proposed: Label) -> Label | None:
    return Label.BOILERPLATE if line.text.strip() == "Advertisement" else None


def test_a_line_label_vote_changes_the_label() -> None:
    plugins = manager(Plugin("adverts", newsparse_line_label=_adverts))
    lines = split_lines(TEXT)
    labels = [plugins.line_label(line, lines, Label.BODY) for line in lines]
    assert labels == [Label.BODY] * 3 + [Label.BOILERPLATE, Label.BODY]


def test_no_vote_keeps_the_proposed_label() -> None:
    plugins = manager(Plugin("adverts", newsparse_line_label=_adverts))
    line = split_lines("Heavy SNOW closed forty schools.")[0]
    assert plugins.line_label(line, [line], Label.CAPTION) is Label.CAPTION
    assert not manager().has_line_labellers
    assert plugins.has_line_labellers


def test_the_plugin_registered_last_votes_first() -> None:
    plugins = manager(
        Plugin("adverts", newsparse_line_label=_adverts),
        Plugin("promos", newsparse_line_label=lambda line: Label.PROMO),
    )
    line = split_lines("Advertisement")[0]
    assert plugins.line_label(line, [line], Label.BODY) is Label.PROMO


def _snow_line(line: Any, proposed: Label) -> Label | None:
    return Label.BOILERPLATE if line.text.strip() == "Heavy SNOW closed forty schools." else None


def test_a_line_label_vote_reaches_the_parsed_article() -> None:
    plain = newsparse.parse(TEXT, plugins=manager(), extractors=[])
    article = newsparse.parse(
        TEXT, plugins=manager(Plugin("crews", newsparse_line_label=_snow_line)), extractors=[]
    )
    assert "Heavy SNOW closed forty schools." in [p.text for p in plain.body]
    assert "Heavy SNOW closed forty schools." not in [p.text for p in article.body]
    (voted,) = [b for b in article.blocks if b.text.strip() == "Heavy SNOW closed forty schools."]
    assert voted.label is Label.BOILERPLATE
    assert "".join(b.text for b in article.blocks) == TEXT


def _label_raises(line: Any) -> Label:
    raise LookupError("no labels today")


@pytest.mark.parametrize(
    ("vote", "message"),
    [
        pytest.param(_label_raises, "raised LookupError: no labels today", id="raises"),
        pytest.param(lambda line: "boilerplate", "returned a str, not a newsparse.Label", id="str"),
    ],
)
def test_a_faulty_line_label_vote_is_skipped_and_recorded(
    vote: Callable[..., Any], message: str
) -> None:
    plugins = manager(
        Plugin("adverts", newsparse_line_label=_adverts),
        Plugin("faulty-labels", newsparse_line_label=vote),
    )
    article = newsparse.parse(TEXT, plugins=plugins, extractors=[])
    (problem,) = article.problems
    assert problem == Problem("faulty-labels", problem.message, "plugin")
    assert message in problem.message
    assert [b.label for b in article.blocks if b.text.startswith("Advert")] == [Label.BOILERPLATE]
    with pytest.raises(PluginError, match="faulty-labels"):
        newsparse.parse(TEXT, plugins=plugins, strict=True)
    line = split_lines(TEXT)[0]
    with pytest.warns(RuntimeWarning, match="faulty-labels"):
        assert plugins.line_label(line, [line], Label.HEADLINE) is Label.HEADLINE


def test_structure_phrases_are_merged_by_category() -> None:
    plugins = manager(
        Plugin("site-a", newsparse_structure_phrases=lambda: {"boilerplate": ["Share this"]}),
        Plugin(
            "site-b",
            newsparse_structure_phrases=lambda: {
                "boilerplate": ("Share this", "Sign up"),
                "credit_markers": ["Photograph:"],
            },
        ),
        Plugin("silent", newsparse_structure_phrases=lambda: None),
    )
    assert dict(plugins.structure_phrases) == {
        "boilerplate": ("Share this", "Sign up"),
        "credit_markers": ("Photograph:",),
    }


@pytest.mark.parametrize(
    ("phrases", "message"),
    [
        pytest.param(lambda: ["Share"], "returned a list, not a mapping", id="list"),
        pytest.param(lambda: {"boilerplate": "Share"}, "must map category", id="bare-string"),
        pytest.param(lambda: {"boilerplate": [1]}, "must be strings", id="not-strings"),
        pytest.param(lambda: 1 / 0, "raised ZeroDivisionError", id="raises"),
    ],
)
def test_bad_structure_phrases_are_an_error_at_start_up(
    phrases: Callable[[], Any], message: str
) -> None:
    with pytest.raises(PluginError, match=message) as info:
        manager(Plugin("phrasebook", newsparse_structure_phrases=phrases))
    assert info.value.plugin == "phrasebook"


# -- allow and block lists ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extractors", "found"),
    [
        pytest.param(None, ["numbers", "places", "quotes", "shouting", "words"], id="all"),
        pytest.param([], [], id="none"),
        pytest.param(["words"], ["words"], id="one"),
        pytest.param(("shouting", "quotes"), ["quotes", "shouting"], id="two"),
    ],
)
def test_parse_runs_the_extractors_asked_for(
    extractors: list[str] | None, found: list[str]
) -> None:
    plugins = manager(sample_plugins, Shouting)
    article = newsparse.parse(TEXT, plugins=plugins, extractors=extractors)
    assert sorted(article.findings) == found


@pytest.mark.parametrize(
    ("extractors", "message"),
    [
        pytest.param(["dates"], "no extractor named 'dates' is installed", id="unknown"),
        pytest.param("words", "a list of names, not a single string", id="string"),
    ],
)
def test_asking_for_what_is_not_there_is_a_usage_error(extractors: Any, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        newsparse.parse(TEXT, plugins=manager(sample_plugins), extractors=extractors)


@pytest.mark.parametrize(
    ("blocked", "extractors"),
    [
        pytest.param("", ["numbers", "places", "quotes", "shouting", "words"], id="nothing"),
        pytest.param("quotes", ["numbers", "places", "shouting", "words"], id="builtin"),
        pytest.param("newsparse.extractors.places", ["numbers", "quotes", "shouting", "words"]),
        pytest.param("Shouting, words", ["numbers", "places", "quotes"], id="plugin-and-extractor"),
        pytest.param("tests.sample_plugins", ["numbers", "places", "quotes", "shouting"]),
    ],
)
def test_the_block_list_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, blocked: str, extractors: list[str]
) -> None:
    monkeypatch.setenv("NEWSPARSE_DISABLE_PLUGINS", blocked)
    plugins = manager(sample_plugins, Shouting)
    assert sorted(plugins.extractors) == extractors


def test_a_blocked_extractor_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPARSE_DISABLE_PLUGINS", "quotes")
    with pytest.raises(UsageError, match="'quotes' is disabled"):
        manager().select(["quotes"])
    with pytest.raises(PluginError, match=r"needs 'quotes' \(disabled\)"):
        manager(Plugin("p", words("speakers", needs=("quotes",))))


@pytest.fixture
def entry_points(monkeypatch: pytest.MonkeyPatch) -> list[importlib.metadata.EntryPoint]:
    """Pretend ``tests.sample_plugins`` and ``Shouting`` are installed distributions."""
    installed = [
        importlib.metadata.EntryPoint("words", "tests.sample_plugins", "newsparse"),
        importlib.metadata.EntryPoint("shouting", "tests.sample_plugins:Shouting", "newsparse"),
        importlib.metadata.EntryPoint("elsewhere", "tests.sample_plugins", "other-group"),
    ]

    def fake(**params: Any) -> list[importlib.metadata.EntryPoint]:
        return [ep for ep in installed if ep.group == params.get("group")]

    monkeypatch.setattr(importlib.metadata, "entry_points", fake)
    monkeypatch.delenv("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    monkeypatch.delenv("NEWSPARSE_PLUGINS", raising=False)
    monkeypatch.delenv("NEWSPARSE_DISABLE_PLUGINS", raising=False)
    return installed


@pytest.mark.parametrize(
    ("env", "loaded"),
    [
        pytest.param({}, ["shouting", "words"], id="autoload"),
        pytest.param({"NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD": "1"}, [], id="autoload-off"),
        pytest.param({"NEWSPARSE_PLUGINS": "shouting"}, ["shouting"], id="allow-one"),
        pytest.param({"NEWSPARSE_PLUGINS": ""}, [], id="allow-none"),
        pytest.param({"NEWSPARSE_DISABLE_PLUGINS": "words"}, ["shouting"], id="block-one"),
        pytest.param(
            {"NEWSPARSE_PLUGINS": "words", "NEWSPARSE_DISABLE_PLUGINS": "words"}, [], id="both"
        ),
    ],
)
def test_entry_point_plugins_follow_the_switches(
    monkeypatch: pytest.MonkeyPatch,
    entry_points: list[importlib.metadata.EntryPoint],
    env: dict[str, str],
    loaded: list[str],
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    plugins = PluginManager()
    assert sorted(set(plugins.extractors) - {"quotes", "numbers", "places"}) == loaded
    where = dict(plugins.plugin_names())
    expected = {"words": "tests.sample_plugins", "shouting": "tests.sample_plugins:Shouting"}
    assert {name: where[name] for name in loaded} == {name: expected[name] for name in loaded}


def test_an_entry_point_that_fails_to_load_names_itself(
    entry_points: list[importlib.metadata.EntryPoint],
) -> None:
    entry_points.append(importlib.metadata.EntryPoint("ghost", "tests.no_such_module", "newsparse"))
    with pytest.raises(PluginError, match=r"plugin 'ghost'.*failed to load.*ModuleNotFoundError"):
        PluginManager()


def test_the_project_tests_load_no_entry_points() -> None:
    import os

    assert os.environ.get("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD")
    assert all(where.endswith("(built-in)") for _, where in get_plugin_manager().plugin_names())


# -- pluggy's checks ------------------------------------------------------------------------


def test_check_pending_catches_a_misspelled_hook() -> None:
    def newsparse_register_extractor(register: Callable[[Extractor], None]) -> None:
        register(words())

    with pytest.raises(PluginError, match="newsparse_register_extractor") as info:
        manager(Plugin("typo", newsparse_register_extractor=newsparse_register_extractor))
    assert info.value.plugin == "typo"
    assert "unknown hook" in str(info.value)


def test_an_argument_the_hook_does_not_offer_is_an_error() -> None:
    def newsparse_line_label(line: Any, page_title: str) -> None:
        return None

    with pytest.raises(PluginError, match="page_title") as info:
        manager(Plugin("greedy", newsparse_line_label=newsparse_line_label))
    assert info.value.plugin == "greedy"


# -- one manager per process, cheap to send to workers --------------------------------------


def test_the_process_manager_is_built_once() -> None:
    assert get_plugin_manager() is get_plugin_manager()
    assert pickle.loads(pickle.dumps(get_plugin_manager())) is get_plugin_manager()


def test_a_manager_pickles_and_rebuilds() -> None:
    plugins = PluginManager(
        load_entry_points=False, plugins=[sample_plugins, Shouting], block=["places"]
    )
    rebuilt = pickle.loads(pickle.dumps(plugins))
    assert rebuilt is not plugins
    assert list(rebuilt.extractors) == list(plugins.extractors)
    assert "places" not in rebuilt.extractors
    assert newsparse.parse(TEXT, plugins=rebuilt) == newsparse.parse(TEXT, plugins=plugins)


def test_the_recipe_does_not_read_the_environment_again(monkeypatch: pytest.MonkeyPatch) -> None:
    plugins = manager(sample_plugins)
    monkeypatch.setenv("NEWSPARSE_DISABLE_PLUGINS", "words")
    assert "words" in pickle.loads(pickle.dumps(plugins)).extractors


# -- findings of plugin-defined types -------------------------------------------------------


def test_plugin_findings_round_trip_through_dicts_and_json(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plugins = manager(sample_plugins)
    article = newsparse.parse(TEXT, plugins=plugins)
    words_found = article.findings["words"]
    assert words_found[0] == Word(
        "Storm",
        Span(0, 5),
        Part.HEADLINE,
        sample_plugins.Case.TITLE,
        words_found[0].weight,
        ("m", "o", "r", "s", "t"),
        Span(0, 1),
    )
    data = json.loads(json.dumps(article.to_dict()))
    assert data["findings"]["words"][0]["weight"] == "1.25"
    assert article_from_dict(data, plugins.finding_types()) == article
    monkeypatch.setattr("newsparse.plugins.get_plugin_manager", lambda: plugins)
    assert Article.from_dict(data) == article
    assert Article.from_json(article.to_json()) == article


def test_findings_of_an_extractor_not_installed_stay_plain_dicts() -> None:
    article = newsparse.parse(TEXT, plugins=manager(sample_plugins))
    back = article_from_dict(article.to_dict(), {})
    assert back.findings["words"][0]["text"] == "Storm"


# -- the command line -----------------------------------------------------------------------


def test_newsparse_plugins_lists_the_extractors(capsys: pytest.CaptureFixture[str]) -> None:
    from newsparse.cli import main

    assert main(["plugins", "--format", "json"]) == 0
    rows = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["quotes"]["finding_type"] == "newsparse.model.Quote"
    assert rows["quotes"]["from"].endswith("(built-in)")
    assert main(["plugins"]) == 0
    assert re.search(r"^numbers +\S+ +newsparse\.model\.Number", capsys.readouterr().out, re.M)


# -- the hook specifications ----------------------------------------------------------------

HOOKS = sorted(name for name in vars(specs) if name.startswith("newsparse_"))


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented(hook: str) -> None:
    doc = inspect.getdoc(getattr(specs, hook)) or ""
    assert re.search(r"Since \d+\.\d+", doc), f"{hook} does not say since which version"
    assert len(doc.split()) > 20, f"{hook} is barely documented"


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_in_the_docs_with_its_signature(hook: str) -> None:
    docs = Path(__file__).resolve().parents[1] / "docs"
    pages = list(docs.rglob("*.md")) if docs.is_dir() else []
    if not pages:
        pytest.skip("the docs are not written yet")
    spec = inspect.signature(getattr(specs, hook))
    arguments = ", ".join(f"{p.name}: {p.annotation}" for p in spec.parameters.values())
    signature = f"{hook}({arguments}) -> {spec.return_annotation}"
    text = "\n".join(page.read_text(encoding="utf-8") for page in pages)
    generated = re.search(rf"^::: newsparse\.hookspecs(\.{hook})?\s*$", text, re.M)
    assert signature in text or generated, f"the docs do not show {signature}"


def test_hooks_are_only_spelled_with_the_prefix() -> None:
    declared = [name for name, _ in inspect.getmembers(specs, inspect.isfunction)]
    assert declared == HOOKS
    assert specs.NAME == "newsparse"


def test_extractors_can_be_given_as_an_iterable_of_any_kind() -> None:
    names: Iterable[str] = (name for name in ["words"])
    article = newsparse.parse(TEXT, plugins=manager(sample_plugins), extractors=list(names))
    assert list(article.findings) == ["words"]


def test_warnings_module_is_quiet_for_a_clean_parse() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        newsparse.parse(TEXT, plugins=manager(sample_plugins))


def test_the_overhead_benchmark_runs() -> None:
    from benchmarks.plugin_overhead import measure

    result = measure(["Storm\n\nSnow fell."], plugins=2, rounds=1)
    assert result["no_op_extractors"] == 2
    assert result["seconds_per_parse_with"] > 0


def test_newsparse_plugins_lists_plugins_without_extractors(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsparse.cli import main

    plugins = manager(Plugin("adverts", newsparse_line_label=_adverts), sample_plugins)
    monkeypatch.setattr("newsparse.plugins.get_plugin_manager", lambda: plugins)
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert re.search(
        r"^words +1\.2 +tests\.sample_plugins\.Word +from registered by hand", out, re.M
    )
    assert re.search(r"^adverts .*\(no extractor; hooks: newsparse_line_label\)", out, re.M)


def test_hook_wrappers_are_refused() -> None:
    class Wrapping:
        @staticmethod
        @hookimpl(wrapper=True)
        def newsparse_article_finished(article: Article) -> Any:
            return (yield)

    with pytest.raises(
        PluginError, match="'Wrapping': newsparse_article_finished is a hook wrapper"
    ):
        manager(Wrapping)


def test_an_entry_point_also_registered_by_hand_loads_once(
    entry_points: list[importlib.metadata.EntryPoint],
) -> None:
    plugins = PluginManager(plugins=[sample_plugins])
    assert dict(plugins.plugin_names())["tests.sample_plugins"] == "registered by hand"
    assert "words" not in dict(plugins.plugin_names())
    assert {"words", "shouting"} <= set(plugins.extractors)


def _parse_in_worker(plugins: PluginManager, text: str) -> Article:
    return newsparse.parse(text, plugins=plugins)


def test_a_manager_travels_to_a_worker_process() -> None:
    from concurrent.futures import ProcessPoolExecutor

    plugins = manager(sample_plugins, Shouting)
    with ProcessPoolExecutor(max_workers=1) as pool:
        article = pool.submit(_parse_in_worker, plugins, TEXT).result(timeout=120)
    assert article == newsparse.parse(TEXT, plugins=plugins)
    assert [w.text for w in article.findings["shouting"]] == ["SNOW"]


@pytest.mark.parametrize(
    ("flags", "found", "status"),
    [
        pytest.param([], ["numbers", "places", "quotes"], 0, id="all"),
        pytest.param(["--extractors", "quotes,numbers"], ["numbers", "quotes"], 0, id="two"),
        pytest.param(["--no-extractors"], [], 0, id="none"),
        pytest.param(["--extractors", "quotes,nope"], None, 2, id="unknown"),
    ],
)
def test_newsparse_parse_chooses_extractors(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    flags: list[str],
    found: list[str] | None,
    status: int,
) -> None:
    from newsparse.cli import main

    page = tmp_path / "page.txt"
    page.write_text(TEXT, encoding="utf-8")
    assert main(["parse", str(page), "--format", "jsonl", *flags]) == status
    out, err = capsys.readouterr()
    if found is None:
        assert "no extractor named 'nope'" in err
        assert out == ""
    else:
        assert sorted(json.loads(out)["article"]["findings"]) == found
