"""The notes corpus in CI: the example notes (examples/README.md lists the planted mistakes), and no
correct block of the labelled corpus (tests/corpus/notes) refuted.

CI checks a sample of the corpus (:func:`ci_subset`: every source, the largest through their smaller files); the
figures over the whole labelled corpus (correct refuted, confirmed, caught, parsed, speed) are printed by
benchmarks/notes_corpus.py."""
import functools
import json
from pathlib import Path

import pytest

from readers.notes.files import check_file

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "notes"
LABELS = json.loads((CORPUS / "labels.json").read_text(encoding="utf-8"))
CORPUS_BUDGET = 2.0
"""Seconds per claim.  No correct block may be refuted at any budget (a refutation rests on an exact or
high-precision certificate, never on running out of time), so CI runs the corpus at 2 s, its fast subset in
time; benchmarks/notes_corpus.py scores it at ``formulary check``'s default of 5 s."""
PLANTED_LINES = {23, 64, 81, 107, 155, 168}
"""The six planted mistakes of common_formulas.md, by the line where their block opens (examples/README.md)."""
MIN_CAUGHT = 4
"""Planted mistakes refuted today (naive Bayes 64, leaky ReLU 107, positional encoding 155, the GAN
discriminator's derivative 168); the issue's
target is 90 %: raise this as the reader improves."""


def test_correct_notes_have_no_refuted_block():
    """definitions_and_conditions.md here; derivation_sigmoid_bce.md is checked, the same way and at the same budget,
    by the README's Python example (tests/formulary/test_readme.py runs it): checking it here too cost CI 3 CPU-s."""
    report = check_file(str(EXAMPLES / "definitions_and_conditions.md"), 5.0)
    assert [b.line for b in report.blocks if b.verdict == "refuted"] == []


README_CHECK = ('>>> report = fy.check_notes("examples/derivation_sigmoid_bce.md")\n'
                '>>> report.refuted                                # no block of this note is refuted\nFalse\n')
"""The README example's lines that check derivation_sigmoid_bce.md: ``fy.check_notes`` at its default budget of 5 s
(``check_file``'s reading of a Markdown file with no folder macros), and no block refuted."""


def test_the_readme_example_checks_the_worked_derivation():
    """derivation_sigmoid_bce.md stays in CI only while the README's example checks it (a README edit that drops the
    example fails here, not silently)."""
    import inspect

    from formulary import api

    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    assert README_CHECK in readme
    assert inspect.signature(api.check_notes).parameters["budget"].default == 5.0


def test_planted_mistakes_are_caught_and_nothing_else():
    report = check_file(str(EXAMPLES / "common_formulas.md"), 5.0)
    refuted = {b.line for b in report.blocks if b.verdict == "refuted"}
    assert refuted <= PLANTED_LINES
    assert len(refuted) >= MIN_CAUGHT
    for b in report.blocks:
        if b.verdict == "refuted":
            assert any(s.counterexample for s in b.steps) or b.catalog_counterexample, b.line


@functools.lru_cache(maxsize=None)
def _report(name):
    return check_file(str(CORPUS / name), CORPUS_BUDGET)


def _plain(text: str) -> str:
    """A block's formula without its delimiters, whitespace collapsed: what a label's ``latex`` holds."""
    inner = text.strip()
    for opener, closer in (("$$", "$$"), ("\\[", "\\]"), ("$", "$")):
        if inner.startswith(opener) and inner.endswith(closer) and len(inner) >= len(opener) + len(closer):
            inner = inner[len(opener):len(inner) - len(closer)]
            break
    return " ".join(inner.split())


def _refuted_correct_lines(name) -> list[int]:
    """The lines of blocks labelled right (or not a claim) that are refuted.  A line may hold several inline
    formulas, labelled apart ("$\\sigma(0) = 1$, $\\tanh(0) = 0$"): a label names its block by its text there; a
    label whose text matches no block on its line counts any refuted block there, unless that line holds a wrong
    label too."""
    by_line = {}
    for b in _report(name).blocks:
        by_line.setdefault(b.line, []).append(b)
    labels = [label for label in LABELS if label["file"] == name]
    wrong_lines = {label["line"] for label in labels if label["label"] == "wrong"}
    out = set()
    for label in labels:
        if label["label"] == "wrong":
            continue
        blocks = by_line.get(label["line"], [])
        named = [b for b in blocks if _plain(b.source) == " ".join(label["latex"].split())]
        if not named and len(blocks) == 1:
            named = blocks
        if any(b.verdict == "refuted" for b in named) or not named and label["line"] not in wrong_lines \
                and any(b.verdict == "refuted" for b in blocks):
            out.add(label["line"])
    return sorted(out)


LARGE_SOURCE_FILES = 4
"""A source with more files than this (Dive into Deep Learning) is sampled in CI: its files under
:data:`CI_FILE_BYTES` run here, every file runs in benchmarks/notes_corpus.py (which also counts correct blocks
refuted).  Every other source runs here in full."""
CI_FILE_BYTES = 12 * 1024
CI_MAX_FILE_BYTES = 17 * 1024
"""CI is over its time budget: a file larger than this runs in benchmarks/notes_corpus.py only, whatever its source
(a source whose every file is larger, Hands-On ML's equation list, CS228's probability review and Teitelbaum's
logistic regression, is scored there: at 20 KiB the last two cost CI 29 s of CPU of its 10 minutes)."""


BENCHMARK_ONLY = frozenset({"d2l_bptt.md", "d2l_gradient_descent.md", "d2l_sgd.md", "d2l_backprop_init.md",
                            "planted_mistakes.md", "planted_mistakes_3.md", "d2l_word_embeddings.md",
                            "d2l_recommender_systems.md", "d2l_exponential_family.md", "cs236_deep_generative_models.md",
                            "mlglossary_calculus.tex", "adversarial_round8.md", "adversarial_round9.md",
                            "adversarial_round10.md", "adversarial_round11.md", "adversarial_round12.md",
                            "adversarial_round13.md",
                            "adversarial_round14.md",
                            "adversarial_round15.md",
                            "adversarial_round16.md",
                            "adversarial_round17.md",
                            "adversarial_round18.md",
                            "adversarial_round19.md",
                            "adversarial_round20.md",
                            "adversarial_round21.md",
                            "adversarial_round22.md",
                            "adversarial_round28.md",
                            "planted_mistakes_4.md",
                            "pytorch_nn_modules.rst", "pytorch_optim_init.rst", "pytorch_tensor_functions.rst",
                            "numpy_random_distributions.rst", "planted_mistakes_5.md", "lebl_ra_derivative.tex",
                            "lebl_diffyqs_linear_algebra.tex", "planted_mistakes_6.md", "planted_mistakes_7.md",
                            "lebl_ra2_several_variables_derivative.tex",
                            "labbe_kalman_gaussians.md", "labbe_kalman_multivariate_gaussians.md",
                            "krohn_ml_foundations_probability.md", "statproofbook_probability.md",
                            "tudelft_svd.md", "planted_mistakes_8.md", "mandli_conditioning_taylor.md",
                            "mandli_differentiation_quadrature.md", "zotroneneis_ml_basics.md",
                            "dit_information_measures.rst", "scope_round1.md", "planted_mistakes_9.md",
                            "distill_goh_momentum.md", "distill_gortler_gaussian_processes.md",
                            "distill_hannun_ctc.md",
                            "planted_mistakes_10.md",
                            "planted_mistakes_11.md",
                            "planted_mistakes_12.md",
                            "planted_mistakes_13.md",
                            "planted_mistakes_14.md",
                            "planted_mistakes_15.md",
                            "planted_mistakes_16.md",
                            "planted_mistakes_17.md",
                            "planted_mistakes_18.md",
                            "planted_mistakes_19.md",
                            "planted_mistakes_20.md",
                            "planted_mistakes_21.md",
                            "planted_mistakes_2.md", "scipy_continuous_distributions.md",
                            "mlglossary_backprop_logistic.md",
                            "friedman_mlbook_regression.md", "blais_parameter_estimation.tex",
                            "blais_priors_posteriors.tex",
                            "langtangen_truncation_errors.tex", "levin_arithmetic_geometric_sums.md",
                            "kirkby_probability_statistics.md",
                            "quantecon_complex_trig.md", "quantecon_lln_clt.md", "quantecon_divergences_backprop.md",
                            "fuyh_rl_bellman_td_policy_gradient.md", "fnc_norms_qr.md", "lippe_uvadlc_attention.md",
                            "gpflow_sgpr_derivation.md", "lelarge_dataflowr_ebm_vae.md",
                            "stephens_fiveminutestats_em_mixtures.md", "stephens_fiveminutestats_gaussian_fisher.md",
                            "rush_annotated_transformer.md",
                            "everyday_activations.md", "everyday_backprop_mlp.md", "everyday_calculus.md",
                            "everyday_distributions.md", "everyday_information_theory.md",
                            "everyday_linear_algebra.md", "everyday_losses.md", "everyday_matrix_calculus.md",
                            "everyday_mle_homework.tex", "everyday_optimizers.md", "everyday_probability.md",
                            "everyday_regression.md", "everyday_optimisation_homework.md",
                            "everyday_probability_homework.md", "everyday_logistic_homework.md",
                            "everyday_init_norms_numerics.md", "everyday_backprop_softmax.md",
                            "nma_dl_gradient_descent_autograd.md", "everyday_rl_returns.md",
                            "everyday_conv_newton_lagrange.md", "everyday_label_smoothing_bits.md",
                            "xgboost_boosted_trees.rst", "scipy_optimize_tutorial.rst", "sklearn_regression_metrics.rst"})
"""Held-out files (rounds 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20, 21, 23, 24, 25, 27, 30 and the tenth adversarial round) that run in benchmarks/notes_corpus.py only (round 14's
PyTorch and NumPy documentation and round 16's LaTeX textbook chapters are over the size limit anyway, 27-174 KB),
although the others are under the size limit: CI has
about 30 s of margin, and BPTT was its slowest corpus file (39 s wall at load 15, the next one 13 s); the
second planted file (5 s of CPU) runs here in place of the first (14 s, its 20 mistakes caught in the benchmark), and
mlglossary's LaTeX calculus notes (11 s) leave CI its two Markdown files and OpenIntro's LaTeX: the suite was 12 s under
its 10 minutes at stop 29.  The adversarial lines of adversarial_round8.md (6 s of CPU) run there too: the class they exposed (a claim
read with only the old definition after an ambiguous redefinition) is tested in test_definition_cues.py; so do
adversarial_round9.md's (the classes it exposed, conditions stated in words, ``|x| < 1``, a block's own bound and
its own "for every real x", are tested in test_reading.py and test_caught_round17_classes.py), and adversarial_round10.md's
(the class it exposed, an equality up to ``+ \\text{const}``, is tested in test_up_to_constant.py), and
adversarial_round11.md's (the classes its probes exposed, a condition under "unless" or on one side of an "or" and
signs given "respectively", are tested in test_reading.py), and scope_round1.md's (what an environment or a hypothesis
governs, an operator named in words: tested in test_scopes.py).  At stop 36 CI was 33 s under its 10 minutes: the three
slowest files of the subset (planted_mistakes_2.md 13 s, scipy_continuous_distributions.md 11 s,
mlglossary_backprop_logistic.md 10 s of a CI run) went to the benchmark too; the planted mistakes stay in CI through
examples/common_formulas.md and tests/readers/notes/test_planted_study_notes.py.  everyday_init_norms_numerics.md
(stop 49) runs in the benchmark only: each class it holds is a case of tests/readers/notes/test_lead49_classes.py;
so does everyday_backprop_softmax.md since stop 49 (33 s of a CI run once its rows were also read against the earlier
sections' definitions, twice its stop-48 cost; its classes are cases of test_scope48_classes.py, test_scope49_classes.py
and test_lead49_classes.py: one-hot targets across headings, derivatives by intermediate names, the two-class
softmax); and, to keep CI under its 10 minutes at stop 49 (9:49 on a fresh clone), three more of its slowest files
(nma_dl_gradient_descent_autograd.md 7.3 s, everyday_rl_returns.md 5.8 s, everyday_conv_newton_lagrange.md 4.6 s of
a CI run): the everyday source keeps its other files in CI, nma's one file is checked by the whole-corpus benchmark
only, as every file is each stop.  everyday_label_smoothing_bits.md (stop 50, 4 s of CPU: the softmax cross-entropy's
gradient over K classes) runs in the benchmark only; its classes are cases of test_scope50_classes.py.  So do stop 52's
documentation sources (xgboost_boosted_trees.rst and scipy_optimize_tutorial.rst, 7 s of CPU each at CI's budget;
sklearn_regression_metrics.rst is over the size limit anyway): their classes are cases of test_corpus52_classes.py and
tests/readers/latex/test_parse.py."""


def ci_subset(names) -> list[str]:
    """The corpus files CI checks: every source with a file of at most :data:`CI_MAX_FILE_BYTES`, the large ones
    through their smaller files (the issue asks CI for a fast subset and the benchmark for all)."""
    def source(name):
        return name.split("_", 1)[0]

    per_source = {}
    for name in names:
        per_source.setdefault(source(name), []).append(name)
    return sorted(n for n in names if n not in BENCHMARK_ONLY
                  and ((len(per_source[source(n)]) <= LARGE_SOURCE_FILES
                        and (CORPUS / n).stat().st_size <= CI_MAX_FILE_BYTES)
                       or (CORPUS / n).stat().st_size < CI_FILE_BYTES))


@pytest.mark.parametrize("name", ci_subset(sorted({label["file"] for label in LABELS})))
def test_no_correct_block_of_the_corpus_is_refuted(name):
    """Every block labelled right (or not a claim) is left unrefuted: a false alarm costs more trust than
    ten missed checks.  A refuted block is found by the line where it opens, as the labels give it.  None is
    known today (tests/corpus/notes/FALSE_ALARMS.md keeps the history): one found is a regression."""
    assert _refuted_correct_lines(name) == []


def test_the_ci_subset_reaches_every_source():
    """The sample keeps at least one file of every source that has one within the size limit, and leaves out only
    files of the large sources and files over :data:`CI_MAX_FILE_BYTES`."""
    names = sorted({label["file"] for label in LABELS})
    kept = ci_subset(names)
    small = [n for n in names if (CORPUS / n).stat().st_size <= CI_MAX_FILE_BYTES and n not in BENCHMARK_ONLY]
    assert {n.split("_", 1)[0] for n in kept} == {n.split("_", 1)[0] for n in small}
    left = set(names) - set(kept) - BENCHMARK_ONLY  # the held-out files CI leaves to the benchmark by name
    assert all(sum(m.split("_", 1)[0] == n.split("_", 1)[0] for m in names) > LARGE_SOURCE_FILES
               or (CORPUS / n).stat().st_size > CI_MAX_FILE_BYTES for n in left)
