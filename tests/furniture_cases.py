"""What every furniture test page shares (tests/test_furniture_v5 ... v8, test_shape): the same three
paragraphs of prose around each crafted case, and one way of cleaning a page with the built-in rules.

Each case is a small crafted page (hand-checked, not copied from any capture); the prose next to it
must stay."""
from __future__ import annotations

from presslens.text import furniture
from presslens.text.clean import clean

P1 = "Harbour officials closed the port on Friday after the storm wrecked two piers and a fuel depot."
P2 = "Dock workers spent the weekend clearing debris, and the first ships are expected back on Tuesday."
P3 = "The city council will meet on Monday to decide how the repairs are paid for and by whom."


def rules(disable=()) -> list[dict]:
    """The built-in rules, with the ids or kinds in ``disable`` switched off (as a story's
    ``furniture: {disable: [...]}``)."""
    return furniture.rules_for({"disable": list(disable)} if disable else None)


def cleaned(lines: list[str], *, title: str | None = None, disable=(), template: frozenset[str] = frozenset(),
            by: str = "rule_id") -> tuple[list[str], dict[str, str]]:
    """Clean the page ``lines``: (the lines kept, non-blank; {removed text: its rule's ``by``, the
    built-in rule's id or, with ``by="rule"``, the rule's note})."""
    body, removed = clean("\n".join(lines), title, rules(disable), template)
    return [x for x in body.split("\n") if x.strip()], {r["removed"]: r[by] for r in removed}


def run(lines: list[str], template: frozenset[str] = frozenset(), disable=()) -> tuple[list[str], dict[str, str]]:
    """:func:`cleaned`, the removals by rule id."""
    return cleaned(lines, template=template, disable=disable or ())


def run_notes(lines: list[str], **kw) -> tuple[list[str], dict[str, str]]:
    """:func:`cleaned`, the removals by rule note (``title``, ``disable``, ``template`` as there)."""
    return cleaned(lines, by="rule", **kw)
