r"""Names the prose calls a mapping: ``If $D$ is a mapping that doubles things, $Dx = 2x$``.

Such a name is not a number.  The notes give its action in words or by a formula the reader cannot take as a
definition (``$Dx = 2x$`` names ``Dx``), and then write ``$(D+T)x = 5x$``: read as numbers, ``D`` and ``T`` are free
and the claim fails at ``D = T = 1/2``, a refutation of a correct line.  A refutation that assigns a value to a name
the prose has called a mapping, a map or a transformation (``$D$ is a mapping``, ``a linear transformation $L$``)
rests on that misreading, so it is withdrawn (readers.notes.check.check_claim).
"""
from __future__ import annotations

import re

_KIND = r"(?:linear\s+)?(?:mapping|map|transformation)s?\b"
"""Not "operator": "$D$ denotes the differentiation operator" is read as such (readers.notes.operators), and a wrong
``Dt^3 = 3t`` is refuted through that reading."""
_NAME = r"\$\s*\\?([A-Za-z]+)\s*\$"
_CALLED = re.compile(_NAME + r"\s+(?:is|be|was|denotes|represents)\s+(?:a|an|the|some)\s+(?:[\w-]+\s+){0,2}?" + _KIND
                     + r"|\b(?:a|an|the)\s+" + _KIND + r"\s+" + _NAME, re.IGNORECASE)


def mapping_names(text: str) -> frozenset:
    r"""The names ``text`` calls a mapping, a map or a transformation (``D`` for "If $D$ is a mapping that doubles things")."""
    return frozenset(m.group(1) or m.group(2) for m in _CALLED.finditer(text))
