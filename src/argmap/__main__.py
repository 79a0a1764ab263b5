"""Allow ``python -m argmap``."""

from argmap.cli import main

if __name__ == "__main__":
    main()
