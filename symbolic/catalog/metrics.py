r"""Classification metrics from the confusion-matrix counts $TP, TN, FP, FN$."""
from sympy import Symbol

from symbolic.domains import Count
from symbolic.record import Definition, Discrepancy, Formula, Output, Var
from symbolic.references import metrics as ref
from symbolic.registry import register

TP, TN, FP, FN = (Symbol(s, integer=True, nonnegative=True) for s in ("TP", "TN", "FP", "FN"))
COUNT = Count(lo=0, hi=1000, large=1e12)


def _count(sym, text):
    return Var(sym, COUNT, (), text)


TP_, TN_ = _count(TP, "true positives"), _count(TN, "true negatives")
FP_, FN_ = _count(FP, "false positives"), _count(FN, "false negatives")
precision, recall = Symbol("Precision"), Symbol("Recall")

register(Formula(
    id="accuracy",
    title="Accuracy",
    section="metrics",
    source="Some Criteria: Accuracy",
    outputs=(Output(Symbol("ACC"), (TP + TN) / (TP + TN + FP + FN)),),
    variables=(TP_, TN_, FP_, FN_),
    conditions=(TP + TN + FP + FN > 0,),
    reference=ref.accuracy,
))

register(Formula(
    id="precision",
    title="Precision",
    section="metrics",
    source="Some Criteria: Precision",
    outputs=(Output(precision, TP / (TP + FP)),),
    variables=(TP_, FP_),
    conditions=(TP + FP > 0,),
    reference=ref.precision,
))

register(Formula(
    id="recall",
    title="Recall",
    section="metrics",
    source="Some Criteria: Recall",
    outputs=(Output(recall, TP / (TP + FN)),),
    variables=(TP_, FN_),
    conditions=(TP + FN > 0,),
    reference=ref.recall,
))

register(Formula(
    id="f1_score",
    title="F1 score",
    section="metrics",
    source="Some Criteria: F1 Score",
    definitions=(Definition(precision, TP / (TP + FP)), Definition(recall, TP / (TP + FN))),
    outputs=(Output(Symbol("F1"), 2 * precision * recall / (precision + recall)),),
    variables=(TP_, FP_, FN_),
    conditions=(TP >= 1,),
    reference=ref.f1_score,
    discrepancies=(
        Discrepancy(
            "remark",
            r"$F1 = 2 \cdot \frac{Precision \cdot Recall}{Precision + Recall}$ (no domain stated)",
            r"defined only for $TP \ge 1$ (at $TP = 0$ it is $0/0$); there it equals "
            r"$\frac{2TP}{2TP + FP + FN}$, which extends it to $TP = 0$, $FP + FN > 0$ with value 0",
            "f1_forms",
        ),
    ),
    notes="The seed's harmonic mean is kept as the definition; the reference computes the count form "
          "2TP / (2TP + FP + FN), so the verifier also checks the two forms agree for TP >= 1.",
))
