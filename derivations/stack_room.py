r"""Run a call with room on CPython's frame stack, so that deep recursion stops mapping and unmapping memory.

CPython (3.11 on) keeps a thread's Python frames in chunks of 16 KiB: a call that finds no room left in the top
chunk maps a fresh one (``mmap``), and the chunk is unmapped as soon as the frame at its base returns.  sympy
recurses deeply, and a recursion that goes back and forth across a chunk's end maps a fresh chunk, and takes a
page fault for each page of it that it touches, at every crossing: checking a few notes in one process made
131,000 map/unmap pairs in 40 s, and half of all its page faults were the first writes into such chunks.  On a
recursion of depth 400 called in a loop that is about three times the CPU of the same calls made with room.

:func:`with_stack_room` calls ``fn`` from a frame whose code declares a value stack of :data:`ROOM_SLOTS` slots
(``co_stacksize``).  CPython maps one chunk big enough for that frame, twice its size (chunks are powers of two),
and every frame that ``fn`` and its callees push goes into the rest of that chunk, which stays mapped until
``fn`` returns.  The declared slots are never written (a frame's value stack is used from its bottom only), so
they cost address space, not memory: the pages a deep call touches are faulted in once per ``with_stack_room``
call instead of once per crossing.

.. code-block:: python

    result = with_stack_room(check_document, text)   # the same result as check_document(text)
"""
from __future__ import annotations

import functools
import types

ROOM_SLOTS = 2**18
r"""Value-stack slots declared by the frame that calls ``fn``: $2^{18}$ slots of 8 bytes is 2 MiB, so its chunk is
4 MiB and leaves about 2 MiB for the frames above it (tens of thousands of Python frames: sympy's deepest
recursions, under Python's recursion limit, fit).  Virtual memory only; a budgeted child's 2 GiB address-space cap
(:mod:`derivations.checker.budget`) is not troubled by it."""


def _call(fn, args, kwargs):
    return fn(*args, **kwargs)


def _roomy(function: types.FunctionType, slots: int):
    """``function`` with a code object that declares ``slots`` value-stack slots more than it needs; ``function``
    itself where this Python's code objects cannot say so (another implementation, a future CPython)."""
    try:
        code = function.__code__.replace(co_stacksize=function.__code__.co_stacksize + slots)
        return types.FunctionType(code, function.__globals__, function.__name__)
    except (AttributeError, TypeError, ValueError):
        return function


_call_with_room = _roomy(_call, ROOM_SLOTS)


def with_stack_room(fn, *args, **kwargs):
    """``fn(*args, **kwargs)``, called from a frame that reserves room for the frames it pushes (module docstring)."""
    return _call_with_room(fn, args, kwargs)


def stack_roomy(fn):
    """Decorator: every call of ``fn`` runs :func:`with_stack_room`.  For the entry points of a process's work (a
    forked child's target, a pool task, a command), whose callees recurse deeply; the cost is one map and unmap
    of a chunk per call, so not for functions called in a hot loop."""

    @functools.wraps(fn)
    def roomy(*args, **kwargs):
        return _call_with_room(fn, args, kwargs)

    return roomy
