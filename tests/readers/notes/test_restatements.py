r"""A formula written again after a name in it was defined ("... and our loss becomes"): checked against the form
written before, with the new definition substituted (readers.notes.restatements).  Made-up notes, each with a
planted mistake, its correct counterpart, and the cases where the reading must not fire."""
from readers.notes.check import check_notes


def block_at(text, latex):
    (block,) = [b for b in check_notes(text, path="<test>", budget=5.0).blocks if latex in b.source]
    return block


_HINGE = ("## A squared loss\n\n"
          "For a predictor $g$ the loss over the data is\n\n$$R(w) = \\sum_{k=1}^{n} (g(u_k) - t_k)^2.$$\n\n"
          "## Linear predictors\n\n"
          "Take $g(u) = w u + c$. Then our loss CUE\n\n$$R(w) = RHS.$$\n")


def _hinge(cue, rhs):
    return _HINGE.replace("CUE", cue).replace("RHS", rhs)
_RIGHT = "\\sum_{k=1}^{n} (w u_k + c - t_k)^2"
_WRONG = "\\sum_{k=1}^{n} (w u_k - c - t_k)^2"  # the sign of the intercept flipped


def test_a_wrong_restatement_after_a_new_definition_is_refuted_with_a_counterexample():
    block = block_at(_hinge("becomes", _WRONG), "w u_k - c")
    assert block.verdict == "refuted", block.steps
    (step,) = [s for s in block.steps if s.verdict == "refuted"]
    assert "line 5" in step.lhs and "g" in step.lhs  # names the form it restates and what changed
    assert float(step.counterexample["c"]) != 0  # with c = 0 the two forms agree: a real counterexample moves c


def test_the_right_restatement_is_confirmed():
    block = block_at(_hinge("becomes", _RIGHT), "w u_k + c")
    assert block.verdict in ("proved", "verified"), block.steps


def test_without_the_cue_the_row_is_a_new_formula_and_not_refuted():
    block = block_at(_hinge("is", _WRONG), "w u_k - c")
    assert block.verdict != "refuted", block.steps


def test_nothing_defined_since_the_earlier_form_means_no_restatement():
    # the earlier form has no name defined after it: "becomes" here introduces another loss, not the same one
    note = ("## Losses\n\nThe loss is $$R(w) = \\sum_{k=1}^{n} (w u_k - t_k)^2.$$\n\n"
            "With a penalty our loss becomes\n\n$$R(w) = \\sum_{k=1}^{n} (w u_k - t_k)^2 + w^2.$$\n")
    block = block_at(note, "+ w^2")
    assert block.verdict != "refuted", block.steps


def test_a_log_likelihood_restated_with_a_new_model_is_checked():
    # the left side is defined nowhere (log L); the earlier form makes the restatement checkable
    note = ("## Likelihood\n\nFor a model $q$ the log-likelihood of a label $y$ is\n\n"
            "$$\\log L(\\theta) = y \\log q(v) + (1 - y) \\log(1 - q(v)).$$\n\n"
            "## A probit-free model\n\nNow let $q(v) = \\frac{1}{1 + e^{-\\beta v}}$ and the log-likelihood becomes\n\n"
            "$$\\log L(\\beta) = {}.$$\n")
    wrong = "y \\log q - (1 - y) \\log(1 + e^{-\\beta v})".replace("q", "\\frac{1}{1 + e^{-\\beta v}}")
    right = "-y \\log(1 + e^{-\\beta v}) + (1 - y) \\log\\frac{e^{-\\beta v}}{1 + e^{-\\beta v}}"
    assert block_at(note.replace("{}", wrong), "\\log L(\\beta)").verdict == "refuted"
    assert block_at(note.replace("{}", right), "\\log L(\\beta)").verdict in ("proved", "verified")


def test_a_form_that_adds_a_name_is_another_formula_not_a_restatement():
    # the penalty's lambda is in neither the earlier form nor the new definition: a new loss, not the old one
    block = block_at(_hinge("becomes", _WRONG + " + \\lambda w^2"), "\\lambda w^2")
    assert block.verdict != "refuted", block.steps


def test_substituting_we_get_is_the_same_cue():
    note = _hinge("becomes", _WRONG).replace("Then our loss becomes", "Substituting $g$ into the loss we get")
    assert block_at(note, "w u_k - c").verdict == "refuted"
    assert block_at(note.replace(_WRONG, _RIGHT), "w u_k + c").verdict in ("proved", "verified")
