"""Tracking: stable ids through relabelling, splits, merges, swings."""

from __future__ import annotations

import random

from graphkit.tracking import match_blocs, track

WEST = {"USA", "GBR", "CAN", "AUS", "NZL", "JPN"}
EAST = {"RUS", "CHN", "IRN", "SYR", "PRK", "BLR"}
SOUTH = {"BRA", "IND", "ZAF", "EGY", "NGA", "MEX"}


def partition(*blocs, labels=None):
    labels = labels or range(len(blocs))
    return {actor: label for label, bloc in zip(labels, blocs, strict=True) for actor in bloc}


def test_relabelled_blocs_keep_their_ids():
    prev = {0: WEST, 1: EAST, 2: SOUTH}
    curr = {7: SOUTH, 3: WEST, 9: EAST}
    m = match_blocs(prev, curr)
    assert m.mapping == {3: 0, 7: 2, 9: 1}
    assert m.jaccard == {3: 1.0, 7: 1.0, 9: 1.0}
    assert m.new == () and m.ended == ()
    assert m.splits == () and m.merges == ()


def test_matching_is_one_to_one_and_prefers_the_best_overlap():
    prev = {0: WEST | {"KOR"}, 1: EAST}
    # both current blocs overlap WEST; only the bigger overlap keeps id 0
    curr = {0: {"USA", "GBR", "CAN", "AUS", "KOR"}, 1: {"NZL", "JPN"}, 2: EAST}
    m = match_blocs(prev, curr)
    assert m.mapping[0] == 0
    assert m.mapping[2] == 1
    assert m.mapping[1] == 2  # new id, one past the largest previous one
    assert m.new == (1,)


def test_low_overlap_gets_a_new_id():
    m = match_blocs({0: WEST}, {0: {"USA"} | SOUTH}, min_jaccard=0.3)
    assert m.mapping == {0: 1}
    assert m.ended == (0,)


def test_a_bloc_keeps_its_id_when_half_its_members_stay_away():
    m = match_blocs({0: WEST, 1: EAST}, {5: {"USA", "GBR", "CAN"}, 6: EAST})
    assert m.mapping == {5: 0, 6: 1}
    assert m.jaccard[5] == 1.0  # measured on the actors present in both sessions
    assert m.splits == ()  # absentees are not a split


def test_a_bloc_that_grows_with_newcomers_keeps_its_id():
    # seven states with enough positions in one session, thirty-eight in the next
    newcomers = {f"N{k:02d}" for k in range(31)}
    m = match_blocs({0: WEST | {"NOR"}, 1: EAST}, {3: EAST, 4: WEST | {"NOR"} | newcomers})
    assert m.mapping == {3: 1, 4: 0}
    assert m.jaccard[4] == 1.0


def test_one_shared_member_is_not_a_match():
    m = match_blocs({0: WEST}, {0: {"USA"} | SOUTH})
    assert m.mapping == {0: 1} and m.new == (0,)


def test_absentees_do_not_dilute_split_shares():
    # only four of twelve attend; two and two end up apart: that is a split (2/12 < 0.25)
    prev = {0: WEST | SOUTH}
    curr = {0: {"USA", "GBR"}, 1: {"CAN", "AUS"}}
    assert match_blocs(prev, curr).splits == ((0, (0, 1)),)


def test_split_and_merge_are_reported():
    prev = {0: WEST | SOUTH, 1: EAST}
    curr = {0: WEST, 1: SOUTH, 2: EAST}
    m = match_blocs(prev, curr)
    assert m.splits == ((0, (0, 1)),)
    assert m.merges == ()
    back = match_blocs(curr, prev)
    assert back.merges == ((0, (0, 1)),)
    assert back.splits == ()


def test_one_defector_is_not_a_split():
    prev = {0: WEST, 1: EAST}
    curr = {0: WEST - {"JPN"}, 1: EAST | {"JPN"}}
    assert match_blocs(prev, curr).splits == ()


def test_track_keeps_ids_through_shuffled_labels_and_reports_swings():
    rng = random.Random(0)
    sessions = []
    for k in range(4):
        labels = rng.sample(range(10), 3)
        west, east = set(WEST), set(EAST)
        if k >= 2:  # JPN moves to EAST's bloc from the third session on
            west.discard("JPN")
            east.add("JPN")
        part = partition(west, east, SOUTH, labels=labels)
        conf = {a: 0.6 if a == "JPN" else 1.0 for a in part}
        sessions.append((f"AHC-{k + 1}", part, conf))
    t = track(sessions)
    ids = {s: {frozenset(m): b for b, m in t.lineage[s].items()} for s in t.sessions}
    assert ids["AHC-1"][frozenset(WEST)] == ids["AHC-2"][frozenset(WEST)]
    assert ids["AHC-1"][frozenset(SOUTH)] == ids["AHC-4"][frozenset(SOUTH)]
    assert sorted(t.lineage["AHC-1"]) == sorted(t.lineage["AHC-4"]) == [0, 1, 2]
    west_id = ids["AHC-1"][frozenset(WEST)]
    east_id = ids["AHC-1"][frozenset(EAST)]
    assert ids["AHC-3"][frozenset(EAST | {"JPN"})] == east_id
    assert len(t.swings) == 1
    swing = t.swings[0]
    assert (swing.actor, swing.session_from, swing.session_to) == ("JPN", "AHC-2", "AHC-3")
    assert (swing.bloc_from, swing.bloc_to) == (west_id, east_id)
    assert (swing.confidence_from, swing.confidence_to) == (0.6, 0.6)


def test_track_never_reuses_ids_and_swings_skip_absences():
    s1 = partition(WEST, EAST)
    s2 = partition(SOUTH, EAST - {"RUS"})  # WEST bloc gone, RUS absent
    s3 = partition(WEST, EAST)
    t = track([("S1", s1, None), ("S2", s2, None), ("S3", s3, None)])
    west_ids = [b for s in t.sessions for b, m in t.lineage[s].items() if set(m) == WEST]
    assert len(west_ids) == 2 and west_ids[0] != west_ids[1]  # came back: new id
    south_id = next(b for b, m in t.lineage["S2"].items() if set(m) == SOUTH)
    assert len({*west_ids, south_id}) == 3
    assert t.swings == ()  # nobody attended two sessions in a row in different blocs


def test_track_reports_splits_with_stable_ids():
    t = track(
        [("S1", partition(WEST | SOUTH, EAST), None), ("S2", partition(WEST, SOUTH, EAST), None)]
    )
    assert len(t.splits) == 1
    split = t.splits[0]
    assert (split.session_from, split.session_to) == ("S1", "S2")
    big = next(b for b, m in t.lineage["S1"].items() if set(m) == WEST | SOUTH)
    assert split.bloc == big
    assert big in split.into
    assert set(split.into) == set(t.lineage["S2"]) - {
        next(b for b, m in t.lineage["S2"].items() if set(m) == EAST)
    }


def test_a_session_without_blocs_does_not_end_the_lineages():
    west = {"USA": 0, "GBR": 0, "FRA": 0, "CAN": 0}
    east = {"RUS": 1, "BLR": 1, "CUB": 1, "SYR": 1}
    before = {**west, **east}
    after = {a: 1 - b for a, b in before.items()}  # same blocs, raw ids swapped
    t = track([("S1", before, None), ("S2", {}, None), ("S3", after, None)])
    assert t.lineage["S2"] == {}
    assert t.lineage["S1"] == t.lineage["S3"], "the blocs keep their ids across the gap"
    assert t.swings == ()
    assert set(t.sessions) == {"S1", "S2", "S3"}


def test_a_weak_session_gets_ids_but_is_no_link_of_the_chain():
    before = partition(WEST, EAST, labels=[0, 1])
    noise = partition(WEST | EAST, labels=[5])  # one blob read into a noisy session
    after = partition(WEST, EAST, labels=[3, 4])
    t = track([("S1", before, None), ("S2", noise, None), ("S3", after, None)], weak={"S2"})
    assert t.weak == ("S2",) and set(t.lineage) == {"S1", "S3"}
    assert t.lineage["S1"] == t.lineage["S3"], "the chain skips the weak session"
    assert t.splits == t.merges == t.swings == ()
    (blob_id,) = t.weak_blocs["S2"]
    assert blob_id in {0, 1} and set(t.weak_blocs["S2"][blob_id]) == WEST | EAST
    linked = track([("S1", before, None), ("S2", noise, None), ("S3", after, None)])
    assert linked.merges and linked.splits, "read as a link, the blob merges and splits"


def test_weak_sessions_before_the_first_link_do_not_lend_their_ids():
    weak = partition(WEST, labels=[0])
    first = partition(WEST, EAST, labels=[0, 1])
    t = track([("S0", weak, None), ("S1", first, None)], weak={"S0"})
    assert t.weak_blocs["S0"] == {0: tuple(sorted(WEST))}
    assert sorted(t.lineage["S1"]) == [1, 2], "ids are never reused"


def test_swings_only_of_firmly_placed_actors():
    s1 = partition(WEST, EAST)
    s2 = partition(WEST - {"JPN"}, EAST | {"JPN"})
    firm = {"S1": WEST | EAST, "S2": (WEST | EAST) - {"JPN"}}
    assert [w.actor for w in track([("S1", s1, None), ("S2", s2, None)]).swings] == ["JPN"]
    t = track([("S1", s1, None), ("S2", s2, None)], firm=firm)
    assert t.swings == () and t.firm_only


def test_lineage_table_is_a_grid_when_it_fits_and_long_when_not():
    """Ten sessions do not fit 80 columns as a grid without breaking words: the lineage is then
    printed one row per bloc and session; on a wide console it stays a grid."""
    import re

    from rich.console import Console

    from graphkit.reports import tracking_table

    sessions = [(f"AHC-{k}", partition(WEST, EAST, SOUTH), None) for k in range(1, 11)]
    t = track(sessions)
    for width, grid in ((80, False), (400, True)):
        console = Console(width=width, record=True)
        console.print(tracking_table(t))
        text = console.export_text()
        lines = text.splitlines()
        assert max(len(line) for line in lines) <= width
        words = {w for line in lines for w in re.split(r"[\s│┃]+", line) if w}
        assert {f"AHC-{k}" for k in range(1, 11)} <= words, "every session id printed whole"
        assert {"AUS,", "BLR,", "BRA,"} <= words
        header = next(line for line in lines if "bloc" in line and "┃" in line)
        assert ("AHC-10" in header) is grid and ("session" in header) is not grid
