"""What one line looks like on its own: its *kind*, before neighbours are considered.

Each line is read once, cheapest tests first: blank, page furniture from the phrase lists,
counters, credits and captions, date stamps, bylines, bullets, then its sentence shape (word
count and closing punctuation).  Every pattern is precompiled and bounded, so the cost of a line
is a handful of regex calls whatever its length.
"""

from __future__ import annotations

import enum
import re

import attrs

from newsparse.model import Label
from newsparse.structure.credits import CreditSplit, credit_only, split_credit
from newsparse.structure.lexicon import Lexicon, key

__all__ = [
    "BLANK",
    "TEXT_KINDS",
    "Kind",
    "LineFeatures",
    "classify",
    "date_line",
    "is_slug",
    "word_count",
    "word_tokens",
]


class Kind(enum.IntEnum):
    """The shape of a line taken alone."""

    BLANK = 0
    SHORT = 1  #: one or two words, no sentence: a menu item, a name, a label
    TITLE = 2  #: three or more words without closing punctuation: a title or heading
    SENTENCE = 3  #: a short sentence (fewer than eight words)
    PROSE = 4  #: running text: a long sentence or several
    BULLET = 5  #: a list item ("• ...", "1. ...")
    BOILER = 6  #: page furniture by the phrase lists
    STRONG = 7  #: furniture that never belongs to an article (copyright, paywall)
    COUNTER = 8  #: "3 of 10", a star rating, a line without letters
    DATE = 9  #: a date or time stamp
    BYLINE = 10  #: "By ..."
    CAPTION = 11  #: a caption with its credit, or marked as a caption
    CREDIT = 12  #: a credit standing alone
    PROMO = 13  #: "Watch: ...", "Listen ..."
    RELATED_PREFIX = 14  #: "Read more: <title>"
    RELATED_HEADER = 15  #: "Most read", "Related stories"


# Enum members as module globals: ``Kind.X`` and ``Label.X`` are look-ups through the enum's
# metaclass, several times dearer than a global, and these are read for every line of a page.
# The rules and the assembly import them from here.
K_BLANK = Kind.BLANK
K_BOILER = Kind.BOILER
K_BULLET = Kind.BULLET
K_BYLINE = Kind.BYLINE
K_CAPTION = Kind.CAPTION
K_COUNTER = Kind.COUNTER
K_CREDIT = Kind.CREDIT
K_DATE = Kind.DATE
K_PROMO = Kind.PROMO
K_PROSE = Kind.PROSE
K_RELATED_HEADER = Kind.RELATED_HEADER
K_RELATED_PREFIX = Kind.RELATED_PREFIX
K_SENTENCE = Kind.SENTENCE
K_SHORT = Kind.SHORT
K_STRONG = Kind.STRONG
K_TITLE = Kind.TITLE
L_BLANK = Label.BLANK
L_BODY = Label.BODY
L_BOILERPLATE = Label.BOILERPLATE
L_BYLINE = Label.BYLINE
L_CAPTION = Label.CAPTION
L_CREDIT = Label.CREDIT
L_DATE = Label.DATE
L_HEADLINE = Label.HEADLINE
L_IMAGE_TITLE = Label.IMAGE_TITLE
L_PROMO = Label.PROMO
L_RELATED = Label.RELATED
L_RELATED_HEADER = Label.RELATED_HEADER
L_SECTION = Label.SECTION
L_STANDFIRST = Label.STANDFIRST


#: Kinds of running article text.
TEXT_KINDS = frozenset({K_PROSE, K_SENTENCE, K_BULLET})

_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = re.compile(
    rf"(?<![\w])(?:\d{{1,2}}(?:st|nd|rd|th)?\.?\s{{1,2}}{_MONTH}\b"
    rf"|{_MONTH}\.?\s{{1,2}}\d{{1,2}}\b"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    r"|\d{1,2}[:.]\d{2}\s?(?:[AaPp]\.?[Mm]\b\.?|[A-Z]{2,4}\b)"
    r"|\d{1,2}:\d{2}\b"
    r"|\d{1,2}\s?[AaPp]\.?[Mm]\b"
    r"|\d{1,3}\s(?i:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\sago\b"
    r"|(?i:yesterday|today|just now)\b)"
)
# Where every numeric alternative of _DATE leaves its last digit: before a non-word character
# or the end (most), before an ordinal suffix or before "am"/"pm".  It opens with a digit, so
# the regex engine skips to digits instead of trying _DATE at every position.
_DATE_HINT = re.compile(r"\d(?:(?!\w)|st|nd|rd|th|[AaPp])")
# Words a date line may hold besides the date itself.
_DATE_WORDS = frozenset(
    (
        *("on", "at", "by", "ago", "am", "pm", "a.m.", "p.m.", "of", "the", "and"),
        *("et", "est", "edt", "pt", "gmt", "bst", "cet", "utc", "|", "-", "–", "—", ","),
        *("published", "updated", "posted", "last", "first", "modified", "created"),
        *("originally", "date", "time", "read", "min", "mins", "minute", "minutes"),
    )
)
_COUNTER = re.compile(
    r"(?:(?:image|photo|picture|slide|item|page)\s{1,3})?\d{1,4}\s{0,2}(?:of|/)\s{0,2}\d{1,4}",
    re.IGNORECASE,
)
_BULLET = re.compile(r"(?:[•·▪‣◦●■□➤►✓✔*]|[-–—]\s|\d{1,2}[.)]\s)")
_BULLET_OPENERS = frozenset("•·▪‣◦●■□➤►✓✔*-–—")  # with the digits, the first characters of _BULLET
_INNER_BY = re.compile(r"^(?:\w{1,20}\s){1,2}by\s{1,3}")
# "jane says:", "Bob. Just Bob. said:": the head of a reader comment.
_COMMENT_HEAD = re.compile(r"\s(?:says|said|wrote|writes|commented|replied):$")
_NOTICE_YEAR = re.compile(r"©\s{0,3}(?:\d{4}|copyright)|copyright\s{0,3}©", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}\.\w{2,20}")
_CRUMB = re.compile(r"\s[»›>/|]\s")
_TOKEN = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_URL = re.compile(r"(?:https?://|www\.)\S")
_CLOSERS = frozenset('.!?"”’)…:;»')
_SLUG = re.compile(r"[\w.]{1,60}(?:[-_][\w.]{1,60}){2,20}")


@attrs.define(slots=True)
class LineFeatures:
    """A line's kind and the facts the labeller needs about it.

    ``start``/``end`` delimit the stripped text inside the line; ``split`` is where a
    caption's credit lies (offsets into the line); ``skip``, when not 0, is where the text
    starts after a caption or related prefix such as ``Image caption,`` or ``Read more:``.
    The parser shares one object among identical lines of a page: once :func:`classify` has
    returned it, replace it (``attrs.evolve``) rather than change it.
    """

    kind: Kind
    words: int = 0
    start: int = 0
    end: int = 0
    split: CreditSplit | None = None
    skip: int = 0
    closed: bool = False  #: ends with closing punctuation
    flag: bool = False  #: a label such as "EXCLUSIVE" printed above a headline
    section: bool = False  #: a known section name ("Politics", "Health")
    question: bool = False  #: ends with a question mark


#: The features of every blank line (shared: nothing ever changes a blank line's kind).
BLANK = LineFeatures(K_BLANK)


def word_count(text: str) -> int:
    """Words, with a fallback for scripts written without spaces (about three characters each)."""
    words = text.count(" ") + 1
    if words < 4 and len(text) > 24 and not text.isascii():
        wide = sum(1 for ch in text if ord(ch) > 0x2E7F)
        if wide * 2 > len(text):
            return max(words, len(text) // 3)
    return words


def date_line(text: str, words: int) -> bool:
    """Whether the line is a date/time stamp: a date and little else."""
    if words > 14:
        return False
    # Without a digit that can end a numeric date (see _DATE_HINT), only the words can match;
    # for ASCII text (no "ſ" that (?i) matches as "s") str.lower() finds those exactly.
    if _DATE_HINT.search(text) is None and (text.isascii() or _DIGIT.search(text) is None):
        lowered = text.lower()
        if "yesterday" not in lowered and "today" not in lowered and "just now" not in lowered:
            return False
    rest, found = _DATE.subn(" ", text)  # one scan: subn counts what search would find
    if not found:
        return False
    other = 0
    for word in rest.split():
        lowered = word.lower().strip(",.:|()")
        if not lowered or lowered in _DATE_WORDS or not any(ch.isalpha() for ch in lowered):
            continue
        if word[0].islower():
            # A lower-case word in a line closed by a full stop makes it a sentence that
            # mentions a date ("Polls close at 10pm on 4 July."), not a stamp.
            if text.rstrip().endswith("."):
                return False
            other += 2
        else:
            other += 1
    return other <= 3


def classify(line: str, lexicon: Lexicon) -> LineFeatures:
    """The kind of one line (without its line break)."""
    stripped = line.strip()
    if not stripped:
        return BLANK
    start = line.index(stripped[0])
    end = start + len(stripped)
    words = stripped.count(" ") + 1
    if words < 4 and len(stripped) > 24:
        words = word_count(stripped)  # perhaps a script written without spaces
    closed = stripped[-1] in _CLOSERS and (
        stripped[-1] != ")" or stripped[-2:-1] in (".", "!", "?")
    )
    # Positional: keywords cost more, and every line that is not blank comes through here.
    # (kind, words, start, end, split, skip, closed, flag, section, question)
    feats = LineFeatures(
        K_TITLE, words, start, end, None, 0, closed, False, False, stripped[-1] == "?"
    )
    if (not stripped[0].isalpha() and _LETTER.search(stripped, 0, 200) is None) or (
        # A counter ends in a digit (\d is str.isdecimal): most lines skip the regex.
        words <= 5 and stripped[-1].isdecimal() and _COUNTER.fullmatch(stripped) is not None
    ):
        feats.kind = K_DATE if date_line(stripped, words) else K_COUNTER
        return feats
    if words > 30:
        lowered = stripped[:400].lower()
    elif "  " in stripped or "\t" in stripped or "\u00a0" in stripped:
        lowered = key(stripped)
    else:
        lowered = stripped.lower()  # already single-spaced: the same as key(), cheaper
    if words <= 3 and lowered.startswith(("http", "www.")) and _URL.match(lowered) is not None:
        feats.kind = K_BOILER
        return feats
    if (
        words <= 30
        # A lone character is found at memchr speed, a spaced one by a slower scan: the
        # spaced forms are looked for only in lines that hold the character.
        and (
            "»" in stripped
            or "›" in stripped
            or (">" in stripped and " > " in stripped)
            or ("/" in stripped and " / " in stripped)
            or ("|" in stripped and " | " in stripped)
        )
        and len(_CRUMB.findall(stripped)) >= 2
        and key(lowered.rsplit("|", 1)[-1]) not in lexicon.agencies
    ):
        feats.kind = K_BOILER
        feats.section = True  # a breadcrumb trail: its last step is the section
        return feats
    # Furniture is short: short lines are read word by word against the phrase lists,
    # longer ones only for the trigger words of notices (copyright, paywall).
    if words <= 16:
        tokens = word_tokens(lowered)
        strong = not lexicon.strong_triggers.isdisjoint(tokens)
    else:
        tokens = []
        strong = words <= 60 and _mentions(lowered, lexicon.notice_words)
    if (
        (
            strong
            and lexicon.strong_index.found(lowered, tokens if words <= 16 else word_tokens(lowered))
        )
        or (
            words <= 6
            and lowered.partition(" ")[0] in lexicon.end_headings
            and _end_heading(stripped, lowered, lexicon)
        )
    ) or (
        words <= 16
        and lowered.endswith(":")
        and _COMMENT_HEAD.search(lowered) is not None
        and (words <= 6 or _DATE.search(stripped) is not None)
    ):
        feats.kind = K_STRONG
        return feats
    if words <= 8:
        bare = lowered.rstrip(":.!?»›>|")
        if bare in lexicon.boilerplate:
            feats.kind = K_BOILER
            feats.flag = bare in lexicon.flags
            feats.section = bare in lexicon.sections
            return feats
        if bare in lexicon.related_headers or (
            words <= 7
            and lowered.startswith(lexicon.header_starts)
            and lexicon.related_header_start.match(lowered) is not None
        ):
            feats.kind = K_RELATED_HEADER
            return feats
        if bare in lexicon.flags:
            feats.kind = K_BOILER
            feats.flag = True
            return feats
    if (
        words <= 40
        and "A" <= stripped[0] <= "Z"  # the bio pattern opens with [A-Z]
        and _mentions(stripped, lexicon.bio_guards)
        and lexicon.bio.match(stripped) is not None
    ):
        feats.kind = K_BOILER  # a reporter's bio
        return feats
    if words <= 30 and "@" in stripped and _EMAIL.search(stripped) is not None:
        feats.kind = K_BOILER
        return feats
    if "©" in stripped and words <= 30 and _NOTICE_YEAR.search(stripped) is not None:
        feats.kind = K_BOILER
        return feats
    if lowered.startswith(lexicon.promo_starts) and lexicon.promo_prefix.match(lowered):
        feats.kind = K_PROMO
        return feats
    if words > 2 and lowered.startswith(lexicon.related_starts):
        related = lexicon.related_prefix.match(lowered)
        if related is not None:
            feats.kind = K_RELATED_PREFIX
            feats.skip = _skip(line, start, related.end())
            return feats
    if words <= 80:
        prefix = (
            lexicon.caption_prefix.match(lowered)
            if lowered.startswith(lexicon.caption_starts)
            else None
        )
        suffix = (
            lexicon.caption_suffix.search(lowered)
            if lowered.endswith(lexicon.caption_ends)
            else None
        )
        if (
            prefix is not None
            or suffix is not None
            or _credit_hint(stripped, lowered, words, lexicon)
        ) and _caption(line, stripped, prefix, suffix, feats, lexicon):
            return feats
    if words <= 14 and date_line(stripped, words):
        feats.kind = K_DATE
        return feats
    if words <= 20 and (
        "by" in tokens or " by " in lowered or lowered.startswith(lexicon.byline_starts)
    ):
        byline = (
            lexicon.byline_prefix.match(lowered)
            if lowered.startswith(lexicon.byline_starts)
            else None
        )
        if byline is None and words <= 10:
            byline = _INNER_BY.search(stripped)
        if (
            byline is not None
            and stripped[byline.end() : byline.end() + 1].isupper()
            and (words <= 12 or _DATE.search(stripped) is not None)
        ):
            feats.kind = K_BYLINE
            return feats
    if (
        words >= 3
        # Most lines open with a letter: test the first character before the regex.
        and (stripped[0] in _BULLET_OPENERS or stripped[0].isdecimal())
        and _BULLET.match(stripped) is not None
    ):
        feats.kind = K_BULLET
        return feats
    if (
        words <= 12
        and not lexicon.contains_triggers.isdisjoint(tokens)
        and lexicon.contains_index.found(lowered, tokens)
    ):
        feats.kind = K_BOILER
        return feats
    if words >= 20 or (words >= 8 and closed) or _life_facts(lowered, words, lexicon):
        feats.kind = K_PROSE
    elif closed and words >= 3 and stripped[-1] in '.!?"”’…':
        feats.kind = K_SENTENCE
    elif words <= 2:
        feats.kind = K_SHORT
    return feats


# Every ASCII character that is not a word character, as a space: for an ASCII line,
# translating through this table and splitting on spaces gives its runs of word characters.
_ASCII_WORDS = bytes(
    32 if ch < 128 and not (chr(ch).isalnum() or ch == 95) else ch for ch in range(256)
)


def word_tokens(lowered: str) -> list[str]:
    """The words (runs of word characters) of a line; a byte-level split for ASCII lines."""
    if not lowered.isascii():
        # Curly quotes, dashes and no-break spaces are most of what keeps news text from
        # being ASCII; none is a word character, so a space in their place leaves the words.
        plain = (
            lowered.replace("’", " ")
            .replace("\u00a0", " ")
            .replace("“", " ")
            .replace("”", " ")
            .replace("–", " ")
            .replace("—", " ")
            .replace("‘", " ")
            .replace("…", " ")
        )
        if not plain.isascii():
            return _TOKEN.findall(lowered)
        lowered = plain
    return lowered.encode("ascii").translate(_ASCII_WORDS).decode("ascii").split()


def _end_heading(stripped: str, lowered: str, lexicon: Lexicon) -> bool:
    """A heading such as "About Acme Corp" that opens a press release's closing notes."""
    first, _, rest = lowered.partition(" ")
    return bool(rest) and first in lexicon.end_headings and stripped[len(first) + 1 :][:1].isupper()


def _life_facts(lowered: str, words: int, lexicon: Lexicon) -> bool:
    """An obituary's closing line ("..., born 14 May 1941; died 9 January 2026")."""
    facts = lexicon.life_facts
    if not facts or not 4 <= words <= 40:
        return False
    for word in facts:  # noqa: SIM110 - a plain loop is cheaper than all() over a generator
        if word not in lowered:
            return False
    return True


def _mentions(lowered: str, words: tuple[str, ...]) -> bool:
    for word in words:  # noqa: SIM110 - a plain loop is cheaper than any() over a generator
        if word in lowered:
            return True
    return False


def _credit_hint(stripped: str, lowered: str, words: int, lexicon: Lexicon) -> bool:
    """Cheap signs that a line may carry a credit; without one, no credit rule can match."""
    if ")" in stripped[-4:] or "]" in stripped[-4:] or "©" in stripped or "/" in stripped:
        return True
    separated = (
        ":" in stripped
        or ("-" in stripped and " - " in stripped)  # the lone character first, as above
        or "–" in stripped
        or "—" in stripped
    ) or " by " in lowered
    # After these a credit follows a marker word ("Photo: ...", "Picture by ..."); a line
    # without one can still be a lone credit when short.  (Past 30 words ``lowered`` holds
    # only the start of the line, too little to rule a marker out.)
    if separated and (words <= 8 or words > 30 or _mentions(lowered, lexicon.marker_cores)):
        return True
    if words <= 8 and lowered.startswith(lexicon.credit_prefixes):
        return True  # "Image source, Jane Doe": a lone credit after its label
    # The last word, as a lone credit's agency is read: past any closing brackets.
    tail = lowered[-30:].rstrip("()[]").rsplit(None, 1)
    return bool(tail) and tail[-1].strip(".,;)([]") in lexicon.agency_tails


def is_slug(text: str) -> bool:
    """An image file name or URL slug standing for a picture (``img-harbour-row``)."""
    return " " not in text and _SLUG.fullmatch(text) is not None


def _skip(line: str, start: int, length: int) -> int:
    """Characters from the line start to the text after a prefix of ``length`` key chars."""
    position = start + length
    while position < len(line) and line[position] in " \t\u00a0":
        position += 1
    return min(position, len(line))


def _caption(
    line: str,
    stripped: str,
    prefix: re.Match[str] | None,
    suffix: re.Match[str] | None,
    feats: LineFeatures,
    lexicon: Lexicon,
) -> bool:
    """Mark captions (with a credit or a caption label) and lone credits.

    ``prefix`` and ``suffix`` are the caption labels found at either end of the line; without
    either, the caller has seen a credit hint.
    """
    end = None
    if suffix is not None:
        end = feats.start + len(stripped[: suffix.start()].rstrip())
    split = split_credit(line, lexicon, end=end)
    if split is not None and not line[: split.caption_end].strip():
        if feats.words <= 14:
            feats.kind = K_CREDIT
            feats.split = split
            return True
        return False
    if split is not None:
        caption_words = line[feats.start : split.caption_end].count(" ") + 1
        if caption_words >= 2:
            feats.kind = K_CAPTION
            feats.split = split
            if prefix is not None:
                feats.skip = _skip(line, feats.start, prefix.end())
            return True
        return False
    if feats.words <= 8 and prefix is None and suffix is None:
        alone = credit_only(line, lexicon, unsplit=True)  # split_credit(line) found nothing
        if alone is not None:
            feats.kind = K_CREDIT
            feats.split = alone
            return True
    if prefix is not None or suffix is not None:
        feats.kind = K_CAPTION
        if prefix is not None:
            feats.skip = _skip(line, feats.start, prefix.end())
        if end is not None:
            feats.split = CreditSplit(end, end, end)
        return True
    return False
