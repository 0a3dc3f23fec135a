from __future__ import annotations

import json

import pytest

import newsparse
from newsparse.schema import json_schema
from tests.conftest import ROOT
from tests.test_model import _article

jsonschema = pytest.importorskip("jsonschema")
CHECKED_IN = ROOT / "docs" / "reference" / "article.schema.json"


def test_checked_in_schema_is_up_to_date() -> None:
    on_disk = json.loads(CHECKED_IN.read_text(encoding="utf-8"))
    assert on_disk == json_schema(), (
        "regenerate with: NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD=1 newsparse schema > " + str(CHECKED_IN)
    )


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())


def test_an_article_with_every_finding_type_validates() -> None:
    jsonschema.validate(_article().to_dict(), json_schema())


def test_parsed_seed_pages_validate(seed_page: str) -> None:
    jsonschema.validate(newsparse.parse(seed_page).to_dict(), json_schema())


def test_schema_rejects_a_misspelled_field() -> None:
    data = _article().to_dict()
    data["headlin"] = data.pop("headline")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema())
