"""A primary and a read replica of the test site's database, on this machine (issue 24).

Two private MariaDB servers on free ports, each in its own temporary directory, run as the test's
own user: a primary writing a binary log, and a replica following it by GTID from the start, read
only (the site's database user has no SUPER, so a write sent to it fails). The test site's database
is copied into the primary and reaches the replica the way every later write does, through the
binary log. ``use()`` points this process's Frappe at the pair with the platform's own settings
(``db_host``/``db_port``, ``read_from_replica``, ``replica_host``/``replica_db_port``)."""

import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import frappe

SERVER = shutil.which("mariadbd") or "/usr/sbin/mariadbd"
INSTALL_DB = shutil.which("mariadb-install-db") or shutil.which("mysql_install_db")
CLIENT = shutil.which("mariadb") or shutil.which("mysql")
DUMP = shutil.which("mariadb-dump") or shutil.which("mysqldump")
REPLICATION_PASSWORD = "replica-of-the-test-site"


def free_port():
	with socket.socket() as s:
		s.bind(("127.0.0.1", 0))
		return s.getsockname()[1]


class Server:
	def __init__(self, root: Path, name: str, server_id: int, *options):
		self.dir, self.port = root / name, free_port()
		self.socket = root / f"{name}.sock"
		subprocess.run(
			[INSTALL_DB, "--no-defaults", f"--datadir={self.dir}", "--auth-root-authentication-method=normal", "--skip-test-db"],
			check=True, capture_output=True,
		)  # fmt: skip
		self.log = open(root / f"{name}.log", "w")
		self.process = subprocess.Popen(
			[SERVER, "--no-defaults", f"--datadir={self.dir}", f"--port={self.port}", f"--socket={self.socket}", f"--pid-file={root / name}.pid",
			 f"--server-id={server_id}", "--bind-address=127.0.0.1", "--skip-name-resolve", "--character-set-server=utf8mb4",
			 "--collation-server=utf8mb4_unicode_ci", "--innodb-buffer-pool-size=64M", "--innodb-flush-log-at-trx-commit=2", *options],
			stdout=self.log, stderr=subprocess.STDOUT,
		)  # fmt: skip
		deadline = time.monotonic() + 60
		while subprocess.run([CLIENT, "-S", str(self.socket), "-uroot", "-e", "select 1"], capture_output=True).returncode:
			if self.process.poll() is not None or time.monotonic() > deadline:
				raise RuntimeError(f"MariaDB {name} did not start: {(root / f'{name}.log').read_text()[-2000:]}")
			time.sleep(0.1)  # a server starting: nothing a user waits for, only the socket

	def sql(self, statement, database=None, stdin=None):
		args = [CLIENT, "-S", str(self.socket), "-uroot", "--batch", "--skip-column-names", *([database] if database else [])]
		if stdin is None:
			args += ["-e", statement]
		done = subprocess.run(args, input=stdin, capture_output=True, check=True)
		return done.stdout.decode().strip()

	def stop(self):
		self.process.terminate()
		try:
			self.process.wait(timeout=60)
		except subprocess.TimeoutExpired:
			self.process.kill()
		self.log.close()


class ReplicatedDatabase:
	"""The test site's database on a private primary, followed by a private read replica."""

	def __init__(self):
		self.root = Path(tempfile.mkdtemp(prefix="sanshu-replica-"))
		self.primary = Server(self.root, "primary", 1, f"--log-bin={self.root / 'primary' / 'bin'}", "--binlog-format=ROW")
		self.replica = Server(self.root, "replica", 2, "--read-only", "--skip-slave-start")
		self.primary.sql(f"create user 'replication'@'%' identified by '{REPLICATION_PASSWORD}'; grant replication slave on *.* to 'replication'@'%'")
		self.replica.sql(
			f"change master to master_host='127.0.0.1', master_port={self.primary.port}, master_user='replication', "
			f"master_password='{REPLICATION_PASSWORD}', master_use_gtid=slave_pos; start slave"
		)
		self.copy_site()

	def copy_site(self):
		conf = frappe.local.conf
		name, user, password = conf.db_name, conf.db_user or conf.db_name, conf.db_password
		frappe.db.commit()
		source = ["-h", conf.db_host or "127.0.0.1", "-P", str(conf.db_port or 3306)] if not conf.db_socket else ["-S", conf.db_socket]
		dump = subprocess.run(
			[DUMP, *source, "-u", user, f"-p{password}", "--single-transaction", "--skip-lock-tables", "--no-tablespaces", "--skip-triggers", name],
			capture_output=True, check=True,
		).stdout  # fmt: skip
		self.primary.sql(
			f"create database `{name}`; create user '{user}'@'%' identified by '{password}'; grant all privileges on `{name}`.* to '{user}'@'%'"
		)
		self.primary.sql("", database=name, stdin=dump)
		self.caught_up()

	def caught_up(self, seconds=120):
		"""Wait until the replica has applied everything the primary has written."""
		position = self.primary.sql("select @@gtid_binlog_pos")
		if self.replica.sql(f"select master_gtid_wait('{position}', {seconds})") != "0":
			raise RuntimeError("the replica did not catch up: " + self.replica.sql("show slave status\\G")[-1500:])

	def pause(self):
		"""The replica stops applying what the primary writes (it lags, as a replica may)."""
		self.replica.sql("stop slave sql_thread")

	def resume(self):
		self.replica.sql("start slave sql_thread")
		self.caught_up()

	@contextmanager
	def use(self):
		"""This process's Frappe on the pair: writes to the primary, ``frappe.read_only()`` reads on
		the replica. Restores the site's own database afterwards."""
		conf = frappe.local.conf
		keys = ("db_host", "db_port", "db_socket", "read_from_replica", "replica_host", "replica_db_port")
		saved = {k: conf.get(k) for k in keys}
		frappe.db.commit()
		frappe.db.close()
		conf.update(db_host="127.0.0.1", db_port=self.primary.port, db_socket=None, read_from_replica=1, replica_host="127.0.0.1", replica_db_port=self.replica.port)
		frappe.connect(set_admin_as_user=False)
		try:
			yield self
		finally:
			frappe.db.rollback()
			frappe.db.close()
			for key, value in saved.items():
				if value is None:
					conf.pop(key, None)
				else:
					conf[key] = value
			new_request()
			frappe.connect(set_admin_as_user=False)

	def stop(self):
		for server in (self.replica, self.primary):
			server.stop()
		shutil.rmtree(self.root, ignore_errors=True)


def new_request():
	"""What a new request starts without: the platform keeps its replica connection on
	``frappe.local`` for the rest of a request."""
	for attribute in ("replica_db", "primary_db"):
		if hasattr(frappe.local, attribute):
			delattr(frappe.local, attribute)
