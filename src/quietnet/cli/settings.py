"""`net settings` (show, set, reset, preset) and `net circles`."""

from typing import Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.cli.options import Json, Yes
from quietnet.core.me import MY_EMAILS
from quietnet.core.records import CIRCLES
from quietnet.core.settings import DEFAULT, KEYS, Settings
from quietnet.core.settings import preset as find
from quietnet.core.words import SEPARATOR, WORDS
from quietnet.ops import settings as doing
from quietnet.render.console import to_json
from quietnet.render.wording import capacity_lines, rhythm_phrase
from quietnet.store import settings as stored
from quietnet.store import words

app = typer.Typer()
settings_app = typer.Typer(invoke_without_command=True)
app.add_typer(settings_app, name="settings")

GUIDE = {
    "core": "about 5",
    "close": "about 15",
    "friends": "about 50",
    "network": "about 150",
    "acquaintance": "any",
}


def _store(ctx: typer.Context, new: Settings, summary: str) -> None:
    with context.get(ctx).write("settings") as s:
        doing.change(s, new, summary=summary)


@settings_app.callback()
def show(
    ctx: typer.Context,
    all_: Annotated[
        bool, typer.Option("--all", help="Also every number of the model: rhythms, weights, coefficients.")
    ] = False,
    json_: Json = False,
) -> None:
    """Show and tune the rhythm: weekly energy, daily maximum, cadences, coefficients.

    Alone, it shows the two settings people change (the weekly energy and the
    daily maximum) in plain words; --all adds every setting, its value and what
    it does. Settings live in the store, so every machine that shares it agrees.

    Examples:

    \b
      net settings
      net settings set weekly_energy 6
      net settings --all
      net settings preset sivers
      net settings --json
    """
    if ctx.invoked_subcommand is not None:
        return

    with context.get(ctx).read() as s:
        current = stored.load(s)
        worded = words.every(s) if all_ or json_ else {}
    values, defaults = current.to_dict(), DEFAULT.to_dict()
    if json_:  # the word settings too; one that holds several (my_emails) as a list
        several = {k: v.split(SEPARATOR) if v else [] for k, v in worded.items() if WORDS[k].many}
        say(to_json({**values, **worded, **several}))
        return

    def was(key: str) -> str:
        return "" if values[key] == defaults[key] else f" (default {_show(defaults[key])})"

    energy, most = values["weekly_energy"], values["daily_max"]
    say(f"Weekly energy: {energy} a week{was('weekly_energy')}. A meeting costs 3, a call 2, a message 1.")
    say(f"Daily maximum: {most} {'person' if most == 1 else 'people'} a day{was('daily_max')}.")
    say("To change them: net settings set weekly_energy 8, or net settings set daily_max 2.")
    if not all_:
        say("Everything else (rhythms, weights, coefficients): net settings --all")
        return
    say("")
    width = max(len(k) for k, _ in KEYS)
    for key, about in KEYS:
        value = values[key]
        mark = "" if value == defaults[key] else f"  (default {_show(defaults[key])})"
        say(f"{key:<{width}}  {_show(value):>6}  {about}{mark}")
    say("")
    for key, word in WORDS.items():
        mark = "" if worded[key] == word.default else f"  (default {word.default or 'none'})"
        shown = worded[key] or "none"
        if len(shown) <= 6:
            say(f"{key:<{width}}  {shown:>6}  {word.about}{mark}")
        else:  # wider than the column (several addresses): on the next line, the columns kept
            say(f"{key:<{width}}  {'':>6}  {word.about}{mark}")
            say(f"{'':<{width}}  {'':>6}  {shown}")


def _show(value: object) -> str:
    return "never" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


@settings_app.command("set", context_settings={"ignore_unknown_options": True})
def set_(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(metavar="KEY", help="A setting, as net settings lists them.")],
    value: Annotated[str, typer.Argument(metavar="VALUE", help="Its new value.")],
) -> None:
    """Change one setting.

    Examples:

    \b
      net settings set weekly_energy 6
      net settings set cadence.close 45
      net settings set daily_max 2
      net settings set review_day friday
      net settings set my_emails "ana@example.org, ana.r@work.example"
    """
    if key in WORDS:
        word = WORDS[key].check(value)
        with context.get(ctx).write("settings") as s:
            doing.change_word(s, key, word, summary=f"Set {key}")
        say(f"{key} is now {word or 'none'}.")
        return
    with context.get(ctx).read() as s:
        current = stored.load(s)
    new = current.with_value(key, value)
    _store(ctx, new, f"Set {key}")
    say(f"{key} is now {_show(new.to_dict()[key])}.")


@settings_app.command()
def reset(
    ctx: typer.Context,
    key: Annotated[
        str | None, typer.Argument(metavar="[KEY]", help="One setting; all when left out.")
    ] = None,
    yes: Yes = False,
) -> None:
    """Put one setting, or all of them, back to the default.

    Examples:

    \b
      net settings reset weekly_energy
      net settings reset --yes
    """
    if key in WORDS:
        word = WORDS[key].default
        with context.get(ctx).write("settings") as s:
            doing.change_word(s, key, word, summary=f"Reset {key}")
        say(f"{key} is back to {word or 'none'}.")
        return
    with context.get(ctx).read() as s:
        current = stored.load(s)
    if key is None:
        context.confirm("Put every setting back to its default?", yes=yes)
        with context.get(ctx).write("settings") as s:
            doing.change(s, DEFAULT, summary="Reset all settings")
            for name, spec in WORDS.items():
                if name != MY_EMAILS:  # your addresses are who you are, not a tuning: kept
                    words.put(s, name, spec.default)
        say("Every setting is back to its default.")
        return
    default = DEFAULT.to_dict().get(key)
    new = current.with_value(key, "never" if default is None else str(default))
    _store(ctx, new, f"Reset {key}")
    say(f"{key} is back to {_show(default)}.")


@settings_app.command()
def preset(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="sivers (21/60/180/365 days) or default.")],
) -> None:
    """Use a preset set of circle cadences.

    Examples:

    \b
      net settings preset sivers
      net settings preset default
    """
    chosen = find(name)
    with context.get(ctx).read() as s:
        current = stored.load(s)
    _store(ctx, current._replace(cadences=chosen.cadences), f"Preset {name}")
    days = " / ".join(_show(c) for c in chosen.cadences[:4])
    say(f"Cadences for core / close / friends / network are now {days} days.")


@app.command()
def circles(
    ctx: typer.Context,
    as_of: Annotated[str | None, typer.Option("--as-of", metavar="DATE", help="Look at another day.")] = None,
    json_: Json = False,
) -> None:
    """How many people sit in each circle, whose rhythm suggests another circle, and what they ask for.

    The last lines weigh what the circles' rhythms ask for in a week against the
    weekly energy, beside what you spent lately.

    Examples:

    \b
      net circles
      net circles --json
    """
    day = context.as_of(as_of)
    with context.get(ctx).read() as s:
        counts, hints, asked = doing.circles(s, today=day)
    if json_:
        rows = [{"circle": c, "people": counts[c], "guide": GUIDE[c]} for c in CIRCLES]
        moves = [
            {"id": i, "name": n, "circle": c, "suggested": to, "learned_cadence_days": round(cad, 2)}
            for i, n, c, to, cad, _ in hints
        ]
        say(to_json({"circles": rows, "hints": moves, **asked._asdict()}))
        return
    for c in CIRCLES:
        say(f"{c:<13}{counts[c]:>5}  (guide: {GUIDE[c]})")
    if hints:
        say("")
        say("Rhythms that may fit another circle:")
        for _, name, circle, to, cadence, pace in hints:
            rhythm = rhythm_phrase(cadence)
            say(f"  {name}: you meet {rhythm}, {pace} than {circle} allows; {to} may suit now.")
    say("")
    for line in capacity_lines(asked):
        say(line)
