#!/usr/bin/env bash
# Debian's Chromium for the dashboard's browser tests (Playwright drives /usr/bin/chromium and
# never downloads a browser of its own).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! [ -x /usr/bin/chromium ] && [ "$(id -u)" != 0 ]; then
    echo "No /usr/bin/chromium and not root: the dashboard's browser tests will be skipped." >&2
    exit 0
fi
if ! [ -x /usr/bin/chromium ]; then
    apt-get install -y -q chromium >/dev/null 2>&1 || {
        apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null
    }
fi
/usr/bin/chromium --version
