"""run/execute.log_tail pinned at its ends (issue 20): the last N lines kept, blank and known-noise lines
left out, no file is ''. An invented kernel log."""
from presslens.run import execute


def test_log_tail_keeps_the_last_lines_worth_showing(tmp_path):
    log = tmp_path / "k.log"
    assert execute.log_tail(log) == ""  # no file
    log.write_text("one\n\n" + execute._NOISE[0] + " here\ntwo\nthree  \n", encoding="utf-8")
    assert execute.log_tail(log) == "      one\n      two\n      three"
    assert execute.log_tail(log, lines=2) == "      two\n      three"
    assert execute.log_tail(log, lines=3) == "      one\n      two\n      three"  # exactly all
