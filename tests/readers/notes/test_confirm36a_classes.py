r"""Classes of correct claims in probability and linear-algebra notes that ``check`` left unconfirmed (issue 12,
confirm36a), each with a wrong variant that must not be confirmed:

* Bayes' rule written with a lower-case ``p`` (``p(x \mid z) = p(z \mid x) p(x) / p(z)``, ``p(x \mid z) \propto
  p(z \mid x) p(x)``): ``p`` was an unknown function (readers.notes.lowercase_probability);
* a ``\propto`` chain about ``p(x \mid z)``: its later links were read in no variable, and a later display
  ``p(x \mid z) \propto B`` after a chain that ended ``\propto A`` was about an unknown ``p``
  (readers.notes.proportional_forms);
* an arg min written again (``c^* = \arg\min_c G`` after ``c^* = \arg\min_c F``): ``c^*`` was "defined, but not
  as matrix algebra" (readers.notes.optimum_restatements).
"""
from readers.notes.check import check_notes

CONFIRMED = ("proved", "verified")


def _verdicts(text):
    return {b.line: b.verdict for b in check_notes(text, path="<test>", budget=5.0).blocks if b.role == "claim"}


BAYES = r"""# Bayes

$$p(x \mid z) = \frac{p(z \mid x)p(x)}{p(z)}$$

$$p(x \mid z) \propto p(z \mid x)\, p(x)$$

Wrong:

$$p(x \mid z) = p(z \mid x)p(x)$$

$$p(x \mid z) \propto p(z \mid x)$$
"""


def test_bayes_rule_in_a_lower_case_p_is_confirmed_and_a_wrong_one_is_refuted_only_where_no_model_saves_it():
    blocks = {b.line: b for b in check_notes(BAYES, path="<test>", budget=5.0).blocks if b.role == "claim"}
    verdicts = {line: b.verdict for line, b in blocks.items()}
    assert verdicts[3] == "verified", verdicts  # checked on every joint of two binary variables: not a proof
    assert verdicts[5] == "verified", verdicts
    # Bayes' rule without p(z) fails on a joint of independent variables too, where every factorisation a model
    # could give p holds (stop 41, caught41a): no model saves it, so it is refuted, with that joint as witness
    assert verdicts[9] == "refuted", verdicts
    assert all(s.counterexample for s in blocks[9].steps if s.verdict == "refuted")
    assert verdicts[11] == "undecided", verdicts  # a proportionality in an unknown p: p may be the notes' model


PROPORTIONAL = r"""# Posterior

$$\begin{aligned}
p(x \mid z) &\propto \exp\Big[-\frac{(z-x)^2}{2s^2}\Big]\exp\Big[-\frac{(x-m)^2}{2t^2}\Big]\\
&\propto \exp\Big[-\frac{(z-x)^2}{2s^2}-\frac{(x-m)^2}{2t^2}\Big]
\end{aligned}$$

Dropping what does not contain $x$:

$$p(x \mid z) \propto \exp\Big[-\frac{x^2(s^2+t^2) - 2x(t^2 z + s^2 m)}{2 s^2 t^2}\Big]$$

Wrong:

$$p(x \mid z) \propto \exp\Big[-\frac{x^2(s^2+t^2) - x(t^2 z + s^2 m)}{2 s^2 t^2}\Big]$$

$$\begin{aligned}
q(y \mid z) &\propto \exp(-y^2 + z y) \\
&\propto \exp(-y^2)
\end{aligned}$$
"""


def test_a_proportional_chain_holds_in_its_heads_variable_and_a_later_form_against_the_earlier():
    report = check_notes(PROPORTIONAL, path="<test>", budget=5.0)
    steps = {b.line: [s.verdict for s in b.steps] for b in report.blocks if b.role == "claim"}
    assert steps[3][1] in CONFIRMED, steps  # in x, the head's variable ("cannot tell in which variable" before)
    assert steps[10][0] in CONFIRMED, steps  # against line 4's form: the ratio is free of x
    assert steps[14][0] == "undecided", steps  # against line 10's form it fails, but that form may be the wrong one
    assert steps[16][1] == "refuted", steps  # exp(-y^2 + zy) / exp(-y^2) changes with y


PCA = r"""# PCA

We have $g(\boldsymbol{c})=\boldsymbol{D}\boldsymbol{c}$.

$$
\boldsymbol{c}^* = \underset{c}{\arg\min} \|\boldsymbol{x} - g(\boldsymbol{c})\|_2^2
$$

$$
\boldsymbol{c}^* = \underset{c}{\arg\min} -2\boldsymbol{x}^\text{T}\boldsymbol{D}\boldsymbol{c} + \boldsymbol{c}^\text{T}\boldsymbol{D}^\text{T}\boldsymbol{D}\boldsymbol{c}
$$

Wrong:

$$
\boldsymbol{c}^* = \underset{c}{\arg\min} -\boldsymbol{x}^\text{T}\boldsymbol{D}\boldsymbol{c} + \boldsymbol{c}^\text{T}\boldsymbol{D}^\text{T}\boldsymbol{D}\boldsymbol{c}
$$
"""


def test_an_arg_min_written_again_is_confirmed_when_the_objectives_differ_by_a_constant():
    verdicts = _verdicts(PCA)
    assert verdicts[9] in CONFIRMED, verdicts  # the objectives differ by x^T x
    assert verdicts[15] == "undecided", verdicts  # a gradient that is not 0: no refutation (a factor may differ)
