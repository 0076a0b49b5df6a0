"""Layer 4, the analyses: one module (or small package) per question, each returning tidy tables.

What each room owns: ``corpus`` (what is in the story), ``wordchoice/`` (the framing lexicon, its
matching and rates, KWIC), ``keyness``, ``tone``, ``readability``, ``naming/`` (the ledger of names,
discovery of variants, translation indicators), ``quotes/`` (attribution, speaker resolution,
extraction, gold evaluation, fidelity, voice share and responses), ``claims``, ``reuse/`` (the
shingle index, passages, reworded sentences, containment, pair kinds), ``agencies`` (a news agency
recognised by its marks, without a list), ``wires`` (the sources each article names), ``verdicts``,
``provenance``, ``profiles`` (every analysis brought together) and ``findings`` (the sentences the
notebooks print, generated from the tables). An analysis may import another only down the order
in ``tests/test_layers.py`` (claims -> quotes, provenance -> reuse, profiles -> all).
"""
