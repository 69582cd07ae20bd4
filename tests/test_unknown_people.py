"""The unknown-people benchmark (tests/benchmarks/unknown_people.py): its reduced registry keeps
heads of state, heads of government and foreign ministers, and nobody else of people.yaml."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parent / "benchmarks" / "unknown_people.py"


def test_the_reduced_registry_knows_leaders_and_not_the_other_people(tmp_path):
    spec = importlib.util.spec_from_file_location("unknown_people", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    reg, kept, total = mod.reduced_registry(tmp_path)
    assert 0 < kept < total
    leader = reg.resolve("الرئيس السوري بشار الأسد", date="2018-04-14")
    assert (leader.known, leader.country) == (True, "SYR")
    # the UN envoy is in people.yaml, not as a head of state, government or foreign minister
    envoy = reg.resolve("ستافان دي ميستورا", date="2018-04-14")
    assert not envoy.known
    assert mod.Registry.load().resolve("ستافان دي ميستورا", date="2018-04-14").known
    body = reg.resolve("وزارة الخارجية الروسية")  # bodies stay
    assert (body.known, body.country) == (True, "RUS")


def test_a_missing_gold_file_is_one_line_and_nothing_else(tmp_path, capsys):
    import pytest

    spec = importlib.util.spec_from_file_location("unknown_people", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    with pytest.raises(SystemExit) as e:
        mod.main([str(tmp_path / "missing.jsonl")])
    assert str(e.value).startswith("unknown_people.py: error: ") and "missing.jsonl" in str(e.value)
    assert capsys.readouterr().out == ""  # no table started
