"""Whom an untied spokesperson may speak for: the balance findings' caveat, said for the right party only.

Where the rules found a party silent (or heard in reported speech only) in an outlet, the finding names the speakers of
that outlet the rules tied to no actor though their words say they speak for someone ("spokesperson Lena Crane", "a
lawyer"): any of them may be the party's voice. A reader rules one out by what the description says of whom it speaks
for (the words left once the name, the role noun, determiners and prepositions are taken out):

- nothing: they may speak for any party ("spokesperson Lena Crane");
- a name (capitalised words) that no form of the party holds: another organisation's ("Port Authority spokesperson Jo
  Bell" speaks for no party of a story whose parties are a council and a ferry company);
- a kind of body (:data:`KIND_NOUNS`: "company", "council", "ministry"...) of another kind than the party's story.yaml
  ``kind``: "ferry company spokesperson" is no council's voice (a party without a kind, or of a kind not in the table,
  is not ruled out);
- a word of another party's forms and of none of this party's ("ferry" beside the party "Quayside Ferries").
"""
from __future__ import annotations

import re

import pandas as pd

from presslens.story.model import Story
from presslens.text.vocabulary import ordinary_words

# words that make a speaker someone who speaks for an organisation (not an expert or a passer-by)
SPEAKS_FOR = re.compile(r"\b(?:spokes(?:person|man|woman)|representatives?|lawyers?|attorneys?|counsel|officials?|"
                        r"executives?|ceo|chief|director|manager|president|chair(?:man|woman|person)?|press office)\b",
                        re.IGNORECASE)
# a kind of body, by its noun, and the story.yaml kinds an actor of that body has
KIND_NOUNS = {("company", "firm", "operator", "carrier", "airline", "maker", "business", "corporation", "group",
               "startup", "bank"): ("company", "business", "firm", "corporation", "bank"),
              ("council", "ministry", "government", "department", "authority", "agency", "administration", "office",
               "municipality", "police", "regulator", "mayor's"): ("government", "agency", "authority", "regulator",
                                                                   "public body", "institution", "ministry", "police")}
_FILLER = re.compile(r"(?i)^(?:the|a|an|one|another|its|their|his|her|for|of|at|from|with|in|on|to|and|said|says|,)$")


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text)


def _stem(w: str) -> str:
    w = w.casefold()
    return w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") and len(w) > 3 else w


def whose(speaker_text: str, speaker: str) -> list[str]:
    """The words of a speaker's description that say whom they speak for ("Port Authority" of "Port Authority
    spokesperson Jo Bell"): the name, the role nouns, determiners and prepositions taken out."""
    text, name = str(speaker_text), str(speaker or "")
    if name and name.casefold() != text.casefold():  # a name in its description ("... spokesperson Jo Bell")
        text = text.replace(name, " ")
    rest = SPEAKS_FOR.sub(" ", text)
    return [w for w in _words(rest) if not _FILLER.match(w)]


def may_speak_for(words: list[str], party: str, story: Story) -> bool:
    """Whether a speaker whose description says ``words`` of whom they speak for may be the voice of ``party``
    (see the module docstring)."""
    if not words:
        return True
    actors = {a.name: a for a in story.actors}
    mine = {_stem(w) for f in (actors[party].forms if party in actors else (party,)) for w in _words(f)}
    caps = [w for i, w in enumerate(words) if w[:1].isupper() and _stem(w) not in mine]
    if caps[:1] == words[:1] and caps and caps[0].casefold() in ordinary_words():
        caps = caps[1:]  # "Former council official": a capital opening the phrase, an English word
    if caps:
        return False  # another organisation's name
    kind = str(getattr(actors.get(party), "kind", "") or "").casefold()
    nouns = {_stem(w) for w in words}
    if any(any(k in kind for k in kinds) for kinds in KIND_NOUNS.values()):  # a kind the table knows
        if any(nouns & set(group) and not any(k in kind for k in kinds) for group, kinds in KIND_NOUNS.items()):
            return False  # a body of another kind than the party's
    others = {_stem(w) for a in story.actors if a.name != party and a.name in _parties(story) for f in a.forms
              for w in _words(f)}
    return not (nouns & others - mine)


def _parties(story: Story) -> set[str]:
    return {a for names in story.parties.values() for a in names}


def possible_voices(story: Story, q: pd.DataFrame) -> dict[tuple[str, str], list[str]]:
    """(outlet, party actor) -> the speakers of the outlet's direct quotes and reported speech tied to no actor whose
    words say they speak for someone, and whose description does not rule the party out (:func:`may_speak_for`)."""
    if q.empty or not {"speaker", "actor", "kind", "outlet"} <= set(q.columns):
        return {}
    said = q["speaker_text"] if "speaker_text" in q else q["speaker"]
    pick = (q["kind"].isin(["direct", "indirect"]) & q["actor"].isna()
            & q["speaker"].map(lambda x: isinstance(x, str) and bool(x.strip()))
            & said.map(lambda x: isinstance(x, str) and bool(SPEAKS_FOR.search(x))))
    out: dict[tuple[str, str], list[str]] = {}
    for o, sp, text in zip(q.loc[pick, "outlet"], q.loc[pick, "speaker"], said[pick]):
        w = whose(text, sp)
        for party in _parties(story):
            if may_speak_for(w, party, story) and sp not in out.setdefault((o, party), []):
                out[(o, party)].append(sp)
    return out
