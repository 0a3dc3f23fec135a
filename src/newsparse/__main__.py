"""``python -m newsparse`` runs the command line."""

import sys

from newsparse.cli import main

sys.exit(main())
