"""A file-based mail backend for the Celery worker process in tests: the directory comes from the environment
(``EMAIL_FILE_PATH``), since the worker has its own settings and its own (invisible) locmem outbox."""

import os

from django.core.mail.backends import filebased


class MapBackend(filebased.EmailBackend):
    def __init__(self, *args, file_path=None, **kwargs):
        super().__init__(*args, file_path=file_path or os.environ["EMAIL_FILE_PATH"], **kwargs)
