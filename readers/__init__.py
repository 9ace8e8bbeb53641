r"""Readers of user text, above the checker: nothing here ever ``eval``\ s what it reads.

* :mod:`~readers.expression`: the ASCII expression syntax of ``formulary prove`` (a whitelisting ``ast`` walk);
* :mod:`~readers.latex`: LaTeX formulas to sympy (a lark grammar);
* :mod:`~readers.notes`: Markdown/LaTeX notes, block by block, to verdicts.
"""
