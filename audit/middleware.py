import uuid

from audit import context


class RequestContextMiddleware:
    """Gives every request an id (or takes the proxy's X-Request-ID) for the audit log."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request.headers.get("X-Request-ID", "")[:64] or uuid.uuid4().hex
        token = context.zet_request(request)
        try:
            response = self.get_response(request)
        finally:
            context.herstel(token)
        response["X-Request-ID"] = request.request_id
        return response
