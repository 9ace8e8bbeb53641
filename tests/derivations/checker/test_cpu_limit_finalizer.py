"""The CPU limit of ``within_cpu_seconds`` is never raised inside a finalizer, where Python would drop it."""
import sys
import weakref

from derivations.checker.budget import within_cpu_seconds


def test_a_stop_that_falls_inside_a_finalizer_waits_until_it_returns():
    """The CPU limit once fired inside a weakref finalizer: Python printed and dropped the exception, the budget
    was not enforced, and pytest failed the test on the unraisable exception."""
    class Thing:
        pass

    seen = []

    def slow_finalizer():
        import time
        end = time.process_time() + 0.05
        while time.process_time() < end:  # the limit (10 ms) expires in here
            pass
        seen.append(sys._getframe())

    def work():
        t = Thing()
        weakref.finalize(t, slow_finalizer)
        del t  # the finalizer runs now, inside the limited call
        while True:
            pass

    unraisable = []
    old, sys.unraisablehook = sys.unraisablehook, unraisable.append
    try:
        assert within_cpu_seconds(work, seconds=0.01) is None  # stopped once the finalizer returned
    finally:
        sys.unraisablehook = old
    assert seen and unraisable == []
