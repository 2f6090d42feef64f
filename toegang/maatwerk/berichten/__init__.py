"""iWmo / iJw release 3.2 messages: the 301 the gemeente sends, the 305/307 the provider answers.

``opbouw`` builds and validates the 301 (one message per client, batched per provider per day), ``ontvangst``
reads an incoming 305/307 and records start and stop of care, ``codelijsten`` holds the national code lists
(data in ``codelijsten.json``), ``xsd/`` the schemas every message is validated against.
"""
