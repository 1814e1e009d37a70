"""Progress: a bar only on a terminal and for big work, a callback for other tools."""

from __future__ import annotations

import pytest

from composer import progress as progress_module
from composer.progress import MIN_ROWS, progress, reporting, track


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_module, "_stderr_is_terminal", lambda: True)


def test_no_bar_when_stderr_is_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    with progress(5, "coverage", rows=MIN_ROWS * 10) as p:
        p.update(5)
    assert capsys.readouterr().err == ""


def test_bar_on_a_terminal_for_big_work(terminal: None, capsys: pytest.CaptureFixture[str]) -> None:
    with progress(3, "coverage", rows=MIN_ROWS) as p:
        p.update(3)
    assert "dækning" in capsys.readouterr().err  # the label in Danish by default
    with reporting(language="en"), progress(3, "coverage", rows=MIN_ROWS) as p:
        p.update(3)
    assert "coverage" in capsys.readouterr().err


def test_no_bar_on_a_terminal_for_small_work(
    terminal: None, capsys: pytest.CaptureFixture[str]
) -> None:
    for _ in track(range(MIN_ROWS - 1), MIN_ROWS - 1, "reasons"):
        pass
    assert capsys.readouterr().err == ""


def test_reporting_can_switch_the_bar_off_and_on(
    terminal: None, capsys: pytest.CaptureFixture[str]
) -> None:
    with reporting(bar=False), progress(2, "load", rows=MIN_ROWS * 2) as p:
        p.update(2)
    assert capsys.readouterr().err == ""
    with reporting(bar=True), progress(2, "load") as p:
        p.update(2)
    assert "indlæser" in capsys.readouterr().err


def test_callback_hears_start_steps_and_end() -> None:
    calls: list[tuple[str, int, int]] = []
    items = list(track(range(1000), 1000, "reasons", callback=lambda *a: calls.append(a)))
    assert items == list(range(1000))
    assert calls[0] == ("reasons", 0, 1000) and calls[-1] == ("reasons", 1000, 1000)
    assert len(calls) == 101  # throttled: about every hundredth of the work
    assert [c[1] for c in calls] == sorted(c[1] for c in calls)


def test_reporting_reaches_the_library_and_ends_with_the_block() -> None:
    from composer import score
    from composer.datasets import load_sample

    calls: list[tuple[str, int, int]] = []
    pool, brief = load_sample("klimatilpasning")
    with reporting(lambda *a: calls.append(a)):
        score(pool, brief)
    stages = {c[0] for c in calls}
    assert stages == {"coverage", "reasons"}
    assert ("coverage", len(brief.needs), len(brief.needs)) in calls
    assert ("reasons", len(pool), len(pool)) in calls
    n = len(calls)
    score(pool, brief)
    assert len(calls) == n
