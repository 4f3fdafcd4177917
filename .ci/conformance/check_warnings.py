#!/usr/bin/env python3
"""Fails on WARNING checks of scored scenarios that known-warnings.txt does not list.

usage: check_warnings.py RESULTS_DIR REVISION SCORED_SCENARIOS_FILE KNOWN_WARNINGS_FILE
"""
import json
import pathlib
import re
import sys

results, revision, scored_file, known_file = sys.argv[1:5]
scored = {line.strip() for line in open(scored_file) if line.strip()}
known = set()
for line in open(known_file):
    line = line.split("#", 1)[0].split()
    if len(line) == 2 and line[0] == revision:
        known.add(line[1])

seen, unexpected = set(), []
for checks in pathlib.Path(results).rglob("checks.json"):
    # result folders are server-<scenario>-<timestamp>, e.g. server-ping-2026-11-24T21-39-20-128Z
    scenario = re.sub(r"-\d{4}-\d{2}-\d{2}T[\d-]+Z$", "", checks.parent.name.removeprefix("server-"))
    if scenario not in scored:
        continue
    for check in json.loads(checks.read_text()):
        if check.get("status") == "WARNING":
            entry = f"{scenario}:{check['id']}"
            seen.add(entry)
            if entry not in known:
                detail = (check.get("details") or {}).get("message") or check.get("errorMessage") or ""
                unexpected.append(f"{entry}  {detail}")

for entry in sorted(seen & known):
    print(f"  known warning: {entry}")
for entry in sorted(known - seen):
    print(f"  stale known warning (no longer raised, remove it): {entry}")
for entry in unexpected:
    print(f"  UNEXPECTED WARNING: {entry}")
sys.exit(1 if unexpected or (known - seen) else 0)
