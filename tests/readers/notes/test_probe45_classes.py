r"""False alarms and a false proof found by writing everyday notes (stop 45, tests/corpus/notes/everyday_* on
attention, RL, VAE/diffusion, RNN gates, conv/Newton/Lagrange, Bayes/Markov), one class per note section:

* names under a floor or ceiling are counts (readers.notes.integer_domains): ``\lfloor (n + (k-1) - k)/1 \rfloor
  + 1 = n`` was refuted at ``n = 1/2``; it holds for every integer size, so it is ``undecided (holds where ...)``;
  one that fails on the integers too stays refuted there;
* an optimisation problem's constraint is a hypothesis (readers.notes.hypotheses): "minimise $x^2 + y^2$ on the
  line $x + 2y = 5$" after the previous problem's "$x = y = 5$" was refuted with those example values;
* a worked example's number is no definition for a later section (check.earlier_readings): ``h_t = \tanh(1.5)``
  under "One step by hand" proved a later section's ``|1 - h_t^2| \le 1`` (and would prove ``1 - s_t^2 \le 0.2``,
  false for most ``s_t``) at that one point.
"""
from tests.readers.notes.checked import CONFIRMED, HOLDS, assert_block_verdicts, checked_blocks

FLOORS = r"""Input size $n$, kernel $k$, stride $s$:

$$o = \left\lfloor\frac{n + 2p - k}{s}\right\rfloor + 1$$

"Same" padding for odd $k$ and $s = 1$ is $p = \frac{k-1}{2}$, and then

$$\left\lfloor\frac{n + (k - 1) - k}{1}\right\rfloor + 1 = n$$

## Halves

A length $m$ splits into $$\left\lceil\frac{m}{2}\right\rceil + \left\lfloor\frac{m}{2}\right\rfloor = m$$

but not $$\left\lfloor\frac{m - 1}{2}\right\rfloor + 1 = \frac{m}{2}$$

and $\lfloor L/4 \rfloor \cdot 4 = L$ fails too.
"""


def test_names_under_a_floor_are_counts():
    blocks = checked_blocks(FLOORS)
    assert_block_verdicts(blocks, ["undecided", "undecided", "refuted", "refuted"])
    for b in blocks[:2]:
        assert "non-negative integer" in b.steps[0].reason, b.steps[0].reason
    # the wrong ones fail at an integer: m = 1 (1 against 1/2), L = 1 (0 against 1)
    for b in blocks[2:]:
        found = [s.counterexample for s in b.steps if s.counterexample]
        assert found and all(float(v).is_integer() for c in found for k, v in c.items() if k in ("m", "L")), found


CONSTRAINTS = r"""Maximise $xy$ subject to $x + y = 10$. So $x = y = 5$ and the maximum is $25$.

Minimise $x^2 + y^2$ on the line $x + 2y = 5$: the minimiser is $(1, 2)$.

Minimise $x^2 + y^2$ subject to $2x + y = 5$: the minimiser is $(1, 3)$.

Maximise $a b$ where $a + b = 4$; then $a = b = 2$. Now minimise $a^2 + b^2$ over the circle $a^2 + b^2 = 1$.

## Lagrangian

Maximise $uv$ s.t. $u + v = 10$, with $$\mathcal{L}(u, v, \mu) = uv - \mu(u + v - 10)$$

$$\frac{\partial\mathcal{L}}{\partial u} = v - \mu, \qquad \frac{\partial\mathcal{L}}{\partial v} = u - \mu$$

and not $$\frac{\partial\mathcal{L}}{\partial u} = u - \mu$$
"""


def test_a_problems_constraint_is_no_claim_and_no_substitution():
    blocks = checked_blocks(CONSTRAINTS)
    # the constraints x + 2y = 5, 2x + y = 5, a^2 + b^2 = 1 (after the examples x = y = 5, a = b = 2) are
    # conditions with no steps; the partial derivatives are taken with u, v free (u + v = 10 not substituted)
    assert [b.line for b in blocks] == [13, 15], [(b.line, b.source) for b in blocks]
    # the cost, kept visible: the constraint's names are withheld to the next heading, so the wrong dL/du = u - mu
    # is undecided, not refuted (it was refuted before the constraint was read, and must never be confirmed)
    assert_block_verdicts(blocks, [CONFIRMED, "undecided"])
    assert "does not assume" in blocks[1].steps[0].reason


WORKED = r"""### One step by hand

Scalar LSTM: $f_t = 0.5$, $i_t = 0.5$, $o_t = 1$, $c_{t-1} = 2$, $\tilde c_t = 1$. Then

$$c_t = 0.5 \cdot 2 + 0.5 \cdot 1 = 1.5$$

$$h_t = \tanh(1.5) \approx 0.9051$$

## Vanishing gradients in a plain RNN

$h_t = \tanh(w h_{t-1})$, scalar:

$$\frac{\partial h_t}{\partial h_{t-1}} = w\,(1 - h_t^2)$$

so each factor has $|1 - h_t^2| \le 1$, and near saturation $1 - h_t^2 \le 0.2$.
"""


def test_a_worked_examples_number_confirms_no_later_claim():
    blocks = checked_blocks(WORKED)
    later = [b for b in blocks if b.line >= 15]
    assert len(later) == 2, [(b.line, b.source) for b in blocks]
    for b in later:
        assert b.verdict not in CONFIRMED, (b.source, [s.method for s in b.steps])
    assert_block_verdicts(later, [HOLDS, "undecided"])


JOINED = r"""# Mode

With $a = 1$ and $k = 7$. The posterior mode, for $a + k > 1$ and $b + n - k > 1$, is $\frac{a + k - 1}{a + b + n - 2}$.

## Other letters

Where $u > 0$ and $w - u > 3$ we get $$w + u > 3$$

## A claim after a condition stays a claim

For $m \ge 1$, $c_m > 0$ and $d_m + c_m < 1$ hold.
"""


def test_a_relation_joined_to_a_condition_by_and_is_a_condition():
    blocks = checked_blocks(JOINED)
    assert [b.source for b in blocks] == ["$$w + u > 3$$", "$d_m + c_m < 1$"], [b.source for b in blocks]
    assert_block_verdicts(blocks, [CONFIRMED, "refuted"])  # w + u = (w - u) + 2u > 3; c_m, d_m free


ASSUMED = r"""# Products

Assume $p q > 2$. Then $$\log(p q) > 0$$

and $$\sqrt{p q} > 1.4$$

## Listed

Suppose $x > 0$, $y > 0$ and $x y > 3$. Then $$\log x + \log y > 1$$

## Wrong

Assume $r s > 2$. Then $$\ln(r s) > 1$$
"""


def test_an_assumed_relation_of_a_product_is_in_force():
    blocks = checked_blocks(ASSUMED)
    witnesses = assert_block_verdicts(blocks, [CONFIRMED, CONFIRMED, CONFIRMED, "refuted"])
    # the counterexample satisfies the assumption r s > 2 (and log(rs) <= 1 there)
    (w,) = witnesses
    from fractions import Fraction
    assert Fraction(w["r"]) * Fraction(w["s"]) > 2, w


REGIME = r"""# A

For $p q > 2$ we have $$\log(p q) > 0$$

# B

When $\eta\lambda > 2$, $$|1 - \eta\lambda| > 1$$

# C

For $a b > 2$ it diverges, and $$a^2 + 1 > 2a$$ fails for some $a$.
"""


def test_a_regime_named_in_passing_blocks_refutations_on_its_names():
    blocks = checked_blocks(REGIME)
    # the regime (a product of names) is not assumed, so a failure outside it is no refutation.  The cost, kept
    # visible here: a^2 + 1 > 2a, false at a = 1 whatever the regime, is undecided too while a is withheld (to the
    # next heading)
    assert_block_verdicts(blocks, ["undecided", "undecided", "undecided"])
    for b in blocks[:2]:
        assert "does not assume" in b.steps[0].reason, b.steps[0].reason
