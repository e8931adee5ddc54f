# Shared by scripts/demo and scripts/test: Debian packages, build, PostgreSQL.
# shellcheck shell=bash

INS_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}

INS_PACKAGES=(
  build-essential meson ninja-build pkg-config gettext locales
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libpq-dev
  libpoppler-glib-dev libsoup-3.0-dev libjson-glib-dev libcairo2-dev libpango1.0-dev
  postgresql postgresql-contrib poppler-utils
  xvfb xauth dbus dbus-x11 at-spi2-core python3-dogtail
  desktop-file-utils appstream flatpak-builder libgtk-4-bin libsecret-1-dev
  fonts-dejavu-core fonts-cantarell adwaita-icon-theme librsvg2-common
)

ins_say () { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

ins_as_root () {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ins_install_deps () {
  local missing=()
  for p in "${INS_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    ins_say "Installing ${missing[*]}"
    ins_as_root apt-get update -q
    DEBIAN_FRONTEND=noninteractive ins_as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  # The interface is French: the agents' locale must exist for gettext.
  if ! locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
    ins_say "Generating the fr_FR.UTF-8 locale"
    ins_as_root localedef -i fr_FR -c -f UTF-8 fr_FR.UTF-8
  fi
}

# Environment to run a program from the build tree in French.
ins_french_env () {
  export LANG=fr_FR.UTF-8 LANGUAGE=fr LC_ALL=
  export INSTRUCTION_LOCALEDIR="$1/po"
}

ins_build () {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$INS_TOP" "$@" >&2
  fi
  ninja -C "$dir" >&2
}

# Runs a PostgreSQL server tool as the cluster's owner: PostgreSQL refuses root.
ins_pg_run () {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# ins_pg_start DATADIR PORT: initialises (first time) and starts a cluster
# listening on a Unix socket in DATADIR only, trusting local connections.
ins_pg_start () {
  local data=$1 port=$2
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$data"
    chmod 700 "$data"
    ins_pg_run "$PG_BIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$data'
port = $port
max_connections = 200
fsync = off
shared_buffers = 256MB
CONF
  fi
  if ! ins_pg_run "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    ins_pg_run "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start >/dev/null
  fi
}

ins_pg_stop () {
  ins_pg_run "$PG_BIN/pg_ctl" -D "$1" -m fast -w stop >/dev/null 2>&1 || true
}
