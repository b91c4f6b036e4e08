"""Carrying a campaign over to the next year."""

from datetime import date


def same_day_next_year(day: date | None) -> date | None:
	if day is None:
		return None
	try:
		return day.replace(year=day.year + 1)
	except ValueError:  # 29 February: the office's next-year habit is the 28th
		return day.replace(year=day.year + 1, day=28)


def next_year_title(title: str, year: int) -> str:
	"""The title with its year moved on; a title without the year gets it in front."""
	if str(year) in title:
		return title.replace(str(year), str(year + 1))
	return f"{year + 1} {title}"
