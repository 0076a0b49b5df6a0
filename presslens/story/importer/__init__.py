"""``presslens import``: saved web pages into a story's ``articles/`` (:mod:`.page` reads one page:
text, fields never guessed; :mod:`.write` writes the article files safely). The command line lives
in :mod:`presslens.cli.import_`."""
