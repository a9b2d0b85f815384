"""Embedded tweets: found by their signature line, kept as quoted sources.

News sites paste tweets as Twitter's embed text: the tweet's lines, then a
signature ``— Name (@handle) Month D, YYYY`` (sometimes glued to the last
line). The signature is the reliable anchor; the tweet body is the run of
lines just above it that carry tweet markers (a @mention, #hashtag, t.co or
pic.twitter.com link). Article prose above it has none, which is where the
body stops.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from ..text.language import identify

SIGNATURE = re.compile(
    r"—\s*(?P<author>[^\n()—]+?)\s*\(@(?P<handle>[A-Za-z0-9_]{1,15})\)\s*"
    r"(?P<date>(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December) \d{1,2}, \d{4})[ \t]*(?=\r?$)",
    re.MULTILINE,
)
_MARKER = re.compile(r"(?:^|\s|\.)[@#][\w_]+|https?://t\.co/|pic\.twitter\.com/")
_LINK = re.compile(r"https?://t\.co/\w+|pic\.twitter\.com/\w+")


@dataclass(frozen=True)
class Tweet:
    author: str
    handle: str
    date: str                 # ISO date of the signature
    text: str                 # the tweet's words, as in the raw text
    lang: str
    links: tuple[str, ...]
    start: int                # raw span of the whole embed (body + signature)
    end: int
    text_start: int           # raw span of the body alone
    text_end: int

    @property
    def url(self) -> str:
        return f"https://twitter.com/{self.handle}"


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end == -1 else end)


def find_tweets(text: str, default_lang: str = "und") -> list[Tweet]:
    """All embedded tweets in ``text`` (a raw article), in order."""
    tweets: list[Tweet] = []
    floor = 0  # a tweet's body never reaches into the previous tweet
    for sig in SIGNATURE.finditer(text):
        line_start, line_end = _line_bounds(text, sig.start())
        body_start = cursor = line_start
        # Walk up while the line above is tweet-like.
        while cursor > floor:
            prev_start, _ = _line_bounds(text, cursor - 1)
            prev = text[prev_start:cursor - 1].rstrip("\r")
            if not prev.strip() or not _MARKER.search(prev) or SIGNATURE.search(prev):
                break
            body_start = cursor = prev_start
        body_end = sig.start()
        body = text[body_start:body_end]
        # trim whitespace inside the span so the span is the words
        lead = len(body) - len(body.lstrip())
        trail = len(body) - len(body.rstrip())
        t_start, t_end = body_start + lead, body_end - trail
        if t_start >= t_end:
            continue  # a signature with no tweet above it is not an embed
        words = text[t_start:t_end]
        date = datetime.strptime(sig["date"], "%B %d, %Y").date().isoformat()
        tweets.append(Tweet(
            author=sig["author"].strip(), handle=sig["handle"], date=date,
            text=words, lang=identify(words, default_lang),
            links=tuple(_LINK.findall(words)),
            start=t_start, end=sig.end(), text_start=t_start, text_end=t_end,
        ))
        floor = line_end
    return tweets
