"""After the store: the graph as a network, its figures, the explorer page and files for other tools.

* :mod:`kg.explore.network` — the store projected as a networkx network (entities as nodes,
  relation mentions as edges);
* :mod:`kg.explore.analytics` — what the graph holds and who is central in it (``kg stats``);
* :mod:`kg.explore.page` — what the explorer page shows, read from the store, and the page
  written (``kg build``, ``kg explore``) by :mod:`kg.explore.explorer` (sigma.js, WebGL) or
  :mod:`kg.explore.explorer_vis` (pyvis and vis-network, without WebGL);
* :mod:`kg.explore.export` — the network as GraphML, GEXF and CSV, and the store as N-Quads
  (``kg export``).
"""
