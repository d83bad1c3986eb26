#!/bin/bash
# CI (issue 20): build the Debian packages from the release tarball, check
# them with lintian, install them as a user would and use them with no
# environment set, then purge them.  Takes the tarball a preceding
# `make distcheck` (or `make dist`) left in the build tree; makes one if
# there is none.  Needs root (apt-get) on Debian 12.  Not part of make check.
set -euo pipefail
builddir=$(cd "${KLYNGE_TEST_BUILDDIR:-.}" && pwd)
packages="libklynge-1.0-0 libklynge-1.0-dev gir1.2-klynge-1.0 python3-klynge klynge"
export DEBIAN_FRONTEND=noninteractive
work=$(mktemp -d)
installed=no
cleanup() {
  if test $installed = yes; then apt-get purge -y $packages >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
step_start=$SECONDS
step() { printf '[%4ds] %s\n' $((SECONDS - step_start)) "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
test "$(id -u)" = 0 || fail "run as root: it installs the build dependencies and the packages"

tarball=$(ls "$builddir"/klynge-*.tar.xz "$builddir"/klynge-*.tar.gz 2>/dev/null | tail -n 1 || true)
if test -z "$tarball"; then
  step "no tarball in $builddir: make dist"
  make -C "$builddir" dist >/dev/null
  tarball=$(ls "$builddir"/klynge-*.tar.xz "$builddir"/klynge-*.tar.gz 2>/dev/null | tail -n 1)
fi
step "unpack $(basename "$tarball")"
tar -C "$work" -xf "$tarball"
src=$(echo "$work"/klynge-*/)
test -f "$src/debian/control" || fail "$(basename "$tarball") has no debian/ (EXTRA_DIST in Makefile.am)"

step "the packaging tools and the build dependencies (apt-get build-dep)"
apt-get install -y --no-install-recommends dpkg-dev debhelper dh-python lintian fakeroot >/dev/null
DEB_BUILD_PROFILES=nocheck apt-get build-dep -y "$src" >/dev/null

# CI ran every test before; nocheck skips make check in the package build.
# The source package is built too (it costs a second) so that lintian
# checks debian/ itself, not only the binary packages.
step "dpkg-buildpackage -us -uc (source and binaries, nocheck)"
(cd "$src" && DEB_BUILD_OPTIONS=nocheck DEB_BUILD_PROFILES=nocheck \
   dpkg-buildpackage -us -uc >"$work/build.log" 2>&1) \
  || { tail -n 60 "$work/build.log"; fail "dpkg-buildpackage failed (log above)"; }
grep -E '^dpkg-gensymbols: (warning|error)' "$work/build.log" && fail "dpkg-gensymbols warned (log above)"
changes=$(ls "$work"/klynge_*.changes)
# the dbgsym packages are built too but not installed
debs=$(ls "$work"/*.deb | grep -v -- '-dbgsym_')
for p in $packages; do
  ls "$work/${p}_"*.deb >/dev/null 2>&1 || fail "no package $p was built"
done
for deb in $debs; do
  printf '  %s\n' "$(basename "$deb")"; dpkg-deb -c "$deb" | awk '$6 !~ /\/$/ { $1 = $2 = $3 = $4 = $5 = ""; sub(/^ +/, ""); print "    " $0 }'
done

step "lintian (every tag shown: info, pedantic, experimental and overridden too; errors fail)"
lintian_status=0
lintian --fail-on error --display-info --pedantic --display-experimental --show-overrides \
  "$changes" >"$work/lintian.txt" 2>&1 || lintian_status=$?
cat "$work/lintian.txt"
count() { grep -c "^$1: " "$work/lintian.txt" || true; }
printf 'lintian: %d error(s), %d warning(s), %d info, %d pedantic, %d experimental, %d overridden\n' \
  "$(count E)" "$(count W)" "$(count I)" "$(count P)" "$(count X)" "$(count O)"
test $lintian_status = 0 || fail "lintian reports errors (status $lintian_status)"

step "apt-get install the packages"
installed=yes
# shellcheck disable=SC2086 # one argument per package file
apt-get install -y $debs >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "apt-get install"; }

step "the user checks with no environment (debian/tests/user-checks, the autopkgtest)"
(cd "$src" && env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root bash debian/tests/user-checks) \
  || fail "the user checks failed on the installed packages"

step "apt-get purge the packages"
# shellcheck disable=SC2086
apt-get purge -y $packages >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; fail "apt-get purge"; }
installed=no
for p in $packages; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
  case "$status" in ''|un*|pn*) ;; *) fail "$p is still known to dpkg after the purge ($status)";; esac
done
leftover=$(ls -d /usr/bin/klynge /usr/lib/*/libklynge-1.0.so* /usr/lib/*/girepository-1.0/Klynge-1.0.typelib \
              /usr/lib/python3/dist-packages/klynge /usr/include/klynge-1.0 /usr/share/klynge 2>/dev/null || true)
test -z "$leftover" || fail "left after the purge: $leftover"
step "PASS: built from $(basename "$tarball"), lintian clean of errors, installed, used with no environment, purged"
