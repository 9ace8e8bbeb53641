r"""Entry notation: derivatives in one entry of a matrix, checked entry by entry on random matrices.

Notes derive matrix gradients one entry at a time: with bold matrices and the same letters in lower case for their
entries (``\mathbf{V}`` and ``v_{kj}``), and ``[\mathbf{M}]_{ab}`` for an entry of an expression,

.. math:: \frac{d}{dv_{ab}} \|\mathbf{X} - \mathbf{U}\mathbf{V}\|_2^2
          = \sum_i 2 \Big(x_{ib} - \sum_k u_{ik} v_{kb}\Big) u_{ia}
          = 2\sum_i [\mathbf{U}^\top]_{ai} [\mathbf{X} - \mathbf{U}\mathbf{V}]_{ib} = \dots

A block reads this way when it differentiates in ``l_{ab}`` (a lower-case letter with two index letters) and
writes the bold capital ``\mathbf{L}``.  Each relation is then evaluated exactly (rational matrices) for square
matrices of sizes ``SIZES``, ``TRIALS`` draws each, at every entry ``(a, b)``; a matrix norm ``\|\cdot\|`` or ``\|\cdot\|_2``
is read both ways (Frobenius, spectral: the spectral derivative by central differences in float64); ``\|\cdot\|_F`` is
the Frobenius norm.  A relation that fails under
every reading is refuted with the matrices; one that holds at every sample under every reading is verified; one
that holds under some readings only is left as it was (ambiguous).  Anything else in the block (another name, an
unknown function) leaves it as it was.
"""
from __future__ import annotations

import random
import re

import numpy as np
import sympy as sp

from readers.latex.matrix_reader import parse_matrix_block

SIZES = (2, 3)
"""Square sizes tried (every product and sum of square matrices is defined)."""
TRIALS = 2
"""Random draws of the matrices per size."""
ENTRY_RANGE = 3
"""Entries are integers in ``[-ENTRY_RANGE, ENTRY_RANGE]``."""
STEP = 1e-6
"""Central-difference step for the spectral norm's derivative (float64: error about ``1e-10`` relative)."""
SPECTRAL_TOLERANCE = 1e-5
"""Relative agreement accepted under the spectral reading (far above the difference error)."""
SPECTRAL_MARGIN = 1e-2
"""Relative disagreement needed to count a spectral sample as failing (between the two: neither, ambiguous)."""
_ENTRY_VARIABLE = re.compile(r"\\frac\s*\{\s*(?:d|\\partial)\s*\}\s*\{\s*(?:d|\\partial)\s*([a-z])_\{?\s*([a-z])\s*,?\s*"
                             r"([a-z])\s*\}?\s*\}")
_ALLOWED_FUNCTIONS = frozenset({"norm", "norm_F", "transpose", "entry"})


def entry_variable(content: str) -> tuple[str, str, str] | None:
    r"""``('v', 'a', 'b')`` when ``content`` differentiates in ``v_{ab}`` and writes the bold ``\mathbf{V}``."""
    found = _ENTRY_VARIABLE.search(content)
    if found is None or found.group(2) == found.group(3):
        return None
    letter = found.group(1)
    if not re.search(r"\\(?:mathbf|boldsymbol|bm)\s*\{?\s*" + letter.upper() + r"(?![A-Za-z])", content):
        return None
    return letter, found.group(2), found.group(3)


def check_entry_block(content: str) -> list[dict] | None:
    r"""One result per relation of the block (``{'verdict', 'reason', 'counterexample'}``, verdict None when
    undecided here), or None when the block is not in entry notation or holds something else."""
    variable = entry_variable(content)
    if variable is None:
        return None
    letter, a_name, b_name = variable
    try:
        block = parse_matrix_block(content, indices=(a_name, b_name), entries=True)
    except Exception:  # noqa: BLE001 - not readable this way: nothing to say
        return None
    pairs, previous = [], None
    for row in block.rows:
        exprs = list(row.chain.exprs)
        if row.continued and previous is not None:
            exprs.insert(0, previous)
        if len(exprs) != len(row.chain.rels) + 1:
            return None
        previous = exprs[-1] if exprs else previous
        for (lhs, rhs), rel in zip(zip(exprs, exprs[1:]), row.chain.rels):
            if rel != "=":
                return None
            pairs.append((lhs, rhs))
    if not pairs:
        return None
    try:
        return [_judge(lhs, rhs, letter, a_name, b_name) for lhs, rhs in pairs]
    except _NotHere:
        return None


class _NotHere(Exception):
    """The relation holds something this reading does not evaluate."""


def _judge(lhs, rhs, letter, a_name, b_name) -> dict:
    readings = ("Frobenius", "spectral") if (lhs.has(sp.Function("norm")) or rhs.has(sp.Function("norm"))) \
        else ("Frobenius",)
    letters = _letters(lhs, rhs, letter)
    rng = random.Random(f"{letter}{a_name}{b_name}:{lhs}={rhs}")
    failures, holds = {}, {}
    for reading in readings:
        failures[reading], holds[reading] = None, True
        for n in SIZES:
            for _ in range(TRIALS):
                values = {L: sp.Matrix(n, n, lambda r, c: rng.randint(-ENTRY_RANGE, ENTRY_RANGE)) for L in letters}
                for a in range(1, n + 1):
                    for b in range(1, n + 1):
                        env = _Env(values, letter, a_name, b_name, a, b, n, reading)
                        state, l, r = env.compare(lhs, rhs)
                        if state != "holds":
                            holds[reading] = False
                        if state == "fails" and failures[reading] is None:
                            failures[reading] = {"size": f"{n} x {n}", a_name: str(a), b_name: str(b),
                                                 **{f"\\mathbf{{{L}}}": str(values[L].tolist()) for L in letters},
                                                 "lhs": str(l), "rhs": str(r), "reading": reading}
    if all(failures[r] is not None for r in readings):
        first = failures[readings[0]]
        how = " and ".join(f"the {r} norm" for r in readings) if len(readings) > 1 else "the entries"
        return {"verdict": "refuted", "counterexample": first,
                "reason": f"entry notation ({letter}_{{{a_name}{b_name}}} an entry of \\mathbf{{{letter.upper()}}}): "
                          f"fails under {how} on random square matrices"}
    if all(holds[r] for r in readings):
        return {"verdict": "verified", "counterexample": None,
                "reason": f"entry notation: holds at every entry of random square matrices of sizes {SIZES} "
                          f"({TRIALS} draws each); evidence, not a proof"}
    return {"verdict": None, "counterexample": None, "reason": ""}


def _letters(lhs, rhs, letter) -> list[str]:
    """The capitals of the bold matrices (and of the lower-case entry arrays) the relation uses."""
    found = set()
    for e in (lhs, rhs):
        for s in e.free_symbols:
            if isinstance(s, sp.Symbol) and not s.is_commutative:
                m = re.fullmatch(r"\\(?:mathbf|boldsymbol|bm)\{([A-Z])\}", s.name)
                if m is None:
                    raise _NotHere(s.name)
                found.add(m.group(1))
        for x in e.atoms(sp.Indexed):
            name = x.base.label.name
            if not re.fullmatch(r"[a-z]", name) or len(x.indices) != 2:
                raise _NotHere(name)
            found.add(name.upper())
        for f in e.atoms(sp.Function):
            if type(f).__name__ not in _ALLOWED_FUNCTIONS and not isinstance(f, sp.KroneckerDelta):
                raise _NotHere(type(f).__name__)
    if letter.upper() not in found:
        raise _NotHere(letter)
    return sorted(found)


class _Env:
    """The matrices of one sample, the entry ``(a, b)`` differentiated in, and the norm's reading."""

    def __init__(self, values, letter, a_name, b_name, a, b, n, reading):
        self.values, self.letter, self.a, self.b, self.n, self.reading = values, letter, a, b, n, reading
        self.index = {a_name: a, b_name: b}

    def compare(self, lhs, rhs):
        l, r = self.scalar(lhs), self.scalar(rhs)
        if self.reading == "Frobenius" and l.is_Rational and r.is_Rational:
            return ("holds" if l == r else "fails"), l, r
        lf, rf = float(l), float(r)
        scale = max(abs(lf), abs(rf), 1.0)
        if abs(lf - rf) <= SPECTRAL_TOLERANCE * scale:
            return "holds", l, r
        return ("fails" if abs(lf - rf) > SPECTRAL_MARGIN * scale else "near"), l, r

    def scalar(self, e):
        """``e`` at this sample: a rational (or a float under the spectral reading of a derivative)."""
        e = self.fix_indices(e)
        for d in e.atoms(sp.Derivative):
            if self.is_entry_derivative(d):
                e = e.xreplace({d: self.entry_derivative(d.expr)})
        e = e.xreplace({s: sp.Integer(self.n) for s in e.free_symbols if s.is_commutative and s.is_integer
                        and s.is_positive and s.name not in ("i", "j", "k", "l")})
        e = e.doit()
        e = e.xreplace({x: self.values[x.base.label.name.upper()][int(x.indices[0]) - 1, int(x.indices[1]) - 1]
                        for x in e.atoms(sp.Indexed) if all(i.is_Integer for i in x.indices)})
        e = self.matrices(e)
        if e.free_symbols or not e.is_number:
            raise _NotHere(str(e)[:60])
        return sp.nsimplify(e) if isinstance(e, sp.Float) else e

    def fix_indices(self, e):
        return e.xreplace({s: sp.Integer(v) for s in e.atoms(sp.Symbol)
                           if s.name in self.index for v in [self.index[s.name]]})

    def is_entry_derivative(self, d) -> bool:
        (var, order), = d.variable_count
        return order == 1 and isinstance(var, sp.Indexed) and var.base.label.name == self.letter \
            and not d.expr.has(sp.Indexed)

    def entry_derivative(self, body):
        """d body / d(letter)[a, b]: exactly (Frobenius) or by central differences (spectral)."""
        L = self.letter.upper()
        if self.reading == "Frobenius":
            symbols = sp.Matrix(self.n, self.n, lambda r, c: sp.Symbol(f"_e{r}_{c}"))
            value = self.matrix(body, {L: symbols})
            target = symbols[self.a - 1, self.b - 1]
            return sp.diff(value, target).xreplace({symbols[r, c]: self.values[L][r, c]
                                                     for r in range(self.n) for c in range(self.n)})
        base = np.array(self.values[L].tolist(), dtype=float)

        def at(shift):
            moved = base.copy()
            moved[self.a - 1, self.b - 1] += shift
            return float(self.matrix(body, {L: sp.Matrix(moved)}))
        return sp.Float((at(STEP) - at(-STEP)) / (2 * STEP))

    def matrices(self, e):
        """Replace ``entry(M, r, c)`` by the entry of the evaluated matrix ``M``."""
        for f in sorted(e.atoms(sp.Function), key=sp.count_ops):
            if type(f).__name__ == "entry":
                if len(f.args) != 3:
                    raise _NotHere("an entry of a vector")
                m, r, c = f.args
                value = self.matrix(m, {})
                if not isinstance(value, sp.MatrixBase) or not (r.is_Integer and c.is_Integer):
                    raise _NotHere("entry")
                e = e.xreplace({f: value[int(r) - 1, int(c) - 1]})
        return e

    def matrix(self, e, override):
        """A non-commutative matrix expression at this sample (``override`` replaces some matrices)."""
        if isinstance(e, sp.Symbol) and not e.is_commutative:
            L = re.fullmatch(r"\\(?:mathbf|boldsymbol|bm)\{([A-Z])\}", e.name).group(1)
            return override.get(L, self.values[L])
        if e.is_Number:
            return e
        if isinstance(e, sp.Add):
            out = None
            for a in e.args:
                v = self.matrix(a, override)
                out = v if out is None else out + v
            return out
        if isinstance(e, sp.Mul):
            out = sp.Integer(1)
            for a in e.args:
                v = self.matrix(a, override)
                out = out * v
            return out
        if isinstance(e, sp.Pow) and e.exp.is_Integer:
            v = self.matrix(e.base, override)
            if isinstance(v, sp.MatrixBase) and e.exp < 0:
                if v.det() == 0:
                    raise _NotHere("singular")
                return v.inv() ** int(-e.exp)
            return v ** int(e.exp)
        name = type(e).__name__
        if name == "transpose":
            return self.matrix(e.args[0], override).T
        if name in ("norm", "norm_F"):
            v = self.matrix(e.args[0], override)
            if not isinstance(v, sp.MatrixBase):
                raise _NotHere("norm of a scalar")
            if self.reading == "Frobenius" or name == "norm_F":
                return sp.sqrt(sum(x ** 2 for x in v))
            return sp.Float(np.linalg.norm(np.array(v.tolist(), dtype=float), 2))
        raise _NotHere(name)
