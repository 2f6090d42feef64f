"""Each app that stores personal data about a household registers how to anonymise it.

ANONIMISEERDERS: callables ``(huishouden_ids) -> None``, run inside the destruction transaction.
NIEUW_SINDS: callables ``(huishouden_ids, sinds) -> {huishouden_id: reason}`` naming the households that came back
(a new melding, request...) since the list was drawn up: those are skipped at execution.
"""

ANONIMISEERDERS = []
NIEUW_SINDS = []
