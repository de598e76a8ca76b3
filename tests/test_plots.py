"""Figures as a journal prints them: 16 cm wide, no text under 6 pt, no two labels touching,
nothing cut off, the words that say what is shown and how, one color per bloc; through the
real embedded database and the real CLI. Geometry of each layout: tests/test_plot_layouts.py."""

from __future__ import annotations

import random
import re

import matplotlib.colors as mcolors
import numpy as np
import pytest
from PIL import Image

from graphkit import api, plots
from graphkit.analysis import analyze
from graphkit.errors import BlocsError
from graphkit.model import Position
from graphkit.projection import project
from tests.conftest import blocs, open_store

FAST = api.Params(runs=20, null_shuffles=5)
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
    store = open_store(loaded_dir)
    try:
        view = api.session_view(store, None, FAST)
        flow = api.flow_data(store, FAST)
        prof = api.actor_profile(store, "RUS", FAST)
        sessions = store.run("sessions")
    finally:
        store.close()
    return view, flow, prof, sessions


@pytest.fixture(scope="module")
def figures(real):
    """Every figure of `blocs plot`, drawn from the bundled data."""
    view, flow, prof, _ = real
    common = dict(timeline=view.timeline, window="positions")
    return {
        "network": plots.network(view.graph, view.report, names=view.names, kinds=view.kinds,
                                 **common),
        "network-negative": plots.network(view.graph, view.report, names=view.names,
                                          kinds=view.kinds, negative=True, **common),
        "flow": plots.flow(flow.reports, flow.tracking, timeline=flow.timeline,
                           window="positions"),
        "heatmap": plots.heatmap(view.graph, view.report, **common),
        "heatmap-full": plots.heatmap(view.graph, view.report, full=True, **common),
        "profile": plots.profile(prof.allies, prof.actor, reports=prof.reports, name=prof.name,
                                 names=prof.names, timeline=prof.timeline, top=prof.top,
                                 window="positions"),
    }  # fmt: skip


def texts(fig, prefix: str) -> dict[str, str]:
    return {
        t.get_gid(): t.get_text()
        for t in fig.findobj(lambda a: hasattr(a, "get_text") and hasattr(a, "get_gid"))
        if isinstance(t.get_gid(), str) and t.get_gid().startswith(prefix)
    }


def by_gid(fig, prefix: str) -> dict:
    return {
        a.get_gid(): a
        for a in fig.findobj()
        if isinstance(a.get_gid(), str) and a.get_gid().startswith(prefix)
    }


def words(fig) -> str:
    """Everything a reader can read on the figure, as one string."""
    return " ".join(text for text, _ in plots.text_boxes(fig)).replace("\n", " ")


# --------------------------------------------------------------------------- print rules

KINDS = ("network", "network-negative", "flow", "heatmap", "heatmap-full", "profile")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("dpi", [100, 300])
def test_every_figure_is_readable_at_column_width(figures, kind, dpi):
    fig = figures[kind]
    fig.set_dpi(dpi)
    assert fig.get_figwidth() == pytest.approx(16 / 2.54)
    assert plots.overlapping_texts(fig) == []
    assert plots.texts_outside(fig) == []
    assert plots.smallest_font(fig) >= plots.MIN_PT


@pytest.mark.parametrize("kind", KINDS)
def test_every_figure_says_what_window_and_how(figures, real, kind):
    view = real[0]
    text = words(figures[kind])
    assert "stated positions" in text.lower()
    rep = view.report  # runs that ran: the consensus stops early when the first 20 agree
    assert f"consensus of {rep.runs} {rep.method} Leiden runs" in text
    assert f"seeds {rep.seed}-{rep.seed + rep.runs - 1}" in text
    assert "resolution 1" in text and "at least 3 positions" in text
    if kind != "flow" and kind != "profile":
        assert view.session in text and "29 Jan - 9 Feb 2024" in text  # dates from the store


def test_the_checks_see_overlaps_and_clipping():
    """The guards above would catch a bad figure (they are not vacuous)."""
    sheet = plots.text.Sheet()
    ax = sheet.axes(1.0)
    ax.set_axis_off()
    ax.text(0.5, 0.5, "one label", fontsize=8)
    ax.text(0.52, 0.5, "another label", fontsize=8)
    ax.text(1.5, 0.5, "cut off", fontsize=8, transform=ax.transAxes)
    fig = sheet.finish()
    assert ("one label", "another label") in plots.overlapping_texts(fig)
    assert plots.texts_outside(fig) == ["cut off"]


# --------------------------------------------------------------------------- network


def test_network_labels_every_actor_once_and_lists_every_bloc(synthetic):
    G, report = synthetic
    fig = plots.network(G, report, window="positions")
    labels = texts(fig, "node:")
    assert sorted(labels) == sorted(f"node:{a}" for a in report.membership)
    assert len(labels) == 100
    keys = texts(fig, "key:bloc:")
    assert sorted(keys) == sorted(f"key:bloc:{b.id}" for b in report.blocs)
    for b in report.blocs:
        assert keys[f"key:bloc:{b.id}"].startswith(f"#{b.id} {b.label}")
    assert plots.overlapping_texts(fig) == []


def test_network_uses_short_names_where_they_fit(figures, real):
    view = real[0]
    labels = texts(figures["network"], "node:")
    assert labels["node:RUS"] == "Russia" and labels["node:DEU"] == "Germany"
    assert labels["node:USA"] == "US" and labels["node:GBR"] == "UK"
    for gid, label in labels.items():
        code = gid.removeprefix("node:")
        assert label == code or label == plots.short_name(code, view.names.get(code))


def test_network_draws_the_backbone_and_disagreements_on_demand(figures, real):
    view = real[0]
    plain, negative = figures["network"], figures["network-negative"]
    drawn = len(by_gid(plain, "edges:positive")["edges:positive"].get_segments())
    agreeing = sum(1 for *_, d in view.graph.edges(data=True) if d["index"] > 0)
    assert 0 < drawn <= 3 * view.graph.number_of_nodes() and drawn < agreeing / 5
    assert f"{drawn:,} of {agreeing:,} agreeing pairs" in words(plain)
    assert "strongest agreements" in words(plain)
    assert not by_gid(plain, "edges:negative") and by_gid(negative, "edges:negative")
    assert "strongest disagreement" in words(negative)


def test_network_hulls_one_per_bloc_in_the_bloc_color(figures, real):
    view = real[0]
    hulls = by_gid(figures["network"], "hull:")
    assert sorted(hulls) == sorted(f"hull:{b.id}" for b in view.report.blocs)


# --------------------------------------------------------------------------- colors


def test_bloc_colors_are_the_browser_palette_by_id_mod_8():
    """cypher/blocs.grass colors Bloc nodes Color0..Color7 by `bloc % 8` (write_blocs.cypher);
    the figures give bloc id k the color of Color{k % 8}, for any id."""
    from graphkit.model import PALETTE_LABELS
    from graphkit.store.queries import cypher_dir

    grass = (cypher_dir() / "blocs.grass").read_text()
    assert "row.bloc % 8" in (cypher_dir() / "write_blocs.cypher").read_text()
    for k in range(24):
        label = PALETTE_LABELS[k % 8]
        block = re.search(rf"node\.{label} \{{([^}}]*)\}}", grass)
        assert block and f"color: {plots.bloc_color(k)};" in block.group(1)
    assert len(set(plots.PALETTE)) == 8
    assert plots.bloc_color(-1) == plots.UNASSIGNED


def test_a_bloc_has_one_color_and_name_in_every_figure(figures, real):
    view, flow, prof, _ = real
    net, flo, heat = figures["network"], figures["flow"], figures["heatmap-full"]
    names = {**texts(net, "key:bloc:"), **texts(heat, "key:bloc:")}
    for b in view.report.blocs:
        want = mcolors.to_rgba(plots.bloc_color(b.id))
        (pill,) = by_gid(net, f"node:{b.members[0]}").values()
        assert pill.get_bbox_patch().get_facecolor() == pytest.approx(want)
        assert by_gid(flo, f"block:{view.session}:{b.id}")[
            f"block:{view.session}:{b.id}"
        ].get_facecolor() == pytest.approx(want)
        assert by_gid(heat, f"strip:{b.id}")[f"strip:{b.id}"].get_facecolor() == pytest.approx(want)
        assert names[f"key:bloc:{b.id}"].startswith(f"#{b.id} {plots.bloc_name(b)}")
    fig = figures["profile"]
    rus = {r.session: r.membership["RUS"].bloc for r in prof.reports if "RUS" in r.membership}
    panels = [ax for ax in fig.axes if (ax.get_gid() or "").startswith("panel:")]
    assert panels
    for ax in panels:
        session = ax.get_gid().removeprefix("panel:")
        want = mcolors.to_rgba(plots.bloc_color(rus[session]))
        head = by_gid(fig, f"panel-title:{session}")[f"panel-title:{session}"]
        assert mcolors.to_rgba(head.get_color()) == pytest.approx(want)
        assert f"bloc #{rus[session]}" in head.get_text()


# --------------------------------------------------------------------------- flow


def test_flow_is_on_a_time_axis_with_gaps_for_sessions_without_data(figures, real):
    _, flow, _, sessions = real
    fig = figures["flow"]
    blocks = by_gid(fig, "block:") | by_gid(fig, "pool:")
    x_of = {}
    for gid, patch in blocks.items():
        session = gid.split(":")[1]
        x_of[session] = patch.get_x() + patch.get_width() / 2
    with_data = [r.session for r in flow.reports]
    assert list(x_of) and sorted(x_of, key=x_of.get) == with_data
    dates = {r["session"]: r for r in sessions}
    import datetime as dt

    def mid(s):
        a, b = (dt.date.fromisoformat(dates[s][k]) for k in ("start", "end"))
        return (a.toordinal() + b.toordinal() + 1) / 2

    for s in with_data:  # columns sit at their dates (wider than the session only if short)
        assert x_of[s] == pytest.approx(mid(s), abs=1.0)
    first, last = mid(with_data[0]), mid(with_data[-1])
    expected_gaps = {s.id for s in flow.timeline if not s.has_data and first < mid(s.id) < last}
    gaps = {gid.removeprefix("gap:") for gid in by_gid(fig, "gap:")}
    assert gaps == expected_gaps
    headers = texts(fig, "header:")
    assert all(headers[f"header:{g}"] == f"{g}\nno data" for g in gaps)
    years = {
        t.get_text()
        for t in fig.findobj(lambda a: getattr(a, "get_gid", None) and a.get_gid() == "year")
    }
    assert {"2022", "2023", "2024"} <= years


def test_flow_shows_actors_without_data_as_not_analysed(figures, real):
    """Every column holds the same actors; those not analysed in a session are a grey block,
    and actors who fall silent flow into it rather than ending their bloc."""
    _, flow, _, _ = real
    fig = figures["flow"]
    everyone = set().union(*(r.membership for r in flow.reports))
    for r in flow.reports:
        sizes = [p.get_height() for gid, p in by_gid(fig, f"block:{r.session}:").items()]
        pool = by_gid(fig, f"pool:{r.session}:")
        assert sum(sizes) == pytest.approx(len(r.membership))
        assert sum(p.get_height() for p in pool.values()) == pytest.approx(
            len(everyone) - len(r.membership)
        )
    bands = plots.flow_bands(flow.reports, pool=True)
    for r0, r1 in zip(flow.reports, flow.reports[1:], strict=False):
        silent = {a for a in r0.membership if a not in r1.membership}
        leaving = {a for b in bands if b.session_from == r0.session and b.bloc_to == plots.POOL
                   and b.bloc_from != plots.POOL for a in b.actors}  # fmt: skip
        assert leaving == silent
        for b in bands:
            if b.session_from == r0.session and b.bloc_to == plots.POOL and b.bloc_from >= 0:
                assert by_gid(fig, f"band:{r0.session}:{b.bloc_from}->{r1.session}:-1")
    assert "not analysed in that session" in words(fig)


def test_flow_bands_conserve_actors(figures, real):
    _, flow, _, _ = real
    fig = figures["flow"]
    lay_bands = plots.flow_bands(flow.reports, pool=True)
    for r0, r1 in zip(flow.reports, flow.reports[1:], strict=False):
        step = [b for b in lay_bands if b.session_from == r0.session]
        assert sum(len(b.actors) for b in step) == len(set().union(
            *(r.membership for r in flow.reports)))  # fmt: skip
        for b in step:
            if b.bloc_from == b.bloc_to == plots.POOL:
                continue
            patch = by_gid(fig, f"band:{r0.session}:{b.bloc_from}->{r1.session}:{b.bloc_to}")
            (v,) = patch.values()
            verts = v.get_path().vertices
            assert verts[0][1] - verts[7][1] == pytest.approx(len(b.actors))
            assert verts[3][1] - verts[4][1] == pytest.approx(len(b.actors))


def test_flow_highlights_and_lists_exactly_the_tracked_swings(figures, real):
    _, flow, _, _ = real
    # swings come from significant sessions only (issue 12): the bundled data may have none,
    # and then no band may be outlined either
    swings = {(s.actor, s.session_from, s.session_to) for s in flow.tracking.swings}
    fig = figures["flow"]
    listing = texts(fig, "swing-list").get("swing-list", "")
    assert all(actor in listing for actor, _, _ in swings)
    outlined = {g for g, p in by_gid(fig, "band:").items() if p.get_linewidth() > 0}
    moved = {(s.session_from, s.bloc_from, s.session_to, s.bloc_to) for s in flow.tracking.swings}
    assert outlined == {f"band:{a}:{b}->{c}:{d}" for a, b, c, d in moved}
    quiet = plots.flow(flow.reports, flow.tracking, highlight_swings=False)
    assert not [p for p in by_gid(quiet, "band:").values() if p.get_linewidth() > 0]


class Flagged:
    """A real report with the significance flag of the trust layer (issue 12) set."""

    def __init__(self, report, significant: bool):
        self._report, self.significant = report, significant

    def __getattr__(self, name):
        return getattr(self._report, name)


def test_flow_marks_sessions_whose_blocs_are_not_significant(real):
    _, flow, _, _ = real
    reports = [Flagged(r, k != 1) for k, r in enumerate(flow.reports)]
    fig = plots.flow(reports, flow.tracking, timeline=flow.timeline, window="positions")
    doubtful = flow.reports[1].session
    header = texts(fig, f"header:{doubtful}")[f"header:{doubtful}"]
    assert header == f"{doubtful}\n{len(flow.reports[1].membership)} n.s."
    for gid, patch in by_gid(fig, "block:").items():
        assert (patch.get_hatch() is not None) == (gid.split(":")[1] == doubtful)
    assert "not significant" in words(fig)
    assert plots.overlapping_texts(fig) == []


# --------------------------------------------------------------------------- heatmap


def test_heatmap_summary_is_bloc_by_bloc_with_counts(figures, real):
    view = real[0]
    fig = figures["heatmap"]
    part = view.report.partition()
    blocs = sorted(view.report.blocs, key=lambda b: (-len(b.members), b.id))
    cells = texts(fig, "cell:")
    assert len(cells) == len(blocs) ** 2
    for a in blocs:
        for b in blocs:
            values = [
                d["index"]
                for u, v, d in view.graph.edges(data=True)
                if {part.get(u), part.get(v)} == {a.id, b.id}
                and (a.id != b.id or part.get(u) == part.get(v) == a.id)
            ]  # fmt: skip
            text = cells[f"cell:{a.id}:{b.id}"]
            if not values:
                assert text == "no shared\nproposal"
                continue
            assert text.startswith(f"{np.mean(values):+.2f}\nn={len(values):,}")
    rows = texts(fig, "row:")
    assert all(rows[f"row:{b.id}"].replace("\n", " ").startswith(f"#{b.id}") for b in blocs)


def test_full_heatmap_has_every_actor_once_per_side_in_bloc_order(figures, real):
    view = real[0]
    fig = figures["heatmap-full"]
    rows = texts(fig, "row-label:")
    cols = texts(fig, "col-label:")
    assert sorted(rows) == sorted(f"row-label:{a}" for a in view.report.membership)
    assert sorted(r.removeprefix("row-label:") for r in rows) == sorted(
        c.removeprefix("col-label:") for c in cols
    )
    order = plots.bloc_order(view.graph, view.report)
    runs = [view.report.membership[a][0] for a in order]
    changes = [b for k, b in enumerate(runs) if k == 0 or b != runs[k - 1]]
    assert len(changes) == len(set(changes)) == len(view.report.blocs)
    M = next(iter(by_gid(fig, "agreement-matrix").values())).get_array()
    assert np.allclose(M, M.T, equal_nan=True) and np.nanmin(M) >= -1 and np.nanmax(M) <= 1
    i, j = order.index("USA"), order.index("RUS")
    assert M[i, j] == pytest.approx(view.graph["USA"]["RUS"]["index"])


# --------------------------------------------------------------------------- profile


def test_profile_has_no_empty_panels_and_says_why_sessions_are_missing(figures, real):
    _, _, prof, _ = real
    fig = figures["profile"]
    panels = {ax.get_gid().removeprefix("panel:"): ax for ax in fig.axes
              if (ax.get_gid() or "").startswith("panel:")}  # fmt: skip
    analysed = [s for s, a in prof.allies.items() if a is not None]
    shown = [s for s in analysed if any(plots.rank_relations(prof.allies[s], prof.top))]
    assert list(panels) == shown and shown
    caption = texts(fig, "caption")["caption"].replace("\n", " ")
    for s, a in prof.allies.items():
        if a is None:
            assert s in caption
        elif s not in shown:  # analysed, nobody else on its proposals: said, not an empty panel
            assert f"{s} (no proposal on which another actor took a side)" in caption
    for slot in prof.timeline:
        if not slot.has_data and analysed[0] < slot.id < analysed[-1]:
            assert slot.id in caption
    for ax in panels.values():
        assert ax.get_xlim() == pytest.approx((-1.08, 1.08))
    assert "Russia" in words(fig) or "Russian Federation" in words(fig)


def test_profile_rows_are_ranked_by_index_then_evidence(figures, real):
    _, _, prof, _ = real
    for rel in prof.allies.values():
        if rel is None:
            continue
        allies, opponents = plots.rank_relations(rel, prof.top)
        for rows, sign in ((allies, 1), (opponents, -1)):
            keys = [(-sign * r.index, -r.n) for r in rows]
            assert keys == sorted(keys) and len(set(keys)) == len(keys)  # ties share a row
            assert len(rows) <= prof.top


# --------------------------------------------------------------------------- files, CLI


def test_save_writes_16_cm_at_300_dpi_and_svg(tmp_path, figures):
    fig = figures["heatmap"]
    png = plots.save(fig, tmp_path / "a.png")
    with Image.open(png) as im:
        assert abs(im.size[0] - 16 / 2.54 * 300) < 1
        assert im.info.get("dpi", (300, 300))[0] == pytest.approx(300, abs=1)
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


def test_cli_full_heatmap(loaded_dir, tmp_path):
    out = tmp_path / "full.svg"
    result = blocs("plot", "heatmap", "--full", "-o", str(out), "--runs", "5",
                   data_dir=loaded_dir)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "row-label:USA" in out.read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("plot", "flow", "-o", "out.jpg"), ".png or .svg"),
        (("plot", "profile", "-o", "out.png"), "--actor"),
        (("plot", "profile", "--actor", "Atlantis", "-o", "out.png"), "unknown actor"),
        (("plot", "flow", "--full", "-o", "out.png"), "--full applies to heatmap"),
        (("plot", "network", "--strongest", "2", "--disparity", "0.05", "-o", "o.png"), "one"),
        (("plot", "network", "-s", "AHC-9", "-o", "out.png"), "sessions with positions"),
    ],
)
def test_cli_errors_are_one_line(loaded_dir, tmp_path, args, message):
    result = blocs(*args, data_dir=loaded_dir, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("Error:") and message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not list(tmp_path.iterdir())
