"""The hostile-input cases of test_catalogue_*.py, counted together by test_catalogue.py.

Here the refused values of fields and options; the hostile files and stores are in cases_files.py.
"""

from __future__ import annotations

from tests.catalogue import Refusal

CIRCLES = "choose one of core, close, friends, network, acquaintance."


TRY = "Try 2025-06-19, yesterday, tue, last tuesday or 3 days ago."


NAME_CONTROL = "A name can't contain control characters (such as tabs, newlines or NUL)."


INVISIBLE = "A name can't be made only of invisible characters."


EMAIL_LONG = "a" * 250 + "@x.io"


LONG = "x" * 5000


CUT = "x" * 39 + "…"


SETTINGS = (
    "the settings are cadence.core, cadence.close, cadence.friends, cadence.network, cadence.acquaintance, "
    "full_weight.core, full_weight.close, full_weight.friends, full_weight.network, "
    "full_weight.acquaintance, "
    "closeness.core, closeness.close, closeness.friends, closeness.network, closeness.acquaintance, "
    "kin_factor, rhythm.prior_weight, rhythm.episode_fraction, rhythm.max_gaps, rhythm.clamp_low, "
    "rhythm.clamp_high, time_apart.span, coefficient.time_apart, coefficient.strength, coefficient.event, "
    "coefficient.loop, coefficient.dormant, coefficient.novelty, loop.promise, loop.need, event.window, "
    "event.logged_before, event.heads_up, dormant.days, dormant.tie_days, dormant.tie_closeness, "
    "rest.share, rest.min_days, weekly_energy, daily_max, review_day, smtp_url, my_emails."
)


TAG = "is not a usable tag; tags are single words like novel or climbing."


ASK = "Nothing was changed; run again with --yes to go ahead."


# Item 6: a refused value is repeated with its bad characters visible and cut short.
ECHOED = [
    Refusal(("log", "ana", "--on", "\x1b[2J"), f'Can\'t read "\\x1b[2J" as a date. {TRY}'),
    Refusal(("log", "edit", "1", "--on", "\x1b[2J"), f'Can\'t read "\\x1b[2J" as a date. {TRY}'),
    Refusal(("note", "ana", "x", "--on", "\x1b[2J"), f'Can\'t read "\\x1b[2J" as a date. {TRY}'),
    Refusal(("helped", "edit", "1", "--what", "\x1b[2J"),
            "What you did is one line: no newlines, tabs or other control characters."),
    Refusal(("add", "Tom", "--birthday", "\x1b]0;x\x07"),
            'Can\'t read "\\x1b]0;x\\x07" as a birthday. Try 06-21, 1980-06-21 or June 21.'),
    Refusal(("add", "Tom", "--circle", "\x1b[2J"), f'"\\x1b[2J" is not a circle; {CIRCLES}'),
    Refusal(("list", "--circle", LONG), f'"{CUT}" is not a circle; {CIRCLES}'),
    Refusal(("edit", "ana", "--origin", "\x9b2J"),
            '"\\x9b2J" is not an origin; choose one of colleague, client, shared-interest, friend, family, '
            "event, online, other."),
    Refusal(("list", "--sort", "\x1b[2J"), 'Sort by "name" or "last", not "\\x1b[2J".'),
    Refusal(("helped", "ana", "x", "--kind", "\x1b[2J" + LONG),
            f'"\\x1b[2J{"x" * 35}…" is not a kind of help; '
            "choose one of intro, advice, referral, resource, recommendation, favor, other."),
    Refusal(("settings", "set", "\x1b[2J", "3"), f"Unknown setting '\\x1b[2J'; {SETTINGS}"),
    Refusal(("settings", "set", "weekly_energy", "\x1b[2J"),
            "weekly_energy must be a whole number, 0 or more, not '\\x1b[2J'."),
    Refusal(("settings", "preset", LONG), f"Unknown preset '{CUT}'; the presets are default, sivers."),
    Refusal(("settings", "set", "review_day", "\x1b[2J"),
            "review_day is a day of the week, like monday or friday, not '\\x1b[2J'."),
    Refusal(("settings", "set", "smtp_url", "\x1b[2J" + LONG),
            "A mail server URL starts with smtp:// (STARTTLS), smtps:// (TLS) or smtp+plain:// "
            f"(a relay on this machine), not \\x1b[2J{'x' * 75}…."),
    Refusal(("remind", "email", "--to", "\x1b[2J@x"),
            "--to takes one email address, like you@example.org, not '\\x1b[2J@x'."),
    Refusal(("remind", "install", "--at", "\x1b[2J", "--email"),
            "--at takes a time of day as HH:MM, like 08:30 or 18:05, not '\\x1b[2J'."),
    Refusal(("settings", "set", "my_emails", "ana@x.org, \x1b[2J"),
            '"\\x1b[2J" does not look like an email address.'),
    Refusal(("capture", "mail", "/nowhere/\x1b[2J", "--me", "me@x.org", "--yes"),
            "The path /nowhere/\\x1b[2J holds a line break or another control character; "
            "choose or rename it to one without. Nothing was captured."),
    Refusal(("capture", "mail", "/", "--me", "\x1b[2J", "--yes"),
            '"\\x1b[2J" does not look like an email address.'),
    Refusal(("capture", "calendar", "/nowhere/\x1b[2J.ics", "--me", "me@x.org", "--yes"),
            "The path /nowhere/\\x1b[2J.ics holds a line break or another control character; "
            "choose or rename it to one without. Nothing was captured."),
    Refusal(("capture", "calendar", "/", "--me", "\x1b[2J", "--yes"),
            '"\\x1b[2J" does not look like an email address.'),
    Refusal(("restore", "\x1b[2J.db"),
            "The path \\x1b[2J.db holds a line break or another control character; "
            "choose or rename it to one without. Nothing was written."),
]  # fmt: skip


# Items 6 and 8: fields that stored escapes, or more than they should.
FIELDS = [
    Refusal(("add", "Tom", "--email", "tom@x.io\x1b]0;owned\x07"),
            '"tom@x.io\\x1b]0;owned\\x07" does not look like an email address.'),
    Refusal(("edit", "ana", "--email", "ana@x.io\nBcc: eve@x.io"),
            '"ana@x.io\\x0aBcc: eve@x.io" does not look like an email address.'),
    Refusal(("add", "Tom", "--email", EMAIL_LONG),
            "An email address can be at most 254 characters (this one has 255)."),
    Refusal(("add", "Tom", "--tag", "\x1b[2J"), f'"\\x1b[2J" {TAG}'),
    Refusal(("tag", "ana", "+a\x1b[31mred"), f'"a\\x1b[31mred" {TAG}'),
    Refusal(("tag", "ana", "+" + LONG), f'"{CUT}" {TAG}'),
    Refusal(("add", "Tom", "--phone", "123\n456"),
            "A phone number can't contain control characters (such as tabs, newlines or NUL)."),
    Refusal(("add", "Tom", "--city", "Lisbon\u202e"),
            "City is one line: no newlines, tabs or other control characters."),
    Refusal(("add", "Tom", "--company", "Acme\nlast      2020-01-01"),
            "Company is one line: no newlines, tabs or other control characters."),
    Refusal(("edit", "ana", "--role", "dev\tx"),
            "Role is one line: no newlines, tabs or other control characters."),
    Refusal(("add", "Tom", "--how-met", "a\nb"),
            "How met is one line: no newlines, tabs or other control characters."),
    Refusal(("promise", "ana", "a\nb"),
            "A promise is one line: no newlines, tabs or other control characters."),
    Refusal(("event", "log", "Party", "--promise", "ana: send slides\nForged: line"),
            "Each --promise is one line: no newlines, tabs or other control characters."),
    Refusal(("event", "log", "Party", "--met", "Cy: line\nX"),
            "Each --met is one line: no newlines, tabs or other control characters."),
    Refusal(("event", "plan", "Party", "--goal", "two\nX"),
            "A goal is one line: no newlines, tabs or other control characters."),
    Refusal(("event", "log", "Party", "--learned", "a\tb"),
            "What you learned is one line: no newlines, tabs or other control characters."),
    Refusal(("intro", "checked", "1", "--note", "they meet\nForged"),
            "How it went is one line: no newlines, tabs or other control characters."),
    Refusal(("add", "\u200b\u2060"), INVISIBLE),
    Refusal(("add", "\u200b \ufeff \u3164"), INVISIBLE),
    Refusal(("edit", "ana", "--name", "\u2060"), INVISIBLE),
    Refusal(("add", "Ana\u200eRuiz"), NAME_CONTROL),  # LRM
    Refusal(("add", "Ana\u200fRuiz"), NAME_CONTROL),  # RLM
    Refusal(("add", "Ana\u061cRuiz"), NAME_CONTROL),  # ALM
    Refusal(("add", "\u2067Ana"), NAME_CONTROL),  # an isolate
    Refusal(("add", "Tom", "--nickname", "#7"),
            'A nickname can\'t start with "#" (#7): #12 is how ids are written.'),
    Refusal(("edit", "ana", "--nickname", "#1"),
            'A nickname can\'t start with "#" (#1): #12 is how ids are written.'),
    Refusal(("add", "Tom", "--nickname", "ANI"),
            f'Ana Ruiz (#1) already goes by "ANI". Give Tom the same nickname? {ASK}'),
    Refusal(("edit", "lena", "--nickname", "Aní"),
            f'Ana Ruiz (#1) already goes by "Aní". Give Lena Park the same nickname? {ASK}'),
    Refusal(("add", "Tom", "--birthday", "2025-06-20"),
            'A birthday can\'t be after today (2025-06-19); "2025-06-20" has not happened yet. '
            "Give MM-DD if the year is unsure."),
    Refusal(("edit", "ana", "--birthday", "2199-01-01"),
            'A birthday can\'t be after today (2025-06-19); "2199-01-01" has not happened yet. '
            "Give MM-DD if the year is unsure."),
    Refusal(("log", "ana", "--on", "1899-12-31"),
            '"1899-12-31" falls outside the years 1900 to 2200; check the year.'),
    Refusal(("log", "ana", "--on", "200 years ago"),
            '"200 years ago" falls outside the years 1900 to 2200; check the year.'),
    Refusal(("due", "--as-of", "2201-01-01"),
            '"2201-01-01" falls outside the years 1900 to 2200; check the year.'),
]  # fmt: skip


CATALOGUE = ECHOED + FIELDS


# Issue 17, item 15: a value Typer can't convert is refused input (exit 1) in one sentence,
# like every other refusal; a missing argument or an unknown option stays a usage error (2).
VALUES = [
    Refusal(("review", "--format", "pdf"), '--format must be "text", "markdown" or "html", not "pdf".'),
    Refusal(("review", "-f", "\x1b[2J"), '--format must be "text", "markdown" or "html", not "\\x1b[2J".'),
    Refusal(("done", "abc"), 'ID must be a whole number, not "abc".'),
    Refusal(("add", "Tom", "--closeness", "nine"), '--closeness must be a whole number, not "nine".'),
    Refusal(("edit", "ana", "--closeness", "2.5"), '--closeness must be a whole number, not "2.5".'),
    Refusal(("export", "ics", "--days", "400"), '--days must be a whole number from 0 to 366, not "400".'),
    Refusal(("export", "ics", "--days=-1"), '--days must be a whole number from 0 to 366, not "-1".'),
    Refusal(("backup", "--keep", "0"), '--keep must be a whole number, 1 or more, not "0".'),
    Refusal(("work", "add", "Talk", "--value", "lots"), '--value must be a number, not "lots".'),
    Refusal(("event", "budget", "two"), 'N must be a whole number, not "two".'),
    Refusal(("--debug", "event", "budget", "budget"), 'N must be a whole number, not "budget".'),
    Refusal(("give", "ana", "--done", LONG), f'--done must be a whole number, not "{CUT}".'),
]
