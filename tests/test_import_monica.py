"""Moving in from Monica: its vCard 4.0 (written by Sabre VObject) imports as it is, and again unchanged."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from tests.helpers import Net, dump, people

CARDS = Path(__file__).parent / "fixtures" / "monica" / "contacts.vcf"


@pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)
def test_monica_cards_come_in_and_a_second_export_changes_nothing(
    net: Net, store: Path, tmp_path: Path
) -> None:
    path = tmp_path / "contacts.vcf"
    path.write_bytes(CARDS.read_bytes())
    result = net("import", "vcard", str(path))
    assert result.code == 0, result
    assert result.out == f"Imported {path}: 2 added, 0 updated.\n"
    found = people(store)
    ana = found["Ana Ruiz"]
    assert {
        k: ana[k] for k in ("nickname", "company", "role", "birthday", "city", "phone", "email", "tags")
    } == {
        "nickname": "Annie",
        "company": "Fabrikam",
        "role": "Product Designer",
        "birthday": "1985-04-12",
        "city": "Lisboa",
        "phone": "+351 912 345 678",
        "email": "ana@example.com",
        "tags": ["climbing", "friends"],
    }
    assert ana["card_uid"] == "3f1c2b9e-8d7a-4e6f-9b0c-1a2b3c4d5e6f"
    assert found["Kofi Mensah"]["birthday"] == "09-17"  # Monica's --09-17: a birthday without its year
    before = dump(store)
    again = net("import", "vcard", str(path))
    assert again.out == f"Imported {path}: 0 added, 0 updated, 2 already up to date.\n"
    assert dump(store) == before


def _steps() -> list[list[str]]:
    """Each `net ...` line of moving-in.md's step-by-step section, as its words (comments left out)."""
    page = (Path(__file__).parents[1] / "docs" / "moving-in.md").read_text(encoding="utf-8")
    section = page.split("## Step by step, from where your people are now\n", 1)[1].split("\n## ", 1)[0]
    blocks = [block.split("```", 1)[0] for block in section.split("```sh\n")[1:]]
    lines = [line.split("  #", 1)[0] for block in blocks for line in block.splitlines()]
    return [shlex.split(line)[1:] for line in lines if line.startswith("net ")]


def test_the_step_by_step_guide_covers_every_source_with_commands_that_exist(net: Net) -> None:
    steps = _steps()
    assert {args[1] for args in steps} == {"csv", "vcard", "linkedin"}
    for args in steps:
        result = net(*args, "--help")  # a misspelt command or option is an error before --help is read
        assert result.code == 0, (args, result)
    page = (Path(__file__).parents[1] / "docs" / "moving-in.md").read_text(encoding="utf-8")
    for source in ("Google Contacts", "iCloud", "Outlook", "LinkedIn", "khard", "Monica", "The friends tool"):
        assert f"**{source}" in page.split("## Step by step", 1)[1], source
