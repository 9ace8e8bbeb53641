r"""Functions of a vector written through its components, applied to vector-plus-scalar arguments.

A definition ``g(\mathbf{x}) = \log \sum_i \exp x_i`` names a function of the vector ``\mathbf{x}`` by its
components ``x_i``.  A later claim that applies it to a linear form of bold vectors and plain names

.. code-block:: latex

    g(\mathbf{x} + b) = g(\mathbf{x})

is read componentwise, :math:`(\mathbf{x} + b)_i = x_i + b_i`, with a plain name ``b`` beside a vector read
two ways: as a scalar added to every component (broadcasting, :math:`b_i = b`) and as a vector of its own.
Each reading is checked at sizes ``SIZES`` and ``POINTS`` rational points (mpmath, ``DIGITS`` digits):
it holds when the sides agree within ``TOL`` everywhere, fails when they differ by more than ``GAP`` at a
point.  Both readings hold: ``verified``; both fail: ``refuted``, with the failing point of the scalar
reading as the counterexample; otherwise ``undecided (ambiguous)``, naming the readings.  A claim with a
bare vector outside the function (a vector-valued claim), a product of vectors inside, or a function of
several vectors is left to the caller (None).
"""
from __future__ import annotations

import random
import re

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.symbols import _show

_BOLD = re.compile(r"^\\(?:mathbf|boldsymbol|bm|vec)\{(.+)\}$")
SIZES = (2, 3)
POINTS = 3
DIGITS = 30
TOL = 1e-20
GAP = 1e-8
SEED = 12


def _core(symbol) -> str | None:
    m = _BOLD.match(symbol.name) if isinstance(symbol, sp.Symbol) else None
    return m.group(1) if m else None


class ComponentFunctions:
    """The functions the notes define through the components of one vector argument."""

    def __init__(self):
        self.bodies = {}  # name -> (vector parameter, IndexedBase, body)

    def record(self, lhs, body) -> None:
        r"""Keep ``lhs = body`` when ``lhs`` is ``g(\mathbf{x})`` and ``body`` is written in the ``x_i`` (and
        sizes) only; a later definition of ``g`` replaces it, one of another form drops it."""
        if not isinstance(lhs, AppliedUndef):
            return
        name = lhs.func.__name__
        self.bodies.pop(name, None)
        if len(lhs.args) != 1 or _core(lhs.args[0]) is None:
            return
        core = _core(lhs.args[0])
        bases = {i.base for i in body.atoms(sp.Indexed)}
        if len(bases) != 1 or str(next(iter(bases)).label) != core or body.atoms(AppliedUndef):
            return
        (base,) = bases
        loose = {x for x in body.free_symbols if not isinstance(x, sp.Indexed) and x != base.label
                 and not (isinstance(x, sp.Symbol) and x.is_integer)}
        if loose or lhs.args[0] in body.free_symbols:
            return
        lowers = {lim[1] for s in body.atoms(sp.Sum) for lim in s.limits}
        if len(lowers) != 1 or not next(iter(lowers)).is_Integer:
            return
        self.bodies[name] = (lhs.args[0], base, body, int(next(iter(lowers))))

    def applications(self, *exprs) -> set:
        return {a for e in exprs for a in e.atoms(AppliedUndef) if a.func.__name__ in self.bodies}

    def check(self, lhs, rel, rhs):
        """``(verdict, how, counterexample)`` of the componentwise readings, or None."""
        apps = self.applications(lhs, rhs)
        if rel != "=" or not apps:
            return None
        bold = {x for e in (lhs, rhs) for x in e.free_symbols if _core(x) is not None}
        outside = (lhs - rhs).xreplace({a: sp.Integer(0) for a in apps}).free_symbols
        if outside & bold or (lhs.atoms(AppliedUndef) | rhs.atoms(AppliedUndef)) - apps:
            return None  # a vector-valued claim, or a function we do not know
        plain = {x for e in (lhs, rhs) for x in e.free_symbols if x not in bold}
        if any(isinstance(x, sp.Indexed) or not isinstance(x, sp.Symbol) for x in plain):
            return None
        for app in apps:
            arg = app.args[0]
            if not bold & arg.free_symbols:
                return None
            try:
                poly = sp.Poly(arg, *sorted(bold & arg.free_symbols, key=str))
            except sp.PolynomialError:
                return None
            if poly.total_degree() != 1 or any(c.free_symbols & bold for c in poly.coeffs()):
                return None
        beside = {x for a in apps for x in a.args[0].free_symbols if x not in bold}
        readings = {"scalar": frozenset()}
        if beside and not beside & outside:  # b outside the function beside a number: a scalar only
            readings["vector"] = frozenset(beside)
        outcomes = {k: self._reading(lhs, rhs, apps, bold, vectors) for k, vectors in readings.items()}
        if any(o is None for o in outcomes.values()):
            return None
        how = "componentwise: " + ", ".join(sorted({f"{a.func.__name__} written in components" for a in apps}))
        if all(o[0] == "holds" for o in outcomes.values()):
            which = " and ".join(f"{', '.join(sorted(map(_show, beside)))} as a {k}" for k in readings) if beside \
                else "every vector in components"
            return "verified", f"{how}; holds with {which} at sizes {SIZES}, {POINTS} points each", None
        if all(o[0] == "fails" for o in outcomes.values()):
            return "refuted", f"{how}; fails with {' and with '.join(f'{_show_set(beside)} as a {k}' for k in readings)}" \
                if beside else how, outcomes["scalar"][1]
        said = "; ".join(f"with {_show_set(beside)} as a {k} it {'holds' if o[0] == 'holds' else 'fails'}"
                         for k, o in outcomes.items())
        return "undecided", f"ambiguous: {said}", None

    def _reading(self, lhs, rhs, apps, bold, vectors):
        """``("holds", None)``, ``("fails", counterexample)`` or None (not evaluable)."""
        rng = random.Random(SEED)
        for n in SIZES:
            for _ in range(POINTS):
                values = {}
                comps = {}
                for v in sorted(bold | set(vectors), key=str):
                    if (_core(v) or "").isdigit():  # \mathbf{1}, \mathbf{0}: every component that number
                        comps[v] = [sp.Integer(int(_core(v)))] * n
                        continue
                    comps[v] = [sp.Rational(rng.randint(-20, 20), rng.randint(3, 9)) for _ in range(n)]
                scalars = {x: sp.Rational(rng.randint(-20, 20), rng.randint(3, 9))
                           for e in (lhs, rhs) for x in e.free_symbols if x not in bold and x not in vectors}
                try:
                    sides = [self._value(e, apps, comps, scalars, n) for e in (lhs, rhs)]
                except (TypeError, ValueError, ZeroDivisionError):
                    return None
                if any(s is None for s in sides):
                    return None
                gap = abs(sides[0] - sides[1])
                if gap > GAP * max(1, abs(sides[0]), abs(sides[1])):
                    values = {**{_show(k): str(v) for k, v in scalars.items()},
                              **{_show(k): "(" + ", ".join(map(str, c)) + ")" for k, c in comps.items()},
                              "lhs": mpmath.nstr(sides[0], 15), "rhs": mpmath.nstr(sides[1], 15)}
                    return "fails", values
                if gap > TOL * max(1, abs(sides[0])):
                    return None
        return "holds", None

    def _value(self, expr, apps, comps, scalars, n):
        table = {}
        for app in apps:
            param, base, body, lower = self.bodies[app.func.__name__]
            arg = app.args[0]
            written = body.xreplace({x: sp.Integer(n) for x in body.free_symbols
                                     if isinstance(x, sp.Symbol) and x.is_integer and x not in
                                     {lim[0] for s in body.atoms(sp.Sum) for lim in s.limits}}).doit()
            component = {}
            for k in range(n):
                at = {v: (c[k]) for v, c in comps.items()}
                component[base[k + lower]] = arg.xreplace(at).xreplace(scalars)
            table[app] = written.xreplace(component)
        value = expr.xreplace(table).xreplace(scalars)
        if value.free_symbols:
            return None
        with mpmath.workdps(DIGITS):
            out = sp.N(value, DIGITS)
            if not out.is_real:
                return None
            return mpmath.mpf(str(out))


def _show_set(names) -> str:
    return ", ".join(sorted(map(_show, names)))
