#!/usr/bin/env bash
# Makes `prometheus` and `promtool` available for the rule tests and the
# end-to-end test WITHOUT installing Debian's package (whose postinst would
# create a user and start a system service): the .deb is downloaded and
# unpacked into the git-ignored .cache/prometheus/. Idempotent; run it as often
# as you like. Prints the two binaries' paths on stdout as KEY=path lines.
#
#   bash ops/prometheus/install.sh            # -> PROMETHEUS=... PROMTOOL=...
#   DIPWATCH_PROMETHEUS_DIR=/opt/prom bash ops/prometheus/install.sh
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dest="${DIPWATCH_PROMETHEUS_DIR:-$repo_root/.cache/prometheus}"
bin_dir="$dest/usr/bin"

log() { echo "install.sh: $*" >&2; }

report() {  # $1 = prometheus, $2 = promtool
    log "$("$2" --version 2>&1 | head -n 1)"
    echo "PROMETHEUS=$1"
    echo "PROMTOOL=$2"
}

works() { [[ -x "$1" ]] && "$1" --version >/dev/null 2>&1; }

if works "$bin_dir/prometheus" && works "$bin_dir/promtool"; then
    report "$bin_dir/prometheus" "$bin_dir/promtool"
    exit 0
fi

download_and_unpack() {
    command -v apt-get >/dev/null && command -v dpkg >/dev/null || return 1
    local tmp
    tmp="$(mktemp -d)"
    # shellcheck disable=SC2064  # expand $tmp now: it is local.
    trap "rm -rf '$tmp'; trap - RETURN" RETURN
    local apt_opts=()
    # As root apt drops to the _apt user, who cannot write into a mktemp dir.
    [[ $EUID -eq 0 ]] && apt_opts=(-o APT::Sandbox::User=root)
    if ! (cd "$tmp" && apt-get "${apt_opts[@]}" download prometheus >&2); then
        log "apt-get download failed; refreshing the package lists (apt-get update) and retrying"
        [[ $EUID -eq 0 ]] || { log "apt-get update needs root"; return 1; }
        apt-get update >&2 || return 1
        (cd "$tmp" && apt-get "${apt_opts[@]}" download prometheus >&2) || return 1
    fi
    mkdir -p "$dest"
    dpkg -x "$tmp"/prometheus_*.deb "$dest"
    log "unpacked $(basename "$tmp"/prometheus_*.deb) into $dest"
}

if download_and_unpack && works "$bin_dir/prometheus" && works "$bin_dir/promtool"; then
    report "$bin_dir/prometheus" "$bin_dir/promtool"
    exit 0
fi

# No apt (or no network to the package mirror): use binaries already on PATH.
path_prometheus="$(command -v prometheus || true)"
path_promtool="$(command -v promtool || true)"
if [[ -n $path_prometheus && -n $path_promtool ]] \
    && works "$path_prometheus" && works "$path_promtool"; then
    log "using the binaries on PATH"
    report "$path_prometheus" "$path_promtool"
    exit 0
fi

log "could not provide prometheus and promtool: install Debian's 'prometheus' package" \
    "(or put both binaries on PATH) and run this script again"
exit 1
