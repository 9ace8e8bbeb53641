r"""Chains of the sum and product rules ending in numbers the notes gave (readers.notes.event_values): verified
when every link holds, never confirmed when a link or the number does not."""
from readers.notes.check import check_notes

_TABLE = """## Quality control

A machine $M$ is new ($M=1$) or old ($M=0$); a part is faulty ($F=1$) or not ($F=0$).

| Fault rate | $M=1$ | $M=0$ |
|---|---|---|
|$P(F = 1 \\mid M)$| 0.02 | 0.1 |
|$P(F = 0 \\mid M)$| 0.98 | 0.9 |

Suppose that $P(M=1) = 0.25$. {intro}

$$
{claim}
$$
"""


def last(intro, claim):
    return check_notes(_TABLE.replace("{intro}", intro).replace("{claim}", claim), path="<test>").blocks[-1]


def test_total_probability_chain_is_verified_from_the_table_and_the_stated_value():
    # 0.1 * 0.75 + 0.02 * 0.25 = 0.08 (by hand)
    block = last("Then", r"P(F=1) = P(F=1, M=0) + P(F=1, M=1) = P(F=1 \mid M=0) P(M=0) + P(F=1 \mid M=1) P(M=1)"
                         r" = 0.08")
    assert [s.verdict for s in block.steps] == ["verified"] * 3, block.steps
    assert "table" in block.steps[-1].method and "1 - P(M = 1)" in block.steps[-1].method


def test_bayes_rule_with_a_rounded_end_is_verified():
    # 0.02 * 0.25 / 0.08 = 0.0625, written 0.063 (rounded by hand to three decimals)
    block = last("Then", r"P(F=1) = P(F=1 \mid M=0) P(M=0) + P(F=1 \mid M=1) P(M=1) = 0.08")
    assert block.verdict == "verified", block.steps
    note = _TABLE.replace("{intro}", "Then").replace("{claim}", r"P(F=1) = P(F=1 \mid M=0) P(M=0) + "
                                                                  r"P(F=1 \mid M=1) P(M=1) = 0.08")
    note += "\nand so\n\n$$\nP(M=1 \\mid F=1) = \\frac{P(F=1 \\mid M=1) P(M=1)}{P(F=1)} = 0.063\n$$\n"
    bayes = check_notes(note, path="<test>").blocks[-1]
    assert [s.verdict for s in bayes.steps] == ["verified", "verified"], bayes.steps


def test_a_wrong_number_is_not_confirmed():
    # 0.1 * 0.75 + 0.02 * 0.25 = 0.08, not 0.09
    block = last("Then", r"P(F=1) = P(F=1 \mid M=0) P(M=0) + P(F=1 \mid M=1) P(M=1) = 0.09")
    assert block.steps[-1].verdict != "verified", block.steps


def test_a_sum_missing_a_named_value_is_not_confirmed():
    # M also takes the value 2 in this note: the sum over M = 0, 1 leaves P(F = 1, M = 2) out
    block = last("A third machine is in repair ($P(M=2)$ is small). Then",
                 r"P(F=1) = P(F=1, M=0) + P(F=1, M=1)")
    assert block.steps[0].verdict != "verified", block.steps


def test_factorisation_needs_conditional_independence_in_the_prose():
    claim = r"P(F=1, G=1 \mid M=0) = P(F=1 \mid M=0) P(G=1 \mid M=0)"
    plain = last("A second part $G$ ($G=1$ faulty, $G=0$ not) comes from the same machine. Then", claim)
    assert plain.verdict != "verified", plain.steps
    stated = last("A second part $G$ ($G=1$ faulty, $G=0$ not) comes from the same machine; assuming conditional "
                  "independence of the two faults given the machine,", claim)
    assert stated.verdict == "verified", stated.steps
    assert "independent given M" in stated.steps[0].method
