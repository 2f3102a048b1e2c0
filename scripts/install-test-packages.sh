#!/usr/bin/env bash
# Installs the Debian packages the script-driven tests use (idempotent: packages already present are skipped).
#   scripts/install-test-packages.sh          # as root, or with sudo on PATH
# Add a package here rather than installing it by hand; tests that need one skip with a message where it is absent.
set -euo pipefail

# haproxy: replicas behind a load balancer (scripts/failover-test.sh); curl, python3: readiness polls, free ports;
# chromium, chromium-driver: the web page's real-browser test (dev.nlen.api.page.TranslatePageBrowserTest, headless
# Chromium through /usr/bin/chromedriver); kubectl is not in this list: Debian's kubernetes-client (1.20) has no
# `kubectl kustomize` for our manifests.
PACKAGES=(haproxy curl python3 chromium chromium-driver)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-test-packages: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "install-test-packages: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >&2
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
