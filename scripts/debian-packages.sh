#!/usr/bin/env bash
# Debian packages vanban uses from outside Python, installed when missing:
#   antiword (.doc files), tesseract-ocr + tesseract-ocr-vie (scanned PDFs),
#   and with --test: chromium + chromium-driver (browser tests), fonts-dejavu-core (a PDF fixture's font).
set -euo pipefail
packages=(antiword tesseract-ocr tesseract-ocr-vie)
[ "${1:-}" = "--test" ] && packages+=(chromium chromium-driver fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
