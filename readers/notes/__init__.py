r"""The notes checker: read each formula block of a Markdown or LaTeX note into a role and check it."""
