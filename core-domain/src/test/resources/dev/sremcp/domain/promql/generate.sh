#!/usr/bin/env bash
# Regenerates expected.txt from expressions.txt with promtool (Prometheus 2.42).
# Each line of expressions.txt is one PromQL expression; the matching line of expected.txt
# says whether `promtool check rules` accepts it as the expression of a recording rule.
# Usage: ./generate.sh [path/to/promtool]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
promtool="${1:-promtool}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$promtool" --version 2>&1 | head -n 1 >&2

: > "$work/expected.txt"
while IFS= read -r expr || [[ -n "$expr" ]]; do
  # A YAML single-quoted scalar keeps everything literal except '' for a single quote.
  quoted="${expr//\'/\'\'}"
  printf "groups: [{name: g, rules: [{record: r, expr: '%s'}]}]\n" "$quoted" > "$work/rule.yml"
  if "$promtool" check rules "$work/rule.yml" > /dev/null 2>&1; then
    echo valid >> "$work/expected.txt"
  else
    echo invalid >> "$work/expected.txt"
  fi
done < "$here/expressions.txt"

mv "$work/expected.txt" "$here/expected.txt"
echo "wrote $(wc -l < "$here/expected.txt") lines to $here/expected.txt" >&2
