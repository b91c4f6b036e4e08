"""Reads on a replica (issue 24): with ``read_from_replica`` the ledgers, exports and the integrity
archive read on the platform's read replica, and what they write (the archive's access register)
goes to the primary; with no replica they work as before.

A real primary and replica (two private MariaDB servers replicating by GTID, ``tests/site/replica.py``)
hold a copy of this site's database. The replica is paused while the office changes a record on the
primary, so a page that shows the old value read the replica, and one that shows the new value read
the primary."""

import io

import frappe
import pymysql
from openpyxl import load_workbook

from sanshu_app.assessment_and_rectification.ledgers import download_archive, download_rectification_ledger
from tests.site.factories import CountyTestCase
from tests.site.replica import ReplicatedDatabase, new_request

NEW_NAME = "主库新名"


def downloaded_text():
	book = load_workbook(io.BytesIO(frappe.response["filecontent"]), read_only=True)
	return "\n".join(str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row if v is not None)


def register_lines(cadre):
	return frappe.db.count("Archive Access Log", {"cadre": cadre})


class TestReadReplica(CountyTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.pair = ReplicatedDatabase()

	@classmethod
	def tearDownClass(cls):
		cls.pair.stop()
		super().tearDownClass()

	def test_archive_and_ledgers_read_the_replica_and_register_on_the_primary(self):
		cadre = self.c.cadre_a
		with self.pair.use():
			frappe.set_user("Administrator")
			self.pair.pause()
			# The office renames the cadre; the paused replica still has the old name.
			frappe.get_doc("Sanshu Cadre", cadre.name).db_set("full_name", NEW_NAME)
			frappe.db.commit()
			before = register_lines(cadre.name)

			new_request()
			download_archive(cadre.name)
			text = downloaded_text()
			self.assertIn(cadre.full_name, text)
			self.assertNotIn(NEW_NAME, text)
			# The export was registered, on the primary: the replica refuses every write of the site's user.
			self.assertEqual(register_lines(cadre.name), before + 1)

			# The platform's own report runner is read-only too: the archive report reads the
			# replica and its register line still lands on the primary.
			from frappe.desk.query_report import run

			new_request()
			report = run("Integrity Archive", filters={"cadre": cadre.name}, ignore_prepared_report=True)
			self.assertTrue(report["columns"])
			self.assertEqual(register_lines(cadre.name), before + 2)

			new_request()
			download_rectification_ledger()
			self.assertTrue(downloaded_text())

			# Once the replica catches up, the same export shows the new name.
			self.pair.resume()
			new_request()
			download_archive(cadre.name)
			self.assertIn(NEW_NAME, downloaded_text())
			self.assertEqual(register_lines(cadre.name), before + 3)
			frappe.get_doc("Sanshu Cadre", cadre.name).db_set("full_name", cadre.full_name)
			frappe.db.commit()

	def test_the_replica_refuses_the_sites_writes(self):
		"""What makes the test above a proof: a write that reached the replica would have failed."""
		conf = frappe.local.conf
		connection = pymysql.connect(host="127.0.0.1", port=self.pair.replica.port, user=conf.db_user or conf.db_name, password=conf.db_password, database=conf.db_name)
		try:
			with self.assertRaises(pymysql.err.OperationalError) as refused:
				connection.cursor().execute("update `tabSanshu Cadre` set full_name = full_name where name = %s", self.c.cadre_a.name)
			self.assertIn("read-only", str(refused.exception))
		finally:
			connection.close()

	def test_with_no_replica_the_same_export_reads_the_sites_database(self):
		frappe.set_user("Administrator")
		download_archive(self.c.cadre_a.name)
		self.assertIn(self.c.cadre_a.full_name, downloaded_text())
