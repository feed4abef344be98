#!/usr/bin/env bash
# What the serving benchmarks need beyond the package: wrk (the load tool) and Chromium, both
# Debian packages. Run as root (or with sudo).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
missing=()
[ -x /usr/bin/wrk ] || missing+=(wrk)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
    apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 || {
        apt-get update -q >/dev/null && apt-get install -y -q "${missing[@]}" >/dev/null
    }
fi
{ wrk --version || true; } 2>&1 | head -1  # wrk prints its version and exits 1
/usr/bin/chromium --version
