"""The app's roles by name, in one place: the permission layer, the desk, the set-up steps and
every role check of the modules name a role through these (plain data, no Frappe import)."""

MANAGER = "Sanshu Manager"  # the 党廉办
SYSTEM_MANAGER = "System Manager"
PARTY_SECRETARY = "Party Secretary"
SUPERVISION_OFFICER = "Supervision Officer"
RESPONSIBLE_CADRE = "Responsible Cadre"
ASSESSMENT_INSPECTOR = "Assessment Inspector"
EVALUATOR = "Evaluator"
ORGANISATION_DEPARTMENT = "Organisation Department"
# 纪委委员: a member of the discipline committee, who puts written questions (001 §6) to the cadres
# reporting in an active campaign and reads their own questions and the replies.
DISCIPLINE_COMMITTEE_MEMBER = "Discipline Committee Member"

# The roles the app creates on install (System Manager is the platform's).
APP_ROLES = (
	MANAGER,
	PARTY_SECRETARY,
	SUPERVISION_OFFICER,
	RESPONSIBLE_CADRE,
	ASSESSMENT_INSPECTOR,
	EVALUATOR,
	ORGANISATION_DEPARTMENT,
	DISCIPLINE_COMMITTEE_MEMBER,
)
# Roles that see every record in the app: the office.
OFFICE_ROLES = (MANAGER, SYSTEM_MANAGER)
# Roles that answer for a whole unit (and its sub-units), not only for their own records.
UNIT_ROLES = (PARTY_SECRETARY, SUPERVISION_OFFICER)
