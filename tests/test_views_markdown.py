"""The one Markdown writer and the command line's tables through it."""

from __future__ import annotations

import re

import pandas as pd

from composer.views.markdown import markdown_table, md


def test_user_text_is_escaped_in_every_cell_and_header() -> None:
    frame = pd.DataFrame(
        {"na|me": ["<b>x</b> | *y*", None], "total": [0.8660391544, 2.0], "ok": [True, False]},
        index=pd.Index(["A_1", "A2"], name="id"),
    )
    text = markdown_table(frame, "da")
    lines = text.splitlines()
    assert lines[0] == "| id | na\\|me | total | ok |"
    assert lines[2] == "| A_1 | \\<b\\>x\\</b\\> \\| \\*y\\* | 0,87 | ja |"
    assert lines[3] == "| A2 |  | 2,00 | nej |"
    assert all(len(re.split(r"(?<!\\)\|", line)) == 6 for line in lines)  # 4 cells


def test_lists_are_joined_with_semicolons() -> None:
    frame = pd.DataFrame({"faser": [["afdækning", "idéudvikling"]]})
    assert markdown_table(frame, "en", index=False).splitlines()[2] == "| afdækning; idéudvikling |"
    assert md("# title") == "\\# title"
