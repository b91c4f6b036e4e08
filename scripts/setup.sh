#!/usr/bin/env bash
# Set up and run sanshu_app with demo data on a Debian/Ubuntu machine:
#   installs MariaDB, Redis, wkhtmltopdf, Chromium and CJK fonts if missing, installs the `bench`
#   command, builds a Frappe bench if none is given, installs this app on a site with a demo county,
#   and serves it on http://localhost:8000 with its background workers and scheduler.
#
# Run it as a normal user with sudo (the bench is theirs), or as root: then the bench belongs to a
# dedicated system user (`frappe` by default), as Frappe expects — bench refuses to run as root.
#
# Settings (environment):
#   SANSHU_BENCH            an existing bench to use, or where to build one
#                           (default ~/frappe-bench of the bench user)
#   SANSHU_BENCH_USER       the system user that owns the bench when run as root (default frappe)
#   FRAPPE_PATH             Frappe source for a new bench: git URL or local path (default upstream)
#   FRAPPE_BRANCH           branch for a new bench from upstream              (default version-16)
#   SANSHU_SITE_NAME        the site                                           (default sanshu.localhost)
#   SANSHU_DB_ROOT_PASSWORD MariaDB root password (set on a fresh MariaDB)     (default root)
#   SANSHU_NO_SERVE=1       set everything up, start the workers and scheduler, but not the web server
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
else
	SUDO="sudo"
	BENCH_USER="$(id -un)"
	BENCH_HOME="$HOME"
	BENCH_PYTHON="$(command -v python3)"
	BENCH_CLI_VENV="$HOME/.local/share/frappe-bench-cli"
	BENCH_CLI_LINK="$HOME/.local/bin/bench"
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
		fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming chromium chromium-driver git curl python3-venv python3-dev
		build-essential cron)
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

start_redis() {
	for conf in redis_cache redis_queue; do
		local port
		port=$(sed -n 's/^port \([0-9]*\)/\1/p' "$BENCH/config/$conf.conf" 2>/dev/null || true)
		if [ -n "$port" ] && ! redis-cli -p "$port" ping >/dev/null 2>&1; then
			(cd "$BENCH" && as_bench_user redis-server "config/$conf.conf" --daemonize yes >/dev/null)
		fi
	done
}

install_app() {
	cd "$BENCH"
	if [ ! -e "$BENCH/apps/sanshu_app" ]; then
		say "Getting sanshu_app into the bench"
		# This checkout belongs to another user (root); let the bench user's git clone it.
		as_bench_user git config --global --get-all safe.directory | grep -qx "$REPO/.git" ||
			as_bench_user git config --global --add safe.directory "$REPO/.git"
		as_bench_user bench get-app "$REPO"
	fi
	if [ ! -d "sites/$SITE" ]; then
		say "Creating site $SITE"
		as_bench_user bench new-site "$SITE" --db-root-password "$DB_ROOT_PASSWORD" --admin-password admin --install-app sanshu_app
	else
		grep -q sanshu_app <(as_bench_user bench --site "$SITE" list-apps) || as_bench_user bench --site "$SITE" install-app sanshu_app
		as_bench_user bench --site "$SITE" migrate
	fi
	as_bench_user bench --site "$SITE" execute sanshu_app.demo.make_demo
	# wkhtmltopdf and Chromium fetch the print styles from host_name, so it must be this server.
	as_bench_user bench --site "$SITE" set-config host_name "http://localhost:8000"
	as_bench_user bench use "$SITE"
}

# The scheduler (daily reminders) and the workers (queued mail, notifications, bulk issue).
start_workers() {
	cd "$BENCH"
	as_bench_user bench --site "$SITE" scheduler enable >/dev/null
	as_bench_user bench --site "$SITE" scheduler resume >/dev/null
	local pid running=""
	for pid in $(pgrep -f "frappe.utils.bench_helper frappe worker" || true); do
		[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$BENCH/sites" ] && running=1
	done
	if [ -z "$running" ]; then
		say "Starting a background worker and the scheduler (logs in $BENCH/logs)"
		as_bench_user nohup bench worker >>"$BENCH/logs/worker.log" 2>&1 &
		as_bench_user nohup bench schedule >>"$BENCH/logs/schedule.log" 2>&1 &
	fi
}

install_system_packages
create_bench_user
install_bench_cli
configure_mariadb
build_bench
start_redis
install_app
start_workers

cat <<MSG

sanshu_app is ready on http://localhost:8000  (bench: $BENCH, owned by $BENCH_USER; \`bench\` is on the PATH)
  Administrator / admin
  manager@demo.sanshu.local / Sanshu@2026   (党廉办, Sanshu Manager)
  cadre01@demo.sanshu.local … cadre30@demo.sanshu.local / Sanshu@2026
MSG
[ -n "${SANSHU_NO_SERVE:-}" ] && exit 0
cd "$BENCH"
if [ "$(id -u)" -eq 0 ]; then
	exec runuser -u "$BENCH_USER" -- env HOME="$BENCH_HOME" PATH="/usr/local/bin:/usr/bin:/bin" bench serve --port 8000
fi
exec "$BENCH_CLI_LINK" serve --port 8000
