"""Figures: the elements they must show, labels that never overlap, one color per bloc,
bands that conserve actors; through the real embedded database and the real CLI."""

from __future__ import annotations

import random

import matplotlib.colors as mcolors
import numpy as np
import pytest

from graphkit import api, plots
from graphkit.analysis import analyze
from graphkit.errors import BlocsError
from graphkit.model import Position
from graphkit.projection import project
from graphkit.store.embedded import EmbeddedStore
from tests.conftest import blocs

FAST = api.Params(runs=20, null_shuffles=0, include_weak=True)  # every swing, as before
LONG = ("AFRICAN_GROUP", "ARAB_GROUP", "CARICOM", "EU")


@pytest.fixture(scope="module")
def synthetic():
    """~100 actors in four camps that stray 15% of the time, some with long codes."""
    rng = random.Random(7)
    actors = [f"S{i:02d}" for i in range(96)] + list(LONG)
    camps = [actors[k::4] for k in range(4)]
    rows = []
    for p in range(40):
        sides = [rng.choice(("support", "oppose")) for _ in camps]
        for camp, side in zip(camps, sides, strict=True):
            for a in camp:
                stance = side if rng.random() > 0.15 else rng.choice(("support", "oppose"))
                rows.append(Position(a, f"P{p:02d}", None, stance, "AHC-9"))
    report = analyze(rows, session_label="AHC-9", runs=10, null_shuffles=0)
    return project(rows).graph, report


@pytest.fixture(scope="module")
def real(loaded_dir):
    store = EmbeddedStore(loaded_dir)
    try:
        view = api.session_view(store, None, FAST)
        prof = api.actor_profile(store, "USA", FAST)
    finally:
        store.close()
    return view, prof


def node_labels(fig):
    return [t for t in fig.axes[0].texts if t.get_gid() == "node-label"]


def overlapping_labels(fig) -> list[tuple[str, str]]:
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts = node_labels(fig)
    boxes = [t.get_window_extent(renderer) for t in texts]
    return [
        (texts[i].get_text(), texts[j].get_text())
        for i in range(len(boxes))
        for j in range(i + 1, len(boxes))
        if boxes[i].overlaps(boxes[j])
    ]


def legend_texts(fig) -> list[str]:
    return [t.get_text() for t in fig.legends[0].get_texts()]


def by_gid(fig, prefix: str) -> dict:
    return {
        a.get_gid(): a
        for ax in fig.axes
        for a in ax.get_children()
        if isinstance(a.get_gid(), str) and a.get_gid().startswith(prefix)
    }


# --------------------------------------------------------------------------- network


def test_network_labels_every_actor_lists_every_bloc_and_says_how(synthetic):
    G, report = synthetic
    fig = plots.network(G, report, window="positions")
    assert sorted(t.get_text() for t in node_labels(fig)) == sorted(report.membership)
    assert len(node_labels(fig)) == len(report.membership) == 100
    entries = legend_texts(fig)
    assert len(entries) == len(report.blocs) == 4
    assert {e.split()[0] for e in entries} == {f"#{b.id}" for b in report.blocs}
    title = fig.axes[0].get_title()
    assert "AHC-9" in title and "method net" in title and "10 runs" in title and "seed 0" in title


@pytest.mark.parametrize("dpi", [100, 220])
def test_network_labels_never_overlap(synthetic, dpi):
    G, report = synthetic
    fig = plots.network(G, report)
    fig.set_dpi(dpi)
    assert overlapping_labels(fig) == []


def test_separate_resolves_a_pile_of_boxes():
    pos = np.zeros((30, 2))  # everyone on the same spot
    half = np.full((30, 2), [12.0, 5.0])
    out = plots.separate(pos, half)
    assert len(plots.overlaps(out, half)) == 0


def test_network_of_a_real_session(real):
    view, _ = real
    fig = plots.network(view.graph, view.report, window="positions", negative=True)
    assert view.session == "AHC-7"
    title = fig.axes[0].get_title()
    assert "AHC-7" in title and view.report.method in title
    assert {t.get_text() for t in node_labels(fig)} == set(view.report.membership)
    assert len(legend_texts(fig)) == len(view.report.blocs)
    assert overlapping_labels(fig) == []
    assert by_gid(fig, "edges:positive") and by_gid(fig, "edges:negative")


# --------------------------------------------------------------------------- colors


def test_bloc_colors_are_fixed_by_stable_id():
    n = len(plots.PALETTE)
    assert len({plots.bloc_color(b) for b in range(n)}) == n
    assert plots.bloc_color(3) == plots.bloc_color(3 + n)
    assert plots.bloc_color(-1) == plots.UNASSIGNED


def test_a_bloc_has_one_color_in_network_flow_heatmap_and_profile(real):
    view, prof = real
    net = plots.network(view.graph, view.report)
    flo = plots.flow(view.reports, view.tracking)
    heat = plots.heatmap(view.graph, view.report)
    nodes, blocks, strips = by_gid(net, "nodes:"), by_gid(flo, "block:"), by_gid(heat, "strip:")
    for b in view.report.blocs:
        want = mcolors.to_rgba(plots.bloc_color(b.id))
        assert tuple(nodes[f"nodes:{b.id}"].get_facecolors()[0]) == pytest.approx(want)
        assert blocks[f"block:{view.session}:{b.id}"].get_facecolor() == pytest.approx(want)
        assert strips[f"strip:{b.id}"].get_facecolor() == pytest.approx(want)
    fig = plots.profile(prof.allies, "USA", reports=prof.reports)
    usa = {r.session: r.membership["USA"][0] for r in prof.reports if "USA" in r.membership}
    for ax in fig.axes:
        session = ax.get_gid().removeprefix("panel:") if ax.get_gid() else None
        if session in usa:
            want = mcolors.to_rgba(plots.bloc_color(usa[session]))
            assert mcolors.to_rgba(ax.title.get_color()) == pytest.approx(want)


# --------------------------------------------------------------------------- flow


def band_ends(patch) -> tuple[tuple[float, float], tuple[float, float]]:
    """(top, bottom) at the left and right ends of a band path."""
    v = patch.get_path().vertices
    return (v[0][1], v[7][1]), (v[3][1], v[4][1])


def test_flow_bands_conserve_actors(real):
    view, _ = real
    reports = view.reports
    fig = plots.flow(reports, view.tracking)
    blocks = {k.removeprefix("block:"): p for k, p in by_gid(fig, "block:").items()}
    bands = by_gid(fig, "band:")
    assert len(blocks) == sum(len(r.blocs) for r in reports)
    for r in reports:
        for b in r.blocs:
            assert blocks[f"{r.session}:{b.id}"].get_height() == pytest.approx(len(b.members))
    for r0, r1 in zip(reports, reports[1:], strict=False):
        p0, p1 = r0.partition(), r1.partition()
        leaving, arriving = {}, {}
        for gid, patch in bands.items():
            left, right = gid.removeprefix("band:").split("->")
            if not left.startswith(r0.session + ":"):
                continue
            a, b = int(left.rsplit(":", 1)[1]), int(right.rsplit(":", 1)[1])
            (t0, b0), (t1, b1) = band_ends(patch)
            width = t0 - b0
            assert width == pytest.approx(t1 - b1)  # a band keeps its width
            moved = {x for x in p0 if p0[x] == a and p1.get(x) == b}
            assert width == pytest.approx(len(moved)) and moved
            leaving.setdefault(a, []).append((b0, t0))
            arriving.setdefault(b, []).append((b1, t1))
            for block, (lo, hi) in (
                (f"{r0.session}:{a}", (b0, t0)),
                (f"{r1.session}:{b}", (b1, t1)),
            ):
                rect = blocks[block]
                assert rect.get_y() - 1e-9 <= lo and hi <= rect.get_y() + rect.get_height() + 1e-9
        for bloc, spans in leaving.items():
            staying = sum(1 for x in p0 if p0[x] == bloc and x in p1)
            assert sum(hi - lo for lo, hi in spans) == pytest.approx(staying)
            spans.sort()
            assert all(s[1] <= t[0] + 1e-9 for s, t in zip(spans, spans[1:], strict=False))
        for bloc, spans in arriving.items():
            stayed = sum(1 for x in p1 if p1[x] == bloc and x in p0)
            assert sum(hi - lo for lo, hi in spans) == pytest.approx(stayed)


def test_flow_highlights_exactly_the_tracked_swings(real):
    view, _ = real
    swings = {(s.actor, s.session_from, s.session_to) for s in view.tracking.swings}
    assert swings, "the bundled data has swing actors"
    drawn = {
        (a, b.session_from, b.session_to)
        for b in plots.flow_bands(view.reports)
        for a in b.actors
        if b.swing
    }
    assert drawn == swings
    fig = plots.flow(view.reports, view.tracking)
    listing = next(t.get_text() for t in fig.texts if t.get_gid() == "swing-list")
    assert all(actor in listing for actor, _, _ in swings)
    assert [t for t in fig.axes[0].texts if t.get_gid() == "swing-label"]
    assert "net" in fig.axes[0].get_title()
    quiet = plots.flow(view.reports, view.tracking, highlight_swings=False)
    assert not [t for t in quiet.axes[0].texts if t.get_gid() == "swing-label"]


# --------------------------------------------------------------------------- heatmap


def test_heatmap_groups_blocs_contiguously(real):
    view, _ = real
    fig = plots.heatmap(view.graph, view.report)
    ax = fig.axes[0]
    order = [t.get_text() for t in ax.get_yticklabels()]
    assert order == [t.get_text() for t in ax.get_xticklabels()]
    assert sorted(order) == sorted(view.report.membership)
    runs = [view.report.membership[a][0] for a in order]
    changes = [b for k, b in enumerate(runs) if k == 0 or b != runs[k - 1]]
    assert len(changes) == len(set(changes)) == len(view.report.blocs)
    M = next(iter(by_gid(fig, "agreement-matrix").values())).get_array()
    assert np.allclose(M, M.T, equal_nan=True) and np.nanmin(M) >= -1 and np.nanmax(M) <= 1
    i, j = order.index("USA"), order.index("RUS")
    assert M[i, j] == pytest.approx(view.graph["USA"]["RUS"]["index"])
    assert "AHC-7" in ax.get_title() and "net" in ax.get_title()


# --------------------------------------------------------------------------- profile


def test_profile_has_a_panel_per_session_with_the_top_relations(real):
    _, prof = real
    fig = plots.profile(prof.allies, prof.actor, reports=prof.reports, name=prof.name)
    panels = {ax.get_gid().removeprefix("panel:"): ax for ax in fig.axes if ax.get_gid()}
    assert list(panels) == list(prof.allies)
    for session, rel in prof.allies.items():
        ax = panels[session]
        if rel is None:
            assert [t for t in ax.texts if t.get_gid() == "absent"]
            continue
        want = [r.actor for r in rel.allies] + [r.actor for r in rel.opponents]
        assert [t.get_text() for t in ax.get_yticklabels()] == want
    assert "United States" in fig.get_suptitle()


# --------------------------------------------------------------------------- files, CLI


def test_save_writes_png_and_svg_and_rejects_other_suffixes(tmp_path, synthetic):
    fig = plots.profile({"AHC-1": None}, "USA")
    assert plots.save(fig, tmp_path / "a.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in plots.save(fig, tmp_path / "a.svg").read_text()
    with pytest.raises(BlocsError, match=r"\.png or \.svg"):
        plots.save(fig, tmp_path / "a.jpg")
    assert not (tmp_path / "a.jpg").exists()


def test_cli_checks_the_same_suffixes_as_save():
    from blocs import plotting as cli_plots

    assert cli_plots.SUFFIXES == plots.SUFFIXES


def test_cli_writes_png_and_svg(loaded_dir, tmp_path):
    png, svg = tmp_path / "net.png", tmp_path / "us.svg"
    result = blocs(
        "plot", "network", "-s", "AHC-5", "-o", str(png), "--runs", "5", data_dir=loaded_dir
    )
    assert result.returncode == 0, result.stderr
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    assert "AHC-5" in result.stderr
    result = blocs(
        "plot", "profile", "--actor", "the US", "-o", str(svg), "--runs", "5", data_dir=loaded_dir
    )
    assert result.returncode == 0, result.stderr
    text = svg.read_text()
    assert text.lstrip().startswith("<?xml") and "<svg" in text and "United States" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("plot", "flow", "-o", "out.jpg"), ".png or .svg"),
        (("plot", "profile", "-o", "out.png"), "--actor"),
        (("plot", "profile", "--actor", "Atlantis", "-o", "out.png"), "unknown actor"),
    ],
)
def test_cli_errors_are_one_line(loaded_dir, tmp_path, args, message):
    result = blocs(*args, data_dir=loaded_dir, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("Error:") and message in result.stderr
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.iterdir())


def test_browser_style_matches_plot_colors():
    """cypher/blocs.grass colors bloc nodes Color0..Color7 like bloc ids 0..7 in the figures."""
    import re

    from graphkit.model import PALETTE_LABELS
    from graphkit.plots import bloc_color
    from graphkit.store.queries import cypher_dir

    grass = (cypher_dir() / "blocs.grass").read_text()
    for i, label in enumerate(PALETTE_LABELS):
        block = re.search(rf"node\.{label} \{{([^}}]*)\}}", grass)
        assert block and f"color: {bloc_color(i)};" in block.group(1)
