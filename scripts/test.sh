#!/usr/bin/env bash
# One command for the whole test suite, headless: install, build, run CTest.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/install-deps.sh"
"$here/scripts/build.sh" -DPOSTWRIGHT_WERROR=ON
cd "$here/build"
export QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1
ctest --output-on-failure --timeout 600 "$@"
