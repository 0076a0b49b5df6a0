"""Accuracy on stories presslens was not built on: truth files, scorers and the scoreboard (issue 22).

- :mod:`.truth`       load and validate ``data/eval/SLUG/truth.yaml`` (format: ``data/eval/FORMAT.md``)
- :mod:`.adapter`     the ONE module that calls the analyses (``predict``): re-point imports here
- :mod:`.outcomes`    the outcome rows every scorer returns, and the list of measures
- :mod:`.score_text`  quotes, web furniture, sentence boundaries (pure functions)
- :mod:`.score_story` pairs (reuse, provenance), machine translation, name variants, claims (pure functions)
- :mod:`.scoreboard`  precision / recall / F1 or accuracy per measure, split and story, bootstrap intervals
- :mod:`.loso`        the held-out estimate of the translation verdict on the development stories
  (``python -m presslens.evaluation.loso``: rules that fired on one story's translations only left out)
- :mod:`.command`     what ``presslens eval`` does (``make eval``; arguments: :mod:`presslens.cli.evaluate`)

Nothing here is imported by the rest of the package, and no rule of the package may name a string of
an evaluation story (``tests/test_evaluation.py`` greps for them).
"""
