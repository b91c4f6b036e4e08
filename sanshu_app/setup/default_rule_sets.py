"""The rule sets shipped with the app: the seed documents' numbers, as data.

They are created once (install, migrate) and then belong to the office: later migrations never
overwrite an edited record.
"""

ONSITE_RATING = "三述现场评议"
DEMOCRATIC_ASSESSMENT = "述职述责述廉民主测评"
RESPONSIBILITY_ASSESSMENT = "党风廉政建设责任制考核"

DEFAULT_RULE_SETS = [
	{
		"rule_set_name": ONSITE_RATING,
		"purpose": "Evaluation Rating",
		"source": "阳江高新区2015年“三述”工作实施方案 四（二）",
		"scale_options": [{"option": o} for o in ("满意", "基本满意", "不满意")],
		# Most severe finding first: 40% dissatisfied outweighs a 60% satisfied-or-basic share.
		"thresholds": [
			{"outcome": "不满意", "counted_options": "不满意", "comparison": ">=", "percent": 40},
			{"outcome": "满意", "counted_options": "满意", "comparison": ">=", "percent": 80},
			{"outcome": "基本满意", "counted_options": "满意、基本满意", "comparison": ">=", "percent": 60},
		],
		# No band of 000 holds only when abstentions count: the seed names no outcome for that gap, so
		# the office decides it (recorded), never a band the tally did not reach (issue 19).
		"fallback_outcome": "待定",
		"fallback_needs_decision": 1,
		"consequences": [
			{"trigger": "Evaluation", "outcome": "不满意", "needs_verification": 0, "measures": "", "seed": "000 四（三）3 评议为“不满意”的干部要进行问责"},
		],
		# Not in the seeds (issue 18): a count over fewer ballots could be one person's choice.
		"min_ballots_shown": 5,
	},
	{
		"rule_set_name": DEMOCRATIC_ASSESSMENT,
		"purpose": "Evaluation Rating",
		"source": "通纪办发〔2020〕1号 第十七、十八、二十、二十二条",
		"scale_options": [{"option": o} for o in ("好", "较好", "一般", "较差")],
		"thresholds": [
			{
				"outcome": "移送处理",
				"counted_options": "较差",
				"comparison": ">",
				"percent": 30,
				"talk_type": "Admonishment Talk",
				"creates_rectification": 1,
			},
			{
				"outcome": "诫勉并责令整改",
				"counted_options": "较差",
				"comparison": ">=",
				"percent": 20,
				"talk_type": "Admonishment Talk",
				"creates_rectification": 1,
			},
		],
		"fallback_outcome": "正常",
		"consequences": [
			{
				"trigger": "Evaluation",
				"outcome": "移送处理",
				"needs_verification": 1,
				"measures": "Organisational Handling",
				"seed": "003 第二十二条 较差票超过30%，经核实确实存在有关问题的，按规定程序进行处理",
			},
			{
				"trigger": "Report Not Truthful",
				"needs_verification": 1,
				"measures": "Interview, Circulated Criticism, Admonishment",
				"seed": "003 第二十三条（一） 不如实向县纪委常委会述职述责述廉的",
			},
			{
				"trigger": "Rectification Overdue",
				"needs_verification": 1,
				"measures": "Interview, Circulated Criticism, Admonishment",
				"seed": "003 第二十三条（二） 存在的问题未整改或者整改不到位的",
			},
		],
		# Not in the seeds (issue 18): counts over fewer than 5 ballots, and evaluator groups of fewer
		# than 5, are not shown (merged into 其他): a count over one ballot is that person's choice.
		"min_ballots_shown": 5,
		"deadlines": [
			{"deadline_type": "Inquiry Reply", "days": 15, "day_kind": "Working Days"},
			{"deadline_type": "Rectification Report", "days": 30, "day_kind": "Calendar Days"},
			# Not in the seeds: the office's own habits, shipped as editable defaults.
			{"deadline_type": "Reminder Before Due", "days": 3, "day_kind": "Calendar Days"},
			{"deadline_type": "Rectification Talk After Overdue", "days": 10, "day_kind": "Working Days"},
		],
	},
	{
		"rule_set_name": RESPONSIBILITY_ASSESSMENT,
		"purpose": "Responsibility Assessment",
		"source": "阳山县2014年党风廉政建设责任制考核检查方案 四、五",
		"max_score": 100,
		"special_inspection_weight": 90,
		"routine_inspection_weight": 10,
		"pass_mark": 75,
		"pass_mark_is_below": 1,  # 002 “75分以下”; 民法典 第1259条: 以下 includes the number itself
		"member_grades": [{"option": o} for o in ("好", "较好", "一般", "差")],
		"deadlines": [{"deadline_type": "Rectification Report", "days": 30, "day_kind": "Calendar Days"}],
	},
]

# 001 （二）22: units with low satisfaction ranked in the bottom three two years running are held to
# account; the places and years are Supervision Settings, the consequence and the ties are here.
SOCIAL_EVALUATION = "党风廉政建设社会评价"
DEFAULT_RULE_SETS.append(
	{
		"rule_set_name": SOCIAL_EVALUATION,
		"purpose": "Social Evaluation",
		"source": "广安区落实“两个责任”实施意见 （二）22",
		"ranking_ties": "Office Decides",  # the seed is silent on ties at the third place
		"consequences": [
			{"trigger": "Survey Ranking", "needs_verification": 0, "measures": "", "seed": "001 （二）22 群众满意度低且连续2年排名后三位的实施问责"},
		],
	}
)

# Which shipped rule sets a new campaign uses when none is chosen, by scheme.
CAMPAIGN_DEFAULTS = {
	"Responsibility, Integrity and Ethics": {"evaluation_rule_set": ONSITE_RATING},
	"Responsibility, Integrity and Risk": {"evaluation_rule_set": ONSITE_RATING},
	"Work, Responsibility and Integrity": {"evaluation_rule_set": DEMOCRATIC_ASSESSMENT},
}
CAMPAIGN_DEFAULTS_ALL_SCHEMES = {
	"assessment_rule_set": RESPONSIBILITY_ASSESSMENT,
	"deadline_rule_set": DEMOCRATIC_ASSESSMENT,
}
