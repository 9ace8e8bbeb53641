r"""LaTeX to sympy: tokens, a lark LALR grammar, and the tree to sympy nodes."""
