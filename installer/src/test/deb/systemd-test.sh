#!/usr/bin/env bash
# The package under a real systemd: boots the cached Debian root in systemd-nspawn (own network
# namespace) and checks what the chroot test cannot:
#   systemd-test.sh OLD.deb NEW.deb
# - installing OLD starts mediassist.service with its hardened unit (no new privileges, seccomp,
#   empty capability set) and the postinst's health check passes;
# - upgrading to a broken build of NEW (its appliance jar cut short, version NEW+broken) fails the
#   health check: dpkg reports the failure, the service is left stopped, the message names the backup;
# - `mediassist db restore` of that backup and installing OLD again bring the clinic back;
# - remove stops the service.
# Exit 77 (skipped) when systemd-nspawn is not installed. Run as root.
set -euo pipefail
old_deb=$(readlink -f "$1"); new_deb=$(readlink -f "$2")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
step() { echo "== $(date -u +%H:%M:%S) $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "PASS $*"; }
# grep that reads all its input: grep -q stops early, and the writer of the pipe then fails (EPIPE,
# or SIGPIPE; a JVM starts this script with SIGPIPE ignored), which pipefail reports as a failure.
has() { grep "$@" >/dev/null; }
command -v systemd-nspawn >/dev/null || { echo "SKIP: systemd-nspawn is not installed (apt-get install systemd-container)"; exit 77; }
[ "$(id -u)" = 0 ] || fail "must run as root"
tarball=$(bash "$here/root-tarball.sh") || fail "no cached Debian root"

R=$(mktemp -d /var/tmp/mediassist-systemd-test.XXXXXX)
nspawn_pid=""
cleanup() {
  if [ -n "$nspawn_pid" ] && kill -0 "$nspawn_pid" 2>/dev/null; then
    kill -TERM "$nspawn_pid" 2>/dev/null || true
    timeout 30 tail --pid="$nspawn_pid" -f /dev/null || kill -TERM "$nspawn_pid" 2>/dev/null || true
    timeout 15 tail --pid="$nspawn_pid" -f /dev/null || kill -KILL "$nspawn_pid" 2>/dev/null || true
  fi
  rm -rf --one-file-system "$R" "$R.console" "$R.pkg"
  # The empty cgroups nspawn leaves behind (deepest first; rmdir refuses any that is in use).
  for d in /sys/fs/cgroup/systemd/payload /sys/fs/cgroup/systemd/supervisor /sys/fs/cgroup/unified/payload \
      /sys/fs/cgroup/unified/supervisor; do
    [ -d "$d" ] && find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null || true
  done
}
trap cleanup EXIT
trap "exit 143" TERM INT
tar --numeric-owner -xpf "$tarball" -I zstd -C "$R"
cp "$old_deb" "$R/root/old.deb"
old_version=$(dpkg-deb -f "$old_deb" Version); new_version=$(dpkg-deb -f "$new_deb" Version)
broken_version="$new_version+broken"
# A broken build of the new version: its appliance cannot start.
dpkg-deb -R "$new_deb" "$R.pkg"
truncate -s 1024 "$R.pkg/usr/lib/mediassist/appliance/quarkus-run.jar"
sed -i "s/^Version: .*/Version: $broken_version/" "$R.pkg/DEBIAN/control"
sed -i "s/^VERSION=.*/VERSION=$broken_version/" "$R.pkg/DEBIAN/preinst" "$R.pkg/DEBIAN/postinst"
dpkg-deb --root-owner-group -Znone -b "$R.pkg" "$R/root/broken.deb" >/dev/null
rm -rf "$R.pkg"

step "booting the root in systemd-nspawn"
systemd-nspawn -q -D "$R" --register=no --keep-unit --private-network --boot --console=pipe >"$R.console" 2>&1 &
nspawn_pid=$!
pid1=""
for _ in $(seq 1 60); do
  pid1=$(pgrep -P "$nspawn_pid" | head -n 1 || true)
  if [ -n "$pid1" ]; then
    state=$(nsenter -t "$pid1" -a systemctl is-system-running 2>/dev/null || true)
    case "$state" in running|degraded) break ;; esac
  fi
  kill -0 "$nspawn_pid" 2>/dev/null || { echo "SKIP: systemd-nspawn cannot boot the root here: $(tail -n 5 "$R.console")"; exit 77; }
  sleep 1
done
case "${state:-}" in running|degraded) ;; *) echo "SKIP: the container did not finish booting in 60 s (state '${state:-}')"; exit 77 ;; esac
pass "container booted (systemd is-system-running: $state)"
in_ct() { nsenter -t "$pid1" -a env DEBIAN_FRONTEND=noninteractive "$@"; }

step "installing $old_version under systemd"
started=$SECONDS
out=$(in_ct dpkg -i /root/old.deb 2>&1) || fail "dpkg -i $old_version: $out"
echo "$out" | has "is running and healthy" || fail "the postinst did not report a healthy start: $out"
[ "$(in_ct systemctl is-active mediassist.service)" = active ] || fail "mediassist.service is not active"
[ "$(in_ct systemctl is-active mediassist-backup.timer)" = active ] || fail "the backup timer is not active"
pass "installed, started by systemd and healthy in $((SECONDS - started)) s"
main=$(in_ct systemctl show -p MainPID --value mediassist.service)
status=$(in_ct cat "/proc/$main/status")
echo "$status" | has '^NoNewPrivs:[[:space:]]*1' || fail "NoNewPrivs is not set: $status"
echo "$status" | has '^Seccomp:[[:space:]]*2' || fail "no seccomp filter: $status"
echo "$status" | has '^CapBnd:[[:space:]]*0000000000000000' || fail "capabilities left: $status"
[ "$(in_ct stat -c %U "/proc/$main")" = mediassist ] || fail "the service does not run as mediassist"
pass "the JVM runs sandboxed: user mediassist, NoNewPrivs 1, seccomp filter, no capabilities, RSS $(echo "$status" | awk '/^VmRSS/ {printf "%d MB", $2 / 1024}')"
in_ct journalctl -u mediassist.service --no-pager 2>/dev/null | has "password:" && fail "a password reached the journal"
pass "no password in the journal"

step "upgrading to a broken build ($broken_version)"
# A broken build never gets ready: a short wait is enough to see the failure.
sed -i 's/^UPGRADE_HEALTH_WAIT=.*/UPGRADE_HEALTH_WAIT=15/' "$R/etc/mediassist/mediassist.env"
out=$(in_ct dpkg -i /root/broken.deb 2>&1) && fail "dpkg accepted a build that fails its health check: $out"
echo "$out" | has "$broken_version did not pass its health check; the service is left STOPPED" \
  || fail "the failed health check was not reported: $out"
backup=$(echo "$out" | sed -n 's/^mediassist: the data as it was before the upgrade is in //p')
[ -n "$backup" ] && [ -f "$R$backup" ] || fail "the message names no existing backup: $out"
state=$(in_ct systemctl is-active mediassist.service || true)
[ "$state" != active ] && [ "$state" != activating ] || fail "the broken version's service is $state, not stopped"
pass "health check failed: service $state, backup named: $backup"

step "going back: mediassist db restore, then $old_version again"
sed -i 's/^UPGRADE_HEALTH_WAIT=.*/UPGRADE_HEALTH_WAIT=180/' "$R/etc/mediassist/mediassist.env"
out=$(in_ct mediassist db restore "$backup" 2>&1) || fail "db restore: $out"
out=$(in_ct dpkg -i /root/old.deb 2>&1) || fail "reinstalling $old_version: $out"
echo "$out" | has "is running and healthy" || fail "$old_version did not come back healthy: $out"
in_ct mediassist status | has "^version: *$old_version" || fail "status does not show $old_version"
pass "the clinic is back on $old_version, healthy"

step "dpkg -r under systemd"
in_ct dpkg -r mediassist >/dev/null 2>&1 || fail "dpkg -r"
state=$(in_ct systemctl is-active mediassist.service || true)
[ "$state" != active ] || fail "the service still runs after remove"
pass "remove stopped the service ($state)"
echo "ALL PASSED"
