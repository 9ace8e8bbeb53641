r"""The rungs of the step checker, each a strategy ``(step, budget) -> Verdict | None``.

``None`` (or an ``undecided`` verdict, whose reason is kept) means "this rung
cannot decide; go on".  A strategy may run as long as ``budget`` seconds; the
checker runs it in a worker process that is killed after that.

* :func:`prove_symbolically`: rung 1, sympy (``proved``, or ``verified`` at concrete sizes);
* :class:`ExactTest`: rung 2, exact rational evaluation (``refuted`` only);
* :class:`NumericTest`: rung 3, mpmath at random and edge points (``verified`` or ``refuted``).
"""
from derivations.checker.strategies.exact import ExactTest
from derivations.checker.strategies.numeric import NumericTest
from derivations.checker.strategies.symbolic import prove_symbolically

__all__ = ["ExactTest", "NumericTest", "prove_symbolically"]
