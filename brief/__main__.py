"""python -m brief --week 2025-W31 --lang fr --format md --out brief.md (see brief/cli.py)."""

import sys

from brief.cli import main

sys.exit(main())
