"""Independent mpmath checks (no sympy, no Formulary) of the round-6 labels that check_labels.py cannot settle
(integrals it leaves unevaluated, sums it times out on, matrix claims it cannot expand) or gets wrong (sympy rounds
floor(log(10**15 - 1, 10)) up to 15), and of the witnesses of the near-resonances.

    python3 tests/corpus/claims/check_round6.py
"""
import random
import sys

import mpmath as mp

mp.mp.dps = 200
ok = []


def chk(name, cond):
    """Record and print one check."""
    ok.append((name, bool(cond)))
    print(("ok  " if cond else "FAIL"), name)


# th-h6-e-half true; th-h6-e-near-half false at 1e8
f = lambda x, a: (x + a) * mp.log1p(1 / x) - 1
chk("th-h6-e-half grid", all(f(mp.mpf(x), mp.mpf(1) / 2) > 0 for x in [mp.mpf(10) ** k for k in range(-30, 31)] + [0.5, 3, 7.7]))
chk("th-h6-e-near-half witness", f(mp.mpf(10) ** 8, mp.mpf("0.4999999")) < 0)
# ln-h6-harm: H_n - log n = psi(n+1) + euler - log n, decreasing in n
g = lambda n: mp.digamma(n + 1) + mp.euler - mp.log(n) - mp.mpf("0.5773")
chk("ln-h6-harm-6000 (n=6000, 5929 ok, 5928 fails; decreasing)", g(6000) < 0 and g(5929) < 0 and g(5928) > 0 and all(g(n) > g(n + 1) for n in [6000, 10**4, 10**6, 10**12]))
chk("ln-h6-harm-5000 witness", g(5000) > 0)
# ca-h6-log-sin, ca-h6-bose, bose-float
v = mp.quad(lambda x: mp.log(mp.sin(x)), [0, mp.pi / 4, mp.pi / 2])
chk("ca-h6-log-sin", abs(v + mp.pi * mp.log(2) / 2) < mp.mpf(10) ** -40)
b = mp.quad(lambda x: x / mp.expm1(x), [0, 1, 10, mp.inf])
chk("ca-h6-bose", abs(b - mp.pi ** 2 / 6) < mp.mpf(10) ** -40)
chk("ca-h6-bose-float", abs(b - mp.mpf("1.6449340668482264")) > mp.mpf(10) ** -17)
# spikes
c = mp.mpf(10) ** 5
I = (mp.atan(c * mp.mpf(2) / 3) + mp.atan(c / 3)) / c
chk("ca-h6-int-spike (false) / -ok (true)", I > mp.mpf(10) ** -5 and I > 3 * mp.mpf(10) ** -5)
# li log10
chk("li-h6-log10-float (floor is 14)", mp.floor(mp.log10(mp.mpf(10) ** 15 - 1)) == 14)
chk("li-h6-sqrt2-digits", mp.floor(mp.mpf(10) ** 20 * mp.sqrt(2)) == 141421356237309504880)
n = 93222358
chk("li-h6-floor-sqrt2-float witness", mp.floor(n * mp.sqrt(2)) != mp.floor(n * mp.mpf("1.4142135623730951")))
chk("io-h6-cos-near-one witness", 1 - mp.cos(312689) < mp.mpf(10) ** -11)
phi = (1 + mp.sqrt(5)) / 2
chk("io-h6-golden-frac witness", 514229 * phi - mp.floor(514229 * phi) < mp.mpf(10) ** -6)
# basel Euler-Maclaurin: S_n = zeta(2) - psi'(n+1)
S = lambda n: mp.zeta(2) - mp.psi(1, n + 1)
em = lambda n: mp.zeta(2) - mp.mpf(1) / n + mp.mpf(1) / (2 * n ** 2) - mp.mpf(1) / (6 * n ** 3)
chk("ln-h6-basel-em grid", all(S(n) > em(n) for n in list(range(1, 60)) + [100, 1000, 10**6, 10**12]))
chk("ln-h6-basel-em-31 witness", not (S(100) < em(100) + mp.mpf(1) / (31 * mp.mpf(100) ** 5)))
W = lambda n: mp.binomial(2 * n, n) / mp.mpf(4) ** n
chk("ln-h6-wallis-quarter grid", all(W(n) <= 1 / mp.sqrt(mp.pi * (n + mp.mpf(1) / 4)) for n in list(range(1, 80)) + [1000, 10**6]))
chk("ln-h6-wallis-2501 witness", W(1000) > 1 / mp.sqrt(mp.pi * (1000 + mp.mpf("0.2501"))))
# digamma bounds
chk("sf-h6-digamma-lower grid", all(mp.digamma(x) > mp.log(x) - 1 / (2 * x) - 1 / (12 * x ** 2) for x in [mp.mpf(10) ** k for k in range(-20, 21)] + [mp.mpf(1) / 3, 2.5, 7]))
x = mp.mpf(100)
chk("sf-h6-digamma-lower-119 witness", mp.digamma(x) < mp.log(x) - 1 / (2 * x) - 1 / (12 * x ** 2) + 1 / (119 * x ** 4))
chk("sf-h6-digamma-dup grid", all(abs(mp.digamma(2 * x) - mp.digamma(x) / 2 - mp.digamma(x + 0.5) / 2 - mp.log(2)) < mp.mpf(10) ** -50 for x in [mp.mpf(1) / 7, 1, 3.5, 100]))
chk("sf-h6-lgamma-mid grid", all(mp.loggamma(x + mp.mpf(1) / 2) < (mp.loggamma(x) + mp.loggamma(x + 1)) / 2 for x in [mp.mpf(10) ** k for k in range(-20, 21)]))
# sinh taylor
h = lambda x: mp.sinh(x) - x - x ** 3 / 6 - x ** 5 / 119
chk("cc-h6-sinh-taylor grid", all(h(mp.mpf(k) / 1000) < 0 for k in range(1, 500)) and h(mp.mpf("0.4999999")) < 0)
chk("cc-h6-sinh-taylor-wide witness", h(mp.mpf(9) / 10) > 0)
# tanh gap
chk("th-h6-tanh-gap at 1000 / far at 1200", 2 / (mp.exp(2000) + 1) > mp.mpf(10) ** -1000 and 2 / (mp.exp(2400) + 1) < mp.mpf(10) ** -1000)
# dottie witness
mp.mp.dps = 80
d = mp.mpf("0.7390851332151606416553120876738734040134117589007574649656806357732847")
chk("th-h6-dottie-spike witness", 1 / (1 + mp.mpf(10) ** 30 * (mp.cos(d) - d) ** 2) > 0.5)
mp.mp.dps = 200
# e^pi - pi
v = mp.exp(mp.pi) - mp.pi
chk("nm-h6-epi", v < mp.mpf("19.99909998") and v > mp.mpf("19.999099979"))
chk("th-h6-zeta3", mp.mpf("1.2020569031595942") < mp.zeta(3) < mp.mpf("1.2020569031595943"))
co = (mp.pi / mp.tanh(mp.pi) - 1) / 2
chk("sr-h6-coth", abs(mp.nsum(lambda j: 1 / (j ** 2 + 1), [1, mp.inf]) - co) < mp.mpf(10) ** -40)
# matrices: random integer matrices, n = 1..5
random.seed(1)


def rnd(n):
    return [[random.choice([-3, -1, 0, 1, 2, 7, mp.mpf(1) / 3]) for _ in range(n)] for _ in range(n)]


good = True
for n in range(1, 6):
    for _ in range(30):
        A = rnd(n)
        trsq = sum(A[i][k] * A[k][i] for i in range(n) for k in range(n))
        fro = sum(A[i][k] ** 2 for i in range(n) for k in range(n))
        tr = sum(A[i][i] for i in range(n))
        good &= trsq <= fro and fro >= tr ** 2 / n
chk("mx-h6-trsq-frob and mx-h6-frob-trace (random)", good)
chk("mx-h6-trsq-nonneg witness", 0 * 0 + 1 * -1 + -1 * 1 + 0 < 0)
chk("mx-h6-quad-psd witness", 1 * (-1) * 1 < 0)
print("all ok" if all(v for _, v in ok) else "SOME FAIL")
sys.exit(0 if all(v for _, v in ok) else 1)
