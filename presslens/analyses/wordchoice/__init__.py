"""Word choice: the framing lexicon (:mod:`.lexicon`: file format, overrides, terms), one-pass
matching and rates per 1,000 words (:mod:`.matching`) and keyword-in-context lines
(:mod:`.concordance`). The names below are the package's public face; notebooks use
``from presslens.analyses import wordchoice as lexicon``."""
from .concordance import kwic, kwic_hits, kwic_terms  # noqa: F401
from .lexicon import (DEFAULT_LEXICON, HIT_COLUMNS, KWIC_COLUMNS, MIN_WORDS, VOICES, Category, Lexicon,  # noqa: F401
                      lexicon_for, load_lexicon, parse_term, term_lexicon)
from .matching import SECTIONS, by_part, match, rates  # noqa: F401
