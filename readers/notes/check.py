r"""Checking notes: Markdown with LaTeX in, a verdict on every formula block out.

.. code-block:: python

    report = check_notes(open("notes.md").read(), path="notes.md")
    print(render_text(report))        # or json.dumps(report.to_json())
    exit_code = 1 if report.refuted else 0

Blocks are ``$$...$$``, ``\[...\]``, bare ``\begin{env}...\end{env}`` and inline
``$...$`` (code spans and fences are skipped); each records the heading above it
(a Markdown heading or a short title-like line, as in the seed).  Each block is
parsed by :func:`~readers.latex.parse.parse_block`; then, row by row:

* a row ``name = expr`` (``\mu &= \frac{1}{H}\sum x_i``, ``f(x) = ...``,
  ``\sigma(z_i) = ...``, ``\frac{\partial L}{\partial x_i} = ...`` for an ``L``
  given nowhere, ``\min_G \max_D V(D, G) = ...`` for ``V``) *defines* ``name`` if
  it is not defined yet: the definition is substituted into later rows and later
  blocks of the same section (until the next heading), never checked;
* a lone expression under ``\min`` is an objective; the inequalities after it
  (``\text{s.t. } ...``, further rows) are its constraints
  (:mod:`readers.notes.objective`);
* every other consecutive pair of a chain ``a = b \le c`` is a claim, checked by
  :func:`~derivations.checker.ladder.check_step` after substitution, at sizes 2 and 3
  for symbolic sizes, with the notes' 1-based indices shifted to 0-based
  (counterexamples are shifted back);
* conditions: ``\text{where } \bar{x} = ...`` and ``\text{when } x = 0`` are
  substituted; index conditions (``\text{when } i = j``, ``(i \ne j)``) restrict
  the claim to those indices; ``\text{given } \sum_k y_k = 1`` makes ``y`` a
  probability vector (a narrower domain: a counterexample there is still one);
  other conditions (``x > 0``) are assumptions;
* a limit ``a \to b`` takes its variable from an inline ``$z_i \to \pm\infty$``
  earlier in the same paragraph (or the paragraph just before); each sign of
  $\pm$ is a separate claim, checked at one concrete size;
* ``P(A \mid B)`` claims are checked on random discrete joint distributions
  (:func:`_probability_steps`); ``\mathbb{E}_{x \sim \mathcal{N}(m, s^2)}[f]`` with
  ``f`` polynomial in ``x`` (after expanding logs) is evaluated by exact moments;
* claims with unknown functions, ellipses, opaque derivatives or relations
  ``\approx``, ``\sim``, ``\in``, ``\ne`` are ``undecided``, with the reason.

Symbols named ``sigma...`` or ``epsilon...`` are sampled positive (standard
deviations, numerical floors); all others are real.

A block's heading is matched against the catalog (:mod:`readers.notes.catalog`);
when the block states a catalog formula, its definition is written in the record's
variables, by name and by role (:mod:`readers.notes.roles`: the arguments of
``K(x_i, x_j)``, dot products, norms, expectations over a discrete instance), and
compared with the record over its domains (:mod:`readers.notes.compare`).
``catalog_agrees`` is null, with the reason, when it cannot be; names on the right
that are bound nowhere are warned about.  A block that states a catalog formula and
disagrees with it is *refuted*: the counterexample is ``catalog_counterexample``.
A block's ``verdict`` is the worst of its steps and that refutation, ``error`` when
it does not parse, and null when it has no claim.

Modules: :mod:`~readers.notes.blocks` (finding blocks), :mod:`~readers.notes.report`
(the report), :mod:`~readers.notes.symbols` (expression helpers),
:mod:`~readers.notes.probability` (``P`` and ``E``), :mod:`~readers.notes.objective`,
:mod:`~readers.notes.catalog`, :mod:`~readers.notes.compare`, :mod:`~readers.notes.roles`
and :mod:`~readers.notes.points` (the catalog comparison).
"""
from __future__ import annotations

import contextlib
import copy
import itertools
import dataclasses
import re
from fractions import Fraction
from dataclasses import dataclass, field

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.latex.tables import FUNCTIONS as LATEX_FUNCTIONS, GREEK as LATEX_GREEK, MAXMIN, OPAQUE_FUNCTIONS
from readers.latex.parse import (
    Given,
    IndexMax,
    LatexParseError,
    PlusMinus,
    parse_block,
    either_sign,
    sign_choices,
    to_zero_based,
    with_sign,
)
from readers.notes import big_o, letter_e, truncation, scalar_optima, slash_products, up_to_constant
from readers.notes import named_values, optimum_refutations
from readers.notes.value_letters import primed_applications, value_letters
from readers.notes.gradients import as_derivative, entries, scalar_gradients
from readers.latex.membership import integer_members, integer_names
from readers.notes.mean_value import WITNESS_STATED
from readers.notes.mean_value import check_exists, refute_on_polynomials, stated_in_prose, witness_prose
from readers.notes.parameters_rebound import rebound
from readers.notes.entry_conditions import entry_conditions
from readers.notes.sample_means import as_means
from readers.notes.rounded_parts import rounded_parts
from readers.notes import rule_rows
from readers.notes.premises import (converse, linked_by_premise, local_function, premise_solutions,
                                    without_premise_equations)
from readers.notes.approximation import ONE_UNIT_OFF, REL, check_approximation as approximation, numeric_witness
from readers.notes.approximation import decimal_places, written_places
from readers.notes.approximation_readings import UNREAD, other_reading, plain_decimal
from readers.notes.approximation import check_asymptotic as approximation_asymptotic
from readers.notes import passing_examples, small_in_words
from readers.notes.loci import locus_cue, prose_around
from readers.notes.induction import prove_backward_solution, prove_closed_form
from readers.notes.monotone_optima import monotone_map
from readers.notes.sigmoid import READ as SIGMOID_READ, as_sigmoid
from readers.notes.arbitrary import arbitrary_functions, as_values, cancelled_applications, draws, scaled_applications, \
    substitute
from readers.notes.blocks import Fragment, find_blocks
from readers.notes.intervals import existential
from readers.notes.independence import assumes_independence, conditioning, naive_bayes, states_independence
from readers.notes.operators import OPERATOR_CUE, derivative_reading, operators
from readers.notes.vector_kinds import declared as declared_vectors
from readers.notes.vector_kinds import in_force as simplex_in_force
from readers.notes.vector_kinds import unstated as unstated_masses
from readers.notes.difference_quotients import as_derivatives
from readers.notes.vector_values import read_as_numbers, vector_names
from readers.notes.density_facts import DensitySheet
from readers.notes import iid_moments, named_densities, stated_laws
from readers.notes.componentwise import ComponentFunctions
from readers.notes.einstein import einstein_reading
from readers.notes.catalog import SIGMOID_CUE, _CatalogMatch
from readers.notes.matrices import MatrixClaims, transposes_written
from readers.notes import vector_moments
from readers.notes import entry_equations, inverses, stated_extrema, stated_identities
from readers.notes.matrices_elsewhere import symbol_names, unless_matrices_elsewhere
from readers.notes.array_elements import (as_elements, counts_from_zero, family_entries, family_instances,
                                         section_arrays)
from readers.notes.array_laws import METHOD as LAW_METHOD
from readers.notes.entry_examples import all_entries_set, at_every_entry, entry_examples
from readers.notes.entry_laws import entry_law_key, one_entry
from readers.notes.listed_laws import listed_laws
from readers.notes.where_functions import where_function
from readers.notes import event_sets, recurrence_terms, termwise
from readers.notes.array_laws import array_law, written_out
from readers.notes.mappings import mapping_names, operator_names, writes_name
from readers.notes.math_phrases import phrase_words, split_runs
from readers.notes.mentions import mentioned_not_asserted, operator_named, sought_equation
from readers.notes.conditional_moments import check_conditional_moments
from readers.notes import estimator_moments
from readers.notes import law_relations
from readers.notes.event_moments import METHOD as EVENT_METHOD, events_as_means, fails_at_ties, reads_events
from readers.notes import linear_expectations, unequal_numbers
from readers.notes.linear_expectations import linear_reading
from readers.notes.any_moments import METHOD as ANY_MOMENTS, fails_whatever_moments
from readers.notes.moments import ATOMS, NO_RANDOM_VARIABLE, atom_conditions, compound_moments, decorated, only_inside, operators_in, read_moments, refutable
from readers.notes.moments import _capital
from readers.notes.moments import _tie as tie_moments
from readers.notes.moments import _TIED as _TIED_MOMENT
from readers.notes.moments import OPERATORS as MOMENTS
from readers.notes.optimum import OPTIMUM_WORDS, matrix_like, one_by_one, starred_base, stationarity
from readers.notes.matrix_optimum import matrix_rows, minimised_in_prose, stationarity_claim
from readers.notes.stated_derivatives import as_function, derivative_claim, of_the_last_function, stated_derivative
from readers.notes import stated_derivatives
from readers.notes import count_points, derived_values, recurrence_cases, where_clauses
from readers.notes.matrix_shapes import ShapeError, Unsupported
from readers.notes.optimum import SUBJECT_TO as _SUBJECT_TO
from readers.notes.vector_functions import components
from readers.notes.taylor import check_taylor, introduction, run_introduction
from readers.notes import vector_taylor
from readers.notes.objective import (
    INEQUALITIES,
    OPTIMUM,
    Main,
    constraint,
    eliminate_slacks,
    objective,
    relational_constraint,
    strip_optimum,
)
from readers.notes.prose_eigenpairs import evaluate as eigen_evaluate
from readers.notes.prose_eigenpairs import named_matrix, sentence_before, stated_holds, value_of, within_multiplicity
from readers.notes.probability import SIZE_LABEL, _evaluate_expectations, _probability_steps
from readers.notes.probability_bounds import METHOD as BOUNDS_METHOD
from readers.notes.probability_bounds import bounded as probability_bounds
from readers.notes.reading import (
    SETS_A_VALUE,
    as_relations,
    base_name,
    condition_pairs,
    defined_functions,
    special_names_as_values,
    example_values,
    is_equation,
    is_literal,
    is_name,
    is_property,
    is_update,
    never_holds,
)
from readers.notes.entries import check_entry_block, entry_variable
from readers.notes.finite_laws import verify_on_finite_laws
from readers.notes.entry_identities import aligned as aligned_entries, check_entry_identities
from readers.notes.superscript_levels import as_labels, level_letters
from readers.notes.implicit_distributions import target_arrays
from readers.notes.recurrence_examples import at_examples
from readers.notes.recurrences import recurrence as first_order_recurrence
from readers.notes.recurrences import (
    sequences_apart,
    unrolled_sum,
    check_constant_input,
    check_unrolled,
    closes,
    is_start,
    own_start,
    started_differences,
    constant_inputs,
    reaches_back,
    recurrence,
    STEPS,
    subscript,
    terms_contradict,
)
from readers.notes.entropy import applications as entropy_applications
from readers.notes.entropy import check_divergence, check_entropy
from readers.notes.integer_domains import floored
from readers.notes.entropy import divergence_applications
from readers.notes.mass_expectations import check_mass_expectations
from readers.notes.simulation_means import METHOD as SIMULATION_METHOD
from readers.notes.simulation_means import as_expectation, sampling_law
from readers.notes.law_tables import CUE as LAW_CUE, check_law_tables, law_variables
from readers.notes.law_expectations import check_law_expectations
from readers.notes.law_premises import assumed_law, law_premise
from readers.notes.event_values import EventValues, conditional_cue
from readers.notes.value_maps import check_value_map
from readers.notes.value_names import value_symbols
from readers.notes.whole_and_entries import whole_and_entries
from readers.notes.generic_names import declares_generic, declares_generic_after, points_back
from readers.notes.signatures import declared_name
from readers.notes import solved_values
from readers.notes.operator_scopes import DESCRIPTION as SCOPE_READING, dangling, widened, widened_block
from readers.notes.witnesses import QUANTIFIER, stated_after, witness_names
from readers.notes.written_identities import METHOD as AS_WRITTEN
from readers.notes.written_identities import identity_as_written
from readers.notes.defined_variables import refers_to_itself, substitute_definitions
from readers.notes.bound_definitions import tied_definitions
from readers.notes.shared_memberships import shared_interval
from readers.notes.angles import angle_definition, arccos_latex
from readers.notes.bold_groups import with_bold_spread
from readers.notes.entries_apart import entries_named_apart
from readers.notes import otherwise_cases
from readers.notes.iterates import steps_apart, with_iterates
from readers.notes import data_properties
from readers.notes.chained_recurrences import (
    any_start_differences,
    as_plain_names,
    from_first_step,
    one_step_difference,
    one_step_relation,
    at_one_step,
    labelled_steps,
    opening_recurrence,
)
from readers.notes.degrees import DEGREE_CUE, degree_reading
from readers.notes.liquid import liquid_math
from readers.notes.environments import Scopes, environments
from readers.notes.hypotheses import (assumed_outright, conditional, constraint as stated_constraint, hypothesis_relations,
                                      stated_as_hypothesis, text_after)
from readers.notes.macros import with_macros
from readers.notes.definition_cues import introduced_as_wrong, introduces_definition, introduces_restatement, restates_row,\
    split_restatements, text_before, differentiated_after
from readers.notes import algorithm_listings, hypothesis_tests, membership, restatements
from readers.notes.recomputations import recomputes
from readers.notes.near_definitions import nearly_same
from readers.notes.compositions import composed, same_function
from readers.notes.shared_chains import split_shared_chains
from readers.notes.equivalent_lists import referent
from readers.notes.cdfs import CUE as CDF_CUE, MENTIONED as CDF_MENTIONED, compare_cdf
from readers.notes.polynomial_families import family_recurrence, named_families
from readers.notes.prose_letters import prose_letters
from readers.notes.problem_boundaries import problem_of, problem_starts
from readers.notes.function_properties import bound_parameters, worded_parameter
from readers.notes.back_references import refers_back
from readers.notes import finite_entries
from readers.notes.finite_values import cases as finite_cases, combined as finite_combined, finite_memberships
from readers.notes.dependencies import through_definitions, through_graph
from readers.notes.named_intermediates import through_names, through_written
from readers.notes.derivative_notation import as_limits, defines_the_derivative
from readers.notes.function_families import member
from readers.notes.continued_displays import Tail, continued as continued_display, end_line
from readers.notes.determined import Determined, determined, entry_links, paired
from readers.notes.recurrence_values import recurrence_value
from readers.notes.kinks import at_kink
from readers.notes.component_derivatives import component_derivative, entries_named, entry_of, of_entries
from readers.notes.independent_joint import independent_steps, stated_independent
from readers.notes.independent_joint import method as joint_method
from readers.notes.independent_joint import names_of as joint_names
from readers.notes.independent_joint import variables as joint_variables
from readers.notes.ellipsis import check_listed, listed_terms
from readers.notes.listed_series import coefficient_pairs
from readers.notes.ellipsis_runs import read_runs
from readers.notes import decimals, derivative_orders
from readers.notes import lowercase_probability
from readers.notes.proportional_forms import PROPTO, ProportionalForms
from readers.notes.law_divergences import divergence_of_laws
from readers.notes.laws import (
    KL_NAMES, law, law_moments, normal_divergences, other_parametrisation, stated_fact, wrong_in_every_base)
from readers.notes.supports import Range, random_in, support
from readers.notes import every_entry, namesakes, unstated_counts
from readers.notes.declared_sizes import bind_sizes
from readers.notes.log_definitions import logged_definition
from readers.notes.indicators import indicator_names
from readers.notes.estimates import estimate_base, has_stationary_point, of_the_data
from readers.notes.family_members import member_value
from readers.notes.restricted_entries import families_in as restricted_families, restriction, \
    used as restricted_used
from readers.notes.defined_sides import all_written_defined, entries_of_wholes, free_parameters
from readers.notes.shifted_instances import shifted_instances, unread_names
from readers.notes.case_lists import as_aligned
from readers.notes.entry_norms import entry_norms
from readers.latex.nodes import MatrixLiteral
from readers.latex.reader import equivalent, implied
from readers.notes.uninterpreted import METHOD as UNINTERPRETED
from readers.notes.uninterpreted import for_every_function
from readers.notes.real_domains import freed_name, unnamed_real, widened_in_block, widened_names
from readers.notes.unreadable import set_name as unreadable_set_name, unreadable_in
from readers.notes.unknown_values import unknown_values_as_names
from readers.notes.definite_matrices import definiteness, minor_conditions
from readers.notes.renamed_names import gives_new_meaning
from readers.notes.leibniz import LEIBNIZ_NOTE, leibniz_reading
from readers.notes.stated_domains import undefined_inside
from readers.notes.imaginary_unit import declared_from, imaginary_reading
from readers.notes.operator_factors import operator_factor
from readers.notes.trailing_conditions import defines, leading_condition, trailing_conditions, words_after
from readers.notes.sign_words import integers_named_before, signs_named_before, stated_integer, stated_signs
from readers.notes.constant_names import constant_given_a_value
from readers.notes.decompositions import WRITTEN_AS, fresh_names
from readers.notes.free_indices import definition_indices, written_two_ways
from readers.notes.unassumed_conditions import unassumed
from readers.notes.special import integral_counterexample, introduced_as_standard, standard_functions
from readers.notes import named_likelihoods, named_quantities
from readers.notes.standard_definitions import read_standard, standard_reading
from readers.notes.systems import chain_solution, where
from readers.notes.constraints import constrained_rows
from readers.notes.series_domains import closed_forms
from readers.notes.bound_indices import bound_letters
from readers.notes.proportional_sides import common_multiple
from readers.notes.quantifiers import trailing_quantifier
from readers.notes.predicates import one_variable, stated_predicate
from readers.notes.log_conventions import declared_base, natural_declared
from readers.notes.condition_scope import SentenceConditions
from readers.notes.clause_conditions import (announces_condition, clause_relations, continues_sentence,
                                             governs_inline, in_conditional_clause)
from readers.notes.prose_sizes import as_sizes, sizes_named_after, within_cases
from readers.notes.report import SCHEMA, BlockReport, NotesReport, StepReport, render_text
from readers.notes.parameters import is_parameter
from readers.notes.symbols import (
    ELLIPSIS,
    NOT_A_FUNCTION_OF,
    MAX_EXPANSION_ROUNDS,
    _concrete_limit,
    _depends,
    _derivative_match,
    _domains,
    _freshen,
    separate_integration_variables,
    _indices_and_sizes,
    bind_limit_variables,
    _instantiate,
    array_arguments,
    _write_out,
    _is_simplex_condition,
    _is_variable,
    ONE_BASED,
    _one_based,
    _propto_variable,
    _show,
    _unchecked,
)

__all__ = ["SCHEMA", "BlockReport", "Fragment", "NotesReport", "StepReport", "check_notes", "find_blocks",
           "render_text"]
from derivations.checker.budget import within_cpu_seconds
from derivations.checker.step import Step
from derivations.checker.verdict import worst
from symbolic.domains import Choice, Simplex

_GREEK_WORDS = frozenset({"alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta",
                          "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi",
                          "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Phi",
                          "Psi", "Omega", "ell"})
_GREEK_NAMES = frozenset({"ell", "phi", "psi", "sigma", "rho", "pi", "theta", "eta", "mu", "nu", "tau", "chi",
                          "omega", "Phi", "Psi", "Omega", "Gamma", "Lambda"})
"""Greek letters tried as function names in a second reading (``\\ell(x)``, ``\\Phi(x)``)."""

EXAMPLE_REACH = 6
r"""Paragraph counts after a local example (``$x = 2$``) in which a failing claim is read once more with it.  The
count (readers.notes.blocks) steps at every blank line and on both sides of a display: 6 reaches the two or three
displays that follow the sentence (``consider $Y = aX + b$. Then $$\sigma_Y = ...$$ $$\mathrm{Cov}(X, Y) = ...$$``)."""
EXAMPLE_NEAR = 2
"""Within this count of an example, its reading replaces a refutation when it is merely not refuted; farther (up to
:data:`EXAMPLE_REACH`) it must confirm the claim (``Away from $x=0$: ... relu'(x) = ...`` is no example at 0)."""
EQUATION_REACH = 4
"""Paragraphs after an equation in which a later equation is read as a step from it."""
PROPTO_NAMES = 4
r"""Most free names a ``\propto`` with no named variable is read in, one reading (one check) each."""
MAX_NARROWED = 8
"""Most names given a narrower domain when a claim fails on the whole real line."""
ABOVE_ONE = (sp.Integer(2), sp.Integer(3))
"""Where a claim on one name that fails in (0, 1) must hold before its values above 1 are sampled (narrower)."""

SIZES = (2, 3)
"""Concrete values given to every size symbol of a claim (``K = 2``, then ``K = 3``)."""


# ** checking **

EINSTEIN_CUE = re.compile(r"\bEinstein\b|summation convention", re.I)
"""Prose that states the Einstein summation convention (readers.notes.einstein)."""


def _law_parameters(laws: dict) -> set:
    r"""The names in the parameters of the stated laws (``p`` of ``X \sim \mathrm{Bernoulli}(p)``): constants."""
    return {x for f in laws.values() for a in f.args for x in getattr(a, "free_symbols", ())}


def _outside_moments(*sides) -> frozenset:
    r"""The names the sides write outside every moment (``\mu`` in ``E[z] = \mu``): values the claim treats as
    given, not random (readers.notes.laws ``law_moments``)."""
    out = set()
    for side in sides:
        if isinstance(side, sp.Basic):
            bare = side.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ in MOMENTS,
                                lambda e: sp.Integer(0))
            out |= bare.free_symbols
    return frozenset(out)


def _derivative_applied_to_expression(*sides):
    r"""A derivative evaluated at an expression that holds a derivative
    (``\frac{df}{dx}\left(\frac{df}{dx}\right)``, read ``Subs(f'(x), x, f'(x))``), else None: the notes may mean
    the operator $\frac{d}{dx}$ applied to it."""
    for side in sides:
        for node in side.atoms(sp.Subs):
            if node.expr.has(sp.Derivative) and any(p.has(sp.Derivative) for p in node.point):
                return node
    return None


ON_SUPPORT = " on the support "
"""What the method of a step checked where its random variables take their values says (on_ranges)."""


def _within_rounding(lhs, rhs) -> bool:
    r"""Whether the two numbers are within half a unit of the last decimal of one of them (``\frac{5}{16} = 0.313``:
    a value rounded to the digits written, whichever way its tie was broken)."""
    gap = abs(sp.nsimplify(lhs) - sp.nsimplify(rhs))
    for side in (lhs, rhs):
        if isinstance(side, sp.Rational):
            places = next((d for d in range(21) if 10 ** d % side.q == 0), None)
            if places is not None and gap <= sp.Rational(1, 2 * 10 ** places):
                return True
    return False


def _rounded_reading(lhs, rhs, content: str, out: list) -> list:
    r"""A refutation of a result written with its irrational parts rounded (``15 \pm \sqrt{200} = 15 \pm 14``,
    readers.notes.rounded_parts): to decimals the block writes it is verified, to the units it is ambiguous."""
    if not any(r.verdict == "refuted" for r in out):
        return out
    d = rounded_parts(lhs, rhs)
    if d is None:
        return out
    if d >= 1 and decimals.decimal_literals(content):
        return [StepReport(**{**r.__dict__, "verdict": "verified", "reason": "", "counterexample": None,
                              "method": f"the irrational parts rounded to the {d} decimals written"})
                if r.verdict == "refuted" else r for r in out]
    return _withdrawn(out, lambda r: f"ambiguous: read exactly it fails ({r.reason[:80]}); with its irrational "
                                     f"parts rounded to {'the units' if d == 0 else f'{d} decimals'} it is what "
                                     f"is written (a rounded result)")


def _numbers_alone(lhs, rhs) -> bool:
    r"""Whether both sides are numbers, no name in them (``\frac{0.088}{4} = 0.024``): such a link of a chain after an
    equation in unknowns is no step of solving it; it holds or fails whatever the unknowns are."""
    try:
        return all(isinstance(e, sp.Expr) and not e.free_symbols and not e.atoms(AppliedUndef) and bool(e.is_number)
                   for e in (lhs, rhs))
    except (TypeError, ValueError):
        return False


def _written_rounding(lhs, rhs, data=frozenset()) -> str | None:
    r"""The method text when one side is a terminating decimal (``3.14159``, read as 314159/100000) and the other
    a closed constant (``\pi``, ``\sqrt{2}``) that rounds or truncates to it at those decimals, else None (the decimal
    must be one the block writes, among ``data``):
    ``\pi = 3.14159`` is a value written to five decimals, not a claim that pi is rational (``\pi = 3.15`` is
    neither the rounding nor the truncation, and is checked as written).  A value that is itself an exact decimal
    counts only when the block computes it from decimal data (``data``: the block's decimal literals,
    readers.notes.decimals.decimal_literals): ``0.1414^2 = 0.02`` and a variance of measured heights written
    ``= 261.8`` are results rounded as their inputs are; ``\frac{1}{8} = 0.12`` stays checked as written."""
    for written, value in ((lhs, rhs), (rhs, lhs)):
        if not (isinstance(written, sp.Rational) and not written.is_Integer) or not isinstance(value, sp.Expr) \
                or value.free_symbols or value == written:
            continue
        decimals = next((d for d in range(1, 21) if 10 ** d % written.q == 0), None)
        if decimals is None or abs(written) not in data:
            continue  # a decimal the block does not write (a value the notes fixed earlier, substituted) rounds nothing
        if isinstance(value, sp.Rational) and any(10 ** d % value.q == 0 for d in range(41)) \
                and not (data - {abs(written)}):
            continue  # 1/8 = 0.12: an exact decimal written otherwise is no rounding
        exact = sp.N(value, 40)
        if not exact.is_real or not exact.is_finite:
            continue
        scale = sp.Integer(10) ** decimals
        rounded = sp.floor(exact * scale + sp.S.Half) / scale
        truncated = sp.sign(exact) * sp.floor(abs(exact) * scale) / scale
        if written in (rounded, truncated):
            how = "rounded" if written == rounded else "truncated"
            return f"the value {how} to the {decimals} decimals written (exact value {sp.N(value, decimals + 5)})"
    return None


SIGNIFICANT_FIGURES = 3
"""Figures from which a decimal written for an exact one reads as a value quoted to its figures (``\frac{5}{16} =
0.313``); with fewer (``\frac{1}{8} = 0.12``, ``\frac{13}{52} = 0.3``) it is checked as written."""


def _rounded_exact_decimal(lhs, rhs, data=frozenset()) -> str | None:
    r"""The reason of an ambiguous reading when one side is a decimal the block writes (among ``data``) to at least
    :data:`SIGNIFICANT_FIGURES` figures, fewer digits than the other, an exact decimal, and it is that value rounded (half up or half to even) or truncated to
    the digits written (``\frac{5}{16} = 0.313``, ``\frac{1}{8} = 0.13``), else None.  Read exactly the claim fails;
    read as the value to the digits written (what a textbook's ``= 0.313`` usually means) it holds: two readings that
    disagree, so neither a refutation nor a confirmation (:func:`_written_rounding` confirms where the value is no
    exact decimal, ``\pi = 3.14159``)."""
    for written, value in ((lhs, rhs), (rhs, lhs)):
        if not (isinstance(written, sp.Rational) and not written.is_Integer and isinstance(value, sp.Rational)) \
                or abs(written) not in data or value == written:
            continue
        digits = next((d for d in range(1, 21) if 10 ** d % written.q == 0), None)
        exact_digits = next((d for d in range(41) if 10 ** d % value.q == 0), None)
        if digits is None or exact_digits is None or exact_digits <= digits \
                or len(str(abs(written.p))) < SIGNIFICANT_FIGURES:
            continue
        scaled = value * sp.Integer(10) ** digits
        low = sp.floor(scaled)
        candidates = {low, low + 1} if scaled - low == sp.S.Half else {sp.floor(scaled + sp.S.Half)}
        candidates.add(sp.sign(scaled) * sp.floor(abs(scaled)))
        if written * sp.Integer(10) ** digits in candidates:
            shown = format(float(value), f".{exact_digits}f") if exact_digits <= 20 else str(value)
            return (f"ambiguous: read exactly, {value} = {shown} is not {format(float(written), f'.{digits}f')}; "
                    f"rounded or truncated to the {digits} decimals written, it is")
    return None


def _names_moment_of(name, symbols) -> bool:
    r"""Whether ``name`` is the mean or deviation of a random variable among ``symbols`` (``\mu_X`` for ``X``): an
    example setting it (``\mu_X = 0``) is about a claim on moments of ``X``, though the claim never writes it."""
    found = _TIED_MOMENT.match(name.name) if isinstance(name, sp.Symbol) else None
    return found is not None and any(isinstance(s, sp.Symbol) and s.name in (found.group(2), found.group(2)[:1])
                                     for s in symbols)


def _written_arguments(lhs, rhs) -> set:
    r"""The names a claim's left side takes as a function's arguments, as written, that its right side writes too:
    ``p`` of ``H'(p) = \log\frac{1-p}{p}`` or of ``\frac{d}{dp} H(p) = \dots``.  Such a claim is a formula for every
    value of the argument, so an example that sets the name (``maximised at $p = \frac12$``) does not reach it; a
    value at the example is written without it (``f(x) = 9`` for $x = 3$) or in the argument (``H(\tfrac12)``)."""
    if not isinstance(lhs, sp.Basic) or not isinstance(rhs, sp.Basic):
        return set()
    inner = lhs.expr if isinstance(lhs, sp.Derivative) else lhs
    if not isinstance(inner, AppliedUndef):
        return set()
    return {a for a in inner.args if isinstance(a, sp.Symbol)} & rhs.free_symbols


def _summed_like_claim(relation, sides):
    r"""A sum-to-one condition written without its range (``when $\sum_k y_k = 1$``, read over ``1..N``) over the
    range the claim sums the same array over (``\sum_{k=1}^K q_k = 1`` with :math:`q_k = (1-\varepsilon)y_k +
    \varepsilon/K`: ``1..K``), when the claim has one such range; else ``relation`` as it is."""
    default = sp.Symbol("N", integer=True, positive=True)
    if not _is_simplex_condition(relation) or relation.lhs.limits[0][2] != default:
        return relation
    index, _, _ = relation.lhs.limits[0]
    base = relation.lhs.function.base
    ranges = {(lo, hi) for side in sides if isinstance(side, sp.Basic) for node in side.atoms(sp.Sum)
              for v, lo, hi in node.limits
              if any(e.base == base and e.indices == (v,) for e in node.function.atoms(sp.Indexed))}
    if len(ranges) != 1:
        return relation
    (lo, hi), = ranges
    return sp.Eq(sp.Sum(relation.lhs.function, (index, lo, hi)), 1)


def _linked_by_examples(examples, lhs, rhs) -> bool:
    r"""Whether an example in force names a quantity of each side: ``p_i = \frac{1}{V}`` links ``p`` (in
    :math:`\mathrm{PPL} = \exp(-\frac1N\sum_i \log p_i)`) to ``V`` in ``\mathrm{PPL} = 2V``, which fails there
    and is no change of variables."""
    def names(e):
        return {base_name(x) for x in e.free_symbols | e.atoms(sp.Indexed)} if isinstance(e, sp.Basic) else set()
    left, right = names(lhs), names(rhs)
    return any((names(n) | names(v)) & left and (names(n) | names(v)) & right for n, v in examples)


def _apart(lhs, rhs, laws=None) -> str:
    r"""``"mu, sigma | eta_1, eta_2"`` when each side has names and they share none
    (``\frac{\mu^2}{2\sigma^2} + \log\sigma = \frac{\eta_1^2}{4\eta_2} - \frac{1}{2}\log(2\eta_2)``), else ``""``.
    A variable with a stated law (``X \sim \mathrm{Bernoulli}(p)``, in ``laws``) shares its parameters' names:
    ``\operatorname{Var}(X) = p^2`` is a claim about the law, not a change of variables."""
    def names(e):  # by base name: x_1 and x[i] are the same x
        return {base_name(x) for x in e.free_symbols | e.atoms(sp.Indexed) if not getattr(x, "is_integer", False)}

    def linked(found):
        for variable, law in (laws or {}).items():
            if variable in found:
                found = found | names(law.mean) | names(law.variance)
        return found

    left, right = linked(names(lhs)), linked(names(rhs))
    if not left or not right or left & right:
        return ""
    return f"{', '.join(sorted(left))} | {', '.join(sorted(right))}"


def check_notes(text: str, *, path: str = "<string>", budget: float = 5.0, macro_source: str | None = None,
                scopes: list | None = None) -> NotesReport:
    """Check every formula block of the Markdown ``text``; ``budget`` is seconds per claim; ``macro_source``: the
    text whose macro definitions hold (a LaTeX file's preamble), ``text`` by default; ``scopes``: the
    environments whose definitions and conditions end with them (readers.notes.environments), found in the
    Markdown ``text`` by default (a LaTeX file gives its own)."""
    from derivations.checker.ladder import check_step

    text = liquid_math(text)  # Jekyll's {% math %} displays (readers.notes.liquid)
    catalog, catalog_error = _catalog()
    matrix_claims = MatrixClaims(text)
    declared = matrix_claims.notes.anywhere()  # AB = BA after $A, B \in \mathbb{R}^{n \times n}$: a product, no word
    names = frozenset(w for w in _vocabulary(text, catalog) if len(w) > 4 or not set(w) <= declared) \
        | special_names_as_values(text)
    reader = _NotesReader(names, catalog, catalog_error, budget, check_step, defined_functions(text))
    reader.matrix_claims = matrix_claims
    reader.lines = text.split("\n")  # the prose that introduces a display (readers.notes.taylor)
    reader.sigmoid_context = SIGMOID_CUE.search(text) is not None
    reader.euler_context = _EULER_CUE.search(text) is not None
    reader.operator_stated = OPERATOR_CUE.search(text) is not None
    reader.simplex_vectors = declared_vectors(text)
    reader.einstein_stated = EINSTEIN_CUE.search(text) is not None
    reader.test_levels = hypothesis_tests.levels(text)
    reader.event_values.read_tables(reader.lines, reader.cell_expression)
    reader.operators_named = operator_names(text)
    reader.scopes = Scopes(environments(text) if scopes is None else scopes)
    reader.problem_starts = problem_starts(text)  # "Problem 2.", a rule: the last problem's values end there
    fragments = with_bold_spread(with_macros(find_blocks(text), macro_source or text))  # own commands, bold
    fragments = with_iterates(fragments)  # w^{k+1} = w^k - ...: superscripts that count steps (readers.notes.iterates)
    reader.matrix_claims.read_fragments(fragments)
    reader.sentence_conditions = SentenceConditions(text, fragments)
    reader.section_starts = {}  # section number -> the line of its first block (readers.notes.letter_e)
    for f in fragments:
        reader.section_starts.setdefault(f.section, f.line)
    return NotesReport(path, tuple(reader.fragment(f) for f in fragments))


def _stated_probabilities(block) -> list:
    r"""``[(P(e), value)]`` when every row of ``block`` is one ``P(e) = value`` with a number for value
    (``$P(H=1) = 0.0015$``, ``$P(\mathcal{S}) = 1$``), else []."""
    out = []
    for row in block.rows:
        if row.kind in ("empty", "prose", "list"):
            continue
        exprs, rels = row.chain.exprs, row.chain.rels
        if row.continued or len(exprs) != 2 or rels != ["="] and tuple(rels) != ("=",):
            return []
        lhs, rhs = exprs
        if not (isinstance(lhs, AppliedUndef) and lhs.func.__name__ in PROBABILITY_NAMES and rhs.is_number):
            return []
        out.append((lhs, rhs))
    return out


def _given_probability_chains(block, random=frozenset()) -> tuple | None:
    r"""``([(P(e), v_1)], [(v_1, rel, v_2, row), ...])`` when every row of ``block`` is a chain ``P(e) = v_1 \approx
    v_2 ...`` of a probability and numbers only (``$P(\text{ace}) = \frac{4}{52} \approx 0.077$``): the notes give
    the probability its value (as :func:`_stated_probabilities` reads ``P(e) = v``), and the links between the numbers
    are the claims; else None.  An event about a random variable (``P(X = 2)``, or ``X`` in ``random``: the names
    with a law or distribution in force) is not given: its law decides it."""
    given, links = [], []
    for row in block.rows:
        if row.kind in ("empty", "prose", "list"):
            continue
        exprs, rels = row.chain.exprs, tuple(row.chain.rels)
        if row.continued or len(exprs) < 3 or rels[0] != "=":
            return None
        head = exprs[0]
        if not (isinstance(head, AppliedUndef) and head.func.__name__ in PROBABILITY_NAMES
                and all(e.is_number for e in exprs[1:])) or any(
                isinstance(a, sp.Basic) and (a.atoms(sp.Rel, AppliedUndef) or {str(x) for x in a.free_symbols} & random)
                for a in head.args):
            return None
        given.append((head, exprs[1]))
        links += [(exprs[k], rels[k], exprs[k + 1], row) for k in range(1, len(rels))]
    return (given, links) if given else None


def _arbitrary_composition(expr) -> bool:
    """Whether ``expr`` is ``A(B(C(x)))``: undefined functions of one argument applied in turn to a plain name."""
    depth = 0
    while isinstance(expr, AppliedUndef) and len(expr.args) == 1 and arbitrary_functions([expr]) is not None:
        expr, depth = expr.args[0], depth + 1
    return depth > 0 and isinstance(expr, sp.Symbol)


def _chains(block) -> list:
    """The ``(expressions, relations)`` of a block's rows, a continued row (``&= ...``) joined to the one above."""
    out = []
    for row in block.rows:
        if row.kind in ("empty", "prose"):
            continue
        exprs, rels = list(row.chain.exprs), list(row.chain.rels)
        if row.continued and out:
            out[-1] = (out[-1][0] + exprs, out[-1][1] + rels)
        else:
            out.append((exprs, rels))
    return out


def _probability_root(lhs):
    """The name of the variable the probability check conditions its joint law on: the first argument of the
    one probability on the left side (readers.notes.probability), else None."""
    apps = [f for f in lhs.atoms(AppliedUndef) if f.func.__name__ in PROBABILITY_NAMES]
    if len(apps) != 1 or not apps[0].args or not isinstance(apps[0].args[0], (sp.Symbol, sp.Indexed)):
        return None
    return _show(apps[0].args[0])


PROBABILITY_NAMES = frozenset({"P", "Pr", r"\Pr", r"\mathbb{P}", r"\operatorname{P}"})
"""Names of the probability of an event: a row setting one to a number states a value, it defines nothing."""
_EULER_CUE = re.compile(r"Euler(?:'s)?[- ](?:Mascheroni|constant|gamma)|Euler.Mascheroni", re.IGNORECASE)
"""Prose that names Euler's constant: an undefined gamma may be it."""


def _ellipsis_only_in_arguments(expr) -> bool:
    r"""Whether every ``\ldots`` in ``expr`` stands among a function's arguments (``L(w_1, \ldots, w_N)``:
    the arguments left unchanged), never as a term or factor."""
    def walk(e, inside):
        if isinstance(e, sp.Symbol) and e.name == r"\ldots":
            return inside
        if isinstance(e, AppliedUndef):
            return all(walk(a, isinstance(a, sp.Symbol)) for a in e.args)
        return all(walk(a, False) for a in e.args)
    return walk(expr, False)


def _entry_notation(content: str, steps: list, einstein: bool = False) -> list:
    r"""Steps left undecided in a block written in entry notation (``\frac{d}{dv_{ab}}``, ``u_{ia}``,
    ``[\mathbf{M}]_{ab}``: readers.notes.entries; without a derivative, ``(\mathbf{A}\mathbf{v})_i = \sum_j a_{ij}
    v_j``: readers.notes.entry_identities) take the verdict of that reading, one result per step."""
    if not steps or not any(s.verdict == "undecided" for s in steps):
        return steps
    results = check_entry_block(content) if entry_variable(content) is not None else \
        check_entry_identities(content, einstein)
    if results is not None and len(results) != len(steps):  # a leading definition is not checked
        results = aligned_entries(results, [(s.lhs, s.rhs) for s in steps])
    if results is None or len(results) != len(steps):
        return steps
    out = []
    for s, found in zip(steps, results):
        settled = s.reason.startswith(("ambiguous", "holds where", "about "))  # a reading that already weighed it
        if s.verdict == "undecided" and found["verdict"] is not None and not (settled and found["verdict"] == "refuted"):
            s = StepReport(**{**s.__dict__, "verdict": found["verdict"], "reason": found["reason"],
                              "counterexample": found["counterexample"],
                              "method": "entry notation: exact entries of random rational matrices"})
        out.append(s)
    return out


def _entry_restatement(frag) -> list:
    r"""A block read as a definition or a local value that restates a fact in entry notation (``$u_{ia} =
    [\mathbf{U}^\top]_{ai}$``, ``\|\mathbf{v}\|^2 = \sum_i v_i v_i``): its verified steps when every relation it
    states holds there (readers.notes.entry_identities), else [] (it stays what it was read as)."""
    results = check_entry_identities(frag.content)
    if not results or any(r["verdict"] != "verified" for r in results):
        return []
    text = " ".join(frag.content.split())[:80]
    return [StepReport(lhs=text, rel="", rhs="", verdict="verified", method=r["reason"], line=frag.content_line)
            for r in results]


def _named_base(name) -> str | None:
    r"""The sequence ``x_t`` (``\mathbf{v}_{t-1}``, ``x[t]``) belongs to, by its name without the subscript."""
    if isinstance(name, sp.Indexed):
        return str(name.base.label)
    found = subscript(name.name) if isinstance(name, sp.Symbol) else None
    return found[0] if found is not None else None


def _converged(report) -> bool:
    """A refutation by careful quadrature: a closed integral whose convergence the quadratures and the grid saw
    (derivations.checker.strategies.quadrature), or a closed improper integral of a rational function evaluated
    exactly (derivations.checker.strategies.divergence), not a sampled function that need not be integrable."""
    return report.method.startswith(("careful quadrature", "improper integrals evaluated exactly")) \
        or named_densities.EULER in report.method  # closed forms, read where they converge (named_densities)


def _local_name(symbol) -> bool:
    r"""A bare letter (``x``, ``\\mu``): notes reuse these from section to section, so their definitions end
    at the next heading; decorated and longer names (``\\bar{y}``, ``F_1``, ``MSE``) and functions stay."""
    return isinstance(symbol, sp.Symbol) and re.fullmatch(r"\\?[A-Za-z]|\\[a-z]+|[a-z]+", symbol.name) is not None \
        and len(symbol.name.lstrip("\\")) <= 1 or (isinstance(symbol, sp.Symbol) and symbol.name.lstrip("\\") in
                                                  _GREEK_WORDS)


def _worked_value(body) -> bool:
    r"""Whether a name's definition is a number (``\sigma_z = \sqrt{(1.8 - 1.8)^2/5} = 0``): a worked example's
    value, which a later section's formulas in that name (a noise variance, a measurement) do not mean; like a bare
    letter's, such a definition ends at the next heading and may then only confirm (earlier_readings)."""
    return isinstance(body, sp.Basic) and not body.free_symbols and body.is_number is True \
        and not body.atoms(AppliedUndef)


_LEADS_ON = frozenset({"Rightarrow", "implies", "Longrightarrow"})
"""Words that end a row leading on to the next one (``A = B \\Rightarrow \\ C = D``)."""


def _written_before(name, seen) -> bool:
    r"""Whether ``name`` (``\beta_1``), or the array it is an entry of (``\beta_i`` written as ``\beta``), is among the
    names ``seen`` earlier in the section: a given of the notes, not a name a block may introduce on its right."""
    return name in seen or base_name(name) in {str(s) for s in seen}


def _written_names(*exprs) -> set:
    """The names a claim writes (symbols, arrays, applied functions), before any definition is put in; not its
    indices, nor the sizes its sums run to (``n`` of :math:`\\sum_{i=1}^{n}`, which every line of a note on n samples writes)."""
    out, sizes = set(), set()
    for e in exprs:
        if isinstance(e, sp.Basic):
            out |= {str(x) for x in e.free_symbols if not isinstance(x, sp.Indexed)}
            out |= {str(i.base.label) for i in e.atoms(sp.Indexed)}
            out |= {f.func.__name__ for f in e.atoms(AppliedUndef)}
            sizes |= {str(x) for node in e.atoms(sp.Sum) for _, lo, hi in node.limits for x in (lo - hi).free_symbols}
            sizes |= {str(x) for i in e.atoms(sp.Indexed) for x in i.indices if isinstance(x, sp.Symbol)}  # j of s_j
    return out - sizes


def _inner_product(body) -> bool:
    r"""Whether ``body`` is a number for every reading of its names: a sum of terms ``c\, u^\top v`` with ``u`` and
    ``v`` lower-case names (Latin or Greek: ``\theta^\top x``) or their entries (vectors or scalars, never matrices: readers.notes.matrices), ``c`` free
    of both (``\frac{q^\top k_j}{\sqrt d}``, ``w^\top x_i + b``)."""
    lower = re.compile(r"(?:\\mathbf\{|\\boldsymbol\{?\\?|\\vec\{)?[a-z]\}?$")

    def vector(e) -> bool:  # also a lower case Greek letter (theta^T x): a parameter vector, never a matrix
        name = str(e.base.label) if isinstance(e, sp.Indexed) else e.name if isinstance(e, sp.Symbol) else ""
        return bool(name) and (lower.match(name) is not None or name in _GREEK_WORDS and name[0].islower())

    for term in sp.Add.make_args(sp.expand(body)):
        factors = sp.Mul.make_args(term)
        transposed = [f for f in factors if isinstance(f, AppliedUndef) and f.func.__name__ == "transpose"]
        if not transposed:
            if _matrix_names(term, sp.S.Zero):
                return False
            continue
        if len(transposed) != 1 or not vector(transposed[0].args[0]):
            return False
        rest = [f for f in factors if f is not transposed[0]]
        vectors = [f for f in rest if vector(f) and not f.is_number]
        others = [f for f in rest if f not in vectors]
        if len(vectors) != 1 or any(_matrix_names(f, sp.S.Zero) or f.atoms(sp.Indexed) - {vectors[0]}
                                    for f in others):
            return False
    return True


_RESTRICTED_IN_WORDS = re.compile(
    r"\b(?:for|with|if|given|when|take|assume|assuming|suppose)\s+(?:(?:two|any|all|some|the|a|an|our)\s+)?"
    r"(?:unit|unit-norm|unit-length|normali[sz]ed|orthonormal|orthogonal|symmetric|positive[- ](?:semi-?)?definite|"
    r"invertible|nonsingular|non-singular|diagonal|sparse|one-hot|binary|probability)\s+"
    r"(?:vectors?|matrix|matrices|embeddings?|columns?|rows?|inputs?|weights?)\b[^$.]*$", re.I)
r"""Words before a claim that restrict its vectors or matrices where no formula says how ("For unit vectors, $\|u -
v\|^2 = 2 - 2\cos(u, v)$"): the matrix samples do not keep such a domain, so a failure there refutes nothing."""


def _unimposed_conditions(steps, claim, lhs, rhs, withheld=frozenset(), words=None):
    r"""Matrix-reading steps with a refutation withdrawn where a condition constrains the claim's names but is not
    imposed on the matrix samples, which are drawn free: one in force (``claim.conditions``), or one the prose states
    and the check cannot assume (``withheld`` names: "Let $\|a\| = 1$. Then $\|a + b\|^2 = 1 + 2a^\top b +
    \|b\|^2$" failed at a = 2, which breaks it), or, failing those, words before the claim that restrict its
    vectors (``words``: a :data:`_RESTRICTED_IN_WORDS` match).  A claim that holds on every free sample holds under
    them too, so a confirmation stands."""
    names = {str(x) for e in (lhs, rhs, claim.lhs, claim.rhs) for x in e.free_symbols}
    binding = [_show(c) for c in claim.conditions if isinstance(c, sp.Basic) and not isinstance(c, sp.Symbol)
               and {str(x) for x in c.free_symbols} & names
               and not all(x.is_integer for x in c.free_symbols)]  # n >= 1 on a size: the samples' sizes keep it
    binding += [f"a stated condition on {x}" for x in sorted({str(x) for x in withheld} & names)]
    if not (binding or words) or not any(_freely_sampled(s) for s in steps):
        return steps
    if binding:
        def why(s):
            return (f"fails on free samples ({s.reason[:80]}), but the conditions ({', '.join(binding)}) are not "
                    "imposed on the matrix samples: not shown to fail where they hold")
    else:
        def why(s):
            return (f"fails on free samples ({s.reason[:80]}), but the sentence restricts them "
                    f"('{words.group(0).strip()}'), which the samples do not keep: not shown to fail there")
    return [_undecided(s, why(s)) if _freely_sampled(s) else s for s in steps]


def _freely_sampled(step) -> bool:
    """A refutation on random matrices drawn free of the conditions (not an exact one at the written-out point,
    where the conditions are checked)."""
    return step.verdict == "refuted" and (step.method or "").startswith("matrix samples")


def _written_in(text: str, name: str) -> bool:
    r"""Whether ``name`` (``f``, ``\beta``, ``x_0``, ``sigma_w``) is written in the LaTeX ``text`` as a name of its
    own: as it is spelled, or as LaTeX spells it (``sigma_w`` as ``\sigma_w`` or ``\sigma_{w}``)."""
    if re.search(r"(?<![A-Za-z\\])" + re.escape(name) + r"(?![A-Za-z])", text) is not None:
        return True
    head, _, sub = name.partition("_")
    spellings = [k for k, v in LATEX_GREEK.items() if v == head]
    if not spellings:
        return False
    pattern = r"\\(?:" + "|".join(spellings) + r")(?![A-Za-z])"
    if sub:
        pattern += r"\s*_\s*(?:\{\s*" + re.escape(sub) + r"\s*\}|" + re.escape(sub) + r"(?![A-Za-z0-9]))"
    return re.search(pattern, text) is not None


def _may_use(text: str, key, section) -> bool:
    r"""Whether a block whose LaTeX is ``text`` may use the defined name ``key`` (a symbol, an array or a function's
    name): it writes it, or writes a name the section defines through it (``g(x) = f(x) + 1``, then ``g(2)``).  A
    claim about ``x_k`` and ``c`` does not depend on which of two rows defines ``f``."""
    name = key if isinstance(key, str) else str(getattr(key, "label", key))
    if _written_in(text, name.lstrip("\\")):
        return True

    def through(body) -> bool:
        body = body if isinstance(body, sp.Basic) else sp.Tuple(*body) if isinstance(body, (tuple, list)) else None
        return body is None or any(getattr(f.func, "__name__", "") == name for f in body.atoms(AppliedUndef)) \
            or any(str(x) == name for x in body.free_symbols)

    for symbol, body in section.symbols.items():
        if _written_in(text, str(symbol).lstrip("\\")) and through(body):
            return True
    for other, forms in section.functions.items():
        if _written_in(text, str(other).lstrip("\\")) and any(through(form[-1]) for form in forms):
            return True
    for array, value in section.arrays.items():
        body = value[-1] if isinstance(value, tuple) else value
        if _written_in(text, str(getattr(array, "label", array)).lstrip("\\")) and through(body):
            return True
    return False


def _event_of_names(e) -> bool:
    """``X = k`` inside ``P(X = k)``: an event between names and numbers."""
    return isinstance(e, AppliedUndef) and e.func.__name__.startswith("event_") and all(
        is_name(a) or a.is_number for a in e.args)


def _key(lhs):
    """What a definition's left side names: a symbol, an array, a function's name, a derivative."""
    if isinstance(lhs, sp.Symbol) or isinstance(lhs, sp.Derivative):
        return lhs
    if isinstance(lhs, sp.Pow) and isinstance(lhs.base, sp.Symbol):
        return lhs.base
    if isinstance(lhs, sp.Indexed):
        return lhs.base
    if isinstance(lhs, AppliedUndef):
        return lhs.func.__name__
    return None


def _binds_its_arguments(application, body) -> bool:
    r"""Whether ``f(x) = body`` can be applied to other arguments by substitution: ``body`` mentions an
    argument.  ``I(X) = -\log_2 p`` or ``D(P\|Q) = \log\frac{\sigma_2}{\sigma_1}+\dots`` tie their free names
    (``p``, ``\sigma_1``) to the arguments through prose, not through the formula: ``I(s_i)`` is not ``-\log_2 p``
    with the same ``p``, so such a definition names the block, nothing more.  Nor does a constant body bind its
    arguments: ``f'(c) = 0`` or ``g(c) = 0`` in a proof states a value at the point ``c``, not that ``f'`` or ``g``
    vanishes everywhere (read so, it refuted ``g'(a) > 0`` later in Lebl's proof of Darboux's theorem); a function
    without an argument (``L() = 3``) binds where its body has no free name, as before."""
    free = body.free_symbols
    if not application.args:
        return not free
    used = set().union(*(a.free_symbols for a in application.args))
    return bool(free & used) or any(entries(a, body) for a in application.args)  # f(\mathbf{x}) = x_1^2


def _prime(application, cases, functions=None):
    r"""``f'(a)`` (``f''(a)``) with ``f(x) = body`` known: $\frac{d}{dx} body$ at ``x = a``, the other known
    ``functions`` (``{name: cases}``) substituted into ``body`` first."""
    functions = functions or {}
    order = len(application.func.__name__) - len(application.func.__name__.rstrip("'"))
    x = sp.Dummy("x", real=True)
    body = _instantiate(sp.Function(application.func.__name__.rstrip("'"))(x), cases)
    for _ in range(MAX_EXPANSION_ROUNDS):  # f(x) = A(B(C(x))) with A, B, C defined after f: their bodies first
        new = body.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ in functions,
                           lambda e: _instantiate(e, functions[e.func.__name__]))
        if new == body:
            break
        body = new
    if isinstance(body, AppliedUndef) and body.func.__name__ == application.func.__name__.rstrip("'"):
        return application  # no case of f applies: f' stays as written (h(x) := f(g(x)) is differentiated)
    derivative = sp.diff(body, x, order).replace(_by_an_expression, _at_the_expression)
    if derivative.has(sp.Derivative, sp.Subs):  # f'(g(c)) g'(c) of h(x) := f(g(x)), f and g unknown
        return derivative.subs(x, application.args[0])
    return derivative.xreplace({x: application.args[0]})


def _by_an_expression(e) -> bool:
    """Whether ``e`` is a derivative by an expression (sympy's ``Derivative(f(g(x)), g(x))`` of the chain rule)."""
    return isinstance(e, sp.Derivative) and len(e.variable_count) == 1 and not isinstance(e.variables[0], sp.Symbol)


def _at_the_expression(e):
    """``Derivative(f(g(x)), g(x))`` as ``f'`` at ``g(x)``: a derivative by a name, evaluated there (``Subs``), so
    that a function drawn for ``g`` later leaves a derivative sympy can take."""
    (inner, count), = e.variable_count
    t = sp.Dummy("t", real=True)
    return sp.Subs(sp.Derivative(e.expr.xreplace({inner: t}), (t, count)), t, inner)


_POWERED = re.compile(r"(?<![\\A-Za-z])([A-Za-z])\s*\^\s*(?:\{[^{}]*\}|\w)(?!\s*(?:\(|\\left\b))")
"""A one-letter name raised to a power as a number (``p^2``; not ``f^2(x)``, the square of a function's value)."""


def _numbers_here(content: str) -> set[str]:
    r"""The one-letter names ``content`` writes as numbers: raised to a power (``(1 - p)^2``) and applied, wherever
    it is followed by a bracket, only to an expression of itself (``p(1 - p)``).  A letter the notes apply elsewhere
    (a density ``p(\mu | X)``) is then a number in this formula, and ``\frac{1}{p(1 - p)}`` is a product, not ``p``
    applied to ``1 - p``; ``q(x)`` beside ``q^2`` stays an application."""
    content = _WORDS.sub(" ", content)
    powered = {m.group(1) for m in _POWERED.finditer(content)}
    return {x for x in powered if (groups := list(_own_groups(x, content))) and all(groups)}


def _inside_its_own_group(letter: str, content: str) -> bool:
    r"""Whether ``letter(...)`` holds ``letter`` itself as a value in its parentheses somewhere in ``content``
    (``n(n-1)``, ``2x(y - wx)``): a name applied to an expression of itself is a factor, not a function."""
    return any(_own_groups(letter, content))


def _own_groups(letter: str, content: str):
    """For each ``letter(...)`` in ``content``, whether its parentheses hold ``letter`` itself as a value (not applied)."""
    token = letter if len(letter) == 1 else "\\" + letter
    tokens = [t for t in re.findall(r"\\[A-Za-z]+|\S", content)]
    for k, t in enumerate(tokens):
        if t != token or k + 1 >= len(tokens) or tokens[k + 1] != "(" or (k and tokens[k - 1] == "\\"):
            continue
        depth, inside = 0, False
        for m in range(k + 1, len(tokens)):
            depth += {"(": 1, ")": -1}.get(tokens[m], 0)
            if depth == 0:
                break
            inside |= tokens[m] == token and (m + 1 >= len(tokens) or tokens[m + 1] != "(")
        yield inside


_WORDS = re.compile(r"\\(?:text|textrm|mathrm|operatorname|mathit)\s*\{[^{}]*\}")
"""Upright words (``\\mathrm{softmax}``): their letters are not names of the block."""


def _a_factor_elsewhere(letter: str, content: str) -> bool:
    r"""Whether ``letter`` stands bare before another name somewhere in ``content``, as a factor of a product
    (``w - \eta(g + \lambda w) = (1 + \eta\lambda) w - \eta g``: ``\eta\lambda`` and ``\eta g`` multiply, so
    ``\eta(...)`` is the same value times a bracket, not a function)."""
    token = letter if len(letter) == 1 else "\\" + letter
    tokens = re.findall(r"\\[A-Za-z]+|\S", _WORDS.sub(" ", content))
    for k, t in enumerate(tokens[:-1]):
        if t != token or (k and re.fullmatch(r"[A-Za-z]", tokens[k - 1])):
            continue
        following = tokens[k + 1]
        if re.fullmatch(r"[A-Za-z]", following) or following[1:] in _GREEK_WORDS:
            return True
    return False


_WITNESS_VALUES = (sp.Rational(1, 2), sp.Integer(2), sp.Rational(1, 4), sp.Integer(3), sp.Rational(-1, 2),
                   sp.Integer(-2), sp.Rational(3, 4), sp.Integer(1))
"""Values tried, in turn, for each name of a difference that must be shown non-zero inside stated conditions
(terminating decimals, so the witness shows them exactly)."""


def _same_relation(r, s) -> bool:
    """Whether two conditions are one relation written either way round (``0 < x`` and ``x > 0``)."""
    try:
        return r == s or r.canonical == s.canonical
    except AttributeError:  # a condition that is not a relation (an And, a membership)
        return False


def _point_where_nonzero(differences: dict, conditions) -> dict | None:
    r"""``{name: value, 'at': 't=3', 'lhs - rhs': ...}``: a step of ``differences`` (``{step: expr}``) and values of
    its names that satisfy every condition on them (``0 < \gamma < 1``) where the difference is not zero; None when
    a condition ties them to other names or no tried point works."""
    for step, difference in sorted(differences.items()):
        names = sorted(difference.free_symbols, key=str)
        tied = [c for c in conditions if c.free_symbols & set(names)]
        if any(not c.free_symbols <= set(names) for c in tied) or len(names) > 4:
            return None
        for values in itertools.product(_WITNESS_VALUES, repeat=len(names)):
            point = dict(zip(names, values))
            if any(c.xreplace(point) is not sp.true for c in tied):
                continue
            value = difference.xreplace(point)
            if value.is_number and value.is_finite and value != 0:
                return {**{_show(k): f"{float(v):g}" for k, v in point.items()}, "at": f"step {step}",
                        "lhs - rhs": str(value)}
    return None


def _scalar_names(*exprs) -> set:
    """The free symbols of ``exprs`` outside the arrays' elements: ``x`` in ``x + y_i``, not ``y`` (nor ``i``)."""
    return {x for e in exprs if isinstance(e, sp.Basic)
            for x in e.xreplace({a: sp.Dummy() for a in e.atoms(sp.Indexed)}).free_symbols if not isinstance(x, sp.Dummy)}


def _maxima_over_summed_ranges(lhs, rhs):
    r"""``\max_j x_j`` written without a range takes the range of a sum over the same array in the claim
    (``\log\sum_{j=1}^{n} e^{x_j} \le \max_j x_j``: ``j`` runs over ``1..n`` on both sides), so the two are
    written out at the same size."""
    ranges = {}
    for node in lhs.atoms(sp.Sum) | rhs.atoms(sp.Sum):
        for v, lo, hi in node.limits:
            for element in node.function.atoms(sp.Indexed):
                if element.indices == (v,):
                    ranges.setdefault(element.base, (lo, hi))
    default = sp.Symbol("N", integer=True, positive=True)

    def summed_range(node):
        (index, lo, hi), = node.limits
        bases = {e.base for e in node.function.atoms(sp.Indexed) if e.indices == (index,)}
        found = {ranges[b] for b in bases if b in ranges}
        if hi != default or len(found) != 1:
            return node
        (new_lo, new_hi), = found
        return IndexMax(node.function, (index, new_lo, new_hi))

    return tuple(e.replace(lambda x: isinstance(x, IndexMax), summed_range) for e in (lhs, rhs))


_ONE_LETTER = re.compile(r"[A-Za-z](?:_.+)?")
"""A name that is one Latin letter, maybe subscripted (``p``, ``h_prev``), not a word (``exp``, ``sigma``)."""
_BARE_LOG = re.compile(r"\\log(?![A-Za-z_])")
r"""``\log`` written without a base subscript (``\log_2`` and ``\ln`` name theirs)."""


def _far_off(witness) -> bool:
    r"""Whether a refuted ``x \approx d\ldots`` (readers.notes.decimals' witness: ``value``, ``stated``) is off by
    more than ``REL`` of ``x`` as well as in its digits: an approximation is refuted only so far off
    (readers.notes.approximation)."""
    value, stated = (sp.Rational(witness[k].rstrip(".")) for k in ("value", "stated"))
    return value != 0 and abs(value - stated) > REL * abs(value)


_WRITTEN_ZERO = re.compile(r"\\(?:mathbf|boldsymbol|bm|vec|mathbb)\{0\}|\\vec\s*0|\\(?:mathbf|boldsymbol|bm)\{O\}")
r"""The zero vector or matrix as written: ``\mathbf{0}``, ``\boldsymbol{0}``, ``\vec{0}``, ``\mathbf{O}``."""


_DEFINING_SENTENCE = re.compile(r"\b(?:let|suppose|supposing|assume|assuming|given|consider|define|denote|write)\b"
                                r"[^.!?]*$", re.I)
"""A sentence that defines or supposes what it writes (its verb anywhere before the block in the sentence)."""


_BARE_NAME = re.compile(r"\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?")
"""An inline formula that is one name (``$k$``, ``$\\theta$``, ``$x_i$``): it carries no condition of its own."""


def _only_an_index(name, relation) -> bool:
    """Whether ``name`` appears in ``relation`` only as an index of its entries (``k`` of ``q[k] = 1/K``)."""
    entries = relation.atoms(sp.Indexed)
    return bool(entries) and any(name in e.indices for e in entries) and name not in relation.xreplace(
        {e: sp.Dummy() for e in entries}).free_symbols


def _earlier_used(section, exprs) -> dict:
    r"""The definitions of ``section.earlier`` (ended at a heading) that ``exprs`` name, and those their bodies name in
    turn; never a worked example's number (:func:`_worked_value`), which would confirm at that one point."""
    def names(es):  # ("symbols", name) of the plain names, ("arrays", name) of the arrays: z is not z_k
        es = [e for e in es if isinstance(e, sp.Basic)]
        arrays = {str(x.label) for e in es for x in e.atoms(sp.IndexedBase)}
        return {("symbols", str(x)) for e in es for x in e.free_symbols if str(x) not in arrays} \
            | {("arrays", a) for a in arrays}

    wanted, used = names(exprs), {}
    while True:
        more = {k: v for k, v in section.earlier.items() if k not in used
                and (v[0], str(getattr(v[1], "label", v[1]))) in wanted
                and not (v[0] == "symbols" and _worked_value(v[2]))}
        if not more:
            return used
        used.update(more)
        wanted |= names([v[2] if v[0] == "symbols" else v[2][1] for v in more.values()
                         if isinstance(v[2], sp.Basic) or isinstance(v[2], tuple) and len(v[2]) > 1])


def _as_entries(expr, used):
    """``expr`` with names like ``s_c`` written as entries ``s[c]`` of the earlier arrays ``used`` (a block read after
    the arrays' definitions ended parsed them as names of their own)."""
    arrays = {str(v[1].label): v[1] for v in used.values() if v[0] == "arrays" and isinstance(v[1], sp.IndexedBase)}
    if not arrays or not isinstance(expr, sp.Basic):
        return expr
    mapping = {}
    for x in expr.free_symbols:
        found = subscript(x.name) if isinstance(x, sp.Symbol) else None
        if found is not None and found[0] in arrays and all(i.free_symbols for i in found[1]):
            rank = len(next((v[2][0] for v in used.values() if v[1] is arrays[found[0]]), ()))
            if rank == len(found[1]):
                mapping[x] = arrays[found[0]][found[1]]
    return expr.xreplace(mapping) if mapping else expr


def _with_earlier(section, used):
    """A copy of ``section`` with the earlier definitions ``used`` (:func:`_earlier_used`) in force again."""
    out = _copy_section(section)
    for kind, key, value, owner in used.values():
        getattr(out, kind)[key] = value
        if owner is not None:
            out.owner[key] = owner
    return out


def _copy_section(section):
    from copy import copy

    out = copy(section)
    for name in ("symbols", "arrays", "functions", "derivatives", "owner", "conditions", "examples", "updates",
                 "in_place", "moved_on", "distributed", "laws", "entry_laws", "entry_independent", "recurrences",
                 "described", "stated", "witnesses", "contested", "integers", "finite", "withheld", "unreadable",
                 "written", "earlier", "properties", "data", "identities", "clauses"):
        setattr(out, name, copy(getattr(section, name)))
    out.functions = {name: list(cases) for name, cases in section.functions.items()}  # define() edits them in place
    return out


_SIGNS = ("positive", "nonnegative", "negative", "nonpositive", "nonzero")


def _stated_integers(parts, names):
    """``(lhs, rhs, conditions)`` with each real symbol whose name the prose calls an integer made an integer symbol
    of the same name (keeping its sign)."""
    lhs, rhs, conditions = parts
    if not names:
        return lhs, rhs, conditions
    found = {s for e in (lhs, rhs, *conditions) for s in getattr(e, "free_symbols", ())
             if isinstance(s, sp.Symbol) and s.name in names and not s.is_integer}
    swap = {s: sp.Symbol(s.name, integer=True, **{k: v for k, v in s.assumptions0.items() if k in _SIGNS and v})
            for s in found}
    if not swap:
        return lhs, rhs, conditions
    return lhs.xreplace(swap), rhs.xreplace(swap), [c.xreplace(swap) for c in conditions]


_SCALAR_LETTER = re.compile(r"(?:[a-z]|\\?(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|iota|kappa|lambda|"
                            r"mu|nu|xi|pi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega))(?![A-Za-z])")
r"""A lower-case Latin or Greek name: a scalar, whose inverse ``1/\tau_n^2`` may name it (``\mathbf{A}^{-1}`` is a
matrix's inverse, a claim about A)."""
_FOR_ALL = re.compile(r"\bfor\s+(?:all|every|each|any)\s+(?:(?:real|positive|negative|non-?negative|non-?zero|"
                      r"integer|natural|complex)\s+)?(?:(?:numbers?|values?|reals?|integers?)\s+)?\$", re.IGNORECASE)
r"""A claim said to hold for all values ("... $= \frac{\pi}{2}$ for all $x \ne 0$"): an identity, not an equation
in its names (which a failure at one value would not refute)."""
_REQUIRED = re.compile(r"\b(?:subject\s+to|s\.\s*t\.|such\s+that|requires?|need|must|should|constrain\w*|impos\w*|"
                       r"enforc\w*|want|solve|find|satisf\w*)", re.IGNORECASE)
"""Words that make an equation "for all $i$" a requirement (a constraint to meet), not a claim that it holds."""
_STATED_LAW_METHOD = "moments read from the stated law"
"""How a claim about moments of a variable with a stated law was read (readers.notes.laws, law_densities)."""
_MATRIX_IDENTITY = re.compile(r"(?:\\mathbf\{I\}|I)(?:_\{?[A-Za-z0-9]+\}?)?")
"""The identity matrix's names (``I``, ``I_n``, ``\\mathbf{I}``): beside declared matrices, never a name defined."""


def _first_value_text(content: str) -> str:
    r"""The LaTeX of the first value a block sets, after its first ``=`` up to a comma, a ``\quad``, ``\hspace``, a
    semicolon or a row break (``D = [...], \hspace{24pt} P = [...]``: D's value, not P's)."""
    value = content.split("=", 1)[1]
    return re.split(r",|;|\\(?:q?quad|hspace|\\)", value, maxsplit=1)[0]


def _solved_condition(block, symbols) -> tuple | None:
    r"""``(q, "=", p/(p - 1))`` for a condition that is one equation between names of a claim, ``\frac1p + \frac1q = 1``,
    with exactly one solution for one of them (the last written that has one): imposed by putting it in, as a value a
    "where" clause gives; None otherwise."""
    equation = _one_equation(block)
    if equation is None:
        return None
    lhs, rhs = equation
    names = {x.name for x in symbols if isinstance(x, sp.Symbol)}
    unknowns = [x for x in (lhs - rhs).free_symbols if isinstance(x, sp.Symbol)]
    if len(unknowns) < 2 or not all(x.name in names for x in unknowns) or (lhs - rhs).atoms(AppliedUndef, sp.Indexed):
        return None
    for x in sorted(unknowns, key=lambda x: x.name, reverse=True):
        found = within_cpu_seconds(lambda x=x: sp.solve(lhs - rhs, x), seconds=1.0)
        if found and len(found) == 1 and x not in found[0].free_symbols:
            return x, "=", found[0]
    return None


def _by_defined_entries(expr, arrays: dict):
    r"""``expr`` with each derivative with respect to an entry of a defined array (:math:`\partial L / \partial y_i`
    after :math:`y_i = \gamma\hat x_i + \beta`) taken first, so that the array's body is put in after it, never into
    the variable (sympy cannot differentiate with respect to :math:`\gamma\hat x_i + \beta`); one it cannot take
    (``L`` unknown, or a body that no longer writes ``y``: a definition stored with ``y``'s body put in, whose
    derivative in ``y`` is not 0) is masked by a placeholder, and ``(expr, {placeholder: derivative})`` gives it
    back after."""
    if not arrays or not isinstance(expr, sp.Basic):
        return expr, {}
    by_entries = [d for d in expr.atoms(sp.Derivative)
                  if any(isinstance(v, sp.Indexed) and v.base in arrays for v in d.variables)]
    if not by_entries:
        return expr, {}
    taken, masked = {}, {}
    for d in by_entries:
        written = all(isinstance(v, sp.Indexed) and v.base in d.expr.atoms(sp.IndexedBase) or not isinstance(
            v, sp.Indexed) or v.base not in arrays for v in d.variables)
        try:  # a body that no longer writes y (L's definition stored with y put in) is not "free of y": opaque
            value = d.doit() if written else d
        except (ValueError, TypeError, NotImplementedError):
            value = d
        if any(isinstance(v, sp.Indexed) and v.base in arrays for n in value.atoms(sp.Derivative) for v in n.variables):
            placeholder = sp.Dummy("d")
            taken[d], masked[placeholder] = placeholder, d
        else:
            taken[d] = value
    return expr.xreplace(taken), masked


def _sum_to_one(block) -> list:
    r"""``[(\sum_k y_k, "=", 1)]`` for a block that only states that an array sums to one (a condition the sampler
    imposes as the simplex, :func:`readers.notes.symbols._is_simplex_condition`), else []."""
    equation = _one_equation(block)
    if equation is None or not _is_simplex_condition(sp.Eq(*equation, evaluate=False)):
        return []
    lhs, rhs = equation
    return [(lhs, "=", rhs)]


def _role(steps, defined, updates) -> str:
    if any(s.role == "equation" for s in steps) and all(s.role == "equation" for s in steps):
        return "equation"
    if steps:
        return "claim"
    if defined:
        return "definition"
    if updates:
        return "update"
    return "no claim"


def _same_side(a, b) -> bool:
    return type(a) is type(b)


def _parsed_form(block) -> tuple:
    """Each row as sympy prints it (the parsed form the report shows)."""
    out = []
    for row in block.rows:
        if row.kind in ("empty", "prose") or not row.chain.exprs:
            continue
        parts = [_show(row.chain.exprs[0])]
        for rel, e in zip(row.chain.rels, row.chain.exprs[1:]):
            parts += [rel, _show(e)]
        text = " ".join(parts)
        if row.conditions:
            text += "  [" + ", ".join(_show(c) for c in row.conditions) + "]"
        out.append(text)
    return tuple(out)


def _explain(block) -> tuple:
    """How each symbol was read: a function, an array, an index, a size, a number (``--explain``)."""
    out = {}
    for row in block.rows:
        for e in list(row.chain.exprs) + list(row.conditions):
            if not isinstance(e, sp.Basic):
                continue
            for f in e.atoms(AppliedUndef):
                out.setdefault(f.func.__name__, f"function applied to {len(f.args)} argument(s)")
            for f in e.atoms(sp.Function):
                if not isinstance(f, AppliedUndef):
                    out.setdefault(type(f).__name__, "known function")
            for d in e.atoms(sp.Derivative):
                out.setdefault(_show(d), "derivative of " + _show(d.expr) + " in " +
                               ", ".join(_show(v) for v, _ in d.variable_count))
            for x in e.atoms(sp.Indexed):
                out.setdefault(_show(x.base.label), f"array with {len(x.indices)} index(es)")
            for x in e.free_symbols:
                if isinstance(x, sp.Symbol):
                    kind = "index (integer)" if x.is_integer and not x.is_positive else \
                        "size (positive integer)" if x.is_integer else "real variable"
                    out.setdefault(x.name, kind)
            if e.has(sp.E):
                out.setdefault("e", "Euler's number")
            if e.has(sp.I):
                out.setdefault("i", "imaginary unit")
    return tuple(f"{k}: {v}" for k, v in sorted(out.items()))


def _one_argument(cases):
    """``(x, body)`` of a function the notes define once, of one plain argument (``h(x) = x^3``), else None."""
    if len(cases) != 1 or len(cases[0][0]) != 1 or not isinstance(cases[0][0][0], sp.Symbol):
        return None
    return cases[0][0][0], cases[0][1]


def _function_of(derivative, functions):
    r"""The body of ``f`` in ``\frac{\partial f}{\partial x}`` when ``f`` is a bare name the notes define as a
    function of ``x`` (``\ell(z) = ...``, then ``\partial \ell / \partial z``), else None."""
    name = derivative.expr
    if not isinstance(name, sp.Symbol) or name.name not in functions or name in derivative.variables:
        return None
    params, body = functions[name.name][0]
    variables = [v for v, _ in derivative.variable_count]
    if not all(isinstance(v, sp.Symbol) and v in params for v in variables):
        return None
    return body


def _agreement(catalog_id, catalog, comparison, frag) -> StepReport:
    """A definition that agrees with the catalog formula it states: confirmed, naming the formula (proved
    when the comparison was symbolic, verified when it rests on sampled points)."""
    title = next((f.title for f in catalog if f.id == catalog_id), catalog_id)
    kind = "proved" if comparison.reason.startswith("symbolic") else "verified"
    return StepReport(lhs=catalog_id, rel="=", rhs=f"the standard {title}", verdict=kind, role="definition",
                      method=f"agrees with the standard {title} ({catalog_id}): {comparison.reason}"[:300],
                      line=frag.content_line)


_CONSTANT = re.compile(r"\bconstants?\b", re.I)
"""The prose calls the names constants: a moment of them (``E[a] = a``, ``Var[a] = 0``) is a moment of constants."""
_ANY_VARIABLE = sp.Symbol("X_{any}")
"""A random variable the claim does not mention: its moments of constants hold under every distribution of it."""


_NO_VALUE = ("term test", "symbolic: one-sided limits")
r"""Refutations at a point where one side has no value (a divergent series, a limit whose one-sided limits
differ): the kind an implicit domain rules out (``\sum_\tau \beta^\tau`` at ``\beta = -1``), so outside the
narrower domain and with the narrower check undecided they refute nothing."""


def _function_named(content: str) -> str | None:
    r"""The name of a known function when ``content`` is that name alone (``\tanh``, ``\log``, ``\max``,
    ``\operatorname{softmax}``), else None: prose mentions a function so, and it is neither a claim nor an error."""
    m = re.fullmatch(r"\s*\\(?:operatorname\{([A-Za-z]+)\}|mathrm\{([A-Za-z]+)\}|([A-Za-z]+))\s*", content)
    name = m and next(g for g in m.groups() if g)
    return name if name and (name in LATEX_FUNCTIONS or name in OPAQUE_FUNCTIONS or name in MAXMIN) else None


def _inside(counterexample, free, where) -> bool:
    r"""Whether a refutation's counterexample gives every name of ``free`` a number satisfying ``where(name)``
    (``0 < \beta < 1``): then the claim fails inside that narrower domain too, whatever a narrower check says."""
    if not counterexample:
        return False
    for x in free:
        written = counterexample.get(_show(x), counterexample.get(str(x)))
        try:
            value = sp.Rational(Fraction(str(written)))
        except (TypeError, ValueError, ZeroDivisionError):
            return False
        if not all(bool(r.subs(x, value)) for r in where(x)):
            return False
    return True


def _differentiated_first(symbols: dict, expr, written=None):
    r"""``expr`` with its derivatives by names that have a definition taken before the definition is substituted:
    after $s = t^2$, $\frac{\partial}{\partial s}(s^2 + 3s)$ is $2s + 3$, then $2t^2 + 3$.  Other defined names
    in the expression are expanded first (readers.notes.named_intermediates: $\partial L/\partial z$ of a defined
    $L$ is not 0), unless the variable reaches it both directly and through them (kept as before)."""
    def ready(d):  # an unknown function inside waits for its definition (the chain rule would run through Given)
        return isinstance(d, sp.Derivative) and any(v in symbols for v, _ in d.variable_count) \
            and not d.expr.atoms(AppliedUndef) and not through_written(d, symbols, written or {})

    return expr.replace(ready, lambda d: d.doit()) if any(map(ready, expr.atoms(sp.Derivative))) else expr


def _numbered(x) -> bool:
    """``w_1``, ``w_{2}``: a name with a number for its subscript (a label, not an iteration index)."""
    return isinstance(x, sp.Symbol) and re.search(r"_\{?\d+\}?$", x.name) is not None


def _parameters(lhs) -> set:
    """The names a function definition binds: the free symbols of ``f(args)``'s arguments (none for a name)."""
    return set().union(*(a.free_symbols for a in lhs.args)) if isinstance(lhs, AppliedUndef) and lhs.args else set()


def _not_differentiated(symbols: dict, expr) -> dict:
    r"""The definitions to substitute in ``expr``, without the names it differentiates by: after
    $v = \sigma^2$, $\frac{\partial}{\partial v} \log p(x \mid \mu, v)$ differentiates by ``v`` (the variance as a
    variable), never by the expression ``sigma**2``."""
    variables = {v for d in expr.atoms(sp.Derivative) for v, _ in d.variable_count}
    return {k: v for k, v in symbols.items() if k not in variables} if variables & set(symbols) else symbols


def _named_value(block):
    r"""``(name, "=", value)`` when ``block`` is one equation giving a plain name a value (``A = \tau``, ``B = \tau\mu``,
    as a "where" clause after a display names its letters), else None."""
    equation = _one_equation(block)
    if equation is None:
        return None
    name, value = equation
    return (name, "=", value) if isinstance(name, sp.Symbol) and name not in value.free_symbols else None


def _one_equation(block) -> tuple | None:
    """``(lhs, rhs)`` when ``block`` is one row stating one equation, else None."""
    rows = [r for r in block.rows if r.kind not in ("empty", "prose")]
    if len(rows) != 1 or rows[0].continued or list(rows[0].chain.rels) != ["="]:
        return None
    lhs, rhs = rows[0].chain.exprs
    return lhs, rhs


def _undecided(report, reason, role=None):
    return StepReport(**{**report.__dict__, "verdict": "undecided", "reason": reason, "counterexample": None,
                         **({"role": role} if role else {})})


def _withdrawn(steps, why, role=None) -> list:
    """``steps`` with each refuted one made ``undecided`` for the reason ``why(step)`` (a reading that may not be the
    author's, a claim that holds where the prose says); the others as they are."""
    return [_undecided(s, why(s), role) if s.verdict == "refuted" else s for s in steps]


def _ambiguous(refuted, other, failing: str, reading: str):
    """``refuted`` made ``undecided (ambiguous: ...)`` because ``other``, the same step under another reading (None
    when it could not be checked), does not fail: the reason shows both readings."""
    verdict = other.verdict if other is not None else "undecided"
    return _undecided(refuted, f"ambiguous: {failing} ({refuted.reason[:100]}); {reading} it is {verdict}"
                               f"{': ' + other.reason[:100] if other is not None and other.reason else ''}")


_OPAQUE_HEAD = re.compile(r"[A-Za-z](_\{?[A-Za-z0-9]+\}?)?")
"""Unknown functions read as opaque values: a letter, maybe subscripted (``P``, ``p_{data}``, ``p_g``)."""


def _opaque(lhs, rhs):
    r"""Applications of functions the notes never define (``p_{data}(x)``) as opaque values, one symbol
    per distinct application, when no derivative, sum, integral or limit in the claim binds their arguments:
    ``(lhs, rhs, {application: symbol})``."""
    found = {f for e in (lhs, rhs) for f in e.atoms(AppliedUndef)
             if not isinstance(f, (Given, PlusMinus)) and not f.func.__name__.endswith("'")}
    if not found:
        return lhs, rhs, {}
    varied = {v for e in (lhs, rhs) for d in e.atoms(sp.Derivative) for v, _ in d.variable_count}
    bound = {v for e in (lhs, rhs) for s in e.atoms(sp.Sum, sp.Product, sp.Integral) for v, *_ in s.limits}
    bound |= {lim.args[1] for e in (lhs, rhs) for lim in e.atoms(sp.Limit)}  # f(x) under lim_{x -> c}: not one value
    for f in found:
        if f.free_symbols & (varied | bound) or any(isinstance(a, Given) for a in f.args) or f.atoms(sp.Indexed) \
                or not _OPAQUE_HEAD.fullmatch(f.func.__name__) or not all(is_name(a) for a in f.args):
            return lhs, rhs, {}
    mapping = value_symbols(found, _show, lhs.free_symbols | rhs.free_symbols, suffix="_")  # one-to-one
    return lhs.xreplace(mapping), rhs.xreplace(mapping), mapping


_TO_SOLVE = re.compile(r"\b(for (what|which)( values?( of)?)?\b|solv(e|es|ing)\b)", re.I)
"""Prose that poses the formula as an equation to solve (``for what $p$ does ... hold``), not an identity."""
_SET_TO_ZERO = re.compile(r"\bset(?:s|ting)?\s+(?:it|this|them|that|the\s+\w+(?:\s+\w+)?)\s+(?:equal\s+)?(?:to\s+)?"
                          r"(?:zero|0)\b", re.I)
"""Prose that says which equation is solved: "set it equal (to) zero", "setting the derivative to zero"; a link of
the display with no zero side is then a computation on the way, not that equation."""
_NOTATION = re.compile(r"\b(notations?|(is|are) (also )?(written|denoted)|denotes?)\b", re.I)
"""Prose that presents the formula as a list of spellings of one thing, not as a claim about values."""
_TAKING_LOG = re.compile(r"\b(?:tak(?:e|es|ing)|apply(?:ing)?)\s+(?:the\s+)?(?:natural\s+)?log(?:arithm)?s?\b|"
                        r"\blog(?:arithm)?s?\s+of\s+(?:both\s+sides|the|this|it)\b", re.IGNORECASE)
"""Prose that takes the logarithm of what was defined: the block after it restates that definition."""
_BOLD = re.compile(r"\\(?:mathbf|boldsymbol|bm|pmb|mathbfit|vec)\{")
"""Bold and arrowed names: vectors and matrices by the usual convention."""


def _not_positive(value) -> bool:
    """Whether a counterexample's coordinate (a number, or its text: ``-1``, ``1/2``, ``0.25``) is at most 0."""
    try:
        return Fraction(str(value)) <= 0
    except (ValueError, ZeroDivisionError):
        return False


def _matrix_names(lhs, rhs) -> list[str]:
    r"""The names in a claim that are vectors or matrices: bold (``\mathbf{A}``, ``\boldsymbol\Sigma``) or
    arrowed symbols standing alone (an element ``\mathbf{x}_i`` is a scalar), and anything transposed.
    Checking them as scalars would refute true matrix identities (``(AB)^{-1} = B^{-1}A^{-1}``)."""
    bare = [e.xreplace({x: sp.Dummy() for x in e.atoms(sp.Indexed)}) for e in (lhs, rhs)]
    if not any(e.has(sp.Derivative) for e in bare):  # h(\mathbf{x}) in log f(x) = log h(x) + ...: one value each
        bare = [e.xreplace({f: sp.Dummy() for f in e.atoms(AppliedUndef) if _OPAQUE_HEAD.fullmatch(f.func.__name__)
                            and all(isinstance(a, sp.Symbol) for a in f.args)}) for e in bare]
    out = {_show(x) for e in bare for x in e.free_symbols if isinstance(x, sp.Symbol) and _BOLD.match(x.name)}
    out |= {_show(f.args[0]) for e in (lhs, rhs) for f in e.atoms(AppliedUndef) if f.func.__name__ == "transpose"}
    return sorted(out)


def _rests_on_opaque(lhs, rhs, opaque) -> bool:
    r"""Whether ``lhs - rhs`` still depends on an opaque value once expanded: then a failure says only that
    the claim fails for *some* function, and the notes' function (``E[X]``, a density ``p(x, y)``) has a
    meaning they do not write down; a difference free of the opaque values fails for every function."""
    if not opaque:
        return False
    try:
        difference = sp.expand(sp.together(lhs - rhs))
    except Exception:  # sympy raises many kinds on unusual trees: keep the conservative reading
        return True
    return bool(difference.free_symbols & opaque)


def _catalog():
    from symbolic import all_formulas

    return all_formulas(), ""


def _is_differential(word: str, before: str) -> bool:
    r"""Whether ``word`` is the differential ``dx`` of an integral opened earlier on its line (``before``)."""
    return word.startswith("d") and len(word) <= 3 and "\\int" in before


def _a_term(before: str) -> bool:
    r"""Whether a word whose line reads ``before`` up to it is a term of an expression, not a left side: ``iy`` in
    ``z = x + iy = re^{i\theta}`` follows an operator, so it is ``i y`` in a chain, not the definition of a word."""
    return re.search(r"(?:[-+*/=^_(|]|\\cdot|\\times)\s*$", before) is not None


def _vocabulary(text: str, catalog) -> frozenset:
    """Multi-letter names: catalog symbols and outputs, and words the notes define (``ACC = ...``, a run of capitals
    with a subscript ``PE_{(pos, 2i)} = ...``)."""
    # the whole left side of its row: ``2ax = (a+a)x`` does not define ``ax``
    # ... nor does the differential of an integral: ``\int_a^b f(x) \;dx = ...`` does not define ``dx``
    words = set()
    for m in re.finditer(r"(?:^|(?<=[\s$&{,;]))([A-Za-z][A-Za-z0-9]+)\s*&?\s*(?:=|\\coloneqq)", text, re.M):
        before = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        if not _is_differential(m.group(1), before) and not _a_term(before):
            words.add(m.group(1))
    for m in re.finditer(r"(?:^|(?<=[\s$&{,;]))([A-Z]{2,4})_(?:\{[^{}]*\}|[A-Za-z0-9])\s*&?\s*(?:=|\\coloneqq)",
                         text, re.M):  # PE_{(pos, 2i)} = ..., SNR_t = ...: a run of capitals defined with a subscript
        line = text[text.rfind("\n", 0, m.start()) + 1:m.start()] + text[m.end():text.find("\n", m.end()) % (len(text) + 1)]
        if not all(re.search(r"(?<![A-Za-z\\])" + c + r"(?![A-Za-z])", line) for c in set(m.group(1))):
            words.add(m.group(1))  # but AB_{ij} = \sum_k A_{ik} B_{kj}: the product of the matrices written alone
    for f in catalog:
        words.update(v.name for v in f.variables)
        words.update(o.name for o in f.outputs)
        words.update(str(d.lhs) for d in f.definitions if isinstance(d.lhs, sp.Symbol))
    return frozenset(w for w in words if re.fullmatch(r"[A-Za-z][A-Za-z0-9]+", w))


@dataclass
class _Section:
    """What is in force: definitions from their block to the end of the document (a later section's
    definition of the same name shadows them); conditions to the next heading or problem; examples for their
    paragraph and the display it introduces, within their problem (readers.notes.problem_boundaries)."""

    number: int = -1
    symbols: dict = field(default_factory=dict)  # Symbol -> body
    written: dict = field(default_factory=dict)  # Symbol -> (right side as written, its body), IndexedBase -> (indices,
    # right side as written, its arrays record): named_intermediates
    arrays: dict = field(default_factory=dict)  # IndexedBase -> (index symbols, body)
    functions: dict = field(default_factory=dict)  # name -> [(params, body)]
    derivatives: dict = field(default_factory=dict)  # Derivative -> body
    identities: dict = field(default_factory=dict)  # P(A|B) -> (rhs, line, section number) of a proved identity
    # (readers.notes.stated_identities), read in that section only
    owner: dict = field(default_factory=dict)  # defined name -> (section number, line)
    limit: tuple | None = None  # (variable, points, paragraph)
    conditions: list = field(default_factory=list)  # (relation, shown, line): to the next heading
    data: list = field(default_factory=list)  # of those, properties of the data ("the label is one-hot, so $\sum_k
    # y_k = 1$": readers.notes.data_properties): in force to the end of the document
    examples: list = field(default_factory=list)  # (name, value, paragraphs, list items): see leave_items
    updates: set = field(default_factory=set)  # names set by an update or a recurrence (document)
    in_place: set = field(default_factory=set)  # of those, names updated in place (W = W - ...), not x_t = f(x_{t-1})
    moved_on: set = field(default_factory=set)  # in-place names of an earlier section: w_1 here is not w's step
    recurrences: dict = field(default_factory=dict)  # base name -> readers.notes.recurrences.Recurrence (document)
    described: set = field(default_factory=set)  # names given a property (A = A^T): never defined afresh (document)
    witnesses: set = field(default_factory=set)  # names bound "for some" (readers.notes.witnesses): to the next heading
    unreadable: dict = field(default_factory=dict)  # name -> line, set in a block that did not parse (to next heading)
    withheld: set = field(default_factory=set)  # names of a condition not assumed ("unless", "or"): to the next heading
    integers: set = field(default_factory=set)  # names the prose calls integers ("$n$ is an integer"): to the next heading
    stated: dict = field(default_factory=dict)  # shape of a left side -> [(rhs, line)] (readers.notes.restatements)
    distributed: set = field(default_factory=set)  # random variables given a distribution (section)
    laws: dict = field(default_factory=dict)  # variable name -> readers.notes.laws.Law (section)
    entry_laws: dict = field(default_factory=dict)  # (base, rank) -> Law of each entry m_i (readers.notes.entry_laws)
    entry_independent: set = field(default_factory=set)  # of those keys, laws the prose calls independent
    independent: set = field(default_factory=set)  # names of laws stated in prose that calls them independent (section)
    equation: tuple | None = None  # (lhs - rhs, paragraph, line): the last equation in an unknown
    objective: dict | None = None  # the last \min_w F of the section: a stated w^\star is its optimum
    seen: frozenset = frozenset()  # names used in this section so far
    valued: frozenset = frozenset()  # one-letter names a block of this section used as values (value_letters)
    finite: dict = field(default_factory=dict)  # name -> values: y \in \{-1, 1\} (readers.notes.finite_values)
    finite_entries: dict = field(default_factory=dict)  # letter -> values: x_i \in \{0, 1\} (finite_entries)
    widened: tuple = ()  # conditions a restated bound may have dropped ("For $x > 0$:" after $0 < x < 1$): to the next
    # heading or condition; a confirmation must hold without them too (Reader.assume)
    contested: dict = field(default_factory=dict)  # name -> (lhs, rhs, line): a row that read both as a failing
    # claim about the name and as its new definition (document): later failures are read with it defined anew too
    earlier: dict = field(default_factory=dict)  # key -> (kind, base or name, value, owner): a local name's or an
    # array's definition that ended at a heading; it may only confirm a later claim (earlier_readings)
    properties: dict = field(default_factory=dict)  # parameter -> the property of a function that binds it
    # ("f is L-smooth if ...": readers.notes.function_properties), to the next heading
    problem: int = 0  # the problem (readers.notes.problem_boundaries) the examples were set in: they end with it
    clauses: dict = field(default_factory=dict)  # name -> (body, written, owner) before a where-clause bound it anew
    # for the definition it follows (readers.notes.where_clauses): restored at the next heading

    def enter(self, number: int) -> None:
        """A new heading: conditions, examples, limits and equations end; definitions stay."""
        self.number, self.limit, self.examples, self.equation = number, None, [], None
        for key, kept in self.clauses.items():  # "L = ... with y = wx + b": the clause's y ends with its section
            for table, value in zip((self.symbols, self.written, self.owner), kept):
                if value is None:
                    table.pop(key, None)
                else:
                    table[key] = value
        self.clauses = {}
        self.conditions = list(self.data)  # a property of the data holds for the document (data_properties)
        self.finite, self.finite_entries, self.widened = {}, {}, ()
        self.witnesses = set()
        self.unreadable = {}
        self.withheld = set()
        self.properties = {}
        self.integers = set()
        self.objective = None
        self.distributed = set()  # X \sim ... is a condition: in force to the next heading
        self.laws, self.entry_laws, self.entry_independent = {}, {}, set()
        self.independent = set()
        self.seen = frozenset()
        self.valued = frozenset()
        for key in [k for k in self.symbols if _local_name(k) or _worked_value(self.symbols[k])]:
            # x, mu: reused per section in notes; sigma_z = 0.0, a worked example's number, is not sigma_z later on
            self.earlier[key] = ("symbols", key, self.symbols.pop(key), self.owner.pop(key, None))
        for key in list(self.arrays):
            self.earlier[key] = ("arrays", key, self.arrays.pop(key), self.owner.pop(key, None))
        # w <- w - eta g in one section: w_1, w_2 of a later section's network are weights of their own, not its
        # steps (x_k, x_{k+1} of a later section still are: an index letter, not a number)
        self.moved_on = {n for n in self.in_place if _local_name(sp.Symbol(n))}

    def leave_items(self, items: tuple) -> None:
        """Examples set inside a list item end where another item begins (``1. ... you can set $b = 0$`` is
        that exercise's example, not the next exercise's): an example is dropped once the block read now sits in
        a list item (``items``, outermost first) that is neither the example's item, nor inside it, nor around
        it.  Prose after the list (no item, or the enclosing item's text) keeps it: ``- take $b = 0$`` in a list
        of settings may be what the display after the list uses."""
        self.examples = [e for e in self.examples if items[:len(e[3])] == e[3][:len(items)]]

    def defined_here(self, key) -> bool:
        return key in self.owner and self.owner[key][0] == self.number


@dataclass
class _Claim:
    lhs: sp.Basic
    rel: str
    rhs: sp.Basic
    conditions: tuple
    line: int
    zero_based: bool = False
    redefinition: str = ""  # the claim also reads as a new definition of this name
    shown_lhs: str = ""  # the name the notes wrote, when lhs is its value (a stated fact of a law)
    read_as: str = ""  # how lhs was read (``mu_X read as the mean of Bernoulli(p)``)
    unambiguous: bool = False  # read_as names a law with one parametrisation in use: a failure refutes
    one_by_one: bool = False  # checked in the 1x1 case of matrices of free sizes: a success proves nothing
    at_sizes: object = None  # the same claim checked on matrices of several sizes (a StepReport), if it could be
    chain: tuple = ()  # the = links (lhs, rhs) of the claim's chain: a system when one sets a number (systems.py)
    premise: tuple = ()  # the relations P of an implication P \Rightarrow Q whose conclusion this is (premises.py)
    tentative: str = ""  # a reading the layout suggests (continued_displays, function_families): a failure refutes nothing
    recurrence: object = None  # the recurrence the claim's chain opens with (readers.notes.chained_recurrences)


class _NotesReader(_CatalogMatch):
    rule_row = None  # the row's premise binding a function to others the note leaves free (readers.notes.rule_rows)

    def __init__(self, names, catalog, catalog_error, budget, check_step, functions=frozenset()):
        self.matrix_claims = MatrixClaims("")  # check_notes gives it the note's text
        self.names, self.catalog, self.catalog_error = names, catalog, catalog_error
        self.budget, self.check_step = budget, check_step
        self.document_functions = frozenset(functions)
        self._level_letters = None  # readers.notes.superscript_levels, read once per document
        self.written_vectors = {}  # name -> MatrixLiteral: vectors written entry by entry (readers.notes.entry_norms)
        self.vector_families = {}  # name family -> line: names written out as vectors (readers.notes.vector_values)
        self.sigmoid_context = False  # the notes speak of the sigmoid: an undefined sigma(x) is the sigmoid
        self.clause_condition = None  # (relations, fragment) of an inline "when $D < 0$" the next block may end
        self.euler_context = False  # the notes name Euler's constant: an undefined gamma may be it
        self.operator_stated = False  # the notes call D a (differentiation) operator
        self.simplex_vectors = []  # (line, name, one-hot): vectors the prose declares probability vectors
        self.line = 0  # the line of the block being read
        self.unread_conditions = set()
        self.position = (0, 0)  # its line and column: a declaration before it on its line is in force
        self.latex, self.elided = "", {}  # the block's text and its decimals whose digits go on (decimals.py)
        self.prose = ""  # its sentence, and for a display the sentence introducing it
        self.pending_updates = []  # names an update chain (w <- ... = ...) assigns, applied after its claims
        self.catalog_stated = set()  # sections in which a block stated a catalog formula (and did not disagree)
        self.display_tail = None  # the last side of the last display read (readers.notes.continued_displays)
        self.rows_tail = None  # the last side rows() read
        self.einstein_stated = False  # the notes name the Einstein summation convention
        self.test_levels = frozenset()  # alpha, beta named the significance level, type II error (hypothesis_tests)
        self.section = _Section()
        self.propto_forms = ProportionalForms()  # readers.notes.proportional_forms
        self.densities = DensitySheet()  # facts stated about a density the section defines
        self.lines = []  # the note's text, line by line
        self.properties = []  # this block's rows that give a name a property (A = A^T)
        self.definition_steps = []  # definitions of this block confirmed as claims too (definition_as_claim)
        self.component_functions = ComponentFunctions()  # functions of a vector by its components
        self.entry_links = {}  # entry letter -> (matrix name, section): A = (a_{ij}) (readers.notes.determined)
        self.vector_functions = {}  # f(\mathbf{x}) written in x's entries (readers.notes.component_derivatives)
        self.recent_entries = None  # (base, indices, line) of the last entry definition (readers.notes.restricted_entries)
        self.restricted = {}  # base -> "k != c": entry definitions the notes restrict to some indices
        self.restricted_users = {}  # name -> (bases, bases summed) its definition writes of those families
        self.claim_vectors = set()  # the vectors of the claim being checked (symbols.array_arguments): expand
        self.event_values = EventValues()  # probabilities the notes give as numbers (readers.notes.event_values)
        self.operators_named = frozenset()  # names the prose calls operators (readers.notes.mappings)
        self.scopes = Scopes([])  # theorem, proof, example environments (readers.notes.environments)
        self.problem_starts = []  # lines that begin a new problem (readers.notes.problem_boundaries)
        self.e_defined = 0  # the line where the notes define the letter e as a quantity (readers.notes.letter_e)
        self.e_ambiguous = False  # ... and also raise it to symbolic powers after: e is both
        self.e_section = None  # the section of that definition, when the powers only come after its heading
        self.section_starts = {}  # section number -> line of its first block
        self.matrix_read = False  # a claim of this block was read as matrix algebra (readers.notes.matrices)
        self.displays = []  # (content, section, last line, first line) of the last displays (solved_values)
        self.displays_above = []  # ... of them, those above the block being read, in its section, nearest first
        self.solving = False  # a solved value's equation is being read (no solved reading inside it)
        self.aside_matrix_read = False  # ... and it was read as matrix algebra
        self.sentence_conditions = SentenceConditions()  # conditions that end with their sentence (condition_scope)

    # ** one block **

    def fragment(self, frag: Fragment) -> BlockReport:
        self.line, self.pending_updates, self.matrix_read = frag.line, [], False
        self.position = (frag.line, frag.column)
        self.displays_above = [d for d in reversed(self.displays) if d[1] == frag.section]
        if frag.kind == "display":
            self.displays = (self.displays + [(frag.content, frag.section, frag.line + frag.source.count("\n"),
                                               frag.line)])[
                -solved_values.DISPLAYS_BACK:]
        quantified = trailing_quantifier(frag.content)
        if quantified is not None:  # \forall x > 0: log x < x, read as its claim on that domain (quantifiers)
            frag = dataclasses.replace(frag, content=quantified)
        predicate = stated_predicate(frag.content, one_variable)
        if predicate is not None:  # x e^{-x} \text{ is at most } 1/e: the relation the words state (predicates)
            frag = dataclasses.replace(frag, content=predicate)
        self.latex, self.elided = frag.content, decimals.elided_decimals(frag.content)
        self.prose = frag.sentence + (" " + run_introduction(self.lines, frag.line) if frag.kind == "display" else "")
        self.scopes.at(frag.line, self.saved_scope, self.restore_scope)  # an example's f ends with the example
        if frag.section != self.section.number:
            self.section.enter(frag.section)
            if self.e_section is not None and frag.section != self.e_section:  # the quantity e ends at the heading:
                self.e_section, self.e_ambiguous = None, True  # from here on, both readings (readers.notes.letter_e)
                self.names = self.names - {"e"}
                for key in [k for k in self.section.symbols if getattr(k, "name", None) == "e"]:
                    del self.section.symbols[key]
        problem = problem_of(self.problem_starts, frag.line)
        if problem != self.section.problem:  # "So $x = y = 5$." is problem 1's: problem 2 is not read at x = y = 5,
            # nor is its first equation a step from problem 1's last one, nor does its "Let $x > 0$" hold there
            self.section.problem, self.section.examples, self.section.equation = problem, [], None
            self.section.conditions, self.section.widened = [], ()
        self.sentence_conditions.lapse(self.section, frag)  # "For $x < 0$ we have $$...$$": ended with the sentence
        base = {"line": frag.line, "source": frag.source, "kind": frag.kind, "heading": frag.heading}
        self.release_declared(frag)
        if frag.kind == "inline":
            self.define_angle(frag)
            self.release_generic(frag)
            self.release_renamed(frag)
        try:
            try:
                block = self.parse(frag.content, frag)
            except LatexParseError as exc:  # a cases environment that lists claims (readers.notes.case_lists)
                listed = as_aligned(frag.content) if "a case must be" in str(exc) else None
                if listed is None:
                    raise
                block = self.parse(listed, frag)
                frag = dataclasses.replace(frag, content=listed)
        except LatexParseError as exc:
            named = _function_named(frag.content) or operator_named(frag.content)
            if named is not None:  # "the activation $\tanh$", "where $\odot$ is": a mention, nothing to check
                return BlockReport(**base, parsed=True, role="no claim", parsed_form=(named,))
            listing = self.listing(frag)
            if listing is not None:  # an algorithm typeset as math (readers.notes.algorithm_listings)
                return BlockReport(**base, parsed=True, role="no claim", parsed_form=listing,
                                   warnings=(algorithm_listings.NOTE,))
            stated = self.definite_condition(frag, base)
            if stated is not None:  # A \succ 0 with A written out: conditions on its entries (definite_matrices)
                return stated
            name = unreadable_set_name(frag.content)
            if name is not None:  # A = \operatorname{diag}(3, 1): A has a value this reader could not read
                self.section.unreadable[name] = frag.line
            return BlockReport(**base, parsed=False, error=str(exc), role="unparsed")
        before = text_before(self.lines, frag.kind, frag.line, frag.column)
        if mentioned_not_asserted(before):
            return BlockReport(**base, parsed=True, role="no claim", parsed_form=(" ".join(frag.content.split()),))
        if sought_equation(before, [rel for row in block.rows if row.kind not in ("empty", "prose")
                                    for rel in row.chain.rels]):
            # "the roots of $z^2 + 2z - 3 = 0$ are": posed for its unknown, not a claim at the value set before
            return BlockReport(**base, parsed=True, role="equation", parsed_form=(" ".join(frag.content.split()),))
        if not self.e_defined and "e" not in self.names and letter_e.defines_quantity_e(block):
            later = [n for n in self.section_starts if n > frag.section]
            here, after = letter_e.section_powers(self.lines, frag.line,
                                                  self.section_starts[min(later)] if later else None)
            self.e_defined, self.e_ambiguous = frag.line, here
            self.e_section = frag.section if after and not here else None
            if self.e_ambiguous:  # e = t - o here, e^{-x} later: the row defines nothing (readers.notes.letter_e)
                return BlockReport(**base, parsed=True, role="no claim", parsed_form=(" ".join(frag.content.split()),),
                                   warnings=(letter_e.BOTH,))
            self.names = self.names | {"e"}  # from here on e is a name of the notes
            block = self.parse(frag.content, frag)
        pending, self.clause_condition = self.clause_condition, None
        if pending is not None and frag.kind == "inline" and _BARE_NAME.fullmatch(frag.content.strip()):
            self.clause_condition = pending  # "If $q_k = 1/K$ for every $k$ then ...": a name quantified in passing
        saved = list(self.section.conditions)
        governed = pending is not None and (
            frag.kind == "display" and continues_sentence(self.lines, pending[1], frag)
            or frag.kind == "inline" and governs_inline(self.lines, pending[1], frag))
        if governed:
            # "When $D < 0$, then the roots are complex and the rate is $$...$$": the clause governs that display;
            # "It converges when $0 < \eta < 2/a$, since then $|1 - \eta a| < 1$": and that formula
            self.section.conditions += [(r, _show(r), pending[1].line) for r in pending[0]]
        otherwise = self.otherwise_case(frag)
        try:
            report = self.densities.review(block, frag, self.read(block, frag, base), self.section.conditions,
                                           self.lines)
            report = stated_laws.review(block, frag, report, [c[0] for c in self.section.conditions], self.lines,
                                        self.expand)
            if otherwise is not None:
                report = self.otherwise_report(block, frag, base, report, otherwise)
            if self.matrix_read and report.steps:  # (AB)^T = B^T A^T read as matrices: shown in their order
                report = dataclasses.replace(report, parsed_form=tuple(f"{r.lhs} {r.rel} {r.rhs}" for r in report.steps))
            if any(r.verdict in ("refuted", "proved", "verified") for r in report.steps) \
                    and slash_products.writes_slash_product(frag.content):
                report = self.slash_report(frag, base, report)
            if self.e_ambiguous and letter_e.writes_letter_e(frag.content) \
                    and not letter_e.only_euler_powers(frag.content):  # e^{-x} alone: Euler's number
                report = dataclasses.replace(report, steps=tuple(_withdrawn(
                    report.steps, lambda r: letter_e.ambiguous_reason(self.e_defined, r.reason))))
            self.sentence_conditions.read(frag, report.role)  # a condition after it is a claim's or a declaration
            if governed and frag.kind == "inline" and self.clause_condition is None:
                self.clause_condition = pending  # "If $g_t = g$, then $m_t = ...$ and $\hat m_t = g$": every formula
            return report  # of the sentence that follows it (governs_inline: none after "or", "but", "unless")
        except Exception as exc:  # noqa: BLE001 - a failure of ours is never a verdict on the notes
            step = StepReport(lhs=" ".join(frag.content.split())[:80], rel="", rhs="", verdict="undecided",
                              reason=f"internal error while reading this block: {type(exc).__name__}: {exc}"[:300],
                              line=frag.content_line)
            return BlockReport(**base, parsed=True, steps=(step,), role="claim")
        finally:
            if pending is not None:  # the clause's conditions end with that display
                self.section.conditions = [c for c in self.section.conditions if c in saved or c[2] != pending[1].line]
            if otherwise is not None:  # a case split ends with its otherwise
                self.section.conditions = [c for c in self.section.conditions if c not in otherwise[0] + otherwise[1]]

    def slash_report(self, frag, base, report):
        """``report`` of a block writing ``a/b`` before a factor (readers.notes.slash_products), read again with the
        slash binding first: where one reading fails and the other does not, its refutations, or its confirmations,
        are made ``undecided (ambiguous)``; a refutation also where the other reading could not be checked."""
        text = slash_products.left_fractions(frag.content)
        other = dataclasses.replace(frag, content=text)
        try:
            steps = self.read(self.parse(text, other), other, base).steps
        except Exception:  # noqa: BLE001 - the other reading could not be checked: it may hold
            steps = ()
        fails_here = any(r.verdict == "refuted" for r in report.steps)
        fails_there = any(r.verdict == "refuted" for r in steps)
        if fails_here == fails_there and (steps or not fails_here):
            return report
        if fails_here:
            held = "not refuted" if steps else "not checked"
            return dataclasses.replace(report, steps=tuple(_withdrawn(
                report.steps, lambda r: slash_products.REASON.format(failing=r.reason[:80], other=held))))
        failing = next(r for r in steps if r.verdict == "refuted")
        why = slash_products.HOLDS_ONE_WAY.format(failing=failing.reason[:80])
        return dataclasses.replace(report, steps=tuple(
            _undecided(r, why) if r.verdict in ("proved", "verified") else r for r in report.steps))

    def otherwise_case(self, frag):
        """``(case, negation, strict)`` for a block introduced by *otherwise* (readers.notes.otherwise_cases): the last
        stated conditions, taken out of force; their negation, put in force for this block ([] when there is none);
        the strict negation when it differs (else None).  None for any other block."""
        if not otherwise_cases.introduced_by_otherwise(text_before(self.lines, frag.kind, frag.line, frag.column)):
            return None
        ended = [(r, _show(r), line) for n, r, line in self.sentence_conditions.ended if n == self.section.number]
        # "If $c > 0$, then $$A$$ Otherwise, $$B$$": the case of a sentence that has ended (readers.notes.condition_scope)
        case = otherwise_cases.last_case(self.section.conditions + ended, frag.content_line)
        if not case:
            return None
        self.section.conditions = [c for c in self.section.conditions if c not in case]
        pair = otherwise_cases.negations(case)
        if pair is None:
            return case, [], None
        negation = [(pair[0], _show(pair[0]), frag.content_line)]
        self.section.conditions += negation
        return case, negation, None if pair[1] == pair[0] else (pair[1], _show(pair[1]), frag.content_line)

    def otherwise_report(self, block, frag, base, report, otherwise):
        """``report`` of an *otherwise* block, its refutations made undecided where the case has no negation here,
        or where they fail only on the boundary the negation keeps (read again under the strict negation)."""
        case, negation, strict = otherwise
        if not any(r.verdict == "refuted" for r in report.steps) or (negation and strict is None):
            return report
        shown = ", ".join(c[1] for c in case)
        if not negation:
            return dataclasses.replace(report, steps=tuple(_withdrawn(
                report.steps, lambda r: otherwise_cases.UNNEGATED.format(case=shown))))
        self.section.conditions = [c for c in self.section.conditions if c not in negation] + [strict]
        try:
            strictly = self.read(block, frag, base).steps
        finally:
            self.section.conditions = [c for c in self.section.conditions if c != strict] + negation
        if len(strictly) != len(report.steps):
            strictly = (None,) * len(report.steps)
        boundary = _show(sp.Eq(strict[0].lhs, strict[0].rhs))
        return dataclasses.replace(report, steps=tuple(
            _undecided(r, otherwise_cases.BOUNDARY.format(case=shown, boundary=boundary))
            if r.verdict == "refuted" and (t is None or t.verdict != "refuted") else r
            for r, t in zip(report.steps, strictly)))

    def hypothesis(self, block, frag, cases, before, after, seen) -> tuple[str, ...] | None:
        """The assumptions shown for a block the prose states as a hypothesis (readers.notes.hypotheses), put in
        force to the next heading (or the end of the environment); None when it is none."""
        if cases is None or example_values(block, seen if frag.kind == "inline" else frozenset()) is not None:
            return None
        if frag.kind == "display":
            after = text_after(self.lines, frag.line, frag.column, frag.source)
        if stated_constraint(before):  # "minimise ... subject to $x + y = 10$": held at the problem's points, never
            self.section.withheld |= {x for r in as_relations(cases) for x in r.free_symbols}  # substituted
            return tuple(_show(r) for r in as_relations(cases))
        if not stated_as_hypothesis(before, after):
            return None
        relations = as_relations(cases)
        if len(relations) != len(cases) or any(rel not in ("=", "<", ">", "<=", ">=", "!=") for _, rel, _ in cases):
            return None  # let $e_k := x_k - x^*$, $\mathbf{x} \in \mathbb{R}^d$: a definition, a membership
        read = hypothesis_relations(relations, conditional=conditional(before))
        if read is None:
            return None
        assumable, withheld = read
        if assumable:
            self.assume(assumable, frag.content_line)
        self.section.withheld |= withheld
        return tuple(_show(r) for r in as_relations(cases))

    def defines_operator(self, frag) -> str | None:
        """The operator a block defines: introduced as a definition, its first left side writes a name the prose
        calls an operator (readers.notes.mappings); else None."""
        if not self.operators_named or not introduces_definition(self.lines, frag.kind, frag.line, frag.column):
            return None
        left = re.split(r"=|\\coloneqq|\\equiv|\\triangleq|\\doteq", frag.content, maxsplit=1)
        return writes_name(left[0], self.operators_named) if len(left) == 2 else None

    def bind_parameters(self, relations) -> None:
        r"""Record the parameters that ``relations`` bind by stating a property of a function ("$f$ is $L$-smooth if
        $\|\nabla f(x) - \nabla f(y)\| \le L\|x - y\|$": L), to the next heading (readers.notes.function_properties)."""
        shown = ", ".join(_show(r) for r in relations)
        for name in bound_parameters(relations):
            self.section.properties[name] = shown

    def saved_scope(self):
        r"""What an environment's definitions, conditions and matrix equations change: restored when it ends (a
        proof's $A^TA = V\Sigma^T\Sigma V^T$ constrains its own lines, not the chapter after it)."""
        return _copy_section(self.section), dict(self.vector_functions), list(self.matrix_claims.constraints)

    def restore_scope(self, saved) -> None:
        section, self.vector_functions, self.matrix_claims.constraints = saved
        self.section = _copy_section(section)
        self.matrix_claims.constraints = list(self.matrix_claims.constraints)

    def listing(self, frag: Fragment) -> tuple[str, ...] | None:
        r"""The parsed assignments of an algorithm listing (``g_t \leftarrow g_t + \lambda \theta_{t-1}``), or None
        when ``frag`` is no listing or one of its assignments does not parse."""
        rows = algorithm_listings.statements(frag.content)
        if rows is None:
            return None
        forms = []
        for row in rows:
            try:
                parsed = self.parse(row, frag)
            except LatexParseError:
                return None
            for r in parsed.rows:
                if r.kind not in ("empty", "prose"):
                    words = [_show(r.chain.exprs[0])]
                    for rel, expr in zip(r.chain.rels, r.chain.exprs[1:]):
                        words += [rel, _show(expr)]
                    forms.append(" ".join(words))
        return tuple(forms)

    def release_generic(self, frag: Fragment) -> None:
        r"""``... three times differentiable $f$``, ``with $f$ smooth``: the prose makes a defined function generic
        again, so its definition ends here (readers.notes.generic_names)."""
        name = frag.content.strip()
        s = self.section
        if name not in s.functions:
            return
        before = text_before(self.lines, frag.kind, frag.line, frag.column)
        line = self.lines[frag.line - 1] if 0 < frag.line <= len(self.lines) else ""
        after = line[frag.column - 1 + len(frag.source):] if line[frag.column - 1:].startswith(frag.source) else ""
        if declares_generic(before) or declares_generic_after(before, after):
            del s.functions[name]
            s.owner.pop(name, None)
            self.vector_functions.pop(name, None)

    def release_renamed(self, frag: Fragment) -> None:
        r"""``From now on $f$ denotes the logistic function``: the prose gives a defined name a new meaning, so its
        earlier definition ends here (readers.notes.renamed_names)."""
        name = frag.content.strip()
        if not re.fullmatch(r"\\?[A-Za-z]+", name) or not 0 < frag.line <= len(self.lines):
            return
        line = self.lines[frag.line - 1]
        start = frag.column - 1
        if not gives_new_meaning(text_before(self.lines, frag.kind, frag.line, frag.column),
                                 line[start + len(frag.source):]):
            return
        s = self.section
        bare = name.lstrip("\\")
        keys = [k for k in s.symbols if isinstance(k, sp.Symbol) and k.name in (name, bare)] + [
            k for k in s.functions if k in (name, bare)]
        if any(s.owner.get(k, (None, 0))[1] >= frag.line - 1 for k in keys):
            return  # "Let $\sigma(x) = ...$. From here on $\sigma$ means this function": the definition just given
        for key in [k for k in s.symbols if isinstance(k, sp.Symbol) and k.name in (name, bare)]:
            del s.symbols[key]
            s.written.pop(key, None)
            s.owner.pop(key, None)
        for key in [k for k in s.functions if k in (name, bare)]:
            del s.functions[key]
            s.owner.pop(key, None)
            self.vector_functions.pop(key, None)

    def release_declared(self, frag: Fragment) -> None:
        r"""``Let $f \colon I \to \R$ be differentiable``: a signature declares f afresh, so an earlier definition of f
        ends here (readers.notes.signatures)."""
        name = declared_name(frag.content)
        if name is None or points_back(text_before(self.lines, frag.kind, frag.line, frag.column)):
            return
        try:
            (symbol,) = self.parse(name, frag).rows[0].chain.exprs
        except (LatexParseError, ValueError, IndexError):
            return
        if not isinstance(symbol, sp.Symbol):
            return
        s, key = self.section, symbol.name
        defined = s.owner.get(key, s.owner.get(symbol))
        if defined is not None and 0 < defined[1] <= frag.line <= len(self.lines) \
                and all(self.lines[k].strip() for k in range(defined[1], frag.line - 1)):
            return  # "Define g(t) = f(gamma(t)). Then $g : [0,1] \to \R$ ...": the paragraph's own g, described
        s.functions.pop(key, None)
        s.symbols.pop(symbol, None)
        s.owner.pop(key, None)
        s.owner.pop(symbol, None)
        self.vector_functions.pop(key, None)
        for derivative in [d for d in s.derivatives if any(f.func.__name__.rstrip("'") == key
                                                           for f in d.atoms(AppliedUndef))]:
            del s.derivatives[derivative]

    def define_angle(self, frag: Fragment) -> None:
        r"""``with angle $\theta$ between $u$ and $v$`` defines $\theta = \arccos(u \cdot v / \|u\| \|v\|)$
        (readers.notes.angles)."""
        if not 0 < frag.line <= len(self.lines):
            return
        found = angle_definition(self.lines[frag.line - 1], frag.column, frag.source)
        if found is None:
            return
        theta, u, v = found
        try:
            (name,) = self.parse(theta, frag).rows[0].chain.exprs
            (body,) = self.parse(arccos_latex(u, v), frag).rows[0].chain.exprs
        except (LatexParseError, ValueError, IndexError):
            return
        if isinstance(name, sp.Symbol) and self.definable(name, body):
            self.define(name, body, frag.line)

    def parse(self, content, frag, *, functions=(), names=()):
        known = (set(self.section.functions) | self.document_functions) - _numbers_here(content)
        return parse_block(content, names=self.names | frozenset(names),
                           functions=tuple(known | set(functions)),
                           letters=prose_letters(self.lines, frag.kind, frag.line),
                           line=frag.content_line, column=frag.content_column)

    def cell_expression(self, content):
        """The one expression (or ``name = value`` as an equation) of a table cell's math."""
        rows = [r for r in parse_block(content, names=self.names, functions=tuple(self.document_functions)).rows
                if r.kind not in ("empty", "prose")]
        if len(rows) != 1:
            return None
        exprs, rels = rows[0].chain.exprs, tuple(rows[0].chain.rels)
        if len(exprs) == 1:
            return exprs[0]
        return sp.Eq(*exprs, evaluate=False) if rels == ("=",) else None

    def read(self, block, frag, base) -> BlockReport:
        warnings = list(block.warnings)
        explain = _explain(block)
        shown = _parsed_form(block)
        if self.section.limit is not None and self.section.limit[2] not in (frag.paragraph, frag.paragraph - 1):
            self.section.limit = None
        self.section.leave_items(frag.items)
        if frag.kind == "display" and refers_back(introduction(self.lines, frag.line)):
            for _, _, scope, _ in self.section.examples:  # "the mean of the two samples above": their values
                scope.add(frag.paragraph)  # (readers.notes.back_references)
        self.record_laws(block)
        self.record_prose_law(frag)
        self.event_values.observe(_chains(block), frag.line)
        before = text_before(self.lines, frag.kind, frag.line, frag.column)
        if frag.kind != "display" and 1 < frag.line <= len(self.lines):  # "for some\n$\xi \in (a, b)$"
            before = self.lines[frag.line - 2] + " " + before
        pairs = condition_pairs(block, frozenset(self.section.functions), intervals=not existential(before))
        if pairs is None and frag.kind == "inline":  # "$p$ and $q$, both in $(0, 1)$" (readers.notes.shared_memberships)
            pairs = shared_interval(frag.content, before)
        listed = finite_entries.listed_membership(frag.content) if pairs is None else None
        if listed is not None:  # x_1, \dots, x_n \in \{0, 1\}: every entry (readers.notes.finite_entries)
            self.section.finite_entries[listed[0]] = listed[1]
            return BlockReport(**base, parsed=True, role="condition", parsed_form=shown, symbols=explain,
                               assumptions=(f"{listed[0]}_i in {{{', '.join(map(str, listed[1]))}}} for every i",),
                               warnings=tuple(dict.fromkeys(warnings)))
        after = self.lines[frag.line - 1][frag.column - 1 + len(frag.source):] if (
            frag.kind == "inline" and 0 < frag.line <= len(self.lines)) else ""
        worded = worded_parameter(after) if frag.kind == "inline" and _BARE_NAME.fullmatch(frag.content.strip()) \
            else None
        if worded is not None and pairs is None:  # "If $f$ is $L$-smooth then": L bound by a property of f
            for name in (x for row in block.rows for e in row.chain.exprs for x in e.free_symbols):
                self.section.properties[name] = f"{_show(name)}-{worded}, as the prose says"
        integer = stated_integer(block, after) if frag.kind == "inline" and pairs is None else None
        named = integers_named_before(block, before) if frag.kind == "inline" else []
        if integer is None and pairs is None and named:  # "for an integer $n$": as "$n$ is an integer"
            integer = named[0]
        self.section.integers.update(n.name for n in named)  # "for every integer $k \ge 1$": k an integer too
        members = self.integer_members(frag)
        if members is not None:  # n, m \in \mathbb{N}, n = 1, 2, ...: integers (readers.latex.membership)
            names, low, most, step = members
            if step != 1:  # k = 0, 2, 4, ...: not one value, nor every integer; not assumed
                self.section.withheld |= set(names)
                return BlockReport(**base, parsed=True, role="condition", parsed_form=shown, symbols=explain,
                                   warnings=tuple(dict.fromkeys([*warnings, "a range in steps of "
                                                                 f"{step}: not assumed"])))
            self.section.integers.update(n.name for n in names)
            if low is None:
                return BlockReport(**base, parsed=True, role="condition", parsed_form=shown, symbols=explain,
                                   assumptions=tuple(f"{n} integer" for n in names),
                                   warnings=tuple(dict.fromkeys(warnings)))
            pairs = [(n, ">=", sp.Integer(low)) for n in names] + [(n, "<=", most) for n in names if most is not None]
        if integer is not None:  # "$n$ is an integer": n an integer symbol in this section's claims (step)
            self.section.integers.add(integer.name)
        if pairs is None and frag.kind == "inline" and 0 < frag.line <= len(self.lines):  # "when $x$ is negative"
            pairs = stated_signs(block, after)
        if pairs is None and frag.kind == "inline" and integer is None:  # "a nonzero gradient $g$": g != 0
            pairs = signs_named_before(block, before)
        if pairs is None and frag.kind == "inline":  # "one-hot, so $\sum_k y_k = 1$": the simplex, for the section
            pairs = [p for p in _sum_to_one(block) if p[0].function.base not in self.section.arrays
                     and not any(str(k) == str(p[0].function.base.label) for k in self.section.symbols)] or None
            data = pairs is not None and data_properties.of_the_data(before)
        else:
            data = False
        freed = freed_name(block, before, after) if pairs is None and frag.kind == "inline" else None
        if freed is not None:  # "take any real $a$": the section's conditions on a end (readers.notes.real_domains)
            self.section.conditions = [c for c in self.section.conditions if freed not in c[0].free_symbols
                                       or _only_an_index(freed, c[0])]  # q_k = 1/K "for every $k$": quantified
        if pairs is None and integer is not None:
            return BlockReport(**base, parsed=True, role="condition", parsed_form=shown, symbols=explain,
                               assumptions=(f"{integer} integer",), warnings=tuple(dict.fromkeys(warnings)))
        unstated = unassumed(before, after) if pairs is not None and frag.kind == "inline" else None
        if unstated is not None:  # "unless $x < 0$", "if $x > 0$ or $y > 0$" (readers.notes.unassumed_conditions)
            self.section.withheld |= {x for a, _, b in pairs for x in (a - b).free_symbols}
            return BlockReport(**base, parsed=True, role="condition", parsed_form=shown, symbols=explain,
                               warnings=tuple(dict.fromkeys([*warnings, unstated])))
        cases = clause_relations(block) if pairs is None else None
        if cases is not None and frag.kind == "display" and announces_condition(before, cases):
            return BlockReport(**base, parsed=True, role="condition", parsed_form=shown, symbols=explain,
                               assumptions=tuple(_show(r) for r in as_relations(cases)),
                               warnings=tuple(dict.fromkeys(warnings)))  # "satisfy the condition:" (clause_conditions)
        if pairs is None and frag.kind == "inline" and in_conditional_clause(before) and example_values(block) is None:
            cases = clause_relations(block)
            if cases is not None:  # "if either $y = 0$ or $(1 - y) = 0$": a case named in passing (clause_conditions)
                self.clause_condition = (as_relations(cases), frag)  # and of a display that ends its sentence
                self.bind_parameters(as_relations(cases))  # "f is L-smooth if $...$" (function_properties)
                return BlockReport(**base, parsed=True, role="condition", parsed_form=shown, symbols=explain,
                                   assumptions=tuple(_show(r) for r in as_relations(cases)),
                                   warnings=tuple(dict.fromkeys(warnings)))
        hypothesis = self.hypothesis(block, frag, cases, before, after, seen=self.section.seen)
        if hypothesis is not None:  # "Suppose that $$\alpha + \beta = 1.$$" (readers.notes.hypotheses)
            self.bind_parameters(as_relations(cases))
            return BlockReport(**base, parsed=True, role="condition", parsed_form=shown, symbols=explain,
                               assumptions=hypothesis, warnings=tuple(dict.fromkeys(warnings)))
        facts = self.entropy_facts(pairs, frag) if pairs is not None else None
        if facts:  # H(X) \geq 0: no condition on X, a fact about Shannon's entropy (readers.notes.entropy)
            return BlockReport(**base, parsed=True, steps=tuple(facts), role="claim", parsed_form=shown,
                               symbols=explain, warnings=tuple(dict.fromkeys(warnings)))
        if pairs is not None:
            restricted = restriction(pairs, self.recent_entries) if self.recent_entries is not None \
                and self.recent_entries[2] == frag.content_line else None
            if restricted is not None:  # y_k = eps/K for $k \ne c$ (readers.notes.restricted_entries)
                self.restricted[restricted[0]] = restricted[1]
            self.bind_parameters(as_relations(pairs))
            self.section.finite.update(finite_memberships(pairs))
            self.section.finite_entries.update(finite_entries.entry_memberships(pairs))  # x_i \in \{0, 1\}
            if not any(isinstance(e, sp.Mul) and not e.is_number for a, _, b in pairs for e in (a, b)) \
                    or assumed_outright(before):  # pi/2 is a bound; "Assume $pq > 2$" is in force (hypotheses)
                held = list(self.section.conditions), self.section.widened
                self.assume(as_relations(pairs), frag.content_line)
                if data:  # "the label is one-hot, so $\sum_k y_k = 1$": for the document (data_properties)
                    self.section.data += [c for c in self.section.conditions if c not in held[0]]
                else:
                    self.sentence_conditions.hold(self.section, frag, *held)  # its sentence's only? (condition_scope)
            else:  # a regime named in passing (``for $\eta\lambda > 2$ it diverges``): read, not carried forward,
                # and no refutation on its names (``for $pq > 2$ we have $$\log(pq) > 0$$`` failed at p = q = 1/2)
                self.section.withheld |= {x for a, _, b in pairs for x in (a - b).free_symbols}
            return BlockReport(**base, parsed=True, role="condition", parsed_form=shown, symbols=explain,
                               assumptions=tuple(_show(r) for r in as_relations(pairs)),
                               warnings=tuple(dict.fromkeys(warnings)))
        seen = self.section.seen
        self.seen_before_block = seen
        self.section.seen = seen | {x for row in block.rows for e in row.chain.exprs for x in e.free_symbols}
        self.section.valued = self.section.valued | value_letters(block, frag.content)
        for letter, name in entry_links(block):  # A = (a_{ij}): a_{ij} are A's entries in this section
            self.entry_links[letter] = (name, frag.section)
        fixed = self.determined_claims(block, frag)
        if fixed:  # r_1 = 0.3 after r_i = sum_j |a_ij| and A written out: a claim (readers.notes.determined)
            return BlockReport(**base, parsed=True, steps=tuple(fixed), role="claim", parsed_form=shown,
                               symbols=explain, assumptions=tuple(dict.fromkeys(a for s in fixed
                                                                                for a in s.assumptions)),
                               warnings=tuple(dict.fromkeys(warnings)))
        stated = self.stated_derivative(block, frag) or self.named_value(block, frag) \
            or self.stated_extremum(block, frag)
        if stated:  # "the derivative of $x \mapsto \log(1 + e^x)$ is $x \mapsto ...$" (readers.notes.stated_derivatives)
            return BlockReport(**base, parsed=True, steps=tuple(stated), role="claim", parsed_form=shown,
                               symbols=explain, warnings=tuple(dict.fromkeys(warnings)))
        case = self.recurrence_case(block, frag)
        if case:  # "With $z_t = 1$, $h_t = h_{t-1}$" after the update h_t = ... (readers.notes.recurrence_cases)
            return BlockReport(**base, parsed=True, steps=tuple(case), role="claim", parsed_form=shown,
                               symbols=explain, assumptions=tuple(dict.fromkeys(a for r in case for a in r.assumptions)),
                               warnings=tuple(dict.fromkeys(warnings)))
        squares = frag.kind == "inline" and SETS_A_VALUE.search(
            text_before(self.lines, frag.kind, frag.line, frag.column)) is not None  # "With $\tau^2 = 1$"
        values = example_values(block, seen if frag.kind == "inline" else frozenset(), squares=squares)
        if values is not None and "=" in frag.content and all(v.is_number for _, v in values) \
                and self.matrix_claims.writes_declared(frag, frag.content_line, _first_value_text(frag.content)):
            values = None  # H = X(X^T X)^{-1} X^T is no example H = 1 (its scalar parse): a definition in matrices
        if values is not None and any(not is_literal(v) and isinstance(n, sp.Symbol) and n in self.section.symbols
                                      and self.section.defined_here(_key(n)) and self.expand(n) != self.expand(v)
                                      for n, v in values):  # (u = f(x) written again as it was defined: no claim)
            values = None  # "the loss is $L = \log K$" after L = -sum_k y_k log p_k: a claim about (or a new
            # definition of) the name defined above, not a local example that sets it
        if values is not None and seen and introduced_as_wrong(self.lines, frag.kind, frag.line, frag.column) \
                and all(n in seen for n, _ in values):
            values = None  # "Wrong: $w^* = a/b$" after w^* = b/a: a restatement to check, not a value set
        if values is not None and any(member_value(n, self.section.symbols, self.recurrent_bases(), v,
                                                   self.in_force(set(), frag.paragraph)[1]) is not None
                                      for n, v in values):
            values = None  # eta_T = eta_max/2 after eta_t = ...: a member of a closed-form family (family_members)
        if values is not None and any(not is_literal(v) and self.defined_element(n) for n, v in values):
            values = None  # p_1 = sigma(z_1 - z_2) after p_i = e^{z_i} / sum_j e^{z_j}: a claim about an entry
        if values is not None and any(first_order_recurrence(n, v) is not None for n, v in values):
            values = None  # "the recursive definition is $a_n = a_{n-1} + 3$": a recurrence, though a_n was seen
        if values is not None and any(isinstance(n, AppliedUndef) and n.func.__name__ in PROBABILITY_NAMES
                                      and {x.name for x in n.free_symbols} & set(self.section.laws) for n, _ in values):
            values = None  # P(N = 1) = e^{-2} after N ~ Poisson(2): a value of that law, a claim (readers.notes.laws)
        unrolled = (self.unrolled_values(values or [], frag) or _entry_restatement(frag)
                    or self.known_values(values or [], frag) or self.derived_values(values or [], frag)) \
            if values is not None else None
        eigen = self.stated_eigen(values, block, frag) if values is not None and not unrolled else None
        if eigen:  # "the matrix $A = [...]$, which has eigenvalue $\lambda_1 = 25$" (readers.notes.prose_eigenpairs)
            self.section.examples += [(n, v, set(range(frag.paragraph, frag.paragraph + EXAMPLE_REACH + 1)),
                                       frag.items) for n, v in values]  # the pair's partner, further on
            unrolled = eigen
        if unrolled:  # after t steps $x_t = (1 - \eta\lambda)^t x_0$: the recurrence above unrolled, a claim
            return BlockReport(**base, parsed=True, steps=tuple(unrolled), role="claim", parsed_form=shown,
                               symbols=explain, assumptions=tuple(dict.fromkeys(a for s in unrolled
                                                                                for a in s.assumptions)),
                               warnings=tuple(dict.fromkeys(warnings)))
        bound = self.where_clause(values, frag) if values is not None else None
        if bound is not None:  # "$$L = ...$$ with $\hat y = wx + b$" (readers.notes.where_clauses)
            return BlockReport(**base, parsed=True, role="definition", parsed_form=shown, symbols=explain,
                               warnings=tuple(dict.fromkeys([*warnings, bound])))
        if values is not None:
            scope = set(range(frag.paragraph, frag.paragraph + EXAMPLE_REACH + 1))
            if frag.kind == "inline" and 0 < frag.line <= len(self.lines) \
                    and passing_examples.in_passing(self.lines[frag.line - 1], frag.column, frag.source):
                scope = {frag.paragraph}  # "at $z = 0$ both labels give ...": its sentence's (passing_examples)
                if passing_examples.introduces_display(self.lines[frag.line - 1], frag.column, frag.source):
                    scope.add(frag.paragraph + 1)  # "At $\eta = 2/a$ the iterates flip sign:" and its display
            self.section.examples = [e for e in self.section.examples if e[0] not in {n for n, _ in values}]
            self.section.examples += [(n, v, scope, frag.items) for n, v in values]
            for n, _ in values:  # "$w_i = 0$ for $i \neq j$": an entry set for some indices (restricted_entries)
                if isinstance(n, sp.Indexed):
                    self.recent_entries = (n.base, n.indices, frag.content_line)
            vector_names(values, frag.line, self.vector_families)
            return BlockReport(**base, parsed=True, role="example", parsed_form=shown, symbols=explain,
                               assumptions=tuple(f"{_show(n)} = {_show(v)}" for n, v in values),
                               warnings=tuple(dict.fromkeys(warnings)))
        recurrence = self.family_recurrence(block, frag)
        if recurrence is not None:  # "Legendre polynomial $P_n(x)$ ... the recursion $$P_{n+1}(x) = ...$$"
            return BlockReport(**base, parsed=True, steps=(recurrence,), role="claim", parsed_form=shown,
                               symbols=explain, assumptions=recurrence.assumptions,
                               warnings=tuple(dict.fromkeys(warnings)))
        cdf = self.cdf_claim(block, frag)
        if cdf is not None:  # "the cumulative distribution function is F(x) = ..." after X ~ Bernoulli(p)
            return BlockReport(**base, parsed=True, steps=(cdf,), role="claim", parsed_form=shown, symbols=explain,
                               assumptions=cdf.assumptions, warnings=tuple(dict.fromkeys(warnings)))
        given = _given_probability_chains(block, set(self.section.laws) | {str(x) for x in self.section.distributed})
        if given:  # P(H) = 1/2 = 0.5: the value the notes give the probability, then arithmetic to check
            steps = [r for lhs, rel, rhs, row in given[1] for r in self.check_claim(_Claim(
                lhs, rel, rhs, tuple(row.conditions), frag.content_line + row.line - 1, block.zero_based), frag)]
            return BlockReport(**base, parsed=True, steps=tuple(steps), role="claim", parsed_form=shown,
                               symbols=explain, assumptions=tuple(f"{_show(a)} = {_show(b)}, as the notes give it"
                                                                  for a, b in given[0]),
                               warnings=tuple(dict.fromkeys(warnings)))
        stated = _stated_probabilities(block)
        if any({x.name for x in a.free_symbols} & set(self.section.laws) for a, _ in stated):
            stated = []  # P(N = 1) = e^{-2} after N ~ Poisson(2): the law decides it, a claim (readers.notes.laws)
        if stated:  # P(H = 1) = 0.0015, P(S) = 1: values the notes give the probability, not claims to check
            scope = set(range(frag.paragraph, frag.paragraph + EXAMPLE_REACH + 1))  # and values a claim through an
            self.section.examples = [e for e in self.section.examples if e[0] not in {a for a, _ in stated}]
            self.section.examples += [(a, b, scope, frag.items) for a, b in stated]  # identity may use (Bayes)
            return BlockReport(**base, parsed=True, role="example", parsed_form=shown, symbols=explain,
                               assumptions=tuple(f"{_show(a)} = {_show(b)}" for a, b in stated),
                               warnings=tuple(dict.fromkeys(warnings)))
        defines = self.defines_operator(frag)
        if defines is not None:  # "the operator $\Delta$ is defined by $\Delta a_n = ...$" (readers.notes.mappings)
            return BlockReport(**base, parsed=True, role="definition", parsed_form=shown, symbols=explain,
                               warnings=tuple(dict.fromkeys([*warnings, f"defines the operator {defines}"])))
        first = not any(owner[0] == self.section.number for owner in self.section.owner.values()) \
            and self.section.number not in self.catalog_stated  # softplus(x) = ... stated, then sigma(x) = ...: a helper
        before = _copy_section(self.section)
        self.properties = []  # rows that give a name a property (A = A^T), read by rows()
        self.definition_steps = []  # definitions that also hold as claims about what is known: rows()
        self.section.witnesses |= witness_names(frag.content)  # for some alpha in [a, x]: readers.notes.witnesses
        claims, defined, mains, updates = self.rows(block, frag, warnings)
        self.display_tail = Tail(self.rows_tail, frag.line, end_line(frag), frag.section) \
            if frag.kind == "display" and self.rows_tail is not None else None
        listed = not (claims or defined or mains or updates) and self.listed_as_equal(block, frag)
        if listed:  # "* $H(X) - H(X \mid Y)$" under "... equivalent to $I(X, Y)$": read from the prose, so a
            claims = listed  # failure is no verdict (readers.notes.equivalent_lists)
        confirmed_definitions = self.definition_steps
        checked = constrained_rows([(claim, self.check_claim(claim, frag)) for claim in claims], self.expand)
        checked = [(c, _withdrawn(
            found, lambda r: f"{c.tentative}: it fails ({r.reason[:80]}), but that reading rests only on the "
                             "layout")) if c.tentative else (c, found)
                   for c, found in checked]
        if listed:
            checked = [(c, _withdrawn(
                found, lambda r: f"read as equal to {r.rhs}, as the words before the list say, it fails "
                                 f"({r.reason[:80]}); the list may mean something else")) for c, found in checked]
        steps = [s for _, found in checked for s in found]  # rows solving for an unknown: readers.notes.constraints
        for name in self.pending_updates:  # an update chain's assignment takes effect after its claims
            self.section.updates.add(base_name(name))
            if base_name(name) == getattr(name, "name", None):
                self.section.in_place.add(base_name(name))
        self.pending_updates = []
        steps = self.readings(block, frag, steps, before)
        steps = self.level_readings(frag, steps, before)
        steps = self.redefined_readings(block, frag, steps, before)
        steps = self.earlier_readings(block, frag, steps, before)
        steps = confirmed_definitions + steps
        steps = _entry_notation(frag.content, steps, self.einstein_stated) if steps else _entry_restatement(frag)
        catalog_id, comparison = self.match_catalog(frag, block, mains, claims, first=first)
        if catalog_id is not None and comparison.agrees is not False:
            self.catalog_stated.add(self.section.number)
        warnings += comparison.warnings
        role = _role(steps, defined or mains, updates)
        if role == "no claim" and self.properties:
            role, stated = "condition", tuple(self.properties)
        else:
            stated = ()
        if comparison.agrees and catalog_id is not None and (defined or mains):
            steps.insert(0, _agreement(catalog_id, self.catalog, comparison, frag))
        used = tuple(dict.fromkeys(a for s in steps for a in s.assumptions)) + stated
        return BlockReport(**base, parsed=True, catalog_id=catalog_id, catalog_agrees=comparison.agrees,
                           catalog_reason=comparison.reason, catalog_counterexample=comparison.counterexample,
                           steps=tuple(steps), warnings=tuple(dict.fromkeys(warnings)), definitions=tuple(defined),
                           role=role, parsed_form=shown, assumptions=used, symbols=explain)

    def determined_claims(self, block, frag) -> list[StepReport] | None:
        """Rows ``NAME = number`` whose name the note has already fixed (readers.notes.determined), checked; None
        unless every row is one, or the block may use a name an ambiguous row redefined (it is read both ways:
        :meth:`redefined_readings`)."""
        if any(_key(v[0]) in self.section.owner and _may_use(frag.content, _key(v[0]), self.section)
               for v in self.section.contested.values()):
            return None
        rows = [r for r in block.rows if r.kind not in ("empty", "prose")]
        found = []
        _, examples = self.in_force(set(), frag.paragraph)
        links = {letter: name for letter, (name, section) in self.entry_links.items() if section == frag.section}
        for row in rows:
            exprs, rels = row.chain.exprs, row.chain.rels
            if row.continued or len(exprs) != 2 or rels != ("=",):
                return None
            for lhs, rhs in paired(*exprs):  # [a - r, a + r] = [0.7, 1.3]: end by end
                if not is_literal(rhs) or not rhs.is_number:
                    return None
                value = determined(lhs, expand=self.expand, arrays=self.section.arrays, examples=examples,
                                   links=links, literal_at=self._literal_value) \
                    or self.recurrence_determined(lhs, examples)
                if value is None:
                    return None
                found.append((row, (lhs, rhs), value))
        here = {n for n, _, scope, _ in self.section.examples if min(scope) == frag.paragraph}
        out = []
        for row, (lhs, rhs), value in found:
            claim = _Claim(value.value, "=", rhs, tuple(row.conditions), frag.content_line + row.line - 1,
                           block.zero_based, shown_lhs=_show(lhs))
            for r in self.check_claim(claim, frag):
                method = f"{r.method}; {_show(lhs)} = {_show(value.value)} as the note fixes it"
                step = StepReport(**{**r.__dict__, "method": method,
                                     "assumptions": tuple(r.assumptions) + value.used})
                if step.verdict != "refuted" or not value.from_examples or set(value.examples) <= here:
                    out.append(step)  # "if h = 10^{-3}, then h^3 = 0.001": the example of the same paragraph
                else:  # an example set paragraphs above: a new one may be meant; read as before
                    return None
        return out

    def words_before(self, frag) -> str:
        """The words before ``frag`` on its line, and on the line before for an inline block."""
        before = text_before(self.lines, frag.kind, frag.line, frag.column)
        if frag.kind != "display" and 1 < frag.line <= len(self.lines):
            before = self.lines[frag.line - 2] + " " + before
        return before

    def recurrence_determined(self, lhs, examples) -> Determined | None:
        r"""``x_1`` of "With $a = 2$ and $x_0 = 1$: $x_1 = 1.25$" after a recurrence of ``x``: its value from the start
        and the numbers in force (readers.notes.recurrence_values), else None."""
        numbers = {n.name: v for n, v in examples if isinstance(n, sp.Symbol) and is_literal(v) and v.is_number}
        found = recurrence_value(lhs, self.section.recurrences, numbers, self.expand)
        if found is None:
            return None
        value, names = found
        used = tuple(f"{n} = {_show(numbers[n])} (example)" for n in names if n in numbers)
        return Determined(value, (f"{_show(lhs)} by the recurrence of its sequence",) + used,
                          tuple(n for n, _ in examples if isinstance(n, sp.Symbol) and n.name in names))

    def on_independent_joints(self, lhs, rel, rhs, claim, frag, shown, assumptions) -> list[StepReport] | None:
        """The claim checked where the prose's independence holds; None unless it holds there at every step."""
        names = joint_names(joint_variables(lhs, rhs))
        if not names or not stated_independent(self.lines, claim.line, frag.sentence, names):
            return None
        steps = independent_steps(lhs, rel, rhs)
        if not steps:
            return None
        out = [self.run_labelled(step, shown, label) for label, step in steps]
        if not all(r.verdict in ("proved", "verified") for r in out):
            return None
        used = tuple(assumptions) + (f"{', '.join(names)} independent (the prose)",)
        return [StepReport(**{**r.__dict__, "verdict": "verified", "method": f"{r.method}; {joint_method(names)}",
                              "assumptions": used}) for r in out]

    def _literal_value(self, name):
        found = self.matrix_claims.literal_at(name, self.line)
        return None if found is None else found.value

    def record_prose_law(self, frag) -> None:
        r""""Let $X$ be a Poisson random variable with rate $\lambda$": ``X`` has that law to the next heading, read at
        the sentence's last formula (readers.notes.named_values)."""
        if frag.kind != "inline" or not 0 < frag.line <= len(self.lines):
            return
        before = self.lines[frag.line - 2] + " " if frag.line > 1 else ""
        found = named_values.prose_law(before + self.lines[frag.line - 1], frag.column + len(before))
        if found is None:
            return
        try:
            parameters = tuple(parse_block(t, names=self.names).rows[0].chain.exprs[0] for t in found[2])
        except Exception:  # noqa: BLE001 - a parameter with no reading: no law
            return
        stated = named_values.stated_law(found[1], tuple(self.expand(p) for p in parameters), found[3])
        if stated is not None:
            self.section.laws[found[0]] = stated

    def record_laws(self, block) -> None:
        r"""``X \sim D(\theta)`` with ``D`` a family of :mod:`readers.notes.laws`: in force to the next heading."""
        for row in block.rows:
            exprs, rels = row.chain.exprs, row.chain.rels
            if len(exprs) != len(rels) + 1:
                continue  # a continued row (``& = ...``): its left side is the row above
            listed = [(a, "~", b) for a, b in listed_laws(row.text, self.one_expression)] \
                if "~" in getattr(row, "notes", ()) else []  # X, Y \sim N(0, 1) (readers.notes.listed_laws)
            for a, rel, b in listed or row.chain.pairs():
                key = entry_law_key(a) if rel == "~" else None
                if key is not None:  # m_i \sim Bernoulli(p): every entry's law
                    found = law(self.expand(b))
                    self.section.entry_laws.pop(key, None)
                    if found is not None:
                        self.section.entry_laws[key] = found
                    if found is not None and states_independence(self.prose):  # q_i, k_i ~ N(0, 1) independent
                        self.section.entry_independent.add(key)
                    else:
                        self.section.entry_independent.discard(key)
                if rel == "~" and isinstance(a, sp.Symbol):
                    found = law(self.expand(b))
                    if found is not None:
                        self.section.laws.pop(a.name, None)  # the latest stated last (a CDF is of the latest)
                        self.section.laws[a.name] = found
                    else:
                        self.section.laws.pop(a.name, None)
                    if found is not None and states_independence(self.prose):  # "... independent of $w$"
                        self.section.independent.add(a.name)
                    else:
                        self.section.independent.discard(a.name)

    def family_recurrence(self, block, frag) -> StepReport | None:
        r"""A display ``P_{n+1}(x) = ...`` in ``P_n`` after the prose of its section names ``P_n`` a classical
        polynomial family: the claim that the family satisfies it (readers.notes.polynomial_families)."""
        rows = [r for r in block.rows if r.kind not in ("empty", "prose")]
        if frag.kind != "display" or len(rows) != 1 or rows[0].continued or tuple(rows[0].chain.rels) != ("=",):
            return None
        start = frag.line - 1
        while start > 0 and not self.lines[start - 1].lstrip().startswith("#"):
            start -= 1
        families = named_families(" ".join(self.lines[start:frag.line - 1]))
        if not families:
            return None
        lhs, rhs = rows[0].chain.exprs
        found = family_recurrence(lhs, rhs, families)
        if found is None:
            return None
        verdict, method, witness, shown = found
        return StepReport(lhs=_show(lhs), rel="=", rhs=_show(rhs), verdict=verdict, method=method,
                          reason="" if verdict == "verified" else f"{shown} does not satisfy this recurrence",
                          counterexample=witness, line=frag.content_line,
                          assumptions=("the degree a non-negative integer",))

    def cdf_claim(self, block, frag) -> StepReport | None:
        r"""``F(x) = ...`` introduced as the cumulative distribution function while one law is in force (or
        ``F_X`` names its variable): compared with the law's CDF (readers.notes.cdfs); None otherwise."""
        rows = [r for r in block.rows if r.kind not in ("empty", "prose")]
        if len(rows) != 1 or rows[0].continued or tuple(rows[0].chain.rels) != ("=",) or not self.section.laws:
            return None
        lhs, body = rows[0].chain.exprs
        if not (isinstance(lhs, AppliedUndef) and len(lhs.args) == 1 and isinstance(lhs.args[0], sp.Symbol)):
            return None
        prose = introduction(self.lines, frag.line) + " " + frag.sentence
        if not CDF_CUE.search(prose):
            return None
        named = [v for v in self.section.laws if lhs.func.__name__.endswith(("_" + v, "_{" + v + "}"))]
        latest = [] if "_" in lhs.func.__name__ else list(self.section.laws)[-1:]  # F_Y: Y has no law
        variables = named or latest
        if len(variables) != 1 or set(CDF_MENTIONED.findall(prose)) - set(variables):
            return None  # "the CDF of $Y$" after X ~ D: not X's
        several = not named and len(self.section.laws) > 1  # the latest law is the likeliest, not the only one
        found = self.section.laws[variables[0]]
        compared = compare_cdf(self.expand(body), lhs.args[0], found)
        if compared is None:
            return None
        verdict, how, witness = compared
        shown = {"lhs": _show(lhs), "rel": "=", "rhs": _show(body), "line": frag.content_line}
        law_shown = f"{variables[0]} ~ {found.family}({', '.join(map(_show, found.args))})"
        if several:
            how += f"; of the {len(self.section.laws)} laws stated in this section, the latest"
        reason = "" if verdict == "verified" else f"differs from the CDF of {law_shown}" + \
            (" (several laws are in force: it may be another's)" if several and verdict == "refuted" else
             "" if verdict == "refuted" else " (the notes may use another parametrisation)")
        verdict = "undecided" if several and verdict == "refuted" else verdict
        return StepReport(**shown, verdict=verdict, method=how, reason=reason, counterexample=witness,
                          assumptions=(law_shown,))

    def law_claim(self, name, value, row, frag, block, givens):
        r"""``\mu_X = value`` with ``X \sim D(\theta)`` in force: the claim that ``D``'s mean is ``value``;
        ``D_{KL}(D(\theta_1) \| D(\theta_2)) = value``: the claim that the divergence of the two laws is ``value``
        (readers.notes.law_divergences)."""
        fact = stated_fact(name, self.section.laws)
        if fact is None:
            stated = divergence_of_laws(name)  # a scale that may be a deviation: both readings, below
            return None if stated is None or not stated.unambiguous else _Claim(
                stated.value, "=", value, tuple(row.conditions) + tuple(givens) + stated.domain,
                frag.content_line + row.line - 1, block.zero_based, shown_lhs=_show(name),
                unambiguous=stated.unambiguous, read_as=f"{_show(name)} read as {stated.read_as}")
        kind, variable = fact
        found = self.section.laws[variable]
        if kind == "mgf":  # M_X(t) = lambda/(lambda - t): E[e^{tX}] of the law, where it is finite
            (t,) = name.args
            return _Claim(found.mgf(t), "=", value, tuple(row.conditions) + tuple(givens) + found.domain
                          + (found.mgf_domain(t),), frag.content_line + row.line - 1, block.zero_based,
                          shown_lhs=_show(name), unambiguous=found.unambiguous,
                          read_as=f"{_show(name)} read as the moment generating function E[exp({_show(t)} "
                                  f"{variable})] of {variable} ~ {found.family}, {_show(found.mgf(t))} in the "
                                  f"standard parametrisation" + ("" if found.mgf_domain(t) == sp.true else
                                                                 f", where {_show(found.mgf_domain(t))}"))
        return _Claim(found.fact(kind), "=", value, tuple(row.conditions) + tuple(givens) + found.domain,
                      frag.content_line + row.line - 1, block.zero_based, shown_lhs=_show(name),
                      unambiguous=found.unambiguous and (kind != "entropy" or natural_declared(self.lines, self.line)
                                                         or wrong_in_every_base(found.entropy, value, found.domain)),
                      # an entropy may be in bits, unless the notes say their log is the natural one or the value
                      # has the wrong sign for every base
                      read_as=f"{_show(name)} read as the {kind} of {variable} ~ {found.family}, "
                              f"{_show(found.fact(kind))} in the standard parametrisation")

    def assume(self, relations, line) -> None:
        r"""Stated conditions, in force to the next heading; they replace earlier ones on the same names: a bound on
        one name (``0 < s \le 1``) replaces every earlier condition on that name, also one that relates it to others
        (``s \le 1 - c``), except one stated on the same line ("$r > 1 + \epsilon$ with $\epsilon > 0$": dropping the
        relation there left the clipped PPO objective's correct claim without it, and it was refuted at r = 1/2); a
        relation of several names (``s \le 1 - c``) replaces only one on those same names, so ``0 < c < 1`` stated
        before it stays.  Relations all in force already restate them and replace nothing ("$A \succ 0$. Then its
        diagonal is positive, $$a > 0$$" keeps $ac - b^2 > 0$, readers.notes.definite_matrices).  A restatement that
        leaves out a bound on the same one name ("For $x > 0$:" after $0 < x < 1$) may also mean the wider domain: the
        bounds it leaves out are kept, and recorded as ``widened`` (:meth:`check_claim`).  A name bounded alone is a
        value for the rest of the section, also after its condition has ended with its sentence: "For $-1 \le \theta
        \le 1$ the copula ... has density ..." and later $\theta(1 - u)(1 - v)$ is theta times brackets (``readings``)."""
        self.section.valued = self.section.valued | {x.name for r in relations if len(r.free_symbols) == 1
                                                     and not r.atoms(AppliedUndef) for x in r.free_symbols
                                                     if isinstance(x, sp.Symbol)}
        if relations and all(any(_same_relation(r, c[0]) for c in self.section.conditions) for r in relations):
            names = set().union(*(r.free_symbols for r in relations))
            self.section.widened = tuple(
                c for c in self.section.conditions if len(names) == 1 and c[0].free_symbols == names
                and not any(_same_relation(r, c[0]) for r in relations))
            return
        self.section.widened = ()
        single = set().union(*(r.free_symbols for r in relations if len(r.free_symbols) == 1)) if relations else set()
        several = [r.free_symbols for r in relations if len(r.free_symbols) > 1]
        self.section.conditions = [c for c in self.section.conditions
                                   if not (c[0].free_symbols <= single or c[0].free_symbols in several
                                           or c[0].free_symbols & single and c[2] != line)]
        self.section.conditions += [(r, _show(r), line) for r in relations]

    def in_force(self, expr_symbols, paragraph):
        r"""The section's conditions on these names, and the examples of this paragraph.  A condition on a name the
        expression holds as another symbol of the same name (the index ``j`` of ``s_j``, an integer, after the
        prose's real ``j \ge 1``) is stated on the expression's symbol."""
        by_name = {x.name: x for x in expr_symbols if isinstance(x, sp.Symbol)}
        conditions = []
        for c in self.section.conditions:
            entries = entry_conditions(c[0], expr_symbols)
            if entries:  # |r| <= R stated for the rewards r_{t+k} of the claim (readers.notes.entry_conditions)
                conditions += [(e, _show(e), c[2]) for e in entries]
                continue
            if c[0].free_symbols & expr_symbols:
                conditions.append(c)
                continue
            same = {x: by_name[x.name] for x in c[0].free_symbols if isinstance(x, sp.Symbol) and x.name in by_name}
            renamed = c[0].xreplace(same) if same else None
            if renamed is not None and renamed not in (sp.true, sp.false):
                conditions.append((renamed, c[1], c[2]))
        known = set(self.section.functions) | self.document_functions
        # a = p_data(x): a function the notes never define says nothing of a (it stays a free name, under its
        # conditions); substituted, the claim had an unknown function the numeric step could not evaluate
        examples = [(n, v) for n, v, scope, _ in self.section.examples if paragraph in scope
                    and all(f.func.__name__ in known for f in v.atoms(AppliedUndef))]
        return conditions, examples

    def own_condition_reading(self, claim, conditions, frag, lhs, rhs, shown, out):
        r"""A step the block bounds itself (``n! > 2^n \quad \text{for every integer } n \ge 3``) on a name an
        earlier condition of the section bounds too (``for $n \ge 4$``): shown under both together, it is checked
        again under the block's own bound alone; where that fails, the step is ``undecided``, never confirmed by a
        condition its author replaced.  A refutation needs no second look (the block's own domain is wider)."""
        own = {x.name for c in claim.conditions for x in getattr(c, "free_symbols", ()) if isinstance(x, sp.Symbol)}
        shared = [c for c in conditions if {getattr(x, "name", None) for x in c[0].free_symbols} & own]
        if not shared or not any(r.verdict in ("proved", "verified") for r in out):
            return out
        alone = _Claim(claim.lhs, claim.rel, claim.rhs, tuple(claim.conditions) + tuple(
            c[0] for c in conditions if c not in shared), claim.line, claim.zero_based, claim.redefinition)
        failed = [r for r in self.check_plain(alone, frag, lhs, rhs, shown) if r.verdict == "refuted"]
        if not failed:
            return out
        replaced = ", ".join(c[1] for c in shared)
        return [_undecided(r, f"ambiguous: holds under the section's {replaced} too, but fails under the block's own "
                              f"condition alone ({failed[0].reason[:80]})") if r.verdict in ("proved", "verified")
                else r for r in out]

    def readings(self, block, frag, steps, before):
        r"""A refuted step read once more with the letters before ``(`` as functions and runs of
        capitals as names (``TP``); a reading that does not fail makes the step ``undecided (ambiguous)``."""
        if not any(s.verdict == "refuted" for s in steps):
            return steps
        letters = set(re.findall(r"(?<![\\A-Za-z])([A-Za-z])\s*\(", frag.content))
        letters |= {m for m in re.findall(r"\\([A-Za-z]+)\s*\(", frag.content) if m in _GREEK_NAMES}
        runs = set(re.findall(r"(?<![\\A-Za-z])([A-Z]{2,3})(?![A-Za-z])", frag.content))
        letters -= set(self.section.functions) | self.document_functions
        letters.discard("O")  # O(h^3): the order of a remainder (readers.notes.big_o), no function to apply
        letters -= {k.name for k in before.symbols if isinstance(k, sp.Symbol)}  # p = sigma(z) above: p is a value
        letters -= {x.name for c in self.section.conditions if len(c[0].free_symbols) == 1
                    and not c[0].atoms(AppliedUndef) for x in c[0].free_symbols}  # -1 \le \theta \le 1 in force: theta(1 - u) is theta times a bracket
        letters = {x for x in letters if not _inside_its_own_group(x, frag.content)}  # n(n-1): n is a value
        letters = {x for x in letters if not _a_factor_elsewhere(x, frag.content)}  # \eta\lambda: a value
        letters -= bound_letters(frag.content)  # \sum_k k(1 - beta) beta^k: the index is a value (bound_indices)
        letters -= before.valued - primed_applications(frag.content)  # (w - a)^2 above: a(1 - lambda) is a times a
        # bracket, unless the block differentiates the letter at a point, u'(t_n): a function (value_letters)
        runs -= self.names
        try:
            other = self.parse(frag.content, frag, functions=letters, names=runs) if letters or runs else block
        except LatexParseError:
            return steps
        wide = widened_block(other)  # \sum_i x_i + y_i: the sum over both terms (readers.notes.operator_scopes)
        other = wide or other
        if other is block:
            return steps
        alternative = self.reread(other, frag, before)
        if len(alternative) != len(steps) and not any(s.verdict != "refuted" for s in alternative):
            return steps
        how = ", ".join(sorted(f"{x}(...) as a function" for x in letters) + sorted(f"{r} as one name" for r in runs)
                        + ([SCOPE_READING] if wide is not None else []))
        out = []
        for k, s in enumerate(steps):
            alt = alternative[k] if k < len(alternative) else None
            if alt is not None and (alt.line != s.line or (alt.lhs, alt.rhs) == (s.lhs, s.rhs)):
                alt = None  # the same step read the same way, or not the same step: no other reading
                if s.verdict == "refuted":
                    out.append(s)
                    continue
            if s.verdict == "refuted" and alt is not None and alt.verdict in ("proved", "verified") \
                    and not letters and not runs and dangling(block):  # \sum X_i/p - (1 - X_i)/(1 - p): the
                s = StepReport(**{**alt.__dict__, "method": f"{alt.method}; {SCOPE_READING} (read strictly, its "
                                                            "index would be free)"})  # strict reading is none
            elif s.verdict == "refuted" and (alt is None or alt.verdict != "refuted"):
                s = _ambiguous(s, alt, "read as written this fails", f"read with {how}")
            out.append(s)
        return out

    @contextlib.contextmanager
    def aside(self, section):
        """The section swapped for a copy of ``section`` while another reading is checked, restored after: what the
        other reading defines or assumes does not stay."""
        saved = self.section
        self.section = _copy_section(section)
        try:
            yield
        finally:
            self.section = saved

    def reread(self, block, frag, before) -> list[StepReport]:
        """The steps of ``block``, another reading of ``frag``, checked on a copy of ``before`` (the section as the
        block found it); [] when that reading cannot be checked, which is not a failure."""
        with self.aside(before):
            try:
                claims, _, _, _ = self.rows(block, frag, [])
                return [s for c in claims for s in self.check_claim(c, frag)]
            except Exception:  # noqa: BLE001 - the other reading could not be checked: it is not a failure
                return []

    def level_readings(self, frag, steps, before):
        r"""A refuted step read once more with the superscripts that count steps as labels (``[D_t u]^n`` and
        ``u^{n+1}`` where the notes write ``u^{n-1}``, ``u^n`` and ``t_n``: readers.notes.superscript_levels); a
        reading that does not fail makes the step ``undecided (ambiguous)``."""
        if not any(s.verdict == "refuted" for s in steps):
            return steps
        if self._level_letters is None:
            self._level_letters = level_letters("\n".join(self.lines))
        relabelled = as_labels(frag.content, self._level_letters) if self._level_letters else None
        if relabelled is None:
            return steps
        try:
            alternative = self.reread(self.parse(relabelled, frag), frag, before)
        except Exception:  # noqa: BLE001 - the other reading could not be read: it is not a failure
            alternative = []
        if alternative and all(s.verdict == "refuted" for s in alternative):
            return steps
        letters = ", ".join(sorted(self._level_letters))
        out = []
        for k, s in enumerate(steps):
            alt = alternative[k] if len(alternative) == len(steps) else None
            if s.verdict == "refuted" and (alt is None or alt.verdict != "refuted"):
                s = _ambiguous(s, alt, "read with powers this fails",
                               f"read with the superscripts {letters} as steps (u^{{n+1}}, t_n in the notes)")
            out.append(s)
        return out

    def redefined_readings(self, block, frag, steps, before):
        r"""A refuted step read once more with each contested name defined as the row that contested it says
        (``f(x) = x^2``, then "let $f(x) = 2x + 1$ instead" without a cue the reader knows: that row is ambiguous,
        so $f(3) = 7$ after it is a claim about either ``f``); a reading that does not fail makes the step
        ``undecided (ambiguous)``.  A step refuted under both readings stays refuted."""
        contested = {k: v for k, v in before.contested.items() if _key(v[0]) in before.owner
                     and _may_use(frag.content, _key(v[0]), before)}
        if not contested or not any(s.verdict == "refuted" for s in steps):
            return steps
        saved, vector_functions = self.section, dict(self.vector_functions)
        components = copy.deepcopy(self.component_functions)
        self.section = _copy_section(before)
        try:
            for lhs, rhs, _ in contested.values():
                self.define(lhs, rhs)
            claims, _, _, _ = self.rows(block, frag, [])
            alternative = [s for c in claims for s in self.check_claim(c, frag)]
        except Exception:  # noqa: BLE001 - the other reading could not be checked: it is not a failure
            alternative = []
        finally:
            self.section, self.vector_functions, self.component_functions = saved, vector_functions, components
        if len(alternative) != len(steps):
            alternative = []
        rows = ", ".join(f"{_show(lhs)} = {_show(rhs)} (line {line})" for lhs, rhs, line in contested.values())
        out = []
        for k, s in enumerate(steps):
            alt = alternative[k] if alternative else None
            if s.verdict == "refuted" and (alt is None or alt.verdict != "refuted"):
                s = _ambiguous(s, alt, "with the definitions above this fails", f"with {rows} read as a new definition")
            out.append(s)
        return out

    def earlier_readings(self, block, frag, steps, before):
        r"""An undecided step read once more with the definitions of an earlier section that ended at a heading
        (``a_j = e^{z_j} / \sum_k e^{z_k}`` under "Softmax", ``\frac{\partial a_j}{\partial z_i} = -a_i a_j``
        under "Its derivative"): notes reuse short names section by section, so such a definition may only
        confirm.  A step confirmed with it takes that verdict and names the definition; one that fails with it stays
        undecided and says so.  A worked example's number (``h_t = \tanh(1.5)`` under "One step by hand",
        :func:`_worked_value`) is not among them: it would confirm ``|1 - h_t^2| \le 1`` (or ``h_t > 0.9``) at that
        one point."""
        if not before.earlier or not any(s.verdict == "undecided" for s in steps):
            return steps
        exprs = [e for r in block.rows if r.kind not in ("empty", "prose") for e in (*r.chain.exprs, *r.conditions)]
        names = {str(x) for e in exprs if isinstance(e, sp.Basic) for x in e.free_symbols} \
            | {str(x.label) for e in exprs if isinstance(e, sp.Basic) for x in e.atoms(sp.IndexedBase)}
        used = {k: v for k, v in before.earlier.items() if str(getattr(v[1], "label", v[1])) in names
                and not (v[0] == "symbols" and _worked_value(v[2]))}  # a worked example's number is one point
        if not used:
            return steps
        section = _copy_section(before)
        for kind, key, value, owner in used.values():
            getattr(section, kind)[key] = value
            if owner is not None:
                section.owner[key] = owner
        alternative = self.reread(block, frag, section)
        if len(alternative) != len(steps):
            return steps
        lines = ", ".join(sorted({f"{_show(v[1])} (line {v[3][1]})" for v in used.values() if v[3] is not None}))
        out = []
        for s, alt in zip(steps, alternative):
            same = s.verdict == "undecided" and alt.line == s.line and (alt.lhs, alt.rhs) == (s.lhs, s.rhs)
            if same and alt.verdict in ("proved", "verified"):
                s = dataclasses.replace(alt, method=f"{alt.method}; with {lines} as defined in an earlier section")
            elif same and alt.verdict == "refuted":
                s = dataclasses.replace(s, reason=f"{s.reason}; with {lines} as defined in an earlier section it "
                                                  f"fails ({alt.reason[:80]}), but that section's names may not be "
                                                  "meant here")
            out.append(s)
        return out

    def trailing_recurrences(self, row, frag) -> None:
        r"""A recurrence a row states as its side clause (``X_0 \sim N(0,1) \quad\text{and}\quad X_i = X_{i-1}
        \quad\text{for } i = 1, \dots, n``): the sequence is set by it, so a later claim about ``X`` is unrolled with
        it (readers.notes.recurrences) or undecided, never checked with its entries free."""
        for c in row.conditions:
            if not isinstance(c, sp.Eq) or not isinstance(c.lhs, sp.Indexed):
                continue
            found = recurrence(c.lhs, c.rhs)
            if found is not None:
                self.section.recurrences[found.base] = dataclasses.replace(found, line=frag.content_line + row.line - 1,
                                                                           paragraph=frag.paragraph)
                self.section.updates.add(base_name(c.lhs))

    def rows(self, block, frag, warnings):
        """Definitions into the section, claims out; ``mains`` (:class:`Main`) are what this block defines.

        A lone expression under ``\\min`` is an objective; the inequalities after it (``s.t.``
        rows and their side conditions) are its constraints, not claims."""
        claims, defined, mains, updates, previous = [], [], [], [], None
        propto_head = None  # the left side of the \propto chain the rows continue (readers.notes.proportional_forms)
        givens, problem, restated_rows = [], None, []
        opening = None  # the recurrence the current chain opens with: x_{k+1} = F(x_k) = ... (chained_recurrences)
        tail = continued_display(self.display_tail, frag, self.lines)
        if tail is not None:  # $$= ...$$ after $$A = B$$ and blank lines: B = ... (readers.notes.continued_displays)
            previous = tail.expr
        read_rows = list(split_shared_chains(split_restatements(block.rows)))  # H(X), H(Y) \le H(X, Y): two chains
        for index, row in enumerate(read_rows):
            if problem is not None and self.constraint_row(row, problem):
                continue
            if row.kind == "prose" and row.notes and row.notes[-1] in _LEADS_ON and len(row.chain.exprs) == 2 \
                    and row.chain.rels[0] in ("=", ":=") and not row.continued \
                    and isinstance(row.chain.exprs[0], AppliedUndef) \
                    and self.definable(row.chain.exprs[0], row.chain.exprs[1]):
                # T_N(x) = sum_{n=0}^N x^n/n! \Rightarrow (next row T_2(x) = ...): the premise defines T_N
                self.define(row.chain.exprs[0], row.chain.exprs[1], frag.content_line + row.line - 1)
                defined.append(f"{row.chain.exprs[0]}")
                previous = row.chain.exprs[1]
                continue
            if row.chain.rels == ("~",) and isinstance(row.chain.exprs[0], sp.Symbol) \
                    and row.chain.exprs[0].name in self.section.laws and assumed_law(row, self.words_before(frag)):
                # "Let $X \sim N(mu, sigma^2)$": the law for what follows (record_laws), a condition, no claim
                self.properties.append(f"{_show(row.chain.exprs[0])} ~ {_show(row.chain.exprs[1])}")
                continue
            premised = law_premise(row, lambda text: self.parse(text, frag)) if row.chain.rels == ("~",) else None
            if premised is not None and premised[0].name in self.section.laws:
                # X \sim Bern(p) \Rightarrow E(X) = p: the law is in force (record_laws), the conclusion a claim
                claims += [_Claim(a, rel, b, tuple(givens), frag.content_line + row.line - 1, block.zero_based)
                           for a, rel, b in premised[2].pairs()]
                continue
            if row.kind in ("empty", "prose", "list", "constraint") and not (
                    row.kind == "prose" and restates_row(row.notes)):  # "\text{or equivalently} L_i = ...": a claim
                continue
            exprs, rels = list(row.chain.exprs), list(row.chain.rels)
            self.trailing_recurrences(row, frag)
            if row.continued and previous is None and len(exprs) > 1 and frag.kind == "inline" and rels[0] == "=":
                rels = rels[1:]  # Precision $= \frac{TP}{TP + FP} = 0.8$: the word is the left side; the rest a chain
            elif row.continued:
                if previous is None:
                    line = frag.content_line + row.line - 1
                    warnings.append(f"line {line}: a row starting with {rels[0]} has nothing on its left")
                    continue
                exprs.insert(0, previous)
            if not exprs:
                continue
            previous = exprs[-1]
            if row.kind == "condition" and not row.continued:
                givens.extend(self.as_conditions(row, frag.content_line + row.line - 1, warnings))
                continue
            if implied(row) and len(exprs) > 1:  # P \Rightarrow Q: Q claimed under P, whatever Q's shape (never a
                claims += [_Claim(exprs[k], rels[k], exprs[k + 1], tuple(row.conditions) + tuple(givens),  # definition)
                                  frag.content_line + row.line - 1, block.zero_based, premise=tuple(row.conditions))
                           for k in range(len(rels))]
                if equivalent(row):  # P \iff Q: P claimed under Q as well (readers.notes.premises)
                    claims += [_Claim(a, rel, b, premise + tuple(givens), frag.content_line + row.line - 1,
                                      block.zero_based, premise=premise)
                               for a, rel, b, premise in converse(row.conditions, exprs, rels)]
                continue
            if len(exprs) == 1:  # a lone expression is not a claim
                found = objective(exprs[0]) if row.kind == "formula" and not row.continued else None
                if found is None and frag.kind == "inline" and row.kind == "formula" and minimised_in_prose(
                        text_before(self.lines, frag.kind, frag.line, frag.column)):
                    found = (exprs[0], (), False)  # "least squares minimises $\|Xw - y\|^2$" (matrix_optimum)
                if found is not None:  # \min_w f \text{ s.t. } g \ge 0: the side conditions constrain it
                    constraints = [g for g in map(relational_constraint, row.conditions) if g is not None]
                    current = {"objective": found, "constraints": constraints, "sentence": frag.sentence,
                               "source": frag.content, "row": row.line}
                    self.section.objective = current  # a later w^\star is its optimum (readers.notes.optimum)
                    if frag.kind == "display":  # an inline \min_w f is a mention
                        problem = current
                        mains.append(problem)
                continue
            if not row.continued:
                opening = opening_recurrence(exprs[0], exprs[1]) if len(exprs) > 1 and rels[0] == "=" else None
            if opening is not None and (row.continued or len(exprs) > 2):
                # x_{k+1} = x_k - a x_k = (1 - a)^{k+1} x_0: the recurrence, then claims about its sequence
                line = frag.content_line + row.line - 1
                if not row.continued:
                    found = recurrence(exprs[0], exprs[1])
                    if found is not None:  # later claims about the sequence are unrolled with it, as for x_t = F
                        self.section.recurrences[found.base] = dataclasses.replace(found, line=line,
                                                                                   paragraph=frag.paragraph)
                    if self.definable(exprs[0], exprs[1]):  # dh_t/dh_{t-1} below reads h_t's body, as before
                        self.define(exprs[0], exprs[1], line)
                        defined.append(f"{exprs[0]}")
                        mains.append(Main(exprs[0], exprs[1]))
                    else:
                        updates.append(_show(exprs[0]))
                claims += [_Claim(exprs[k], rels[k], exprs[k + 1], tuple(row.conditions) + tuple(givens), line,
                                  block.zero_based, recurrence=opening if rels[k] == "=" else None)
                           for k in range(0 if row.continued else 1, len(rels))]
                continue
            if row.continued and tail is not None and exprs[0] is tail.expr and not claims:
                claims.append(_Claim(exprs[0], rels[0], exprs[1], tuple(row.conditions) + tuple(givens),
                                     frag.content_line + row.line - 1, block.zero_based,
                                     tentative=f"read as continuing the display at line {tail.first_line} (a display "
                                               f"opening with {rels[0]})"))
                exprs, rels = exprs[1:], rels[1:]
                if len(exprs) < 2:
                    continue
            if not row.continued and rels[0] in ("=", ":="):
                restated = self.restatement(exprs[0], exprs[1], row, frag, block, givens)
                if restated is not None:  # "our likelihood becomes $$\log L(M) = ...$$" (readers.notes.restatements)
                    claims.append(restated)  # it is what the row claims: its plain reading would say less
                    restated_rows.append((exprs[0], exprs[1], restated.line))
            start = 0
            name = strip_optimum(exprs[0], exprs[1])  # \min_G \max_D V(D, G) = ... defines V
            density = logged_definition(name, exprs[1], len(exprs), row.continued, rels[0],
                                        lambda f, body: not self.takes_the_log_of(f, frag)
                                        and self.definable(f, body))
            if density is not None:  # \log p(x | mu, v) = ... defines the density p (readers.notes.log_definitions)
                name, exprs = density[0], [density[0], density[1]]
            fact = self.law_claim(name, exprs[1], row, frag, block, givens) \
                if not row.continued and rels[0] == "=" else None
            if fact is not None:  # \mu_X = p after X \sim Bernoulli(p): a claim about the law
                claims.append(fact)
                start = 1
                exprs[0] = fact.lhs
            if not row.continued and rels[0] in ("=", ":=") and len(exprs) == 2 and is_property(name, exprs[1]):
                self.properties.append(f"{_show(name)} = {_show(exprs[1])}")  # A = A^T: what A is, not a step
                self.section.described.add(name)  # a later A = W S W^T is a claim about this A, not a new name
                continue
            found = recurrence(name, exprs[1]) if not row.continued and rels[0] in ("=", ":=") else None
            unrolled = not row.continued and rels[0] in ("=", ":=") and len(exprs) == 2 \
                and (is_update(name, exprs[1]) and self.unrolls(name, exprs[1])  # with the recurrences stated before
                     or self.closed_form(name, exprs[1]))
            if found is not None:  # v_t = beta v_{t-1} + g_t, x_{t+1} = x_t - eta g_t = ...: later claims about the
                self.section.recurrences[found.base] = dataclasses.replace(  # sequence are unrolled with it
                    found, line=frag.content_line + row.line - 1,  # (readers.notes.recurrences)
                    paragraph=frag.paragraph, start=own_start(found.base, row.conditions))
            if unrolled:
                # v_t = beta^2 v_{t-2} + ... after v_t = beta v_{t-1} + ...: the recurrence unrolled, a claim
                claims.append(_Claim(exprs[0], rels[0], exprs[1], tuple(row.conditions) + tuple(givens),
                                     frag.content_line + row.line - 1, block.zero_based))
                continue
            if not row.continued and rels[0] == "=" and len(exprs) == 2 and is_update(name, exprs[1]) \
                    and self.defined_through_recurrence(name):
                # e_{k+1} = e_k^2 / x_k after e_k = x_k - sqrt(a) and x's recurrence: a claim about x, not a new e
                claims.append(_Claim(exprs[0], rels[0], exprs[1], tuple(row.conditions) + tuple(givens),
                                     frag.content_line + row.line - 1, block.zero_based))
                continue
            if not row.continued and rels[0] in ("=", ":=") and len(exprs) == 2 and is_update(name, exprs[1]) \
                    and not self.matrix_claims.operation(name):
                self.section.updates.add(base_name(name))  # W = W - alpha g, v_t = beta v_{t-1} + ...
                self.section.moved_on.discard(base_name(name))  # updated here again: its steps are this section's
                if name in exprs[1].free_symbols or base_name(name) == getattr(name, "name", None):
                    self.section.in_place.add(base_name(name))
                updates.append(_show(name))
                continue
            if not row.continued and rels[0] in ("=", ":=") and len(exprs) == 2 and not self.definable(
                    name, exprs[1]) and self.definable(exprs[1], name, frag) and is_name(exprs[1]) \
                    and not is_name(name) and not isinstance(name, AppliedUndef) \
                    and not is_parameter(exprs[1], self.section.functions) \
                    and not entry_of(exprs[1], self.expand(name)) \
                    and not _written_before(exprs[1], self.seen_before_block):  # df/dx_1 = beta_1: no new name
                name, exprs = exprs[1], [exprs[1], exprs[0]]  # 1/m sum y_i = \bar{y} defines \bar{y}
            if not row.continued and rels[0] == ":=" and len(exprs) > 2 and is_update(name, exprs[1]) \
                    and not self.matrix_claims.operation(name):
                # w <- w - eta grad && = w - eta x (...): the assignment first, then claims about its right side;
                # w counts as updated only after this row's claims (they are about the w before the step)
                self.pending_updates.append(name)
                updates.append(_show(name))
                for k in range(1, len(rels)):
                    claims.append(_Claim(exprs[k], rels[k], exprs[k + 1], tuple(row.conditions) + tuple(givens),
                                         frag.content_line + row.line - 1, block.zero_based))
                continue
            redefinition = ""
            family = member(name, self.section.functions) if not row.continued else None
            valued = member_value(name, self.section.symbols, self.recurrent_bases(), exprs[1],
                                  self.in_force(set(), frag.paragraph)[1]) \
                if family is None and not row.continued and rels[0] in ("=", "approx") else None
            if valued is not None:  # eta_T = eta_min after eta_t = ...: the family's value there (family_members);
                # in a chain (hat m_2 = 0.18/0.1 = 1.8) the head link too, then the links after it
                claims.append(_Claim(valued[0], rels[0], exprs[1], tuple(row.conditions) + tuple(givens),
                                     frag.content_line + row.line - 1, block.zero_based, shown_lhs=_show(name),
                                     read_as=valued[1], unambiguous=True))
                claims += [_Claim(exprs[k], rels[k], exprs[k + 1], tuple(row.conditions) + tuple(givens),
                                  frag.content_line + row.line - 1, block.zero_based) for k in range(1, len(rels))]
                continue
            optimum = self.optimum_claim(name, exprs[1], row, frag, block, givens) \
                if not row.continued and rels[0] in ("=", ":=") and family is None else None
            solved = self.solved_for(name, exprs, rels, row, frag, givens) if optimum is None and family is None \
                else None
            if family is not None:  # T_2(x) = 1 + x + x^2/2 after T_N(x) = sum_{n=0}^N x^n/n! (function_families)
                claims.append(_Claim(family[0], "=" if rels[0] == ":=" else rels[0], exprs[1],
                                     tuple(row.conditions) + tuple(givens), frag.content_line + row.line - 1,
                                     block.zero_based, tentative=family[1]))
                if rels[0] in ("=", ":=") and self.definable(name, exprs[1]):  # later rows use the body as written,
                    self.define(name, exprs[1], frag.content_line + row.line - 1)  # as when it read as a definition
                    defined.append(f"{name}")
                start = 1
            elif optimum is not None:  # w^\star = v after \min_w F: F'(v) = 0 (readers.notes.optimum)
                claims.append(optimum)
                start = 1
            elif solved is not None:  # x = A^{-1} b after b = A x: that equation solved for x, a claim
                claims.append(solved)
                start = 1
            elif not row.continued and rels[0] in ("=", ":=") and self.definable(name, exprs[1], frag) and not (
                    name in self.seen_before_block and frag.kind == "inline"
                    and introduced_as_wrong(self.lines, frag.kind, frag.line, frag.column)):
                # ("Wrong: $w^* = a/b$" after w^* = b/a restates w^*, to be checked: no new definition)
                claim = _Claim(name, "=", exprs[1], tuple(row.conditions) + tuple(givens),
                               frag.content_line + row.line - 1, block.zero_based)
                found = self.definition_as_claim(claim, frag) or self.law_as_claim(claim) \
                    or self.entropy_as_claim(claim, frag) or self.composition_as_claim(claim) \
                    or self.special_as_claim(claim, frag) or self.standard_function_as_claim(claim, frag) \
                    or self.named_quantity_as_claim(claim, frag) or self.solved_as_claim(claim, frag) \
                    or self.inverse_as_claim(claim, frag)
                agreed = [] if found else self.earlier_definition_as_claim(claim, frag)
                self.definition_steps += found or agreed
                named = self.chain_names(exprs, rels)
                if named:  # u = f(x) = 3x^2 - 4x: the chain names f as well, before u (u's body then expands)
                    self.define(exprs[1], exprs[2], frag.content_line + row.line - 1)
                    defined.append(f"{exprs[1]}")
                if not agreed and not any(s.verdict == "refuted" for s in found):  # H[Y] = E[log p_Y(Y)]: Shannon's
                    # entropy stated wrongly, not a new H (entropy_as_claim); T_n(a) = f(a), true of T_n defined
                    # above: T_n keeps its definition
                    self.define(name, exprs[1], frag.content_line + row.line - 1)
                    defined.append(f"{name}")
                    mains.append(Main(name, exprs[1]))
                elif agreed and isinstance(name, sp.Symbol) and name in self.section.owner and restatements.\
                        redefined_since(exprs[1], self.section.owner[name][1], self.section.owner):
                    # y = sigma(z) after y = sigma(w^T x + b) and z = w^T x + b: the same y, now written in z, the
                    # form a later dL/dz is taken in (both agree, so either body gives the same value)
                    self.define(name, exprs[1], frag.content_line + row.line - 1)
                    defined.append(f"{name}")
                for other in self.side_definitions(row):  # u(a, b) = ..., \qquad v(a, b) = ...: both defined
                    self.define(other.lhs, other.rhs, frag.content_line + row.line - 1)
                    defined.append(f"{other.lhs}")
                # A = W S W^{-1} with all three written out above: also a claim (readers.notes.matrices)
                start = 0 if self.matrix_claims.written_out_claim(name, exprs[1], frag.content_line + row.line - 1) else \
                    2 if named else 1
            elif not row.continued and rels[0] in ("=", ":=") and self.redefinable(name, exprs[1]) and (named := \
                    self.named_quantity_as_claim(_Claim(name, "=", exprs[1], tuple(row.conditions) + tuple(givens),
                                                        frag.content_line + row.line - 1, block.zero_based), frag)):
                self.definition_steps += named  # H(q) = ... after H(p) = ..., "the entropy": the words fix H, so
                start = 1  # the row is a claim about it, not a new H (readers.notes.named_quantities)
            elif not row.continued and rels[0] in ("=", ":=") and self.redefinable(name, exprs[1]) \
                    and (introduces_definition(self.lines, frag.kind, frag.line, frag.column)
                         or rels[0] == ":="  # h(x) := f(x) + g(x) after h(x) := alpha f(x): ':=' defines anew
                         or self.composes_anew(name, exprs[1])
                         or recomputes(self.section.symbols.get(name), self.expand(exprs[1]))
                         or isinstance(name, AppliedUndef)
                         and differentiated_after(read_rows, index, name.func.__name__)):
                # "let us plot the function $$f(x, y) = ...$$" after another f: the words say it is a new
                # definition, which shadows the old one (readers.notes.definition_cues); SE = (numbers) after
                # SE = (other numbers): the next worked problem's value (readers.notes.recomputations); f(x, y) =
                # x + y -> df/dx = 1: set to be differentiated; f(x) = h(g(x)) after f(x) = A(B(x)): a new composite
                self.define(name, exprs[1], frag.content_line + row.line - 1)
                defined.append(f"{name}")
                mains.append(Main(name, exprs[1]))
                start = 1
            elif not row.continued and rels[0] in ("=", ":=") and self.redefinable(name, exprs[1]) \
                    and not introduces_restatement(self.lines, frag.kind, frag.line, frag.column) \
                    and row.kind != "prose":  # "\text{or equivalently} f(x) = ...": the words say it restates
                redefinition = _show(name)  # "we see that this is $$f(x) = ...$$": a claim about f, not a new f
            if start == 0 and not row.continued and isinstance(name, AppliedUndef) \
                    and name.func.__name__ not in self.vector_functions:  # f(\mathbf{x}) = \sum_i \beta_i x_i about a
                written = [exprs[k + 1] for k in range(len(rels)) if rels[k] == "=" and of_entries(name, exprs[k + 1])]
                if written:  # known f: the notes write f in x's entries, which later df/dx_1 read
                    self.vector_functions[name.func.__name__] = [(name.args, written[0])]
            links = tuple((exprs[k], exprs[k + 1]) for k in range(len(rels)) if rels[k] == "=")
            propto_head = propto_head if row.continued else (exprs[0] if PROPTO in rels else None)
            earlier = self.propto_forms.earlier(exprs[0], self.section.number, frag.content_line + row.line - 1) \
                if not row.continued and start == 0 and rels[0] == PROPTO and isinstance(exprs[0], AppliedUndef) \
                and not any(len(params) == len(exprs[0].args)  # p(x | z) after p(x) = ...: not that p
                            for params, _ in self.section.functions.get(exprs[0].func.__name__, ())) else None
            if propto_head is not None and rels[-1] in (PROPTO, "="):  # readers.notes.proportional_forms
                self.propto_forms.record(propto_head, exprs[-1], self.section.number, frag.content_line + row.line - 1)
            if earlier is not None:  # p(x | z) \propto B after p(x | z) \propto A: A \propto B in x
                claims.append(_Claim(earlier[0], PROPTO, exprs[1], tuple(row.conditions) + tuple(givens),
                                     frag.content_line + row.line - 1, block.zero_based,
                                     shown_lhs=f"{_show(exprs[0])} (its form at line {earlier[1]})",
                                     tentative=f"read as the ∝ form of {_show(exprs[0])} at line {earlier[1]} "
                                               "written again"))
                start = 1
            if start == 0 and len(rels) > 1 and rels[0] in ("<", ">", "<=", ">=") \
                    and self.threshold(exprs[0], exprs[1]):
                start = 1  # "overflows once $x > \ln(1.8 \times 10^{308}) \approx 709.8$": a threshold on x, then
                # a claim about the number
            for k in range(start, len(rels)):
                claims.append(_Claim(exprs[k], rels[k], exprs[k + 1], tuple(row.conditions) + tuple(givens),
                                     frag.content_line + row.line - 1, block.zero_based,
                                     redefinition if k == 0 else "", chain=links if len(links) > 1 else ()))
        mains = [m if isinstance(m, Main) else self.problem(m) for m in mains]
        claims = [c for c in claims if (c.lhs, c.rhs, c.line) not in restated_rows]
        self.rows_tail = previous
        return claims, defined, mains, updates

    def test_error_reading(self, claim, lhs, rhs, shown) -> StepReport | None:
        """A claim about a test's error probabilities in words, with the levels the notes name (module
        readers.notes.hypothesis_tests), decided there; None when it is no such claim."""
        if not self.test_levels or claim.rel != "=" or claim.conditions:
            return None
        (left, on_left), (right, on_right) = (hypothesis_tests.substitute(e, self.test_levels, PROBABILITY_NAMES)
                                              for e in (lhs, rhs))
        found = hypothesis_tests.decide(left, right, on_left + on_right) if on_left or on_right else None
        if found is None:
            return None
        verdict, how, witness = found
        return StepReport(**shown, verdict=verdict, method=how, reason=how if verdict == "refuted" else "",
                          counterexample=witness)

    def restatement(self, lhs, rhs, row, frag, block, givens) -> _Claim | None:
        r"""The row ``lhs = rhs`` as the quantity written before with a definition made since, when the prose says
        it "becomes" this: the claim (earlier right side, expanded now) = ``rhs`` (readers.notes.restatements).
        Every row ``lhs = rhs`` is recorded here as a form of its left side's shape."""
        key = restatements.shape(lhs, PROBABILITY_NAMES | set(MOMENTS))
        if key is None:
            return None
        line = frag.content_line + row.line - 1
        forms = self.section.stated.setdefault(key, [])
        earlier = next((form for form in reversed(forms) if form[1] < line), None)
        if not any(form[1] == line for form in forms):
            forms.append((rhs, line))
        if earlier is None or not restatements.CUE.search(text_before(self.lines, frag.kind, frag.line, frag.column)):
            return None
        since = restatements.redefined_since(earlier[0], earlier[1], self.section.owner)
        if not since or not restatements.adds_nothing(self.expand(rhs), self.expand(earlier[0])):
            return None
        names = ", ".join(_show(n) if isinstance(n, sp.Basic) else n for n in since)
        shown = f"{_show(lhs)} (line {earlier[1]}, new {names})"
        return _Claim(earlier[0], "=", rhs, tuple(row.conditions) + tuple(givens), line, block.zero_based,
                      shown_lhs=shown)

    def solved_for(self, name, exprs, rels, row, frag, givens) -> _Claim | None:
        r"""``x = v`` whose value uses, through this section's definitions, ``x`` itself (``x = A^{-1} b`` after
        ``A x = b`` defined ``b``): the equation that defined them solved for ``x``, so a claim, when it holds;
        None otherwise (it stays a definition: a change of variables ``x = \sqrt{u}`` after ``u = x^2`` may hold
        only where the notes say)."""
        if row.continued or len(exprs) != 2 or rels[0] not in ("=", ":=") or not isinstance(name, sp.Symbol) \
                or not self.definable(name, exprs[1]) or name not in self.expand(exprs[1]).free_symbols:
            return None
        claim = _Claim(name, "=", exprs[1], tuple(row.conditions) + tuple(givens), frag.content_line + row.line - 1)
        return claim if self.confirmed_aside((name, exprs[1]), frag, claim) else None

    def optimum_claim(self, name, value, row, frag, block, givens) -> _Claim | None:
        r"""``w^\star = v`` after an unconstrained ``\min_w F`` of this section, or after ``h(w) = F``
        when the sentence calls it an optimum: the claim $\partial F/\partial w = 0$ at $w = v$."""
        base = starred_base(name)
        if base is None:
            return self.estimate_claim(name, value, row, frag, block, givens)
        found = self.section.objective
        variables = tuple(found["objective"][1]) if found is not None else ()
        if found is not None and not found["constraints"] and not _SUBJECT_TO.search(found["sentence"]) \
                and (variables == (base,) or not variables and base in {getattr(x, "name", None) for x in
                                                                        found["objective"][0].free_symbols}) \
                and not found["objective"][2]:
            body = self.expand(found["objective"][0])
            stated = found
        elif OPTIMUM_WORDS.search(frag.sentence):
            bodies = [(f, b) for f, (params, b) in ((f, defs[-1]) for f, defs in reversed(
                self.section.functions.items()) if defs) if len(params) == 1 and getattr(params[0], "name", None) == base]
            if not bodies:
                return None
            stated, body = bodies[0]
        else:
            return None
        variable = next((s for s in body.free_symbols if isinstance(s, sp.Symbol) and s.name == base), None)
        value = self.expand(value)
        residual = stationarity(body, variable, value) if variable is not None else None
        bounded = [c for c in self.section.conditions if variable in c[0].free_symbols]
        if residual is None or bounded:  # u \ge 0 in force: an optimum on the boundary need not be stationary
            return None
        line = frag.content_line + row.line - 1
        readings = self.optimum_readings(stated, base, name, frag, row, line)
        matrix = matrix_like(body, value) or readings is not None and matrix_like(*readings)
        how = f"{_show(name)} read as a stationary point of {_show(one_by_one(body))}" + \
              (" (matrices in their 1x1 case: every size includes it)" if matrix else "")
        shown = {"lhs": f"d/d{base} at {_show(name)}", "rel": "=", "rhs": "0", "line": line}
        return _Claim(residual, "=", sp.Integer(0), tuple(row.conditions) + tuple(givens),
                      line, block.zero_based, shown_lhs=shown["lhs"], read_as=how, unambiguous=True,
                      one_by_one=matrix, at_sizes=self.optimum_at_sizes(*readings, base, shown)
                      if matrix and readings is not None else None)

    def recurrent_bases(self) -> frozenset:
        """Bases a recurrence or an update of the section sets (``a`` of ``a_n = a_{n-1} + 3``)."""
        return frozenset(str(b) for b in self.section.recurrences) | frozenset(
            str(u).split("_", 1)[0] for u in self.section.updates)

    def estimate_claim(self, name, value, row, frag, block, givens) -> _Claim | None:
        r"""``\hat\lambda = v`` after a log-likelihood ``\ell(\lambda) = \dots`` of the section: the maximum-likelihood
        estimate (readers.notes.estimates), claimed a stationary point, $\ell'(v) = 0$, where the likelihood has one."""
        found = estimate_base(name, self.section.functions, " ".join([frag.sentence, self.prose, *frag.headings]))
        if found is None:
            return None
        base, function, body = found
        variable = next((s for s in body.free_symbols if isinstance(s, sp.Symbol) and s.name == base), None)
        value = self.expand(value)
        body = self.expand(body)
        if variable is None or variable in value.free_symbols or not of_the_data(value, body, variable) \
                or any(variable in c[0].free_symbols for c in self.section.conditions):
            return None
        if not has_stationary_point(body, variable):
            return None  # the uniform's theta-hat = max x_i: an optimum on the boundary of the support
        residual = stationarity(body, variable, value)
        if residual is None:
            return None
        line = frag.content_line + row.line - 1
        return _Claim(residual, "=", sp.Integer(0), tuple(row.conditions) + tuple(givens), line, block.zero_based,
                      shown_lhs=f"{function}'({base}) at {_show(name)}",
                      read_as=f"{_show(name)} read as the maximum-likelihood estimate: a stationary point of "
                              f"{function}({base})", unambiguous=True)

    def optimum_readings(self, stated, base: str, name, frag, row, line):
        r"""The objective and the value of ``w^\star = v`` read with order-keeping products (transposes
        kept: readers.notes.matrix_optimum); ``stated``: the section's objective, or the name of the function
        that is.  None when either has no such reading."""
        self.matrix_claims.declared = self.matrix_claims.notes.at(line)
        functions = frozenset(self.section.functions) | self.document_functions
        names = {"names": self.names, "functions": functions, "letters": self.matrix_claims.declared.matrix_letters()}
        if isinstance(stated, dict):
            rows = [exprs for at, exprs in matrix_rows(stated["source"], **names) if at == stated["row"]]
            found = objective(rows[0][0]) if rows and len(rows[0]) == 1 else None
            body = found[0] if found is not None else rows[0][0] if rows and len(rows[0]) == 1 else None
        else:
            body = self.matrix_claims.defined_function(sp.Function(stated)(sp.Symbol(base, commutative=False)),
                                                       line, functions, [])
        values = [exprs[1] for at, exprs in matrix_rows(frag.content, **names)
                  if at == row.line and len(exprs) == 2 and getattr(exprs[0], "name", None) == name.name]
        return (body, values[0]) if body is not None and values else None

    def optimum_at_sizes(self, body, value, base: str, shown) -> StepReport | None:
        r"""``w^\star = v`` checked as $\nabla_w F = 0$ at $w = v$ on matrices of several sizes
        (readers.notes.matrix_optimum), None when the check cannot read it."""
        claim = stationarity_claim(body, base, value)
        if claim is None:
            return None
        self.matrix_claims.pairs = ()  # and no matrix equation of the section: X^T X w = X^T y solved for w
        try:  # would answer the question with itself
            outcomes = self.matrix_claims.outcomes(claim, sp.Integer(0), "=")
        except (Unsupported, ShapeError):
            return None
        if {o.status for o in outcomes.values()} != {"holds"}:
            return None
        return self.matrix_claims.confirmed(claim, sp.Integer(0), outcomes, shown)

    def constraint_row(self, row, problem) -> bool:
        """Whether ``row`` constrains the objective above it (``s.t. g_i \\ge 1``, ``\\zeta_i \\ge 0``)."""
        pairs = row.chain.pairs()
        stated = [g for g in map(relational_constraint, row.conditions) if g is not None]  # "\text{s.t. } & g \ge 1"
        if row.kind not in ("constraint", "formula") or not (pairs or stated and row.kind == "constraint") \
                or row.continued or not all(rel in INEQUALITIES for _, rel, _ in pairs):
            return False
        problem["constraints"] += [constraint(a, rel, b) for a, rel, b in pairs] + stated
        return True

    def problem(self, problem) -> Main:
        """An objective and its constraints as a :class:`Main`, slacks eliminated (not in a minimax)."""
        body, variables, minimax = problem["objective"]
        if minimax:
            return Main(None, self.expand(body), variables)
        return eliminate_slacks(self.expand(body), variables, [self.expand(g) for g in problem["constraints"]])

    def definite_condition(self, frag, base):
        r"""The report of ``M \succ 0`` (``\succeq``, ``\prec``, ``\preceq``) for a matrix written out here or named
        by an earlier definition: its minors' conditions put in force (readers.notes.definite_matrices); for one that
        is not symmetric as written, its entries are marked as restricted by a statement not used (a counterexample
        over them is not shown).  None for another block, or a matrix whose entries are unknown."""
        found = definiteness(frag.content)
        if found is None:
            return None
        text, op = found
        try:
            rows = [r for r in self.parse(text, frag).rows if r.kind not in ("empty", "prose")]
        except LatexParseError:
            return None
        if len(rows) != 1 or len(rows[0].chain.exprs) != 1:
            return None
        value = rows[0].chain.exprs[0]
        value = self.section.symbols.get(value, value) if isinstance(value, sp.Symbol) else value
        if not isinstance(value, MatrixLiteral):
            return None
        matrix = value.as_matrix()
        relations = minor_conditions(matrix, op)
        if relations is None:
            for x in matrix.free_symbols:
                self.section.unreadable[base_name(x)] = frag.line
            return BlockReport(**base, parsed=False, role="unparsed",
                               error=f"\\{op} 0 of a matrix that is not symmetric as written: not used")
        self.assume(relations, frag.content_line)
        return BlockReport(**base, parsed=True, role="condition", parsed_form=(" ".join(frag.content.split()),),
                           assumptions=tuple(_show(r) for r in relations))

    def as_conditions(self, row, line, warnings):
        chain = row.chain
        out = []
        for a, rel, b in chain.pairs():
            built = {"=": sp.Eq, "!=": sp.Ne, "<": sp.Lt, ">": sp.Gt, "<=": sp.Le, ">=": sp.Ge}.get(rel)
            if built is None:
                warnings.append(f"line {line}: condition with {rel} not used")
                continue
            try:
                out.append(built(self.expand(a), self.expand(b)))
            except TypeError:
                warnings.append(f"line {line}: condition not comparable")
        return out

    # ** definitions **

    def takes_the_log_of(self, f, frag) -> bool:
        r"""Whether ``\log f(args) = \dots`` restates an ``f`` defined above, as the words before the block say
        ("taking the logarithm of the exponential family"): a claim about that ``f``, not a new ``f`` defined by
        its logarithm (readers.notes.log_definitions), which a later section may write without such words."""
        return f.func.__name__ in self.section.functions \
            and _TAKING_LOG.search(text_before(self.lines, frag.kind, frag.line, frag.column)) is not None

    def threshold(self, a, b) -> bool:
        """Whether ``a`` against ``b`` bounds a name the section leaves free by a number: a region of that name, no
        claim about every value of it."""
        for name, number in ((a, b), (b, a)):
            if isinstance(name, sp.Symbol) and isinstance(number, sp.Basic) and not number.free_symbols \
                    and _key(name) not in self.section.owner:
                return True
        return False

    def defined_element(self, name) -> bool:
        """Whether ``name`` is a numbered entry (``p_1``) of an array the section defines (``p_i = ...``)."""
        return isinstance(name, sp.Symbol) and as_elements(name, {str(b.label): b for b in self.section.arrays
                                                                  if isinstance(b, sp.IndexedBase)}) != name

    def definable(self, lhs, rhs, frag=None) -> bool:
        """Whether ``lhs = rhs`` defines ``lhs``: a name that ``rhs`` does not use, not defined yet in
        this section (a definition in an earlier section is shadowed).  ``frag``: the block, where it is known."""
        key = _key(lhs)
        if self.matrix_claims.operation(lhs):  # tr(AB) = ..., \nabla_{\mathbf{x}} f = ...: a claim
            return False
        if isinstance(lhs, sp.Symbol) and _WRITTEN_ZERO.fullmatch(lhs.name):
            return False  # "u with $A\mathbf{u} = \mathbf{0}$": the zero vector is never a name being defined
        if isinstance(lhs, sp.Symbol) and frag is not None and _MATRIX_IDENTITY.fullmatch(lhs.name) \
                and (self.matrix_claims.writes_declared(frag, frag.content_line) or transposes_written(frag.content)
                     or {s.name for s in rhs.free_symbols if isinstance(s, sp.Symbol)}
                     & self.matrix_claims.defined_letters(frag.content_line, self.section)
                     or _matrix_names(rhs, sp.S.Zero)):
            return False  # X(X^T X)^{-1}X^T = I beside a declared, a transposed, a defined or a bold matrix (M^3 = I
            # after M = Z(Z^T Z)^{-1}Z^T, \mathbf{P}^2 = \mathbf{I}): the identity, never a name being defined
        if key is None or self.section.defined_here(key):
            if not isinstance(lhs, AppliedUndef):
                return False
        if self.defined_element(lhs):
            return False  # p_1 = sigma(z_1 - z_2) after p_i = e^{z_i} / sum_j e^{z_j}: an entry of a defined family
        if isinstance(lhs, sp.Symbol):
            return lhs not in rhs.free_symbols and base_name(lhs) not in self.section.updates \
                and lhs not in self.section.described and compound_moments(lhs) == lhs  # mu_{aX+b}: E(aX+b)
        if isinstance(lhs, sp.Pow) and isinstance(lhs.base, sp.Symbol) and lhs.exp in (2, -1, -2):
            # sigma^2 = v, and "the posterior precision is 1/tau_n^2 = 1/tau^2 + n/sigma^2": tau_n is being named
            return lhs.base not in rhs.free_symbols and (lhs.exp == 2 or not self.section.defined_here(lhs.base)
                                                         and lhs.base not in self.seen_before_block
                                                         and _SCALAR_LETTER.match(lhs.base.name) is not None)
        if isinstance(lhs, sp.Indexed):
            return lhs.base not in rhs.atoms(sp.IndexedBase) and all(isinstance(i, sp.Symbol) for i in lhs.indices)
        if isinstance(lhs, AppliedUndef):
            name = lhs.func.__name__
            if name in MOMENTS or estimator_moments.estimator_operator(lhs):
                return False  # Var(X) = ..., E[X] = ..., MSE(\hat\theta): standard operators, so a claim about them
            if name.startswith("arg") and OPTIMUM.fullmatch(name):
                return False  # arg max_theta L(theta) = ...: an optimiser, a point, never a function being defined
            if name == "component" and lhs.args and isinstance(lhs.args[0], (sp.Mul, sp.Add)):
                return False  # (\mathbf{G}\mathbf{z})_r = \sum_s g_{rs} z_s: an entry of a product, a claim about it
            if name in KL_NAMES and lhs.args and all(law(self.expand(a)) is not None for a in lhs.args):
                return False  # D_KL(N(mu, sigma^2) || N(0, 1)), or D_KL(p || q) after p = N(...): a claim
            if name.endswith("'") and name.rstrip("'") in self.section.functions:
                return False  # f'(x) with f known: a claim about its derivative
            if name == "sigma'" and self.sigmoid_context and "sigma" not in self.section.functions \
                    and len(lhs.args) == 1:
                return False  # sigma'(x) in notes on the sigmoid: a claim about its derivative (standard_sigma)
            if name.startswith("nabla") and any(isinstance(a, AppliedUndef) and a.func.__name__ in
                                                self.section.functions for a in lhs.args):
                return False  # \nabla_w J(w) with J known: a claim about its gradient
            if name.startswith(("nabla_", "nabla^")) and not all(isinstance(a, AppliedUndef) for a in lhs.args):
                return False  # \nabla_w (w - 3)^2/2 = w + 3: the gradient of a written expression, a claim; read as
                # defining nabla_w it was no claim, and the correct restatement after it was refuted
            cases = self.section.functions.get(name, [])
            if all(a.is_number for a in lhs.args):
                return False  # f(3) = 9: a claim about a known function
            if name.startswith(("sum_{", "prod_{")) or name == "integral":
                return False  # \sum_{x \in Val(X)} p_X(x) = 1, \int f_X(x) = 1: a sum or an integral, no name
            if name in PROBABILITY_NAMES and rhs.is_number:
                return False  # P(S) = 1, P(H = 1) = 0.0015: a value of the probability, never P := constant
            if name in PROBABILITY_NAMES and {x.name for x in lhs.free_symbols} & set(self.section.laws):
                return False  # P(X > t) = e^{-lambda t} after X ~ Exp(lambda): a claim about the law (laws)
            if cases and (self.section.defined_here(key) or not all(is_name(a) for a in lhs.args)) \
                    and _instantiate(lhs, cases) != lhs:
                return False  # f(x) again in the same section: a claim about a known function
            return not any(isinstance(a, AppliedUndef) and a.func.__name__ == name for a in rhs.atoms(AppliedUndef))
        if isinstance(lhs, sp.Derivative):
            if through_definitions(lhs, self.section.functions, self.section.symbols) is not None:
                return False  # \partial f/\partial w with f(u, v), u(a, b), a(w, x) defined (readers.notes.dependencies)
            if isinstance(lhs.expr, sp.Symbol) and (_function_of(lhs, self.section.functions) is not None or
                                                    component_derivative(lhs, self.vector_functions) is not None):
                return False  # \partial\ell/\partial z with \ell(z) defined: a claim about its derivative
            if isinstance(lhs.expr, sp.Symbol) and len(lhs.variables) == 1 and _one_argument(
                    self.section.functions.get(lhs.expr.name, [])) and lhs.variables[0] not in self.section.symbols:
                return False  # dh/db with h(x) defined: a claim about h' at b (check_plain's at_argument)
            if lhs.expr in self.section.earlier:
                return False  # dJ/dL under a new heading after J = L + s: a claim, confirmed by J's earlier definition
            return isinstance(lhs.expr, sp.Symbol) and lhs.expr not in self.section.symbols \
                and not any(_depends(lhs.expr, v) for v, _ in lhs.variable_count)
        return False

    def chain_names(self, exprs, rels) -> bool:
        """Whether the chain ``u = f(x) = body`` that defines ``u`` also defines ``f``: a function not defined in
        this section (one of an earlier section is shadowed, as by any definition), applied to names, set equal to
        a body that does not use it, and not a standard function (``F(x) = Phi(x) = ...`` is a claim about
        ``Phi``)."""
        middle = exprs[1] if len(exprs) > 2 else None
        return middle is not None and rels[1] in ("=", ":=") and isinstance(middle, AppliedUndef) \
            and bool(middle.args) and all(is_name(a) for a in middle.args) and not standard_functions(middle)[1] \
            and self.definable(middle, exprs[2])

    def definition_as_claim(self, claim: _Claim, frag: Fragment) -> list[StepReport]:
        r"""A row read as a definition of a derivative, checked once more as a claim, before it defines anything:
        its steps when that reading is confirmed, else [] (it stays a definition only).

        ``\frac{d}{dx}c = 0`` in a sentence about constants, with ``c`` first written here, reads two ways: the
        definition of an unknown derivative, or the derivative of the constant ``c``.  When the claim holds both
        readings agree and the block is confirmed; when it fails there is no verdict (the row may define)."""
        line = self.lines[frag.line - 1] if 0 < frag.line <= len(self.lines) else ""
        if not (_CONSTANT.search(frag.sentence) or _CONSTANT.search(line)):
            return []
        before = getattr(self, "seen_before_block", frozenset())  # a constant first written here, not L of dL/dw
        constants = {d.expr for d in claim.lhs.atoms(sp.Derivative) if isinstance(d.expr, sp.Symbol)
                     and d.expr not in before and not any(_depends(d.expr, v) for v, _ in d.variable_count)}
        if not constants:
            return []
        lhs = claim.lhs.replace(lambda e: isinstance(e, sp.Derivative) and e.expr in constants, lambda e: e.doit())
        found = self.check_aside(_Claim(**{**claim.__dict__, "lhs": lhs, "shown_lhs": _show(claim.lhs)}), frag)
        if not found or not all(s.verdict in ("proved", "verified") for s in found):
            return []
        names = ", ".join(sorted(map(_show, constants)))
        note = f"{names} read as constant{'s' if len(constants) > 1 else ''}, as the prose says; as the " \
               f"definition of {_show(claim.lhs)} it agrees"
        return [StepReport(**{**s.__dict__, "method": f"{s.method}; {note}"}) for s in found]

    def inverse_as_claim(self, claim: _Claim, frag: Fragment) -> list[StepReport]:
        r"""A row ``f^{-1}(y) = g(y)`` with ``f`` a function of one argument the section defines: the claim
        ``f(g(y)) = y`` (readers.notes.inverses), its steps when confirmed or refuted with a counterexample, else []
        (it stays a definition)."""
        name = inverses.inverted(claim.lhs)
        cases = [c for c in self.section.functions.get(name, ()) if len(c[0]) == 1] if name else []
        pair = inverses.composed(name, claim.lhs, claim.rhs) if len(cases) == 1 else None
        if pair is None:
            return []
        found = self.check_aside(_Claim(pair[0], "=", pair[1], claim.conditions, claim.line), frag)
        if not found or not (all(s.verdict in ("proved", "verified") for s in found)
                             or all(s.verdict == "refuted" and s.counterexample for s in found)):
            return []
        owner = self.section.owner.get(name)
        note = f"read as {_show(pair[0])} = {_show(pair[1])}: {_show(claim.lhs)} the inverse of {name}" + (
            f" (line {owner[1]})" if owner and owner[1] else "")
        return [StepReport(**{**s.__dict__, "lhs": _show(claim.lhs), "rhs": _show(claim.rhs), "role": "claim",
                              "method": f"{s.method}; {note}" if s.method else note}) for s in found]

    def earlier_definition_as_claim(self, claim: _Claim, frag: Fragment) -> list[StepReport]:
        r"""A row read as a definition of a name the notes defined before (``T_n(a) = f(a)`` after ``T_n(x) = \sum_k
        ...``, ``s'(z) = ...`` in a later section): also a claim about the earlier definition, checked aside with it in
        force.  Its steps when every one is confirmed (both readings agree: as a claim it holds, as a definition there
        is nothing to check), else [] (it stays a definition: a new name that shadows the old one is no mistake)."""
        if self.expand(claim.lhs) == claim.lhs:
            return self.earlier_section_as_claim(claim, frag)
        found = self.check_aside(claim, frag)
        if not found or not all(s.verdict in ("proved", "verified") for s in found):
            return []
        owner = self.section.owner.get(_key(claim.lhs))
        note = f"read as a claim about {_show(claim.lhs)} as defined " + (
            f"at line {owner[1]}" if owner and owner[1] else "above") + "; as a new definition it agrees with it"
        return [StepReport(**{**s.__dict__, "method": f"{s.method}; {note}"}) for s in found]

    def earlier_section_as_claim(self, claim: _Claim, frag: Fragment) -> list[StepReport]:
        r"""A row read as a definition of a name an earlier section defined, whose definition ended at a heading (``L =
        -\sum_k y_k z_k + \log\sum_m e^{z_m}`` or ``\partial L/\partial z_k = p_k - y_k`` under "Output layer", after
        ``L = -\sum_k y_k \log p_k`` and ``p_k = \dots`` under "Forward pass"): also a claim about it, checked aside
        with those definitions (and the ones their bodies use) in force.  Its steps when every one is confirmed, naming
        the definitions; else [] (it stays a definition: the earlier section's names may not be meant here, so they
        may only confirm, as in :meth:`earlier_readings`)."""
        if introduces_definition(self.lines, frag.kind, frag.line, frag.column) or _DEFINING_SENTENCE.search(
                text_before(self.lines, frag.kind, frag.line, frag.column)[-300:]):
            return []  # "Let $z = re^{i\theta}$" after an earlier section's worked z = 1 + sqrt(3) i, "Suppose that
            # functions $y = f(u)$ and ...": the words define anew
        if self.builds_on_this_block(claim.rhs, frag):
            return []  # mu_B = sum_i x_i / m, then x_hat_i = (x_i - mu_B)/sqrt(sigma_B^2 + eps) under "Batch
            # Normalization" after Layer Norm's x_hat: a chain of new definitions, not a claim about the old x_hat
        named = claim.lhs.expr if isinstance(claim.lhs, sp.Derivative) else claim.lhs
        named = named.base if isinstance(named, sp.Indexed) else named
        used = _earlier_used(self.section, {claim.lhs, claim.rhs})
        if not any(str(v[1]) == str(named) for v in used.values()):
            return []  # sigma(z) = ... after z_k = ...: not a name an earlier section defined
        section = _with_earlier(self.section, used)
        claim = dataclasses.replace(claim, lhs=_as_entries(claim.lhs, used), rhs=_as_entries(claim.rhs, used))
        with self.aside(section):
            try:
                found = self.check_claim(claim, frag)
            except Exception:  # noqa: BLE001 - the other reading could not be checked: the row stays a definition
                return []
        lines = ", ".join(sorted({f"{_show(v[1])} (line {v[3][1]})" for v in used.values() if v[3] is not None}))
        if found and any(s.verdict == "refuted" for s in found) and str(named) in {str(v[1]) for v in used.values()}:
            # L = -sum_k y_k z_k - log sum_m e^{z_m} right after the same L confirmed: a slip or a new L, not a
            # definition outright (the next section's dL/dz_k is read with the L the notes derived, not this one)
            self.section.contested[_key(claim.lhs)] = (claim.lhs, claim.rhs, claim.line)
            return [_undecided(s, f"ambiguous: as a claim about {lines} as defined in an earlier section it fails "
                                  f"({s.reason[:80]}); as a new definition of {_show(claim.lhs)} there is nothing to "
                                  "check") if s.verdict == "refuted" else s for s in found]
        if not found or not all(s.verdict in ("proved", "verified") for s in found):
            return []
        return [StepReport(**{**s.__dict__, "role": "claim", "method": f"{s.method}; read as a claim about {lines} "
                                                                       "as defined in an earlier section"})
                for s in found]

    def builds_on_this_block(self, expr, frag: Fragment) -> bool:
        """Whether ``expr`` names something defined by an earlier row of the block being read (a definition recorded
        in this section at or after the block's first line)."""
        if not isinstance(expr, sp.Basic):
            return False
        owner = self.section.owner
        return any(k in owner and owner[k][0] == self.section.number and owner[k][1] >= frag.line
                   for k in restatements.names_of(expr))

    def solved_as_claim(self, claim: _Claim, frag: Fragment) -> list[StepReport]:
        r"""A row ``name = value`` after prose that solves an equation of the displays just above for the name ("solve
        for", "setting it to zero"): also the claim that the value solves that equation, the value put in for the name
        and read again (readers.notes.solved_values).  Its steps when confirmed for one equation that the name itself
        does not satisfy whatever its value, else [] (it stays a definition)."""
        written = solved_values.assignment(frag.content) if not self.solving and self.displays_above else None
        if written is None or not 0 < frag.line <= len(self.lines):
            return []
        last = self.displays_above[0][2]
        if not 0 < last < frag.line:
            return []
        prose = " ".join(self.lines[last:frag.line - 1])
        if frag.kind == "inline":
            prose += " " + self.lines[frag.line - 1][:max(frag.column - 1, 0)]
        cue = solved_values.SOLVING.search(prose) if len(prose) <= solved_values.PROSE_REACH else None
        if cue is None:
            return []
        name, value = written
        try:
            (parsed,) = next(r for r in self.parse(name, frag).rows if r.kind not in ("empty", "prose")).chain.exprs
        except Exception:  # noqa: BLE001 - the name as written has no reading of its own: no such claim
            return []
        if parsed != claim.lhs:
            return []
        zero = solved_values.TO_ZERO.search(prose) is not None
        stated = solved_values.inline_equations(prose)  # "In general $x_t = ...$. Solving for the clean input,"
        links = solved_values.equations(stated, False) + solved_values.equations([d[0] for d in self.displays_above],
                                                                                 zero)
        for (left, right), (unknown, value) in ((link, reading) for link in links  # w^* solves it in w, \hat\sigma^2
                                                for reading in solved_values.unknowns(name, written[1])):  # in sigma
            equation = f"{left} = {right}"
            if not solved_values.mentions(equation, unknown):
                continue
            put = " = ".join(solved_values.evaluated_at(side, unknown, value) for side in (left, right))
            found = self.text_aside(put, frag)
            if not found or not all(s.verdict in ("proved", "verified") for s in found) \
                    or solved_values.MATRIX_LIKE.search(value) and not self.aside_matrix_read:
                continue  # a product of matrices read as numbers: A^{-1} B and B A^{-1} are one value there
            plain = self.text_aside(equation, frag)
            if not plain or not all(s.verdict == "refuted" or solved_values.FAILS_AS_IDENTITY.search(s.reason)
                                    for s in plain):
                continue  # an identity in the name (any value satisfies it), or not shown to be none (out of time)
            line = "in the prose above" if any(left in e for e in stated) else "at line " + str(next(
                (d[3] for d in self.displays_above if left in d[0]), self.displays_above[0][3]))
            note = solved_values.METHOD.format(where=line, equation=" ".join(equation.split())[:80],
                                               cue=" ".join(cue.group(0).split())[:40])
            if unknown != solved_values.unstarred(name):
                note += f", with {unknown} = {value}"
            return [StepReport(lhs=name, rel="=", rhs=" ".join(written[1].split()), verdict=s.verdict,
                               method=f"{note}; {s.method}"[:300], line=claim.line, assumptions=s.assumptions)
                    for s in found]
        return []

    def text_aside(self, text: str, frag: Fragment) -> list[StepReport]:
        """The steps of ``text`` read as the block ``frag`` in its place, leaving the section and the block's state
        as they were ([] when it cannot be read)."""
        other = dataclasses.replace(frag, content=text)
        saved = (self.definition_steps, self.properties, self.rows_tail, self.pending_updates, self.matrix_read)
        constraints = self.matrix_claims.constraints
        self.solving, self.definition_steps, self.properties, self.pending_updates = True, [], [], []
        section = _copy_section(self.section)
        section.equation = None  # not "follows from the equation above", nor "holds under the matrix equation
        self.matrix_claims.constraints = []  # above": that is the equation read here
        try:
            return self.reread(self.parse(text, other), other, section)
        except Exception:  # noqa: BLE001 - the equation with the value in it has no reading: no claim from it
            return []
        finally:
            self.solving, self.aside_matrix_read = False, self.matrix_read
            self.matrix_claims.constraints = constraints
            self.definition_steps, self.properties, self.rows_tail, self.pending_updates, self.matrix_read = saved

    def listed_as_equal(self, block, frag) -> list[_Claim]:
        """A lone expression in a list item that the lead-in calls equal to one quantity: the claim that it equals
        it (readers.notes.equivalent_lists); [] otherwise."""
        rows = [r for r in block.rows if r.kind not in ("empty", "prose")]
        if len(rows) != 1 or rows[0].chain.rels or rows[0].conditions or len(rows[0].chain.exprs) != 1 \
                or not frag.items:
            return []
        latex = referent(self.lines, frag.items[-1], frag.line)
        if latex is None:
            return []
        try:
            other = [r for r in self.parse(latex, frag).rows if r.kind not in ("empty", "prose")]
        except LatexParseError:
            return []
        if len(other) != 1 or other[0].chain.rels or other[0].conditions or len(other[0].chain.exprs) != 1:
            return []
        return [_Claim(rows[0].chain.exprs[0], "=", other[0].chain.exprs[0], (), frag.content_line,
                       block.zero_based, shown_lhs=_show(rows[0].chain.exprs[0]))]

    def special_as_claim(self, claim: _Claim, frag: Fragment) -> list[StepReport]:
        r"""A row that would define a standard special function the sentence before it names (``where $\Gamma$ is
        the gamma function``, then ``\Gamma(x) = \int_0^{-\infty} t^{x-1} e^{-t} dt``): the function's meaning is
        fixed, so the row is a claim about it (readers.notes.special), its steps when they decide, else []."""
        if not isinstance(claim.lhs, AppliedUndef) or claim.lhs.func.__name__ in self.section.functions \
                or not introduced_as_standard(claim.lhs, text_before(self.lines, frag.kind, frag.line,
                                                                     frag.column)):
            return []
        steps = self.check_claim(claim, frag)
        if steps and all(s.verdict in ("proved", "verified", "refuted") for s in steps):
            return steps
        witness = integral_counterexample(claim.lhs, self.expand(claim.rhs))  # out of the sampler's reach: worked
        if witness is None:  # out exactly at integers (the gamma function's integral to -infinity diverges)
            return []
        return [StepReport(lhs=_show(claim.lhs), rel="=", rhs=_show(claim.rhs), verdict="refuted", line=claim.line,
                           method="exact integration at a point (sympy)", counterexample=witness,
                           reason=f"at {next(iter(witness.items()))[0]} = {next(iter(witness.values()))} the "
                                  f"integral is {witness['rhs']}, the {_show(claim.lhs.func)} the words before it "
                                  f"name is {witness['lhs']}")]

    def named_quantity_as_claim(self, claim: _Claim, frag: Fragment) -> list[StepReport]:
        r"""A row that would define a quantity the sentence before it calls by its standard name ("the expected
        surprisal or **entropy** defined as $$H(f) = \sum_i \log(1/f_i)$$", "the standard normal density,
        $g(z) = \dots$"): the words fix its meaning, so the row is a claim about it, read at concrete values
        (readers.notes.named_quantities); its one step when that decides, else [] (it stays a definition)."""
        if not isinstance(claim.lhs, AppliedUndef):  # the words decide, even after another definition of the name
            return []
        prose = named_quantities.prose_before(self.lines, frag.kind, frag.line, frag.column,
                                              text_before(self.lines, frag.kind, frag.line, frag.column))
        paragraph = named_likelihoods.paragraph_before(self.lines, frag.line,
                                                       0 if frag.kind == "display" else frag.column)
        found = named_quantities.reading(claim.lhs, self.expand(claim.rhs), prose, paragraph)
        try:
            decided = found[1]() if found is not None else None
        except (TypeError, ValueError, ZeroDivisionError):  # a right side sympy cannot evaluate there: no reading
            decided = None
        if decided is None:
            return []
        verdict, how, witness = decided
        return [StepReport(lhs=_show(claim.lhs), rel="=", rhs=_show(claim.rhs), verdict=verdict, line=claim.line,
                           method=f"{how}; the words before it call {_show(claim.lhs)} {found[0]}"
                           if verdict != "refuted" else "exact evaluation at a point",
                           reason=f"{how}: the words before it call {_show(claim.lhs)} {found[0]}, which the notes "
                                  "cannot define anew" if verdict == "refuted" else "",
                           counterexample=witness)]

    def composition_as_claim(self, claim: _Claim) -> list[StepReport]:
        r"""A new definition of a known function of other arguments (``f(w, x, y, z) = ...`` after ``f(u, v)``,
        ``u(a, b)``, ..., ``a(w, x, y, z)``) that writes out the old one composed with the functions its arguments
        name: proved as a claim when the bodies agree exactly (readers.notes.compositions), else []."""
        lhs = claim.lhs
        if not isinstance(lhs, AppliedUndef) or not lhs.args or not all(isinstance(a, sp.Symbol) for a in lhs.args):
            return []
        cases = [c for c in self.section.functions.get(lhs.func.__name__, []) if tuple(c[0]) != tuple(lhs.args)]
        if not cases:
            return []
        old = composed(cases[0][1], self.section.functions, lhs.args)
        new = self.expand(claim.rhs)
        if old is None or new.free_symbols - set(lhs.args) or not same_function(old, new, lhs.args):
            return []
        return [StepReport(lhs=_show(lhs), rel="=", rhs=_show(claim.rhs), verdict="proved", line=claim.line,
                           method=f"symbolic: {_show(lhs.func(*cases[0][0]))} composed with the functions its "
                                  f"arguments name, as defined above, expanded")]

    def entropy_facts(self, pairs, frag) -> list[StepReport] | None:
        r"""A block read as conditions whose every relation is between entropies of random variables, divergences
        of distributions and numbers (``H(X) \geq 0``, ``D_KL(P\|Q) \neq D_KL(Q\|P)``), when each holds for random
        distributions: they constrain no name, they state facts of Shannon's functionals, so they are confirmed
        claims; else None (a relation that fails stays a condition)."""
        out = []
        for a, rel, b in pairs:
            if entropy_applications(a) or entropy_applications(b):
                verdict, why = check_entropy(a, rel, b)
            elif divergence_applications(a) or divergence_applications(b):
                verdict, why = check_divergence(a, rel, b)
            else:
                return None
            if verdict != "verified":
                return None
            out.append(StepReport(lhs=_show(a), rel=rel, rhs=_show(b), verdict="verified", method=why,
                                  line=frag.content_line))
        return out or None

    def entropy_as_claim(self, claim: _Claim, frag: Fragment) -> list[StepReport]:
        r"""A definition of an entropy or a mutual information of random variables by other ones (``I(X, Y) =
        H(X, Y) - H(Y \mid X) - H(X \mid Y)``), or of a divergence by others (``D_KL(p || q) = CE(p || q) - H(p)``):
        as Shannon's functionals it is also a claim, confirmed when it holds
        on random joint distributions (readers.notes.entropy), else [] (it only defines: a failure is no verdict).

        Written by the law of its variable (``H[Y] = \mathbb{E}[-\log p_Y(Y)]``, ``D_{KL}[p_Y \| q] = \dots``) it
        is a claim either way: the functional's meaning is fixed, and no other meaning of ``H`` or ``D_{KL}`` applied to
        a random variable or its law can be defined by its mass function (readers.notes.mass_expectations); one
        that fails on a random law is refuted with that law, and defines nothing."""
        by_law = check_mass_expectations(claim.lhs, "=", claim.rhs, fixed=self.tied_names()) \
            if isinstance(claim.lhs, AppliedUndef) and not claim.conditions else None
        if by_law is not None and by_law[0] in ("verified", "refuted"):
            verdict, why, witness = by_law
            return [StepReport(lhs=_show(claim.lhs), rel="=", rhs=_show(claim.rhs), verdict=verdict, line=claim.line,
                               method=why if verdict == "verified" else "", counterexample=witness,
                               reason=f"{why}: {_show(claim.lhs)} is Shannon's functional, which the notes cannot "
                                      "define anew" if verdict == "refuted" else "")]
        if entropy_applications(claim.lhs) and entropy_applications(claim.rhs):
            verdict, why = check_entropy(claim.lhs, "=", claim.rhs)
        elif divergence_applications(claim.lhs) and divergence_applications(claim.rhs):
            verdict, why = check_divergence(claim.lhs, "=", claim.rhs)  # D_KL(p || q) = CE(p || q) - H(p)
        else:
            return []
        if verdict != "verified":
            return []
        return [StepReport(lhs=_show(claim.lhs), rel="=", rhs=_show(claim.rhs), verdict="verified", line=claim.line,
                           method=f"{why}; as the definition of {_show(claim.lhs)} it agrees")]

    def law_as_claim(self, claim: _Claim) -> list[StepReport]:
        r"""A definition of a law's function (``p_X(x) = \sum_y p_{XY}(x, y)``) that holds for every law of the
        variables its subscript names (readers.notes.law_tables): confirmed as a claim too, else [] (it only
        defines; a failure is no verdict, since the row may define a new function)."""
        if not isinstance(claim.lhs, AppliedUndef) or law_variables(claim.lhs, False) is None:
            return []
        how = check_law_tables(claim.lhs, "=", self.expand(claim.rhs), cue=LAW_CUE.search(self.prose) is not None)
        if how is None:
            return []
        return [StepReport(lhs=_show(claim.lhs), rel="=", rhs=_show(claim.rhs), verdict="verified", method=how,
                           line=claim.line)]

    def standard_function_as_claim(self, claim: _Claim, frag: Fragment) -> list[StepReport]:
        r"""A definition of a function with a standard meaning (``\mathrm{B}(a, b) = \Gamma(a)\Gamma(b)/\Gamma(a+b)``,
        ``\mathrm{erfinv}(\mathrm{erf}(x)) = x``) checked aside as a claim about that function
        (readers.notes.standard_definitions): its steps when every one is confirmed, else [] (it only defines)."""
        defined = frozenset(self.section.functions)  # not document_functions: it holds this row's own name
        lhs = standard_reading(claim.lhs, defined)
        if lhs is None:
            return []
        rhs = read_standard(claim.rhs, defined)[0]
        found = self.check_aside(_Claim(**{**claim.__dict__, "lhs": lhs, "rhs": rhs,
                                           "shown_lhs": _show(claim.lhs)}), frag)
        if not found or not all(s.verdict in ("proved", "verified") for s in found):
            return []
        note = f"read as a claim about the standard {_show(claim.lhs.func)}, {_show(lhs)}; as a definition it agrees"
        return [StepReport(**{**s.__dict__, "method": f"{s.method}; {note}"}) for s in found]

    def side_definitions(self, row) -> list:
        r"""The equations after a definition on its row (``u(a, b) = (a+b)^2, \qquad v(a, b) = (a-b)^2``) that
        define a function of names too: a list of definitions is not a definition under a condition."""
        out = []
        for c in row.conditions:
            if isinstance(c, sp.Eq) and isinstance(c.lhs, AppliedUndef) and c.lhs.args \
                    and all(is_name(a) for a in c.lhs.args) and self.definable(c.lhs, c.rhs):
                out.append(c)
        return out

    def defined_names(self) -> set[str]:
        """The names the notes have defined so far: symbols, functions and entry families (defined_sides)."""
        s = self.section
        return {getattr(k, "name", str(k)) for k in s.symbols} | {str(getattr(b, "label", b)) for b in s.arrays} \
            | set(s.functions)

    def fresh_side(self, claim):
        """A side of ``claim`` that is a plain name written for the first time in this block (neither defined nor
        used before it in the section, nor on the other side), else None: the link names it, as a definition does.
        So does a left side read as a fresh name's power times a name (``s^2(x_*) = ...``, the product ``s^2 x_*``:
        the variance function the row defines, written as a letter squared before a bare argument); the fresh name is
        returned."""
        before = getattr(self, "seen_before_block", frozenset())

        def fresh(name, other):
            return isinstance(name, sp.Symbol) and name not in before and name not in self.section.symbols \
                and name not in other.free_symbols and compound_moments(name) == name \
                and not self.defined_element(name)  # mu_{aX+b} is E(aX+b); p_1 is an entry of p_i = ...

        for side, other in ((claim.lhs, claim.rhs), (claim.rhs, claim.lhs)):
            if fresh(side, other):
                return side
        if isinstance(claim.lhs, sp.Mul) and len(claim.lhs.args) == 2:
            power = next((f for f in claim.lhs.args if isinstance(f, sp.Pow) and f.exp.is_Integer and f.exp > 1), None)
            argument = next((f for f in claim.lhs.args if f is not power), None)
            if power is not None and isinstance(argument, (sp.Symbol, sp.Indexed)) and fresh(power.base, claim.rhs):
                return power.base
        return None

    def redefinable(self, lhs, rhs) -> bool:
        """Whether a claim ``lhs = rhs`` also reads as a new definition of ``lhs`` (``L(\\theta) = ...``
        twice in a section, for two penalties): a name applied to names, or a plain name or its power (a variance
        ``\\sigma^2``, as :meth:`define` reads it), not in ``rhs``.  A right side with a big-O remainder
        (``u(t_n) + \\frac{\\Delta t}{2} u'(t_n) + O(\\Delta t^2)``) is an expansion, never a definition."""
        if any(isinstance(x, sp.Symbol) and x.name in big_o.BIG_O_NAMES for x in rhs.free_symbols) \
                and big_o.split(lhs, rhs, self.latex) is not None:
            return False
        if isinstance(lhs, AppliedUndef):
            if lhs.func.__name__ in MOMENTS or estimator_moments.estimator_operator(lhs):
                return False  # a standard operator is never redefined
            if lhs.func.__name__ in KL_NAMES and lhs.args and all(law(self.expand(a)) is not None for a in lhs.args):
                return False  # D_KL(p || q) of two laws the notes name: a value, never a new definition
            if lhs.func.__name__ in PROBABILITY_NAMES and {x.name for x in lhs.free_symbols} & set(self.section.laws):
                return False  # P(Y > u) after Y ~ Exp(mu) in this section: a value of that law (readers.notes.laws)
            return all(is_name(a) or _event_of_names(a) for a in lhs.args) and lhs not in rhs.atoms(AppliedUndef) \
                and not lhs.func.__name__.endswith("'")  # P(X = k) = ... for the next law of a cheat sheet
        if isinstance(lhs, sp.Pow) and isinstance(lhs.base, sp.Symbol) and lhs.exp.is_Integer and lhs.exp > 1:
            lhs = lhs.base  # sigma^2 = sigma_1^2 + sigma_2^2 after sigma^2 of a product: a variance named anew
        if self.defined_element(lhs):
            return False  # p_1 = ... after p_i = ...: the family's definition says what p_1 is
        return isinstance(lhs, (sp.Symbol, sp.Indexed)) and lhs not in rhs.free_symbols \
            and not rhs.atoms(sp.Indexed) & {lhs} and compound_moments(lhs) == lhs  # mu_{aX+b}: never a new name

    def composes_anew(self, lhs, rhs) -> bool:
        """``f(x) = h(g(x))`` after ``f(x) = A(B(x))``: both bodies compose functions the notes never define, so
        the row is a new composite (as a claim it would say that ``h`` is ``A`` and ``g`` is ``B``)."""
        old = self.expand(lhs)
        return old != lhs and all(_arbitrary_composition(e) for e in (old, self.expand(rhs)))

    def define(self, lhs, rhs, line=0) -> None:
        wide = widened(rhs) if isinstance(rhs, sp.Basic) else rhs  # ell(mu) = \sum_i \log c - (x_i - mu)^2: the sum covers the term that names its index
        if wide != rhs and not (rhs.free_symbols - wide.free_symbols) & getattr(lhs, "free_symbols", set()):  # a
            rhs = wide  # narrow reading would define the name with an index nothing binds (operator_scopes)
        if isinstance(lhs, AppliedUndef):  # rho(X, Y) = Cov / (sigma_X sigma_Y): sigma_X is the parameter's,
            variables = {a for a in lhs.args if isinstance(a, sp.Symbol) and _capital(a.name)}
            rhs = tie_moments(rhs, variables) if variables else rhs  # not a definition of sigma_X above
        body = _freshen(self.expand_bound(rhs, _parameters(lhs)))
        if self.restricted and getattr(lhs, "name", None):  # L = -sum_k y_k log p_k after y_k for k != c
            self.restricted_users[lhs.name] = (restricted_families(rhs) & set(self.restricted),
                                               restricted_families(rhs, True) & set(self.restricted))
        s = self.section
        vector_names([(lhs, body)], line, self.vector_families)
        if isinstance(lhs, sp.Symbol):  # u = [u_1, ..., u_n]: its norm is read from its entries (entry_norms)
            self.written_vectors.pop(lhs, None)
            if isinstance(body, MatrixLiteral):
                self.written_vectors[lhs] = body
        if any(isinstance(x, sp.Symbol) and x.name in (r"\ldots", r"\cdots") for x in body.free_symbols):
            s.owner[_key(lhs)] = (s.number, line)  # p(x) = f_1(x) \ldots f_n(x): it names p, but an
            return  # ellipsis cannot be substituted into later claims
        s.owner[_key(lhs)] = (s.number, line)
        s.contested.pop(_key(lhs), None)  # defined anew: no longer in doubt
        s.earlier.pop(lhs.base if isinstance(lhs, sp.Indexed) else _key(lhs), None)  # shadowed
        if refers_to_itself(_key(lhs), body):
            return  # theta = arccos(v.w / |v||w|) after w = (s cos theta, s sin theta): it names theta, never a value
        if isinstance(lhs, sp.Symbol):
            s.symbols[lhs] = body
            # the names it is written in: derivatives by them (named_intermediates); its sums' indices fresh, never
            # the k of a later dE/dh_k after E = sum_k (h_k - y_k)^2
            s.written[lhs] = (_freshen(rhs), body)
        elif isinstance(lhs, sp.Pow):  # sigma^2 = v defines the standard deviation sigma = sqrt(v); 1/tau^2 = p, tau
            s.symbols[lhs.base] = sp.Pow(body, sp.Rational(1, int(lhs.exp))) if lhs.exp in (-1, -2) else sp.sqrt(body)
        elif isinstance(lhs, sp.Indexed):
            s.arrays[lhs.base] = (lhs.indices, body)
            self.recent_entries = (lhs.base, lhs.indices, line)
            self.restricted.pop(lhs.base, None)  # defined anew
            s.written[lhs.base] = (lhs.indices, _freshen(rhs), s.arrays[lhs.base])  # as written (named_intermediates)
        elif isinstance(lhs, AppliedUndef):
            freed = rebound(lhs, body, s.updates)  # f(x) = x^2/2 after x <- x - eta f'(x): x is f's parameter
            s.updates -= freed
            s.in_place -= freed
            self.component_functions.record(lhs, body)  # g(\mathbf{x}) = \log\sum_i e^{x_i}: componentwise.py
            variables = {a for a in lhs.args if isinstance(a, sp.Symbol) and _capital(a.name)}
            if variables:  # rho(X, Y) = Cov(X, Y) / (sigma_X sigma_Y): sigma_X is the parameter's
                body = tie_moments(body, variables)
            self.vector_functions.pop(lhs.func.__name__, None)
            if of_entries(lhs, body):  # f(\mathbf{x}) = sum_i beta_i x_i: its entries' derivatives are read
                self.vector_functions[lhs.func.__name__] = [(lhs.args, body)]
            if defines_the_derivative(lhs, body):
                return  # f'(c) := lim (f(x) - f(c))/(x - c): what f' means, read so already (derivative_notation)
            if _binds_its_arguments(lhs, body):
                cases = s.functions.setdefault(lhs.func.__name__, [])
                cases[:] = [c for c in cases if len(c[0]) == len(lhs.args)]  # f(x, z) after f(x): a new f
                cases.insert(0, (lhs.args, body))
        else:
            s.derivatives[lhs] = body

    def expand(self, expr):
        """Substitute the section's definitions until nothing changes."""
        s = self.section
        expr = expr.xreplace(namesakes.defined(expr, s.symbols)) if s.symbols else expr  # k of k = \sum_i x_i
        expr = as_elements(family_instances(expr, s.symbols), section_arrays(s.arrays, s.symbols),
                           s.symbols)  # p_0, s_0 (not a name with a definition of its own)
        expr = family_entries(expr, s.symbols, frozenset(s.arrays))  # q[a] in a sum after q_m = ...
        expr = shifted_instances(expr, s.symbols)  # delta_{t+1} after delta_t = ... (readers.notes.shifted_instances)
        for _ in range(MAX_EXPANSION_ROUNDS):
            expr = components(expr, s.symbols) if s.symbols else expr  # s_i after s = softmax(z)
            expr = through_names(expr, s.symbols, s.written, self.expand_bound, s.arrays) \
                if s.symbols or s.arrays else expr
            expr = _differentiated_first(s.symbols, expr, s.written) if s.symbols else expr
            new = substitute_definitions(expr, _not_differentiated(s.symbols, expr)) if s.symbols else expr
            new = family_entries(new, s.symbols, frozenset(s.arrays))  # q[a] in a sum after q_m = ... (arrays)
            new, masked = _by_defined_entries(new, s.arrays)  # dL/dy_i after y_i = gamma x_i + beta
            for base, (indices, body) in s.arrays.items():
                new = new.replace(lambda e, b=base: isinstance(e, sp.Indexed) and e.base == b,
                                  lambda e, i=indices, f=body: f.xreplace(dict(zip(i, e.indices))))
            new = new.xreplace(masked) if masked else new
            if s.functions and "nabla" not in s.functions:  # \nabla f(x) with f(x) = x^2/2: f'(x) (gradients.py)
                new = new.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ in ("nabla", "nabla^2")
                                  and as_derivative(e, s.functions) is not None,
                                  lambda e: as_derivative(e, s.functions))
            vectors = (array_arguments(new, s.functions) | self.claim_vectors) if s.functions else set()
            for name, cases in s.functions.items():
                new = new.replace(lambda e, n=name: isinstance(e, AppliedUndef) and e.func.__name__ == n,
                                  lambda e, c=cases: _instantiate(e, c, vectors))
                new = new.replace(lambda e, n=name: isinstance(e, AppliedUndef) and e.func.__name__.rstrip("'") == n
                                  and e.func.__name__ != n and len(e.args) == 1,
                                  lambda e, c=cases: _prime(e, c, s.functions))
            if s.functions:  # \partial\ell/\partial z with \ell(z) = ... defined: the derivative of its body
                new = new.replace(lambda e: isinstance(e, sp.Derivative) and isinstance(e.expr, sp.Symbol)
                                  and _function_of(e, s.functions) is not None,
                                  lambda e: sp.Derivative(_function_of(e, s.functions), *e.variable_count))
            new = scalar_gradients(new)  # \nabla_w (w - 3)^2/2: d/dw of a body in scalars (readers.notes.gradients)
            if self.vector_functions:  # df/dx_1 after f(\mathbf{x}) = sum_i beta_i x_i
                new = new.replace(lambda e: isinstance(e, sp.Derivative)
                                  and component_derivative(e, self.vector_functions) is not None,
                                  lambda e: component_derivative(e, self.vector_functions))
            for pattern, body in s.derivatives.items():
                new = new.replace(lambda e, p=pattern: _derivative_match(e, p) is not None,
                                  lambda e, p=pattern, f=body: f.xreplace(_derivative_match(e, p)))
            if new == expr:
                break
            expr = new
        return _evaluate_expectations(expr)

    def expand_bound(self, expr, parameters):
        r"""``expand`` with the names in ``parameters`` bound: in $\log p(x \mid \mu, v) = \dots$ after $v = \sigma^2$
        the ``v`` of the body is the function's parameter, not the ``v`` defined above."""
        saved, arrays = self.section.symbols, self.section.arrays
        held = {p.base for p in parameters if isinstance(p, sp.Indexed)} & set(arrays)
        if not parameters & set(saved) and not held:
            return self.expand(expr)
        self.section.symbols = {k: v for k, v in saved.items() if k not in parameters}
        # dL/dy_j after y_i = gamma x_i + beta: the entry's array held too (readers.notes.named_intermediates)
        self.section.arrays = {b: v for b, v in arrays.items() if b not in held}
        try:
            return self.expand(expr)
        finally:
            self.section.symbols, self.section.arrays = saved, arrays

    def over_matrix_definitions(self, claim, frag, shown) -> list[StepReport] | None:
        r"""A claim written in scalars and entries alone (``\frac{\partial a_j}{\partial s_l} = a_j(\delta_{jl} -
        a_l)``) whose expansion reaches a definition through vectors (``s_j = \frac{q^\top k_j}{\sqrt d}``), checked
        with those names kept as free numbers: an identity in every value of ``s`` holds at the values the vectors
        give.  Only a confirmation is kept (a failure at free values may lie where the vectors never reach); None
        otherwise."""
        saved, arrays, written = self.section.symbols, self.section.arrays, self.section.written

        def as_written(key, value):  # the body with the names it was written in (readers.notes.named_intermediates)
            record = written.get(key)
            if isinstance(key, sp.IndexedBase):
                return (record[0], record[1]) if record is not None and record[2] is value else value
            return record[0] if record is not None and record[1] is value else value

        def through_vectors(value) -> bool:
            body = value[-1] if isinstance(value, tuple) else value
            return isinstance(body, sp.Basic) and bool(_matrix_names(body, sp.S.Zero))


        symbols = {k: as_written(k, v) for k, v in saved.items()}
        kept = {b: as_written(b, v) for b, v in arrays.items()}
        held = {k for k, v in symbols.items() if through_vectors(v)} | {b for b, v in kept.items() if through_vectors(v)}
        if not held:
            return None
        if any(not _inner_product(v[-1] if isinstance(v, tuple) else v) for k, v in [*symbols.items(), *kept.items()]
               if k in held):
            return None  # S = X^T X may be a matrix: held as a number, A S = S A would hold
        beneath = _written_names(*(v[-1] if isinstance(v, tuple) else v for k, v in [*symbols.items(), *kept.items()]
                                   if k in held))
        if beneath & _written_names(claim.lhs, claim.rhs):
            return None  # d a_j / d q: held, s would not move with q
        symbols = {k: v for k, v in symbols.items() if k not in held}
        kept = {b: v for b, v in kept.items() if b not in held}
        self.section.symbols, self.section.arrays = symbols, kept
        try:
            lhs, rhs = self.expand(claim.lhs), self.expand(claim.rhs)
            if _matrix_names(lhs, rhs):
                return None
            steps = self.check_plain_reading(claim, frag, lhs, rhs, shown)
        except Exception:  # noqa: BLE001 - the scalar reading could not be checked: the matrix verdict stands
            return None
        finally:
            self.section.symbols, self.section.arrays = saved, arrays
        if not steps or not all(s.verdict in ("proved", "verified") for s in steps):
            return None
        shown_held = ", ".join(sorted(_show(k) if isinstance(k, sp.Symbol) else f"{k}_i" for k in held))
        return [StepReport(**{**s.__dict__, "method": f"{s.method}; with {shown_held} read as free numbers (their "
                                                      f"definitions through vectors are not needed)"[:300]})
                for s in steps]

    def expand_tied(self, expr):
        r"""``expand`` keeping ``\mu_X``, ``\sigma_X``, ``\sigma_{XY}`` as the moments they name: their
        definitions through a density the notes leave unknown (``\int x p_X(x)\,dx``) say the same."""
        saved = self.section.symbols
        self.section.symbols = {k: v for k, v in saved.items()
                                if not (isinstance(k, sp.Symbol) and _TIED_MOMENT.match(k.name))}
        try:
            return self.expand(expr)
        finally:
            self.section.symbols = saved

    # ** claims **

    def check_claim(self, claim: _Claim, frag: Fragment) -> list[StepReport]:
        r""":meth:`check_claim_in_scope`; where a restated condition may have widened a name's domain ("For $x > 0$:"
        after "For $0 < x < 1$", ``_Section.widened``), a confirmation must also hold without the bounds it left out,
        else the step is ``undecided (ambiguous)``: $x^2 \le x$ holds on (0, 1), not for every $x > 0$."""
        widened, equation = self.section.widened, self.section.equation
        context = self.claim_vectors
        self.claim_vectors = array_arguments(sp.Tuple(claim.lhs, claim.rhs), self.section.functions) \
            if isinstance(claim.lhs, sp.Basic) and isinstance(claim.rhs, sp.Basic) and self.section.functions else set()
        try:  # LSE(x + c) = LSE(x) + c: x is a vector on both sides (expand)
            steps = self.check_claim_in_scope(claim, frag)
        finally:
            self.claim_vectors = context
        if any(s.verdict == "refuted" for s in steps):
            self.section.equation = equation  # a claim refuted (its law or conditions leave no unknown) is no
            # equation that later claims follow from: E[Y^2] = 5 refuted under Y ~ N(0, 1), then "so E[Y^2] = 5"
        names = {x.name for x in claim.lhs.free_symbols | claim.rhs.free_symbols if isinstance(x, sp.Symbol)} \
            if isinstance(claim.lhs, sp.Basic) and isinstance(claim.rhs, sp.Basic) else set()
        if not widened or not any(s.verdict in ("proved", "verified") for s in steps) \
                or not any(x.name in names for c in widened for x in c[0].free_symbols):
            return steps
        with self.aside(self.section):
            self.section.conditions = [c for c in self.section.conditions if c not in widened]
            self.section.widened = ()
            try:
                wider = self.check_claim_in_scope(claim, frag)
            except Exception:  # noqa: BLE001 - the wider reading could not be checked: not confirmed in it
                wider = []
        if wider and all(s.verdict in ("proved", "verified") for s in wider):
            return steps
        why = (f"ambiguous: holds while {', '.join(c[1] for c in widened)} (line {widened[0][2]}) is in force, but "
               f"the bound restated since may mean the wider domain, where it is not confirmed")
        return [_undecided(s, why) if s.verdict in ("proved", "verified") else s for s in steps]

    def check_claim_in_scope(self, claim: _Claim, frag: Fragment) -> list[StepReport]:
        r""":meth:`check_claim_once`, at each value of a name the section restricts to a finite set (``y \in
        \{-1, 1\}``: readers.notes.finite_values)."""
        local = local_function(claim.premise, claim.lhs, claim.rhs) if claim.premise else None
        if local is not None:  # f(x) = x^a \rightarrow f'(x) = a x^{a-1}: f for this row only (readers.notes.premises)
            name, case, rest = local
            used = [r for r in claim.premise if r not in rest]
            saved, row = self.section.functions, self.rule_row
            self.section.functions = {**saved, name: [case]}
            self.rule_row = rule_rows.bound(name, case)
            try:
                return self.check_claim(dataclasses.replace(
                    claim, premise=rest, conditions=tuple(c for c in claim.conditions if c not in used)), frag)
            finally:
                self.section.functions, self.rule_row = saved, row
        clause = self.where_function(claim, frag)
        if clause is not None:  # d/dx [x s(x)] = ... "with $s(x) = ...$" (readers.notes.where_functions)
            saved = self.section.functions
            self.section.functions = {**saved, clause[0]: [clause[1]]}
            try:
                return self.check_claim(claim, frag)
            finally:
                self.section.functions = saved
        sides = (self.expand(claim.lhs), self.expand(claim.rhs)) if claim.premise else ()
        solutions = premise_solutions(claim.premise, sides, [c[0] for c in self.section.conditions]) \
            if claim.premise else None
        if solutions is not None:  # x^2 = 4 \Rightarrow x = 2: checked at x = -2 and x = 2 (readers.notes.premises)
            per_case = [(case, self.check_claim(dataclasses.replace(
                claim, lhs=sides[0].xreplace(case), rhs=sides[1].xreplace(case), premise=(),
                conditions=without_premise_equations(claim.conditions, case)), frag)) for case in solutions]
            return finite_combined(per_case, {x.name: tuple(dict.fromkeys(case[x] for case in solutions))
                                              for x in solutions[0]})
        if not self.section.finite and not self.section.finite_entries:
            return self.check_claim_once(claim, frag)
        sides = (self.expand(claim.lhs), self.expand(claim.rhs))
        letters = finite_entries.governing(self.section.finite, self.section.finite_entries, sides)
        names = finite_entries.bare(sides)  # x[i]: the label x is no name to set to a value
        finite = {**{n: v for n, v in self.section.finite.items() if n in names},
                  **finite_entries.entry_names(letters, sides)}  # x_1, x_k of x_i \in \{0, 1\} (finite_entries)
        _, examples = self.in_force({x for e in sides for x in e.free_symbols}, frag.paragraph)
        for n, v in examples:  # "For $y = 1$ this becomes $$...$$" with y \in \{0, 1\}: the case the example picks
            key = getattr(n, "name", None)
            if key in finite and v in finite[key]:
                finite[key] = (v,)
        found = finite_cases(sides, finite) if finite else None
        if found is not None:
            out = finite_combined([(case, self.check_claim_once(dataclasses.replace(
                claim, lhs=sides[0].xreplace(case), rhs=sides[1].xreplace(case)), frag)) for case in found], finite)
        elif finite:  # more combinations than are checked: a refutation off the set is no counterexample
            out = _withdrawn(self.check_claim_once(claim, frag), lambda s: (
                f"the notes restrict {', '.join(sorted(finite))} to finite sets, more combinations than are checked; "
                f"without them it fails ({s.reason[:80]})"))
        else:
            out = self.check_claim_once(claim, frag)
        sampled = tuple(f"{b}_i in {{{', '.join(map(str, v))}}}" for b, v in finite_entries.arrays(letters, sides).items())
        return [_undecided(s, f"fails only at {off}, outside the set the notes state for it ({s.reason[:80]})")
                if s.verdict == "refuted" and (off := finite_entries.outside(s.counterexample, letters)) else
                dataclasses.replace(s, assumptions=tuple(dict.fromkeys(s.assumptions + sampled))) for s in out]

    def scalar_optimum(self, claim: _Claim, frag: Fragment) -> list[StepReport] | None:
        r"""``\arg\min_u F = v`` (``\min_u F = m``, or a max) over one scalar ``u``: confirmed when ``F`` is convex
        (concave) in ``u`` and ``v`` is stationary (the one stationary point gives ``m``), each condition checked as a
        claim; None when it is no such claim or a condition is not confirmed (readers.notes.scalar_optima)."""
        lhs, rhs = self.expand(claim.lhs), self.expand(claim.rhs)
        bounds = {x for e in (lhs, rhs) for f in e.atoms(sp.Sum, sp.Product) for limit in f.limits
                  for x in limit[1:] if isinstance(x, sp.Symbol)}  # the N of \sum_{n=1}^N: a count
        if self.matrix_like(claim, lhs, rhs) or any(re.match(r"[A-Z](?![A-Za-z])", s.name) for e in (lhs, rhs)
                                                    for s in e.free_symbols - bounds if isinstance(s, sp.Symbol)):
            return None  # arg min_w |Xw - y|^2: read as numbers, (X^TX)^{-1}X^Ty and X^Ty(X^TX)^{-1} are one
        sides = lhs, rhs
        found = scalar_optima.read(lhs, rhs, scalar_optima.leads_its_side(frag.content))
        parts = scalar_optima.conditions(*found) if found is not None else None
        if not parts:
            return self.refuted_optimum(claim, frag, *sides)
        steps, used = [], []
        for lhs, rel, rhs, what in parts:
            reports = self.check_aside(_Claim(lhs, rel, rhs, claim.conditions, claim.line, claim.zero_based), frag)
            if not reports or not all(r.verdict in ("proved", "verified") for r in reports):
                return self.refuted_optimum(claim, frag, *sides)
            steps += reports
            used.append(f"{what}: {', '.join(dict.fromkeys(r.verdict for r in reports))}")
        verdict = "proved" if all(r.verdict == "proved" for r in steps) else "verified"
        method = f"{'arg ' if found[0] else ''}{found[1]} over {found[2]} read as {'; '.join(used)}"
        return [StepReport(lhs=claim.shown_lhs or _show(claim.lhs), rel="=", rhs=_show(claim.rhs), verdict=verdict,
                           method=method, line=claim.line,
                           assumptions=tuple(dict.fromkeys(a for r in steps for a in r.assumptions)))]

    def refuted_optimum(self, claim: _Claim, frag: Fragment, lhs, rhs) -> list[StepReport] | None:
        r"""``\min_u F = m`` (a max, an arg) refuted by a better point of its region, else None
        (readers.notes.optimum_refutations)."""
        found = scalar_optima.read(lhs, rhs, scalar_optima.leads_its_side(frag.content), constrained=True)
        return optimum_refutations.refute(found, claim, lambda *c: self.check_aside(_Claim(
            *c, claim.line, claim.zero_based), frag)) if found is not None else None

    def where_function(self, claim: _Claim, frag: Fragment) -> tuple | None:
        """The function the words right after ``claim``'s block define for it (readers.notes.where_functions)."""
        if not (isinstance(claim.lhs, sp.Basic) and isinstance(claim.rhs, sp.Basic)) or not 0 < frag.line <= len(
                self.lines):
            return None
        used = {f.func.__name__ for e in (claim.lhs, claim.rhs) for f in e.atoms(AppliedUndef)} - set(
            self.section.functions)  # (the document's functions hold s too: the clause defines it, later)
        if not used:
            return None
        after = words_after(self.lines, frag.line, frag.column, frag.source) if frag.kind == "display" else \
            self.lines[frag.line - 1][frag.column - 1 + len(frag.source):]
        return where_function(after, lambda math: self.parse(math, frag, functions=used), used)

    def whole_counts(self, claim: _Claim, frag: Fragment, out: list[StepReport]) -> list[StepReport]:
        r"""A refutation of a claim about counts (``\binom{m}{j}``, ``m!``, a sum to ``m``) at a point where a count is
        no whole number, found again at whole counts, or ``undecided`` where the claim holds at every whole point
        tried (readers.notes.count_points); ``out`` unchanged otherwise."""
        if len(out) != 1 or out[0].verdict != "refuted" or not out[0].counterexample \
                or not isinstance(claim.lhs, sp.Basic) or not isinstance(claim.rhs, sp.Basic):
            return out
        lhs, rhs = self.expand(claim.lhs), self.expand(claim.rhs)
        names = count_points.counts(lhs, rhs)
        by_name = {x.name: x for x in lhs.free_symbols | rhs.free_symbols if isinstance(x, sp.Symbol)}
        shown = out[0].counterexample
        point = {by_name[k]: count_points.value(v) for k, v in shown.items() if k in by_name}
        if not names or not names <= set(point) or any(v is None for v in point.values()) \
                or all(point[x].is_integer for x in names):
            return out
        conditions, examples = self.in_force(lhs.free_symbols | rhs.free_symbols, frag.paragraph)
        numbers = {n: v for n, v in examples if is_literal(v)}
        relations = [c[0] for c in conditions] + [c for c in claim.conditions if isinstance(c, sp.Basic)]
        try:
            found = count_points.whole_counterexample(lhs.xreplace(numbers), rhs.xreplace(numbers), claim.rel, point,
                                                      relations)
        except Exception:  # noqa: BLE001 - the whole points could not be tried: the refutation stands as found
            return out
        counted = ", ".join(sorted(x.name for x in names))
        if found is False:
            off = ", ".join(f"{x.name} = {point[x]}" for x in sorted(names, key=lambda x: x.name))
            return [_undecided(out[0], f"holds at every whole {counted} from 0 to {count_points.MAX_COUNT} tried; it "
                                       f"fails only at {off}, where a count is no whole number")]
        if found is None:
            return out
        return [dataclasses.replace(out[0], counterexample=found,
                                    reason=f"{out[0].reason}; found again where {counted} are whole numbers (counts)")]

    def check_claim_once(self, claim: _Claim, frag: Fragment) -> list[StepReport]:
        r""":meth:`claim_readings`, with no refutation that rests on a name read as a free value where the notes mean
        something else: a member of a sequence (``\delta_{t+l}`` after ``\delta_t = \dots``, the ``r_{t+l}`` of
        :math:`\sum_l r_{t+l}`: readers.notes.shifted_instances), an indicator (``\mathbb{1}[x < 0]``, refuted at
        ``\mathbb{1} = 1/2``: readers.notes.indicators) or a mapping (``$(D+T)x = 5x$`` after "$D$ is a mapping":
        readers.notes.mappings)."""
        optimum = self.scalar_optimum(claim, frag) if claim.rel == "=" else None
        if optimum is not None:  # arg min_u (u - 1)^2 + 7 = 1 (readers.notes.scalar_optima)
            return optimum
        chained = self.chained_recurrence(claim) if claim.recurrence is not None else None
        if chained is not None:  # (1 - a) x_k = (1 - a)^{k+1} x_0 after x_{k+1} = (1 - a) x_k (chained_recurrences)
            return [chained]
        out = self.whole_counts(claim, frag, self.claim_readings(claim, frag))
        held = indicator_names((self.expand(claim.lhs), self.expand(claim.rhs)))  # a definition read it exactly
        if held and any(r.verdict in ("proved", "verified") for r in out):
            # 1[x > 0] x = x was proved: the bracket's condition became the block's, and 1 a free value
            return [_undecided(r, f"{held[0]} is an indicator, which this reader takes for a free value (its condition "
                                  "is not kept, or was made the block's own): the verdict is not shown")
                    if r.verdict in ("proved", "verified") else r for r in out]
        partial = restricted_used((claim.lhs, claim.rhs), self.restricted, self.restricted_users, summed=True) \
            if self.restricted else []
        if partial and any(r.verdict in ("proved", "verified") for r in out):  # (readers.notes.restricted_entries)
            return [_undecided(r, f"{partial[0]}: {r.verdict} with it read at every index, which the notes do not "
                                  "mean: the verdict is not shown") if r.verdict in ("proved", "verified") else r
                    for r in out]
        if not any(r.verdict == "refuted" for r in out):
            return out
        tied = tied_definitions((claim.lhs, claim.rhs), self.section.symbols)
        if tied:  # y = wx + eps inside d/dw(...): not refuted where it holds with y as written (bound_definitions)
            saved = self.section.symbols
            self.section.symbols = {k: v for k, v in saved.items() if k not in tied}
            try:
                other = self.claim_readings(claim, frag)
            finally:
                self.section.symbols = saved
            if other and all(r.verdict in ("proved", "verified") for r in other):
                names = ", ".join(x.name for x in tied[:3])
                return [_ambiguous(r, other[k] if len(other) == len(out) else None,
                                   f"with {names} replaced by its definition, which moves with a variable the claim "
                                   f"differentiates, sums or integrates by", f"with {names} as written (a value held "
                                   f"fixed)") if r.verdict == "refuted" else r for k, r in enumerate(out)]
        sides = (self.expand(claim.lhs), self.expand(claim.rhs))
        unread = unread_names(sides, self.section.symbols)
        if all(r.method == truncation.METHOD for r in out if r.verdict == "refuted"):
            unread = [n for n in unread if not truncation.grid_point(n)]  # t_{n+1/2}: t_n + dt/2 (truncation)
        indicators = [] if unread else indicator_names(sides)
        called = mapping_names("\n".join(self.lines[:frag.line])) if not (unread or indicators) else frozenset()
        mapped = sorted(x.name for x in set().union(*(e.free_symbols for e in sides)) if x.name in called)
        imaginary = [k.name for k, v in self.section.symbols.items() if isinstance(k, sp.Symbol) and v.has(sp.I)]
        if re.search(r"\||\\[lr]?vert|\\abs\b", frag.content) and any(
                re.search(rf"(?<![\\A-Za-z]){re.escape(n)}(?![A-Za-z])", frag.content) for n in imaginary):
            # |e^{i theta}| = 1: i was a real letter when the bars were read, and |e^{real}| dropped its bars
            def why(r):
                return (f"the imaginary unit inside absolute-value bars, which were read with i real: the refutation "
                        f"is not shown ({r.reason[:80]})")
        # Ah read as a name the notes define further on (Ah = k - r(h)), beside A and h written alone
        elif runs := split_runs(sides, self.names):
            def why(r):
                return (f"ambiguous: {', '.join(runs[:3])} read as one name the notes define elsewhere, but its letters "
                        f"are written alone in this block (a product?); as one name it fails ({r.reason[:80]})")
        # updated\,knowledge = \|likelihood\,of\,new\,knowledge ...\|: a sentence (readers.notes.math_phrases)
        elif phrase := phrase_words(frag.content):
            def why(r):
                return (f"words written in math mode ({phrase[0]}): a sentence set as a formula, whose words this "
                        "reader takes for products of letters; the refutation is not shown")
        elif unreadable := unreadable_in(sides, self.section.unreadable):
            def why(r):
                return (f"{', '.join(unreadable[:4])}: set in a block this reader could not read, so not a free value "
                        f"(readers.notes.unreadable): the refutation is not shown ({r.reason[:80]})")
        elif letter := constant_given_a_value(claim.lhs, claim.rhs):
            def why(r):
                return (f"{letter} given a value here: a quantity of the notes named with that letter, not the constant "
                        f"(readers.notes.constant_names): the refutation is not shown ({r.reason[:80]})")
        elif twice := written_two_ways(sides):
            def why(r):
                return (f"{', '.join(twice[:3])} read both as a name and as an entry of a family here (a definition "
                        f"substituted from before the family was named): one written name with two values refutes "
                        f"nothing (readers.notes.free_indices; {r.reason[:80]})")
        elif free := definition_indices((claim.lhs, claim.rhs), sides):
            def why(r):
                return (f"the definitions substituted here leave the index {', '.join(free[:3])} free, which this line "
                        f"never names: which one the notes mean is not said (readers.notes.free_indices), so a "
                        f"counterexample at one choice refutes nothing ({r.reason[:80]})")
        elif unread:
            def why(r):
                return (f"{', '.join(unread[:4])}: read as free values, but the notes mean members of a sequence "
                        f"({r.reason[:80]})")
        elif indicators:
            def why(r):
                return (f"{indicators[0]} is an indicator, which this reader takes for a free value (its condition is "
                        "not kept): the refutation is not shown")
        elif mapped:
            def why(r):
                return (f"{', '.join(mapped[:4])}: called a mapping or an operator in the prose, read here as a number (readers.notes."
                        f"mappings): the refutation is not shown ({r.reason[:80]})")
        elif kink := next((k for r in out if r.verdict == "refuted" for k in [at_kink(sides, r.counterexample)] if k),
                          None):  # d/dz max(0, z) = 1[z > 0] at z = 0 (readers.notes.kinks)
            def why(r):
                return (f"the counterexample is a point where {kink} does not exist (a kink): the claim holds off it, "
                        f"and the derivative's value there is a convention ({r.reason[:80]})")
        elif wholes := entries_of_wholes(sides):
            def why(r):
                return (f"{', '.join(wholes[:3])}: entries of a name defined whole (a vector), read as free values "
                        f"(readers.notes.defined_sides): the refutation is not shown ({r.reason[:80]})")
        elif partial := restricted_used((claim.lhs, claim.rhs), self.restricted, self.restricted_users):
            def why(r):
                return (f"{partial[0]} (readers.notes.restricted_entries): read at every index, as here, it fails "
                        f"({r.reason[:80]}), but the notes set the other entries apart")
        elif fresh := fresh_names(sides, frag.sentence, "\n".join(
                self.lines[:frag.line - 1] + [self.lines[frag.line - 1][:frag.column - 1]] if 0 < frag.line <=
                len(self.lines) else [])):
            def why(r):  # "A can be written as A = QDQ^{-1}": some Q, D fit (readers.notes.decompositions)
                return (f"a form stated to exist ('{WRITTEN_AS.search(frag.sentence).group(0)}'): {', '.join(fresh[:4])} "
                        f"first appear here, chosen to fit, so a counterexample at one choice of them refutes nothing "
                        f"({r.reason[:80]})")
        else:
            return out
        return _withdrawn(out, why)

    def claim_readings(self, claim: _Claim, frag: Fragment) -> list[StepReport]:
        """One claim with what is in force (conditions, examples), then its other readings when it fails:
        a new definition, an equation in an unknown, a step from the equation before, a narrower domain."""
        premise = claim.premise
        self.unread_conditions = set()  # names of a condition in the claim's sentence not read as one (trailing_relations)
        lhs, rhs = self.expand(claim.lhs), self.expand(claim.rhs)
        counted = unstated_counts.count_binding((lhs, rhs), frag.content)
        if counted is not None and namesakes.is_defined(next(iter(counted.values())).name, self.section.symbols):
            counted = None  # m = \max_i z_i defined above: m is that value, not the count of the sums (namesakes)
        if counted is not None:  # "For $K = 2$" with a temperature T in the claim: j runs over 1..2
            counted = unstated_counts.example_count(counted, self.in_force(set(), frag.paragraph)[1])
        if counted is not None:  # (1/n) \sum_i x_i, and mu = (1/m) \sum_i x_i brought in: i runs over 1..n (1..m)
            lhs, rhs = lhs.xreplace(counted), rhs.xreplace(counted)  # (readers.notes.unstated_counts), the one place
            claim = dataclasses.replace(claim, lhs=claim.lhs.xreplace(counted), rhs=claim.rhs.xreplace(counted),
                                        conditions=tuple(c.xreplace(counted) if isinstance(c, sp.Basic) else c
                                                         for c in claim.conditions))
        alike = namesakes.merged((lhs, rhs))
        if alike:  # the n of a definition's sum and the n of the claim: one value (readers.notes.namesakes)
            lhs, rhs = lhs.xreplace(alike), rhs.xreplace(alike)
        normed = entry_norms((lhs, rhs), self.written_vectors, frag.content) if lhs.has(sp.Abs) or rhs.has(sp.Abs) \
            else None
        if normed is not None:  # \|u\|_2 after u = [u_1, ..., u_n]: sqrt(u_1^2 + ... + u_n^2) (entry_norms)
            lhs, rhs = normed
        if self.vector_functions and any(component_derivative(d, self.vector_functions) is not None
                                         for e in (claim.lhs, claim.rhs) for d in e.atoms(sp.Derivative)):
            lhs, rhs = entries_named(lhs, rhs)  # df/dx_1 = beta_1: beta_1 is the entry beta[1] of f's body
        graph = through_graph(lhs, rhs, self.section.functions, self.section.symbols)
        if graph is not None:  # the chain rule through f(u, v), u(a, b), ... (readers.notes.dependencies)
            lhs, rhs = graph
        chain = claim.chain
        leibniz = leibniz_reading(lhs, rhs)  # du/dx beside u(x): u'(x) (readers.notes.leibniz)
        if leibniz is not None:
            lhs, rhs = leibniz
        if isinstance(read_moments(lhs, rhs), str):  # Var(2X) = 4 sigma_X^2 after sigma_X^2 = int ... p_X(x) dx
            tied = tuple(self.expand_tied(e) for e in (claim.lhs, claim.rhs))
            lhs, rhs = tied if isinstance(read_moments(*tied), tuple) else (lhs, rhs)
        shown = {"lhs": claim.shown_lhs or _show(claim.lhs), "rel": claim.rel, "rhs": _show(claim.rhs),
                 "line": claim.line}
        tested = self.test_error_reading(claim, lhs, rhs, shown)
        if tested is not None:  # 1 - alpha = P(reject H_0 | H_0 true) (readers.notes.hypothesis_tests)
            return [tested]
        solved = self.backward_solution(claim, shown)
        if solved is not None:  # G_t = sum_k gamma^k r_{t+k+1} after G_t = r_{t+1} + gamma G_{t+1} (induction)
            return [solved]
        # a recurrence x_t = f(x_{t-1}) sets the steps x_t, not the plain x of a later formula (h(x) = ...)
        touched = sorted({base_name(x) for e in (lhs, rhs) for x in e.free_symbols | e.atoms(sp.Indexed)
                          if base_name(x) in self.section.updates and (base_name(x) in self.section.in_place
                                                                      or base_name(x) != getattr(x, "name", None))
                          and not (base_name(x) in self.section.moved_on and _numbered(x))})
        touched = [n for n in touched if n]
        unrolled = self.unrolled(claim, touched, shown, frag.paragraph) if touched and claim.rel == "=" else None
        if unrolled is None and not touched and claim.rel == "=":
            # w_k = (1 - eta a)^k w_0 after the chain w_{k+1} = w_k - eta a w_k = (1 - eta a) w_k, whose sequence is
            # defined, not updated: a closed or unrolled form of it, checked with the recurrence, not with w free
            unrolled = self.unrolled(claim, self.closed_forms(claim), shown, frag.paragraph)
        if unrolled is None and not touched and claim.rel == "=":
            # theta_t - theta_0 = -eta c sum_{s<t} theta_s after theta_{t+1} = theta_t - eta c theta_t: the steps
            # of a sequence the section's recurrence ties, checked by running it (readers.notes.recurrences)
            tied = sequences_apart((claim.lhs, claim.rhs), self.section.recurrences)
            unrolled = self.unrolled(claim, tied, shown, frag.paragraph) if tied else None
            if unrolled is not None and unrolled.verdict == "undecided":
                unrolled = None  # read as written (the update a definition of w_{t+1} too); no refutation with the
                # steps as free values (sequences_apart, below)
        if unrolled is not None:
            return [unrolled]
        if touched and claim.rel not in ("->",):
            free = self.check_plain(claim, frag, lhs, rhs, shown) if claim.rel == "=" else []
            if free and all(r.verdict == "proved" for r in free):  # w - eta(g + lambda w) = (1 - eta lambda) w - eta g
                # after w <- ...: an identity in every value of w holds for each of its steps too
                return [StepReport(**{**r.__dict__, "method": f"{r.method}; an identity in every value of "
                                      f"{', '.join(touched)}, so in the values the update gives it"[:300]})
                        for r in free]
            return [StepReport(**shown, verdict="undecided", role="claim",
                               reason=f"about {', '.join(touched)}, set by an update or a recurrence above "
                                      "(an assignment, not an identity)")]
        symbols = set(lhs.free_symbols | rhs.free_symbols)
        conditions, examples = self.in_force(symbols, frag.paragraph)
        conditions = unknown_values_as_names(conditions, (lhs, rhs), set(self.section.functions))
        widened = widened_names(text_before(self.lines, frag.kind, frag.line, frag.column)) | widened_in_block(
            frag.content)
        if widened:  # "hence for all real numbers $a$ and $b$," after "for $a, b \ge 0$": readers.notes.real_domains
            conditions = [c for c in conditions if not {str(x).lstrip("\\") for x in c[0].free_symbols} & widened]
        stated = tuple(c[0] for c in conditions) + self.trailing_relations(
            frag, symbols, lambda: (self.expand(lhs), self.expand(rhs)))  # the sides, expanded only when needed
        assumptions = tuple(c[1] for c in conditions) + tuple(_show(c) for c in claim.conditions) + tuple(
            f"{_show(r.lhs)} = {_show(r.rhs)}" if isinstance(r, sp.Eq) else _show(r) for r in stated[len(conditions):]) + (
            (unstated_counts.shown(counted),) if counted else ()) + ((namesakes.shown(alike),) if alike else ())
        general = _Claim(claim.lhs, claim.rel, claim.rhs, tuple(claim.conditions) + stated, claim.line,
                         claim.zero_based, claim.redefinition)
        series = closed_forms(lhs, rhs, general.conditions)
        if series is not None:  # sum_k x^k summed where it converges (readers.notes.series_domains)
            lhs, rhs, region, covered = series
            if not covered:
                general = _Claim(claim.lhs, claim.rel, claim.rhs, general.conditions + (region,), claim.line,
                                 claim.zero_based, claim.redefinition)
        through = self.section.identities.get(claim.lhs) if claim.rel in ("=", "approx") else None
        if through is not None and through[2] == self.section.number \
                and stated_identities.opaque(lhs, self.section.functions):  # P(A|B) ~ 0.154 after
            lhs = through[0]  # Bayes' rule proved above: the value of its right side (readers.notes.stated_identities)
            general = _Claim(lhs, claim.rel, rhs, general.conditions, claim.line, claim.zero_based, claim.redefinition)
            assumptions = assumptions + (f"{_show(claim.lhs)} = {_show(through[0])} (line {through[1]})",)
        expanded = (self.expand(lhs), self.expand(rhs)) if entry_equations.EVERY.search(frag.sentence) else ()
        every = entry_equations.entry_equations(general.conditions, expanded) if expanded else []
        if every:  # "If $q_k = 1/K$ for every $k$ then $H(q) = \log K$": at every entry (readers.notes.entry_equations)
            lhs, rhs = entry_equations.at_every_entry_of(every, expanded)
            general = _Claim(lhs, claim.rel, rhs, entry_equations.without(general.conditions, every), claim.line,
                             claim.zero_based, claim.redefinition)
        densities = named_densities.readings((lhs, rhs), self.latex)
        if densities:  # beta(θ | a, b), \mathrm{B}(a, b): the family's density (readers.notes.named_densities)
            out = self.density_readings(general, frag, lhs, rhs, shown, densities)
        else:
            out = self.check_plain(general, frag, lhs, rhs, shown)
        if every:
            named = ", ".join(f"{_show(n)} = {_show(v)}" for n, v in every)
            out = [StepReport(**{**r.__dict__, "method": f"{r.method}; with {named} at every entry, as the words say"})
                   for r in out]
        out = self.own_condition_reading(claim, conditions, frag, lhs, rhs, shown, out)
        out = self.entry_equation_reading(general, frag, lhs, rhs, shown, out)
        out = undefined_inside(general.conditions, widened, lhs, rhs, out, lambda: self.run_undefined_refutes(
            general, lhs, rhs, shown))  # "for any nonzero $x$": a stated domain (readers.notes.stated_domains)
        out = imaginary_reading(lhs, rhs, frag.content, out, lambda l, r: self.reading_up_to_constant(
            general, frag, l, r, shown),
                                self.imaginary_declared_before(frag.line))
        out = operator_factor(lhs, rhs, out)
        out = self.mean_reading(general, lhs, rhs, shown, out, frag)
        out = _rounded_reading(lhs, rhs, frag.content, out)
        if series is not None and not covered:  # a failure there is one in every reading: it stays refuted
            converges = f"{_show(region)}, where the series converges"
            out = [_undecided(r, f"holds where the series converges: {_show(region)} ({r.verdict} there; the notes "
                                 "do not confine it there)") if r.verdict in ("proved", "verified") else
                   StepReport(**{**r.__dict__, "assumptions": (*r.assumptions, converges)}) for r in out]
        out = [StepReport(**{**r.__dict__, "assumptions": assumptions + tuple(  # and those the reading used
            a for a in r.assumptions if a not in assumptions)}) for r in out]
        if leibniz is not None:
            out = [StepReport(**{**r.__dict__, "method": f"{r.method}; {LEIBNIZ_NOTE}"}) if r.method else r
                   for r in out]
        out = self.log_base_reading(general, frag, lhs, rhs, shown, out)
        out = self.declared_base_reading(general, frag, lhs, rhs, shown, out)
        out = self.degree_reading(general, frag, lhs, rhs, shown, out)
        probability = any(f.func.__name__ in PROBABILITY_NAMES for e in (lhs, rhs) for f in e.atoms(AppliedUndef))
        if probability and any(r.verdict == "refuted" for r in out) \
                and assumes_independence(self.lines, claim.line, frag.sentence) \
                and _probability_root(lhs) not in conditioning(self.lines, claim.line, frag.sentence):
            # the check's joints make the variables independent given the first variable of the left side (the
            # root): a counterexample there satisfies "independent given <root>", no other independence
            independent = self.on_independent_joints(lhs, claim.rel, rhs, claim, frag, shown, assumptions)
            if independent is not None:  # the prose names the variables independent (readers.notes.independent_joint)
                return independent
            return _withdrawn(
                out, lambda r: f"holds where the variables are independent, as the prose around it says: it "
                               f"fails for a dependent joint distribution ({r.reason[:80]})")
        if probability and event_sets.built(lhs, rhs):  # "for disjoint $A$ and $B$, $P(A \cup B) = P(A) + P(B)$":
            out = [_undecided(r, event_sets.UNSTATED.format(reason=r.reason[:80]))  # the prose may relate the events
                   if r.verdict == "refuted" else r for r in out]  # (readers.notes.event_sets)
        masses = unstated_masses((lhs, rhs), simplex_in_force(self.simplex_vectors, self.position)) \
            if any(r.verdict == "refuted" for r in out) else []
        if masses:  # \sum_k p_k \log(1/p_k) \le \log K: p a probability vector (readers.notes.vector_kinds)
            out = self.on_unstated_simplex(general, frag, lhs, rhs, shown, masses, out)
        one_hot = sorted(name for name, vertex in simplex_in_force(self.simplex_vectors, self.position).items()
                         if vertex and any(str(b.label) == name for e in (lhs, rhs) for b in e.atoms(sp.IndexedBase)))
        if one_hot and any(r.verdict == "refuted" for r in out):  # sampled inside the simplex, stated at a vertex
            vertex = self.at_vertices(general, frag, lhs, rhs, shown, one_hot)
            if vertex is not None:
                return [StepReport(**{**r.__dict__, "assumptions": assumptions}) for r in vertex]
            return _withdrawn(
                out, lambda r: f"{', '.join(one_hot)} is one-hot (the prose says so): it fails for probability "
                               f"vectors ({r.reason[:80]}); at one-hot vectors it is not decided")
        if any(any(b.has(sp.oo, -sp.oo) for lim in i.limits for b in lim[1:]) for e in (lhs, rhs)
               for i in e.atoms(sp.Integral)):  # d/dx int_{-oo}^x f: the sampled f need not be integrable there
            out = [_undecided(r, f"an improper integral: it need not converge where the check sampled "
                                 f"({r.reason[:80]})") if r.verdict == "refuted" and not _converged(r) else r
                   for r in out]
        if not all(r.verdict in ("proved", "verified") for r in out) \
                and claim.rel in ("=", "<=", ">=", "<", ">", "!=") \
                and (entropy_applications(claim.lhs) or entropy_applications(claim.rhs)):
            independent = re.search(r"\bindependent\b", frag.sentence, re.IGNORECASE) is not None
            verdict, why = check_entropy(claim.lhs, claim.rel, claim.rhs, independent=independent)
            if verdict == "verified":  # H, I as Shannon's functionals (readers.notes.entropy)
                return [StepReport(**shown, verdict="verified", method=why, assumptions=assumptions)]
            found = check_mass_expectations(claim.lhs, claim.rel, claim.rhs, fixed=self.tied_names()) \
                if not claim.conditions else None
            if found is not None:  # I(X, Y) = E_x E_y {p_{X,Y}(x, y) ...} (readers.notes.mass_expectations)
                verdict, why, witness = found
                return [StepReport(**shown, verdict=verdict, method=why if verdict != "undecided" else "",
                                   reason="" if verdict == "verified" else why, counterexample=witness,
                                   assumptions=assumptions)]
        if not all(r.verdict in ("proved", "verified") for r in out) and claim.rel in ("=", "<=", ">=", "!=") \
                and (divergence_applications(claim.lhs) or divergence_applications(claim.rhs)):
            verdict, why = check_divergence(claim.lhs, claim.rel, claim.rhs)
            if verdict == "verified":  # H, I as Shannon's functionals (readers.notes.entropy)
                return [StepReport(**shown, verdict="verified", method=why, assumptions=assumptions)]
        if claim.rel == "=" and all(r.verdict in ("proved", "verified", "undecided") for r in out) \
                and not all(r.verdict in ("proved", "verified") for r in out):
            how = check_conditional_moments(lhs, rhs)
            if how is not None:  # Var(Y) = E[Var(Y|X)] + Var[E(Y|X)] (readers.notes.conditional_moments)
                return [StepReport(**shown, verdict="verified", method=how, assumptions=assumptions)]
        if not all(r.verdict in ("proved", "verified") for r in out) and not claim.conditions:
            how = check_law_tables(lhs, claim.rel, rhs, cue=LAW_CUE.search(self.prose) is not None)
            if how is not None:  # sum_{x in Val(X)} p_X(x) = 1: about every law of X (readers.notes.law_tables)
                return [StepReport(**shown, verdict="verified", method=how, assumptions=assumptions)]
            how = check_law_expectations(lhs, claim.rel, rhs)
            if how is not None:  # E[E(X | Y)] = sum_y E(X | Y = y) Pr(Y = y) (readers.notes.law_expectations)
                return [StepReport(**shown, verdict="verified", method=how, assumptions=assumptions)]
            how = self.event_values.numeric(lhs, rhs, frag.line) or self.event_values.structural(
                lhs, claim.rel, rhs, False) or (conditional_cue(self.lines, frag.line) and self.event_values.structural(
                    lhs, claim.rel, rhs, True))
            if how:  # P(D = 1) = P(D = 1, H = 0) + ... = 0.011485 (readers.notes.event_values)
                return [StepReport(**shown, verdict="verified", method=how, assumptions=assumptions)]
            how = verify_on_finite_laws(lhs, rhs, claim.rel, f"{lhs} {claim.rel} {rhs}")
            if how is not None and all(r.verdict != "refuted" for r in out):
                # nabla_theta P = P nabla_theta log P, E_{x ~ P_theta}[nabla_theta log P_theta(x)] = 0, Bayes with
                # f(x | y): about every law (readers.notes.finite_laws)
                return [StepReport(**shown, verdict="verified", method=how, assumptions=assumptions)]
        product = self.product_reading(general, frag, lhs, rhs, shown, out)
        if product is not None:
            return [StepReport(**{**r.__dict__, "assumptions": assumptions}) for r in product]
        euler = self.euler_reading(general, frag, lhs, rhs, shown, out)
        if euler is not None:
            return [StepReport(**{**r.__dict__, "assumptions": assumptions}) for r in euler]
        operator = self.operator_reading(general, frag, lhs, rhs, shown, out)
        if operator is not None:
            return [StepReport(**{**r.__dict__, "assumptions": assumptions}) for r in operator]
        sizes = claim.at_sizes
        if claim.one_by_one and sizes is not None and sizes.verdict in ("proved", "verified") and all(
                r.verdict in ("proved", "verified") for r in out):  # and on matrices of several sizes
            return [StepReport(**{**r.__dict__, "verdict": sizes.verdict, "assumptions": assumptions,
                                  "method": f"{claim.read_as}; at larger sizes: {sizes.method}, {sizes.reason}"[:300]})
                    for r in out]
        if claim.one_by_one:  # a stated optimum of a matrix objective, checked for 1x1 matrices
            out = [_undecided(r, f"{claim.read_as}: it holds there, but the sizes of the matrices are not "
                                 "read") if r.verdict in ("proved", "verified") else r for r in out]
        if claim.read_as and any(r.verdict == "refuted" or r.verdict == "undecided" and r.role == "approximation"
                                 for r in out):  # eta_50 = 0.05 with eta_max = 0.1, T = 100 set above: the
            # member read in the example's values (family_members), as any claim is below
            written = {x.name for e in (lhs, rhs, claim.lhs, claim.rhs) for x in e.free_symbols
                       if isinstance(x, sp.Symbol)}
            named = {n.name: (n, v) for n, v in examples if isinstance(n, sp.Symbol) and n.name in written}

            def valued(e):  # by name: the member's body and the example may spell a name with other assumptions
                return e.xreplace({x: named[x.name][1] for x in e.free_symbols
                                   if isinstance(x, sp.Symbol) and x.name in named})

            if named:
                local = _Claim(valued(claim.lhs), claim.rel, valued(claim.rhs), general.conditions,
                               claim.line, claim.zero_based, claim.redefinition)
                used = assumptions + tuple(f"{_show(n)} = {_show(v)} (example)" for n, v in named.values())
                lhs, rhs = valued(lhs), valued(rhs)  # and so narrowed, if it fails there
                out = [StepReport(**{**r.__dict__, "assumptions": used})
                       for r in self.check_plain(local, frag, lhs, rhs, shown)]
        if claim.read_as:  # a stated fact of a named law: another parametrisation may be meant
            out = [_undecided(r, f"{claim.read_as}: it differs ({r.reason[:80]}); the notes may use another "
                                 "parametrisation") if r.verdict == "refuted" and not claim.unambiguous else
                   StepReport(**{**r.__dict__, "method": f"{r.method}; {claim.read_as}"}) for r in out]
            # eta_{W/2} = eta_max/2 after a warmup in cases, refuted at W = 0: the domain is implicit (holds where)
            return [self.narrower(r, claim, frag, lhs, rhs, shown, stated) if r.verdict == "refuted" else r
                    for r in out]
        einstein = einstein_reading(lhs, rhs) if any(r.verdict == "refuted" for r in out) and not any(
            _STATED_LAW_METHOD in r.method for r in out) else None  # Var(q_i k_i) after q_i ~ N: one entry's law
        if einstein is not None:
            out = self.einstein(out, general, frag, einstein, shown)
        scalars = _scalar_names(lhs, rhs)  # x = 2 is no value of the array x_i
        entries = all_entries_set(examples, (self.expand(lhs), self.expand(rhs))) if any(
            r.verdict == "refuted" for r in out) else []  # every p_i = 1/V (readers.notes.entry_examples)
        by_name = {x.name: x for x in scalars if isinstance(x, sp.Symbol)}  # K = 2 for the size K of sum_{j=1}^{K}
        examples = [(by_name.get(n.name, n) if isinstance(n, sp.Symbol) else n, v) for n, v in examples]
        applied = {a for e in (lhs, rhs) for a in e.atoms(AppliedUndef)}  # P(A) = 0.01 for P(A) in the claim
        examples = [(n, v) for n, v in examples if n in scalars or n in applied or _names_moment_of(n, scalars)] \
            + entries
        arguments = _written_arguments(claim.lhs, claim.rhs)  # H'(p) = log(p/(1-p)): every p, not p = 1/2
        examples = [(n, v) for n, v in examples if n not in arguments]
        if examples and passing_examples.called_identity(text_before(self.lines, frag.kind, frag.line, frag.column)):
            examples = []  # "one more identity I used:": claimed for every value (readers.notes.passing_examples)
        quantified = passing_examples.quantified_names(text_before(self.lines, frag.kind, frag.line, frag.column),
                                                       words_after(self.lines, frag.line, frag.column, frag.source)) \
            if examples else set()
        if quantified:  # "$w - h \le 3$ for every $w$ and $h$" after "fails at $w = h = 1$": for every value
            examples = [(n, v) for n, v in examples if not (isinstance(n, sp.Symbol) and n.name in quantified)]
        if examples and any(r.verdict == "refuted" or r.verdict == "undecided" and r.role == "approximation"
                            for r in out):  # read once more in the example above (1 - beta^10 approx 0.651 at 0.9)
            values = tuple(sp.Eq(n, v) for n, v in examples if (n, v) not in entries)
            sides = (lhs, rhs) if not entries else tuple(at_every_entry(self.expand(e), entries) for e in (lhs, rhs))
            local = _Claim(*((claim.lhs, claim.rel, claim.rhs) if not entries else (sides[0], claim.rel, sides[1])),
                           general.conditions + values, claim.line, claim.zero_based, claim.redefinition)
            again = conditioned = self.check_plain(local, frag, *sides, shown)
            if not again or any(r.verdict == "refuted" for r in again) or any(
                    r.verdict == "undecided" and "side condition" in r.reason for r in again):
                # the example's name stands for its value (Y = aX + b, then Cov(X, Y) = Cov(X, aX + b)): a
                # condition on the name alone does not reach a function of it that is expanded over samples; nor
                # can a size be sampled at one value (K = 2 for the K of sum_{j=1}^{K})
                named = {n: v for n, v in examples}
                try:
                    local = _Claim(claim.lhs.xreplace(named), claim.rel, claim.rhs.xreplace(named),
                                   general.conditions, claim.line, claim.zero_based, claim.redefinition)
                    again = self.check_plain(local, frag, lhs.xreplace(named), rhs.xreplace(named), shown)
                except ValueError:  # x = 1 into d/dx: the example cannot stand for a variable of differentiation
                    pass
            near = all(frag.paragraph <= min(scope) + EXAMPLE_NEAR for n, _, scope, _ in self.section.examples
                       if any(n == m for m, _ in examples))
            kept = ("proved", "verified") if not near else ("proved", "verified", "undecided")
            used = assumptions + tuple(f"{_show(n)} = {_show(v)} (example)" for n, v in examples)
            if again and all(r.verdict in kept for r in again):  # a farther example must confirm the claim
                return [StepReport(**{**r.__dict__, "assumptions": used}) for r in again]
            if len(conditioned) == len(out) and all(r.verdict == "refuted" for r in conditioned):
                # it fails in the example too: the counterexample shown is one that satisfies it
                out = [StepReport(**{**r.__dict__, "assumptions": used}) for r in conditioned]
        quantifier = QUANTIFIER.search(frag.sentence) or QUANTIFIER.search(frag.content) or (
            frag.kind == "display" and QUANTIFIER.search(introduction(self.lines, frag.line))) or (  # "There is some $z$"
            frag.kind == "display" and stated_after(words_after(self.lines, frag.line, frag.column, frag.source)))
        prose = self.witness_prose(frag) if claim.rel == "=" else ""
        if (quantifier or WITNESS_STATED.search(prose)) and claim.rel == "=" and \
                not all(r.verdict in ("proved", "verified") for r in out):
            line = self.lines[frag.line - 1] if 0 < frag.line <= len(self.lines) else ""
            # ... for some $\xi \in [0, \epsilon]$; there is a $c \in (x,y)$ such that (readers.notes.mean_value)
            named, stated = stated_in_prose(f"{line} {prose}", self.one_expression)
            found = check_exists(lhs, rhs, witness_names(frag.content) | named,
                                 [self.expand(c) for c in general.conditions] + stated)
            if found is not None and found[0] == "verified":  # f(x) - f(a) = (x - a) f'(alpha), alpha in [a, x]
                return [StepReport(**shown, verdict="verified", method=found[1], assumptions=assumptions)]
        if claim.rel == "=" and out and not any(r.verdict in ("proved", "verified", "refuted") for r in out):
            # int_a^b f = trapezoid - (b - a)^3/12 f''(xi): f a polynomial of degree 2 (readers.notes.mean_value)
            remainder = refute_on_polynomials(lhs, rhs, [self.expand(c) for c in general.conditions])
            if remainder is not None:
                return [StepReport(**shown, verdict="refuted", reason=remainder[0], counterexample=remainder[1],
                                   method="a remainder at an unknown point, on a polynomial of its order (exact)",
                                   assumptions=assumptions)]
        if quantifier and any(r.verdict == "refuted" for r in out):
            return _withdrawn(
                out, lambda r: f"an existential claim ('{quantifier.group(0)}'): a "
                               f"counterexample at one point does not refute it ({r.reason[:80]})")
        witnesses = sorted({base_name(x) for e in (lhs, rhs) for x in e.free_symbols | e.atoms(sp.Indexed)}
                           & self.section.witnesses - widened_in_block(frag.content))  # \forall x > -1: every x
        if witnesses and any(r.verdict == "refuted" for r in out):
            return _withdrawn(
                out, lambda r: f"about {', '.join(witnesses)}, chosen 'for some' value above (a witness, not "
                               f"every value): a counterexample at one point does not refute it ({r.reason[:80]})")
        multiple = common_multiple(claim.lhs, claim.rhs, frag.content) if claim.rel == "=" and not claim.chain else None
        if multiple is not None and any(r.verdict == "refuted" for r in out):
            c, d, x = multiple
            return _withdrawn(
                out, lambda r: f"{_show(c)}*X = {_show(d)}*X with X = {_show(x)}: it holds only where X = 0, a "
                               f"constraint an argument draws, not an identity ({r.reason[:80]}) "
                               f"(readers.notes.proportional_sides)")
        vectors = read_as_numbers((lhs, rhs), self.vector_families) \
            or read_as_numbers((claim.lhs, claim.rhs), self.vector_families, families_only=True)
        if vectors and any(r.verdict == "refuted" and not r.method.startswith("matrix") for r in out):
            shown_vectors = ", ".join(f"{_show(sp.Symbol(n))} (line {k})" for n, k in vectors)
            return _withdrawn(
                out, lambda r: f"reads {shown_vectors}, which the notes write out as a vector, as a number: the "
                               f"scalar reading cannot decide it ({r.reason[:80]}) (readers.notes.vector_values)")
        arrays = whole_and_entries(lhs, rhs)
        if arrays and any(r.verdict == "refuted" for r in out):
            return _withdrawn(
                out, lambda r: f"{', '.join(arrays)} written whole and by its entries: it fails only with the "
                               f"two read as unrelated numbers ({r.reason[:80]}) (readers.notes.whole_and_entries)")
        for cue, why in ((_TO_SOLVE, "an equation to solve"), (_NOTATION, "a statement of notation")):
            found = cue.search(frag.sentence)
            if found and found.group(0).lower().startswith("solv") and _SET_TO_ZERO.search(frag.sentence) \
                    and 0 not in (claim.lhs, claim.rhs):
                continue  # "take the derivative, set it equal to zero and solve": the equation is "... = 0", this
                # link (no zero side) is the derivative computed, claimed for every value
            if found and any(r.verdict == "refuted" for r in out):
                return _withdrawn(
                    out, lambda r: f"{why} ('{found.group(0)}' in the sentence): it is not stated for all "
                                   f"values ({r.reason[:80]})")
        if any(r.method.startswith("matrix") for r in out):
            return out  # the readings below are scalar algebra (readers.notes.matrices decided)
        claim = general
        rel = {"equiv": "=", ":=": "="}.get(claim.rel, claim.rel)
        after = self.sentence_after(frag)
        around = f"{frag.sentence} {after}"
        locus = self.locus(frag, lhs, rhs) if rel == "=" else None
        equation = rel == "=" and (is_equation(lhs, rhs) or locus is not None) and not (
            _FOR_ALL.search(around) and not _REQUIRED.search(around)) and not (
            locus is None and all_written_defined(claim.lhs, claim.rhs, self.defined_names())
            and not symbols <= {n for n, _ in examples} and not free_parameters(lhs, rhs))  # sum_i hat x_i^2 = 1;
        # sigma_w^2 = 3/256 at n = 256; (kappa - 1)/(kappa + 1) = 3/5 with kappa = L/mu is an equation in L, mu
        # stays an equation whose every name an example sets (it is refuted there, below)
        previous = self.section.equation
        if previous is not None and frag.paragraph - previous[1] > EQUATION_REACH:
            previous = None
        if equation and not all(r.verdict in ("proved", "verified") for r in out):
            self.section.equation = (lhs - rhs, frag.paragraph, claim.line,  # an identity that holds is no equation
                                     _written_names(claim.lhs, claim.rhs))
        random = set(self.section.laws) | {str(x) for x in self.section.distributed}
        if stated_identities.records(claim, out, self.section.functions, random, lambda: (  # P(A|B) = P(B|A)P(A)/P(B)
                f"{text_before(self.lines, frag.kind, frag.line, frag.column)[-300:]} {frag.sentence}")):
            self.section.identities[claim.lhs] = (claim.rhs, claim.line, self.section.number)  # its section's
            # values of P(A|B) are read through it (the notes' next theorem may give X another law)
        if not any(r.verdict == "refuted" for r in out):
            return out
        applied = _derivative_applied_to_expression(claim.lhs, claim.rhs)
        if applied is not None:  # d^2f/dx^2 = df/dx (df/dx): an operator applied, or f' composed with f'?
            return _withdrawn(
                out, lambda r: f"ambiguous: {_show(applied)} reads as the derivative evaluated at an expression "
                               f"(which fails: {r.reason[:80]}) or as an operator applied to it")
        fresh = self.fresh_side(claim)
        if fresh is not None:  # sigma_Y = sigma_{aX+b} = |a| sigma_X: a name first written here has no value to refute
            return _withdrawn(
                out, lambda r: f"ambiguous: {_show(fresh)} is not defined before this block; as a claim it fails "
                               f"({r.reason[:80]}); as its definition there is nothing to check")
        if claim.redefinition and not nearly_same(lhs, rhs):  # equal almost everywhere: a claim (near_definitions)
            self.section.contested[_key(claim.lhs)] = (claim.lhs, claim.rhs, claim.line)
            return [_undecided(r, f"ambiguous: as a claim it fails ({r.reason[:80]}); as a new definition of "
                                  f"{claim.redefinition}, which shadows the one above, there is nothing to check")
                    for r in out]
        if rel == "=" and previous is not None:
            follows = self.follows(previous[0], lhs, rhs, claim)
            if follows is not None:
                return [StepReport(**{**follows.__dict__, **shown, "assumptions": assumptions,
                                      "role": "equation step"})]
        if rel == "=" and not equation and chain:  # p_0 n = (1 - p_0) n = 10.5: a system (readers.notes.systems)
            solution = chain_solution([(self.expand(a), self.expand(b)) for a, b in chain])
            if solution:
                return _withdrawn(
                    out, lambda r: f"the chain sets its unknowns: it holds where {where(solution)}, the values "
                                   f"its equations give, not as an identity ({r.reason[:80]})", role="equation")
        if equation and never_holds(lhs, rhs, tuple(claim.conditions)):
            return out  # no value inside the stated conditions solves it: as an identity it fails
        if equation and any(isinstance(side, AppliedUndef) and self.expand(side).has(sp.Piecewise)
                            for side in (claim.lhs, claim.rhs)) and nearly_same(lhs, rhs):
            return out  # h(x) = 0 about the notes' h defined by cases, 0 but on a spike: no equation (near_definitions)
        if equation and symbols <= {n for n, _ in examples} and out and all(
                r.verdict == "refuted" and any(a.endswith("(example)") for a in r.assumptions) for r in out) and (
                all(frag.paragraph <= min(scope) + EXAMPLE_NEAR for n, _, scope, _ in self.section.examples
                    if n in symbols) or (frag.kind == "display" and refers_back(introduction(self.lines, frag.line)))):
            return out  # every name is set by an example right above (or one the sentence points back to), and it
            # fails there: no unknown is left to solve
        if equation:
            unknowns = ", ".join(sorted(map(_show, symbols), key=str))
            named = f" ('{locus}' in the prose: it names a set or values sought)" if locus else ""
            return [_undecided(r, f"an equation in {unknowns}{named}: it holds for some values, not as an identity",
                               role="equation") if not r.method.startswith(iid_moments.METHOD)
                    and _STATED_LAW_METHOD not in r.method else r for r in out]  # E[V^3] = 1/3: V's law decides, no unknown
        if rel == "=" and previous is not None and not (_numbers_alone(lhs, rhs) and not _within_rounding(lhs, rhs)) \
                and (previous[0].free_symbols & (lhs.free_symbols | rhs.free_symbols) or not previous[0].free_symbols) \
                and (len(previous) < 4 or previous[3] & _written_names(claim.lhs, claim.rhs)):
            # as written, the step names something of the equation: RMS(x)^2 = sigma^2 - mu^2 is no step from
            # sum_i hat{x}_i^2 = 1, though both expand to the x_i
            # a step from Gamma(u + 1) = u! names u: a claim in theta, y, N alone cannot follow from it
            return [_undecided(r, f"an equation after the one at line {previous[2]}: not shown to follow from it",
                               role="equation step") for r in out]
        apart = _apart(lhs, rhs, {**self.section.laws, **{str(base.label): found for (base, _), found in
                                                          self.section.entry_laws.items()}}) \
            if not linked_by_premise(premise, lhs, rhs) \
            and not (_linked_by_examples(examples, lhs, rhs) and all(
                any(a.endswith("(example)") for a in r.assumptions) for r in out if r.verdict == "refuted")) else ""
        if apart:  # x < y \Rightarrow x^2 < y^2: the premise links x and y (readers.notes.premises)
            return [_undecided(r, f"the two sides share no name ({apart}): a change of variables whose link the "
                                  f"notes state elsewhere, not an identity of independent names ({r.reason[:80]})")
                    if r.verdict == "refuted" and not r.method.startswith((iid_moments.METHOD, LAW_METHOD,
                                                                           SIMULATION_METHOD, truncation.METHOD))
                    else r
                    for r in out]
        return [self.narrower(r, claim, frag, lhs, rhs, shown, stated) if r.verdict == "refuted"
                and r.role != "approximation" else r for r in out]  # O(h^2): no name to narrow, O is no value

    def locus(self, frag, lhs, rhs) -> str | None:
        r"""The words that pose ``lhs = rhs`` as an equation naming a locus or values sought ("The curve
        $$x^2 + y^2 = 5y^2 - 20y + 25$$ is a hyperbola": readers.notes.loci), or None; only for a relation with
        names left (an integral under "the area under the curve" has none)."""
        names = {str(x) for e in (lhs, rhs) for x in e.free_symbols}
        if not names:
            return None
        return locus_cue(*prose_around(self.lines, frag.kind, frag.line, frag.column, frag.source), names)

    def defined_through_recurrence(self, name) -> bool:
        r"""Whether ``name`` (``e_{k+1}``) is a step of a family the section defines through a sequence with a
        recurrence (``e_k = x_k - \sqrt{a}`` after ``x_{k+1} = \frac12 (x_k + a / x_k)``): a row setting it states
        something about that sequence, it does not start a new one."""
        if not isinstance(name, sp.Indexed):
            return False
        found = self.section.arrays.get(name.base)
        if found is None:
            return False
        body = found[-1] if isinstance(found, tuple) else found
        return any(isinstance(i, sp.Indexed) and base_name(i) in self.section.recurrences
                   for i in body.atoms(sp.Indexed)) if isinstance(body, sp.Basic) else False

    def unrolls(self, name, value) -> bool:
        """Whether ``name = value`` states the known recurrence of ``name`` unrolled (``v_t = \beta^2 v_{t-2} +
        ...``): a claim about it, checked by unrolling, not a new recurrence."""
        return any(reaches_back(name, value, base) for base in self.section.recurrences)

    def backward_solution(self, claim, shown) -> StepReport | None:
        r"""``G_t = \sum_{k=0}^\infty \gamma^k r_{t+k+1}`` after the definition ``G_t = r_{t+1} + \gamma G_{t+1}``
        (a backward recurrence): proved when the closed form solves it (readers.notes.induction), with the tail
        condition that makes it the solution meant; None otherwise (the claim is read as before)."""
        if claim.rel != "=" or not isinstance(claim.lhs, sp.Symbol) or not claim.rhs.has(sp.Sum):
            return None
        found = subscript(claim.lhs.name)
        body = self.section.symbols.get(claim.lhs)
        if found is None or body is None or len(found[1]) != 1 or not isinstance(found[1][0], sp.Symbol):
            return None
        (base, (letter,)) = found
        line = self.section.owner.get(_key(claim.lhs), (None, "?"))[1]
        method = prove_backward_solution(claim.lhs, claim.rhs, base, letter.name, body)
        if method is None:
            return None
        return StepReport(**shown, verdict="proved", role="claim", method=f"{method} (line {line})",
                          assumptions=(f"{base}_{{{letter}+n}}, weighted as in the sum, tends to 0 as n grows (bounded, "
                                       "with the factor below 1 in size): the solution the sum writes",))

    def closed_forms(self, claim) -> list[str]:
        r"""The sequences of the section's recurrences that ``claim`` writes in closed form or unrolled (its left
        side a step of the sequence at a letter, its right side no step of it, or steps more than one back)."""
        base = _named_base(claim.lhs) if isinstance(claim.lhs, (sp.Indexed, sp.Symbol)) else None
        found = self.section.recurrences.get(base or "")
        if found is None or found.line == claim.line:
            return []
        return [base] if closes(claim.lhs, claim.rhs, found) or from_first_step(claim.lhs, claim.rhs, found) \
            or reaches_back(claim.lhs, claim.rhs, base) or unrolled_sum(claim.lhs, claim.rhs, found) else []

    def closed_form(self, name, value) -> bool:
        r"""Whether ``name = value`` writes a sequence the section states by a recurrence and a first step in closed
        form (``m_k = (1 - \beta^k) g`` after ``m_k = \beta m_{k-1} + (1 - \beta) g`` and ``m_0 = 0``): a claim about
        that sequence, checked by unrolling, not a new definition of it."""
        found = self.section.recurrences.get(_named_base(name) or "")
        return found is not None and (bool(self.starts(found)) and closes(name, value, found)
                                      or from_first_step(name, value, found)  # u_t = c^t u_0: the start named
                                      or unrolled_sum(name, value, found))  # w_k = w_0 - a sum_{i<k} g(w_i)

    def starts(self, found) -> dict:
        r"""The first step of ``found``'s sequence where the notes give it (``$\mathbf{h}_0 = 0$``), else {}."""
        for n, v, _, _ in reversed(self.section.examples):
            if is_start(n, found.base):  # x_0, x_{0}, x^{(0)}
                return {n.name: v}
        for relation, _, _ in reversed(self.section.conditions):
            if isinstance(relation, sp.Eq) and is_start(relation.lhs, found.base):
                return {relation.lhs.name: relation.rhs}
        return dict(found.start)  # s_n = s_{n-1} + 4, \qquad s_0 = 1: the start its own row gives

    def later_terms(self, found) -> dict:
        r"""``{step: value}`` for the steps after the first of ``found``'s sequence that the notes set to a value in
        this section (``$a_1 = 2 + 1$``, ``$a_2 = 7$``), the latest of each."""
        out = {}
        for n, v, _, _ in self.section.examples:
            if isinstance(n, sp.Symbol) and not v.free_symbols:
                found_step = subscript(n.name)
                if found_step is not None and found_step[0] == found.base and len(found_step[1]) == 1 \
                        and found_step[1][0].is_Integer and 0 < found_step[1][0] <= 8:
                    out[int(found_step[1][0])] = v
        return out

    def unrolled_values(self, values, frag) -> list[StepReport] | None:
        r"""``name = value`` rows that read as local examples but state a known recurrence's sequence in closed form
        (``$x_t = (1 - \eta\lambda)^t x_0$``): their unrolled checks when every row verifies, else None."""
        out = []
        for name, value in values:
            shown = {"lhs": _show(name), "rel": "=", "rhs": _show(value), "line": frag.content_line}
            bases = [b for b in self.section.recurrences if _named_base(name) == b]
            claim = _Claim(name, "=", value, (), frag.content_line)
            report = self.unrolled(claim, bases, shown, frag.paragraph) if bases else None
            if report is not None and report.verdict == "refuted" and self.closes_in_paragraph(name, value, frag):
                out.append(report)  # "$a_n = a_{n-1} + 3$ with $a_0 = 2$. The closed formula is $a_n = 3 + 2n$."
                continue
            if report is None or report.verdict not in ("proved", "verified"):  # proved: by induction
                return None
            out.append(report)
        return out or None

    def closes_in_paragraph(self, name, value, frag) -> bool:
        r"""Whether ``name = value`` writes in closed form (a formula in the step letter) the sequence of a recurrence
        stated in the same paragraph, whose start the section gives: "the recursive definition is $a_n = a_{n-1} + 3$
        with $a_0 = 2$; the closed formula is $a_n = 2 + 3n$" is a claim about that recurrence, refuted when it fails.
        A closed form further away (``$a_n = -1 + 3n$`` for a sequence that starts at $a_1 = 2$, under another
        recurrence of the same letter) may be about another sequence: it is confirmed or left an example."""
        found = self.section.recurrences.get(_named_base(name) or "")
        return found is not None and found.paragraph == frag.paragraph and closes(name, value, found) \
            and found.step.name in {x.name for x in value.free_symbols} and bool(self.starts(found))

    def imaginary_declared_before(self, line: int) -> bool:
        """Whether the note declares i the imaginary unit on a line before ``line`` (readers.notes.imaginary_unit)."""
        if getattr(self, "_imaginary_line", False) is False:
            self._imaginary_line = declared_from(self.lines)
        return self._imaginary_line is not None and self._imaginary_line < line

    def witness_prose(self, frag: Fragment) -> str:
        r"""The prose around ``frag`` that may state its witness with an interval (readers.notes.mean_value), found
        in the notes' text by the block's line and column; "" when the block is not found there as written."""
        if getattr(self, "_line_starts", None) is None:
            self._text = "\n".join(self.lines)
            self._line_starts = list(itertools.accumulate((len(x) + 1 for x in self.lines), initial=0))
        if not 0 < frag.line <= len(self.lines):
            return ""
        start = self._line_starts[frag.line - 1] + frag.column - 1
        if self._text[start:start + len(frag.source)] != frag.source:
            return ""
        return witness_prose(self._text, start, start + len(frag.source))

    def check_aside(self, claim: _Claim, frag: Fragment) -> list[StepReport]:
        """``claim`` checked as another reading of a row, leaving the section as it was ([] when it cannot be)."""
        with self.aside(self.section):
            try:
                return self.check_claim(claim, frag)
            except Exception:  # noqa: BLE001 - the other reading could not be checked: the row keeps its first reading
                return []

    def stated_derivative(self, block, frag) -> list[StepReport] | None:
        r"""An inline block after "the derivative of $F$ is": the claim $dF/dx = $ the block, its steps when every
        one is confirmed, else None (the block keeps its own reading: readers.notes.stated_derivatives)."""
        before = text_before(self.lines, frag.kind, frag.line, frag.column) if frag.kind == "inline" else ""
        stated = stated_derivative(before)
        if stated is None and of_the_last_function(before):
            return self.derivative_of_the_last_function(block, frag)
        if stated is None:
            return None
        functions = tuple(frozenset(self.section.functions) | self.document_functions)
        try:
            written = [parse_block(text, names=self.names, functions=functions).rows if text else []
                       for text in (stated[0], stated[1])]
        except Exception:  # noqa: BLE001 - the prose's formula has no reading: no claim from the sentence
            return None
        formulas = [[r for r in rows if r.kind not in ("empty", "prose")] for rows in (written[0], block.rows)]
        named = [r.chain.exprs for r in written[1] if r.kind not in ("empty", "prose")]
        if any(len(rows) != 1 for rows in formulas) or stated[1] and not (len(named) == 1 and len(named[0]) == 1
                                                                         and isinstance(named[0][0], sp.Symbol)):
            return None
        function, derivative = (as_function(rows[0].chain.exprs, rows[0].chain.rels) for rows in formulas)
        if function is not None and function[0] is None and isinstance(function[1], sp.Symbol) and stated[1]:
            defs = self.section.functions.get(function[1].name, ())  # "the derivative of $\ell$ with respect to
            if len(defs) == 1 and len(defs[0][0]) == 1:  # $z$" after \ell(z) = ...: the function at that variable
                function = (None, sp.Function(function[1].name)(named[0][0]))
        pair = derivative_claim(function, derivative, named[0][0] if stated[1] else None) \
            if function is not None and derivative is not None else None
        if pair is None:
            return None
        found = self.check_aside(_Claim(pair[0], "=", pair[1], (), frag.content_line), frag)
        if found and all(r.verdict in ("proved", "verified") for r in found):
            return found
        known = set(self.section.functions) | set(self.document_functions)
        after = named_values.text_after(self.lines, frag.line, frag.column, frag.source)
        if found and all(r.verdict == "refuted" and r.counterexample for r in found) \
                and not isinstance(function[1], sp.Symbol) and stated_derivatives.ENDS_SENTENCE.match(after) \
                and all(f.func.__name__ in known for e in pair for f in e.atoms(AppliedUndef)):
            return found  # "The derivative of $x^3$ is $3x^3$.": the sentence is that claim alone
        return None

    def stated_extremum(self, block, frag) -> list[StepReport] | None:
        r"""An inline value after "the maximum of $F$ is": ``F <= v`` everywhere and, where the words name the point,
        ``F(c) = v`` (readers.notes.stated_extrema).  Refuted where either fails with a counterexample; confirmed only
        when both hold; else None (the block keeps its own reading)."""
        if frag.kind != "inline":
            return None
        stated = stated_extrema.stated_extremum(text_before(self.lines, frag.kind, frag.line, frag.column))
        rows = [r for r in block.rows if r.kind not in ("empty", "prose")]
        if stated is None or len(rows) != 1 or len(rows[0].chain.exprs) != 1:
            return None
        after = named_values.text_after(self.lines, frag.line, frag.column, frag.source)
        point = stated_extrema.attained_at(after)
        functions = tuple(frozenset(self.section.functions) | self.document_functions)
        try:
            (f,) = [r.chain.exprs[0] for r in parse_block(stated[1], names=self.names, functions=functions).rows
                    if r.kind not in ("empty", "prose")]
            at = [parse_block(t, names=self.names, functions=functions).rows[0].chain.exprs[0] for t in point] \
                if point else None
        except Exception:  # noqa: BLE001 - the prose's formula has no reading: no claim from the sentence
            return None
        value = rows[0].chain.exprs[0]
        free = [x for x in self.expand(f).free_symbols if isinstance(x, sp.Symbol)]
        if len(free) != 1 or value.free_symbols & set(free) or at and at[0] != free[0]:
            return None
        bound = self.check_aside(_Claim(f, "<=" if stated[0] == "max" else ">=", value, (), frag.content_line), frag)
        if bound and all(s.verdict == "refuted" and s.counterexample for s in bound):
            return bound
        if not at or not bound or not all(s.verdict in ("proved", "verified") for s in bound):
            return None
        reached = self.check_aside(_Claim(f.xreplace({at[0]: at[1]}), "=", value, (), frag.content_line), frag)
        if reached and all(s.verdict in ("proved", "verified") for s in reached):
            word = "maximum" if stated[0] == "max" else "minimum"
            return [StepReport(**{**s.__dict__, "method": f"{s.method}; the {word}: a bound everywhere, reached "
                                                          f"at {_show(at[0])} = {_show(at[1])}"}) for s in bound]
        if reached and all(s.verdict == "refuted" and s.counterexample for s in reached):
            return [StepReport(**{**s.__dict__, "lhs": _show(f.xreplace({at[0]: at[1]})),
                                  "reason": f"{s.reason}: at {_show(at[0])} = {_show(at[1])}, where the words say it "
                                            f"is reached, {_show(f)} is not {_show(value)}"}) for s in reached]
        return None

    def named_value(self, block, frag) -> list[StepReport] | None:
        """One bare formula after "the derivative of tanh is", "the variance of a Bernoulli is": the value of that
        quantity, a claim; its steps, or None where the sentence names no such quantity (readers.notes.named_values)."""
        rows = [r for r in block.rows if r.kind not in ("empty", "prose")]
        if len(rows) != 1 or len(rows[0].chain.exprs) != 1:
            return None
        before = text_before(self.lines, frag.kind, frag.line, frag.column)
        after = named_values.text_after(self.lines, frag.line, frag.column, frag.source)
        value = rows[0].chain.exprs[0]
        found = named_values.derivative_claim(before, after, value) or named_values.moment_claims(before, after, value)
        if found is None:
            return None
        readings = [self.check_aside(_Claim(lhs, "=", rhs, conditions, frag.content_line, shown_lhs=found[0]), frag)
                    for lhs, rhs, conditions in found[1]]
        if any(r and all(s.verdict in ("proved", "verified") for s in r) for r in readings):
            return next(r for r in readings if r and all(s.verdict in ("proved", "verified") for s in r))
        if all(r and any(s.verdict == "refuted" and s.counterexample for s in r) for r in readings):
            return readings[0]  # every reading of the words fails
        return None

    def derivative_of_the_last_function(self, block, frag) -> list[StepReport] | None:
        r"""An inline block after "its derivative is", "the derivative function": the derivative of the function of
        one variable the section defined last, confirmed steps only (as :meth:`stated_derivative`)."""
        last = next(((params[0], body) for params, body in (defs[-1] for defs in reversed(
            self.section.functions.values()) if defs) if len(params) == 1), None)
        rows = [r for r in block.rows if r.kind not in ("empty", "prose")]
        derivative = as_function(rows[0].chain.exprs, rows[0].chain.rels) if len(rows) == 1 else None
        pair = derivative_claim(last, derivative) if last is not None and derivative is not None else None
        return self.confirmed_aside(pair, frag) if pair is not None else None

    def confirmed_aside(self, pair, frag, claim=None) -> list[StepReport] | None:
        """The steps of ``lhs = rhs`` (or of ``claim``) checked aside (:meth:`check_aside`) when every one is
        confirmed, else None."""
        found = self.check_aside(claim or _Claim(pair[0], "=", pair[1], (), frag.content_line), frag)
        return found if found and all(r.verdict in ("proved", "verified") for r in found) else None

    def known_values(self, values, frag) -> list[StepReport] | None:
        r"""``name = value`` rows that read as local examples but whose names the note has already determined: a
        definition (``u' = 6x - 4``, then "setting $x = 1$, $u' = 2$"), the equation just before (``$2x + y =
        1$`` or equivalently ``$y = 1 - 2x$``), or a matrix written out above (``$A = V\Sigma^T U^T$`` after ``A``,
        ``V``, ``\Sigma`` and ``U`` were written out entry by entry).  Their checks as claims when every row is confirmed, else None
        (the rows stay examples: a value that does not follow may be a new example, never a refutation)."""
        previous = self.section.equation
        if previous is not None and frag.paragraph - previous[1] > EQUATION_REACH:
            previous = None
        numbers = {n: v for n, v in self.in_force(set(), frag.paragraph)[1] if is_literal(v) and v.is_number}
        out = []
        for name, value in values:
            if name in numbers and not is_literal(value) and value.free_symbols and value.free_symbols <= set(numbers):
                found = self.at_example_values(name, value, numbers, frag)  # $V = V_x + V_y$ after $V = 8/3$, ...
                if found is None:
                    return None
                out += found
                continue
            known = self.expand(name) != name or previous is not None and name in previous[0].free_symbols \
                or isinstance(name, sp.Symbol) and self.matrix_claims.literal_at(name.name, frag.line) is not None
            if not known or self.expand(name) == self.expand(value):  # u = f(x) again: a restatement, no claim
                return None
            entries = entry_examples(list(numbers.items()), (self.expand(name),)) if name not in numbers else []
            if entries:  # sigma_1 = sqrt(42) after sigma_i = sqrt(lambda_i), lambda_1 = 42 (readers.notes.entry_examples)
                used = tuple(f"{_show(e)} = {_show(v)} (example)" for e, v in entries)
                found = self.check_aside(_Claim(self.expand(name).xreplace(dict(entries)), "=", value, (),
                                                frag.content_line, shown_lhs=_show(name)), frag)
                found = [StepReport(**{**r.__dict__, "assumptions": tuple(dict.fromkeys(r.assumptions + used))})
                         for r in found]
            else:
                found = self.check_aside(_Claim(name, "=", value, (), frag.content_line), frag)
            if not found or not all(r.verdict in ("proved", "verified") for r in found):
                return None
            out += found
        return out or None

    def recurrence_case(self, block, frag) -> list[StepReport] | None:
        r"""An inline ``x_t = G`` after an update ``x_t = F`` of the section, in a paragraph that set a name of ``F``
        to a value ("With $z_t = 1$, $h_t = h_{t-1}$"): the claim ``F`` at that value ``= G``, checked; None when the
        block is no such row (readers.notes.recurrence_cases)."""
        rows = [r for r in block.rows if r.kind not in ("empty", "prose")]
        if frag.kind != "inline" or len(rows) != 1 or rows[0].chain.rels != ("=",) or rows[0].conditions \
                or len(rows[0].chain.exprs) != 2:  # "$= \int ...$" continues a row: no left side of its own
            return None
        lhs, rhs = rows[0].chain.exprs
        found = self.section.recurrences.get(base_name(lhs) or "")
        if found is None or found.line == frag.content_line:
            return None
        examples = [(n, v) for n, v, scope, _ in self.section.examples if min(scope) == frag.paragraph]
        sentence = re.split(r"[.!?]\s", text_before(self.lines, frag.kind, frag.line, frag.column))[-1]
        if not re.search(r"\$[^$]*=[^$]*\$", sentence):
            return None  # "so $d = 3$. The recursive definition is therefore $a_n = a_{n-1} + 3$": the value was set in
            # a sentence before, and this one states the recurrence anew (with its own a_0), not a case of the old one
        case = recurrence_cases.case_claim(lhs, rhs, found, examples)
        if case is None:
            return None
        at, written, used = case
        shown_used = tuple(f"{_show(n)} = {_show(v)} (example)" for n, v in used)
        claim = _Claim(at, "=", written, (), frag.content_line, shown_lhs=_show(lhs))
        shown = {"lhs": _show(lhs), "rel": "=", "rhs": _show(rhs), "line": frag.content_line}
        with self.aside(self.section):  # an identity in the names left (h_{t-1}, \tilde h_t): never an equation in them
            try:
                steps = self.check_plain(claim, frag, at, written, shown)
            except Exception:  # noqa: BLE001 - the case could not be checked: the row keeps its own reading
                return None
        if not steps:
            return None
        return [StepReport(**{**r.__dict__, "assumptions": tuple(dict.fromkeys(
            (*r.assumptions, f"{_show(lhs)} by its recurrence (line {found.line})", *shown_used)))}) for r in steps]

    def where_clause(self, values, frag) -> str | None:
        r"""An inline ``name = formula`` that is the where-clause of the definition just before it ("$$L = \frac12(\hat
        y - y)^2$$ with $\hat y = wx + b$"), for a name defined earlier: the name takes the formula, and the
        definition it serves is read again with it, to the end of the section (readers.notes.where_clauses).  What
        it says of the binding, or None (the row stays an example)."""
        at = where_clauses.follows_a_block(self.lines, frag.line, frag.column) if frag.kind == "inline" else None
        if at is None or len(values) != 1:
            return None
        s = self.section
        name, value = values[0]
        if not isinstance(name, sp.Symbol) or is_literal(value) or name not in s.symbols \
                or self.expand(name) == self.expand(value):
            return None
        near = [(owner[1], k) for k, owner in s.owner.items() if owner[0] == s.number and at - 5 <= owner[1] <= frag.line
                and isinstance(k, sp.Symbol) and k != name and k in s.written
                and name in s.written[k][0].free_symbols]
        if not near:
            return None
        last = max(line for line, _ in near)
        served = [k for line, k in near if line == last]
        s.clauses.setdefault(name, (s.symbols.get(name), s.written.get(name), s.owner.get(name)))
        self.define(name, value, frag.content_line)
        for key in served:
            self.define(key, s.written[key][0], last)
        return (f"binds {_show(name)} = {_show(value)} in the definition of {', '.join(_show(k) for k in served)} "
                f"it follows, to the end of the section")

    def derived_values(self, values, frag) -> list[StepReport] | None:
        r"""``name = number`` rows that read as local examples but that the prose derives ("With $r = 1$ and
        $\gamma = 0.95$ this gives $V = 20$" after "so $V = \frac{r}{1-\gamma}$"): the formula in force for each name
        at the paragraph's numbers, checked; a wrong number is refuted (readers.notes.derived_values).  None when the
        prose does not derive it, or a name's formula is itself a number or leaves a name unset (the rows stay
        examples)."""
        if frag.kind != "inline" or not 0 < frag.line <= len(self.lines) \
                or not derived_values.derives(text_before(self.lines, frag.kind, frag.line, frag.column)):
            return None
        examples = self.in_force(set(), frag.paragraph)[1]
        numbers = {n: v for n, v in examples if is_literal(v) and v.is_number}
        formulas = {n: v for n, v in examples if not is_literal(v)}
        out = []
        for name, value in values:
            formula = formulas.get(name)
            if formula is None and (_key(name) in self.section.contested or self.written_again_here(frag)):
                return None  # "o = (n - 1)s - 2p + k; with ... it gives o = 32" after another o: which o is meant
            formula = formula if formula is not None else self.expand(name) if name not in numbers else None
            if formula is None or formula == name or not is_literal(value) or not formula.free_symbols \
                    or not formula.free_symbols <= set(numbers):
                return None
            at = formula.xreplace(numbers)
            half = derived_values.rounding_half_unit(frag.content)
            if half is not None and at.is_number and abs(sp.N(at - value, 30)) <= half:
                return None  # 20/3 written 6.67: rounded, not a slip (left an example)
            if half is None and value.is_Integer and at.is_number and not at.is_Integer \
                    and abs(sp.N(at - value, 30)) <= sp.Rational(1, 2):
                return None  # 19.02 written "this gives V = 19": a whole number that may be rounded (an example)
            used = tuple(f"{_show(n)} = {_show(v)} (example)" for n, v in numbers.items() if n in formula.free_symbols)
            found = self.check_aside(_Claim(at, "=", value, (), frag.content_line, shown_lhs=_show(name)), frag)
            if not found or not all(r.verdict in ("proved", "verified") or r.verdict == "refuted" and r.counterexample
                                    for r in found):
                return None
            out += [StepReport(**{**r.__dict__, "lhs": _show(name), "assumptions": tuple(dict.fromkeys(
                (*r.assumptions, f"{_show(name)} = {_show(formula)}", *used)))}) for r in found]
        return out or None

    def written_again_here(self, frag) -> bool:
        r"""Whether the paragraph, before the inline ``name = value`` block ``frag``, writes ``name =`` in another
        formula (``$o = (n - 1)s - 2p + k$; ... it gives $o = 32$``): the value may follow that formula rather than the
        definition in force."""
        left = frag.content.split("=")[0].strip()
        if not left:
            return False
        start = frag.line - 1
        while start > 0 and self.lines[start - 1].strip():
            start -= 1
        text = " ".join(self.lines[start:frag.line - 1] + [self.lines[frag.line - 1][:max(frag.column - 1, 0)]])
        return re.search(r"\$\s*" + re.escape(left) + r"\s*=(?!\s*-?[\d.]+\s*\$)", text) is not None

    def stated_eigen(self, values, block, frag) -> list[StepReport] | None:
        r"""``name = value`` rows an inline block states as eigenvalues or eigenvectors of a matrix its sentence names
        and the note writes out (``$\lambda_1 = 25$`` after "the matrix $A = [...]$, which has eigenvectors ...");
        their exact checks when every row holds, else None: the rows stay examples, never refuted
        (readers.notes.prose_eigenpairs)."""
        if frag.kind != "inline":
            return None
        literal = self._literal_value_at(frag.line)
        found = named_matrix(sentence_before(self.lines, frag.line, frag.column),
                             lambda latex: eigen_evaluate(latex, literal))
        if found is None:
            return None
        written, m = found
        partners = {n: value_of(v) for n, v, scope, _ in self.section.examples if min(scope) == frag.paragraph}
        more = [c for row in block.rows for c in row.conditions]  # $\lambda_1 = 14, \lambda_2 = 7$: the rows after
        if not all(isinstance(c, sp.Eq) and isinstance(c.lhs, sp.Symbol) and is_literal(c.rhs) for c in more):
            return None  # the first comma are read as its conditions
        rows = [*values, *((c.lhs, c.rhs) for c in more)]
        numbers = [value_of(v) for _, v in rows]
        if not within_multiplicity(m, [v for v in numbers if getattr(v, "is_number", False)]):
            return None
        out = []
        for name, value in rows:
            what = stated_holds(name, value_of(value), m, partners)
            if what is None:
                return None
            out.append(StepReport(lhs=_show(name), rel="=", rhs=_show(value), line=frag.content_line,
                                  verdict="proved", method="matrix algebra: written-out matrices, exact (sympy "
                                  f"Matrix): {what} {written}", assumptions=(f"{written} as the notes write it out",)))
        return out or None

    def _literal_value_at(self, line):
        def literal(name):
            found = self.matrix_claims.literal_at(name, line)
            return None if found is None else found.value
        return literal

    def at_example_values(self, name, value, numbers, frag) -> list[StepReport] | None:
        r"""``name = value`` whose every name the prose set to a number just above (``$V = 8/3$``, ``$V_x = 2/3$``,
        ``$V_y = 2$``, then ``$V = V_x + V_y$``): the relation the example states, checked at those numbers (the
        names' definitions elsewhere are not what the example speaks of).  Its steps when confirmed, else None (a
        relation the numbers do not satisfy may be a new example: never a refutation)."""
        lhs, rhs = name.xreplace(numbers), value.xreplace(numbers)
        found = self.check_aside(_Claim(lhs, "=", rhs, (), frag.content_line, shown_lhs=_show(name)), frag)
        if not found or not all(r.verdict in ("proved", "verified") for r in found):
            return None
        used = tuple(f"{_show(n)} = {_show(v)} (example)" for n, v in numbers.items()
                     if n == name or n in value.free_symbols)
        return [StepReport(**{**r.__dict__, "lhs": _show(name), "rhs": _show(value),
                              "assumptions": tuple(r.assumptions) + used}) for r in found]

    def unrolled(self, claim, touched, shown, paragraph=None) -> StepReport | None:
        r"""A claim about names set by a recurrence (``v_t = \beta v_{t-1} + g_t``), checked by unrolling the
        recurrence at a few steps (readers.notes.recurrences); None when no recurrence reads it.  With the
        ``paragraph``, the examples in force there that name a parameter of the recurrence are put in first ("At
        $\eta = 2/a$ the iterates flip sign:", readers.notes.recurrence_examples) and named by the verdict."""
        for name in touched:
            found = self.with_functions(self.section.recurrences.get(name))
            put = at_examples(found, claim.lhs, claim.rhs, self.values_in_force(found.body, paragraph)) \
                if found is not None and paragraph is not None else None
            if put is None:
                report = self.unrolled_name(claim, name, found, shown)
            else:
                at, lhs, rhs, used = put
                report = self.unrolled_name(dataclasses.replace(claim, lhs=lhs, rhs=rhs), name, at, shown)
                if report is not None:
                    report = dataclasses.replace(report, assumptions=tuple(report.assumptions) + used)
            if report is not None:
                return report
        return None

    def with_functions(self, found):
        r"""``found`` with the functions the section defines put into its body: ``w^{k+1} = w^k - \eta \nabla L(w^k)``
        after ``L(w) = \frac12 (w - 3)^2`` runs as ``w^{k+1} = w^k - \eta (w^k - 3)``; unchanged when the body calls
        none, or when they cannot all be put in (an unknown function stays: nothing certain either way)."""
        if found is None or not found.body.atoms(AppliedUndef) or not self.section.functions:
            return found
        try:
            body = self.expand(found.body)
        except Exception:  # noqa: BLE001 - a body that cannot be expanded runs as written
            return found
        if body == found.body or body.atoms(AppliedUndef) or body.has(sp.Derivative):
            return found
        return dataclasses.replace(found, body=body)

    def values_in_force(self, expr, paragraph) -> list:
        r"""``[(name, value)]``: the examples in force in ``paragraph`` and the section's conditions that set a name of
        ``expr`` to a value (``When $\alpha = 1/(2c)$``, read as a condition, says the same as an example)."""
        conditions, examples = self.in_force(expr.free_symbols, paragraph)
        return [(n, v, "example") for n, v in examples] + [
            (c[0].lhs, c[0].rhs, "condition") for c in conditions
            if isinstance(c[0], sp.Eq) and isinstance(c[0].lhs, sp.Symbol)]

    def unrolled_name(self, claim, name, found, shown) -> StepReport | None:
        """:meth:`unrolled` for one name and its recurrence ``found`` (None when the section has none)."""
        if found is not None and found.line == claim.line and isinstance(claim.lhs, (sp.Indexed, sp.Symbol)) \
                and _named_base(claim.lhs) == name and not closes(claim.lhs, claim.rhs, found):
            # x_{k+1} = x_k - f'/f'': checked against itself, it says nothing; a closed form on the recurrence's line
            # ("$a_n = a_{n-1} + 3$ with $a_0 = 2$. The closed formula is $a_n = 2 + 3n$") is a claim about it
            return StepReport(**shown, verdict="undecided", role="claim",
                              reason="the recurrence this line states: an assignment, not a claim")
        start = self.starts(found) if found is not None else {}
        if start and terms_contradict(found, start, self.later_terms(found)):
            return None  # a_1 = 3, a_2 = 7 given after a_0 = 2: another sequence than a_n = a_{n-1} + d names
        result = check_unrolled(claim.lhs, claim.rhs, found, start) if found is not None else None
        terms = recurrence_terms.check_terms(claim.lhs, claim.rhs, found, self.expand,
                                             start if claim.line != found.line else None) \
            if found is not None and result is None else None
        if terms is not None:  # a_2 = a_1 + d = a + 2d after a_0 = a, a_n = a_{n-1} + d (recurrence_terms)
            return StepReport(**shown, verdict="proved", method=terms, role="claim")
        inputs = constant_inputs(claim.lhs, claim.rhs, found) if result is not None and start else {}
        if inputs and result[0] != "verified":  # s_t = (1 - gamma^t) g^2: a constant input g_t = g
            constant = self.constant_input(claim, found, inputs, start, shown)
            if constant is not None:
                return constant
        if result is not None and result[0] == "undecided" and start and not inputs:  # both stated, no input
            # read as constant (s_t = (1 - gamma^t) g^2 with g_t in the recurrence: constant_input decides that)
            refuted = self.started_refutation(claim, found, start, shown)
            if refuted is not None:
                return refuted
        if found is not None and (result is None or result[0] == "undecided"):
            # f(x_k) = (1 - eta a)^{2k} f(x_0), f defined above; e_{k+1} = ... with e_k = x_k - sqrt(a): read
            # with the definitions put in
            one_step = self.one_step(claim, found, shown)
            if one_step is not None:
                return one_step
            try:
                left, right = self.expand(claim.lhs), self.expand(claim.rhs)
                expanded = check_unrolled(left, right, found, start) if from_first_step(left, right, found) \
                    else None
            except Exception:  # noqa: BLE001 - the body could not be put in: the claim as written decides
                expanded = None
            if expanded is not None and expanded[0] == "verified":
                result = expanded
        if result is not None and result[0] == "undecided" and not start:
            refuted = self.closed_form_refutation(claim, found, shown)
            if refuted is not None:
                return refuted
        proof = prove_closed_form(claim.lhs, claim.rhs, found, start) \
            if result is not None and result[0] == "verified" else None
        if proof is not None:  # w_k = (1 - eta a)^k w_0: the base and the step (readers.notes.induction)
            return StepReport(**shown, verdict="proved", method=proof, role="claim",
                              assumptions=tuple(f"{k} = {_show(v)}" for k, v in start.items()))
        if result is not None:
            return StepReport(**shown, verdict=result[0], reason=result[1] if result[0] != "verified" else "",
                              method=f"unrolled recurrence: {result[1]}" if result[0] == "verified" else "",
                              role="claim", assumptions=tuple(f"{k} = {_show(v)}" for k, v in start.items()))
        return None

    def chained_recurrence(self, claim) -> StepReport | None:
        r"""A link of a chain that opens with a recurrence (``x_{k+1} = (1 - a) x_k = (1 - a)^{k+1} x_0``), checked
        by running it (readers.notes.chained_recurrences): verified when equal at every step tried; refuted at a step,
        a start and values inside the section's conditions where it differs at every step tried; else undecided.
        None when both sides name the sequence at one same step only (an ordinary identity, checked as one)."""
        found = claim.recurrence
        if at_one_step(claim.lhs, claim.rhs, found):
            return None  # theta_{t-1} - eta lambda theta_{t-1} = (1 - lambda) theta_{t-1}: an identity at one step
        shown = {"lhs": _show(claim.lhs), "rel": claim.rel, "rhs": _show(claim.rhs), "line": claim.line}
        left, right = labelled_steps(claim.lhs), labelled_steps(claim.rhs)
        start = self.starts(found)
        result = check_unrolled(left, right, found, start)
        if result is None:
            return None
        if result[0] == "verified":
            return StepReport(**shown, verdict="verified", method=f"unrolled recurrence: {result[1]}", role="claim",
                              assumptions=tuple(f"{k} = {_show(v)}" for k, v in start.items()))
        differences = {} if start else any_start_differences(claim.lhs, claim.rhs, found)
        conditions = [c[0] for c in self.section.conditions]
        witness = _point_where_nonzero({k: as_plain_names(d) for k, d in differences.items()}, conditions) \
            if len(differences) == len(STEPS) else None
        if witness is None:
            return StepReport(**shown, verdict="undecided", role="claim", reason=result[1])
        named = set().union(*(as_plain_names(d).free_symbols for d in differences.values()))  # as from_any_start has it
        return StepReport(**shown, verdict="refuted", role="claim", counterexample=witness,
                          reason=f"unrolled with the recurrence this chain opens with ({found.base}, from any first "
                                 f"step {found.base}_0), the two sides differ at every step tried",
                          assumptions=tuple(c[1] for c in self.section.conditions if c[0].free_symbols & named))

    def one_step(self, claim, found, shown) -> StepReport | None:
        r"""A relation between two neighbouring steps of ``found``'s sequence, read with the section's definitions
        (``e_{k+1} = e_k^2 / x_k`` with ``e_k = x_k - \sqrt{a}``: readers.notes.chained_recurrences
        ``one_step_relation``), checked with the later step replaced by the recurrence once and the earlier one a free
        value: verified when the difference cancels, refuted at a value inside the section's conditions where it does
        not (the sequence started there); None when the claim is not such a relation."""
        try:
            left, right = self.expand(claim.lhs), self.expand(claim.rhs)
        except Exception:  # noqa: BLE001 - the definitions could not be put in: not read so
            return None
        if not one_step_relation(left, right, found):
            # w^{k+1} - 3 = (1 - eta)(w^k + 3) as written, its update stored as a definition of w^{(k+1)} too (which
            # the expansion put in): the relation as written, with the recurrence's body read with its functions
            left, right = claim.lhs, claim.rhs
            if not one_step_relation(left, right, found):
                return None
        difference = one_step_difference(left, right, found)
        if difference is None:
            return None
        if difference == 0:
            return StepReport(**shown, verdict="verified", role="claim", method=(
                f"one step of the recurrence for {found.base} (line {found.line}): with the later step put in, the "
                f"two sides agree for every value of the earlier one (exact, sympy)"))
        conditions = [c[0] for c in self.section.conditions]
        witness = _point_where_nonzero({1: difference}, conditions)
        if witness is None:
            return None
        witness.pop("at", None)
        return StepReport(**shown, verdict="refuted", role="claim", counterexample=witness,
                          reason=(f"one step of the recurrence for {found.base} (line {found.line}), started at the "
                                  f"value given: the two sides differ (the later step put in, the definitions above "
                                  f"read in)"),
                          assumptions=tuple(c[1] for c in self.section.conditions
                                            if c[0].free_symbols & difference.free_symbols))

    def closed_form_refutation(self, claim, found, shown) -> StepReport | None:
        r"""A closed form from the first step (``x_k = c^k x_0 + b (1 - c^{k+1})/(1 - c)`` after ``x_{k+1} = c x_k +
        b``, readers.notes.chained_recurrences ``from_first_step``) refuted at a step, a start and values inside the
        section's conditions, when run from any first step it differs at every step tried; None otherwise."""
        differences = {}
        for lhs, rhs in (tuple(self.expand(e) for e in (claim.lhs, claim.rhs)), (claim.lhs, claim.rhs)):
            # f(x_k) = (1 - eta a)^k f(x_0) with f(x) = a x^2 / 2 defined: read with f's body
            if from_first_step(lhs, rhs, found) or unrolled_sum(lhs, rhs, found):
                differences = any_start_differences(lhs, rhs, found)
                if any(d.atoms(AppliedUndef) for d in differences.values()):
                    differences = {}  # f((1 - eta a)^3 x_0) against f(x_0): f unknown, nothing certain
                if len(differences) == len(STEPS):
                    break
        if len(differences) != len(STEPS):
            return None
        named = set().union(*(as_plain_names(d).free_symbols for d in differences.values()))
        if {n.name for n, _, _, _ in self.section.examples if isinstance(n, sp.Symbol)} & {x.name for x in named}:
            return None  # "At $\eta = 2/a$ the iterates flip sign: $$w_k = (-1)^k w_0$$": read at the example, not any eta
        conditions = [c[0] for c in self.section.conditions]
        witness = _point_where_nonzero({k: as_plain_names(d) for k, d in differences.items()}, conditions)
        if witness is None:
            return None
        return StepReport(**shown, verdict="refuted", role="claim", counterexample=witness,
                          reason=f"unrolled with the recurrence for {found.base}_{{{found.step.name}}} (line "
                                 f"{found.line}) from any first step {found.base}_0, which the claim names, the two "
                                 f"sides differ at every step tried",
                          assumptions=tuple(c[1] for c in self.section.conditions if c[0].free_symbols & named))

    def started_refutation(self, claim, found, start, shown) -> StepReport | None:
        r"""The claim about ``found``'s sequence refuted at a step and a point inside the section's conditions, when
        unrolled down to the first step the notes give (``m_0 = 0``) it differs there (readers.notes.recurrences
        ``started_differences``); None when it does not or no such point is found."""
        differences = started_differences(claim.lhs, claim.rhs, found, start)
        entries = sorted({i for d in differences.values() for i in d.atoms(sp.Indexed)}, key=str)
        witness = None
        for inputs in ({e: sp.Integer(1) for e in entries}, {e: sp.Integer(k + 1) for k, e in enumerate(entries)}):
            # the inputs given values, constant first ("a constant gradient $g$"), then g_1 = 1, g_2 = 2, ...
            given = {k: {e: inputs[e] for e in d.atoms(sp.Indexed)} for k, d in differences.items()}
            valued = {k: d.xreplace(inputs) for k, d in differences.items()}
            valued = {k: d for k, d in valued.items() if d != 0}
            witness = _point_where_nonzero(valued, [c[0] for c in self.section.conditions]) if valued else None
            if witness is not None or not entries:
                break
        if witness is None:
            return None
        differences = valued
        step = next(k for k in differences if witness["at"] == f"step {k}")
        witness = {**{_show(e): str(v) for e, v in sorted(given[step].items(), key=str)}, **witness}
        used = tuple(f"{k} = {_show(v)}" for k, v in start.items())
        reason = (f"unrolled with the recurrence for {found.base}_{{{found.step.name}}} (line {found.line}) down to "
                  f"{found.base}_0 as the notes give it, the two sides differ")
        return StepReport(**shown, verdict="refuted", reason=reason, counterexample=witness, role="claim",
                          assumptions=used + tuple(c[1] for c in self.section.conditions
                                                   if c[0].free_symbols & set().union(*(
                                                       d.free_symbols for d in differences.values()))))

    def constant_input(self, claim, found, inputs, start, shown) -> StepReport | None:
        r"""The claim about ``found``'s sequence read with its input constant, where the notes give the first step
        (readers.notes.recurrences ``check_constant_input``): verified when the sides agree at every step, refuted
        at a step and a point inside the section's conditions where they differ, else None."""
        result = check_constant_input(claim.lhs, claim.rhs, found, inputs, start)
        if result is None:
            return None
        verdict, reason, differences = result
        used = tuple(f"{k} = {_show(v)}" for k, v in start.items()) + \
            tuple(f"{name}_{found.step.name} = {name}" for name in inputs)
        if verdict == "verified":
            return StepReport(**shown, verdict="verified", method=f"unrolled recurrence: {reason}", role="claim",
                              assumptions=used)
        witness = _point_where_nonzero(differences, [c[0] for c in self.section.conditions])
        if witness is None:
            return None
        return StepReport(**shown, verdict="refuted", reason=reason, counterexample=witness, role="claim",
                          assumptions=used + tuple(c[1] for c in self.section.conditions
                                                   if c[0].free_symbols & set().union(*(
                                                       d.free_symbols for d in differences.values()))))

    def density_readings(self, claim, frag, lhs, rhs, shown, densities) -> list[StepReport]:
        r"""The claim with each named density written out, in each parametrisation of its family, under the domains
        that make every application a density (readers.notes.named_densities): refuted where every reading fails,
        confirmed where every one holds, ``undecided (ambiguous)`` where they disagree."""
        found = []
        for label, mapping, domains in densities:
            reading = dataclasses.replace(claim, conditions=tuple(claim.conditions) + tuple(domains))
            with self.aside(self.section):
                found.append((label, self.check_plain(reading, frag, lhs.xreplace(mapping), rhs.xreplace(mapping),
                                                      shown)))
        first = found[0][1]
        if any(len(out) != len(first) for _, out in found):
            return [StepReport(**shown, verdict="undecided", reason="the readings of the named densities give "
                                                                   "different steps")]
        named = "the named densities written out"
        if any(isinstance(k, sp.Integral) for _, mapping, _ in densities for k in mapping):
            named += f", {named_densities.EULER}"
        out = []
        for k, report in enumerate(first):
            verdicts = [o[k].verdict for _, o in found]
            labels = [label for label, _ in found if label]
            if len(set(verdicts)) == 1 or (set(verdicts) <= {"proved", "verified"}):
                how = f"{named}{' in every reading (' + '; '.join(labels) + ')' if len(found) > 1 else ''}"
                weakest = next((o[k] for _, o in found if o[k].verdict != "proved"), report)
                out.append(StepReport(**{**weakest.__dict__, "method": f"{weakest.method}; {how}"
                                         if weakest.method else weakest.method,
                                         "reason": f"{weakest.reason}; {how}" if weakest.reason else ""}))
            elif "refuted" in verdicts:
                held = [f"{label or 'as written'}: {o[k].verdict}" for label, o in found]
                out.append(_undecided(report, f"ambiguous: {named}, the readings disagree ({'; '.join(held)})"))
            else:
                out.append(next(o[k] for _, o in found if o[k].verdict == "undecided"))
        return out

    def log_base_reading(self, claim, frag, lhs, rhs, shown, out):
        r"""A refuted step with a ``\log`` the notes write without a base, read once more with the log in base 2
        (bits) and in base 10: a step that holds in one of them is ``undecided (ambiguous)``, never refuted
        (``-\frac12\log\frac12 - \frac12\log\frac12 = 1`` holds in bits, ``\log 2 \approx 0.301`` in base 10).
        The base is the block's when it writes ``\log``, else the document's (a log reached through a definition)."""
        if not any(r.verdict == "refuted" for r in out) or not (lhs.has(sp.log) or rhs.has(sp.log)) \
                or natural_declared(self.lines, self.line):  # "the logarithm is the natural one" (log_conventions)
            return out
        written = self.latex if re.search(r"\\(?:log|ln)(?![A-Za-z])", self.latex) else "\n".join(self.lines)
        if not _BARE_LOG.search(written):
            return out
        rescued = {}
        for base in decimals.LOG_BASES:
            again = self.plain_in_base(claim, frag, lhs, rhs, shown, base)
            if len(again) != len(out):
                continue
            for k, alt in enumerate(again):
                if out[k].verdict == "refuted" and alt.verdict != "refuted" and k not in rescued:
                    rescued[k] = (base, alt)
        return [_undecided(r, f"ambiguous: with the natural log it fails ({r.reason[:80]}); with log read in base "
                              f"{rescued[k][0]} it is {rescued[k][1].verdict}") if k in rescued else r
                for k, r in enumerate(out)]

    def plain_in_base(self, claim, frag, lhs, rhs, shown, base) -> list:
        r"""The claim checked with every ``\log`` read in ``base`` (on a copy of the section); no steps where that
        reading could not be checked, which is neither a failure nor a confirmation."""
        left, right = (e.replace(sp.log, lambda x: sp.log(x) / sp.log(base)) for e in (lhs, rhs))
        with self.aside(self.section):
            try:
                return self.check_plain(claim, frag, left, right, shown)
            except Exception:  # noqa: BLE001 - the other reading could not be checked
                return []

    def declared_base_reading(self, claim, frag, lhs, rhs, shown, out):
        r"""A proved or verified step with a bare ``\log`` in notes whose prose states another base ("every logarithm
        is to base 2", readers.notes.log_conventions), read once more in that base: where it fails so, ``undecided
        (ambiguous)``, never proved (``\log e = 1`` holds with the natural log only; in bits it is 1.4427).  The parser
        evaluates ``\log e`` to 1 as it reads, so a step whose sides lost their log is read again from the block's
        LaTeX with the base written (``\log_{2}``); a step it cannot match is undecided too."""
        if not any(r.verdict in ("proved", "verified") for r in out) or not _BARE_LOG.search(self.latex):
            return out
        base = declared_base(self.lines, self.line)
        if base is None:
            return out
        if lhs.has(sp.log) or rhs.has(sp.log):
            again = self.plain_in_base(claim, frag, lhs, rhs, shown, base)
            holds = [alt.verdict != "refuted" for alt in again] if len(again) == len(out) else [False] * len(out)
        else:
            holds = self.holds_in_base(frag, base, len(out))
        return [_undecided(r, f"ambiguous: the notes state logarithms to base {base}, and read so this fails; with the "
                              f"natural log it is {r.verdict}") if r.verdict in ("proved", "verified") and not ok else r
                for r, ok in zip(out, holds)]

    def holds_in_base(self, frag, base, count) -> list[bool]:
        r"""Whether each relation of the block, read again with every bare ``\log`` written ``\log_{base}``, holds
        identically (an equation whose sides' difference simplifies to 0; an inequality is not decided here); all False
        when the block does not read again into ``count`` relations."""
        try:
            block = self.parse(_BARE_LOG.sub(lambda m: rf"\log_{{{base}}}", frag.content), frag)
        except LatexParseError:
            return [False] * count
        pairs = [p for row in block.rows if row.kind not in ("empty", "prose") for p in row.chain.pairs()]
        if len(pairs) != count:
            return [False] * count
        out = []
        for a, rel, b in pairs:
            try:
                out.append(rel == "=" and sp.simplify(self.expand(a) - self.expand(b)) == 0)
            except Exception:  # noqa: BLE001 - not decided: not a confirmation
                out.append(False)
        return out

    def degree_reading(self, claim, frag, lhs, rhs, shown, out):
        r"""A refuted step with a trigonometric function of a plain number (``cos(45)``), read once more with the
        number in degrees (readers.notes.degrees): where that reading holds, the step is the notes' own reading
        when they write angles in degrees (``45°``), else ``undecided (ambiguous)``; never refuted."""
        if not any(r.verdict == "refuted" for r in out):
            return out
        reading = degree_reading(lhs, rhs)
        if reading is None:
            return out
        with self.aside(self.section):
            try:
                again = self.check_plain(claim, frag, *reading, shown)
            except Exception:  # noqa: BLE001 - the other reading could not be checked: it is not a failure
                again = []
        if len(again) != len(out):
            return out
        stated = DEGREE_CUE.search("\n".join(self.lines)) is not None
        return [(StepReport(**{**alt.__dict__, "method": f"{alt.method}; angles read in degrees (the notes write "
                               "angles in degrees)"}) if stated and alt.verdict in ("proved", "verified") else
                 _undecided(r, f"ambiguous: with the angle in radians it fails ({r.reason[:80]}); read in degrees "
                               f"it is {alt.verdict}"))
                if r.verdict == "refuted" and alt.verdict != "refuted" else r for r, alt in zip(out, again)]

    def product_reading(self, claim, frag, lhs, rhs, shown, out):
        r"""``p(1-p)`` read as a product when the letter ``p`` (maybe with a subscript, ``h_{prev}(1 - h^2)``)
        also stands alone in the claim as written (so it is a value there, not only a function): kept only when
        that reading holds (``\sigma^2 = p(1-p)``)."""
        if all(r.verdict in ("proved", "verified") for r in out):
            return None
        written = (claim.lhs, claim.rhs)
        names = {x.name: x for e in written for x in e.free_symbols if isinstance(x, sp.Symbol)}
        apps = {f for e in written for f in e.atoms(AppliedUndef) if not isinstance(f, (Given, PlusMinus))
                and len(f.args) == 1 and _ONE_LETTER.fullmatch(f.func.__name__) and f.func.__name__ in names}
        if not apps:
            return None
        mapping = {f: names[f.func.__name__] * f.args[0] for f in apps}
        left, right = (self.expand(e.xreplace(mapping)) for e in written)
        again = self.check_plain(claim, frag, left, right, shown)
        again = self.mean_reading(claim, left, right, shown, again)  # N(\bar{y} - b) beside sum_n y_n: both readings
        if not again or not all(r.verdict in ("proved", "verified") for r in again):
            return None
        how = ", ".join(sorted(f"{f.func.__name__}(...) as a product" for f in apps))
        return [StepReport(**{**r.__dict__, "method": f"{r.method}; read with {how} (the letter also stands "
                                                      f"alone in the claim)"}) for r in again]

    def euler_reading(self, claim, frag, lhs, rhs, shown, out):
        r"""An undefined ``\gamma`` read as the Euler--Mascheroni constant when the claim does not hold with
        ``\gamma`` a variable and holds with it as the constant, and either the notes name Euler's constant
        or the claim is about the functions where it arises (polygamma, zeta): ``\gamma + \psi_0(1) = 0``."""
        gamma = next((x for x in lhs.free_symbols | rhs.free_symbols if isinstance(x, sp.Symbol)
                      and x.name in ("gamma", "\\gamma")), None)
        if gamma is None or all(r.verdict in ("proved", "verified") for r in out) or claim.rel not in ("=",):
            return None
        special = any(isinstance(f, AppliedUndef) and re.fullmatch(r"\\?(?:psi(?:_\{?\d\}?)?|zeta|digamma)",
                                                                    f.func.__name__)
                      for e in (lhs, rhs) for f in e.atoms(AppliedUndef))
        if not (self.euler_context or special):
            return None
        value = {gamma: sp.EulerGamma}
        again = self.check_plain(claim, frag, lhs.xreplace(value), rhs.xreplace(value), shown)
        if not again or not all(r.verdict in ("proved", "verified") for r in again):
            return None
        why = "gamma read as the Euler-Mascheroni constant (undefined in the notes" + \
              ("; they name Euler's constant)" if self.euler_context else "; the claim is about polygamma/zeta)")
        return [StepReport(**{**r.__dict__, "method": f"{r.method}; {why}"}) for r in again]
    def operator_reading(self, claim, frag, lhs, rhs, shown, out):
        r"""An undefined ``D`` before an expression read as the differentiation operator
        (:mod:`readers.notes.operators`) when the claim fails with ``D`` a number: ``Dx^n = nx^{n-1}``.  Where
        that reading holds it is the notes' own when they call ``D`` an operator, else the claim is ambiguous;
        where it fails too, the refutation stands."""
        if all(r.verdict in ("proved", "verified") for r in out) or not any(r.verdict == "refuted" for r in out):
            return None
        reading = derivative_reading(lhs, rhs)
        if reading is None:
            return None
        again = self.check_plain(claim, frag, *reading, shown)
        if not again or any(r.verdict == "refuted" for r in again):
            return None
        names = ", ".join(sorted(s.name for s in operators(lhs, rhs)))
        if self.operator_stated and all(r.verdict in ("proved", "verified") for r in again):
            return [StepReport(**{**r.__dict__, "method": f"{r.method}; {names} read as the differentiation "
                                                          "operator (the notes call it an operator)"}) for r in again]
        verdicts = "holds" if all(r.verdict in ("proved", "verified") for r in again) else \
            f"is not decided ({again[0].reason[:80]})"
        return _withdrawn(
            out, lambda r: f"ambiguous: with {names} a number it fails ({r.reason[:80]}); with {names} the "
                           f"differentiation operator it {verdicts}")

    def einstein(self, out, claim, frag, reading, shown) -> list[StepReport]:
        """A refuted claim that repeats an index within a term, read once more with Einstein summation
        (:mod:`readers.notes.einstein`): when that reading does not fail, the claim is not refuted; it holds
        when the notes state the convention, else it is ambiguous."""
        lhs, rhs, indices = reading
        again = self.check_plain(claim, frag, lhs, rhs, shown)
        if not again or any(r.verdict == "refuted" for r in again):
            return out
        summed = ", ".join(map(str, indices))
        if self.einstein_stated and all(r.verdict in ("proved", "verified") for r in again):
            return [StepReport(**{**r.__dict__, "assumptions": out[0].assumptions + (
                f"Einstein summation over {summed} (the notes state the convention)",)}) for r in again]
        verdicts = "holds" if all(r.verdict in ("proved", "verified") for r in again) else \
            f"is not decided ({again[0].reason[:80]})"
        return _withdrawn(
            out, lambda r: f"ambiguous: read literally it fails ({r.reason[:80]}); with Einstein summation "
                           f"over the repeated {summed} it {verdicts}")

    def follows(self, previous, lhs, rhs, claim):
        r"""Whether ``lhs = rhs`` is the equation ``previous = 0`` rearranged: ``lhs - rhs = c\,previous``.  Never
        from an equation in a derivative of a bare name (``\partial J/\partial s = 1`` while J was unknown): sympy
        would take it as 0, an equation the notes never wrote."""
        if any(isinstance(d.expr, sp.Symbol) for d in previous.atoms(sp.Derivative)):
            return None
        for c in (1, -1):
            step = self.step(lhs - rhs, "=", c * previous, claim.conditions, zero_based=claim.zero_based)
            if isinstance(step, str):
                return None
            report = self.run(step, {"lhs": "", "rel": "=", "rhs": ""})
            if report.verdict in ("proved", "verified"):
                return StepReport(**{**report.__dict__, "method": f"{report.method}; follows from the equation "
                                     f"at line {self.section.equation[2] if self.section.equation else '?'}"})
        return None

    def within_stated_sizes(self, report, claim, frag, lhs, rhs, shown):
        """A refuted claim in ``cases`` with a name the sentence after the display calls a size: undecided when it
        holds with that name a positive integer and the claim restricted to its cases (readers.notes.prose_sizes)."""
        names = sizes_named_after(self.lines, frag) if frag.kind == "display" else set()
        (lhs, rhs), swap = as_sizes((lhs, rhs), names)
        restricted = within_cases(lhs, rhs) if swap else None
        if restricted is None:
            return report
        step = self.step(*restricted[:1], {"equiv": "=", ":=": "="}.get(claim.rel, claim.rel), restricted[1],
                         tuple(c.xreplace(swap) for c in claim.conditions), zero_based=claim.zero_based)
        if isinstance(step, str):
            return report
        again = self.run(step, shown)
        if again.verdict == "refuted":
            return again  # a counterexample where the prose's size and the cases hold
        sizes = ", ".join(sorted(s.name for s in swap))
        if again.verdict not in ("proved", "verified"):
            # not decided where the sizes are sizes (out of time under load): the failure outside them refutes nothing
            return _undecided(report, f"fails for some real values ({report.reason[:80]}); where {sizes} is a "
                                      f"positive integer, as the prose after it says, and its cases apply, it was not "
                                      f"decided: {(again.reason or again.method or '')[:80]}")
        return _undecided(report, f"holds where {sizes} is a positive integer, as the prose after it says (a size), "
                                  f"and its cases apply; it fails for other real values: {report.reason[:80]}")

    def with_positive_parameters(self, report, claim, lhs, rhs, shown):
        r"""A refuted claim in ``cases`` (:math:`L_\delta'(a) = \max(-\delta, \min(a, \delta))` after the Huber loss
        :math:`L_\delta(a) = \tfrac12 a^2` for :math:`|a| \le \delta`, ...): undecided when it holds where its
        parameters, the names that are no argument of the functions it applies (``\delta``, not ``a``), are positive.
        A threshold or a width the cases compare with is positive to its author; a failure at a negative one is no
        counterexample they would accept."""
        arguments = {x for e in (claim.lhs, claim.rhs) for f in e.atoms(AppliedUndef) for a in f.args
                     for x in getattr(a, "free_symbols", ())}
        parameters = sorted((x for x in lhs.free_symbols | rhs.free_symbols if isinstance(x, sp.Symbol)
                             and x not in arguments and not x.is_integer), key=str)
        witness = report.counterexample if isinstance(report.counterexample, dict) else {}
        if not parameters or not arguments or not any(
                str(x) in witness and _not_positive(witness[str(x)]) for x in parameters):
            return report
        again = self.under(lhs, rhs, claim, [sp.Gt(x, 0) for x in parameters], shown)
        if again is not None and again.verdict == "refuted":
            return again  # a counterexample with the parameters positive
        if again is None or again.verdict not in ("proved", "verified"):
            return report
        names = ", ".join(map(_show, parameters))
        return _undecided(report, f"holds where {names} > 0 (the notes leave the domain of this parameter of the "
                                  f"cases implicit; it fails elsewhere: {report.reason[:80]})")

    def narrower(self, report, claim, frag, lhs, rhs, shown, stated):
        r"""A refuted claim on names the notes give no domain: undecided (holds where ...) when it holds
        for positive values (or values in (0, 1)) of those names, or, for an equation in one name only that fails
        in (0, 1) but holds at 2 and 3, for its values > 1 (a condition number, a degree of freedom); a claim written in cases states its
        domain, and so does a bound written in the block (``x^2 < x \quad \text{for } x \in [0, 1]``: refuted at 0)."""
        if ON_SUPPORT in report.method:  # a value the variables' laws take, parameters in their domains (on_ranges)
            return report
        constant = up_to_constant.split(lhs, rhs, up_to_constant.cued(lhs, rhs, frag.sentence, frag.content)) \
            if claim.rel == "=" else None
        if constant is not None:  # narrowed as it was checked: the difference at two points, conditions on both
            found = up_to_constant.doubled(*constant[:2], claim.conditions)
            if isinstance(found, str):
                return report
            lhs, rhs, claim = found[0], found[1], dataclasses.replace(claim, conditions=found[2])
        if (lhs.has(sp.Piecewise) or rhs.has(sp.Piecewise)) and not claim.read_as:  # (a member of a family in
            sized = self.within_stated_sizes(report, claim, frag, lhs, rhs, shown)  # cases is not written in cases)
            return sized if sized is not report else self.with_positive_parameters(report, claim, lhs, rhs, shown)
        if _unchecked(lhs, rhs):  # unknown functions: refuted for every function, whatever the domain
            return report
        bound = sorted(set(self.section.properties) & (lhs.free_symbols | rhs.free_symbols), key=str)
        if bound:  # f(y) <= f(x) - |grad f(x)|^2/(2L) after "f is L-smooth if ...", failing at L = 1/2 < a
            return _undecided(report, f"fails for some values ({report.reason[:80]}), but "
                                      f"{', '.join(map(_show, bound))} {'is' if len(bound) == 1 else 'are'} bound by a "
                                      f"property the notes state of a function "
                                      f"({self.section.properties[bound[0]][:80]}), which the check cannot impose: "
                                      "it holds only where that property does")
        withheld = sorted((self.section.withheld | self.unread_conditions) & (lhs.free_symbols | rhs.free_symbols),
                          key=str)
        if withheld:  # "unless $t < 1$, t^2 >= t": the domain is stated, but not as a condition that can be assumed
            how = "a condition in its sentence the check cannot impose" \
                if set(withheld) <= self.unread_conditions else "unless, or, or a regime named in passing"
            return _undecided(report, f"fails for some values ({report.reason[:80]}), but the prose states a domain of "
                                      f"{', '.join(_show(x) for x in withheld)} it does not assume ({how})")
        constrained = set().union(*(c.free_symbols for c in stated)) if stated else set()
        constrained |= {x for c in claim.conditions for part in (c.args if isinstance(c, sp.And) else (c,))
                        if isinstance(part, (sp.StrictLessThan, sp.LessThan, sp.StrictGreaterThan, sp.GreaterThan))
                        for x in part.free_symbols}
        before = text_before(self.lines, frag.kind, frag.line, frag.column)
        real = widened_names(before) | widened_in_block(frag.content) | passing_examples.quantified_names(
            before, words_after(self.lines, frag.line, frag.column, frag.source))  # "for all real $a$", \text{for
        # every real } x, "... for every $w$ and $h$": a domain stated
        constrained |= {x for x in lhs.free_symbols | rhs.free_symbols if str(x).lstrip("\\") in real}
        own = lhs.free_symbols | rhs.free_symbols
        if len(own) == 1 and unnamed_real(text_before(self.lines, frag.kind, frag.line, frag.column)):
            constrained |= own  # "one minus any real number": the one name's domain is stated (real_domains)
        free = sorted((x for x in (lhs.free_symbols | rhs.free_symbols) - constrained
                       if isinstance(x, sp.Symbol) and not x.is_integer), key=str)
        free += sorted({e for e in (lhs.atoms(sp.Indexed) | rhs.atoms(sp.Indexed))
                        if not any(i.free_symbols for i in e.indices)} - constrained, key=str)
        free += sorted({e for e in (lhs.atoms(sp.Indexed) | rhs.atoms(sp.Indexed))  # x_i under sum_i: every entry
                        if len(e.indices) == 1 and isinstance(e.indices[0], sp.Symbol)
                        and not {str(e.base.label)} & {str(getattr(c, "base", c)) for c in constrained}}, key=str)
        free = list(dict.fromkeys(free))
        if not free or len(free) > MAX_NARROWED:
            return report
        counted = self.on_integers(report, claim, lhs, rhs, floored(lhs, rhs, written=self.latex) & set(free), shown)
        if counted is not None:
            return counted
        for relations, line in self.sentence_conditions.stated_before(self.section.number, free):
            again = self.under(lhs, rhs, claim, list(relations), shown)  # the domain an earlier sentence stated
            if again is not None and again.verdict in ("proved", "verified"):  # (readers.notes.condition_scope)
                return _undecided(report, f"holds where {', '.join(map(_show, relations))}, as line {line} states "
                                          f"for its own sentence; none is stated here: {report.reason[:80]}")
        inside = self.fails_inside(lhs, rhs, claim, free, shown)
        alone = claim.rel in ("=", "equiv", ":=") and len(free) == 1 \
            and (lhs.free_symbols | rhs.free_symbols) == set(free)  # an equation in one name: values above 1 too
        if inside is not None and (not alone or not self.holds_at(lhs, rhs, claim, free, shown)):
            return inside  # a failure where the name is in (0, 1), and it is not one name that holds at 2 and at 3
        unfinished = undecided = None
        names = ", ".join(f"every {x.base}_i" if isinstance(x, sp.Indexed) and isinstance(x.indices[0], sp.Symbol)
                          else _show(x) for x in free)
        domains = (("> 0", lambda x: [sp.Gt(x, 0)]), ("in (0, 1)", lambda x: [sp.Gt(x, 0), sp.Lt(x, 1)]),
                   ("> 1", lambda x: [sp.Gt(x, 1)]))
        for label, where in domains[2:] if inside is not None else domains:  # one name failing in (0, 1): > 1 only
            if label == "> 1" and inside is None and (not alone or not self.holds_at(lhs, rhs, claim, free, shown)):
                continue  # above 1 only for one name that holds at 2 and at 3 (a condition number, a degree of freedom)
            again = self.under(lhs, rhs, claim, [r for x in free for r in where(x)], shown)
            if again is None:
                continue
            if again.verdict in ("proved", "verified"):
                return _undecided(report, f"holds where {names} {label} (the notes leave the domain implicit; "
                                          f"it fails elsewhere: {report.reason[:80]})")
            if again.verdict == "undecided" and unfinished is None and (
                    (again.method or "").startswith(("timeout", "memory")) or "no time left" in (again.reason or "")):
                unfinished = label
            elif again.verdict == "undecided" and undecided is None and (report.method or "").startswith(
                    _NO_VALUE) and not _inside(report.counterexample, free, where):
                undecided = (label, again.reason or "")
        if unfinished is not None:  # the narrower check ran out of time or memory (load): not refuted
            return _undecided(report, f"fails for some real values ({report.reason[:80]}); where {names} "
                                      f"{unfinished} (the notes leave the domain implicit) the check ran out of budget")
        if undecided is not None:  # sum_tau beta^tau = 1/(1 - beta) diverges at beta = -1; for 0 < beta < 1, unknown
            return _undecided(report, f"fails for some real values ({report.reason[:80]}); where {names} "
                                      f"{undecided[0]} (the notes leave the domain implicit) it was not decided: "
                                      f"{undecided[1][:80]}")
        return report

    def on_integers(self, report, claim, lhs, rhs, counts, shown) -> StepReport | None:
        r"""A refuted claim with names under a floor or ceiling (``\lfloor (n + 2p - k)/s \rfloor``), read once
        more with them non-negative integers (readers.notes.integer_domains): refuted there with the new
        counterexample, ``undecided (holds where ...)`` when confirmed there; None when that reading decides nothing."""
        if not counts:
            return None
        twin = {x: sp.Symbol(x.name, integer=True, nonnegative=True) for x in counts}
        again = self.under(lhs.xreplace(twin), rhs.xreplace(twin),
                           dataclasses.replace(claim, conditions=tuple(c.xreplace(twin) for c in claim.conditions)),
                           [], shown)
        if again is None:
            return None
        if again.verdict == "refuted":
            return again
        if again.verdict in ("proved", "verified"):
            names = ", ".join(sorted(x.name for x in counts))
            return _undecided(report, f"holds where {names} {'is a' if len(counts) == 1 else 'are'} non-negative "
                                      f"integer{'' if len(counts) == 1 else 's'} (under a floor or ceiling: a count; "
                                      f"the notes leave the domain implicit); it fails elsewhere: {report.reason[:80]}")
        return None

    def under(self, lhs, rhs, claim, extra, shown) -> StepReport | None:
        """The claim checked under its conditions and ``extra`` ones; None when no step can be made there."""
        step = self.step(lhs, {"equiv": "=", ":=": "="}.get(claim.rel, claim.rel), rhs,
                         tuple(claim.conditions) + tuple(extra), zero_based=claim.zero_based)
        return None if isinstance(step, str) else self.run(step, shown)

    def holds_at(self, lhs, rhs, claim, free, shown) -> bool:
        """Whether the claim is confirmed where each name in ``free`` is 2, and where it is 3 (:data:`ABOVE_ONE`):
        the cheap test before :meth:`narrower` samples the names above 1."""
        for value in ABOVE_ONE:
            again = self.under(lhs, rhs, claim, [sp.Eq(x, value) for x in free], shown)
            if again is None or again.verdict not in ("proved", "verified"):
                return False
        return True

    def fails_inside(self, lhs, rhs, claim, free, shown) -> StepReport | None:
        r"""The refutation of the claim at a point where each name in ``free`` is 1/2 (then 1/3), inside both domains
        :meth:`narrower` tries (positive, and (0, 1)); None when it does not fail there.  One point is cheap where
        the narrower checks sample the domains (an integral at each point of them ran out of budget)."""
        if not all(isinstance(x, sp.Symbol) for x in free) \
                or any(e.has(sp.Indexed, sp.IndexedBase) for e in (lhs, rhs)):
            return None  # an array's name is no value to set
        for value in (sp.Rational(1, 2), sp.Rational(1, 3)):
            again = self.under(lhs, rhs, claim, [sp.Eq(x, value) for x in free], shown)
            if again is None:
                return None
            if again.verdict == "refuted" and again.counterexample:
                return StepReport(**{**again.__dict__, "counterexample": {
                    **{_show(x): str(value) for x in free}, **again.counterexample}})
        return None

    def law_relation(self, claim: _Claim, lhs, rhs, shown) -> StepReport | None:
        r"""``aX + b \sim \mathcal{N}(a\mu + b, a^2\sigma^2)`` after ``X \sim \mathcal{N}(\mu, \sigma^2)``: the claimed
        law's mean and variance checked as moments of the form (readers.notes.law_relations); None when the form is
        a bare name (the statement of a law) or its moments are not read."""
        laws, stated, form = self.section.laws, law_relations.claimed_law(rhs), self.expand(lhs)
        if isinstance(lhs, sp.Symbol) or not any(isinstance(x, sp.Symbol) and x.name in laws
                                                 for x in form.free_symbols):
            return None
        constants = {x for x in lhs.free_symbols | rhs.free_symbols if x.name not in laws} | _law_parameters(laws)
        reports, used = [], []
        for moment, value in law_relations.moment_claims(lhs, stated):
            read, found = law_moments(moment, laws, self.expand, constants, self.section.independent)
            if not found or read.has(AppliedUndef):
                return None
            used += found
            step = self.step(read, "=", value, tuple(claim.conditions) + tuple(r for f in found for r in f.domain)
                             + tuple(stated.domain), zero_based=claim.zero_based)
            if isinstance(step, str):
                return None
            report = self.run(step, shown)
            reports.append(StepReport(**{**report.__dict__, "reason": f"{law_relations.MOMENT[moment.func.__name__]}: "
                                         f"{report.reason}"[:300]}) if report.verdict == "refuted" else report)
        refuted = next((r for r in reports if r.verdict == "refuted"), None)
        if refuted is not None and law_relations.one_reading(used):
            return StepReport(**{**refuted.__dict__, "method": f"{law_relations.METHOD}; {refuted.method}"[:300]})
        why = law_relations.closed(form, stated, laws, self.section.independent)
        if refuted is None and all(r.verdict in ("proved", "verified") for r in reports) and why is not None:
            return StepReport(**shown, verdict=worst([r.verdict for r in reports]),
                              method=f"{why}; {law_relations.METHOD}; {reports[0].method}"[:300])
        return StepReport(**shown, verdict="undecided", reason=(
            law_relations.PARAMETRISATION if refuted is not None else law_relations.NOT_FIXED if why is None
            and all(r.verdict in ("proved", "verified") for r in reports)
            else "; ".join(r.reason for r in reports if r.reason)[:300] or "its mean or variance is not decided"))

    def check_plain(self, claim: _Claim, frag: Fragment, lhs, rhs, shown) -> list[StepReport]:
        """The steps of ``claim`` (read as ``lhs``, ``rhs``); ambiguous where letters that another section declares
        matrices make it fail as matrix algebra (readers.notes.matrices_elsewhere)."""
        return unless_matrices_elsewhere(self.check_plain_reading(claim, frag, lhs, rhs, shown), self.matrix_claims,
                                         claim.line, symbol_names(lhs, rhs), claim=claim, frag=frag,
                                         section=self.section, shown=shown, names=self.names,
                                         functions=frozenset(self.section.functions) | self.document_functions)

    def check_plain_reading(self, claim: _Claim, frag: Fragment, lhs, rhs, shown) -> list[StepReport]:
        taylor = vector_taylor.check(frag.content) if claim.rel in ("=", "approx") else None
        if taylor is not None:  # f(x + e) = f(x) + e^T grad f(x) + O(|e|^2): readers.notes.vector_taylor
            return [StepReport(**shown, verdict="verified", method=taylor[:300],
                               role="approximation" if claim.rel == "approx" else "claim")]
        mapped = check_value_map(lhs, claim.rel, rhs) if claim.rel in ("=", "->") else None
        if mapped is not None:  # [1, -2] -> [e^1, e^{-2}] = [2.71, 0.14]: a worked computation (value_maps)
            return [StepReport(**shown, verdict="verified", method=mapped)]
        if claim.rel == "->" and _is_variable(claim.lhs) and (
                frag.kind != "display" or claim.rhs.has(PlusMinus, sp.oo, -sp.oo)):
            self.section.limit = (lhs, sign_choices(rhs), frag.paragraph)
            return []
        if claim.rel == "~" and isinstance(claim.lhs, sp.Symbol):
            self.section.distributed.add(claim.lhs)  # X \sim Bernoulli(p): moments of X are not arbitrary
        remainder = big_o.split(lhs, rhs, self.latex) if claim.rel in ("=", "approx") else None
        if remainder is not None:  # f(x + eps) = f(x) + eps f'(x) + O(eps^2): readers.notes.big_o
            report = self.check_big_o(*remainder, claim, shown)
            if report is not None:
                return [report]
        elif claim.rel in ("=", "approx") and big_o.unsplit(lhs, rhs, self.latex):
            both = big_o.split_both(lhs, rhs, self.latex)
            if both is not None and big_o.absorbed(both[1], both[3]):  # a + O(g) = b + O(h): orders compared
                report = self.check_big_o(both[0], both[2], both[3], claim, shown)
                if report is not None and report.verdict == "verified":
                    return [StepReport(**{**report.__dict__, "method": f"{report.method}; O({_show(both[1])}) lies "
                                          f"inside O({_show(both[3])}), read left to right"[:300]})]
            return [StepReport(**shown, verdict="undecided", role="approximation", reason=(
                "big-O terms on both sides or in several terms: orders compared, not an identity of the letter O"))]
        constant = up_to_constant.split(lhs, rhs, up_to_constant.cued(lhs, rhs, frag.sentence, frag.content)) \
            if claim.rel == "=" else None
        if constant is not None:  # -log p = (y - mu)^2/2 + const: readers.notes.up_to_constant
            return [self.check_up_to_constant(*constant, claim, shown)]
        if claim.rel == "approx":
            report = self.check_approximation(lhs, rhs, claim, shown)
            if report.verdict == "undecided" and report.reason.startswith("an approximation without a stated small"):
                report = self.small_in_words(lhs, rhs, claim, frag, shown) or report
            taylor = check_taylor(lhs, rhs, introduction(self.lines, frag.line) + " " + frag.sentence) \
                if report.verdict != "verified" else None
            if taylor is not None:  # "the approximating quadratic at c is": readers.notes.taylor
                verdict, why, witness = taylor
                report = StepReport(**shown, verdict=verdict, role="approximation", counterexample=witness,
                                    method=why if verdict == "verified" else "taylor coefficients (mpmath)",
                                    reason="" if verdict == "verified" else why)
            return [report]
        member = membership.decide(lhs, claim.rel, rhs)
        if member is not None:  # 3 \in \{1, 3, 5\}: numbers against a set written out (readers.notes.membership)
            return [StepReport(**shown, verdict=member, method=membership.METHOD,
                               reason="" if member == "proved" else f"{membership.METHOD}: it does not hold")]
        unequal = unequal_numbers.decide(lhs, claim.rel, rhs)
        if unequal is not None:  # 6 - 3 = 3 \ne 2: two numbers differ (readers.notes.unequal_numbers)
            return [StepReport(**shown, verdict=unequal, method=unequal_numbers.METHOD,
                               reason="" if unequal == "proved" else f"{unequal_numbers.METHOD}: they are equal",
                               counterexample=None if unequal == "proved" else
                               {"lhs": str(lhs), "rhs": str(rhs), "lhs - rhs": "0"})]
        if claim.rel == "~" and self.section.laws and law_relations.claimed_law(rhs) is not None:
            related = self.law_relation(claim, lhs, rhs, shown)
            if related is not None:  # aX + b ~ N(a mu + b, a^2 sigma^2) (readers.notes.law_relations)
                return [related]
        if claim.rel in ("~", "in", "!=", "notin", "ll", "gg", "subset", "supset", "mapsto", "<->", "perp",
                         "congruent", "lessapprox", "gtrapprox"):  # f(x - eta f'(x)) \lessapprox f(x): up to higher order
            return [StepReport(**shown, verdict="undecided", reason=f"relation {claim.rel!r} is not checked")]
        if claim.rel == "->":
            return self.check_limit(lhs, rhs, claim, shown, frag)
        rel = {"equiv": "=", ":=": "="}.get(claim.rel, claim.rel)
        rounded = _written_rounding(lhs, rhs, decimals.decimal_literals(frag.content)) if rel == "=" else None
        if rounded is not None:  # \pi = 3.14159: a value written to its decimals, as its author means it
            return [StepReport(**shown, verdict="verified", method=rounded)]
        rounded = _rounded_exact_decimal(lhs, rhs, decimals.decimal_literals(frag.content)) if rel == "=" else None
        if rounded is not None:  # \frac{5}{16} = 0.313: exactly false, to the digits written true
            return [StepReport(**shown, verdict="undecided", reason=rounded)]
        entry = one_entry((self.expand(lhs), self.expand(rhs)), self.section.entry_laws) \
            if self.section.entry_laws and operators_in(lhs, rhs) else None
        if self.section.laws or entry:  # Var(X) after X \sim Bernoulli(p): the law's variance (readers.notes.laws)
            laws = self.section.laws if not entry else {**self.section.laws, **entry[1]}
            sides = (lhs, rhs) if not entry else entry[0]  # E[m_i h_i / p] after m_i ~ ...: one entry
            constants = _outside_moments(*sides) | _law_parameters(laws)
            independent = self.section.independent | ({str(base.label) for base, _ in self.section.entry_independent}
                                                      if entry else set())
            (left, used), (right, used_too) = (law_moments(e, laws, self.expand, constants, independent)
                                               for e in sides)
            if used or used_too:
                found = list(dict.fromkeys(used + used_too))
                conditions = tuple(claim.conditions) + tuple(r for f in found for r in f.domain)
                how = _STATED_LAW_METHOD + " (" + ", ".join(f.family for f in found) + \
                      ", standard parametrisation)"
                step = self.step(left, rel, right, conditions, zero_based=claim.zero_based)
                if not isinstance(step, str) and not _unchecked(left, right):
                    report = self.run(step, shown)
                    if report.verdict == "refuted" and not all(f.unambiguous for f in found):
                        other = self.other_parametrisation(*sides[:1], rel, sides[1], claim, shown, constants, laws,
                                                           independent)
                        if other is None or other.verdict != "refuted":
                            return [_undecided(report, f"{how}: it differs ({report.reason[:80]}); the notes may use "
                                                       "another parametrisation")]
                        how += "; it fails as well with the other parametrisation in common use (readers.notes.laws)"
                    return [StepReport(**{**report.__dict__, "method": f"{report.method}; {how}"})]
        divergence = self.normal_divergence(lhs, rel, rhs, claim, shown)
        if divergence is not None:  # D_KL(N(mu, sigma^2) || N(0, 1)) = ... (readers.notes.laws)
            return [divergence]
        iid = self.iid_moments(lhs, rel, rhs, frag, shown) if operators_in(lhs, rhs) else None
        if iid is not None:  # X_1, ..., X_n i.i.d.: moments of linear forms (readers.notes.iid_moments)
            return [iid]
        lowercase = lowercase_probability.as_probabilities(lhs, rhs, self.section.functions) \
            if rel != "propto" or isinstance(lhs, AppliedUndef) else None  # propto in p(x | z)'s x, not another
        if lowercase is not None:  # p(x | z) = p(z | x) p(x) / p(z): readers.notes.lowercase_probability
            probability = _probability_steps(lowercase[0], rel, lowercase[1])
            if probability is not None and not isinstance(probability, str):
                out = [self.run_labelled(step, shown, label) for label, step in probability]
                failed = self.fails_on_independent_joints(lowercase, rel, shown) \
                    if any(r.verdict == "refuted" for r in out) else None
                if failed is not None:  # a model's factorisation holds on independent joints: no model saves it
                    return [failed]
                return [_undecided(r, lowercase_probability.FAILS + f" ({r.reason[:80]})") if r.verdict == "refuted"
                        else StepReport(**{**r.__dict__, "verdict": worst([r.verdict, "verified"]),  # binary joints
                                           "method": f"{r.method}; {lowercase_probability.METHOD}"})
                        for r in out]
        fixed = lowercase_probability.with_fixed_parameters(lhs, rhs, self.section.functions) \
            if lowercase is None and (rel != "propto" or isinstance(lhs, AppliedUndef)) else None
        if fixed is not None:  # p(lambda | y, alpha, beta): alpha, beta constants (lowercase_probability), refutes only
            failed = self.fails_on_independent_joints(fixed[:2], rel, shown)
            if failed is not None:
                names = ", ".join(sorted(map(_show, fixed[2])))
                return [StepReport(**{**failed.__dict__, "method": f"{failed.method}; "
                                      f"{lowercase_probability.FIXED.format(names=names)}"[:300]})]
        any_value = estimator_moments.about_any_estimator(lhs, rhs, " ".join([self.prose, *frag.headings]))
        lhs, rhs = (estimator_moments.written_out(compound_moments(e)) for e in (lhs, rhs))  # mu_{aX+b} is E(aX+b)
        moments = read_moments(lhs, rhs)
        if moments == NO_RANDOM_VARIABLE:  # Var[x] = E[x^2] - E[x]^2: a moment identity of whatever x is
            inside = only_inside(lhs, rhs)
            for lower in dict.fromkeys(frozenset(x) for x in (decorated(inside), inside) if x):
                again = read_moments(lhs, rhs, variables=lower)  # the estimates first, then every name inside
                if isinstance(again, tuple) and any_value:  # the parameter of MSE, Bias: any value refutes
                    again = (*again[:3], again[3] - any_value)
                report = self.check_moments(again, rel, claim, shown) if isinstance(again, tuple) else None
                if report is not None and report.verdict == "refuted" and any_value and report.counterexample \
                        and lower == decorated(inside):
                    return [StepReport(**{**report.__dict__, "method": f"{report.method}; "
                                          f"{estimator_moments.ANY_ESTIMATOR}"})]
                if report is not None and report.verdict in ("proved", "verified"):
                    named = ", ".join(sorted(map(_show, lower)))
                    return [StepReport(**{**report.__dict__, "method": f"{report.method}; {named} read as random "
                                                                       "variables (only inside the moments)"})]
            if _CONSTANT.search(frag.sentence) or _CONSTANT.search(self.lines[claim.line - 1] if
                                                               0 < claim.line <= len(self.lines) else ""):
                again = read_moments(lhs, rhs, variables={_ANY_VARIABLE})  # E[a] = a "for any constant a"
                report = self.check_moments(again, rel, claim, shown) if isinstance(again, tuple) else None
                if report is not None and report.verdict in ("proved", "verified"):
                    return [StepReport(**{**report.__dict__, "method": f"{report.method}; no random variable "
                                                                       "inside: constants, as the prose says"})]
        if isinstance(moments, str) and moments.startswith("unknown functions") and reads_events(lhs, rhs):
            report = self.event_moments(lhs, rel, rhs, claim, shown)
            if report is not None:  # Pr(X >= a) <= E(X)/a: the mean of an indicator (readers.notes.event_moments)
                return [report]
        law = array_law(lhs, rhs) if isinstance(moments, tuple) else None
        report = self.check_array_law(law, lhs, rel, rhs, claim, shown) if law is not None else None
        if report is not None:  # E[X] = sum_i x_i p_i: the arrays name the law (readers.notes.array_laws)
            return [report]
        if isinstance(moments, str) and moments.startswith("unknown functions"):
            report = self.moments_for_every_function(lhs, rel, rhs, claim, shown)
            if report is not None:  # E[f(X) + g(X)] = E[f(X)] + E[g(X)]: f, g arbitrary
                return [report]
            found = self.vector_moments(claim, frag, lhs, rhs, shown)
            if found is not None:  # E[X^T A X] = mu^T A mu + tr(A Sigma) (readers.notes.vector_moments)
                return found
        if isinstance(moments, str) and moments.startswith(("moments of indexed", "moments of numbered")):
            report = self.linear_expectations(lhs, rel, rhs, claim, shown)
            if report is not None:  # E[sum_i a_i X_i + b] = sum_i a_i E[X_i] + b (readers.notes.linear_expectations)
                return [report]
        if isinstance(moments, str) and rel == "=":
            found = fails_whatever_moments(lhs, rhs, self.restricted_names(claim))
            if found is not None:  # E[Y]/q^2 + (1 - E[Y])/(1-q)^2 = -1/(q(1-q)): fails at q = 1/2 for any E[Y]
                return [StepReport(**shown, verdict="refuted", method=ANY_MOMENTS, reason=found[1],
                                   counterexample=found[0])]
        if isinstance(moments, str):
            return [StepReport(**shown, verdict="undecided", reason=moments)]
        if moments is not None:
            return [self.check_moments(moments, rel, claim, shown, sides=(lhs, rhs))]
        probability = _probability_steps(lhs, rel, rhs)
        if probability is not None:
            if isinstance(probability, str):
                bounds = probability_bounds(lhs, rhs, PROBABILITY_NAMES) if rel in INEQUALITIES else None
                report = self.run(Step(bounds[0], bounds[1], rel, domains=bounds[2]), shown) if bounds else None
                if report is not None and report.verdict in ("proved", "verified"):  # 0 <= P(X <= x) <= 1
                    return [StepReport(**{**report.__dict__, "method": f"{report.method}; {BOUNDS_METHOD}"})]
                report = self.event_moments(lhs, rel, rhs, claim, shown) if reads_events(lhs, rhs) else None
                if report is not None:  # P(X > c) = 1 - P(X <= c): the means of indicators (readers.notes.event_moments)
                    return [report]
                return [StepReport(**shown, verdict="undecided", reason=probability)]
            reports = [self.run_labelled(step, shown, label) for label, step in probability]
            stated = _probability_root(lhs) in conditioning(self.lines, claim.line, frag.sentence) \
                or naive_bayes(self.lines, claim.line, " ".join((frag.sentence, *frag.headings, frag.heading or "")))
            if all(r.verdict in ("proved", "verified") for r in reports) and not stated:
                return self.on_every_joint(reports, lhs, rel, rhs, shown)  # "independent given <root>": as sampled
            return reports
        componentwise = self.component_functions.check(lhs, rel, rhs)
        if componentwise is not None:  # g(\mathbf{x} + b) after g(\mathbf{x}) = ... x_i ...: componentwise.py
            verdict, how, witness = componentwise
            return [StepReport(**shown, verdict=verdict, method=how if verdict == "verified" else "componentwise",
                               reason="" if verdict == "verified" else how, counterexample=witness)]
        if rel == "=":
            for whole, listed in ((lhs, listed_terms(rhs)), (rhs, listed_terms(lhs))):
                found = check_listed(whole, listed) if listed is not None else None
                if found is not None:  # sum_n x^n/n! = 1 + x + x^2/2 + \cdots (readers.notes.ellipsis): entries
                    # of vectors are numbers, so before the matrix reading
                    verdict, how, witness = found
                    return [StepReport(**shown, verdict=verdict, method=how if verdict == "proved" else "",
                                       reason="" if verdict == "proved" else how, counterexample=witness)]
        runs = read_runs(lhs, rhs) if rel in ("=", "<", ">", "<=", ">=") else None
        if runs is not None:  # u_1^2 + u_2^2 + \cdots + u_n^2: the sum of u_i^2 (readers.notes.ellipsis_runs)
            lhs, rhs, reaches, run_note = runs
            claim = _Claim(claim.lhs, claim.rel, claim.rhs, tuple(claim.conditions) + reaches, claim.line,
                           claim.zero_based, claim.redefinition)
            return [StepReport(**{**r.__dict__, "method": f"{r.method}; {run_note}"[:300] if r.method else r.method,
                                  "reason": f"{r.reason} ({run_note})"[:400] if r.reason else r.reason})
                    for r in self.check_plain(claim, frag, lhs, rhs, shown)]
        self.matrix_claims.sigmoid = self.sigmoid_context and "sigma" not in self.section.functions
        matrix = self.matrix_claims.check(claim, frag, self.section, shown, force=bool(_matrix_names(lhs, rhs)),
                                          names=self.names, functions=frozenset(self.section.functions)
                                          | self.document_functions)  # readers.notes.matrices
        if matrix is not None and all(s.verdict == "undecided" for s in matrix) \
                and not _matrix_names(claim.lhs, claim.rhs):
            scalar = self.over_matrix_definitions(claim, frag, shown)
            if scalar is not None:  # a_j = e^{s_j} / sum_l e^{s_l} after s_j = q^T k_j / sqrt(d): in s, as written
                return scalar
        if matrix is not None:
            self.matrix_read = True  # the report shows the matrix reading, not the scalar parse (fragment)
            words = _RESTRICTED_IN_WORDS.search(text_before(self.lines, frag.kind, frag.line, frag.column)[-200:])
            return _unimposed_conditions(matrix, claim, lhs, rhs, self.section.withheld | self.unread_conditions,
                                         words)  # "For unit vectors, ||u - v||^2 = 2 - 2 cos(u, v)": not kept
        if rel == "=" and not _unchecked(claim.lhs, claim.rhs).startswith(("a matrix", ELLIPSIS)) \
                and not any(e.has(PlusMinus) for e in (claim.lhs, claim.rhs)) \
                and identity_as_written(claim.lhs, claim.rhs, matrices=self.matrix_like(claim, lhs, rhs)):
            # a step in the names as written (readers.notes.written_identities)
            return [StepReport(**shown, verdict="proved", method=AS_WRITTEN)]
        if lhs.has(IndexMax) or rhs.has(IndexMax):
            return [self.check_written_out(lhs, rel, rhs, claim, shown)]
        lhs, rhs, read_as = self.standard_sigma(lhs, rhs)
        lhs, rhs, special = self.special_functions(lhs, rhs)
        read_as = "; ".join(filter(None, (read_as, special)))
        unopened = (lhs, rhs)
        lhs, rhs, opaque = _opaque(lhs, rhs)
        why = _unchecked(lhs, rhs)
        if why.startswith("unknown functions") and rel == "=" and termwise.holds_termwise(lhs, rhs):
            # sum_{y in Z} p(y) log(p(y)/q(y)) = sum_{y in Z} p(y) (log p(y) - log q(y)) (readers.notes.termwise)
            return [StepReport(**shown, verdict="proved", method=termwise.METHOD)]
        if why.startswith("unknown functions") and rel == "=" and (mapped := monotone_map(lhs, rhs)) is not None:
            h, where = mapped  # arg max_x f(x) = arg max_x log f(x) (readers.notes.monotone_optima)
            return [StepReport(**shown, verdict="proved", method=f"symbolic: one objective is h(the other) with h(t) = "
                                                                  f"{h} strictly monotone, which keeps the optimisers"
                                                                  + (f" ({where})" if where else ""))]
        if why.startswith("unknown functions") and rel in ("=", "<", ">", "<=", ">="):
            scaled = scaled_applications((lhs, rhs), frozenset(self.section.functions) | self.document_functions)
            scaled = [self.expand(e) for e in scaled] if scaled else None  # Cf(x) beside f(x): C f(x) (arbitrary)
            found = (self.confirmed(scaled[0], rel, scaled[1], claim, shown) or self.for_every_function(
                scaled[0], rel, scaled[1], claim, shown)) if scaled else None
            if found is not None:
                found = StepReport(**{**found.__dict__, "method": f"{found.method}; a run of letters applied read "
                                                                  "as a product (Cf(x) as C f(x))"[:300]})
            found = found or self.for_every_function(lhs, rel, rhs, claim, shown)
            if found is not None and found.verdict == "refuted" and any(
                    any(b.has(sp.oo, -sp.oo) for lim in i.limits for b in lim[1:])
                    for e in (lhs, rhs) for i in e.atoms(sp.Integral)):
                found = _undecided(found, "an improper integral of an unknown function: the sampled function "
                                          f"need not be integrable there ({found.reason[:80]})")
            found = found or self.for_every_derivative(lhs, rel, rhs, claim, shown)
            found = found or self.whatever_applied(lhs, rel, rhs, claim, shown)
            found = found or self.fails_whatever_the_functions(lhs, rel, rhs, claim, shown)
            found = found or self.derivatives_as_limits(lhs, rel, rhs, claim, shown)
            found = found or self.limits_as_derivatives(lhs, rel, rhs, claim, shown)
            if found is not None:
                return [found]
        if NOT_A_FUNCTION_OF in why and rel in ("=", "<", ">", "<=", ">="):
            entries = entries_named_apart(lhs, rhs)
            found = self.as_entries(lhs, rel, rhs, claim, shown, entries) if entries else None
            if found is not None:  # d/d theta_b of a sum over theta[c]: in the entry theta[b] (entries_apart)
                return [found]
            found = self.at_argument(lhs, rel, rhs, claim, shown)
            if found is not None:  # dh/db = 3b^2 after h(x) = x^3: h' at b
                return [found]
        if why == ELLIPSIS and rel == "=":
            found = self.elided_decimal(lhs, rhs, shown) or self.listed_series(lhs, rhs, claim, shown)
            if found is not None:
                return [found]
        if why:
            return [StepReport(**shown, verdict="undecided", reason=why)]
        variable = None
        chained = None  # the variable of the propto chain's head, when the link itself names none
        if rel == "propto":
            variable = _propto_variable(claim.lhs)
            chained = self.propto_forms.variable_at(claim.line) if variable is None else None
            if chained is not None and not all(chained in e.free_symbols for e in (lhs, rhs)):
                chained = None  # a ratio free of x only because neither side has x confirms nothing
            variable = variable or chained
            if variable is None:
                return [self.propto_each_name(lhs, rhs, claim, shown)]
        out = []
        signed_premise = any(c.has(PlusMinus) for c in claim.conditions if isinstance(c, sp.Basic))
        if signed_premise:  # x = \pm 1 \Rightarrow ...:
            readings = [(with_sign(lhs, s), with_sign(rhs, s), tuple(with_sign(c, s) for c in claim.conditions))
                        for s in (1, -1)]  # one sign through the premise and the claim, the pairing written
        elif lhs.has(PlusMinus) == rhs.has(PlusMinus):
            readings = [(left, right, claim.conditions) for left, right in zip(sign_choices(lhs), sign_choices(rhs))]
        else:
            readings = [(left, right, claim.conditions)
                        for left, right in itertools.product(sign_choices(lhs), sign_choices(rhs))]
        for left, right, conditions in readings:
            step = self.step(left, rel, right, conditions, variable, zero_based=claim.zero_based)
            if isinstance(step, str):
                out.append(StepReport(**shown, verdict="undecided", reason=step))
                continue
            report = self.run(step, shown)
            if report.verdict == "refuted" and chained is not None:  # p(x | theta) \propto ... may be meant in theta
                report = self.propto_each_name(left, right, claim, shown)  # (a likelihood): each name, as before
            if report.verdict == "refuted":
                report = self.on_support(left, rel, right, claim, shown, report)
            if read_as:
                report = StepReport(**{**report.__dict__, "method": f"{report.method}; {read_as}"})
            entries = entries_named_apart(left, right) if report.verdict == "refuted" else {}
            if entries:  # theta_a beside theta[c]: the entry theta[a] (readers.notes.entries_apart)
                report = self.as_entries(left, rel, right, claim, shown, entries) or _undecided(
                    report, f"fails only with {', '.join(sorted(_show(s) for s in entries))} apart from the arrays "
                            f"the claim sums over, values no array takes: {report.reason[:80]}")
            apart = steps_apart(left, right) or sequences_apart((left, right), self.section.recurrences) \
                if report.verdict == "refuted" else []
            if apart:  # (1 - a) x^{(k)} = (1 - a)^{k+1} x^{(0)}: steps of one sequence set apart (readers.notes.iterates)
                # theta_t - theta_0 = -c sum_{s<t} theta_s after theta_{t+1} = ... (readers.notes.recurrences)
                report = _undecided(report, f"fails only with the steps of {', '.join(apart)} as independent values, "
                                            f"which the update that ties them never gives: {report.reason[:80]}")
            targets = target_arrays(left, right) if report.verdict == "refuted" else []
            if targets and not any(_is_simplex_condition(c) for c in conditions if isinstance(c, sp.Basic)):
                # dL/dz_k = p_k - y_k after L = -sum_k y_k log p_k, y never said to sum to one
                # (readers.notes.implicit_distributions): holds on the simplex, refuted only off it
                again = self.step(left, rel, right, tuple(conditions) + tuple(targets), variable,
                                  zero_based=claim.zero_based)
                again = self.run(again, shown) if not isinstance(again, str) else None
                if again is not None and again.verdict in ("proved", "verified"):
                    report = _undecided(report, f"holds where {', '.join(_show(t) for t in targets)} (the targets "
                                                f"of a cross-entropy, a distribution the notes leave implicit): "
                                                f"{report.reason[:80]}")
                elif again is not None and again.verdict == "refuted" and again.counterexample:
                    report = again  # wrong on the simplex too: a counterexample whose targets sum to one
                else:
                    report = _undecided(report, f"fails only where {', '.join(_show(t) for t in targets)} may not "
                                                f"hold (the targets of a cross-entropy): {report.reason[:80]}")
            if report.verdict == "refuted" and _rests_on_opaque(left, right, frozenset(opaque.values())):
                named = for_every_function(unopened[0], rel, unopened[1], opaque, report.counterexample, _show)
                if named is not None:  # V(s_t) on both sides of a telescoping sum (readers.notes.uninterpreted)
                    report = StepReport(**{**report.__dict__, "counterexample": named, "method": f"{report.method}; "
                                           f"{', '.join(sorted(_show(o) for o in opaque))} read as arbitrary values: "
                                           f"{UNINTERPRETED}"[:300]})
                else:
                    names = ", ".join(sorted(_show(o) for o in opaque.values()))
                    report = _undecided(report, f"fails if {names} were arbitrary values, but the notes do not "
                                                f"define them: {report.reason[:80]}")
            out.append(report)
        if lhs.has(PlusMinus) != rhs.has(PlusMinus) and not signed_premise:
            return self.one_sided_signs(lhs, rel, rhs, claim, shown, out)
        return out

    def one_sided_signs(self, lhs, rel, rhs, claim, shown, out) -> list[StepReport]:
        r"""A claim with $\pm$ on one side only (``\sqrt{4} = \pm 2``, ``x = 1 \pm 2`` after the equation it solves):
        the signed side names two values and the other side may be either one.  Every sign holding: ``out`` as
        checked.  A sign failing: an equation is read as "one of the two", :math:`(l - r_+)(l - r_-) = 0`; refuted
        there (neither sign holds at the counterexample), it is refuted; else ambiguous (holds for one sign only).
        Another relation with one sign failing is not decided."""
        if not any(r.verdict == "refuted" for r in out):
            return out
        signed, other = (lhs, rhs) if lhs.has(PlusMinus) else (rhs, lhs)
        either = None
        if rel == "=":
            step = self.step(sp.Mul(*[other - value for value in sign_choices(signed)]), "=", sp.Integer(0),
                             claim.conditions, zero_based=claim.zero_based)
            either = None if isinstance(step, str) else self.run(step, shown)
        if either is not None and either.verdict == "refuted":
            return [StepReport(**{**either.__dict__, "method": f"{either.method}; \\pm on one side read as one of "
                                                               f"its two values, (l - r+)(l - r-) = 0"[:300]})]
        found = f"read as one of its two values it is {either.verdict}" if either is not None else "not decided"
        return _withdrawn(out, lambda r: f"ambiguous: \\pm on one side only, it fails for one sign ({r.reason[:80]}); "
                                         f"{found}")

    @staticmethod
    def matrix_like(claim, lhs, rhs) -> bool:
        """Whether a name of ``claim`` may be a vector or a matrix: bold, arrowed or transposed as written or once
        its definitions are substituted (``lhs``, ``rhs``: :func:`_matrix_names`), or defined as a matrix written
        out (the substituted sides hold one)."""
        return bool(_matrix_names(claim.lhs, claim.rhs) or _matrix_names(lhs, rhs)) or any(
            e.has(MatrixLiteral) or isinstance(e, (sp.MatrixBase, sp.MatrixExpr)) for e in (lhs, rhs))

    def as_entries(self, lhs, rel, rhs, claim, shown, entries) -> StepReport | None:
        r"""The claim checked with each name ``theta_a`` in ``entries`` read as the entry ``theta[a]`` of the array the
        claim sums over (readers.notes.entries_apart): that verdict when it is one (a counterexample then gives the
        whole array), else None."""
        left, right = lhs.xreplace(entries), rhs.xreplace(entries)
        if _unchecked(left, right):
            return None
        step = self.step(left, rel, right, claim.conditions, zero_based=claim.zero_based)
        again = self.run(step, shown) if not isinstance(step, str) else None
        if again is None or again.verdict not in ("proved", "verified", "refuted"):
            return None
        names = ", ".join(sorted(_show(s) for s in entries))
        return StepReport(**{**again.__dict__, "method": f"{again.method}; {names} read as entries of the arrays "
                                                         f"the claim sums over"[:300]})

    def propto_each_name(self, lhs, rhs, claim, shown) -> StepReport:
        r"""``a \propto b`` with no variable named (no ``p(\theta)`` on the left), read in each of its free names
        ``v`` in turn (the ratio ``a/b`` free of ``v``).  Every reading holds: the ratio is a constant (the worst of
        their verdicts); every reading fails (the ratio changes with each name, so with any set of them): refuted,
        with the first reading's counterexample; otherwise ambiguous, naming the readings.  More than
        :data:`PROPTO_NAMES` names are not tried."""
        names = sorted((x for x in lhs.free_symbols | rhs.free_symbols if isinstance(x, sp.Symbol)), key=str)
        if not names or len(names) > PROPTO_NAMES or lhs.has(PlusMinus) or rhs.has(PlusMinus):
            return StepReport(**shown, verdict="undecided", reason="cannot tell in which variable ∝ holds")
        readings = {}
        for v in names:
            step = self.step(lhs, "propto", rhs, claim.conditions, v, zero_based=claim.zero_based)
            readings[_show(v)] = StepReport(**shown, verdict="undecided", reason=step) if isinstance(step, str) \
                else self.run(step, shown)
        verdicts = [r.verdict for r in readings.values()]
        every = ", ".join(readings)
        if all(v == "refuted" for v in verdicts):
            first = next(iter(readings.values()))
            return StepReport(**{**first.__dict__, "method": f"{first.method}; ∝ fails in each name ({every}): no "
                                                             f"variable is named, and it holds in none"[:300]})
        if all(v in ("proved", "verified") for v in verdicts):
            verdict = worst(verdicts)
            base = next(r for r in readings.values() if r.verdict == verdict)
            return StepReport(**{**base.__dict__, "method": f"{base.method}; ∝ in each name ({every})"[:300]})
        holds = [v for v, r in readings.items() if r.verdict in ("proved", "verified")]
        fails = [v for v, r in readings.items() if r.verdict == "refuted"]
        return StepReport(**shown, verdict="undecided", reason=(
            f"cannot tell in which variable ∝ holds: it holds in {', '.join(holds) or 'none'}, fails in "
            f"{', '.join(fails) or 'none'}"))

    def on_support(self, lhs, rel, rhs, claim, shown, report) -> StepReport:
        r"""A refutation of a claim in random variables (``m^2 = m`` after ``m \sim \mathrm{Bernoulli}(q)``)
        stands only at values they take (readers.notes.supports): a finite support is checked value by value,
        the real line keeps the counterexample, any other support leaves the claim undecided."""
        randoms = random_in(lhs - rhs, self.section.distributed, self.section.laws)
        if not randoms:
            return report
        supports = {s: support(s, self.section.laws) for s in randoms}
        if all(v == "real" for v in supports.values()):
            return report
        names = ", ".join(_show(s) for s in randoms)
        if all(v == "real" or isinstance(v, Range) for v in supports.values()):
            ranged = self.on_ranges(lhs, rel, rhs, claim, shown, supports)
            if ranged is not None:  # y \sim binomial(N, θ): y an integer in [0, N] (readers.notes.supports)
                return ranged
        if not all(isinstance(v, tuple) for v in supports.values()):
            return _undecided(report, f"{names}: random, with a stated law whose support is not read; it fails "
                                      f"as real numbers ({report.reason[:80]})")
        worst = "proved"
        for values in itertools.product(*(supports[s] for s in randoms)):
            at = dict(zip(randoms, values))
            step = self.step(lhs.xreplace(at), rel, rhs.xreplace(at), claim.conditions,
                             zero_based=claim.zero_based)
            found = self.run(step, shown) if not isinstance(step, str) else None
            where = ", ".join(f"{_show(s)} = {v}" for s, v in at.items())
            if found is not None and found.verdict == "refuted":
                return StepReport(**{**found.__dict__, "method": f"{found.method} at {where} (on the support)",
                                     "counterexample": {**{_show(s): v for s, v in at.items()},
                                                        **(found.counterexample or {})}})
            if found is None or found.verdict not in ("proved", "verified"):
                return _undecided(report, f"{names}: random; at {where}, on the support, it was not decided")
            worst = "verified" if found.verdict == "verified" else worst
        support_text = "; ".join(f"{_show(s)} in {{{', '.join(map(str, supports[s]))}}}" for s in randoms)
        return StepReport(**{**report.__dict__, "verdict": worst, "reason": "", "counterexample": None,
                             "method": f"at every value of the support ({support_text})"})

    def on_ranges(self, lhs, rel, rhs, claim, shown, supports) -> StepReport | None:
        r"""The claim checked once more with each random variable whose support is a range held inside it (an
        integer there for a discrete law) and its law's parameters in their domain: the verdict there when it is one,
        else None (readers.notes.supports)."""
        swap, conditions, shown_support = {}, [], []
        for s, where in supports.items():
            if not isinstance(where, Range):
                continue
            x = sp.Symbol(s.name, integer=True) if where.integers else s
            swap[s] = x
            conditions += where.conditions(x) + list(self.section.laws[s.name].domain)
            bounds = f"[{_show(where.low) if where.low is not None else '-oo'}, " \
                     f"{_show(where.high) if where.high is not None else 'oo'}]"
            shown_support.append(f"{_show(s)} {'an integer ' if where.integers else ''}in {bounds}")
        step = self.step(lhs.xreplace(swap), rel, rhs.xreplace(swap),
                         tuple(c.xreplace(swap) for c in claim.conditions) + tuple(c.xreplace(swap)
                                                                                 for c in conditions),
                         zero_based=claim.zero_based)
        if isinstance(step, str):
            return None
        found = self.run(step, shown)
        if found.verdict not in ("proved", "verified", "refuted"):
            return None
        where = ", ".join(shown_support)
        return StepReport(**{**found.__dict__, "method": f"{found.method}{ON_SUPPORT}({where})"})

    def check_approximation(self, lhs, rhs, claim, shown) -> StepReport:
        r"""``lhs \approx rhs`` as closeness at the stated scale (:mod:`readers.notes.approximation`):
        ``verified`` with what was sampled, ``refuted`` only for a number off by more than its written precision
        and a relative margin allow, else ``undecided``."""
        simulated = self.simulation_claim(claim, shown)
        if simulated is not None:  # H[Y] \approx 1/M sum_m log p_Y(y^{(m)}): readers.notes.simulation_means
            return simulated
        lhs, rhs, _ = self.standard_sigma(lhs, rhs)
        lhs, rhs, _ = self.special_functions(lhs, rhs)
        if any(s.name == r"\ldots" for e in (lhs, rhs) for s in e.free_symbols if isinstance(s, sp.Symbol)) \
                and not all(_ellipsis_only_in_arguments(e) for e in (lhs, rhs)):
            found = self.elided_decimal(lhs, rhs, shown)
            if found is not None and found.verdict == "verified":
                return StepReport(**{**found.__dict__, "role": "approximation"})
            if found is not None and found.verdict == "refuted" and _far_off(found.counterexample):
                return StepReport(**{**found.__dict__, "role": "approximation",
                                     "reason": f"{found.reason}, and by more than {int(REL * 100)} %"})
            why = f"; {found.reason}" if found is not None else ""  # near its digits: see check_approximation
            return StepReport(**shown, verdict="undecided", reason=f"an approximation with an ellipsis{why}",
                              role="approximation")
        conditions = tuple(self.expand(c) for c in claim.conditions)
        values = {c.lhs: c.rhs for c in conditions if isinstance(c, sp.Eq) and isinstance(c.lhs, (sp.Symbol, AppliedUndef))
                  and c.rhs.is_number}  # "with $\beta_1 = 0.9$, $1 - \beta_1^{10} \approx 0.651$": at the example
        if values:
            lhs, rhs = lhs.xreplace(values), rhs.xreplace(values)
            conditions = tuple(c for c in conditions if not (isinstance(c, sp.Eq) and c.lhs in values))
        verdict, why = approximation(lhs, rhs, conditions, self.latex)
        if verdict == "undecided" and why.endswith(ONE_UNIT_OFF):  # which reading gives the digits (approximation_readings)
            verdict, why = self.approximation_reading(lhs, rhs, why)
        return StepReport(**shown, verdict=verdict, role="approximation",
                          method=why if verdict == "verified" else "", reason="" if verdict == "verified" else why,
                          counterexample=numeric_witness(lhs, rhs) if verdict == "refuted" else None)

    def entry_equation_reading(self, general, frag, lhs, rhs, shown, out) -> list[StepReport]:
        r"""``out``, read again where a condition sets an entry at a bare index (``If $q_k = 1/K$``) and the words do
        not say every entry (where they do, :meth:`claim_readings` put the values in before the check: readers.notes.
        entry_equations) and a step was not confirmed with the entries free: refuted with every entry set, it is
        refuted at that point; else a refutation with the entries free is withdrawn (its point breaks the condition)."""
        if all(r.verdict in ("proved", "verified") for r in out):
            return out
        sides = (self.expand(lhs), self.expand(rhs))
        entries = entry_equations.entry_equations(general.conditions, sides)
        if not entries:
            return out
        at = entry_equations.at_every_entry_of(entries, sides)
        local = _Claim(at[0], general.rel, at[1], entry_equations.without(general.conditions, entries), general.line,
                       general.zero_based, general.redefinition)
        try:
            again = self.check_plain(local, frag, *at, shown)
        except Exception:  # noqa: BLE001 - not read at every entry: the condition was not honoured, no refutation
            again = []
        named = ", ".join(f"{_show(n)} = {_show(v)}" for n, v in entries)
        if again and all(r.verdict == "refuted" for r in again):
            return [StepReport(**{**r.__dict__, "method": f"{r.method}; with {named} at every entry"}) for r in again]
        holds = bool(again) and all(a.verdict in ("proved", "verified") for a in again)
        return [_undecided(r, f"with {named} at every entry it {'holds' if holds else 'is not decided'}; with the "
                              f"entries free it fails ({r.reason[:80]}), a point the condition excludes")
                if r.verdict == "refuted" else r
                for r in out]

    def sentence_after(self, frag) -> str:
        """The words after the block that go on its sentence (:func:`words_after`), or '' where they open a new one
        ("$$\\operatorname{softplus}(z) \\approx z$$ Near $z = 0$, ...": the next sentence's, not this block's)."""
        after = words_after(self.lines, frag.line, frag.column, frag.source)
        return "" if re.match(r"\s*[A-Z]", after) else after

    def small_in_words(self, lhs, rhs, claim, frag, shown) -> StepReport | None:
        r"""``lhs \approx rhs`` as an expansion in the letters the sentence calls small ("for small $x$", "as $h \to
        0$": readers.notes.small_in_words); None where it names none the claim writes."""
        after = self.sentence_after(frag)
        prose = " ".join((introduction(self.lines, frag.line), text_before(self.lines, frag.kind, frag.line,
                                                                            frag.column), frag.sentence, after))
        names = {x.name: x for e in (lhs, rhs) for x in e.free_symbols if isinstance(x, sp.Symbol)}
        small = [names[n] for n in sorted(small_in_words.small_letters(prose)) if n in names]
        shifts = {names[n]: sp.Rational(c) for n, c in small_in_words.shifted_letters(prose).items()
                  if n in names and names[n] not in small}
        if not small and not shifts:
            return None
        conditions = tuple(self.expand(c) for c in claim.conditions)
        verdict, why = approximation_asymptotic(lhs, rhs, conditions, named=(small, shifts))
        if verdict != "verified" and len(small) == 1 and not shifts and not conditions:
            degree = max(1, *(sp.Poly(e, small[0]).degree() for e in (lhs, rhs) if e.is_polynomial(small[0])))
            wrong = small_in_words.wrong_coefficient(lhs, rhs, small[0], degree)
            if wrong is not None:
                order, coefficient = wrong
                term = _show(coefficient * small[0] ** order)
                return StepReport(**shown, verdict="refuted", role="approximation", counterexample={
                    "lhs - rhs": f"{term} + ...", "as": f"{small[0]} -> 0"}, reason=(
                    f"as an expansion for small {small[0]} (the prose says so), lhs - rhs = {term} + ...: a term of "
                    f"order {order} does not vanish, while the written terms go to order {degree} (exact Maclaurin "
                    f"series)"))
        return StepReport(**shown, verdict=verdict, role="approximation",
                          method=why if verdict == "verified" else "", reason="" if verdict == "verified" else why)

    def tied_names(self) -> set:
        """The names a condition of the section mentions (``q = p_Y``): no law is drawn for them at random."""
        return {str(x) for c in self.section.conditions for x in c[0].free_symbols}

    def simulation_claim(self, claim, shown) -> StepReport | None:
        r"""``A \approx \frac{1}{M}\sum_m g(y^{(m)})`` after the prose says the draws come from ``p_Y``: the claim
        ``A = \mathbb{E}[g(Y)]`` about every law of ``Y`` (readers.notes.simulation_means), decided on random laws
        where ``A`` is an entropy or a divergence (readers.notes.mass_expectations); None otherwise."""
        law = sampling_law(stated_laws.prose_before(self.lines, self.line))
        if law is None:
            return None
        expectation = sp.Function(r"\mathbb{E}")
        for side, other in ((claim.rhs, claim.lhs), (claim.lhs, claim.rhs)):
            mean = as_expectation(side, law, expectation)
            if mean is not None:
                break
        else:
            return None
        found = check_mass_expectations(other, "=", mean, fixed=self.tied_names() | {
            str(x) for c in claim.conditions for x in c.free_symbols})
        if found is None or found[0] == "undecided":
            return None
        verdict, why, witness = found
        read = f"{SIMULATION_METHOD} {law} read as the expectation it estimates, {_show(mean)}"
        return StepReport(**shown, verdict=verdict, role="approximation", counterexample=witness,
                          method=f"{read}; {why}" if verdict == "verified" else read,
                          reason=f"{read}; {why}" if verdict == "refuted" else "")

    def approximation_reading(self, lhs, rhs, why) -> tuple[str, str]:
        r"""``(verdict, why)`` for a closed number stated with more digits than it agrees with, within the relative
        margin: undecided naming a reading that gives the digits (a numeral taken to infinity, a Taylor polynomial),
        refuted when none does and the digits are a plain decimal (readers.notes.approximation_readings); undecided
        as before when the block's exact side cannot be read on its own."""
        exact, stated = (lhs, rhs) if decimal_places(rhs) is not None else (rhs, lhs)
        sides = re.split(r"\\approx(?![A-Za-z])", self.latex.strip().rstrip(".,;"))
        if len(sides) != 2 or not plain_decimal(self.latex, stated):
            return "undecided", why
        side = next((s for s in sides if not plain_decimal(s, stated)), None)
        unit = sp.Rational(1, 10 ** max(decimal_places(stated), written_places(self.latex, stated) or 0))
        try:
            if side is None or sp.N(self.one_expression(side) - exact, 30) != 0:
                return "undecided", why
            reading = other_reading(side, self.one_expression, stated, unit)
        except Exception:  # noqa: BLE001 - the exact side alone is not one expression: no reading is weighed
            return "undecided", why
        if reading == UNREAD:
            return "undecided", f"{why}; {reading}"
        if reading is not None:
            return "undecided", f"{why}; another reading gives it ({reading})"
        return "refuted", (f"{why[:-len(ONE_UNIT_OFF)].rstrip()}: more than one unit in its last digit, and no "
                           "reading gives the stated digits (no numeral taken to infinity, none expanded to order 1 or "
                           "2 around a whole number)")

    def one_expression(self, latex: str):
        """``latex`` read as one expression (a name, a bound), the section's definitions substituted."""
        exprs = [e for row in parse_block(latex, names=self.names).rows if row.kind not in ("empty", "prose")
                 for e in row.chain.exprs]
        if len(exprs) != 1:
            raise ValueError("not one expression")
        return self.expand(exprs[0])

    def check_up_to_constant(self, side, rest, constant, claim, shown) -> StepReport:
        r"""``side = rest + \text{const}``: the difference ``side - rest`` is the same at any two points
        (:mod:`readers.notes.up_to_constant`); a counterexample is two points where it differs."""
        found = up_to_constant.doubled(side, rest, claim.conditions)
        step = found if isinstance(found, str) else self.step(found[0], "=", found[1], found[2],
                                                               zero_based=claim.zero_based)
        report = StepReport(**shown, verdict="undecided", reason=step) if isinstance(step, str) else self.run(step, shown)
        if report.verdict == "undecided":  # an antiderivative numbers cannot evaluate: its derivative can be
            derived = self.antiderivative_by_derivative(side, rest, claim, shown)
            if derived is not None:
                return derived
        if isinstance(step, str):
            return report
        how = f"up to the constant {constant}: lhs - ({_show(rest)}) the same at any two points (x and x')"
        return StepReport(**{**report.__dict__, "method": f"{report.method}; {how}" if report.method else how})

    def antiderivative_by_derivative(self, side, rest, claim, shown) -> StepReport | None:
        r"""``\int f\,dx = F + C`` checked as :math:`\frac{d}{dx}(\int f\,dx - F) = f - F' = 0`
        (readers.notes.up_to_constant.by_derivative); None where the claim is not an antiderivative in one variable."""
        found = up_to_constant.by_derivative(side, rest)
        if found is None:
            return None
        derivative, variable = found
        step = self.step(derivative, "=", sp.S.Zero, claim.conditions, zero_based=claim.zero_based)
        if isinstance(step, str):
            return None
        report = self.run(step, shown)
        if report.verdict not in ("proved", "verified", "refuted"):
            return None
        how = f"an antiderivative in {variable}: d/d{variable}(lhs - rhs) = {_show(derivative)} is 0"
        if report.verdict == "refuted":  # the values shown are the derivative's, not the antiderivative's
            return dataclasses.replace(report, reason=f"no constant fits: d/d{variable}(lhs - rhs) = "
                                                      f"{_show(derivative)} is not 0 ({report.reason})"[:300])
        return StepReport(**{**report.__dict__, "method": f"{report.method}; {how}" if report.method else how})

    def check_big_o(self, side, rest, g, claim, shown) -> StepReport | None:
        r"""``side = rest + O(g)`` as a remainder of the order of ``g`` when its small quantities go to 0
        (:mod:`readers.notes.big_o`): ``verified`` with what was sampled, else ``undecided`` with the reason;
        None when ``g`` names no small quantity (the claim is read as written)."""
        stated = big_o.small_of(g)
        if stated is None:
            return None
        conditions = tuple(self.expand(c) for c in claim.conditions)
        side, rest = big_o.unprimed(side), big_o.unprimed(rest)
        step = stated[0][0] if len(stated[0]) == 1 and not stated[1] else None
        if step is not None:  # u(t_{n+1}) beside u(t_n): t_n + Delta t (readers.notes.truncation)
            side, rest = truncation.on_grid((side, rest), step)
        verdict, why = approximation_asymptotic(side, rest, conditions, stated=stated)
        if verdict != "verified" and step is not None and claim.rel == "=":
            exact = truncation.compare(side, rest, step, stated[2], conditions,
                                       truncation.scope(self.lines, claim.line))
            if exact is not None and exact[0] == "refuted":  # a Taylor coefficient below the remainder's order differs
                return StepReport(**shown, verdict="refuted", role="approximation", reason=exact[1][:300],
                                  method=truncation.METHOD, counterexample=exact[2])
            if exact is not None:  # every coefficient below it vanishes, exactly, for random polynomials
                verdict, why = exact[:2]
        verdict = "verified" if verdict == "verified" else "undecided"  # a numeric failure refutes no remainder
        why = f"{why}; the remainder written O({_show(g)})"
        return StepReport(**shown, verdict=verdict, role="approximation",
                          method=why if verdict == "verified" else "", reason="" if verdict == "verified" else why)

    def listed_series(self, lhs, rhs, claim, shown) -> StepReport | None:
        r"""Two series listed term by term in one sequence's elements, each with a trailing ellipsis
        (readers.notes.listed_series): refuted when the coefficients of an element written out on both sides
        differ (checked under the claim's conditions), with the sequence that is 1 at that element as the witness;
        None otherwise (the claim stays undecided)."""
        for element, left, right in coefficient_pairs(lhs, rhs):
            step = self.step(left, "=", right, claim.conditions, zero_based=claim.zero_based)
            if isinstance(step, str):
                continue
            report = self.run(step, shown)
            if report.verdict == "refuted" and report.counterexample:
                witness = {**report.counterexample, element: 1, "the other elements": 0}
                return dataclasses.replace(report, counterexample=witness, method=(
                    f"{report.method}; the coefficients of {element}, written out on both sides, differ: "
                    f"{_show(left)} against {_show(right)}"))
        return None

    def elided_decimal(self, lhs, rhs, shown) -> StepReport | None:
        r"""``x = 3.14159\ldots``, one side a closed number and the other a decimal of this block whose digits go
        on (readers.notes.decimals), checked to its stated digits; None when neither side is one."""
        for value, side in ((lhs, rhs), (rhs, lhs)):
            found = decimals.stated(side, self.elided)
            if found is None or value.has(decimals.ELLIPSIS_SYMBOL):
                continue
            verdict, how = decimals.check(value, *found, self.latex, () if natural_declared(self.lines, self.line)
                                          else decimals.LOG_BASES)
            witness = {"value": str(sp.N(value, len(found[1]) + 2)),
                       "stated": f"{'-' if found[0] < 0 else ''}{found[1]}..."} if verdict == "refuted" else None
            return StepReport(**shown, verdict=verdict, method=how if verdict != "undecided" else "",
                              reason="" if verdict == "verified" else how, counterexample=witness)
        return None

    def check_written_out(self, lhs, rel, rhs, claim, shown) -> StepReport:
        r"""A claim with ``\max_i x_i`` over a symbolic range: checked at each concrete size in ``SIZES``
        with every sum and maximum written out (``\max(x_1, x_2)``); the worst verdict of the sizes."""
        lhs, rhs = _maxima_over_summed_ranges(lhs, rhs)
        lhs, rhs = bind_sizes((lhs, rhs), self.matrix_claims.notes.at(claim.line).dims)  # max_j z_j, z in R^K
        _, sizes = _indices_and_sizes([lhs, rhs])
        sizes = sorted(set(sizes) | {s for m in (lhs.atoms(IndexMax) | rhs.atoms(IndexMax))
                                     for s in m.limits[0][2].free_symbols if s.is_integer and s.is_positive}, key=str)
        if not sizes:
            return StepReport(**shown, verdict="undecided", reason="a maximum over an index without a size")
        reports = []
        for n in SIZES:
            values = {size: sp.Integer(n) for size in sizes}
            left, right = (_write_out(e.xreplace(values)).replace(
                lambda x: isinstance(x, IndexMax), lambda x: x.doit()) for e in (lhs, rhs))
            if left.has(IndexMax) or right.has(IndexMax):
                return StepReport(**shown, verdict="undecided", reason="a maximum that could not be written out")
            why = _unchecked(left, right)
            if why:
                return StepReport(**shown, verdict="undecided", reason=why)
            step = self.step(left, rel, right, claim.conditions, zero_based=True)
            if isinstance(step, str):
                return StepReport(**shown, verdict="undecided", reason=step)
            report = self.run(step, shown, one_based=False)
            where = ", ".join(f"{_show(k)}={n}" for k in sizes)
            report = StepReport(**{**report.__dict__, "method": f"{report.method}; written out at {where}"})
            if report.verdict == "refuted":
                counterexample = {**{_show(k): str(n) for k in sizes}, **(report.counterexample or {})}
                return StepReport(**{**report.__dict__, "counterexample": counterexample})
            reports.append(report)
        order = ("undecided", "verified", "proved")
        return min(reports, key=lambda r: order.index(r.verdict) if r.verdict in order else -1)

    def standard_sigma(self, lhs, rhs):
        r"""``\sigma(x)`` of one argument, never defined, in notes that speak of the sigmoid: the logistic
        sigmoid $1/(1 + e^{-x})$.  Returns ``(lhs, rhs, how it was read or '')``."""
        if not self.sigmoid_context or "sigma" in self.section.functions:
            return lhs, rhs, ""
        found = {f for e in (lhs, rhs) for f in e.atoms(AppliedUndef) if f.func.__name__ in ("sigma", "sigma'")}
        if not found or any(len(f.args) != 1 for f in found):
            return lhs, rhs, ""
        def read(e):  # bottom up, so sigma(W sigma(x) + b) is read inside too (readers.notes.sigmoid)
            e = as_sigmoid(e)
            if not e.has(sp.Derivative):
                return e
            # d L / d z^{[2]} with z^{[2]} defined: taken in z^{[2]}, then z^{[2]} written out as the other side has it
            # (only a derivative in a variable its expression has: one in another is "not given as a function of")
            return as_sigmoid(self.expand(e.replace(lambda x: isinstance(x, sp.Derivative) and not x.expr.has(AppliedUndef)
                                                and all(x.expr.has(v) for v in x.variables), lambda x: x.doit())))
        return read(lhs), read(rhs), SIGMOID_READ

    def special_functions(self, lhs, rhs):
        r"""``erf``, ``\Phi``, ``\psi_m``, ``\Gamma``, ``\gamma(s, x)``, ``\zeta`` the notes never define, read
        as the standard special functions (:mod:`readers.notes.special`): ``(lhs, rhs, how or '')``."""
        defined = frozenset(self.section.functions)
        (lhs, left), (rhs, right) = (standard_functions(e, defined) for e in (lhs, rhs))
        names = sorted(left | right)
        return lhs, rhs, f"{', '.join(names)} read as the standard special functions" if names else ""

    def iid_moments(self, lhs, rel, rhs, frag, shown) -> StepReport | None:
        """Moments of indexed variables the section calls i.i.d. (readers.notes.iid_moments), or None."""
        def pairs(latex):
            return [p for row in self.parse(latex, frag).rows for p in row.chain.pairs()]

        prose = "\n".join(filter(None, (data_properties.iid_sentences(self.lines, frag.line),  # i.i.d. stated above:
                                          iid_moments.section_prose(self.lines, frag.line, frag.column))))  # the data
        found = iid_moments.check(lhs, rel, rhs, prose, pairs)
        if found is None:
            return None
        verdict, how, witness = found
        return StepReport(**shown, verdict=verdict, method=how, counterexample=witness,
                          reason="" if verdict == "verified" else f"{how}: the sides differ")

    def on_every_joint(self, reports, lhs, rel, rhs, shown) -> list[StepReport]:
        r"""A probability claim confirmed on the joints $P(c) \prod_k P(v_k \mid c)$, checked on every joint of its
        variables (one weight per outcome) when it has three or more: where it fails there, it holds only for
        variables independent given the first, as a naive-Bayes factorization assumes: undecided, never proved."""
        general = _probability_steps(lhs, rel, rhs, general=True)
        if general is None:
            return reports
        again = [] if isinstance(general, str) else [self.run_labelled(step, shown, label) for label, step in general]
        if again and all(r.verdict in ("proved", "verified") for r in again):
            return again
        failed = general if isinstance(general, str) else next(
            (f"{r.verdict}, {r.reason or r.method}" for r in again if r.verdict not in ("proved", "verified")), "")
        return [_undecided(r, f"holds on joints whose variables are independent given the first one (P(c) prod_k "
                              f"P(v_k | c)), as a naive-Bayes factorization assumes; on every joint: {failed[:120]}")
                for r in reports]

    def restricted_names(self, claim) -> frozenset:
        """The names (as written) that a condition or example in force restricts, that the prose calls integers, or
        that a condition the reader could not read names: a value chosen for them might break what the notes state."""
        relations = [*claim.conditions, *(c[0] for c in self.section.conditions)]
        names = {str(x) for r in relations for x in getattr(r, "free_symbols", ())}
        names |= {str(e[0]) for e in self.section.examples}
        return frozenset(names | {str(x) for x in (*self.section.withheld, *self.section.integers,
                                                   *self.unread_conditions)})

    def fails_on_independent_joints(self, sides, rel, shown) -> StepReport | None:
        r"""A claim in ``p`` that failed on random joints, refuted when it fails on a joint of independent variables
        too (readers.notes.lowercase_probability: ``INDEPENDENT``); None when it holds there or is not decided."""
        independent = _probability_steps(sides[0], rel, sides[1], independent=True)
        if independent is None or isinstance(independent, str):
            return None
        for label, step in independent:
            report = self.run_labelled(step, shown, label)
            if report.verdict == "refuted" and report.counterexample:
                return StepReport(**{**report.__dict__,
                                     "method": f"{report.method}; {lowercase_probability.INDEPENDENT}"})
        return None

    def event_moments(self, lhs, rel, rhs, claim, shown) -> StepReport | None:
        r"""A claim about probabilities of events in random variables (:math:`\Pr(X \ge a) \le \mathrm{E}(X)/a`)
        read over a random discrete law, each probability the mean of its indicator (readers.notes.event_moments):
        the report when it holds there and at the ties of its thresholds, else None (a failure refutes nothing: the
        claim keeps the readings it had)."""
        if any(e.has(sp.Derivative, sp.Integral) for e in (lhs, rhs)):
            return None  # d/dx P(X <= x), a density: over a discrete law a step function, whose derivative is no density
        try:
            read = read_moments(events_as_means(lhs), events_as_means(rhs))
            report = self.check_moments(read, rel, claim, shown) if isinstance(read, tuple) else None
        except (ValueError, TypeError, NotImplementedError):  # a form the cases cannot carry: no reading, as before
            return None
        if report is None or report.verdict not in ("proved", "verified"):
            return None
        conditions = tuple(c for c in claim.conditions if not c.free_symbols & read[2])
        if fails_at_ties((lhs, rhs), read[:2], rel, conditions + atom_conditions(claim.conditions, read[2]), read[2]):
            return None  # P(X >= a) = 1 - P(X <= a): it fails where a is a value X takes
        return StepReport(**{**report.__dict__, "method": f"{report.method}; {EVENT_METHOD}"})

    def check_moments(self, moments, rel, claim, shown, *, sides=None, independent=False) -> StepReport:
        r"""A claim about ``E``, ``Var``, ``Cov`` over a random discrete distribution
        (:mod:`readers.notes.moments`); a failure refutes only when nothing in it may depend on the
        distribution.  When the prose calls the variables independent, ``sides`` (the claim before its moments
        were written out) are read over independent variables, and that decides: a claim that holds for every
        joint law holds for their product law, and one that fails for the product law fails; the joint reading
        first spent its rungs' whole budgets on claims false for a joint law (and, on a loaded machine, left the
        product law too little).  Without the word a failure stands: notes state the independence a claim needs."""
        left, right, variables, names = moments
        if rel not in ("=", "<", ">", "<=", ">="):
            return StepReport(**shown, verdict="undecided", reason=f"relation {rel!r} between moments is not checked")
        if sides is not None and len(variables) > 1 and not independent and states_independence(self.prose):
            again = read_moments(*sides, variables=variables, independent=True)
            if isinstance(again, tuple):  # the prose calls them independent: their product law decides
                return self.check_moments(again, rel, claim, shown, independent=True)
        conditions = tuple(c for c in claim.conditions if not c.free_symbols & variables)
        step = self.step(left, rel, right, conditions + atom_conditions(claim.conditions, variables),
                         zero_based=claim.zero_based)  # X >= 0 at every outcome of X (readers.notes.moments)
        if isinstance(step, str):
            return StepReport(**shown, verdict="undecided", reason=step)
        report = self.run(step, shown)
        how = f"moments of {', '.join(sorted(map(_show, variables)))} over a random discrete distribution " \
              f"with {ATOMS} outcomes (weights u_k / sum u)"
        if independent:
            how = f"{', '.join(sorted(map(_show, variables)))} independent (the prose says so): each on {ATOMS} " \
                  f"outcomes of random weights, jointly their product law"
        report = StepReport(**{**report.__dict__, "method": f"{report.method}; {how}"})
        if report.verdict == "refuted":
            why = refutable(names, variables, self.section.distributed)
            if why:
                return _undecided(report, f"fails for some distribution, but {why} ({report.reason[:80]})")
            tied = sorted(_show(s) for c in conditions for s in c.free_symbols if _names_moment_of(s, variables))
            if tied:  # mu_X = 0: the sampled distributions were not made to satisfy it
                return _undecided(report, f"fails for some distribution, but the condition on {', '.join(tied)} "
                                          f"was not imposed on the distributions sampled ({report.reason[:80]})")
        return report

    def linear_expectations(self, lhs, rel, rhs, claim, shown) -> StepReport | None:
        r"""The claim with each expectation written through its linearity, the ones left over free names
        (:mod:`readers.notes.linear_expectations`): confirmed when it holds so, for every joint law; None otherwise
        (a failure may rest on the law the notes mean)."""
        read = linear_reading(lhs, rhs) if rel in ("=", "<", ">", "<=", ">=") else None
        if read is None:
            return None
        step = self.step(read[0], rel, read[1], (), zero_based=claim.zero_based)
        if isinstance(step, str):
            return None
        report = self.run(step, shown)
        if report.verdict not in ("proved", "verified"):
            return None
        return StepReport(**{**report.__dict__, "method": f"{report.method}; {linear_expectations.METHOD}"})

    def other_parametrisation(self, lhs, rel, rhs, claim, shown, constants, laws=None,
                              independent=None) -> StepReport | None:
        r"""The claim about moments once more with every law of the section that has another reading in common use
        read so (:math:`\mathcal{N}(\mu, s)` with ``s`` the standard deviation: readers.notes.laws); None when no
        law has one or the moments are not read."""
        stated = self.section.laws if laws is None else laws
        laws = {k: other_parametrisation(v) or v for k, v in stated.items()}
        if all(laws[k] is v for k, v in stated.items()):
            return None
        (left, used), (right, used_too) = (law_moments(e, laws, self.expand, constants,
                                                       self.section.independent if independent is None else independent)
                                           for e in (lhs, rhs))
        if not (used or used_too):
            return None
        conditions = tuple(claim.conditions) + tuple(r for f in dict.fromkeys(used + used_too) for r in f.domain)
        step = self.step(left, rel, right, conditions, zero_based=claim.zero_based)
        return None if isinstance(step, str) or _unchecked(left, right) else self.run(step, shown)

    def normal_divergence(self, lhs, rel, rhs, claim, shown) -> StepReport | None:
        r"""A claim about :math:`D_{KL}` between written normal laws, read with the second parameter a variance and
        a standard deviation (readers.notes.laws ``normal_divergences``): both readings hold, confirmed; both fail,
        refuted with the variance reading's counterexample; else undecided (ambiguous).  None without one."""
        reports = []
        for scale in ("variance", "std"):
            (left, domain), (right, more) = (normal_divergences(e, scale) for e in (lhs, rhs))
            if not domain and not more:
                if reports:  # N(mu, sigma^2), N(0, 1): written as variances, one reading only
                    break
                return None
            step = self.step(left, rel, right, tuple(claim.conditions) + domain + more, zero_based=claim.zero_based)
            if isinstance(step, str) or _unchecked(left, right):
                return None
            reports.append((scale, self.run(step, shown)))
        verdicts = {r.verdict for _, r in reports}
        how = "D_KL between normal laws written out (the second parameter read as " + \
              (" and as ".join(f"a {scale}" for scale, _ in reports) if len(reports) > 1 else "a variance, as its square "
                                                                                     "says") + ")"
        if verdicts <= {"proved", "verified"} or verdicts == {"refuted"}:
            report = reports[0][1]
            return StepReport(**{**report.__dict__, "method": f"{report.method}; {how}"})
        shown_readings = "; ".join(f"as a {scale}: {r.verdict}" for scale, r in reports)
        return _undecided(reports[0][1], f"ambiguous: {how}: {shown_readings}")

    def at_argument(self, lhs, rel, rhs, claim, shown) -> StepReport | None:
        r"""``\frac{dh}{db}`` after ``h(x) = x^3``, ``b`` a name of its own: the derivative of ``h`` at the argument
        ``b`` (Leibniz's notation names the argument, ``h'(b) = 3b^2``).  Confirmed when the claim then holds,
        else None: another reading (``b`` unrelated to ``h``, so the derivative is 0) may be what the notes mean."""
        read = []

        def argument(d):
            one = _one_argument(self.section.functions.get(d.expr.name, [])) if isinstance(d.expr, sp.Symbol) else None
            if one is None or len(d.variables) != 1 or not isinstance(d.variables[0], sp.Symbol) \
                    or d.variables[0] in self.section.symbols or one[0] in self.section.symbols:
                return d
            x, body = one
            read.append(f"d{_show(d.expr)}/d{_show(d.variables[0])} read as {_show(d.expr)}' at "
                        f"{_show(d.variables[0])} ({_show(d.expr)}({_show(x)}) = {_show(body)})")
            return sp.Derivative(body.xreplace({x: d.variables[0]}), *d.variable_count)

        left, right = (e.replace(lambda d: isinstance(d, sp.Derivative) and not _depends(d.expr, d.variables[0]),
                                 argument) for e in (lhs, rhs))
        report = self.confirmed(left, rel, right, claim, shown) if read else None
        if report is None:
            return None
        return StepReport(**{**report.__dict__, "method": f"{report.method}; {'; '.join(dict.fromkeys(read))}"})

    def confirmed(self, left, rel, right, claim, shown, budget=None) -> StepReport | None:
        """The check of another reading ``left rel right`` of ``claim`` when it is proved or verified, else None
        (within ``budget`` seconds when given, at most the reader's)."""
        if _unchecked(left, right):
            return None
        step = self.step(left, rel, right, claim.conditions, zero_based=claim.zero_based)
        if isinstance(step, str):
            return None
        report = self.run(step, shown, budget=budget)
        return report if report.verdict in ("proved", "verified") else None

    def derivatives_as_limits(self, lhs, rel, rhs, claim, shown) -> StepReport | None:
        r"""A claim with limits and first derivatives of arbitrary functions, each ``f'(a)`` read as its definition
        ``\lim_{x \to a} \frac{f(x) - f(a)}{x - a}`` (readers.notes.derivative_notation.as_limits): confirmed when
        that reading is, else None."""
        sides = as_limits((lhs, rhs))
        step = self.step(sides[0], rel, sides[1], claim.conditions, zero_based=claim.zero_based) if sides else None
        report = self.run(step, shown) if step is not None and not isinstance(step, str) else None
        if report is None or report.verdict not in ("proved", "verified"):  # the symbolic rungs, f left unknown
            return None
        return StepReport(**{**report.__dict__, "method": f"{report.method}; f'(a) read as its definition, the limit "
                                                          "of (f(x) - f(a))/(x - a) as x -> a"[:300]})

    def limits_as_derivatives(self, lhs, rel, rhs, claim, shown) -> StepReport | None:
        r"""A claim with limits of difference quotients of arbitrary functions, each read as the derivative it
        defines (:math:`\lim_{x \to c} \frac{f(x) - f(c)}{x - c} = f'(c)`: readers.notes.difference_quotients),
        then checked for every function; None when there is no such limit or that reading is not confirmed."""
        sides = as_derivatives((lhs, rhs))
        sides = [big_o.unprimed(e) for e in sides] if sides else None  # f'(x) beside them: the derivative of f
        report = self.for_every_function(sides[0], rel, sides[1], claim, shown) if sides else None
        if report is None or report.verdict not in ("proved", "verified"):
            return None
        return StepReport(**{**report.__dict__, "method": f"{report.method}; each limit of a difference quotient read "
                                                          "as the derivative it defines"[:300]})

    def whatever_applied(self, lhs, rel, rhs, claim, shown) -> StepReport | None:
        r"""The claim with each application of an unknown function (``\nabla L(w)``) read as an arbitrary value
        (readers.notes.arbitrary.as_values): holding for every value, it holds whatever the functions are."""
        found = as_values((lhs, rhs))
        if found is None:
            return None
        (left, right), names = found
        report = self.confirmed(left, rel, right, claim, shown)
        if report is None:
            return None
        return StepReport(**{**report.__dict__, "method": f"{report.method}; holds for every value of "
                                                          f"{', '.join(names)}, whatever the functions are"[:300]})

    def fails_whatever_the_functions(self, lhs, rel, rhs, claim, shown) -> StepReport | None:
        r"""The claim refuted when the applications of unknown functions and their derivatives cancel from ``lhs -
        rhs`` (``\lambda w + L'(w) = 2\lambda w + L'(w)``): it then fails whatever the functions are (the
        difference is checked, with the claim's conditions); None otherwise."""
        masked = cancelled_applications((lhs, rhs)) if rel == "=" else None
        if masked is None:
            return None
        step = self.step(masked[0], rel, masked[1], claim.conditions, zero_based=claim.zero_based)
        if isinstance(step, str):
            return None
        report = self.run(step, shown)
        if report.verdict != "refuted" or not report.counterexample:
            return None
        return StepReport(**{**report.__dict__, "reason": f"{report.reason}; lhs - rhs does not depend on the "
                                                          "unknown functions: it fails whatever they are"[:400]})

    def vector_moments(self, claim, frag, lhs, rhs, shown) -> list[StepReport] | None:
        r"""A moment claim with transposes or traces (``\mathrm{E}[X^\top A X]``) read as matrix algebra with its random
        vectors on random laws (readers.notes.vector_moments); None unless that reading decides it."""
        if not _matrix_names(lhs, rhs) and not any(f.func.__name__ in ("tr", "det") for e in (lhs, rhs)
                                                   for f in e.atoms(AppliedUndef)):
            return None
        lawful = {str(x) for x in self.section.distributed} | set(self.section.laws)
        steps = self.matrix_claims.check(claim, frag, self.section, shown, force=True, names=self.names,
                                         functions=frozenset(self.section.functions) | self.document_functions
                                         | vector_moments.MOMENTS, random=(self.section_prose(frag.line), lawful))
        if not steps or not all(s.verdict in ("proved", "verified", "refuted") for s in steps):
            return None
        self.matrix_read = True
        return steps

    def section_prose(self, line: int) -> str:
        """The text from the heading above ``line`` to it."""
        start = line - 1
        while start > 0 and not self.lines[start - 1].lstrip().startswith("#"):
            start -= 1
        return " ".join(self.lines[start:line - 1])

    def moments_for_every_function(self, lhs, rel, rhs, claim, shown) -> StepReport | None:
        r"""A moment claim in functions the notes leave arbitrary (``E[f(X) + g(X)] = E[f(X)] + E[g(X)]``,
        ``\operatorname{Var}[a f(X)] = a^2 \operatorname{Var}[f(X)]``), read over the random discrete
        distribution with each function replaced by random smooth functions (readers.notes.arbitrary):
        ``verified`` when every draw holds, else None (a failure refutes nothing: the notes may mean
        particular functions)."""
        functions = arbitrary_functions((lhs, rhs), frozenset(MOMENTS))
        if functions is None:
            return None
        found = []
        for mapping in draws(functions, f"{lhs} {rel} {rhs}"):
            left, right = substitute(lhs, mapping), substitute(rhs, mapping)
            moments = read_moments(left, right)
            if not isinstance(moments, tuple):
                return None
            report = self.check_moments(moments, rel, claim, shown, sides=(left, right))
            if report.verdict not in ("proved", "verified"):
                return None
            found.append(report)
        names = ", ".join(f.__name__ for f in functions)
        return StepReport(**{**found[0].__dict__, "verdict": "verified",
                             "method": f"holds for {len(found)} random smooth functions {names} (an identity in "
                                       f"arbitrary functions: evidence, not a proof); {found[0].method}"[:300]})

    def check_array_law(self, law, lhs, rel, rhs, claim, shown) -> StepReport | None:
        r"""A moment claim over the law its arrays write out (``\mathbb{E}[X] = \sum_i x_i p_i``:
        :mod:`readers.notes.array_laws`), its moment conditions (``\mu_X = 0``) solved for a value; None when
        it cannot be written out.  A failure refutes unless another name may be a parameter of the law."""
        if rel not in ("=", "<", ">", "<=", ">="):
            return None
        found = written_out(law, lhs, rhs, claim.conditions)
        if found is None:
            return None
        left, right, rest, solved = found
        step = self.step(left, rel, right, tuple(rest), zero_based=True)
        if isinstance(step, str):
            return None
        report = self.run(step, shown, one_based=False)
        how = law.describe()
        if solved:
            how += "; " + ", ".join(f"{_show(k)} = {_show(v)}" for k, v in solved.items()) + " from the conditions"
        report = StepReport(**{**report.__dict__, "method": f"{how}; {report.method}"[:300]})
        if report.verdict == "refuted":
            own = {s for v in law.variables for s in law.values[v]} | set(law.raw.values())
            names = {s for e in (left, right, *rest) for s in e.free_symbols} - own
            why = refutable(names, set(law.variables), self.section.distributed)
            if why:
                return _undecided(report, f"fails for some law, but {why} ({report.reason[:80]})")
            if solved and report.counterexample:  # the values the conditions fix, at the point shown
                point = {s: sp.Float(report.counterexample[s.name]) for e in solved.values() for s in e.free_symbols
                         if s.name in report.counterexample}
                fixed = {_show(k): str(sp.N(v.xreplace(point), 17)) for k, v in solved.items()}
                report = StepReport(**{**report.__dict__, "counterexample": {**fixed, **report.counterexample}})
        return report

    def for_every_function(self, lhs, rel, rhs, claim, shown) -> StepReport | None:
        r"""A claim in functions the notes never define, read as holding for every function
        (:mod:`readers.notes.arbitrary`): ``verified`` when it holds with each replaced by random smooth
        functions; None (the caller says undecided) otherwise: a failure refutes nothing, since in
        context the notes may mean one particular function."""
        functions = arbitrary_functions((lhs, rhs))
        if functions is None:
            return None
        methods = []
        integrals = any(e.has(sp.Integral) for e in (lhs, rhs))  # random quadratics: closed-form integrals
        for mapping in draws(functions, f"{lhs} {rel} {rhs}", polynomial=integrals):
            try:
                left, right = substitute(lhs, mapping), substitute(rhs, mapping)
            except Exception:  # noqa: BLE001 - sympy could not carry out a derivative: no evidence
                return None
            if self.rule_row is not None and not _unchecked(left, right):  # f = g h \Rightarrow \frac{d}{dx} f = ...
                step = self.step(left, rel, right, claim.conditions, zero_based=claim.zero_based)
                report = None if isinstance(step, str) else self.run(step, shown)
                if report is not None and report.verdict == "refuted":
                    return rule_rows.refuted(self.rule_row, {f"{f.__name__}{tuple(body.variables)}".replace(",)", ")"):
                                                             sp.sstr(body.expr) for f, body in mapping.items()}, report)
                report = report if report is not None and report.verdict in ("proved", "verified") else None
            else:
                report = self.confirmed(left, rel, right, claim, shown)
            if report is None:
                return None
            methods.append(report.method)
        names = ", ".join(f.__name__ for f in functions)
        return StepReport(**shown, verdict="verified",
                          method=f"holds for {len(methods)} random smooth functions {names} (an identity in "
                                 f"arbitrary functions: evidence, not a proof); {methods[0]}"[:300])

    def for_every_derivative(self, lhs, rel, rhs, claim, shown) -> StepReport | None:
        r"""A claim in a function the notes never define and its derivatives (``f'(t)``, ``f^{(k)}(a)``,
        ``f^{(n+1)}(x)``): ``verified`` when it holds with the function replaced by random functions whose every
        derivative has a closed form (readers.notes.derivative_orders); None otherwise (a failure refutes nothing)."""
        drawn = []
        found = derivative_orders.substituted((lhs, rhs), f"{lhs} {rel} {rhs}", drawn)
        if found is None:
            return None
        versions, counts = found
        counted = dataclasses.replace(claim, conditions=tuple(claim.conditions) + tuple(sp.Ge(n, 0) for n in counts))
        methods = []
        for (left, right), functions in zip(versions, drawn):
            if self.rule_row is not None and not _unchecked(left, right):  # f(x) = g(x)/h(x) \rightarrow f'(x) = ...
                step = self.step(left, rel, right, counted.conditions, zero_based=claim.zero_based)
                report = None if isinstance(step, str) else self.run(step, shown)  # the reader's budget: a
                if report is not None and report.verdict == "refuted":  # counterexample is decided exactly
                    return rule_rows.refuted(self.rule_row, functions, report)
                report = report if report is not None and report.verdict in ("proved", "verified") else None
            else:
                report = self.confirmed(left, rel, right, counted, shown, budget=derivative_orders.BUDGET)
            if report is None:
                return None
            methods.append(report.method)
        return StepReport(**shown, verdict="verified", assumptions=tuple(f"{_show(n)} >= 0 (an order counts with it)"
                                                                         for n in counts),
                          method=f"holds for {len(methods)} random functions and their derivatives of every order "
                                 f"(exponential sums: an identity in an arbitrary function, evidence, not a proof); "
                                 f"{methods[0]}"[:300])

    def step(self, lhs, rel, rhs, conditions, variable=None, *, zero_based=False) -> Step | str:
        """The :class:`Step` for a claim: 0-based indices, concrete sizes, conditions and domains.

        A condition ``name = expr`` (``\\text{where } \\bar{x} = ...``, ``\\text{when } x = 0``) is
        substituted; index conditions (``i \\ne j``) restrict the claim; the rest are assumptions."""
        conditions = [either_sign(self.expand(c)) for c in conditions]
        if sp.false in conditions:
            return "the conditions cannot hold together"
        if lhs.has(PlusMinus) or rhs.has(PlusMinus):  # a reading that did not split its signs: no check, no error
            return "a \\pm left in a reading that does not take its two signs apart (not checked)"
        parts = [a for c in conditions for a in (c.args if isinstance(c, sp.And) else (c,))]
        integral = integer_names(parts)  # n \in \mathbb{N}: floor(n) = n, n an integer (readers.latex.membership)
        if integral:
            conditions = [c for c in parts if not integer_names([c])]
        lhs, rhs, conditions = _stated_integers((lhs, rhs, conditions), self.section.integers | integral)
        values = {c.lhs: c.rhs for c in conditions if isinstance(c, sp.Eq) and isinstance(c.lhs, sp.Symbol)
                  and not c.lhs.is_integer and c.lhs not in c.rhs.free_symbols}
        conditions = [c for c in conditions if c is not sp.true
                      and not (isinstance(c, sp.Eq) and values.get(c.lhs) is c.rhs)]
        if values:  # differentiate before a variable is set to a value: d/dx at x = 0, not d/d0
            lhs, rhs = (e.replace(lambda d: isinstance(d, sp.Derivative) and any(v in values for v, _ in
                                                                                  d.variable_count),
                                  lambda d: d.doit(deep=False)) for e in (lhs, rhs))  # deep: sums summed (hangs)
            if any(v in values for e in (lhs, rhs) for d in e.atoms(sp.Derivative) for v, _ in d.variable_count):
                return "a derivative in a variable the conditions set to a value"
        lhs, rhs = separate_integration_variables(lhs, rhs)  # theta free beside an integral d theta (symbols)
        if any(len(limit) == 1 and limit[0] in values for e in (lhs, rhs) for i in e.atoms(sp.Integral)
               for limit in i.limits):
            return "an antiderivative at a point the conditions set (it has no value there)"
        lhs, rhs = (bind_limit_variables(_freshen(e.xreplace(values))) for e in (lhs, rhs))
        conditions, entry_domains = every_entry.domains(conditions, (lhs, rhs))  # z_i >= 0: every entry
        parts = [lhs, rhs, *conditions]
        zero_based = zero_based or counts_from_zero(parts)  # s_0, or a sum from 0 a definition brought in
        indices, sizes = _indices_and_sizes(parts, zero_based=zero_based)
        index_conditions = [c for c in conditions if c.free_symbols and c.free_symbols <= set(indices)]
        assumptions = [c for c in conditions if c not in index_conditions]
        domains = {**_domains(parts, assumptions), **entry_domains}
        governed = finite_entries.governing(self.section.finite, self.section.finite_entries, (lhs, rhs))
        for base, values in finite_entries.arrays(governed, parts).items():  # x_i \in \{0, 1\}: x[i] from the set
            domains.setdefault(base, Choice(tuple(float(v) for v in values)))
        declared = simplex_in_force(self.simplex_vectors, self.position)
        for part in parts:  # entries of a vector the prose calls one-hot or a probability vector
            for base in part.atoms(sp.IndexedBase):
                if str(base.label) in declared:
                    domains.setdefault(base, Simplex())
        assumptions = [a for a in assumptions if not _is_simplex_condition(a)]
        if index_conditions:
            where = sp.And(*index_conditions)
            lhs, rhs = sp.Piecewise((lhs, where), (0, True)), sp.Piecewise((rhs, where), (0, True))
        free = list(indices)
        if not zero_based:
            lhs, rhs = to_zero_based(lhs, free), to_zero_based(rhs, free)
            assumptions = [to_zero_based(a, free) for a in assumptions]
        ranges = {i: (sp.Integer(0), hi - lo) for i, (lo, hi) in indices.items()}
        size_cases = tuple({s: sp.Integer(n) for s in sizes} for n in SIZES) if sizes else ()
        if variable is not None and variable not in (lhs.free_symbols | rhs.free_symbols):
            return f"the variable {variable} does not occur"
        try:
            return Step(lhs, rhs, rel, assumptions=tuple(assumptions), domains=domains, indices=ranges,
                        sizes=size_cases, variable=variable, note="" if zero_based else ONE_BASED)
        except ValueError as exc:
            return str(exc)

    def on_unstated_simplex(self, claim, frag, lhs, rhs, shown, masses, out) -> list[StepReport]:
        r"""``out`` with each refutation ``undecided`` where the claim is confirmed once the arrays ``masses``
        (probability letters inside a logarithm, no sentence declaring them) are sampled on the simplex: the
        entropy bound :math:`\sum_k p_k \log(1/p_k) \le \log K` fails for ``p_k`` that do not sum to one, a
        point its author would not accept.  A claim that fails on the simplex too stays refuted, with a counterexample there."""
        saved = self.simplex_vectors
        self.simplex_vectors = [*saved, *(((0, 0), name, False) for name in masses)]
        try:
            again = self.check_plain(claim, frag, lhs, rhs, shown)
        finally:
            self.simplex_vectors = saved
        if again and any(r.verdict == "refuted" and r.counterexample for r in again):
            return again  # a counterexample on the simplex is one in every reading
        if not again or not all(r.verdict in ("proved", "verified") for r in again):
            return out
        names = ", ".join(masses)
        return [_undecided(r, f"holds where {names} {'is a probability vector' if len(masses) == 1 else 'are probability vectors'} "
                              f"(entries >= 0 summing to 1), which the notes do not state; it fails off the simplex "
                              f"({r.reason[:80]})") if r.verdict == "refuted" else r for r in out]

    def at_vertices(self, claim, frag, lhs, rhs, shown, one_hot) -> list[StepReport] | None:
        r"""The claim with each one-hot vector ``y`` written as a vertex of the simplex, :math:`y_k = \delta_{kc}`
        for a class ``c`` checked over every index like the others; its steps when every one is refuted there
        (a failure at a one-hot vector is a real counterexample), else None."""
        classes = {name: sp.Symbol(f"c_{name}", integer=True, positive=True) for name in one_hot}

        def vertex(e, classes=classes):
            return e.replace(lambda x: isinstance(x, sp.Indexed) and str(x.base.label) in classes
                             and len(x.indices) == 1,
                             lambda x: sp.KroneckerDelta(x.indices[0], classes[str(x.base.label)]))

        try:
            out = self.check_plain(claim, frag, vertex(lhs), vertex(rhs), shown)
        except Exception:  # noqa: BLE001 - the vertex reading could not be checked: no refutation
            return None
        if not out or not all(r.verdict == "refuted" for r in out):
            return None
        # -\sum_i y_i \log s_i = -\log s_c: the claim's own free index c may name the class where y has its 1
        apart = entries_named_apart(lhs, rhs)  # s_c beside s[i] is the entry s[c] (readers.notes.entries_apart)
        left, right = lhs.xreplace(apart), rhs.xreplace(apart)
        free = set().union(*(e.free_symbols for e in (left, right)))
        own = sorted({i for e in (left, right) for x in e.atoms(sp.Indexed) for i in x.indices
                      if isinstance(i, sp.Symbol) and i in free}, key=str)
        if len(one_hot) == 1 and own:
            for c in own:
                try:
                    at_c = self.check_plain(claim, frag, vertex(left, {one_hot[0]: c}),
                                            vertex(right, {one_hot[0]: c}), shown)
                except Exception:  # noqa: BLE001 - this reading could not be checked: the refutation stands
                    continue
                if at_c and all(r.verdict in ("proved", "verified") for r in at_c):
                    return [_undecided(r, f"ambiguous: holds where the one-hot {one_hot[0]} has its 1 at {c} "
                                          f"({one_hot[0]}_{c} = 1), which the notes do not state; fails where it "
                                          f"is elsewhere ({r.reason[:60]})") for r in out]
        how = ", ".join(f"{n} one-hot (the prose says so), {n}_k = delta(k, c_{n})" for n in one_hot)
        return [StepReport(**{**r.__dict__, "method": f"{r.method}; {how}"}) for r in out]

    def integer_members(self, frag) -> tuple | None:
        r"""The names ``frag`` declares integers (``n, m \in \mathbb{N}``, ``i = 1, \ldots, n``, read by
        readers.latex.membership) as this reader's symbols: ``(names, least, most, step)``, ``most`` the parsed
        upper bound or None; None if it declares none."""
        found = integer_members(frag.content)
        if found is None:
            return None
        exprs = []
        for latex in [*found.names, *([found.most] if found.most is not None else [])]:
            try:
                parsed = [e for row in self.parse(latex, frag).rows for e in row.chain.exprs]
            except (LatexParseError, ValueError):
                return None
            if len(parsed) != 1 or not isinstance(parsed[0], sp.Expr):
                return None
            exprs.append(parsed[0])
        names = exprs[:len(found.names)]
        if not all(isinstance(n, sp.Symbol) for n in names):
            return None
        return names, found.least, exprs[len(found.names)] if found.most is not None else None, found.step

    def trailing_relations(self, frag, symbols, sides=tuple) -> tuple:
        r"""The relations of a condition that ends a claim's sentence after it ("$$x^{1/3} \le x$$ whenever $x \ge
        1$", "$\sqrt{x^2} = -x$ when $x$ is negative"), or that a sign in words gives a letter before it in its
        sentence ("For negative x we have"), on names of the claim: the claim's own condition; the values a "where"
        clause gives its names ("where $A = \tau$") (readers.notes.trailing_conditions); () if none."""
        after = words_after(self.lines, frag.line, frag.column, frag.source)
        found_math = trailing_conditions(after)
        if not found_math and 0 < frag.line <= len(self.lines):
            leading = leading_condition(text_before(self.lines, frag.kind, frag.line, frag.column))
            found_math = (leading,) if leading is not None else ()
        pairs, named = [], []
        for math in found_math:
            try:
                block = self.parse(math, frag)
            except Exception:  # noqa: BLE001 - prose that does not parse states no condition
                return ()
            equation = _one_equation(block) if defines(after) else None
            if equation is not None and isinstance(equation[0], AppliedUndef):
                continue  # "where $g(x) = ...$": a function defined, no condition (readers.notes.where_functions)
            value = _named_value(block) if defines(after) else None
            found = [value] if value is not None else condition_pairs(block, frozenset(self.section.functions))
            found = found or [(_summed_like_claim(sp.Eq(a, c), sides()).lhs, r, c) for a, r, c in _sum_to_one(block)]
            # "when $\sum_k y_k = 1$": sampled on the simplex (symbols._domains), over the claim's range of k
            solved = None if found else _solved_condition(block, symbols)
            if solved is not None:  # "\frac1p + \frac1q = 1": q = p/(p - 1), put in as a "where" value is
                named.append(solved)
                continue
            if not found:
                # "... = 1 - p_i when $\sum_k p_k = 1$": a relation the sampler cannot impose; a refutation on its
                # names would break the stated condition (narrower: undecided, the domain stated, not assumed)
                self.unread_conditions |= {x for row in block.rows if row.chain.rels for e in row.chain.exprs
                                           if isinstance(e, sp.Basic) for x in e.free_symbols}
                return ()
            (named if value is not None else pairs).extend(found)
        if not pairs and not named:
            return ()
        names = {x.name for x in symbols if isinstance(x, sp.Symbol)}
        relations = tuple(as_relations(pairs))
        # "for $a_i > 0$" after a sum over a[i]: the entry's index is the sum's, bound in the claim, so not a name of it
        arrays = {x.base.label.name for x in symbols if isinstance(x, sp.Indexed)} | names
        entry_indices = {i.name for r in relations for x in r.atoms(sp.Indexed) if x.base.label.name in arrays
                         for i in x.indices if isinstance(i, sp.Symbol)}
        mentioned = {x.name for r in relations for x in r.free_symbols if isinstance(x, sp.Symbol)} - entry_indices
        if relations and not (mentioned and mentioned <= names):
            return ()
        # "where $A = \tau$": the value as the claim reads it (tau = 1/sigma^2 above: A = 1/sigma^2), of a name it has
        return relations + tuple(sp.Eq(a, self.expand(b)) for a, _, b in named if a.name in names)

    def mean_reading(self, claim, lhs, rhs, shown, out: list, frag=None) -> list:
        r"""A refutation that reads ``\bar{x}`` as a number of its own beside the sample ``x_n`` of a sum, checked
        again with ``\bar{x}`` the sample's mean (readers.notes.sample_means): confirmed or refuted there, that is the
        verdict (the reading named); undecided there, the refutation is ambiguous.  With ``frag``, moments of a
        sample the section calls i.i.d. are read as such (``Var(\bar X) = \sigma^2/n``: readers.notes.iid_moments)."""
        if not any(r.verdict == "refuted" for r in out):
            return out
        means = as_means(lhs, rhs)
        if means is None:
            return out
        mean_lhs, mean_rhs, sizes, names = means
        reading = f"{', '.join(_show(n) for n in names)} read as the mean of the sample the sums run over"
        again = self.iid_moments(mean_lhs, claim.rel, mean_rhs, frag, shown) \
            if frag is not None and operators_in(mean_lhs, mean_rhs) else None
        if again is None:
            again = self.run_reading(dataclasses.replace(claim, conditions=tuple(claim.conditions) + sizes),
                                     mean_lhs, mean_rhs, shown)
        if again is None or again.verdict not in ("proved", "verified", "refuted"):
            return [_undecided(r, f"ambiguous: with {reading} it is {again.verdict if again else 'not checked'}; "
                                  f"read as free numbers it fails ({r.reason[:80]})") if r.verdict == "refuted" else r
                    for r in out]
        return [StepReport(**{**again.__dict__, "assumptions": (*again.assumptions, reading)})]

    def reading_up_to_constant(self, claim, frag, lhs, rhs, shown) -> StepReport | None:
        r""":meth:`run_reading`, or, where the sides add an unnamed constant (``+ C_2`` in a chain of antiderivatives,
        readers.notes.up_to_constant), the claim that some constant fits."""
        constant = up_to_constant.split(lhs, rhs, up_to_constant.cued(lhs, rhs, frag.sentence, frag.content)) \
            if claim.rel == "=" else None
        if constant is not None:
            return self.check_up_to_constant(*constant, claim, shown)
        return self.run_reading(claim, lhs, rhs, shown)

    def run_reading(self, claim, lhs, rhs, shown) -> StepReport | None:
        """The claim's sides read another way (``lhs``, ``rhs``), checked under its conditions (None: no step)."""
        step = self.step(lhs, "=" if claim.rel in ("equiv", ":=") else claim.rel, rhs, claim.conditions,
                         zero_based=claim.zero_based)
        return None if isinstance(step, str) else self.run(step, shown)

    def run_undefined_refutes(self, claim, lhs, rhs, shown) -> StepReport | None:
        """The claim checked with a point where one side has no value counted as a failure (None: no step)."""
        step = self.step(lhs, "=" if claim.rel in ("equiv", ":=") else claim.rel, rhs, claim.conditions,
                         zero_based=claim.zero_based)
        if isinstance(step, str) or step.rel not in ("=", "<", "<=", ">", ">="):
            return None
        return self.run(dataclasses.replace(step, undefined="refutes"), shown)

    def run(self, step: Step, shown: dict, *, one_based: bool = True, budget: float | None = None) -> StepReport:
        verdict = self.check_step(step, budget=self.budget if budget is None else min(budget, self.budget))
        kind = verdict.kind
        reason = verdict.reason
        if kind == "error":
            kind, reason = "undecided", f"the checker failed: {verdict.reason}"[:300]
        counterexample = verdict.counterexample if kind == "refuted" else None
        if counterexample and one_based and step.note == ONE_BASED:
            counterexample = _one_based(counterexample, step.indices)
        return StepReport(**shown, verdict=kind, method=verdict.method, reason=reason, counterexample=counterexample)

    def run_labelled(self, step: Step, shown: dict, label: dict) -> StepReport:
        report = self.run(step, shown)
        where = ", ".join(f"{k}={v}" for k, v in label.items())
        method = f"{report.method}; P over a random joint distribution at {where}"
        counterexample = {**label, **report.counterexample} if report.counterexample else None
        verdict = report.verdict
        if verdict == "proved" and any(k.startswith(SIZE_LABEL) for k in label):  # x_1, ..., x_n at n = 2 only
            verdict, method = "verified", method + " (the listed variables at that size only)"
        return StepReport(**{**report.__dict__, "verdict": verdict, "method": method,
                             "counterexample": counterexample})

    def check_limit(self, lhs, rhs, claim, shown, frag) -> list[StepReport]:
        context = self.section.limit
        if context is None:
            return [StepReport(**shown, verdict="undecided", reason="a limit without a stated variable "
                               "(write e.g. $z_i \\to \\infty$ before it)")]
        variable, points, _ = context
        out = []
        for point in points:
            concrete = _concrete_limit(lhs, rhs, variable, claim.conditions)
            label = {**shown, "lhs": f"{shown['lhs']} as {_show(variable)} -> {_show(point)}"}
            if isinstance(concrete, str):
                out.append(StepReport(**label, verdict="undecided", reason=concrete))
                continue
            left, right, var, values = concrete
            why = _unchecked(left, right)
            if why:
                out.append(StepReport(**label, verdict="undecided", reason=why))
                continue
            report = self.run(Step(left, right, "->", variable=var, point=point, domains=_domains([left, right], [])),
                              label)
            if report.counterexample is not None:
                report = StepReport(**{**report.__dict__, "counterexample": {**values, **report.counterexample}})
            out.append(report)
        return out
