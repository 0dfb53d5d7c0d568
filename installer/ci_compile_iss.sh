#!/usr/bin/env bash
# Compiles installer/renkei-desk.iss with Inno Setup 6's own compiler (ISCC.exe, from the npm
# package `innosetup`) under Debian's wine, against the Linux bundle's folder layout: proves
# the script compiles (sections, constants, the licence file, the [Files] source folder).
# Then runs the setup.exe it made under wine (on a virtual X display): installs for all users,
# upgrades over that install (a stale file in {app}\_internal goes), uninstalls, and checks
# the shortcuts come and go while an office file and a backup in the user's data folder stay.
# The programs inside are the Linux ones, so nothing is started: installer/README.md says how
# to build and check the real setup.exe on Windows.
#   bash installer/ci_compile_iss.sh [BUNDLE_DIR]   (without one, builds the bundle first)
# Installs wine (with wine32: ISCC.exe is a 32-bit program) and xvfb when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
START=$(date +%s)
INNOSETUP_NPM="innosetup@6.4.1"

if ! command -v wine >/dev/null || ! command -v xvfb-run >/dev/null || ! dpkg -s wine32:i386 >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO dpkg --add-architecture i386
  # An i386 index of the security archive can be out of step with the mirror; the release's
  # own archive (-t) has matching amd64 and i386 versions of every library wine32 needs.
  $SUDO apt-get update -qq || echo "ci_compile_iss: apt-get update reported a problem (above); going on"
  CODENAME=$(. /etc/os-release && echo "$VERSION_CODENAME")
  if ! $SUDO apt-get install -y -qq --no-install-recommends -t "$CODENAME" wine wine32:i386 wine64 xvfb xauth >/dev/null; then
    # The machine, not the script, is at fault (e.g. an i386 index caught mid-sync, so wine32's
    # libraries cannot match the amd64 ones): say so, and let .ci/run tell this from a failure.
    echo "ci_compile_iss: wine (with wine32) cannot be installed on this machine now; the .iss was not compiled" >&2
    exit 75
  fi
  echo "ci_compile_iss: wine installed after $(( $(date +%s) - START )) s"
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
BUNDLE=${1:-}
if [ -z "$BUNDLE" ]; then
  if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
  .venv/bin/pip install -q -e '.[installer]'
  .venv/bin/python installer/build.py --distpath "$WORK/dist" --workpath "$WORK/build"
  BUNDLE="$WORK/dist/RenkeiDesk"
fi
BUNDLE=$(cd "$BUNDLE" && pwd)
VERSION=$(python3 -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")

(cd "$WORK" && npm pack --silent "$INNOSETUP_NPM" >/dev/null && tar xzf innosetup-*.tgz)
ISCC="$WORK/package/bin/ISCC.exe"
[ -f "$ISCC" ] || { echo "ci_compile_iss: $INNOSETUP_NPM has no bin/ISCC.exe" >&2; exit 1; }

# A private wine prefix, no Mono/Gecko prompts, no display needed: ISCC is a console program.
export WINEPREFIX="$WORK/wine" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
wineboot -i >/dev/null 2>&1 || true
winpath() { echo "Z:${1//\//\\}"; }
trap 'wineserver -k 2>/dev/null || true; rm -rf "$WORK"' EXIT
wine "$ISCC" /Q "/DAppVersion=$VERSION" "/DBundleDir=$(winpath "$BUNDLE")" /DCompression=none \
  "/O$(winpath "$WORK/out")" "$(winpath "$ROOT/installer/renkei-desk.iss")"
SETUP="$WORK/out/RenkeiDesk-$VERSION-setup.exe"
[ -s "$SETUP" ] || { echo "ci_compile_iss: ISCC made no $SETUP" >&2; exit 1; }
echo "ci_compile_iss: renkei-desk.iss compiled ($(du -h "$SETUP" | cut -f1) uncompressed setup) in $(( $(date +%s) - START )) s"

# Install, upgrade, uninstall. For all users (/ALLUSERS): wine 8 has no per-user Programs
# folder (FOLDERID_UserProgramFiles), which setup's default per-user mode installs into.
C="$WINEPREFIX/drive_c"
APP="$C/Program Files/RenkeiDesk"
DATA="$C/users/$(whoami)/AppData/Local/RenkeiDesk/RenkeiDesk"
wineserver -k 2>/dev/null || true  # wineboot's wineserver knows no display; setup needs one
cat > "$WORK/lifecycle.sh" <<SH
set -euo pipefail
fail() { echo "ci_compile_iss: \$*" >&2; exit 1; }
run_setup() { wine "$SETUP" /VERYSILENT /SUPPRESSMSGBOXES /ALLUSERS /TASKS=desktopicon "/LOG=\$(echo "Z:$WORK/\$1" | tr / '\\\\')"; }
run_setup install.log
[ -f "$APP/renkei-desk" ] && [ -f "$APP/_internal/desktop/resources/fonts/ipamjm.ttf" ] || fail "install: files missing"
[ -f "$C/ProgramData/Microsoft/Windows/Start Menu/Programs/連携デスク.lnk" ] || fail "no Start-menu shortcut"
[ -f "$C/users/Public/Desktop/連携デスク.lnk" ] || fail "no desktop shortcut"
mkdir -p "$DATA/backups/office"
echo office > "$DATA/office.renkei"; echo backup > "$DATA/backups/office/a.renkei-backup"
echo stale > "$APP/_internal/stale-from-old-version.txt"
run_setup upgrade.log
[ ! -e "$APP/_internal/stale-from-old-version.txt" ] || fail "upgrade left {app}/_internal/stale-from-old-version.txt"
[ "\$(ls "$APP" | grep -c '^unins.*\.exe$')" = 1 ] || fail "upgrade installed a second copy"
wine "$APP/unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES
for _ in \$(seq 60); do [ -e "$APP/_internal" ] || break; sleep 1; done
[ ! -e "$APP/_internal" ] || fail "uninstall left {app}/_internal"
[ ! -e "$C/users/Public/Desktop/連携デスク.lnk" ] || fail "uninstall left the desktop shortcut"
[ "\$(cat "$DATA/office.renkei")" = office ] && [ -f "$DATA/backups/office/a.renkei-backup" ] \\
  || fail "uninstall touched the office file or its backups"
SH
xvfb-run -a bash "$WORK/lifecycle.sh" 2> >(grep -v -E "X connection|XIO|after [0-9]+ requests" >&2)
echo "ci_compile_iss: setup installs, upgrades in place and uninstalls, leaving the office file and backups; $(( $(date +%s) - START )) s in all"
