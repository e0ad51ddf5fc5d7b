"""SKOS in Turtle and in JSON-LD, built with rdflib: a bilingual concept scheme.

Each concept is a ``skos:Concept`` in one ``skos:ConceptScheme`` (and an
instance of its kind's class), with ``skos:prefLabel`` in ``@en`` and ``@ko``,
``skos:altLabel`` for its aliases (``@ko`` when written in Hangul, else
``@en``), ``skos:definition`` for both summaries, ``skos:notation`` for its
id and ``rdfs:seeAlso`` for an http(s) docs link.

Every relation is a property of its own in the ``awskg:`` namespace, with
``rdfs:label`` and ``awskg:inverseLabel`` in both languages (the Korean ones
read over A and B: ``A는 B에서 실행된다``) and its description; a fact is one
triple ``<eks> awskg:runs-on <fargate>``. A relation with the ``hierarchy``
trait (is-a, part-of, ...) is also ``rdfs:subPropertyOf skos:broader``, and
each of its facts is stated as ``skos:broader`` and ``skos:narrower`` too.

Properties (what a concept is like) are triples from the concept through the
dimension's property (``dim:osi-layer``) to the value (``val:osi-layer/l4``),
dimensions and values carrying their labels in both languages.

Sources and notes sit on **reified statements**: an ``rdf:Statement`` naming
the fact's subject, predicate and object, with ``dcterms:source`` (an IRI for
an http(s) source, else a literal) and ``rdfs:comment`` in both languages.
Reification rather than RDF-star, because it is plain RDF 1.1: every SPARQL
engine and JSON-LD reader takes it, where RDF-star needs RDF 1.2 support that
rdflib and JSON-LD 1.1 do not have.

The IRIs live under ``https://awskg.invalid/`` (a reserved domain: they name
things and do not resolve).

Namespaces never mix: relations are ``awskg:`` lowercase slugs, so the
exporter's own terms there are camelCase (``awskg:inverseLabel``,
``awskg:hasTrait``, ``awskg:onDimension``, ``awskg:Value``), which no pack can
name a relation (a relation named ``trait`` once took over the exporter's
term); dimensions are ``dim:``; and a fact's statement is
``statement:fact/…`` and a property's ``statement:property/…``, so a
dimension named like a relation never shares one (the built-in fact once cited
an overlay's source).
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

import networkx as nx

from awskg.explorer.sentences import relation_label
from awskg.graph.model import KnowledgeGraph
from awskg.graph.vocabulary import Relation

if TYPE_CHECKING:
    from rdflib import Graph as RdfGraph

__all__ = ["BASE", "NAMESPACES", "render_jsonld", "render_skos", "to_rdf"]

BASE = "https://awskg.invalid/"
#: prefix -> namespace IRI, used in both serialisations
NAMESPACES = {
    "awskg": BASE + "ns#",
    "concept": BASE + "concept/",
    "kind": BASE + "kind/",
    "dim": BASE + "dimension/",
    "val": BASE + "value/",
    "statement": BASE + "statement/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
#: an http(s) URL Turtle can write as an IRI (no space, quote or bracket); the scheme in any case
_IRI = re.compile(r'^(?i:https?)://[^\s<>"{}|\\^`]+$')


def render_skos(kg: KnowledgeGraph, graph: nx.MultiDiGraph[str], lang: str = "en") -> str:
    """The slice as Turtle.

    >>> import awskg
    >>> from awskg.explorer.view import select
    >>> from awskg.exports.subgraph import sliced
    >>> kg = awskg.load()
    >>> turtle = render_skos(kg, sliced(kg, select(kg, focus="fargate")))
    >>> "concept:eks a skos:Concept" in turtle, "awskg:runs-on concept:fargate" in turtle
    (True, True)
    """
    return str(to_rdf(kg, graph).serialize(format="turtle"))


def render_jsonld(kg: KnowledgeGraph, graph: nx.MultiDiGraph[str], lang: str = "en") -> str:
    """The slice as JSON-LD, compacted with the same prefixes as the Turtle.

    rdflib writes the triples in the order its store hashes them, which
    changes from run to run; the nodes and every list of values are sorted
    here, so the same slice always gives the same file (and a diff shows
    what changed).
    """
    context = dict(NAMESPACES)
    text = str(to_rdf(kg, graph).serialize(format="json-ld", context=context, auto_compact=True, indent=2))
    return json.dumps(_sorted_values(json.loads(text)), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _sorted_values(value: Any) -> Any:
    """``value`` with every list inside it in one fixed order (that of their JSON text); an ``@list`` keeps its own."""
    if isinstance(value, dict):
        return {key: item if key == "@list" else _sorted_values(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_sorted_values(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return value


def to_rdf(kg: KnowledgeGraph, graph: nx.MultiDiGraph[str]) -> RdfGraph:
    """The rdflib ``Graph`` both formats serialise: the vocabulary, then the facts, then the concepts."""
    writer = _Writer()
    writer.vocabulary(kg)
    broader = writer.facts(kg, graph)
    writer.concepts(kg, graph, broader)
    return writer.out


class _Writer:
    """One rdflib graph being written, with the namespaces and terms every part uses."""

    def __init__(self) -> None:
        import rdflib
        from rdflib.namespace import DCTERMS

        self.rdf = rdflib
        self.dcterms = DCTERMS
        self.ns = {prefix: rdflib.Namespace(iri) for prefix, iri in NAMESPACES.items()}
        self.awskg, self.concept, self.dim = self.ns["awskg"], self.ns["concept"], self.ns["dim"]
        self.out = rdflib.Graph(bind_namespaces="core")
        for prefix, namespace in self.ns.items():
            self.out.bind(prefix, namespace)
        self.scheme = rdflib.URIRef(BASE + "scheme")

    def text(self, value: str, lang: str) -> Any:
        return self.rdf.Literal(value, lang=lang)

    def labelled(self, subject: Any, predicate: Any, record: Any) -> None:
        """A record's English label, and its Korean one when it has one."""
        self.out.add((subject, predicate, self.text(record.label, "en")))
        if record.label_ko:
            self.out.add((subject, predicate, self.text(record.label_ko, "ko")))

    def cited(self, subject: Any, predicate: Any, obj: Any, name: str, source_ref: str, notes: tuple[str, str]) -> None:
        """A reified statement carrying a fact's or a property's source and notes, when it has any."""
        if not (source_ref or any(notes)):
            return
        rdf, out = self.rdf, self.out
        statement = self.ns["statement"][name]
        out.add((statement, rdf.RDF.type, rdf.RDF.Statement))
        out.add((statement, rdf.RDF.subject, subject))
        out.add((statement, rdf.RDF.predicate, predicate))
        out.add((statement, rdf.RDF.object, obj))
        if source_ref:
            cite = rdf.URIRef(source_ref) if _IRI.match(source_ref) else rdf.Literal(source_ref)
            out.add((statement, self.dcterms.source, cite))
        for note_text, lang in zip(notes, ("en", "ko"), strict=True):
            if note_text:
                out.add((statement, rdf.RDFS.comment, self.text(note_text, lang)))

    def vocabulary(self, kg: KnowledgeGraph) -> None:
        """The scheme, the exporter's own terms, the kinds as classes and the relations as properties."""
        rdf, out, awskg = self.rdf, self.out, self.awskg
        OWL, RDF, RDFS, SKOS = rdf.OWL, rdf.RDF, rdf.RDFS, rdf.SKOS
        out.add((self.scheme, RDF.type, SKOS.ConceptScheme))
        out.add((self.scheme, SKOS.prefLabel, self.text("awskg: cloud and AWS basics", "en")))
        out.add((self.scheme, SKOS.prefLabel, self.text("awskg: 클라우드와 AWS 기초", "ko")))
        out.add((awskg.inverseLabel, RDF.type, OWL.AnnotationProperty))
        out.add((awskg.inverseLabel, RDFS.label, self.text("inverse label", "en")))
        out.add((awskg.hasTrait, RDF.type, OWL.AnnotationProperty))
        for name, record in kg.kinds.items():
            kind = self.ns["kind"][name]
            out.add((kind, RDF.type, OWL.Class))
            out.add((kind, RDFS.subClassOf, SKOS.Concept))
            self.labelled(kind, RDFS.label, record)
        for name, relation in kg.relations.items():
            self.relation(kg, name, relation)
        self.dimensions(kg)

    def relation(self, kg: KnowledgeGraph, name: str, relation: Relation) -> None:
        """A relation as an OWL property, its readings and its traits (symmetric, transitive, broader)."""
        rdf, out, awskg = self.rdf, self.out, self.awskg
        OWL, RDF, RDFS, SKOS = rdf.OWL, rdf.RDF, rdf.RDFS, rdf.SKOS
        prop = awskg[name]
        out.add((prop, RDF.type, OWL.ObjectProperty))
        out.add((prop, RDFS.label, self.text(relation.label, "en")))
        out.add((prop, awskg.inverseLabel, self.text(relation.inverse_label, "en")))
        if relation.label_ko:
            out.add((prop, RDFS.label, self.text(relation_label(kg, name, "ko"), "ko")))
        if relation.inverse_label_ko:
            out.add((prop, awskg.inverseLabel, self.text(relation_label(kg, name, "ko", inverse=True), "ko")))
        if relation.description:
            out.add((prop, SKOS.definition, self.text(relation.description, "en")))
        for trait in sorted(relation.traits):
            out.add((prop, awskg.hasTrait, rdf.Literal(trait)))
        if relation.has("symmetric"):
            out.add((prop, RDF.type, OWL.SymmetricProperty))
        if relation.has("transitive"):
            out.add((prop, RDF.type, OWL.TransitiveProperty))
        if relation.has("hierarchy"):
            out.add((prop, RDFS.subPropertyOf, SKOS.broader))

    def dimensions(self, kg: KnowledgeGraph) -> None:
        """Each dimension as a property and each of its values as a labelled term."""
        rdf, out, awskg = self.rdf, self.out, self.awskg
        OWL, RDF, RDFS, SKOS = rdf.OWL, rdf.RDF, rdf.RDFS, rdf.SKOS
        for name, record in kg.dimensions.items():
            prop = self.dim[name]
            out.add((prop, RDF.type, OWL.ObjectProperty))
            self.labelled(prop, RDFS.label, record)
            if record.description:
                out.add((prop, SKOS.definition, self.text(record.description, "en")))
            for trait in sorted(record.traits):
                out.add((prop, awskg.hasTrait, rdf.Literal(trait)))
        for (dimension, value), value_record in kg.values.items():
            item = self.ns["val"][f"{dimension}/{value}"]
            out.add((item, RDF.type, awskg.Value))
            out.add((item, awskg.onDimension, self.dim[dimension]))
            self.labelled(item, SKOS.prefLabel, value_record)
            if value_record.description:
                out.add((item, SKOS.definition, self.text(value_record.description, "en")))

    def facts(self, kg: KnowledgeGraph, graph: nx.MultiDiGraph[str]) -> set[str]:
        """Every fact, cited; the concepts that have a broader one (they are no top concepts)."""
        SKOS, out, hierarchy = self.rdf.SKOS, self.out, kg.relations_with("hierarchy")
        broader: set[str] = set()
        for source, target, relation, data in graph.edges(keys=True, data=True):
            s, o, prop = self.concept[source], self.concept[target], self.awskg[relation]
            out.add((s, prop, o))
            if relation in hierarchy:
                out.add((s, SKOS.broader, o))
                out.add((o, SKOS.narrower, s))
                broader.add(source)
            notes = (data.get("note", ""), data.get("note_ko", ""))
            self.cited(s, prop, o, f"fact/{source}/{relation}/{target}", data.get("source_ref", ""), notes)
        return broader

    def concepts(self, kg: KnowledgeGraph, graph: nx.MultiDiGraph[str], broader: set[str]) -> None:
        """Every concept: its kind, labels, aliases, definitions, docs and cited properties."""
        rdf, out = self.rdf, self.out
        RDF, RDFS, SKOS = rdf.RDF, rdf.RDFS, rdf.SKOS
        for node, attrs in graph.nodes(data=True):
            c = self.concept[node]
            out.add((c, RDF.type, SKOS.Concept))
            out.add((c, RDF.type, self.ns["kind"][attrs["kind"]]))
            out.add((c, SKOS.inScheme, self.scheme))
            out.add((c, SKOS.notation, rdf.Literal(node)))
            out.add((c, SKOS.prefLabel, self.text(attrs["label"], "en")))
            if attrs.get("label_ko"):
                out.add((c, SKOS.prefLabel, self.text(attrs["label_ko"], "ko")))
            for alias in attrs.get("aliases", []):
                if alias in (attrs["label"], attrs.get("label_ko")):
                    continue  # SKOS keeps preferred and alternative labels disjoint
                out.add((c, SKOS.altLabel, self.text(alias, "ko" if _HANGUL.search(alias) else "en")))
            for field, lang in (("summary", "en"), ("summary_ko", "ko")):
                if attrs.get(field):
                    out.add((c, SKOS.definition, self.text(attrs[field], lang)))
            if _IRI.match(attrs.get("docs", "")):
                out.add((c, RDFS.seeAlso, rdf.URIRef(attrs["docs"])))
            if node not in broader:
                out.add((c, SKOS.topConceptOf, self.scheme))
                out.add((self.scheme, SKOS.hasTopConcept, c))
            for stated in kg.properties_of(node):
                value, prop = self.ns["val"][f"{stated.dimension}/{stated.value}"], self.dim[stated.dimension]
                out.add((c, prop, value))
                name = f"property/{node}/{stated.dimension}/{stated.value}"
                self.cited(c, prop, value, name, stated.source_ref, (stated.note, stated.note_ko))
