"""The supervision rules as data (Supervision Settings), with the seeds' numbers as defaults."""

from sanshu_app.utils import single_setting

SETTINGS = "Supervision Settings"
WEIGHT_FIELDS = {
	"petitions": "weight_petitions",
	"efficiency_complaints": "weight_efficiency_complaints",
	"online_opinion": "weight_online_opinion",
}


def setting(fieldname):
	return single_setting(SETTINGS, fieldname)


def default_scale() -> list[tuple[str, float]]:
	rows = []
	for line in (setting("survey_default_scale") or "").splitlines():
		option, _, score = line.partition(":")
		if option.strip():
			rows.append((option.strip(), float(score or 0)))
	return rows
