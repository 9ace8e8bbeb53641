"""Hand-written NumPy references: the independent oracles of the catalog.

Plain NumPy written from the textbook definitions.  Nothing here imports
sympy or anything generated from the catalog (a test enforces it).  Each
function takes the formula's variables as keyword arrays and returns the
output array (or a dict of arrays for formulas with several outputs).
"""
