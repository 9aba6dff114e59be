#!/usr/bin/env bash
# Sourced by run-linux-tests.sh. Makes sure a Debian 13 ("trixie") chroot
# with Debian's Swift toolchain (swiftlang: swiftc, SwiftPM, XCTest,
# Foundation) exists at a fixed path outside the checkout, and reuses it.
# Why a chroot: the toolchain needs glibc >= 2.38 and this Debian 12 host has
# 2.36; the host-built Rust library runs fine on the newer glibc.
# A marker file is written last, so a half-made chroot is thrown away and
# redone instead of being trusted.
#   CALLGUARD_TOOLS   cache root (default ~/.cache/callguard-tools)

SWIFT_CHROOT="${CALLGUARD_TOOLS:-$HOME/.cache/callguard-tools}/swift-trixie"
SWIFT_CHROOT_PACKAGES="swiftlang libc6-dev"
# Bump when the package list changes, so existing chroots are redone.
SWIFT_CHROOT_MARKER="$SWIFT_CHROOT/.callguard-ready-v1"

swift_sudo_if_needed() { if [ "$(id -u)" -ne 0 ]; then sudo "$@"; else "$@"; fi; }

# The Debian mirror this host already uses (deb822 .sources or one-line
# .list), so the chroot comes from the same place as every other package.
swift_debian_mirror() {
  local f url
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    url=$(sed -n -E 's/^URIs:[[:space:]]*([^[:space:]]+\/debian)\/?([[:space:]].*)?$/\1/p' "$f" | head -n1)
    [ -n "$url" ] && { echo "$url"; return; }
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    url=$(sed -n -E 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+\/debian)\/?[[:space:]].*$/\2/p' "$f" | head -n1)
    [ -n "$url" ] && { echo "$url"; return; }
  done
  echo "http://deb.debian.org/debian"
}

ensure_swift_chroot() {
  if [ -f "$SWIFT_CHROOT_MARKER" ]; then
    return
  fi
  command -v debootstrap >/dev/null 2>&1 || {
    echo "swift: apt-get install debootstrap"
    swift_sudo_if_needed apt-get update -qq
    DEBIAN_FRONTEND=noninteractive swift_sudo_if_needed apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
  }
  local mirror
  mirror=$(swift_debian_mirror)
  # Anything here without the marker is a leftover of an interrupted run.
  # Never delete through a live mount (a bind of some checkout).
  if [ -d "$SWIFT_CHROOT" ]; then
    if grep -q " $SWIFT_CHROOT/" /proc/mounts; then
      echo "swift: $SWIFT_CHROOT has mounts left from an interrupted run; unmount them first:" >&2
      grep " $SWIFT_CHROOT/" /proc/mounts | cut -d' ' -f2 >&2
      return 1
    fi
    echo "swift: removing the incomplete chroot $SWIFT_CHROOT"
    swift_sudo_if_needed rm -rf "$SWIFT_CHROOT"
  fi
  echo "swift: debootstrap trixie from $mirror -> $SWIFT_CHROOT (once; ~560 MB)"
  mkdir -p "$(dirname "$SWIFT_CHROOT")"
  swift_sudo_if_needed debootstrap --variant=minbase trixie "$SWIFT_CHROOT" "$mirror" >/dev/null
  echo "swift: apt-get install $SWIFT_CHROOT_PACKAGES (in the chroot)"
  swift_sudo_if_needed chroot "$SWIFT_CHROOT" /usr/bin/env DEBIAN_FRONTEND=noninteractive \
    sh -c "apt-get update -qq && apt-get install -y -qq --no-install-recommends $SWIFT_CHROOT_PACKAGES >/dev/null && apt-get clean" \
    2> >(grep -v -F 'Can not write log (Is /dev/pts mounted?)' >&2) # dpkg's pty log only
  # `swift --version` would need /proc (ld.so resolves $ORIGIN through
  # /proc/self/exe); the files are enough to know the install finished.
  for f in usr/libexec/swift/bin/swift usr/include/stdio.h; do
    [ -e "$SWIFT_CHROOT/$f" ] || { echo "swift: the chroot lacks /$f after the install" >&2; return 1; }
  done
  swift_sudo_if_needed touch "$SWIFT_CHROOT_MARKER"
}
