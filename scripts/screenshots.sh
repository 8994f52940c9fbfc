#!/usr/bin/env bash
# Renders the README's screenshots: runs the demo (bundled shops on loopback,
# one crawl, then the server), and has headless Chromium (Debian's chromium
# package) take the index, the flagged site's evidence page and this week's
# digest. Nothing leaves the machine: every page is on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "screenshots: $chromium not found (apt-get install chromium)" >&2; exit 1; }
addr=127.0.0.1:${PORT:-18080}
out=docs/screenshots
tmp=$(mktemp -d)
trap 'kill "$demo" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$tmp"' EXIT

make -s build
./bin/watcher demo --addr "$addr" --db "$tmp/demo.db" --delay 0 --log-level warn >"$tmp/demo.log" 2>&1 &
demo=$!
for _ in $(seq 1 120); do
  curl -fsS "http://$addr/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://$addr/healthz" >/dev/null || { cat "$tmp/demo.log" >&2; exit 1; }

# The first flagged site's evidence page, as the JSON feed links it.
site=$(curl -fsS "http://$addr/feed.json" | grep -o '/sites/[0-9]*' | head -1)
week=$(date +%G-W%V)

shot() { # name path
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/profile" --hide-scrollbars --window-size=1280,1300 \
    --screenshot="$out/$1.png" "http://$addr$2" >/dev/null 2>&1
  echo "screenshots: $out/$1.png  <- http://$addr$2"
}
mkdir -p "$out"
shot index /
shot site "$site"
shot digest "/digest/$week"
