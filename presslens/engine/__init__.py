"""Layer 3, the engine: :mod:`.keys` (what every cache keys on), :mod:`.store` (pickles and Parquet
tables under ``.cache/presslens/``), :mod:`.fanout` (the per-article function over every article, on
local processes or Dask, cached per article), :mod:`.perarticle` (the analyses' per-article measures, cached with the
article: quotes, name mentions, lexicon hits, readability counts, claim hits), :mod:`.tables` (the story's sentence, token, removal,
language and tone tables assembled from the per-article results), :mod:`.memo` (story-level results
cached on disk) and :mod:`.screening` (languages, duplicate captures: what is measured)."""
