import os
import shutil
from pathlib import Path

import pytest

from presslens import paths

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini-story"
BUNDLED = paths.resolve(paths.DEFAULT_STORY)


def slack(seconds: float) -> float:
    """A time limit for a test, stretched on a loaded machine (load average per core above 1): the
    limits say "promptly", not how fast this machine is today."""
    try:
        load = os.getloadavg()[0] / (os.cpu_count() or 1)
    except OSError:
        load = 1.0
    return seconds * max(1.0, load)


@pytest.fixture
def mini(tmp_path) -> Path:
    """A writable copy of the fixture story (tests may break it)."""
    dest = tmp_path / "mini-story"
    shutil.copytree(MINI, dest)
    return dest


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Each test session caches processed text in its own folder, never in the checkout's .cache."""
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))


def acme_story(*extra_actors):
    """The fixture story with the crafted actors of the quote tests (Acme, Globex, The Courier and
    ``extra_actors``) and Acme's spokesperson Mary Jones."""
    import dataclasses

    from presslens import load_story
    from presslens.story.model import Actor, Speaker

    st = load_story(MINI)
    return dataclasses.replace(st, actors=[Actor("Acme", "company", ("Acme", "Acme Corp")),
                                           Actor("Globex", "company", ("Globex",)),
                                           Actor("The Courier", "media", ("The Courier",)), *extra_actors],
                               speakers=[Speaker("Mary Jones", "Acme", "spokesperson", ("Jones",))])


def write_story(tmp_path, actors_yaml, articles):
    """A story folder under tmp_path with the given actors (YAML lines) and (outlet, body) articles, loaded."""
    from presslens import load_story

    d = tmp_path / "s"
    (d / "articles").mkdir(parents=True)
    (d / "story.yaml").write_text("title: T\nquestion: Q\nlanguage: en\nactors:\n" + actors_yaml, encoding="utf-8")
    for i, (outlet, body) in enumerate(articles):
        (d / "articles" / f"a{i}.md").write_text(
            f"---\noutlet: {outlet}\ntitle: Story {i}\nurl: https://example.org/{i}\npublished: 2024-01-0{i + 1}\n"
            f"language: en\n---\n{body}\n", encoding="utf-8")
    return load_story(d)
