r"""How a block reads before anything is checked: its role, and what it leaves in force.

Roles: ``definition`` (a name not yet defined, ``S(z) = ...``), ``claim``, ``condition``
(``$0 < p < 1$``, ``$x, y > 0$``, ``x \in (0, 1)``: relations between names and numbers),
``example`` (a name set to a number, ``$x = 2$``: in force for its paragraph and the display
it introduces, never substituted later), ``update`` (``W = W - \alpha g``,
``v_t = \beta v_{t-1} + (1 - \beta) g_t``: an assignment or recurrence, not an identity),
``equation`` (a relation that constrains an unknown, ``0 = (2-\lambda)(3-\lambda) - 2``),
``no claim``.

.. math:: \text{condition: } a \mathrel{R} b,\ a, b \in \text{names} \cup \text{numbers},\ R \in \{<, >, \le, \ge, \ne, \in\}
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.latex.reader import implied
from readers.notes.applied_names import several_argument_names
from readers.notes.decimals import ELLIPSIS_SYMBOL
from readers.notes.every_entry import listed_entry
from readers.notes.intervals import bounds as interval_bounds

CONDITION_RELATIONS = frozenset({"<", ">", "<=", ">=", "!=", "in", "notin"})
"""Relations that state a condition when both sides are names or numbers."""
BUILT = {"=": sp.Eq, "!=": sp.Ne, "<": sp.Lt, ">": sp.Gt, "<=": sp.Le, ">=": sp.Ge}

_DEFINED_FUNCTION = re.compile(
    r"(?<![A-Za-z_^])(?<![_^]\\)(\\?[A-Za-z]+)(?:_\{[^{}]*\}|_[A-Za-z0-9])?\s*"
    r"(?:\\left)?\(\s*((?:\\[A-Za-z]+\s*)?\\?[A-Za-z]+(?:_\{?\\?[A-Za-z0-9]+\}?)?"
    r"(?:\s*,\s*(?:\\[A-Za-z]+\s*)?\\?[A-Za-z]+(?:_\{?\\?[A-Za-z0-9]+\}?)?)*)\s*(?:\\right)?\)\s*&?\s*"
    r"(?:=|:=|\\coloneqq|\\equiv|\\triangleq)")
_NOT_FUNCTIONS = frozenset({"left", "right", "frac", "sqrt", "mathrm", "operatorname", "text", "mathbf", "boldsymbol",
                            "log", "ln", "exp", "sin", "cos", "tan", "max", "min", "det", "tr", "lim", "sum", "prod"})


def defined_functions(text: str) -> frozenset:
    r"""Names the notes define as functions anywhere: ``H(p) = ...``, ``\ell(x) =``, ``J(\theta) :=``.

    Read as applications everywhere in the document, before and after the definition
    (``H(1 - p)`` is ``H`` at ``1 - p``, not ``H \cdot (1 - p)``)."""
    names = set()
    for m in _DEFINED_FUNCTION.finditer(text):
        name = m.group(1).lstrip("\\")
        if name not in _NOT_FUNCTIONS:
            names.add(name)
    names |= {m.group(1) for m in _DERIVATIVE_AT_A_POINT.finditer(text)}
    names |= {m.group(1) for m in _SEQUENCE.finditer(text)}
    names |= {n for m in _COMPOSITION.finditer(text) if m.group(1) != m.group(2) for n in m.groups()}
    names |= several_argument_names(text) - _NOT_FUNCTIONS  # R(s, a, s') somewhere: R(tau) is R at tau
    return frozenset(names)


_SEQUENCE = re.compile(r"(?<![A-Za-z_\\])([a-z])\s*\[\s*[a-z]\s*\]\s*&?\s*(?:=|:=|\\coloneqq)")
r"""``w[n] = \alpha - \beta\cos\frac{2\pi n}{N - 1}``: a discrete signal or window defined at its index (one
lower-case letter in square brackets), read as ``w`` at ``n`` as ``w(n)`` is, never the product ``w \cdot n``."""


_COMPOSITION = re.compile(r"(?<![\\A-Za-z])([A-Za-z])\s*\((?=\s*([A-Za-z])\s*\(\s*[A-Za-z])")
r"""``A(B(C(x)))``, ``h(g(x))``: one letter applied to another applied to a name, a composition of functions
(a product would be written ``ABx``); two different letters only (``x(x(1 - x))`` stays a product)."""


_DERIVATIVE_AT_A_POINT = re.compile(r"\\[dt]?frac\s*\{\s*d\s*([A-Za-z])\s*\}\s*\{\s*d\s*[A-Za-z]\s*\}(?:\\left\s*)?\(")
r"""``\frac{du}{dx}(x)``, ``\frac{dF}{du}(u(y))``: a derivative evaluated at a point, so its letter names a function
(``u(0)`` is then ``u`` at 0, not ``u \cdot 0``)."""


_SPECIAL_AS_VALUE = re.compile(r"\\(Gamma|zeta)(?![A-Za-z])(?!\s*(?:\\left\s*|\\[bB]igg?l?\s*)?\()|Γ(?!\s*\()")
r"""``\Gamma`` or ``\zeta`` not followed by a parenthesis (``\Gamma_{ij}``, ``\boldsymbol\Gamma``, ``\zeta = 0.1``):
the note uses the letter as a value, so ``\Gamma(x)`` there is not surely the gamma function."""


def special_names_as_values(text: str) -> frozenset:
    r"""Letters of special functions (``Gamma``, ``zeta``) that the notes also use as plain values: names to the
    reader, so ``\Gamma(x)`` there is read as it was before special functions (never the special function, which
    would be a guess)."""
    return frozenset("Gamma" if m.group(0) == "Γ" else m.group(1) for m in _SPECIAL_AS_VALUE.finditer(text))


def _is_name(e) -> bool:
    return isinstance(e, (sp.Symbol, sp.Indexed)) and not isinstance(e, sp.Dummy)


def is_name(e) -> bool:
    return isinstance(e, (sp.Symbol, sp.Indexed)) and not isinstance(e, sp.Dummy)


def is_literal(e) -> bool:
    if isinstance(e, sp.Tuple) or type(e).__name__ in ("set", "Tuple"):
        return all(is_literal(a) for a in e.args)
    return isinstance(e, sp.Basic) and not e.free_symbols and not e.has(AppliedUndef)


def condition_pairs(block, defined=frozenset(), intervals=True) -> list | None:
    r"""The block's conditions as ``(a, rel, b)`` when every row only states conditions, else None.

    ``x, y > 0`` is ``x > 0`` and ``y > 0``; ``x \in (0, 1)`` is ``0 < x < 1``; a function the notes do
    not define, applied to names, is a name here (``P(B) > 0``); one they define, or its derivative written with
    primes, is a claim (``0 < \sigma(x) < 1``, ``|L'(r)| \le \delta``).  A product of powers of names (``\eta\lambda > 2``, ``\beta/\alpha < 1``, and
    ``\sigma^2 > 0`` strictly, not ``x^2 \ge 0``, a fact) compared with a number constrains those names as a name
    does: a condition.  ``p \in (0, 1]`` is
    ``0 < p \le 1`` (readers.notes.intervals) unless ``intervals`` is false (an existential "for some").  The
    absolute value of a name is a name here (``|x| < 1``, before a geometric series).  A name compared with another
    name moved by a number (``r > 1 + \epsilon``, ``t \ge T + 1``) orders the two names as ``a < b`` does: a
    condition.  A relation whose two sides read alike (``\|\mathbf{x}\|_1 \ge \|\mathbf{x}\|_2``, both
    ``|x|`` to this test) relates a quantity to another one of the same name: a claim, never a condition."""
    def is_name(e):
        return _is_name(e) or (isinstance(e, AppliedUndef) and e.func.__name__.rstrip("'") not in defined
                                and all(_is_name(a) for a in e.args))  # f'(r) after f(r) = ...: defined too

    def is_monomial(e):
        def factor(a):
            return is_name(a) or (isinstance(a, sp.Pow) and is_name(a.base) and a.exp.is_Integer)
        if isinstance(e, sp.Pow):  # s^2 > 0 ("prior variance $s^2 > 0$"): a condition on s, as s > 0 is (strict
            # only: x^2 >= 0 states a fact)
            return factor(e)
        return isinstance(e, sp.Mul) and any(factor(a) for a in e.args) and all(
            factor(a) or is_literal(a) for a in e.args)

    def is_size(e):  # |x| < 1: a condition on x, as x < 1 is
        return isinstance(e, sp.Abs) and is_name(e.args[0])

    pairs = []
    for row in block.rows:
        if row.kind in ("empty", "prose"):
            continue
        if implied(row):  # x^2 < 4 \Rightarrow x < 2: x < 2 claimed under a premise, not assumed
            return None
        exprs, rels = list(row.chain.exprs), list(row.chain.rels)
        if row.continued or not exprs:
            return None
        if not rels:  # x, y > 0; p, q \in (0, 1) (the interval's two bounds, an And): each name listed
            spread = [a for c in row.conditions for a in (c.args if isinstance(c, sp.And) else (c,))
                      if isinstance(a, sp.core.relational.Relational)]
            if not spread or not all(is_name(e) for e in exprs) or not all(
                    is_name(c.lhs) and is_literal(c.rhs) for c in spread):
                return None
            for c in spread:
                rel = {sp.StrictGreaterThan: ">", sp.GreaterThan: ">=", sp.StrictLessThan: "<",
                       sp.LessThan: "<=", sp.Unequality: "!="}.get(type(c))
                if rel is None:
                    return None
                entry = listed_entry(row.text, exprs[0]) if len(exprs) == 1 else None
                if entry is not None:  # z_1, \dots, z_n \ge 0: every entry (readers.notes.every_entry)
                    pairs.append((entry, rel, c.rhs))
                    continue
                pairs += [(e, rel, c.rhs) for e in exprs] + [(c.lhs, rel, c.rhs)]
            continue
        if not all(r in CONDITION_RELATIONS for r in rels):
            return None
        split = interval_bounds(row.chain.pairs(), row.text) if intervals and "in" in rels else None
        if split is not None:
            if not all((is_name(a) or is_literal(a)) and (is_name(b) or is_literal(b)) for a, _, b in split) \
                    or not any(is_name(a) for a, _, _ in split):
                return None
            pairs += split
            continue
        shared = _shared_bounds(row, is_name)
        if shared is not None:  # 0 \le u, v \le 1: both names between the two bounds
            pairs += shared
        elif rels == ["in"] and is_name(exprs[0]) and isinstance(exprs[1], sp.Pow) and (
                is_name(exprs[1].base) or is_literal(exprs[1].base)):
            pairs += row.chain.pairs()  # x \in \mathbb{R}^n, y \in \{0, 1\}^n: a declaration, as x \in \mathbb{R} is
        elif all(is_name(e) or is_literal(e) or is_size(e) for e in exprs) and any(
                is_name(e) or is_size(e) for e in exprs):
            pairs += row.chain.pairs()
        elif (len(exprs) == 2 and "in" not in rels and "notin" not in rels
              and sum(is_monomial(e) for e in exprs) == 1 and any(is_literal(e) for e in exprs)
              and (not any(isinstance(e, sp.Pow) for e in exprs)  # a power: only s^2 > 0, a sign
                   or rels[0] in ("<", ">") and any(e == 0 for e in exprs))) \
                or (all(r in ("<", ">", "<=", ">=") for r in rels) and any(is_name(e) for e in exprs)
                    and any(_name_moved(e, is_name) for e in exprs)
                    and all(is_name(e) or is_literal(e) or _name_moved(e, is_name) for e in exprs)):
            pairs += row.chain.pairs()
        elif _bounded_product(exprs, rels, is_name, is_monomial):
            pairs += row.chain.pairs()
        else:
            return None
    if any(a == b for a, _, b in pairs):  # ||x||_1 >= ||x||_2 read as |x| >= |x|: a claim whose norms were lost
        return None
    return pairs or None


_ORDER = {sp.StrictLessThan: "<", sp.LessThan: "<=", sp.StrictGreaterThan: ">", sp.GreaterThan: ">="}


def _shared_bounds(row, is_name) -> list | None:
    r"""``0 \le u, v \le 1`` (read as ``0 \le u`` under the side condition ``v \le 1``): two names listed between
    one lower and one upper bound, each held between both, as ``0 \le u \le 1`` and ``0 \le v \le 1`` say; the
    bounds numbers, the two relations running the same way.  None for any other row."""
    exprs, rels = row.chain.exprs, row.chain.rels
    if len(exprs) != 2 or len(row.conditions) != 1 or rels[0] not in ("<", "<=", ">", ">="):
        return None
    cond = row.conditions[0]
    rel = _ORDER.get(type(cond))
    if rel is None or rel[0] != rels[0][0] or not is_literal(exprs[0]) or not is_name(exprs[1]) \
            or not is_name(cond.lhs) or not is_literal(cond.rhs) or cond.lhs == exprs[1]:
        return None
    low, first, second, high = exprs[0], exprs[1], cond.lhs, cond.rhs
    return [(low, rels[0], first), (first, rel, high), (low, rels[0], second), (second, rel, high)]


def _bounded_product(exprs, rels, is_name, is_monomial) -> bool:
    r"""``0 < \alpha\lambda_i < 2``, ``0 < \alpha\lambda < 2 + 2\beta``: a product of names held between a number and
    a number or a name scaled and moved by numbers, one way round.  The range of a step size, stated as
    ``0 < x < 1`` is, constrains those names: a condition (refuted as a claim at ``\lambda = 0``)."""
    if len(exprs) != 3 or not (set(rels) <= {"<", "<="} or set(rels) <= {">", ">="}):
        return False
    if not is_monomial(exprs[1]):
        return False

    def bound(e):
        if is_literal(e) and e.is_number:
            return True
        if not isinstance(e, sp.Add):
            return False
        rest = [a for a in e.args if not a.is_number]
        return len(rest) == 1 and (is_name(rest[0]) or isinstance(rest[0], sp.Mul) and len(rest[0].args) == 2
                                   and any(a.is_number for a in rest[0].args) and any(is_name(a) for a in rest[0].args))

    ends = (exprs[0], exprs[2])
    return all(bound(e) for e in ends) and any(is_literal(e) and e.is_number for e in ends)


def _name_moved(e, is_name) -> bool:
    """``1 + \\epsilon``, ``T - 1``, ``1 - c``: one name, or its negative, plus a non-zero number."""
    if not isinstance(e, sp.Add):
        return False
    names = [a for a in e.args if is_name(a) or (a.could_extract_minus_sign() and is_name(-a))]
    return len(names) == 1 and all(is_literal(a) and a.is_number for a in e.args if a is not names[0])


def as_relations(pairs) -> list:
    """Sympy relations for ``(a, rel, b)`` pairs; ``x in (lo, hi)`` is an open interval; others are dropped."""
    out = []
    for a, rel, b in pairs:
        if rel == "in" and isinstance(b, sp.Tuple) and len(b) == 2 and all(x.is_number for x in b):
            out += [sp.Gt(a, b[0]), sp.Lt(a, b[1])]
            continue
        built = BUILT.get(rel)
        if built is None:
            continue
        try:
            r = built(a, b)
        except TypeError:
            continue
        if r not in (sp.true, sp.false):
            out.append(r)
    return out


def example_values(block, seen=frozenset(), squares=False) -> list | None:
    """``[(name, value)]`` when the block only sets names to numbers (``$x = 2$``, ``$p = 0$``, several at once:
    ``$\\mu_X = \\mu_Y = 0$``), or names already used in this section to expressions (``$D = a/(a + b)$``
    after a claim about ``D``), else None.  With ``squares`` (a block in prose after :data:`SETS_A_VALUE`), a name's
    square set to a positive number ("With $\\tau^2 = 1$, ...") sets the name, a scale, to the positive root: a local example as ``$x = 2$``
    is, not a definition of the name to the end of the document."""
    out = []
    for row in block.rows:
        if row.kind in ("empty", "prose"):
            continue
        if implied(row):  # x^2 = 4 \Rightarrow x = 2: x = 2 under a premise, not a value set
            return None
        exprs, rels = row.chain.exprs, row.chain.rels
        if not row.continued and len(exprs) > 2 and set(rels) == {"="} and is_literal(exprs[-1]) \
                and all(_is_name(e) for e in exprs[:-1]) and len(set(exprs[:-1])) == len(exprs) - 1:
            out += [(e, exprs[-1]) for e in exprs[:-1]]
            continue
        if squares and not row.continued and len(exprs) == 2 and rels == ("=",) and _squared_name(exprs[0]) \
                and is_literal(exprs[1]) and exprs[1].is_positive:
            out.append((exprs[0].base, sp.sqrt(exprs[1])))
            continue
        if row.continued or len(exprs) != 2 or rels != ("=",) or not _is_name(exprs[0]) \
                or isinstance(exprs[1], sp.Tuple) or exprs[0] in exprs[1].free_symbols:
            return None
        if not is_literal(exprs[1]) and exprs[0] not in seen or cancelled_to_literal(row.text, exprs[1]):
            return None
        out.append((exprs[0], exprs[1]))
    return out or None


SETS_A_VALUE = re.compile(r"\b(?:with|let|take|set|setting|assume|assuming|choose|choosing|suppose)\s*$", re.IGNORECASE)
r"""Words right before an inline block that set up an example ("With $\tau^2 = 1$"): only then is a squared name set
to a number an example (not after "for $x^2 = 2$", an equation, nor "such that $k^2 = 9$", where k may be -3)."""


def _squared_name(e) -> bool:
    r"""``\tau^2``: the square of a name."""
    return isinstance(e, sp.Pow) and e.exp == 2 and _is_name(e.base)


def cancelled_to_literal(text: str, value) -> bool:
    r"""Whether ``value``, a number, is what the scalar parse made of names written on the row's right side:
    ``H = X(X^\top X)^{-1}X^\top`` is ``H = 1`` in numbers, a matrix and no example value."""
    if not is_literal(value):
        return False
    written = re.sub(r"\\(?:text|mathrm|operatorname)\s*\{[^{}]*\}|\\[A-Za-z]+", " ", text.rsplit("=", 1)[-1])
    return re.search(r"(?<![A-Za-z])[A-Z](?![A-Za-z])", written) is not None


def base_name(e) -> str | None:
    r"""The name of ``m_t``, ``m_{t-1}``, ``m[t]`` without its subscript: ``m``; of an iterate's step label
    ``w^{(k+1)}`` (readers.notes.iterates) without the label: ``w``; None for other expressions."""
    if isinstance(e, sp.Indexed):
        return str(e.base.label)
    if isinstance(e, sp.Symbol):
        return re.sub(r"_(\{.*\}|[^_{}]+)$|\^\{\([^()]*\)\}$", "", e.name)
    if isinstance(e, AppliedUndef):
        return e.func.__name__
    return None


def is_update(lhs, rhs) -> bool:
    r"""``W = W - \alpha g`` or ``v_t = \beta v_{t-1} + ...``: the left side's name is on the right."""
    name = base_name(lhs)
    if name is None or not is_name(lhs) and not isinstance(lhs, AppliedUndef):
        return False
    if lhs in rhs.free_symbols or (isinstance(lhs, AppliedUndef) and lhs in rhs.atoms(AppliedUndef)):
        return not restates(lhs, rhs)
    ahead = re.fullmatch(r"\{?\s*([A-Za-z])\s*\+\s*1\s*\}?", subscript_of(lhs) or "")
    if ahead is not None and isinstance(lhs, sp.Indexed):  # x_{k+1} = (1 - eta a) x_k: the next step from this one
        # (not a translation, t_{n+1} = t_n + dt, x_{k+1} = x_k - eta g: a grid or a plain progression, which the
        # notes' later lines use as the definition it is)
        return any(base_name(s) == name and (subscript_of(s) or "").strip("{} ") == ahead.group(1)
                   and (rhs - s).has(s) for s in rhs.atoms(sp.Indexed))
    step = _step_letter(lhs)
    if step is None:
        return False
    earlier = re.compile(r"^\{?\s*" + re.escape(step) + r"\s*-\s*\d+\s*\}?$")
    return any(base_name(s) == name and s != lhs and earlier.match(subscript_of(s) or "")
               for s in rhs.free_symbols | rhs.atoms(sp.Indexed) if isinstance(s, (sp.Symbol, sp.Indexed)))


def restates(lhs, rhs) -> bool:
    r"""``\mathbf{u} = \mathbf{v} + (\mathbf{u} - \mathbf{v})``: the right side is the left side rewritten (their
    difference expands to 0), an identity about the name, not an assignment to it."""
    try:
        return sp.expand(lhs - rhs) == 0
    except (TypeError, ValueError):
        return False


def is_property(lhs, rhs) -> bool:
    r"""``\mathbf{A} = \mathbf{A}^\top``: a name set equal to an expression in itself alone (no other name, no
    step index): a property the name is given (symmetric), not an update (``W = W - \alpha g`` brings a step
    size and a gradient) and not an identity of every value."""
    if not isinstance(lhs, sp.Symbol) or lhs not in rhs.free_symbols or restates(lhs, rhs):
        return False
    return rhs.free_symbols == {lhs}


def subscript_of(e) -> str | None:
    r"""The subscript of ``m_t``, ``m_{t-1}`` (``t``, ``{t-1}``, as written) or the indices of ``m[t]``; None for
    other expressions: :func:`base_name`'s other half."""
    if isinstance(e, sp.Indexed):
        return ",".join(str(i) for i in e.indices).replace(" ", "")
    if isinstance(e, sp.Symbol):
        m = re.search(r"_(\{.*\}|[^_{}]+)$", e.name)
        return m.group(1) if m else None
    return None


def _step_letter(lhs) -> str | None:
    """The step variable of ``m_t``, ``W^{[l]}_t``, ``x[k]``: a single letter subscript, else None."""
    sub = subscript_of(lhs)
    if sub is None:
        return None
    sub = sub.strip("{}").strip()
    return sub if re.fullmatch(r"[A-Za-z]", sub) else None


def is_equation(lhs, rhs) -> bool:
    r"""One side a number, the other depends on names: ``0 = w^2 - 4``, an equation in the names; or two
    different bare names set equal (``m_n = \mu`` in ``m_d = m_n = \mu = 0``): no one states ``x = y`` as an
    identity of independent variables, it says that they name the same quantity (or constrains them).  An
    ellipsis is no unknown: ``\pi = 3.14159\ldots`` states digits (readers.notes.decimals)."""
    def names(e):
        return e.free_symbols - {ELLIPSIS_SYMBOL}

    return (is_literal(lhs) and bool(names(rhs))) or (is_literal(rhs) and bool(names(lhs))) \
        or (_bare_name(lhs) and _bare_name(rhs) and lhs != rhs)


def never_holds(lhs, rhs, conditions) -> bool:
    r"""Whether the equation ``lhs = rhs`` has no solution where the stated conditions hold, and the conditions
    are what rules the solutions out, as sympy's sign rules show: the numerator of ``lhs - rhs`` is never zero
    with each name a condition makes positive or negative declared so, and not decided without them.
    ``1 - \epsilon + \sum_{k=1}^{K} \frac{\epsilon}{K - 1} = 1`` with ``\epsilon > 0`` is ``\frac{\epsilon}{K - 1}
    = 0``: no value inside the conditions solves it, so it is no equation to solve.  An equation that no real
    value solves whatever the conditions (``-1/x^2 = 1``) is more likely a misreading of the notes (a name
    redefined in passing) and stays an equation.  False whenever sympy cannot tell."""
    signs = {}
    for relation in conditions:
        if not isinstance(relation, (sp.StrictGreaterThan, sp.GreaterThan, sp.StrictLessThan, sp.LessThan)):
            continue
        strict = isinstance(relation, (sp.StrictGreaterThan, sp.StrictLessThan))
        big, small = relation.gts, relation.lts
        if isinstance(big, sp.Symbol) and small.is_number and small.is_real \
                and (small > 0 or (strict and small >= 0)):
            signs[big] = "positive"
        elif isinstance(small, sp.Symbol) and big.is_number and big.is_real and (big < 0 or (strict and big <= 0)):
            signs[small] = "negative"
    declared = {x: sp.Dummy(x.name, **{sign: True}) for x, sign in signs.items()}
    try:
        difference = (lhs - rhs).doit()
        numerator = sp.factor(sp.numer(sp.cancel(sp.together(difference))))
        return bool(declared) and difference.free_symbols != set() and numerator.is_zero is None \
            and numerator.xreplace(declared).is_zero is False
    except (TypeError, ValueError, NotImplementedError, sp.PolynomialError):
        return False


def _bare_name(expr) -> bool:
    return isinstance(expr, (sp.Symbol, sp.Indexed))
