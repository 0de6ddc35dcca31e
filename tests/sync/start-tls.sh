#!/bin/bash
# Puts TLS in front of a local HTTP server, for the replication tests.
#
# Usage: start-tls.sh TARGET_PORT WORKDIR
#
# Makes a throwaway CA and a server certificate for localhost and 127.0.0.1
# (subjectAltName DNS:localhost, IP:127.0.0.1; EC P-256, valid 7 days) in
# WORKDIR, then runs stunnel4 (Debian package stunnel4, installed by
# build-aux/install-node-deps) in the foreground, accepting TLS on a free
# 127.0.0.1 port and forwarding the plain connections to
# 127.0.0.1:TARGET_PORT. Once a TLS handshake verified against the CA
# succeeds, prints on stdout:
#   PORT=<n>
#   CA=<WORKDIR>/ca.pem
# and keeps running: the script execs into stunnel, so SIGTERM to its pid
# stops it. If the tunnel is not up within 20 s it is killed and no PORT line
# is printed.
#
# The client must trust CA (e.g. a GTlsFileDatabase made from ca.pem, or
# SSL_CERT_FILE / curl --cacert); the system trust store does not know it.
# WORKDIR also gets: ca.key, server.pem (certificate + CA), server.key,
# stunnel.conf, stunnel.log.
#
# Port: stunnel listens on port 0, so the kernel picks a free port at bind()
# time (no pick-then-bind race); the port is read back from /proc/net/tcp.
set -euo pipefail

if (($# != 2)) || [[ ! "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 TARGET_PORT WORKDIR" >&2
  exit 2
fi
target_port="$1"
mkdir -p "$2"
cd "$2"
dir="$PWD"

stunnel="$(command -v stunnel4 || command -v stunnel || true)"
if [[ -z "$stunnel" ]] || ! command -v openssl >/dev/null 2>&1; then
  echo "start-tls.sh: stunnel4 and openssl are needed (build-aux/install-node-deps)" >&2
  exit 1
fi

# --- a throwaway CA and a server certificate signed by it --------------------
(
  umask 077
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -keyout ca.key -out ca.pem -days 7 -subj "/CN=Banso test CA" \
    -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign"
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -keyout server.key -out server.csr -subj "/CN=localhost"
  printf '%s\n' \
    "basicConstraints=critical,CA:FALSE" \
    "keyUsage=critical,digitalSignature" \
    "extendedKeyUsage=serverAuth" \
    "subjectAltName=DNS:localhost,IP:127.0.0.1" >server.ext
  openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key \
    -CAcreateserial -days 7 -extfile server.ext -out server.crt
  cat server.crt ca.pem >server.pem
  rm -f server.csr server.ext server.crt ca.srl
) >/dev/null 2>stunnel-certs.log || {
  cat stunnel-certs.log >&2
  exit 1
}
chmod 644 ca.pem

cat >stunnel.conf <<EOF
; Written by start-tls.sh.
foreground = yes
pid =
output = $dir/stunnel.log
debug = notice

[couchdb]
accept = 127.0.0.1:0
connect = 127.0.0.1:$target_port
cert = $dir/server.pem
key = $dir/server.key
; No TLS session resumption: glib-networking (libsoup) resumes a session
; cached in the same process without verifying the certificate again, so a
; test that first trusts the CA and then does not would still connect.
sessionResume = no
EOF

# The watcher: finds stunnel's port, waits for a verified TLS handshake,
# prints PORT= and CA=, and exits; it kills stunnel if that fails.
watch() {
  local pid="$1" port="" inodes i
  # Runs in the background alongside the exec into stunnel: the descriptors
  # under /proc/$pid/fd come and go meanwhile, and a find that trips on one
  # must not end the watcher (with it would go the only writer of stdout).
  set +e +o pipefail
  for ((i = 0; i < 200; i++)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "start-tls.sh: stunnel exited (see $dir/stunnel.log)" >&2
      return 1
    fi
    if [[ -z "$port" ]]; then
      # Socket inodes of stunnel, then its LISTEN (0A) socket in /proc/net/tcp.
      inodes="$(find "/proc/$pid/fd" -type l -printf '%l\n' 2>/dev/null |
        sed -n 's/^socket:\[\([0-9]*\)\]$/\1/p' | tr '\n' ' ')"
      port="$(awk -v inodes=" $inodes" '
        NR > 1 && $4 == "0A" && index(inodes, " " $10 " ") {
          split($2, a, ":"); print a[2]; exit
        }' /proc/net/tcp 2>/dev/null || true)"
      [[ -n "$port" ]] && port=$((16#$port))
    fi
    if [[ -n "$port" ]] &&
      openssl s_client -connect "127.0.0.1:$port" -servername localhost \
        -verify_hostname localhost -CAfile "$dir/ca.pem" \
        -verify_return_error </dev/null >/dev/null 2>&1; then
      printf 'PORT=%s\nCA=%s\n' "$port" "$dir/ca.pem"
      return 0
    fi
    sleep 0.1
  done
  echo "start-tls.sh: no TLS on 127.0.0.1:${port:-?} after 20 s" >&2
  kill -TERM "$pid" 2>/dev/null || true
  return 1
}
watch "$$" &

exec "$stunnel" "$dir/stunnel.conf" >&2
