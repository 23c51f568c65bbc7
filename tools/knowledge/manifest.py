#!/usr/bin/env python3
"""Writes inference-core/src/main/resources/knowledge/manifest.json: the knowledge version, its provenance
and the SHA-256 and source of every knowledge file. KnowledgeManifest refuses any file whose hash differs,
so run this after every change to a knowledge file (the build's tests fail until you do).

    python3 tools/knowledge/manifest.py [VERSION]
"""
import hashlib, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..', '..', 'inference-core', 'src', 'main', 'resources', 'knowledge')
SOURCES = {
    'medication/ingredients.csv': 'AEMPS CIMA nomenclátor (DCI); WHO ATC/DDD index 2025; DrugBank ids from the merged PDDI dataset (Ayvaz et al. 2015)',
    'medication/brands.csv': 'AEMPS CIMA (Spanish brands); FDA Orange Book / DailyMed (US brands); BNF / emc (UK brands)',
    'medication/interactions.csv': 'Merged PDDI dataset (Ayvaz et al. 2015): NDF-RT (US Government work), ONC high-priority and non-interruptive lists (Phansalkar et al. 2012, 2013)',
    'medication/pk-profiles.csv': 'FDA Drug Development and Drug Interactions: Table of Substrates, Inhibitors and Inducers (US Government work) and product labels, per row',
    'medication/pk-severity.csv': 'FDA guidance Clinical Drug Interaction Studies (2020); FSRH 2022, per row',
    'medication/pd-classes.csv': 'WHO ATC/DDD 2025, CredibleMeds, NICE NG71, FDA/AEMPS safety communications, per row',
    'medication/pd-rules.json': 'AEMPS fichas técnicas, FDA labels and safety communications, BNF, Beers 2023, per rule',
}
version = sys.argv[1] if len(sys.argv) > 1 else None
path = os.path.join(ROOT, 'manifest.json')
old = json.load(open(path, encoding='utf-8')) if os.path.exists(path) else {}
files = []
for d, _, names in sorted(os.walk(ROOT)):
    for n in sorted(names):
        rel = os.path.relpath(os.path.join(d, n), ROOT).replace(os.sep, '/')
        if rel in ('manifest.json', 'README.md'):
            continue
        data = open(os.path.join(d, n), 'rb').read()
        files.append({'path': rel, 'sha256': hashlib.sha256(data).hexdigest(),
                      'source': SOURCES.get(rel, 'authored; sources per row, see knowledge/README.md')})
manifest = {
    'knowledgeVersion': version or old.get('knowledgeVersion', 'mediassist-knowledge 2026.11.28-1'),
    'provenance': 'MediAssist clinical knowledge, assembled by tools/knowledge/*.py from the authored lists in tools/knowledge and the public sources named per file; see NOTICE',
    'files': files,
}
with open(path, 'w', encoding='utf-8') as f:
    json.dump(manifest, f, ensure_ascii=False, indent=1)
    f.write('\n')
print(len(files), 'files,', manifest['knowledgeVersion'])
