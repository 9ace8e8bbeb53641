r"""Definitions of standard names against the catalog: agreeing ones are confirmed, wrong ones refuted,
and a name of the user's own that merely coincides is left alone."""
from readers.notes.catalog import _heading_forms
from readers.notes.check import check_notes

BUDGET = 30.0
"""Seconds per claim: far above the second or so these take."""


def blocks(text):
    return check_notes(text, budget=BUDGET).blocks


def test_a_definition_that_agrees_with_the_catalog_is_confirmed():
    (b,) = blocks("# Activations\n\nThe logistic sigmoid: $\\sigma(x) = \\frac{1}{1+e^{-x}}$.\n")
    assert b.catalog_agrees is True and b.verdict in ("proved", "verified")
    assert "standard" in b.steps[0].method


def test_a_wrong_sigmoid_is_refuted_where_the_notes_call_it_the_sigmoid():
    (b,) = blocks("# Activations\n\nThe logistic sigmoid: $\\sigma(x) = \\frac{1}{1+e^{x}}$.\n")
    assert b.verdict == "refuted" and b.catalog_counterexample
    assert "differs from the standard" in b.catalog_reason


def test_a_users_own_sigma_is_not_the_sigmoid():
    # the same formula, but the notes never speak of the sigmoid: a name of their own
    (b,) = blocks("# Weights\n\nLet $\\sigma(x) = \\frac{1}{1+e^{x}}$ be my weight function.\n")
    assert b.verdict != "refuted"


def test_a_wrong_gaussian_kl_is_refuted_and_the_right_one_confirmed():
    right = r"D_{\mathrm{KL}}(P\|Q) = \log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2 + (\mu_1-\mu_2)^2}{2\sigma_2^2} - \frac{1}{2}"
    wrong = r"D_{\mathrm{KL}}(P\|Q) = \log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_2^2 + (\mu_1-\mu_2)^2}{2\sigma_1^2} - \frac{1}{2}"
    text = f"# 18. KL divergence between two Gaussians\n\n$$\n{right}\n$$\n\n" \
           f"# 19. KL divergence between two Gaussians, from my notes\n\n$$\n{wrong}\n$$\n"
    first, second = blocks(text)
    assert first.verdict in ("proved", "verified")
    assert second.verdict == "refuted"


def test_heading_forms_drop_numbers_and_remarks():
    forms = _heading_forms("19. KL divergence between two Gaussians, from my notes")
    assert "KL divergence between two Gaussians" in forms
    assert _heading_forms("Soft margin (for data)") >= {"Soft margin"}


def test_derivative_of_a_loss_defined_as_a_function():
    text = "\n\n".join([
        "# BCE", "The logistic sigmoid is $\\sigma$.", "We write $p = \\sigma(z)$.",
        "We write $\\ell(z) = -y\\log p - (1-y)\\log(1-p)$.",
        "$$\n\\frac{\\partial \\ell}{\\partial z} = p - y\n$$",
        "$$\n\\frac{\\partial \\ell}{\\partial z} = \\frac{p - y}{p(1-p)}\n$$",
    ])
    verdicts = [b.verdict for b in blocks(text) if b.steps]
    assert verdicts[-2] == "proved" and verdicts[-1] == "refuted"


def test_log_sum_exp_with_the_maximum_is_checked_written_out():
    text = "\n\n".join([
        "# LSE", "We write $m = \\max_i x_i$.",
        "$$\n\\log \\sum_{i} e^{x_i} = m + \\log \\sum_{i} e^{x_i - m}\n$$",
        "$$\n\\log \\sum_{i} e^{x_i} = m - \\log \\sum_{i} e^{x_i - m}\n$$",
    ])
    verdicts = [b.verdict for b in blocks(text) if b.steps]
    assert verdicts[0] in ("proved", "verified") and verdicts[1] == "refuted"
