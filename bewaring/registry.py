"""Each app that stores personal data about a household registers how to anonymise it.

ANONIMISEERDERS: callables ``(huishouden_ids) -> None``, run inside the destruction transaction.
"""

ANONIMISEERDERS = []
