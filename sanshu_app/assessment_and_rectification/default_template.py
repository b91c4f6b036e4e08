"""The assessment template shipped with the app: the seven content areas of the 考核检查方案
(seed 002 §三) with scored items (考评表). Created once; afterwards it belongs to the office."""

DEFAULT_TEMPLATE_NAME = "党风廉政建设责任制考评表"

DEFAULT_TEMPLATE = {
	"template_name": DEFAULT_TEMPLATE_NAME,
	"applies_to": "All Units",
	"is_default": 1,
	"source": "阳山县2014年党风廉政建设责任制考核检查方案 三、四",
	"items": [
		{"content_area": "Deployment of Anti-corruption Work", "max_points": 10, "item": "班子专题研究部署党风廉政建设和反腐败工作，制定年度工作计划并分解责任", "scoring_guide": "未专题研究部署扣5分；未分解责任扣5分"},
		{"content_area": "Deployment of Anti-corruption Work", "max_points": 10, "item": "主要负责人履行第一责任人职责，班子成员落实“一岗双责”", "scoring_guide": "每发现一人未落实扣2分"},
		{"content_area": "Integrity and Self-discipline of Leading Cadres", "max_points": 10, "item": "领导干部遵守廉洁自律各项规定，按规定报告个人有关事项", "scoring_guide": "违反廉洁自律规定每人次扣5分"},
		{"content_area": "Integrity and Self-discipline of Leading Cadres", "max_points": 10, "item": "落实中央八项规定精神，无违规公款吃喝、公车私用、违规收送礼金等问题", "scoring_guide": "每发现一起扣5分"},
		{"content_area": "Integrity Rules and Their Enforcement", "max_points": 8, "item": "建立健全“三重一大”集体决策、财务管理等廉政制度", "scoring_guide": "制度缺项每项扣2分"},
		{"content_area": "Integrity Rules and Their Enforcement", "max_points": 7, "item": "廉政制度执行到位，廉政风险防控措施落实", "scoring_guide": "执行不到位每项扣2分"},
		{"content_area": "Accountability for Responsibility", "max_points": 8, "item": "对违反党风廉政建设责任制的行为按规定追究责任", "scoring_guide": "应追究而未追究每起扣4分"},
		{"content_area": "Accountability for Responsibility", "max_points": 7, "item": "支持纪检监察机关查办案件，及时处置问题线索", "scoring_guide": "问题线索处置不及时每件扣2分"},
		{"content_area": "Anti-corruption Tasks Carried Out", "max_points": 8, "item": "完成上级部署的党风廉政建设和反腐败各项工作任务", "scoring_guide": "每项任务未完成扣2分"},
		{"content_area": "Anti-corruption Tasks Carried Out", "max_points": 7, "item": "开展廉政宣传教育和警示教育", "scoring_guide": "未开展扣4分；开展不充分扣2分"},
		{"content_area": "Responsibility Reporting", "max_points": 5, "item": "按时向上级报告落实党风廉政建设责任制情况", "scoring_guide": "未按时报告扣3分"},
		{"content_area": "Responsibility Reporting", "max_points": 5, "item": "主要负责人按要求述责述廉，自查报告和自评分按时报送", "scoring_guide": "未述责述廉或未按时报送扣3分"},
		{"content_area": "Other Matters", "max_points": 5, "item": "其它需要检查考核的事项", "scoring_guide": "视情况扣分"},
	],
}
