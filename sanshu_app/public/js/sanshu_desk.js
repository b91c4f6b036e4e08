// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt
// The activity log names a changed child-table field by its bare label (Frappe's timeline calls
// frappe.meta.get_label without __()), so a 三述报告 showed "Content": give labels in the user's language.
(() => {
	if (!frappe.meta || frappe.meta.__sanshu_translated_labels) return;
	const get_label = frappe.meta.get_label;
	frappe.meta.get_label = function (...args) {
		const label = get_label.apply(this, args);
		return typeof label === "string" && label ? __(label) : label;
	};
	frappe.meta.__sanshu_translated_labels = true;
})();

// The app's shared desk helpers.
frappe.provide("sanshu_app.desk");

// Returning a report or a rectification needs a reason: ask for it in a dialog, store it with a save, then let the action go.
// Not frappe.prompt: it hides its dialog before calling back, and a rejecting onhide would win.
sanshu_app.desk.ask_return_reason = function (frm) {
	frappe.dom.unfreeze();
	return new Promise((resolve, reject) => {
		let given = false;
		const dialog = new frappe.ui.Dialog({
			title: __("Return Reason"),
			fields: [{ fieldname: "reason", fieldtype: "Small Text", label: __("Return Reason"), reqd: 1, default: frm.doc.return_reason }],
			primary_action_label: __("Return"),
			primary_action(values) {
				given = true;
				dialog.hide();
				frm.set_value("return_reason", values.reason)
					.then(() => frm.save())
					.then(() => {
						frappe.dom.freeze();
						resolve();
					}, reject);
			},
		});
		dialog.onhide = () => {
			if (!given) reject();
		};
		dialog.show();
	});
};

// The text editor's toolbar in the user's language: Quill and the platform write the pickers' words
// ("Normal", "Heading 1", "Table", "Insert Table" …) in CSS; each picker gets its label from here.
(() => {
	const Control = frappe.ui.form && frappe.ui.form.ControlTextEditor;
	if (!Control || Control.prototype.__sanshu_toolbar_labels) return;
	const style = document.createElement("style");
	style.textContent =
		".ql-table .ql-picker-label[data-sanshu-label]::before, .ql-table .ql-picker-item[data-sanshu-label]::before { content: attr(data-sanshu-label); }" +
		".ql-table { width: auto; min-width: 66px; }";
	document.head.appendChild(style);
	const TABLE_ACTIONS = {
		"insert-table": "Insert Table",
		"insert-row-above": "Insert Row Above",
		"insert-row-below": "Insert Row Below",
		"insert-column-right": "Insert Column Right",
		"insert-column-left": "Insert Column Left",
		"delete-row": "Delete Row",
		"delete-column": "Delete Column",
		"delete-table": "Delete Table",
	};
	const label_toolbar = (root) => {
		// the heading picker: Quill shows data-label (and copies the chosen item's onto the picker)
		root.querySelectorAll(".ql-picker.ql-header").forEach((picker) => {
			picker.querySelectorAll(".ql-picker-item").forEach((item) => {
				const level = item.getAttribute("data-value");
				item.setAttribute("data-label", level ? __("Heading {0}", [level]) : __("Normal Text"));
			});
			const label = picker.querySelector(".ql-picker-label");
			const chosen = picker.querySelector(".ql-picker-item.ql-selected");
			if (label) label.setAttribute("data-label", chosen ? chosen.getAttribute("data-label") : __("Normal Text"));
		});
		// the table picker: its own attribute, so that choosing an action does not rename the picker
		root.querySelectorAll(".ql-picker.ql-table").forEach((picker) => {
			const label = picker.querySelector(".ql-picker-label");
			if (label) label.setAttribute("data-sanshu-label", __("Text Table"));
			picker.querySelectorAll(".ql-picker-item").forEach((item) => {
				const action = TABLE_ACTIONS[item.getAttribute("data-value")];
				if (action) item.setAttribute("data-sanshu-label", __(action));
			});
		});
	};
	const make_quill_editor = Control.prototype.make_quill_editor;
	Control.prototype.make_quill_editor = function (...args) {
		const made = make_quill_editor.apply(this, args);
		if (this.$wrapper) label_toolbar(this.$wrapper[0]);
		return made;
	};
	Control.prototype.__sanshu_toolbar_labels = true;
})();

// A link search shows each result's search fields under it, joined by ", " and untranslated as a
// whole (a unit showed "甲镇, Township"): each part in the user's language ("甲镇, 乡镇").
(() => {
	const Link = frappe.ui.form && frappe.ui.form.ControlLink;
	if (!Link || Link.prototype.__sanshu_translated_descriptions) return;
	const setup = Link.prototype.setup_awesomeplete;
	Link.prototype.setup_awesomeplete = function (...args) {
		const made = setup.apply(this, args);
		const awesomplete = this.awesomplete;
		const item = awesomplete && awesomplete.item;
		if (item) {
			awesomplete.item = function (entry, ...rest) {
				const d = this.get_item && this.get_item(entry.value);
				if (d && typeof d.description === "string" && !d.__sanshu_translated) {
					d.description = d.description
						.split(", ")
						.map((part) => __(part))
						.join(", ");
					d.__sanshu_translated = true;
				}
				return item.call(this, entry, ...rest);
			};
		}
		return made;
	};
	Link.prototype.__sanshu_translated_descriptions = true;
})();
