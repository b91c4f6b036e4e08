"""The base class of every record the app scopes (``record_scopes.RECORD_SCOPES``)."""

from frappe.model.document import Document


class ScopedDocument(Document):
	"""A record whose readers the permission layer decides from its stored placement.

	Loading it from the database hands that placement to the layer's per-request cache, so the
	check that usually follows (opening a form, ``get_doc`` then ``has_permission``) needs no
	second read. The values are the database's, copied at load time: what a client sends later
	cannot change them."""

	def load_from_db(self):
		from sanshu_app.permissions.hidden_records import is_hidden, raise_not_found

		if is_hidden(self.doctype, self.name):
			raise_not_found(self.doctype, self.name)  # as for a name that is not there
		super().load_from_db()
		from sanshu_app.permissions.rule import remember_stored

		remember_stored(self)
		return self
