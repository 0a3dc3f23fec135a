"""Split a photo credit off a caption line.

Credits come in many dresses: ``(Picture: X)``, ``Photo: X/Getty Images``, ``Credit: PA``,
``(Image: Reuters)``, ``Photograph: X``, ``© EPA``, ``(NPW Photo/X)``, a bare
``X/AFP via Getty Images`` after the last sentence, or a line of its own.  The rules look at the
end of the line only, so a credit-like phrase inside a sentence is left alone.
"""

from __future__ import annotations

import re

import attrs

from newsparse.structure.lexicon import Lexicon, key

__all__ = ["CreditSplit", "credit_only", "split_credit"]

# A trailing parenthesis: "(Picture: Volodymyr Zelensky)", "(NPW Photo/Rod Emmett)".
_TRAILING_PAREN = re.compile(r"[(\[]([^()\[\]\n]{1,160})[)\]][\s.]{0,3}$")
# "© 2019 Hearst Communications, Inc.": a copyright notice, not a photo credit.
_NOTICE = re.compile(r"\d{4}|copyright|\b(?:inc|llc|ltd|corporation|rights)\b", re.IGNORECASE)
_COPYRIGHT = re.compile(r"©\s{0,3}([^©\n]{1,120})$")
# "... in July. Dana Carrow/AP", "Jane Doe/AFP via Getty Images": names, a slash, an agency.
_NAME = r"[A-Z][\w'’.-]{0,30}"
_SLASH_CREDIT = re.compile(
    rf"(?:^|(?<=[.!?)\]”\"’:;,]\s)|(?<=[.!?)\]”\"’]))\s?"
    rf"((?:{_NAME}[ ]){{0,4}}{_NAME}[ ]?/[ ]?[A-Z][\w'’.&-]{{0,30}}(?:[ ][A-Z][\w'’.&-]{{0,30}}){{0,3}}"
    rf"(?:[ ]via[ ]Getty[ ]Images)?)\s{{0,3}}$"
)
_VIA_GETTY = re.compile(
    rf"(?:^|(?<=[.!?)\]”\"’]\s))((?:{_NAME}[ ]){{0,5}}via[ ]Getty[ ]Images)\s{{0,3}}$"
)
_LAST_SENTENCE = re.compile(r"(?:^|[.!?”\"’]\s{1,3})([^.!?”\"’]{1,60})$")


@attrs.frozen
class CreditSplit:
    """Where a line's caption text ends and its credit lies, as offsets into the line."""

    caption_end: int
    credit_start: int
    credit_end: int


def _trim(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and line[start] in " \t\u00a0([:-–—,":
        start += 1
    while end > start and line[end - 1] in " \t\u00a0)].,;":
        end -= 1
    return start, end


def _caption_end(line: str, end: int) -> int:
    while end > 0 and line[end - 1] in " \t\u00a0(-–—|,;":
        end -= 1
    return end


def _credible(credit: str) -> bool:
    words = credit.split()
    return 0 < len(words) <= 12 and any(ch.isalpha() for ch in credit)


def _agency_like(inner: str, lexicon: Lexicon) -> bool:
    lowered = key(inner)
    return (
        "/" in inner
        or lexicon.credit_agency.search(lowered) is not None
        or lowered.split(" ", 1)[0] in lexicon.marker_words
    )


def _person_or_agency(credit: str, lexicon: Lexicon) -> bool:
    """A slash credit names a person before the slash or an agency after it."""
    head, _, tail = credit.partition("/")
    lowered_tail = key(tail).split(" via ", 1)[0]
    return head.strip().count(" ") >= 1 or lowered_tail in lexicon.agencies


def split_credit(line: str, lexicon: Lexicon, *, end: int | None = None) -> CreditSplit | None:
    """Find a credit at the end of ``line[:end]``; ``None`` when there is none.

    ``caption_end`` may be 0: then the whole line is a credit.
    """
    stop = len(line) if end is None else end
    text = line[:stop].rstrip()
    if len(text) > 2000 or not text:
        return None
    if ")" in text[-4:] or "]" in text[-4:]:
        paren = _TRAILING_PAREN.search(text)
        if paren is not None:
            inside = _paren_credit(line, paren, lexicon)
            if inside is not None:
                return inside
    lowered = text.lower()
    last = _last_marker(lowered, lexicon)
    if last is not None and _marker_starts_word(text, last.start()):
        start, finish = _trim(line, last.end(), stop)
        if start < finish and _credible(line[start:finish]):
            return CreditSplit(_caption_end(line, last.start()), start, finish)
    if "©" in text:
        copyright_ = _COPYRIGHT.search(text)
        if (
            copyright_ is not None
            and _credible(copyright_.group(1))
            and _NOTICE.search(copyright_.group(1)) is None
        ):
            start, finish = _trim(line, copyright_.start(1), copyright_.end(1))
            if start < finish:
                return CreditSplit(_caption_end(line, copyright_.start()), start, finish)
    # Each pattern holds its text literally: without it, its search would find nothing.
    for pattern, needed in ((_VIA_GETTY, "via Getty Images"), (_SLASH_CREDIT, "/")):
        if needed in text:
            hit = pattern.search(text)
            if hit is not None and (
                pattern is _VIA_GETTY or _person_or_agency(hit.group(1), lexicon)
            ):
                start, finish = _trim(line, hit.start(1), hit.end(1))
                if start < finish:
                    return CreditSplit(_caption_end(line, hit.start(1)), start, finish)
    last_word = lowered[-40:].rsplit(None, 1)[-1].strip(".,;)(")
    if last_word in lexicon.agency_tails or "/" in last_word:
        tail = _LAST_SENTENCE.search(text)
        if tail is not None:
            words = key(tail.group(1))
            if words in lexicon.agencies or words.split("/", 1)[0] in lexicon.agencies:
                start, finish = _trim(line, tail.start(1), tail.end(1))
                if start < finish:
                    return CreditSplit(_caption_end(line, tail.start(1)), start, finish)
    return None


def _marker_starts_word(text: str, start: int) -> bool:
    """The marker begins a word, or is glued to the caption ("...treatmentCredit: EPA")."""
    if start == 0 or not text[start - 1].isalnum():
        return True
    return text[start].isupper() and text[start - 1].islower()


_SEPARATORS = (":", " - ", " – ", " — ", " by ")


def _last_marker(lowered: str, lexicon: Lexicon) -> re.Match[str] | None:
    """The last "Photo:"-style marker, looked for only just before each colon or dash."""
    for core in lexicon.marker_cores:  # a plain loop: cheaper than any() over a generator
        if core in lowered:
            break
    else:
        return None  # every marker holds a core, so without one no marker can match
    best: re.Match[str] | None = None
    for separator in _SEPARATORS:
        if separator not in lowered:
            continue
        position = len(lowered)
        for _ in range(3):
            position = lowered.rfind(separator, 0, position)
            if position < 0:
                break
            window = max(0, position - 24)
            for found in lexicon.credit_marker.finditer(lowered, window, position + 8):
                if best is None or found.start() > best.start():
                    best = found
    return best


def _paren_credit(line: str, paren: re.Match[str], lexicon: Lexicon) -> CreditSplit | None:
    inner = paren.group(1)
    marker = lexicon.credit_marker.match(inner.lower())
    if marker is not None:
        start, finish = _trim(line, paren.start(1) + marker.end(), paren.end(1))
    elif _agency_like(inner, lexicon) and _credible(inner):
        start, finish = _trim(line, paren.start(1), paren.end(1))
    else:
        return None
    if start < finish:
        return CreditSplit(_caption_end(line, paren.start()), start, finish)
    return None


def credit_only(line: str, lexicon: Lexicon, *, unsplit: bool = False) -> CreditSplit | None:
    """A credit standing on a line of its own: ``(Reed Saxon / AP)``, ``Getty Images``.

    ``unsplit`` says the caller has already found ``split_credit(line, lexicon)`` to be
    ``None``, so it is not asked again.
    """
    stripped = line.strip()
    if not stripped or len(stripped) > 120:
        return None
    lowered_line = key(stripped)
    if lowered_line.startswith(lexicon.credit_prefixes):
        # "Image source, Getty Images": a label, then the credit.
        cut = next(p for p in lexicon.credit_prefixes if lowered_line.startswith(p))
        offset = line.index(stripped[0]) + len(cut)
        start, finish = _trim(line, offset, len(line.rstrip()))
        if start < finish:
            return CreditSplit(0, start, finish)
    found = None if unsplit else split_credit(line, lexicon)
    if found is not None and not line[: found.caption_end].strip():
        return found
    lowered = key(stripped.strip("()[]"))
    words = lowered.split()
    if len(words) <= 7:
        for cut in (", ", " / ", "/", " - ", " | "):
            head, sep, tail = lowered.rpartition(cut)
            if sep and head and tail in lexicon.agencies:
                start, finish = _trim(line, line.index(stripped[0]), len(line.rstrip()))
                return CreditSplit(0, start, finish)
    if (
        stripped.startswith("(")
        and stripped.endswith(")")
        and _credible(stripped[1:-1])
        and ("/" in stripped or lexicon.credit_agency.search(lowered) or len(words) <= 5)
    ):
        start, finish = _trim(line, line.index("(") + 1, line.rindex(")"))
        return CreditSplit(0, start, finish)
    return None
