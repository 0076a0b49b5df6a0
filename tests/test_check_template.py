"""`presslens check` never says ok on the untouched `presslens new` template (issue 27)."""
from presslens.cli import main


def test_check_is_not_ok_on_the_untouched_template(tmp_path, capsys):
    assert main(["new", "acme-fine-2024", "--root", str(tmp_path)]) == 0
    capsys.readouterr()
    story = tmp_path / "acme-fine-2024"
    assert main(["check", str(story)]) == 2
    out = capsys.readouterr().out
    assert "not ready: articles/example.md is still the example article" in out and ": ok." not in out
    # an article of one's own in place of the example: ok
    text = (story / "articles" / "example.md").read_text(encoding="utf-8")
    (story / "articles" / "example.md").unlink()
    (story / "articles" / "courier.md").write_text(text.replace("Example News", "The Courier"), encoding="utf-8")
    assert main(["check", str(story)]) == 0
    assert "acme-fine-2024: ok. 1 articles from 1 outlets" in capsys.readouterr().out
