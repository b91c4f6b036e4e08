"""The three 三述 schemes and the sections a report under each must have."""

SCHEME_SECTIONS = {
	"Responsibility, Integrity and Ethics": ("Responsibility", "Integrity", "Ethics"),  # 述责述廉述德
	"Responsibility, Integrity and Risk": ("Responsibility", "Integrity", "Risk"),  # 述责述廉述险
	"Work, Responsibility and Integrity": ("Work", "Responsibility", "Integrity"),  # 述职述责述廉
}


def sections_for(scheme: str) -> tuple[str, ...]:
	try:
		return SCHEME_SECTIONS[scheme]
	except KeyError:
		raise ValueError(f"unknown scheme: {scheme}") from None
