"""What cli/fastpath.py may parse of each command it runs without Typer.

Generated from the Typer app by ``python tools/reference.py --write`` (tools/signatures.py);
a test fails when it is stale. Do not edit by hand.
"""

# Each command's options as typed, with the parameter they set and what they take:
# "value" (the next word), "many" (the next word, again each time: a list), "on"/"off" (a flag:
# True/False). "" is `net` itself: the options before the command.
OPTIONS: dict[str, dict[str, tuple[str, str]]] = {
    "": {
        "--db": ("db", "value"),
    },
    "due": {
        "--all": ("all_", "on"),
        "--as-of": ("as_of", "value"),
        "--json": ("json_", "on"),
    },
    "today": {
        "--as-of": ("as_of", "value"),
        "--json": ("json_", "on"),
    },
    "why": {
        "--as-of": ("as_of", "value"),
        "--json": ("json_", "on"),
    },
    "log": {
        "--kind": ("kind", "value"),
        "--me": ("them", "off"),
        "--note": ("note", "value"),
        "--on": ("on", "value"),
        "--them": ("them", "on"),
        "--with": ("with_", "many"),
        "--yes": ("yes", "on"),
        "-k": ("kind", "value"),
        "-n": ("note", "value"),
        "-y": ("yes", "on"),
    },
    "helped": {
        "--json": ("json_", "on"),
        "--kind": ("kind", "value"),
        "--on": ("on", "value"),
        "--since": ("since", "value"),
        "--what": ("what_", "value"),
        "--yes": ("yes", "on"),
        "-k": ("kind", "value"),
        "-y": ("yes", "on"),
    },
    "show": {
        "--json": ("json_", "on"),
    },
    "find": {
        "--json": ("json_", "on"),
    },
    "list": {
        "--archived": ("archived", "on"),
        "--circle": ("circle", "value"),
        "--city": ("city", "value"),
        "--json": ("json_", "on"),
        "--not-since": ("not_since", "value"),
        "--origin": ("origin", "value"),
        "--since": ("since", "value"),
        "--sort": ("sort", "value"),
        "--tag": ("tag", "value"),
    },
    "review": {
        "--json": ("json_", "on"),
        "--week": ("week", "value"),
        "--yes": ("yes", "on"),
        "-y": ("yes", "on"),
    },
}

# Each command's arguments in order: (parameter, how many words: 1, or -1 for all the rest, required).
ARGUMENTS: dict[str, tuple[tuple[str, int, bool], ...]] = {
    "due": (),
    "today": (),
    "why": (("who", 1, True),),
    "log": (("words", -1, True),),
    "helped": (("who", 1, False), ("what", 1, False)),
    "show": (("who", 1, True),),
    "find": (("text", 1, True),),
    "list": (),
    "review": (),
}
