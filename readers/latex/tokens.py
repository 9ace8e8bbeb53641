r"""The tokenizer: LaTeX text to lark tokens, hand-written.

It knows LaTeX commands, Unicode symbols typed directly (``∑``, ``μ``, ``≤``),
and which bare ``|`` opens or closes $|x|$ and which separates $P(A \mid B)$.
Unknown commands (``\input``, ``\def``) are errors, never expanded.
"""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
import re

import lark

from readers.latex.nodes import LatexParseError
from readers.latex.relation_arrays import relation_array_end
from readers.latex.tables import (
    _ABBREVIATION,
    _COMMAND,
    _NUMBER,
    _SPACE,
    _WORD,
    ACCENTS,
    ALIGNED,
    ASCII_TOKENS,
    BIG_SET_OPERATORS,
    DIGITS,
    ENVIRONMENTS,
    FUNCTIONS,
    GREEK,
    MAX_DEPTH,
    MAX_LENGTH,
    MAX_NUMBER_DIGITS,
    MAX_TOKENS,
    MAXMIN,
    MOMENT_SPELLINGS,
    OPENERS,
    OPERAND_END,
    OPERATOR_WORDS,
    PROSE_WORDS,
    RELATIONS,
    SIMPLE_COMMANDS,
    SKIPPED,
    SKIPPED_WITH_ARG,
    STYLES,
    TEXTS,
    UNICODE_GREEK,
    UNICODE_TOKENS,
)


_SIGN_SCRIPT = re.compile(r"\s*\{\s*(\+\+|\+|-|\*|\\star(?![A-Za-z])|\\ast(?![A-Za-z]))\s*\}")
_RELATION_AHEAD = re.compile(r"\s*&?\s*(?:=|<|>|\\(?:le|ge|leq|geq|approx|neq|ne)(?![A-Za-z]))")
r"""A relation next (``\phantom{X} = Y``: a row whose left side is written invisibly, to align it under ``X``)."""
_STAR = r"(?:\*|\\star(?![A-Za-z])|\\ast(?![A-Za-z]))"
_STARRED_LABEL = re.compile(r"\s*\{\s*((?:(?:" + _STAR + r"|[0-9]+|[A-Za-z])\s*){2,})\}")
r"""A subscript of stars and numbers or letters, at least one star: ``x_{*1}``, ``x_{*m}`` (test points in
Gaussian-process texts), ``\mathbf K_{\star u}``, ``\mathbf K_{u\star}``, ``\mathbf K_{\star\star}`` (kernel blocks between
test and inducing points); one label, each star written ``*``."""
_HYPERGEOMETRIC = re.compile(r"\{\s*\}\s*_\s*\{?\s*(\d)\s*\}?\s*F\s*_\s*\{?\s*(\d)\s*\}?(?=\s*\()")
r"""``{}_pF_q(...)``: the generalized hypergeometric function, its ``p`` written as a subscript before ``F``."""
_KERN_AMOUNT = re.compile(r"\s*\{?\s*[-+]?\s*(?:\d+(?:\.\d*)?|\.\d+)\s*(?:em|ex|mu|pt|bp|dd|cc|pc|mm|cm|in|sp|px)"
                          r"(?:\s*(?:plus|minus)\s*[-+]?\s*(?:\d+(?:\.\d*)?|\.\d+)\s*(?:em|ex|mu|pt|fil{1,3}))*\s*\}?")
r"""The amount after ``\kern``, ``\mkern``, ``\hskip``, ``\mskip`` (``\mkern-2em``, ``\kern 0.3em``, ``\mskip 3mu plus 1mu``):
spacing set by hand, which typesets nothing (SciPy's tutorial lays out a diagonal matrix's entries with ``\mkern-2em``)."""
_EMPTY_GROUP = re.compile(r"\{\s*\}(?!\s*[_^])")
r"""``\frac{{}\left| y - \hat y \right|}{|y|}``, ``a{}b``: an empty group, which typesets nothing (one before a script,
``{}_1F_1`` or ``{}^nC_k``, carries a prescript and is left to the readers of those)."""
_PLACEHOLDER = re.compile(r"\(\s*\\cdot(?![A-Za-z])\s*(?:,\s*\\cdot(?![A-Za-z])\s*)*\)")
r"""``(\cdot)`` after a name: the placeholder of an argument (``h(\cdot)``, ``D^*_G(\cdot)``, ``k(\cdot, \cdot)``), so
the function itself is meant, not a product with a dot."""
_OPERATOR_AFTER = re.compile(r"\s*\\(?:cdot|circ|times|odot|otimes)(?![A-Za-z])")
r"""A binary operator after ``\ldots,``: the comma is a slip (``f_d \circ \ldots, \circ f_1``), not a list."""
_BARE_MEAN = re.compile(r"(?:\s|\\[,;:! ])+[A-Z](?![A-Za-z_^'(\[{])")
r"""An expectation applied without brackets to one capital, a random variable (``\mathbb{E} X``, ``(X - \E X)^2`` with
``\E`` a macro for it): the operator applied, as ``\operatorname{rank} A`` is."""
_STYLED_LETTER = r"\\(?:mathbf|boldsymbol|bm|mathcal|mathbb|mathsf)\s*\{\s*([A-Za-z])\s*\}"
_CONDITIONAL_SCRIPT = re.compile(r"\s*\{\s*(?:([A-Z])|" + _STYLED_LETTER + r")\s*(?:\\mid|\|)\s*(?:([A-Z])|"
                                 + _STYLED_LETTER + r")\s*\}")
r"""A subscript naming a conditional law, ``p_{Y \mid X}``, ``f_{X|Y}``, ``\mathcal{P}_{\mathbf{x} \mid \mathbf{z}}``:
one label (the density's or the family's name), not a bar.  Capitals or styled letters only: ``p_{j|i}`` may be
an entry indexed by ``i`` and ``j``."""
_SCRIPTED_NAME = r"[A-Za-z]_(?:\{[^{}|]*\}|[A-Za-z0-9])"
_SCRIPTED_CONDITIONAL = re.compile(r"\s*\{\s*(" + _SCRIPTED_NAME + r")\s*(?:\\mid|\|)\s*(" + _SCRIPTED_NAME + r")\s*\}")
r"""``E_{w_{t+1}|w_t}``: a conditional law of names that carry their own subscripts, one label as well (a bare
``p_{j|i}`` stays an index pair)."""
_LISTED_CONDITIONAL = re.compile(r"\s*\{\s*((?:[^{}|$]|\{[^{}|]*\})+?)\s*(?:\\mid(?![A-Za-z])|\|)\s*((?:[^{}|$]|\{[^{}|]*\})+?)\s*\}")
r"""``E_{Z|X,\theta^0}``, ``f_{x \mid Z_{k}}``: a subscript that names a law given several variables, or a variable
given one with its own subscript; one label as well.  Two bare lower-case letters (``p_{j|i}``) stay an index pair."""
_STATEMENT_ARROWS = frozenset({"rightarrow", "longrightarrow", "to"})
r"""Arrows that, opening a statement after a separator (``\qquad``, ``\hspace``, a new row), say "so": the
statement after them is read on its own row (not as a side condition), never as the end of a limit.  (``\implies``
and ``\Rightarrow`` keep their reading as prose between a condition and what it gives.)"""
def _equation_ahead(text: str, pos: int) -> bool:
    r"""Whether the statement after an arrow at ``pos`` (to the end of its row: ``\\``, ``&`` or the end of the
    text) holds an ``=`` outside brackets.  Between two equations, ``f(x) = x^a \rightarrow f'(x) = a x^{a-1}``, the
    arrow says "gives", as ``\Rightarrow`` does: the left equation is the premise, the right one the claim; an arrow
    before a value (``a_n = 1/n \to 0``) stays a limit's."""
    depth, k = 0, pos
    while k < len(text):
        if text.startswith("\\\\", k) or text[k] == "&" and depth == 0:
            return False
        char = text[k]
        if char == "\\":
            k += 2
            continue
        if char in "{([":
            depth += 1
        elif char in "})]":
            depth -= 1
        elif char == "=" and depth == 0:
            return True
        k += 1
    return False



_BINARY = frozenset({"ADD", "SUB", "AST", "MUL", "DIV"})
r"""Tokens after which an operand must follow: a row break there wraps the expression onto the next row."""
_GROUPING = frozenset({"LPAR", "LBRACK"})
r"""Brackets a row cannot end inside: a row break there wraps the bracket's content onto the next row (a matrix or
cases environment inside the bracket is innermost then, and keeps its rows)."""
_TWO_DOTS = re.compile(r"\.\.(?=\s*(?:&|\\\\|\\end\b|[}),]|$))")
r"""Two dots alone between entries or items (``.. &``): an ellipsis, as three are."""
_SENTENCE_END = re.compile(r"\s*(\\\\|\\end\b|&|\\q?quad\b|\\qedhere\b|\\(?:label|nonumber|notag|tag)\b|$|[=<>]"
                           r"|\\(le|ge|leq|geq|ne|neq|approx)\b)")
r"""What may follow a sentence's period inside a block: a row break ``\\``, ``\end``, an alignment ``&``, a
``\quad`` before a condition, amsthm's ``\qedhere``, an equation's ``\label`` or ``\nonumber``, the end of the text,
or a relation (``p_{ij}. = E[XY]``: a stray period)."""
_ENDS_ONLY = re.compile(r"\\end\s*\{\w+\*?\}")
r"""Environment endings after a period that closes the last group of a block (``(1 - \theta)^{N - y.}`` then
``\end{array}``): the period ends the block's sentence, as before a final ``$``."""
_SIZED = frozenset(["big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl", "Biggr"])
_BRACED_DELIMITER = re.compile(r"\s*\{\s*(?=(\\[{}|]|\\[lr]?[vV]ert(?![A-Za-z])|\\l?angle(?![A-Za-z])"
                               r"|\\r?angle(?![A-Za-z])|\\[lr]brace(?![A-Za-z])|[()\[\]|.])\s*\})")
r"""``\big{(}``, ``\Big{\{}``: a sized delimiter written with braces around it (the braces are not a group)."""
_PRIME_SCRIPT = re.compile(r"\^\s*\{\s*(?:\\[,:;!]\s*)*((?:(?:\\prime(?![A-Za-z])|')\s*)+)\}")
r"""``\mu_n^{\prime}``, ``f^{\prime\prime}``: primes written as a superscript group, after a space
(``\gamma^{\:\prime}``, Lebl's kerning of a prime away from the gamma)."""
_BRACES = {"overbrace": "^", "underbrace": "_"}
r"""``\overbrace{A \cdots A}^{\text{$n$ times}}``: the annotation (the script after the brace) is not part of
the value; ``\underbrace{...}_{...}`` likewise."""
_NESTED_STYLE = re.compile(r"\s*\{\s*(\{)?\s*\\([A-Za-z]+)\s*(?:\{\s*(\\[A-Za-z]+|[A-Za-z0-9]+)\s*\}"
                           r"|(\\[A-Za-z]+|[A-Za-z0-9])(?![A-Za-z0-9]))\s*(?(1)\})\s*\}")
r"""An accent or style over a styled letter: ``\hat{\mathbf{x}}``, ``\widetilde{\mathbf d}`` (TeX's argument of one
letter), ``\overline{{\mathbf d}}`` (a macro's body in braces of its own, ``\dvec = {\mathbf d}``)."""
_LONE_STYLED = re.compile(r"\{\s*\\(%s)(?![A-Za-z])\s*(?:\{\s*(?:\\[A-Za-z]+|[A-Za-z0-9])\s*\}"
                          r"|\\[A-Za-z]+|[A-Za-z0-9](?![A-Za-z0-9]))\s*\}(?=\s*[_^])" % "|".join(sorted(STYLES)))
r"""A brace group holding one styled letter, ``{\mathbf u}`` (a book's macro ``\uvec = {\mathbf u}``): the letter
itself, so that a script after the group is the letter's (``{\mathbf u}_1`` is ``\mathbf{u}_1``), as TeX sets it."""
_GROUP_ARGUMENT_AFTER = frozenset({"FRAC", "BINOM", "SQRT", "POW", "USCORE", "RBRACE"})
"""Tokens after which a brace group is a command's argument (``\\frac{a}{b}``, ``x^{...}``), kept as a group."""
_BARE_OLD_STYLE = re.compile(r"\s*([A-Za-z]|[A-Za-z][A-Za-z0-9]*(?<=[A-Za-z0-9]))\s*(?=\}|$)")
r"""What follows a bare old-style switch when it styles one name up to the end of its group: ``$\bf z$``."""
_DEGREES = re.compile(r"\^\s*(?:\\circ(?![A-Za-z])|\{\s*\\circ\s*\})")
r"""A number's script ``^\circ`` (``45^\circ``, ``90^{\circ}``): the number is an angle in degrees."""
_REPEATING = re.compile(r"\\(?:bar|overline)\s*\{\s*([0-9]+)\s*\}")
r"""The repeating digits of a decimal, ``0.5\bar{3}`` or ``0.\overline{3}``."""
_OLD_STYLES = {"rm": "mathrm", "bf": "mathbf", "it": "mathit", "cal": "mathcal", "sf": "mathsf"}
r"""``{\rm x}``, ``{\bf x}``: old-style font switches inside a group."""
_BOLD_EXPECTATIONS = frozenset({r"\mathbf{E}", r"\mathsf{E}", r"\boldsymbol{E}", r"\bm{E}"})
r"""``\mathbf{E}[X]``: an E styled bold or sans-serif before a bracket is the expectation (d2l writes it so), not a
matrix times a bracket; elsewhere (``\mathbf{E} \mathbf{x}``) it stays a name."""
_INFIX_FRACTIONS = {"choose": "BINOM", "over": "FRAC"}
r"""Plain-TeX infix commands inside braces: ``{n \choose k}`` = ``\binom{n}{k}``, ``{a \over b}`` = ``\frac{a}{b}``."""
_BINARY = frozenset(["ADD", "SUB", "PM", "MP", "MUL"])
_GROUPED_NUMBER = re.compile(r"(?<![0-9.,])[1-9][0-9]{0,2}(?:(?:,|\{,\})[0-9]{3})+(?![0-9]|,[0-9]|\{,\})(?:\.[0-9]+)?")
r"""``156,400``, ``38,372``, ``1{,}050{,}624`` (TeX's braced comma, which adds no space): a number with thousands
separators (at the top of a row only; never inside parentheses, where ``f(1,416)`` has two arguments)."""
_BRACED_OPERATOR = re.compile(r"\{\s*(?:\\displaystyle\s*)?(?:\\(?:sum|prod|max|min)(?![A-Za-z])|\\mathop\s*\{\s*\\(?:text|mathrm|operatorname)"
                              r"\s*\{\s*arg\s*(?:max|min)\s*\}\s*\})(?:\\limits)?\s*"
                              r"(?:[_^]\s*(?:\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9])\s*){0,2}\}")
r"""``{\displaystyle \sum\limits_{i=1}^{m}}``, ``{\min_\alpha}``, ``{\mathop{\text{argmax}}\limits_{Y}}`` (KaTeX's
operator with limits): a sum, max or min sign or an arg max braced alone (its body follows the braces)."""
_SPACED_DOTS = re.compile(r"\.(?:[ \t]+\.){2}")
r"""``A_1, . . . , A_k``: an ellipsis typed as three spaced periods."""
_WIDE_TIES = re.compile(r"~\s*~")
r"""Two or more ties in a row (``p_0 = f(x_i) ~~~~~ p_1 = \dots``): a wide space, which separates statements as
``\quad`` does (one tie, ``N~-~\delta N``, is only a space)."""
_INCREMENT = re.compile(r"(?:\s|\\[,;:! ])*(?:([A-Za-z])|\\(" + "|".join(
    g for g in GREEK if g.islower() and g != "ell") + r"))(?![A-Za-z])")
r"""What follows ``\Delta`` or ``\delta`` when it names an increment: one Latin or lower-case Greek letter, ``\Delta x``,
``\delta A``, ``\Delta \theta``."""
_MAXMIN_LABEL = re.compile(r"[_^]\s*(?:\{\s*\\?(max|min)\s*\}|\\(max|min)(?![A-Za-z])"
                           r"|\{\s*\\(?:text|textrm|mathrm|rm)\s*\{\s*(max|min)\s*\}\s*\}"
                           r"|\{\s*\\rm\s+(max|min)\s*\}|\\(?:text|textrm|mathrm)\s*\{\s*(max|min)\s*\})")
r"""``\lambda_{\min}``, ``\sigma_\max``, ``T_{max}``, ``v_t^{max}``, ``\theta_{\rm{max}}``, ``\theta_{\rm max}``,
``\sigma_\text{min}``: the script names which one (a label), it applies no operator."""
_PROSE_OPENING = re.compile(r"\(\s*(?:where|i\.\s*e\.|e\.\s*g\.|for|if|when|with|assuming|provided)(?![A-Za-z])")
r"""``(where 0 \le p \le 1)``, ``(i.e., A \cap B = \emptyset)``: a parenthesis that opens with a prose word holds a
remark or a condition in words, not a value."""
_RANGE_OPENING = re.compile(r"\(\s*[A-Za-z]\s*(?:=(?!=)|\\in(?![A-Za-z]))")
r"""``\quad (j = 1, \dots, n)``, ``, (k \in K)``: after a separator, a parenthesis that opens with an index and ``=``
or ``\in`` gives the range the row holds over, a condition as ``\quad j = 1, \dots, n`` is, not a value."""
_SET_CONTENT = re.compile(r"[,:]|\\in(?![A-Za-z])|∈|\\mid(?![A-Za-z])")


def tokenize(text: str) -> list[lark.Token]:
    """The tokens of ``text`` (lark tokens with block-relative positions)."""
    return _Tokenizer(text).run()


_BIG_OPERATORS = r"\\(?:sum|prod|coprod|bigcup|bigcap|int|oint)(?![A-Za-z])"
_UNDER_OPERATOR = re.compile(
    r"\s*(?:\\arg\s*\\(?:max|min)|\\(?:max|min|sup|inf|lim|limsup|liminf)(?![A-Za-z])|" + _BIG_OPERATORS
    + r"|\\(?:operatorname\*?|mathrm|text|mathop)\s*\{\s*(?:arg\s*(?:\\[,;:! ]\s*)*(?:max|min)|[A-Za-z]{2,}|E)\s*\}"
    r"|\\(?:mathbb|mathbf|mathcal|mathrm)\s*(?:\{\s*[EPV]\s*\}|[EPV](?![A-Za-z]))"
    r"|E|Var|Cov|var|cov|Corr|KL|argmax|argmin|max|min|sup|inf)\s*")
r"""A base ``\underset`` puts its annotation under as a subscript: ``\arg\max``, ``\max``, ``\lim``, ``\sum``,
``\mathbb{E}``, ``\operatorname{Var}``, ``Var`` (an operator's name), never a symbol (``\underset{m\times n}{A}``
annotates a shape)."""
_LABELLED_ARROWS = {"xrightarrow": "rightarrow", "xlongrightarrow": "longrightarrow"}
r"""Arrows written with a label over them (amsmath's ``\xrightarrow[below]{above}``, a transition ``S_t
\xrightarrow{A_t} S_{t+1}``): the arrow relation of the same name without the ``x`` (:data:`RELATIONS`).  A labelled
left arrow is left out: ``\leftarrow`` is read as an assignment."""
_OVER_OPERATOR = re.compile(r"\s*(?:" + _BIG_OPERATORS + r"|\\underset\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\s*\{\s*"
                            + _BIG_OPERATORS + r"\s*\})\s*")
r"""A base ``\overset`` puts its annotation over as a superscript: a big operator (``\overset{n}{\sum}``), bare or
already given its lower limit (``\overset{n}{\underset{i=1}{\sum}}``)."""


_CONDITIONAL_LAW = re.compile(r"([A-Z])(?![A-Za-z])\s*&?\s*\\sim\b")
r"""The given variable and the ``\sim`` after ``X|``: ``X|Y \sim \mathcal{N}(\mu', \Sigma')`` states the conditional law
of X given Y (a bar between two capitals before ``\sim`` opens no absolute value)."""

_GIVEN_LAW = re.compile(r"((?:[^|&$\\{}]|\\[A-Za-z]+|\\[,;: ]|\{[^{}|]*\})+?)\s*&?\s*\\sim\b")
r"""What follows the bar of a conditional law up to its ``\sim``: ``X_i | Z_i = k \sim N(\mu_k, \sigma_k^2)``,
``\mu | X \sim N(\mu_1, 1/\tau_1)``, ``X_j | \mu, V \sim N(\mu, V + s_j^2)`` (no other bar, no row break between)."""

_LAW_SUBJECT = re.compile(r"\s*(?:\\[A-Za-z]+|[A-Za-z])(?:\s*_\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]))?\s*")
"""The variable a conditional law is of: one letter or Greek name, with a subscript or none."""

_LAW_BREAKS = ("REL", "AMP", "COMMA", "SEMI", "COLON", "ROWSEP", "PROSE", "BEGIN")
"""Tokens before which a conditional law's variable cannot reach back."""

_QUALIFIED_NAME = re.compile(r"\s*(?P<name>(?:\\[A-Za-z]+|[A-Za-z])(?:\s*_\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]))?)"
                             r"(?:\s|~|\\[,;:! ])*(?::=|=(?!=))")
r"""A symbol after a phrase that opens a formula and before its ``=``: ``\text{Tikhonov Regularized } \lambda_i = ...``
names the regularised eigenvalue in words, one name (the phrase times the symbol would be read otherwise)."""


class _Tokenizer:
    def __init__(self, text: str):
        if len(text) > MAX_LENGTH:
            raise LatexParseError(f"formula longer than {MAX_LENGTH} characters", 1, 1)
        self.text, self.pos, self.tokens, self.stack = text, 0, [], []
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.intervals = set()  # stack depths of an interval's opener, after \in
        self.skips: dict[int, int] = {}  # text to pass over: start -> end (an \overbrace's annotation)
        self.closing_braces: set[int] = set()  # the "}" of a braced sized delimiter (\big{(})
        self.objective_ends: list[int] = []  # where an arg min's signed objective (or a script's \frac) ends: its
        # closing parenthesis (brace) is emitted there
        self.single = 0  # how many following arguments are one character (after _ ^ \frac \sqrt)
        self.set_closers: set[int] = set()  # the "}" of a set whose "\{" Markdown stripped to "{"
        self.relation_arrays: set[int] = set()  # where the \end{array} of an array read as eqnarray starts
        self.stacked_rows: list[tuple[int, int]] = []  # \substack{...}, subarray: a \\ there is a comma

    def where(self, pos: int) -> tuple[int, int]:
        line = max(k for k, start in enumerate(self.line_starts) if start <= pos) if pos else 0
        return line + 1, pos - self.line_starts[line] + 1

    def percent(self, start: int):
        r"""``95\%`` is the number 0.95: the last number token's decimal point moved two places (exact, as written)."""
        last = self.tokens.pop()
        value = format(Decimal(last.value) / 100, "f")
        self.tokens.append(lark.Token("NUMBER", value, last.start_pos, last.line, last.column, *self.where(self.pos),
                                      self.pos))
        return None

    def error(self, message: str, pos: int):
        return LatexParseError(message, *self.where(pos))

    def emit(self, kind: str, value: str, start: int, end: int):
        if len(self.tokens) >= MAX_TOKENS:
            raise self.error(f"more than {MAX_TOKENS} tokens", start)
        if kind in ("LPAR", "LBRACK") and self.tokens and self.tokens[-1].type == "REL" \
                and self.tokens[-1].value in ("in", "notin"):
            self.intervals.add(len(self.stack) + 1)  # x \in (a, b]: an interval may close with the other kind
        elif kind in ("RPAR", "RBRACK") and len(self.stack) in self.intervals:
            self.intervals.discard(len(self.stack))
            kind = {"LPAR": "RPAR", "LBRACK": "RBRACK"}.get(self.stack[-1], kind)
        line, column = self.where(start)
        end_line, end_column = self.where(end)
        self.tokens.append(lark.Token(kind, value, start, line, column, end_line, end_column, end))
        self.track(kind, start)

    def track(self, kind: str, start: int):
        if kind in OPENERS:
            self.stack.append(kind)
            if len(self.stack) > MAX_DEPTH:
                raise self.error(f"nesting deeper than {MAX_DEPTH}", start)
        elif kind in ("RPAR", "RBRACK", "RBRACE", "RVERT", "RNORM", "RDOT", "RSET", "RANGLE", "END"):
            if not self.stack:
                raise self.error(f"unbalanced {self.tokens[-1].value!r}", start)
            want = OPENERS[self.stack[-1]]
            if kind != want and kind not in (want if isinstance(want, tuple) else ()):
                raise self.error(f"{self.tokens[-1].value!r} closes {self.stack[-1].lower()}", start)
            self.stack.pop()

    def at_top(self) -> bool:
        """Outside every bracket (an environment's rows are at the top)."""
        return all(kind in ("BEGIN", "LCASES") for kind in self.stack)

    def statement_is_equation(self, skip: int) -> bool:
        """Whether the statement before the last ``skip`` tokens (back to a row or statement separator) is an
        equation (``f = x y``): a premise such as ``x > 2`` before an arrow stays a condition, never a claim."""
        rels, tokens = [], self.tokens[:len(self.tokens) - skip]
        while tokens and tokens[-1].type in ("ROWSEP", "COMMA"):  # \\\\ in Kramdown is two row breaks
            tokens = tokens[:-1]
        for token in reversed(tokens):
            if token.type in ("ROWSEP", "COMMA", "BEGIN"):
                break
            if token.type == "REL":
                rels.append(token.value)
        return bool(rels) and all(r == "=" for r in rels)

    def operand_expected(self) -> bool:
        """Whether the next token stands where an operand must (first, after a relation or a binary operator)."""
        return not self.tokens or self.tokens[-1].type in ("REL", "ADD", "SUB", "MUL", "AST", "DIV", "ROWSEP")

    def previous_is_operand(self) -> bool:
        r"""Whether the last token ends an operand; a script that is one sign ends one too: ``\|w - w^*\|``,
        ``p(y_* \mid x)``, ``\mathbb{R}^{+}``."""
        if len(self.tokens) > 1 and self.tokens[-1].type in ("AST", "ADD", "SUB") \
                and self.tokens[-2].type in ("POW", "USCORE"):
            return True
        return bool(self.tokens) and self.tokens[-1].type in OPERAND_END

    def run(self) -> list[lark.Token]:
        text = self.text
        while True:
            self.pos = self.skips.pop(self.pos, self.pos)
            space = _SPACE.match(text, self.pos)
            if space:
                if _WIDE_TIES.search(space.group(0)) and self.previous_is_operand() and self.at_top() \
                        and re.match(r"\s*(?:[A-Za-z0-9({\[|]|\\(?![\\]|end\b|q?quad\b))", text[space.end():]):
                    self.emit("COMMA", ",", space.start(), space.end())  # a = 1 ~~~~ b = 2: as \quad
                self.pos = space.end()
            self.pos = self.skips.pop(self.pos, self.pos)
            if self.pos >= len(text):
                break
            if self.objective_ends and self.pos >= self.objective_ends[-1]:
                self.emit("RBRACE" if self.stack and self.stack[-1] == "LBRACE" else "RPAR", ")", self.pos, self.pos)
                self.objective_ends.pop()
                continue
            if self.pos in self.closing_braces:
                self.pos += 1
                continue
            self.step()
        while self.objective_ends:
            self.emit("RBRACE" if self.stack and self.stack[-1] == "LBRACE" else "RPAR", ")", len(text), len(text))
            self.objective_ends.pop()
        if self.stack:
            raise self.error(f"unclosed {self.stack[-1].lower()}", len(text))
        return _join_broken_rows(self.tokens)

    def step(self):
        text, start = self.text, self.pos
        char = text[start]
        if self.single:
            self.single -= 1
            if char.isalnum() and char.isascii():
                self.pos += 1
                return self.emit("NUMBER" if char in DIGITS else "NAME", char, start, self.pos)
        if char in "+-" and self.awaits_arg_optimum():
            return self.signed_objective(start)
        if text.startswith("\\_", start):  # x\_i: Markdown's escaped underscore (Kramdown, Jekyll) is a subscript
            self.pos = start + 2
            self.single = 1
            return self.emit("USCORE", "_", start, self.pos)
        degrees = _DEGREES.match(text, start) if char == "^" and self.tokens and self.tokens[-1].type == "NUMBER" \
            else None
        if degrees:  # 45^\circ: the angle in radians, (45 \cdot \frac{\pi}{180}), as the trigonometric functions take it
            number = self.tokens.pop()
            self.pos = degrees.end()
            self.emit("LPAR", "(", number.start_pos, number.start_pos)
            self.tokens.append(number)
            for kind, value in (("MUL", "cdot"), ("FRAC", "frac"), ("LBRACE", "{"), ("NAME", "pi"), ("RBRACE", "}"),
                                ("LBRACE", "{"), ("NUMBER", "180"), ("RBRACE", "}")):
                self.emit(kind, value, start, self.pos)
            return self.emit("RPAR", ")", self.pos, self.pos)
        if char == "{" and not (self.tokens and self.tokens[-1].type in _GROUP_ARGUMENT_AFTER):
            lone = _LONE_STYLED.match(text, start)
            if lone:  # {\mathbf u}_1: the group's braces only hold the letter, which takes the script
                self.pos = _SPACE.match(text, start + 1).end() if _SPACE.match(text, start + 1) else start + 1
                self.closing_braces.add(text.rindex("}", start, lone.end()))
                count = len(self.tokens)
                self.command()
                if len(self.tokens) == count + 1:  # the name spans the braces, as the formula's text shows it
                    token = self.tokens[-1]
                    line, column = self.where(start)
                    self.tokens[-1] = lark.Token(token.type, token.value, start, line, column, token.end_line,
                                                 token.end_column, token.end_pos)
                return None
        if char == "\\":
            return self.command()
        grouped = _GROUPED_NUMBER.match(text, start) if char in DIGITS and self.at_top() else None
        if grouped:  # 156,400 and 1,416 at the top of a row or a matrix entry: thousands separators
            self.pos = grouped.end()
            return self.emit("NUMBER", grouped.group().replace("{,}", "").replace(",", ""), start, self.pos)
        if char in DIGITS or (char == "." and text[start + 1:start + 2] in DIGITS and text[start + 1:start + 2]):
            match = _NUMBER.match(text, start)
            if len(match.group()) > MAX_NUMBER_DIGITS:
                raise self.error(f"number longer than {MAX_NUMBER_DIGITS} digits", start)
            number, end = match.group(), match.end()
            if "." not in number and text.startswith(".", end) and _REPEATING.match(text, end + 1):
                number, end = number + ".", end + 1  # 0.\overline{3}: the point, then the repeating digits
            repeating = _REPEATING.match(text, end) if "." in number else None
            if repeating and len(repeating.group(1)) <= MAX_NUMBER_DIGITS:
                return self.repeating_decimal(number, repeating, start)
            self.pos = match.end()
            return self.emit("NUMBER", match.group(), start, self.pos)
        if char.isascii() and char.isalpha():
            abbreviation = _ABBREVIATION.match(text, start)
            if abbreviation:
                self.pos = abbreviation.end()
                return self.emit("PROSE", re.sub(r"\s", "", abbreviation.group()), start, self.pos)
            match = _WORD.match(text, start)
            self.pos = match.end()
            return self.word(match.group(), start)
        if char in UNICODE_GREEK:
            self.pos += 1
            return self.emit("NAME", UNICODE_GREEK[char], start, self.pos)
        if char in RELATIONS and char not in "=<>:":
            self.pos += 1
            return self.emit("REL", RELATIONS[char], start, self.pos)
        if char in BIG_SET_OPERATORS and re.match(r"\s*[_^]", text[start + 1:]):
            self.pos += 1  # ∪_i A_i: a union over an index
            return self.emit("SUMOP", BIG_SET_OPERATORS[char], start, self.pos)
        if char in UNICODE_TOKENS:
            kind, value = UNICODE_TOKENS[char]
            self.pos += 1
            return self.emit(kind, value, start, self.pos)
        two = text[start:start + 2]
        if two in (">>", "<<") and not re.match(r"[=<>]", text[start + 2:start + 3]):  # \tau >> \tau_0: much greater (\gg)
            self.pos += 2
            return self.emit("REL", "gg" if two == ">>" else "ll", start, self.pos)
        if two in (":=", "<=", ">=", "=="):
            self.pos += 2
            return self.emit("REL", RELATIONS[two], start, self.pos)
        if char in "=<>":
            self.pos += 1
            return self.emit("REL", char, start, self.pos)
        if char == "|":
            law = _CONDITIONAL_LAW.match(text, start + 1)
            last = self.tokens[-1] if self.tokens else None
            if law and last is not None and last.type == "NAME" and re.fullmatch(r"[A-Z]", last.value) \
                    and last.end_pos == start and not (self.stack and self.stack[-1] in ("LPAR", "LVERT")):
                # X|Y \sim N(...): the law of X given Y, not an absolute value opened
                first = self.tokens.pop()
                self.pos = law.end(1)
                return self.emit("NAME", f"{first.value}given{law.group(1)}", first.start_pos, self.pos)
            given = _GIVEN_LAW.match(text, start + 1) if self.at_top() and self.previous_is_operand() else None
            if given:  # X_i | Z_i = k \sim N(...), \mu | X \sim N(...): the law of a variable given others, one name
                first = len(self.tokens)
                while first > 0 and self.tokens[first - 1].type not in _LAW_BREAKS:
                    first -= 1
                if first < len(self.tokens) and _LAW_SUBJECT.fullmatch(text, self.tokens[first].start_pos, start):
                    subject = text[self.tokens[first].start_pos:start]
                    del self.tokens[first:]
                    self.pos = given.end(1)
                    value = re.sub(r"[^A-Za-z0-9]", "", subject) + "given" + re.sub(r"[^A-Za-z0-9]", "", given.group(1))
                    return self.emit("NAME", value, start - len(subject), self.pos)
            double = re.match(r"\|\s*\|", text[start:])
            if double and self.stack and self.stack[-1] == "LVERT" and self.previous_is_operand():
                double = None  # |\mathbf B||\sigma^2 \mathbf I|: the first bar closes |B|, the second opens the next
            self.pos += double.end() if double else 1
            return self.bar("norm" if double else "vert", start)
        if char == "?" and not text[start + 1:].strip(" \t\n$.,;"):
            self.pos = len(text)  # a question: "what is A = ... ?" (the row asserts nothing)
            return self.emit("PROSE", "?", start, start + 1)
        primes = _PRIME_SCRIPT.match(text, start) if char == "^" else None
        if primes:
            self.pos = primes.end()
            for _ in re.findall(r"\\prime|'", primes.group(1)):
                self.emit("PRIME", "'", start, self.pos)
            return None
        sign = _SIGN_SCRIPT.match(text, start + 1) if char in "_^" else None
        if sign:  # \mathbb{R}_{+}, x^{*}: a script that is one sign
            self.emit("USCORE" if char == "_" else "POW", char, start, start + 1)
            self.pos = sign.end()
            kind = {"+": "ADD", "-": "SUB", "*": "AST", "\\": "AST"}[sign.group(1)[0]]
            value = {"\\star": "star", "\\ast": "*"}.get(sign.group(1), sign.group(1))  # x^{\star} as x^\star
            return self.emit(kind, value, sign.start(1), sign.end(1))
        fraction = re.compile(r"\s*\\[dt]?frac\s*\{").match(text, start + 1) if char == "^" else None
        if fraction:  # e^\frac{-x^2}{2}: TeX's script of one command, the fraction with its two groups
            _, end = self.group(fraction.end() - 1, "\\frac")
            second = re.compile(r"\s*\{").match(text, end)
            if second:
                _, end = self.group(second.end() - 1, "\\frac")
                self.emit("POW", char, start, start + 1)
                self.pos = start + 1
                self.objective_ends.append(end)
                return self.emit("LBRACE", "{", start + 1, start + 1)
        starred = _STARRED_LABEL.match(text, start + 1) if char == "_" else None
        if starred and re.search(_STAR, starred.group(1)):  # x_{*1}, K_{\star u}: one label of test points
            self.emit("USCORE", char, start, start + 1)
            self.pos = starred.end()
            label = re.sub(_STAR, "*", starred.group(1)).replace(" ", "").strip()
            return self.emit("NAME", label, starred.start(1), starred.end(1))
        if char == "," and self.tokens and self.tokens[-1].type == "DOTS" and _OPERATOR_AFTER.match(text, start + 1):
            self.pos = start + 1  # M_d \cdot \ldots, \cdot M_t: a stray comma after an ellipsis between operators
            return None
        conditional = _CONDITIONAL_SCRIPT.match(text, start + 1) if char == "_" else None
        if conditional:  # p_{Y \mid X}(y \mid x): the label Y|X names the conditional density
            self.emit("USCORE", char, start, start + 1)
            self.pos = conditional.end()
            given, of = conditional.group(1) or conditional.group(2), conditional.group(3) or conditional.group(4)
            return self.emit("NAME", f"{given}given{of}", conditional.start(1) if conditional.group(1) else
                             conditional.start(2), conditional.end(4 if conditional.group(4) else 3))
        scripted = _SCRIPTED_CONDITIONAL.match(text, start + 1) if char == "_" else None
        if scripted:  # E_{w_{t+1}|w_t}[...]: the label names the conditional law
            self.emit("USCORE", char, start, start + 1)
            self.pos = scripted.end()
            return self.emit("NAME", f"{scripted.group(1)}given{scripted.group(2)}", scripted.start(1), scripted.end(2))
        listed = _LISTED_CONDITIONAL.match(text, start + 1) if char == "_" else None
        if listed and not all(re.fullmatch(r"[a-z]", side.strip()) for side in listed.groups()) \
                and self.tokens and self.tokens[-1].type in ("NAME", "WORD") \
                and not re.search(r"[<>=]|\\(?:in|notin|le|ge|leq|geq|ne|neq|lt|gt|subset)(?![A-Za-z])", listed.group(2)):
            # not under a sum or a max (\sum_{i | x_i > 0}: a set builder), nor a condition on values
            self.emit("USCORE", char, start, start + 1)  # E_{Z|X,\theta^0}[...]: the label of the conditional law
            self.pos = listed.end()
            label = "given".join(re.sub(r"[^A-Za-z0-9]", "", side) for side in listed.groups())
            return self.emit("NAME", label, listed.start(1), listed.end(2))
        if char == "(" and (self.prose_parenthesis(start) or self.restatement(start)):
            return None
        placeholder = _PLACEHOLDER.match(text, start) if char == "(" and self.previous_is_operand() else None
        if placeholder:  # h(\cdot), g_\theta(\cdot, \cdot): the function itself, its argument left open
            self.pos = placeholder.end()
            return None
        if char == "{" and self.set_braces(start):
            return None
        hyper = _HYPERGEOMETRIC.match(text, start) if char == "{" else None
        if hyper:  # {}_1 F_1(a, b, z): the generalized hypergeometric function, one name (readers.notes.special)
            self.pos = hyper.end()
            return self.emit("NAME", f"hyp{hyper.group(1)}F{hyper.group(2)}", start, self.pos)
        empty = _EMPTY_GROUP.match(text, start) if char == "{" and not (
            self.tokens and self.tokens[-1].type in _GROUP_ARGUMENT_AFTER) else None
        if empty:  # {}\left| y_i - \hat{y}_i \right|: an empty group between atoms is not an operand
            self.pos = empty.end()
            return None
        bare = _BRACED_OPERATOR.match(text, start) if char == "{" else None
        if bare:  # {\displaystyle \sum_{i=1}^{m}} \left\| ... \right\|^2: braces around an operator alone
            self.pos = start + 1
            self.closing_braces.add(bare.end() - 1)
            return None
        if char == "}" and start in self.set_closers:
            self.pos += 1
            return self.emit("RSET", "}", start, self.pos)
        if char in "_^" and _MAXMIN_LABEL.match(text, start):  # \lambda_{\min}: a label, not an operator
            label = _MAXMIN_LABEL.match(text, start)
            self.emit("USCORE" if char == "_" else "POW", char, start, start + 1)
            self.pos = label.end()
            which = next(k for k in range(1, 6) if label.group(k))
            return self.emit("NAME", label.group(which), label.start(which), label.end(which))
        if char == "&" and self.awaits_operand():
            self.pos += 1  # \nabla_\mathbf{x} &(\mathbf{a}^\top \mathbf{x}): a column mark between an operator and its argument
            return None
        if char in ASCII_TOKENS:
            self.pos += 1
            kind = ASCII_TOKENS[char]
            if kind in ("USCORE", "POW"):
                self.single = 1
            return self.emit(kind, char, start, self.pos)
        spaced = _SPACED_DOTS.match(text, start)
        if spaced:  # A_1, . . . , A_k: an ellipsis typed with spaces
            self.pos = spaced.end()
            return self.emit("DOTS", "ldots", start, self.pos)
        if text.startswith("...", start):
            self.pos = start + 3
            return self.emit("DOTS", "ldots", start, self.pos)
        if _TWO_DOTS.match(text, start) and (start == 0 or text[start - 1] in " \t\n&{(,"):
            self.pos = start + 2  # ( a & .. & b ): an ellipsis typed with two dots, standing alone
            return self.emit("DOTS", "ldots", start, self.pos)
        if char == "." and not text[start + 1:].strip(" \t\n$"):
            self.pos = len(text)  # a sentence's final period
            return None
        brace = re.compile(r"\s*\}").match(text, start + 1) if char == "." else None
        if brace and brace.end() - 1 in self.closing_braces and not text[brace.end():].strip(" \t\n$.,"):
            self.pos = brace.end() - 1  # B\mathrlap{\qquad A \in K^{k \times k}.}: the sentence ends inside the overlap
            return None
        if brace and not _ENDS_ONLY.sub("", text[brace.end():]).strip(" \t\n$.,}"):
            self.pos = start + 1  # (1 - \theta)^{N - y.} \end{array}: the block's period, typed inside its last group
            return None
        if char == "." and _SENTENCE_END.match(text, start + 1):
            self.pos = start + 1  # a period ending a row, an aligned line or a case
            return None
        if char == "!" and text.startswith("!=", start):
            self.pos = start + 2
            return self.emit("REL", "!=", start, self.pos)
        if char == "!":
            return self.factorial(start)
        if ord(char) < 32 or ord(char) == 127:
            raise self.error(f"control character {char!r}", start)
        raise self.error(f"unexpected character {char!r}", start)

    def prose_parenthesis(self, start: int) -> bool:
        r"""``(where 0 \le p \le 1)`` at the top of a row, or an index range after a separator (``\quad (j = 1,
        \dots, n)``): a remark or condition, read as if written without its parentheses (a separator before it), so
        the row reads as a condition, never as a value."""
        ranged = self.tokens and self.tokens[-1].type == "COMMA" and _RANGE_OPENING.match(self.text, start)
        if not self.at_top() or not (_PROSE_OPENING.match(self.text, start) or ranged):
            return False
        if self.tokens and self.tokens[-1].type in ("NAME", "WORD", "FUNC", "MAXMIN") \
                and self.tokens[-1].end_pos == start:
            return False  # g(where ...): a call, its argument is read (and rejected) as written
        close = _matching(self.text, start, "(", ")")
        if close is None:
            return False
        self.pos = start + 1
        if self.previous_is_operand():
            self.emit("COMMA", ",", start, self.pos)
        self.closing_braces.add(close)
        return True

    def restatement(self, start: int) -> bool:
        r"""``A = B \left(= \int p\, g \, dx\right)``, ``A = B\ (= C)``: a parenthesis at the top of a row, after an
        operand, that opens with ``=`` restates the value; read without its parentheses, as ``A = B = C``."""
        after = start + 1 if self.text[start] == "(" else self.pos
        if not (self.at_top() and self.previous_is_operand() and re.match(r"\s*=(?!=)", self.text[after:])):
            return False
        if self.text[start] == "(":
            close = _matching(self.text, start, "(", ")")
            if close is None:
                return False
            self.pos = start + 1
            self.closing_braces.add(close)
            return True
        depth = 1
        for m in re.finditer(r"\\(left|right)(?![A-Za-z])\s*(\\[A-Za-z]+|\\.|.)", self.text[self.pos:]):
            depth += 1 if m.group(1) == "left" else -1
            if depth == 0:
                if m.group(2) != ")":
                    return False
                self.skips[self.pos + m.start()] = self.pos + m.end()
                return True
        return False

    def set_braces(self, start: int) -> bool:
        r"""``P({1, 2, 3})``, ``P({\omega : X(\omega) = k})``, ``1{x \in A}``: Markdown (Kramdown) strips the
        backslash of ``\{``; a brace group right after a function's parenthesis or a ``1`` (an indicator), holding
        a comma, a colon or a membership at its top level, is a set, not a group."""
        if not self.tokens or not (self.tokens[-1].type == "LPAR" or (self.tokens[-1].type == "NUMBER"
                                                                     and self.tokens[-1].value == "1")):
            return False
        close = _matching(self.text, start, "{", "}")
        if close is None or not _SET_CONTENT.search(_top_level(self.text[start + 1:close])):
            return False
        if self.tokens[-1].type == "NUMBER":  # 1{x \in A}: the indicator of the set, as \mathbb{1}\{x \in A\}
            one = self.tokens.pop()
            self.emit("NAME", "\\mathbb{1}", one.start_pos, one.end_pos)
        self.set_closers.add(close)
        self.pos = start + 1
        self.emit("LSET", "{", start, self.pos)
        return True

    def factorial(self, start: int):
        r"""``n!``, ``(n+1)!``, ``x_1!``, ``k_{i}!``: the operand before ``!`` wrapped as ``\factorial(...)`` (a
        name with its subscript, a number or a parenthesis; anything else is an error)."""
        if not self.tokens or self.tokens[-1].type not in ("NAME", "NUMBER", "RPAR", "RBRACE"):
            raise self.error("factorial (!) of something other than a name, number or parenthesis", start)
        k, depth = len(self.tokens) - 1, 0
        if self.tokens[k].type == "RBRACE":  # x_{n+1}!: the braced subscript of a name
            while k >= 0:
                depth += self.tokens[k].type == "RBRACE"
                depth -= self.tokens[k].type == "LBRACE"
                if depth == 0:
                    break
                k -= 1
            if k < 2 or self.tokens[k].type != "LBRACE" or self.tokens[k - 1].type != "USCORE" \
                    or self.tokens[k - 2].type != "NAME":
                raise self.error("factorial (!) of something other than a name, number or parenthesis", start)
            k -= 2
        elif k >= 2 and self.tokens[k].type in ("NAME", "NUMBER") and self.tokens[k - 1].type == "USCORE" \
                and self.tokens[k - 2].type == "NAME":
            k -= 2  # x_1!: the subscripted name, not its subscript
        if self.tokens[k].type == "RPAR":
            while k >= 0:
                kind = self.tokens[k].type
                depth += kind in ("RPAR", "RBRACK", "RBRACE", "RSET")
                depth -= kind in ("LPAR", "LBRACK", "LBRACE", "LSET")
                if depth == 0:
                    break
                k -= 1
            if k < 0 or self.tokens[k].type != "LPAR":
                raise self.error("factorial (!) after an unbalanced parenthesis", start)
        operand = self.tokens[k:]
        del self.tokens[k:]
        first, last = operand[0], operand[-1]
        self.pos = start + 1
        self.tokens.append(lark.Token("FUNC", "factorial", first.start_pos, first.line, first.column,
                                      first.line, first.column, first.start_pos))
        self.tokens.append(lark.Token("LPAR", "(", first.start_pos, first.line, first.column, first.line,
                                      first.column, first.start_pos))
        self.tokens.extend(operand)
        self.tokens.append(lark.Token("RPAR", ")", start, last.end_line, last.end_column, last.end_line,
                                      last.end_column, start + 1))
        return None

    def repeating_decimal(self, number: str, repeating, start: int):
        r"""``0.5\bar{3}``, ``0.\overline{142857}``: a decimal whose last digits repeat, as the exact fraction
        ``(0.5333... =) 8/15``, written ``(\frac{p}{q})``."""
        whole, _, fixed = number.partition(".")
        cycle = repeating.group(1)
        fraction = (Fraction(int((whole or "0") + fixed + cycle)) - Fraction(int((whole or "0") + fixed))) \
            / (10 ** len(fixed) * (10 ** len(cycle) - 1))
        self.pos = repeating.end()
        self.emit("LPAR", "(", start, start)
        for kind, value in (("FRAC", "frac"), ("LBRACE", "{"), ("NUMBER", str(fraction.numerator)), ("RBRACE", "}"),
                            ("LBRACE", "{"), ("NUMBER", str(fraction.denominator)), ("RBRACE", "}")):
            self.emit(kind, value, start, self.pos)
        return self.emit("RPAR", ")", self.pos, self.pos)

    def word(self, word: str, start: int):
        if word in FUNCTIONS and word not in ("abs", "sqrt", "lg"):
            return self.emit("FUNC", word, start, self.pos)
        if word in ("max", "min", "argmax", "argmin"):
            return self.emit("MAXMIN", word, start, self.pos)
        if word == "lim" and re.match(r"\s*_", self.text[self.pos:]):  # lim_{x \to \infty}: \lim without its \\
            return self.emit("LIM", word, start, self.pos)
        if word in PROSE_WORDS:
            return self.emit("PROSE", word, start, self.pos)
        return self.emit("NAME" if len(word) == 1 else "WORD", word, start, self.pos)

    def bar(self, kind: str, start: int):
        """A bare ``|`` (``kind='vert'``) or ``||`` / ``\\|`` (``'norm'``): opener, closer or separator.

        After an operand inside parentheses it separates (``P(A | B)``, ``D(P \\| Q)``) unless another
        bar of its kind follows in the same parentheses (``\\exp(-\\gamma \\|u - v\\|^2)`` opens a norm)."""
        opener, closer, separator = ("LVERT", "RVERT", "BAR") if kind == "vert" else ("LNORM", "RNORM", "DBAR")
        if self.evaluation_bar(kind):
            return self.emit_evaluation_bar(start)
        if self.previous_is_operand():
            if self.stack and self.stack[-1] == opener:
                return self.emit(closer, "|", start, self.pos)
            if self.stack and self.stack[-1] in ("LPAR", "LBRACK", "LSET") and not self.another_bar(kind):
                return self.emit(separator, "|", start, self.pos)
        return self.emit(opener, "|", start, self.pos)

    def evaluation_bar(self, kind: str) -> bool:
        r"""``f'(x)\big|_{x=0}``, ``\left. \frac{d}{dx} g \right|_{x=a}``: a bar after an operand, followed
        by a subscript, that closes no ``|`` opened before it, is the value at a point."""
        if not (kind == "vert" and self.previous_is_operand() and re.match(r"\s*[_^]", self.text[self.pos:])):
            return False
        if not (self.stack and self.stack[-1] == "LVERT"):
            return True
        # inside |...|: a sized bar with a subscript, before the bar that closes (\left| \frac{d}{dy} f \Big|_{y=a}
        # \right|, the absolute value of a derivative at a point), is the value at a point too
        before = self.text[:self.pos - 1].rstrip()
        return re.search(r"\\[bB]igg?(?![A-Za-z])$", before) is not None and "|" in self.text[self.pos:]

    def emit_evaluation_bar(self, start: int):
        """The bar and the ``_`` (or ``^``: ``-\\cos x \\,|^x_0``, the bounds in either order) after it, as one
        token, ``|_`` or ``|^`` (its script follows)."""
        found = re.match(r"\s*([_^])", self.text[self.pos:])
        self.pos += found.end()
        self.single = 1
        return self.emit("EVALBAR", "|" + found.group(1), start, self.pos)

    def another_bar(self, kind: str) -> bool:
        """Whether a bar of ``kind`` follows before the enclosing parenthesis closes."""
        text, k, depth = self.text, self.pos, 0
        while k < len(text):
            char = text[k]
            if char == "\\":
                match = _COMMAND.match(text, k)
                name = match.group(1) if match else ""
                if depth == 0 and (name in ("|", "Vert", "lVert", "rVert") if kind == "norm" else name == "vert"):
                    return True
                k = match.end() if match else k + 1
                continue
            if char in "([{":
                depth += 1
            elif char in ")]}":
                depth -= 1
                if depth < 0:
                    return False
            elif char == "|":
                double = text.startswith("||", k)
                if depth == 0 and double == (kind == "norm"):
                    return True
                k += 1 + double
                continue
            k += 1
        return False

    def infix_fraction(self, name: str, start: int):
        r"""``{n \choose k}``, ``{a \over b}``: the plain-TeX infix forms of ``\binom{n}{k}`` and ``\frac{a}{b}``.
        The brace group around them becomes the two arguments: ``{n \choose k}`` is read as ``\binom{n}{k}``."""
        if not self.stack or self.stack[-1] != "LBRACE":
            raise self.error(f"\\{name} outside a brace group", start)
        k, depth = len(self.tokens) - 1, 0
        while k >= 0:
            kind = self.tokens[k].type
            depth += kind in ("RPAR", "RBRACK", "RBRACE", "RSET", "RVERT", "RNORM", "RANGLE", "END")
            depth -= kind in OPENERS
            if depth < 0:
                break
            k -= 1
        opener = self.tokens[k]
        if opener.type != "LBRACE" or k == len(self.tokens) - 1 or (k > 0 and self.tokens[k - 1].type in (
                "FRAC", "BINOM", "SQRT", "USCORE", "POW")):
            raise self.error(f"\\{name} needs an operand on each side inside its braces", start)
        self.tokens.insert(k, lark.Token(_INFIX_FRACTIONS[name], name, opener.start_pos, opener.line, opener.column,
                                         opener.line, opener.column, opener.start_pos))
        self.emit("RBRACE", "}", start, start)
        return self.emit("LBRACE", "{", start, self.pos)

    def in_congruence(self) -> bool:
        r"""Whether the current row states a congruence (``\equiv`` before this point)."""
        for token in reversed(self.tokens):
            if token.type == "ROWSEP":
                return False
            if token.type == "REL" and token.value == "equiv":
                return True
        return False

    def group(self, pos: int, what: str) -> tuple[str, int]:
        """The text of the brace group at ``pos`` (after spaces) and the position after it."""
        space = _SPACE.match(self.text, pos)
        pos = space.end() if space else pos
        if self.text[pos:pos + 1] != "{":
            raise self.error(f"{what} needs a {{...}} argument", pos)
        depth, k = 0, pos
        while k < len(self.text):
            depth += {"{": 1, "}": -1}.get(self.text[k], 0)
            if self.text[k] == "\\":
                k += 1
            elif depth == 0:
                return self.text[pos + 1:k], k + 1
            k += 1
        raise self.error(f"unclosed {{ after {what}", pos)

    def command(self):
        text, start = self.text, self.pos
        match = _COMMAND.match(text, start)
        if not match:
            raise self.error("a lone backslash", start)
        name = match.group(1)
        self.pos = match.end()
        if name == "\\":
            spacing = re.match(r"\s*\[[^\]]{0,20}\]", text[self.pos:])
            self.pos += spacing.end() if spacing else 0
            if any(a <= start < b for a, b in self.stacked_rows):  # _{\substack{a \sim \pi \\ s' \sim P}}
                return self.emit("COMMA", ",", start, self.pos)
            if self.tokens and (self.tokens[-1].type in _BINARY or self.stack and self.stack[-1] in _GROUPING):
                # a long expression wrapped onto the next row: ... + \right.\\ &&\left.(c)^2, or \\ inside a
                # \left( ... \right. that the next row closes: one row, its alignment marks dropped
                self.pos += re.match(r"(?:\s|&)*", text[self.pos:]).end()
                return None
            return self.emit("ROWSEP", "\\\\", start, self.pos)
        if name in ("{", "}"):
            return self.emit("LSET" if name == "{" else "RSET", name, start, self.pos)
        if name == "%" and self.tokens and self.tokens[-1].type == "NUMBER":
            return self.percent(start)
        if name in ("|", "parallel"):  # \parallel R - \hat{R} \parallel^2: a norm's bars, as \| ... \|
            return self.bar("norm", start)
        if name == "digamma":  # \digamma(x): the digamma function psi(x)
            return self.text_command("digamma", start)
        if name in ("quad", "qquad") and self.previous_is_operand() and self.at_top():
            return self.emit("COMMA", ",", start, self.pos)  # y = \sqrt{x} \qquad x \ge 0: a separator
        if name == "hspace" and self.previous_is_operand() and self.at_top():
            _, self.pos = self.group(self.pos, "\\hspace")
            if self.statement_is_equation(0):
                return self.emit("ROWSEP", "\\\\", start, self.pos)  # f = xy \hspace{1in} f_x = y: two statements
            return self.emit("COMMA", ",", start, self.pos)  # x > 2 \hspace{1cm} x^2 > 4: a separator, as \quad is
        if name in _STATEMENT_ARROWS and self.at_top() and self.tokens and self.tokens[-1].type in ("COMMA", "ROWSEP") \
                and self.statement_is_equation(1):
            if self.tokens[-1].type == "COMMA":  # f = xy \quad \rightarrow \quad f_x = y
                last = self.tokens.pop()
                self.emit("ROWSEP", "\\\\", last.start_pos, last.end_pos)
            return None  # an arrow opening a statement reads "so": what follows is a statement of its own
        if name in _STATEMENT_ARROWS and self.at_top() and self.statement_is_equation(0) \
                and _equation_ahead(text, self.pos):
            return self.emit("PROSE", "Rightarrow", start, self.pos)  # f(x) = x^a \rightarrow f'(x) = a x^{a-1}
        if name in _SIZED:
            braced = _BRACED_DELIMITER.match(text, self.pos)
            if braced:  # \big{(}: the delimiter, then the brace that closes around it is passed over
                self.pos = braced.end()
                close = _SPACE.match(text, self.pos + len(braced.group(1)))
                self.closing_braces.add(close.end() if close else self.pos + len(braced.group(1)))
            brace = re.match(r"\s*\\([{}])", text[self.pos:])
            if brace:  # \Big\{ ... \Big\}: sized braces group, as parentheses do (\exp \Big\{ -x^2 \Big\})
                self.pos += brace.end()
                return self.emit("LPAR" if brace.group(1) == "{" else "RPAR", brace.group(1), start, self.pos)
            return None
        if name == "right" and re.match(r"\s*\.", text[self.pos:]) and not (self.stack and self.stack[-1] == "LCASES"):
            self.pos += re.match(r"\s*\.", text[self.pos:]).end()
            return None  # \right. closing a \left. on an earlier row: only sizing, no delimiter
        if name in _BRACES:
            _, end = self.group(self.pos, "\\" + name)
            script = re.compile(r"\s*\\?\%s\s*" % _BRACES[name]).match(text, end)  # Kramdown writes \_
            if script:
                after = script.end()
                if text[after:after + 1] == "{":
                    _, after = self.group(after, "\\" + name)
                else:
                    after = (_COMMAND.match(text, after).end() if text[after:after + 1] == "\\"
                             else min(after + 1, len(text)))
                    if text[after - 1:after].isalpha() and re.match(r"\s*\{", text[after:]):
                        _, after = self.group(after, "\\" + name)  # _\text{data loss}: the command's text too
                self.skips[end] = after
            return None  # the braced part is read as a group
        if name in _OLD_STYLES and self.tokens and self.tokens[-1].type == "LBRACE" \
                and self.tokens[-1].end_pos is not None and not text[self.tokens[-1].end_pos:start].strip():
            return self.old_style(name, start)
        if name in _OLD_STYLES and re.match(r"\s*\{", text[self.pos:]):
            name = _OLD_STYLES[name]  # \rm{KL}, \bf{x}: written as the command of one argument it stands for
        elif name in _OLD_STYLES:
            bare = _BARE_OLD_STYLE.match(text, self.pos)
            if bare:  # $\bf z$: a switch whose group holds one name, that name styled
                self.pos = bare.end()
                word = bare.group(1)
                if name == "rm":
                    return self.text_command(word, start)
                return self.emit("NAME", f"\\{_OLD_STYLES[name]}{{{word}}}", start, self.pos)
        if name in ("lbrack", "rbrack"):  # \lbrack D_t u \rbrack^n: the square brackets by name
            return self.emit("LBRACK" if name == "lbrack" else "RBRACK", "[" if name == "lbrack" else "]", start,
                             self.pos)
        if name in ("lfloor", "lceil", "rfloor", "rceil"):  # \lfloor x \rfloor: floor(x)
            if name[0] == "l":
                self.emit("FUNC", "floor" if name == "lfloor" else "ceil", start, self.pos)
            return self.emit("LPAR" if name[0] == "l" else "RPAR", name, start, self.pos)
        if name in ("cancel", "bcancel", "xcancel") and re.match(r"\s*\{", text[self.pos:]):
            return None  # \cancel{t}: the term struck through is still written there, a group read as it stands
        if name == "color" and re.match(r"\s*\{", text[self.pos:]):  # \color{#AAA}{R^k = ...}: KaTeX's colour
            _, self.pos = self.group(self.pos, "\\color")  # its colour dropped; a group after it is its content
            if not re.match(r"\s*\{", text[self.pos:]):
                return None  # {\color{red} x}: a switch, the rest of its group coloured
            name = "boxed"
        if name in ("boxed", "fbox", "mathrlap", "mathllap", "mathclap", "rlap", "llap", "clap", "ensuremath"):
            # \boxed{a = b}: the content, not a group; \mathrlap{\qquad L \in K^{n \times n}} only overlaps its
            # content with what follows (zero width): the side condition PyTorch's linear algebra writes so;
            # \ensuremath{\operatorname{H}} (a macro body, dit's \H) is its content in math mode
            _, end = self.group(self.pos, "\\" + name)
            self.pos = _SPACE.match(text, self.pos).end() + 1 if _SPACE.match(text, self.pos) else self.pos + 1
            self.closing_braces.add(end - 1)
            return None
        if name in ("mathbin", "mathrel") and re.match(r"\s*\{", text[self.pos:]):
            content, end = self.group(self.pos, "\\" + name)
            if content.strip() == "@":  # A \mathbin{@} B: Python's matrix product, read as an opaque matmul(A, B)
                self.pos = end
                return self.emit("MUL", "@", start, self.pos)
            space = _SPACE.match(text, self.pos)  # \mathbin{\|}: only spacing around its symbol
            self.pos = (space.end() if space else self.pos) + 1
            self.closing_braces.add(end - 1)
            return None
        if name in _INFIX_FRACTIONS:
            return self.infix_fraction(name, start)
        if name == "bmod":
            if self.in_congruence():  # a \equiv b \bmod n: the modulus of a congruence, as \pmod{n} is
                modulus = re.match(r"\s*(\{[^{}]*\}|\\?[A-Za-z]+|[0-9]+)", text[self.pos:])
                if modulus is None:
                    raise self.error("\\bmod without a modulus", start)
                self.pos += modulus.end()
                return self.emit("PROSE", "mod " + modulus.group(1).strip("{}"), start, self.pos)
            return self.emit("MUL", "bmod", start, self.pos)
        if name == "pmod":
            content, self.pos = self.group(self.pos, "\\pmod")
            return self.emit("PROSE", "mod " + " ".join(content.split()), start, self.pos)
        if name in ("overset", "stackrel", "underset"):
            return self.stacked(name, start)
        if name in _LABELLED_ARROWS:  # S_t \xrightarrow{A_t} S_{t+1}: the arrow, its label dropped as \overset's
            below = re.match(r"\s*\[[^\[\]]*\]", text[self.pos:])  # an optional label under the arrow
            if below:
                self.pos += below.end()
            _, self.pos = self.group(self.pos, "\\" + name)
            return self.emit("REL", RELATIONS[_LABELLED_ARROWS[name]], start, self.pos)
        if name == "substack" and re.match(r"\s*\{", text[self.pos:]):  # _{\substack{i=1 \\ j \ne i}}: one subscript
            _, end = self.group(self.pos, "\\substack")
            self.stacked_rows.append((self.pos, end))
            return None
        if name == "partial" and re.match(r"\s*_", text[self.pos:]):
            return self.emit("NABLA", "partial", start, self.pos)  # \partial_x f: an operator, as \nabla_x f
        if name in SKIPPED or name == "quad" or name == "qquad":
            return None
        kerning = _KERN_AMOUNT.match(text, self.pos) if name in ("kern", "mkern", "hskip", "mskip") else None
        if kerning:  # 1200x_0^2 + 2\mkern-2em: a kern or a skip by a written amount only moves what is typeset
            self.pos = kerning.end()
            return None
        if name in ("phantom", "hphantom") and self.row_start():
            inner, end = self.group(self.pos, "\\" + name)
            if _RELATION_AHEAD.match(text, end) and not _RELATION_AHEAD.search(inner):
                self.pos = text.index("{", self.pos) + 1  # \phantom{f(x)} = g(x): the invisible left side is read
                self.closing_braces.add(end - 1)
                return None
        if name in ("intertext", "shortintertext"):  # amsmath's prose between aligned rows: a row break
            _, self.pos = self.group(self.pos, "\\" + name)
            return None if self.tokens and self.tokens[-1].type == "ROWSEP" else \
                self.emit("ROWSEP", "\\\\", start, self.pos)
        if name in SKIPPED_WITH_ARG:
            _, self.pos = self.group(self.pos, "\\" + name)
            return None
        if name in ("Delta", "delta") and (increment := _INCREMENT.match(text, self.pos)):
            self.pos = increment.end()  # \Delta x, \delta A: the increment of x, one name, (\Delta x)^2 for \Delta x^2
            return self.emit("NAME", f"{name}_{increment.group(1) or increment.group(2)}", start, self.pos)
        if name in GREEK:
            return self.emit("NAME", GREEK[name], start, self.pos)
        if name in RELATIONS:
            return self.emit("REL", RELATIONS[name], start, self.pos)
        if name == "not":
            rel = re.match(r"\s*(=|\\in)", text[self.pos:])
            if rel:
                self.pos += rel.end()
                return self.emit("REL", "!=" if rel.group(1) == "=" else "notin", start, self.pos)
        if name in ("vert", "lvert", "rvert"):
            if name == "vert":
                return self.bar("vert", start)
            return self.emit("LVERT" if name == "lvert" else "RVERT", "|", start, self.pos)
        if name in ("Vert", "lVert", "rVert"):
            if name == "Vert":
                return self.bar("norm", start)
            if name == "lVert" and self.previous_is_operand() and self.stack and self.stack[-1] in ("LPAR", "LBRACK") \
                    and not self.another_bar("norm"):  # KL(q \lVert p): a divergence's separator, as \| is there
                return self.emit("DBAR", "|", start, self.pos)
            return self.emit("LNORM" if name == "lVert" else "RNORM", "||", start, self.pos)
        if name in ("left", "right"):
            return self.delimiter(name, start)
        if name in ("cdot", "bullet") and self.tokens and self.tokens[-1].type in ("LPAR", "COMMA") \
                and re.match(r"\s*(?:[),|]|\\mid(?![A-Za-z]))", text[self.pos:]):
            return self.emit("NAME", "\\cdot", start, self.pos)  # \pi(\cdot | s), \rho_0(\cdot): an argument left open
        if name in ("begin", "end"):
            env, self.pos = self.group(self.pos, "\\" + name)
            env = env.strip()
            if env == "subarray":  # an operator's lines under it: read as one subscript, its rows joined by commas
                if name == "begin":
                    _, self.pos = self.group(self.pos, "\\begin{subarray}")
                    close = text.find("\\end{subarray}", self.pos)
                    self.stacked_rows.append((self.pos, close if close >= 0 else len(text)))
                return None
            if env not in ENVIRONMENTS:
                raise self.error(f"unsupported environment {env!r}", start)
            if env == "array" and (start in self.relation_arrays or name == "begin" and _chain_array(self, text)):
                env = "eqnarray*"  # \begin{array}{rcl} a & = & b \\ & = & c: a chain of relations, as eqnarray's
            elif name == "begin" and env in ("array", "alignat", "alignat*"):
                _, self.pos = self.group(self.pos, f"\\begin{{{env}}}")
            return self.emit("BEGIN" if name == "begin" else "END", env, start, self.pos)
        operator = re.match(r"\s*\{\s*\\(cdot|times|bullet)\s*\}", text[self.pos:]) if name in STYLES else None
        if operator:  # \mathbf{\cdot}: a bold product sign (a book's dot product \ip), the product itself
            self.pos += operator.end()
            return self.emit("MUL", operator.group(1), start, self.pos)
        if name in STYLES or name in ACCENTS:
            styled = self.styled(name, start)
            if styled in _BOLD_EXPECTATIONS and re.match(r"\s*\[", text[self.pos:]):
                styled = r"\mathbb{E}"  # \mathbf{E}[h_i]: the expectation, as \mathbb{E}[h_i]
            elif styled in MOMENT_SPELLINGS and styled != r"\mathbb{E}" and re.match(r"\s*[(\[]", text[self.pos:]):
                styled = MOMENT_SPELLINGS[styled]  # \mathbb{V}[X]: the variance, as \operatorname{Var}[X]
            bare = _BARE_MEAN.match(text, self.pos) if styled == r"\mathbb{E}" else None
            if bare is not None:  # \mathbb{E} X: the mean of X, read as \mathbb{E}[X]
                self.emit("NAME", styled, start, self.pos)
                letter, self.pos = bare.end() - 1, bare.end()
                self.emit("LBRACK", "[", letter, letter)
                self.emit("NAME", text[letter], letter, self.pos)
                return self.emit("RBRACK", "]", self.pos, self.pos)
            return None if styled is None else self.emit("NAME", styled, start, self.pos)
        if name == "mathop":  # \mathop{\mathrm{argmax}}: an operator spelled as text
            content, self.pos = self.group(self.pos, "\\mathop")
            content = re.sub(r"\\[,;:! ]|~", "", content)  # \mathop{\mathrm{arg\,min}}, \mathrm{minimize~}
            if not content.strip():  # \mathop{}\!\mathrm{d}x: an empty atom that only spaces the differential
                return None
            inner = re.fullmatch(r"\s*(?:\\(?:%s)\*?\s*)?\{?\s*([A-Za-z]+)\s*\}?\s*" % "|".join(sorted(TEXTS)), content)
            if not inner:
                raise self.error("unsupported \\mathop argument", start)
            return self.text_command(inner.group(1), start)
        if name.rstrip("*") in TEXTS:
            letter = re.match(r"\s*([A-Za-z])", text[self.pos:])  # \mathrm E: TeX's argument of one letter
            if letter:
                self.pos += letter.end()
                return self.text_command(letter.group(1), start)
            content, self.pos = self.group(self.pos, "\\" + name)
            doubled = re.fullmatch(r"\s*\{([^{}]*)\}\s*", content)
            if doubled:  # \text{{input}}: a brace group inside the text renders as its letters (PyTorch's docstrings
                content = doubled.group(1)  # write so where Python's str.format escapes braces)
            if re.fullmatch(r"\s*arg\s*(?:\\[,;:! ]\s*)*(?:max|min)\s*", content):
                content = re.sub(r"[\s\\,;:!]", "", content)  # \operatorname*{arg\,max}
            if (name.rstrip("*") == "operatorname" and re.fullmatch(r"\s*[A-Za-z](?:_\{\w+\}|_\w)?\s*", content)
                    or content.strip() == "H" and re.match(r"\s*\[", text[self.pos:])) \
                    and re.match(r"[\s}]*[(\[]", text[self.pos:]):  # also a macro's \ensuremath{\operatorname{H}}[X]
                # and an upright H before a bracket, \mathrm{H}[Y], \textrm{H}[Y]: the entropy of Y, as \operatorname
                named = "\\operatorname{" + content.strip() + "}"
                return self.emit("NAME", MOMENT_SPELLINGS.get(named, named), start, self.pos)  # H[X]: applied
            return self.text_command(content.strip(), start)
        if name == "arg":
            follow = re.match(r"\s*\\(max|min)(?![A-Za-z])", text[self.pos:])
            if follow:
                self.pos += follow.end()
                return self.emit("MAXMIN", "arg" + follow.group(1), start, self.pos)
        if (name in FUNCTIONS and name != "sqrt") or name in ("det", "Pr", "dim", "ker"):
            return self.emit("NAME" if name == "Pr" else "FUNC", "P" if name == "Pr" else name, start, self.pos)
        if name in MAXMIN:
            return self.emit("MAXMIN", name, start, self.pos)
        if name == "atop" and self.stack and self.stack[-1] == "LBRACE":  # _{i=1 \atop \alpha_i > 0}: two lines
            return self.emit("COMMA", ",", start, self.pos)
        if name in BIG_SET_OPERATORS:  # \bigcup_{i=1}^k A_i: an opaque union, never a sum
            return self.emit("SUMOP", BIG_SET_OPERATORS[name], start, self.pos)
        if name in ("emptyset", "varnothing"):
            return self.emit("NAME", "emptyset", start, self.pos)
        if name in ("top", "intercal"):  # A^\intercal is A^\top
            return self.emit("NAME", "T", start, self.pos)
        if name in ("pm", "mp") and self.tokens and (self.tokens[-1].type == "USCORE" or len(self.tokens) > 1 and (
                self.tokens[-1].type, self.tokens[-2].type) == ("LBRACE", "USCORE")):
            return self.emit("NAME", name, start, self.pos)  # \lambda_\pm, x_{\pm}: a label of the name, not a sign
        if SIMPLE_COMMANDS.get(name):
            kind = SIMPLE_COMMANDS[name]
            if kind in ("FRAC", "BINOM"):
                self.single = 2 if re.match(r"\s*[0-9]", text[self.pos:]) else 0
            elif kind == "SQRT":
                self.single = 1 if re.match(r"\s*[0-9A-Za-z]", text[self.pos:]) else 0
            return self.emit(kind, name, start, self.pos)
        raise self.error(f"unsupported command \\{name}", start)

    def old_style(self, name: str, start: int):
        r"""``{\rm softmax}``, ``{\bf x}``: the old spelling of ``\mathrm{softmax}``, ``\mathbf{x}``."""
        opener = self.tokens.pop()
        self.stack.pop()
        depth, k = 0, self.pos
        while k < len(self.text):
            char = self.text[k]
            if char == "\\":
                k += 2
                continue
            if char == "{":
                depth += 1
            elif char == "}":
                if depth == 0:
                    break
                depth -= 1
            k += 1
        if k >= len(self.text):
            raise self.error(f"unclosed {{\\{name} ...}}", opener.start_pos)
        content = self.text[self.pos:k].strip()
        self.pos = k + 1
        braced = re.fullmatch(r"\{([^{}]*)\}", content)
        if braced:  # {\rm{max}}: the switch written with a group of its own, the group's letters
            content = braced.group(1).strip()
        if name == "rm":
            return self.text_command(content, start)
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", content):
            raise self.error(f"unsupported {{\\{name} {content[:20]}}}", start)
        return self.emit("NAME", f"\\{_OLD_STYLES[name]}{{{content}}}", start, self.pos)

    def stacked(self, name: str, start: int):
        r"""``a \overset{\text{def}}{=} b``, ``\stackrel{(i)}{\le}``: the relation, its annotation dropped;
        ``\underset{\theta}{\arg\max}``, ``\underset{C}{\mathbb{E}}[X]``, ``\underset{C}{Var}[X]``,
        ``\underset{i=1}{\sum}``: the operator (:data:`_UNDER_OPERATOR`) with the annotation as its subscript;
        ``\overset{n}{\underset{i=1}{\sum}}``: a sum or product with the annotation as its superscript.  Anything
        else stacked (``\overset{\sim}{x}``, ``\underset{m\times n}{A}``) is an error, and ``\overset{?}{=}``
        (a question) too."""
        annotation, after = self.group(self.pos, "\\" + name)
        base_start = _SPACE.match(self.text, after).end() if _SPACE.match(self.text, after) else after
        base, end = self.group(after, "\\" + name)
        relation = re.fullmatch(r"\s*(\\[A-Za-z]+|[=<>]|<=|>=)\s*", base)
        word = relation.group(1).lstrip("\\") if relation else None
        if relation and (word in RELATIONS or relation.group(1) in RELATIONS) and "?" not in annotation:
            self.pos = base_start + 1
            self.tokenize_to(end - 1)
            self.pos = end
            return None
        base_end = end - 1  # the base's closing brace
        if re.match(r"\s*\{", base):  # {{\mathrm E}}: braces that only group (a macro's body \E = {\mathrm E})
            opened = base_start + 1 + base.index("{")
            inside, closed = self.group(opened, "\\" + name)
            if not self.text[closed:base_end].strip():
                base, base_start, base_end = inside, opened, closed - 1
        if (name == "underset" and _UNDER_OPERATOR.fullmatch(base)) or (name == "overset" and _OVER_OPERATOR.fullmatch(base)):
            self.pos = base_start + 1
            self.tokenize_to(base_end)
            self.emit("USCORE" if name == "underset" else "POW", "_" if name == "underset" else "^", start, start + 1)
            self.pos = self.text.index("{", start + len(name) + 1)
            self.tokenize_to(after)
            self.pos = end
            return None
        raise self.error(f"unsupported \\{name}", start)

    def tokenize_to(self, end: int) -> None:
        """Tokens from ``self.pos`` up to ``end`` (a part of the text read out of order)."""
        while True:
            space = _SPACE.match(self.text, self.pos)
            if space:
                self.pos = space.end()
            if self.pos >= end:
                return
            self.step()

    def delimiter(self, which: str, start: int):
        match = re.match(r"\s*(\\[A-Za-z]+|\\[{}|.]|[()\[\]{}|.])", self.text[self.pos:])
        if not match:
            raise self.error(f"\\{which} needs a delimiter", start)
        self.pos += match.end()
        delim = match.group(1)
        table = {
            "left": {"(": "LPAR", "[": "LBRACK", "\\lbrack": "LBRACK", "\\{": "LCASES", "{": "LCASES", "\\lbrace": "LCASES",
                     "|": "LVERT", "\\vert": "LVERT", "\\lvert": "LVERT", "\\|": "LNORM", "\\Vert": "LNORM",
                     "\\lVert": "LNORM", "\\langle": "LANGLE", ".": None},
            "right": {")": "RPAR", "]": "RBRACK", "\\rbrack": "RBRACK", "\\}": "RSET", "}": "RSET", "\\rbrace": "RSET",
                      "|": "RVERT", "\\vert": "RVERT", "\\rvert": "RVERT", "\\|": "RNORM", "\\Vert": "RNORM",
                      "\\rVert": "RNORM", "\\rangle": "RANGLE", ".": "RDOT"},
        }[which]
        if delim in ("\\lfloor", "\\lceil") and which == "left":  # \left\lfloor x \right\rfloor: floor(x)
            self.emit("FUNC", "floor" if delim == "\\lfloor" else "ceil", start, self.pos)
            return self.emit("LPAR", delim, start, self.pos)
        if delim in ("\\rfloor", "\\rceil") and which == "right":
            return self.emit("RPAR", delim, start, self.pos)
        if delim not in table:
            raise self.error(f"unsupported delimiter \\{which}{delim}", start)
        if table[delim] is None:
            return None
        if which == "left" and delim == "(" and self.restatement(start):
            return None
        if table[delim] == "LVERT" and self.previous_is_operand() and self.stack \
                and self.stack[-1] in ("LPAR", "LBRACK", "LSET") and self.closed_by_nothing():
            return self.emit("BAR", "|", start, self.pos)  # E[R(\tau) \left| s_0 = s \right.]: a sized "given"
        if which == "right" and table[delim] == "RVERT" and self.evaluation_bar("vert"):
            return self.emit_evaluation_bar(start)  # \left. ... \right|_{x=a}
        return self.emit(table[delim], delim, start, self.pos)

    def awaits_operand(self) -> bool:
        r"""Whether the tokens so far end in an operator that still needs its argument: ``\nabla_\mathbf{x}``,
        ``\log``, ``\sum_{i=1}^n``, ``\max_x`` (their scripts skipped)."""
        k = len(self.tokens) - 1
        while k >= 1:
            if self.tokens[k].type == "RBRACE":  # a braced script: back to its opening brace
                depth, j = 0, k
                while j >= 0:
                    depth += {"RBRACE": 1, "LBRACE": -1}.get(self.tokens[j].type, 0)
                    if depth == 0:
                        break
                    j -= 1
                if j < 1 or self.tokens[j - 1].type not in ("USCORE", "POW"):
                    return False
                k = j - 2
            elif self.tokens[k - 1].type in ("USCORE", "POW"):
                k -= 2
            else:
                break
        return k >= 0 and self.tokens[k].type in ("NABLA", "FUNC", "SUMOP", "MAXMIN") and self.in_aligned_rows()

    def awaits_arg_optimum(self) -> bool:
        r"""Whether the tokens end in an arg min or arg max still waiting for its objective (``\arg\min_c``,
        ``\underset{c}{\arg\min}``)."""
        if not self.awaits_operand():
            return False
        k = len(self.tokens) - 1
        while k >= 0 and self.tokens[k].type != "MAXMIN":
            k -= 1
        return k >= 0 and self.tokens[k].value in ("argmin", "argmax")

    def signed_objective(self, start: int):
        r"""``\underset{c}{\arg\min} -2x^\top Dc + c^\top c``: an objective that opens with a sign is the whole
        expression up to the next relation, row, alignment mark, comma or word at its level (an arg min has no
        meaning for its first term alone), read in parentheses."""
        text, depth, k = self.text, 0, start
        while k < len(text):
            char = text[k]
            if char == "\\":
                word = re.match(r"\\([A-Za-z]+|.)", text[k:])
                name = word.group(1)
                prose = name in TEXTS and re.match(r"\\[A-Za-z]+\s*\{\s*([A-Za-z.]+)", text[k:])
                if depth == 0 and (name == "\\" or name in RELATIONS or name in ("quad", "qquad")
                                   or prose and prose.group(1) in PROSE_WORDS):
                    break
                if name in ("left", "begin"):
                    depth += 1
                elif name in ("right", "end"):
                    if depth == 0:
                        break
                    depth -= 1
                k += len(word.group(0))
                continue
            if char in "([{":
                depth += 1
            elif char in ")]}":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and char in "=<>&,":
                break
            k += 1
        while k > start and text[k - 1].isspace():
            k -= 1
        self.objective_ends.append(k)
        return self.emit("LPAR", "(", start, start)

    def in_aligned_rows(self) -> bool:
        r"""Whether the innermost environment open here aligns rows (``aligned``, ``align``, none at all), not a
        matrix, array or cases, whose ``&`` separates entries (``\begin{bmatrix} \log & x \end{bmatrix}``)."""
        depth = 0
        for token in reversed(self.tokens):
            if token.type == "END":
                depth += 1
            elif token.type == "BEGIN":
                if depth == 0:
                    return token.value in ALIGNED
                depth -= 1
        return True

    def closed_by_nothing(self) -> bool:
        r"""Whether the ``\left`` just read is closed by ``\right.`` (its own ``\left``/``\right`` pairs skipped)."""
        depth = 0
        for m in re.finditer(r"\\(left|right)(?![A-Za-z])\s*(\\[A-Za-z]+|\\.|.)?", self.text[self.pos:]):
            if m.group(1) == "left":
                depth += 1
            elif depth:
                depth -= 1
            else:
                return m.group(2) == "."
        return False

    def styled(self, command: str, start: int) -> str:
        """``\\mathbf{w}``, ``\\hat x``, ``\\hat{\\mu}``: a name, canonical as ``\\hat{\\mu}``."""
        rest = self.text[self.pos:]
        inner = re.match(r"\s*(?:\{\s*(\\[A-Za-z]+|[A-Za-z0-9]+|[^\x00-\x7f])\s*\}|(\\[A-Za-z]+|[A-Za-z0-9]))",
                         rest)
        nested = _NESTED_STYLE.match(rest)
        if nested and (nested.group(2) in STYLES or nested.group(2) in ACCENTS):
            self.pos += nested.end()
            letter = nested.group(3) or nested.group(4)
            return f"\\{command}{{\\{nested.group(2)}{{{self.canonical(letter, start)}}}}}"
        if not inner and command in STYLES and re.match(r"\s*[(\[]", rest):
            return None  # T\mathbf(x): a style with nothing to style (the parenthesis is read as written)
        wrapped = re.match(r"\s*\{\s*([A-Za-z]|\\[A-Za-z]+)\s*((?:_\s*(?:\{[^{}]*\}|[A-Za-z0-9])\s*)?"
                           r"(?:\^\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?)\s*\}", rest)
        if not inner and wrapped and wrapped.group(2):  # \mathbf{v_i}, \bar{X_n}, \hat{\sigma_k^2}: the style wraps
            # the scripts too, read as \mathbf{v}_i, \hat{\sigma}_k^2 (the estimate of sigma_k^2 written as a square)
            base = self.pos
            self.pos = base + wrapped.start(2)
            self.closing_braces.add(base + wrapped.end() - 1)
            return f"\\{command}{{{self.canonical(wrapped.group(1), start)}}}"
        called = re.match(r"\s*\{\s*([A-Za-z]|\\[A-Za-z]+)\s*(?=[()])", rest)
        if not inner and called and command in STYLES:  # \mathcal{L(\beta)}, \boldsymbol{\beta)}: the style's
            # braces hold the name and what follows it (a call, a stray parenthesis): \mathcal{L}(\beta), \beta)
            close = _matching(self.text, self.pos + rest.index("{"), "{", "}")
            if close is not None:
                self.pos += called.end()
                self.closing_braces.add(close)
                return f"\\{command}{{{self.canonical(called.group(1), start)}}}"
        if not inner:
            raise self.error(f"\\{command} needs a letter or a name in braces", start)
        self.pos += inner.end()
        return f"\\{command}{{{self.canonical(inner.group(1) or inner.group(2), start)}}}"

    def canonical(self, inner: str, start: int) -> str:
        if inner in ("\\imath", "\\jmath"):  # \vec{\imath}: the dotless i (j) under an accent is the letter
            return inner[1]
        if inner.startswith("\\"):
            if inner[1:] not in GREEK:
                raise self.error(f"unsupported command {inner} in a styled name", start)
            return "\\" + GREEK[inner[1:]]
        if inner in UNICODE_GREEK:
            return "\\" + UNICODE_GREEK[inner]
        if not (inner.isascii() and inner.isalnum()):
            raise self.error(f"unexpected {inner!r} in a styled name", start)
        return inner

    def row_start(self) -> bool:
        """Whether the next token opens a row: the formula's start, a new row, an environment's start."""
        return not self.tokens or self.tokens[-1].type in ("ROWSEP", "BEGIN")

    def text_command(self, content: str, start: int):
        word = content.strip().replace("\\_", "_")  # \text{max\_val}: text mode escapes the underscore of a name
        if not word:
            return None
        if word not in PROSE_WORDS and word.rstrip(".,;:") in PROSE_WORDS:
            word = word.rstrip(".,;:")  # \text{otherwise.}: the word, without its punctuation
        elif word not in PROSE_WORDS and word.istitle() and word.lower() in PROSE_WORDS:
            word = word.lower()  # \text{Let } h(x) = x^2: the prose word opening a sentence, not the name "Let"
        elif re.fullmatch(r"[A-Za-z]+\.", word) and not self.text[self.pos:].strip(" \t\n$.,"):
            word = word[:-1]  # ... + \text{const.}: the formula's last word, its sentence's period dropped
        if word in MOMENT_SPELLINGS and re.match(r"(?:\s|\\[,;:! ])*(?:\\(?:left|[bB]ig+l?)\s*)?[(\[]", self.text[self.pos:]):
            return self.emit("NAME", MOMENT_SPELLINGS[word], start, self.pos)  # \mbox{var}(X), \text{sd}(X): the operator
        if word in FUNCTIONS or word in ("argmax", "argmin", "max", "min") or word in PROSE_WORDS:
            return self.word(word, start)
        if word in OPERATOR_WORDS and re.match(r"(?:\s|\\[,;:! ])*(?:[A-Za-z({]|\\[A-Za-z])", self.text[self.pos:]):
            return self.emit("FUNC", word, start, self.pos)  # \operatorname{rank} A, {\rm Col}\, A: rank(A)
        if re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", word):
            spaced = re.search(r"\s\}\s*$", self.text[:self.pos]) is not None  # \text{optimal }: before a name
            qualified = _QUALIFIED_NAME.match(self.text, self.pos) if spaced and len(word) > 2 else None
            if qualified is not None and self.row_start():  # \text{optimal }\alpha = ...: the phrase names alpha
                self.pos = qualified.end("name")
                return self.emit("NAME", "text: " + word + " " + "".join(qualified.group("name").split()), start,
                                 self.pos)
            return self.emit("NAME", word, start, self.pos)  # a NAME is never split into letters
        if re.fullmatch(r"[A-Za-z][A-Za-z0-9]*(?:[_/.][A-Za-z0-9]+)+", word):
            return self.emit("NAME", word, start, self.pos)  # \text{life_satisfaction}, G_\text{left/right},
            # \text{x.size}: one name (a dot inside a word is code's attribute, never a sentence's end)
        if re.fullmatch(_ORDINAL, word) and (self.operand_expected() or self.tokens[-1].type == "LBRACE"):
            return self.emit("NAME", "text: " + word, start, self.pos)  # \text{2nd}: an ordinal named, not 2 times nd
        suffix = re.fullmatch(r"-[A-Za-z][A-Za-z0-9]*", word)
        if suffix and self.tokens and self.tokens[-1].type in ("NAME", "WORD") and self.tokens[-1].end_pos == start:
            last = self.tokens.pop()  # p\text{-value}, d\text{-proj}: the suffix is part of the name
            return self.emit("NAME", last.value + word, last.start_pos, self.pos)
        if (self.operand_expected() or self.tokens[-1].type == "LBRACE") \
                and re.fullmatch(r"(?:#|[A-Za-z]+|%s)(?: (?:[A-Za-z]+|%s))+" % (_ORDINAL, _ORDINAL), " ".join(word.split())) \
                and " ".join(word.split()).split()[0] not in PROSE_WORDS:  # \text{# of outcomes}: a count, named
            qualified = _QUALIFIED_NAME.match(self.text, self.pos)
            if qualified is not None and self.row_start():  # \text{Tikhonov Regularized } \lambda_i = ...: one name
                self.pos = qualified.end("name")
                return self.emit("NAME", "text: " + " ".join(word.split()) + " " + "".join(
                    qualified.group("name").split()), start, self.pos)
            return self.emit("NAME", "text: " + " ".join(word.split()), start, self.pos)  # \text{Gaussian noise}
        if self.stack and self.stack[-1] == "LPAR":
            if self.described_event():
                return None
        return self.emit("PROSE", " ".join(word.split()), start, self.pos)

    def described_event(self):
        r"""Prose inside a parenthesis, ``P(X \textrm{ is in an interval around } x)``: the whole argument is
        one event described in words, read as one opaque name; False when the parenthesis does not close."""
        depth, k = 0, len(self.tokens) - 1
        while k >= 0:
            kind = self.tokens[k].type
            if kind in ("RPAR", "RBRACK", "RBRACE", "RSET"):
                depth += 1
            elif kind in ("LPAR", "LBRACK", "LBRACE", "LSET"):
                if depth == 0:
                    break
                depth -= 1
            k -= 1
        if k < 0 or self.tokens[k].type != "LPAR":
            return False
        close, depth = self.pos, 0
        while close < len(self.text):
            char = self.text[close]
            if char in "([{":
                depth += 1
            elif char in ")]}":
                if depth == 0:
                    break
                depth -= 1
            close += 1
        if close >= len(self.text) or self.text[close] != ")":
            return False
        opener = self.tokens[k]
        raw = self.text[opener.end_pos:close]
        words = re.sub(r"\\(?:%s)\*?\s*\{([^{}]*)\}" % "|".join(sorted(TEXTS)), r" \1 ", raw)
        words = re.sub(r"\\[,;:! ]|[{}~]", " ", words)
        words = re.sub(r"\\([A-Za-z]+)", r"\1", words)
        del self.tokens[k + 1:]
        self.pos = close
        self.emit("NAME", "event: " + " ".join(words.split()), opener.end_pos, close)
        return True


def _join_broken_rows(tokens: list) -> list:
    r"""A long expression broken over rows is one row: ``a + \\ & b`` (the row ends with an operator), and
    ``a \\ & + b`` or ``a \\ + b`` (the next row starts with an operator or an ellipsis, with no relation of its
    own; without ``&`` only in equations, never in a matrix, where ``1 \\ -1`` are two entries) join, so
    ``x &= a + b \\ &\quad + c`` is ``x = a + b + c``, never ``x = a + b``.  In ``multline`` every row break is
    a line break inside one equation."""
    out, k = [], 0
    environments = []  # the environments open at token k, innermost last
    while k < len(tokens):
        token = tokens[k]
        if token.type == "BEGIN":
            environments.append(str(token.value).rstrip("*"))
        elif token.type == "END" and environments:
            environments.pop()
        if token.type == "ROWSEP" and out:
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            aligned = after is not None and after.type == "AMP"
            first = tokens[k + 2] if aligned and k + 2 < len(tokens) else None
            skipped = _elided_row(tokens, k + 1) if environments and environments[-1] in _ALIGNMENTS else 0
            if skipped:  # a \\ & \vdots \\: a row that only says rows are left out, not a factor of the row above
                k += 1 + skipped
                continue
            if out[-1].type in _BINARY and after is not None and after.type not in ("END", "ROWSEP"):
                k += 2 if aligned else 1
                continue
            if first is not None and first.type in ("ADD", "SUB", "DOTS") and out[-1].type in OPERAND_END \
                    and out[-1].type != "END" and not _has_relation(tokens, k + 2):
                k += 2
                continue
            equations = not environments or environments[-1] in _ALIGNMENTS | _ONE_EQUATION
            if equations and not aligned and after is not None and after.type in ("ADD", "SUB") \
                    and out[-1].type in OPERAND_END and out[-1].type != "END" and not _has_relation(tokens, k + 1):
                k += 1  # a \ + b: the row goes on with an operator, no alignment mark before it
                continue
            if environments and environments[-1] in _ONE_EQUATION and after is not None and after.type != "END":
                k += 1  # multline: its rows are lines of one equation
                continue
        out.append(token)
        k += 1
    return out


_ALIGNMENTS = frozenset({"aligned", "align", "alignat", "alignedat", "eqnarray", "split", "gather", "gathered"})
_ONE_EQUATION = frozenset({"multline"})
"""Environments whose row breaks are line breaks inside one equation."""
r"""Environments whose rows are equations, where a row ``& \vdots`` leaves rows out (in a matrix it is entries)."""


def _elided_row(tokens: list, start: int) -> int:
    r"""The number of tokens of the row from ``start`` when it is only alignment marks and a vertical ellipsis
    (``& \vdots``, ending at a row break or the environment's end) and the row after it, if any, does not go on
    with an operator (a sum broken over rows), else 0."""
    k = start
    while k < len(tokens) and tokens[k].type == "AMP":
        k += 1
    if k >= len(tokens) or tokens[k].type != "DOTS" or tokens[k].value != "vdots":
        return 0
    k += 1
    while k < len(tokens) and tokens[k].type == "AMP":
        k += 1
    if k >= len(tokens) or tokens[k].type not in ("ROWSEP", "END"):
        return 0
    following = k + 1
    while tokens[k].type == "ROWSEP" and following < len(tokens) and tokens[following].type == "AMP":
        following += 1
    if tokens[k].type == "ROWSEP" and following < len(tokens) \
            and tokens[following].type in ("ADD", "SUB", "DOTS", *_BINARY):
        return 0  # x &= a \\ & \vdots \\ & + b: the sum goes on past the elided terms (x = a + ... + b)
    return k - start


def _has_relation(tokens: list, start: int) -> bool:
    """Whether the row from ``start`` (to the next row break or environment end) has a relation or a ``&``."""
    depth = 0
    for token in tokens[start:]:
        if token.type in OPENERS:
            depth += 1
        elif token.type in ("RPAR", "RBRACK", "RBRACE", "RVERT", "RNORM", "RDOT", "RSET", "RANGLE", "END"):
            depth -= 1
            if depth < 0:
                return False
        elif depth == 0 and token.type == "ROWSEP":
            return False
        elif depth == 0 and token.type in ("REL", "AMP"):
            return True
    return False


_ORDINAL = r"\d+(?:st|nd|rd|th)"
r"""An ordinal written in a text command, ``\text{1st Stage}``, ``\text{2nd moment}``, ``\text{3rd}``: part of a
name, as a word is."""

def _matching(text: str, start: int, opener: str, closer: str) -> int | None:
    """The position of the ``closer`` that matches the ``opener`` at ``start`` (escaped ones skipped), or None."""
    depth, k = 0, start
    while k < len(text):
        if text[k] == "\\":
            k += 2
            continue
        if text[k] == opener:
            depth += 1
        elif text[k] == closer:
            depth -= 1
            if depth == 0:
                return k
        k += 1
    return None


def _top_level(text: str) -> str:
    """``text`` without what its brackets and braces enclose (``a, f(b, c)`` -> ``a, f``)."""
    out, depth = [], 0
    for char in text:
        depth += char in "([{"
        if depth == 0:
            out.append(char)
        depth -= char in ")]}" and depth > 0
    return "".join(out)


class _Lexer(lark.lexer.Lexer):
    """Hands lark the tokens of :func:`tokenize`."""

    def __init__(self, conf):
        pass

    def lex(self, text):
        yield from tokenize(text)


def _chain_array(lexer, text: str) -> bool:
    r"""Whether the ``\begin{array}`` just read opens a chain of relations (``{rcl}``, ``a & = & b``); if so its column
    specification is consumed and its ``\end{array}`` remembered, so both read as ``eqnarray*``."""
    end = relation_array_end(text, lexer.pos)
    if end is None:
        return False
    lexer.relation_arrays.add(end)
    _, lexer.pos = lexer.group(lexer.pos, "\\begin{array}")
    return True
