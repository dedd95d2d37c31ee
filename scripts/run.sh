#!/usr/bin/env bash
# One command for a new user: install what is missing, build, and start Postwright.
# With no blog configured, Postwright creates the sample blog "System & Design" (with a local
# origin whose hook builds the site with Hugo) in its data folder and opens it.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/install-deps.sh"
"$here/scripts/build.sh"
if [ "$(id -u)" -eq 0 ]; then
    export QTWEBENGINE_DISABLE_SANDBOX=1 # Chromium refuses its sandbox as root
fi
exec "$here/build/bin/postwright" "$@"
