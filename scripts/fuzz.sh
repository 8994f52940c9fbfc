#!/usr/bin/env bash
# Runs every fuzz target of the project for $1 (default 10m) each, one after
# another. Inputs that fail are written by go test under the package's
# testdata/fuzz/<Target>/ and stay there as regression seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
time=${1:-10m}
fail=0
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    echo "== $pkg $target ($time)"
    if ! go test -run '^$' -fuzz "^${target}\$" -fuzztime "$time" "$pkg"; then
      fail=1
    fi
  done
done
exit $fail
