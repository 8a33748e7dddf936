"""The entity layer of one document: names found and cleaned (mentions), typed from context,
names the model missed, and pronouns and descriptions linked to them (coreference).

Resolution across documents is the next stage, in ``kgbuild.resolve``.
"""

from .coref import add_coreferences
from .mentions import extract_mentions

__all__ = ["add_coreferences", "extract_mentions"]
