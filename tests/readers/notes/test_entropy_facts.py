"""Relations between Shannon's functionals that constrain no name: ``H(X) \\geq 0`` is a fact, not a condition,
and ``D_KL(P\\|Q) \\neq D_KL(Q\\|P)`` holds where the two differ on every random draw (readers.notes.entropy)."""
from readers.notes.check import check_notes

_ENTROPY = "The entropy is $$H(A) = -\\sum_a p(a) \\log p(a).$$\n\n"


def _block(latex, intro=_ENTROPY):
    text = f"## Entropy\n\n{intro}For every discrete $A$, ${latex}$ holds.\n"
    (block,) = [b for b in check_notes(text, path="<test>", budget=5.0).blocks if b.source == f"${latex}$"]
    return block


def test_a_nonnegative_entropy_is_a_confirmed_fact():
    block = _block(r"H(A) \geq 0")
    assert block.role == "claim" and block.verdict == "verified", block.steps


def test_an_entropy_bound_that_fails_stays_a_condition():
    block = _block(r"H(A) \geq 5")
    assert block.role == "condition" and block.verdict is None, block.steps


def test_divergences_that_differ_are_confirmed_unequal():
    block = _block(r"D_{\mathrm{KL}}(P\|Q) \neq D_{\mathrm{KL}}(Q\|P)", intro="")
    assert block.verdict == "verified", block.steps


def test_divergences_that_agree_are_not_confirmed_unequal():
    block = _block(r"D_{\mathrm{KL}}(P\|Q) \neq D_{\mathrm{KL}}(P\|Q)", intro="")
    assert block.verdict not in ("proved", "verified"), block.steps
