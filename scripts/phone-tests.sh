#!/usr/bin/env bash
# The SDK's own tests on the phones' platforms, for .github/workflows/mobile.yml
# (this machine has no emulator or simulator; the jobs run it on GitHub):
#
#   scripts/phone-tests.sh build-android OUT   (NDK + cargo-ndk) the state crate's test
#                                              binaries for x86_64-linux-android, into OUT
#   scripts/phone-tests.sh run-android DIR     push DIR's binaries and tests/vectors to the
#                                              running emulator and run each there
#   scripts/phone-tests.sh ios-sim UDID        build the same tests for aarch64-apple-ios-sim
#                                              and run each in the booted simulator UDID
#   scripts/phone-tests.sh instrumented        the instrumented module on the running
#                                              emulator, with `serve` reached through
#                                              `adb reverse` for its HTTPS sync test
#   scripts/phone-tests.sh serve DIR           a `callguard serve` over HTTPS on
#                                              127.0.0.1:8443 (CALLGUARD_SERVE_ADDR) with a
#                                              fresh CA (DIR/ca.pem); prints its pid
#
# These are callguard-state's tests: the writers' lock from two processes
# (lock.rs: the test binary starts itself again as the second process), the
# lists and feeds stored, restarted and read back, the cold-start feed check,
# every stored file written through the same std and libc calls the SDK
# makes on the phone. std's File::lock, which answered Unsupported on
# Android (issue 21), fails lock.rs's tests there at once.
set -euo pipefail
cd "$(dirname "$0")/.."
die() { echo "phone-tests: $*" >&2; exit 1; }

# The test executables cargo built, one per line, from --message-format=json.
executables() { jq -r 'select(.reason == "compiler-artifact" and .profile.test == true) | .executable // empty'; }

case "${1:-}" in
build-android)
  out="${2:?usage: phone-tests.sh build-android OUT}"
  mkdir -p "$out"
  cargo ndk -t x86_64 --platform 29 test --no-run -p callguard-state --message-format=json |
    executables | while read -r exe; do cp "$exe" "$out/"; done
  [ -n "$(find "$out" -type f -print -quit)" ] || die "no test binaries were built"
  ;;
run-android)
  dir="${2:?usage: phone-tests.sh run-android DIR}"
  remote=/data/local/tmp/callguard-tests
  adb shell "rm -rf $remote && mkdir -p $remote/tmp"
  adb push "$dir/." "$remote/bin" >/dev/null
  adb push tests/vectors "$remote/vectors" >/dev/null
  failed=0
  for exe in "$dir"/*; do
    name=$(basename "$exe")
    echo "--- $name on $(adb shell getprop ro.build.version.release) (API $(adb shell getprop ro.build.version.sdk))"
    # adb shell returns the remote exit status (adb 1.0.40+).
    adb shell "cd $remote && chmod 755 bin/$name && TMPDIR=$remote/tmp CALLGUARD_VECTORS=$remote/vectors bin/$name --test-threads 2" || failed=1
  done
  [ "$failed" -eq 0 ] || die "a test binary failed on the emulator"
  ;;
ios-sim)
  udid="${2:?usage: phone-tests.sh ios-sim UDID}"
  mapfile -t exes < <(cargo test --no-run -p callguard-state --target aarch64-apple-ios-sim --message-format=json | executables)
  [ "${#exes[@]}" -gt 0 ] || die "no test binaries were built"
  failed=0
  for exe in "${exes[@]}"; do
    echo "--- $(basename "$exe") in the simulator $udid"
    # simctl spawn runs a command-line binary inside the simulator's runtime;
    # SIMCTL_CHILD_ variables reach it without the prefix.
    SIMCTL_CHILD_CALLGUARD_VECTORS="$PWD/tests/vectors" SIMCTL_CHILD_TMPDIR="${RUNNER_TEMP:-/tmp}" \
      xcrun simctl spawn "$udid" "$exe" --test-threads 2 || failed=1
  done
  [ "$failed" -eq 0 ] || die "a test binary failed in the simulator"
  ;;
instrumented)
  pki=$(mktemp -d)
  serve_pid=$(bash "$0" serve "$pki")
  trap 'kill "$serve_pid" 2>/dev/null || true' EXIT
  # The device's 127.0.0.1:8443 is the runner's: the certificate names 127.0.0.1.
  adb reverse tcp:8443 tcp:8443
  ca=$(base64 -w0 "$pki/ca.pem")
  (cd android-sample && ./gradlew --no-daemon --stacktrace :callguard:connectedDebugAndroidTest \
    -Pandroid.testInstrumentationRunnerArguments.syncUrl=https://127.0.0.1:8443/list.jws \
    -Pandroid.testInstrumentationRunnerArguments.syncCaPemBase64="$ca")
  ;;
serve)
  dir="${2:?usage: phone-tests.sh serve DIR}"
  mkdir -p "$dir/public"
  cp tests/vectors/lists/valid-eddsa-general.jws "$dir/public/list.jws"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
    -subj "/CN=CallGuard device-test CA" -keyout "$dir/ca.key" -out "$dir/ca.pem" 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=127.0.0.1" \
    -keyout "$dir/key.pem" -out "$dir/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >"$dir/ext.cnf"
  openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial \
    -days 2 -extfile "$dir/ext.cnf" -out "$dir/cert.pem" 2>/dev/null
  "${CALLGUARD:-target/release/callguard}" serve --dir "$dir/public" --addr "${CALLGUARD_SERVE_ADDR:-127.0.0.1:8443}" \
    --tls-cert "$dir/cert.pem" --tls-key "$dir/key.pem" >"$dir/serve.log" 2>&1 &
  echo $!
  ;;
*)
  die "usage: phone-tests.sh build-android OUT | run-android DIR | ios-sim UDID | instrumented | serve DIR"
  ;;
esac
