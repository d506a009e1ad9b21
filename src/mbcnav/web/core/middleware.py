"""The one error renderer: any engine error (MbcnavError) becomes a plain page, status 400."""

from django.shortcuts import render

from mbcnav.errors import MbcnavError


class EngineErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, MbcnavError):
            return render(request, "error.html", {"message": str(exception)}, status=400)
        return None
