"""A realistic sample network for `net demo`: 45 people over two years.

Deterministic for a given ``today``: the same day always builds the same store.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from quietnet.core.kinds import lookup
from quietnet.engine.sqlite import Session
from quietnet.store import interactions, journal, loops, people

# (name, circle, origin, company or interest, city)
PEOPLE: tuple[tuple[str, str, str, str, str], ...] = (
    ("Ana Ruiz", "core", "colleague", "Northwind", "Lisbon"),
    ("Tom Baker", "core", "friend", "climbing", "Bristol"),
    ("Mei Chen", "core", "family", "ceramics", "Leeds"),
    ("Sam Okafor", "core", "colleague", "Fabrikam", "London"),
    ("Zoë Laurent", "close", "client", "Contoso", "Lyon"),
    ("Liam O'Brien", "close", "colleague", "Tailspin", "Dublin"),
    ("Priya Nair", "close", "client", "Litware", "Bangalore"),
    ("Jonas Berg", "close", "shared-interest", "open source", "Oslo"),
    ("Fatima Zahra", "close", "friend", "poetry", "Rabat"),
    ("Diego Alvarez", "close", "colleague", "Adatum", "Madrid"),
    ("Hana Sato", "close", "client", "Wingtip", "Osaka"),
    ("Noah Fischer", "close", "shared-interest", "cycling", "Berlin"),
    ("Grace Kim", "close", "colleague", "Proseware", "Seoul"),
    ("Owen Price", "friends", "client", "Lucerne", "Cardiff"),
    ("Lucía Romero", "friends", "event", "design systems", "Seville"),
    ("Ahmed Hassan", "friends", "colleague", "Fourth Coffee", "Cairo"),
    ("Elena Popescu", "friends", "online", "typography", "Bucharest"),
    ("Kofi Mensah", "friends", "shared-interest", "chess", "Accra"),
    ("Sofia Rossi", "friends", "client", "Margie's", "Milan"),
    ("Ben Carter", "friends", "friend", "running", "Leeds"),
    ("Aiko Tanaka", "friends", "colleague", "Alpine Ski", "Tokyo"),
    ("Marta Nowak", "friends", "client", "Coho", "Kraków"),
    ("Ravi Patel", "friends", "event", "accessibility", "Pune"),
    ("Chloé Martin", "friends", "shared-interest", "birding", "Nantes"),
    ("Isaac Levi", "friends", "colleague", "Blue Yonder", "Haifa"),
    ("Nia Williams", "friends", "online", "podcasting", "Swansea"),
    ("Lars Eriksen", "friends", "client", "Relecloud", "Aarhus"),
    ("Yara Haddad", "network", "event", "product research", "Beirut"),
    ("Peter Novak", "network", "colleague", "Woodgrove", "Prague"),
    ("Amara Obi", "network", "online", "civic tech", "Lagos"),
    ("Felix Wagner", "network", "client", "Trey Research", "Vienna"),
    ("Rosa Díaz", "network", "shared-interest", "urban gardening", "Bogotá"),
    ("Kenji Mori", "network", "event", "robotics", "Nagoya"),
    ("Olivia Brown", "network", "colleague", "Humongous", "Toronto"),
    ("Mateus Costa", "network", "client", "VanArsdel", "Porto"),
    ("Ingrid Holm", "network", "online", "data journalism", "Bergen"),
    ("Tariq Aziz", "network", "event", "fintech", "Dubai"),
    ("Emma Dubois", "network", "shared-interest", "choir", "Brussels"),
    ("Luca Bianchi", "network", "colleague", "Graphic Design Institute", "Turin"),
    ("Sara Lindqvist", "acquaintance", "event", "UX", "Malmö"),
    ("Hugo Moreau", "acquaintance", "online", "maps", "Lille"),
    ("Maya Singh", "acquaintance", "event", "climate", "Delhi"),
    ("Arjun Rao", "acquaintance", "online", "compilers", "Chennai"),
    ("Leah Cohen", "friends", "friend", "literature", "Tel Aviv"),
    ("Pablo Ortega", "network", "client", "Contoso", "Valencia"),
)

CADENCE = {"core": 9, "close": 28, "friends": 80, "network": 300, "acquaintance": 500}
KINDS = ("coffee", "call", "message", "video", "text", "lunch", "walk", "email", "react")
HELPS = (
    ("intro", "introduced them to a designer I trust"),
    ("advice", "talked through a tricky client proposal"),
    ("referral", "passed their name on for a workshop"),
    ("resource", "sent the article on pricing we discussed"),
    ("recommendation", "wrote a LinkedIn recommendation"),
    ("favor", "reviewed their portfolio"),
)
NOTES = ("new job", "kids and school", "moving flat", "their conference talk", "a book swap", "")


def build(s: Session, *, today: date, seed: int = 7) -> None:
    """Fill an empty store with the sample network, as of ``today``."""
    rng = random.Random(seed)
    ids: list[tuple[int, str]] = []
    for n, (name, circle, origin, extra, city) in enumerate(PEOPLE):
        met = today - timedelta(days=rng.randint(400, 3000))
        fields: dict[str, object] = {
            "circle": circle,
            "origin": origin,
            "city": city,
            "met_on": met,
        }
        if extra[0].isupper():
            fields["company"] = extra
        else:
            fields["interests"] = extra
        if origin == "family":
            fields["kin"] = True
        if n % 4 == 0:
            bday = today + timedelta(days=rng.randint(1, 360))
            fields["birthday"] = f"{bday.month:02d}-{bday.day:02d}"
        if n in (3, 17):
            bday = today + timedelta(days=3)
            fields["birthday"] = f"{bday.month:02d}-{bday.day:02d}"
        tags = ["novel"] if n in (8, 31) else []
        person_id = people.add(s, name=name, fields=fields, tags=tags)
        ids.append((person_id, circle))
    start = today - timedelta(days=730)
    monday = today - timedelta(days=today.weekday())
    for person_id, circle in ids:
        day = start + timedelta(days=rng.randint(0, CADENCE[circle]))
        while day <= today - timedelta(days=2):
            said = rng.choice(KINDS)
            kind = lookup(said)
            assert kind is not None
            interactions.log(
                s,
                person_ids=[person_id],
                kind=kind.name,
                day=day,
                said=said,
                note=rng.choice(NOTES) or None,
                # This week others reached out: the morning always has room for suggestions.
                by_them=rng.random() < 0.35 or day >= monday,
            )
            day += timedelta(days=max(1, int(rng.gauss(CADENCE[circle], CADENCE[circle] / 3))))
    for n in range(18):
        person_id, _ = ids[rng.randrange(30)]
        help_kind, what = HELPS[n % len(HELPS)]
        interactions.helped(
            s,
            person_id=person_id,
            kind=help_kind,
            what=what,
            day=start + timedelta(days=rng.randint(0, 725)),
        )
    open_items = (
        (1, "promise", "intro to a bouldering coach"),
        (5, "promise", "send the workshop slides"),
        (9, "promise", "coffee with my old manager"),
        (6, "need", "a good accountant in Bangalore"),
        (14, "need", "speakers for a meetup"),
    )
    for index, type_, what in open_items:
        loops.open_loop(
            s, person_id=ids[index][0], type=type_, what=what, day=today - timedelta(days=3 + index)
        )
    _giving(s, [i for i, _ in ids], today=today)
    journal.describe(s, "Built the demo network")


def _giving(s: Session, ids: list[int], *, today: date) -> None:
    """Saved ideas, an introduction to check on, two logged events, an upcoming one, and work."""
    from quietnet.store import events, intros, saved, work

    def ago(days: int) -> date:
        return today - timedelta(days=days)

    people.edit(s, ids[24], {"role": "accountant"})  # Isaac Levi fits Priya's need
    saved.save(s, person_id=ids[1], what="a video on bouldering footwork", day=ago(4))
    saved.save(s, person_id=ids[4], what="the studio lighting article", day=ago(9))
    intro_id = intros.create(
        s,
        person_id=ids[7],
        other_id=ids[42],
        why="open source compilers, both of them",
        day=ago(20),
        asked_by="a",
    )
    intros.change(s, intro_id, {"b_asked_on": ago(18), "b_answer": "yes", "b_answered_on": ago(16)})
    help_ids = [
        interactions.helped(s, person_id=p, kind="intro", what=f"introduced them to {o}", day=ago(8))
        for p, o in ((ids[7], "Arjun Rao"), (ids[42], "Jonas Berg"))
    ]
    intros.change(s, intro_id, {"state": "introduced", "made_on": ago(8), "a_help_id": help_ids[0],
                                "b_help_id": help_ids[1]})  # fmt: skip
    for name, days, fmt, size, energy, worth, met in (
        ("Design systems night", 200, "mingling", "large", 2, "meh", (14,)),
        ("Accessibility meetup", 120, "workshop", "small", 4, "yes", (22,)),
    ):
        event_id = events.create(s, name=name, day=ago(days))
        events.update(s, event_id, {"format": fmt, "size": size, "energy": energy, "worth": worth,
                                    "decision": "go", "logged_on": ago(days)})  # fmt: skip
        for index in met:
            events.link(s, event_id, ids[index], role="met")
    upcoming = events.create(s, name="Type design talks", day=today + timedelta(days=8))
    events.update(s, upcoming, {"format": "talks", "size": "medium", "interest": 2})
    events.link(s, upcoming, ids[16], role="knows")
    work.add(s, title="Design system audit", person_id=ids[4], via_id=ids[14], path="referral",
             value=4000, day=ago(90))  # fmt: skip
    work.add(s, title="Workshop for Litware", person_id=ids[6], via_id=None, path="repeat-client",
             value=1500, day=ago(40))  # fmt: skip
