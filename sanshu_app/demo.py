"""A small demo county: six units under a development zone, 30 cadres with desk users, office
staff, and one current campaign with its first documents (annual commitments and responsibility
letters issued, an evaluation per participant with the demo evaluators on the roster, one
responsibility assessment per unit). Safe to run again: existing records are kept as they are.

    bench --site SITE execute sanshu_app.demo.make_demo
"""

import frappe

from sanshu_app.permissions import forget_scopes

DEMO_PASSWORD = "Sanshu@2026"
DEMO_DOMAIN = "demo.sanshu.local"
ROOT_UNIT = "高新区"
UNITS = (
	("平冈镇", "Township"),
	("平东工业园", "Industrial Park"),
	("区党政办公室", "County Department"),
	("区组织人事和劳动保障局", "County Department"),
	("区综合执法局", "County Department"),
	("区教育文体卫生局", "County Department"),
)
CADRES_PER_UNIT = 5
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗梁"
GIVEN = ("建国", "志强", "海燕", "国华", "丽娟", "伟", "敏", "永红", "晓东", "春梅", "振华", "红霞", "明", "秀英", "德胜")
POSTS = ("党委书记", "纪委书记", "副主任", "副局长", "科长")
STAFF = (
	("manager", "党廉办", ("Sanshu Manager",)),
	("inspector1", "考核组一", ("Assessment Inspector",)),
	("inspector2", "考核组二", ("Assessment Inspector",)),
	("evaluator1", "纪委委员", ("Evaluator",)),
	("evaluator2", "人大代表", ("Evaluator",)),
	("evaluator3", "纠风监督员", ("Evaluator",)),
	("orgdept", "组织部干部科", ("Organisation Department",)),
)
CAMPAIGN = "2026年度“三述”工作"


def make_demo():
	frappe.flags.mute_emails = True
	complete_setup_wizard()
	root = ensure_unit(ROOT_UNIT, "Other", None, is_group=1)
	number = 0
	for unit_name, unit_type in UNITS:
		unit = ensure_unit(unit_name, unit_type, root)
		for position in range(CADRES_PER_UNIT):
			number += 1
			roles = ["Responsible Cadre"]
			if position == 0:
				roles.append("Party Secretary")
			elif position == 1:
				roles.append("Supervision Officer")
			cadre = ensure_cadre(number, unit, position, roles)
			if position == 0:
				frappe.db.set_value("Sanshu Unit", unit, "principal", cadre)
				forget_scopes()  # set_value skips the document events
			elif position == 1:
				frappe.db.set_value("Sanshu Unit", unit, "discipline_officer", cadre)
				forget_scopes()  # set_value skips the document events
	for login, name, roles in STAFF:
		ensure_user(f"{login}@{DEMO_DOMAIN}", name, roles)
	ensure_campaign()
	ensure_issuing_office()
	ensure_campaign_documents()
	ensure_meeting()
	ensure_circular()
	frappe.db.commit()
	print(f"Demo county ready. Log in as manager@{DEMO_DOMAIN} (or cadre01@{DEMO_DOMAIN} … cadre30@{DEMO_DOMAIN}) with password {DEMO_PASSWORD}")


def complete_setup_wizard():
	"""A fresh Frappe site sends everyone but Administrator to the setup wizard: answer it for a
	Chinese county office so the demo users land on the desk."""
	if frappe.get_system_settings("setup_complete"):
		return
	from frappe.desk.page.setup_wizard.setup_wizard import setup_complete

	setup_complete({"language": "中文", "country": "China", "timezone": "Asia/Shanghai", "currency": "CNY"})


def ensure_unit(name, unit_type, parent, is_group=0):
	if not frappe.db.exists("Sanshu Unit", name):
		frappe.get_doc(
			{"doctype": "Sanshu Unit", "unit_name": name, "unit_type": unit_type, "parent_sanshu_unit": parent, "is_group": is_group}
		).insert(ignore_permissions=True)
	return name


def ensure_user(email, first_name, roles):
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{"doctype": "User", "email": email, "first_name": first_name, "send_welcome_email": 0, "language": "zh", "user_type": "System User"}
		)
		user.append_roles(*roles)
		user.new_password = DEMO_PASSWORD
		user.insert(ignore_permissions=True)
	return email


def ensure_cadre(number, unit, position, roles):
	email = f"cadre{number:02d}@{DEMO_DOMAIN}"
	existing = frappe.db.get_value("Sanshu Cadre", {"user": email})
	if existing:
		return existing
	full_name = SURNAMES[number % len(SURNAMES)] + GIVEN[number % len(GIVEN)]
	ensure_user(email, full_name, roles)
	return (
		frappe.get_doc(
			{
				"doctype": "Sanshu Cadre",
				"full_name": full_name,
				"unit": unit,
				"post": POSTS[position],
				"rank": "Section Level" if position < 2 else "Deputy Section Level",
				"user": email,
				"is_principal": int(position == 0),
				"discipline_cadre": int(position == 1),
				"newly_promoted": int(position == 4),
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def ensure_campaign():
	if frappe.db.exists("Sanshu Campaign", CAMPAIGN):
		return
	units = [name for name, _ in UNITS]
	campaign = frappe.get_doc(
		{
			"doctype": "Sanshu Campaign",
			"campaign_title": CAMPAIGN,
			"year": 2026,
			"status": "Active",
			"commitment_due_date": "2026-03-31",
			"report_due_date": "2026-02-05",
			"meeting_date": "2026-02-20",
			"units": [{"unit": u} for u in units],
		}
	).insert(ignore_permissions=True)
	campaign.add_unit_principals()


DEMO_EVALUATORS = ("evaluator1", "evaluator2", "evaluator3")
# One group for the three demo evaluators: a group of one would show that person's choice (issue
# 18; groups under the rule set's k are merged into 其他 anyway).
DEMO_EVALUATOR_GROUP = "Discipline Committee Member"


def ensure_issuing_office():
	"""The demo office's name and its own 文号 prefix (高新廉责〔2026〕1号 …), unless already set."""
	from sanshu_app.official_documents.setup import DEFAULT_PATTERNS

	settings = frappe.get_single("Sanshu Settings")
	if settings.issuing_office:
		return
	settings.issuing_office = "中共阳江高新区纪律工作委员会"
	for row in settings.number_patterns:
		if row.pattern == DEFAULT_PATTERNS.get(row.document_kind):
			row.pattern = "高新" + row.pattern
	settings.save(ignore_permissions=True)


def ensure_campaign_documents():
	"""What the office does first in a campaign, done through the app's own actions."""
	from sanshu_app.assessment_and_rectification.doctype.responsibility_assessment.responsibility_assessment import (
		create_for_campaign,
	)
	from sanshu_app.responsibility_documents.bulk_issue import run as issue

	issue(CAMPAIGN, "Integrity Commitment")
	issue(CAMPAIGN, "Responsibility Letter", "Party Conduct Responsibility Letter")
	campaign = frappe.get_doc("Sanshu Campaign", CAMPAIGN)
	for row in campaign.cadres:
		if not frappe.db.exists("Sanshu Evaluation", {"campaign": CAMPAIGN, "cadre": row.cadre}):
			frappe.get_doc(
				{
					"doctype": "Sanshu Evaluation",
					"campaign": CAMPAIGN,
					"cadre": row.cadre,
					"roster": [
						{"evaluator": f"{login}@{DEMO_DOMAIN}", "evaluator_group": DEMO_EVALUATOR_GROUP}
						for login in DEMO_EVALUATORS
					],
				}
			).insert(ignore_permissions=True)
	create_for_campaign(CAMPAIGN)  # only units without one for the year


def ensure_meeting():
	"""The campaign's 述职述责述廉 meeting: the unit principals report, the demo evaluators vote from
	the desk, and two groups wait for their one-time codes (printed from the meeting form)."""
	if frappe.db.exists("Sanshu Meeting", {"campaign": CAMPAIGN}):
		return
	campaign = frappe.get_doc("Sanshu Campaign", CAMPAIGN)
	principals = set(frappe.get_all("Sanshu Unit", filters={"principal": ("is", "set")}, pluck="principal"))
	frappe.get_doc(
		{
			"doctype": "Sanshu Meeting",
			"campaign": CAMPAIGN,
			"meeting_kind": "Reporting Assembly",
			"meeting_date": campaign.meeting_date or frappe.utils.nowdate(),
			"place": "区党工委第一会议室",
			"reporters": [{"cadre": row.cadre, "report_mode": "Meeting Report"} for row in campaign.cadres if row.cadre in principals],
			"groups": [
				{"evaluator_group": "Discipline Committee Member", "headcount": 9},
				{"evaluator_group": "Service Recipient", "headcount": 30},
			],
			"desk_evaluators": [
				{"evaluator": f"{login}@{DEMO_DOMAIN}", "evaluator_group": DEMO_EVALUATOR_GROUP}
				for login in DEMO_EVALUATORS
			],
		}
	).insert(ignore_permissions=True)


def ensure_circular():
	"""An issued 通报 to the organisation department (主送) and the county units (抄送): the cadres who
	report at the campaign's meeting, so orgdept@ finds it on its home page."""
	from frappe.model.workflow import apply_workflow

	title = "关于2026年度“三述”工作会议述职人员的通报"
	if frappe.db.exists("Sanshu Circular", {"circular_title": title}):
		return
	principals = frappe.get_all("Sanshu Unit", filters={"principal": ("is", "set")}, fields=["name", "principal"], order_by="name")
	cadres = {c.name: c for c in frappe.get_all("Sanshu Cadre", filters={"name": ("in", [p.principal for p in principals] or [""])}, fields=["name", "full_name", "post"])}
	doc = frappe.get_doc(
		{
			"doctype": "Sanshu Circular",
			"circular_title": title,
			"campaign": CAMPAIGN,
			"year": 2026,
			"body": "<p>根据区纪工委、区委组织部关于开展2026年度“三述”工作的安排，现将在述职述责述廉会议上述职的人员通报如下，测评结果另行通报。</p>",
			"recipients": [
				{"copy_type": "Main Recipient", "recipient_type": "Role", "role": "Organisation Department"},
				*[{"copy_type": "Copy Recipient", "recipient_type": "Unit", "unit": p.name} for p in principals[:2]],
			],
			"results": [
				{"unit": p.name, "cadre": p.principal, "cadre_name": cadres[p.principal].full_name, "post": cadres[p.principal].post, "result": "会议述职"}
				for p in principals
				if p.principal in cadres
			],
		}
	).insert(ignore_permissions=True)
	apply_workflow(doc, "Print and Issue")

