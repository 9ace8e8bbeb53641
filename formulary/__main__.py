"""``python -m formulary``: the same as the ``formulary`` command."""
import sys

from formulary.cli import main

sys.exit(main())
