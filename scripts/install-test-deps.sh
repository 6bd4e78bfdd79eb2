#!/usr/bin/env bash
# Installs the Debian packages the tests drive for real (DAV clients, media tools, systemd-analyze).
set -euo pipefail
PACKAGES=(make curl sqlite3 litmus rclone fuse3 imagemagick libimage-exiftool-perl ffmpeg libheif-examples systemd procps chromium)
missing=()
for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# Vision parity tests run pure-JS TensorFlow.js in Node; Debian's nodejs/npm only if the machine has no npm yet
# (a NodeSource nodejs already bundles npm and conflicts with Debian's npm package).
if ! command -v npm >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi
