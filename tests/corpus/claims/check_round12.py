"""Independent mpmath checks (no sympy, no Formulary) of every round-12 label.

    python3 tests/corpus/claims/check_round12.py [--id ID]

It reuses round 11's checks (round 7's as-written walker over Python's ``ast``, round 8's to 11's functions, round 9's
derivative that exists only where the forward, backward and central quotients agree, one-sided limits) and checks by
hand (``SPECIAL``) what its grid cannot reach:

* integrals that diverge at the witness (``t^(-3/2)``, ``sin t`` over (0, oo), ``t e^(t/2)``): the partial integrals are
  computed in closed form by mpmath and shown to grow without bound or to oscillate, while the other side is finite;
* zeta(s) against ``s/(s - 1)`` and ``1/(s - 1) + 1/2`` at points of (1, oo) down to 1 + 1e-30, with ``mpmath.zeta``
  (the walker's ``nsum`` converges too slowly near s = 1);
* ``H_n - log n`` as n -> oo (the walker cannot add 1e16 terms): ``psi(n + 1) + euler - log n`` far out;
* polygamma(1, x) for the trigamma claims (the walker differentiates digamma at 1000 digits: minutes a point), the
  Beta integral, Gaussian, Laplace and Frullani integrals at parameters where plain quadrature fails (substitutions,
  oscillatory quadrature), ``lgamma`` far out and ``(sin x/x)^(1/x^2)`` near 0 (more digits than the walker keeps), and a
  triangular double sum (exact integers);
* ``log x < x^(1/1000)`` beyond e^10000 (no grid point is that far): at x = e^t for t from 10000 to 1e300 in the log
  domain, and the crossing t = 9118.0... where ``t = e^(t/1000)``.
"""
import itertools
import json
import pathlib
import sys

import mpmath as mp

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import check_round7 as r7  # the walker; it imports nothing from Formulary
import check_round11 as r11  # round 10's checks with round 11's functions


def _diverges(partial, finite_other):
    """``partial(T)`` is the integral up to (or from) a cut-off T, in closed form; it must leave every bound (grow past
    1e6 and keep growing) or keep oscillating (not settle to 1e-6), while the other side is a finite number."""
    with mp.workdps(50):
        values = [partial(k) for k in (1, 2, 3, 4, 5, 6)]
        grows = all(abs(b) > abs(a) for a, b in itertools.pairwise(values)) and abs(values[-1]) > 10**6
        spread = max(values) - min(values)
        return (grows or spread > mp.mpf(10) ** -6) and mp.isfinite(finite_other)


def _t_minus_three_halves():
    """int_e^1 t^(-3/2)(1 - t) dt = [-2 t^(-1/2) - 2 t^(1/2)]_e^1 with e = 10^-2k: grows like 2/sqrt(e); rhs
    1/(a(a + 1)) = -4 at a = -1/2."""
    F = lambda t: -2 * t ** mp.mpf(-0.5) - 2 * mp.sqrt(t)
    return _diverges(lambda k: F(1) - F(mp.mpf(10) ** (-2 * k)), mp.mpf(-4))


def _laplace_sin_at_0():
    """int_0^T sin t dt = 1 - cos T oscillates between 0 and 2 (T = k pi/2 ... ): no limit; rhs 1."""
    with mp.workdps(50):
        values = [1 - mp.cos(T) for T in (mp.pi * 10**6, mp.pi * (10**6 + 1), mp.pi * (10**6 + 0.5))]
    return max(values) - min(values) > 1


def _laplace_t_negative():
    """int_0^T t e^(t/2) dt = [2 e^(t/2)(t - 2)]_0^T grows without bound; rhs 1/s^2 = 4 at s = -1/2."""
    return _diverges(lambda k: 2 * mp.exp(mp.mpf(10) ** k / 2) * (mp.mpf(10) ** k - 2) + 4, mp.mpf(4))


def _power_negative():
    """int_e^1 t^(-3/2) dt = 2/sqrt(e) - 2 grows without bound as e -> 0; rhs 1/a = -2 at a = -1/2."""
    return _diverges(lambda k: 2 / mp.sqrt(mp.mpf(10) ** (-2 * k)) - 2, mp.mpf(-2))


def _zeta_points():
    with mp.workdps(60):
        return [1 + mp.mpf(10) ** -k for k in (30, 8, 3, 1)] + [mp.mpf(v) for v in ("1.5", "2", "3", "5", "10", "39",
                                                                                      "100", "1e6", "1e30")]


def _zeta_upper():
    with mp.workdps(60):
        return all(mp.zeta(s) < s / (s - 1) for s in _zeta_points())


def _zeta_half():
    """zeta(s) - 1/(s - 1) - 1/2 > 0 on (1, oo): at the points, and its limits gamma - 1/2 (s -> 1) and 1/2 (s -> oo)."""
    with mp.workdps(80):
        gaps = [mp.zeta(s) - 1 / (s - 1) - mp.mpf(1) / 2 for s in _zeta_points()]
        return all(g > 0 for g in gaps) and abs(gaps[0] - (mp.euler - mp.mpf(1) / 2)) < mp.mpf(10) ** -20


def _zeta_half_slip():
    with mp.workdps(60):
        return not (mp.zeta(2) < 1 / mp.mpf(1) + mp.mpf(1) / 2)


def _harmonic_digamma():
    """H_n - log n = psi(n + 1) + euler - log n -> euler = -psi(1), the gap shrinking like 1/(2n)."""
    with mp.workdps(60):
        gaps = [abs(mp.digamma(mp.mpf(10) ** k + 1) + mp.euler - k * mp.log(10) - (-mp.digamma(1))) for k in (8, 12, 16)]
        return gaps[0] > gaps[1] > gaps[2] and gaps[2] < mp.mpf(10) ** -15


def _log_root_far():
    """With x = e^t: t < e^(t/1000) for t > t0, t0 = 9118.0... the larger root of t = e^(t/1000) (t e^(-t/1000) is
    decreasing beyond t = 1000); e^10000 is past it."""
    with mp.workdps(50):
        t0 = mp.findroot(lambda t: t - mp.exp(t / 1000), 9000)
        pts = [mp.mpf(10000), mp.mpf(10000) + mp.mpf(10) ** -20, mp.mpf(10) ** 5, mp.mpf(10) ** 300]
        return 9100 < t0 < 9200 and all(t < mp.exp(t / 1000) for t in pts)


def _trigamma(x):
    """psi'(x) as mpmath's polygamma(1, x), checked against a central quotient of digamma (step 1e-20 of the point's
    scale, at 80 digits)."""
    with mp.workdps(80):
        t = mp.psi(1, x)
        h = mp.mpf(10) ** -20 * min(1, abs(x))
        q = (mp.digamma(x + h) - mp.digamma(x - h)) / (2 * h)
        assert abs(t - q) < mp.mpf(10) ** -30 * max(1, abs(t)), (x, t, q)
        return t


TRIGAMMA_POINTS = ["1e-30", "1e-8", "1/10", "1/3", "1/2", "1", "2", "39/10", "10", "1e3", "1e6", "1e30", "1e300"]


def _trigamma_positive():
    """psi'(x) = sum_k 1/(x + k)^2 > 0 at positive points from 1e-30 to 1e300."""
    with mp.workdps(60):
        return all(_trigamma(mp.mpf(r7.value(v, {}))) > 0 for v in TRIGAMMA_POINTS)


def _trigamma_recurrence(sign):
    """psi'(x + 1) against psi'(x) + sign/x^2 at positive points: True when they agree everywhere."""
    with mp.workdps(60):
        pts = [mp.mpf(r7.value(v, {})) for v in TRIGAMMA_POINTS[2:11]]
        return all(abs(_trigamma(x + 1) - _trigamma(x) - sign / x**2) < mp.mpf(10) ** -25 * max(1, 1 / x**2) for x in pts)


def _trigamma_pole():
    """psi has a pole at -1, so psi' is undefined there, while 0 is a number: the claim fails at the witness."""
    with mp.workdps(60):
        try:
            mp.digamma(-1)
        except (ValueError, ZeroDivisionError):
            return True
        return False


def _beta_integral():
    """int_0^1 t^(a-1)(1 - t)^(b-1) dt against mpmath's beta(a, b) at pairs from 1/10 to 39/10.  Each half is made
    smooth by a substitution (t = u^(1/a) on (0, 1/2), 1 - t = u^(1/b) on (1/2, 1): the end-point singularity t^(a-1)
    goes into the Jacobian), then integrated by Gauss-Legendre at 40 digits: agree to 1e-20 relative."""
    vals = [mp.mpf(1) / 10, mp.mpf(1) / 3, mp.mpf(1) / 2, mp.mpf(1), mp.mpf(2), mp.mpf(39) / 10]
    half = mp.mpf(1) / 2
    with mp.workdps(40):
        for a in vals:
            for b in vals:
                left = mp.quad(lambda u, a=a, b=b: (1 - u ** (1 / a)) ** (b - 1), [0, half**a]) / a
                right = mp.quad(lambda u, a=a, b=b: (1 - u ** (1 / b)) ** (a - 1), [0, half**b]) / b
                if abs(left + right - mp.beta(a, b)) > mp.mpf(10) ** -20 * mp.beta(a, b):
                    return False
    return True


def _lgamma_rec2():
    """log Gamma(x + 2) - log Gamma(x) = log x + log(x + 1) for x > 0 at the grid's positive points, to 1e-400 of
    log Gamma(x)'s size (mpmath's loggamma at 1e300, about 7e302, keeps 500 digits of it, so the difference keeps
    only 200: the walker's tolerance is relative to the difference's own size)."""
    with mp.workdps(500):
        pts = [mp.mpf(r7.value(v, {})) for v in r7.GRID]
        return all(abs(mp.loggamma(x + 2) - mp.loggamma(x) - mp.log(x) - mp.log(x + 1))
                   < mp.mpf(10) ** -400 * max(1, abs(mp.loggamma(x))) for x in pts if x > 0)


def _sinc_power(target):
    """(sin x/x)^(1/x^2) at x = +-1e-10, +-1e-20, +-1e-30 at 200 digits (sin x/x = 1 - x^2/6 + ... loses 2k digits at
    1e-k, which the walker's 60 do not have): settles on ``target`` (the gap shrinking like x^2)."""
    with mp.workdps(200):
        gaps = [abs((mp.sin(x) / x) ** (1 / x**2) - target()) for k in (10, 20, 30) for x in (mp.mpf(10) ** -k, -mp.mpf(10) ** -k)]
        return gaps[-1] < mp.mpf(10) ** -50 and gaps[0] > gaps[2] > gaps[4]


def _gauss_second():
    """int x^2 e^(-a x^2) dx over R = sqrt(pi)/(2 a^(3/2)): by quadrature at a from 1/10 to 10 (the walker's points
    1e-300 and 1e-30 spread the integrand over 1e150 and 1e15, beyond its quadrature), and at every a > 0 by the
    substitution x = u/sqrt(a), which leaves a^(-3/2) times the a = 1 integral (checked by quadrature)."""
    with mp.workdps(30):
        ok = all(abs(mp.quad(lambda x, a=a: x**2 * mp.exp(-a * x**2), [-mp.inf, 0, mp.inf]) - mp.sqrt(mp.pi) / (2 * a ** 1.5))
                 < mp.mpf(10) ** -20 * mp.sqrt(mp.pi) / (2 * a ** 1.5) for a in map(mp.mpf, ("0.1", "0.5", "1", "2", "10")))
        return ok and abs(mp.quad(lambda u: u**2 * mp.exp(-u**2), [-mp.inf, 0, mp.inf]) - mp.sqrt(mp.pi) / 2) < mp.mpf(10) ** -20


def _laplace_trig(kind):
    """int_0^oo e^(-s t) sin(t) dt = 1/(s^2 + 1) (``kind`` sin) or e^(-s t) cos(w t) = s/(s^2 + w^2) (cos): by
    mpmath's oscillatory quadrature (quadosc, zeros of the trig factor) at s from 1e-3 to 10 and w from -10 to 10,
    which the walker's plain quadrature misses at small s (the integrand decays over 1/s)."""
    with mp.workdps(30):
        for s_ in (mp.mpf(1) / 1000, mp.mpf(1) / 10, mp.mpf(1) / 2, 1, 3, 10):
            for w in ((1,) if kind == "sin" else (mp.mpf(1) / 3, 1, 2, 10, -3)):
                if kind == "sin":
                    f, want = (lambda t, s_=s_: mp.exp(-s_ * t) * mp.sin(t)), 1 / (s_**2 + 1)
                else:
                    f, want = (lambda t, s_=s_, w=w: mp.exp(-s_ * t) * mp.cos(w * t)), s_ / (s_**2 + w**2)
                if abs(mp.quadosc(f, [0, mp.inf], omega=abs(w)) - want) > mp.mpf(10) ** -15 * max(1, abs(want)):
                    return False
    return True


def _frullani():
    """int_0^oo (e^(-a x) - e^(-b x))/x dx = log(b/a): by quadrature (breakpoints at 1/a and 1/b) at pairs from 1/10
    to 10; the walker's b = 1e-300 spreads the integrand over 1e300, beyond its quadrature.  Every pair reduces to these
    ratios: x -> x/a leaves the integral a function of b/a, whose derivative in b is int e^(-b x) dx = 1/b."""
    vals = [mp.mpf(v) for v in ("0.1", "0.5", "1", "2", "10")]
    with mp.workdps(30):
        for a in vals:
            for b in vals:
                f = lambda x, a=a, b=b: (mp.exp(-a * x) - mp.exp(-b * x)) / x if x else b - a
                q = mp.quad(f, sorted({mp.mpf(0), 1 / a, 1 / b, 10 / min(a, b), mp.inf}))
                if abs(q - mp.log(b / a)) > mp.mpf(10) ** -15:
                    return False
    return True


def _swap_triangle():
    """sum_(j=1..n) sum_(k=1..j) j^2 k = sum_(k=1..n) sum_(j=k..n) j^2 k for n = 1..40, exactly (the walker's grid of n
    runs to 1e300)."""
    return all(sum(j * j * k for j in range(1, n + 1) for k in range(1, j + 1))
               == sum(j * j * k for k in range(1, n + 1) for j in range(k, n + 1)) for n in range(1, 41))


CLAIMS = [json.loads(line) for line in (HERE / "heldout_round12.jsonl").read_text().splitlines()]
SPECIAL = {
    "sr-h12-swap-tri": _swap_triangle,
    "ca-h12-frullani": _frullani,
    "ca-h12-gauss-second": _gauss_second,
    "ca-h12-laplace-sin": lambda: _laplace_trig("sin"),
    "ca-h12-laplace-cos": lambda: _laplace_trig("cos"),
    "lim-h12-sinc-power": lambda: _sinc_power(lambda: mp.exp(-mp.mpf(1) / 6)),
    "lim-h12-sinc-power-slip": lambda: not _sinc_power(lambda: mp.exp(-mp.mpf(1) / 3)),
    "sf-h12-beta-integral": _beta_integral,
    "sf-h12-lgamma-rec2": _lgamma_rec2,
    "sf-h12-trigamma-pos": _trigamma_positive,
    "sf-h12-trigamma-rec": lambda: _trigamma_recurrence(-1),
    "sf-h12-trigamma-rec-slip": lambda: not _trigamma_recurrence(1),
    "sf-h12-trigamma-pole": _trigamma_pole,
    "sf-h12-beta-integral-neg": _t_minus_three_halves,
    "ca-h12-laplace-sin-s0": _laplace_sin_at_0,
    "ca-h12-laplace-t": _laplace_t_negative,
    "ca-h12-power-integral": _power_negative,
    "sf-h12-zeta-upper": _zeta_upper,
    "sf-h12-zeta-half": _zeta_half,
    "sf-h12-zeta-half-slip": _zeta_half_slip,
    "lim-h12-harmonic-digamma": _harmonic_digamma,
    "th-h12-log-root-far": _log_root_far,
}


check = r7.special_first(SPECIAL, r11.check)


def main(argv):
    return r7.run(CLAIMS, check, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
