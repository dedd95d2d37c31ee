#!/usr/bin/env bash
# Configures and builds Postwright into build/ (executables in build/bin/).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
# Configure when there is no generated build yet (also after a configure that failed half-way).
[ -f build/build.ninja ] || cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
cmake --build build --parallel "$(nproc)"
