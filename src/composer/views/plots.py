"""Pictures of a composition: the network, coverage by phase, the meeting plan.

matplotlib is an optional extra (``pip install 'netvaerk-composer[plot]'``); it is
imported inside each function, so ``import composer`` never loads it. Every function
returns the matplotlib :class:`~matplotlib.figure.Figure`, writes its labels in the
brief's language (Danish by default) and shows people by id: names are personal data and
appear only with ``show_names=True``.

Examples
--------
A plain prose example (the figures are drawn in the tests and the notebooks)::

    import composer
    from composer import plots
    from composer.datasets import load_sample

    pool, brief = load_sample("klimatilpasning")
    comp = composer.compose(pool, brief, seed=0)
    plots.plot_network(comp, pool).savefig("network.png", dpi=100)
    plots.plot_coverage(comp)
    plots.plot_meetings(comp)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..messages import PLOT_TEXT as _T
from ..models import ActorType
from ..text import number

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..pool import CandidatePool
    from ..result import CompositionData, Member

__all__ = ["plot_coverage", "plot_meetings", "plot_network"]

INSTALL_HINT = "pip install 'netvaerk-composer[plot]'"

#: One colour per actor type (colour-blind friendly Okabe–Ito first, then tab10 tones).
ACTOR_COLOURS: dict[str, str] = {
    ActorType.municipal_staff.value: "#0072B2",
    ActorType.municipal_manager.value: "#56B4E9",
    ActorType.citizen.value: "#E69F00",
    ActorType.user.value: "#F0E442",
    ActorType.relative.value: "#D55E00",
    ActorType.interest_organisation.value: "#CC79A7",
    ActorType.company.value: "#009E73",
    ActorType.evaluation_institute.value: "#8C564B",
    ActorType.union.value: "#7F7F7F",
    ActorType.other_municipality.value: "#17BECF",
    ActorType.researcher.value: "#9467BD",
    ActorType.politician.value: "#D62728",
    ActorType.other.value: "#BCBD22",
}
_OTHER_COLOUR = "#BCBD22"
_ROLE_MARKERS = {"core": "o", "phase": "^"}
_ROLE_COLOURS = {"core": "#0072B2", "phase": "#E69F00"}


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:  # pragma: no cover - exercised by a test that hides matplotlib
        raise ImportError(f"composer's plots need matplotlib: {INSTALL_HINT}") from e
    return plt


def _texts(comp: CompositionData, language: str | None) -> tuple[str, dict[str, str]]:
    lang = language or comp.language
    return lang, _T.get(lang, _T["da"])


def _plain(text: object) -> str:
    """User text as matplotlib should print it: a ``$`` is a dollar, not mathtext."""
    return str(text).replace("$", r"\$")


def _who(m: Member, show_names: bool) -> str:
    return _plain((m.name or m.id) if show_names else m.id)


def _actor_label(key: str, language: str) -> str:
    try:
        return ActorType(key).label(language)
    except ValueError:
        return key


def _ordered_members(comp: CompositionData) -> list[Member]:
    """The core in its order, then phase participants by first meeting, then id."""
    core = list(comp.core)
    core_ids = {m.id for m in core}
    rest = [m for m in comp.members if m.id not in core_ids]
    rest.sort(key=lambda m: (min(m.meetings, default=0), m.id))
    return core + rest


def _meeting_span(meetings: list[int]) -> str:
    ms = sorted(meetings)
    if len(ms) > 1 and ms == list(range(ms[0], ms[-1] + 1)):
        return f"{ms[0]}–{ms[-1]}"
    return ", ".join(str(k) for k in ms)


# ------------------------------------------------------------------------- network
def _member_positions(
    g: Any, members: list[str], need_pos: dict[str, Any], seed: int
) -> dict[str, Any]:
    """Each member at the weighted centre of the needs they cover, pulled apart.

    A member covering one need sits near it, inside the circle; a member covering needs
    all round sits near the middle. Members closer than a node's width push each other
    apart (a few hundred small steps) and stay inside the circle of needs.
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    xy = np.zeros((len(members), 2))
    for i, cid in enumerate(members):
        pts, ws = [], []
        for nb, data in g[cid].items():
            if data.get("kind") == "covers" and nb in need_pos:
                pts.append(need_pos[nb])
                ws.append(float(data.get("coverage", 1.0)))
        if pts:
            xy[i] = 0.72 * np.average(np.array(pts), axis=0, weights=np.array(ws))
        xy[i] += rng.normal(0.0, 0.02, 2)
    gap, limit = 0.2, 0.8
    for _ in range(300):
        diff = xy[:, None, :] - xy[None, :, :]
        dist = np.sqrt((diff**2).sum(-1)) + np.eye(len(members))
        push = np.clip(gap - dist, 0.0, None) / dist
        np.fill_diagonal(push, 0.0)
        step = 0.5 * (diff * push[:, :, None]).sum(axis=1)
        if not step.any():
            break
        xy += step
        r = np.sqrt((xy**2).sum(-1))
        far = r > limit
        xy[far] *= (limit / r[far])[:, None]
    return {cid: xy[i] for i, cid in enumerate(members)}


def plot_network(
    comp: CompositionData,
    pool: CandidatePool | None = None,
    *,
    ax: Axes | None = None,
    language: str | None = None,
    show_names: bool = False,
    legend: bool = True,
    seed: int = 0,
) -> Figure:
    """Draw the composed network: members, the needs they cover, and who knows whom.

    Needs sit on a circle (grey squares, red edge where the network has a gap); members
    sit at the weighted centre of the needs they cover, pulled apart where they crowd,
    coloured by actor type, round for the core and triangular for phase participants.
    Thin grey lines are member–need coverage; dark lines are ``knows`` ties between
    members (from ``pool``, or any ``kind="knows"`` edge of the graph).

    Parameters
    ----------
    comp : Composition
    pool : CandidatePool, optional
        The pool the composition came from; its ``knows`` column gives the ties.
    ax : matplotlib Axes, optional
        Draw into this axes; by default a new figure is made.
    language : {"da", "en"}, optional
        Language of the labels; the composition's language by default.
    show_names : bool
        Label members by name instead of id (names are personal data).
    legend : bool
        Draw the legend (right of a new figure, below a given ``ax``).
    seed : int
        Seed of the layout, so the picture is the same on every run.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ImportError
        When matplotlib is not installed.
    """
    plt = _pyplot()
    import numpy as np

    from .graph import composition_graph

    lang, t = _texts(comp, language)
    g = composition_graph(comp, pool, show_names=show_names)
    needs = [n for n, k in g.nodes(data="kind") if k == "need"]
    members = _ordered_members(comp)
    own_figure = ax is None
    if ax is None:
        fig, ax = plt.subplots(figsize=(10.5, 8), layout="constrained")
    else:
        fig = ax.figure

    # Needs on a circle, in the brief's order (which groups them by kind), from the top.
    angles = np.pi / 2 - 2 * np.pi * np.arange(len(needs)) / max(len(needs), 1)
    pos: dict[str, Any] = {
        n: np.array([np.cos(a), np.sin(a)]) for n, a in zip(needs, angles, strict=True)
    }
    pos.update(_member_positions(g, [m.id for m in members], pos, seed))
    has_ties = _draw_edges(ax, g, pos)
    _draw_needs(ax, g, needs, pos, angles)
    actor_types = _draw_members(ax, members, pos, show_names)

    title = t["network"].format(theme=_plain(comp.theme))
    handles = _network_legend(t, lang, actor_types, any(g.nodes[n]["gap"] for n in needs), has_ties)
    if legend and own_figure:
        fig.legend(handles=handles, loc="outside right upper", fontsize=8, frameon=False)
    elif legend:
        ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, 0.0),
            ncols=3,
            fontsize=7,
            frameon=False,
        )
    ax.set_title(title)
    ax.set_aspect("equal")
    ax.set_xlim(-1.62, 1.62)
    ax.set_ylim(-1.72, 1.6)
    ax.set_axis_off()
    return fig


def _draw_edges(ax: Axes, g: Any, pos: dict[str, Any]) -> bool:
    """Coverage lines (thin, grey, wider for more coverage) and ties; True if any tie."""
    from matplotlib.collections import LineCollection

    covers = [
        (pos[a], pos[b], d.get("coverage", 1.0))
        for a, b, d in g.edges(data=True)
        if d.get("kind") == "covers"
    ]
    ax.add_collection(
        LineCollection(
            [[a, b] for a, b, _ in covers],
            colors="#9a9a9a",
            linewidths=[0.4 + 1.2 * c for _, _, c in covers],
            alpha=0.6,
            zorder=1,
        )
    )
    ties = [[pos[a], pos[b]] for a, b, k in g.edges(data="kind") if k == "knows"]
    if ties:
        ax.add_collection(LineCollection(ties, colors="#222222", linewidths=2.0, zorder=2))
    return bool(ties)


def _draw_needs(ax: Axes, g: Any, needs: list[str], pos: dict[str, Any], angles: Any) -> None:
    """Grey squares sized by weight (red edge: a gap), names written outwards."""
    import numpy as np

    gap = [bool(g.nodes[n]["gap"]) for n in needs]
    xy = np.array([pos[n] for n in needs]).reshape(-1, 2)
    ax.scatter(
        xy[:, 0],
        xy[:, 1],
        s=[60 + 40 * g.nodes[n]["weight"] for n in needs],
        marker="s",
        c="#d9d9d9",
        edgecolors=["#D62728" if x else "#7f7f7f" for x in gap],
        linewidths=[2.0 if x else 0.8 for x in gap],
        zorder=3,
    )
    for n, a, is_gap in zip(needs, angles, gap, strict=True):
        deg = np.degrees(a) % 360
        flip = 90 < deg < 270  # keep text upright on the left half
        ax.text(
            1.09 * np.cos(a),
            1.09 * np.sin(a),
            _plain(g.nodes[n]["label"]),
            rotation=deg + 180 if flip else deg,
            rotation_mode="anchor",
            ha="right" if flip else "left",
            va="center",
            fontsize=8,
            color="#D62728" if is_gap else "#333333",
        )


def _draw_members(
    ax: Axes, members: list[Member], pos: dict[str, Any], show_names: bool
) -> list[str]:
    """One scatter per (role, actor type), labels below; returns the actor types drawn."""
    import numpy as np

    order = list(ACTOR_COLOURS)
    actor_types = sorted(
        {m.actor_type for m in members}, key=lambda a: order.index(a) if a in order else 99
    )
    for role in ("core", "phase"):
        for actor in actor_types:
            group = [m for m in members if m.role == role and m.actor_type == actor]
            if not group:
                continue
            xy = np.array([pos[m.id] for m in group])
            ax.scatter(
                xy[:, 0],
                xy[:, 1],
                s=420 if role == "core" else 260,
                marker=_ROLE_MARKERS.get(role, "o"),
                c=ACTOR_COLOURS.get(actor, _OTHER_COLOUR),
                edgecolors="#222222",
                linewidths=1.0,
                zorder=4,
            )
    for m in members:
        ax.annotate(
            _who(m, show_names),
            tuple(pos[m.id]),
            xytext=(0, -15 if m.role == "core" else -11),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=7.5,
            zorder=5,
            bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.75},
        )
    return actor_types


def _network_legend(
    t: dict[str, str], lang: str, actor_types: list[str], has_gap: bool, has_ties: bool
) -> list[Any]:
    from matplotlib.lines import Line2D

    def marker(shape: str, label: str, face: str = "white", edge: str = "#222222") -> Any:
        size = {"o": 9, "^": 10, "s": 8}[shape]
        width = 2.0 if edge == "#D62728" else 1.0
        return Line2D(
            [], [], ls="", marker=shape, ms=size, mfc=face, mec=edge, mew=width, label=label
        )

    handles = [marker("o", t["core"]), marker("^", t["phase"])]
    handles += [
        marker("o", _actor_label(a, lang), ACTOR_COLOURS.get(a, _OTHER_COLOUR)) for a in actor_types
    ]
    handles.append(marker("s", t["need"], "#d9d9d9", "#7f7f7f"))
    if has_gap:
        handles.append(marker("s", t["need_gap"], "#d9d9d9", "#D62728"))
    handles.append(Line2D([], [], color="#9a9a9a", lw=1.2, label=t["covers"]))
    if has_ties:
        handles.append(Line2D([], [], color="#222222", lw=2.0, label=t["knows"]))
    return handles


# ------------------------------------------------------------------------ coverage
def plot_coverage(
    comp: CompositionData, *, language: str | None = None, show_names: bool = False
) -> Figure:
    """A heatmap per phase: the members present (rows) × the brief's needs (columns).

    A cell is the member's coverage of the need (0–1; values under 0.3 are not kept in a
    composition and show as 0). Columns of needs that do not count in a phase are grey;
    a red frame marks a need the network leaves short in that phase (a gap). Core
    participants are written in bold.

    Parameters
    ----------
    comp : Composition
    language : {"da", "en"}, optional
        Language of the labels; the composition's language by default.
    show_names : bool
        Label rows by name instead of id (names are personal data).

    Returns
    -------
    matplotlib.figure.Figure
        One axes per phase, stacked, and one for the colour bar.
    """
    plt = _pyplot()
    import matplotlib

    _, t = _texts(comp, language)
    brief = comp.brief
    phases = brief.phase_names
    need_names = [ns.name for ns in comp.needs]
    members = _ordered_members(comp)
    rows_per_phase = [
        [m for m in members if ph.lower() in {p.lower() for p in m.phases}] for ph in phases
    ]
    heights = [max(len(r), 1) for r in rows_per_phase]
    fig, axes = plt.subplots(
        len(phases),
        1,
        sharex=True,
        figsize=(2.8 + 0.42 * len(need_names), 2.2 + 0.27 * sum(heights) + 0.45 * len(phases)),
        height_ratios=heights,
        layout="constrained",
        squeeze=False,
    )
    cmap = matplotlib.colormaps["Blues"].with_extremes(bad="#ececec")
    image = None
    for ax, ph, rows in zip(axes[:, 0], phases, rows_per_phase, strict=True):
        ax.set_title(
            t["phase_title"].format(
                phase=_plain(ph), meetings=_meeting_span(brief.phase(ph).meetings)
            ),
            fontsize=9,
            loc="left",
        )
        if need_names:
            image = _coverage_panel(ax, ph, rows, comp, cmap, show_names)
        else:
            ax.text(0.5, 0.5, t["no_needs"], ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
    bottom = axes[-1, 0]
    if need_names:
        bottom.set_xticks(
            range(len(need_names)),
            [_plain(n) for n in need_names],
            rotation=40,
            ha="right",
            fontsize=8,
        )
    fig.suptitle(t["coverage"])
    if image is not None:
        fig.colorbar(image, ax=axes[:, 0].tolist(), label=t["coverage_bar"], shrink=0.4)
    fig.supxlabel(t["not_in_phase"], fontsize=8, color="#555555")
    return fig


def _coverage_panel(
    ax: Axes, phase: str, rows: list[Member], comp: CompositionData, cmap: Any, show_names: bool
) -> Any:
    """One phase: members present × every need; grey where the need does not count."""
    import numpy as np
    from matplotlib.patches import Rectangle

    need_names = [ns.name for ns in comp.needs]
    counts_here = [phase.lower() in {p.lower() for p in ns.phases} for ns in comp.needs]
    gaps_here = {gp.need for gp in comp.gaps if phase.lower() in {p.lower() for p in gp.phases}}
    data = np.array(
        [[m.needs_covered.get(n, 0.0) for n in need_names] for m in rows]
        or [[0.0] * len(need_names)]
    )
    mask = np.broadcast_to(~np.array(counts_here), data.shape)
    image = ax.imshow(
        np.ma.array(data, mask=mask),
        cmap=cmap,
        vmin=0,
        vmax=1,
        aspect="auto",
        interpolation="nearest",
    )
    for j, need in enumerate(need_names):
        if need in gaps_here:
            ax.add_patch(
                Rectangle(
                    (j - 0.5, -0.5),
                    1,
                    len(data),
                    fill=False,
                    edgecolor="#D62728",
                    lw=2,
                    clip_on=False,
                )
            )
    ax.set_yticks(range(len(rows)), [_who(m, show_names) for m in rows], fontsize=8)
    for label, m in zip(ax.get_yticklabels(), rows, strict=True):
        if m.role == "core":
            label.set_fontweight("bold")
    ax.tick_params(length=0)
    return image


# ------------------------------------------------------------------------ meetings
def plot_meetings(
    comp: CompositionData,
    *,
    ax: Axes | None = None,
    language: str | None = None,
    show_names: bool = False,
) -> Figure:
    """The meeting plan over time: meetings across, people down (core first), hours in cells.

    Each filled cell is a meeting the person attends, with its hours; the column on the
    right is the person's total. Phases are shaded bands named at the top.

    Parameters
    ----------
    comp : Composition
    ax : matplotlib Axes, optional
        Draw into this axes; by default a new figure is made.
    language : {"da", "en"}, optional
        Language of the labels; the composition's language by default.
    show_names : bool
        Label rows by name instead of id (names are personal data).

    Returns
    -------
    matplotlib.figure.Figure
    """
    plt = _pyplot()
    from matplotlib.patches import Patch

    lang, t = _texts(comp, language)
    brief = comp.brief
    n_meetings = brief.meetings.count
    hours = brief.meetings.hours
    members = _ordered_members(comp)
    if ax is None:
        fig, ax = plt.subplots(
            figsize=(3.0 + 1.1 * n_meetings, 1.6 + 0.34 * max(len(members), 1)),
            layout="constrained",
        )
    else:
        fig = ax.figure

    for k, ph in enumerate(brief.phases):
        lo, hi = min(ph.meetings) - 0.5, max(ph.meetings) + 0.5
        ax.axvspan(lo, hi, color="#f2f2f2" if k % 2 == 0 else "#ffffff", zorder=0)
        ax.text(
            (lo + hi) / 2,
            -0.9,
            _plain(ph.name),
            ha="center",
            va="bottom",
            fontsize=9,
            fontstyle="italic",
        )
    for y, m in enumerate(members):
        colour = _ROLE_COLOURS.get(m.role, "#7f7f7f")
        ax.broken_barh(
            [(k - 0.42, 0.84) for k in sorted(m.meetings)],
            (y - 0.38, 0.76),
            facecolors=colour,
            edgecolors="white",
            zorder=2,
        )
        for k in m.meetings:
            ax.text(
                k,
                y,
                number(hours, lang),
                ha="center",
                va="center",
                fontsize=8,
                color="white" if m.role == "core" else "#222222",
                zorder=3,
            )
        ax.text(n_meetings + 0.75, y, number(m.hours, lang), ha="center", va="center", fontsize=8)
    n_core = sum(1 for m in members if m.role == "core")
    if 0 < n_core < len(members):
        ax.axhline(n_core - 0.5, color="#555555", lw=1, ls="--", zorder=1)
    ax.text(n_meetings + 0.75, -0.9, t["total"], ha="center", va="bottom", fontsize=9)
    ax.set_xlim(0.5, n_meetings + 1.2)
    ax.set_ylim(len(members) - 0.5, -1.2)
    ax.set_xticks(
        range(1, n_meetings + 1), [t["meeting"].format(k=k) for k in range(1, n_meetings + 1)]
    )
    ax.set_yticks(range(len(members)), [_who(m, show_names) for m in members], fontsize=8)
    for label, m in zip(ax.get_yticklabels(), members, strict=True):
        if m.role == "core":
            label.set_fontweight("bold")
    ax.tick_params(length=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    roles = [r for r in ("core", "phase") if any(m.role == r for m in members)]
    ax.legend(
        handles=[Patch(color=_ROLE_COLOURS[r], label=t[r]) for r in roles],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.06),
        ncols=2,
        fontsize=8,
        frameon=False,
    )
    ax.set_title(t["meetings"], pad=12)
    return fig
