#!/usr/bin/env bash
# Set up and run sanshu_app with demo data on a Debian/Ubuntu machine:
#   installs MariaDB, Redis, wkhtmltopdf, Chromium and CJK fonts if missing, installs the `bench`
#   command, builds a Frappe bench if none is given, links this checkout into it as the app
#   sanshu_app, records where the bench is (for the tests and scripts/serve.sh), installs the app on
#   a site with a demo county, and serves it on http://127.0.0.1:8000 with socket.io, a worker and
#   the scheduler (scripts/serve.sh start|stop|status).
#
# Run it as a normal user with sudo (the bench is theirs), or as root: then the bench belongs to a
# dedicated system user (`frappe` by default), as Frappe expects — bench refuses to run as root.
# Running it again is harmless: it migrates the site, refreshes the demo and restarts the serve.
#
# Settings (environment):
#   SANSHU_BENCH            an existing bench to use, or where to build one
#                           (default ~/frappe-bench of the bench user)
#   SANSHU_BENCH_USER       the system user that owns the bench when run as root (default frappe)
#   FRAPPE_PATH             Frappe source for a new bench: git URL or local path (default upstream)
#   FRAPPE_BRANCH           branch for a new bench from upstream              (default version-16)
#   SANSHU_SITE_NAME        the site                                           (default sanshu.localhost)
#   SANSHU_DB_ROOT_PASSWORD MariaDB root password (set on a fresh MariaDB)     (default root)
#   SANSHU_NO_SERVE=1       set everything up but serve nothing (later: scripts/serve.sh start)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SITE="${SANSHU_SITE_NAME:-sanshu.localhost}"
DB_ROOT_PASSWORD="${SANSHU_DB_ROOT_PASSWORD:-root}"

say() { printf '\n==> %s\n' "$*"; }

# Trust the system's certificate store (a site's own CA, a proxy's): uv and Node ship their own.
export UV_NATIVE_TLS=1
[ -n "${NODE_EXTRA_CA_CERTS:-}" ] || [ ! -f /etc/ssl/certs/ca-certificates.crt ] || export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt

if [ "$(id -u)" -eq 0 ]; then
	SUDO=""
	BENCH_USER="${SANSHU_BENCH_USER:-frappe}"
	BENCH_HOME="/home/$BENCH_USER"
	# The bench user cannot read root's own Python (pyenv and the like live under /root).
	BENCH_PYTHON="/usr/bin/python3"
	BENCH_CLI_VENV="/opt/frappe-bench-cli"
	BENCH_CLI_LINK="/usr/local/bin/bench"
	BENCH_RECORD="/etc/sanshu_app/bench"
else
	SUDO="sudo"
	BENCH_USER="$(id -un)"
	BENCH_HOME="$HOME"
	BENCH_PYTHON="$(command -v python3)"
	BENCH_CLI_VENV="$HOME/.local/share/frappe-bench-cli"
	BENCH_CLI_LINK="$HOME/.local/bin/bench"
	BENCH_RECORD="${XDG_CONFIG_HOME:-$HOME/.config}/sanshu_app/bench"
fi
BENCH="${SANSHU_BENCH:-$BENCH_HOME/frappe-bench}"

# Run a command as the bench's owner, with bench and Node on the PATH.
as_bench_user() {
	if [ "$(id -un)" = "$BENCH_USER" ]; then
		PATH="$BENCH_CLI_VENV/bin:$(dirname "$BENCH_CLI_LINK"):$PATH" "$@"
	else
		runuser -u "$BENCH_USER" -- env HOME="$BENCH_HOME" PATH="$BENCH_CLI_VENV/bin:/usr/local/bin:/usr/bin:/bin" \
			UV_NATIVE_TLS=1 NODE_EXTRA_CA_CERTS="${NODE_EXTRA_CA_CERTS:-}" "$@"
	fi
}

install_system_packages() {
	local wanted=(mariadb-server mariadb-client libmariadb-dev pkg-config redis-server wkhtmltopdf
		fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming texlive-lang-chinese chromium chromium-driver git curl
		python3-venv python3-dev build-essential cron)
	local missing=()
	for pkg in "${wanted[@]}"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
	# Node.js may come from elsewhere than Debian: only ask apt for it when there is none.
	command -v node >/dev/null || missing+=(nodejs)
	command -v npm >/dev/null || missing+=(npm)
	if [ "${#missing[@]}" -gt 0 ]; then
		say "Installing ${missing[*]}"
		$SUDO apt-get update -q
		DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
	fi
	command -v yarn >/dev/null || $SUDO npm install -g yarn@1
}

# 仿宋 for the official documents' body (GB/T 9704): FandolFang, shipped by texlive-lang-chinese in a
# folder fontconfig does not scan; linked into /usr/local/share/fonts so the PDFs find it.
link_fandol_fonts() {
	local fandol=/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol
	[ -d "$fandol" ] || return 0
	if [ "$(readlink /usr/local/share/fonts/fandol)" != "$fandol" ] || ! fc-list | grep -q FandolFang; then
		say "Making FandolFang (仿宋) visible to fontconfig"
		$SUDO mkdir -p /usr/local/share/fonts
		$SUDO ln -sfn "$fandol" /usr/local/share/fonts/fandol
		$SUDO fc-cache -f /usr/local/share/fonts >/dev/null
	fi
}

create_bench_user() {
	[ "$(id -u)" -eq 0 ] || return 0
	if ! id "$BENCH_USER" >/dev/null 2>&1; then
		say "Creating the system user $BENCH_USER to own the bench"
		useradd --create-home --shell /bin/bash "$BENCH_USER"
	fi
	chmod 755 "$BENCH_HOME"  # the web server and wkhtmltopdf read the bench's assets
}

install_bench_cli() {
	if [ ! -x "$BENCH_CLI_VENV/bin/bench" ]; then
		say "Installing the bench command"
		"$BENCH_PYTHON" -m venv "$BENCH_CLI_VENV"
		"$BENCH_CLI_VENV/bin/pip" install -q frappe-bench
	fi
	mkdir -p "$(dirname "$BENCH_CLI_LINK")"
	ln -sf "$BENCH_CLI_VENV/bin/bench" "$BENCH_CLI_LINK"
	# ~/.local/bin is on a login shell's PATH once it exists (Debian's ~/.profile); make sure an
	# interactive shell has it too.
	if [ "$(id -u)" -ne 0 ] && ! grep -qs 'local/bin' "$HOME/.bashrc"; then
		printf '\nexport PATH="$HOME/.local/bin:$PATH"\n' >>"$HOME/.bashrc"
	fi
}

configure_mariadb() {
	local conf=/etc/mysql/mariadb.conf.d/99-frappe.cnf
	if [ ! -f "$conf" ]; then
		say "Configuring MariaDB for Frappe (utf8mb4)"
		printf '[mysqld]\ncharacter-set-client-handshake = FALSE\ncharacter-set-server = utf8mb4\ncollation-server = utf8mb4_unicode_ci\n\n[mysql]\ndefault-character-set = utf8mb4\n' | $SUDO tee "$conf" >/dev/null
		$SUDO service mariadb restart >/dev/null 2>&1 || true
	fi
	$SUDO service mariadb start >/dev/null 2>&1 || ($SUDO mysqld_safe >/dev/null 2>&1 &)
	for _ in $(seq 30); do mysqladmin ping -h127.0.0.1 >/dev/null 2>&1 && break; sleep 1; done
	if ! mysql -uroot -p"$DB_ROOT_PASSWORD" -h127.0.0.1 -e 'select 1' >/dev/null 2>&1; then
		say "Setting the MariaDB root password"
		$SUDO mysql -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('$DB_ROOT_PASSWORD'); FLUSH PRIVILEGES;"
	fi
}

build_bench() {
	[ -d "$BENCH/apps/frappe" ] && return
	say "Building a Frappe bench at $BENCH (this takes a while)"
	local source="${FRAPPE_PATH:-https://github.com/frappe/frappe}"
	local branch_args=()
	if [ -n "${FRAPPE_BRANCH:-}" ] || [ -z "${FRAPPE_PATH:-}" ]; then branch_args=(--frappe-branch "${FRAPPE_BRANCH:-version-16}"); fi
	if [ -d "$source" ] && ! as_bench_user test -r "$source/.git/HEAD"; then
		# A local source the bench user cannot read (root's home): hand them a clone of it.
		local copy="$BENCH_HOME/.cache/frappe-source"
		rm -rf "$copy"
		git clone -q "$source" "$copy"
		chown -R "$BENCH_USER:" "$BENCH_HOME/.cache"
		source="$copy"
	fi
	mkdir -p "$(dirname "$BENCH")"
	[ "$(id -u)" -ne 0 ] || chown "$BENCH_USER:" "$(dirname "$BENCH")"
	(cd "$(dirname "$BENCH")" && as_bench_user bench init --frappe-path "$source" "${branch_args[@]}" \
		--python "$BENCH_PYTHON" --skip-redis-config-generation "$(basename "$BENCH")") || {
		rm -rf "$BENCH"
		return 1
	}
	(cd "$BENCH" && as_bench_user bench setup redis)
	# Frappe's Google client libraries still import pkg_resources, which setuptools 81 removed.
	as_bench_user "$BENCH/env/bin/pip" install -q "setuptools<81"
}

STARTED_REDIS=()
start_redis() {
	for conf in redis_cache redis_queue; do
		local port
		port=$(sed -n 's/^port \([0-9]*\)/\1/p' "$BENCH/config/$conf.conf" 2>/dev/null || true)
		if [ -n "$port" ] && ! redis-cli -p "$port" ping >/dev/null 2>&1; then
			(cd "$BENCH" && as_bench_user redis-server "config/$conf.conf" --daemonize yes >/dev/null)
			STARTED_REDIS+=("$port")
		fi
	done
}

# The bench runs this checkout: apps/sanshu_app is a link to it, so the tests test what is served
# (`bench get-app` would clone it). Nothing is written into the checkout: the app joins the bench's
# Python through a .pth file, as tests/bench_site.py does.
APP_SOURCE="$REPO"
link_app() {
	cd "$BENCH"
	local link="$BENCH/apps/sanshu_app"
	if ! as_bench_user test -r "$REPO/sanshu_app/hooks.py"; then
		# A checkout the bench's user cannot read (under /root, say): they get a copy of it, made
		# again by every set-up and every site-tier run (tests/bench_site.py uses the same place).
		APP_SOURCE="$BENCH/.sanshu_app-checkout"
		say "$BENCH_USER cannot read $REPO: linking a copy of it, $APP_SOURCE (clone the app where $BENCH_USER can read it to link the checkout itself)"
		as_bench_user rm -rf "$APP_SOURCE"
		as_bench_user mkdir -p "$APP_SOURCE"
		tar -C "$REPO" --exclude=.git --exclude=__pycache__ --exclude=.pytest_cache --exclude='*.egg-info' --exclude=.venv -cf - . |
			as_bench_user tar -C "$APP_SOURCE" -xf -
	fi
	if [ -d "$link" ] && [ ! -L "$link" ]; then
		# An older set-up's `bench get-app` clone: keep it, where `bench remove-app` archives apps.
		local aside="$BENCH/archived/apps/sanshu_app-$(date +%Y-%m-%d_%H%M%S)"
		say "Moving the clone $link aside to $aside: the bench now runs $APP_SOURCE"
		as_bench_user mkdir -p "$BENCH/archived/apps"
		as_bench_user mv "$link" "$aside"
	fi
	if [ "$(readlink -f "$link")" != "$(readlink -f "$APP_SOURCE")" ]; then
		say "Linking $link -> $APP_SOURCE"
		as_bench_user ln -sfn "$APP_SOURCE" "$link"
	fi
	grep -qx sanshu_app sites/apps.txt 2>/dev/null ||
		as_bench_user sh -c '[ ! -s sites/apps.txt ] || [ -z "$(tail -c1 sites/apps.txt)" ] || echo >>sites/apps.txt; echo sanshu_app >>sites/apps.txt'
	# Importable from the sites folder as Frappe imports it; else a .pth file names apps/sanshu_app
	# (an editable install left by `bench get-app` is replaced).
	local found
	found="$(cd sites && as_bench_user ../env/bin/python -c 'import os, sanshu_app; print(os.path.realpath(sanshu_app.__file__))' 2>/dev/null || true)"
	case "$found" in
	"$(readlink -f "$APP_SOURCE")"/*) ;;
	*)
		local purelib
		purelib="$(as_bench_user env/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
		as_bench_user sh -c 'rm -f "$1"/__editable__*sanshu_app* && echo "$2" >"$1/sanshu_app.pth"' - "$purelib" "$link"
		;;
	esac
	# The app's own dependencies (pyproject.toml), into the bench's env.
	local deps
	deps="$(as_bench_user env/bin/python - "$APP_SOURCE/pyproject.toml" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
try:
	import tomllib
	deps = tomllib.loads(text)["project"]["dependencies"]
except ImportError:  # Python 3.10
	block = re.search(r"^dependencies\s*=\s*\[(.*?)\]", text, re.S | re.M).group(1)
	deps = re.findall(r'^\s*"([^"]+)"', block, re.M)
print(" ".join(deps))
PY
)"
	if [ -n "$deps" ]; then
		# shellcheck disable=SC2086  # requirement specifiers have no spaces
		if as_bench_user env/bin/python -m pip --version >/dev/null 2>&1; then
			as_bench_user env/bin/python -m pip install -q $deps
		else
			as_bench_user uv pip install -q --python env/bin/python $deps
		fi
	fi
	# The desk loads the app's scripts from sites/assets/sanshu_app, as `bench build` links it.
	local assets="sites/assets/sanshu_app"
	if [ -d sites/assets ] && { [ -L "$assets" ] || [ ! -e "$assets" ]; } &&
		[ "$(readlink -f "$assets")" != "$(readlink -f "$APP_SOURCE/sanshu_app/public")" ]; then
		as_bench_user ln -sfn "$link/sanshu_app/public" "$assets"
	fi
}

# Where the bench is, for the site tier (tests/bench_site.py) and scripts/serve.sh, whoever runs them.
record_bench() {
	local path
	path="$(cd "$BENCH" && pwd -P)"
	mkdir -p "$(dirname "$BENCH_RECORD")"
	if [ "$(cat "$BENCH_RECORD" 2>/dev/null)" != "$path" ]; then
		echo "$path" >"$BENCH_RECORD"
		say "Recorded the bench in $BENCH_RECORD"
	fi
}

# An older set-up started a worker and the scheduler with nohup; they keep the code they loaded
# (an old clone's, say), and write it into the site's caches. scripts/serve.sh runs them now.
warn_old_workers() {
	local pid cwd found=""
	for pid in $(pgrep -f 'frappe.utils.bench_helper frappe (worker|schedule)' || true); do
		cwd="$(readlink "/proc/$pid/cwd" 2>/dev/null || true)"
		[ "$cwd" = "$BENCH" ] || [ "$cwd" = "$BENCH/sites" ] || continue
		local up="$pid" served=""
		while [ -n "$up" ] && [ "$up" -gt 1 ]; do  # started by scripts/serve.sh's honcho?
			tr '\0' ' ' <"/proc/$up/cmdline" 2>/dev/null | grep -q 'Procfile.serve' && served=1 && break
			up="$(ps -o ppid= -p "$up" | tr -d ' ')"
		done
		[ -n "$served" ] || found+=" $pid"
	done
	[ -n "$found" ] || return 0
	say "WARNING: a worker or scheduler of this bench runs outside scripts/serve.sh (pids$found), probably
    started by an older set-up with nohup. It runs the code it loaded then, and can fill the site's
    cache with it (then every page fails). Stop it (kill$found) and run this again."
}

install_app() {
	cd "$BENCH"
	if [ ! -d "sites/$SITE" ]; then
		say "Creating site $SITE"
		as_bench_user bench new-site "$SITE" --db-root-password "$DB_ROOT_PASSWORD" --admin-password admin --install-app sanshu_app
	else
		grep -q sanshu_app <(as_bench_user bench --site "$SITE" list-apps) || as_bench_user bench --site "$SITE" install-app sanshu_app
		as_bench_user bench --site "$SITE" migrate
	fi
	as_bench_user bench --site "$SITE" execute sanshu_app.demo.make_demo
	# wkhtmltopdf and Chromium fetch the print styles from host_name, so it must be this server.
	as_bench_user bench --site "$SITE" set-config host_name "http://127.0.0.1:8000"
	as_bench_user bench use "$SITE"
	# The scheduler (daily reminders) runs once served.
	as_bench_user bench --site "$SITE" scheduler enable >/dev/null
	as_bench_user bench --site "$SITE" scheduler resume >/dev/null
}

# Everything in the bench belongs to its user: a file root left there (a log, say) makes the site
# answer 500 to every request once the web server, running as that user, cannot write it.
give_back_files() {
	[ "$(id -u)" -eq 0 ] || return 0
	local stray
	stray="$(find "$BENCH" -not -user "$BENCH_USER" -print | head -n 20)"
	if [ -n "$stray" ]; then
		say "Giving back to $BENCH_USER what other users left in the bench:"
		printf '%s\n' "$stray"
		find "$BENCH" -not -user "$BENCH_USER" -exec chown -h "$BENCH_USER:" {} +
	fi
}

serve() {
	# The Redis this run started was for the install; the serve runs its own.
	local port
	for port in "${STARTED_REDIS[@]}"; do redis-cli -p "$port" shutdown >/dev/null 2>&1 || true; done
	SANSHU_BENCH="$BENCH" "$REPO/scripts/serve.sh" restart
}

install_system_packages
link_fandol_fonts
create_bench_user
install_bench_cli
configure_mariadb
build_bench
start_redis
link_app
record_bench
warn_old_workers
install_app
give_back_files
[ -n "${SANSHU_NO_SERVE:-}" ] || serve

cat <<MSG

sanshu_app is set up (bench: $BENCH, owned by $BENCH_USER, running $APP_SOURCE; \`bench\` is on the PATH)
  Administrator / admin
  manager@demo.sanshu.local / Sanshu@2026   (党廉办, Sanshu Manager)
  cadre01@demo.sanshu.local … cadre30@demo.sanshu.local / Sanshu@2026
MSG
if [ -n "${SANSHU_NO_SERVE:-}" ]; then
	echo "Not served (SANSHU_NO_SERVE): scripts/serve.sh start serves it on http://127.0.0.1:8000"
else
	echo "Served on http://127.0.0.1:8000 — scripts/serve.sh status|stop|start|restart"
fi
