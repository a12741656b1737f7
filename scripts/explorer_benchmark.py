"""The explorer at scale (``scripts/benchmark.py explorer``).

Generates stores in newsgraph's vocabulary — entities of every type with alternative names,
GeoNames links and place links, articles with titles, dates and URLs, and four relation
mentions per entity (hubs by preferential attachment; some claims, some with an unknown actor
or no object, each with sentence, trigger, confidence) — then times ``kg explore`` on each
(the command, as a user runs it: projection, centrality, page) and opens the page in headless
chromium (Debian's, through playwright) to time the first paint, ``window.newsgraph.ready``
(interactive) and the end of the in-page layout. Targets: ready < 5 s and ``kg explore``
< 10 s at 5,000 entities / 20,000 relation mentions.
"""
from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.data import ontology_path  # noqa: E402
from kg.rdf.dataset import ONTOLOGY_GRAPH  # noqa: E402
from kg.extract.triggers import trigger_lexicon  # noqa: E402

KG = "https://w3id.org/newsgraph/ontology#"
RES = "https://w3id.org/newsgraph/resource/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
OWL = "http://www.w3.org/2002/07/owl#"
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"
XSD = "http://www.w3.org/2001/XMLSchema#"
CHROMIUM = "/usr/bin/chromium"
TYPES = [("Person", 0.35), ("Organisation", 0.2), ("City", 0.15), ("State", 0.05), ("Group", 0.15), ("Location", 0.1)]
MODALITIES = [("asserted", 0.78), ("reported", 0.06), ("negated", 0.04), ("hypothetical", 0.04), ("intended", 0.08)]
SYLLABLES = "ka lo mi ra ne to vu sha dri el an or is ul ber gan tov zen pol mar".split()


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _name(rng: random.Random, words: int) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
                    for _ in range(words))


def generate_store(folder: Path, entities: int, per_entity: int = 4, seed: int = 7) -> dict[str, int]:
    """A store of ``entities`` entities and ``per_entity`` relation mentions each in ``folder/store``."""
    rng = random.Random(seed)
    store = ox.Store(str(folder / "store"))
    store.bulk_load(path=str(ontology_path("kg.ttl")), format=ox.RdfFormat.TURTLE, to_graph=_n(str(ONTOLOGY_GRAPH)))
    relations = sorted({r.name for r in trigger_lexicon().relations})
    plover = {r.name: r.plover for r in trigger_lexicon().relations}
    entity_graph = _n(RES + "graph/entities")
    quads: list[ox.Quad] = []
    nodes, states = [], []
    kinds = rng.choices([t for t, _ in TYPES], [w for _, w in TYPES], k=entities)
    for number, kind in enumerate(kinds):
        iri = _n(f"{RES}{kind.lower()}/e{number}")
        nodes.append(iri)
        quads += [ox.Quad(iri, _n(RDF + "type"), _n(KG + kind), entity_graph),
                  ox.Quad(iri, _n(RDFS + "label"), ox.Literal(_name(rng, 2 if kind == "Person" else 1)), entity_graph)]
        for _ in range(rng.choice((0, 0, 1, 2))):
            quads.append(ox.Quad(iri, _n(SKOS + "altLabel"), ox.Literal(_name(rng, 1)), entity_graph))
        if kind == "State":
            states.append(iri)
            quads.append(ox.Quad(iri, _n(KG + "countryCode"), ox.Literal(f"X{number % 676:03d}"[:3]), entity_graph))
        if kind in ("City", "Location"):
            quads += [ox.Quad(iri, _n(OWL + "sameAs"), _n(f"https://sws.geonames.org/{100000 + number}/"), entity_graph),
                      ox.Quad(iri, _n(GEO + "lat"), ox.Literal(f"{rng.uniform(-60, 60):.4f}", datatype=_n(XSD + "decimal")), entity_graph),
                      ox.Quad(iri, _n(GEO + "long"), ox.Literal(f"{rng.uniform(-170, 170):.4f}", datatype=_n(XSD + "decimal")), entity_graph)]
    for iri, kind in zip(nodes, kinds):
        if kind in ("City", "Location") and states:
            quads.append(ox.Quad(iri, _n(KG + "locatedIn"), rng.choice(states), entity_graph))
    mentions = entities * per_entity
    article_count = max(1, mentions // 8)
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(entities)]      # a few hubs, a long tail
    order = list(range(entities))
    rng.shuffle(order)
    weights = [weights[order[i]] for i in range(entities)]
    articles = []
    for number in range(article_count):
        article = _n(f"{RES}article/a{number}")
        graph = article
        date = f"2022-{1 + number % 12:02d}-{1 + number % 28:02d}"
        articles.append((article, date))
        quads += [ox.Quad(article, _n(RDF + "type"), _n(KG + "Article"), graph),
                  ox.Quad(article, _n(DCT + "identifier"), ox.Literal(f"a{number}"), graph),
                  ox.Quad(article, _n(DCT + "title"), ox.Literal(f"{_name(rng, 3)} talks resume as {_name(rng, 1)} weighs sanctions"), graph),
                  ox.Quad(article, _n(DCT + "date"), ox.Literal(date, datatype=_n(XSD + "date")), graph),
                  ox.Quad(article, _n(DCT + "source"), _n(f"https://news.example/{number}"), graph)]
    subjects = rng.choices(range(entities), weights, k=mentions)
    objects = rng.choices(range(entities), weights, k=mentions)
    for number in range(mentions):
        article, date = articles[number % article_count]
        graph = article
        mention = _n(f"{RES}mention/a{number % article_count}/{number}")
        relation = rng.choice(relations)
        modality = rng.choices([m for m, _ in MODALITIES], [w for _, w in MODALITIES])[0]
        subject_name, object_name = f"s{subjects[number]}", f"o{objects[number]}"
        roll = rng.random()
        subject = nodes[subjects[number]] if roll > 0.04 else _n(f"{mention.value}/subject")
        obj = None if 0.04 < roll < 0.07 else nodes[objects[number]]
        if roll <= 0.04:
            quads += [ox.Quad(subject, _n(RDF + "type"), _n(KG + "UnknownActor"), graph),
                      ox.Quad(subject, _n(RDFS + "label"), ox.Literal("unknown actor"), graph)]
        sentence = (f"Officials said on Monday that {subject_name} had {relation} {object_name} after weeks of "
                    f"talks near the border, according to a statement carried by {_name(rng, 1)} media.")
        quads += [ox.Quad(mention, _n(RDF + "type"), _n(KG + "RelationMention"), graph),
                  ox.Quad(mention, _n(RDF + "subject"), subject, graph),
                  ox.Quad(mention, _n(RDF + "predicate"), _n(KG + relation), graph),
                  ox.Quad(mention, _n(KG + "sentence"), ox.Literal(sentence), graph),
                  ox.Quad(mention, _n(KG + "modality"), ox.Literal(modality), graph),
                  ox.Quad(mention, _n(KG + "trigger"), ox.Literal(relation), graph),
                  ox.Quad(mention, _n(KG + "plover"), ox.Literal(plover[relation]), graph),
                  ox.Quad(mention, _n(KG + "confidence"), ox.Literal(f"{rng.uniform(0.3, 0.95):.2f}", datatype=_n(XSD + "decimal")), graph),
                  ox.Quad(mention, _n(PROV + "wasDerivedFrom"), article, graph),
                  ox.Quad(mention, _n(DCT + "date"), ox.Literal(date, datatype=_n(XSD + "date")), graph),
                  ox.Quad(mention, _n(KG + "subjectText"), ox.Literal(subject_name), graph)]
        if obj is not None:
            quads += [ox.Quad(mention, _n(RDF + "object"), obj, graph),
                      ox.Quad(mention, _n(KG + "objectText"), ox.Literal(object_name), graph)]
            if modality == "asserted" and subject is nodes[subjects[number]]:
                quads.append(ox.Quad(subject, _n(KG + relation), obj, graph))
        for end in (subject, obj):
            if end is not None and "/mention/" not in end.value:   # not an unknown actor
                quads.append(ox.Quad(article, _n(KG + "mentions"), end, graph))
    store.bulk_extend(quads)
    store.flush()
    del store
    return {"entities": entities, "mentions": mentions, "articles": article_count}


def time_explore(folder: Path, max_nodes: int) -> float:
    """Seconds for ``kg explore -o folder`` as a user runs it (a new process)."""
    command = [sys.executable, "-m", "kg", "explore", "-o", str(folder), "--max-nodes", str(max_nodes)]
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def wait_until(page, expression: str, seconds: float) -> None:
    """Poll ``expression`` (the page's CSP forbids the eval that wait_for_function uses)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(f"Boolean({expression})"):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{expression} not true after {seconds} s")
        page.wait_for_timeout(20)


def time_page(path: Path, runs: int) -> list[dict[str, float]]:
    """First paint, ready and layout end (seconds from navigation), in headless chromium."""
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=["--headless", "--no-sandbox", "--disable-gpu"])
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 850})
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(path.as_uri())
            wait_until(page, "window.newsgraph && window.newsgraph.ready", 120)
            wait_until(page, "window.newsgraph.layoutDone", 300)
            timing = page.evaluate("""() => {
                const paint = performance.getEntriesByName('first-paint')[0] ||
                              performance.getEntriesByName('first-contentful-paint')[0];
                return {paint: paint ? paint.startTime : NaN, ready: window.newsgraph.readyAt,
                        layout: window.newsgraph.layoutAt, nodes: window.newsgraph.nodes,
                        edges: window.newsgraph.edges};
            }""")
            started = time.perf_counter()
            page.evaluate("kgExplorer.selectNode(kgGraph.nodes()[0], false)")
            timing["click"] = (time.perf_counter() - started) * 1000
            if errors:
                raise RuntimeError(f"the page failed: {errors[0]}")
            results.append(timing)
            page.close()
        browser.close()
    return results


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="benchmark.py explorer", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000", help="entity counts, comma-separated")
    parser.add_argument("--per-entity", type=int, default=4, help="relation mentions per entity")
    parser.add_argument("--runs", type=int, default=2, help="page loads per size (the best is printed)")
    parser.add_argument("--keep", type=Path, help="keep the generated stores and pages in this folder")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="kg-explorer-bench-")) if args.keep is None else args.keep
    print(f"{'entities':>8} {'mentions':>8} {'page MB':>7} {'kg explore':>10} {'first paint':>11} "
          f"{'ready':>7} {'layout':>7} {'drawn':>13} {'select':>7}")
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            folder = work / f"n{size}"
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            counts = generate_store(folder, size, args.per_entity)
            explore = time_explore(folder, max(5000, size))
            page = folder / "explorer.html"
            timings = time_page(page, args.runs)
            best = min(timings, key=lambda t: t["ready"])
            print(f"{counts['entities']:>8} {counts['mentions']:>8} {page.stat().st_size / 1e6:>7.1f} "
                  f"{explore:>8.1f} s {best['paint'] / 1000:>9.2f} s {best['ready'] / 1000:>5.2f} s "
                  f"{best['layout'] / 1000:>5.2f} s {best['nodes']:>5} n {best['edges']:>5} e {best['click']:>4.0f} ms",
                  flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print("targets at 5,000 entities / 20,000 mentions: ready < 5 s, kg explore < 10 s "
          "(first paint, ready and layout are from navigation start; select = one entity chosen through the page's API)")
    return 0
