r"""A user's definition -> a function record -> lowered functions and their derived VJPs.

The calling contract (also in the README):

* ``\mathrm{Name}(p_1, ..., p_k) = body`` or ``\mathrm{Name}(p_1, ...)_i = body`` becomes
  ``name(p1, ..., pk, *, kw...)``: the name lowercased (``RMSNorm`` -> ``rmsnorm``), the
  parameters in the order written, by their English names (``\mu`` -> ``mu``);
* every other free symbol that is neither an index nor a size is a keyword-only argument
  without default (``\epsilon`` -> ``epsilon``; a Python keyword gets a trailing
  underscore: ``lambda_``); a size (the bound of an index range) is read from the shapes;
  a name defined earlier (``\sigma(x) = ...``) is inlined;
* a parameter that carries indices in the body is an array whose trailing axes are those
  indices, in the order they first appear; leading batch axes broadcast; a parameter
  without indices is a scalar applied elementwise;
* ``name_vjp(p1, ..., pk, g, *, kw...)`` returns the gradient of ``sum(g * name(...))``
  with respect to each parameter, in order, each shaped like its parameter, computed in
  one function whose subexpressions are shared (the upstream is ``cotangent`` when a
  parameter or a keyword is already called ``g``).

The gradient is derived, never typed: by reverse mode through the definition's intermediates
(:func:`derivations.gradients.reverse.expression_vjps`: common subexpressions and whole-axis sums named,
each differentiated once, Kronecker deltas summed out, compact forms of
:mod:`derivations.gradients.simplify`), kinks differentiated piecewise by
:data:`derivations.gradients.KINK_CONVENTIONS` and stated in the docstrings; ``name_vjp``'s docstring
shows the derived gradient.  Stability
rules (:mod:`codegen.rules`) are applied to the forward and to every gradient, and
:mod:`codegen.define_search` keeps, among the candidate rewritings, the most accurate
on extreme inputs.
"""
from __future__ import annotations

import ast
import keyword
import re
from dataclasses import dataclass, field

import sympy as sp
from sympy.core.function import AppliedUndef

from derivations.gradients.derive import Wrt, derive_vjp
from derivations.gradients.reverse import expression_vjps

from codegen.lower import Input, LoweredFunction, NumPyLowering, Target, lower_function
from codegen.lower_dependent import range_hull
from symbolic.expr import as_expr

RESERVED = ("np", "scipy", "torch", "jax", "jnp", "math")
"""Names the generated code uses for modules: a parameter by one of these names is renamed."""


class DefinitionError(ValueError):
    """A definition the code generator cannot turn into a function (the message says why)."""


@dataclass(frozen=True)
class UserDefinition:
    r"""One definition as read: ``name(params)[indices] = body``, indices and sums 0-based.

    ``body`` may call earlier definitions (and built-ins such as ``Phi``) as undefined
    sympy functions by name; ``sizes`` are the bounds of index ranges; ``index_ranges``
    the output indices' ``(i, lo, hi)``.
    """

    name: str
    params: tuple[str, ...]
    body: sp.Expr
    index_ranges: tuple = ()
    sizes: tuple = ()
    latex: str = ""
    where: str = ""
    domain: tuple = ()
    """``(name, lo, lo_open, hi, hi_open)`` per bounded symbol (``readers.domain``): the inputs the note means."""
    relations: tuple = ()
    """``(left, right, strict)``: left < right (or <=) between two names (``readers.domain_relations``)."""


@dataclass(frozen=True)
class Param:
    name: str
    symbol: sp.Symbol | sp.IndexedBase
    shape: tuple = ()


@dataclass
class DefinedFunction:
    """A definition made ready for code: Python names, real symbols, earlier definitions inlined."""

    name: str
    title: str
    params: tuple[Param, ...]
    keywords: tuple[Param, ...]
    expr: sp.Expr
    indices: tuple
    sizes: tuple
    latex: str = ""
    kinks: tuple[str, ...] = ()
    upstream: Param | None = None
    gradients: tuple = ()  # (Param, expr, kappa) per parameter
    expanded_gradients: tuple = ()  # the same, differentiated without intermediates (a candidate of the search)
    derivation: str = ""  # how ``gradients`` were found
    rewrites: dict = field(default_factory=dict)  # target -> rules fired
    chosen: tuple = ()  # (forward expr, VJP exprs) kept by the search: what a backend lowers
    domain: tuple = ()  # (python name, lo, lo_open, hi, hi_open) per bounded parameter or keyword, as the note states
    relations: tuple = ()  # (python name, python name, strict): the first below the second, as the note states


_SCRIPT_MARK = re.compile(r"[_^](?:\{\s*([-+*'])\s*\}|([-+*'])(?![\w{]))")
_MARK_WORDS = {"+": "plus", "-": "minus", "*": "star", "'": "prime"}


def python_name(text: str) -> str:
    """``RMSNorm`` -> ``rmsnorm``, ``\\beta_1`` -> ``beta_1``, ``lambda`` -> ``lambda_``; a sign or star as the whole
    script is a word (``\\gamma_{+}`` -> ``gamma_plus``, ``\\gamma_-`` -> ``gamma_minus``, ``w^*`` -> ``w_star``): two
    parameters that differ only by it keep names that say which is which."""
    text = _SCRIPT_MARK.sub(lambda m: "_" + _MARK_WORDS[m.group(1) or m.group(2)], text)
    name = re.sub(r"\W", "_", text.replace("\\", "")).strip("_")
    if not name:
        raise DefinitionError(f"{text!r} has no usable name")
    if name[0].isdigit():
        name = "_" + name
    if keyword.iskeyword(name) or name in RESERVED:
        name += "_"
    return name


def function_name(text: str) -> str:
    return python_name(text).lower()


# ** built-in functions a definition may call **

def _phi(x):
    return (1 + sp.erf(x / sp.sqrt(2))) / 2


BUILTINS = {
    "Phi": _phi,
    "Gamma": sp.gamma,
    "lgamma": sp.loggamma,
    "lnGamma": sp.loggamma,
    "loggamma": sp.loggamma,
    "digamma": sp.digamma,
    "psi": sp.digamma,
    "H": lambda x: sp.Heaviside(x, 0),
    "Heaviside": lambda x: sp.Heaviside(x, 0),
    "heaviside": lambda x: sp.Heaviside(x, 0),
    "erf": sp.erf,
    "erfc": sp.erfc,
    "sigma": lambda x: 1 / (1 + sp.exp(-x)),
    "sigmoid": lambda x: 1 / (1 + sp.exp(-x)),
    "softplus": lambda x: sp.log(1 + sp.exp(x)),
    "atan": sp.atan,
    "arctan": sp.atan,
    "sinh": sp.sinh,
    "cosh": sp.cosh,
    "arsinh": sp.asinh,
    "arcsinh": sp.asinh,
    "arcosh": sp.acosh,
    "arccosh": sp.acosh,
    "artanh": sp.atanh,
    "arctanh": sp.atanh,
    "sign": sp.sign,
    "sgn": sp.sign,
    "I_0": lambda x: sp.besseli(0, x),
    "I_1": lambda x: sp.besseli(1, x),
    "B": lambda a, b: sp.gamma(a) * sp.gamma(b) / sp.gamma(a + b),  # Euler's Beta function \mathrm{B}(a, b)
}
r"""Functions a body may call by name without defining them (``\Phi`` is the standard normal CDF)."""


def _length_read(ix, var, lo, hi):
    r"""The length of an array axis read at ``ix`` for the index ``var`` running over ``lo..hi`` (0-based): the last
    entry read plus one, $hi + c + 1$ for a read $var + c$ starting at an entry $lo + c \ge 0$
    ($\sum_{j=2}^{n} e^{s_j}$ beside $s_1$ reads $s$ up to its $n$-th entry: length $n$, not the $n - 1$ terms of the
    sum, which left the last entry outside the array); otherwise the number of terms, $hi - lo + 1$."""
    c = sp.simplify(ix - var)
    if not c.has(var) and c.is_number and not (lo + c).is_negative:
        return sp.simplify(hi + c + 1)
    return sp.simplify(hi - lo + 1)


def _longer(a, b):
    """The longer of two lengths read for one axis (None: not given by this read) where their difference is a number;
    else the first."""
    if a is None or b is None:
        return a if a is not None else b
    gap = sp.simplify(b - a)
    return b if gap.is_number and gap > 0 else a


def build(definitions, *, keep=None) -> list[DefinedFunction]:
    """Records for ``definitions`` in order; each may call the ones before it (inlined).

    ``keep``: names of the definitions to return (all when None).
    """
    known: dict[str, tuple[tuple[sp.Symbol, ...], sp.Expr]] = {}
    out = []
    for d in definitions:
        f = _record(d, known)
        if not f.indices and all(not isinstance(p.symbol, sp.IndexedBase) for p in f.params):
            known[d.name] = (tuple(p.symbol for p in f.params), f.expr)
        if keep is None or d.name in keep or f.name in keep:
            out.append(f)
    return out


def _inline(expr: sp.Expr, known: dict) -> sp.Expr:
    def query(e):
        return isinstance(e, AppliedUndef) and (type(e).__name__ in known or type(e).__name__ in BUILTINS)

    def value(e):
        name = type(e).__name__
        if name in known:
            params, body = known[name]
            if len(params) != len(e.args):
                raise DefinitionError(f"{name} takes {len(params)} arguments, called with {len(e.args)}")
            return body.xreplace(dict(zip(params, e.args)))
        arity = BUILTINS[name].__code__.co_argcount if hasattr(BUILTINS[name], "__code__") else None
        if arity is not None and arity != len(e.args):  # B(x) alone: Euler's Beta takes two
            raise DefinitionError(f"{name} takes {arity} arguments, called with {len(e.args)}")
        return BUILTINS[name](*e.args)

    for _ in range(20):  # nested calls resolve from the inside out
        new = expr.replace(query, value)
        if new == expr:
            break
        expr = new
    left = sorted({type(e).__name__ for e in expr.atoms(AppliedUndef)})
    if left:
        raise DefinitionError(f"unknown function(s) {', '.join(left)}: define them earlier in the notes")
    return expr


def _gamma_powers(e):
    r"""``[(x, k)]`` where ``e`` is a product $\prod \Gamma(x)^{k}$ of integer powers of Gamma functions, else None."""
    out = []
    for f in sp.Mul.make_args(e):
        base, k = (f.base, f.exp) if isinstance(f, sp.Pow) else (f, sp.S.One)
        if not (isinstance(base, sp.gamma) and k.is_Integer):
            return None
        out.append((base.args[0], k))
    return out


def _log_gamma(expr):
    r"""$\log\Gamma(x)$ as ``loggamma``; the log of a product of powers of Gammas as the sum of their ``loggamma``
    ($\log\mathrm{B}(a, b) = \log\Gamma(a) + \log\Gamma(b) - \log\Gamma(a + b)$), whose Gammas would overflow
    at arguments above 171 where the log is moderate."""
    return expr.replace(lambda e: isinstance(e, sp.log) and _gamma_powers(e.args[0]) is not None,
                        lambda e: sp.Add(*[k * sp.loggamma(x) for x, k in _gamma_powers(e.args[0])]))


def _record(d: UserDefinition, known: dict) -> DefinedFunction:
    body = _log_gamma(_inline(as_expr(d.body), known))
    index_symbols = {i for i, _, _ in d.index_ranges}
    sizes = set(d.sizes)
    for _, lo, hi in d.index_ranges:
        sizes |= (as_expr(lo).free_symbols | as_expr(hi).free_symbols)
    for s in body.atoms(sp.Sum, sp.Product):
        for _, lo, hi in s.limits:
            sizes |= (lo.free_symbols | hi.free_symbols)
    bound = {k for s in body.atoms(sp.Sum, sp.Product) for k, _, _ in s.limits}
    sizes -= index_symbols | bound
    sizes = {s for s in sizes if isinstance(s, sp.Symbol)}
    # every array read: base -> the index positions' size
    arrays: dict[str, list] = {}
    ranges = {i: (lo, hi) for i, lo, hi in d.index_ranges}
    for s in body.atoms(sp.Sum, sp.Product):
        for k, lo, hi in s.limits:
            ranges.setdefault(k, (lo, hi))
    for read in sorted(body.atoms(sp.Indexed), key=str):
        shape = []
        for ix in read.indices:
            var = next(iter(ix.free_symbols & set(ranges)), None)
            if var is None:
                shape.append(None)
            else:
                lo, hi = range_hull(*ranges[var], {k: v for k, v in ranges.items() if k != var})
                shape.append(_length_read(ix, var, lo, hi))
        prev = arrays.get(str(read.base.label))
        arrays[str(read.base.label)] = [_longer(a, b) for a, b in zip(prev, shape)] if prev else shape
    renames, params, keywords = {}, [], []
    taken = set()
    for p in d.params:
        pname = python_name(p)
        taken.add(pname)
        if p in arrays:
            shape = arrays[p]
            if any(s is None for s in shape):
                raise DefinitionError(f"{d.name}: the length of {p} is not given by a sum or an index range")
            sym = sp.IndexedBase(pname, real=True)
            renames[p] = sym
            params.append(Param(pname, sym, tuple(shape)))
        else:
            sym = sp.Symbol(pname, real=True)
            renames[p] = sym
            params.append(Param(pname, sym))
    stray = set(arrays) - set(d.params)
    if stray:
        raise DefinitionError(f"{d.name}: {', '.join(sorted(stray))} carries an index but is not a parameter")
    for s in sorted(body.free_symbols, key=str):
        name = str(s)
        if s in index_symbols or s in sizes or s in bound or name in renames or isinstance(s, sp.Indexed):
            continue
        kname = python_name(name)
        if kname in taken:
            kname += "_"
        taken.add(kname)
        sym = sp.Symbol(kname, real=True)
        renames[name] = sym
        keywords.append(Param(kname, sym))
    size_syms = {s: sp.Symbol(python_name(str(s)), integer=True, positive=True) for s in sizes}
    index_syms = {i: sp.Symbol(str(i), integer=True) for i in index_symbols | bound}

    def rename(e):
        if isinstance(e, sp.Indexed):
            return renames[str(e.base.label)][tuple(ix.xreplace(index_syms).xreplace(size_syms) for ix in e.indices)]
        if isinstance(e, sp.Symbol):
            if e in size_syms:
                return size_syms[e]
            if e in index_syms:
                return index_syms[e]
            return renames.get(str(e), e)
        if not e.args:
            return e
        return e.func(*[rename(a) for a in e.args])

    expr = one_name_per_closed_sum(rename(body), set(size_syms.values()))
    params = [Param(p.name, p.symbol, tuple(as_expr(s).xreplace(size_syms) for s in p.shape)) for p in params]
    indices = tuple((index_syms[i], as_expr(lo).xreplace(size_syms), as_expr(hi).xreplace(size_syms))
                    for i, lo, hi in d.index_ranges)
    name = function_name(d.name)
    # the upstream gradient is g unless a parameter or a keyword (ScaleNorm's scale g) is already called g
    pnames = {p.name for p in params} | {k.name for k in keywords} | {str(s) for s in size_syms.values()}
    up_name = "g" if "g" not in pnames else "cotangent"
    if indices:
        up = Param(up_name, sp.IndexedBase(up_name, real=True), tuple(hi - lo + 1 for _, lo, hi in indices))
    else:
        up = Param(up_name, sp.Symbol(up_name, real=True))
    domain = tuple((str(renames[n]), *bounds) for n, *bounds in d.domain if n in renames)
    relations = tuple((str(renames[a]), str(renames[b]), strict) for a, b, strict in d.relations
                      if a in renames and b in renames)
    return DefinedFunction(name=name, title=d.name, params=tuple(params), keywords=tuple(keywords), expr=expr,
                           indices=indices, sizes=tuple(sorted(size_syms.values(), key=str)), latex=d.latex,
                           kinks=kink_conventions(expr), upstream=up, domain=domain, relations=relations)


def one_name_per_closed_sum(expr: sp.Expr, sizes: set) -> sp.Expr:
    r"""Every closed one-index sum (no free index: $\sum_i e^{t_i}$, $\sum_j e^{t_j}$) with one bound index name, so
    that a sum written twice with two index names is one expression: the derivative of a distillation loss
    $-\sum_i \frac{e^{t_i}}{\sum_j e^{t_j}} \log\frac{e^{s_i}}{\sum_j e^{s_j}}$ with respect to $s$ is then
    $\frac{e^{s_k}}{\sum_j e^{s_j}} - \frac{e^{t_k}}{\sum_j e^{t_j}}$, not
    $\bigl(e^{s_k} \frac{\sum_i e^{t_i}}{\sum_j e^{s_j}} - e^{t_k}\bigr) / \sum_j e^{t_j}$, whose unshifted
    $\sum_i e^{t_i}$ overflows where the softmaxes are finite.  Renaming a bound index changes no value; a closed
    sum nested in another that binds the same name reads none of the outer one's indices (it has none free).  A sum
    whose body holds a sum that binds the name and reads the outer index (an RBM's $\sum_j \log(1 + e^{c_j + \sum_i W_{ji} v_i})$ renamed to $i$) keeps
    its own: the inner sum reads it, and $W_{ji}$ became $W_{ii}$."""
    def closed(e):
        return (isinstance(e, sp.Sum) and len(e.limits) == 1
                and not any(x.is_integer and x not in sizes for x in e.free_symbols))

    sums = [e for e in sp.preorder_traversal(expr) if closed(e)]
    if len(sums) < 2:
        return expr
    taken = {str(x) for x in expr.free_symbols} | {str(x) for x in expr.atoms(sp.Symbol)
                                                    if x.is_integer and not any(x == e.limits[0][0] for e in sums)}
    written = [str(e.limits[0][0]) for e in sums]  # the name the notes use most (the docstrings keep it)
    name = next(c for c in (*sorted(set(written), key=lambda c: -written.count(c)), "j", "l", "r", "u", "v", "j_")
                if c not in taken)
    index = sp.Symbol(name, integer=True)

    def rename(e):
        (v, lo, hi), = e.limits
        if v != index and any(isinstance(s, sp.Sum) and any(lim[0] == index for lim in s.limits)
                              and v in s.function.free_symbols for s in sp.preorder_traversal(e.function)):
            return e  # an inner sum binds the name and reads v: renaming v would capture it (W_{ji} -> W_{ii})
        return sp.Sum(e.function.xreplace({v: index}), (index, lo, hi))

    return expr.replace(closed, rename)


def kink_conventions(expr: sp.Expr) -> tuple[str, ...]:
    """What the code does at the points where the definition is not differentiable."""
    out = []
    if expr.has(sp.Abs):
        out.append("|u| at u = 0: derivative sign(0) = 0")
    if expr.has(sp.Max) or expr.has(sp.Min):
        out.append("max/min at a tie: the derivative is Heaviside(u, 0), i.e. 0 at u = 0 (as ReLU'(0) = 0)")
    if expr.has(sp.Piecewise):
        out.append("cases at a boundary: value and derivative of the first branch whose condition holds")
    if expr.has(sp.Heaviside):
        out.append("Heaviside(0) = 0; its derivative is taken as 0 everywhere")
    if expr.has(sp.sign):
        out.append("sign(0) = 0; its derivative is taken as 0 everywhere")
    return tuple(out)


# ** gradients **

def derive_gradients(f: DefinedFunction) -> DefinedFunction:
    r"""Fill ``f.gradients``: the VJP with respect to each parameter, by reverse mode through the intermediates
    of the definition, in compact forms (:func:`~derivations.gradients.reverse.expression_vjps`); and
    ``f.expanded_gradients``: the derivative of the expanded definition (``derive_vjp``), which the search
    keeps as a candidate.  Where reverse mode fails, both are the expanded derivative."""
    f.expanded_gradients = tuple(expanded_gradients(f))
    try:
        derived = expression_vjps(f.expr, f.indices, [Wrt(p.symbol, p.shape) for p in f.params], f.upstream.symbol,
                                  f.sizes)
        grads = []
        for p, (expr, kappa), (_, _, kappa0) in zip(f.params, derived, f.expanded_gradients):
            if [k for k, _, _ in kappa] != [k for k, _, _ in kappa0]:
                raise ValueError("reverse mode named the gradient's indices differently")
            grads.append((p, expr.replace(lambda e: isinstance(e, sp.Derivative), _no_derivative), kappa))
        f.gradients = tuple(grads)
        f.derivation = "reverse mode"
    except (TypeError, ValueError, NotImplementedError, AttributeError, RecursionError):
        f.gradients = f.expanded_gradients
        f.derivation = "expanded derivative (reverse mode failed)"
    return f


def expanded_gradients(f: DefinedFunction) -> list:
    """``(Param, expr, kappa)`` per parameter: ``derive_vjp`` of the whole (expanded) definition."""
    grads = []
    for p in f.params:
        expr, kappa = derive_vjp(f.expr, f.indices, Wrt(p.symbol, p.shape), f.upstream.symbol)
        expr = expr.replace(lambda e: isinstance(e, sp.Derivative), _no_derivative)
        grads.append((p, expr, kappa))
    return grads


def vjp_docstring(f: DefinedFunction) -> list[str]:
    r"""The lines of ``name_vjp``'s docstring: the contract, the derived gradient of each parameter
    ($\bar{x}_{k_0} = \ldots$, over the parameter's indices), the kink conventions and the rewrites the code uses."""
    from codegen.latex import latex

    names = ", ".join(p.name for p in f.params)
    lines = [f'r"""Gradients of sum({f.upstream.name} * {f.name}(...)) with respect to {names}, in order, '
             "each shaped like its parameter.", ""]
    if f.gradients:
        how = f.derivation or "derived"
        lines.append(f"Derived ({how}; {f.upstream.name} is the upstream gradient):")
        for p, expr, kappa in f.gradients:
            bar = sp.Symbol(rf"\bar{{{p.name}}}")
            lhs = sp.IndexedBase(bar)[tuple(k for k, _, _ in kappa)] if kappa else bar
            lines.append(f"    {latex(lhs)} = {latex(expr)}")
    if f.kinks:
        lines.append("At points of non-differentiability, piecewise: " + "; ".join(f.kinks) + ".")
    if f.rewrites.get("vjp"):
        lines.append("Computed in a stabilized form: " + ", ".join(f.rewrites["vjp"]) + ".")
    lines.append('"""')
    return lines


def _no_derivative(e):
    raise DefinitionError(f"sympy left an unevaluated derivative {e}: a function without a known derivative")


# ** lowering **

def _inputs(f: DefinedFunction, with_upstream: bool) -> tuple[Input, ...]:
    params = list(f.params) + ([f.upstream] if with_upstream else []) + list(f.keywords)
    return tuple(Input(p.name, p.symbol, tuple(p.shape)) for p in params)


def _signature(f: DefinedFunction, fn: LoweredFunction, positional) -> str:
    extra = [p for p in fn.params[fn.params.index("*") + 1:]] if "*" in fn.params else []
    kws = [k.name for k in f.keywords] + extra
    return ", ".join(list(positional) + (["*"] + kws if kws else []))


def lower_forward(f: DefinedFunction, expr: sp.Expr, *, name: str | None = None,
                  lowering=NumPyLowering) -> tuple[str, list[str]]:
    """``(signature, body lines)`` of the forward function computing ``expr``."""
    fn = lower_function(name or f.name, _inputs(f, False), (Target(f.name, expr, f.indices),), f.sizes,
                        lowering=lowering)
    return _signature(f, fn, [p.name for p in f.params]), fn.body


def _shaped_return(line: str, targets) -> str:
    """``return v`` as ``return (_sum_to(v_1, _param_shapes[0]), ...)``: one gradient per target, each summed to its
    parameter's shape; ``v`` is the gradient (one target), a dict of them by target name, or a name bound to either."""
    indent = line[:len(line) - len(line.lstrip())]
    value = ast.parse(line.strip()).body[0].value
    if len(targets) == 1:
        values = [ast.unparse(value)]
    elif isinstance(value, ast.Dict):
        values = [ast.unparse(v) for v in value.values]
    else:
        values = [f"{ast.unparse(value)}[{t.name!r}]" for t in targets]
    shaped = [f"_sum_to({v}, _param_shapes[{k}])" for k, v in enumerate(values)]
    return indent + "return (" + ", ".join(shaped) + ("," if len(shaped) == 1 else "") + ")"


def lower_vjp(f: DefinedFunction, exprs, *, name: str | None = None,
              lowering=NumPyLowering) -> tuple[str, list[str]]:
    """``(signature, body lines)`` of ``name_vjp``: all gradients in one function, one shared memo."""
    targets = tuple(Target(f"d_{p.name}", e, kappa) for (p, _, kappa), e in zip(f.gradients, exprs))
    fn = lower_function(name or f.name + "_vjp", _inputs(f, True), targets, f.sizes, lowering=lowering,
                        gradient=True)
    # every return, not only the last: the unshifted fast path returns early (``return _v``) where its guard holds
    body = [_shaped_return(line, targets) if line.lstrip().startswith("return ") else line for line in fn.body]
    # the parameters' shapes as given: the lowering's prologue broadcasts them to one batch shape
    shapes = ", ".join("tuple(" + lowering.shape_of.format(p.name) + ")" for p, _, _ in f.gradients)
    body.insert(0, f"_param_shapes = ({shapes},)")
    return _signature(f, fn, [p.name for p in f.params] + [f.upstream.name]), body

