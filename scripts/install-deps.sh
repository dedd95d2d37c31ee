#!/usr/bin/env bash
# Installs what Postwright needs to build, run and test on Debian 12, and nothing twice.
# Used by scripts/run.sh, scripts/test.sh and .ci/run. Needs root (or sudo) only when something is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config git
    # Qt 6 with WebEngine and WebChannel
    qt6-base-dev qt6-base-dev-tools qt6-webengine-dev qt6-webengine-dev-tools qt6-webchannel-dev
    libqt6webenginecore6-bin libgl-dev qt6-qpa-plugins
    # the C and C++ libraries of the core
    libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev libfyaml-dev libgit2-dev
    libtomlplusplus-dev
    libhunspell-dev hunspell-en-us
    # the site generator the sample blog's publish hook runs, and peers for tests and benchmarks
    hugo cmark-gfm python3 openssh-server openssh-client
    # headless display for the window tests and screenshots, and fonts to render text
    xvfb xauth imagemagick fonts-dejavu-core
    # preview front-end assets come from the npm registry (lockfile in resources/preview)
    nodejs npm
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A machine may already have Node.js and npm from elsewhere; then Debian's are not needed.
if command -v node >/dev/null && command -v npm >/dev/null; then
    filtered=()
    for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || filtered+=("$p"); done
    missing=("${filtered[@]}")
fi

if ((${#missing[@]})); then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The preview's scripts and styles (highlight.js, KaTeX, morphdom), pinned by the lockfile.
if [ -f "$here/resources/preview/package-lock.json" ] && [ ! -d "$here/resources/preview/node_modules" ]; then
    (cd "$here/resources/preview" && npm ci --no-audit --no-fund --loglevel=error)
fi
