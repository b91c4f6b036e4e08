"""Connections on the Sanshu Cadre form: the integrity archive (廉政档案), counted per document type.

Only the document types installed at runtime are listed (see
sanshu_app.integrity_archive.archive.dashboard_data)."""


def get_data():
	from sanshu_app.integrity_archive.archive import dashboard_data

	return dashboard_data()
