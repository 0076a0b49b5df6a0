"""Facts without patterns: the story's sentences grouped into facts, the omission map, drift inside
a fact, and hand-written claims mapped to the discovered facts (see each module's doc).

    from presslens.analyses import facts
    m = facts.members(story)            # every sentence behind every fact
    s = facts.summarise(m)              # one row per fact: label, size, first appearance
    g = facts.grid(m, s, story.outlets, counts)   # facts x outlets, the sentence behind each cell
"""
from presslens.analyses.facts.claims_map import F1_GOAL, f1, matches, score, share_matched, snippets
from presslens.analyses.facts.drift import DRIFT_COLS, compare, drift, side_by_side
from presslens.analyses.facts.features import EMBEDDING, clauses, content, embedder, marks, negated
from presslens.analyses.facts.grouping import discover
from presslens.analyses.facts.omission import by_outlet, grid, left_out, only_one
from presslens.analyses.facts.table import FACT_COLS, MEMBER_COLS, facts, from_sentences, in_time_order, members, summarise

__all__ = ["F1_GOAL", "f1", "matches", "score", "share_matched", "snippets", "DRIFT_COLS", "compare", "drift",
           "side_by_side", "EMBEDDING", "clauses", "content", "embedder", "marks", "negated", "discover", "by_outlet",
           "grid", "left_out", "only_one", "FACT_COLS", "MEMBER_COLS", "facts", "from_sentences", "members",
           "summarise", "in_time_order"]
