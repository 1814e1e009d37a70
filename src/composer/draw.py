"""A lottery table, its SHA-256, and a draw anyone can check from the table and a seed.

A :class:`Lottery` (made by :func:`composer.lottery`) is data: the table of near-optimal
compositions with integer probabilities over :data:`SCALE` = 10⁶ (summing exactly), each
candidate's selection probability, who can never be chosen and why, and the SHA-256 of
the table's canonical JSON. :meth:`Lottery.draw` and :func:`verify_draw` pick one
composition from the seed and that hash alone:

1. ``key = "composer-lottery/1|<hash>|<seed>"``; a whole number below ``b`` is read from
   SHA-256(key + label + counter) as a 256-bit number, skipping the few values above
   the largest multiple of ``b`` (so every outcome is exactly equally likely);
2. the ticket (label ``|ticket``, ``b`` = 10⁶) picks the row whose cumulative
   probabilities hold it, rows in the table's canonical order;
3. a group of interchangeable candidates that gives ``k`` seats in that row is shuffled
   by a partial Fisher–Yates (label ``|group<g>|<j>``, ``b = n - j``) of its ids in
   sorted order; its first ``k`` take the row's seats of that group in order.

Nothing depends on Python's ``random``, set order or ``PYTHONHASHSEED``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import InputError, Problem, told
from .loaders import pydantic_problem
from .messages import ROLES, count, label, say
from .text import number
from .views.markdown import md as _md

__all__ = [
    "FORMAT",
    "SCALE",
    "Draw",
    "Lottery",
    "LotteryTable",
    "NeverChosen",
    "draw_table",
    "verify_draw",
]

#: Probabilities are whole numbers out of this.
SCALE = 1_000_000
#: The table's format tag (part of what is hashed and of the draw's key).
FORMAT = "composer-lottery/1"


class LotteryTable(BaseModel):
    """The part of a lottery that is hashed and drawn from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: str = Field(FORMAT, description="Format tag.")
    scale: int = Field(SCALE, description="Probabilities are whole numbers out of this.")
    phases: list[str] = Field(description="The brief's phases, in order.")
    groups: list[list[str]] = Field(
        description="Groups of interchangeable candidates (ids, sorted); one id for most."
    )
    rows: list[dict[str, Any]] = Field(
        description="Compositions: {'probability': int, 'seats': [[group, role, count]]}, "
        "role 'core' or a list of phase names; canonical order."
    )

    def canonical(self) -> bytes:
        """The bytes that are hashed: JSON with sorted keys, no spaces, UTF-8."""
        data = self.model_dump(mode="json")
        return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()

    def sha256(self) -> str:
        """SHA-256 of :meth:`canonical`, in hex."""
        return hashlib.sha256(self.canonical()).hexdigest()


class Draw(BaseModel):
    """One drawn composition."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    seed: int = Field(description="The seed.")
    hash: str = Field(description="SHA-256 of the table drawn from.")
    ticket: int = Field(description="The ticket, 0 <= ticket < scale.")
    row: int = Field(description="The row drawn (0-based, canonical order).")
    core: list[str] = Field(description="Core participants drawn, sorted.")
    phases: dict[str, list[str]] = Field(description="Participant id -> phases, sorted by id.")

    @property
    def members(self) -> list[str]:
        """Everyone drawn, sorted."""
        return sorted([*self.core, *self.phases])


class NeverChosen(BaseModel):
    """A candidate no near-optimal composition can hold, and why."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(description="Candidate id.")
    reason: str = Field(description="cannot_take_part, rules, coverage or hours.")
    loss: float | None = Field(None, description="Coverage lost with them in (coverage).")
    extra_hours: float | None = Field(None, description="Person-hours more with them (hours).")
    text: dict[str, str] = Field(description="The reason, by language ('da', 'en').")


class Lottery(BaseModel):
    """A fair lottery among near-optimal networks (see :func:`composer.lottery`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    table: LotteryTable = Field(description="What is drawn from.")
    hash: str = Field(description="SHA-256 of the table's canonical JSON.")
    probability: dict[str, float] = Field(
        description="Candidate id -> probability of being chosen in any role (every id)."
    )
    by_role: dict[str, dict[str, float]] = Field(
        description="Candidate id -> {'core': p, <phase>: p as a phase participant}."
    )
    never: list[NeverChosen] = Field(description="Candidates who can never be chosen.")
    epsilon: float = Field(description="F may be this far below the best.")
    best: float = Field(description="The best F (the first tier).")
    hours: float = Field(description="The fewest person-hours at that F.")
    hours_slack: float = Field(description="Person-hours allowed above that.")
    optimal: bool = Field(description="Every MILP proven optimal.")
    language: str = Field("da", description="Language of the texts.")
    seed: int = Field(description="The seed of :attr:`drawn`.")
    drawn: Draw = Field(description="The composition drawn with ``seed``.")

    def draw(self, seed: int) -> Draw:
        """The composition drawn with ``seed`` (from the table and its hash alone)."""
        return draw_table(self.table, self.hash, seed)

    def explain(self, language: str | None = None) -> str:
        """The report's section "Lodtrækning" (Markdown)."""
        return lottery_report(self, language)


def _uniform(key: bytes, bound: int) -> int:
    """A whole number in [0, bound), exactly uniform, from SHA-256(key + counter)."""
    top = 1 << 256
    limit = top - top % bound
    counter = 0
    while True:
        digest = hashlib.sha256(key + b"|" + str(counter).encode()).digest()
        v = int.from_bytes(digest, "big")
        if v < limit:
            return v % bound
        counter += 1  # pragma: no cover - happens with probability < 2**-236


def draw_table(table: LotteryTable, digest: str, seed: int) -> Draw:
    """The composition ``table`` gives with ``seed`` (see the module docstring)."""
    base = f"{FORMAT}|{digest}|{int(seed)}".encode()
    ticket = _uniform(base + b"|ticket", table.scale)
    acc = 0
    row_no = len(table.rows) - 1
    for k, row in enumerate(table.rows):
        acc += int(row["probability"])
        if ticket < acc:
            row_no = k
            break
    core: list[str] = []
    phases: dict[str, list[str]] = {}
    order: dict[int, list[str]] = {}
    for g, role, n in table.rows[row_no]["seats"]:
        if g not in order:
            order[g] = _shuffled(base, g, table.groups[g], _seats_of(table.rows[row_no], g))
        for _ in range(int(n)):
            who = order[g].pop(0)
            if role == "core":
                core.append(who)
            else:
                phases[who] = list(role)
    return Draw(
        seed=int(seed),
        hash=digest,
        ticket=ticket,
        row=row_no,
        core=sorted(core),
        phases=dict(sorted(phases.items())),
    )


def _seats_of(row: dict[str, Any], g: int) -> int:
    return sum(int(n) for h, _, n in row["seats"] if h == g)


def _shuffled(base: bytes, g: int, ids: list[str], k: int) -> list[str]:
    """The first ``k`` of a Fisher–Yates shuffle of ``ids`` (sorted first)."""
    out = sorted(ids)
    for j in range(min(k, len(out))):
        r = j + _uniform(base + f"|group{g}|{j}".encode(), len(out) - j)
        out[j], out[r] = out[r], out[j]
    return out[:k]


def _wrong(source: str, column: str | None, value: object, message: str, **params: Any) -> Problem:
    """A problem in a lottery table, told by the sentence ``problem.<message>``."""
    return told(source, None, column, value, message, code="invalid_value", **params)


def _table_problems(data: Any, source: str) -> tuple[LotteryTable | None, list[Problem]]:
    """The table in ``data`` (a lottery as JSON, or its table alone), and what is wrong."""
    raw = data.get("table", data) if isinstance(data, dict) else data
    try:
        table = LotteryTable.model_validate(raw)
    except ValidationError as e:
        return None, [
            pydantic_problem(source, err, ".".join(map(str, err["loc"])) or None, "lottery_table")
            for err in e.errors()
        ]
    problems = []
    total = sum(int(r.get("probability", 0)) for r in table.rows)
    if total != table.scale:
        problems.append(
            _wrong(source, "rows.probability", total, "lottery_sum", scale=table.scale, found=total)
        )
    for k, row in enumerate(table.rows):
        for seat in row.get("seats", []):
            if not (
                len(seat) == 3 and isinstance(seat[0], int) and 0 <= seat[0] < len(table.groups)
            ):
                last = len(table.groups) - 1
                problems.append(_wrong(source, f"rows.{k}.seats", seat, "lottery_seat", last=last))
    stated = data.get("hash") if isinstance(data, dict) else None
    if stated is not None and stated != table.sha256():
        problems.append(_wrong(source, "hash", stated, "lottery_hash", hash=table.sha256()))
    return table, problems


def verify_draw(table: Lottery | dict[str, Any] | str | Path, seed: int) -> Draw:
    """Draw again from a published table and ``seed``: the same table and seed always give
    the same composition, on any machine.

    Parameters
    ----------
    table : Lottery, dict, JSON text or path
        A lottery (as ``composer lottery --format json`` writes it) or its table alone.
        A stated ``hash`` must be the table's SHA-256; a stated ``drawn`` with the same
        seed must be what the table gives.
    seed : int

    Returns
    -------
    Draw

    Raises
    ------
    InputError
        When the table is malformed, its hash or its stated draw does not match.

    Examples
    --------
    >>> t = {"phases": ["forløb"], "groups": [["A"], ["B"]], "rows": [
    ...     {"probability": 500000, "seats": [[0, "core", 1]]},
    ...     {"probability": 500000, "seats": [[1, "core", 1]]}]}
    >>> verify_draw(t, 7).core == verify_draw(t, 7).core
    True
    """
    source = "<lottery>"
    if isinstance(table, Lottery):
        data: Any = table.model_dump(mode="json")
    elif isinstance(table, dict):
        data = table
    else:
        path = Path(table) if not str(table).lstrip().startswith("{") else None
        source = path.name if path is not None else source
        try:
            text = path.read_text(encoding="utf-8-sig") if path is not None else str(table)
            data = json.loads(text)
        except (OSError, ValueError) as e:
            raise InputError([_wrong(source, None, None, "lottery_json", why=str(e))]) from None
    parsed, problems = _table_problems(data, source)
    if parsed is None or problems:
        raise InputError(problems)
    out = draw_table(parsed, parsed.sha256(), seed)
    stated = data.get("drawn") if isinstance(data, dict) else None
    if isinstance(stated, dict) and stated.get("seed") == out.seed:
        _check_stated(stated, out, source)
    return out


def _check_stated(stated: dict[str, Any], out: Draw, source: str) -> None:
    """A stated draw with the same seed must be the one the table gives."""
    if Draw.model_validate(stated) != out:
        seed, row = str(out.seed), str(out.row)  # identifiers, written without separators
        raise InputError(
            [_wrong(source, "drawn", stated.get("row"), "lottery_drawn", seed=seed, network=row)]
        )


def lottery_report(lot: Lottery, language: str | None = None, draw: Draw | None = None) -> str:
    """The section "Lodtrækning": who was drawn among whom, each probability, the seed and
    the hash, and how to check it (Markdown)."""
    lang = language or lot.language
    d = draw or lot.drawn
    drawn = set(d.members)
    among = [i for i, p in lot.probability.items() if p > 0]
    lines = [
        f"## {say('lottery.title', lang)}",
        "",
        say("lottery.drawn", lang, drawn=count(len(drawn), "candidate", lang),
            among=count(len(among), "candidate", lang), rows=count(len(lot.table.rows), "lottery_network", lang),
            best=number(round(max(0.0, lot.best - lot.epsilon), 3), lang), hours=number(round(lot.hours + lot.hours_slack, 2), lang)),
        "",
        say("lottery.seed", lang, seed=d.seed, ticket=d.ticket, row=d.row + 1, hash=d.hash),
        "",
        "| id | " + " | ".join(say(f"lottery.col_{c}", lang) for c in ("p", "core", "drawn")) + " |",
        "|---|---:|---:|---|",
    ]  # fmt: skip
    for i in sorted(among, key=lambda i: (-lot.probability[i], i)):
        role = label(ROLES, "core", lang) if i in d.core else ", ".join(d.phases.get(i, []))
        lines.append(
            f"| {_md(i)} | {_pct(lot.probability[i], lang)} | "
            f"{_pct(lot.by_role[i].get('core', 0.0), lang)} | {_md(role) if i in drawn else ''} |"
        )
    if lot.never:
        lines += ["", say("lottery.never", lang)]
        lines += [f"- {_md(n.id)}: {n.text.get(lang, n.text['da'])}" for n in lot.never]
    lines += ["", say("lottery.check", lang, seed=d.seed)]
    return "\n".join(lines) + "\n"


def _pct(p: float, lang: str) -> str:
    return say("report.percent", lang, n=number(round(100 * p, 2), lang))
