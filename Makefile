# The two commands of the README:
#   make demo   set up .venv/ and run the main job on the bundled data
#   make test   set up .venv/ (+ a Label Studio server venv) and run the test suite
.PHONY: setup demo test bench

setup:
	.ci/setup.sh

demo: setup
	.venv/bin/stance demo

test:
	.ci/test.sh

# Figures (printed, never asserted): extraction speed and memory on the ANT pool, extraction on
# people the registry does not know (dev and dev2 with a registry of leaders only), TF-IDF CV
# time and batched vs one-at-a-time BERT inference (needs ../shared/corpus and a pretrained model).
bench: setup
	.venv/bin/python tests/benchmarks/extract_speed.py
	.venv/bin/python tests/benchmarks/unknown_people.py
	.venv/bin/python tests/benchmarks/experiments_speed.py
