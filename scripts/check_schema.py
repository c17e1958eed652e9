#!/usr/bin/env python3
"""Checks docs/task-list.schema.json is a valid JSON Schema (2020-12) and
that every sample task list in data/sample-town/tasks conforms to it.
Needs the jsonschema package (pip install jsonschema).

Usage: python3 scripts/check_schema.py [FILE.geojson ...]
"""
import glob
import json
import os
import sys

import jsonschema

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
schema = json.load(open(os.path.join(root, "docs/task-list.schema.json")))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
files = sys.argv[1:] or sorted(glob.glob(os.path.join(root, "data/sample-town/tasks/*.geojson")))
bad = 0
for f in files:
    errors = list(validator.iter_errors(json.load(open(f))))
    for e in errors:
        print(f"{os.path.basename(f)}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
    bad += bool(errors)
    if not errors:
        print(f"{os.path.basename(f)}: valid")
sys.exit(1 if bad else 0)
