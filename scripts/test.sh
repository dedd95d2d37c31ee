#!/usr/bin/env bash
# One command for the whole test suite, headless: install, build, run CTest.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/install-deps.sh"
# Warnings are errors here. A fresh test build skips the optimiser (-O0 halves the compile time
# of the template-heavy parsers); a build/ that scripts/run.sh made already is reused as it is.
"$here/scripts/build.sh" -DPOSTWRIGHT_WERROR=ON -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O0 -g1"
cd "$here/build"
export QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1
ctest --output-on-failure --timeout 600 "$@"
