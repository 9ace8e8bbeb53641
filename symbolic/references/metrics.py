"""Confusion-matrix metrics, from the counts."""


def accuracy(TP, TN, FP, FN):
    return (TP + TN) / (TP + TN + FP + FN)


def precision(TP, FP):
    return TP / (TP + FP)


def recall(TP, FN):
    return TP / (TP + FN)


def f1_score(TP, FP, FN):
    return 2 * TP / (2 * TP + FP + FN)
