r"""The reader's atoms: fractions, derivatives, roots, functions, sums, integrals, limits, cases, bars."""
from __future__ import annotations

import re

import lark
import sympy as sp

from readers.latex.pair_sums import pair_sizes
from readers.latex.nodes import PARTIAL, IndexMax, LatexParseError, MatrixLiteral, _Annotation, _DerivativeOperator, _Env, _NamePiece
from readers.latex.tables import ALIGNED, FUNCTIONS, INDEX_LETTERS, MAXMIN, OPAQUE_FUNCTIONS, real_log
from readers.latex.tree import _end, _is_token, _power, _script, _split_marker, _start


TWO_ARGUMENT_NAMES = frozenset({"cos"})
"""Names of one-argument functions that notes also write with two arguments: ``\\cos(u, v)``, the cosine of the
angle between two vectors."""


class _Atoms:
    """Mixin of :class:`~readers.latex.reader._Reader`: one method per kind of atom."""

    def post(self, tree):
        first, scripts = tree.children[0], [_script(s) for s in tree.children[1:]]
        if isinstance(first, lark.Tree) and first.data == "bracket" and sorted(k for k, _ in scripts) == ["sub", "sup"]:
            return self.between(first, dict(scripts), tree)
        value = self.atom(first)
        for kind, node in scripts:
            if kind == "sup" and isinstance(value, _DerivativeOperator):
                value = self.operator_power(value, node)
            elif kind == "sup":
                value = self.superscript(self.plain(value, tree), node)
            elif kind == "sub" and isinstance(first, lark.Tree) and first.data == "paren":
                # (A \otimes B)_{k}, (AB)_{ij}, (f')_{x=0}: an entry of the value, or the value somewhere, never
                # the value itself (the subscript was dropped, and the whole compared with the entry's formula)
                self.used_functions.add("component")
                value = sp.Function("component")(self.plain(value, tree), self.plain(self.sarg(node), node))
            elif kind == "sub" and not (isinstance(first, lark.Tree) and first.data in ("abs", "norm")):
                self.warnings.append(f"ignored the subscript of {self.text[_start(first):_end(first)][:40]!r}")
            elif kind == "prime":
                raise self.error("a prime on an expression", tree)
        return value

    def between(self, bracket, scripts, tree):
        r"""$\left[F(x)\right]_a^b = F(b) - F(a)$, in the one variable ``F`` has (an error when it has several:
        never a power ``F^b``); $[x_i]_{i=0}^{N-1}$ (an index set from a start) is the vector of the entries,
        the opaque ``vector(x_i, i, 0, N - 1)``."""
        start = _index_start(scripts["sub"])
        if start is not None:
            index, lo = (self.plain(self.expr(e), e) for e in start)
            if isinstance(index, sp.Symbol):
                body = self.plain(self.atom(bracket), bracket)
                self.used_functions.add("vector")
                return sp.Function("vector")(body, index, lo, self.plain(self.sarg(scripts["sup"]), tree))
        value = self.plain(self.atom(bracket), bracket)
        lo, hi = (self.plain(self.sarg(scripts[k]), tree) for k in ("sub", "sup"))
        free = [s for s in value.free_symbols if isinstance(s, sp.Symbol) and s.name not in self.index_names
                and s.name not in self.size_names and s.name != r"\ldots"]
        if len(free) != 1:
            raise self.error("[F]_a^b: cannot tell the variable", tree)
        variable = free[0]
        return sp.Subs(value, variable, hi) - sp.Subs(value, variable, lo)

    def operator_power(self, operator: _DerivativeOperator, node) -> _DerivativeOperator:
        r"""$\left(\frac{d}{dx}\right)^{n} = \frac{d^n}{dx^n}$: a power of a derivative operator is its
        repetition (a positive integer or a symbol; anything else is an error)."""
        n = self.plain(self.sarg(node), node)
        if not ((n.is_Integer and n > 0) or isinstance(n, sp.Symbol)):
            raise self.error("a derivative operator raised to a power that is not an order", node)
        if operator.power != 1:
            raise self.error("a power of a derivative with respect to a power", node)
        return _DerivativeOperator(tuple((v, k * n) for v, k in operator.variables))

    def atom(self, node):
        if isinstance(node, lark.Token):
            if node.type == "NUMBER":
                return sp.Rational(node.value)
            if node.type == "INFTY":
                return sp.oo
            if node.type == "DOTS":
                return sp.Symbol(r"\ldots")
            if node.type == "PARTIAL":
                return PARTIAL
            raise self.error(f"unexpected {node.value!r}", node)
        return getattr(self, "atom_" + node.data)(node)

    def sarg(self, node):
        if isinstance(node, lark.Tree) and node.data == "sarg":
            node = node.children[0]
        if isinstance(node, lark.Token):
            if node.type == "NAME":
                return self.resolve(_NamePiece(node, [], None, node.start_pos, node.end_pos))
            return self.atom(node)
        return self.atom_group(node)

    def atom_group(self, tree):
        rows = [c for c in tree.children[1].children if isinstance(c, lark.Tree)]
        if len(rows) != 1 or len(rows[0].children) != 1 or not isinstance(rows[0].children[0], lark.Tree):
            raise self.error("expected one expression in braces", tree)
        return self.expr(rows[0].children[0])

    def paren(self, call):
        """The value of ``( ... )`` or ``[ ... ]``: an expression, a side condition, or a tuple."""
        self.joined_events(call)
        args = [c for c in call.children[1].children if isinstance(c, lark.Tree)]
        seps = [c for c in call.children[1].children if isinstance(c, lark.Token)]
        if not args:
            raise self.error("empty parentheses", call)
        if any(len(a.children) > 1 for a in args):
            text = self.text[_start(call):_end(call)]
            conditions = []
            for a in args:
                exprs = [(self.plain(self.expr(e), e), e) for e in a.children[0::2]]
                if len(exprs) == 1 and conditions and isinstance(conditions[-1], sp.Eq):
                    conditions[-1] = sp.Or(conditions[-1], sp.Eq(conditions[-1].lhs, exprs[0][0]))
                    continue
                built = self.relation_chain(exprs, a.children[1::2]) if len(exprs) > 1 else None
                if built is not None:
                    conditions.append(built)
            return _Annotation(text, tuple(conditions))
        if len(args) == 1 and not seps:
            value = self.expr(args[0].children[0])
            return value if isinstance(value, _DerivativeOperator) else self.plain(value, args[0])
        values = [self.plain(self.expr(a.children[0]), a) for a in args]
        self.used_functions.add("tuple")
        return sp.Function("tuple")(*values)

    atom_paren = paren
    atom_bracket = paren

    def atom_frac(self, tree):
        r"""A fraction, or a derivative fraction.  Inside an integral, the ``dF`` and ``du`` of
        $\int \frac{dF}{du}(u(y)) \cdot g \,dy$ are not its differential: a denominator never holds it,
        nor the numerator of a fraction whose denominator is a differential."""
        den_text = self.text[_start(tree.children[2]):_end(tree.children[2])]
        derivative_like = re.match(r"\{?\s*(?:d(?:[A-Za-z]|\\[A-Za-z])|\\partial|\\mathrm\s*\{\s*d\s*\})", den_text)
        den = self.without_differential(tree.children[2])
        num = self.without_differential(tree.children[1]) if derivative_like else self.sarg(tree.children[1])
        if derivative_like and isinstance(num, sp.core.function.AppliedUndef) and re.fullmatch(r"d[A-Za-z].*", num.func.__name__) \
                and self.symbols.get("d") is not None:  # \frac{dF_X(x)}{dx}: d F_X(x), the name read with its d
            num = self.symbols["d"] * sp.Function(num.func.__name__[1:])(*num.args)
        derivative = self.derivative(num, den, tree)
        if derivative is not None:
            return derivative
        return self.plain(num, tree) / self.plain(den, tree)

    def without_differential(self, node):
        """``sarg(node)`` with the open integral's differential not taken from inside it."""
        if not self.integrals:
            return self.sarg(node)
        self.integrals.append({"variable": False})
        try:
            return self.sarg(node)
        finally:
            self.integrals.pop()

    def derivative(self, num, den, tree):
        r"""$\frac{\partial f}{\partial x}$, $\frac{d f}{d x}$, $\frac{\partial^2 f}{\partial x^2}$, $\frac{\partial}{\partial x}$."""
        d = self.symbols.get("d")
        for marker in (PARTIAL, d):
            if marker is None:
                continue
            if _symbolic_order(num, marker) is not None and den.has(marker) \
                    and _symbolic_order(num, marker) in _exponents(den):  # \frac{d^i u}{dt^i}: d^i u over d t^i
                raise self.error("a derivative of symbolic order (d^k f / dx^k)", tree)  # not a fraction of products
            order_num, f = _split_marker(num, marker)
            order_den, rest = _split_marker(den, marker)
            if order_num == 0 or order_den == 0:
                continue
            if marker is PARTIAL and order_num == order_den == 1 and _listed(f) and _listed(rest) \
                    and len(f.args) == len(rest.args):  # \frac{\partial(f_1, ..., f_n)}{\partial(x_1, ..., x_n)}
                self.used_functions.add("jacobian")
                return sp.Function("jacobian")(f, rest)  # the Jacobian determinant, opaque
            variables = []
            for base, power in rest.as_powers_dict().items():
                if not isinstance(base, (sp.Symbol, sp.Indexed)) or not (power.is_Integer and power > 0):
                    if marker is PARTIAL:
                        raise self.error("cannot read the denominator of a derivative", tree)
                    return None
                variables.append((base, int(power)))
            if not variables:
                return None
            if order_num == 1 and len(variables) == 1 and variables[0][1] > 1:  # \frac{\partial f}{\partial \sigma^2}
                operator = _DerivativeOperator(((variables[0][0], 1),), power=variables[0][1])
                return operator if f == 1 else operator.applied_to(f)
            if marker is d and len(variables) != 1:
                if order_num == order_den == sum(k for _, k in variables):  # \frac{d^2f}{dx_1 dx_n}: mixed
                    return sp.Derivative(f, *variables, evaluate=False)
                raise self.error("cannot read the orders of a derivative", tree)
            if f == 1:
                return _DerivativeOperator(tuple(variables))
            return sp.Derivative(f, *variables, evaluate=False)
        return None

    def atom_binom(self, tree):
        n, k = self.sarg(tree.children[1]), self.sarg(tree.children[2])
        if n.is_number and abs(n) > 1000:
            raise self.error("binomial coefficient too large", tree)
        return sp.binomial(n, k)

    def atom_sqrt(self, tree):
        children = tree.children
        value = self.plain(self.sarg(children[-1]), tree)
        if len(children) == 5:
            degree = self.plain(self.expr(children[2]), tree)
            return _power(value, 1 / degree, tree)
        return sp.sqrt(value)

    def scripts_of(self, children):
        subs = [c.children[1].children[0] for c in children if isinstance(c, lark.Tree) and c.data == "script"
                and c.children[0].type == "USCORE"]
        sups = [c.children[1].children[0] for c in children if isinstance(c, lark.Tree) and c.data == "script"
                and c.children[0].type == "POW"]
        return subs, sups

    def operand(self, node):
        """The argument of ``\\log``, ``\\max_D``, ``\\nabla``: a call, a brace group or a bare product."""
        if node.data == "call":
            return self.paren(node)
        if node.data == "group":
            return self.atom_group(node)
        return self.product(node.children)

    def atom_func(self, tree):
        r"""``\sin x``, ``\log_2(x)``, ``\tan^{-1} x``; ``\cos(u, v)`` (:data:`TWO_ARGUMENT_NAMES`) an application of
        a function of two arguments, the cosine similarity, which the notes define or leave unknown."""
        name = tree.children[0].value
        subs, sups = self.scripts_of(tree.children[1:-1])
        last, tail = tree.children[-1], sp.Integer(1)
        if last.data == "fbare":  # \sin x \cos x: a bare argument stops at the next function; a single name at a
            posts = last.children  # sum or integral too (\log\lambda \sum_i x_i, not \log \frac{1}{n}\sum_i e^{x_i})
            cut = next((k for k, p in enumerate(posts) if k and p.data == "post" and isinstance(p.children[0], lark.Tree)
                        and (p.children[0].data in ("func", "maxmin") or p.children[0].data in ("bigop", "integral")
                             and k == 1 and posts[0].data == "name_post" and not any(
                                 isinstance(c, lark.Tree) and c.data == "call" for c in posts[0].children))),
                       len(posts))
            if cut < len(posts):
                tail = self.plain(self.product(posts[cut:]), last)
                last = lark.Tree("fbare", posts[:cut], last.meta)
        arg = self.plain(self.operand(last), tree)
        if isinstance(arg, sp.core.function.AppliedUndef) and arg.func.__name__ == "tuple":
            if name in TWO_ARGUMENT_NAMES and len(arg.args) == 2 and not subs and not sups:
                # \cos(u, v): the cosine similarity, a function of two vectors the notes define (or leave unknown)
                self.used_functions.add(name)
                return sp.Function(name)(*arg.args) * tail
            raise self.error(f"\\{name} takes one argument", tree)
        primes = sum(isinstance(c, lark.Tree) and c.data == "script" and c.children[0].type == "PRIME"
                     for c in tree.children[1:-1])
        if name in OPAQUE_FUNCTIONS or name == "det":  # \operatorname{softmax}'(z): the derivative by its name,
            self.used_functions.add(name + "'" * primes)  # as f'(x) is read
            apply, primes = sp.Function(name + "'" * primes), 0
        elif name in ("log", "lg") and subs:
            base = self.plain(self.sarg(subs[0]), tree)

            def apply(u):
                return real_log(u, base)
        else:
            apply = FUNCTIONS[name]
        value = _derivative_at(apply, primes, arg) if primes else apply(arg)
        for sup in sups:
            if self.raw_script(sup) == "-1" and name in INVERSE_FUNCTIONS:  # \tan^{-1} x is arctan x
                value = INVERSE_FUNCTIONS[name](arg)
            else:
                value = self.superscript(value, sup, applied=True)
        return value * tail

    def atom_maxmin(self, tree):
        name = tree.children[0].value
        subs, _ = self.scripts_of(tree.children[1:-1])
        last = tree.children[-1]
        if not subs and last.data == "call" and MAXMIN.get(name) is not None:
            args = [c for c in last.children[1].children if isinstance(c, lark.Tree)]
            values = [self.plain(self.expr(a.children[0]), a) for a in args if len(a.children) == 1]
            if len(values) != len(args):
                raise self.error(f"a relation inside \\{name}(...)", last)
            return MAXMIN[name](*values)
        indexed = self.index_extreme(name, subs, last, tree)
        if indexed is not None:
            return indexed
        operand = self.plain(self.operand(last), tree)
        if not subs and MAXMIN.get(name) is not None and isinstance(operand, sp.core.function.AppliedUndef) \
                and operand.func.__name__ == "set" and operand.args:
            return MAXMIN[name](*operand.args)  # \max\{a, b\}: the largest of the listed elements
        label = name + ("_" + self.subtext(subs[0]) if subs else "")
        self.used_functions.add(label)
        return sp.Function(label)(operand)

    def index_extreme(self, name, subs, last, tree):
        r"""``\max_i x_i`` (``\min_i``): the largest (smallest) term over an index, ranged like a sum's
        (``i = 1..N``), when the subscript is an index letter the operand is indexed by; else None
        (``\max_D V(D, G)`` optimizes over a variable)."""
        if name not in ("max", "min") or len(subs) != 1 or self.subtext(subs[0]) not in INDEX_LETTERS:
            return None
        body = self.plain(self.operand(last), tree)
        index = self.symbols.get(self.subtext(subs[0]))
        if index is None or not any(index in e.indices for e in body.atoms(sp.Indexed)):
            return None
        hi = self.default_size()
        if name == "max":
            return IndexMax(body, (index, sp.Integer(1), hi))
        return -IndexMax(-body, (index, sp.Integer(1), hi))

    def atom_nabla(self, tree):
        r"""$\nabla_x f$ (an opaque gradient ``nabla_x(f)``) and $\partial_x f$: the partial derivative
        ``Derivative(f, x)`` when ``x`` is a plain letter, else the same gradient as $\nabla_{\mathbf{w}} f$,
        ``nabla_{\mathbf{w}}(f)`` (a gradient with respect to a vector, whose layout the notes do not fix)."""
        subs, sups = self.scripts_of(tree.children[1:-1])
        operator = "partial" if tree.children[0].value == "partial" else "nabla"
        body = self.plain(self.operand(tree.children[-1]), tree)
        # \nabla^2 f, \nabla_x^2 f, \partial_x^2 f: second order (the Hessian or the Laplacian), never the gradient
        # (another superscript, \nabla^\top, stays in the operator's name: an operator nothing else reads)
        script = "".join(self.subtext(x) for x in sups)
        if operator == "partial" and len(subs) == 1 and (not sups or script.isdigit() and script != "0"):
            variable = self.plain(self.sarg(subs[0]), tree)
            if isinstance(variable, sp.Symbol) and re.fullmatch(r"[A-Za-z]|\\?[a-z]+", variable.name):
                return sp.Derivative(body, (variable, int(script or 1)), evaluate=False)
        label = ("nabla" if subs else operator) + (f"^{script}" if script and script != "1" else "") \
            + ("_" + self.subtext(subs[0]) if subs else "")
        self.used_functions.add(label)
        return sp.Function(label)(body)

    def evaluated(self, tree):
        r"""$g\big|_{x=a}$: ``g`` at ``x = a`` (``Subs``; at ``x = a^{1/k}`` for ``x^k = a``, a variance
        ``\sigma^2 = v`` at the scale ``\sigma = \sqrt v``); other scripts under the bar are an error.  A derivative
        operator before the bar applies to what follows it: $\frac{d}{dt}\Big|_{t=0} [f(x + tu)]$."""
        bar = next(k for k, c in enumerate(tree.children) if _is_token(c, "EVALBAR"))
        posts, script, after = tree.children[:bar], tree.children[bar + 1], tree.children[bar + 2:]
        if len(after) == 1 and isinstance(after[0], lark.Tree) and after[0].data == "script" \
                or tree.children[bar].value == "|^":
            return self.evaluated_between(posts, tree.children[bar].value, script, after, tree)
        value = self.product(posts)
        if after:
            if not isinstance(value, _DerivativeOperator):
                raise self.error("an evaluation bar inside a product", tree)
            value = value.applied_to(self.plain(self.product(after), tree))
        value = self.plain(value, tree)
        node = script.children[0] if isinstance(script, lark.Tree) and script.data == "sarg" else script
        rows = [c for c in node.children[1].children if isinstance(c, lark.Tree)] \
            if isinstance(node, lark.Tree) and node.data == "group" else []
        items = rows[0].children if len(rows) == 1 else []
        if len(items) != 3 or not _is_token(items[1], "REL") or items[1].value != "=":
            raise self.error("an evaluation bar needs _{x = a}", tree)
        variable = self.plain(self.expr(items[0]), items[0])
        point = self.plain(self.expr(items[2]), items[2])
        if isinstance(variable, sp.Pow) and isinstance(variable.base, sp.Symbol) and variable.exp.is_Integer \
                and variable.exp > 1:  # _{\sigma^2 = v}: at sigma = v^(1/2), the root a scale parameter has
            variable, point = variable.base, point ** (sp.Integer(1) / variable.exp)
        if not isinstance(variable, (sp.Symbol, sp.Indexed)):
            raise self.error("an evaluation bar needs _{x = a}", tree)
        return sp.Subs(value, variable, point)

    def evaluated_between(self, posts, bar, first, rest, tree):
        r"""$F ig|_a^b$ (or $|^b_a$, $|_{x=a}^{x=b}$): $F(b) - F(a)$, each a ``Subs`` of ``F``.  The variable is the
        one the bounds name (``x = a``), else the one free name of ``F`` (``-\cos \hat{x} |^x_0``), else the
        variable of the integral written before the bar in this formula; otherwise an error (no guess)."""
        if len(rest) != 1 or not _is_token(rest[0].children[0], "USCORE" if bar == "|^" else "POW"):
            raise self.error("an evaluation bar needs _{x = a}, or both bounds _a^b", tree)
        value = self.plain(self.product(posts), tree)
        scripts = (first, rest[0].children[1]) if bar == "|_" else (rest[0].children[1], first)
        bounds, variable = [], None
        for script in scripts:
            node = script.children[0] if isinstance(script, lark.Tree) and script.data == "sarg" else script
            rows = [c for c in node.children[1].children if isinstance(c, lark.Tree)] \
                if isinstance(node, lark.Tree) and node.data == "group" else []
            items = rows[0].children if len(rows) == 1 else []
            if len(items) == 3 and _is_token(items[1], "REL") and items[1].value == "=":
                named = self.plain(self.expr(items[0]), items[0])
                if variable not in (None, named) or not isinstance(named, sp.Symbol):
                    raise self.error("an evaluation bar with two variables", tree)
                variable = named
                bounds.append(self.plain(self.expr(items[2]), items[2]))
            else:
                bounds.append(self.plain(self.sarg(script), tree))
        if variable is None:
            free = sorted(value.free_symbols, key=str)
            integrated = [v for v in getattr(self, "integration_variables", ()) if v in value.free_symbols]
            if len(free) == 1 and isinstance(free[0], sp.Symbol):
                variable = free[0]
            elif integrated:
                variable = integrated[-1]
            else:
                raise self.error("an evaluation bar needs _{x = a}: which variable is evaluated is not written", tree)
        low, high = bounds
        return sp.Subs(value, variable, high) - sp.Subs(value, variable, low)

    def atom_bigop(self, tree):
        op = tree.children[0].value
        subs, sups = self.scripts_of(tree.children[1:-1])
        if op in ("bigcup", "bigcap"):
            return self.set_operation(op, subs, sups, tree)
        listed = self.name_list(subs[0], start=True) if subs else None
        if listed is not None:  # \sum_{i, j}: a sum over each index, with the same range
            listed, lo = listed
            if lo == 0:
                self.zero_based = True
            hi = self.plain(self.sarg(sups[0]), tree) if sups else self.default_size()
            body = self.plain(self.term(tree.children[-1]), tree)
            for element in body.atoms(sp.Indexed):
                for position, i in enumerate(element.indices):
                    if i in listed:
                        self.lengths.setdefault((element.base, position), hi - lo + 1)
            return (sp.Sum if op == "sum" else sp.Product)(body, *((i, lo, hi) for i in reversed(listed)))
        colon = self.colon_range(subs[0]) if subs and not sups else None
        index, lo, exclude = colon[:2] + (None,) if colon else self.sum_index(subs[0] if subs else None, tree)
        if lo is None:  # \sum_{i \in \mathcal{B}}, \sum_{m \le k}: over a set the notes do not range
            for size in pair_sizes(exclude or ""):  # \sum_{i < j}: over pairs up to a size (readers.latex.pair_sums)
                if size is None:
                    self.default_size()
                else:
                    self.size_names.add(size)
                    self.symbol(size)
            body = self.plain(self.term(tree.children[-1]), tree)
            label = f"{op}_{{{exclude}}}"
            self.used_functions.add(label)
            return sp.Function(label)(body, *([index] if index is not None else []))
        hi = colon[2] if colon else self.plain(self.sarg(sups[0]), tree) if sups else self.default_size()
        if lo == 0:
            self.zero_based = True
        body = self.plain(self.term(tree.children[-1]), tree)
        if index is None:
            free = sorted(body.free_symbols & {self.symbols.get(n) for n in self.index_names}, key=str)
            if len(free) != 1:
                raise self.error(f"\\{op} without an index", tree)
            index = free[0]
        if exclude is not None:
            body = body * (1 - sp.KroneckerDelta(index, exclude))
        for element in body.atoms(sp.Indexed):
            for position, i in enumerate(element.indices):
                if i == index:
                    self.lengths.setdefault((element.base, position), hi - lo + 1)
        return (sp.Sum if op == "sum" else sp.Product)(body, (index, lo, hi))

    def set_operation(self, op, subs, sups, tree):
        r"""``\bigcup_{i=1}^k A_i``, ``∪_i A_i``: the opaque ``bigcup(A_i, i, 1, k)`` (a set; nothing is decided
        about it), with the range as written (``i`` alone: no bounds)."""
        body = self.plain(self.term(tree.children[-1]), tree)
        self.used_functions.add(op)
        if not subs:
            return sp.Function(op)(body)
        index, lo, exclude = self.sum_index(subs[0], tree)
        if lo is None:
            return sp.Function(f"{op}_{{{exclude}}}")(body, *([index] if index is not None else []))
        bounds = [lo, self.plain(self.sarg(sups[0]), tree)] if sups else []
        return sp.Function(op)(body, index, *bounds)

    def name_list(self, node, start=False):
        r"""``{i, j}`` under a sum or integral: the names listed (two or more), else None.  With ``start``,
        ``{i, j = 1}`` too: (names, 1), the names and the start they share (1 when unstated)."""
        if isinstance(node, lark.Token) or node.data != "group" or _sole_group(node) is not None:
            return None
        rows = [c for c in node.children[1].children if isinstance(c, lark.Tree)]
        items = rows[0].children if len(rows) == 1 else []
        lo = sp.Integer(1)
        if start and len(items) >= 5 and _is_token(items[-2], "REL") and items[-2].value == "=" \
                and isinstance(items[-1], lark.Tree):
            lo = self.plain(self.expr(items[-1]), items[-1])
            items = items[:-2]
        exprs = items[0::2]
        if len(items) == 1 and isinstance(items[0], lark.Tree):  # \sum_{jk}: index letters run together
            run = self.plain(self.expr(items[0]), items[0])
            letters = run.args if isinstance(run, sp.Mul) else ()
            if len(letters) >= 2 and all(isinstance(v, sp.Symbol) and v.name in INDEX_LETTERS for v in letters):
                return (list(letters), lo) if start else list(letters)
        exprs = items[0::2]
        if len(exprs) < 2 or not all(_is_token(c, "COMMA") for c in items[1::2]) \
                or not all(isinstance(e, lark.Tree) for e in exprs):
            return None
        values = [self.expr(e) for e in exprs]
        if not all(isinstance(v, sp.Symbol) for v in values):
            return None
        return (values, lo) if start else values

    def colon_range(self, node):
        r"""``_{n \in 1:N}``, the integer range written as R and Stan write it (``a:b`` is ``a, a + 1, ..., b``):
        ``(n, 1, N)``; else None."""
        if isinstance(node, lark.Token):
            return None
        inner = _sole_group(node)
        if inner is not None:
            return self.colon_range(inner)
        rows = [c for c in node.children[1].children if isinstance(c, lark.Tree)] if node.data == "group" else []
        items = rows[0].children if len(rows) == 1 else []
        if len(items) != 5 or not _is_token(items[1], "REL") or items[1].value != "in" \
                or not _is_token(items[3], "COLON") or not all(isinstance(items[k], lark.Tree) for k in (0, 2, 4)):
            return None
        index, lo, hi = (self.plain(self.expr(items[k]), items[k]) for k in (0, 2, 4))
        if not isinstance(index, sp.Symbol) or not all(v.is_integer is not False for v in (lo, hi)):
            return None
        return index, lo, hi

    def sum_index(self, node, tree):
        r"""``_{i=1}`` -> (i, 1, None); ``_i`` -> (i, 1, None); ``_{k \ne i}`` -> (k, 1, i)."""
        if node is None:
            return None, sp.Integer(1), None
        if isinstance(node, lark.Token):
            if node.type != "NAME":
                raise self.error("a sum's index must be a name", node)
            return self.symbol(node.value), sp.Integer(1), None
        inner = _sole_group(node)
        if inner is not None:  # _{\textstyle {i=1 \atop ...}}: the braces around the range are only grouping
            return self.sum_index(inner, tree)
        rows = [c for c in node.children[1].children if isinstance(c, lark.Tree)]
        items = rows[0].children if len(rows) == 1 else []
        exprs = [c for c in items if isinstance(c, lark.Tree)]
        rels = [c for c in items if isinstance(c, lark.Token) and c.type == "REL"]
        if not exprs:
            raise self.error("cannot read the range of a sum", tree)
        index = self.plain(self.expr(exprs[0]), exprs[0])
        if isinstance(index, sp.Indexed) and len(index.indices) == 1 and isinstance(index.indices[0], sp.Symbol) \
                and len(exprs) == 1 and not rels:  # \sum_{f_i} \log(1/f_i): over the values f_i, that is over i
            return index.indices[0], sp.Integer(1), None
        if not isinstance(index, sp.Symbol) and rels:  # \sum_{1 \le i < j \le n}: a range no index names
            return None, None, "".join(self.text[_start(node) + 1:_end(node) - 1].split())
        if not isinstance(index, sp.Symbol):
            raise self.error("a sum's index must be a name", exprs[0])
        if len(exprs) == 2 and len(rels) == 1 and rels[0].value == "=":
            return index, self.plain(self.expr(exprs[1]), exprs[1]), None
        if len(exprs) == 2 and len(rels) == 1 and rels[0].value == "!=":
            return index, sp.Integer(1), self.plain(self.expr(exprs[1]), exprs[1])
        if len(exprs) == 1 and not rels:
            return index, sp.Integer(1), None
        if len(exprs) == 2 and len(rels) == 1:
            return index, None, "".join(self.text[_start(node) + 1:_end(node) - 1].split())
        if rels and any(_is_token(c, "COMMA") or _is_token(c, "COLON") for c in items):  # or _{j : y_j \ne c}  # _{i=1 \atop \alpha_i > 0}: a range
            return index, None, "".join(self.text[_start(node) + 1:_end(node) - 1].split())  # with a condition
        raise self.error("cannot read the range of a sum", tree)

    def default_size(self) -> sp.Symbol:
        """The size of a range no sum states (``\\sum_i``, a free index of an unsized array)."""
        self.size_names.add("N")
        return self.symbol("N")

    def atom_integral(self, tree):
        subs, sups = self.scripts_of(tree.children[1:-1])
        self.integrals.append({})
        body = self.plain(self.term(tree.children[-1]), tree)
        frame = self.integrals.pop()
        variable, more = frame.get("variable"), frame.get("more", [])
        if variable is not None:  # for an evaluation bar after it that does not name its variable
            self.integration_variables = (*getattr(self, "integration_variables", ()), variable)
        region = self.name_list(subs[0]) if subs and not sups else None
        if region is not None:  # \int_{x, y} f \,dx\,dy: over the whole range of each variable named
            variables = [variable, *more] if variable is not None else []
            if sorted(map(str, variables)) != sorted(map(str, region)):
                raise self.error("the variables under the integral sign are not its differentials", tree)
            return sp.Integral(body, *variables)
        if more and len(subs) == 1 and not sups and variable is not None:
            return sp.Integral(body, variable, *more)  # \int_{\mathbb{R}^2} f \,dx\,dy: a region of (x, y)
        if more:
            raise self.error("one integral sign with several differentials", tree)
        domain = _membership(subs[0]) if subs and not sups else None
        if domain is None and subs and not sups and tree.children[0].value in ("iint", "iiint"):
            domain = subs[0]  # \iiint_R p \,dV: over a region of the plane or space (one differential), opaque
        if domain is not None:  # \int_{x \in A} f(x)\,dx: over a set the notes do not range, opaque
            inner = 0 if isinstance(subs[0], lark.Token) else 1  # _R or _{x \in A}: without the braces
            label = "integral_{%s}" % "".join(self.text[_start(subs[0]) + inner:_end(subs[0]) - inner].split())
            self.used_functions.add(label)
            return sp.Function(label)(body, *([variable] if variable is not None else []))
        bounds = [self.plain(self.sarg(s[0]), tree) for s in (subs, sups) if s]
        if variable is None:
            self.warnings.append(f"integral without its differential: {self.text[_start(tree):_end(tree)][:60]!r}")
            self.used_functions.add("integral")
            return sp.Function("integral")(body, *bounds)
        if len(bounds) == 2:
            return sp.Integral(body, (variable, *bounds))
        return sp.Integral(body, variable)

    def atom_lim(self, tree):
        subs, _ = self.scripts_of(tree.children[1:-1])
        body = self.plain(self.term(tree.children[-1]), tree)
        if not subs or isinstance(subs[0], lark.Token):
            raise self.error("\\lim needs _{x \\to a}", tree)
        row = next((c for c in subs[0].children[1].children if isinstance(c, lark.Tree)), None)
        items = row.children if row is not None else []
        stacked = _group_items(_sole_group(subs[0])) if _sole_group(subs[0]) is not None else []
        if len(stacked) == 7:  # \substack{...}: one more pair of braces around its rows
            items = stacked
        if len(items) == 7 and _is_token(items[3], "COMMA") and _is_token(items[5], "REL") and items[5].value == "in" \
                and _WHOLE_SPACE.fullmatch(self.text[_start(items[6]):_end(items[6])]) \
                and self.text[_start(items[0]):_end(items[0])] == self.text[_start(items[4]):_end(items[4])]:
            items = items[:3]  # \lim_{\substack{h \to 0 \\ h \in \mathbb{R}^n}}: the variable ranges over the whole space
        if len(items) != 3 or not _is_token(items[1], "REL") or items[1].value != "->":
            raise self.error("\\lim needs _{x \\to a}", tree)
        variable, point = self.expr(items[0]), self.expr(items[2])
        side = _ONE_SIDE.search(self.text[_start(items[2]):_end(items[2])])
        if side is not None and point.is_finite:  # x \to 0^+, x \to a^{-}: one-sided
            if isinstance(point, sp.Symbol):  # a^{-} was read as a new name beside a: the point is a
                point = self.symbol(_ONE_SIDE.sub("", point.name))
            return sp.Limit(body, variable, point, side.group(1))
        return sp.Limit(body, variable, point, "+-" if point.is_finite else "+")

    def atom_env(self, tree):
        begin, rows, end = tree.children
        if begin.value != end.value:
            raise self.error(f"\\begin{{{begin.value}}} closed by \\end{{{end.value}}}", end)
        if begin.value in MATRICES:
            value = self.matrix(rows, tree)
            if begin.value in ("vmatrix", "Vmatrix"):  # |A| written as a vmatrix is the determinant
                name = "det" if begin.value == "vmatrix" else "norm"
                self.used_functions.add(name)
                return sp.Function(name)(value)
            return value
        inner = self.rows(rows)
        if begin.value in ALIGNED:
            return _Env(begin.value, inner)
        if begin.value in ("matrix", "array"):  # cases, or (no conditions in it) a matrix
            try:
                return self.piecewise(inner, tree)
            except LatexParseError:
                if any(r.conditions or r.chain.rels for r in inner):
                    raise
                return self.matrix(rows, tree)
        if begin.value.endswith("cases"):
            return self.piecewise(inner, tree)
        raise self.error(f"{begin.value} is not supported", tree)

    def matrix(self, rows, tree) -> MatrixLiteral:
        r"""The entries of a matrix environment, row by row (``&`` between entries, ``\\`` between rows);
        a trailing empty row is dropped; rows of different lengths are an error.  A column empty in every row is
        spacing (``a_{11} b_{11} + \dots & & a_{11} b_{12} + \dots``: two entries set apart), not an entry.  A row of
        ellipses and empty places (``& & \vdots & \\``) elides rows: its empty places are ellipses too.  A row of one
        place holding a list (``\lambda_1, \dots, \lambda_N``) has the list's items for entries."""
        grid = []
        for row in rows.children:
            if not isinstance(row, lark.Tree):
                continue
            cells, current = [], []
            for item in row.children:
                if _is_token(item, "AMP"):
                    cells.append(current)
                    current = []
                else:
                    current.append(item)
            cells.append(current)
            if len(cells) == 1 and not cells[0]:
                continue
            if len(cells) == 1 and any(_is_token(item, "COMMA") for item in cells[0]):
                # \begin{bmatrix} \lambda_1, \dots, \lambda_N \end{bmatrix}: entries set apart by commas
                split = [[]]
                for item in cells[0]:
                    if _is_token(item, "COMMA"):
                        split.append([])
                    else:
                        split[-1].append(item)
                cells = split
            grid.append((row, cells))
        if len(grid) > 0 and len({len(cells) for _, cells in grid}) == 1:
            spacing = {k for k in range(len(grid[0][1])) if all(not cells[k] for _, cells in grid)}
            if spacing and len(spacing) < len(grid[0][1]):
                grid = [(row, [c for k, c in enumerate(cells) if k not in spacing]) for row, cells in grid]
        table = []
        for row, cells in grid:
            dots = [c for c in cells if len(c) == 1 and isinstance(c[0], lark.Tree)
                    and self.expr(c[0]) == sp.Symbol(r"\ldots")]
            if dots and all(not c or c in dots for c in cells):  # & & \vdots & \\: a row that elides rows, its
                cells = [c or dots[0] for c in cells]  # empty places elided too
            entries = []
            for cell in cells:
                if len(cell) != 1 or not isinstance(cell[0], lark.Tree):
                    raise self.error("a matrix entry must be one expression", row)
                entries.append(self.plain(self.expr(cell[0]), cell[0]))
            table.append(sp.Tuple(*entries))
        if not table or len({len(r) for r in table}) != 1:
            raise self.error("a matrix whose rows have different lengths", tree)
        return MatrixLiteral(*table)

    def atom_cases(self, tree):
        return self.piecewise(self.rows(tree.children[1]), tree)

    def piecewise(self, rows, tree):
        rows = [r for r in rows if r.kind != "empty"]
        if len(rows) == 1 and not rows[0].conditions and len(rows[0].chain.exprs) == 1 \
                and isinstance(rows[0].chain.exprs[0], sp.Piecewise):
            return rows[0].chain.exprs[0]
        pieces = []
        for k, row in enumerate(rows):
            if len(row.chain.exprs) != 1 or row.chain.rels:
                raise self.error("a case must be a value and a condition", tree)
            condition = sp.And(*row.conditions) if row.conditions else None
            if condition is None and row.notes and k != len(rows) - 1:
                # j \in J: a condition written but not readable (a named set): an opaque proposition
                condition = sp.Symbol("case: " + " ".join(row.text.split()), real=None)
            if condition is None:
                if k != len(rows) - 1:
                    raise self.error("a case without a condition", tree)
                condition = sp.true
            pieces.append((row.chain.exprs[0], condition))
        self.warn_gaps([c for _, c in pieces], tree)
        return sp.Piecewise(*pieces)

    def warn_gaps(self, conditions, tree) -> None:
        """A case split that leaves points undefined (``x > 0`` and ``x < 0`` leave ``x = 0``)."""
        union = sp.Or(*conditions)
        if union is sp.true:
            return
        reals = [s for s in union.free_symbols if s.is_real and not s.is_integer]
        if len(reals) != 1 or any(s.is_integer for s in union.free_symbols):
            return
        try:
            missing = sp.S.Reals - union.as_set()
        except (NotImplementedError, TypeError, ValueError):
            return
        if missing is not sp.S.EmptySet:
            where = ", ".join(f"{reals[0]} = {p}" for p in missing) if missing.is_FiniteSet else f"{reals[0]} in {missing}"
            self.warnings.append(f"the cases leave {where} undefined")

    def atom_abs(self, tree):
        return sp.Abs(self.plain(self.expr(tree.children[1]), tree))

    atom_norm = atom_abs

    def atom_angle(self, tree):
        self.used_functions.add("inner")
        value = self.paren(tree)
        return sp.Function("inner")(*(value.args if isinstance(value, sp.Function) else (value,)))

    def atom_set(self, tree):
        r"""``\{a, b\}``: ``set(a, b)``; set-builder notation ``\{x \in \mathbb{R} : x > 0\}``, ``\{x | x \in X \text{ and }
        f(x) \le b\}``: an opaque name."""
        self.used_functions.add("set")
        args = tree.children[1] if len(tree.children) > 2 and isinstance(tree.children[1], lark.Tree) else None
        if args is not None and any(_is_token(c, "BAR") for c in args.children):  # \{x | x \in X \text{ and } ...\}
            return sp.Function("set")(sp.Symbol(" ".join(self.text[_start(tree):_end(tree)].split())))
        value = self.paren(tree)
        if isinstance(value, (_Annotation, _DerivativeOperator)):
            return sp.Function("set")(sp.Symbol(" ".join(self.text[_start(tree):_end(tree)].split())))
        return sp.Function("set")(*(value.args if isinstance(value, sp.Function) else (value,)))



def _exponents(expr) -> set:
    """The exponents of the factors of ``expr``."""
    return set(expr.as_powers_dict().values()) if isinstance(expr, (sp.Mul, sp.Pow)) else set()


def _symbolic_order(expr, marker):
    r"""The exponent of ``marker`` in ``expr`` when it is not a positive integer (the ``i`` of ``d^i u`` and of
    ``dt^i``), else None."""
    if not isinstance(expr, (sp.Mul, sp.Pow)):
        return None
    order = expr.as_powers_dict().get(marker)
    return order if order is not None and not order.is_Integer and order.free_symbols else None


def _derivative_at(apply, order: int, arg):
    r"""``\tanh'(u)``, ``\log''(x)``: the ``order``-th derivative of a known function at ``arg`` (the prime is a
    derivative, never dropped: $\tanh'(u) = 1 - \tanh^2(u)$)."""
    u = sp.Dummy("u")
    return sp.diff(apply(u), u, order).subs(u, arg)


_WHOLE_SPACE = re.compile(r"(\{\s*)?\\mathbb\s*\{?\s*R\s*\}?\s*(?(1)\})\s*(?:\^\s*(?:\w|\{[^{}]*\}))?")
r"""``\mathbb{R}``, ``\mathbb{R}^n``, ``{\mathbb{R}}^{n}`` (a macro ``\R`` expanded): a limit's variable restricted to
it is not restricted."""


def _membership(node):
    """The ``(x, A)`` trees of a subscript group ``{x \\in A}``, else None."""
    items = _group_items(node)
    if len(items) == 3 and _is_token(items[1], "REL") and items[1].value == "in":
        return items[0], items[2]
    return None


def _index_start(node):
    """The ``(i, 0)`` trees of a subscript group ``{i=0}``, else None."""
    items = _group_items(node)
    if len(items) == 3 and _is_token(items[1], "REL") and items[1].value == "=" and isinstance(items[0], lark.Tree) \
            and isinstance(items[2], lark.Tree):
        return items[0], items[2]
    return None


def _listed(e) -> bool:
    """Whether ``e`` is a parenthesised list ``(f_1, f_2, \\ldots, f_n)``."""
    return isinstance(e, sp.core.function.AppliedUndef) and e.func.__name__ == "tuple" and len(e.args) > 1


def _sole_group(node):
    """The brace group that is all of the group ``node`` holds (``{ {i=1 \\atop c} }``), else None."""
    items = _group_items(node)
    while len(items) == 1 and isinstance(items[0], lark.Tree) and len(items[0].children) == 1:
        items = items[0].children  # expr -> term -> factor -> post
        if isinstance(items[0], lark.Tree) and items[0].data == "group":
            return items[0]
    return None


def _group_items(node) -> list:
    """The items of the one row of a brace group (a subscript's ``{...}``), else []."""
    if isinstance(node, lark.Tree) and node.data == "sarg":
        node = node.children[0]
    if isinstance(node, lark.Token) or node.data != "group":
        return []
    rows = [c for c in node.children[1].children if isinstance(c, lark.Tree)]
    return rows[0].children if len(rows) == 1 else []


MATRICES = frozenset(["bmatrix", "pmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix"])
"""Matrix environments: a :class:`~readers.latex.nodes.MatrixLiteral` (``vmatrix``: its determinant)."""


INVERSE_FUNCTIONS = {"sin": sp.asin, "cos": sp.acos, "tan": sp.atan, "cot": sp.acot, "sec": sp.asec, "csc": sp.acsc,
                     "sinh": sp.asinh, "cosh": sp.acosh, "tanh": sp.atanh, "coth": sp.acoth}
r"""``\sin^{-1}``: the inverse function, not a reciprocal."""
_ONE_SIDE = re.compile(r"\^\s*\{?\s*([+-])\s*\}?\s*$")
r"""The side of a one-sided limit's point: ``0^+``, ``a^{-}`` (``\lim_{x \to 0^+}``)."""
