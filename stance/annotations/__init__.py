"""Label Studio exports -> agreement figures and frame datasets (offline, no server needed).

>>> from stance.annotations import build_dataset, load_export
>>> records, summary = build_dataset(["annotations/dev_export.json"],
...                                  policy="annotator:annotator1@example.com")
>>> len(records), summary["conflicts"]                                       # doctest: +SKIP

* :func:`load_export` parses and validates one full JSON export (``.json``/``.json.gz``).
* :func:`build_dataset` merges exports into one record per quote under a policy
  (``majority``, ``ground_truth``, ``annotator:ID``).
* :func:`agreement` computes per-frame and overall inter-annotator agreement.
"""

from .agreement import agreement
from .dataset import POLICIES, RECORD_FIELDS, build_dataset
from .export import load_export

__all__ = ["agreement", "build_dataset", "load_export", "POLICIES", "RECORD_FIELDS"]
