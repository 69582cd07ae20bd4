"""Experiments: configs -> runs (TF-IDF and BERT), prediction, comparison, offline pretraining.

* :mod:`~stance.experiments.config` reads and validates a YAML experiment config.
* :mod:`~stance.experiments.data` loads Label Studio exports, dataset JSONL, any JSONL or CSV.
* :mod:`~stance.experiments.tfidf` / :mod:`~stance.experiments.bert` are the two model types,
  behind one adapter interface in :mod:`~stance.experiments.models`.
* :mod:`~stance.experiments.experiment` runs cross-validation or a fixed test split into an
  atomic run directory (:mod:`~stance.experiments.runs`), scored by
  :mod:`~stance.experiments.evaluate` with bootstrap CIs and plotted by
  :mod:`~stance.experiments.plots`.
* :mod:`~stance.experiments.predict` scores JSONL with a run; :mod:`~stance.experiments.compare`
  tests two runs against each other; :mod:`~stance.experiments.pretrain` makes a small Arabic
  BERT offline.

Heavy libraries (torch, transformers) are imported only where a BERT model is used.
"""
