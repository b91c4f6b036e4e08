"""The controller every table row of the app shares.

Read on its own (``/api/resource/<table>/<row>``, ``getdoc``, ``frappe.client.get``, print), a
child row is checked by the platform against its parent *doctype* only, never its parent record,
so the record scope would not apply. A row read on its own is therefore allowed exactly when its
stored parent record is.
"""

import frappe
from frappe.model.document import Document


class ChildRow(Document):
	def has_permission(self, permtype="read", *, debug=False, user=None) -> bool:
		if self.flags.ignore_permissions:
			return True
		if self.parent_doc is None and not self.get("__islocal"):
			if not (self.parenttype and self.parent and frappe.db.exists(self.parenttype, self.parent)):
				return False
			return frappe.get_doc(self.parenttype, self.parent).has_permission(permtype, debug=debug, user=user)
		return super().has_permission(permtype, debug=debug, user=user)
