"""Classes of wrong verdicts found on the held-out tests/corpus/notes/planted_mistakes_2.md (five correct blocks
refuted, mistakes read past), each with a hand-written example unlike the corpus block that revealed it, and a
wrong block the fix still refutes."""
import pytest

from readers.latex.parse import parse_latex
from readers.notes.check import check_notes


def _blocks(text):
    """The blocks with a verdict of their own: checked steps, or a refutation (a catalog disagreement has none)."""
    return [b for b in check_notes(text, path="<test>", budget=5.0).blocks if b.steps or b.verdict == "refuted"]


@pytest.mark.parametrize("latex, expected", [
    (r"\tanh'(u)", "1 - tanh(u)**2"),  # the prime was dropped: tanh'(u) read as tanh(u)
    (r"\log'(x)", "1/x"),
    (r"\sin''(x)", "-sin(x)"),
])
def test_a_prime_on_a_known_function_is_its_derivative(latex, expected):
    assert str(parse_latex(latex)) == expected


CASES = [
    # a prime on a known function: tanh'(u) = 1 - tanh^2(u) was refuted as tanh(u) = 1 - tanh(u)^2
    (("# Activations\n\nUsing $\\tanh'(u) = 1 - \\tanh^2(u)$ we get the gradient.\n\n"
     "$$\\cos'(x) = \\sin(x)$$\n"),
     ["proved", "refuted"]),
    # a random variable takes the values of its law's support: m^2 = m after m ~ Bernoulli (refuted at m = -3196)
    (("# Masks\n\nLet $0 < q < 1$ and $b \\sim \\mathrm{Bernoulli}(q)$. Then $b^3 = b$ and $(1 - b)^2 = 1 - b$, "
     "but not\n\n$$b^2 = 2b.$$\n\n## Elsewhere\n\nHere $b^3 = b$ for a number $b$.\n"),
     ["proved", "proved", "refuted", "refuted"]),  # (caught46) "Let ... $b \\sim$ ...": a condition, no step
    # a range with no bound runs over the declared length: K = 1e-300 beside three entries was a counterexample
    (("# Smooth maximum\n\nFor $u \\in \\mathbb{R}^n$ let\n\n$$F(u) = \\log\\sum_{i=1}^{n} e^{u_i}.$$\n\n"
     "$$\\max_i u_i \\le F(u) \\le \\max_i u_i + \\log n$$\n\nbut not\n\n$$F(u) \\le \\max_i u_i$$\n"),
     ["verified", "refuted"]),
    # a limit binds the name of the definition it takes (lim R_n after R_n = sum_{k<n} ...): the sum was written
    # out at n = 2, 3 inside the limit, and its truncation refuted the limit
    (("# Series\n\nLet $0 \\le \\gamma < 1$ and let the horizon be $n$ steps:\n\n"
     "$$R_n = \\sum_{k=0}^{n-1} c\\,\\gamma^k.$$\n\n"
     "Letting the horizon grow, $\\lim_{n\\to\\infty} R_n = \\frac{c}{1-\\gamma}$.\n"),
     ["undecided-or-proved"]),
    # a divergence between laws the notes name is not the catalog's categorical KL of free arguments
    (("# Shifted Gaussians\n\nLet $p = \\mathcal{N}(a, 1)$ and $q = \\mathcal{N}(b, 1)$. Then\n\n"
     "$$D_{\\mathrm{KL}}(p \\,\\|\\, q) = \\frac{(a - b)^2}{2}.$$\n\nbut not\n\n"
     "$$D_{\\mathrm{KL}}(p \\,\\|\\, q) = (a - b)^2.$$\n"),
     ["proved", "refuted"]),
    # a log-density written out defines the density, with its own parameters: d/ds log f(y | s) after s = r^2 was an
    # internal error (a derivative by r^2), and f stayed an unknown function
    (("# Scale family\n\nWrite $s = r^2 > 0$ for the scale.\n\n$$\\log f(y \\mid s) = -\\log s - \\frac{y}{s}$$\n\n"
     "$$\\frac{\\partial}{\\partial s}\\log f(y \\mid s) = \\frac{y - s}{s^2}$$\n\n"
     "$$\\frac{\\partial}{\\partial s}\\log f(y \\mid s) = \\frac{y - s}{s}$$\n"),
     ["undecided", "proved", "refuted"]),
    # a derivative by a name with a definition differentiates by that name: d/ds after s = t^2 was an internal error
    (("# Substitution\n\nWrite $s = t^2$ for short.\n\n$$\\frac{\\partial}{\\partial s}(s^2 + 3s) = 2s + 3$$\n\n"
     "$$\\frac{\\partial}{\\partial s}(s^2 + 3s) = 2s$$\n"),
     ["proved", "refuted"]),
    # an update in place of a bare letter ends at the heading: w_1 of the next section is no step of w
    (("# Training\n\n$$w \\leftarrow w - \\eta g$$\n\n# A tiny network\n\n$$y = w_1 x^2$$\n\n"
     "$$\\frac{\\partial y}{\\partial x} = w_1 x$$\n"),
     ["refuted"]),
    # "therefore" before a name defined above: a claim drawn from it, not a new definition that shadows it
    (("# Sums\n\n$$T_n = \\sum_{k=1}^{n} k$$\n\nand therefore\n\n$$T_n = n(n+1).$$\n\n"
     "Now we define\n\n$$T_n = n^2.$$\n"),
     ["refuted"]),
    # \nabla f(\mathbf{x}) of a function of one vector is the gradient in that vector (it was "the function nabla")
    (("# Quadratic form\n\nFor a square matrix $B$ let\n\n$$g(\\mathbf{u}) = \\mathbf{u}^\\top B \\mathbf{u}.$$\n\n"
      "$$\\nabla g(\\mathbf{u}) = (B + B^\\top)\\mathbf{u}$$\n\nbut not\n\n$$\\nabla g(\\mathbf{u}) = 2B\\mathbf{u}$$\n"),
     ["verified", "refuted"]),
    # "for all real numbers" before the block widens the domain the section's condition set for those names
    (("# Means\n\nFor $a, b \\ge 0$ the gap is a square:\n\n$$a + b - 2\\sqrt{ab} = (\\sqrt{a} - \\sqrt{b})^2$$\n\n"
     "Hence for all real numbers $a$ and $b$,\n\n$$a + b \\ge 2\\sqrt{ab}.$$\n"),
     ["proved", "refuted"]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=["prime", "support", "declared-size", "limit", "laws-kl",
                                                       "log-density", "derivative-by-defined-name", "update-scope",
                                                       "conclusion", "gradient-of-vector-argument", "all-real"])
def test_held_out_classes(text, expected):
    verdicts = [b.verdict for b in _blocks(text)]
    if expected == ["undecided-or-proved"]:
        assert verdicts and all(v in ("undecided", "proved", "verified") for v in verdicts), verdicts
        return
    assert verdicts == expected, [(b.line, b.verdict, [s.reason[:80] for s in b.steps]) for b in _blocks(text)]
    for b in _blocks(text):
        if b.verdict == "refuted":
            assert any(s.counterexample for s in b.steps), b.line
