r"""A constant written at a point (``f'(c) = 0``, ``g(c) = 0``) is a value there, not the function everywhere.

Read as ``f' \equiv 0``, Fermat's ``f'(c) = 0`` leaked into every later section of Lebl's chapter on the derivative:
it "proved" ``f'(x) \geq 0`` for an increasing ``f`` and refuted ``g'(a) > 0`` in the proof of Darboux's theorem
(readers.notes.check._binds_its_arguments)."""
from readers.notes.check import check_notes

NOTES = r"""# Fermat

At an interior maximum $c$ we have $f'(c) = 0$.

# Darboux

Suppose $f'(a) < y$. Define
$$g(x) := yx - f(x).$$
Then $g'(x) = y - f'(x)$. Thus $g'(a) > 0$.

# Monotone

If $f$ is increasing, then $f'(x) \geq 0$.
"""


def test_a_value_at_a_point_is_not_the_function_everywhere():
    blocks = {b.source.strip("$"): b for b in check_notes(NOTES, budget=5).blocks}
    assert blocks["f'(c) = 0"].role == "definition"
    assert blocks["f'(x) \\geq 0"].verdict != "proved"  # before: proved from f' = 0 everywhere
    assert blocks["g'(x) = y - f'(x)"].verdict == "verified"  # before: undecided, g' read as y
    assert not any(b.verdict == "refuted" for b in blocks.values())
