# Two commands do all set-up on a fresh machine:
#   make demo   — virtualenv, install, build the sample corpus afresh into output/
#   make test   — virtualenv, install (with test tools and chromium), run every test
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: demo test install browser clean

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build --rebuild -o output

browser:
	@test -x /usr/bin/chromium || scripts/install-chromium.sh

test: $(STAMP) browser
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) output/kg.ttl output/kg.trig output/explorer.html output/explorer-vis.html output/store output/.newsgraph \
	       output/graph.graphml output/graph.gexf output/nodes.csv output/edges.csv
