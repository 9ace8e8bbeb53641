"""derivations.parallel.fork_map: closures reach forked workers, results come back in item order, and a worker
never starts workers of its own."""
import os

import pytest

from derivations.parallel import Forked, Pool, fork_map, in_worker


def test_a_closure_is_mapped_in_other_processes_in_item_order():
    offset = 10  # a closure: not picklable, reaches the workers by fork

    def shifted(x):
        return x + offset, os.getpid()

    serial = fork_map(shifted, range(7), jobs=1)
    parallel = fork_map(shifted, range(7), jobs=2)
    assert [v for v, _ in parallel] == [v for v, _ in serial] == list(range(10, 17))
    assert {pid for _, pid in serial} == {os.getpid()}
    assert os.getpid() not in {pid for _, pid in parallel}


def _nested(x):
    return in_worker(), fork_map(lambda y: os.getpid(), [1, 2, 3], jobs=2)


def test_a_worker_maps_serially_in_its_own_process():
    for marked, pids in fork_map(_nested, [0, 1], jobs=2):
        assert marked and len(set(pids)) == 1 and os.getpid() not in pids
    with Pool(2) as pool:
        for _, (marked, pids) in pool.submit(_nested, [0, 1]).results():
            assert marked and len(set(pids)) == 1
    assert not in_worker()


def test_the_first_failing_item_raises_as_serially():
    def fail_on_odd(x):
        if x % 2:
            raise ValueError(f"item {x}")
        return x

    for jobs in (1, 2):
        with pytest.raises(ValueError, match="item 1"):
            fork_map(fail_on_odd, [0, 1, 2, 3], jobs=jobs)


def _square(x):
    return x * x


def test_costly_items_are_queued_first_and_results_stay_in_item_order():
    queued = []
    with Pool(2) as pool:
        real_submit = pool._executor.submit

        def recording_submit(fn, item):
            queued.append(item)
            return real_submit(fn, item)

        pool._executor.submit = recording_submit
        cost = {1: 1.0, 2: 5.0, 3: 1.0, 4: 9.0}.__getitem__
        batch = pool.submit(_square, [1, 2, 3, 4], cost=cost)
        assert queued == [4, 2, 1, 3]  # costliest first; ties keep item order
        assert [r for _, r in batch.results()] == [1, 4, 9, 16]
        queued.clear()
        pool.submit(_square, [1, 2, 3], cost=None).results()
        assert queued == [1, 2, 3]


def _spin_in_a_budgeted_child(seconds: float) -> float:
    """Burn ``seconds`` of CPU in a budgeted child (as a checker rung does); the child's own count of them."""
    from derivations.checker.budget import run_with_budget

    def spin():
        start = os.times()
        while (t := os.times()).user + t.system - start.user - start.system < seconds:
            pass
        return t.user + t.system - start.user - start.system

    return run_with_budget(spin, seconds=60).value


@pytest.mark.parametrize("jobs", [1, 2])
def test_each_item_reports_its_cpu_seconds_with_the_budgeted_children_it_ran(jobs):
    wanted = {0.0: 0.0, 0.3: 0.3}
    with Pool(jobs) as pool:
        batch = pool.submit(_spin_in_a_budgeted_child, list(wanted))
        spent = dict(batch.results())
    assert set(batch.cpu_seconds) == set(wanted)
    for item, child_cpu in spent.items():
        assert child_cpu >= wanted[item]
        assert batch.cpu_seconds[item] >= child_cpu  # the child's CPU is counted in its item's, never lost


def _first_threshold(_=None):
    import gc

    return gc.get_threshold()[0]


def test_workers_and_budgeted_children_collect_garbage_less_often():
    """A pool worker, a budgeted child and a reused budgeted child each raise the collector's first threshold
    (a check allocates sympy objects by the million; collections of the whole heap took 9 % of its CPU)."""
    import gc

    from derivations.checker.budget import BudgetedChild, run_with_budget
    from derivations.parallel import GC_FIRST_THRESHOLD

    before = gc.get_threshold()
    gc.set_threshold(700, *before[1:])  # Python's default here (tests/conftest.py raises it): the children raise theirs
    try:
        with Pool(2) as pool:
            in_pool = [threshold for _, threshold in pool.submit(_first_threshold, [0, 1]).results()]
        child = BudgetedChild()
        try:
            reused = [child.run(_first_threshold, seconds=30).value for _ in range(2)]
        finally:
            child.close()
        alone = run_with_budget(_first_threshold, seconds=30).value
    finally:
        gc.set_threshold(*before)
    assert in_pool + reused + [alone] == [GC_FIRST_THRESHOLD] * 5


ORPHAN_SCRIPT = r"""
import os, pathlib, signal, sys, time
from derivations.checker.budget import run_with_budget
from derivations.parallel import Pool

out = pathlib.Path(sys.argv[1])

def sleep_and_tell(name):
    (out / name).write_text(str(os.getpid()))
    time.sleep(600)

def in_a_budgeted_child(_):
    (out / "worker").write_text(str(os.getpid()))
    return run_with_budget(sleep_and_tell, "budgeted", seconds=600).status

pool = Pool(2)
pool.submit(in_a_budgeted_child, [0])
while not (out / "budgeted").exists() or not (out / "budgeted").read_text():
    time.sleep(0.05)
os.kill(os.getpid(), signal.SIGKILL)   # as a user's Ctrl-\ or the OOM killer would: no cleanup runs
"""


def process_running(pid: int) -> bool:
    """Whether process ``pid`` exists and has not ended (a zombie has ended, waiting to be reaped); reads /proc."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"   # a zombie has ended, waiting to be reaped
    except OSError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc to see whether a process still runs")
def test_workers_and_budgeted_children_end_with_a_killed_parent(tmp_path):
    """A pool worker and the budgeted child it forked must not outlive a parent killed with SIGKILL: they used to
    run on as orphans (the worker waiting for work for ever, the child running its step to the end)."""
    import subprocess
    import sys
    import time

    script = tmp_path / "orphans.py"
    script.write_text(ORPHAN_SCRIPT)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    parent = subprocess.run([sys.executable, str(script), str(tmp_path)], check=False, env=env, timeout=120)
    assert parent.returncode == -9
    pids = [int((tmp_path / name).read_text()) for name in ("worker", "budgeted")]
    deadline = time.monotonic() + 60   # generous: the kernel signals at once; 60 s only bounds a busy machine
    while any(map(process_running, pids)) and time.monotonic() < deadline:
        time.sleep(0.1)
    still = [pid for pid in pids if process_running(pid)]
    for pid in still:
        os.kill(pid, 9)
    assert not still, f"processes {still} outlived their killed parent"


def _pid_and_threads(x):
    import threading

    if x == "boom":
        raise ValueError("item boom")
    return x * 2, os.getpid(), in_worker(), threading.active_count()


def test_a_forked_part_runs_in_one_marked_process_and_is_read_as_a_batch():
    import threading

    items, threads = [3, 1, 4, 1, 5, 9, 2, 6], threading.active_count()
    with Forked(_pid_and_threads, items) as forked:
        assert threading.active_count() == threads  # no thread started here: a pool forked meanwhile forks no thread
        results = list(forked.batch.results())
    assert [item for item, _ in results] == items and [r[0] for _, r in results] == [2 * x for x in items]
    assert len({r[1] for _, r in results}) == 1 and os.getpid() not in {r[1] for _, r in results}
    assert all(r[2] for _, r in results) and set(forked.batch.cpu_seconds) == set(items)
    with Forked(_pid_and_threads, [7, "boom", 8]) as forked:  # fn raising: raised where its item is read
        pairs = forked.batch.results()
        assert next(pairs)[1][0] == 14
        with pytest.raises(ValueError, match="item boom"):
            next(pairs)
