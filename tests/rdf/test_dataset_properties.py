"""RDF from hostile text and metadata: IRIs only from safe slugs, every graph writable, one
article's failure left out with a warning."""
from __future__ import annotations

import re

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset

from kg.read.corpus import Article
from kg.extract.entities import Mention
from kg.nlp.gazetteer import Gazetteer
from kg.rdf.dataset import KG, RES, article_iri, build_dataset, entity_slug, write_outputs
from kg.extract.relations import Actor, RelationMention
from kg.resolve import resolve
from kg.extract.triggers import RelationType

GAZ = Gazetteer({}, {}, {})
MET = RelationType("met", "040", "CONSULT", "met", "Met the object.")
TYPES = ["Person", "City", "State", "Organisation", "Location", "Group"]

# text with what breaks writers: lone surrogates, NUL and other controls, quotes, IRI delimiters
hostile_text = st.text(st.one_of(st.characters(codec=None), st.sampled_from(
    ["\ud800", "\udfff", "\x00", "\x1b", "\u2028", '"', "'", "\\", "<", ">", "{", "}", " ", "\n", "/", "#", "%"])),
    min_size=1, max_size=30)
metadata = st.fixed_dictionaries({"id": hostile_text, "text": hostile_text},
                                 optional={"title": hostile_text, "url": hostile_text,
                                           "date": st.sampled_from(["2022-03-03", "2024-02-29"])})


@given(kind=st.sampled_from(TYPES), label=hostile_text, place=st.none() | st.integers(1, 10**9))
@settings(max_examples=200, deadline=None)
def test_entity_iris_come_from_safe_slugs(kind, label, place):
    slug = entity_slug(kind, label, place)
    assert re.fullmatch(r"[a-z]+/[a-z0-9]+(?:-[a-z0-9]+)*", slug) and len(slug) <= 140
    ox.NamedNode(str(RES[slug]))


@given(value=hostile_text)
@settings(max_examples=200, deadline=None)
def test_article_iris_are_valid_whatever_the_id(value):
    iri = article_iri(Article(value, "x").id)
    ox.NamedNode(str(iri))
    assert re.fullmatch(r"[A-Za-z0-9%._~-]+", str(iri).rsplit("/", 1)[1])


@given(records=st.lists(st.tuples(metadata, hostile_text, hostile_text), min_size=1, max_size=3))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_text_and_metadata_make_a_graph_that_is_written_and_read_back(tmp_path_factory, records):
    articles, analyses = [], []
    for number, (meta, subject, obj) in enumerate(records):
        article = Article(**{**meta, "id": f"{meta['id']}-{number}"})
        first = Mention(subject, subject, "Person", 0, 1, 0, 1)
        second = Mention(obj, obj, "Organisation", 2, 3, 2, 3)
        relation = RelationMention(MET, "040", Actor(first, subject), Actor(second, obj), "asserted", subject,
                                   f"{subject} met {obj}", 0, evidence=(obj,))
        articles.append(article)
        analyses.append((article.id, [first, second], [], [relation]))
    problems = []
    dataset = build_dataset(articles, resolve(analyses, GAZ), include_ontology=False, on_problem=problems.append)
    assert problems == []
    out = tmp_path_factory.mktemp("rdf")
    paths = write_outputs(dataset, out)
    back = Dataset()
    back.parse(paths["trig"], format="trig")
    assert {article_iri(a.id) for a in articles} <= {g.identifier for g in back.graphs()}
    assert len(list(ox.parse(path=str(paths["ttl"]), format=ox.RdfFormat.TURTLE))) == len(set(
        (s, p, o) for s, p, o, _ in dataset.quads()))
    assert not list(out.glob(".*.tmp"))  # no temporary file left


def test_an_article_whose_rdf_cannot_be_made_is_left_out_with_a_warning(tmp_path):
    bad_type = RelationType("met in", "040", "CONSULT", "met in", "Not a name an IRI can end in.")
    good, bad = Article("good", "Kenya met Ghana.", source="feed.jsonl:1"), Article("bad", "Kenya met Chad.",
                                                                                      source="feed.jsonl:2")
    analyses = []
    for article, kind in ((good, MET), (bad, bad_type)):
        kenya = Mention("Kenya", "Kenya", "Organisation", 0, 1, 0, 5)
        other = Mention(article.text[10:14], article.text[10:14], "Organisation", 2, 3, 10, 14)
        analyses.append((article.id, [kenya, other], [], [RelationMention(
            kind, "040", Actor(kenya, "Kenya"), Actor(other, other.text), "asserted", "met", article.text, 0)]))
    problems = []
    dataset = build_dataset([good, bad], resolve(analyses, GAZ), include_ontology=False, on_problem=problems.append)
    assert [(p.code, p.path) for p in problems] == [("W301", "feed.jsonl:2")]
    assert "article left out" in str(problems[0]) and "\n" not in str(problems[0])
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert article_iri("good") in names and article_iri("bad") not in names
    write_outputs(dataset, tmp_path)
    assert (tmp_path / "kg.trig").read_text(encoding="utf-8").count(str(KG.met).split("#")[1]) > 0
