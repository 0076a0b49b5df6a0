"""Layer 2, text: pure functions of one article's strings. :mod:`.furniture` and :mod:`.clean`
(hygiene, web furniture, boilerplate), :mod:`.segment` (paragraphs, quote spans, sentences, tokens),
:mod:`.language`, :mod:`.vocabulary` (stop words, inflections, ordinary words), :mod:`.resolver`
(which actor a name is), :mod:`.sentiment` (VADER per sentence), :mod:`.readability` (counts and
formulas), :mod:`.diff` (word-level diff), :mod:`.resources` (cmudict for textstat) and
:mod:`.article`: the per-article function that runs them all on ONE article."""
