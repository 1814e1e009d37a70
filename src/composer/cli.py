"""Command line: ``python -m composer`` (or ``composer``) for network leaders and other tools.

Commands
--------
demo                      compose the embedded sample and print the report
summary CANDIDATES BRIEF  validate the files and print a summary of the pool
compose CANDIDATES BRIEF  compose a network; ``--json`` prints the Composition as JSON
schema brief|composition  print the JSON Schema of a brief or of a composition

Exit codes: 0 done, 2 bad input, 3 the request cannot be met.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .errors import InfeasibleError, InputError
from .loaders import load_brief, load_candidates
from .models import ActorType, NetworkBrief
from .pool import CandidatePool
from .validation import validate

__all__ = ["main", "pool_summary"]

DEMO_SAMPLE = "klimatilpasning"


def pool_summary(pool: CandidatePool, brief: NetworkBrief) -> str:
    """A plain-text summary of a pool under a brief: counts by actor type, orientation, phase.

    Examples
    --------
    >>> from composer.datasets import load_sample
    >>> print(pool_summary(*load_sample("klimatilpasning")).splitlines()[0])  # doctest: +ELLIPSIS
    Pool: ... candidates from candidates.csv – theme: ...
    """
    f = pool.frame
    lines = [f"Pool: {len(pool)} candidates from {pool.source} – theme: {brief.theme}", ""]
    lines.append("By actor type:")
    counts = f["actor_type"].value_counts()
    for a in ActorType:
        if counts.get(a.value, 0):
            lines.append(f"  {a.label_da:<24} {counts[a.value]:>6}")
    lines.append("")
    lines.append("By orientation (se ind / på tværs / se ud):")
    oc = pool.orientation(brief).value_counts()
    for o in ("inside", "across", "outside"):
        lines.append(f"  {o:<24} {int(oc.get(o, 0)):>6}")
    lines.append("")
    lines.append("Available per phase:")
    avail = pool.available_phases(brief)
    for j, ph in enumerate(brief.phase_names):
        lines.append(f"  {ph:<24} {int(avail[:, j].sum()):>6}")
    lines.append(f"  {'all phases':<24} {int(avail.all(axis=1).sum()):>6}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m composer``."""
    parser = argparse.ArgumentParser(prog="composer", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("demo", help="summarise and compose the embedded sample")
    p_sum = sub.add_parser("summary", help="validate files and summarise the pool")
    p_sum.add_argument("candidates")
    p_sum.add_argument("brief")
    p_comp = sub.add_parser("compose", help="compose a network and print the report")
    p_comp.add_argument("candidates")
    p_comp.add_argument("brief")
    p_comp.add_argument("--json", action="store_true", help="print the Composition as JSON")
    p_comp.add_argument("--seed", type=int, default=0)
    p_comp.add_argument("--method", choices=["auto", "greedy", "exact"], default="auto")
    p_schema = sub.add_parser("schema", help="print the JSON Schema of a brief or a composition")
    p_schema.add_argument("what", choices=["brief", "composition"])
    args = parser.parse_args(argv)
    if args.command == "schema":
        import json

        from .composition import Composition
        from .models import NetworkBrief

        model = NetworkBrief if args.what == "brief" else Composition
        print(json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False))
        return 0
    try:
        if args.command == "demo":
            from .datasets import load_sample

            pool, brief = load_sample(DEMO_SAMPLE)
        else:
            pool = load_candidates(args.candidates)
            brief = load_brief(args.brief)
        validate(pool, brief)
        if args.command == "summary":
            print(pool_summary(pool, brief))
            return 0
        from .planner import compose

        comp = compose(
            pool, brief, seed=getattr(args, "seed", 0), method=getattr(args, "method", "auto")
        )
        if getattr(args, "json", False):
            print(comp.model_dump_json(indent=2))
        else:
            if args.command == "demo":
                print(pool_summary(pool, brief))
                print()
            print(comp.explain())
    except InputError as e:
        print(str(e), file=sys.stderr)
        return 2
    except InfeasibleError as e:
        print(str(e), file=sys.stderr)
        return 3
    return 0
