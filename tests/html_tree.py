"""A strict little HTML tree for the rendering tests.

It fails on any end tag that does not close the innermost open element, so a test that builds
the tree has proved the markup nests properly; then it answers the questions the tests ask
(elements by class or attribute, their text content).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from html.parser import HTMLParser

import attrs

VOID = frozenset({"meta", "br", "img", "input", "link", "hr", "source", "wbr", "area", "base"})


@attrs.define
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = attrs.field(factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        """The text content, as a browser's ``textContent`` gives it."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, where: Callable[[Node], bool]) -> list[Node]:
        return [node for node in self.iter() if where(node)]

    def by_class(self, name: str) -> list[Node]:
        return self.find_all(lambda node: name in node.classes)

    def by_attr(self, name: str, value: str | None = None) -> list[Node]:
        return self.find_all(
            lambda node: name in node.attrs and (value is None or node.attrs[name] == value)
        )


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attributes})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {n: v or "" for n, v in attributes}))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        open_tag = self.stack[-1].tag
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>: the markup does not nest"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(markup: str) -> Node:
    """The tree of ``markup``; raises AssertionError unless every element is closed in order."""
    builder = _Builder()
    builder.feed(markup)
    builder.close()
    assert len(builder.stack) == 1, f"unclosed elements: {[n.tag for n in builder.stack[1:]]}"
    return builder.root


def block_texts(root: Node) -> dict[int, str]:
    """The text of each drawn block of a report (blank lines have none), by block index."""
    texts = {}
    for block in root.by_attr("data-i"):
        parts = block.by_class("txt")
        if parts:
            texts[int(block.attrs["data-i"])] = parts[0].text()
    return texts
