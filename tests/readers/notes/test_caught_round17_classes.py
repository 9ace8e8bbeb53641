"""Classes of real mistakes read past (round 17, issue 12), each with a hand-written example unlike the corpus block
that revealed it: the wrong block is refuted with a counterexample inside the stated conditions, and its correct
twin (or the reading that must stay open) is not."""

import pytest

from readers.notes.check import check_notes

CASES = {
    # a name defined by cases, restated with a body that equals it at almost every point, is a claim about it (not a
    # second definition): a rounded constant and a single exceptional point are refuted; a body that differs
    # everywhere keeps both readings (undecided)
    "restated_by_cases": (
        ("# Functions\n\n$$q(t) = \\begin{cases} 0 & t < \\pi \\\\ t - \\pi & t \\ge \\pi \\end{cases}$$\n\n"
         "Rounded:\n\n$$q(t) = \\max(0, t - 3.1416)$$\n\n"
         "A dent:\n\n$$u(x) = \\begin{cases} |x| & x \\ne 2 \\\\ 5 & x = 2 \\end{cases}$$\n\nA shortcut:\n\n$$u(x) = |x|$$\n\n"
         "A square:\n\n$$f(x) = x^2$$\n\nA line:\n\n$$f(x) = 3x - 1$$\n"),
        ["no claim", "refuted", "no claim", "refuted", "no claim", "undecided"], [{}, {"x": "2"}]),
    # h(x) = 0 about a defined h that is 0 off a narrow bump is no equation to solve in x
    "bump_is_not_an_equation": (
        ("# Bump\n\n$$b(x) = \\begin{cases} 1 & |x - 1| < 10^{-5} \\\\ 0 & \\text{otherwise} \\end{cases}$$\n\n"
         "$$b(x) = 0$$\n"),
        ["no claim", "refuted"], [{}]),
    # the block's own quantifier replaces the section's bound on the same name, and states its domain
    "own_quantifier": (
        ("# Bounds\n\nFor every integer $m \\ge 5$:\n\n$$m^2 > 4m \\quad \\text{for every integer } m \\ge 4$$\n\n"
         "For $t > 0$,\n\n$$e^{-t} < 1 \\quad \\text{for every real } t$$\n"),
        ["refuted", "refuted"], [{"m": "4"}, {}]),
    # a step that writes the imaginary unit compares complex values; bars read with i real are never refuted on
    "imaginary_unit": (
        ("# Complex\n\nLet $i$ be the imaginary unit, $i^2 = -1$.\n\n$$(1 - i)^2 = 2$$\n\n"
         "$$\\left|e^{i\\pi}\\right| = 1$$\n"),
        ["refuted", "undecided"], [{}]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_round17_class(name):
    text, expected, witnesses = CASES[name]
    blocks = [b for b in check_notes(text, path="<test>", budget=5.0).blocks if b.kind == "display"]
    assert [b.verdict or "no claim" for b in blocks] == expected, \
        [(b.line, b.verdict, [s.reason for s in b.steps]) for b in blocks]
    refuted = [b for b in blocks if b.verdict == "refuted"]
    for block, witness in zip(refuted, witnesses):
        point = next(s.counterexample for s in block.steps if s.counterexample)
        assert witness.items() <= point.items(), point


def test_a_size_check_left_undecided_keeps_the_failure_outside_the_sizes_unrefuted(monkeypatch):
    """A Bartlett-style window in cases fails for a real size N = 1/2, which the prose after it makes a size; the
    check with N a positive integer is what decides.  When that check does not finish (the whole-corpus run at load
    25 timed it out), the failure outside the sizes was reported as refuted (pytorch_tensor_functions 1216)."""
    from readers.notes import check as reader
    from readers.notes.report import StepReport

    def out_of_time(self, report, claim, frag, lhs, rhs, shown):
        self.run = lambda step, shown: StepReport(**shown, verdict="undecided", method="timeout")
        return within(self, report, claim, frag, lhs, rhs, shown)

    within = reader._NotesReader.within_stated_sizes
    monkeypatch.setattr(reader._NotesReader, "within_stated_sizes", out_of_time)
    text = ("# Window\n\n$$w(n) = 1 - \\left| \\frac{2n}{N-1} - 1 \\right| = \\begin{cases} \\frac{2n}{N - 1} & "
            "\\text{if } 0 \\leq n \\leq \\frac{N - 1}{2} \\\\ 2 - \\frac{2n}{N - 1} & \\text{if } \\frac{N - 1}{2} < n "
            "< N \\end{cases}$$\n\nwhere $N$ is the full window size.\n")
    (block,) = [b for b in check_notes(text, path="<test>", budget=5.0).blocks if b.kind == "display"]
    assert block.verdict == "undecided", [s.reason for s in block.steps]
