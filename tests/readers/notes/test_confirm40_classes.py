r"""Classes of correct claims in published notes that ``check`` left unconfirmed (issue 12, confirm40), each with
a wrong variant that must not be confirmed:

* a fact of a special function written as its definition (:math:`\mathrm{B}(\alpha, \beta) =
  \Gamma(\alpha)\Gamma(\beta)/\Gamma(\alpha + \beta)`, :math:`\mathrm{erfinv}(\mathrm{erf}(x)) = x`,
  :math:`I_0(x) = \sum_k (x^2/4)^k/(k!)^2`): the row read only as a new definition of the name, no claim
  (readers.notes.standard_definitions).  A wrong fact stays a definition: the notes may define a function of
  their own under a standard name.
"""
from readers.notes.check import check_notes
from tests.readers.notes.checked import CONFIRMED

FACTS = r"""# Special functions

The beta function is

$$\mathrm{B}(\alpha, \beta) = \frac{\Gamma(\alpha) \, \Gamma(\beta)}{\Gamma(\alpha+\beta)}$$

and the inverse error function undoes the error function:

$$\mathrm{erfinv}(\mathrm{erf}(x)) = x$$

The modified Bessel function of order zero:

$$I_0(x) = \sum_{k=0}^{\infty} \frac{(x^2/4)^k}{(k!)^2}$$
"""

WRONG = r"""# Special functions

The beta function is

$$\mathrm{B}(\alpha, \beta) = \frac{\Gamma(\alpha) \, \Gamma(\beta)}{\Gamma(\alpha+\beta+1)}$$

and the inverse error function undoes the error function:

$$\mathrm{erfinv}(\mathrm{erf}(x)) = 2x$$

The modified Bessel function of order zero:

$$I_0(x) = \sum_{k=0}^{\infty} \frac{(x^2/2)^k}{(k!)^2}$$
"""


def _displays(text):
    return [b for b in check_notes(text, path="<test>", budget=5.0).blocks if b.source.lstrip().startswith("$$")]


def test_facts_of_special_functions_written_as_definitions_are_confirmed():
    blocks = _displays(FACTS)
    assert [b.verdict for b in blocks] == ["proved", "proved", "verified"], \
        [(b.line, b.role, b.verdict) for b in blocks]  # were three definitions, no claim


def test_wrong_facts_stay_definitions_and_are_not_confirmed():
    blocks = _displays(WRONG)
    assert len(blocks) == 3
    for b in blocks:
        assert b.verdict not in CONFIRMED and b.verdict != "refuted", (b.line, b.role, b.verdict)
