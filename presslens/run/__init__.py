"""Layer 7, the batch run (``presslens run``): :mod:`.runner` (papermill over every notebook),
:mod:`.execute` (one notebook in a worker, its log and HTML), :mod:`.signals` (stopping cleanly),
:mod:`.outputs` (which folders a run may replace, swapped in atomically), :mod:`.manifest` and
:mod:`.report_index`."""
