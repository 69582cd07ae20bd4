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

bench: setup
	.venv/bin/python benchmarks/extract_speed.py
