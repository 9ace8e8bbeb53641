r"""The step checker: a step and a budget in, an honest verdict out.

* :mod:`~derivations.checker.step`: :class:`Step` (``lhs rel rhs`` with its assumptions) and :class:`Derivation`;
* :mod:`~derivations.checker.verdict`: :class:`Verdict`, a value (kind, method, assumptions, counterexample);
* :mod:`~derivations.checker.ladder`: :func:`check_step`, the ladder of rungs under budgets;
* :mod:`~derivations.checker.strategies`: the rungs (symbolic, exact rational, mpmath);
* :mod:`~derivations.checker.budget`: wall-time and memory budgets in a worker process;
* :mod:`~derivations.checker.lemmas`: inequalities the symbolic rung may use.
"""
