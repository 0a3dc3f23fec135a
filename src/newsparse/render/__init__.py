"""Pictures of an article for people: the HTML report and the coloured terminal outline.

:func:`to_html` (also :meth:`newsparse.Article.to_html` and ``newsparse render``) writes one
self-contained HTML file showing the page as newsparse read it; plugins choose how their
findings are drawn through the ``newsparse_render_finding`` hook.
:func:`~newsparse.render.terminal.terminal_outline` is what ``newsparse parse --format text``
prints.
"""

from __future__ import annotations

from newsparse.render.drawing import Drawing, default_drawing
from newsparse.render.html import render_html as to_html
from newsparse.render.terminal import color_enabled, terminal_outline

__all__ = ["Drawing", "color_enabled", "default_drawing", "terminal_outline", "to_html"]
