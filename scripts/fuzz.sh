#!/usr/bin/env bash
# Runs fuzz targets for $1 (default 10m) each, one after another, then keeps
# what they found: go test writes only failing inputs to testdata/fuzz, and
# the interesting inputs it discovers stay in GOCACHE, which CI and other
# machines never see. Copying that corpus into the package's
# testdata/fuzz/<Target>/ makes every later `go test` replay it as seeds.
#
#   scripts/fuzz.sh [TIME] [PKG:Target ...]
#
# With no PKG:Target, every fuzz target of the module runs.
set -euo pipefail
cd "$(dirname "$0")/.."
time=${1:-10m}
shift || true
cache=$(go env GOCACHE)/fuzz

targets=()
if [ $# -gt 0 ]; then
  targets=("$@")
else
  for pkg in $(go list ./...); do
    dir=$(go list -f '{{.Dir}}' "$pkg")
    for t in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
      targets+=("$pkg:$t")
    done
  done
fi

fail=0
for pt in "${targets[@]}"; do
  pkg=${pt%%:*}
  target=${pt##*:}
  dir=$(go list -f '{{.Dir}}' "$pkg")
  echo "== $pkg $target ($time)"
  # One worker: the machine has two cores and the fuzzer should not starve
  # whatever else runs; coverage guidance matters more than raw speed here.
  if ! go test -run '^$' -fuzz "^${target}\$" -fuzztime "$time" -parallel 1 "$pkg"; then
    fail=1
  fi
  found="$cache/$pkg/$target"
  if [ -d "$found" ]; then
    mkdir -p "$dir/testdata/fuzz/$target"
    cp -n "$found"/* "$dir/testdata/fuzz/$target/" 2>/dev/null || true
    echo "   corpus: $(ls "$dir/testdata/fuzz/$target" | wc -l) inputs in ${dir#$PWD/}/testdata/fuzz/$target"
  fi
done
exit $fail
