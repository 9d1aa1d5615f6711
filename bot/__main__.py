"""`python -m bot` is the same as `smartcity-bot`."""

import sys

from bot.cli import main

sys.exit(main())
