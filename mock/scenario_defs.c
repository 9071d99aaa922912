/* scenario_defs: the scenarios a city can be put through. Each names its
 * place, its course in simulated seconds, what it does to readings and KPIs
 * (additive terms, e seconds into a run), and the incident it raises with
 * its response plan. Served data, not UI text. */
#include "scenario_internal.h"

#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static double rise_fall(double e, double up_from, double up_to, double down_from, double down_to)
{
	return city_smoothstep(e, up_from, up_to) * (1 - city_smoothstep(e, down_from, down_to));
}

static const city_measure_def_t *measure(const city_t *c, size_t i)
{
	return c->readings[i].measure;
}

/* Past the high limit by `past` of the gap to hihi (past > 1: beyond hihi). */
static double above(const city_measure_def_t *m, double past)
{
	return m->hi + past * (m->hihi - m->hi);
}

/* Below the low limit by `past` of the gap to lolo. */
static double below(const city_measure_def_t *m, double past)
{
	return m->lo - past * (m->lo - m->lolo);
}

/* ---- main-burst: a water main bursts in 江北区 ----------------------------
 * Under 观音桥 at demo scale, under 五里店 at city scale: the streets whose
 * neighbourhoods have pump stations and pressure monitors. */

#define BURST_COLLAPSED_S 45   /* pressure gone this soon after the burst */
#define BURST_VALVE_S     780  /* upstream valves closed (step 4 done) */
#define BURST_REPAIRED_S  2220 /* main repaired (step 12 done) */
#define BURST_TRAFFIC_S   240  /* traffic control from step 1 */
#define BURST_REOPENED_S  2400 /* roads reopened (step 13) */

static double main_burst_reading(const city_t *c, const scenario_place_t *p, size_t i, double e)
{
	if (c->readings[i].district != p->district)
		return 0;
	const city_measure_def_t *m = measure(c, i);
	bool near = scenario_near(c, i, p);
	double collapse = city_smoothstep(e, 0, BURST_COLLAPSED_S) *
	                  (1 - 0.45 * city_smoothstep(e, BURST_VALVE_S, BURST_VALVE_S + 300)) *
	                  (1 - city_smoothstep(e, BURST_REPAIRED_S, BURST_REPAIRED_S + 240));
	if (scenario_is(c, i, "water", "outlet_pressure") || scenario_is(c, i, "water", "pressure"))
		return collapse * scenario_push(c, i, below(m, 1.3), near ? 1 : 0.45);
	if (scenario_is(c, i, "water", "flow")) {
		double spike =
		    rise_fall(e, 0, BURST_COLLAPSED_S, BURST_VALVE_S, BURST_VALVE_S + 180);
		return spike * scenario_push(c, i, above(m, 1.3), near ? 1 : 0.4);
	}
	if (scenario_is(c, i, "water", "level") && strcmp(m->asset, "reservoir") == 0 && m->has_lo)
		return collapse * scenario_push(c, i, below(m, 0.3), 0.5);
	double jam = rise_fall(e, BURST_TRAFFIC_S, BURST_TRAFFIC_S + 300, BURST_REOPENED_S,
	                       BURST_REOPENED_S + 180);
	if (scenario_is(c, i, "tunnel", "co"))
		return jam * scenario_push(c, i, above(m, 0.2), 0.8);
	if (scenario_is(c, i, "tunnel", "traffic_flow"))
		return -jam * 0.35 * m->nominal;
	return 0;
}

static double main_burst_kpi(const city_t *c, const scenario_place_t *p, size_t i, double e)
{
	double jam = rise_fall(e, BURST_TRAFFIC_S, BURST_TRAFFIC_S + 300, BURST_REOPENED_S,
	                       BURST_REOPENED_S + 180);
	double dry = rise_fall(e, 0, 120, BURST_REPAIRED_S, BURST_REPAIRED_S + 240);
	if (scenario_kpi_is(c, i, "district.congestion_index", p->district))
		return 0.45 * jam;
	if (scenario_kpi_is(c, i, "operation.peak_congestion_index", NULL))
		return 0.15 * jam;
	if (scenario_kpi_is(c, i, "district.water_pressure_ok", p->district))
		return -4.0 * dry;
	if (scenario_kpi_is(c, i, "operation.water_pressure_ok", NULL))
		return -1.2 * dry;
	return 0;
}

static const scenario_step_def_t main_burst_steps[] = {
    {"现场核实爆管位置", "城管"},       {"交通管制与疏导", "公安"},
    {"抢险排查被困人员", "消防"},       {"关闭上游阀门止水", "城管"},
    {"保障周边供电与燃气安全", "经信"}, {"排查受损通信管线", "通管"},
    {"启用应急供水车", "城管"},         {"设置绕行与警戒", "公安"},
    {"抽排积水与地陷排查", "消防"},     {"恢复受影响企业用水用电", "经信"},
    {"抢修受损通信光缆", "通管"},       {"管道抢修与回填", "城管"},
    {"解除交通管制", "公安"},           {"恢复供水并复核水质", "城管"},
};

static const scenario_event_def_t main_burst_event = {
    .type = "water.main_burst",
    .type_name = "供水管道爆管",
    .category = "城市运行",
    .subcategory = "供水",
    .title = "供水主管爆管",
    .severity = CITY_SEVERITY_CRITICAL,
    .street_wide = true,
    .tier = CITY_TIER_STREET,
    .escalate_at = {2, 5},
    .sensed_s = 60,
    .step_s = 180,
    .due_s = 3600,
    .steps = main_burst_steps,
    .step_count = COUNT(main_burst_steps),
};

/* ---- heatwave: the whole city under 40 °C --------------------------------- */

static double heat(double e)
{
	return rise_fall(e, 0, 1800, 5400, 7200);
}

static double heatwave_reading(const city_t *c, const scenario_place_t *p, size_t i, double e)
{
	const city_measure_def_t *m = measure(c, i);
	double h = heat(e), w = 0.7 + 0.6 * scenario_spread(c, i, 1);
	if (scenario_is(c, i, "power", "load") || scenario_is(c, i, "power", "current") ||
	    scenario_is(c, i, "power", "oil_temperature") ||
	    scenario_is(c, i, "power", "winding_temperature"))
		return h * scenario_push(c, i, above(m, 0.2), w);
	if (scenario_is(c, i, "power", "bus_voltage"))
		return h * scenario_push(c, i, m->lo, 0.6 * w);
	if (scenario_is(c, i, "water", "flow"))
		return h * scenario_push(c, i, m->hi, 0.7 * w);
	if (scenario_is(c, i, "water", "outlet_pressure") || scenario_is(c, i, "water", "pressure"))
		return h * scenario_push(c, i, m->lo, 0.5 * w);
	if (scenario_is(c, i, "telecom", "temperature"))
		return h * scenario_push(c, i, m->hi, 0.8 * w);
	return 0;
}

static double heatwave_kpi(const city_t *c, const scenario_place_t *p, size_t i, double e)
{
	if (scenario_kpi_is(c, i, "operation.power_reliability", NULL))
		return -0.08 * heat(e);
	return 0;
}

static const scenario_step_def_t heatwave_steps[] = {
    {"发布高温红色预警", "城管"},   {"电网负荷调度与有序用电", "经信"},
    {"通信机房降温保障", "通管"},   {"防暑降温与高温作业检查", "城管"},
    {"火灾高风险区域巡查", "消防"}, {"重点区域交通疏导", "公安"},
};

static const scenario_event_def_t heatwave_event = {
    .type = "weather.heatwave",
    .type_name = "高温天气",
    .category = "安全韧性",
    .subcategory = "气象灾害",
    .title = "持续高温 · 全市用电负荷创新高",
    .severity = CITY_SEVERITY_MAJOR,
    .street_wide = false,
    .tier = CITY_TIER_DISTRICT,
    .escalate_at = {1, 0},
    .sensed_s = 300,
    .step_s = 900,
    .due_s = 7200,
    .steps = heatwave_steps,
    .step_count = COUNT(heatwave_steps),
};

/* ---- flood: a flood crest on the Yangtze and the Jialing ------------------ */

static double crest(double e)
{
	return rise_fall(e, 0, 1200, 3600, 5400);
}

static double flood_reading(const city_t *c, const scenario_place_t *p, size_t i, double e)
{
	const city_measure_def_t *m = measure(c, i);
	double f = crest(e), w = 0.75 + 0.4 * scenario_spread(c, i, 2);
	bool central = city_place_district_central(c, c->sims[i].district);
	if (scenario_is(c, i, "bridge", "river_level"))
		return f * scenario_push(c, i, above(m, 1.3), w);
	if (scenario_is(c, i, "tunnel", "water_level") || scenario_is(c, i, "tunnel", "sump_level"))
		return f * scenario_push(c, i, above(m, 0.6), central ? w : 0.5 * w);
	if (scenario_is(c, i, "tunnel", "traffic_flow"))
		return -f * 0.4 * m->nominal;
	return 0;
}

static double flood_kpi(const city_t *c, const scenario_place_t *p, size_t i, double e)
{
	if (scenario_kpi_is(c, i, "operation.peak_congestion_index", NULL))
		return 0.25 * crest(e);
	return 0;
}

static const scenario_step_def_t flood_steps[] = {
    {"发布洪水预警", "城管"},       {"滨江道路封闭", "公安"},     {"低洼区域人员转移", "消防"},
    {"下穿隧道排水与封闭", "城管"}, {"保障排涝泵站供电", "经信"}, {"保障应急通信", "通管"},
    {"桥梁与堤防巡查", "城管"},     {"积水点抢排", "消防"},       {"退水后道路清淤", "城管"},
    {"恢复交通", "公安"},
};

static const scenario_event_def_t flood_event = {
    .type = "flood.river_crest",
    .type_name = "江河洪峰过境",
    .category = "安全韧性",
    .subcategory = "防汛",
    .title = "长江嘉陵江洪峰过境",
    .severity = CITY_SEVERITY_CRITICAL,
    .street_wide = true,
    .tier = CITY_TIER_STREET,
    .escalate_at = {2, 4},
    .sensed_s = 120,
    .step_s = 480,
    .due_s = 5400,
    .steps = flood_steps,
    .step_count = COUNT(flood_steps),
};

/* ---- festival: crowds at 解放碑 and 洪崖洞 (渝中区) ------------------------ */

static double crowd(double e)
{
	return rise_fall(e, 0, 1800, 9000, 10800);
}

static double festival_reading(const city_t *c, const scenario_place_t *p, size_t i, double e)
{
	if (c->readings[i].district != p->district)
		return 0;
	const city_measure_def_t *m = measure(c, i);
	bool near = scenario_near(c, i, p);
	double g = crowd(e), w = near ? 1 : 0.4;
	if (scenario_is(c, i, "telecom", "load") || scenario_is(c, i, "telecom", "latency"))
		return g * scenario_push(c, i, above(m, 0.4), w);
	if (scenario_is(c, i, "telecom", "users")) /* crowds all over 渝中 */
		return g * scenario_push(c, i, above(m, 1.2), near ? 1 : 0.75);
	if (scenario_is(c, i, "telecom", "packet_loss"))
		return g * scenario_push(c, i, m->hi, 0.8 * w);
	if (scenario_is(c, i, "tunnel", "traffic_flow") || scenario_is(c, i, "tunnel", "co"))
		return g * scenario_push(c, i, m->hi, 0.8);
	return 0;
}

static double festival_kpi(const city_t *c, const scenario_place_t *p, size_t i, double e)
{
	if (scenario_kpi_is(c, i, "district.congestion_index", p->district))
		return 0.5 * crowd(e);
	if (scenario_kpi_is(c, i, "operation.peak_congestion_index", NULL))
		return 0.12 * crowd(e);
	return 0;
}

static const scenario_step_def_t festival_steps[] = {
    {"启动大客流预警", "公安"},     {"重点路段限流与单向通行", "公安"},
    {"增开应急通信车", "通管"},     {"消防车辆前置备勤", "消防"},
    {"占道经营与垃圾清运", "城管"}, {"景观照明与供电保障", "经信"},
    {"客流疏散", "公安"},           {"现场清理复原", "城管"},
};

static const scenario_event_def_t festival_event = {
    .type = "public.large_crowd",
    .type_name = "大型活动大客流",
    .category = "公共安全",
    .subcategory = "人员密集场所",
    .title = "节庆大客流 · 解放碑—洪崖洞",
    .severity = CITY_SEVERITY_MAJOR,
    .street_wide = true,
    .tier = CITY_TIER_STREET,
    .escalate_at = {2, 0},
    .sensed_s = 120,
    .step_s = 1200,
    .due_s = 10800,
    .steps = festival_steps,
    .step_count = COUNT(festival_steps),
};

const scenario_def_t scenario_defs[] = {
    {"main-burst", "供水主管爆管",
     "A water main bursts in 江北区 (观音桥; 五里店 at city scale): pressure collapses at "
     "the pump stations around it, flows spike, traffic jams, and a 14-step response runs "
     "across five departments from street to city.",
     "jiangbei", "guanyinqiao", "wulidian", 2580, main_burst_reading, main_burst_kpi,
     &main_burst_event},
    {"heatwave", "持续高温",
     "Two hours of extreme heat: power loads and transformer temperatures climb city-wide, "
     "water demand rises and pressures sag.",
     "shapingba", NULL, NULL, 7200, heatwave_reading, heatwave_kpi, &heatwave_event},
    {"flood", "洪峰过境",
     "A flood crest passes: river levels at the bridges rise past their warning levels and "
     "the tunnels' drainage fills; traffic slows.",
     "yuzhong", "chaotianmen", NULL, 5400, flood_reading, flood_kpi, &flood_event},
    {"festival", "节庆大客流",
     "A festival evening around 解放碑 and 洪崖洞 (渝中区): crowds load the cell sites, "
     "tunnels fill and the congestion index rises.",
     "yuzhong", "jiefangbei", NULL, 10800, festival_reading, festival_kpi, &festival_event},
};
const size_t scenario_def_count = COUNT(scenario_defs);
