"""Naming and translation: which name each outlet uses for each actor (:mod:`.names`: mentions,
ledger, grid), unknown variants found by fuzzy matching, romanisation and calques
(:mod:`.variants` and :mod:`.discovery`, with :mod:`.romanise` and the fuller and shorter forms of persons' names in
:mod:`.persons`; a family name alone or a title with one name word in :mod:`.shortnames`), machine-translation indicators (:mod:`.translation`) and translation pairs: the English
articles that render an article in another language (:mod:`.pairs`). The actor resolver
they share lives below, in :mod:`presslens.text.resolver`."""
from .names import cell_kinds, ledger, mentions, names_grid  # noqa: F401
from .translation import (INDICATOR_KINDS, LIKELY_SCORE, likely_translations, load_mt_phrases, score_article,  # noqa: F401
                          translation_indicators)
from .candidates import candidates  # noqa: F401
from .variants import RULES, STRONG_RULES, glosses, pinyin, score  # noqa: F401
from .discovery import candidate_lines, discover, parse_snippet  # noqa: F401
from . import pairs  # noqa: F401
from .pairs import aligned_sentences, translation_pairs  # noqa: F401
