"""False-alarm and misreading classes found in the round-5 corpus sources (OpenIntro solutions, Teitelbaum's
lecture notes, HPI Math4ML, CS228; tests/corpus/notes/FALSE_ALARMS.md), each with a made-up note unlike the corpus
block that revealed it, and a wrong block of the same class that is still refuted."""
from readers.notes.check import check_notes


def check(text):
    return check_notes(text, path="<test>", budget=5.0)


def displays(text):
    return [b for b in check(text).blocks if b.kind == "display"]


def test_a_kerned_or_intercal_transpose_is_a_transpose_not_a_power():
    # x^{\!\top\!} A x (Math4ML) was read as x to the power of a variable T; \intercal did not parse
    text = ("Let $\\mathbf{P}$ and $\\mathbf{R}$ be square matrices of the same size.\n\n"
            "$$\\operatorname{tr}(\\mathbf{P}^{\\!\\top\\!}\\mathbf{R}) = "
            "\\operatorname{tr}(\\mathbf{R}^{\\!\\top\\!}\\mathbf{P})$$\n\n"
            "$$(\\mathbf{P}\\mathbf{R})^{\\intercal} = \\mathbf{R}^{\\intercal}\\mathbf{P}^{\\intercal}$$\n\n"
            "$$(\\mathbf{P}\\mathbf{R})^{\\!\\top\\!} = \\mathbf{P}^{\\!\\top\\!}\\mathbf{R}^{\\!\\top\\!}$$\n\n"
            "$$(\\mathbf{P}\\mathbf{R})^{\\intercal} = \\mathbf{P}^{\\intercal}\\mathbf{R}^{\\intercal}$$\n")
    trace, reversed_, wrong, wrong_intercal = displays(text)
    assert trace.verdict in ("proved", "verified"), trace.steps
    assert reversed_.verdict in ("proved", "verified"), reversed_.error or reversed_.steps
    assert wrong.verdict == "refuted" and wrong_intercal.verdict == "refuted", (wrong.steps, wrong_intercal.steps)
