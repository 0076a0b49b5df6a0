"""A probe for tests/test_attack_session18.py: the quote extraction of the same paragraphs under three stories
(different actors and speakers), in the order given, in one process; prints the rows as JSON."""
import dataclasses, json, sys
sys.path.insert(0, '.')
from presslens.analyses.quotes import extract, reported, readings
from presslens.story.model import Actor, Speaker
from tests.conftest import acme_story
base = acme_story()
X = dataclasses.replace(base, actors=[Actor("Harbour Board", "org", ("Harbour Board", "the board")), Actor("Ana Ruiz", "person", ("Ana Ruiz", "Ruiz"))],
                        speakers=[Speaker("Ana Ruiz", "Harbour Board", "chair", ("Ruiz",))])
Y = dataclasses.replace(base, actors=[Actor("Selby Port", "org", ("Selby Port", "the board")), Actor("Omar Lund", "person", ("Omar Lund", "Lund"))],
                        speakers=[Speaker("Omar Lund", "Selby Port", "chair", ("Lund",))])
Z = dataclasses.replace(base, actors=[], speakers=[])
PARS = ["The board said the quay would reopen on Monday.",
        "Ruiz told reporters the cranes were old. \u201cWe will replace every one of them by spring,\u201d she said.",
        "Lund told reporters the cranes were old. \u201cWe will replace every one of them by spring.\u201d",
        "According to him, the ferries will sail.",
        "\u201cThe quay is safe,\u201d the chair said. Ruiz said the repairs were finished, and Lund said they were not.",
        "According to the board, the quay is safe again.",
        "Ana Ruiz said the quay was shut. Omar Lund said the ferries would sail on Monday.",
        "According to her, the crews were paid late."]
def run(st):
    got = extract.extract_article("a", "Daily", PARS, st)
    return [(r["kind"], r["speaker"], r.get("actor"), r["quote"]) for r in got]
order = sys.argv[1]
out = {}
for name in order:
    out[name] = run({"X": X, "Y": Y, "Z": Z}[name])
print(json.dumps(out, sort_keys=True))
