r"""The classes of misreading that round 57's held-out sources exposed (tests/corpus/notes/stephens_fiveminutestats_*.md,
rush_annotated_transformer.md: statistics vignettes on EM, mixtures, conjugate normals and Fisher information, and the
Transformer written out), one case each.  Every case was refuted, missed or unparsed before its fix (main at 5b887f2).

* the letters of a display named in a "where" clause after it ("$$p(y) \propto \exp(-0.5 A y^2 + B y)$$ where
  $A = \tau$ and $B = \tau\mu$") were free numbers, and the display was refuted; the equations of the clause give the
  display's names their values (as the display reads them: $\tau = 1/\sigma^2$ above), as a condition after "whenever"
  is the display's own (readers.notes.trailing_conditions);
* a conditional law written with a bar before ``\sim`` (``\mu | X \sim N(\mu_1, 1/\tau_1)``, ``X_i | Z_i = k \sim
  ...``) opened an absolute value that never closed; the variable and what it is given are one name, the law's subject
  (readers.latex.tokens);
* an accent over a name with its scripts (``\hat{\sigma_k^2}``, the estimate of :math:`\sigma_k^2`) was an error; it
  reads as ``\hat{\sigma}_k^2`` (readers.latex.tokens);
* ``>>`` and ``<<`` (``\tau >> \tau_0``) were two relations in a row; they are ``\gg`` and ``\ll``;
* a subscript naming a law given several variables (``E_{Z|X,\theta^0}``, ``f_{x \mid Z_k}``) opened an absolute value;
  it is one label (readers.latex.tokens);
* an index range in parentheses after ``\quad`` (``X_j \sim N(\theta_j, s_j^2) \quad (j=1,\dots,n)``) was a value where
  one was expected; it is a condition, as ``\quad j = 1, \dots, n`` is (readers.latex.tokens);
* a derivative computed in a display after "take the derivative, set it equal zero, and solve for $\mu$" was withdrawn as
  "an equation to solve", so a wrong derivative was missed; the prose names the equation solved (``... = 0``), and a
  link with no zero side is the derivative computed, claimed for every value (readers.notes.check);
* a sum in a definition followed by a term that names its index (``\ell(\mu) = \sum_i \log c - (x_i - \mu)^2``, the
  sum meant over both) defined the name with an index nothing binds, and every claim about it was undecided; the
  definition is read with the sum covering the term (readers.notes.operator_scopes; a claim written so stays
  "ambiguous" between the two readings, as before).
"""
from readers.notes.check import check_notes
from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

WHERE = r"""We work with the precision $\tau=1/\sigma^2$.

If $Y \sim N(\mu, 1/\tau)$ then it has density:
$$p(y) = (\tau/2\pi)^{0.5} \exp(-0.5\tau (y-\mu)^2)$$

Or, equivalently:
$$p(y) \propto \exp(-0.5 A y^2 + B y)$$
where $A = \tau$ and $B=\tau \mu$.

Or, with a slip:
$$p(y) \propto \exp(-0.5 A y^2 + 2 B y)$$
where $A = \tau$ and $B=\tau \mu$.
"""


def test_a_where_clause_after_a_display_gives_its_letters_their_values():
    blocks = [b for b in checked_blocks(WHERE) if b.line in (7, 11)]
    assert_block_verdicts(blocks, [CONFIRMED, "refuted"])


PARSED = r"""From the result we see that $$\mu | X \sim N(\mu_1,1/\tau_1)$$ and so on.

$$\begin{align}
X_i | Z_i = 0 &\sim N(5, 1.5) \\
X_i | Z_i = 1 &\sim N(10, 2)
\end{align}$$

$$\hat{\sigma_k^2} = \frac{1}{N_k}\sum_{i=1}^n \gamma_{ik} (x_i - \mu_k)^2$$

If the data are precise ($\tau >> \tau_0$), or not ($\tau << \tau_0$).

$$Q(\theta, \theta^0) = E_{Z|X,\theta^0}\left [\log (P(X,Z|\theta)) \right]$$

$$f_{x}(x) = \sum_{k=1}^{K}\pi_k f_{x \mid Z_{k}}(x \mid Z_{k})$$

$$X_j \sim N(\theta_j, s_j^2) \quad (j=1,\dots,n)$$

And still $|x| < 1$, $P(A | B) = 1/2$ and $|a - b| \le |a| + |b|$.
"""


def test_conditional_laws_scripted_accents_much_greater_and_index_ranges_parse():
    report = check_notes(PARSED, path="<test>", budget=5.0)
    assert [(b.line, b.verdict) for b in report.blocks if b.verdict == "error"] == []
    triangle = [b for b in report.blocks if b.line == 18 and b.steps]
    assert [b.verdict for b in triangle] == ["verified"]  # |a - b| <= |a| + |b|: the bars still read as absolute values


DERIVATIVE = r"""To find the maximum likelihood estimate for $\mu$, we find the log-likelihood $\ell (\mu)$, take the
derivative with respect to $\mu$, set it equal zero, and solve for $\mu$:
$$\begin{align}
\ell(\mu) &= \sum_{i=1}^n\log \left (\frac{1}{\sigma\sqrt{2\pi}} \right )  - \left (\frac{(x_i-\mu)^2}{2\sigma^2} \right) \\
\rightarrow \frac{d}{d\mu}\ell(\mu) &= \sum_{i=1}^n \frac{x_i - \mu}{2\sigma^2}
\end{align}$$
"""


def test_a_derivative_computed_before_setting_it_to_zero_is_checked():
    assert_block_verdicts(checked_blocks(DERIVATIVE), ["refuted"])  # a right derivative: the next test


SCOPE = r"""Let
$$f(\mu) = \sum_{i=1}^n \log c - (x_i - \mu)^2.$$

Then
$$\frac{d}{d\mu} f(\mu) = \sum_{i=1}^n 2(x_i - \mu).$$
"""


def test_a_sum_in_a_definition_covers_the_term_that_names_its_index():
    assert_block_verdicts(checked_blocks(SCOPE), [CONFIRMED])
