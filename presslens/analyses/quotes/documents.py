"""Documents, reports and figures as the source of reported speech, as a reader takes them: a figure or
a document nobody is named for is content, not a voice ("according to figures compiled by the agency",
"according to documents", "reports suggest"); a text whose author is named speaks as the text says
("according to a report by the Selby Gazette", "the report said"), and whom that source cites is no part
of its words ("according to X, citing Harbour Radio, ...").
"""
from __future__ import annotations

import re

# reports or studies nobody is named for ("Reports suggest ...", "media reports said"): like a bare
# "reportedly", no source (data/eval/GUIDE.md)
UNNAMED_REPORTS = re.compile(r"(?i)(?:(?:media|news|press|local|some|several|other|unconfirmed|earlier|recent)\s+)?"
                             r"(?:reports|studies|surveys|estimates|rumou?rs)")
# the head of a source phrase that is a document or a figure, not someone speaking
DOCUMENT_HEAD = re.compile(r"(?i)^(?:the\s+|a\s+|an\s+|new\s+|latest\s+|official\s+|preliminary\s+)*(?:figures|data|"
                           r"statistics|numbers|estimates?|documents?|records?|reports?|studies|study|surveys?|"
                           r"analysis|research|filings?|papers?|tallies|tally|count|census)\b")
# a text with its author named: "a report by the Selby Gazette", "a study from Harbour University"
_AUTHORED_TEXT = re.compile(r"(?i)^(?:the\s+|a\s+|an\s+|new\s+|latest\s+|official\s+|preliminary\s+)*(?:documents?|"
                            r"reports?|studies|study|surveys?|analysis|research|filings?|papers?)\s+"
                            r"(?:(?:published|released|compiled|issued|written)\s+)?(?:by|from)\s+(?:the\s+)?(?-i:[A-Z])")
# whom a source cites, opening the words it is given for: "According to X, citing Harbour Radio, the ..."
CITING = re.compile(r"^citing\s+[^,;\"“”]{2,80},\s+(?=\S)")


def no_voice(phrase: str) -> bool:
    """Whether the source phrase after "according to" is a document nobody is named for or a figure
    ("according to figures compiled by ...", "according to documents"): its content, not a voice. A text
    with its author named speaks as the text says ("according to a report by the Selby Gazette")."""
    return bool(DOCUMENT_HEAD.match(phrase)) and not _AUTHORED_TEXT.match(phrase)
