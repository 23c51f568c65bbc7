#!/usr/bin/env bash
# Installs the MediAssist package into a throwaway Debian root and checks what the package promises:
#   install-test.sh OLD.deb NEW.deb PORT
# OLD and NEW are two builds with different versions (NEW the later). Run as root (chroot, mount).
# The root is a minbase Debian (with systemd, for systemd-analyze) cached as a tarball in
# ${XDG_CACHE_HOME:-~/.cache}/mediassist/, made with mmdebstrap (or debootstrap) on first use.
# No systemd runs in the root: the service is started the way its unit says (User, UMask,
# EnvironmentFile, WorkingDirectory, ExecStart) with setpriv. Prints one line per step; exits 1 at
# the first failed check, naming it.
set -euo pipefail
old_deb=$(readlink -f "$1"); new_deb=$(readlink -f "$2"); port=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../../../.." && pwd)

step() { echo "== $(date -u +%H:%M:%S) $*"; }
fail() { echo "FAIL: $*" >&2; [ -f "${service_log:-/nonexistent}" ] && tail -n 40 "$service_log" >&2; exit 1; }
pass() { echo "PASS $*"; }
# grep that reads all its input: grep -q stops early, and the writer of the pipe then fails (EPIPE,
# or SIGPIPE; a JVM starts this script with SIGPIPE ignored), which pipefail reports as a failure.
has() { grep "$@" >/dev/null; }

[ "$(id -u)" = 0 ] || fail "must run as root (chroot and mount)"
for tool in zstd curl chroot mount systemd-analyze java; do
  command -v "$tool" >/dev/null || fail "$tool is missing on this machine"
done

tarball=$(bash "$here/root-tarball.sh") || fail "no cached Debian root"

R=$(mktemp -d /var/tmp/mediassist-install-test.XXXXXX)
service_pid=""
service_log="$R.service.log"
cleanup() {
  if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then
    kill -TERM "$service_pid" 2>/dev/null || true
    timeout 30 tail --pid="$service_pid" -f /dev/null || kill -KILL "$service_pid" 2>/dev/null || true
  fi
  # Anything else still running inside the root (by process id, never by name).
  for p in /proc/[0-9]*; do
    [ "$(readlink "$p/root" 2>/dev/null)" = "$R" ] && kill -KILL "${p#/proc/}" 2>/dev/null || true
  done
  mountpoint -q "$R/proc" && umount "$R/proc"
  rm -rf --one-file-system "$R" "$service_log" "$R.cookies"
}
trap cleanup EXIT
trap "exit 143" TERM INT
step "unpacking the root into $R"
tar --numeric-owner -xpf "$tarball" -I zstd -C "$R"
printf '#!/bin/sh\nexit 101\n' > "$R/usr/sbin/policy-rc.d"; chmod 755 "$R/usr/sbin/policy-rc.d"
mount -t proc proc "$R/proc"
cp "$old_deb" "$R/root/old.deb"; cp "$new_deb" "$R/root/new.deb"
in_root() { chroot "$R" "$@"; }
dpkg_i() { DEBIAN_FRONTEND=noninteractive chroot "$R" dpkg -i --force-confold "$@"; }
mode_of() { in_root stat -c '%a %U:%G' "$1"; }
expect_mode() { # path, expected "mode user:group"
  local got; got=$(mode_of "$1") || fail "$1 does not exist"
  [ "$got" = "$2" ] || fail "$1 is $got, expected $2"
}
old_version=$(dpkg-deb -f "$old_deb" Version); new_version=$(dpkg-deb -f "$new_deb" Version)

# ---- Start and stop the service the way its unit does ----------------------------------------------
unit_value() { awk -v k="$1=" 'index($0, k) == 1 && !done { print substr($0, length(k) + 1); done = 1 }' \
  "$R/lib/systemd/system/mediassist.service"; }
start_service() {
  local user exec env dir umask_
  user=$(unit_value User); exec=$(unit_value ExecStart); env=$(unit_value Environment)
  dir=$(unit_value WorkingDirectory); umask_=$(unit_value UMask)
  chroot "$R" setpriv --reuid="$user" --regid="$(unit_value Group)" --init-groups --no-new-privs -- /bin/sh -c \
    "umask $umask_; set -a; $env; . $(unit_value EnvironmentFile); set +a; cd $dir; exec $exec" \
    > "$service_log" 2>&1 &
  service_pid=$!
  local started=$SECONDS
  until curl -sf --cacert "$R/etc/mediassist/tls/mediassist.crt" "https://127.0.0.1:$port/q/health/ready" >/dev/null; do
    kill -0 "$service_pid" 2>/dev/null || fail "the service exited during start-up"
    [ $((SECONDS - started)) -lt 180 ] || fail "the service was not ready within 180 s"
    sleep 1
  done
  pass "service ready over HTTPS on port $port after $((SECONDS - started)) s (as user $user, ExecStart of the unit), RSS $(rss_mb) MB"
}
rss_mb() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$service_pid/status"; }
stop_service() {
  kill -TERM "$service_pid"
  local rc=0; wait "$service_pid" || rc=$?
  service_pid=""
  [ "$rc" = 0 ] || [ "$rc" = 143 ] || fail "the service exited with $rc on SIGTERM (the unit accepts 0 and 143)"
  pass "service stopped cleanly (exit $rc)"
}
https() { curl -s --cacert "$R/etc/mediassist/tls/mediassist.crt" "$@"; }
base="https://127.0.0.1:$port"

login() { # user, password -> sets $cookies
  local jar="$R.cookies" headers
  rm -f "$jar"
  https -c "$jar" -o /dev/null "$base/login" || fail "GET /login over HTTPS"
  local csrf; csrf=$(awk '$6 == "csrf-token" {print $7}' "$jar")
  [ -n "$csrf" ] || fail "no csrf-token cookie from /login"
  headers=$(https -b "$jar" -c "$jar" -D - -o /dev/null -H 'Content-Type: application/x-www-form-urlencoded' \
    --data-urlencode "j_username=$1" --data-urlencode "j_password=$2" "$base/j_security_check?csrf=$csrf")
  echo "$headers" | has '^HTTP/[0-9.]* 302' || fail "login as $1 over HTTPS was not accepted: $headers"
  for c in mediassist-session mediassist-sid; do
    echo "$headers" | grep -i "^set-cookie: $c=" | has -i '; *secure' || fail "the $c cookie is not Secure: $headers"
  done
  [ "$(https -b "$jar" -o /dev/null -w '%{http_code}' "$base/api/v1/me")" = 200 ] || fail "GET /api/v1/me after login"
  pass "logged in as $1 over HTTPS; session cookies are Secure"
}

# ---- Install the first version ------------------------------------------------------------------
step "installing $old_version"
started=$SECONDS
install_out=$(dpkg_i /root/old.deb 2>&1) || fail "dpkg -i $old_version: $install_out"
pass "installed $old_version in $((SECONDS - started)) s"
password=$(echo "$install_out" | sed -n 's/^ *password: *//p')
[ -n "$password" ] || fail "the installer console did not show the first admin's password: $install_out"
in_root getent passwd mediassist >/dev/null || fail "no system user mediassist"
expect_mode /var/lib/mediassist "700 mediassist:mediassist"
expect_mode /etc/mediassist "750 root:mediassist"
expect_mode /etc/mediassist/mediassist.env "640 root:mediassist"
expect_mode /etc/mediassist/tls/mediassist.p12 "640 root:mediassist"
expect_mode /etc/mediassist/initial-admin-password "600 root:root"
expect_mode /var/lib/mediassist/mediassist.db "600 mediassist:mediassist"
grep -q "password: $password" "$R/etc/mediassist/initial-admin-password" || fail "initial-admin-password differs from the console"
[ -L "$R/etc/systemd/system/multi-user.target.wants/mediassist.service" ] || fail "mediassist.service is not enabled"
[ -L "$R/etc/systemd/system/timers.target.wants/mediassist-backup.timer" ] || fail "the backup timer is not enabled"
[ -x "$R/usr/lib/mediassist/runtime/bin/java" ] || fail "no Java runtime in the package"
[ -f "$R/usr/share/mediassist/bundles/default/manifest.json" ] || fail "no shipped bundle in the package"
pass "user, directories, modes, certificate, first admin (console + root-only file) and enabled units"
verify_out=$(in_root dpkg --verify mediassist 2>&1) || fail "dpkg --verify after the install: $verify_out"
[ -z "$verify_out" ] || fail "dpkg --verify reports changed files after the install: $verify_out"
[ -s "$R/var/lib/dpkg/info/mediassist.md5sums" ] || fail "the package has no md5sums"
pass "dpkg --verify: every shipped file matches the package's md5sums"
in_root /usr/lib/mediassist/runtime/bin/keytool -printcert -file /etc/mediassist/tls/mediassist.crt \
  | has 'IPAddress: 127.0.0.1' || fail "the certificate does not name 127.0.0.1"
pass "self-signed certificate with the box's names and addresses: $(in_root /usr/lib/mediassist/runtime/bin/keytool \
  -printcert -file /etc/mediassist/tls/mediassist.crt | grep -E 'DNSName|IPAddress' | tr -s ' \n' ' ')"

step "systemd-analyze on the shipped units"
verify_out=$(systemd-analyze verify --root="$R" mediassist.service mediassist-backup.service mediassist-backup.timer 2>&1) \
  || fail "systemd-analyze verify: $verify_out"
[ -z "$verify_out" ] || fail "systemd-analyze verify printed warnings: $verify_out"
pass "systemd-analyze verify: no complaints"
exposure=$(systemd-analyze security --offline=true --root="$R" mediassist.service 2>&1 \
  | sed -n 's/.*Overall exposure level for mediassist.service: \([0-9.]*\).*/\1/p')
[ -n "$exposure" ] || fail "systemd-analyze security printed no exposure level"
awk -v e="$exposure" 'BEGIN { exit !(e <= 2.0) }' || fail "exposure $exposure is above 2.0"
pass "systemd-analyze security --offline=true: exposure $exposure (at most 2.0)"

# The test's own port, so that it never meets another appliance on this machine.
sed -i "s/^QUARKUS_HTTP_SSL_PORT=.*/QUARKUS_HTTP_SSL_PORT=$port/" "$R/etc/mediassist/mediassist.env"

step "starting $old_version"
start_service
listening=$(ss -Hltnp 2>/dev/null | grep -c "pid=$service_pid," || true)
[ "$listening" = 1 ] || fail "the appliance listens on $listening TCP sockets, expected only HTTPS: $(ss -Hltnp | grep "pid=$service_pid,")"
ss -Hltnp | grep "pid=$service_pid," | has ":$port " || fail "the appliance does not listen on $port"
pass "only the HTTPS port listens; no plain HTTP port"
status_out=$(in_root mediassist status 2>&1) || fail "mediassist status: $status_out"
echo "$status_out" | has "^version: *$old_version" || fail "mediassist status shows no version $old_version: $status_out"
pass "mediassist status: $(echo "$status_out" | grep appliance:)"
check_out=$(in_root mediassist check --min-disk-mb 200 --min-memory-mb 200 2>&1) || fail "mediassist check: $check_out"
for name in port certificate "audit chain" clock "file modes" "configuration modes"; do
  echo "$check_out" | has "^PASS $name:" || fail "mediassist check has no passing '$name' line: $check_out"
done
for bundle in "ddxplus-diagnosis [^:]*: shipped with the software package (/usr/share/mediassist/bundles/default)" \
              "ddxplus-diagnosis [^:]*: shipped with the software package (/var/lib/mediassist/bundles/shipped)" \
              "mediassist-knowledge [^:]*: shipped with the software package (knowledge/ inside /usr/lib/mediassist/"; do
  echo "$check_out" | has "^PASS bundle $bundle.*not signed by the update repository" \
    || fail "mediassist check has no passing line for the bundle '$bundle': $check_out"
done
pass "mediassist check: $(echo "$check_out" | tail -n 1)"
login admin "$password"
token=$(in_root mediassist tokens create --name install-test --role doctor) || fail "tokens create"
create_patient() { # number
  local code
  code=$(https -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data "{\"patientNumber\":\"$1\",\"givenName\":\"Lucía\",\"familyName\":\"Paquete\",\"birthDate\":\"1970-01-02\",\"sex\":\"female\"}" \
    "$base/api/v1/patients")
  [ "$code" = 201 ] || fail "creating patient $1 answered $code"
}
has_patient() {
  https -H "Authorization: Bearer $token" "$base/api/v1/patients?q=$1" | has "\"patientNumber\":\"$1\""
}
create_patient PKG-0001
has_patient PKG-0001 || fail "patient PKG-0001 not found after creating it"
pass "wrote patient PKG-0001 through the API"
if [ "${BENCH:-0}" = 1 ]; then # BENCHMARKS.md: resident memory under 50 concurrent doctors
  echo "BENCH rss_before_load_mb=$(rss_mb)"
  echo "BENCH $(java "$here/LoadDoctors.java" "$base" "$R/etc/mediassist/tls/mediassist.crt" "$token" \
    "${BENCH_DOCTORS:-50}" "${BENCH_SECONDS:-60}") cpu_cores=$(nproc) load_average=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "BENCH rss_after_load_mb=$(rss_mb) (MemoryMax of the unit: $(unit_value MemoryMax))"
fi
patients_before_upgrade=$(https -H "Authorization: Bearer $token" "$base/api/v1/patients" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
[ -n "$patients_before_upgrade" ] || fail "GET /api/v1/patients gave no total"
stop_service

step "nightly backup with retention (BACKUP_KEEP=2, three runs)"
for i in 1 2 3; do
  in_root setpriv --reuid=mediassist --regid=mediassist --init-groups -- /bin/sh -c \
    "set -a; . /etc/mediassist/mediassist.env; BACKUP_KEEP=2; set +a; exec /usr/lib/mediassist/bin/nightly-backup" \
    >/dev/null || fail "nightly-backup run $i"
  sleep 1
done
nightly=$(ls "$R/var/lib/mediassist/backups" | grep -c '^nightly-.*\.db$' || true)
[ "$nightly" = 2 ] || fail "$nightly nightly backups kept, expected 2"
pass "nightly backups: 2 kept after 3 runs"

# ---- Upgrade -----------------------------------------------------------------------------------
step "upgrading to $new_version"
started=$SECONDS
upgrade_out=$(dpkg_i /root/new.deb 2>&1) || fail "dpkg -i $new_version: $upgrade_out"
backup=$(echo "$upgrade_out" | sed -n 's/^mediassist: backup before the upgrade: //p')
[ -n "$backup" ] && [ -f "$R$backup" ] || fail "no backup named before the upgrade: $upgrade_out"
expect_mode "$backup" "600 mediassist:mediassist"
echo "$upgrade_out" | has "password:" && fail "the upgrade made a new first admin"
pass "upgraded in $((SECONDS - started)) s; backup first: $backup"
verify_out=$(in_root dpkg --verify mediassist 2>&1) || fail "dpkg --verify after the upgrade: $verify_out"
[ -z "$verify_out" ] || fail "dpkg --verify reports changed files after the upgrade: $verify_out"
grep -q "^QUARKUS_HTTP_SSL_PORT=$port$" "$R/etc/mediassist/mediassist.env" || fail "the upgrade lost the configuration"
start_service
status_out=$(in_root mediassist status 2>&1) || fail "mediassist status after the upgrade: $status_out"
echo "$status_out" | has "^version: *$new_version" || fail "status does not show $new_version: $status_out"
login admin "$password"
has_patient PKG-0001 || fail "patient PKG-0001 is gone after the upgrade"
pass "data intact after the upgrade (patient PKG-0001, admin password)"
create_patient PKG-0002
stop_service
in_root mediassist audit verify | has '^PASS' || fail "audit chain after the upgrade"
pass "audit chain intact after the upgrade"

step "mediassist db restore of the backup taken before the upgrade"
restore_out=$(in_root mediassist db restore "$backup" 2>&1) || fail "db restore: $restore_out"
echo "$restore_out" | has "^restored $patients_before_upgrade patients" || fail "the restore did not bring back the state before the upgrade: $restore_out"
pass "restored: $(echo "$restore_out" | head -n 1)"

step "installing the older $old_version over a database of a newer schema"
java -cp "$(ls "$repo"/installer/target/lib/sqlite-jdbc-*.jar | head -n 1)" "$here/SchemaVersionBump.java" \
  "$R/var/lib/mediassist/mediassist.db" 999 || fail "could not mark the database as schema 999"
in_root chown mediassist:mediassist /var/lib/mediassist/mediassist.db
downgrade_out=$(dpkg_i /root/old.deb 2>&1) && fail "the older package installed over a newer database: $downgrade_out"
echo "$downgrade_out" | has "REFUSED: /var/lib/mediassist/mediassist.db has schema version 999" \
  || fail "the refusal does not say why: $downgrade_out"
[ "$(in_root dpkg-query -W -f '${Version} ${Status}' mediassist)" = "$new_version install ok installed" ] \
  || fail "the refused downgrade changed the installed package: $(in_root dpkg-query -W mediassist)"
pass "downgrade refused clearly: $(echo "$downgrade_out" | grep REFUSED)"

# ---- Remove and purge ----------------------------------------------------------------------------
step "dpkg -r"
in_root dpkg -r mediassist >/dev/null 2>&1 || fail "dpkg -r"
[ ! -e "$R/usr/lib/mediassist" ] && [ ! -e "$R/usr/bin/mediassist" ] || fail "program files left after remove"
[ -f "$R/var/lib/mediassist/mediassist.db" ] && [ -f "$R/etc/mediassist/mediassist.env" ] || fail "remove deleted data or configuration"
[ "$(in_root dpkg-query -W -f '${Status}' mediassist)" = "deinstall ok config-files" ] || fail "status after remove"
pass "remove kept /var/lib/mediassist and /etc/mediassist"
step "dpkg -P"
in_root dpkg -P mediassist >/dev/null 2>&1 || fail "dpkg -P"
[ ! -e "$R/var/lib/mediassist" ] && [ ! -e "$R/etc/mediassist" ] || fail "purge left data or configuration"
[ ! -e "$R/etc/systemd/system/multi-user.target.wants/mediassist.service" ] || fail "purge left the enable link"
pass "purge removed the data, configuration and unit links"
echo "ALL PASSED"
