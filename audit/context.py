"""The current request (IP, request id) for the audit log, kept per request in a contextvar."""

import contextvars

_huidig = contextvars.ContextVar("audit_request", default=None)


def zet_request(request):
    return _huidig.set(request)


def herstel(token):
    _huidig.reset(token)


def huidig_request():
    return _huidig.get()
