"""The integrity archive's rows from this module's documents (registered in the
``sanshu_archive_rows`` hook; the engine is sanshu_app.integrity_archive.archive): an assessment's
row shows its score and grade, and the cadre's own grade where a unit graded them as a member."""

from frappe import _

from sanshu_app.integrity_archive.archive import ArchiveParts, record_part


def assessments():
	"""The assessments of the cadre's unit and those grading the cadre as a member."""

	def title(r, tr):
		parts = [r.a]
		if r.n != "" and r.b:  # a score of 0 is a score
			parts.append(_("{0} points, {1}").format(f"{float(r.n):g}", tr(r.b)))
		if r.c:
			parts.append(_("member grade {0}").format(r.c))
		return "；".join(parts)

	# the cadre's grade as a member: one row at most (the assessment refuses a member graded twice)
	grade = "`tabAssessment Member Grade` g on g.parent = a.name and g.parenttype = 'Responsibility Assessment' and g.cadre = %(cadre)s"
	unit = "(select unit from `tabSanshu Cadre` where name = %(cadre)s)"  # the cadre's unit
	of_the_unit = record_part(
		f"`tabResponsibility Assessment` a left join {grade}",
		"a",
		f"a.unit = {unit}",
		title,
		on_date="date(coalesce(a.notified_on, a.creation))",
		status="workflow_state",
		year="a.`year`",
		a="a.unit",
		b="a.grade",
		c="g.grade",
		n="a.total_score",
	)
	# each by its own index: the unit's, then the other units' grading the cadre as a member
	grading_the_cadre = of_the_unit.another(f"`tabResponsibility Assessment` a join {grade}", f"not a.unit <=> {unit}")
	return ArchiveParts(of_the_unit, grading_the_cadre)


def accountabilities():
	"""The cadre's concluded accountability records (问责, issue 19): the rule that fired and the
	measures decided. Drafts and records still being verified or decided stay out of the archive."""

	measures = (
		"(select group_concat(m.measure order by m.idx separator '、') from `tabAccountability Measure` m"
		" where m.parent = x.name and m.parenttype = 'Accountability')"
	)
	return ArchiveParts(
		record_part(
			"`tabAccountability` x",
			"x",
			"x.cadre = %(cadre)s and x.status = 'Concluded'",
			lambda r, tr: "；".join(p for p in (tr(r.a), "、".join(tr(m) for m in (r.b or "").split("、") if m), r.c) if p)[:160],
			on_date="x.concluded_on",
			a="x.source_type",
			b=measures,
			c="x.conclusion",
		)
	)
