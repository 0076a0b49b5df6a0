"""Layer 6, the notebooks' helpers: :mod:`.setup` (parameters checked, the story loaded and
screened, figure saving), :mod:`.gate` (what passes runs every notebook to the end), :mod:`.tables`
(interactive tables), :mod:`.explore` (the explore notebook's pickers), and :mod:`.charts` /
:mod:`.overview`: the analyses' tables handed to the figures, so a notebook needs one call."""
