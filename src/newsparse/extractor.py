"""What a plugin registers to add an extractor.

An extractor is a plain function from an :class:`~newsparse.model.Article` (structure done,
``findings`` holding only what the extractor said it ``needs``) to an iterable of findings:
frozen attrs objects with a ``span`` into ``article.source``, and usually ``text`` and
``part``.  The built-in quotes, numbers and places extractors are registered exactly this way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs

from newsparse.errors import PluginError

__all__ = ["ExtractFunction", "Extractor"]

ExtractFunction = Callable[[Any], Iterable[Any]]


def _check_name(instance: Extractor, attribute: attrs.Attribute[str], value: str) -> None:
    if not value or not value.replace("_", "").replace("-", "").isalnum() or not value.isascii():
        raise PluginError(
            f"extractor name {value!r} must be non-empty ASCII letters, digits, '-' or '_'",
            plugin=value or None,
        )


@attrs.frozen
class Extractor:
    """An extractor a plugin contributes through ``newsparse_register_extractors``.

    ``name`` keys its findings in ``Article.findings`` and is what users pass to
    ``parse(..., extractors=[...])``.  ``finding_type`` is the attrs class of every item it
    returns; the host checks the type and the spans, and uses the class to read findings back
    from JSON.  ``needs`` names the extractors whose findings it reads: they run first and
    their findings are in the article it receives.
    """

    name: str = attrs.field(validator=_check_name)
    extract: ExtractFunction = attrs.field(validator=attrs.validators.is_callable())
    finding_type: type[Any] = attrs.field(validator=attrs.validators.instance_of(type))
    version: str = "0"
    needs: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    description: str = ""

    def __attrs_post_init__(self) -> None:
        if not attrs.has(self.finding_type):
            raise PluginError(
                f"extractor {self.name!r}: finding_type {self.finding_type.__name__} "
                "must be an attrs class",
                plugin=self.name,
            )
        if self.name in self.needs:
            raise PluginError(f"extractor {self.name!r} cannot need itself", plugin=self.name)
