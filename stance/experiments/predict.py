"""Score a JSONL file with a finished run's model, streaming.

Every input record is written back unchanged with four fields added: ``pred_labels`` (a list),
``pred_scores`` ({label: probability}), ``run`` (the run id) and ``run_dir`` (the run
directory's absolute path, where ``stance report`` finds the run's calibration data); one output line per input
record, in input order. Records are read and scored in chunks (BERT sorts each chunk by length
and pads per batch), so memory stays flat on large inputs. The output file appears only when
every record has been scored.
"""

from __future__ import annotations

import json
from pathlib import Path

from stance.experiments.models import load_model
from stance.experiments.runs import open_run, read_run_json
from stance.io import InputError, atomic_output, iter_jsonl

ADDED_FIELDS = ("pred_labels", "pred_scores", "run", "run_dir")


def _score_chunk(model, records, texts, run_id, run_path, out):
    scores = model.scores(texts)
    decisions = model.decide(scores)
    for rec, s, d in zip(records, scores, decisions):
        rec = dict(rec)
        rec["pred_labels"] = model.labels_of(d)
        rec["pred_scores"] = {lab: round(float(v), 6) for lab, v in zip(model.labels, s)}
        rec["run"] = run_id
        rec["run_dir"] = run_path
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")


def predict_file(run_dir: str | Path, input_path: str | Path, output_path: str | Path | None,
                 *, text_field: str | None = None, batch_size: int | None = None,
                 chunk_size: int = 4096, progress: bool = True) -> int:
    """Score ``input_path`` into ``output_path`` (``-``/None: stdout); return the record count."""
    from tqdm.auto import tqdm

    run_dir = open_run(run_dir)
    run_id = read_run_json(run_dir, "run.json").get("id", run_dir.name)
    run_path = str(Path(run_dir).resolve())
    model = load_model(run_dir / "model", progress=False)
    if batch_size is not None:
        for m in getattr(model, "members_", None) or [model]:
            if m.type == "bert":
                m.params["eval_batch_size"] = batch_size
    field = text_field or model.text_field
    n = 0
    bar = tqdm(desc="scoring", unit="rec", disable=not progress)
    with atomic_output(output_path) as out:
        records, texts = [], []
        for lineno, rec in iter_jsonl(input_path):
            text = rec.get(field)
            if not isinstance(text, str):
                what = "has no text field" if field not in rec else \
                    f"text must be a string, got {type(text).__name__}"
                raise InputError(f"record {what} (the run's text field; see --text-field)",
                                 input_path, lineno, field)
            records.append(rec)
            texts.append(text)
            if len(records) >= chunk_size:
                _score_chunk(model, records, texts, run_id, run_path, out)
                n += len(records)
                bar.update(len(records))
                records, texts = [], []
        if records:
            _score_chunk(model, records, texts, run_id, run_path, out)
            n += len(records)
            bar.update(len(records))
    bar.close()
    return n
