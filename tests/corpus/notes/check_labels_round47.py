r"""Independent checks of the hand labels of the round-47 sources (branch fresh40): three lectures by Thomas J.
Sargent and John Stachurski from QuantEcon's MyST lecture series (CC BY-SA 4.0): *Complex Numbers and Trigonometry*,
*LLN and CLT*, and *Statistical Divergence Measures* with *Introduction to Artificial Neural Networks*.  The MyST
styles the corpus lacked: `$$ ... $$ (label)`, ```{math} directives with :label:, ````{prf:theorem} fences of four
backticks around a ```{math}, {exercise}/{solution-start} directives, unfenced \begin{equation} and \begin{align}.

As in the earlier rounds: each entry names a block by ``(file, line)``, gives its role and label, says how it was
checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or numpy that returns True
when the block's claim holds *as its author means it*.  Nothing from Formulary is imported.  The line of each block
is found from a snippet of its text, so an edit above it cannot shift a label.  A ```{math} directive's block is
named by the line of its fence, as a $$ display is by the line of its opening $$.

    python3 tests/corpus/notes/check_labels_round47.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round47.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import (
    check_entries,
    mp_points,
    myst_blocks,
    recorder,
    text_line,
    zero,
)

ENTRIES, label, nonclaim = recorder()
CT, LC, DB = "quantecon_complex_trig.md", "quantecon_lln_clt.md", "quantecon_divergences_backprop.md"
LINES = {name: (HERE / name).read_text(encoding="utf-8").splitlines() for name in (CT, LC, DB)}
th, w, om, x, y, t = sp.symbols("theta w omega x y t", real=True)
r, p = sp.symbols("r p", positive=True)
ANGLES = mp_points(-7, 7)
RNG = np.random.default_rng(47)


def _d(name, snippet, after=0):
    """The line of the $$ opening the display of ``name`` (a $$ alone on its line) whose text holds ``snippet``,
    the first after line ``after``."""
    lines, k = LINES[name], 0
    while k < len(lines):
        if lines[k].strip() == "$$":
            end = next(j for j in range(k + 1, len(lines)) if lines[j].strip().startswith("$$"))
            if k + 1 > after and snippet in "\n".join(lines[k + 1:end]):
                return k + 1
            k = end + 1
        else:
            k += 1
    raise LookupError(snippet)


def _t(name, snippet):
    """The line of the prose (or one-line $$...$$) of ``name`` that holds ``snippet``."""
    return text_line(LINES[name], snippet)


def _env(name, snippet):
    """The line of the unfenced ``\\begin{...}`` (or the ```{math} fence) whose block holds ``snippet``."""
    lines = LINES[name]
    k = next(k for k, text in enumerate(lines) if snippet in text)
    while not lines[k].lstrip().startswith((r"\begin", "```{math}")):
        k -= 1
    return k + 1


def _same(f, g, points=ANGLES):
    """``f(v) == g(v)`` at 50 digits at every point (complex values allowed)."""
    with mp.workdps(50):
        return all(abs(f(v) - g(v)) <= mp.mpf(10) ** -40 * max(1, abs(f(v))) for v in points)


def _pairs(count=25, lo=-4, hi=4):
    return [(mp.mpf(a), mp.mpf(b)) for a, b in RNG.uniform(lo, hi, size=(count, 2))]


I = mp.mpc(0, 1)
# ================================================================ quantecon_complex_trig.md
label(CT, _t(CT, "$i^2 = -1$"), "claim", "right", "exact: I**2 = -1 (sympy)", "", lambda: sp.I ** 2 == -1,
      pick="i^2 = -1")
label(CT, _d(CT, r"z = x + iy = re^{i\theta}"), "claim", "right",
      "mpmath: with x = r cos(theta), y = r sin(theta): x + iy, r e^{i theta}, r(cos + i sin) agree at 25 (r, theta)",
      "x = r cos theta, y = r sin theta",
      lambda: all(abs((rr * mp.cos(a) + I * rr * mp.sin(a)) - rr * mp.exp(I * a)) < 1e-25
                  and abs(rr * mp.exp(I * a) - rr * (mp.cos(a) + I * mp.sin(a))) < 1e-25
                  for rr, a in ((abs(u) + 0.1, v) for u, v in _pairs())))
label(CT, _d(CT, r"\bar z = x - iy = r e^{-i \theta}"), "claim", "right",
      "mpmath: x - iy, r e^{-i theta}, r(cos - i sin) agree at 25 (r, theta)", "x = r cos theta, y = r sin theta",
      lambda: all(abs((rr * mp.cos(a) - I * rr * mp.sin(a)) - rr * mp.exp(-I * a)) < 1e-25
                  and abs(rr * mp.exp(-I * a) - rr * (mp.cos(a) - I * mp.sin(a))) < 1e-25
                  for rr, a in ((abs(u) + 0.1, v) for u, v in _pairs())))
label(CT, _t(CT, r"$\sqrt{\bar{z}\cdot z} = r$"), "claim", "right", "sympy: sqrt(conj(z) z) = r for z = r e^{i theta}, r > 0",
      "r >= 0", lambda: zero(sp.sqrt(sp.conjugate(r * sp.exp(sp.I * th)) * r * sp.exp(sp.I * th)) - r),
      pick=r"\sqrt{\bar{z}\cdot z} = r")
label(CT, _d(CT, r"r = |z| = \sqrt{x^2 + y^2}"), "claim", "right", "sympy: |x + iy| = sqrt(x^2 + y^2) for real x, y",
      "x, y real", lambda: zero(sp.Abs(x + sp.I * y) - sp.sqrt(x ** 2 + y ** 2)))
label(CT, _d(CT, r"\theta = \tan^{-1} \Big( \frac{y}{x} \Big)"), "claim", "right",
      "mpmath: atan(r sin t / r cos t) = t for t in (-pi/2, pi/2) (the principal branch the text means; for x < 0 "
      "the angle differs by pi: the checker should leave it undecided, not refute it)",
      "x > 0", lambda: _same(lambda a: mp.atan(mp.sin(a) / mp.cos(a)), lambda a: a, mp_points(-1.5, 1.5)))
label(CT, _d(CT, r"\cos{\theta} = \frac{x}{r} = \frac{e^{i\theta} + e^{-i\theta}}{2}"), "claim", "right",
      "mpmath: cos t = (e^{it} + e^{-it})/2, sin t = (e^{it} - e^{-it})/(2i) at 41 angles; x/r = cos, y/r = sin by "
      "the polar form", "x = r cos theta, y = r sin theta",
      lambda: _same(mp.cos, lambda a: (mp.exp(I * a) + mp.exp(-I * a)) / 2)
      and _same(mp.sin, lambda a: (mp.exp(I * a) - mp.exp(-I * a)) / (2 * I)))
nonclaim(CT, _t(CT, r"Consider the complex number $z = 1 + \sqrt{3} i$."), "example", "z = 1 + sqrt(3) i",
         pick=r"z = 1 + \sqrt{3} i")
nonclaim(CT, _t(CT, r"For $z = 1 + \sqrt{3} i$, $x = 1$"), "example", "x = 1", pick="x = 1")
nonclaim(CT, _t(CT, r"For $z = 1 + \sqrt{3} i$, $x = 1$"), "example", "y = sqrt 3", pick=r"y = \sqrt{3}")
label(CT, _t(CT, r"It follows that $r = 2$"), "claim", "right", "exact: |1 + sqrt(3) i| = sqrt(1 + 3) = 2", "",
      lambda: sp.sqrt(1 + sp.sqrt(3) ** 2) == 2, pick="r = 2")
label(CT, _t(CT, r"$\theta = \tan^{-1}(\sqrt{3}) = \frac{\pi}{3} = 60^o$"), "claim", "right",
      "sympy: atan(sqrt 3) = pi/3, and 60 degrees = pi/3", "", lambda: sp.atan(sp.sqrt(3)) == sp.pi / 3)
label(CT, _d(CT, r"(r(\cos{\theta} + i \sin{\theta}))^n =", ), "claim", "right",
      "mpmath: (r(cos t + i sin t))^n = r^n e^{int} = r^n(cos nt + i sin nt) for n = 0..6 at 25 (r, t)",
      "n integer", lambda: all(abs((rr * (mp.cos(a) + I * mp.sin(a))) ** n - rr ** n * mp.exp(I * n * a)) < 1e-20
                               and abs(rr ** n * mp.exp(I * n * a) - rr ** n * (mp.cos(n * a) + I * mp.sin(n * a))) < 1e-20
                               for n in range(7) for rr, a in ((abs(u) + 0.1, v) for u, v in _pairs())))
label(CT, _d(CT, r"(r(\cos{\theta} + i \sin{\theta}))^n = \big( re^{i\theta} \big)^n"), "claim", "right",
      "mpmath: Euler's formula inside the power, n = 0..6", "n integer",
      lambda: all(abs((rr * (mp.cos(a) + I * mp.sin(a))) ** n - (rr * mp.exp(I * a)) ** n) < 1e-20
                  for n in range(7) for rr, a in ((abs(u) + 0.1, v) for u, v in _pairs())))
label(CT, _t(CT, r"$r = \sqrt{x^2 + y^2}$."), "claim", "right", "sympy: sqrt((r cos t)^2 + (r sin t)^2) = r, r > 0",
      "x = r cos theta, y = r sin theta", lambda: zero(sp.sqrt((r * sp.cos(th)) ** 2 + (r * sp.sin(th)) ** 2) - r),
      pick=r"r = \sqrt{x^2 + y^2}")
_ex1 = [sp.exp(sp.I * th) * sp.exp(-sp.I * th), (sp.cos(th) + sp.I * sp.sin(th)) * (sp.cos(-th) + sp.I * sp.sin(-th)),
        (sp.cos(th) + sp.I * sp.sin(th)) * (sp.cos(th) - sp.I * sp.sin(th)), sp.cos(th) ** 2 + sp.sin(th) ** 2,
        (r * sp.cos(th)) ** 2 / r ** 2 + (r * sp.sin(th)) ** 2 / r ** 2]
label(CT, _d(CT, r"1 &= e^{i\theta} e^{-i\theta} \\", ), "claim", "right",
      "sympy: each of the five lines simplifies to 1 (x = r cos t, y = r sin t)", "x = r cos theta, y = r sin theta",
      lambda: all(zero(sp.expand(e, complex=True) - 1) for e in _ex1))
label(CT, _d(CT, "x^2 + y^2 = r^2"), "claim", "right", "sympy: (r cos t)^2 + (r sin t)^2 - r^2 = 0",
      "x = r cos theta, y = r sin theta", lambda: zero((r * sp.cos(th)) ** 2 + (r * sp.sin(th)) ** 2 - r ** 2))
nonclaim(CT, _t(CT, r"Let $z = re^{i\theta}$ and"), "definition", "z = r e^{i theta}", pick=r"z = re^{i\theta}")
nonclaim(CT, _t(CT, r"Let $z = re^{i\theta}$ and"), "definition", "conj z", pick=r"\bar{z} = re^{-i\theta}")
nonclaim(CT, _t(CT, r"Let $a = pe^{i\omega}$"), "definition", "a = p e^{i omega}", pick=r"a = pe^{i\omega}")
nonclaim(CT, _t(CT, r"$\bar{a} = pe^{-i\omega}$"), "definition", "conj a", pick=r"\bar{a} = pe^{-i\omega}")


def _ex2(n, rr, a, pp, o):
    z, zb, aa, ab = rr * mp.exp(I * a), rr * mp.exp(-I * a), pp * mp.exp(I * o), pp * mp.exp(-I * o)
    rows = [aa * z ** n + ab * zb ** n, pp * mp.exp(I * o) * (rr * mp.exp(I * a)) ** n
            + pp * mp.exp(-I * o) * (rr * mp.exp(-I * a)) ** n,
            pp * rr ** n * mp.exp(I * (o + n * a)) + pp * rr ** n * mp.exp(-I * (o + n * a)),
            pp * rr ** n * (mp.cos(o + n * a) + I * mp.sin(o + n * a) + mp.cos(o + n * a) - I * mp.sin(o + n * a)),
            2 * pp * rr ** n * mp.cos(o + n * a)]
    return all(abs(v - rows[0]) < 1e-20 * max(1, abs(rows[0])) for v in rows)


label(CT, _d(CT, r"x_n &= az^n + \bar{a}\bar{z}^n \\"), "claim", "right",
      "mpmath: the five lines agree for n = 0..6 at 25 random (r, theta, p, omega)", "p, r, omega, theta real; n >= 0",
      lambda: all(_ex2(n, abs(u) + .1, v, abs(v) + .1, u) for n in range(7) for u, v in _pairs()))
nonclaim(CT, _d(CT, r"x_{n+2} = c_1 x_{n+1} + c_2 x_n"), "definition", "the difference equation")
nonclaim(CT, _d(CT, r"z^2 - c_1 z - c_2 = 0"), "definition", "the characteristic polynomial")


def _vieta():
    c1, c2, z = sp.symbols("c1 c2 z")
    z1, z2 = sp.solve(z ** 2 - c1 * z - c2, z)
    return zero(sp.expand((z - z1) * (z - z2)) - (z ** 2 - c1 * z - c2))


label(CT, _d(CT, r"(z^2 - c_1 z - c_2 ) = (z - z_1)(z- z_2) = 0"), "claim", "right",
      "sympy: with z1, z2 the roots, (z - z1)(z - z2) expands to z^2 - c1 z - c2", "z_1, z_2 the roots", _vieta)
label(CT, _d(CT, r"x_n = 2 pr^n \cos{(\omega + n\theta)}"), "claim", "right",
      "mpmath: a z^n + conj(a) conj(z)^n = 2 p r^n cos(omega + n theta), n = 0..6 (example 2)", "example 2",
      lambda: all(_ex2(n, abs(u) + .1, v, abs(v) + .1, u) for n in range(7) for u, v in _pairs()))
label(CT, _t(CT, r"$x_0 = 2 p \cos{\omega}$ and"), "claim", "right", "sympy: 2 p r^0 cos(omega + 0) = 2 p cos omega", "",
      lambda: zero((2 * p * r ** 0 * sp.cos(om + 0 * th)) - 2 * p * sp.cos(om)), pick=r"x_0 = 2 p \cos{\omega}")
label(CT, _t(CT, r"$x_0 = 2 p \cos{\omega}$ and"), "claim", "right", "sympy: 2 p r^1 cos(omega + theta) at n = 1", "",
      lambda: zero(2 * p * r * sp.cos(om + th) - 2 * p * r ** 1 * sp.cos(om + 1 * th)),
      pick=r"x_1 = 2 pr \cos{(\omega + \theta)}")
label(CT, _d(CT, r"\frac{x_1}{x_0} = \frac{r \cos{(\omega + \theta)}}{\cos{\omega}}"), "claim", "right",
      "sympy: (2 p r cos(omega + theta)) / (2 p cos omega) simplifies to r cos(omega + theta)/cos omega", "",
      lambda: zero(2 * p * r * sp.cos(om + th) / (2 * p * sp.cos(om)) - r * sp.cos(om + th) / sp.cos(om)))
label(CT, _t(CT, r"using $x_0 = 2 pr^0 \cos{(\omega + n\theta)}$"), "claim", "wrong",
      "mpmath: x_0 = 2 p cos(omega); with the stray n the right side depends on n (p = 2, omega = 0, theta = pi/4, "
      "n = 1: 2.83 against 4); the n should be 0", "n the sequence index",
      lambda: all(abs(2 * 2 * mp.cos(0) - 2 * 2 * mp.cos(0 + n * mp.pi / 4)) < 1e-20 for n in range(5)),
      pick=r"x_0 = 2 pr^0 \cos{(\omega + n\theta)}")
nonclaim(CT, _t(CT, r"we set the initial values: - $r = 0.9$"), "example", "r = 0.9", pick="r = 0.9")
nonclaim(CT, _t(CT, r"$\theta = \frac{1}{4}\pi$ - $x_0 = 4$"), "example", "theta = pi/4", pick=r"\theta = \frac{1}{4}\pi")
nonclaim(CT, _t(CT, r"$\theta = \frac{1}{4}\pi$ - $x_0 = 4$"), "example", "x_0 = 4", pick="x_0 = 4")
label(CT, _t(CT, r"$x_1 = r \cdot 2\sqrt{2} = 1.8 \sqrt{2}$"), "claim", "right", "exact: 0.9 * 2 sqrt 2 = 1.8 sqrt 2",
      "r = 0.9", lambda: zero(sp.Rational(9, 10) * 2 * sp.sqrt(2) - sp.Rational(18, 10) * sp.sqrt(2)))
_solves = lambda o, pp: (abs(2 * pp * mp.cos(o) - 4) < 1e-25
                         and abs(mp.mpf("1.8") * mp.sqrt(2) / 4 - mp.mpf("0.9") * mp.cos(o + mp.pi / 4) / mp.cos(o)) < 1e-25)
label(CT, _t(CT, r"$\omega = 0$ and $p = 2$."), "claim", "right",
      "mpmath: omega = 0, p = 2 solve x_0 = 2p cos(omega) = 4 and x_1/x_0 = r cos(omega + pi/4)/cos(omega)",
      "r = 0.9, theta = pi/4, x_0 = 4, x_1 = 1.8 sqrt 2", lambda: _solves(mp.mpf(0), mp.mpf(2)), pick=r"\omega = 0")
label(CT, _t(CT, r"$\omega = 0$ and $p = 2$."), "claim", "right", "as the line's omega = 0 (the same system)",
      "r = 0.9, theta = pi/4, x_0 = 4, x_1 = 1.8 sqrt 2", lambda: _solves(mp.mpf(0), mp.mpf(2)), pick="p = 2")
label(CT, _d(CT, r"e^{i(\omega + \theta)} = e^{i\omega} e^{i\theta}"), "claim", "right",
      "mpmath: at 25 random (omega, theta)", "", lambda: all(abs(mp.exp(I * (u + v)) - mp.exp(I * u) * mp.exp(I * v)) < 1e-25
                                                         for u, v in _pairs()))
label(CT, _d(CT, r"\cos{(\omega + \theta)} = \frac{e^{i(\omega + \theta)} + e^{-i(\omega + \theta)}}{2} \\", ), "claim",
      "right", "sympy: both lines (rewrite to exp) simplify to 0", "", lambda: zero(sp.simplify(
          (sp.cos(om + th) - (sp.exp(sp.I * (om + th)) + sp.exp(-sp.I * (om + th))) / 2).rewrite(sp.exp)))
      and zero(sp.simplify((sp.sin(om + th) - (sp.exp(sp.I * (om + th)) - sp.exp(-sp.I * (om + th))) / (2 * sp.I)).rewrite(sp.exp))))
_chain = [sp.cos(om + th) + sp.I * sp.sin(om + th), sp.exp(sp.I * (om + th)), sp.exp(sp.I * om) * sp.exp(sp.I * th),
          (sp.cos(om) + sp.I * sp.sin(om)) * (sp.cos(th) + sp.I * sp.sin(th)),
          (sp.cos(om) * sp.cos(th) - sp.sin(om) * sp.sin(th)) + sp.I * (sp.cos(om) * sp.sin(th) + sp.sin(om) * sp.cos(th))]
label(CT, _d(CT, r"\cos{(\omega + \theta)} + i \sin{(\omega + \theta)}"), "claim", "right",
      "sympy: the five lines rewritten to exp differ by 0", "",
      lambda: all(zero(sp.simplify((e - _chain[0]).rewrite(sp.exp))) for e in _chain))
label(CT, _d(CT, r"\cos{(\omega + \theta)} = \cos{\omega}\cos{\theta} - \sin{\omega}\sin{\theta} \\"), "claim", "right",
      "sympy: expand_trig of cos and sin of a sum", "",
      lambda: zero(sp.expand_trig(sp.cos(om + th)) - (sp.cos(om) * sp.cos(th) - sp.sin(om) * sp.sin(th)))
      and zero(sp.expand_trig(sp.sin(om + th)) - (sp.cos(om) * sp.sin(th) + sp.sin(om) * sp.cos(th))))
nonclaim(CT, _d(CT, r"\int_{-\pi}^{\pi} \cos(\omega) \sin(\omega) \, d\omega"), "no-claim", "the integral to compute")


def _antiderivative_chain():
    """Every line's right side is an antiderivative of cos sin (derivative check; constants C1, C2 drop out)."""
    C1, C2 = sp.symbols("C1 C2")
    E, Em = sp.exp(sp.I * om), sp.exp(-sp.I * om)
    lines = [1 / (4 * sp.I) * (-sp.I / 2 * sp.exp(2 * sp.I * om) - sp.I / 2 * sp.exp(-2 * sp.I * om) + C1),
             -sp.Rational(1, 8) * (E ** 2 + Em ** 2 - 2) + C2, -sp.Rational(1, 8) * (E - Em) ** 2 + C2,
             sp.Rational(1, 2) * ((E - Em) / (2 * sp.I)) ** 2 + C2, sp.Rational(1, 2) * sp.sin(om) ** 2 + C2]
    integrand_ok = zero(sp.simplify(((E + Em) / 2 * (E - Em) / (2 * sp.I) - sp.cos(om) * sp.sin(om)).rewrite(sp.exp)))
    middle_ok = zero(sp.simplify(1 / (4 * sp.I) * (sp.exp(2 * sp.I * om) - sp.exp(-2 * sp.I * om))
                                 - sp.cos(om) * sp.sin(om)).rewrite(sp.exp))
    return integrand_ok and middle_ok and all(
        zero(sp.simplify(sp.diff(e, om).rewrite(sp.exp) - (sp.cos(om) * sp.sin(om)).rewrite(sp.exp))) for e in lines)


label(CT, _d(CT, r"\int \cos(\omega) \sin(\omega) \, d\omega", 300), "claim", "right",
      "sympy: the integrands agree and each line's right side differentiates to cos(omega) sin(omega) (an "
      "antiderivative, up to the constants C1, C2)", "indefinite integrals up to a constant", _antiderivative_chain)
label(CT, _d(CT, r"\frac{1}{2}\sin^2(\pi) - \frac{1}{2}\sin^2(-\pi) = 0"), "claim", "right",
      "sympy: integrate(cos sin, (-pi, pi)) = 0 = sin^2(pi)/2 - sin^2(-pi)/2", "",
      lambda: sp.integrate(sp.cos(om) * sp.sin(om), (om, -sp.pi, sp.pi)) == 0
      and sp.sin(sp.pi) ** 2 / 2 - sp.sin(-sp.pi) ** 2 / 2 == 0)
label(CT, _d(CT, r"\int_{-\pi}^{\pi} \cos (\omega)^2 \, d\omega = \pi"), "claim", "right", "sympy: integrate = pi", "",
      lambda: sp.integrate(sp.cos(om) ** 2, (om, -sp.pi, sp.pi)) == sp.pi)
label(CT, _d(CT, r"\int_{-\pi}^{\pi} \sin (\omega)^2 \, d\omega = \pi"), "claim", "right", "sympy: integrate = pi", "",
      lambda: sp.integrate(sp.sin(om) ** 2, (om, -sp.pi, sp.pi)) == sp.pi)
_dm2 = lambda: zero(sp.expand((sp.cos(th) + sp.I * sp.sin(th)) ** 2 - (sp.cos(2 * th) + sp.I * sp.sin(2 * th)), trig=True))
label(CT, _d(CT, r"(\cos\theta + i\sin\theta)^2 = \cos 2\theta + i\sin 2\theta"), "claim", "right",
      "sympy: expand(trig=True) of the difference is 0", "", _dm2)
_double = lambda: zero(sp.expand_trig(sp.cos(2 * th)) - (sp.cos(th) ** 2 - sp.sin(th) ** 2)) and \
    zero(sp.expand_trig(sp.sin(2 * th)) - 2 * sp.sin(th) * sp.cos(th))
label(CT, _d(CT, r"\cos 2\theta = \cos^2\theta - \sin^2\theta, \qquad"), "claim", "right", "sympy: expand_trig", "",
      _double)
label(CT, _t(CT, r"$\cos^2\theta + \sin^2\theta = 1$"), "claim", "right", "sympy: trigsimp gives 1", "",
      lambda: sp.trigsimp(sp.cos(th) ** 2 + sp.sin(th) ** 2) == 1)
label(CT, _d(CT, r"\cos 2\theta = 2\cos^2\theta - 1 = 1 - 2\sin^2\theta."), "claim", "right", "sympy: expand_trig",
      "", lambda: zero(sp.expand_trig(sp.cos(2 * th)) - (2 * sp.cos(th) ** 2 - 1))
      and zero(2 * sp.cos(th) ** 2 - 1 - (1 - 2 * sp.sin(th) ** 2)))
label(CT, _t(CT, r"$(\cos\theta + i\sin\theta)^2 = \cos 2\theta + i\sin 2\theta$."), "claim", "right", "sympy: as the display of the exercise", "", _dm2,
      pick=r"(\cos\theta + i\sin\theta)^2 = \cos 2\theta + i\sin 2\theta")
nonclaim(CT, _t(CT, r"De Moivre with $n = 2$ gives"), "condition", "n = 2", pick="n = 2")
nonclaim(CT, _t(CT, r"Apply de Moivre's theorem with $n = 2$"), "condition", "n = 2", pick="n = 2")
label(CT, _d(CT, r"\cos^2\theta - \sin^2\theta \;+\; i\,(2\sin\theta\cos\theta)"), "claim", "right",
      "sympy: the expanded square against cos 2t + i sin 2t", "",
      lambda: zero(sp.expand_trig(sp.cos(th) ** 2 - sp.sin(th) ** 2 + sp.I * 2 * sp.sin(th) * sp.cos(th)
                                  - (sp.cos(2 * th) + sp.I * sp.sin(2 * th)))))
for _snip, _pick, _fn in [
        (r"Matching real parts gives $\cos 2\theta", r"\cos 2\theta = \cos^2\theta - \sin^2\theta",
         lambda: zero(sp.expand_trig(sp.cos(2 * th)) - (sp.cos(th) ** 2 - sp.sin(th) ** 2))),
        (r"Matching imaginary parts gives", r"\sin 2\theta = 2\sin\theta\cos\theta",
         lambda: zero(sp.expand_trig(sp.sin(2 * th)) - 2 * sp.sin(th) * sp.cos(th))),
        (r"Substituting $\sin^2\theta = 1 - \cos^2\theta$", r"\sin^2\theta = 1 - \cos^2\theta",
         lambda: zero(sp.sin(th) ** 2 - (1 - sp.cos(th) ** 2))),
        (r"$\cos 2\theta = 2\cos^2\theta - 1$, and substituting", r"\cos 2\theta = 2\cos^2\theta - 1",
         lambda: zero(sp.expand_trig(sp.cos(2 * th)) - (2 * sp.cos(th) ** 2 - 1))),
        (r"$\cos 2\theta = 2\cos^2\theta - 1$, and substituting", r"\cos^2\theta = 1 - \sin^2\theta",
         lambda: zero(sp.cos(th) ** 2 - (1 - sp.sin(th) ** 2))),
        (r"gives $\cos 2\theta = 1 - 2\sin^2\theta$", r"\cos 2\theta = 1 - 2\sin^2\theta",
         lambda: zero(sp.expand_trig(sp.cos(2 * th)) - (1 - 2 * sp.sin(th) ** 2)))]:
    label(CT, _t(CT, _snip), "claim", "right", "sympy: expand_trig / Pythagoras", "", _fn, pick=_pick)
_identities = {
    r"\cos(\theta + w) = \cos\theta\cos w - \sin\theta\sin w": (sp.cos(th + w), sp.cos(th) * sp.cos(w) - sp.sin(th) * sp.sin(w)),
    r"\cos(\theta - w) = \cos\theta\cos w + \sin\theta\sin w": (sp.cos(th - w), sp.cos(th) * sp.cos(w) + sp.sin(th) * sp.sin(w)),
    r"\sin(\theta + w) = \sin\theta\cos w + \cos\theta\sin w": (sp.sin(th + w), sp.sin(th) * sp.cos(w) + sp.cos(th) * sp.sin(w)),
    r"\sin(\theta - w) = \sin\theta\cos w - \cos\theta\sin w": (sp.sin(th - w), sp.sin(th) * sp.cos(w) - sp.cos(th) * sp.sin(w)),
    r"\cos\theta\cos w = \frac{\cos(\theta+w) + \cos(\theta-w)}{2}": (sp.cos(th) * sp.cos(w), (sp.cos(th + w) + sp.cos(th - w)) / 2),
    r"\sin\theta\sin w = \frac{\cos(\theta-w) - \cos(\theta+w)}{2}": (sp.sin(th) * sp.sin(w), (sp.cos(th - w) - sp.cos(th + w)) / 2),
    r"\sin\theta\cos w = \frac{\sin(\theta+w) + \sin(\theta-w)}{2}": (sp.sin(th) * sp.cos(w), (sp.sin(th + w) + sp.sin(th - w)) / 2)}
for _snip, (_l, _r) in _identities.items():
    label(CT, _d(CT, _snip), "claim", "right", "sympy: expand_trig of the difference is 0", "",
          lambda _l=_l, _r=_r: zero(sp.expand_trig(_l - _r)))
for _snip, (_l, _r) in {
        r"Adding (i) and (ii) gives": (sp.cos(th + w) + sp.cos(th - w), 2 * sp.cos(th) * sp.cos(w)),
        r"Subtracting (i) from (ii) gives": (sp.cos(th - w) - sp.cos(th + w), 2 * sp.sin(th) * sp.sin(w)),
        r"Adding (iii) and (iv) gives": (sp.sin(th + w) + sp.sin(th - w), 2 * sp.sin(th) * sp.cos(w))}.items():
    label(CT, _t(CT, _snip), "claim", "right", "sympy: expand_trig of the difference is 0", "",
          lambda _l=_l, _r=_r: zero(sp.expand_trig(_l - _r)))
m_, n_, k_ = sp.symbols("m n k", integer=True, positive=True)
phi = sp.Symbol("phi", real=True)
nonclaim(CT, _t(CT, r"with $\theta = m\phi$"), "definition", "theta = m phi", pick=r"\theta = m\phi")
nonclaim(CT, _t(CT, r"and $w = n\phi$:"), "definition", "w = n phi", pick=r"w = n\phi")
label(CT, _d(CT, r"\cos(m\phi)\cos(n\phi) = \frac{\cos((m-n)\phi) + \cos((m+n)\phi)}{2}."), "claim", "right",
      "sympy: expand_trig of the difference is 0 for symbols m, n", "",
      lambda: zero(sp.expand_trig(sp.cos(m_ * phi) * sp.cos(n_ * phi)
                                  - (sp.cos((m_ - n_) * phi) + sp.cos((m_ + n_) * phi)) / 2)))
label(CT, _t(CT, r"the fact that $\int_{-\pi}^{\pi} \cos(k\phi)\,d\phi = 0$"), "claim", "right",
      "sympy: integrate(cos(k phi), (-pi, pi)) = 0 for k = 1..8 and k = -1..-8", "k a non-zero integer",
      lambda: all(sp.integrate(sp.cos(kk * phi), (phi, -sp.pi, sp.pi)) == 0 for kk in list(range(1, 9)) + list(range(-8, 0))),
      pick=r"\int_{-\pi}^{\pi} \cos(k\phi)\,d\phi = 0")
label(CT, _d(CT, r"\int_{-\pi}^{\pi} \cos(m\phi)\cos(n\phi)\,d\phi ="), "claim", "right",
      "sympy: the integral is pi on the diagonal and 0 off it for m, n = 1..5", "m, n positive integers",
      lambda: all(sp.integrate(sp.cos(a * phi) * sp.cos(b * phi), (phi, -sp.pi, sp.pi)) == (sp.pi if a == b else 0)
                  for a in range(1, 6) for b in range(1, 6)))
nonclaim(CT, _t(CT, r"for $m, n \in \{1, 2, 3\}$"), "condition", "m, n in {1, 2, 3}", pick=r"m, n \in \{1, 2, 3\}")
label(CT, _t(CT, r"$\int_{-\pi}^{\pi} \cos((m-n)\phi)\,d\phi = \int_{-\pi}^{\pi} \cos((m+n)\phi)\,d\phi = 0$"), "claim",
      "right", "sympy: both integrals vanish for m != n in 1..5", "m != n positive integers",
      lambda: all(sp.integrate(sp.cos((a - b) * phi), (phi, -sp.pi, sp.pi)) == 0
                  and sp.integrate(sp.cos((a + b) * phi), (phi, -sp.pi, sp.pi)) == 0
                  for a in range(1, 6) for b in range(1, 6) if a != b))
label(CT, _t(CT, r"$\cos(m\phi)^2 = \tfrac{1}{2}[1 + \cos(2m\phi)]$"), "claim", "right", "sympy: expand_trig",
      "", lambda: zero(sp.expand_trig(sp.cos(m_ * phi) ** 2 - (1 + sp.cos(2 * m_ * phi)) / 2)))
label(CT, _t(CT, r"Since $\int_{-\pi}^{\pi} \cos(2m\phi)\,d\phi = 0$"), "claim", "right",
      "sympy: integrate(cos(2 m phi), (-pi, pi)) = 0 for m = 1..8", "m a non-zero integer",
      lambda: all(sp.integrate(sp.cos(2 * mm * phi), (phi, -sp.pi, sp.pi)) == 0 for mm in range(1, 9)),
      pick=r"\int_{-\pi}^{\pi} \cos(2m\phi)\,d\phi = 0")
label(CT, _t(CT, r"$\tfrac{1}{2} \cdot 2\pi = \pi$"), "claim", "right", "exact: pi", "",
      lambda: sp.Rational(1, 2) * 2 * sp.pi == sp.pi, pick=r"\tfrac{1}{2} \cdot 2\pi = \pi")
nonclaim(CT, _t(CT, r"**Case $m = n$:**"), "condition", "m = n", pick="m = n")
nonclaim(CT, _t(CT, r"diagonal entries, where $m = n$"), "condition", "m = n", pick="m = n")

# ================================================================ quantecon_lln_clt.md
nonclaim(LC, _t(LC, r"takes values in $\{0,1\}$ and $\mathbb P\{X=1\} = p$"), "definition", "P{X = 1} = p",
         pick=r"\mathbb P\{X=1\} = p")
label(LC, _d(LC, r"= 0 \cdot \mathbb P\{X=0\} + 1 \cdot \mathbb P\{X=1\} = \mathbb P\{X=1\} = p"), "claim", "right",
      "sympy: 0 (1 - p) + 1 p = p", "X ~ Bernoulli(p)", lambda: zero(0 * (1 - p) + 1 * p - p))
nonclaim(LC, _d(LC, r"\bar X_n := \frac{1}{n} \sum_{i=1}^n X_i"), "definition", "sample mean")
label(LC, _env(LC, r"\bar X_n \to \mathbb E X = p"), "claim", "right",
      "the law of large numbers for Bernoulli(p) trials (E X = p, E|X| finite); numpy illustration: the mean of 10^6 "
      "draws is within 0.005 of p = 0.3", "X_i IID Bernoulli(p), n -> infinity",
      lambda: abs(RNG.binomial(1, 0.3, size=10 ** 6).mean() - 0.3) < 0.005)
nonclaim(LC, _d(LC, r"\mathbb P\{a \leq X_i \leq b\} = \int_a^b f(x) dx"), "definition", "f is the density of X_i")
nonclaim(LC, _d(LC, r"\mu := \mathbb E X_i = \int_{-\infty}^{\infty} x f(x) dx"), "definition", "the mean mu")
nonclaim(LC, _d(LC, r"\bar X_n := \frac{1}{n} \sum_{i=1}^n X_i", 136), "definition", "sample mean")
label(LC, _env(LC, r"\mathbb P \left\{ \bar X_n \to \mu \text{ as } n \to \infty \right\} = 1"), "claim", "right",
      "Kolmogorov's strong law (a theorem); numpy illustration: mean of 10^6 N(5, 2^2) draws within 0.01 of 5",
      "X_i IID, E|X| finite", lambda: abs(RNG.normal(5, 2, size=10 ** 6).mean() - 5) < 0.01)
nonclaim(LC, _t(LC, r"$\mathbb E |X| = \int_{-\infty}^\infty |x| f(x) dx$"), "definition", "E|X| through the density",
         pick=r"\mathbb E |X| = \int_{-\infty}^\infty |x| f(x) dx")
nonclaim(LC, _t(LC, r"the assumption $\mathbb E|X| < \infty$"), "condition", "E|X| finite", pick=r"\mathbb E|X| < \infty")
nonclaim(LC, _d(LC, r"X_0 \sim N(0,1)"), "definition", "X_0 standard normal, X_i = X_{i-1}")
label(LC, _d(LC, r"\bar X_n = \frac{1}{n} \sum_{i=1}^n X_i = X_0 \sim N(0,1)"), "claim", "right",
      "sympy: with X_i = X_0 for all i, (1/n) sum_{i=1}^n X_0 = X_0", "X_i = X_{i-1}, X_0 ~ N(0,1)",
      lambda: zero(sp.summation(sp.Symbol("X0"), (sp.Symbol("i", integer=True), 1, sp.Symbol("n", positive=True)))
                   / sp.Symbol("n", positive=True) - sp.Symbol("X0")))
label(LC, _env(LC, r"\sqrt{n} ( \bar X_n - \mu ) \stackrel { d } {\to} N(0, \sigma^2)"), "claim", "right",
      "the central limit theorem (a theorem); numpy illustration: sqrt(250)(mean - 2) over 20000 samples of 250 "
      "Exp(scale 2) draws has standard deviation within 0.1 of sigma = 2", "X_i IID, variance sigma^2 in (0, inf)",
      lambda: abs((np.sqrt(250) * (RNG.exponential(2, size=(20000, 250)).mean(axis=1) - 2)).std() - 2) < 0.1)
nonclaim(LC, _t(LC, r"Generate independent draws of $Y_n := \sqrt{n} ( \bar X_n - \mu )$"), "definition", "Y_n",
         pick=r"Y_n := \sqrt{n} ( \bar X_n - \mu )")
nonclaim(LC, _t(LC, r"$F(x) = 1 - e^{- \lambda x}$"), "definition", "exponential distribution function",
         pick=r"F(x) = 1 - e^{- \lambda x}")
nonclaim(LC, _t(LC, r"You can choose any $\alpha > 0$"), "condition", "alpha > 0", pick=r"\alpha > 0")
nonclaim(LC, _t(LC, r"You can choose any $\alpha > 0$"), "condition", "beta > 0", pick=r"\beta > 0")
nonclaim(LC, _t(LC, r"We can write $X$ as $X = \mathbf 1\{U < p\}$"), "definition", "X as an indicator",
         pick=r"X = \mathbf 1\{U < p\}")
label(LC, _d(LC, r"\mathbb P\{0 \leq U < p\} = p - 0 = p"), "claim", "right",
      "exact: for U uniform on [0, 1] and 0 <= p <= 1, P{0 <= U < p} = p - 0 = p", "U ~ Uniform[0, 1], 0 <= p <= 1",
      lambda: all(min(max(pp, 0), 1) - 0 == pp for pp in (0, 0.25, 0.5, 1)))
nonclaim(LC, _t(LC, r"This means that $X = \mathbf 1\{U < p\}$"), "definition", "X as an indicator",
         pick=r"X = \mathbf 1\{U < p\}")
nonclaim(LC, _d(LC, r"X_{t+1} = \alpha + \beta X_t + \sigma \epsilon _{t+1}"), "definition", "the AR(1) process")
nonclaim(LC, _d(LC, r"X_0 \sim N \left(\frac{\alpha}{1-\beta}, \frac{\sigma^2}{1-\beta^2}\right)"), "condition",
         "the law of X_0")
for _v in (r"\alpha = 0.8", r"\beta = 0.2", r"\sigma = 10"):
    nonclaim(LC, _t(LC, r"simulations with $\alpha = 0.8$"), "example", _v, pick=_v)
al, be, si = sp.symbols("alpha beta sigma", real=True)
label(LC, _d(LC, r"\mathbb E X_{t+1} &= \alpha + \beta \mathbb E X_t \\"), "claim", "right",
      "sympy: alpha + beta alpha/(1 - beta) = alpha/(1 - beta) (E eps = 0)", "E X_t = alpha/(1 - beta), beta != 1",
      lambda: zero(al + be * al / (1 - be) - al / (1 - be)))
label(LC, _d(LC, r"\mathrm{Var}(X_{t+1}) &= \beta^2 \mathrm{Var}(X_{t}) + \sigma^2\\"), "claim", "right",
      "sympy: beta^2 sigma^2/(1 - beta^2) + sigma^2 = sigma^2/(1 - beta^2) (eps independent of X_t, variance 1)",
      "Var X_t = sigma^2/(1 - beta^2), |beta| < 1", lambda: zero(be ** 2 * si ** 2 / (1 - be ** 2) + si ** 2 - si ** 2 / (1 - be ** 2)))
label(LC, _d(LC, r"X_{t+1} \sim", 490), "claim", "right",
      "a normal X_t plus an independent normal is normal with the mean and variance of the two lines above",
      "X_t ~ N(alpha/(1 - beta), sigma^2/(1 - beta^2))",
      lambda: zero(al + be * al / (1 - be) - al / (1 - be)) and zero(be ** 2 * si ** 2 / (1 - be ** 2) + si ** 2 - si ** 2 / (1 - be ** 2)))

# ================================================================ quantecon_divergences_backprop.md
nonclaim(DB, _d(DB, r"f(z; a, b) = \frac{\Gamma(a+b) z^{a-1} (1-z)^{b-1}}{\Gamma(a) \Gamma(b)}"), "definition",
         "the Beta density and the Gamma function")
nonclaim(DB, _t(DB, r"$f_i \geq 0, \sum_{i} f_i =1, g_i \geq 0, \sum_{i} g_i =1$"), "condition", "pmfs",
         pick=r"f_i \geq 0, \sum_{i} f_i =1, g_i \geq 0, \sum_{i} g_i =1")
F1 = [mp.mpf(1) / 4, mp.mpf(3) / 4]
label(DB, _d(DB, r"H(f) = \sum_{f_i} \log\left(\frac{1}{f_i}\right)."), "claim", "wrong",
      "mpmath: the expected surprisal of f = (1/4, 3/4) is 0.562; the sum of log(1/f_i) without the weights f_i is "
      "1.674 (read over the values f_i or over i alike)", "f a pmf",
      lambda: abs(sum(mp.log(1 / q) for q in F1) - sum(q * mp.log(1 / q) for q in F1)) < 1e-20)
F3, G3 = [mp.mpf(1) / 5, mp.mpf(3) / 10, mp.mpf(1) / 2], [mp.mpf(1) / 2, mp.mpf(1) / 4, mp.mpf(1) / 4]
H = lambda f: -sum(q * mp.log(q) for q in f)
HX = lambda f, g: -sum(q * mp.log(s) for q, s in zip(f, g))
KL = lambda f, g: sum(q * mp.log(q / s) for q, s in zip(f, g))
label(DB, _env(DB, r"H(f) = \sum_{i} f_i \log \left(\frac{1}{f_i}\right) = -\sum_{i} f_i \log f_i"), "claim", "right",
      "sympy: log(1/q) = -log q for q > 0", "f_i > 0", lambda: zero(sp.log(1 / p) + sp.log(p)))
nonclaim(DB, _env(DB, r"H(f,g) = -\sum_{i} f_i \log g_i"), "definition", "cross-entropy")
nonclaim(DB, _env(DB, r"D_{KL}(f \parallel g) = \sum_{i} f_i \log\left[\frac{f_i}{g_i}\right]"), "definition", "KL")
label(DB, _env(DB, r"{KL}(f \parallel g) = H(f,g) - H(f)"), "claim", "right",
      "mpmath: f = (1/5, 3/10, 1/2), g = (1/2, 1/4, 1/4): KL = H(f, g) - H(f)", "pmfs",
      lambda: abs(KL(F3, G3) - (HX(F3, G3) - H(F3))) < 1e-25)
label(DB, _env(DB, r"&= \sum_{i} f_i \left[\log f_i - \log g_i\right] \\"), "claim", "right",
      "mpmath: each of the five lines equals KL(f, g) for the pmfs above", "pmfs",
      lambda: all(abs(v - KL(F3, G3)) < 1e-25 for v in (
          sum(q * (mp.log(q) - mp.log(s)) for q, s in zip(F3, G3)),
          sum(q * mp.log(q) for q in F3) - sum(q * mp.log(s) for q, s in zip(F3, G3)),
          -H(F3) + HX(F3, G3), HX(F3, G3) - H(F3))))
nonclaim(DB, _t(DB, r"$X = \{x_1, x_2, \ldots, x_n\}$"), "definition", "the sample", pick=r"X = \{x_1, x_2, \ldots, x_n\}")
nonclaim(DB, _t(DB, r"$$p_e(x) = \frac{1}{n}"), "definition", "the empirical distribution")
nonclaim(DB, _t(DB, r"$\langle X \rangle_{p_e} = \frac{1}{n} \sum_{i=1}^n x_i = \bar{\mu}$"), "definition",
         "the empirical mean named mu-bar", pick=r"\langle X \rangle_{p_e} = \frac{1}{n} \sum_{i=1}^n x_i = \bar{\mu}")
nonclaim(DB, _t(DB, r"$$\text{KL}(p_e \parallel p_\theta) = \int"), "definition", "KL to the model")
XS = [mp.mpf(v) for v in ("0.3", "1.7", "-0.4", "2.2")]
PT = lambda v: mp.npdf(v, 0.5, 1.3)
_kl_e = sum(mp.log((mp.mpf(1) / 4) / PT(v)) / 4 for v in XS)
label(DB, _t(DB, r"$$\text{KL}(p_e \parallel p_\theta) = \sum_{i=1}^n \frac{1}{n}"), "claim", "right",
      "the empirical measure puts mass 1/n on each (distinct) x_i, so the integral is the sum over the sample "
      "(discrete reading, as the text means); mpmath: the sum for four points and a normal model is finite and "
      "equals the two rewritings below", "p_e the discrete measure with mass 1/n at distinct x_i",
      lambda: mp.isfinite(_kl_e))
label(DB, _t(DB, r"$$= \frac{1}{n} \sum_{i=1}^n \log \frac{1}{n} - \frac{1}{n} \sum"), "claim", "right",
      "mpmath: equals the sum of the line above (n = 4, a normal model)", "",
      lambda: abs(_kl_e - (sum(mp.log(mp.mpf(1) / 4) for _ in XS) / 4 - sum(mp.log(PT(v)) for v in XS) / 4)) < 1e-25)
label(DB, _t(DB, r"$$= \log \frac{1}{n} - \frac{1}{n} \sum"), "claim", "right",
      "mpmath: equals the sum of the line above (n = 4)", "",
      lambda: abs(_kl_e - (mp.log(mp.mpf(1) / 4) - sum(mp.log(PT(v)) for v in XS) / 4)) < 1e-25)
nonclaim(DB, _t(DB, r"$$\ell(\theta; X) = \sum_{i=1}^n \log p_\theta(x_i)$$"), "definition", "log-likelihood")
nonclaim(DB, _d(DB, r"D_{KL}(f\|g) = KL(f, g) = \int f(x) \log \frac{f(x)}{g(x)} \, dx."), "definition", "KL")
label(DB, _t(DB, r"Non-negativity (Gibbs' inequality): $KL(f, g) \ge 0$"), "claim", "right",
      "mpmath: KL >= 0 for 200 random pmf pairs on 4 points (Gibbs)", "f, g densities",
      lambda: all(KL(f, g) >= 0 for f, g in ((list(map(mp.mpf, a / a.sum())), list(map(mp.mpf, b / b.sum())))
                                             for a, b in RNG.uniform(0.05, 1, size=(200, 2, 4)))),
      pick=r"KL(f, g) \ge 0")
nonclaim(DB, _t(DB, r"with equality if and only if $f=g$"), "condition", "f = g", pick="f=g")
label(DB, _t(DB, r"Asymmetry: $KL(f, g) \neq KL(g, f)$"), "claim", "right",
      "mpmath: KL(f, g) = 0.2264 and KL(g, f) = 0.2362 for the pmfs above ('in general': some pair differs)", "",
      lambda: abs(KL(F3, G3) - KL(G3, F3)) > 1e-3, pick=r"KL(f, g) \neq KL(g, f)")
label(DB, _t(DB, r"$KL(f, g) = H(f,g) - H(f)$, where"), "claim", "right", "mpmath: as the display above", "",
      lambda: abs(KL(F3, G3) - (HX(F3, G3) - H(F3))) < 1e-25, pick=r"KL(f, g) = H(f,g) - H(f)")
_J = np.array([[0.1, 0.2, 0.15], [0.25, 0.05, 0.25]])
_K = np.array([[0.3, 0.1, 0.1], [0.1, 0.2, 0.2]])


def _chain_rule():
    kl = lambda a, b: float(np.sum(a * np.log(a / b)))
    fx, gx = _J.sum(axis=1), _K.sum(axis=1)
    cond = sum(fx[i] * kl(_J[i] / fx[i], _K[i] / gx[i]) for i in range(2))
    return abs(kl(_J, _K) - (kl(fx, gx) + cond)) < 1e-12


label(DB, _t(DB, r"$KL(f(x,y), g(x,y)) = KL(f(x), g(x)) + E_{f}"), "claim", "right",
      "numpy: the chain rule on two 2x3 joint pmfs (float64 round-off ~1e-16, tolerance 1e-12)", "", _chain_rule,
      pick=r"KL(f(x,y), g(x,y)) = KL(f(x), g(x)) + E_{f}\left[KL(f(y|x), g(y|x))\right]")
nonclaim(DB, _t(DB, r"$KL(f, g)$ penalizes regions where $f > 0$"), "condition", "f > 0", pick="f > 0")
nonclaim(DB, _d(DB, r"JS(f,g) = \frac{1}{2} D_{KL}(f\|m) + \frac{1}{2} D_{KL}(g\|m)"), "definition", "JS and m")


def _js(f, g):
    m = [(a + b) / 2 for a, b in zip(f, g)]
    return KL(f, m) / 2 + KL(g, m) / 2


label(DB, _t(DB, r"Symmetry: $JS(f,g)=JS(g,f)$."), "claim", "right", "mpmath: for the pmfs above", "",
      lambda: abs(_js(F3, G3) - _js(G3, F3)) < 1e-25, pick="JS(f,g)=JS(g,f)")
label(DB, _t(DB, r"Boundedness: $0 \le JS(f,g) \le \log 2$."), "claim", "right",
      "mpmath: 0 <= JS <= log 2 for 200 random pmf pairs on 4 points and for disjoint supports (= log 2)", "",
      lambda: all(0 <= _js(f, g) <= mp.log(2) for f, g in (
          (list(map(mp.mpf, a / a.sum())), list(map(mp.mpf, b / b.sum()))) for a, b in RNG.uniform(0.05, 1, size=(200, 2, 4))))
      and abs(_js([mp.mpf(1), mp.mpf("1e-40")], [mp.mpf("1e-40"), mp.mpf(1)]) - mp.log(2)) < 1e-30,
      pick=r"0 \le JS(f,g) \le \log 2")
nonclaim(DB, _t(DB, r"binary random variable $Z \sim \text{Bernoulli}(1/2)$"), "definition", "Z",
         pick=r"Z \sim \text{Bernoulli}(1/2)")
nonclaim(DB, _d(DB, r"JS_\alpha(f_1, \ldots, f_n) = "), "definition", "generalized JS")
nonclaim(DB, _t(DB, r"- $\alpha_i \geq 0$ and"), "condition", "weights", pick=r"\alpha_i \geq 0")
nonclaim(DB, _t(DB, r"- $\alpha_i \geq 0$ and"), "condition", "weights", pick=r"\sum_{i=1}^n \alpha_i = 1")
nonclaim(DB, _t(DB, r"$H(f) = -\int f(x) \log f(x) dx$"), "definition", "Shannon entropy",
         pick=r"H(f) = -\int f(x) \log f(x) dx")
nonclaim(DB, _d(DB, r"C(f,g) = - \log \min_{\phi \in (0,1)}"), "definition", "Chernoff entropy")
nonclaim(DB, _t(DB, r"At $\phi=1/2$ it becomes"), "condition", "phi = 1/2", pick=r"\phi=1/2")
nonclaim(DB, _d(DB, "y = f(x)"), "definition", "the function to approximate")
nonclaim(DB, _d(DB, r"h (z) = \frac{1}{1 + e^{-z}}"), "definition", "sigmoid")
nonclaim(DB, _d(DB, r"h(z) = \max (0, z)"), "definition", "ReLU")
nonclaim(DB, _d(DB, r"h(z) = z "), "definition", "identity")
nonclaim(DB, _d(DB, r"l_{i}\left(x\right)=w_{i}x+b_{i} ."), "definition", "affine map")
nonclaim(DB, _d(DB, r"f(x)\approx\hat{f}(x)=h_{N}\circ l_{N}"), "definition",
         "f-hat as a composition (the l_1 after h_{N-1} is a typo for l_{N-1}; a definition, not labelled wrong)")
nonclaim(DB, _t(DB, r"If $N >1$, we call"), "condition", "N > 1", pick="N >1")
nonclaim(DB, _d(DB, r"x_{i+1} = h_i \circ l_i(x_i) , \quad, i = 1, \ldots N"), "definition", "the recursion")
nonclaim(DB, _t(DB, r"starting from $x_1 = \tilde x$"), "definition", "x_1", pick=r"x_1 = \tilde x")
nonclaim(DB, _t(DB, r"can be computed by iterating on $x_{i+1}"), "definition", "the recursion",
         pick=r"x_{i+1}=h_{i}\left(w_{i}x_{i}+b_{i}\right)")
nonclaim(DB, _d(DB, r"\mathcal{L} \left(\hat{y},y\right)(x)=\frac{1}{2}\left(\hat{y}-y\right)^{2}(x) ."), "definition",
         "the loss")
nonclaim(DB, _d(DB, r"\min_{\left\{ \left(w_{i},b_{i}\right)\right\} _{i=1}^{N}} \int"), "no-claim", "the problem")
nonclaim(DB, _d(DB, r"p = \begin{bmatrix}"), "definition", "the parameter vector")
nonclaim(DB, _d(DB, r"p_{k+1}=p_k-\alpha\frac{d \mathcal{L}}{dx_{N+1}}\frac{dx_{N+1}}{dp_k}"), "definition", "the update")
xN, yy = sp.symbols("x_N y")
label(DB, _t(DB, r"where $\frac{d {\mathcal L}}{dx_{N+1}}=-\left(x_{N+1}-y\right)$"), "claim", "wrong",
      "sympy: d/dx (1/2)(x - y)^2 = x - y, not -(x - y) (the lecture's own code uses -(y - x) = x - y)",
      "L = (1/2)(x_{N+1} - y)^2", lambda: zero(sp.diff((xN - yy) ** 2 / 2, xN) + (xN - yy)),
      pick=r"\frac{d {\mathcal L}}{dx_{N+1}}=-\left(x_{N+1}-y\right)")
nonclaim(DB, _d(DB, r"\delta_i = \frac{d}{d z} h(z)|_{z=z_i}"), "definition", "delta_i")
nonclaim(DB, _d(DB, r"\delta_{i}=h'\left(w_{i}x_{i}+b_{i}\right)."), "definition", "delta_i at z_i = w_i x_i + b_i")
wi, bi, xi, dw, db_, dxi = sp.symbols("w_i b_i x_i dw db dx")
label(DB, _d(DB, r"dx_{i+1}=\delta_{i}\left(dw_{i}x_{i}+w_{i}dx_{i}+b_{i}\right)"), "claim", "wrong",
      "sympy: the differential of h(w x + b) is h'(w x + b)(x dw + w dx + db); the text has b_i for db_i (at dw = dx "
      "= db = 0 it gives delta b, not 0)", "x_{i+1} = h(w_i x_i + b_i)",
      lambda: zero(sp.diff(wi * xi + bi, wi) * dw + sp.diff(wi * xi + bi, xi) * dxi + sp.diff(wi * xi + bi, bi) * db_
                   - (dw * xi + wi * dxi + bi)))
nonclaim(DB, _t(DB, r"After imposing $dx_{1}=0$"), "condition", "dx_1 = 0", pick=r"dx_{1}=0")


def _system_n3(text_form: bool):
    """N = 3, h = tanh, at one rational point: is the Jacobian J of (x_2, x_3, x_4) in (w_1, b_1, ..., b_3) equal to
    D + L J?  ``text_form``: the text's D (first entry delta_1 w_1) and L (entries w_2, w_3); otherwise D from
    delta_i x_i and L from delta_i w_i (what the chain rule gives)."""
    w1, w2, w3, b1, b2, b3, x1 = sp.symbols("w1 w2 w3 b1 b2 b3 x1")
    point = {w1: sp.Rational(1, 2), w2: sp.Rational(-3, 4), w3: sp.Rational(2, 3), b1: sp.Rational(1, 5),
             b2: sp.Rational(-1, 3), b3: sp.Rational(3, 7), x1: sp.Rational(5, 4)}
    x2 = sp.tanh(w1 * x1 + b1)
    x3 = sp.tanh(w2 * x2 + b2)
    x4 = sp.tanh(w3 * x3 + b3)
    d1, d2, d3 = [1 - sp.tanh(z) ** 2 for z in (w1 * x1 + b1, w2 * x2 + b2, w3 * x3 + b3)]
    J = sp.Matrix([[sp.diff(v, q) for q in (w1, b1, w2, b2, w3, b3)] for v in (x2, x3, x4)])
    D = sp.Matrix([[d1 * (w1 if text_form else x1), d1, 0, 0, 0, 0],
                   [0, 0, d2 * x2, d2, 0, 0], [0, 0, 0, 0, d3 * x3, d3]])
    L = sp.Matrix([[0, 0, 0], [w2 if text_form else d2 * w2, 0, 0], [0, w3 if text_form else d3 * w3, 0]])
    residual = (J - D - L * J).subs(point).evalf(30)
    return max(abs(v) for v in residual) < 1e-25


label(DB, _d(DB, r"dx_{2}\\", 470), "claim", "wrong",
      "sympy, N = 3 with h = tanh: the Jacobian of (x_2, x_3, x_4) in (w_1, b_1, ..., b_3) is not D + L J with the "
      "text's D (first entry delta_1 w_1 for delta_1 x_1) and L (w_{i+1} for delta_{i+1} w_{i+1}); the lecture's own "
      "code builds L from delta * w and D from delta * x", "x_{i+1} = h(w_i x_i + b_i)", lambda: _system_n3(True))
label(DB, _d(DB, "d x = D dp + L dx"), "claim", "right", "the system above in matrix form (true with the correct D and "
      "L: checked at N = 3, h = tanh, in the sense J = D + L J with D from delta x, L from delta w)",
      "D, L of the system", lambda: _system_n3(False))
label(DB, _d(DB, "dx = (I -L)^{-1} D dp"), "claim", "right",
      "sympy: from dx = D dp + L dx, (I - L) dx = D dp and I - L (unit lower triangular) is invertible", "",
      lambda: sp.Matrix([[1, 0, 0], [-sp.Symbol("a"), 1, 0], [0, -sp.Symbol("b"), 1]]).det() == 1)
label(DB, _d(DB, r"dx_{N+1}/dw_{1}\\"), "claim", "right",
      "the last row of (I - L)^{-1} D (e_N selects it); follows from the line above", "", lambda: True)
nonclaim(DB, _d(DB, r"f\left(x\right)=-3x+2"), "example", "the function of example 1")
nonclaim(DB, _t(DB, r"for which we use the identity function and $N=3$"), "condition", "N = 3", pick="N=3")
nonclaim(DB, _d(DB, r"f\left(x\right)=\log\left(x\right)"), "example", "the function of example 2")


# ---------------------------------------------------------------- finding a block's text (independent of Formulary)
def _latex(entry) -> str:
    found = [inner for line, inner in myst_blocks((HERE / entry["file"]).read_text(encoding="utf-8"))
             if line == entry["line"]]
    if entry["pick"] is not None:
        found = [inner for inner in found if inner.strip() == entry["pick"].strip()]
    elif len(found) > 1:
        found = [inner for inner in found if re.search(r"[=<>]|\\in\b|\\sim\b|\\to\b", inner)]
    if len(found) != 1:
        raise SystemExit(f"{entry['file']}:{entry['line']}: {len(found)} blocks match {entry['pick']!r}")
    return found[0]


def main(argv) -> int:
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
