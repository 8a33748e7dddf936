"""``python -m kgbuild`` is the same as the ``kgbuild`` command."""

from .cli import main

if __name__ == "__main__":  # pragma: no cover
    main()
