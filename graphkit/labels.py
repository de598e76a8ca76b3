"""What a bloc is: its cohesion, the disagreement left inside, and a readable label.

Computed on the edge arrays (`EdgeList`) in one pass per quantity; the networkx-taking
functions (`cohesion`, `frustration`, `label_blocs`) convert and call the same code.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Hashable, Mapping
from dataclasses import dataclass

import networkx as nx
import numpy as np

from graphkit.communities import blocs_of
from graphkit.projection import EdgeList, as_edges


@dataclass(frozen=True)
class Description:
    """Per bloc: label, pooled cohesion, leading members; overall: frustration."""

    labels: dict[int, str]
    cohesion: dict[int, float | None]
    leading: dict[int, list]
    frustration: float


def _labels_array(edges: EdgeList, partition: Mapping[Hashable, int]) -> np.ndarray:
    return np.array([partition.get(v, -1) for v in edges.nodes], dtype=np.int64)


def describe(
    edges: EdgeList,
    partition: Mapping[Hashable, int],
    actor_groups: Mapping[str, Collection[str]],
    *,
    top: int = 3,
    min_share: float = 0.5,
) -> Description:
    """Cohesion, leading members, labels and frustration of `partition` on `edges`.

    * cohesion: agreement index pooled over member pairs, sum(agree - disagree) /
      sum(agree + disagree). Pooled, not averaged, so each pair counts by its evidence: a pair
      sharing one attributed group statement (weight 1/27) hardly moves it, a pair that took
      sides together forty times does. None for a bloc of one or without a side taken inside.
    * leading members: by the evidence that they belong: positions they stated themselves
      (node attribute `stated`), then net agreement with the rest of the bloc (weighted
      agreements minus disagreements, so a state that sided with its bloc forty times
      outranks one that did once or only through its group), then code.
    * label: the `top` leading members that stated anything themselves (when `stated` is
      known), then the groups the bloc mostly holds (a group is named when more than
      `min_share` of its members in the graph sit in the bloc; at most three, largest share
      first), e.g. "USA, GBR, CAN + WEOG"; a bloc whose members all spoke through their group
      is named by its groups alone ("EU, EEG, WEOG").
    * frustration: share of all disagreement that falls inside blocs.
    """
    lab = _labels_array(edges, partition)
    i, j = edges.pairs[:, 0], edges.pairs[:, 1]
    a, d = edges.column("agreements", np.nan), edges.column("disagreements", 0.0)
    if np.isnan(a).any():  # hand-made graphs without counts: weight as agreement
        a = np.where(np.isnan(a), edges.column("weight", 0.0), a)
    inside = (lab[i] == lab[j]) & (lab[i] >= 0) if len(i) else np.zeros(0, dtype=bool)
    total_d = float(d.sum())
    frustration = float(d[inside].sum()) / total_d if total_d > 0 else 0.0
    n, k = len(edges.nodes), int(lab.max()) + 1 if len(lab) else 0
    net = a - d
    strength = np.bincount(i[inside], net[inside], n) + np.bincount(j[inside], net[inside], n)
    agree_in = np.bincount(lab[i][inside], a[inside], k) if k else np.zeros(0)
    disagree_in = np.bincount(lab[i][inside], d[inside], k) if k else np.zeros(0)
    stated = edges.node_attrs.get("stated")
    has_stated = stated is not None
    stated = np.zeros(n) if stated is None else np.asarray(stated, dtype=float)
    index = {v: x for x, v in enumerate(edges.nodes)}

    group_members: dict[str, set] = defaultdict(set)
    for actor in edges.nodes:
        for group in actor_groups.get(actor, ()):
            group_members[group].add(actor)
    labels, cohesion, leading = {}, {}, {}
    for bloc, members in blocs_of(partition).items():
        x = [index.get(v) for v in members]
        key = {v: (-(stated[p] if p is not None else 0.0),
                   -(strength[p] if p is not None else 0.0), str(v))
               for v, p in zip(members, x, strict=True)}  # fmt: skip
        leading[bloc] = sorted(members, key=key.__getitem__)
        speakers = leading[bloc]
        if has_stated:  # name only members that said something themselves
            speakers = [v for v, p in zip(members, x, strict=True) if p is not None and stated[p]]
            speakers = sorted(speakers, key=key.__getitem__)
        evidence = agree_in[bloc] + disagree_in[bloc] if bloc < k else 0.0
        cohesion[bloc] = (
            float((agree_in[bloc] - disagree_in[bloc]) / evidence)
            if len(members) > 1 and evidence > 0
            else None
        )
        labels[bloc] = _label(speakers, set(members), group_members, top, min_share)
    return Description(labels, cohesion, leading, frustration)


def _label(leading: list, inside: set, group_members: dict, top: int, min_share: float) -> str:
    """Names, then groups; a bloc nobody in which spoke for itself is named by its groups."""
    central = leading[:top]
    shares = []
    for group, gm in group_members.items():
        if len(gm) < 2:
            continue
        share = len(gm & inside) / len(gm)
        if share > min_share:
            shares.append((-share, -len(gm), group))
    groups = [g for _, _, g in sorted(shares)[:3]]
    label = ", ".join(map(str, central))
    if groups:
        label = f"{label} + {', '.join(groups)}" if label else ", ".join(groups)
    elif len(inside) > len(central):
        more = len(inside) - len(central)
        label = f"{label} + {more} more" if label else f"{more} actors"
    return label


def frustration(
    G: nx.Graph | EdgeList, partition: Mapping[Hashable, int], *, weight: str = "disagreements"
) -> float:
    """Share of all disagreement (`weight`) that falls inside blocs (0 = never inside)."""
    edges = as_edges(G)
    lab = _labels_array(edges, partition)
    x = edges.column(weight, 0.0)
    inside = (lab[edges.pairs[:, 0]] == lab[edges.pairs[:, 1]]) & (lab[edges.pairs[:, 0]] >= 0)
    return float(x[inside].sum() / x.sum()) if x.sum() > 0 else 0.0


def cohesion(G: nx.Graph, members: Collection[Hashable]) -> float | None:
    """Pooled agreement index over member pairs (see `describe`); None for a bloc of one.

    Graphs without agreement counts fall back to the mean of `index` (or `weight`)."""
    sub = G.subgraph(members)
    edges = list(sub.edges(data=True))
    if edges and all("agreements" in d and "disagreements" in d for _, _, d in edges):
        a = sum(float(d["agreements"]) for _, _, d in edges)
        dis = sum(float(d["disagreements"]) for _, _, d in edges)
        return (a - dis) / (a + dis) if a + dis > 0 else None
    values = [float(d.get("index", d.get("weight", 0.0))) for _, _, d in edges]
    return float(np.mean(values)) if values else None


def leading_members(G: nx.Graph, members: Collection[Hashable]) -> list:
    """`members` by the evidence that they belong (see `describe`)."""
    members = list(members)
    partition = {v: 0 for v in members}
    return describe(_with_nodes(G), partition, {}).leading.get(0, sorted(members))


def label_blocs(
    G: nx.Graph,
    partition: Mapping[Hashable, int],
    actor_groups: Mapping[str, Collection[str]],
    *,
    top: int = 3,
    min_share: float = 0.5,
) -> dict[int, str]:
    """Readable names of the blocs of `partition` (see `describe`)."""
    return describe(_with_nodes(G), partition, actor_groups, top=top, min_share=min_share).labels


def _with_nodes(G: nx.Graph) -> EdgeList:
    """The arrays of G with its `stated` / `positions` node attributes."""
    edges = EdgeList.from_graph(G)
    for name in ("stated", "positions"):
        values = [G.nodes[v].get(name) for v in edges.nodes]
        if all(isinstance(x, int | float) for x in values) and values:
            edges.node_attrs[name] = np.array(values, dtype=float)
    return edges


def invert_membership(membership: Mapping[str, Collection[str]]) -> dict[str, set[str]]:
    """group -> members into actor -> groups (the shape `label_blocs` takes)."""
    out: dict[str, set[str]] = defaultdict(set)
    for group, members in membership.items():
        for m in members:
            out[m].add(group)
    return dict(out)
