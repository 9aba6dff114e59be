#!/usr/bin/env bash
# CallGuard against a real static host: Debian's nginx, started here on
# 127.0.0.1 (HTTPS, a CA made here, ETag and gzip as a bank would configure
# them), run as the current user from a temporary directory, stopped on exit.
#   a) a signed list: `callguard sync` → updated, then not_modified, and the
#      access log proves the second request was a 304 and the first gzipped;
#   b) a signed feed: full sync, screen → reported, a 1 % delta downloaded
#      instead of the blob, a 304, and a tampered blob refused while the
#      version in force stays.
# Needs nginx and openssl (scripts/setup.sh), python3 and cargo.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO="$PWD"

fail() {
  echo "nginx e2e: FAILED: $*" >&2
  exit 1
}

NGINX="$(command -v nginx || true)"
[ -n "$NGINX" ] || NGINX=/usr/sbin/nginx
[ -x "$NGINX" ] || fail "nginx is not installed (scripts/setup.sh installs it)"
command -v openssl >/dev/null || fail "openssl is not installed"

# The CLI the test command builds; a no-op when it is fresh.
CG="${CALLGUARD_BIN:-$REPO/target/debug/callguard}"
if [ -z "${CALLGUARD_BIN:-}" ]; then
  cargo build -q -p callguard-cli
fi
[ -x "$CG" ] || fail "no callguard binary at $CG"

TMP="$(mktemp -d)"
NGINX_PID=""
cleanup() {
  if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
    kill "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
WWW="$TMP/www"
mkdir -p "$WWW" "$TMP/logs" "$TMP/temp"

# --- a CA and a server certificate for 127.0.0.1 (IP SAN) ----------------
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
  -subj "/CN=CallGuard e2e CA" -keyout "$TMP/ca.key" -out "$TMP/ca.pem" \
  -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
  -subj "/CN=127.0.0.1" -keyout "$TMP/server.key" -out "$TMP/server.csr" 2>/dev/null
cat >"$TMP/server.ext" <<'EXT'
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1
EXT
openssl x509 -req -in "$TMP/server.csr" -CA "$TMP/ca.pem" -CAkey "$TMP/ca.key" \
  -CAcreateserial -days 2 -extfile "$TMP/server.ext" -out "$TMP/server.pem" 2>/dev/null

# --- nginx on a free port -------------------------------------------------
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# As root, nginx would hand its workers to `nobody`, who cannot read $TMP.
USER_LINE=""
if [ "$(id -u)" -eq 0 ]; then
  USER_LINE="user root root;"
fi
cat >"$TMP/nginx.conf" <<CONF
$USER_LINE
worker_processes 1;
daemon off;
pid $TMP/nginx.pid;
error_log $TMP/logs/error.log info;
events { worker_connections 64; }
http {
  types {
    application/jose         jws;
    application/json         json;
    application/octet-stream cgfeed cgdelta;
  }
  default_type application/octet-stream;
  # What the checks below read: status, the ETag the client sent back, and
  # whether the body went out gzipped.
  log_format e2e '\$request_method \$uri \$status enc=\$sent_http_content_encoding inm=\$http_if_none_match range=\$http_range bytes=\$body_bytes_sent';
  access_log $TMP/logs/access.log e2e;
  client_body_temp_path $TMP/temp/client_body;
  proxy_temp_path $TMP/temp/proxy;
  fastcgi_temp_path $TMP/temp/fastcgi;
  uwsgi_temp_path $TMP/temp/uwsgi;
  scgi_temp_path $TMP/temp/scgi;
  etag on;
  gzip on;
  gzip_types application/jose application/json application/jose+json text/plain;
  gzip_min_length 1;
  server {
    listen 127.0.0.1:$PORT ssl;
    server_name 127.0.0.1;
    ssl_certificate $TMP/server.pem;
    ssl_certificate_key $TMP/server.key;
    root $WWW;
  }
}
CONF
"$NGINX" -p "$TMP/" -c "$TMP/nginx.conf" -e "$TMP/logs/error.log" &
NGINX_PID=$!
for _ in $(seq 100); do
  kill -0 "$NGINX_PID" 2>/dev/null || { cat "$TMP/logs/error.log" >&2; fail "nginx exited at start"; }
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    break
  fi
  sleep 0.1
done
(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null || fail "nginx is not listening on 127.0.0.1:$PORT"
BASE="https://127.0.0.1:$PORT"
echo "nginx $("$NGINX" -v 2>&1 | sed 's/.*nginx\///') on $BASE (root $WWW)"

# --- helpers --------------------------------------------------------------
# field JSON KEY: one member of a JSON object, "null" when absent; what
# came instead of JSON is shown as it is, so a failure says what differed.
field() {
  python3 -c 'import json, sys
try:
    v = json.loads(sys.argv[1]).get(sys.argv[2])
except ValueError:
    v = "not JSON: " + sys.argv[1]
print("null" if v is None else v)' "$1" "$2"
}
# expect WHAT ACTUAL WANTED
expect() {
  [ "$2" = "$3" ] || fail "$1: got '$2', expected '$3'"
}
# quiet COMMAND...: its output only when it fails.
quiet() {
  "$@" >"$TMP/quiet.log" 2>&1 || { cat "$TMP/quiet.log" >&2; fail "${*:2:2} failed"; }
}
# The access-log lines of one path, in order.
log_of() {
  grep -E "^[A-Z]+ $1 " "$TMP/logs/access.log" || true
}

quiet "$CG" keygen --alg EdDSA --kid bank-2026 --out "$TMP/bank.jwk"
"$CG" trust --issuer example-bank "$TMP/bank.jwk" >"$TMP/trust.json"

# --- a) a list ------------------------------------------------------------
cat >"$TMP/list.json" <<'JSON'
{"type": "callguard.contact-list", "schema": 1,
 "issuer": {"id": "example-bank", "name": {"en": "Example Bank"}, "aliases": ["Example Bank"]},
 "version": 1, "issued_at": "2026-11-28T09:00:00Z", "expires_at": "2035-01-01T00:00:00Z",
 "contacts": [
   {"number": "+78005553535", "direction": "inbound_only", "label": {"en": "Hotline"}},
   {"number": "+74950000001", "direction": "outbound", "label": {"en": "Card department"}}
 ]}
JSON
quiet "$CG" sign --key "$TMP/bank.jwk" --in "$TMP/list.json" --out "$WWW/list.jws"
list_sync() {
  "$CG" sync --url "$BASE/list.jws" --trust "$TMP/trust.json" --state "$TMP/phone" \
    --ca-cert "$TMP/ca.pem" --json
}
out="$(list_sync)" || fail "list sync 1 exited non-zero: $out"
expect "list sync 1 status" "$(field "$out" status)" updated
expect "list sync 1 version" "$(field "$out" version)" 1
out="$(list_sync)" || fail "list sync 2 exited non-zero: $out"
expect "list sync 2 status" "$(field "$out" status)" not_modified
mapfile -t lines < <(log_of /list.jws)
expect "list requests seen by nginx" "${#lines[@]}" 2
[[ "${lines[0]}" == "GET /list.jws 200 enc=gzip "* ]] ||
  fail "list: the first response was not a gzipped 200: ${lines[0]}"
[[ "${lines[1]}" == "GET /list.jws 304 "* ]] ||
  fail "list: the second response was not a 304: ${lines[1]}"
[[ "${lines[1]}" != *" inm=- "* ]] ||
  fail "list: the second request sent no If-None-Match: ${lines[1]}"
out="$("$CG" screen --state "$TMP/phone" --trust "$TMP/trust.json" --region RU --json "+78005553535")"
expect "list: screen of the inbound-only hotline" "$(field "$out" verdict)" spoofed
echo "a) list: updated, then not_modified by a 304 (If-None-Match sent), first body gzipped"

# --- b) a feed ------------------------------------------------------------
FRAUD="+79161234567"
# 20 000 numbers (a tenth spam) and one prefix; v2 drops 100 and adds 100:
# a 1 % change. Enough numbers that the delta is small beside the blob.
python3 - "$TMP" "$FRAUD" <<'PY'
import random, sys
tmp, fraud = sys.argv[1], int(sys.argv[2])
rng = random.Random(15)
numbers = {fraud}
while len(numbers) < 20000:
    numbers.add(79000000000 + rng.randrange(10**9))
def write(name, chosen):
    with open(f"{tmp}/{name}", "w") as f:
        for n in sorted(chosen):
            category = "fraud" if n == fraud or n % 10 else "spam"
            f.write(f"+{n} {category}\n")
        f.write("+7903555* fraud\n")
write("numbers-1.txt", numbers)
dropped = set(rng.sample(sorted(numbers - {fraud}), 100))
added = set()
while len(added) < 100:
    n = 79000000000 + rng.randrange(10**9)
    if n not in numbers:
        added.add(n)
write("numbers-2.txt", (numbers - dropped) | added)
write("numbers-3.txt", numbers - dropped)
PY
# build VERSION [--previous V=PATH]: blob(s) and signed manifest into $TMP/vVERSION
build() {
  local version="$1"
  shift
  quiet "$CG" feed build --in "$TMP/numbers-$version.txt" --out "$TMP/v$version" \
    --issuer example-bank --version "$version" "$@"
  quiet "$CG" sign --key "$TMP/bank.jwk" --in "$TMP/v$version/feed-manifest.json" \
    --out "$TMP/v$version/manifest.jws"
}
feed_sync() {
  "$CG" feed sync --url "$BASE/manifest.jws" --trust "$TMP/trust.json" --state "$TMP/phone" \
    --ca-cert "$TMP/ca.pem" --json
}
screen_fraud() {
  local out
  out="$("$CG" screen --state "$TMP/phone" --trust "$TMP/trust.json" --region RU --json "$FRAUD")"
  field "$out" verdict
}

build 1
cp "$TMP/v1/feed-1.cgfeed" "$TMP/v1/manifest.jws" "$WWW/"
out="$(feed_sync)" || fail "feed sync v1 exited non-zero: $out"
expect "feed sync v1 status" "$(field "$out" status)" updated
expect "feed sync v1 version" "$(field "$out" version)" 1
expect "feed sync v1 via" "$(field "$out" via)" full
expect "feed: screen after v1" "$(screen_fraud)" reported
"$CG" directory --state "$TMP/phone" --trust "$TMP/trust.json" >"$TMP/directory.txt"
grep -qE "^\+?${FRAUD#+}	⚠ Reported: fraud\$" "$TMP/directory.txt" ||
  fail "feed: the directory has no '⚠ Reported: fraud' entry for the reported number"
echo "b) feed v1: full blob, screen → reported, directory labels it"

build 2 --previous "1=$TMP/v1/feed-1.cgfeed"
# `feed diff` makes the very delta the manifest names.
quiet "$CG" feed diff --from "$TMP/v1/feed-1.cgfeed" --to "$TMP/v2/feed-2.cgfeed" \
  --out "$TMP/diff.cgdelta"
cmp -s "$TMP/diff.cgdelta" "$TMP/v2/feed-1-2.cgdelta" || fail "feed diff differs from the built delta"
cp "$TMP/v2/feed-2.cgfeed" "$TMP/v2/feed-1-2.cgdelta" "$TMP/v2/manifest.jws" "$WWW/"
full_bytes="$(wc -c <"$TMP/v2/feed-2.cgfeed")"
out="$(feed_sync)" || fail "feed sync v2 exited non-zero: $out"
expect "feed sync v2 status" "$(field "$out" status)" updated
expect "feed sync v2 version" "$(field "$out" version)" 2
expect "feed sync v2 via" "$(field "$out" via)" delta
downloaded="$(field "$out" downloaded_bytes)"
[[ "$downloaded" =~ ^[0-9]+$ ]] || fail "feed sync v2: downloaded_bytes is '$downloaded'"
[ $((downloaded * 100)) -lt $((full_bytes * 5)) ] ||
  fail "feed sync v2 downloaded $downloaded bytes, not under 5 % of the $full_bytes-byte blob"
[ -z "$(log_of /feed-2.cgfeed)" ] || fail "feed sync v2 fetched the full blob: $(log_of /feed-2.cgfeed)"
expect "feed: screen after v2" "$(screen_fraud)" reported
echo "b) feed v2: delta, $downloaded bytes downloaded for a $full_bytes-byte blob"

out="$(feed_sync)" || fail "feed sync 3 exited non-zero: $out"
expect "feed sync 3 status" "$(field "$out" status)" not_modified
last="$(log_of /manifest.jws | tail -n 1)"
[[ "$last" == "GET /manifest.jws 304 "* ]] || fail "feed: the third manifest request was not a 304: $last"
echo "b) feed: third sync not_modified by a 304"

# v3 names only a full blob; the one on the server has a byte flipped.
build 3
python3 - "$TMP/v3/feed-3.cgfeed" "$WWW/feed-3.cgfeed" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
data[len(data) // 2] ^= 0x01
open(sys.argv[2], "wb").write(data)
PY
cp "$TMP/v3/manifest.jws" "$WWW/"
code=0
out="$(feed_sync)" || code=$?
[ "$code" -ne 0 ] || fail "feed sync of a tampered blob exited 0: $out"
expect "tampered feed status" "$(field "$out" status)" rejected
expect "tampered feed error" "$(field "$out" error)" hash_mismatch
expect "tampered feed: version in force" "$(field "$out" version)" 2
expect "feed: screen after the tampered v3" "$(screen_fraud)" reported
echo "b) feed v3 with a tampered blob: rejected (hash_mismatch), version 2 stays in force"
echo "nginx e2e: ok"
