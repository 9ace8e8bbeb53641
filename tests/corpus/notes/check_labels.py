r"""Independent checks of the hand labels of the public sources added in tests/corpus/notes (round 2).

Each entry names a block by ``(file, line[, text that picks it among the blocks on that line])``, gives its
role and label, says how it was checked, and, for ``right``/``wrong`` labels, carries a check written by hand
with sympy, mpmath or numpy that returns True when the block's claim holds.  Nothing from the Formulary
code base is imported: this file is the independent witness of the labels.

    python3 tests/corpus/notes/check_labels.py           # run every check; exit 1 if a check disagrees
    python3 tests/corpus/notes/check_labels.py --write   # also merge these labels into labels.json

A label ``right`` needs its check to return True, ``wrong`` needs False.  Non-claims carry no check.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
TOL = 1e-9
"""Absolute tolerance for mpmath/numpy comparisons of exact values (working precision 30 digits)."""
mp.mp.dps = 30
RNG = np.random.default_rng(12)

x, y, z, t, u, v, w, a, b, c, d, n, k, p, q, r, e, s = sp.symbols("x y z t u v w a b c d n k p q r epsilon s",
                                                                 real=True)
lam, mu, sigma, beta, eta, theta = sp.symbols("lambda mu sigma beta eta theta", real=True)
pos = dict(positive=True)


def zero(expr) -> bool:
    """True when a sympy expression simplifies to 0."""
    return sp.simplify(expr) == 0


def close(lhs, rhs, tol=TOL) -> bool:
    return abs(complex(lhs) - complex(rhs)) <= tol


def arrays_close(a, b, tol=TOL) -> bool:
    """Same shape, and every entry within ``tol`` relative (plus ``tol`` absolute near 0): float64 round-off on the
    small matrix products the labels check is about 1e-15, a wrong identity errs by O(1)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.all(np.abs(a - b) <= tol * (1 + np.abs(b))))


def num_identity(lhs, rhs, symbols, trials=20, lo=0.1, hi=3.0) -> bool:
    """Compare two sympy expressions at random points of (lo, hi)^k."""
    f = sp.lambdify(symbols, lhs - rhs, "mpmath")
    for _ in range(trials):
        point = [mp.mpf(float(RNG.uniform(lo, hi))) for _ in symbols]
        if abs(f(*point)) > 1e-12 * (1 + abs(sp.lambdify(symbols, lhs, "mpmath")(*point))):
            return False
    return True



def display_line(lines, snippet: str, after: int = 0, environments: bool = False) -> int:
    """The line (1-based) of the ``$$`` that opens the first display block after line ``after`` holding ``snippet``
    in ``lines``; with ``environments``, also one whose ``$$`` is followed by a ``\\begin{...}`` line."""
    for k in range(after, len(lines)):
        if snippet in lines[k] and lines[k - 1].strip() == "$$":
            return k
        if environments and snippet in lines[k] and lines[k - 1].strip().startswith(r"\begin") \
                and lines[k - 2].strip() == "$$":
            return k - 1
    raise LookupError(snippet)


def pandoc_blocks(text: str, masked: str):
    """(line, inner text) of the ``$$...$$`` displays and ``$...$`` inline formulas of ``text`` by Pandoc's rule for
    inline math (no blank line inside, no space after the opening ``$`` or before the closing one, the closing ``$``
    not followed by a digit), found in ``masked``: ``text`` with its comments and code blanked, line for line."""
    out, i = [], 0
    while True:
        j = masked.find("$", i)
        if j < 0:
            return out
        if j > 0 and masked[j - 1] == "\\":
            i = j + 1
            continue
        if masked.startswith("$$", j):
            k = masked.find("$$", j + 2)
            if k < 0:
                return out
            out.append((masked.count("\n", 0, j) + 1, text[j + 2:k]))
            i = k + 2
            continue
        if j + 1 >= len(masked) or masked[j + 1] in " \n":
            i = j + 1
            continue
        k, close = j + 1, None
        while k < len(masked):
            if masked[k] == "\\":
                k += 2
                continue
            if masked.startswith("\n\n", k) or masked.startswith("$$", k):
                break
            if masked[k] == "$" and masked[k - 1] not in " \n" and not masked[k + 1:k + 2].isdigit():
                close = k
                break
            k += 1
        if close is None:
            i = j + 1
            continue
        out.append((masked.count("\n", 0, j) + 1, text[j + 1:close]))
        i = close + 1


def rst_blocks(text: str):
    r"""(line, inner text) of every formula of a reStructuredText file: each ``:math:`...``` role, the formula on a
    ``.. math:: X`` line, and each paragraph of a ``.. math::`` directive (option lines such as ``:nowrap:`` before
    the first paragraph skipped; lines joined by newlines, the indentation stripped)."""
    lines, out, k = text.split("\n"), [], 0
    while k < len(lines):
        directive = re.match(r"^(\s*)\.\.\s+math::\s*(.*)$", lines[k])
        if directive:
            indent, rest = len(directive.group(1)), directive.group(2).strip()
            if rest:
                out.append((k + 1, rest))
            k, paragraph = k + 1, []
            while k < len(lines) and (not lines[k].strip() or len(lines[k]) - len(lines[k].lstrip()) > indent):
                if re.match(r"^\s*:[A-Za-z_-]+:", lines[k]) and not paragraph:
                    pass
                elif lines[k].strip():
                    paragraph.append(k)
                elif paragraph:
                    out.append((paragraph[0] + 1, "\n".join(lines[j].strip() for j in paragraph)))
                    paragraph = []
                k += 1
            if paragraph:
                out.append((paragraph[0] + 1, "\n".join(lines[j].strip() for j in paragraph)))
            continue
        for m in re.finditer(r":math:`([^`]*)`", lines[k]):
            out.append((k + 1, m.group(1)))
        k += 1
    return out


_MYST_FENCE = re.compile(r"^(`{3,}|~{3,})(.*)$")
_MYST_OPEN = re.compile(r"```\{math\}|\$\$|\\begin\{(equation|align|aligned|gather|multline|eqnarray)\*?\}|(?<!\\)\$")


def myst_masked(text: str) -> str:
    """``text`` with code cells and literal fences blanked line for line (MyST text directives and ```{math} kept,
    fences matched by their backtick count, indented ones too), HTML comments blanked, and, in a MyST file, its
    ``%`` comment lines (not rendered: the instructors' hidden solutions)."""
    blank = lambda s: re.sub(r"[^\n]", " ", s)
    text = re.sub(r"<!--.*?-->", lambda m: blank(m.group(0)), text, flags=re.DOTALL)
    myst = re.search(r"^\s*`{3,}\{", text, flags=re.MULTILINE) is not None
    out, directives, code = [], [], None
    for line in text.split("\n"):
        m = _MYST_FENCE.match(line.strip())
        if myst and code is None and line.strip().startswith("%"):
            out.append(blank(line))
            continue
        if code is not None:
            out.append(blank(line))
            code = None if m and m.group(1) == code and not m.group(2).strip() else code
            continue
        if m and m.group(2).strip().startswith("{") and not m.group(2).strip().startswith("{code"):
            directives.append(m.group(1))
            out.append(line if m.group(2).strip().startswith("{math}") else blank(line))
        elif m and not m.group(2).strip() and directives and directives[-1] == m.group(1):
            directives.pop()
            out.append(line)
        elif m:
            code = m.group(1)
            out.append(blank(line))
        else:
            out.append(line)
    return "\n".join(out)


def myst_blocks(text: str):
    """``(line, inner text)`` of every block of a MyST (Jupyter-book) file: ```{math} directives (their ``:label:``
    lines dropped), ``$$`` displays, unfenced environments and inline ``$...$``, found in :func:`myst_masked`."""
    masked, out, i = myst_masked(text), [], 0
    while True:
        m = _MYST_OPEN.search(masked, i)
        if m is None or (m.group(0) == "$$" and masked.find("$$", m.end()) < 0):
            return out
        token, start = m.group(0), m.start()
        line = masked.count("\n", 0, start) + 1
        if token == "```{math}":
            j = masked.find("```", m.end())  # the closing fence, indented or not
            body = [s for s in text[m.end():j - (masked[j - 1] == "\n")].split("\n") if not s.strip().startswith(":")]
            out.append((line, "\n".join(body)))
            i = j + 3
        elif token == "$$":
            j = masked.find("$$", m.end())
            out.append((line, text[m.end():j]))
            i = j + 2
        elif token.startswith("\\begin"):
            j = masked.find("}", masked.find("\\end{" + m.group(1), m.end())) + 1
            out.append((line, text[start:j]))
            i = j
        else:
            j = m.end()
            while masked[j] != "$" or masked[j - 1] == "\\":
                j += 1
            out.append((line, text[m.end():j]))
            i = j + 1


def text_line(lines, snippet: str) -> int:
    """The line (1-based) of the prose line of ``lines`` holding ``snippet`` (an inline formula)."""
    return next(k + 1 for k, text in enumerate(lines) if snippet in text and not text.startswith("<!--"))


def mp_points(lo, hi, count=41):
    """``count`` evenly spaced mpmath points from ``lo`` to ``hi``."""
    return [mp.mpf(lo) + (mp.mpf(hi) - mp.mpf(lo)) * k / (count - 1) for k in range(count)]


def holds_at(lhs, rhs, rel, points) -> bool:
    """``lhs(p) rel rhs(p)`` at every point, at 50 digits (a side with no real value fails the claim)."""
    with mp.workdps(50):
        for p in points:
            try:
                u, v = lhs(p), rhs(p)
            except (ValueError, ZeroDivisionError):
                return False
            if isinstance(u, mp.mpc) or isinstance(v, mp.mpc):
                return False
            tol = mp.mpf(10) ** -40 * max(1, abs(u), abs(v))
            ok = {"=": abs(u - v) <= tol, ">": u > v + tol, "<": u < v - tol, ">=": u >= v - tol,
                  "<=": u <= v + tol}[rel]
            if not ok:
                return False
    return True


def recorder():
    """``(entries, label, nonclaim)``: a fresh list of labels and the two functions that append to it (one list
    per round of labels; every round is checked by :func:`check_entries`)."""
    entries: list[dict] = []

    def label(file, line, role, lab, check, assumptions="", fn=None, pick=None):
        entries.append(dict(file=file, line=line, role=role, label=lab, check=check, assumptions=assumptions,
                            fn=fn, pick=pick))

    def nonclaim(file, line, role, check, pick=None):
        label(file, line, role, "not-a-claim", check, pick=pick)

    return entries, label, nonclaim


def nonclaim_table(nonclaim, file, table):
    """Record with ``nonclaim`` (a :func:`recorder`'s) each line of ``table``: ``LINE ROLE [| PICK]``, a note after
    ``#``."""
    for row in table.strip().splitlines():
        row, _, note = row.partition("#")
        head, _, pick = row.partition("|")
        line, role = head.split()
        nonclaim(file, int(line), role, note.strip() or role, pick=pick.strip() or None)


ENTRIES, label, nonclaim = recorder()


# ---------------------------------------------------------------- d2l_integral_calculus.md
IC = "d2l_integral_calculus.md"
_f = sp.cos(x) + x**2  # a test integrand for the general rules
_F = sp.integrate(_f.subs(x, y), (y, 0, x))


def _ic_dummy():
    return zero(sp.integrate(_f, (x, a, b)) - sp.integrate(_f.subs(x, z), (z, a, b)))


def _ic_ftc_ab():
    return zero(sp.integrate(_f, (x, a, b)) - (_F.subs(x, b) - _F.subs(x, a)))


def _ic_shift():
    return zero(_F.subs(x, x + e) - _F - sp.integrate(_f.subs(x, y), (y, x, x + e)))


def _ic_approx():
    return zero(sp.limit((_F.subs(x, x + e) - _F) / e, e, 0) - _f)


def _ic_ftc():
    return zero(sp.diff(_F, x) - _f)


def _ic_ftc_inf():
    g = sp.exp(-y**2)
    return zero(sp.diff(sp.integrate(g, (y, -sp.oo, x)), x) - g.subs(y, x))


def _ic_constants():
    C = sp.Symbol("C")
    return zero((_F.subs(x, b) + C) - (_F.subs(x, a) + C) - sp.integrate(_f, (x, a, b)))


def _ic_power():
    nn = sp.Symbol("n", positive=True)
    xx = sp.Symbol("x", positive=True)
    return all(zero(sp.integrate(m * y**(m - 1), (y, 0, xx)) - xx**m) for m in (1, 2, 3, 7)) and \
        zero(sp.integrate(nn * y**(nn - 1), (y, 0, xx)) - xx**nn)


def _ic_exp():
    return zero(sp.integrate(sp.exp(y), (y, 0, x)) - (sp.exp(x) - 1))


_uu = x**2 + 1  # a test substitution u(x)


def _ic_chain():
    return zero(sp.diff(_F.subs(x, _uu), x) - _f.subs(x, _uu) * sp.diff(_uu, x))


def _ic_cov():
    lhs = sp.integrate(_f.subs(x, y), (y, _uu.subs(x, 0), _uu))
    rhs = sp.integrate((_f.subs(x, _uu) * sp.diff(_uu, x)).subs(x, y), (y, 0, x))
    return zero(lhs - rhs)


def _ic_cov_eps():
    lhs = sp.integrate((_f.subs(x, _uu) * sp.diff(_uu, x)).subs(x, y), (y, x, x + e))
    rhs = sp.integrate(_f.subs(x, y), (y, _uu, _uu.subs(x, x + e)))
    return zero(lhs - rhs)


def _ic_dudx():
    return zero(sp.diff(sp.exp(-x**2), x) - (-2 * x * sp.exp(-x**2)))


def _ic_153():
    one = sp.integrate(1, (y, sp.exp(0), sp.exp(-1)))
    return zero(sp.exp(-1) - 1 - one) and zero(one + 2 * sp.integrate(y * sp.exp(-y**2), (y, 0, 1)))


label(IC, 26, "claim", "right", "sympy: integrate(cos x + x^2, (x,a,b)) equals the same with the dummy renamed z",
      fn=_ic_dummy)
label(IC, 56, "claim", "right", "sympy with f = cos x + x^2, F(x) = int_0^x f: int_a^b f - (F(b)-F(a)) simplifies to 0",
      "F(x) = int_0^x f(y) dy", _ic_ftc_ab)
label(IC, 66, "claim", "right", "sympy with f = cos x + x^2: F(x+eps)-F(x) - int_x^{x+eps} f = 0", "F(x) = int_0^x f", _ic_shift)
label(IC, 74, "claim", "right", "approximation to first order: sympy limit((F(x+eps)-F(x))/eps, eps, 0) = f(x) for f = cos x + x^2",
      "eps -> 0", _ic_approx)
label(IC, 80, "claim", "right", "sympy: diff(int_0^x f, x) = f for f = cos x + x^2", "f continuous", _ic_ftc)
label(IC, 85, "claim", "right", "sympy: d/dx int_{-oo}^x exp(-y^2) dy = exp(-x^2)", "f integrable, continuous", _ic_ftc_inf)
label(IC, 89, "claim", "right", "sympy with f = cos x + x^2 and a symbol C", "", _ic_constants)
label(IC, 95, "claim", "right", "sympy: int_0^x n y^(n-1) dy = x^n for n = 1,2,3,7 and for symbolic n > 0, x > 0",
      "n > 0", _ic_power)
label(IC, 101, "claim", "right", "sympy: int_0^x e^y dy = e^x - 1 (the integration variable reuses the name x; read as a dummy)",
      "", _ic_exp)
label(IC, 119, "claim", "right", "sympy chain rule with F = int_0^x (cos y + y^2) dy, u = x^2+1", "", _ic_chain)
label(IC, 125, "claim", "right", "sympy with f = cos + square, u = x^2+1: F(u(x)) - F(u(0)) = int_0^x f(u(y)) u'(y) dy",
      "F' = f", _ic_cov)
label(IC, 131, "claim", "right", "same check as line 125 (left side rewritten as int_{u(0)}^{u(x)} f)", "F' = f", _ic_cov)
label(IC, 137, "claim", "right", "sympy change of variables with f = cos y + y^2, u = x^2+1", "", _ic_cov)
label(IC, 145, "claim", "right", "sympy change of variables on [x, x+eps] with f = cos y + y^2, u = x^2+1", "", _ic_cov_eps)
label(IC, 151, "claim", "right", "sympy: diff(exp(-x^2), x) = -2x exp(-x^2)", "u(x) = e^{-x^2}", _ic_dudx,
      pick=r"\frac{du}{dx}(x) = -2xe^{-x^{2}}")
label(IC, 153, "claim", "right", "sympy: int_1^{e^-1} 1 dy = e^-1 - 1 and -2 int_0^1 y e^{-y^2} dy = e^-1 - 1", "",
      _ic_153)
label(IC, 159, "claim", "right", "sympy: int_0^1 y e^{-y^2} dy - (1-e^-1)/2 = 0", "",
      lambda: zero(sp.integrate(y * sp.exp(-y**2), (y, 0, 1)) - (1 - sp.exp(-1)) / 2))
label(IC, 167, "claim", "right", "sympy: integral = e^-1 - 1 = -0.632 < 0", "",
      lambda: zero(sp.integrate(1, (y, 1, sp.exp(-1))) - (sp.exp(-1) - 1)) and float(sp.exp(-1) - 1) < 0)
label(IC, 175, "claim", "right", "sympy: integrate(-1, (x, 0, 1)) = -1", "", lambda: sp.integrate(-1, (x, 0, 1)) == -1)
label(IC, 181, "claim", "right", "sympy: integrate(1, (x, 0, -1)) = -1", "", lambda: sp.integrate(1, (x, 0, -1)) == -1)
label(IC, 187, "claim", "right", "sympy: integrate(-1, (x, 0, -1)) = 1", "", lambda: sp.integrate(-1, (x, 0, -1)) == 1)
_fxy = x * y**2 + sp.exp(x - y)
label(IC, 204, "claim", "right", "Fubini on a rectangle, sympy with f = x y^2 + exp(x-y): both iterated orders agree",
      "f continuous on the rectangle",
      lambda: zero(sp.integrate(sp.integrate(_fxy, (x, a, b)), (y, c, d)) - sp.integrate(sp.integrate(_fxy, (y, c, d)), (x, a, b))))
label(IC, 230, "claim", "right", "Riemann sum approximates the integral; sympy: int_c^d G(y) dy with G(y) = int_a^b f(x,y) dx equals the double integral for f = x y^2 + exp(x-y)",
      "f continuous", lambda: zero(sp.integrate(sp.integrate(_fxy, (x, a, b)), (y, c, d))
                                   - sp.integrate(_fxy, (x, a, b), (y, c, d))))
label(IC, 236, "claim", "right", "Fubini, as line 204", "f continuous",
      lambda: zero(sp.integrate(_fxy, (x, a, b), (y, c, d)) - sp.integrate(sp.integrate(_fxy, (x, a, b)), (y, c, d))))
label(IC, 244, "claim", "right", "Fubini (other order), sympy as line 204", "f continuous",
      lambda: zero(sp.integrate(_fxy, (x, a, b), (y, c, d)) - sp.integrate(sp.integrate(_fxy, (y, c, d)), (x, a, b))))


def _ic_multi_cov():
    # phi(s, t) = (2s + t, t) maps U = [0,1]^2 onto a parallelogram; |det D phi| = 2.
    g = x**2 + y  # f
    lhs = sp.integrate(g, (x, y, y + 2), (y, 0, 1))  # integral over phi(U) = {(x, y): 0<=y<=1, y<=x<=y+2}
    rhs = sp.integrate(g.subs({x: 2 * s + t, y: t}) * 2, (s, 0, 1), (t, 0, 1))
    return zero(lhs - rhs)


label(IC, 261, "claim", "right", "sympy: phi(s,t) = (2s+t, t), U = [0,1]^2, f = x^2 + y: both sides equal", "phi injective, C^1",
      _ic_multi_cov)
label(IC, 291, "claim", "right", "sympy: det([[cos,-r sin],[sin, r cos]]) simplifies to r; |r| = r for r >= 0", "r >= 0",
      lambda: zero(sp.Matrix([[sp.cos(theta), -r * sp.sin(theta)], [sp.sin(theta), r * sp.cos(theta)]]).det() - r))
label(IC, 300, "claim", "right", "sympy: int_0^oo int_0^{2pi} r e^{-r^2} = 2 pi int_0^oo r e^{-r^2} dr = pi", "",
      lambda: sp.integrate(r * sp.exp(-r**2), (theta, 0, 2 * sp.pi), (r, 0, sp.oo)) == sp.pi
      and sp.simplify(2 * sp.pi * sp.integrate(r * sp.exp(-r**2), (r, 0, sp.oo))) == sp.pi)
nonclaim(IC, 16, "example", "an example function named in prose", pick="f(x) = x^{2}")
nonclaim(IC, 20, "definition", "defines Area(A)")
nonclaim(IC, 50, "definition", "defines F as an integral")
nonclaim(IC, 113, "definition", "defines F as an integral")
nonclaim(IC, 151, "definition", "chooses f(y) = 1 for the example", pick="f(y) = 1")
nonclaim(IC, 151, "definition", "chooses u for the example", pick="u(x) = e^{-x^{2}}")
nonclaim(IC, 224, "definition", "defines G")
nonclaim(IC, 240, "example", "an example function (Fubini counterexample)", pick="f(x, y) = xy(x^2-y^2)/(x^2+y^2)^3")
nonclaim(IC, 248, "definition", "names the rectangle U")
nonclaim(IC, 283, "definition", "polar coordinates: defines x", pick=r"x = r \cos(\theta)")
nonclaim(IC, 283, "definition", "polar coordinates: defines y", pick=r"y = r \sin(\theta)")
nonclaim(IC, 34, "no-claim", "an integral named, no claim")
nonclaim(IC, 40, "no-claim", "an integral named, no claim")
nonclaim(IC, 198, "no-claim", "notation for a double integral")
nonclaim(IC, 279, "no-claim", "an integral named, no claim")


# ---------------------------------------------------------------- d2l_distributions.md
DI = "d2l_distributions.md"


def _moments(pmf: dict):
    m1 = sum(val * pr for val, pr in pmf.items())
    m2 = sum((val - m1)**2 * pr for val, pr in pmf.items())
    return sp.simplify(m1), sp.simplify(m2)


def _cdf_matches(pmf: dict, cdf, points) -> bool:
    return all(zero(sum(pr for val, pr in pmf.items() if val <= xx) - cdf(xx)) for xx in points)


_bern = {0: 1 - p, 1: p}
_pts = [sp.Rational(-1, 2), 0, sp.Rational(1, 3), 1, sp.Rational(3, 2), 2, sp.Rational(5, 2), 7]
label(DI, 23, "claim", "right", "sympy: P(X<=x) from the pmf {0:1-p, 1:p} at x in {-1/2,0,1/3,1,3/2,2,5/2,7}", "0<=p<=1",
      lambda: _cdf_matches(_bern, lambda xx: 0 if xx < 0 else (1 - p if xx < 1 else 1), _pts))
label(DI, 27, "claim", "right", "sympy: sum x p(x) = p", "X ~ Bernoulli(p)", lambda: zero(_moments(_bern)[0] - p))
label(DI, 28, "claim", "right", "sympy: sum (x-mu)^2 p(x) = p(1-p)", "X ~ Bernoulli(p)",
      lambda: zero(_moments(_bern)[1] - p * (1 - p)))


def _unif(nn):
    return {i: sp.Rational(1, nn) for i in range(1, nn + 1)}


label(DI, 40, "claim", "right", "sympy: cdf of the uniform pmf on {1..n} vs k/n, n = 5 and 6, at the points above",
      "k = floor(x)", lambda: all(_cdf_matches(_unif(nn), lambda xx, nn=nn: 0 if xx < 1 else (1 if xx >= nn else sp.floor(xx) / nn), _pts)
                                  for nn in (5, 6)))
label(DI, 44, "claim", "right", "sympy: mean of uniform on {1..n} = (1+n)/2 for n = 1..12 and symbolically by summation",
      "X ~ U(n)", lambda: zero(sp.summation(k, (k, 1, n)) / n - (1 + n) / 2))
label(DI, 45, "claim", "right", "sympy: variance of uniform on {1..n} = (n^2-1)/12 (symbolic summation)", "X ~ U(n)",
      lambda: zero(sp.summation(k**2, (k, 1, n)) / n - ((1 + n) / 2)**2 - (n**2 - 1) / 12))
_aa, _bb = sp.symbols("a b", real=True)
_bgt = sp.Symbol("b_minus_a", positive=True)
label(DI, 61, "claim", "right", "sympy: int_a^x 1/(b-a) dt = (x-a)/(b-a) on [a,b]; 0 below a, 1 above b", "a < b",
      lambda: zero(sp.integrate(1 / (b - a), (t, a, x)) - (x - a) / (b - a)))
label(DI, 65, "claim", "right", "sympy: int_a^b x/(b-a) dx = (a+b)/2", "a < b",
      lambda: zero(sp.integrate(x / (b - a), (x, a, b)) - (a + b) / 2))
label(DI, 66, "claim", "right", "sympy: int_a^b (x-(a+b)/2)^2/(b-a) dx = (b-a)^2/12", "a < b",
      lambda: zero(sp.integrate((x - (a + b) / 2)**2 / (b - a), (x, a, b)) - (b - a)**2 / 12))
label(DI, 84, "claim", "right", "sympy: binomial(n,k) = n!/(k!(n-k)!) for 0<=k<=n<=12", "0 <= k <= n integers",
      lambda: all(sp.binomial(nn, kk) == sp.factorial(nn) / (sp.factorial(kk) * sp.factorial(nn - kk))
                  for nn in range(13) for kk in range(nn + 1)))


def _binom_pmf(nn):
    return {m: sp.binomial(nn, m) * p**m * (1 - p)**(nn - m) for m in range(nn + 1)}


label(DI, 86, "claim", "right", "sympy: cdf of the Binomial(n,p) pmf vs the stated cases, n = 4, at the points above",
      "k = floor(x)", lambda: _cdf_matches(_binom_pmf(4), lambda xx: 0 if xx < 0 else (1 if xx >= 4 else sum(
          sp.binomial(4, m) * p**m * (1 - p)**(4 - m) for m in range(int(sp.floor(xx)) + 1))), _pts))
label(DI, 90, "claim", "right", "sympy: mean of the Binomial(n,p) pmf = np for n = 1..8", "X ~ Binomial(n,p)",
      lambda: all(zero(_moments(_binom_pmf(nn))[0] - nn * p) for nn in range(1, 9)))
label(DI, 91, "claim", "right", "sympy: variance of the Binomial(n,p) pmf = np(1-p) for n = 1..8", "X ~ Binomial(n,p)",
      lambda: all(zero(_moments(_binom_pmf(nn))[1] - nn * p * (1 - p)) for nn in range(1, 9)))
label(DI, 108, "claim", "right", "sympy: n(p/n) - p = 0", "", lambda: zero(n * (p / n) - p), pick=r"\mu_{X^{(n)}} = n(p/n) = p")
label(DI, 108, "claim", "right", "sympy: n(p/n)(1-p/n) - p(1-p/n) = 0", "",
      lambda: zero(n * (p / n) * (1 - p / n) - p * (1 - p / n)),
      pick=r"\sigma_{X^{(n)}}^2 = n(p/n)(1-(p/n)) = p(1-p/n)")
label(DI, 108, "claim", "right", "limit of the mean p as n -> oo is p (sympy limit)", "n -> oo",
      lambda: sp.limit(n * (p / n), n, sp.oo) == p, pick=r"\mu_{X^{(\infty)}} = p")
label(DI, 108, "claim", "right", "sympy: limit(p(1-p/n), n, oo) = p", "n -> oo",
      lambda: sp.limit(p * (1 - p / n), n, sp.oo) == p, pick=r"\sigma_{X^{(\infty)}}^2 = p")


def _poisson_sum(f):
    kk = sp.Symbol("k", integer=True, nonnegative=True)
    ll = sp.Symbol("lambda", positive=True)
    return sp.simplify(sp.summation(f(kk, ll) * ll**kk * sp.exp(-ll) / sp.factorial(kk), (kk, 0, sp.oo))), ll


label(DI, 120, "claim", "right", "sympy: partial sums of lambda^m e^-lambda/m! up to k = floor(x) at the points above (lambda symbolic)",
      "k = floor(x)", lambda: all(zero(sum(lam**m * sp.exp(-lam) / sp.factorial(m) for m in range(int(sp.floor(xx)) + 1))
                                       - sp.exp(-lam) * sp.summation(lam**k / sp.factorial(k), (k, 0, int(sp.floor(xx)))))
                                  for xx in _pts if xx >= 0))
label(DI, 124, "claim", "right", "sympy: sum_k k lambda^k e^-lambda / k! = lambda", "X ~ Poisson(lambda), lambda > 0",
      lambda: zero(_poisson_sum(lambda kk, ll: kk)[0] - _poisson_sum(lambda kk, ll: kk)[1]))
label(DI, 125, "claim", "right", "sympy: sum_k (k-lambda)^2 lambda^k e^-lambda / k! = lambda", "X ~ Poisson(lambda)",
      lambda: zero(_poisson_sum(lambda kk, ll: (kk - ll)**2)[0] - _poisson_sum(lambda kk, ll: kk)[1]))
label(DI, 128, "claim", "right", "sympy: limit(n p, n, oo) = oo for p > 0", "0 < p fixed",
      lambda: sp.limit(n * sp.Symbol("p", positive=True), n, sp.oo) == sp.oo, pick=r"\mu_{X^{(n)}} = np \rightarrow \infty")
label(DI, 128, "claim", "right", "sympy: limit(n p (1-p), n, oo) = oo for 0<p<1 (p = 1/5)", "0 < p < 1 fixed",
      lambda: sp.limit(n * sp.Rational(1, 5) * sp.Rational(4, 5), n, sp.oo) == sp.oo,
      pick=r"\sigma_{X^{(n)}}^2 = np(1-p) \rightarrow \infty")


def _clt():
    nn, pp = 4000, 0.2
    m, sd = nn * pp, (nn * pp * (1 - pp))**0.5
    lo, hi = m - sd, m + sd
    prob = sum(mp.binomial(nn, kk) * mp.mpf(pp)**kk * mp.mpf(1 - pp)**(nn - kk) for kk in range(int(np.ceil(lo)), int(np.floor(hi)) + 1))
    return abs(prob - mp.erf(1 / mp.sqrt(2))) < 0.02


label(DI, 142, "claim", "right", "mpmath: n = 4000, p = 0.2: P(Y in [-1,1]) from the binomial pmf is within 0.02 of erf(1/sqrt2) = 0.6827 (central limit theorem)",
      "n -> oo", _clt)
_mean = lambda dens: mp.quad(lambda xx: xx * dens(xx), [-mp.inf, mp.inf])
_gauss = lambda m, s_: (lambda xx: mp.exp(-(xx - m)**2 / (2 * s_**2)) / mp.sqrt(2 * mp.pi * s_**2))
label(DI, 168, "claim", "right", "mpmath quad: mean of N(mu, sigma^2) density = mu for (mu, sigma) = (0.3, 1.7), (-2, 0.5)", "",
      lambda: all(close(_mean(_gauss(m, s_)), m) for m, s_ in ((0.3, 1.7), (-2, 0.5))))
label(DI, 169, "claim", "right", "mpmath quad: variance of N(mu, sigma^2) = sigma^2 for (0.3, 1.7), (-2, 0.5)", "",
      lambda: all(close(mp.quad(lambda xx: (xx - m)**2 * _gauss(m, s_)(xx), [-mp.inf, mp.inf]), s_**2) for m, s_ in ((0.3, 1.7), (-2, 0.5))))
_sg = sp.Symbol("sigma", positive=True)
label(DI, 208, "claim", "right", "sympy: the two forms of the Gaussian density agree (ratio simplifies to 1)", "sigma > 0",
      lambda: zero(sp.exp(-(x - mu)**2 / (2 * _sg**2)) / sp.sqrt(2 * sp.pi * _sg**2)
                   - sp.exp(mu / _sg**2 * x - x**2 / (2 * _sg**2) - (mu**2 / (2 * _sg**2) + sp.log(_sg))) / sp.sqrt(2 * sp.pi)))
label(DI, 225, "claim", "right", "sympy with eta1 = mu/sigma^2, eta2 = 1/(2 sigma^2): both forms of A(eta) agree", "sigma > 0",
      lambda: zero(mu**2 / (2 * _sg**2) + sp.log(_sg)
                   - ((mu / _sg**2)**2 / (4 / (2 * _sg**2)) - sp.log(2 / (2 * _sg**2)) / 2)))
nonclaim(DI, 17, "no-claim", "notation X ~ Bernoulli(p)")
nonclaim(DI, 32, "definition", "pmf of the discrete uniform")
nonclaim(DI, 34, "no-claim", "notation X ~ U(n)")
nonclaim(DI, 51, "no-claim", "notation X ~ U(a,b)")
nonclaim(DI, 57, "definition", "density of the continuous uniform")
nonclaim(DI, 74, "definition", "defines the binomial variable X as a sum")
nonclaim(DI, 80, "no-claim", "notation X ~ Binomial(n,p)")
nonclaim(DI, 106, "no-claim", "distribution statement (notation)")
nonclaim(DI, 114, "definition", "defines the Poisson pmf")
nonclaim(DI, 132, "definition", "defines Y^(n)")
nonclaim(DI, 148, "definition", "defines the Gaussian density")
nonclaim(DI, 154, "definition", "defines X^(N) as a sum")
nonclaim(DI, 164, "condition", "moment condition of the CLT")
nonclaim(DI, 178, "definition", "defines the exponential family density")
nonclaim(DI, 202, "definition", "defines the cumulant function A")
nonclaim(DI, 220, "definition", "names h(x) for the Gaussian")
nonclaim(DI, 224, "definition", "names T(x) for the Gaussian")


# ---------------------------------------------------------------- d2l_multivariable_calculus.md
MV = "d2l_multivariable_calculus.md"
_w1, _w2, _w3 = sp.symbols("w1 w2 w3", real=True)
_L = sp.exp(_w1) * sp.sin(_w2) + _w1 * _w2**2 + sp.log(1 + _w3**2)


def _first_order(directions) -> bool:
    """(L(w + h d) - L(w) - h d . grad L(w)) / h -> 0 as h -> 0: the first-order Taylor approximation."""
    h = sp.Symbol("h")
    ws = (_w1, _w2, _w3)
    grad = [sp.diff(_L, wi) for wi in ws]
    shifted = _L.subs({wi: wi + h * di for wi, di in zip(ws, directions)}, simultaneous=True)
    rem = (shifted - _L - h * sum(di * gi for di, gi in zip(directions, grad))) / h
    return sp.limit(rem.subs({_w1: sp.Rational(1, 3), _w2: sp.Rational(1, 2), _w3: 2}), h, 0) == 0


label(MV, 16, "claim", "right", "first-order Taylor in w1: sympy limit of the remainder/h = 0 for L = e^w1 sin w2 + w1 w2^2 + log(1+w3^2)",
      "epsilon_1 small", lambda: _first_order((1, 0, 0)))
label(MV, 22, "claim", "right", "first-order Taylor in (w1, w2), the eps1*eps2 term dropped: sympy limit of remainder/h = 0 along (1, 1)",
      "epsilon small", lambda: _first_order((1, 1, 0)))
label(MV, 37, "claim", "right", "first-order Taylor in all variables: sympy limit of remainder/h = 0 along (1, -2, 3)",
      "epsilon small", lambda: _first_order((1, -2, 3)))
label(MV, 50, "claim", "right", "vector form of line 37, same check along (2, 1, -1)", "epsilon small", lambda: _first_order((2, 1, -1)))
_lse = sp.log(sp.exp(x) + sp.exp(y))
label(MV, 56, "claim", "right", "sympy: diff(log(e^x+e^y), x) = e^x/(e^x+e^y), same for y", "",
      lambda: zero(sp.diff(_lse, x) - sp.exp(x) / (sp.exp(x) + sp.exp(y))) and zero(sp.diff(_lse, y) - sp.exp(y) / (sp.exp(x) + sp.exp(y))))
label(MV, 62, "claim", "right", "sympy at (0, log 2): f = log 3, gradient (1/3, 2/3)", "(x, y) = (0, log 2)",
      lambda: zero(_lse.subs({x: 0, y: sp.log(2)}) - sp.log(3))
      and zero(sp.diff(_lse, x).subs({x: 0, y: sp.log(2)}) - sp.Rational(1, 3))
      and zero(sp.diff(_lse, y).subs({x: 0, y: sp.log(2)}) - sp.Rational(2, 3)))
def _mv_68(d1, d2) -> bool:
    """The remainder of the first-order approximation at (0, log 2) shrinks like h^2 (mpmath, 30 digits)."""
    f = lambda xx, yy: mp.log(mp.exp(xx) + mp.exp(yy))
    rem = lambda h: f(h * d1, mp.log(2) + h * d2) - mp.log(3) - h * (mp.mpf(d1) / 3 + 2 * mp.mpf(d2) / 3)
    return all(abs(rem(mp.mpf(10)**-j)) < mp.mpf(10)**(-2 * j + 1) for j in (4, 6, 8))


label(MV, 68, "claim", "right", "first-order Taylor of log(e^x+e^y) at (0, log 2): mpmath, the remainder along (1,1) and (2,-1) is below 10 h^2 for h = 1e-4, 1e-6, 1e-8",
      "epsilon small", lambda: _mv_68(1, 1) and _mv_68(2, -1))


def _mv_76():
    g = RNG.normal(size=5)
    vv = RNG.normal(size=5)
    vv /= np.linalg.norm(vv)
    cos = vv @ g / np.linalg.norm(g)
    return abs(vv @ g - np.linalg.norm(g) * cos) < 1e-12


label(MV, 76, "claim", "right", "numpy: for unit v, v.g = |g| cos(theta) with theta the angle between v and g (random vectors); the first step is the first-order Taylor approximation",
      "|v| = 1", _mv_76)
_quart = 3 * x**4 - 4 * x**3 - 12 * x**2
label(MV, 90, "claim", "right", "sympy: diff(3x^4-4x^3-12x^2) = 12x^3-12x^2-24x = 12x(x-2)(x+1)", "f(x) = 3x^4-4x^3-12x^2",
      lambda: zero(sp.diff(_quart, x) - (12 * x**3 - 12 * x**2 - 24 * x)) and zero(12 * x**3 - 12 * x**2 - 24 * x - 12 * x * (x - 2) * (x + 1)))
_A_ = (w + x + y + z)**2
_B_ = (w + x - y - z)**2
_U_, _V_ = (_A_ + _B_)**2, (_A_ - _B_)**2
_Fw = (_U_ + _V_)**2
label(MV, 103, "claim", "right", "sympy: composing f(u,v), u(a,b), v(a,b), a, b of line 99 gives the stated polynomial (expand difference = 0)",
      "the definitions of line 99 (exact values at five integer points)", lambda: _agree4(_Fw, (((w+x+y+z)**2 + (w+x-y-z)**2)**2 + ((w+x+y+z)**2 - (w+x-y-z)**2)**2)**2))


_PTS4 = [dict(zip((w, x, y, z), pt)) for pt in ((1, 0, 0, 0), (-1, 0, -2, 1), (2, -1, 3, 1), (1, 2, -1, -3), (0, 1, 1, 2))]


def _agree4(lhs, rhs) -> bool:
    """Exact comparison of two polynomials in w, x, y, z at five integer points (degree-16 expansion is slow)."""
    return all(sp.simplify(lhs.subs(pt) - rhs.subs(pt)) == 0 for pt in _PTS4)


def _mv_109():
    P, M = w + x + y + z, w + x - y - z
    stated = 2 * (2 * (2 * P - 2 * M) * (P**2 - M**2) + 2 * (2 * M + 2 * P) * (M**2 + P**2)) * ((P**2 - M**2)**2 + (M**2 + P**2)**2)
    return _agree4(sp.diff(_Fw, w), stated)


label(MV, 109, "claim", "right", "sympy: diff(f, w) and the stated expression agree exactly at five integer points (w,x,y,z) (a degree-15 polynomial identity; 30 further random integer points agree too)",
      "f of line 103", _mv_109)
_fu, _fv = sp.Function("F")(u, v), None


def _chain_generic():
    aa, bb = sp.symbols("a b")
    uu = sp.sin(aa) * bb
    vv = aa**2 + sp.exp(bb)
    F = lambda U, V: U**3 * V + sp.cos(V)
    lhs = sp.diff(F(uu, vv), aa)
    U, V = sp.symbols("U V")
    rhs = (sp.diff(F(U, V), U) * sp.diff(uu, aa) + sp.diff(F(U, V), V) * sp.diff(vv, aa)).subs({U: uu, V: vv})
    return zero(lhs - rhs)


label(MV, 119, "claim", "right", "first-order approximation of f(u(a+eps,b), v(a+eps,b)); sympy: its eps-coefficient equals d/da f(u(a,b), v(a,b)) for f = u^3 v + cos v, u = b sin a, v = a^2 + e^b",
      "eps small", _chain_generic)
label(MV, 129, "claim", "right", "sympy multivariate chain rule with f = u^3 v + cos v, u = b sin a, v = a^2 + e^b", "", _chain_generic)


def _mv_partials():
    aa, bb, uu, vv = sp.symbols("a b u v")
    return (zero(sp.diff((uu + vv)**2, uu) - 2 * (uu + vv)) and zero(sp.diff((uu + vv)**2, vv) - 2 * (uu + vv))
            and zero(sp.diff((aa + bb)**2, aa) - 2 * (aa + bb)) and zero(sp.diff((aa + bb)**2, bb) - 2 * (aa + bb))
            and zero(sp.diff((aa - bb)**2, aa) - 2 * (aa - bb)) and zero(sp.diff((aa - bb)**2, bb) + 2 * (aa - bb))
            and zero(sp.diff((w + x + y + z)**2, w) - 2 * (w + x + y + z)) and zero(sp.diff((w + x - y - z)**2, w) - 2 * (w + x - y - z)))


def _mv_backprop(var):
    aa, bb, uu, vv = sp.symbols("a b u v")
    f_u, f_v = 2 * (uu + vv), 2 * (uu + vv)
    u_a, u_b, v_a, v_b = 2 * (aa + bb), 2 * (aa + bb), 2 * (aa - bb), -2 * (aa - bb)
    f_a, f_b = f_u * u_a + f_v * v_a, f_u * u_b + f_v * v_b
    rhs = f_a * sp.diff(_A_, var) + f_b * sp.diff(_B_, var)
    subs = {uu: _U_, vv: _V_}
    rhs = rhs.subs(subs).subs({aa: _A_, bb: _B_})
    return _agree4(sp.diff(_Fw, var), rhs)


label(MV, 147, "claim", "right", "sympy: the chain-rule sums of line 147 reproduce diff(f, w) for the functions of line 137", "", lambda: _mv_backprop(w))
label(MV, 157, "claim", "right", "sympy: each single step partial of line 157", "", _mv_partials)
label(MV, 168, "claim", "right", "sympy: df/dw via df/da, df/db equals diff(f, w)", "", lambda: _mv_backprop(w))
label(MV, 178, "claim", "right", "sympy: df/dx, df/dy, df/dz via df/da, df/db equal diff(f, x), diff(f, y), diff(f, z)", "",
      lambda: all(_mv_backprop(var) for var in (x, y, z)))
label(MV, 201, "claim", "right", "sympy: mixed partials of x1^3 x2^2 sin(x3) + exp(x1 x3) agree for every pair", "mixed partials continuous",
      lambda: all(zero(sp.diff(_L, p1, p2) - sp.diff(_L, p2, p1)) for p1 in (_w1, _w2, _w3) for p2 in (_w1, _w2, _w3)))
_b1, _b2, _c11, _c12, _c22 = sp.symbols("b1 b2 c11 c12 c22")
_x1, _x2 = sp.symbols("x1 x2")
_quad = a + _b1 * _x1 + _b2 * _x2 + _c11 * _x1**2 + _c12 * _x1 * _x2 + _c22 * _x2**2
_H = sp.hessian(_quad, (_x1, _x2))
label(MV, 207, "claim", "right", "sympy: value, gradient and Hessian of the general quadratic at 0", "f(x1,x2) = a + b1x1 + ...",
      lambda: _quad.subs({_x1: 0, _x2: 0}) == a and [sp.diff(_quad, vv_).subs({_x1: 0, _x2: 0}) for vv_ in (_x1, _x2)] == [_b1, _b2]
      and _H == sp.Matrix([[2 * _c11, _c12], [_c12, 2 * _c22]]))
label(MV, 217, "claim", "right", "sympy: a + (b1,b2).x + x^T H x / 2 - f(x) expands to 0", "f the quadratic of line 205",
      lambda: zero(sp.expand(a + _b1 * _x1 + _b2 * _x2 + (sp.Matrix([[_x1, _x2]]) * _H * sp.Matrix([_x1, _x2]))[0] / 2 - _quad)))


def _mv_223():
    p1, p2 = sp.symbols("p1 p2")
    at = {_x1: p1, _x2: p2}
    g = sp.Matrix([sp.diff(_quad, vv_).subs(at) for vv_ in (_x1, _x2)])
    dx = sp.Matrix([_x1 - p1, _x2 - p2])
    taylor = _quad.subs(at) + (g.T * dx)[0] + (dx.T * _H * dx)[0] / 2
    return zero(sp.expand(taylor - _quad))


label(MV, 223, "claim", "right", "sympy: the expansion at any point x0 reproduces the quadratic exactly (for a general f it is the second-order Taylor approximation)",
      "f quadratic (line 205)", _mv_223)
_g2 = x * sp.exp(-x**2 - y**2)
label(MV, 234, "claim", "right", "sympy: gradient and hessian of x exp(-x^2-y^2) equal the stated matrices", "",
      lambda: zero(sp.diff(_g2, x) - sp.exp(-x**2 - y**2) * (1 - 2 * x**2)) and zero(sp.diff(_g2, y) + sp.exp(-x**2 - y**2) * 2 * x * y)
      and all(zero(ent) for ent in (sp.hessian(_g2, (x, y)) - sp.exp(-x**2 - y**2) * sp.Matrix([[4 * x**3 - 6 * x, 4 * x**2 * y - 2 * y], [4 * x**2 * y - 2 * y, 4 * x * y**2 - 2 * x]]))))


def _mv_240():
    at = {x: -1, y: 0}
    g = [sp.diff(_g2, vv_).subs(at) for vv_ in (x, y)]
    H = sp.hessian(_g2, (x, y)).subs(at)
    dx = sp.Matrix([x + 1, y])
    taylor = _g2.subs(at) + g[0] * (x + 1) + g[1] * y + (dx.T * H * dx)[0] / 2
    return zero(sp.expand(taylor - sp.exp(-1) * (-1 - (x + 1) + 2 * (x + 1)**2 + 2 * y**2)))


label(MV, 240, "claim", "wrong", "sympy: the second-order Taylor polynomial at (-1,0) is e^-1(-1-(x+1)+(x+1)^2+y^2); the text has 2(x+1)^2 + 2y^2 (the factor 1/2 of the Hessian term is lost). At (x,y) = (0,0): e^-1(-1-1+1) vs e^-1(-1-1+2)",
      "approximating quadratic at [-1, 0]", _mv_240)
_bs = sp.symbols("beta1:5")
_xs = sp.symbols("x1:5")
label(MV, 262, "claim", "right", "sympy, n = 4: beta x = sum beta_i x_i", "beta a row vector", lambda: zero((sp.Matrix([_bs]) * sp.Matrix(_xs))[0] - sum(bi * xi for bi, xi in zip(_bs, _xs))))
label(MV, 268, "claim", "right", "sympy, n = 4: diff(sum beta_i x_i, x1) = beta1", "f(x) = beta x",
      lambda: sp.diff(sum(bi * xi for bi, xi in zip(_bs, _xs)), _xs[0]) == _bs[0])
label(MV, 274, "claim", "right", "sympy, n = 4: diff(sum beta_j x_j, x_i) = beta_i for each i", "f(x) = beta x",
      lambda: all(sp.diff(sum(bi * xi for bi, xi in zip(_bs, _xs)), _xs[i]) == _bs[i] for i in range(4)))
label(MV, 280, "claim", "right", "sympy, n = 4: the gradient column equals beta^T", "f(x) = beta x",
      lambda: sp.Matrix([sp.diff(sum(bi * xi for bi, xi in zip(_bs, _xs)), xi) for xi in _xs]) == sp.Matrix([_bs]).T)
_Am = sp.Matrix(3, 3, lambda i, j: sp.Symbol(f"a{i}{j}"))
_xv = sp.Matrix(sp.symbols("x0:3"))
_qf = (_xv.T * _Am * _xv)[0]
label(MV, 298, "claim", "right", "sympy, n = 3: x^T A x = sum_ij x_i a_ij x_j (Einstein summation)", "",
      lambda: zero(_qf - sum(_xv[i] * _Am[i, j] * _xv[j] for i in range(3) for j in range(3))))
label(MV, 304, "claim", "right", "product rule, sympy n = 3: d/dx_k of sum x_i a_ij x_j equals both product-rule terms summed", "",
      lambda: all(zero(sp.diff(_qf, _xv[kk]) - sum(sp.diff(_xv[i], _xv[kk]) * _Am[i, j] * _xv[j] + _xv[i] * _Am[i, j] * sp.diff(_xv[j], _xv[kk]) for i in range(3) for j in range(3))) for kk in range(3)))
label(MV, 310, "claim", "right", "sympy n = 3: d/dx_k x^T A x = sum_j a_kj x_j + sum_i x_i a_ik", "Einstein summation",
      lambda: all(zero(sp.diff(_qf, _xv[kk]) - sum(_Am[kk, j] * _xv[j] for j in range(3)) - sum(_xv[i] * _Am[i, kk] for i in range(3))) for kk in range(3)))
label(MV, 316, "claim", "right", "sympy n = 3: = sum_i (a_ki + a_ik) x_i", "Einstein summation",
      lambda: all(zero(sp.diff(_qf, _xv[kk]) - sum((_Am[kk, i] + _Am[i, kk]) * _xv[i] for i in range(3))) for kk in range(3)))
label(MV, 322, "claim", "right", "sympy n = 3: k-th component of the gradient equals [(A + A^T) x]_k", "",
      lambda: all(zero(sp.diff(_qf, _xv[kk]) - ((_Am + _Am.T) * _xv)[kk]) for kk in range(3)))
label(MV, 328, "claim", "right", "sympy n = 3: gradient of x^T A x = (A + A^T) x", "A square",
      lambda: sp.simplify(sp.Matrix([sp.diff(_qf, xi) for xi in _xv]) - (_Am + _Am.T) * _xv) == sp.zeros(3, 1))
label(MV, 334, "claim", "right", "sympy: d/dx (x a x) = a x + x a = 2 a x", "", lambda: zero(sp.diff(x * a * x, x) - (a + a) * x))
label(MV, 338, "claim", "right", "sympy: d/dx (a x^2) = 2ax = (a+a)x", "", lambda: zero(sp.diff(a * x**2, x) - 2 * a * x) and zero(2 * a * x - (a + a) * x))
label(MV, 346, "claim", "wrong", "sympy: d/dv (x-uv)^2 = -2(x-uv)u, not 2(x-uv)u; at x=1,u=1,v=0: -2 vs 2", "",
      lambda: zero(sp.diff((x - u * v)**2, v) - 2 * (x - u * v) * u))

_nX, _rX, _mX = 2, 2, 3
_Xm = sp.Matrix(_nX, _mX, lambda i, j: sp.Symbol(f"x{i}{j}"))
_Um = sp.Matrix(_nX, _rX, lambda i, j: sp.Symbol(f"u{i}{j}"))
_Vm = sp.Matrix(_rX, _mX, lambda i, j: sp.Symbol(f"v{i}{j}"))
_R = _Xm - _Um * _Vm
_frob = sum(ent**2 for ent in _R)
_gradV = sp.Matrix(_rX, _mX, lambda i, j: sp.diff(_frob, _Vm[i, j]))


def _grad_is(candidate) -> bool:
    return all(zero(sp.expand(ent)) for ent in (_gradV - candidate))


label(MV, 360, "claim", "wrong", "sympy, n=2, r=2, m=3 symbolic entries: d/dV ||X-UV||^2 = -2U^T(X-UV); the stated 2U^T(X-UV) has the wrong sign (and ||.||_2 read as the Frobenius norm)",
      "X n x m, U n x r, V r x m", lambda: _grad_is(2 * _Um.T * _R))
label(MV, 372, "claim", "right", "sympy: ||X-UV||_F^2 = sum_ij (x_ij - sum_k u_ik v_kj)^2 (Frobenius norm read for ||.||_2)", "",
      lambda: zero(sp.expand(_frob - sum((_Xm[i, j] - sum(_Um[i, kk] * _Vm[kk, j] for kk in range(_rX)))**2 for i in range(_nX) for j in range(_mX)))))
label(MV, 378, "claim", "wrong", "sympy: the chain rule gives sum 2(x_ij - sum u v)(-sum u dv/dv_ab): the minus sign of the inner derivative is lost, the stated expression is the negative of the derivative",
      "", lambda: all(zero(sp.expand(_gradV[aa_, bb_] - sum(2 * _R[i, j] * sum(_Um[i, kk] * (1 if (kk, j) == (aa_, bb_) else 0) for kk in range(_rX)) for i in range(_nX) for j in range(_mX)))) for aa_ in range(_rX) for bb_ in range(_mX)))
label(MV, 384, "claim", "wrong", "sympy: the derivative is -sum_i 2 (x_ib - sum_k u_ik v_kb) u_ia; sign lost", "",
      lambda: all(zero(sp.expand(_gradV[aa_, bb_] - sum(2 * _R[i, bb_] * _Um[i, aa_] for i in range(_nX)))) for aa_ in range(_rX) for bb_ in range(_mX)))
label(MV, 390, "claim", "right", "sympy, 4 variables: d/dx1 (sum x_i)^2 = 2 sum x_i", "",
      lambda: zero(sp.diff(sum(_xs)**2, _xs[0]) - 2 * sum(_xs)))
label(MV, 396, "claim", "right", "sympy: sum_k u_ik v_kb = (UV)_ib for all i, b", "",
      lambda: all(zero(sum(_Um[i, kk] * _Vm[kk, bb_] for kk in range(_rX)) - (_Um * _Vm)[i, bb_]) for i in range(_nX) for bb_ in range(_mX)))
label(MV, 402, "claim", "right", "sympy: x_ib - sum_k u_ik v_kb = (X-UV)_ib", "",
      lambda: all(zero(_Xm[i, bb_] - sum(_Um[i, kk] * _Vm[kk, bb_] for kk in range(_rX)) - _R[i, bb_]) for i in range(_nX) for bb_ in range(_mX)))
label(MV, 408, "claim", "wrong", "sympy: derivative is -2 sum_i (X-UV)_ib u_ia; sign lost", "",
      lambda: all(zero(sp.expand(_gradV[aa_, bb_] - 2 * sum(_R[i, bb_] * _Um[i, aa_] for i in range(_nX)))) for aa_ in range(_rX) for bb_ in range(_mX)))
label(MV, 412, "claim", "right", "sympy: U[i,a] = U^T[a,i]", "", lambda: all(_Um[i, j] == _Um.T[j, i] for i in range(_nX) for j in range(_rX)))
label(MV, 414, "claim", "wrong", "sympy: derivative is -2 sum_i U^T_ai (X-UV)_ib; sign lost", "",
      lambda: all(zero(sp.expand(_gradV[aa_, bb_] - 2 * sum(_Um.T[aa_, i] * _R[i, bb_] for i in range(_nX)))) for aa_ in range(_rX) for bb_ in range(_mX)))
label(MV, 420, "claim", "wrong", "sympy: derivative is [-2U^T(X-UV)]_ab; sign lost", "",
      lambda: all(zero(sp.expand(_gradV[aa_, bb_] - (2 * _Um.T * _R)[aa_, bb_])) for aa_ in range(_rX) for bb_ in range(_mX)))
label(MV, 426, "claim", "wrong", "sympy: as line 360, d/dV ||X-UV||^2 = -2U^T(X-UV)", "", lambda: _grad_is(2 * _Um.T * _R))
label(MV, 352, "claim", "wrong", "the text itself rejects this guess: shapes n x m times n x r do not multiply (and the sign is wrong, see line 360)", "",
      lambda: False)
nonclaim(MV, 43, "definition", "defines epsilon and the gradient vector")
nonclaim(MV, 85, "definition", "defines f for the example")
nonclaim(MV, 94, "example", "the critical points named in prose", pick="x = -1, 0, 2")
nonclaim(MV, 94, "example", "the minimiser named in prose", pick="x = 2")
nonclaim(MV, 99, "definition", "defines f, u, v, a, b")
nonclaim(MV, 137, "definition", "repeats the definitions of line 99")
nonclaim(MV, 191, "definition", "defines the second derivatives")
nonclaim(MV, 197, "definition", "defines the Hessian")
nonclaim(MV, 205, "definition", "defines the quadratic")
nonclaim(MV, 229, "definition", "defines f for the example")
nonclaim(MV, 246, "definition", "defines f(x) = beta x")
nonclaim(MV, 250, "definition", "defines the denominator-layout derivative")
nonclaim(MV, 294, "no-claim", "the derivative asked for, no claim")
nonclaim(MV, 342, "no-claim", "a question, no claim")
nonclaim(MV, 366, "no-claim", "the derivative asked for, no claim")
nonclaim(MV, 433, "definition", "exercise: defines f", pick=r"f(\mathbf{x}) = \boldsymbol{\beta}\mathbf{x}")
nonclaim(MV, 435, "definition", "exercise: defines L")
nonclaim(MV, 436, "definition", "exercise: defines f")


# ---------------------------------------------------------------- d2l_eigendecomposition.md
EI = "d2l_eigendecomposition.md"
_A2 = sp.Matrix([[2, 1], [2, 3]])
_W2 = sp.Matrix([[1, 1], [-1, 2]])
_S2 = sp.diag(1, 4)
_G4 = np.array([[1.0, 0.1, 0.1, 0.1], [0.1, 3.0, 0.2, 0.3], [0.1, 0.2, 5.0, 0.5], [0.1, 0.3, 0.5, 9.0]])
_r4 = [sum(abs(_G4[i, j]) for j in range(4) if j != i) for i in range(4)]
label(EI, 79, "claim", "right", "sympy: (2-l)(3-l)-2 - (4-l)(1-l) expands to 0; both vanish at l = 1, 4 (det(A - l I))",
      "lambda an eigenvalue", lambda: zero(sp.expand((2 - lam) * (3 - lam) - 2 - (4 - lam) * (1 - lam)))
      and zero((_A2 - lam * sp.eye(2)).det() - ((2 - lam) * (3 - lam) - 2)))
label(EI, 118, "claim", "right", "sympy: A W - W Sigma = 0 for A = [[2,1],[2,3]], W = [[1,1],[-1,2]], Sigma = diag(1,4)", "",
      lambda: _A2 * _W2 == _W2 * _S2)
label(EI, 125, "claim", "right", "sympy: W Sigma W^-1 = A", "", lambda: _W2 * _S2 * _W2.inv() == _A2)
label(EI, 138, "claim", "right", "sympy: A^n = W Sigma^n W^-1 for n = 1..6", "",
      lambda: all(_A2**m == _W2 * _S2**m * _W2.inv() for m in range(1, 7)))
label(EI, 147, "claim", "right", "sympy: A^-1 = W Sigma^-1 W^-1", "eigenvalues non-zero", lambda: _A2.inv() == _W2 * _S2.inv() * _W2.inv())
label(EI, 158, "claim", "right", "numpy: det equals the product of the eigenvalues for 5 random 4x4 matrices", "",
      lambda: all(abs(np.linalg.det(M) - np.prod(np.linalg.eigvals(M))) < 1e-9 for M in RNG.normal(size=(5, 4, 4))))
label(EI, 191, "claim", "right", "numpy: eigh of a random symmetric 5x5 matrix: W diag(l) W^T reproduces A", "A symmetric",
      lambda: (lambda M: (lambda lw: np.allclose(lw[1] @ np.diag(lw[0]) @ lw[1].T, M))(np.linalg.eigh(M)))(
          (lambda B: B + B.T)(RNG.normal(size=(5, 5)))))
for _i, _val in enumerate((0.3, 0.6, 0.8, 0.9)):
    label(EI, 220, "claim", "right", f"numpy: r_{_i + 1} = sum_(j != i) |a_ij| = {_r4[_i]:.1f}", "",
          (lambda i=_i, val=_val: abs(_r4[i] - val) < 1e-12), pick=f"r_{_i + 1} = {_val}")
for _line, _i, (_lo, _hi) in ((224, 0, (0.7, 1.3)), (226, 1, (2.4, 3.6)), (228, 2, (4.2, 5.8)), (230, 3, (8.1, 9.9))):
    label(EI, _line, "claim", "right", f"numpy: [a_ii - r_i, a_ii + r_i] = [{_lo}, {_hi}]", "",
          lambda i=_i, lo=_lo, hi=_hi: abs(_G4[i, i] - _r4[i] - lo) < 1e-12 and abs(_G4[i, i] + _r4[i] - hi) < 1e-12)
label(EI, 243, "claim", "right", "numpy: A(A(A v)) = A^3 v for a random 5x5 A (N = 3)", "",
      lambda: (lambda M, vv: np.allclose(M @ (M @ (M @ vv)), np.linalg.matrix_power(M, 3) @ vv))(RNG.normal(size=(5, 5)), RNG.normal(size=5)))
label(EI, 27, "claim", "right", "sympy: A [x, y]^T = [2x, -y]^T for A = diag(2, -1) (the text writes vA for Av; for this diagonal A both products agree)",
      "", lambda: sp.diag(2, -1) * sp.Matrix([x, y]) == sp.Matrix([2 * x, -y]))
nonclaim(EI, 19, "definition", "defines A")
nonclaim(EI, 26, "definition", "names v")
nonclaim(EI, 44, "definition", "defining property of eigenvectors")
nonclaim(EI, 56, "equation", "equation in the unknowns lambda, v")
nonclaim(EI, 62, "equation", "equation in the unknown lambda")
nonclaim(EI, 70, "definition", "defines A")
nonclaim(EI, 83, "equation", "linear systems to solve for x, y (the second system has the transposed matrix: see README)")
nonclaim(EI, 99, "definition", "defines W")
nonclaim(EI, 108, "definition", "defines Sigma")
nonclaim(EI, 172, "definition", "defines A")
nonclaim(EI, 186, "condition", "symmetry condition")
nonclaim(EI, 188, "condition", "orthogonality condition")
nonclaim(EI, 203, "definition", "defines r_i")
nonclaim(EI, 211, "definition", "defines A")

# ---------------------------------------------------------------- d2l_momentum.md
MO = "d2l_momentum.md"


def _unroll():
    bb = sp.Symbol("beta")
    gs = sp.symbols("g1:7")
    vv = 0
    for g_ in gs:
        vv = bb * vv + g_
    T = len(gs)
    return zero(vv - sum(bb**tau * gs[T - 1 - tau] for tau in range(T)))


label(MO, 27, "claim", "right", "sympy: unrolling v_t = beta v_{t-1} + g_t from v_0 = 0 for t = 6 gives sum_tau beta^tau g_{t-tau}", "v_0 = 0", _unroll)
label(MO, 57, "claim", "right", "same unrolling check as line 27", "v_0 = 0", _unroll,
      pick=r"\mathbf{v}_t = \sum_{\tau = 0}^{t-1} \beta^{\tau} \mathbf{g}_{t-\tau, t-\tau-1}")
label(MO, 57, "claim", "right", "sympy: summation(beta^tau, (tau, 0, oo)) = 1/(1-beta) for 0<beta<1 (beta = 9/10 and symbolic)", "0 < beta < 1",
      lambda: sp.summation(sp.Rational(9, 10)**k, (k, 0, sp.oo)) == 10,
      pick=r"\sum_{\tau=0}^\infty \beta^\tau = \frac{1}{1-\beta}")
label(MO, 59, "claim", "right", "exact: 1/(1-9/10) = 10", "", lambda: 1 / (1 - sp.Rational(9, 10)) == 10)
_Qm = sp.Matrix([[2, sp.Rational(1, 2)], [sp.Rational(1, 2), 1]])
_cv = sp.Matrix([1, -2])
_xq = sp.Matrix([x, y])
_hq = (_xq.T * _Qm * _xq / 2 + _xq.T * _cv)[0] + b
label(MO, 69, "claim", "right", "sympy, Q = [[2,1/2],[1/2,1]], c = (1,-2): the gradient Qx + c vanishes at -Q^-1 c", "Q positive definite",
      lambda: (_Qm * (-_Qm.inv() * _cv) + _cv) == sp.zeros(2, 1), pick=r"\mathbf{x}^* = -Q^{-1} \mathbf{c}")
label(MO, 71, "claim", "wrong", "sympy, Q = [[2,1/2],[1/2,1]], c = (1,-2): h(x) - stated form = 2 c^T x != 0; the correct completion of the square uses x + Q^-1 c",
      "Q positive definite", lambda: zero(sp.expand(_hq - (((_xq - _Qm.inv() * _cv).T * _Qm * (_xq - _Qm.inv() * _cv))[0] / 2 + b - (_cv.T * _Qm.inv() * _cv)[0] / 2))))
label(MO, 73, "claim", "wrong", "sympy: the gradient of h is Qx + c = Q(x + Q^-1 c), not Q(x - Q^-1 c); differ by 2c",
      "h of line 67", lambda: sp.simplify(sp.Matrix([sp.diff(_hq, x), sp.diff(_hq, y)]) - _Qm * (_xq - _Qm.inv() * _cv)) == sp.zeros(2, 1))
label(MO, 85, "claim", "right", "sympy: substituting v_t = beta v_{t-1} + Lambda z_{t-1} into z_t = z_{t-1} - eta v_t gives (1 - eta Lambda) z_{t-1} - eta beta v_{t-1} (scalar Lambda)",
      "", lambda: zero((z - eta * (beta * v + lam * z)) - ((1 - eta * lam) * z - eta * beta * v)))
label(MO, 97, "claim", "right", "sympy: x - eta lambda x = (1 - eta lambda) x", "f(x) = lambda x^2 / 2",
      lambda: zero(x - eta * lam * x - (1 - eta * lam) * x) and zero(sp.diff(lam * x**2 / 2, x) - lam * x))
label(MO, 99, "claim", "right", "sympy: iterating x <- (1 - eta lambda) x t = 5 times from x0 gives (1 - eta lambda)^5 x0", "",
      lambda: zero(sp.Symbol("x0") * (1 - eta * lam)**5 - (lambda xx: [xx := (1 - eta * lam) * xx for _ in range(5)][-1])(sp.Symbol("x0"))),
      pick=r"x_t = (1 - \eta \lambda)^t x_0")
label(MO, 103, "claim", "right", "sympy: with v_{t+1} = beta v_t + lambda x_t and x_{t+1} = x_t - eta v_{t+1}, [v;x]_{t+1} = R [v;x]_t", "",
      lambda: (lambda vn: zero(vn - (beta * v + lam * x)) and zero(x - eta * vn - (-eta * beta * v + (1 - eta * lam) * x)))(beta * v + lam * x))
nonclaim(MO, 17, "definition", "defines the minibatch gradient g_t")
nonclaim(MO, 20, "definition", "notation g_ii")
nonclaim(MO, 23, "update", "leaky average recurrence")
nonclaim(MO, 36, "definition", "example objective", pick=r"f(\mathbf{x}) = x_1^2 + 2 x_2^2")
nonclaim(MO, 38, "definition", "example objective")
nonclaim(MO, 46, "update", "momentum update rule")
nonclaim(MO, 53, "example", "a parameter value named in prose")
nonclaim(MO, 65, "definition", "example objective")
nonclaim(MO, 67, "definition", "defines h")
nonclaim(MO, 75, "definition", "eigendecomposition of Q named", pick=r"Q = O^\top \Lambda O")
nonclaim(MO, 95, "definition", "example objective")
nonclaim(MO, 99, "condition", "convergence condition", pick=r"|1 - \eta \lambda| < 1")
nonclaim(MO, 99, "condition", "regime of divergence named in prose", pick=r"\eta \lambda > 2")
nonclaim(MO, 109, "condition", "convergence range for momentum", pick=r"0 < \eta \lambda < 2 + 2 \beta")
nonclaim(MO, 109, "condition", "convergence range for gradient descent", pick=r"0 < \eta \lambda < 2")

# ---------------------------------------------------------------- scipy_continuous_distributions.md
SC = "scipy_continuous_distributions.md"
EM = mp.euler


def _stats(pdf, lo, hi):
    m1 = mp.quad(lambda xx: xx * pdf(xx), [lo, 0, hi] if lo < 0 < hi else [lo, hi])
    cm = lambda kk: mp.quad(lambda xx: (xx - m1)**kk * pdf(xx), [lo, 0, hi] if lo < 0 < hi else [lo, hi])
    m2 = cm(2)
    return m1, m2, cm(3) / m2**1.5, cm(4) / m2**2 - 3


def _entropy(pdf, lo, hi):
    pts = [lo, 0, hi] if lo < 0 < hi else [lo, hi]
    return mp.quad(lambda xx: -pdf(xx) * mp.log(pdf(xx)) if pdf(xx) > 0 else 0, pts)


def _cdf_ok(pdf, cdf, lo, pts):
    return all(close(mp.quad(pdf, [lo, 0, xx] if lo < 0 < xx else [lo, xx]), cdf(xx), 1e-12) for xx in pts)


_norm = lambda xx: mp.exp(-xx**2 / 2) / mp.sqrt(2 * mp.pi)
_Phi = lambda xx: mp.ncdf(xx)
label(SC, 23, "claim", "right", "mpmath: quad of the density from -oo equals 1/2 + erf(x/sqrt2)/2 at x = -1.3, 0.4, 2; Phi^-1 inverts it",
      "", lambda: _cdf_ok(_norm, lambda xx: 0.5 + mp.erf(xx / mp.sqrt(2)) / 2, -mp.inf, (-1.3, 0.4, 2)))
label(SC, 29, "claim", "right", "mpmath quad: mean 0, variance 1, skewness 0, excess kurtosis 0; median = mode = 0 by symmetry", "",
      lambda: all(close(val, ref, 1e-12) for val, ref in zip(_stats(_norm, -mp.inf, mp.inf), (0, 1, 0, 0))))
label(SC, 36, "claim", "right", "mpmath: -int f log f = log sqrt(2 pi e) = 1.41893853320467...", "",
      lambda: close(_entropy(_norm, -mp.inf, mp.inf), mp.log(mp.sqrt(2 * mp.pi * mp.e)), 1e-12)
      and abs(mp.log(mp.sqrt(2 * mp.pi * mp.e)) - mp.mpf("1.4189385332046727418")) < 1e-18)
_ex = lambda xx: mp.exp(-xx)
label(SC, 47, "claim", "right", "mpmath: int_0^x e^-t dt = 1 - e^-x = lower gamma(1, x); G(F(x)) = x", "x >= 0",
      lambda: _cdf_ok(_ex, lambda xx: 1 - mp.exp(-xx), 0, (0.3, 1, 4)) and close(mp.gammainc(1, 0, 2), 1 - mp.exp(-2))
      and close(-mp.log(1 - (1 - mp.exp(-1.7))), 1.7))
label(SC, 53, "claim", "right", "mpmath: int_0^oo x^n e^-x dx = n! for n = 0..6", "",
      lambda: all(close(mp.quad(lambda xx: xx**m * mp.exp(-xx), [0, mp.inf]), mp.factorial(m), 1e-12) for m in range(7)))
label(SC, 57, "claim", "right", "mpmath: int_0^oo e^{tx} e^-x dx = 1/(1-t) at t = -1, 0.3, 0.7", "t < 1",
      lambda: all(close(mp.quad(lambda xx: mp.exp(tt * xx) * mp.exp(-xx), [0, mp.inf]), 1 / (1 - tt), 1e-10) for tt in (-1, 0.3, 0.7)))
label(SC, 61, "claim", "right", "mpmath quad: mean 1, variance 1, skewness 2, excess kurtosis 6; mode 0 (density decreasing)", "",
      lambda: all(close(val, ref, 1e-10) for val, ref in zip(_stats(_ex, 0, mp.inf), (1, 1, 2, 6))))
label(SC, 65, "claim", "right", "mpmath: -int e^-x log e^-x = 1", "", lambda: close(_entropy(_ex, 0, mp.inf), 1, 1e-12))
_lap = lambda xx: mp.exp(-abs(xx)) / 2
label(SC, 71, "claim", "right", "mpmath: cdf from quad matches both branches at x = -2, -0.5, 0.5, 3; G(F(x)) = x on both branches", "",
      lambda: _cdf_ok(_lap, lambda xx: mp.exp(xx) / 2 if xx <= 0 else 1 - mp.exp(-xx) / 2, -mp.inf, (-2, -0.5, 0.5, 3))
      and close(mp.log(2 * (mp.exp(-0.8) / 2)), -0.8) and close(-mp.log(2 - 2 * (1 - mp.exp(-1.1) / 2)), 1.1))
label(SC, 75, "claim", "right", "mpmath quad: mean 0, variance 2, skewness 0, excess kurtosis 3; mode = median = 0", "",
      lambda: all(close(val, ref, 1e-10) for val, ref in zip(_stats(_lap, -mp.inf, mp.inf), (0, 2, 0, 3))))
label(SC, 94, "claim", "right", "mpmath: entropy = log(2e) = 1.69314718055994530942", "",
      lambda: close(_entropy(_lap, -mp.inf, mp.inf), mp.log(2 * mp.e), 1e-12) and abs(mp.log(2 * mp.e) - mp.mpf("1.6931471805599453094")) < 1e-18)
_logi = lambda xx: mp.exp(-xx) / (1 + mp.exp(-xx))**2
label(SC, 102, "claim", "right", "mpmath: quad of the density from -oo equals 1/(1+e^-x); G(F(x)) = x", "",
      lambda: _cdf_ok(_logi, lambda xx: 1 / (1 + mp.exp(-xx)), -mp.inf, (-2, 0.3, 4)) and close(-mp.log(1 / (1 / (1 + mp.exp(-0.9))) - 1), 0.9))
label(SC, 108, "claim", "right", "mpmath: gamma + psi0(1) = 0, pi^2/6 + psi1(1) = pi^2/3, psi2(1) + 2 zeta(3) = 0, (pi^4/15 + psi3(1))/(pi^2/3)^2 = 6/5; quad moments agree",
      "", lambda: close(EM + mp.psi(0, 1), 0) and close(mp.pi**2 / 6 + mp.psi(1, 1), mp.pi**2 / 3) and close(mp.psi(2, 1) + 2 * mp.zeta(3), 0)
      and close((mp.pi**4 / 15 + mp.psi(3, 1)) / (mp.pi**2 / 3)**2, mp.mpf(6) / 5)
      and all(close(val, ref, 1e-9) for val, ref in zip(_stats(_logi, -mp.inf, mp.inf), (0, mp.pi**2 / 3, 0, mp.mpf(6) / 5))))
label(SC, 119, "claim", "wrong", "mpmath: the entropy of the standard logistic is -int f log f = 2, not 1", "",
      lambda: close(_entropy(_logi, -mp.inf, mp.inf), 1, 1e-9))
_ray = lambda rr: rr * mp.exp(-rr**2 / 2)
label(SC, 128, "claim", "right", "mpmath: int_0^r t e^{-t^2/2} dt = 1 - e^{-r^2/2}; G(F(r)) = r", "r >= 0",
      lambda: _cdf_ok(_ray, lambda rr: 1 - mp.exp(-rr**2 / 2), 0, (0.5, 1.2, 3)) and close(mp.sqrt(-2 * mp.log(mp.exp(-1.3**2 / 2))), 1.3))
label(SC, 134, "claim", "right", "mpmath quad: mean sqrt(pi/2), variance (4-pi)/2, skewness and excess kurtosis as stated; mode 1 (f' = 0), median sqrt(2 log 2)", "",
      lambda: all(close(val, ref, 1e-9) for val, ref in zip(_stats(_ray, 0, mp.inf), (mp.sqrt(mp.pi / 2), (4 - mp.pi) / 2,
                                                                                      2 * (mp.pi - 3) * mp.sqrt(mp.pi) / (4 - mp.pi)**1.5,
                                                                                      (24 * mp.pi - 6 * mp.pi**2 - 16) / (4 - mp.pi)**2)))
      and close(mp.diff(_ray, 1), 0) and close(1 - mp.exp(-mp.sqrt(2 * mp.log(2))**2 / 2), 0.5))
label(SC, 142, "claim", "right", "mpmath: -int f log f = gamma/2 + log(e/sqrt 2)", "",
      lambda: close(_entropy(_ray, 0, mp.inf), EM / 2 + mp.log(mp.e / mp.sqrt(2)), 1e-10))
label(SC, 146, "claim", "right", "mpmath: int_0^oo r^n f(r) dr = sqrt(2^n) Gamma(n/2+1) for n = 1..5", "",
      lambda: all(close(mp.quad(lambda rr: rr**m * _ray(rr), [0, mp.inf]), mp.sqrt(2**m) * mp.gamma(m / 2 + 1), 1e-9) for m in range(1, 6)))
_max = lambda xx: mp.sqrt(2 / mp.pi) * xx**2 * mp.exp(-xx**2 / 2)
label(SC, 155, "claim", "right", "mpmath: quad of the density equals gammainc(3/2, 0, x^2/2)/Gamma(3/2); G inverts it", "x >= 0",
      lambda: _cdf_ok(_max, lambda xx: mp.gammainc(1.5, 0, xx**2 / 2) / mp.gamma(1.5), 0, (0.5, 1.5, 3)))
label(SC, 161, "claim", "right", "mpmath quad: mean, variance, skewness, excess kurtosis as stated; mode sqrt 2 (f' = 0); median: F(m_n) = 1/2", "",
      lambda: all(close(val, ref, 1e-9) for val, ref in zip(_stats(_max, 0, mp.inf), (2 * mp.sqrt(2 / mp.pi), 3 - 8 / mp.pi,
                                                                                      mp.sqrt(2) * (32 - 10 * mp.pi) / (3 * mp.pi - 8)**1.5,
                                                                                      (-12 * mp.pi**2 + 160 * mp.pi - 384) / (3 * mp.pi - 8)**2)))
      and close(mp.diff(_max, mp.sqrt(2)), 0))
label(SC, 170, "claim", "right", "mpmath: -int f log f = log sqrt(2 pi / e) + gamma", "",
      lambda: close(_entropy(_max, 0, mp.inf), mp.log(mp.sqrt(2 * mp.pi / mp.e)) + EM, 1e-10))
_hn = lambda xx: mp.sqrt(2 / mp.pi) * mp.exp(-xx**2 / 2)
label(SC, 178, "claim", "right", "mpmath: int_0^x f = 2 Phi(x) - 1; Phi^-1((1+q)/2) inverts it", "x >= 0",
      lambda: _cdf_ok(_hn, lambda xx: 2 * mp.ncdf(xx) - 1, 0, (0.4, 1, 2.5)))
label(SC, 184, "claim", "wrong", "mpmath: E[e^{tX}] = 2 e^{t^2/2} Phi(t); the stated sqrt(2 pi) e^{t^2/2} Phi(t) gives M(0) = sqrt(2pi)/2 = 1.2533 != 1",
      "", lambda: close(mp.quad(lambda xx: mp.exp(0.5 * xx) * _hn(xx), [0, mp.inf]), mp.sqrt(2 * mp.pi) * mp.exp(0.125) * mp.ncdf(0.5), 1e-9))
label(SC, 188, "claim", "right", "mpmath quad: mean, variance, skewness, excess kurtosis as stated; mode 0; F(Phi^-1(3/4)) = 1/2", "",
      lambda: all(close(val, ref, 1e-9) for val, ref in zip(_stats(_hn, 0, mp.inf), (mp.sqrt(2 / mp.pi), 1 - 2 / mp.pi,
                                                                                     mp.sqrt(2) * (4 - mp.pi) / (mp.pi - 2)**1.5,
                                                                                     8 * (mp.pi - 3) / (mp.pi - 2)**2)))
      and close(2 * mp.ncdf(mp.sqrt(2) * mp.erfinv(0.5)) - 1, 0.5))
label(SC, 197, "claim", "right", "mpmath: -int f log f = log sqrt(pi e / 2) = 0.7257913526447274...", "",
      lambda: close(_entropy(_hn, 0, mp.inf), mp.log(mp.sqrt(mp.pi * mp.e / 2)), 1e-10)
      and abs(mp.log(mp.sqrt(mp.pi * mp.e / 2)) - mp.mpf("0.72579135264472743239")) < 1e-18)
_gum = lambda xx: mp.exp(-(xx + mp.exp(-xx)))
_GLO = -30
"""Lower integration limit for the Gumbel density: below -30 it is below exp(-e^30), far under TOL."""
label(SC, 205, "claim", "right", "mpmath: quad of the density from -oo equals exp(-e^-x); G(F(x)) = x", "",
      lambda: _cdf_ok(_gum, lambda xx: mp.exp(-mp.exp(-xx)), _GLO, (-1, 0.5, 3)) and close(-mp.log(-mp.log(mp.exp(-mp.exp(-0.7)))), 0.7))
label(SC, 209, "claim", "right", "mpmath: E[e^{tX}] = Gamma(1-t) at t = -0.5, 0.3", "t < 1",
      lambda: all(close(mp.quad(lambda xx: mp.exp(tt * xx) * _gum(xx), [_GLO, 0, mp.inf]), mp.gamma(1 - tt), 1e-9) for tt in (-0.5, 0.3)))
label(SC, 213, "claim", "right", "mpmath quad: mean gamma = -psi0(1), variance pi^2/6, skewness 12 sqrt6 zeta(3)/pi^3, excess kurtosis 12/5; mode 0; median -log log 2", "",
      lambda: all(close(val, ref, 1e-9) for val, ref in zip(_stats(_gum, _GLO, mp.inf), (EM, mp.pi**2 / 6, 12 * mp.sqrt(6) * mp.zeta(3) / mp.pi**3, mp.mpf(12) / 5)))
      and close(EM, -mp.psi(0, 1)) and close(mp.diff(_gum, 0), 0) and close(mp.exp(-mp.exp(mp.log(mp.log(2)))), 0.5))
label(SC, 217, "claim", "wrong", "mpmath: -int f log f = 1 + gamma = 1.5772156649..., not 1.0608407169...", "",
      lambda: abs(_entropy(_gum, _GLO, mp.inf) - mp.mpf("1.0608407169541684911")) < 1e-6)
label(SC, 225, "claim", "right", "mpmath, b = 2.5: int_1^x b/t^(b+1) dt = 1 - x^-b; G(F(x)) = x", "x >= 1, b > 0",
      lambda: _cdf_ok(lambda xx: 2.5 / xx**3.5, lambda xx: 1 - xx**-2.5, 1, (1.5, 3, 10)) and close((1 - (1 - 4**-2.5))**(-1 / 2.5), 4))
label(SC, 229, "claim", "right", "mpmath quad for b = 5.5 (all four moments exist): mean, variance, skewness, excess kurtosis as stated", "b > 4",
      lambda: all(close(val, ref, 1e-8) for bb_ in [mp.mpf(5.5)] for val, ref in zip(_stats(lambda xx: bb_ / xx**(bb_ + 1), 1, mp.inf),
                  (bb_ / (bb_ - 1), bb_ / ((bb_ - 2) * (bb_ - 1)**2), 2 * (bb_ + 1) * mp.sqrt(bb_ - 2) / ((bb_ - 3) * mp.sqrt(bb_)),
                   6 * (bb_**3 + bb_**2 - 6 * bb_ - 2) / (bb_ * (bb_**2 - 7 * bb_ + 12))))))
label(SC, 242, "claim", "wrong", "mpmath, a = 3: variance of a x^(a-1) on [0,1] is a/((a+1)^2 (a+2)) = 0.0375, the stated a(a+2)/(a+1)^2 = 0.9375; the stated skewness 2(1-a)sqrt((a+2)/(a(a+3))) = -1.72 vs true -0.861",
      "a > 0", lambda: all(close(val, ref, 1e-9) for aa_ in [mp.mpf(3)] for val, ref in zip(_stats(lambda xx: aa_ * xx**(aa_ - 1), 0, 1),
                           (aa_ / (aa_ + 1), aa_ * (aa_ + 2) / (aa_ + 1)**2, 2 * (1 - aa_) * mp.sqrt((aa_ + 2) / (aa_ * (aa_ + 3))),
                            6 * (aa_**3 - aa_**2 - 6 * aa_ + 2) / (aa_ * (aa_ + 3) * (aa_ + 4))))))
label(SC, 246, "claim", "right", "mpmath: -int_0^1 a x^(a-1) log(a x^(a-1)) dx = 1 - 1/a - log a for a = 0.5, 3", "a > 0",
      lambda: all(close(_entropy(lambda xx, aa_=aa_: aa_ * xx**(aa_ - 1), 0, 1), 1 - 1 / aa_ - mp.log(aa_), 1e-8) for aa_ in (mp.mpf(0.5), mp.mpf(3))))
nonclaim(SC, 81, "definition", "defines the estimator L-hat")
nonclaim(SC, 88, "definition", "defines the estimator S-hat")
nonclaim(SC, 117, "definition", "defines the polygamma function")
nonclaim(SC, 44, "condition", "shape parameter alpha = 1")
nonclaim(SC, 100, "condition", "shape parameter c = 1")
nonclaim(SC, 239, "condition", "shape parameter b = 1")


# ---------------------------------------------------------------- running the checks
def _blocks(text: str):
    """(line, inner text) of every $...$, $$...$$ and \\[...\\] span outside code fences and HTML comments."""
    masked = re.sub(r"```.*?```|<!--.*?-->", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)
    out, i = [], 0
    while i < len(masked):
        if masked.startswith("\\$", i):
            i += 2
        elif masked.startswith("$$", i) or masked.startswith("\\[", i):
            closer = "$$" if masked[i] == "$" else "\\]"
            j = masked.find(closer, i + 2)
            out.append((masked.count("\n", 0, i) + 1, text[i + 2:j]))
            i = j + 2
        elif masked[i] == "$":
            j = i + 1
            while masked[j] != "$" or masked[j - 1] == "\\":
                j += 1
            out.append((masked.count("\n", 0, i) + 1, text[i + 1:j]))
            i = j + 1
        else:
            i += 1
    return out


def _latex(entry) -> str:
    found = [inner for line, inner in _blocks((HERE / entry["file"]).read_text(encoding="utf-8")) if line == entry["line"]]
    if entry["pick"] is not None:
        found = [inner for inner in found if inner.strip() == entry["pick"]]
    elif len(found) > 1:  # several inline formulas on the line: the one that states something
        found = [inner for inner in found if "=" in inner or "<" in inner or ">" in inner]
    if len(found) != 1:
        raise SystemExit(f"{entry['file']}:{entry['line']}: {len(found)} blocks match {entry['pick']!r}")
    return found[0]


def main(argv) -> int:
    return check_entries(ENTRIES, _latex, argv)


STATES = r"[=<>]|\\in\b|\\sim\b"
"""What a block that states something holds: a relation, a membership or a law."""


def block_on_line(entry, blocks, states: str = STATES) -> str:
    """The block an entry names among ``blocks`` (``(line, inner text)`` of its file): the one on its line; with a
    ``pick``, the one whose stripped text equals it; of several otherwise, the one matching ``states``."""
    found = [inner for line, inner in blocks if line == entry["line"]]
    if entry["pick"] is not None:
        found = [inner for inner in found if inner.strip() == entry["pick"].strip()]
    elif len(found) > 1:
        found = [inner for inner in found if re.search(states, inner)]
    if len(found) != 1:
        raise SystemExit(f"{entry['file']}:{entry['line']}: {len(found)} blocks match {entry['pick']!r}")
    return found[0]


def check_entries(entries: list[dict], latex_of, argv) -> int:
    """Run every entry's check against its label (``-v``: name each as it runs); ``--write`` merges the entries
    into labels.json in place of their files' old labels.  Exit status 1 if a check disagrees with its label.
    ``latex_of(entry)`` finds the block's text (check_labels_round3.py reads ``.tex`` files too)."""
    bad = 0
    for entry in entries:
        entry["latex"] = latex_of(entry)
        if entry["fn"] is not None:
            if "-v" in argv:
                print(f"{entry['file']}:{entry['line']}", flush=True)
            holds = bool(entry["fn"]())
            if holds != (entry["label"] == "right"):
                bad += 1
                print(f"DISAGREES {entry['file']}:{entry['line']} label {entry['label']} but check says {holds}")
    print(f"{len(entries)} labels, {sum(e['fn'] is not None for e in entries)} checked, {bad} disagree")
    if "--write" in argv:
        path = HERE / "labels.json"
        keep = [l for l in json.loads(path.read_text(encoding="utf-8"))
                if l["file"] not in {e["file"] for e in entries}]
        new = [{k: e[k] for k in ("file", "line", "latex", "role", "label", "check", "assumptions")} for e in entries]
        path.write_text(json.dumps(keep + new, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
