r"""A definition at subscripted points (``[y_0, y_1] = \frac{y_1 - y_0}{x_1 - x_0}``, Newton's divided difference)
holds at those points only: its body pairs each argument with a name of the same subscript (``x_0``, ``x_1``), so at
other arguments (``[y_1, y_2]``) renaming the arguments alone would keep the wrong partners.  It was applied so, and
the correct next divided difference was refuted (Mandli's notes, line 43)."""
from readers.notes.check import check_notes

NOTE = r"""# Divided differences

$$[y_0, y_1] = \frac{y_1 - y_0}{x_1 - x_0}$$

$$[y_0, y_1, y_2] = \frac{[y_1, y_2] - [y_0, y_1]}{x_{2} - x_{0}} = \frac{\frac{y_2 - y_1}{x_2 - x_1} - \frac{y_1 - y_0}{x_1 - x_0}}{x_2 - x_0}$$

# A function of one subscripted argument

$$f(z_1) = 3 z_1^2$$

$$f(z_2) = 3 z_2^2$$
"""


def test_a_definition_at_subscripted_points_is_not_applied_at_others():
    verdicts = {b.line: (b.role, b.verdict) for b in check_notes(NOTE, path="<test>", budget=5.0).blocks}
    assert verdicts[5][1] != "refuted", verdicts
    assert verdicts[11] in (("claim", "verified"), ("claim", "proved")), verdicts  # no partner of z_1 in the body:
    # renamed as before (proved once f is read as a function of one argument wherever the note applies it)
