#!/usr/bin/env python3
"""Derives the medication knowledge shipped in inference-core from the authored lists in this folder
and the merged PDDI interaction table (Ayvaz et al. 2015).

    tools/knowledge/derive_medication.py /work/shared/data/interactions/interaction-pairs.csv

Writes inference-core/src/main/resources/knowledge/medication/{ingredients,brands,interactions}.csv.
Ingredient keys are the lower-case English INN; an interaction drug that is in the authored list is
renamed to that list's key (matched by DrugBank id or English name), the others keep their folded name.
"""
import csv, sys, os, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', '..', 'inference-core', 'src', 'main', 'resources', 'knowledge', 'medication')
ING_SOURCE = 'AEMPS CIMA nomenclátor (DCI); WHO ATC/DDD index 2025 (INN, ATC)'
BRAND_SOURCE = 'AEMPS CIMA, medicamentos autorizados en España'
BRAND_SOURCES = {'ES': BRAND_SOURCE,
                 'US': 'FDA Orange Book / DailyMed (US brand names; US Government work)',
                 'UK': 'BNF / electronic medicines compendium (UK brand names)'}
DB_SOURCE = '; DrugBank id from merged PDDI dataset (Ayvaz et al. 2015)'

def fold(s):
    s = unicodedata.normalize('NFD', s)
    return ''.join(c for c in s if unicodedata.category(c) != 'Mn').lower().replace('_', ' ').strip()

def lines(name):
    with open(os.path.join(HERE, name), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                yield [p.strip() for p in line.split('|')]

pairs = list(csv.DictReader(open(sys.argv[1], encoding='utf-8')))
db_by_name = {}
for p in pairs:
    db_by_name[fold(p['drug_a'])] = p['drugbank_a']
    db_by_name[fold(p['drug_b'])] = p['drugbank_b']

rows, keys, key_by_db, key_by_name = [], set(), {}, {}
for es, en, atc, syn in lines('ingredients.txt'):
    key = fold(en)
    assert key not in keys, key
    keys.add(key)
    names = [en] + [s for s in syn.split(';') if s]
    db = next((db_by_name[fold(n)] for n in names if fold(n) in db_by_name), '')
    if db:
        assert db not in key_by_db, (db, key, key_by_db.get(db))
        key_by_db[db] = key
    for n in names + [es]:
        key_by_name[fold(n)] = key
    rows.append([key, es, en, ';'.join(s for s in syn.split(';') if s), atc, db, ING_SOURCE + (DB_SOURCE if db else '')])

os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, 'ingredients.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['key', 'dci_es', 'inn_en', 'synonyms', 'atc', 'drugbank', 'source'])
    w.writerows(rows)

with open(os.path.join(OUT, 'brands.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['brand', 'ingredients', 'source'])
    seen = set()
    for fields in lines('brands.txt'):
        brand, ings = fields[0], fields[1]
        market = fields[2] if len(fields) > 2 else 'ES'
        ks = [fold(i) for i in ings.split('+')]
        for k in ks:
            assert k in keys, (brand, k)
        assert fold(brand) not in seen, brand
        seen.add(fold(brand))
        w.writerow([brand, ';'.join(ks), BRAND_SOURCES[market]])

def ikey(name, db):
    if db in key_by_db:
        return key_by_db[db]
    return key_by_name.get(fold(name), fold(name))

with open(os.path.join(OUT, 'interactions.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['source', 'ingredient_a', 'drugbank_a', 'ingredient_b', 'drugbank_b', 'severity', 'label'])
    for p in pairs:
        w.writerow([p['source'], ikey(p['drug_a'], p['drugbank_a']), p['drugbank_a'],
                    ikey(p['drug_b'], p['drugbank_b']), p['drugbank_b'], p['severity'], p['label']])
print(len(rows), 'ingredients,', len(seen), 'brands,', len(pairs), 'interaction rows')
