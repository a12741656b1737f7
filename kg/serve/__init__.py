"""``kg serve`` — the store of a build as a SPARQL 1.1 Protocol endpoint, with the explorer.

* :mod:`kg.serve.server` — Oxigraph's own server behind a small ASGI app: the endpoint, the
  explorer page and a query page;
* :mod:`kg.serve.example_queries` — the example queries that query page offers (the saved ones
  of :mod:`kg.queries` among them).
"""
