r"""The reader's names: symbols, array elements, function calls, expectations and scripts."""
from __future__ import annotations

import re

import lark
import sympy as sp

from readers.latex.labelled_entries import labelled_entry, two_place_elsewhere
from readers.latex.nodes import Expectation, Given, _Annotation, _NamePiece
from readers.latex.tables import (
    FUNCTION_LETTERS,
    FUNCTIONS,
    GREEK,
    MAXMIN,
    NUMERIC_ONLY_SPECIAL,
    OPAQUE_FUNCTIONS,
    SPECIAL_FUNCTIONS,
    UNICODE_GREEK,
)
from readers.latex.tree import _end, _is_token, _names_in, _only_token, _power, _start


_DIFFERENTIAL_E = re.compile(r"\\partial\s*\{?\s*e(?![A-Za-z])(?!\s*\^)")
r"""``\partial e``: the letter e as a variable of a partial derivative (``\partial e^{x}`` differentiates a power of
Euler's number)."""


INDICATOR_ONES = frozenset({r"\mathbb{1}", r"\mathds{1}", r"\mathrm{1}", r"\mathbf{1}", r"\bm{1}", r"\mathbb{I}"})
r"""An indicator written with its condition in brackets right after it: ``\mathbb{1}[x < 0]`` is
``Piecewise((1, x < 0), (0, True))`` (the condition was the block's before, and the 1 a free value)."""
STANDARD_LAWS = frozenset({"normal", "Normal", "gaussian", "Gaussian"})
r"""Families that notes write with no arguments for their standard law (Stan's ``\mbox{normal}()``, mean 0 and
scale 1): ``normal()`` is read as the family applied to nothing; any other empty call is an error."""
_SCRIPT_LETTER = re.compile(r"\\math(?:cal|scr)\{(?!O\})[A-Z]\}")
r"""A calligraphic or script capital other than the order symbol ``\mathcal{O}``."""
_INCREMENT_NAME = re.compile(r"(?:Delta|delta)_[A-Za-z]+")
r"""The one name the tokens make of an increment (``\Delta x`` is ``Delta_x``, ``\delta A`` is ``delta_A``:
readers.latex.tokens): a value, so a parenthesis after it that holds more than one bare name is a factor, unless
the increment is of a letter that names functions (``\Delta f(x + h)``, the difference of f's values)."""


class _Names:
    """Mixin of :class:`~readers.latex.reader._Reader`: what a name means."""

    def resolve(self, piece: _NamePiece):
        token = piece.token
        if token.type == "WORD" and self.splits(token.value) and (piece.call is None or self.split_call(piece)):
            letters = [_NamePiece(lark.Token("NAME", ch, token.start_pos + n), [], None, 0, 0)
                       for n, ch in enumerate(token.value)]
            letters[-1].scripts = piece.scripts
            letters[-1].call = piece.call
            value = sp.Integer(1)
            for letter in letters:
                value *= self.resolve(letter)
            return value
        if token.type == "WORD" and piece.call is not None and self.splits_before_call(token.value, piece.call):
            return self.juxtaposed(piece)
        if token.value in (r"\mathbb{E}", "E") and piece.call is not None:
            expectation = self.expectation(piece)
            if expectation is not None:
                return expectation
        if token.value in INDICATOR_ONES and piece.call is None and len(piece.scripts) == 1 \
                and piece.scripts[0][0] == "sub":
            condition = self.subscript_condition(piece.scripts[0][1])
            if condition is not None:  # \mathbb{1}_{x > 0}: the indicator of its subscript's condition
                return sp.Piecewise((sp.S.One, condition), (sp.S.Zero, True))
        name, index = token.value, None
        for kind, node in piece.scripts:
            if kind == "sub":
                labelled = labelled_entry(self.subtext(node), self.index_names) if index is None else None
                found = self.index_of(node) if index is None and labelled is None else None
                if labelled is not None:  # Y_{0i}: entry i of Y^{(0)}, a_{1n}: a[1, n]; never entry 0*i of Y
                    letters = tuple(self.symbol(ch) for ch in labelled[1])
                    if two_place_elsewhere(self.text, token.value):
                        index = (sp.Integer(int(labelled[0])), *letters)
                    else:
                        name, index = f"{name}^{{({labelled[0]})}}", letters
                elif found is not None:
                    index = found
                else:
                    name = f"{name}_{self.subtext(node)}"
            elif kind == "prime":
                name += "'"
        call = piece.call
        sups = [node for kind, node in piece.scripts if kind == "sup"]
        if call is not None and name == "Phi" and "Phi" not in self.functions and index is None:
            if [self.raw_script(node) for node in sups] == ["-1"]:  # the standard normal quantile
                return self._after_call(self.apply("Phi^{-1}", call), piece)
            cdf = self.standard_normal_cdf(call)
            if cdf is not None:  # \Phi^2(x): the square of the value, applied below
                value = cdf
                for node in sups:
                    value = self.superscript(value, node, applied=True)
                return self._after_call(value, piece)
        if call is not None and index is None and not sups and name not in self.functions and name not in self.names:
            special = self.special_function(name, call)
            if special is not None:
                return self._after_call(special, piece)
        if call is not None and not self.squared_greek_factor(token.value, sups, call) \
                and self.is_function(name, token.value, call, index):
            name, sups = self.function_superscripts(name, sups)
            value = self.apply(name if index is None else f"{name}_{self.subtext_of_index(piece)}", call)
            for node in sups:
                value = self.superscript(value, node, applied=True)
            return self._after_call(value, piece)
        else:
            if index is not None and name == "delta" and len(index) == 2:
                value = sp.KroneckerDelta(*index)
            elif index is not None:
                value = self.array(name)[index]
            else:
                value = self.name_value(name)
                if re.fullmatch(r".+_[0-9]+", name) and isinstance(value, sp.Symbol):
                    base, k = name.rsplit("_", 1)
                    self.literals[value] = (base, int(k))
            for node in sups:  # a^2(1-2p): the script belongs to the name, the parenthesis is a factor
                value = self.superscript(value, node, base_name=name if index is None else None)
            if call is not None:
                inner = self.paren(call)
                if isinstance(inner, _Annotation) and len(inner.conditions) == 1 and not sups \
                        and isinstance(value, sp.Symbol) and value.name in INDICATOR_ONES:
                    value = sp.Piecewise((sp.S.One, inner.conditions[0]), (sp.S.Zero, True))  # \mathbb{1}[x < 0]
                elif isinstance(inner, _Annotation):
                    self.pending.append(inner)
                else:
                    value = value * self._after_call(inner, piece)
        return value

    def subscript_condition(self, node):
        """The one relation a braced subscript holds (``_{x > 0}``, ``_{a \\le b < c}``), else None."""
        if isinstance(node, lark.Tree) and node.data == "sarg":
            node = node.children[0]
        if not isinstance(node, lark.Tree) or len(node.children) < 2 or not isinstance(node.children[1], lark.Tree):
            return None
        rows = [c for c in node.children[1].children if isinstance(c, lark.Tree)]
        if len(rows) != 1 or len(rows[0].children) < 3 or not _is_token(rows[0].children[1], "REL"):
            return None
        items = rows[0].children
        exprs = [(self.plain(self.expr(e), e), e) for e in items[0::2]]
        built = self.relation_chain(exprs, items[1::2])
        return built if isinstance(built, (sp.core.relational.Relational, sp.And)) else None

    def special_function(self, name: str, call):
        r"""``\Gamma(\tfrac32)``, ``\zeta(3)``, ``\operatorname{Beta}(a, b)``: the special function of
        :data:`~readers.latex.tables.SPECIAL_FUNCTIONS` at its arguments; None for another name or arity."""
        if not any(key[0] == name for key in SPECIAL_FUNCTIONS):
            return None
        value = self.apply(name, call)
        self.used_functions.discard(name)
        function = SPECIAL_FUNCTIONS.get((name, len(value.args)))
        if function is None or any(isinstance(a, Given) for a in value.args):
            return None
        if name in NUMERIC_ONLY_SPECIAL and not all(a.is_number for a in value.args):
            return None
        return function(*value.args)

    def joined_events(self, call) -> None:
        r"""``P(X = 1 \text{ and } Y = 3)``: "and" may join events (relations) inside parentheses, as a
        comma does; any other word there, or "and" between plain values, is an error."""
        children = call.children[1].children
        words = [c for c in children if _is_token(c, "PROSE")]
        if not words:
            return
        if any(w.value != "and" for w in words):
            raise self.error(f"{words[0].value!r} inside parentheses", words[0])
        if not all(len(c.children) > 1 for c in children if isinstance(c, lark.Tree)):
            raise self.error("'and' between values that are not events", words[0])

    def function_superscripts(self, name: str, sups):
        r"""A function's superscripts before its call: ``f^{(2)}(x)`` is ``f''(x)``, ``f^{(n)}(x)`` the
        unknown function ``f^{(n)}``, ``f^{-1}(x)`` the unknown inverse ``f^{-1}``, ``V^\pi(s)`` (a lower case Greek
        letter, subscripted or not: ``Q^{\pi_\theta}``) the function of that policy or parameter; other scripts
        (``f^2(x)``) are powers of the value, returned to be applied after the call."""
        rest = []
        for node in sups:
            raw = self.raw_script(node)
            order = re.fullmatch(r"\(([0-9]+)\)", raw)
            if order and int(order.group(1)) <= MAX_PRIME_ORDER:
                name += "'" * int(order.group(1))
            elif raw.lstrip("\\") in ("*", "ast", "star"):
                name = f"{name}^{{*}}"  # Q^*(s, a), the conjugate f^*(y): another function than Q, f
            elif re.fullmatch(r"\(.+\)|-1", raw) or _is_label(raw):
                name = f"{name}^{{{raw}}}"  # (L^{CLIP}(\theta), f^{[l]}(x): a word or a bracket labels the function)
            elif _POLICY_LABEL.fullmatch(raw) and GREEK.get(raw.split("_")[0].lstrip("\\")) not in (None, *GREEK_CAPITALS):
                name = f"{name}^{{{_UNMARKED.sub('', raw)}}}"  # V^\pi(s), Q^{\pi_\theta}(s, a): the function of
                # the policy pi, one name however written (V^{pi}, V^{pi_theta})
            else:
                rest.append(node)
        return name, rest

    def raw_script(self, node) -> str:
        """A script's text without braces or spaces: ``{(i)}`` -> ``(i)``, ``\\top`` -> ``\\top``."""
        if isinstance(node, lark.Token):
            return node.value
        return "".join(self.text[_start(node) + 1:_end(node) - 1].split())

    def _after_call(self, value, piece: _NamePiece):
        """Scripts written after a call or parenthesis apply to it alone: ``y(1 - s)^{2}`` is ``y (1 - s)^2``."""
        for kind, node in piece.after:
            if kind == "sub":  # softmax(z)_i: the i-th component of the value, an opaque element
                self.used_functions.add("component")
                value = sp.Function("component")(self.plain(value, node), self.plain(self.sarg(node), node))
                continue
            if kind != "sup":
                raise self.error("a prime after a parenthesis", node)
            value = self.superscript(value, node)
        return value

    def expectation(self, piece: _NamePiece):
        r"""``\mathbb{E}_{x \sim D}[f]`` -> ``Expectation(f, x, D)``; None for other subscripts."""
        subs = [node for kind, node in piece.scripts if kind == "sub"]
        if len(subs) != 1 or isinstance(subs[0], lark.Token) or len(piece.scripts) != 1:
            return None
        rows = [c for c in subs[0].children[1].children if isinstance(c, lark.Tree)]
        items = rows[0].children if len(rows) == 1 else []
        if len(items) != 3 or not _is_token(items[1], "REL") or items[1].value != "~":
            return None
        if any(_is_token(c, "BAR") for c in piece.call.children[1].children):
            return None  # \mathbb{E}_{\tau \sim \pi}[R(\tau) | s_0 = s]: conditional, read as an opaque operator
        variable = self.plain(self.expr(items[0]), items[0])
        body = self.paren(piece.call)
        return Expectation(self.plain(body, piece.call), variable, self.plain(self.expr(items[2]), items[2]))

    def splits(self, word: str) -> bool:
        """A two-letter run not known as a name is a product (``ab``); longer runs are names, except a short
        lower-case run whose every letter the same formula also writes alone (``2bxh`` beside ``b(x+h)^2``: the
        product ``2 b x h``, as the expansion it comes from says), or the prose around the block does (``e^{-ywx}``
        after "a label $y$ and a feature $x$" in the sentence of ``ell(w)``: ``parse_block``'s ``letters``); and a run
        of capitals whose every letter the formula writes alone (``(ABC)^T = C^T B^T A^T``) or whose letters it writes
        in another order too (:meth:`reordered`)."""
        if word in self.names or not word.isalpha():
            return False
        if len(word) <= 6 and word.isascii() and word.isupper() and all(self.written_alone(c) for c in set(word)):
            return True  # (ABCDE)^T = E^T D^T C^T B^T A^T: the product of the matrices the formula writes alone
        if len(word) <= 6 and word.isascii() and word.isupper() and self.reordered(word):
            return True  # tr(ABC) = tr(CAB): the same letters in another order, a product of matrices
        return len(word) == 2 or (len(word) <= 4 and word.isascii() and word.islower()
                                  and (self.imaginary_run(word) or all(self.written_alone(letter)
                                                                       or letter in self.letters_alone
                                                                       for letter in set(word))))

    def reordered(self, word: str) -> bool:
        r"""Whether the formula also writes another run of the same capitals in another order (``\operatorname{tr}(ABC)
        = \operatorname{tr}(CAB)``): two names spelt with the same letters are a product's factors moved, not two
        names."""
        runs = set(re.findall(r"(?<![A-Za-z\\])[A-Z]{2,6}(?![A-Za-z])", self.text))
        return any(run != word and sorted(run) == sorted(word) for run in runs)

    def imaginary_run(self, word: str) -> bool:
        r"""Whether ``word`` stands in an exponent of e (``e^{itx}``, ``\exp(ikx)``) and starts with i: the imaginary
        unit times the letters after it (a characteristic function, a Fourier kernel), as ``e^{i t x}`` would be.
        Whether i is then the unit or a real name is decided by the notes checker (readers.notes.imaginary_unit)."""
        return word.startswith("i") and re.search(
            r"(?:e\s*\^\s*\{[^{}]*|\\exp\s*(?:\\left\s*)?[(\[][^()\[\]]*)(?<![A-Za-z\\])" + word + r"(?![A-Za-z])",
            self.text) is not None

    def written_alone(self, letter: str) -> bool:
        """Whether the formula writes ``letter`` as a name of its own (not inside a word or a command)."""
        return re.search(r"(?<![A-Za-z\\])" + re.escape(letter) + r"(?![A-Za-z])", self.text) is not None

    def splits_before_call(self, word: str, call) -> bool:
        r"""``np(1-p)``, ``xp(x)``, ``ab(a+b)``: two lower-case letters before a parenthesis that the notes
        neither define nor know as one name (:meth:`splits`) nor as a function, when the parenthesis mentions one
        of them as a value, are a product whose last letter meets the parenthesis (``n \cdot p(1-p)``,
        ``x \cdot p(x)``), as the same letters are without it.  Without such a mention (``fc(x)``, ``lr(t)``) the
        word stays a function's name.  So are a lower-case letter and a function the notes name (``f`` of
        ``f(x) = ...``, or ``f`` applied on its own in the same formula) or the expectation ``E`` (``af(X)``,
        ``aE[f(X)]``: ``a \cdot f(X)``, ``a \cdot E[f(X)]``)."""
        if not self.splits(word) or word in self.functions or word in FUNCTIONS or word in OPAQUE_FUNCTIONS \
                or word in MAXMIN:
            return False
        if word.islower() and any(self.mentions_itself(letter, call) for letter in word):
            return True
        last = word[-1]
        return word[0].islower() and (last in self.functions or last == "E" or re.search(
            r"(?<![A-Za-z\\])" + last + r"\s*[(\[]", self.text) is not None)

    def juxtaposed(self, piece: _NamePiece):
        r"""The product of the letters of ``piece``'s word, the last one taking its scripts and parenthesis: that
        letter is then a function applied or a factor by the single-letter rule (:meth:`is_function`)."""
        token = piece.token
        letters = [_NamePiece(lark.Token("NAME", ch, token.start_pos + n), [], None, 0, 0)
                   for n, ch in enumerate(token.value)]
        last = letters[-1]
        last.scripts, last.call, last.after = piece.scripts, piece.call, piece.after
        value = sp.Integer(1)
        for letter in letters:
            value *= self.resolve(letter)
        return value

    def subtext_of_index(self, piece) -> str:
        return ",".join(self.subtext(node) for kind, node in piece.scripts if kind == "sub")

    def is_function(self, name: str, base: str, call, index) -> bool:
        args = call.children[1]
        if any(isinstance(c, lark.Token) and c.type in ("COMMA", "SEMI", "BAR", "DBAR") for c in args.children):
            return True
        if name in self.functions or base in self.functions:
            return True
        if index is None and (name in self.factors or base in self.factors) and not self.bare_name_argument(call):
            return False  # p(1 - q) in F(p, q) = ...: a parameter is a number, and a number applied is a product
            # (f(x) in Residual(f, x) = x + f(x) keeps its call: nobody writes a product of two names so)
        if base.startswith("\\operatorname{"):
            return True  # \operatorname{H}[X]: an upright operator letter before its argument is applied (readers.latex.tokens)
        if any(_is_token(t, "NAME") and t.value == "\\cdot" for t in args.scan_values(lambda v: True)):
            return True  # \rho_0(\cdot): an argument left open is only ever a function's
        if index is None and name == base and _INCREMENT_NAME.fullmatch(base) \
                and base.split("_", 1)[1] not in FUNCTION_LETTERS and not self.bare_name_argument(call):
            return False  # \Delta x \left( ... \right): the increment times a factor (\Delta f(x + h) stays applied)
        if name.endswith("'") and index is None:
            return True  # A'(B), R'(Z_o): a primed letter before a parenthesis is a derivative applied, not a product
        if index is None and base in FUNCTION_LETTERS and self.mentions_itself(base, call):
            return False  # p(1-p), x(1 - x): a product, since a letter is rarely applied to itself
        if index is None and name == base and not self.mentions_itself(base, call) and self.derivative_applied(base):
            return True  # u(t + h) beside u'(t): the function whose derivative the same formula applies
        if index is None and base in FUNCTION_LETTERS:
            return True
        if index is None and name != base and self.bare_name_argument(call):
            return True  # T_n(x), I_0(x), \Gamma_p(a): a family member applied (a factor is not put in parentheses)
        if index is None and _SCRIPT_LETTER.fullmatch(base) and self.bare_name_argument(call):
            return True  # \mathcal{J}(w), \mathcal{L}(\theta): a script letter before a name in parentheses is a loss,
            # a likelihood, a risk applied (nobody multiplies a set or a script constant by a name so; \mathcal{O} aside)
        return len(base) > 1 and base not in GREEK.values() and not base.startswith("\\")  # a word: ReLU(x)

    def squared_greek_factor(self, base: str, sups, call) -> bool:
        r"""``\sigma^2 (1 - \rho^2)``, ``\sigma_2^2 (1 - r)``: a Greek letter that may name a function (``\sigma``,
        ``\phi``, ``\psi``), raised to a whole power, before a parenthesis that holds an expression and not a bare
        name, is a factor, as a Latin letter there is (``a^2(1 - r)``): the square of a function's value is written
        ``\sigma(x)^2`` or ``\sigma^2(x)`` with its argument bare, never ``\sigma^2(1 - \rho^2)`` for a variance
        times a factor."""
        if base not in FUNCTION_LETTERS or base not in GREEK.values() or not sups or base in self.functions:
            return False
        return all(re.fullmatch(r"\d+", self.raw_script(node)) for node in sups) and not self.bare_name_argument(call)

    def derivative_applied(self, base: str) -> bool:
        r"""Whether the formula applies a derivative of the letter ``base``: ``u'(t)``, ``u''(t_n)``,
        ``u^{(4)}(x)`` (a primed letter before a parenthesis is a function's derivative, so the letter is a
        function too)."""
        if len(base) != 1 or not base.isalpha():
            return False
        return re.search(r"(?<![\\A-Za-z_{])" + re.escape(base) + r"(?:'+|\^\{\(\d+\)\})\s*(?:\\left\s*)?\(",
                         self.text) is not None

    def bare_name_argument(self, call) -> bool:
        r"""Whether the parenthesis ``call`` holds one name and nothing else (``(x)``, ``(\text{input}_{i})``,
        ``(\mathbf{x})``, ``(x_i)``; not ``(x + y)``, ``(-1)``, ``(2)`` nor ``(1 - \beta_2)``).  After a name with a
        subscript of its own (``T_{n+1}``, ``I_0``, ``\Gamma_p``) such a parenthesis is an argument: nobody writes
        a product ``w_1 \cdot x`` as ``w_1(x)``, while ``a_1(x + y)`` stays a product."""
        inner = self.text[_start(call):_end(call)].strip()
        inner = re.sub(r"^(?:\\left\s*)?\(|(?:\\right\s*)?\)$", "", inner).strip()
        word = r"(?:\\(?:text|mathrm|mathbf|mathit|boldsymbol|bm|operatorname)\s*\{[A-Za-z ]+\}|\\[A-Za-z]+|[A-Za-z])"
        script = r"(?:\s*_\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]+))?"
        return re.fullmatch(word + script, inner) is not None

    def split_call(self, piece) -> bool:
        r"""``np(1-p)``: a two-letter run no one defines, before a parenthesis that mentions its last letter as
        a plain value, is the product ``n \cdot p(1-p)`` (the last letter then reads ``p(1-p)`` as ``p`` does
        alone), not a function ``np`` applied to ``1-p``."""
        word = piece.token.value
        return not piece.scripts and word not in self.functions and word.isascii() \
            and self.mentions_itself(word[-1], piece.call)

    def mentions_itself(self, base: str, call) -> bool:
        r"""Whether the parenthesis after the letter ``base`` mentions ``base`` as a plain value (``p(1-p)``, and
        as a fraction's or a root's operand, ``q\left(\frac{x}{q}\right)^2``, ``s(\sqrt{s} + 1)``; not ``f(f(x))``,
        ``p(x_p)``, ``p(x_{p})``, ``p(\hat{p})`` nor ``f(x - h f'(x))``, whose ``f'`` is the derivative)."""
        inner = self.text[_start(call):_end(call)]
        operand = r"(?:(?<=\\frac\{)|(?<=\\dfrac\{)|(?<=\\tfrac\{)|(?<=\\sqrt\{)|(?<=\}\{))"
        return re.search(r"(?:(?<![\\A-Za-z_{])|" + operand + ")" + re.escape(base) + r"(?!\s*[A-Za-z_(\[{'])",
                         inner) is not None

    def apply(self, name: str, call):
        self.joined_events(call)
        args, given = [], []
        target = args
        for child in call.children[1].children:
            if isinstance(child, lark.Token):
                if child.type == "BAR":
                    target = given
                continue
            items = child.children
            if len(items) > 1:
                target.append(self.event(items, child))
                continue
            target.append(self.plain(self.expr(items[0]), items[0]))
        if given:
            args.append(Given(*given))
        if not args and name in STANDARD_LAWS:  # Stan's \mbox{normal}(): the standard law (readers.notes.laws)
            self.used_functions.add(name)
            return sp.Function(name)()
        if not args:
            raise self.error(f"{name}() without arguments", call)
        if name == "SD" and len(args) == 1 and not given:  # \operatorname{sd}(X): the square root of the variance
            self.used_functions.add("Var")
            return sp.sqrt(sp.Function("Var")(*args))
        self.used_functions.add(name)
        return sp.Function(name)(*args)

    def standard_normal_cdf(self, call):
        r"""``\Phi(x)`` where the notes do not define ``\Phi``: the standard normal CDF
        :math:`\Phi(x) = \tfrac{1}{2}\left(1 + \operatorname{erf}(x / \sqrt{2})\right)`; None unless one argument."""
        value = self.apply("Phi", call)
        self.used_functions.discard("Phi")
        if len(value.args) != 1 or isinstance(value.args[0], Given):
            return None
        return (1 + sp.erf(value.args[0] / sp.sqrt(2))) / 2

    def event(self, items, node):
        r"""An argument that is a relation, ``P(X \le x)``, ``P(X \in [a, b])``: the opaque event
        ``event_<relation>(X, x)``, a function of both sides (so that nothing is decided about it)."""
        if len(items) not in (3, 5):
            raise self.error("a chain of relations inside a function's arguments", node)
        relations = [_EVENT_NAMES.get(str(r)) for r in items[1::2]]
        if None in relations:
            raise self.error(f"a relation {str(items[1])!r} inside a function's arguments", node)
        sides = [self.plain(self.expr(e), e) for e in items[0::2]]
        return sp.Function("event_" + "_".join(relations))(*sides)  # P(a \le X \le b): event_le_le(a, X, b)

    def name_value(self, name: str):
        if name == "e" and "e" not in self.names and not self.differentiates_e():  # Euler's number, unless the notes
            return sp.E  # define e (readers.notes.letter_e) or the formula differentiates with respect to it

        if name == "pi":
            return sp.pi
        return self.symbol(name)

    def differentiates_e(self) -> bool:
        r"""Whether the formula writes ``\partial e`` or ``de`` over another differential (``\frac{\partial f}{\partial
        e}``, ``\frac{\partial e}{\partial d}``): a letter one differentiates with respect to, or by, is a variable (a
        node of a computational graph), never Euler's number."""
        return _DIFFERENTIAL_E.search(self.text) is not None

    def symbol(self, name: str) -> sp.Symbol:
        if name not in self.symbols:
            if name in self.size_names:
                self.symbols[name] = sp.Symbol(name, integer=True, positive=True)
            elif name in self.index_names:
                self.symbols[name] = sp.Symbol(name, integer=True)
            else:
                self.symbols[name] = sp.Symbol(name, real=True)
        return self.symbols[name]

    def array(self, name: str) -> sp.IndexedBase:
        if name not in self.arrays:
            self.arrays[name] = sp.IndexedBase(name, real=True)
        return self.arrays[name]

    def index_of(self, node):
        """The index tuple a subscript denotes (``_i``, ``_{i+1}``, ``_{i,j}``), or None for a name part."""
        indexish = self.index_names
        if isinstance(node, lark.Token):
            if node.type == "NAME" and node.value in indexish:
                return (self.symbol(node.value),)
            return None
        rows = [c for c in node.children[1].children if isinstance(c, lark.Tree)]
        if len(rows) != 1:
            return None
        items = rows[0].children
        if len(items) == 1 and isinstance(items[0], lark.Tree):
            token = _only_token(items[0])
            if token is not None and token.type == "WORD" and all(ch in indexish for ch in token.value):
                return tuple(self.symbol(ch) for ch in token.value)
        exprs = [c for c in items if isinstance(c, lark.Tree)]
        if any(isinstance(c, lark.Token) and c.type != "COMMA" for c in items) or not exprs:
            return None
        # a declared index or size that carries its own subscript (M_1 printed as M_{1}) shows up
        # here by its stem
        stems = indexish | {n.split("_")[0] for n in getattr(self, "declared_indices", ()) if "_" in n}
        # r_{t+k} under \sum_k: the summed index makes it an entry, whatever else the subscript holds (a name
        # r_{t+k} would be one number for every k, and \sum_k r_{t+k} = n r_{t+k} was "proved")
        summed = all(_names_in(e) and all(len(n) == 1 for n in _names_in(e)) for e in exprs) \
            and set().union(*(_names_in(e) for e in exprs)) & set(getattr(self, "bound", ()))
        if not summed and not all(_names_in(e) and _names_in(e) <= stems for e in exprs):
            return None
        return tuple(self.plain(self.expr(e), e) for e in exprs)

    def subtext(self, node) -> str:
        if isinstance(node, lark.Token):
            return node.value
        inner = node.children[1]
        token = _only_token(inner)
        if token is not None and token.type in ("NAME", "WORD", "NUMBER"):
            return token.value
        raw = self.text[_start(node) + 1:_end(node) - 1]
        for char, name in UNICODE_GREEK.items():
            raw = raw.replace(char, "\\" + name + " ")
        return "{" + " ".join(raw.split()) + "}"

    def greek_transposed(self, raw: str, node) -> bool:
        r"""Whether a transpose mark on a lower-case Greek name transposes: a mark that is never a power (``\top``,
        ``\intercal``, ``\mathsf{T}``), or a bare ``T`` right before another factor, ``\theta^T x``,
        ``\mu^T \Sigma^{-1} \mu`` (a bare ``T`` elsewhere is a power: ``1 - \beta_1^T``, Adam after T steps).  The mark
        as written counts: ``\mu\mu^\top``, ``\mu \mu^\mathrm{T}`` (read as a bare ``T`` token) transpose anywhere."""
        if _SCRIPT_SPACING.sub("", raw).strip("{}") != "T":
            return True
        if isinstance(node, lark.Token):
            try:
                written = self.text[_start(node):_end(node)]
            except Exception:  # noqa: BLE001 - a token without a position: as read
                written = raw
            if _SCRIPT_SPACING.sub("", written).strip("{}") not in ("T", ""):
                return True
        try:
            after = self.text[_end(node):]
        except Exception:  # noqa: BLE001 - a node without a position: the power, as before
            return False
        return _FACTOR_AFTER.match(after) is not None and not _T_AS_VALUE.search(self.text)

    def capital_inverse_transpose(self, raw: str, root) -> bool:
        r"""Whether a bare ``-T`` on a capital (``A^{-T}``, ``\Sigma^{-T}``) is the inverse transpose: a capital is a
        matrix as ``A^T`` is its transpose, unless the block writes ``T`` as a value (``r_T``, ``t = T``), where
        ``N^{-T}`` is a power."""
        bare = bare_script(raw)
        capital = isinstance(root, str) and (re.fullmatch(r"[A-Z]", root) is not None or root in GREEK_CAPITALS)
        return bare == "-T" and capital and not _T_AS_VALUE.search(re.sub(r"\^\s*\{\s*-\s*T\s*\}", "", self.text))

    def labelled(self, value, raw: str):
        """``v^{corrected}``: a new name ``v^{corrected}`` (for an element ``x_i^{(j)}``, of a new array)."""
        if isinstance(value, sp.Indexed):
            return self.array(f"{value.base.name}^{{{raw}}}")[value.indices]
        return self.symbol(f"{value.name}^{{{raw}}}")

    def superscript(self, value, node, base_name=None, applied=False):
        if isinstance(node, lark.Token) and node.type in ("AST", "ADD", "SUB", "PRIME"):
            if node.type != "PRIME" and not applied and isinstance(value, (sp.Symbol, sp.Indexed)):
                return self.labelled(value, node.value)  # w^*, w^+: another name, not w
            return value  # 0^+, a^\prime: a marker, not a power
        raw = self.raw_script(node)
        root = base_name.split("_")[0] if isinstance(base_name, str) else base_name  # \beta_1^T: Adam's beta_1
        if is_transpose_mark(raw) and not (root in GREEK.values() and root not in GREEK_CAPITALS
                                           and not self.greek_transposed(raw, node)
                                           or isinstance(value, sp.Number)):
            self.used_functions.add("transpose")
            return sp.Function("transpose")(value)
        if (is_inverse_transpose_mark(raw, base_name) or self.capital_inverse_transpose(raw, root)) \
                and not isinstance(value, sp.Number):
            self.used_functions.add("transpose")  # L^{-\top}: the transpose of the inverse, never a power -T
            return sp.Function("transpose")(value ** -1)
        greek = isinstance(node, lark.Token) and node.value in GREEK.values()  # \beta^\tau is \beta^{\tau}
        if not applied and not greek and _is_label(raw) and isinstance(value, (sp.Symbol, sp.Indexed)):
            return self.labelled(value, raw)
        if not applied and isinstance(value, sp.Symbol) and _BOLD_VECTOR.fullmatch(value.name) \
                and _STEP_LABEL.fullmatch(raw):
            return self.labelled(value, "".join(raw.strip("{}").split()))  # \mathbf{h}^{t+1}: the next layer's h
        factorial = _FACTORIAL_POWER.fullmatch(raw)
        if factorial is not None and not applied:  # m^{\overline{n}}: Knuth's rising factorial, not a power
            count = factorial.group(2)
            count = sp.Integer(count) if count.isdigit() else self.name_value(count)
            return (sp.RisingFactorial if factorial.group(1) == "overline" else sp.FallingFactorial)(value, count)
        exponent = self.sarg(node)
        if (base_name == "e" and "e" not in self.names and not self.differentiates_e()) or value == sp.E:
            return sp.exp(exponent)
        return _power(value, exponent, node)



GREEK_CAPITALS = frozenset(g for g in GREEK.values() if g[0].isupper())
r"""Greek capitals, matrices in notes (``\Sigma``, ``\Lambda``, ``\Phi``): ``\Sigma^T`` is a transpose, while a lower
case ``\beta^T`` stays a power (Adam's bias correction raises ``\beta`` to the step ``T``)."""
TRANSPOSE_MARKS = frozenset({"T", r"\top", r"\intercal", r"\mathrm{T}", r"\mathsf{T}", r"\text{T}", r"{\top}",
                             r"\mathsf{\top}", r"\mathrm{\top}"})
r"""Superscripts that transpose: ``A^T``, ``A^\top``, ``A^{\mathrm{T}}``."""
_SCRIPT_SPACING = re.compile(r"\\[,;:! ]|\s+")
_FONT_MARK = re.compile(r"\\(?:mathsf|mathrm|text|textsf|rm|sf)\{?(T|\\top)\}?")
r"""A font command on an unbraced mark, its spaces removed: ``{\mathsf T}`` is read ``\mathsfT``, ``{\rm T}`` ``\rmT``."""
_FACTOR_AFTER = re.compile(r"\s*(?:[A-Za-z]|\\(?!(?:left|right|big|Big|bigg|Bigg|cdot|times|quad|qquad|le|ge|leq|geq|"
                           r"neq|approx|sim|to|in|frac|end|text)\b)[A-Za-z]+)")
r"""What follows a factor (a name, a command that is no operator; not a bracket: ``\beta^T (1 - \beta)`` is a power
times a bracket): the start of the next factor."""
_T_AS_VALUE = re.compile(r"(?<![\\A-Za-z^{])T(?![A-Za-z])|(?<=_)T|(?<=_\{)T|\\(?:sum|prod)_\{[^{}]*\}\^\{?T(?![A-Za-z])")
r"""``T`` written as a value somewhere in the block (``r_T``, ``\sum_{t=1}^{T}``, ``t = T``): then ``\gamma^T r_T`` is a power."""


def bare_script(raw: str) -> str:
    r"""A superscript without its spacing and outer braces: ``{\!\top\!}`` is ``\top``, ``{-T}`` is ``-T``."""
    bare = _SCRIPT_SPACING.sub("", raw)
    while bare.startswith("{") and bare.endswith("}"):
        bare = bare[1:-1]
    return bare


def is_transpose_mark(raw: str) -> bool:
    r"""Whether a superscript transposes, spacing aside: ``A^{\!\top\!}`` (a kerned ``\top``, common in lecture
    notes) and ``A^{\,T}`` are ``A^\top``; a spaced label such as ``A^{T\,1}`` is not a transpose mark."""
    if raw in TRANSPOSE_MARKS:
        return True
    bare = bare_script(raw)
    return bare in TRANSPOSE_MARKS or _FONT_MARK.fullmatch(bare) is not None


def is_inverse_transpose_mark(raw: str, base_name) -> bool:
    r"""Whether a superscript is the inverse transpose: ``L^{-\top}``, ``A^{-\mathsf{T}}``, and ``\mathbf{L}^{-T}`` on a
    bold base (a bare ``-T`` on a plain letter can be a power: ``(1 + r)^{-T}``, ``x^{-T}``)."""
    bare = bare_script(raw)
    if not bare.startswith("-") or not is_transpose_mark(bare[1:]):
        return False
    return bare[1:] != "T" or bool(base_name) and re.match(r"\\(mathbf|boldsymbol|bm)\b", str(base_name)) is not None


MAX_PRIME_ORDER = 4
_EVENT_NAMES = {"=": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge", "in": "in", "notin": "notin", "ni": "ni"}
"""Relations that may state an event inside ``P(...)``: canonical text -> the event function's suffix."""
"""``f^{(k)}(x)`` with k up to this is read as k primes (the k-th derivative)."""


_BOLD_VECTOR = re.compile(r"\\(?:mathbf|boldsymbol|bm|vec)\{[a-z]\}")
r"""A bold lower-case name, a vector: no power of it is defined, so ``\mathbf{h}^{t}`` labels (layer or step t)."""
_STEP_LABEL = re.compile(r"\{?\s*[a-z]\s*(?:[+-]\s*(?:[0-9]|[a-z])\s*)?\}?")
r"""A superscript that is an index letter, perhaps one step off: ``t``, ``{t+1}``, ``{d-1}`` (not a number)."""


_FACTORIAL_POWER = re.compile(r"\\(overline|underline)\{\s*([A-Za-z]|[0-9]+)\s*\}")
r"""A superscript that is a factorial power: ``m^{\overline{n}} = m (m+1) \cdots (m+n-1)`` (rising),
``m^{\underline{n}} = m (m-1) \cdots (m-n+1)`` (falling), Knuth's notation; a bar over a count is never a name."""


_POLICY_LABEL = re.compile(r"\\?[a-z]+(?:_\{?\\?[A-Za-z0-9]+\}?)?")
r"""A Greek letter, perhaps subscripted, as a function's superscript: ``V^\pi``, ``J^{\pi_\theta}``."""
_UNMARKED = re.compile(r"[{}\\]")
"""Braces and backslashes, taken out of such a label so that ``V^\\pi`` and ``V^{\\pi}`` name one function."""


def _is_label(raw: str) -> bool:
    r"""A superscript that names rather than raises: ``x^{(i)}``, ``W^{[l]}``, ``v^{corrected}``,
    ``x^{\text{new}}`` (a parenthesis, a bracket, a word of three letters or more, or text)."""
    if re.fullmatch(r"\(.+\)|\[.+\]", raw):
        return True
    if re.fullmatch(r"\\(?:text|mathrm|textrm|operatorname|mathit)\{[A-Za-z][A-Za-z ]+\}", raw):
        return True
    return re.fullmatch(r"[A-Za-z]{3,}", raw) is not None
