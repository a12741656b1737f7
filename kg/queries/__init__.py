"""Saved SPARQL queries shipped with newsgraph: one ``.rq`` file each in this folder.

A file starts with comment lines that describe it::

    # title: Everything about one entity
    # description: Every triple the entity is part of …
    # param: entity — the entity's name or its IRI

and a parameter appears in the query exactly once, as ``VALUES ?entity { UNDEF }`` (so the file
is itself a valid query). :meth:`SavedQuery.bind` puts a value there as an RDF term serialised
by pyoxigraph — a literal with its quotes escaped, or a validated IRI — so no value can change
the query around it. The same text runs in ``kg query --saved`` and can be sent to any SPARQL
endpoint.

Examples
--------
>>> entity = saved_queries()["entity"]
>>> entity.title, list(entity.params)
('Everything about one entity', ['entity'])
>>> 'VALUES ?entity { "Kyiv \\\\"the\\\\" city" }' in entity.bind({"entity": 'Kyiv "the" city'})
True
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Mapping, NamedTuple

import pyoxigraph as ox

from kg.errors import KGError
from kg.rdf.query import PREFIXES

__all__ = ["SavedQuery", "saved_queries", "saved_query", "parameter_term"]

_HEADER = re.compile(r"#\s*(title|description|param)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"(\w+)\s*(?:—|--|-|:)\s*(.*)")
_PLACEHOLDER = re.compile(r"VALUES\s+\?(\w+)\s*\{\s*UNDEF\s*\}")
_PREFIXED = re.compile(r"([A-Za-z][\w.-]*):(.*)", re.DOTALL)
_LOCAL_ESCAPE = re.compile(r"\\(.)")


class SavedQuery(NamedTuple):
    """A saved query: its title, SPARQL text (with ``VALUES ?p { UNDEF }`` for each parameter),
    its parameters (name → what to give), a description and its name."""

    title: str
    text: str
    params: Mapping[str, str]
    description: str
    name: str

    def bind(self, values: Mapping[str, str] | None = None) -> str:
        """The query text with each parameter bound to a value (see :func:`parameter_term`).

        Raises
        ------
        KGError
            E408 when a parameter is missing, unknown, or not a valid IRI.
        """
        values = dict(values or {})
        unknown = sorted(set(values) - set(self.params))
        if unknown:
            takes = f"it takes {', '.join(self.params)}" if self.params else "it takes none"
            raise KGError("E408", f"the saved query {self.name!r} has no parameter {unknown[0]!r} ({takes})")
        missing = [name for name in self.params if name not in values]
        if missing:
            needed = " ".join(f"--param {name}=…" for name in missing)
            raise KGError("E408", f"the saved query {self.name!r} needs {needed} ({missing[0]}: {self.params[missing[0]]})")
        terms = {name: parameter_term(value, name) for name, value in values.items()}
        # str() of a pyoxigraph term is its N-Triples form, which SPARQL reads as the same term
        return _PLACEHOLDER.sub(lambda found: f"VALUES ?{found.group(1)} {{ {terms[found.group(1)]} }}", self.text)


def parameter_term(value: str, name: str = "value") -> ox.NamedNode | ox.Literal:
    """The RDF term a parameter value stands for.

    ``<…>``, an ``http(s)://`` IRI, or a prefixed name with a predeclared prefix (``res:state\\/ukr``,
    as ``kg query`` prints it) is an IRI; anything else is a plain literal, taken as it is.

    >>> parameter_term("res:state\\\\/ukr"), parameter_term("Kyiv")
    (<NamedNode value=https://w3id.org/newsgraph/resource/state/ukr>, <Literal value=Kyiv datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>)
    """
    text = value.strip()
    prefixed = _PREFIXED.fullmatch(text)
    if text.startswith("<") and text.endswith(">"):
        iri = text[1:-1]
    elif re.match(r"https?://", text, re.IGNORECASE):
        iri = text
    elif prefixed and prefixed.group(1) in PREFIXES:
        iri = PREFIXES[prefixed.group(1)] + _LOCAL_ESCAPE.sub(r"\1", prefixed.group(2))
    else:
        return ox.Literal(value)
    try:
        return ox.NamedNode(iri)
    except ValueError:
        raise KGError("E408", f"--param {name}: {value!r} is not a valid IRI") from None


def _read(name: str, source: str) -> SavedQuery:
    """A saved query from the text of its file; a malformed file is newsgraph's bug."""
    fields: dict[str, str] = {}
    params: dict[str, str] = {}
    for line in source.splitlines():
        if not line.startswith("#"):
            break
        header = _HEADER.match(line)
        if header and header.group(1) == "param":
            param = _PARAM.fullmatch(header.group(2))
            if not param:
                raise ValueError(f"{name}.rq: a param line needs 'name — description': {line!r}")
            params[param.group(1)] = param.group(2)
        elif header:
            fields[header.group(1)] = header.group(2)
    placeholders = _PLACEHOLDER.findall(source)
    if sorted(placeholders) != sorted(params) or "title" not in fields:
        raise ValueError(f"{name}.rq: needs a title, and one 'VALUES ?p {{ UNDEF }}' for each param "
                         f"(params {sorted(params)}, placeholders {sorted(placeholders)})")
    return SavedQuery(fields["title"], source, MappingProxyType(params), fields.get("description", ""), name)


@lru_cache(maxsize=1)
def _load() -> tuple[SavedQuery, ...]:
    folder = resources.files(__name__)
    found = [_read(entry.name.removesuffix(".rq"), entry.read_text(encoding="utf-8"))
             for entry in folder.iterdir() if entry.name.endswith(".rq")]
    return tuple(sorted(found, key=lambda query: query.name))


def saved_queries() -> dict[str, SavedQuery]:
    """Every saved query by name (the file name without ``.rq``), in name order."""
    return {query.name: query for query in _load()}


def saved_query(name: str) -> SavedQuery:
    """One saved query by name.

    Raises
    ------
    KGError
        E407 when there is no saved query of that name.
    """
    queries = saved_queries()
    if name not in queries:
        raise KGError("E407", f"no saved query {name!r}; kg query --list shows them: {', '.join(queries)}")
    return queries[name]
