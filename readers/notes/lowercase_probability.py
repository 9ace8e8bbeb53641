r"""A lower-case ``p`` of random variables read as their probability (or density): Bayes' rule in ``p``.

.. math::  p(x \mid z) = \frac{p(z \mid x)\, p(x)}{p(z)}, \qquad p(x \mid z) \propto p(z \mid x)\, p(x)

Notes write the law of ``x`` as ``p(x)`` as often as ``P(x)``.  Such a claim is an identity of every joint
distribution, and it is checked like one written with ``P`` (readers.notes.probability: a family of random
discrete joints; a pmf is a density for the counting measure).  It is confirmed when it holds there; a failure
refutes nothing, since notes that write ``p`` often mean their model (``p(x \mid y) = \prod_i p(x_i \mid y)``
under naive Bayes' independence), which the family of joints does not assume.
The reading fires only where ``p`` is nothing else: every function of the claim is ``p``, ``p`` has no
definition in force, both sides apply it, one application is conditional (``p(x \mid z)``), so that the claim
is about conditional probabilities and not a model's value (``p(x) = 1/6``), and it names at most
:data:`MOST_VARIABLES` random variables.

A name that appears only behind bars (``\alpha, \beta`` in ``p(\lambda \mid y, \alpha, \beta) = p(y \mid \lambda)\,
p(\lambda \mid \alpha, \beta)``) is a fixed parameter (hyperparameters are constants of the model).
:func:`with_fixed_parameters` drops it: conditioning on a constant changes no probability, so a law in which it is a
constant and the reduced claim fails is a counterexample to the claim.  That reading only refutes: where the reduced
claim holds the claim may still fail (``p(x \mid \theta) = p(x)`` reduces to ``p(x) = p(x)``).
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.latex.parse import Given

NAME = "p"
"""The lower-case name read as the probability ``P``."""
METHOD = "p read as the probability of its random variables (Bayes' rule holds for densities and masses alike)"
FAILS = ("fails for some joint distribution, but the notes may give p a model (independence, a naive Bayes "
         "factorisation) that makes it hold")
"""Why a failure of the ``P`` reading is no refutation: ``p`` may be the notes' model, not every law."""
INDEPENDENT = ("p read as the probability of its random variables, failing on a joint of independent binary "
               "variables too: every factorisation a model may give p (independence, naive Bayes, a Markov chain) "
               "holds there, so no model makes the claim hold")
r"""Why a failure on independent joints is a refutation.  Under $P(v_1, \dots, v_k) = \prod_k P(v_k)$ every
conditional independence holds ($p(x \mid y, z) = p(x \mid z) = p(x)$), so a claim that a model's factorisation
makes true (naive Bayes, a Markov chain) holds there; one that fails there too fails for a law of every such
model, and the independent joint is its counterexample."""
MOST_VARIABLES = 2
r"""Random variables of a claim read so: with two, the family of joints $P(c) P(v \mid c)$ is every joint of two
binary variables, so what holds there holds for them all; with three it assumes the other two independent given
``c``, and a factorisation such as $p(c, a, b) = p(c) p(a \mid c) p(b \mid c)$ would hold there only."""
FIXED = ("{names} appear only behind bars: read as fixed parameters (constants of the model, so conditioning on them "
         "changes nothing), the claim without them fails")
"""How a refutation by :func:`with_fixed_parameters` is reported."""
_P = sp.Function("P")


def as_probabilities(lhs, rhs, defined):
    r"""``(lhs, rhs)`` with every ``p(...)`` written ``P(...)``, or None when the claim is not of that kind
    (``defined``: the names of functions the notes define, ``p`` among them when it has a formula)."""
    apps = [a for e in (lhs, rhs) if isinstance(e, sp.Basic) for a in e.atoms(AppliedUndef)]
    names = {a.func.__name__ for a in apps}
    if NAME not in names or names - {NAME} or NAME in defined:
        return None
    if not all(any(a.func.__name__ == NAME for a in e.atoms(AppliedUndef)) for e in (lhs, rhs)):
        return None
    arguments = [arg for a in apps for arg in a.args]
    if not any(isinstance(arg, Given) for arg in arguments):
        return None
    if len({x for arg in arguments for x in (arg.args if isinstance(arg, Given) else (arg,))}) > MOST_VARIABLES:
        return None
    return tuple(e.replace(lambda x: isinstance(x, AppliedUndef) and x.func.__name__ == NAME,
                           lambda x: _P(*x.args)) for e in (lhs, rhs))


def fixed_parameters(lhs, rhs) -> set:
    r"""The names that appear only behind bars in the ``p`` applications of a claim (never as what ``p`` is of), and
    that no sum or integral binds (``x'`` in ``\sum_{x'} p(y \mid x')`` runs over values: no parameter)."""
    apps = [a for e in (lhs, rhs) for a in e.atoms(AppliedUndef) if a.func.__name__ == NAME]
    behind = {x for a in apps for arg in a.args if isinstance(arg, Given) for x in arg.args}
    before = {x for a in apps for arg in a.args if not isinstance(arg, Given) for x in arg.free_symbols}
    bound = {limit[0] for e in (lhs, rhs) for s in e.atoms(sp.Sum, sp.Product, sp.Integral) for limit in s.limits}
    return {x for x in behind if isinstance(x, sp.Symbol) and x not in before and x not in bound}


def with_fixed_parameters(lhs, rhs, defined):
    r"""``(lhs, rhs, parameters)``: the claim with the names behind bars only (:func:`fixed_parameters`) dropped from
    every condition and read by :func:`as_probabilities`, or None (no such name, or the reduced claim is not of that
    kind).  For refuting only (module docstring)."""
    parameters = fixed_parameters(lhs, rhs)
    if not parameters:
        return None

    def drop(app):
        args = []
        for arg in app.args:
            if isinstance(arg, Given):
                kept = [x for x in arg.args if x not in parameters]
                if kept:
                    args.append(Given(*kept))
            else:
                args.append(arg)
        return app.func(*args)

    reduced = tuple(e.replace(lambda x: isinstance(x, AppliedUndef) and x.func.__name__ == NAME, drop)
                    for e in (lhs, rhs))
    found = as_probabilities(*reduced, defined)
    return None if found is None else (*found, parameters)
