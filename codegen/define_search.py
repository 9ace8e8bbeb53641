r"""The search among candidate rewritings of a defined function (as Herbie does for scalar code).

Candidates for the forward: every stability rule on, and, for each rule that fired,
every rule but that one; the costly rules on, and, for each costly rule that fired, the costly rules but that one
(``homogeneous_scalars`` rescales $\frac{2 u^2}{u^2 + 4}$, $u = x/c$, so that ``term_over_sum`` no longer finds the
numerator's $u^2$ among the denominator's terms).  Candidates for the VJP: the stabilized derivative of the raw
definition, $\operatorname{stab}(\partial f)$, and the derivative of the stabilized
definition, $\partial\,\operatorname{stab}(f)$, in which each max-shift or scale $m$ that a
rule introduced is held constant (the rules' identities hold for every $m$, so the total
derivative through $m$ is 0), each again with every rule and with each fired rule left out;
the derivative of the stabilized form also with the costly rules (after it: a tie keeps the cheaper), and
with sympy's midpoint values at kinks ($H(0) = \tfrac12$, each branch of a ``Piecewise`` with its own sign of
$|u|$: right where the kinks a rule introduced cancel, as in $\max(x, 0) + \operatorname{log1p}(e^{-|x|})$).
The derivative is reverse mode's (``f.gradients``); the derivative of the expanded definition (``derive_vjp``
without intermediates, the path before reverse mode) follows the candidates built on it, so that a tie keeps
reverse mode's and a strictly more accurate expanded form is still found.
Last, each of the first candidates with :data:`codegen.rules.EXACT_RULES` on top (exact products: costly per
element, so listed last and kept only where strictly more accurate).

Every candidate is compiled and measured against the definition in mpmath at ordinary and
extreme points (:func:`codegen.define_check.check_function`); the forward and the VJP are
chosen separately, the most accurate (worst of ordinary and extreme) winning, ties going
to the candidate listed first (the costly rules of :data:`codegen.rules.COSTLY_RULES` on where
they fire, else all rules on; the stabilized derivative).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp

from derivations.gradients.derive import Wrt, derive_vjp
from symbolic.functions import ReduceMax

from codegen.define import DefinedFunction
from codegen.rules import COSTLY_RULES, EXACT_RULES, RULES, TAYLOR_BRANCH, stabilize


@dataclass
class Candidate:
    """One way to compute the forward or the VJP: its expressions and the rules that fired in them."""

    label: str
    exprs: tuple
    fired: tuple[str, ...]
    rules: tuple = RULES
    baseline: str = ""
    """For a candidate with :data:`codegen.rules.EXACT_RULES`: the label of the same candidate without them
    (the ablation's "without" for an exact rule)."""
    build: Callable | None = None
    """``build(rules) -> (exprs, fired)``: the same construction with other rules, so that the ablation of a rule
    that fired in the chosen candidate is that candidate with the rule left out (:func:`ablated`)."""


def ablated(c: Candidate, name: str) -> tuple[tuple, tuple[str, ...]] | None:
    """``(exprs, fired)`` of the candidate ``c`` built with the rule ``name`` left out of its rules (None where
    ``c`` records no construction, or the construction fails without the rule, sympy's recursion included)."""
    if c.build is None:
        return None
    try:
        return c.build(tuple(r for r in c.rules if r.name != name))
    except RecursionError:  # without one rule another may nest its rewrites beyond sympy's reach: no ablation entry
        return None


def _stabilized(exprs, rules) -> tuple[tuple, tuple[str, ...]]:
    """Every expression of ``exprs`` through :func:`stabilize` with ``rules``; the rules that fired in any, in order."""
    out, fired = [], []
    for e in exprs:
        s, names = stabilize(e, rules)
        out.append(s)
        fired += [n for n in names if n not in fired]
    return tuple(out), tuple(fired)


def _exact_on(build):
    """The construction ``build`` with the exact rules of ``rules`` applied on top (:func:`with_exact`)."""
    def on(rules):
        base = build(tuple(r for r in rules if r not in EXACT_RULES))
        if base is None:
            return None
        exprs, fired = base
        out, more = _stabilized(exprs, tuple(r for r in rules if r in EXACT_RULES))
        return out, tuple(fired) + tuple(n for n in more if n not in fired)
    return on


def _frozen(expr: sp.Expr, sizes=()) -> tuple[sp.Expr, dict]:
    """``expr`` with every ``ReduceMax`` replaced by a fresh symbol (held constant when differentiating)."""
    subs = {}

    def freeze(e):
        if e not in subs:
            subs[e] = sp.Dummy("m", real=True)
        return subs[e]

    def query(e):  # a max over a whole axis: no index of an enclosing sum in it
        return isinstance(e, ReduceMax) and all(not s.is_integer or s in sizes for s in e.free_symbols)

    out = expr.replace(query, freeze)
    return out, {v: k for k, v in subs.items()}


def derivative_of_stable(f: DefinedFunction, rules=RULES, *, midpoints: bool = False) -> tuple[tuple, tuple[str, ...]] | None:
    r"""$\partial\,\operatorname{stab}(f)$ per parameter (max-shifts held constant), or None where sympy fails.

    With ``midpoints``, kinks take sympy's midpoint values ($H(0) = \tfrac12$): right where a rule's kinks
    cancel ($\operatorname{softplus}(x) = \max(x, 0) + \operatorname{log1p}(e^{-|x|})$ has derivative $\tfrac12$
    at 0, the ReLU convention $H(0) = 0$ gives 0); wrong at a kink of the definition itself (the search decides)."""
    stable, fired = stabilize(f.expr, rules)
    stable = _evaluated(stable)  # sympy cannot differentiate an UnevaluatedExpr
    frozen, back = _frozen(_branch_signs(stable) if midpoints else stable, set(f.sizes))
    out = []
    try:
        for p, _, kappa in f.gradients:
            e, k2 = derive_vjp(frozen, f.indices, Wrt(p.symbol, p.shape), f.upstream.symbol,
                               **({"conventions": ()} if midpoints else {}))
            if e.has(sp.Derivative) or [k for k, _, _ in k2] != [k for k, _, _ in kappa]:
                return None
            out.append(e.xreplace(back))
    except (TypeError, ValueError, NotImplementedError, AttributeError):
        return None
    return tuple(out), fired


def _evaluated(expr: sp.Expr) -> sp.Expr:
    r"""``expr`` with every ``UnevaluatedExpr`` released but a guard's, $x > 0$ held in a condition (``zero_times_log``:
    it is about the computed $x$; sympy knows the true $x > 0$ and would drop the branch, whose derivative is the
    limit 0 where $x$ underflows)."""
    if isinstance(expr, sp.UnevaluatedExpr):
        return _evaluated(expr.args[0])
    if isinstance(expr, sp.Piecewise):
        return sp.Piecewise(*[(_evaluated(e), c if _guard(c) else _evaluated(c)) for e, c in expr.args])
    if not expr.args or not expr.has(sp.UnevaluatedExpr):
        return expr
    return expr.func(*[_evaluated(a) for a in expr.args])


def _guard(cond) -> bool:
    """``cond`` is $x > 0$ with $x$ held unevaluated."""
    return isinstance(cond, sp.StrictGreaterThan) and isinstance(cond.lhs, sp.UnevaluatedExpr) and cond.rhs == 0


def _sign_of(cond):
    """``(u, s)`` where ``cond`` says ``s u >= 0`` (``u >= 0``, ``u > 0``: s = 1; ``u <= 0``, ``u < 0``: s = -1), else None."""
    if isinstance(cond, (sp.GreaterThan, sp.StrictGreaterThan, sp.LessThan, sp.StrictLessThan)) and cond.rhs == 0:
        return cond.lhs, 1 if isinstance(cond, (sp.GreaterThan, sp.StrictGreaterThan)) else -1
    return None


def _branch_signs(expr: sp.Expr) -> sp.Expr:
    r"""In ``Piecewise((e_1, u \ge 0), (e_2, \mathrm{True}))``, $|u| = u$ in $e_1$ and $|u| = -u$ in $e_2$ (and the
    mirror for $u \le 0$): each branch's own one-sided derivative at $u = 0$, where
    $\frac{d}{du}\frac{1}{1 + e^{-|u|}} = \operatorname{sign}(u)\ldots$ would give 0 (``sigmoid_stable``'s form)."""
    def query(e):
        return isinstance(e, sp.Piecewise) and len(e.args) == 2 and e.args[1].cond == sp.true \
            and _sign_of(e.args[0].cond) is not None

    def value(e):
        (e1, c1), (e2, _) = e.args
        u, sign = _sign_of(c1)
        return sp.Piecewise((e1.xreplace({sp.Abs(u): sign * u}), c1), (e2.xreplace({sp.Abs(u): -sign * u}), True))

    return expr.replace(query, value)


WITH_COSTLY = tuple(sorted(RULES + tuple(r for r in COSTLY_RULES if r is not TAYLOR_BRANCH), key=lambda r: r.priority))
COSTLY_LABEL = "all rules and the costly ones"
"""The candidate with :data:`codegen.rules.COSTLY_RULES` on; its ablation baseline is "all rules"."""
WITH_TAYLOR = tuple(sorted(WITH_COSTLY + (TAYLOR_BRANCH,), key=lambda r: r.priority))
TAYLOR_SUFFIX = ", with the Taylor branch"
"""Candidates with ``taylor_branch`` (both sides of a ``where`` are computed) come last: a tie keeps the cheaper;
each one's ablation baseline is the same candidate without it."""


def forward_candidates(f: DefinedFunction) -> list[Candidate]:
    def build(rules):
        return _stabilized((f.expr,), rules)

    (expr,), fired = build(RULES)
    out = [Candidate("all rules", (expr,), fired, build=build)]
    for name in fired:
        rules = tuple(r for r in RULES if r.name != name)
        out.append(Candidate(f"without {name}", *build(rules), rules, build=build))
    (costly,), cfired = build(WITH_COSTLY)
    if costly != expr:  # listed first: where it ties with "all rules" it is kept (it only adds log1p of the small terms)
        out.insert(0, Candidate(COSTLY_LABEL, (costly,), cfired, WITH_COSTLY, build=build))
        for name in [n for n in cfired if n not in fired]:  # one costly rule can hide another's pattern: each left out
            rules = tuple(r for r in WITH_COSTLY if r.name != name)
            (other,), ofired = build(rules)
            if other not in (expr, costly):
                out.append(Candidate(f"{COSTLY_LABEL} but {name}", (other,), ofired, rules, build=build))
    out += with_exact(out[:1] + [c for c in out if c.label == "all rules" and c is not out[0]])
    (taylor,), tfired = build(WITH_TAYLOR)
    if TAYLOR_BRANCH.name in tfired:
        out.append(Candidate(out[0].label + TAYLOR_SUFFIX, (taylor,), tfired, WITH_TAYLOR, baseline=out[0].label,
                             build=build))
    return out


def with_exact(bases: list[Candidate]) -> list[Candidate]:
    r"""Each candidate of ``bases`` with :data:`codegen.rules.EXACT_RULES` applied on top, where they fire: listed
    last, so that a tie keeps the cheaper form (an exact product costs about 17 flops per element)."""
    out = []
    for c in bases:
        exprs, fired = [], set(c.fired)
        for e in c.exprs:
            new, names = stabilize(e, EXACT_RULES)
            exprs.append(new)
            fired.update(names)
        if tuple(exprs) != c.exprs:
            out.append(Candidate(f"{c.label}, with exact products", tuple(exprs),
                                 tuple(n for n in (*c.fired, *sorted(fired - set(c.fired)))), c.rules + EXACT_RULES,
                                 baseline=c.label, build=_exact_on(c.build) if c.build else None))
    return out


def vjp_candidates(f: DefinedFunction) -> list[Candidate]:
    """Every candidate VJP of ``f``, in the order of :func:`each_vjp_candidate`."""
    return list(each_vjp_candidate(f))


def each_vjp_candidate(f: DefinedFunction):
    """The candidate VJPs of ``f`` one at a time, each built only when asked for (the search may stop at its budget:
    :data:`codegen.define_module.SEARCH_CANDIDATES`), in the order of the module docstring."""
    def stab_of_derivative(rules):
        exprs, fired = _stabilized([e for _, e, _ in f.gradients], rules)
        return exprs, tuple(sorted(fired))

    exprs, fired = stab_of_derivative(RULES)
    first = Candidate("stabilized derivative", exprs, fired, build=stab_of_derivative)
    yield first
    bases = [first]
    for name in fired:
        rules = tuple(r for r in RULES if r.name != name)
        yield Candidate(f"stabilized derivative without {name}", *stab_of_derivative(rules), rules,
                        build=stab_of_derivative)
    costly = []  # the candidates with the costly rules, after everything else (a tie keeps the cheaper)
    together = _over_common_denominator(f)
    if together is not None:
        def common(rules):
            exprs, fired = _stabilized(together, rules)
            return exprs, tuple(sorted(fired))

        cexprs, cfired = common(RULES)
        yield Candidate("derivative over a common denominator", cexprs, cfired, build=common)
        costly.append((COMMON_COSTLY_LABEL, common, cexprs, "derivative over a common denominator"))
    if f.expanded_gradients and tuple(e for _, e, _ in f.expanded_gradients) != tuple(e for _, e, _ in f.gradients):
        def expanded(rules):  # after reverse mode's: a tie keeps the compact form
            exprs, fired = _stabilized([e for _, e, _ in f.expanded_gradients], rules)
            return exprs, tuple(sorted(fired))

        yield Candidate(EXPANDED_LABEL, *expanded(RULES), build=expanded)
    plain = _of_stable(f, midpoints=False)
    d = plain(RULES)
    taylor = []
    if d is not None:
        last = Candidate("derivative of the stabilized form", *d, RULES, build=plain)
        yield last
        bases.append(last)
        exprs2, more = plain(WITH_COSTLY)
        if exprs2 != last.exprs:  # after the plain one: a tie keeps the cheaper
            yield Candidate(COSTLY_VJP_LABEL, exprs2, more, WITH_COSTLY, build=plain)
        taylor.append((COSTLY_VJP_LABEL + TAYLOR_SUFFIX, plain, "derivative of the stabilized form"))
    midpoints = _of_stable(f, midpoints=True)
    mid = midpoints.derivative(RULES)
    if mid is not None and d is not None and mid[0] != plain.derivative(RULES)[0]:  # after the ReLU convention's
        mexprs, mfired = midpoints(RULES)
        yield Candidate(MIDPOINT_LABEL, mexprs, mfired, build=midpoints)
        costly.append((MIDPOINT_LABEL + COSTLY_SUFFIX, midpoints, mexprs, MIDPOINT_LABEL))
    yield from with_exact(bases)
    cexprs, cfired = stab_of_derivative(WITH_COSTLY)
    if cexprs != first.exprs:
        yield Candidate("stabilized derivative" + COSTLY_SUFFIX, cexprs, cfired, WITH_COSTLY,
                        baseline="stabilized derivative", build=stab_of_derivative)
    for label, build, plain_exprs, baseline in costly:
        bexprs, bfired = build(WITH_COSTLY)
        if bexprs != plain_exprs:
            yield Candidate(label, bexprs, bfired, WITH_COSTLY, baseline=baseline, build=build)
    texprs, tfired = stab_of_derivative(WITH_TAYLOR)
    if TAYLOR_BRANCH.name in tfired:
        yield Candidate("stabilized derivative" + TAYLOR_SUFFIX, texprs, tfired, WITH_TAYLOR,
                        baseline="stabilized derivative", build=stab_of_derivative)
    for label, build, baseline in taylor:
        exprs3, more = build(WITH_TAYLOR)
        if TAYLOR_BRANCH.name in more:
            yield Candidate(label, exprs3, more, WITH_TAYLOR, baseline=baseline, build=build)


def derivative_of_costly_stable(f: DefinedFunction):
    r"""The candidate $\operatorname{stab}_C(\partial\,\operatorname{stab}_C(f))$: the derivative of the form stabilized
    with the costly rules as well ($C$ = :data:`WITH_COSTLY`), then stabilized again by them.  The costly rules fold
    what the cheap ones leave apart: the Fisher F log-density's
    $\frac{d_1}{2}\log\frac{d_1}{d_2} - \frac{d_1 + d_2}{2}\log(1 + \frac{d_1 x}{d_2})$ becomes, for large $d_1 x/d_2$,
    one log whose derivative in $x$ is $-(1 + \frac{d_2}{2})/x + \ldots$, where the unfolded form's
    $-\frac{d_1 (d_1 + d_2)}{d_2 (d_1 x/d_2 + 1)}$ is $-\infty$ at $d_1 = 10^{300}$.  Each rule's identity holds for every
    value of its variables, so the derivative of the rewritten form is the derivative of $f$ (a scale $m$ a rule
    introduced is held constant, as in :func:`derivative_of_stable`).  Differentiating the costly form is costly:
    the search asks for it only where no earlier VJP candidate met its targets (:func:`codegen.define_module.search`),
    so that the search of every other definition stays as it was.  Yields nothing where sympy fails or where the
    costly rules change nothing before differentiating."""
    derived = {}

    def build(rules):
        key = tuple(r.name for r in rules)
        if key not in derived:
            derived[key] = derivative_of_stable(f, rules)
        d = derived[key]
        if d is None:
            return None
        exprs, fired = _stabilized(d[0], rules)
        return exprs, tuple(sorted(set(d[1]) | set(fired)))

    stable, _ = stabilize(f.expr, WITH_COSTLY)
    if stable == stabilize(f.expr, RULES)[0]:
        return
    try:
        built = build(WITH_COSTLY)
    except RecursionError:
        return
    if built is not None:
        yield Candidate(DERIVATIVE_OF_COSTLY_LABEL, built[0], built[1], WITH_COSTLY, build=build)


DERIVATIVE_OF_COSTLY_LABEL = "derivative of the form stabilized with the costly rules"


def without_each_fired(measured: list[Candidate]) -> list[Candidate]:
    r"""For each measured candidate with the costly rules, the same construction with each rule that fired in it left
    out, one at a time (those whose expressions are new): one rule can take the pattern another needs, as
    ``power_ratio_over_numerator`` writes the generalized mean's gradient $(\frac1n S)^{1/p - 1} x_k^{p - 1}$ as a
    power of $x_k / (\frac1n S)^{1/p}$ that ``homogeneous_scale`` no longer scales (0 \cdot \infty at $p = 10^{300}$).
    The search asks for them only where no candidate met its target (:func:`codegen.define_module.search`): listed last,
    built one at a time."""
    seen = {c.exprs for c in measured}
    for c in measured:
        if c.build is None or not any(r in COSTLY_RULES for r in c.rules):
            continue
        for name in c.fired:
            built = ablated(c, name)
            if built is None or tuple(built[0]) in seen:
                continue
            seen.add(tuple(built[0]))
            yield Candidate(f"{c.label} but {name}", tuple(built[0]), tuple(built[1]),
                            tuple(r for r in c.rules if r.name != name), build=c.build)


EXPANDED_LABEL = "stabilized derivative of the expanded definition"
"""The derivative without intermediates (``derive_vjp`` of the whole definition), the path before reverse mode."""


def _of_stable(f: DefinedFunction, *, midpoints: bool):
    r"""The construction $\operatorname{stab}(\partial\,\operatorname{stab}(f))$: the derivative of ``f`` stabilized by the
    rules of ``rules`` that are in :data:`codegen.rules.RULES` (the costly ones are not used before differentiating),
    then every expression stabilized again by all of ``rules`` (the derivative of a stable form may hold new patterns:
    $1 - \tanh^2$, $\sinh/\cosh$).  ``build(rules) -> (exprs, fired)``, None where sympy fails."""
    derived = {}

    def derivative(rules):
        rules = tuple(r for r in rules if r in RULES)
        key = tuple(r.name for r in rules)
        if key not in derived:  # sympy's differentiation is the costly part: once per rule set
            derived[key] = derivative_of_stable(f, rules, midpoints=midpoints)
        return derived[key]

    def build(rules):
        d = derivative(rules)
        if d is None:
            return None
        exprs, fired = _stabilized(d[0], rules)
        return exprs, tuple(sorted(set(d[1]) | set(fired)))

    build.derivative = derivative
    return build


MIDPOINT_LABEL = "derivative of the stabilized form, midpoints at kinks"
COMMON_COSTLY_LABEL = "derivative over a common denominator, with the costly rules"
"""Its ablation baseline is "derivative over a common denominator" (the costly rules off)."""
COSTLY_SUFFIX = ", with the costly rules"
COSTLY_VJP_LABEL = "derivative of the stabilized form" + COSTLY_SUFFIX
"""Its ablation baseline is "derivative of the stabilized form" (the costly rules off)."""


def _over_common_denominator(f: DefinedFunction) -> tuple | None:
    r"""Each scalar gradient as one fraction (sympy's ``together``): $\frac{1}{1 + |x|} - \frac{|x|}{(1 + |x|)^2}$
    cancels to 0 for $|x| > 10^{16}$, $\frac{1}{(1 + |x|)^2}$ does not.  Only for gradients without sums
    or indices (``together`` of an indexed sum can be slow and rarely simpler); None if nothing changes."""
    exprs = []
    for _, e, _ in f.gradients:
        if e.has(sp.Sum, sp.Indexed, ReduceMax, sp.Piecewise):
            return None
        try:
            exprs.append(_one_fraction(_abs_of_sign(e)))
        except (RecursionError, TypeError, ValueError, NotImplementedError, AttributeError):
            return None
    if all(a == e for a, (_, e, _) in zip(exprs, f.gradients)):
        return None
    return tuple(exprs)


def _linear_sum(e) -> bool:
    r"""A sum of number multiples of symbols, such as $x - \mu$ (kept whole when a fraction is formed)."""
    return isinstance(e, sp.Add) and all(
        isinstance(t, sp.Symbol) or (isinstance(t, sp.Mul) and len(t.args) == 2 and t.args[0].is_number
                                     and isinstance(t.args[1], sp.Symbol)) for t in e.args)


EXPAND_LIMIT = 400
"""Numerators with more operations than this after expansion are left as ``together`` writes them."""


def _one_fraction(e: sp.Expr) -> sp.Expr:
    r"""``e`` as one fraction $N/D$ with the numerator expanded and its common factors taken out, each difference of
    symbols ($x - \mu$) held as one symbol: $-\frac{1}{s} + \frac{(\nu + 1) d^2}{s(\nu s^2 + d^2)}$ becomes
    $\frac{\nu (d^2 - s^2)}{s(\nu s^2 + d^2)}$, where ``together`` alone leaves $(\nu + 1) d^2 - d^2 - \nu s^2$ (which
    cancels for $\nu = 10^{-300}$)."""
    atoms = {}

    def hold(t):
        if t not in atoms:
            atoms[t] = sp.Dummy("d", real=True)
        return atoms[t]

    held = e.replace(_linear_sum, hold)
    num, den = sp.fraction(sp.together(held))
    expanded = sp.expand(num)
    if sp.count_ops(expanded) <= EXPAND_LIMIT:
        num = sp.factor_terms(expanded)
    return (num / den).xreplace({v: k for k, v in atoms.items()})


def _abs_of_sign(e: sp.Expr) -> sp.Expr:
    r"""$u \operatorname{sign} u = |u|$ (the derivative of $|u|$ times $u$), so that $|x| - x\operatorname{sign}x$ cancels
    symbolically instead of in floating point."""
    def query(t):
        return isinstance(t, sp.Mul) and any(isinstance(a, sp.sign) and a.args[0] in t.args for a in t.args)

    def value(t):
        s = next(a for a in t.args if isinstance(a, sp.sign) and a.args[0] in t.args)
        rest = list(t.args)
        rest.remove(s)
        rest.remove(s.args[0])
        return sp.Mul(*rest) * sp.Abs(s.args[0])

    return e.replace(query, value)
