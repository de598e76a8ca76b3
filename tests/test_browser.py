"""The Neo4j Browser, in a real headless Chromium, against a real Neo4j server.

Needs NEO4J_URI and NEO4J_HTTP (and NEO4J_PASSWORD): `tools/neo4j/start && . .neo4j/neo4j.env`;
Chromium (`apt-get install chromium`, or CHROMIUM=path) and `npm ci` (playwright-core). Skipped
otherwise, with the reason. Like tests/test_neo4j.py it replaces everything in the database.

It loads the bundled dataset and stores its blocs with the CLI, then tools/browser_check.mjs
connects the Browser served at NEO4J_HTTP/browser/ with the password, applies cypher/blocs.grass
with `:style`, runs allies_in_session (table) and browser_session_graph (graph) with their
`:param` header lines, and saves a screenshot (BLOCS_SCREENSHOT, default
docs/img/browser_session_graph.png). Chromium may reach 127.0.0.1 only.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, blocs

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
NODE = shutil.which("node")
SCRIPT = ROOT / "tools" / "browser_check.mjs"


def _skip_reason() -> str | None:
    if not (os.environ.get("NEO4J_URI") and os.environ.get("NEO4J_HTTP")):
        return "NEO4J_URI and NEO4J_HTTP are not set: run tools/neo4j/start, . .neo4j/neo4j.env"
    if not Path(CHROMIUM).is_file():
        return f"no Chromium at {CHROMIUM}: apt-get install chromium (or set CHROMIUM)"
    if not NODE:
        return "node is not on PATH"
    if not (ROOT / "node_modules" / "playwright-core").is_dir():
        return "playwright-core is not installed: npm ci"
    return None


pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.skipif(_skip_reason() is not None, reason=_skip_reason() or ""),
]


def _grass() -> dict[str, dict[str, str]]:
    """cypher/blocs.grass as {selector: {property: value}}."""
    text = (ROOT / "cypher" / "blocs.grass").read_text()
    rules = {}
    for selector, body in re.findall(r"([\w.]+)\s*\{([^}]*)\}", text):
        props = (p.split(":", 1) for p in body.split(";") if ":" in p)
        rules[selector] = {k.strip(): v.strip().strip('"') for k, v in props}
    return rules


def _neo4j_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k.startswith("NEO4J_")}


@pytest.fixture(scope="module")
def browser_report(tmp_path_factory):
    env = _neo4j_env()
    for args in (("db", "reset", "--yes"), ("load",), ("report", "--all-sessions", "--write")):
        r = blocs(*args, env=env)
        assert r.returncode == 0, f"blocs {' '.join(args)}: {r.stderr}"
    shot = Path(
        os.environ.get("BLOCS_SCREENSHOT") or ROOT / "docs" / "img" / "browser_session_graph.png"
    )
    shot.parent.mkdir(parents=True, exist_ok=True)
    r = subprocess.run(
        [NODE, str(SCRIPT), "--chromium", CHROMIUM, "--screenshot", str(shot)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


@pytest.fixture(scope="module")
def neo4j_store():
    from graphkit.store import Settings
    from graphkit.store.neo4j import Neo4jStore

    cfg = Settings.from_env()
    store = Neo4jStore(cfg.uri, cfg.user, cfg.password, cfg.database)
    yield store
    store.close()


def test_browser_connects_from_the_jar_with_nothing_from_outside(browser_report):
    assert browser_report["connected"]
    assert browser_report["errors"] == []
    assert browser_report["local_requests"] > 10  # the Browser's own assets, served from the jar
    for url in browser_report["blocked"]:  # fonts, analytics: aborted, the Browser works without
        assert "127.0.0.1" not in url


def test_style_is_accepted(browser_report):
    assert browser_report["style"] == "applied", browser_report.get("style_frame")


def test_allies_table_shows_the_rows_of_the_query(browser_report, neo4j_store):
    from graphkit.store.queries import get_query
    from tests.test_cypher import browser_params

    table = browser_report["table"]
    assert table["query"] == "allies_in_session"
    q = get_query("allies_in_session")
    rows = neo4j_store.run(q.name, **browser_params(q.text))
    assert rows and table["rows_shown"] == min(len(rows), 1000)
    assert table["columns"][1:] == list(rows[0])
    assert table["first_row"][1] == json.dumps(rows[0]["actor"])


def test_session_graph_draws_blocs_in_their_palette_colors(browser_report, neo4j_store):
    graph = browser_report["graph"]
    assert graph["query"] == "browser_session_graph"
    params = dict(re.findall(r":param (\w+) => '([^']*)'", " ".join(graph["params"])))
    blocs_ = neo4j_store.driver.execute_query(
        "MATCH (b:Bloc {session: $session, method: $method}) RETURN labels(b) AS labels",
        params,
        database_=neo4j_store.database,
    ).records
    assert blocs_, "no stored blocs for the session: did blocs report --write run?"

    grass = _grass()
    palette = {
        sel.split(".")[1]: rule["color"].lower() for sel, rule in grass.items() if "Color" in sel
    }
    expected = sorted(palette[lab] for rec in blocs_ for lab in rec["labels"] if lab in palette)
    bloc_r = float(grass["node.Bloc"]["diameter"].removesuffix("px")) / 2

    drawn: dict[tuple[str, float], int] = {}
    for key, n in graph["fills"].items():
        fill, r = key.split(" r=")
        drawn[fill, float(r)] = n
    bloc_fills = sorted(f for (f, r), n in drawn.items() if r == bloc_r for _ in range(n))
    assert bloc_fills == expected
    # every node drawn in a color of blocs.grass: no Browser default colors left
    styled = {rule["color"].lower() for rule in grass.values() if "color" in rule}
    assert {f for f, _ in drawn} <= styled
    actor_r = float(grass["node"]["diameter"].removesuffix("px")) / 2
    assert drawn.get((grass["node.Actor"]["color"].lower(), actor_r), 0) > 0  # states, gray


def test_screenshot_is_saved(browser_report):
    shot = Path(browser_report["screenshot"])
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000
