"""The hostile-input catalogue, names: ambiguous and forgotten people, wildcards (test_catalogue_names.py)."""

from __future__ import annotations

from tests.catalogue import FORGOTTEN as GONE
from tests.catalogue import Refusal

SAM = (
    '"sam" could be several people: Sam Green (#2), Sam Brown (#3), Sam Green (#4). '
    "Use more of the name or the #id; nothing was changed."
)


TWINS = (
    '"sam green" could be several people: Sam Green (#2), Sam Green (#4). '
    "Use more of the name or the #id; nothing was changed."
)


NO_ONE = f"No one has the id {GONE}."


# Every command that takes a name, with a name that fits several people.
AMBIGUOUS = [
    Refusal(("log", "sam green", "call"), TWINS),
    Refusal(("log", "ana", "sam", "coffee"), SAM),
    Refusal(("helped", "sam green", "lent a ladder"), TWINS),
    Refusal(("show", "sam"), SAM),
    Refusal(("why", "sam green"), TWINS),
    Refusal(("edit", "sam green", "--city", "Porto"), TWINS),
    Refusal(("tag", "sam", "+climbing"), SAM),
    Refusal(("promise", "sam", "send the slides"), SAM),
    Refusal(("need", "sam green", "a flat"), TWINS),
    Refusal(("snooze", "sam", "--for", "2 weeks"), SAM),
    Refusal(("archive", "sam green"), TWINS),
    Refusal(("unarchive", "sam"), SAM),
    Refusal(("forget", "sam green", "--yes"), TWINS),
    Refusal(("merge", "sam", "ana", "--yes"), SAM),
    Refusal(("merge", "ana", "sam green", "--yes"), TWINS),
    Refusal(("give", "sam"), SAM),
    Refusal(("give", "sam green", "--save", "a link"), TWINS),
    Refusal(("intro", "sam", "ana", "both climb"), SAM),
    Refusal(("intro", "ana", "sam green", "both climb"), TWINS),
    Refusal(("intro", "ana", "sam brown", "both climb", "--asked-by", "sam green"), TWINS),
    Refusal(("intro", "ask", "1", "--who", "sam"), SAM),
    Refusal(("work", "add", "Site", "--from", "sam", "--path", "referral"), SAM),
    Refusal(("work", "add", "Site", "--from", "ana", "--via", "sam green", "--path", "referral"), TWINS),
    Refusal(("event", "consider", "Meetup", "--knows", "sam"), SAM),
    Refusal(("event", "log", "Meetup", "--promise", "sam green: the slides"), TWINS),
    Refusal(("log", "edit", "1", "--with", "ana", "--with", "sam"), SAM),
    Refusal(("note", "sam green", "started a new job"), TWINS),
]


# The #id of someone forgotten names no one, in every command.
FORGOTTEN = [
    Refusal(("log", GONE), NO_ONE),
    Refusal(("helped", GONE, "x"), NO_ONE),
    Refusal(("show", GONE), NO_ONE),
    Refusal(("why", GONE), NO_ONE),
    Refusal(("edit", GONE, "--city", "X"), NO_ONE),
    Refusal(("promise", GONE, "x"), NO_ONE),
    Refusal(("snooze", GONE, "--for", "2 weeks"), NO_ONE),
    Refusal(("archive", GONE), NO_ONE),
    Refusal(("forget", GONE, "--yes"), NO_ONE),
    Refusal(("tag", GONE, "+x"), NO_ONE),
    Refusal(("merge", "ana", GONE, "--yes"), NO_ONE),
    Refusal(("give", GONE), NO_ONE),
    Refusal(("intro", "ana", GONE, "why"), NO_ONE),
    Refusal(("work", "add", "X", "--from", GONE, "--path", "referral"), NO_ONE),
    Refusal(("event", "consider", "Meetup", "--knows", GONE), NO_ONE),
    Refusal(("log", "edit", "1", "--with", GONE), NO_ONE),
    Refusal(("note", GONE, "x"), NO_ONE),
]


# % and _ are characters, not patterns: "a%" is not a prefix of "a_b" or "axb".
WILDCARDS = [
    Refusal(("log", "%"), 'No one called "%". Add them with: net add "%"'),
    Refusal(("log", "_"), 'No one called "_". Add them with: net add "_"'),
    Refusal(("show", "a%"), 'No one called "a%". Add them with: net add "a%"'),
    Refusal(("show", "_xb"), 'No one called "_xb". Did you mean axb or a_b?'),
    Refusal(("merge", "100%", "%", "--yes"), 'No one called "%". Add them with: net add "%"'),
]
