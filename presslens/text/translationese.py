"""How much an English article's word profile reads as a translation, from any language: a statistical
measure of "translationese" (Baker 1993; Laviosa 1998) that needs no formula of the source language.

Three features of the whole article, each a share a reader of translated English notices:

- ``density`` - lexical density, the share of words that are not among :data:`FUNCTION_WORDS`:
  translated English (human or machine) carries more function words, so a lower density (Laviosa 1998,
  "Core patterns of lexical use in a comparable corpus of English narrative prose");
- ``the`` - the share of words that are "the": source languages with articles before titles, names of
  bodies and abstract nouns (Romance, German, Greek; "the President of the Federation") and machine
  translation's explicitation (Chinese and Japanese have no article, and MT inserts one before every noun
  phrase) both raise it above English news's;
- ``reporting`` - how often speech is reported with a verb other than "said/says/told" ("stated",
  "indicated", "pointed out", "affirmed", "assured"...): English news copy reports with "said"; translated
  copy renders the source's varied reporting verbs (afirmó, indicó, señaló; 表示, 指出) word for word.
  Computed as (others + 0.5) / (said + others + 1), so an article with no reported speech sits at 0.5;
- ``stacked`` - the share of words that are the first of two adjacent lower-case content words ("public
  health", "rescue crews", "stock indices"): English news stacks modifiers before its noun; a translation
  from a language that puts them after it (Romance, Slavic, Arabic, Persian; "the crews of the rescue",
  "the emergency of public health") or that MT renders phrase by phrase unfolds them with "of", "the",
  "that", so fewer content words stand side by side (added in issue 26: on each of five of the six
  development stories the translated articles have the lower share).

:func:`profile` gives them and a **z-score**: the sum of each feature's distance from native English news,
in standard deviations of the English articles of the development stories (:data:`REFERENCE`), signed so that
the translation side counts up (density down, "the" up, other verbs up, stacked words down). The constants were measured on
the English articles the development stories' truth files label not machine-translated (n = 143), the
threshold that makes it a signal in :mod:`presslens.analyses.naming.translation` set on the same stories.
The measure is a tendency, not proof: non-native English copy (a newsroom writing in its second
language) shares it, so it never carries a verdict alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# the fifty commonest English function words (wordfreq's English list, 2022, articles, prepositions,
# conjunctions, pronouns and auxiliaries); a word not among them, of three letters or more, is a content word
FUNCTION_WORDS = frozenset((
    "the of and to a in that is for on with as was by at from it he she his her be has have had were are this which "
    "an not but or will its their they been who also would more after than into about").split())
SAID = re.compile(r"\b(?:said|says|told)\b", re.IGNORECASE)
OTHER_REPORTING = re.compile(
    r"\b(?:stated|indicated|pointed out|affirmed|assured|declared|expressed|highlighted|emphasi[sz]ed|stressed"
    r"|underlined|specified|explained|noted|mentioned|commented|revealed)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")

# English news, measured on the English articles of the development stories labelled not machine-translated
# (mean, standard deviation), and the direction in which a translation moves each feature
REFERENCE = {"density": (0.636, 0.044, -1), "the": (0.0707, 0.0248, 1), "reporting": (0.341, 0.228, 1),
             "stacked": (0.214, 0.046, -1)}
MIN_WORDS = 40  # a shorter text's shares are noise: no profile


@dataclass(frozen=True)
class Profile:
    words: int
    density: float
    the: float
    reporting: float
    stacked: float
    z: float  # the sum of the signed distances from English news (0: typical English news; higher: translation-like)

    def describe(self) -> str:
        """The profile in words, each feature with English news's mean beside it."""
        ref = REFERENCE
        return (f"translationese profile z={self.z:.1f} over {self.words} words: lexical density {self.density:.2f} "
                f"(English news {ref['density'][0]:.2f}), 'the' {self.the:.1%} ({ref['the'][0]:.1%}), reporting "
                f"verbs other than said {self.reporting:.2f} ({ref['reporting'][0]:.2f}), content words side by side "
                f"{self.stacked:.1%} ({ref['stacked'][0]:.1%})")


def profile(sentences: list[str]) -> Profile | None:
    """An article's sentences -> its :class:`Profile`; None under :data:`MIN_WORDS` words."""
    text = " ".join(sentences)
    # the words of the joined text are the sentences' words in turn (no word spans the joining space), so
    # the word counts are sums of each sentence's, read once per distinct sentence (:func:`_counts`)
    n = content = the = stacked = 0
    for s in sentences:
        c = _MEMO.get(s) or _counts(s)
        n += c[0]
        content += c[1]
        the += c[2]
        stacked += c[3]
    if n < MIN_WORDS:
        return None
    said, other = len(SAID.findall(text)), len(OTHER_REPORTING.findall(text))  # 'pointed out' may span two sentences
    feats = {"density": content / n, "the": the / n, "reporting": (other + 0.5) / (said + other + 1),
             "stacked": stacked / n}
    z = sum(sign * (feats[k] - mean) / sd for k, (mean, sd, sign) in REFERENCE.items())
    return Profile(n, feats["density"], feats["the"], feats["reporting"], feats["stacked"], z)


# sentence -> (words, content words, "the", stacked pairs): a sentence repeated across articles (a wire's
# paragraph in many outlets) is read once per process; emptied when full, so memory stays bounded
MEMO = 16384
_MEMO: dict[str, tuple[int, int, int, int]] = {}


def _counts(sentence: str) -> tuple[int, int, int, int]:
    """One sentence's (words, content words, occurrences of "the", stacked pairs), memoised."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(sentence)]
    got = (len(words), sum(1 for w in words if w not in FUNCTION_WORDS and len(w) > 2), words.count("the"),
           _stacked_pairs(sentence))
    if len(_MEMO) >= MEMO:
        _MEMO.clear()
    _MEMO[sentence] = got
    return got


def _content(w: str) -> bool:
    return w.islower() and len(w) > 2 and w.replace("’", "'") not in FUNCTION_WORDS


def _stacked_pairs(sentence: str) -> int:
    """How many adjacent word pairs of one sentence are both lower-case content words ("rescue crews")."""
    flags = [_content(w) for w in _WORD.findall(sentence)]  # each word judged once, not once per pair
    return sum(1 for a, b in zip(flags, flags[1:]) if a and b)
