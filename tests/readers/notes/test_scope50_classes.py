r"""Classes found by scope50 (stop 50) in three everyday notes written for the corpus (LR schedules; clipping, fp16 and
Adam's first steps; label smoothing and bits): one variant per class here, other letters and layouts checked by hand.

* A chain whose head is a member of a defined family (``\hat m_2 = \frac{0.18}{0.1} = 1.8`` after
  :math:`\hat m_t = m_t / (1 - \beta_1^t)`) dropped its head link as the definition of a new name and was **proved**
  on the arithmetic ``0.18/0.1 = 1.8`` alone: the wrong bias correction confirmed.  The head is the member's value, a
  claim (readers.notes.family_members).
* A member of a closed-form family at a number (``\eta_{50} = 0.05`` after the cosine schedule, with
  :math:`\eta_{\max} = 0.1` and :math:`T = 100` set in the sentence) was a local example, so a wrong
  ``\eta_{75}`` was never checked: with every other name set by an example, the member is a number and the row states
  it, a claim checked in those values.  Multi-digit subscripts (``\eta_{50}``, read ``eta_50``) are members too.
* A family whose body names its own start (:math:`\eta_t = \eta_0 e^{-kt}`, :math:`x_n = x_0 + vn`) was no family:
  :math:`\eta_{t+1} / \eta_t = e^{-k}` was **refuted** with :math:`\eta_{t+1}` a free value, and :math:`x_3 = 11`
  after :math:`x_0 = 5`, :math:`v = 2` was an example.  The start stays the example it is set by.
* An entry definition restricted to some indices (:math:`y_k = \epsilon/K` "for :math:`k \ne c`", beside
  :math:`y_c = 1 - \epsilon + \epsilon/K`) was read for every index, so the label-smoothing gradient
  :math:`\partial L / \partial z_k = p_k - y_k` was **refuted** (readers.notes.restricted_entries).
* A sum set to a nonzero number with every written name defined (:math:`\sum_{k=1}^{n} z_k = 1` after
  :math:`z_k = h_k / \sum_j h_j`) was "an equation in" the expansion's names; it is a claim about the definition
  (readers.notes.defined_sides), and a refutation resting on the entries of a name defined whole (:math:`\hat g_i`
  of :math:`\hat g = g / \|g\|`) is not shown.
* A restatement of a name the notes use, marked wrong or as another form ("Wrong: $w^* = \frac{a}{b}$",
  "I first had", "It splits as $L = \dots$"), was a local example that set the name for the rest of the paragraph
  (or, inline, a new definition that shadowed it): it is a claim to check, and defines nothing
  (readers.notes.definition_cues).
"""
from __future__ import annotations

from tests.readers.notes.checked import CONFIRMED, HOLDS, assert_block_verdicts, checked_blocks


def test_a_chain_headed_by_a_family_member_checks_the_head():
    text = (r"$$u_t = \rho u_{t-1} + (1 - \rho) g_t$$" "\n\n"
            r"with $u_0 = 0$ and $\hat u_t = \frac{u_t}{1 - \rho^t}$." "\n\n"
            r"Take $\rho = 0.8$, $g_1 = 1$, $g_2 = 0$: $u_2 = 0.16$, and $\hat u_2 = \frac{0.16}{0.2} = 0.8$." "\n")
    (block,) = checked_blocks(text)
    assert block.verdict not in CONFIRMED, [s.reason for s in block.steps]  # 1 - 0.8^2 = 0.36, not 0.2


def test_a_numbered_member_of_a_closed_form_family_is_a_claim_in_the_example_values():
    text = (r"With a peak $a$ and $N$ rounds," "\n"
            r"$$\lambda_n = \frac{1}{2}a\left(1 + \cos\frac{\pi n}{N}\right)$$" "\n\n"
            r"With $a = 0.2$ and $N = 10$: $\lambda_{5} = 0.1$ and $\lambda_{10} = 0.05$." "\n")
    assert_block_verdicts(checked_blocks(text), [CONFIRMED, "refuted"])  # lambda_10 = 0


def test_a_family_with_its_start_in_the_body_reads_members_and_shifted_members():
    text = (r"$$q_n = q_0 e^{-a n}$$" "\n\n"
            r"Each step multiplies it: $\frac{q_{n+1}}{q_n} = e^{-a}$." "\n\n"
            "## Arithmetic\n\n"
            r"$$x_n = x_0 + v n$$" "\n\n"
            r"Start at $x_0 = 5$; with $v = 2$, $x_3 = 11$ and $x_4 = 12$." "\n")
    assert_block_verdicts(checked_blocks(text), [CONFIRMED, CONFIRMED, "refuted"])


def test_an_entry_definition_restricted_to_some_indices_is_not_read_at_every_index():
    text = (r"With $M$ classes and true class $a$, the targets are $t_a = 1 - \delta + \frac{\delta}{M}$ and "
            r"$t_j = \frac{\delta}{M}$ for $j \ne a$." "\n\n"
            r"Their total is $$\sum_{j=1}^{M} t_j = t_a + (M - 1)\frac{\delta}{M}$$" "\n")
    assert_block_verdicts(checked_blocks(text), [HOLDS])  # refuted with every t_j = delta/M
    # (by hand: the softmax gradient p_j - t_j after L = -sum_j t_j log p_j, refuted before, is undecided)


def test_a_sum_of_defined_entries_set_to_a_number_is_a_claim():
    text = (r"Let $w_k = \frac{h_k}{\sum_{j=1}^{m} h_j}$. Then $\sum_{k=1}^{m} w_k = 1$, not $\sum_{k=1}^{m} w_k = 2$."
            "\n\n" r"Write $\hat v = \frac{v}{\|v\|}$. Then $\sum_{i} \hat v_i^2 = 1$." "\n")
    blocks = checked_blocks(text)
    assert_block_verdicts(blocks, [CONFIRMED, "refuted", HOLDS])
    assert blocks[-1].role == "claim"  # about the definition, not an equation in v


def test_a_restatement_marked_wrong_is_a_claim_and_defines_nothing():
    text = (r"The minimiser of $g(u) = p u^2 - 2 q u$ with $p > 0$ is" "\n" r"$$u^* = \frac{q}{p}$$" "\n\n"
            r"Wrong: $u^* = \frac{p}{q}$." "\n\n" r"Wrong: $u^* = \frac{2q}{p}$." "\n")
    blocks = checked_blocks(text)
    assert [b.role for b in blocks] == ["claim"] * 3  # the two restatements were examples setting u^*
    assert_block_verdicts(blocks, [CONFIRMED, HOLDS, HOLDS])  # neither redefines u^* for the next
