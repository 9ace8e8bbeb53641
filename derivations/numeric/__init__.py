r"""Numeric verification: sample points from the domains, the mpmath truth, one error measure.

Used by ``verify`` (catalog formulas), ``gradients`` (VJPs) and the code generator's certificate.
"""
