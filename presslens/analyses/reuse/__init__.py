"""Text reuse: the passages articles share, word for word or reworded, and how much of each is in another.

:func:`analyse` takes a story (all its articles, as loaded: it screens them itself) and returns a
:class:`Reuse` of tidy tables:

- **Candidates through an index, never all pairs.** Every article's body becomes word 5-grams
  (shingles); an inverted index maps each shingle to the articles holding it, and only pairs that
  share enough shingles for one passage of ``min_words`` are aligned. Shingles found in more than
  ``max_df`` articles are common phrasing or boilerplate, not evidence (passim's ``--max-df``).
- **Passages.** A candidate pair's shared shingles are chained along diagonals into maximal runs:
  each run is a passage with its position in both articles (word offset, sentence, share of the
  article), its length, and its voice: *quotation* (inside quotation marks on both sides: outlets
  quoting the same statement is expected), *narration* (outside them on both: copying or a common
  source), or *quote on one side* (one outlet's quote is the other's own narration: the quoting
  outlet says the words are the speaker's: only words outside quotation marks on both sides count
  as shared narration).
- **Reworded sentences.** Sentences are indexed by their content-word pairs (consecutive words that
  are not stop words, so one swapped word breaks two pairs, not the sentence); candidate sentence
  pairs are compared with rapidfuzz (word-level similarity, and word order ignored, the higher) and
  those at ``match`` or more that are not identical are reworded copies. Their word-level edit script
  (rapidfuzz's Levenshtein opcodes over words) is the *word-swap table*, read from the earlier
  article (or the reference document) to the later one; as listed when a date is missing.
  Bounded by ``max_df`` as the shingles are: two wordings carried by more than ``max_df`` articles
  together (a wire sentence and its update, each republished by many sites) are not compared article by article.
- **Containment.** For each ordered pair, the share of A's words (and of its narration) inside
  passages or reworded sentences shared with B; ``exact_narration`` counts the word-for-word part.
- **Pairs** are classified: duplicate capture (the same page twice, found by :mod:`presslens.engine.screening`:
  not copying), copy (``COPY`` of one article's narration in the other, and most of that, ``WORD_FOR_WORD``,
  word for word: a few reworded sentences do not make a copy a rewrite), copy with sentences
  reordered, reworded copy, partial reuse (less than ``COPY`` either way: neither is a copy of the
  other), shared quotation only.
- **Short shared quotations.** A pair that shares no passage but prints the same words in quotation
  marks on both sides, three content words or more (:mod:`presslens.analyses.reuse.quoted`), is a shared
  quotation only: two outlets quoting one statement.

Provenance (who took from whom, set against what each article credits) and reference documents are
in :mod:`presslens.analyses.provenance`. Articles in another language are left out (their words cannot
match) and said to be; the shorter of two captures of one page is compared only as a duplicate.

Modules: ``align`` (docs, the shingle index, passages), ``sentences`` (reworded sentences, word
swaps), ``pairs`` (containment, pair kinds), ``quoted`` (short shared quotations), ``core`` (:func:`analyse`, :func:`kind_of`).
"""
from presslens.analyses.reuse.align import (COPY, MATCH, MAX_DF, MAX_REPEAT, MIN_SENTENCE, MIN_WORDS, QUOTED, SHINGLE, STOP,
                                            WORD_FOR_WORD, Doc, candidate_pairs, docs_from, passages_of)
from presslens.analyses.reuse.core import Reuse, analyse, doc_list, kind_of
from presslens.analyses.reuse.pairs import (CONTAIN_COLS, PAIR_COLS, PASSAGE_COLS, REWORDED_COLS, SWAP_COLS,
                                            containment_of, pairs_of)
from presslens.analyses.reuse.quoted import shared_quotations
from presslens.analyses.reuse.sentences import reworded_sentences, word_swaps

__all__ = ["COPY", "MATCH", "MAX_DF", "MAX_REPEAT", "MIN_SENTENCE", "MIN_WORDS", "QUOTED", "SHINGLE", "STOP", "WORD_FOR_WORD", "Doc",
           "candidate_pairs", "docs_from", "passages_of", "Reuse", "analyse", "doc_list", "kind_of", "CONTAIN_COLS",
           "PAIR_COLS", "PASSAGE_COLS", "REWORDED_COLS", "SWAP_COLS", "containment_of", "pairs_of",
           "reworded_sentences", "word_swaps", "shared_quotations"]
