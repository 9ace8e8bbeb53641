"""Work the symbolic rung no longer repeats, and what it remembers equals what it would compute afresh: the
``cancel`` of a zero test (``zero.Cancelled``), a form of a difference equal to an earlier one, a lemma attempt
equal to an earlier one."""
import sympy as sp

from derivations.checker.strategies import inequality, zero

x = sp.Symbol("x", real=True)
y = sp.Symbol("y", positive=True)

DIFFERENCES = (
    (x + 1) ** 2 - x**2 - 2 * x - 1,  # expand
    1 / (x**2 + 1) - 1 / (x**2 + 1 + y),  # not zero: every test runs, the later ones on memoized cancels
    sp.sin(x) ** 2 + sp.cos(x) ** 2 - 1,  # trigsimp
    sp.log(y**2) - 2 * sp.log(y),  # expand_log
    sp.tanh(x) - (sp.exp(2 * x) - 1) / (sp.exp(2 * x) + 1),  # rewrite(exp)
)


def _fresh(tests):
    """The tests with each reduction called without a memo: ``cancel`` computed every time, as before."""
    return tuple((name, (lambda d, r=reduce: r(d)) if isinstance(reduce, zero.Cancelled) else reduce)
                 for name, reduce in tests)


def test_a_search_with_remembered_cancels_names_the_reduction_a_fresh_one_names():
    for difference in DIFFERENCES:
        assert zero.reduce_to_zero(difference, zero.CHEAP) == zero.reduce_to_zero(difference, _fresh(zero.CHEAP))


def test_a_remembered_cancel_is_the_cancel_of_that_expression_and_no_other():
    memo: dict = {}
    together = dict(zero.CHEAP)["together"]
    first = together(1 / x + 1 / y, memo)
    assert first == sp.cancel(sp.together(1 / x + 1 / y))
    assert together(1 / x - 1 / y, memo) == sp.cancel(sp.together(1 / x - 1 / y))  # another argument: computed
    assert len(memo) == 2
    memo[sp.together(1 / x + 1 / y)] = sp.Integer(7)  # a caller's memo is only read for equal arguments ...
    assert together(1 / x + 1 / y, {}) == first  # ... and a fresh memo (a new search) never sees it


def test_a_cancel_is_computed_once_per_expression_in_a_search(monkeypatch):
    cancelled = []
    cancel = sp.cancel
    monkeypatch.setattr(zero.sp, "cancel", lambda e, *a, **k: cancelled.append(e) or cancel(e, *a, **k))
    assert zero.reduce_to_zero(1 / (x**2 + 1) - 1 / (x**2 + 1 + y), zero.CHEAP) is None
    assert cancelled and len(set(cancelled)) == len(cancelled)  # trigsimp, expand_log... left it as it was: no cancel
    assert len(cancelled) < sum(isinstance(reduce, zero.Cancelled) for _, reduce in zero.CHEAP)


def test_a_refined_form_equal_to_the_plain_one_is_reduced_once():
    seen = []
    cancel = zero.Cancelled(lambda d: d)
    tests = (("cancel", lambda d, memo=None: seen.append(d) or cancel(d, memo)),)
    assert zero.prove_equal(1 / (x**2 + 1), 1 / (x**2 + 2), assumptions=(sp.Gt(y, 0),), tests=tests) is None
    assert len(seen) == 1  # refine under y > 0 changes nothing in a difference without y


def test_a_lemma_attempt_equal_to_an_earlier_one_is_not_tried_again(monkeypatch):
    remainders = []
    nonnegative = inequality.nonnegative
    monkeypatch.setattr(inequality, "nonnegative", lambda e, **kw: remainders.append(e) or nonnegative(e, **kw))
    assert inequality.by_lemmas(-2 - sp.log(y)) is None  # false at y = 1: no attempt succeeds
    # one use (log y <= y - 1 at the one anchor), so the first attempt (a lemma at each anchor) is that use alone
    assert remainders == [-y - 1]


def test_the_exact_rung_draws_the_random_points_it_uses_and_no_more(monkeypatch):
    from derivations.checker.step import Step
    from derivations.checker.strategies import exact

    drawn, original = [], exact.random_points

    def counted(groups, rng):
        for point in original(groups, rng):
            drawn.append(point)
            yield point

    monkeypatch.setattr(exact, "random_points", counted)
    assert exact.ExactTest(0)(Step((x + 1) ** 2, x**2 + 2 * x + 1), 10.0) is None  # true: every point agrees
    assert exact.POINTS <= len(drawn) <= exact.POINTS + 1  # it drew on to MAX_DRAWS (480) only to skip them
