r"""Chains of ``\propto`` about one quantity, ``p(x \mid z)``: in which variable each link holds, and what an
earlier form of the quantity says about a later one.

.. code-block:: latex

    $$p(x \mid z) \propto e^{-(z-x)^2/2\sigma_z^2}\, e^{-(x-\bar\mu)^2/2\bar\sigma^2}
                  \propto e^{-(z-x)^2/2\sigma_z^2 - (x-\bar\mu)^2/2\bar\sigma^2}$$      % line 399
    ... the last parentheses do not contain x, so they can be discarded:
    $$p(x \mid z) \propto \exp\Big[-\frac{1}{2}\frac{x^2(\bar\sigma^2+\sigma_z^2) - \dots}{\dots}\Big]$$  % line 414

* **The variable of a link.**  ``a \propto b`` holds in ``x`` when $a/b$ is free of ``x``.  The chain's head,
  ``p(x \mid z)``, names that variable (its first argument), and it stays the variable of every link after
  it, on its row and on the rows that continue it: $A \propto B$ there is confirmed in ``x``.  A link that
  fails in ``x`` is read in each of its names as before (a likelihood ``p(x \mid \theta) \propto \dots`` is
  meant in ``\theta``): the head's variable only confirms, and only a link whose two sides both have it.
* **An earlier form.**  A row ``p(x \mid z) \propto B`` after a chain that ended ``p(x \mid z) \propto A``
  in the same section (same head, no definition of the function) says ``A \propto B`` in ``x``: by
  transitivity, that is what the new form adds, so it is checked so.  A failure refutes nothing (the earlier
  form may be the wrong one): the claim is tentative.
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

PROPTO = "propto"


def head_variable(head):
    r"""The variable a ``\propto`` chain headed by ``head`` holds in: the first plain argument of ``p(x \mid z)``;
    None when the head names none."""
    if isinstance(head, AppliedUndef):
        for a in head.args:
            if isinstance(a, sp.Symbol):
                return a
    return None


class ProportionalForms:
    """The last ``\\propto`` form of each chain head, per section: ``head -> (section, form, line)``."""

    def __init__(self):
        self.forms = {}
        self.heads = {}  # line of a row in a propto chain -> its head

    def record(self, head, form, section: int, line: int) -> None:
        """``head \\propto form`` at ``line`` (the end of a chain's row)."""
        self.heads[line] = head
        previous = self.forms.get(head)
        if previous is None or previous[2] <= line:
            self.forms[head] = (section, form, line)

    def earlier(self, head, section: int, line: int):
        """``(form, line)`` of the last chain about ``head`` in this section before ``line``, or None."""
        found = self.forms.get(head)
        if found is None or found[0] != section or found[2] >= line:
            return None
        return found[1], found[2]

    def variable_at(self, line: int):
        """The variable of the ``\\propto`` links on ``line`` (the head of their chain), or None."""
        return head_variable(self.heads.get(line))
