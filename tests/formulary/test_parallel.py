"""formulary.parallel: a pool started once serves several parts, results in item order."""
import os

from formulary.parallel import Pool, Progress, available_cpus, cgroup_cpu_quota, collect


def _square_with_pid(x):
    return x * x, os.getpid()


def _collected(jobs):
    with Pool(jobs) as pool:
        first = pool.submit(_square_with_pid, [3, 1, 2])
        second = pool.submit(_square_with_pid, list(range(8)))
        seen = []
        out = [collect(b, progress=Progress(len(b), enabled=False), on_result=seen.append) for b in (first, second)]
    return out, seen


def test_parts_queued_on_one_pool_come_back_in_item_order_as_in_one_process():
    serial, serial_seen = _collected(1)
    parallel, parallel_seen = _collected(2)
    assert [[v for v, _ in part] for part in serial] == [[9, 1, 4], [x * x for x in range(8)]]
    assert [[v for v, _ in part] for part in parallel] == [[v for v, _ in part] for part in serial]
    assert [v for v, _ in parallel_seen] == [v for v, _ in serial_seen]
    assert {pid for part in serial for _, pid in part} == {os.getpid()}
    assert os.getpid() not in {pid for part in parallel for _, pid in part}


def test_jobs_default_to_the_cpus_this_process_may_use():
    quota = cgroup_cpu_quota()
    assert available_cpus() == min(len(os.sched_getaffinity(0)), quota or len(os.sched_getaffinity(0)))


def test_a_cgroup_quota_caps_the_cpus(tmp_path):
    v2, q1, p1 = tmp_path / "cpu.max", tmp_path / "quota", tmp_path / "period"
    v2.write_text("250000 100000\n")
    assert cgroup_cpu_quota(((str(v2), None),)) == 2  # 2.5 CPUs of time: 2 workers, each with a whole one
    v2.write_text("max 100000\n")
    assert cgroup_cpu_quota(((str(v2), None),)) is None
    q1.write_text("-1\n"), p1.write_text("100000\n")
    assert cgroup_cpu_quota(((str(q1), str(p1)),)) is None
    q1.write_text("200000\n")
    assert cgroup_cpu_quota(((str(tmp_path / "absent"), None), (str(q1), str(p1)))) == 2


def test_verify_runs_on_every_available_cpu_unless_told(capsys):
    import json

    from formulary.cli import main

    assert main(["verify", "relu", "--points", "3", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["jobs"] == available_cpus()
    assert main(["verify", "relu", "--points", "3", "--json", "--jobs", "1"]) == 0
    assert json.loads(capsys.readouterr().out)["jobs"] == 1
