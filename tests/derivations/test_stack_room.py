"""``with_stack_room``: the same results, and deep recursion in a loop without a page fault per call."""
import pickle
import resource
import threading

import pytest

from derivations.stack_room import stack_roomy, with_stack_room

CALLS = 2000
DEPTH = 400
"""A recursion 400 frames deep spans several of CPython's 16 KiB frame-stack chunks wherever it starts, so each of
the 2,000 calls crosses at least one chunk's end."""


def _recurse(n: int) -> int:
    return _recurse(n - 1) + 1 if n else 0


def _recurse_in_a_loop() -> int:
    return sum(_recurse(DEPTH) for _ in range(CALLS))


def _minor_faults_in_a_new_thread(fn) -> int:
    """The page faults of ``fn()`` run in a thread of its own: a fresh frame stack, outside the room that
    ``tests/conftest.py`` gives every test."""
    faults = []

    def run():
        before = resource.getrusage(resource.RUSAGE_THREAD).ru_minflt
        fn()
        faults.append(resource.getrusage(resource.RUSAGE_THREAD).ru_minflt - before)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return faults[0]


def test_results_and_exceptions_are_the_call_s():
    assert with_stack_room(divmod, 17, 5) == (3, 2)
    assert with_stack_room(sorted, [3, 1, 2], reverse=True) == [3, 2, 1]
    with pytest.raises(ZeroDivisionError):
        with_stack_room(divmod, 1, 0)
    assert with_stack_room(_recurse_in_a_loop) == CALLS * DEPTH


@stack_roomy
def roomy_divmod(a, b):
    """divmod, with room."""
    return divmod(a, b)


def test_the_decorator_keeps_name_docstring_and_pickling_by_reference():
    assert roomy_divmod(17, 5) == (3, 2)
    assert (roomy_divmod.__name__, roomy_divmod.__doc__) == ("roomy_divmod", "divmod, with room.")
    assert pickle.loads(pickle.dumps(roomy_divmod)) is roomy_divmod  # a pool task is sent by its module's name


def test_deep_calls_in_a_loop_fault_no_pages_with_room():
    plain = _minor_faults_in_a_new_thread(_recurse_in_a_loop)
    if plain < CALLS:  # every call maps and touches a fresh chunk on CPython 3.11-3.13
        pytest.skip(f"this Python maps no frame-stack chunk per deep call ({plain} faults in {CALLS} calls)")
    roomy = _minor_faults_in_a_new_thread(lambda: with_stack_room(_recurse_in_a_loop))
    assert roomy < CALLS // 10, (plain, roomy)  # a few first touches of the roomy chunk, not one per call
