"""The Label Studio round trip: labeling config, server connection, push and pull.

* :func:`label_config` — the labeling config generated from :mod:`stance.frames`.
* :class:`Connection` — URL/API key from arguments or ``LABEL_STUDIO_URL`` /
  ``LABEL_STUDIO_API_KEY``; one-line :class:`LabelStudioError` messages that never hold the key.
* :func:`push_quotes` — create/reuse a project and import quotes keyed by ``quote_id``.
* :func:`pull_export` — save the project's full JSON export as a new snapshot.

``label_studio_sdk`` is heavy; it is imported only when a server is actually contacted.
Parsing exports needs no server: see :mod:`stance.annotations`.
"""

from .client import Connection, LabelStudioError
from .config import label_config
from .pull import pull_export
from .push import push_quotes

__all__ = ["Connection", "LabelStudioError", "label_config", "pull_export", "push_quotes"]
