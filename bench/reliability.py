"""A hostile round against the embedded store, through the real CLI: kills during loads,
concurrent commands, bad inputs, damaged snapshots. Each case checks that nothing was lost
(the database holds exactly the state before or after, never a mix) and counts into a figure.

    python bench/reliability.py                 # a few minutes
    python bench/reliability.py --kills 40 --full   # kills during the 870k-vote load
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _figures import figure  # noqa: E402

UNVOTES = Path(os.environ.get("BLOCS_SHARED_DIR") or ROOT.parent / "shared") / "data" / "unvotes"


def blocs(*args: str, data_dir: Path, timeout: float = 600, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "BLOCS_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    env.update(kw.pop("env", {}))
    return subprocess.run([sys.executable, "-m", "blocs", *args], capture_output=True,
                          text=True, env=env, timeout=timeout, **kw)  # fmt: skip


def popen(*args: str, data_dir: Path) -> subprocess.Popen:
    env = {**os.environ, "BLOCS_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "blocs", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip


def status(data_dir: Path) -> dict:
    result = blocs("db", "status", "--format", "json", data_dir=data_dir)
    if result.returncode != 0:
        raise SystemExit(f"status failed: {result.stderr}")
    doc = json.loads(result.stdout)
    return {"nodes": doc["nodes"], "relationships": doc["relationships"]}


def server_pid(data_dir: Path) -> int | None:
    try:
        return int((data_dir / "server.pid").read_text())
    except (OSError, ValueError):
        return None


def dataset(path: Path, n: int, prefix: str) -> Path:
    from tests.test_reliability import _big_dataset

    _big_dataset(path, n, prefix)
    return path


def kills(work: Path, n: int, full: bool, rng: random.Random) -> tuple[int, int]:
    """Kill a load (and in a third of the cases its server too) at a random moment."""
    data_dir = work / "kills"
    assert blocs("load", data_dir=data_dir).returncode == 0
    before = status(data_dir)
    if full:
        args, span = ["load", "--votes", str(UNVOTES / "un_votes.csv.gz")], (2.0, 40.0)
    else:
        args, span = ["load", str(dataset(work / "kill.yaml", 3000, "kill"))], (0.5, 6.0)
    survived = lost = 0
    for _ in range(n):
        proc = popen(*args, data_dir=data_dir)
        time.sleep(rng.uniform(*span))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        pid = server_pid(data_dir)
        if pid and rng.random() < 0.33:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        now = status(data_dir)
        if now != before:  # the load had finished: the whole of it, or it is a loss
            added = now["nodes"].get("Proposal", 0) - before["nodes"].get("Proposal", 0)
            if added <= 0:
                lost += 1
            assert blocs("db", "reset", "--yes", data_dir=data_dir).returncode == 0
            assert blocs("load", data_dir=data_dir).returncode == 0
        survived += 1
    return survived, lost


def concurrent(work: Path, rounds: int) -> tuple[int, int]:
    """Loads of distinct files and reads at once; the result must equal loading in turn."""
    files = [dataset(work / f"c{i}.yaml", 200, f"conc{i}") for i in range(4)]
    seq = work / "sequential"
    for f in files:
        assert blocs("load", str(f), data_dir=seq).returncode == 0
    want = status(seq)
    runs = failed = 0
    for r in range(rounds):
        data_dir = work / f"together-{r}"
        procs = [popen("load", str(f), data_dir=data_dir) for f in files]
        procs += [popen(*a, data_dir=data_dir)
                  for a in (["db", "status"], ["positions"], ["query", "sessions"])]  # fmt: skip
        for p in procs:
            p.communicate(timeout=600)
            runs += 1
            failed += p.returncode != 0
        if status(data_dir) != want:
            failed += 1
    return runs, failed


def bad_inputs(work: Path) -> tuple[int, int]:
    """The catalogue of tests/test_bad_input.py: one `Error:` line each, nothing changed."""
    from tests.test_bad_input import CASES, _files

    data_dir = work / "bad"
    assert blocs("load", data_dir=data_dir).returncode == 0
    before = status(data_dir)
    files = _files(work)
    tried = wrong = 0
    for name, args, _says in CASES:
        argv = list(args)
        for key, path in files.items():
            argv = [a.replace("{" + key + "}", str(path)) for a in argv]
        env = {"BLOCS_LOCK_TIMEOUT": "soon"} if "lock timeout" in name else {}
        result = blocs(*argv, data_dir=data_dir, env=env)
        errors = [ln for ln in result.stderr.splitlines() if ln.startswith("Error")]
        tried += 1
        if result.returncode == 0 or "Traceback" in result.stderr or len(errors) != 1:
            wrong += 1
            print(f"  not one line: {name}: {result.stderr[-300:]!r}")
    if status(data_dir) != before:
        wrong += 1
    return tried, wrong


def damaged(work: Path, rng: random.Random, n: int) -> tuple[int, int]:
    """Truncations and bit flips of the snapshot: refused, then recovered to the previous one."""
    data_dir = work / "damaged"
    assert blocs("load", data_dir=data_dir).returncode == 0
    assert (
        blocs("load", str(dataset(work / "d.yaml", 100, "dmg")), data_dir=data_dir).returncode == 0
    )
    snap, prev = data_dir / "dump.rdb", data_dir / "dump.rdb.prev"
    good, good_prev = snap.read_bytes(), prev.read_bytes()
    want_after_recover = None  # the state of .prev, seen after the first recovery
    cases = wrong = 0
    for i in range(n):
        snap.write_bytes(good)  # each case starts from the same two files
        prev.write_bytes(good_prev)
        raw = bytearray(good)
        if i % 2:
            raw = raw[: rng.randrange(1, len(raw) - 1)]
        else:
            raw[rng.randrange(len(raw))] ^= 0xFF
        snap.write_bytes(bytes(raw))
        refused = blocs("db", "status", data_dir=data_dir)
        fixed = blocs("db", "recover", data_dir=data_dir)
        cases += 1
        if refused.returncode == 0:  # a flip in padding can leave a loadable file
            continue
        ok = fixed.returncode == 0 and "Traceback" not in refused.stderr + fixed.stderr
        now = status(data_dir)
        want_after_recover = want_after_recover or now
        wrong += not ok or now != want_after_recover
    return cases, wrong


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=8)
    ap.add_argument("--rounds", type=int, default=3, help="rounds of 7 concurrent commands")
    ap.add_argument("--damaged", type=int, default=6)
    ap.add_argument("--full", action="store_true", help="kill during the 870k-vote load")
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="blocs-hostile-") as tmp:
        work = Path(tmp)
        t0 = time.perf_counter()
        k, k_lost = kills(work, args.kills, args.full, rng)
        c, c_failed = concurrent(work, args.rounds)
        b, b_wrong = bad_inputs(work)
        d, d_wrong = damaged(work, rng, args.damaged)
    figure("reliability kills survived", k, "kills")
    figure("reliability concurrent runs", c, "commands")
    figure("reliability bad inputs tried", b, "inputs")
    figure("reliability damaged-snapshot cases", d, "cases")
    problems = k_lost + c_failed + b_wrong + d_wrong
    figure("reliability cases that lost data or printed more than one line", problems)
    print(f"took {time.perf_counter() - t0:.0f} s")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
