#!/usr/bin/env bash
# Install Debian's chromium for the HTML report's browser tests, when it is missing and we
# can: as root, with apt-get, unless COLLABRULES_NO_APT=1. Says so before it installs.
# Without chromium the browser tests skip (or fail under CI=true). Called by scripts/test.sh.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ "$(id -u)" != "0" ] \
    || ! command -v apt-get >/dev/null 2>&1 || [ "${COLLABRULES_NO_APT:-0}" = "1" ]; then
  exit 0
fi
echo "scripts/test.sh: installing chromium with apt-get for the HTML report's browser tests" \
     "(set COLLABRULES_NO_APT=1 to skip)" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
