r"""Classes of published notes' mistakes (issue 12, caught50), each with right twins that must stand:

* a binary cross-entropy known by its shape (readers.notes.loss_shapes): zotroneneis's
  ``J(w,b) = -\frac1m\sum[y\log\hat y + (1-y)(1-\log\hat y)]`` under "Loss Function" was an unchecked definition; a
  sum of ``y log A + (1 - y) Z`` terms called a loss or cost is compared with the catalog's binary_cross_entropy and
  refuted at a hard label ``y = 0``.  Focal, weighted, label-smoothed losses, a Bernoulli KL divergence, a
  log-likelihood, and the shape without a loss's words are not.
* Gaussian moments of a random vector (readers.notes.vector_moments.gaussian_expand): statproofbook's
  ``E[exp(t^T A x)]`` for ``x \sim N(\mu, \Sigma)`` was undecided ("the notes state the law"); it is read with the
  moment-generating function ``exp(u^T \mu + u^T \Sigma u / 2)``.  A lower-case second parameter is not read.
* ``\mu \mu^\mathrm{T}`` and ``\nu\nu^\top`` at the end of a group were the power ``\mu^T`` (the tokeniser writes both
  marks as a bare T); Adam's ``\beta_1^T`` stays a power.
"""
import pytest

from readers.notes.check import check_notes


def _verdicts(text: str) -> list:
    return [(b.line, b.verdict, b.catalog_counterexample) for b in check_notes(text, path="<test>", budget=5.0).blocks
            if b.kind == "display"]


LOSSES = {
    "zotroneneis's logistic loss with 1 - log(yhat) for log(1 - yhat)": (
        "### Loss Function\n\nWe use the same loss function as in logistic regression:\n\n"
        r"$$J(\boldsymbol{w},b) = - \frac{1}{m} \sum_{i=1}^m \Big[ y^{(i)} \log(\hat{y}^{(i)}) + (1 - y^{(i)}) "
        r"\big(1 - \log(\hat{y}^{(i)})\big) \Big]$$", "refuted"),
    "other letters, natural log, a cost, the second log's argument not complemented": (
        "## Training\n\nThe cost over the batch is\n\n"
        r"$$C = -\sum_{n=1}^{N} \left( t_n \ln p_n + (1 - t_n) \ln p_n \right)$$", "refuted"),
    "a logit-form cross-entropy with the sign of z kept in the second term": (
        "# Logistic regression\n\nThe cross-entropy of one example is\n\n"
        r"$$\ell(z) = -\left[y \log \sigma(z) + (1 - y) \log \sigma(z)\right]$$", "refuted"),
    "the right binary cross-entropy": (
        "### Loss Function\n\n"
        r"$$J(\boldsymbol{w},b) = - \frac{1}{m} \sum_{i=1}^m \Big[ y^{(i)} \log(\hat{y}^{(i)}) + (1 - y^{(i)}) "
        r"\log(1 - \hat{y}^{(i)}) \Big]$$", "not refuted"),
    "the right logit form, log sigma(-z)": (
        "# Logistic regression\n\nThe cross-entropy of one example is\n\n"
        r"$$\ell(z) = -\left[y \log \sigma(z) + (1 - y) \log \sigma(-z)\right]$$", "not refuted"),
    "a log-likelihood (no minus sign)": (
        "# Bernoulli model\n\nThe log-likelihood is\n\n"
        r"$$\ell(\theta) = \sum_{i=1}^n x_i \log \theta + (1 - x_i) \log(1 - \theta)$$", "not refuted"),
    "focal loss with gamma = 2": (
        "## Focal loss\n\n"
        r"$$FL = -\left[y (1 - p)^2 \log p + (1 - y) p^2 \log(1 - p)\right]$$", "not refuted"),
    "a literal weight on the negative term": (
        "## Weighted loss\n\n"
        r"$$L = -\left[y \log p + 2 (1 - y) \log(1 - p)\right]$$", "not refuted"),
    "a weight of the negatives' probability (a focal-like term)": (
        "## Loss\n\n"
        r"$$L = -\left[y \log p + (1 - y) p^2 \log(1 - p)\right]$$", "not refuted"),
    "a smoothed label": (
        "## Label smoothing loss\n\n"
        r"$$L = -\left[((1 - \epsilon) y + \frac{\epsilon}{2}) \log p + (1 - (1 - \epsilon) y - \frac{\epsilon}{2}) "
        r"\log(1 - p)\right]$$", "not refuted"),
    "a Bernoulli KL divergence (its log's argument holds the label)": (
        "## Relative entropy loss\n\n"
        r"$$D = p \log \frac{p}{q} + (1 - p) \log \frac{1 - p}{1 - q}$$", "not refuted"),
    "the same wrong shape without a loss's words: some other function": (
        "## A score\n\nWe define\n\n"
        r"$$g(u, v) = u \log v + (1 - u)(1 - \log v)$$", "not refuted"),
}


@pytest.mark.parametrize("name", list(LOSSES))
def test_binary_cross_entropy_by_shape(name):
    text, expected = LOSSES[name]
    (line, verdict, witness), = _verdicts(text)
    if expected == "refuted":
        assert verdict == "refuted", (name, verdict)
        assert 0 in witness.values(), witness  # a hard label y = 0: inside the catalog's domain
    else:
        assert verdict != "refuted", (name, verdict, witness)


GAUSSIAN = "## Linear transformation\n\nLet $A$ be an $m \\times n$ matrix and let $x$ follow a normal distribution:\n\n" \
           "$$x \\sim \\mathcal{N}(\\mu, \\Sigma)$$\n\n"
MGF = {
    "statproofbook's MGF of Ax, and A^T mu for A mu": (
        GAUSSIAN,
        [r"\mathbb{E} \left( \exp \left[ t^\mathrm{T} A x \right] \right) = \exp \left[ t^\mathrm{T} A \mu + "
         r"\frac{1}{2} t^\mathrm{T} A \Sigma A^\mathrm{T} t \right]",
         r"\mathbb{E} \left( \exp \left[ t^\mathrm{T} A x \right] \right) = \exp \left[ t^\mathrm{T} A^\mathrm{T} \mu "
         r"+ \frac{1}{2} t^\mathrm{T} A \Sigma A^\mathrm{T} t \right]"],
        [("verified",), "refuted"]),
    "other letters, a shift, the half dropped": (
        GAUSSIAN.replace("x \\sim", "z \\sim").replace("$x$", "$z$").replace("\\mu, \\Sigma", "m, S"),
        [r"\mathbb{E}\left[\exp\left(s^\top (A z + c)\right)\right] = \exp\left(s^\top c + s^\top A m + "
         r"\frac{1}{2} s^\top A S A^\top s\right)",
         r"\mathbb{E}\left[\exp\left(s^\top (A z + c)\right)\right] = \exp\left(s^\top c + s^\top A m + "
         r"s^\top A S A^\top s\right)"],
        [("verified",), "refuted"]),
    "statproofbook's M_x(At) for E[exp(t^T A x)], M_x defined as the MGF": (
        GAUSSIAN + "The moment-generating function of a random vector $x$ is\n\n"
        "$$M_x(t) = \\mathbb{E} \\left( \\exp \\left[ t^\\mathrm{T} x \\right] \\right)$$\n\n",
        [r"\mathbb{E} \left( \exp \left[ t^\mathrm{T} A x \right] \right) = M_x(A^\mathrm{T} t)",
         r"\mathbb{E} \left( \exp \left[ t^\mathrm{T} A x \right] \right) = M_x(At)"],
        [("undecided", "verified", "proved"), ("verified",), "refuted"]),  # the definition first: not refuted
    "a lower-case second parameter may be a standard deviation: not read": (
        GAUSSIAN.replace("\\mu, \\Sigma", "\\mu, \\sigma"),
        [r"\mathbb{E} \left( \exp \left[ t^\mathrm{T} A x \right] \right) = \exp \left[ t^\mathrm{T} A^\mathrm{T} \mu "
         r"+ \frac{1}{2} t^\mathrm{T} A \sigma A^\mathrm{T} t \right]"],
        [("undecided",)]),
}


@pytest.mark.parametrize("name", list(MGF))
def test_gaussian_moment_generating_function(name):
    prose, rows, expected = MGF[name]
    text = prose + "".join(f"$$\n{r}\n$$\n\n" for r in rows)
    blocks = [b for b in check_notes(text, path="<test>", budget=5.0).blocks if b.steps and "sim" not in b.source]
    assert len(blocks) == len(expected), [(b.line, b.verdict) for b in blocks]
    for b, e in zip(blocks, expected):
        assert b.verdict in (e if isinstance(e, tuple) else (e,)), (name, b.line, b.verdict,
                                                                  [s.reason for s in b.steps])
        if b.verdict == "refuted":
            assert any(s.counterexample for s in b.steps), b.line


@pytest.mark.parametrize("latex, transposed", [
    (r"\mathrm{tr}(A \mu \mu^\mathrm{T})", True),  # statproofbook: the mark ends the group, was mu**T
    (r"\Sigma + \nu \nu^\top", True),  # another letter and mark, at the end of the block
    (r"(1 - \beta_1^T)", False),  # Adam's bias correction after T steps: a bare T stays a power
    (r"\frac{m}{1 - \gamma^{T}}", False),
])
def test_upright_transpose_mark_on_greek(latex, transposed):
    import sympy as sp

    from readers.latex.parse import parse_latex

    found = parse_latex(latex).atoms(sp.Function)
    assert any(getattr(f.func, "__name__", "") == "transpose" for f in found) == transposed, parse_latex(latex)
