"""Ways to help: a catalogue of small, concrete helps, and how `net give` picks from it.

Pure, like ``schedule.py``: plain frozen dataclasses in (what is known about one
person, the ideas shown last time), a short list out. No database, clock, Typer
or Rich; the store gathers the facts and the command passes them in.

Each idea has an effort (5 minutes, half an hour, an hour or more) and the data
that triggers it. The picker prefers ideas that answer something specific (an
open need, a referral to thank for, an introduction to check on), then ideas
from what you know of them (news, interests, past helps), then ideas that suit
anyone; it shows the smallest effort first and never repeats an idea shown in
the previous run for the same person.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from quietnet.core.text import fold

EFFORTS: dict[int, str] = {1: "5 minutes", 2: "half an hour", 3: "an hour or more"}


@dataclass(frozen=True)
class Idea:
    code: str
    effort: int  # a key of EFFORTS
    trigger: str  # a key of TRIGGERS
    text: str  # "{x}" is filled from the triggering data


# What each trigger reads, and how it ranks: 0 answers something specific, 2 suits anyone.
TRIGGERS: dict[str, tuple[int, str]] = {
    "need": (0, "an open need"),
    "job": (0, "an open need about work"),
    "draft": (0, "an open need for feedback"),
    "match": (0, "someone you know fits their need"),
    "referral": (0, "work that came through them"),
    "intro": (0, "an introduction you made"),
    "birthday": (0, "their birthday"),
    "goodnews": (1, "recent news"),
    "news": (1, "recent news"),
    "help": (1, "a past help"),
    "advice": (1, "advice they gave"),
    "interest": (1, "their interests"),
    "kindred": (1, "someone who shares an interest"),
    "role": (1, "their work"),
    "colleague": (1, "work you shared"),
    "company": (1, "their work"),
    "quiet": (1, "a quiet tie"),
    "event": (1, "an event you are going to"),
    "met": (1, "where you met"),
    "always": (2, "anyone"),
}

CATALOGUE: tuple[Idea, ...] = (
    Idea("forward-opening", 1, "need", 'Forward one opening, event or post that fits "{x}".'),
    Idea("send-resource", 1, "need", 'Send one useful link or resource for "{x}".'),
    Idea(
        "intro-for-need", 2, "match", "Offer a double opt-in introduction to {x}. Ask each privately first."
    ),
    Idea("reference", 2, "job", 'Offer to be a reference for "{x}".'),
    Idea("second-eyes", 2, "draft", 'Offer a second pair of eyes on "{x}".'),
    Idea("hour-on-need", 3, "need", 'Offer an hour on "{x}", the way you would like to be helped.'),
    Idea("thank-referrer", 1, "referral", "Thank them for {x}, and say how it turned out."),
    Idea("check-intro", 1, "intro", "Ask how things are going with {x} since you introduced them."),
    Idea("birthday", 1, "birthday", "Send a warm birthday wish ({x})."),
    Idea("congratulate", 1, "goodnews", 'Congratulate them on the news: "{x}".'),
    Idea("ask-news", 1, "news", 'Ask how "{x}" is going, and say no reply is needed.'),
    Idea("share-article", 1, "interest", "Share an article or video about {x} that you enjoyed."),
    Idea(
        "recommend-thing", 1, "interest", "Recommend one book, podcast or tool about {x} that you have used."
    ),
    Idea("point-community", 1, "interest", "Point them to a group, newsletter or meetup around {x}."),
    Idea("intro-for-interest", 2, "kindred", "Offer to introduce them to {x}. Ask each privately first."),
    Idea(
        "invite-to-share",
        3,
        "interest",
        "Invite them to share what they know about {x} at a group you are in.",
    ),
    Idea("close-loop-help", 1, "help", 'Ask how "{x}" worked out, so you both know it mattered.'),
    Idea("close-loop-advice", 1, "advice", 'Tell them what came of their advice ("{x}").'),
    Idea("endorse", 1, "role", "Name their skill as {x} where others can see it: a public thank-you."),
    Idea("recommendation", 3, "colleague", "Write a recommendation for the work you did together{x}."),
    Idea(
        "refer-work", 3, "role", "Think of one person who needs a {x}, and pass their name on (with a yes)."
    ),
    Idea("share-their-work", 1, "company", "Share or praise something their team at {x} put out."),
    Idea("no-ask-note", 1, "quiet", "Reconnect with a no-ask note: something that reminded you of them."),
    Idea("come-along", 1, "event", "Ask if they would like to come along to {x}."),
    Idea("met-follow-up", 1, "met", "Send the link or name you talked about at {x}."),
    Idea("reply-real", 1, "always", "Reply to something they shared with a real sentence, not a like."),
    Idea("thought-of-you", 1, "always", "Send a song, book or picture that made you think of them."),
    Idea("curious-question", 1, "always", "Ask one curious question about what they are working on."),
    Idea("old-thanks", 1, "always", "Thank them for something they did for you, however long ago."),
    Idea("warm-mention", 2, "always", "Mention them warmly to someone who would enjoy knowing them."),
    Idea("offer-skill", 2, "always", "Offer one thing you are good at, with no strings: a review, a tip."),
    Idea("small-gift", 3, "always", "Post something small and useful: a book you loved, a postcard."),
)
BY_CODE: dict[str, Idea] = {i.code: i for i in CATALOGUE}

JOB_WORDS = ("job", "role", "position", "work", "hiring", "career", "apply", "application", "interview")
DRAFT_WORDS = ("feedback", "review", "draft", "cv", "resume", "portfolio", "proposal", "talk", "deck")
GOOD_NEWS = (
    "new job", "promot", "launch", "married", "wedding", "baby", "born", "published", "award", "won",
    "graduat", "engaged", "anniversary", "opened", "finished", "funded", "book", "new role", "moved",
)  # fmt: skip
ADVICE_WORDS = ("advice", "advised", "suggested", "recommended", "tip")


@dataclass(frozen=True)
class Match:
    """Someone whose profile fits a need (or shares an interest)."""

    id: int
    name: str
    field: str  # role | company | interests
    value: str  # what in their profile fits
    need: str  # the need (or interest) it fits

    def phrase(self) -> str:
        about = {"role": f"{self.value}", "company": f"at {self.value}"}.get(self.field, self.value)
        return f'{self.name} ({about}) for "{self.need}"'


@dataclass(frozen=True)
class Facts:
    """What is known about one person that can suggest a way to help."""

    name: str
    interests: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    news: tuple[str, ...] = ()  # notes of interactions in the last 30 days, newest first
    helps: tuple[str, ...] = ()  # past helps with no outcome noted yet
    advice: tuple[str, ...] = ()  # notes that mention advice they gave
    referrals: tuple[str, ...] = ()  # work that came from or through them
    intros: tuple[str, ...] = ()  # people you introduced them to, not checked on yet
    matches: tuple[Match, ...] = ()  # people who fit one of their needs
    kindred: tuple[Match, ...] = ()  # people who share an interest
    role: str | None = None
    company: str | None = None
    origin: str | None = None
    quiet: bool = False  # no contact logged for a year or more
    birthday_in: int | None = None  # days until their birthday, when within two weeks
    events: tuple[str, ...] = ()  # upcoming events you are going to
    met_at: str | None = None  # the event where you first met


@dataclass(frozen=True)
class HelpIdea:
    code: str
    effort: int
    text: str
    because: str

    @property
    def effort_words(self) -> str:
        return EFFORTS[self.effort]


def _has(text: str, words: Iterable[str]) -> bool:
    folded = fold(text)
    return any(re.search(rf"\b{re.escape(w)}", folded) for w in words)


def _days(days: int) -> str:
    return "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"


def _details(trigger: str, f: Facts) -> list[str]:
    """The values a trigger offers for one person; empty when it does not apply."""
    company = f" at {f.company}" if f.company else ""
    found: dict[str, Sequence[str]] = {
        "need": f.needs,
        "job": [n for n in f.needs if _has(n, JOB_WORDS)],
        "draft": [n for n in f.needs if _has(n, DRAFT_WORDS)],
        "match": [m.phrase() for m in f.matches],
        "referral": [f'passing on "{w}"' for w in f.referrals],
        "intro": f.intros,
        "birthday": [] if f.birthday_in is None else [_days(f.birthday_in)],
        "goodnews": [n for n in f.news if _has(n, GOOD_NEWS)],
        "news": f.news,
        "help": f.helps,
        "advice": f.advice,
        "interest": f.interests,
        "kindred": [f"{m.name}, who also cares about {m.value}" for m in f.kindred],
        "role": [f.role] if f.role else [],
        "colleague": [company] if f.origin in ("colleague", "client") else [],
        "company": [f.company] if f.company else [],
        "quiet": [""] if f.quiet else [],
        "event": f.events,
        "met": [f.met_at] if f.met_at else [],
        "always": [""],
    }
    return list(found[trigger])


def candidates(f: Facts) -> list[tuple[int, int, int, HelpIdea]]:
    """Every idea that applies, as (tier, effort, catalogue order, suggestion)."""
    found = []
    for order, idea in enumerate(CATALOGUE):
        values = _details(idea.trigger, f)
        if not values:
            continue
        # spread ideas of the same trigger over the values (one interest each, say)
        value = values[order % len(values)] if idea.trigger == "interest" else values[0]
        tier, because = TRIGGERS[idea.trigger]
        text = idea.text.replace("{x}", value)
        found.append((tier, idea.effort, order, HelpIdea(idea.code, idea.effort, text, because)))
    return sorted(found, key=lambda c: c[:3])


def suggest(f: Facts, *, recent: Sequence[Collection[str]] = (), limit: int = 3) -> list[HelpIdea]:
    """Up to ``limit`` ideas, smallest effort first, none of them shown in the last run.

    ``recent`` holds the codes shown in the latest runs, newest first: the last
    run's are left out, and ideas not shown lately come before the rest, so
    repeated runs walk through the catalogue. At most two ideas come from the
    same trigger, so one need does not crowd out everything else; the ideas that
    suit anyone keep the list from ever running dry.
    """
    last = set(recent[0]) if recent else set()
    earlier = {code for run in recent[1:] for code in run}
    pool = [c for c in candidates(f) if c[3].code not in last]
    fresh = sorted(pool, key=lambda c: (c[3].code in earlier, c[0], c[1], c[2]))
    chosen: list[tuple[int, int, int, HelpIdea]] = []
    per_trigger: Counter[str] = Counter()
    for c in fresh:
        trigger = BY_CODE[c[3].code].trigger
        if per_trigger[trigger] < 2:
            chosen.append(c)
            per_trigger[trigger] += 1
        if len(chosen) == limit:
            break
    for c in fresh:
        if len(chosen) >= limit:
            break
        if c not in chosen:
            chosen.append(c)
    return [c[3] for c in sorted(chosen, key=lambda c: (c[1], c[0], c[2]))]


# -- matching needs against what other people know ----------------------------------------

STOPWORDS = frozenset(
    """a an and the for with from that this their them they into about some more near best nice find
    new good great someone somebody anyone help needs need looking want wants like place people person
    intro introduction advice tips who can could would in on of to at by or my our your""".split()  # noqa: SIM905
)


def stem(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def words(text: str | None) -> set[str]:
    """The meaningful words of a text, folded and lightly stemmed."""
    if not text:
        return set()
    raw = re.split(r"[^\w]+", fold(text))
    return {stem(w) for w in raw if len(w) >= 3 and w not in STOPWORDS and not w.isdigit()}


def related(a: str, b: str) -> bool:
    """Two words that name the same thing: equal, or sharing a long stem (accountant, accounting)."""
    return a == b or (len(a) >= 6 and len(b) >= 6 and a[:6] == b[:6])


@dataclass(frozen=True)
class Profile:
    """What another person could offer: their work and what they care about."""

    id: int
    name: str
    role: str | None = None
    company: str | None = None
    interests: str | None = None


def _fits(need_words: set[str], text: str | None) -> bool:
    return any(related(n, w) for n in need_words for w in words(text))


def matches(need: str, owner_id: int, profiles: Iterable[Profile], *, limit: int = 3) -> list[Match]:
    """People whose role, company or interests fit a need (never the person who has it)."""
    need_words = words(need)
    if not need_words:
        return []
    found = []
    for p in profiles:
        if p.id == owner_id:
            continue
        for rank, field in enumerate(("role", "company", "interests")):
            value = getattr(p, field)
            if _fits(need_words, value):
                found.append((rank, fold(p.name), p.id, Match(p.id, p.name, field, value, need)))
                break
    return [m for *_, m in sorted(found, key=lambda x: x[:3])][:limit]


def kindred(person: Profile, profiles: Iterable[Profile], *, limit: int = 2) -> list[Match]:
    """People who share one of this person's interests."""
    interests = [i.strip() for i in (person.interests or "").split(",") if i.strip()]
    found: dict[int, Match] = {}
    for interest in interests:
        wanted = words(interest)
        for p in sorted(profiles, key=lambda p: (fold(p.name), p.id)):
            if p.id != person.id and p.id not in found and wanted and _fits(wanted, p.interests):
                found[p.id] = Match(p.id, p.name, "interests", interest, interest)
    return list(found.values())[:limit]
