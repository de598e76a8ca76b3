"""Regenerate the figures of docs/figures.md (docs/img/*.png) from the bundled dataset.

    python tools/make_figures.py            # all figures, default analysis (100 runs)
    python tools/make_figures.py --runs 20  # quicker, for a look

Loads the bundled data (`loaders.pipeline.plan_bundled`) into an embedded store in a temp dir,
draws every figure through the same `graphkit.api` and `graphkit.plots` calls as `blocs plot`,
checks each one (no overlapping or clipped text, nothing under 6 pt, 16 cm wide) and writes it
at 300 dpi. Prints one `figure:` line per file.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graphkit import api, plots  # noqa: E402
from graphkit.store.embedded import EmbeddedStore  # noqa: E402
from loaders.pipeline import execute, plan_bundled  # noqa: E402

OUT = ROOT / "docs" / "img"


def figures(store, params: api.Params, actor: str) -> dict:
    """name -> Figure, every figure of docs/figures.md."""
    view = api.session_view(store, None, params)
    flow = api.flow_data(store, params)
    prof = api.actor_profile(store, actor, params)
    common = dict(names=view.names, kinds=view.kinds, timeline=view.timeline, window="positions")
    return {
        "network": plots.network(view.graph, view.report, **common),
        "network_disagreement": plots.network(view.graph, view.report, negative=True, **common),
        "flow": plots.flow(flow.reports, flow.tracking, timeline=flow.timeline, window="positions"),
        "heatmap": plots.heatmap(
            view.graph, view.report, timeline=view.timeline, window="positions"
        ),
        "heatmap_full": plots.heatmap(
            view.graph, view.report, full=True, timeline=view.timeline, window="positions"
        ),
        "profile": plots.profile(
            prof.allies,
            prof.actor,
            reports=prof.reports,
            name=prof.name,
            names=prof.names,
            timeline=prof.timeline,
            top=prof.top,
            window="positions",
        ),
    }


def check(name: str, fig) -> list[str]:
    """What would make the figure unfit for print (empty: fit)."""
    problems = []
    if abs(fig.get_figwidth() - plots.COLUMN_IN) > 1e-6:
        problems.append(f"{name}: {fig.get_figwidth() * 2.54:.1f} cm wide")
    if overlapping := plots.overlapping_texts(fig):
        problems.append(f"{name}: overlapping text {overlapping[:3]}")
    if outside := plots.texts_outside(fig):
        problems.append(f"{name}: text outside the figure {outside[:3]}")
    if plots.smallest_font(fig) < plots.MIN_PT:
        problems.append(f"{name}: text at {plots.smallest_font(fig)} pt")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=api.Params().runs)
    parser.add_argument("--actor", default="RUS")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    params = api.Params(runs=args.runs)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="blocs-figures-") as tmp:
        store = EmbeddedStore(Path(tmp) / "db")
        try:
            execute(store, plan_bundled())
            t0 = time.perf_counter()
            figs = figures(store, params, args.actor)
        finally:
            store.close()
    problems = []
    for name, fig in figs.items():
        problems += check(name, fig)
        path = plots.save(fig, args.out / f"{name}.png")
        w, h = fig.get_size_inches() * 2.54
        print(f"figure: {name} = {w:.1f} x {h:.1f} cm ({path})", flush=True)
    print(f"figure: figures_seconds = {time.perf_counter() - t0:.3g} s")
    for p in problems:
        print("problem:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
