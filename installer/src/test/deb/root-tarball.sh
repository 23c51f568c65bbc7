#!/usr/bin/env bash
# Prints the path of the cached minbase Debian root (with systemd, for systemd-analyze and
# systemd-nspawn) used by the package tests, making it on first use with mmdebstrap or debootstrap:
# ${XDG_CACHE_HOME:-~/.cache}/mediassist/debian-<suite>-minbase-systemd.tar.zst (about 60 MB).
# Remake it now and then (delete the file): it holds only the suite, not its security updates.
set -euo pipefail
cache="${XDG_CACHE_HOME:-$HOME/.cache}/mediassist"
suite=${DEBIAN_SUITE:-bookworm}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
tarball="$cache/debian-$suite-minbase-systemd.tar.zst"
if [ ! -f "$tarball" ]; then
  echo "== making the cached $suite minbase root (once): $tarball" >&2
  mkdir -p "$cache"
  build=$(mktemp -d "$cache/root-build.XXXXXX")
  trap 'rm -rf --one-file-system "$build"' EXIT
  if command -v mmdebstrap >/dev/null; then
    mmdebstrap --quiet --variant=minbase --include=systemd "$suite" "$build/root" "$mirror" >&2
  elif command -v debootstrap >/dev/null; then
    debootstrap --variant=minbase --include=systemd "$suite" "$build/root" "$mirror" >/dev/null
  else
    echo "neither mmdebstrap nor debootstrap is installed (apt-get install mmdebstrap)" >&2
    exit 1
  fi
  rm -rf "$build/root/var/cache/apt/archives/"*.deb
  tar --numeric-owner -C "$build/root" -cf - . | zstd -q -T0 -o "$build/root.tar.zst"
  mv "$build/root.tar.zst" "$tarball"
fi
echo "$tarball"
