#!/usr/bin/env python3
"""Score `kg extract` output on one-sentence articles with gold (docs/audit/fresh/).

usage: score_sentences.py EXTRACTED.jsonl GOLD.jsonl [MIN_CONFIDENCE] [ARTICLES.jsonl] [-v]

must (stretch): gold records of that level found among asserted mentions at or above MIN_CONFIDENCE
(default 0.5) of their article;
must-not kept: "must_not" records no asserted mention states; precision: asserted mentions with a
named entity on both sides that some "must" or "stretch" record of their article supports. Names match
leniently (a label or the sentence's words, either containing the other), as a reader would.
"""
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
gold = [json.loads(l) for l in open(sys.argv[2])]
thr = float(sys.argv[3]) if len(sys.argv) > 3 else 0.5
texts = {json.loads(l)["id"]: json.loads(l)["text"] for l in open(sys.argv[4])} if len(sys.argv) > 4 else {}
def names(a):
    if not a: return set()
    return {x.lower() for x in (a.get("label"), a.get("text")) if x}
def fits(actor, aliases):
    if aliases == ["*"]: return actor is not None
    n = names(actor); al = {a.lower() for a in aliases}
    return bool(n & al) or any(a in t or t in a for a in al for t in n if len(t) > 3 and len(a) > 3)
def rels(r): return r if isinstance(r, list) else [r]
asserted = [r for r in recs if r["modality"] == "asserted"]
edges = [r for r in asserted if r["confidence"] >= thr]
must = [g for g in gold if g["level"] == "must"]; mnot = [g for g in gold if g["level"] == "must_not"]
stretch = [g for g in gold if g["level"] == "stretch"]
found = [g for g in must if any(r["article"] == g["article"] and r["relation"] in rels(g["relation"]) and fits(r["subject"], g["subject"]) and fits(r["object"], g["object"]) for r in edges)]
bad = [g for g in mnot if any(r["article"] == g["article"] and r["relation"] in rels(g["relation"]) and fits(r["subject"], g["subject"]) and fits(r["object"], g["object"]) for r in asserted)]
judged = [r for r in asserted if r["subject"].get("label") and r["object"] and r["object"].get("label")]
ok = [r for r in judged if any(g["article"] == r["article"] and r["relation"] in rels(g["relation"]) and fits(r["subject"], g["subject"]) and fits(r["object"], g["object"]) for g in must + stretch)]
found_stretch = [g for g in stretch if any(r["article"] == g["article"] and r["relation"] in rels(g["relation"]) and fits(r["subject"], g["subject"]) and fits(r["object"], g["object"]) for r in edges)]
print(f"fresh: must {len(found)}/{len(must)} stretch {len(found_stretch)}/{len(stretch)} must-not kept {len(mnot)-len(bad)}/{len(mnot)} "
      f"precision {len(ok)}/{len(judged)} = {len(ok)/max(1,len(judged)):.2f}")
if "-v" in sys.argv:
    for r in judged:
        if r not in ok: print("  WRONG?", r["article"], r["subject"]["label"], r["relation"], r["object"]["label"], r["confidence"], "|", r["sentence"][:100])
    for g in must:
        if g not in found: print("  MISS", g["article"], g["subject"], g["relation"], g["object"], "|", texts.get(g["article"], "")[:100])
    for g in bad: print("  TRAP", g["article"], g["subject"], g["relation"], g["object"], g.get("why"))
