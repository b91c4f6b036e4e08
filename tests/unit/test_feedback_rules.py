from sanshu_app.rules.feedback import comments_shown, compile_suggestions, missing_suggestions


def test_comments_are_withheld_below_k_ballots_and_ordered_by_text_at_k():
	comments = ["要加强学习", "", "  多下基层 ", "班子团结"]
	assert comments_shown(comments, 4, 5) == []
	assert comments_shown(comments, 5, 5) == sorted(["要加强学习", "多下基层", "班子团结"])


def test_compiled_suggestions_carry_the_questions_and_the_comments():
	text = compile_suggestions([("为何整改迟缓？", "已制定方案"), ("", "x")], ["多下基层"])
	assert text == "一、会议询问中提出的问题\n1. 为何整改迟缓？（现场回答：已制定方案）\n\n二、测评中提出的意见建议\n1. 多下基层"
	assert compile_suggestions([], ["多下基层"]) == "一、测评中提出的意见建议\n1. 多下基层"
	assert compile_suggestions([], []) == ""


def test_reporters_without_suggestions_are_named():
	assert missing_suggestions([("甲", "有建议"), ("乙", " "), ("丙", None)]) == ["乙", "丙"]
