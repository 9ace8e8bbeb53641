"""Classes of mistakes missed (and one false alarm) found on planted_mistakes_5.md's first run (round 15), each with a
hand-written example unlike the corpus block that revealed it: the wrong block is refuted with a counterexample
inside the stated conditions, and its correct twin is not."""

import pytest

from readers.notes.check import check_notes

CASES = {
    # a name compared with another name moved by a number is a condition (it was an ambiguous claim, and the claim
    # after it was refuted at q = 1/2, outside q > 2 + c)
    "name_moved_condition": (
        "# Clip\n\nFor $c > 0$ and $q > 2 + c$ with $B > 0$,\n\n$$\\max(qB, (2 + c)B) = qB$$\n",
        ["verified"], {}),
    # \\left\\lfloor ... \\right\\rfloor is floor (it did not parse)
    "sized_floor": (
        ("# Pool\n\n$$\\left\\lfloor \\frac{31 - 2}{3} \\right\\rfloor + 1 = 10$$\n\n"
         "$$\\left\\lceil \\frac{31 - 2}{3} \\right\\rceil = 9$$\n"),
        ["proved", "refuted"], {}),
    # a run of letters the sentence writes alone is their product, and a name restricted to a finite set of numbers
    # is checked at each (e^{-avt} was one name ywx-style, and a sign s sampled at 1/2)
    "letters_and_signs": (
        ("# Margin\n\nWith a sign $s \\in \\{-1, 1\\}$, a rate $a$ and a time $t$, consider $g(v) = e^{-svt}$:\n\n"
         "$$\\frac{d^2}{dv^2} e^{-svt} = t^2 e^{-svt}$$\n\nand, said carelessly for the same $s$, $v$ and $t$,\n\n"
         "$$\\frac{d^2}{dv^2} e^{-svt} = s t^2 e^{-svt}$$\n"),
        ["proved", "refuted"], {"s": "-1"}),
    # names every one of which an example right above sets: a wrong value is refuted, not an equation to solve in
    # them; and a display whose sentence points back ("the readings above") reads the section's examples however
    # far up they were set (the adversarial round's control, x^{(1)} + x^{(2)} over 2 = 3, was undecided)
    "examples_above": (
        ("# Readings\n\nTwo readings $u^{[a]} = 3$ and $u^{[b]} = 7$ differ by\n\n$$u^{[b]} - u^{[a]} = 5$$\n\n"
         + "Some words in between.\n\n" * 8 + "The gap of the readings above:\n\n$$u^{[b]} - u^{[a]} = 5$$\n"),
        ["refuted", "refuted"], {}),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_round15_class(name):
    text, expected, witness = CASES[name]
    blocks = [b for b in check_notes(text, path="<test>", budget=5.0).blocks if b.kind == "display"]
    assert [b.verdict for b in blocks] == expected, [(b.line, [s.reason for s in b.steps]) for b in blocks]
    for block in blocks:
        if block.verdict == "refuted":
            point = next(s.counterexample for s in block.steps if s.counterexample)
            assert witness.items() <= point.items(), point
