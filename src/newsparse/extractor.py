"""What a plugin registers to add an extractor.

An extractor is a plain function from an :class:`~newsparse.model.Article` (structure done,
``findings`` holding only what the extractor said it ``needs``) to an iterable of findings:
frozen attrs objects with a ``span`` into ``article.source``, and usually ``text`` and
``part``.  The built-in quotes, numbers and places extractors are registered exactly this way,
through :func:`newsparse.hookspecs.newsparse_register_extractors`.

The checks here run when the plugin registers, so a mistake in a plugin's declaration is an
error at start-up with the plugin's name in it, not a surprise in the middle of a parse.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import attrs

from newsparse.errors import PluginError

if TYPE_CHECKING:
    from newsparse.model import Article

__all__ = ["ExtractFunction", "Extractor"]

#: The signature of an extractor's function: the article in, its findings out.
ExtractFunction = Callable[["Article"], Iterable[Any]]


def _check_name(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if (
        not isinstance(value, str)
        or not value
        or len(value) > 64
        or not value.isascii()
        or not value.replace("_", "").replace("-", "").isalnum()
    ):
        raise PluginError(
            f"extractor name {value!r} must be 1 to 64 ASCII letters, digits, '-' or '_'",
            plugin=value if isinstance(value, str) and value else None,
        )


def _to_needs(value: str | Iterable[str]) -> tuple[str, ...]:
    """``needs="quotes"`` means one extractor, not six one-letter ones."""
    if isinstance(value, str):
        return (value,)
    return tuple(value)


@attrs.frozen
class Extractor:
    """An extractor a plugin contributes through ``newsparse_register_extractors``.

    ``name`` keys its findings in ``Article.findings`` and is what users pass to
    ``parse(..., extractors=[...])``.  ``finding_type`` is the attrs class of every item it
    returns (it must have ``span`` and ``part`` fields); the host checks the type, span, text
    and part of every finding, and uses the class to read findings back from JSON.  ``needs``
    names the extractors whose findings it reads: they run first and their findings (and only
    theirs) are in the article it receives.  ``version`` is shown by ``newsparse plugins``.
    """

    name: str = attrs.field(validator=_check_name)
    extract: ExtractFunction = attrs.field(validator=attrs.validators.is_callable())
    finding_type: type[Any] = attrs.field(validator=attrs.validators.instance_of(type))
    version: str = attrs.field(default="0", validator=attrs.validators.instance_of(str))
    needs: tuple[str, ...] = attrs.field(default=(), converter=_to_needs)
    description: str = attrs.field(default="", validator=attrs.validators.instance_of(str))

    def __attrs_post_init__(self) -> None:
        finding_type: Any = self.finding_type
        if not attrs.has(finding_type):
            raise PluginError(
                f"extractor {self.name!r}: finding_type {finding_type.__name__} "
                "must be an attrs class",
                plugin=self.name,
            )
        fields = attrs.fields_dict(finding_type)
        for field, what in (
            ("span", "a newsparse.Span into article.source"),
            ("part", "the newsparse.Part it was read from"),
        ):
            if field not in fields:
                raise PluginError(
                    f"extractor {self.name!r}: finding_type {finding_type.__name__} "
                    f"needs a {field!r} field ({what})",
                    plugin=self.name,
                )
        for need in self.needs:
            if not isinstance(need, str):
                raise PluginError(
                    f"extractor {self.name!r}: needs must be extractor names, got {need!r}",
                    plugin=self.name,
                )
        if self.name in self.needs:
            raise PluginError(f"extractor {self.name!r} cannot need itself", plugin=self.name)
