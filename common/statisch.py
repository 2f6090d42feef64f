"""Static files from node_modules: only the built files listed in VENDOR_BESTANDEN are served (as
``/static/vendor/<path>``), never the rest of node_modules (sources, dev packages, test tools)."""

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import Error
from django.core.files.storage import FileSystemStorage

PREFIX = "vendor"


class VendorFinder(BaseFinder):
    def __init__(self, *args, **kwargs):
        self.storage = FileSystemStorage(location=settings.VENDOR_MAP)
        self.storage.prefix = PREFIX
        self.bestanden = set(settings.VENDOR_BESTANDEN)

    def check(self, **kwargs):
        return [Error(f"{pad} ontbreekt in node_modules (npm ci)", id="common.E001")
                for pad in sorted(self.bestanden) if not self.storage.exists(pad)]

    def find(self, path, find_all=False, **kwargs):
        voorvoegsel = PREFIX + "/"
        relatief = path[len(voorvoegsel):] if path.startswith(voorvoegsel) else None
        if relatief not in self.bestanden or not self.storage.exists(relatief):
            return []
        gevonden = self.storage.path(relatief)
        return [gevonden] if find_all else gevonden

    def list(self, ignore_patterns):
        for pad in sorted(self.bestanden):
            if self.storage.exists(pad):
                yield pad, self.storage
