"""The registry is complete, records are well formed, references are independent oracles."""
import ast
import pathlib

import pytest
import sympy as sp

from symbolic import UnknownFormula, all_formulas, get, references
from derivations.numeric.evaluate import sample_points

SEED_IDS = {
    "layer_norm", "batch_norm", "accuracy", "precision", "recall", "f1_score", "l1_penalty",
    "l2_penalty", "bayes_theorem", "naive_bayes", "softmax", "conv1d", "conv2d", "relu",
    "leaky_relu", "sigmoid", "tanh", "mse", "binary_cross_entropy", "hinge_loss", "kl_divergence",
    "svm_hard_margin", "svm_soft_margin", "svm_decision", "poly_kernel",
    "poly_kernel_inhomogeneous", "rbf_kernel", "attention", "multi_head_attention",
    "positional_encoding", "feed_forward", "gan_value", "diffusion_forward", "diffusion_reverse",
    "diffusion_vlb",
}
COMPANION_IDS = {"cross_entropy", "log_softmax", "logsumexp", "softplus"}
REFERENCES = pathlib.Path(references.__file__).parent


def test_catalog_holds_every_seed_formula_and_companions():
    ids = {f.id for f in all_formulas()}
    assert SEED_IDS | COMPANION_IDS <= ids, sorted((SEED_IDS | COMPANION_IDS) - ids)


def test_unknown_id_lists_closest():
    with pytest.raises(UnknownFormula, match="closest: softmax"):
        get("softmaxx")


@pytest.mark.parametrize("f", all_formulas(), ids=lambda f: f.id)
def test_record_is_well_formed(f):
    assert f.title and f.section and f.source
    free = set()
    for o in f.outputs:
        expr = f.expanded(o)
        assert isinstance(expr, sp.Expr)
        allowed = {i for i, _, _ in o.indices} | set(f.size_symbols) | {v.symbol for v in f.variables}
        bases = {v.symbol for v in f.variables if isinstance(v.symbol, sp.IndexedBase)}
        for s in expr.free_symbols:
            if isinstance(s, sp.Indexed):
                if s.base not in bases:
                    free.add(s)
            elif isinstance(s, sp.IndexedBase):
                if s not in bases:
                    free.add(s)
            elif s not in allowed and not any(s == b.label for b in bases):
                free.add(s)
    assert not free, f"{f.id}: symbols bound nowhere: {free}"
    for d in f.discrepancies:
        assert d.kind in ("formula", "step", "remark", "notation") and d.seed and d.correction


@pytest.mark.parametrize("f", all_formulas(), ids=lambda f: f.id)
@pytest.mark.parametrize("seed", [1, 3])
def test_samples_lie_in_domains(f, seed):
    for p in sample_points(f, n_random=20, seed=seed):
        for v in f.variables:
            assert v.domain.contains(p.values[v.name]), (f.id, v.name, p.label)


def test_sizes_are_symbolic_not_unrolled():
    """Reduction formulas carry a Sum/Product over a symbolic bound, not a fixed-size expansion."""
    for fid in ("layer_norm", "batch_norm", "softmax", "mse", "cross_entropy", "attention",
                "conv1d", "kl_divergence"):
        f = get(fid)
        reductions = [s for o in f.outputs for s in f.expanded(o).atoms(sp.Sum, sp.Product)]
        assert reductions, fid
        assert any(not s.limits[0][2].is_number for s in reductions), fid


@pytest.mark.parametrize("path", sorted(REFERENCES.glob("*.py")), ids=lambda p: p.name)
def test_references_do_not_import_sympy_or_the_catalog(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
            assert node.level == 0, f"{path.name}: relative import"
        else:
            continue
        for name in names:
            assert name.split(".")[0] in ("numpy", "math"), f"{path.name} imports {name}"


def test_the_three_registries_refuse_duplicates_and_suggest_close_ids():
    from derivations.gradients import GRADIENTS, UnknownGradient
    from derivations.library import DERIVATIONS, UnknownDerivation
    from symbolic.registry import FORMULAS

    for registry, error, near in ((FORMULAS, UnknownFormula, "sigmoidd"), (DERIVATIONS, UnknownDerivation, "tanh_derivativ"),
                                  (GRADIENTS, UnknownGradient, "softmax_vjp")):
        all_formulas()
        some = registry.all()[0]
        with pytest.raises(ValueError, match="registered twice"):
            registry.add(some)
        with pytest.raises(error, match=f"unknown {error.kind} id .*closest"):
            registry.get(near)
