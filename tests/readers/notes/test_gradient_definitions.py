r"""A gradient defined for one function stands for that function's gradient only: ``\nabla f = [\partial f /
\partial x_i]_i`` (in ``f``'s own variables) never rewrites ``\nabla L(M)``, while ``\sigma(z) = ...`` still
rewrites ``\sigma(w)``.  (Teitelbaum's notes: the rewritten ``\nabla L(M)`` made a matrix claim unreadable.)"""
import sympy as sp

from readers.notes.symbols import _instantiate

f, z, w, M = (sp.Symbol(s, real=True) for s in "fzwM")
nabla, L, sigma = sp.Function("nabla"), sp.Function("L"), sp.Function("sigma")


def test_a_gradient_definition_applies_to_its_own_function_only():
    cases = [((f,), sp.Function("vector")(sp.Derivative(f, z), z, 0, 3))]
    assert _instantiate(nabla(f), cases) == cases[0][1]
    assert _instantiate(nabla(L(M)), cases) == nabla(L(M))


def test_a_function_definition_still_applies_to_other_arguments():
    cases = [((z,), 1 / (1 + sp.exp(-z)))]
    assert _instantiate(sigma(w), cases) == 1 / (1 + sp.exp(-w))
