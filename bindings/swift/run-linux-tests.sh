#!/usr/bin/env bash
# Compiles the Swift SDK (generated bindings + idiomatic layer + Call
# Directory feeder) and the iOS sample's plain-Swift logic on Linux, runs
# every XCTest of both against the real host-built libcallguard_ffi.so, and
# compiles the README's Swift example (and any Swift files given as
# arguments, e.g. a client) against the built module.
# Prints "ios-logic: N passed, N failed" and "swift: N passed, N failed"
# (all Swift tests); exit code = result.
#
# The toolchain is Debian 13's swiftlang in a chroot (linux-toolchain.sh;
# made once, ~2 min, cached outside the checkout). The checkout is
# bind-mounted into the chroot at its own path, so paths (and the tests'
# #filePath walk to tests/vectors) are the same inside and out; the mounts
# are removed on every exit. Build products go to target/swift/.
#   CALLGUARD_TOOLS   cache root for the chroot (default ~/.cache/callguard-tools)
#   usage: bindings/swift/run-linux-tests.sh [client.swift ...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
# shellcheck source=bindings/swift/linux-toolchain.sh
source "$here/linux-toolchain.sh"

clients=()
for f in "$@"; do
  [ -f "$f" ] || { echo "swift: no such file: $f" >&2; exit 2; }
  clients+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")
done
case "$repo" in
  *[[:space:]]*) echo "swift: the checkout path must not contain spaces: $repo" >&2; exit 2 ;;
esac

LIB_DIR="$repo/target/release"
SCRATCH="$repo/target/swift"
LINK_FLAGS=(-Xlinker "-L$LIB_DIR" -Xlinker -rpath -Xlinker "$LIB_DIR")

elapsed() { echo "$((SECONDS - $1)) s"; }

t=$SECONDS
# Always (cheap when fresh): the library must match the generated bindings.
(cd "$repo" && cargo build --quiet --release -p callguard-ffi)
(cd "$repo" && python3 scripts/readme-snippets.py >/dev/null)
# One run at a time: making the chroot, and the mounts below, are shared.
mkdir -p "$(dirname "$SWIFT_CHROOT")"
exec 9>"$SWIFT_CHROOT.lock"
flock 9
ensure_swift_chroot
echo "swift: library and toolchain ready ($(elapsed "$t"))"

mounted=()
unmount_all() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    if ! umount "${mounted[i]}" 2>/dev/null; then
      # Still busy (a process killed mid-build): detach it so nothing stays.
      umount -l "${mounted[i]}" || echo "swift: could not unmount ${mounted[i]}" >&2
    fi
  done
  mounted=()
}
# Commands in the chroot run in the background and are waited for, so a
# signal is handled at once: stop the command with SIGTERM (a background
# job ignores SIGINT), then leave through the EXIT trap, which unmounts.
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
child=0
on_signal() {
  if [ "$child" -ne 0 ]; then
    kill -TERM "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  exit 130
}
trap 'unmount_all; [ -z "${serve_pid:-}" ] || kill "$serve_pid" 2>/dev/null || true' EXIT
trap on_signal INT TERM

mount_in_chroot() { # mount_in_chroot TARGET-INSIDE MOUNT-ARGS...
  local target="$SWIFT_CHROOT$1"
  shift
  if grep -q " $target " /proc/mounts; then
    echo "swift: $target is already mounted (another run, or one that was killed)" >&2
    exit 1
  fi
  mkdir -p "$target"
  swift_sudo_if_needed mount "$@" "$target"
  mounted+=("$target")
}
# /proc: the toolchain's binaries find their libraries through $ORIGIN, which
# ld.so resolves via /proc/self/exe. /dev needs nothing: debootstrap made
# null, zero, urandom and the rest.
mount_in_chroot /proc -t proc proc
mount_in_chroot "$repo" --bind "$repo"

in_chroot() { # in_chroot DIR COMMAND...: clean environment, C.UTF-8
  local dir="$1" status=0
  shift
  # chroot, env and sh all exec: $child is the command itself (or sudo,
  # which passes signals on).
  # shellcheck disable=SC2016 # expanded by the chroot's sh, not here
  "${as_root[@]}" chroot "$SWIFT_CHROOT" /usr/bin/env -i \
    HOME=/root PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 TMPDIR=/tmp \
    CALLGUARD_VECTORS="$repo/tests/vectors" \
    CALLGUARD_SYNC_URL="${sync_url:-}" CALLGUARD_SYNC_CA_FILE="${sync_ca:-}" \
    /bin/sh -c 'cd "$0" && exec "$@"' "$dir" "$@" &
  child=$!
  wait "$child" || status=$?
  child=0
  return "$status"
}

total_passed=0
total_failed=0
total_skipped=0
broken=0

# run_xctests LABEL PACKAGE-DIR: `swift test` in the chroot; counts the
# "Test Case '…' passed/failed" lines and checks them against XCTest's
# summary ("Executed N tests, with M failures").
run_xctests() {
  local label="$1" package="$2" log status=0 passed failed executed summary
  local t0=$SECONDS
  log="$SCRATCH/$label.log"
  mkdir -p "$SCRATCH"
  # A package that depends on CallGuard by path (the sample's logic) kept
  # stale objects across a change of the generated bindings and crashed on
  # a bad pointer: its build starts afresh when they change.
  local stamp
  stamp=$(cat "$repo/bindings/swift/Sources/CallGuard/Generated/CallGuard.swift" "$repo/bindings/swift/ffi/CallGuardFFI.h" | sha256sum | cut -c1-16)
  if [ "$(cat "$SCRATCH/$label.bindings" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "${SCRATCH:?}/$label"
    echo "$stamp" >"$SCRATCH/$label.bindings"
  fi
  in_chroot "$package" swift test --scratch-path "$SCRATCH/$label" "${LINK_FLAGS[@]}" >"$log" 2>&1 || status=$?
  passed=$(grep -c -E "^Test Case '.*' passed \(" "$log" || true)
  failed=$(grep -c -E "^Test Case '.*' failed \(" "$log" || true)
  skipped=$(grep -c -E "^Test Case '.*' skipped \(" "$log" || true)
  summary=$(grep -E '^[[:space:]]*Executed [0-9]+ tests?, with [0-9]+ failures?' "$log" | tail -n1 || true)
  executed=$(sed -E 's/^[[:space:]]*Executed ([0-9]+) .*/\1/' <<<"$summary")
  if [ "$status" -ne 0 ] || [ -z "$summary" ] || [ "$failed" -ne 0 ] || [ "$((passed + failed + skipped))" -ne "$executed" ]; then
    # Compiler errors and failed assertions, without the passing noise.
    grep -v -E "^Test (Case|Suite) '.*' (started|passed)" "$log" | tail -n 80 >&2
    echo "$label: swift test exited $status; full log: $log" >&2
    broken=1
    [ "$failed" -gt 0 ] || [ -n "$summary" ] || failed=1
  fi
  echo "$label: $passed passed, $failed failed, $skipped skipped ($(elapsed "$t0"))"
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  total_skipped=$((total_skipped + skipped))
}

# HttpsServerTests syncs from a real `callguard serve` over HTTPS with its
# own CA (the chroot shares this machine's loopback), when the CLI is built
# (the test command builds it before this stage).
sync_url="" sync_ca="" serve_pid=""
if [ -x "$repo/target/debug/callguard" ]; then
  serve_dir="$SCRATCH/serve"
  rm -rf "$serve_dir"
  mkdir -p "$serve_dir"
  serve_addr="127.0.0.1:$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  serve_pid=$(CALLGUARD="$repo/target/debug/callguard" CALLGUARD_SERVE_ADDR="$serve_addr" \
    bash "$repo/scripts/phone-tests.sh" serve "$serve_dir")
  sync_url="https://$serve_addr/list.jws"
  sync_ca="$serve_dir/ca.pem"
  for _ in $(seq 50); do
    (echo >"/dev/tcp/${serve_addr%:*}/${serve_addr#*:}") 2>/dev/null && break
    sleep 0.1
  done
fi
stop_serve() { [ -z "$serve_pid" ] || kill "$serve_pid" 2>/dev/null || true; }

run_xctests callguard "$repo/bindings/swift"
[ -d "$repo/ios-sample/Logic" ] && run_xctests ios-logic "$repo/ios-sample/Logic"

# The README's example, and any client given as an argument, compiled to an
# object file against the CallGuard module `swift test` just built (an
# object, not only a type check: SIL diagnostics such as a missing return
# come after type checking).
t=$SECONDS
modules="$SCRATCH/callguard/debug/Modules"
[ -d "$modules" ] || modules="$SCRATCH/callguard/debug"
mkdir -p "$SCRATCH/clients"
for source in "$repo/target/readme/ReadmeExample.swift" "${clients[@]}"; do
  name="$(basename "$source" .swift)"
  # A copy inside the checkout: the chroot sees nothing else of the host.
  copy="$SCRATCH/clients/$name.swift"
  cp "$source" "$copy"
  if in_chroot "$repo" swiftc -parse-as-library -module-name "$name" \
      -I "$modules" -I "$repo/bindings/swift/linux/CallGuardFFI" \
      -c "$copy" -o "$SCRATCH/clients/$name.o"; then
    echo "swift: compiled ${source#"$repo"/} against the CallGuard module"
  else
    echo "swift: ${source#"$repo"/} (copied to ${copy#"$repo"/}) does not compile against the CallGuard module" >&2
    broken=1
  fi
done
echo "swift: clients compiled ($(elapsed "$t"))"

stop_serve
echo "swift: $total_passed passed, $total_failed failed, $total_skipped skipped"
[ "$broken" -eq 0 ] && [ "$total_failed" -eq 0 ]
