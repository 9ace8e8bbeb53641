"""Certificates are the same whether their checks run in one process or across two: a note's definitions (the
candidate searches) and catalog modules (the rows of formulas and gradients)."""
import inspect
import os

import pytest

from codegen import define_module
from codegen.define_module import chosen_expressions, verifications, write_defined_module

NOTE = r"""
$$ \mathrm{Softsign}(x) = \frac{x}{1 + |x|} $$

$$ \mathrm{Snake}(x) = x + \frac{\sin^{2}(\alpha x)}{\alpha} $$

$$ \mathrm{SquaredHinge}(y, t) = \max\left(0, 1 - t y\right)^{2} $$
"""
"""Three cheap definitions (a second or so each): a kink, a keyword, two parameters."""


def _certified(jobs):
    from formulary.api import define

    define_module._VERIFIED.clear()
    records = define(NOTE)
    out = verifications(records, True, jobs=jobs)
    text = write_defined_module(records, grad=True)  # from the verifications just made (cached in this process)
    chosen = [(chosen_expressions(f), f.rewrites) for f in records]  # built again where a worker searched
    again = write_defined_module(records, grad=True)  # a second module (another backend's) from the same search:
    with pytest.MonkeyPatch.context() as patch:  # its expressions are handed out, not built from the candidates again
        patch.setattr(define_module, "forward_candidates", _not_again)
        assert [(chosen_expressions(f), f.rewrites) for f in records] == chosen and again == text
    define_module._VERIFIED.clear()
    return out, text, chosen


def _not_again(f):
    raise AssertionError(f"the chosen expressions of {f.name} were built again from its candidates")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the workers are forked")
def test_parallel_and_serial_certificates_are_identical():
    serial, serial_text, serial_chosen = _certified(1)
    parallel, parallel_text, parallel_chosen = _certified(2)
    assert parallel_text == serial_text
    assert parallel_chosen == serial_chosen
    for (code_s, module_s, err_s, row_s), (code_p, module_p, err_p, row_p) in zip(serial, parallel):
        assert code_p == code_s and row_p == row_s
        assert vars(err_p).keys() == vars(err_s).keys()
        assert {k: v for k, v in vars(err_p).items() if k != "worst_at"} == \
            {k: v for k, v in vars(err_s).items() if k != "worst_at"}
        fn_s, fn_p = getattr(module_s, row_s["name"]), getattr(module_p, row_s["name"])
        args = {n: (0.5 if p.kind is p.POSITIONAL_OR_KEYWORD else 1.5)
                for n, p in inspect.signature(fn_s).parameters.items()}
        assert fn_p(**args) == fn_s(**args)  # the module rebuilt from the worker's code computes the same


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the workers are forked")
@pytest.mark.parametrize("ids", [["softmax", "layer_norm"]])
def test_a_catalog_module_is_the_same_certified_in_one_process_or_two(monkeypatch, ids):
    import derivations.parallel
    from codegen.module import write_module

    texts = []
    for jobs in (1, 2):
        monkeypatch.setattr(derivations.parallel, "default_jobs", lambda jobs=jobs: jobs)
        texts.append(write_module(ids, grad=True))
    assert texts[0] == texts[1]
    assert "verified" in texts[0]
