"""Sources and quotes: the reporting verbs and the attribution rules (:mod:`.attribution`), speaker
resolution (:mod:`.resolve`), extraction per article (:mod:`.extract`), scoring against a gold file
(:mod:`.gold`), quote fidelity across outlets (:mod:`.alignment`), reported speech (:mod:`.reported`), and voice share, speakers and
the parties' responses (:mod:`.sources`). Imports run resolve <- attribution <- extract <- the rest."""
from .attribution import verb_class, verbs  # noqa: F401
from .gold import evaluate  # noqa: F401
from .extract import QUOTE_COLS, article_paragraphs, extract_article, quote_rows, quotes  # noqa: F401
from .alignment import FIDELITY_COLS, MATCH, NARRATION_MATCH, fidelity  # noqa: F401
from .resolve import SHORT, resolve_speaker  # noqa: F401
from .sources import CHECKED, RESPONSE_COLS, parties_summary, party_rule, party_voices, responses, speaker_disagreements, speakers, voice_share  # noqa: F401
from .redundancy import DISAGREEMENT_COLS, disagreement_sentences  # noqa: F401
