"""``python -m analysis.extract FILE...`` (the lead wires ``python -m analysis extract``)."""
import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
