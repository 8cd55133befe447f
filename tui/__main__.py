"""``python -m tui`` is ``closeread``."""

import sys

from .cli import main

sys.exit(main())
