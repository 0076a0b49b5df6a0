"""Findings written from the data: the sentences a notebook ends with.

Each function takes the tables the notebook already computed and returns short sentences, every
one carrying the number behind it and naming the table it comes from, so the prose is true of
whatever story the notebook runs on (hand-written prose about the bundled story would be wrong on
every other). Small samples are said out loud.

The functions live by notebook group: :mod:`.text` (00-04), :mod:`.voices` (05, 07 and facts),
:mod:`.outlets` (06, 08); :mod:`.common` holds what they share; :mod:`.trust` the sentence saying how
far to trust a notebook's findings (the test split's measured figures), which each notebook adds to its own.
"""
from .common import render  # noqa: F401
from .outlets import profiles, reuse  # noqa: F401
from .trust import caveat_lines as caveat  # noqa: F401
from .text import corpus, naming, readability, tone, wordchoice  # noqa: F401
from .voices import claims, facts, sources  # noqa: F401
