#!/usr/bin/env bash
# Takes docs/screenshot.png: Postwright in a real window under Xvfb, on a fresh sample blog.
# Usage: scripts/screenshot.sh [output.png]   (build first: scripts/build.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$here/docs/screenshot.png}
app=${POSTWRIGHT_APP:-$here/build/bin/postwright}
[ -x "$app" ] || { echo "build first: scripts/build.sh" >&2; exit 1; }
command -v xvfb-run >/dev/null && command -v import >/dev/null || "$here/scripts/install-deps.sh"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME=$scratch XDG_DATA_HOME=$scratch/data XDG_CONFIG_HOME=$scratch/config
export QTWEBENGINE_DISABLE_SANDBOX=1 QTWEBENGINE_CHROMIUM_FLAGS="--disable-gpu"
# A fixed author so the sample's commits and any publish look the same on every machine.
export GIT_CONFIG_NOSYSTEM=1

xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
    "$0" -geometry 1600x1000+0+0 &
    pid=$!
    sleep "${POSTWRIGHT_SCREENSHOT_DELAY:-12}"
    import -window root "$1"
    kill $pid; wait $pid 2>/dev/null || true
' "$app" "$out"
echo "wrote $out"
