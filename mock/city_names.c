#include "city_names.h"
#include "city_measures.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define STREET(py, name, shortname)                                                                \
	{                                                                                          \
		py, name, shortname                                                                \
	}
#define DISTRICT(py, name, streets)                                                                \
	{                                                                                          \
		py, name, streets, COUNT(streets)                                                  \
	}

/* Districts of Chongqing's main urban area and some of their real 街道. */
static const city_street_def_t yuzhong[] = {
    STREET("jiefangbei", "解放碑街道", "解放碑"), STREET("chaotianmen", "朝天门街道", "朝天门"),
    STREET("qixinggang", "七星岗街道", "七星岗"), STREET("shangqingsi", "上清寺街道", "上清寺"),
    STREET("daping", "大坪街道", "大坪"),
};
static const city_street_def_t jiangbei[] = {
    STREET("guanyinqiao", "观音桥街道", "观音桥"), STREET("huaxinjie", "华新街街道", "华新街"),
    STREET("wulidian", "五里店街道", "五里店"),    STREET("dashiba", "大石坝街道", "大石坝"),
    STREET("cuntan", "寸滩街道", "寸滩"),
};
static const city_street_def_t nanan[] = {
    STREET("nanping", "南坪街道", "南坪"),        STREET("danzishi", "弹子石街道", "弹子石"),
    STREET("tongyuanju", "铜元局街道", "铜元局"), STREET("nanshan", "南山街道", "南山"),
    STREET("huayuanlu", "花园路街道", "花园路"),
};
static const city_street_def_t shapingba[] = {
    STREET("xiaolongkan", "小龙坎街道", "小龙坎"),  STREET("ciqikou", "磁器口街道", "磁器口"),
    STREET("tianxingqiao", "天星桥街道", "天星桥"), STREET("yubeilu", "渝碚路街道", "渝碚路"),
    STREET("jingkou", "井口街道", "井口"),
};
static const city_street_def_t jiulongpo[] = {
    STREET("yangjiaping", "杨家坪街道", "杨家坪"),  STREET("shiqiaopu", "石桥铺街道", "石桥铺"),
    STREET("huangjueping", "黄桷坪街道", "黄桷坪"), STREET("xiejiawan", "谢家湾街道", "谢家湾"),
    STREET("shipingqiao", "石坪桥街道", "石坪桥"),
};
static const city_street_def_t dadukou[] = {
    STREET("xinshancun", "新山村街道", "新山村"),  STREET("yuejincun", "跃进村街道", "跃进村"),
    STREET("jiugongmiao", "九宫庙街道", "九宫庙"), STREET("chunhuilu", "春晖路街道", "春晖路"),
    STREET("qiezixi", "茄子溪街道", "茄子溪"),
};
static const city_street_def_t yubei[] = {
    STREET("shuanglonghu", "双龙湖街道", "双龙湖"), STREET("huixing", "回兴街道", "回兴"),
    STREET("longshan", "龙山街道", "龙山"),         STREET("longxi", "龙溪街道", "龙溪"),
    STREET("xiantao", "仙桃街道", "仙桃"),
};
static const city_street_def_t banan[] = {
    STREET("yudong", "鱼洞街道", "鱼洞"),          STREET("lijiatuo", "李家沱街道", "李家沱"),
    STREET("longzhouwan", "龙洲湾街道", "龙洲湾"), STREET("huaxi", "花溪街道", "花溪"),
    STREET("nanquan", "南泉街道", "南泉"),
};
static const city_street_def_t beibei[] = {
    STREET("beiwenquan", "北温泉街道", "北温泉"),   STREET("tiansheng", "天生街道", "天生"),
    STREET("chaoyang", "朝阳街道", "朝阳"),         STREET("dongyang", "东阳街道", "东阳"),
    STREET("longfengqiao", "龙凤桥街道", "龙凤桥"),
};

const city_district_def_t city_districts[] = {
    DISTRICT("yuzhong", "渝中区", yuzhong),       DISTRICT("jiangbei", "江北区", jiangbei),
    DISTRICT("nanan", "南岸区", nanan),           DISTRICT("shapingba", "沙坪坝区", shapingba),
    DISTRICT("jiulongpo", "九龙坡区", jiulongpo), DISTRICT("dadukou", "大渡口区", dadukou),
    DISTRICT("yubei", "渝北区", yubei),           DISTRICT("banan", "巴南区", banan),
    DISTRICT("beibei", "北碚区", beibei),
};
const size_t city_district_total = COUNT(city_districts);

static const city_measure_def_t water[] = {WATER_ROWS};
static const city_measure_def_t power[] = {POWER_ROWS};
static const city_measure_def_t gas[] = {GAS_ROWS};
static const city_measure_def_t telecom[] = {TELECOM_ROWS};
static const city_measure_def_t bridge[] = {BRIDGE_ROWS};
static const city_measure_def_t tunnel[] = {TUNNEL_ROWS};

#define DOMAIN(name, table, count, stride)                                                         \
	{                                                                                          \
		name, table, COUNT(table), count, stride                                           \
	}
/* The counts set the size of the city (239 readings by default). */
const city_domain_def_t city_domains[] = {
    DOMAIN("water", water, 45, 7),    DOMAIN("power", power, 45, 11),
    DOMAIN("gas", gas, 40, 13),       DOMAIN("telecom", telecom, 45, 17),
    DOMAIN("bridge", bridge, 32, 19), DOMAIN("tunnel", tunnel, 32, 23),
};
const size_t city_domain_total = COUNT(city_domains);

/* id, name, category, unit, value, swing, trend, target, lower_better, index,
 * weight, decimals, further index memberships */
const city_kpi_def_t city_kpis[] = {
    {"economy.gdp_growth", "地区生产总值增速", "经济发展", "%", 6.1, 0.2, 0.02, 6.0, false,
     "development", 1.5, 1, {{NULL, 0}}},
    {"economy.retail_sales_growth", "社会消费品零售总额增速", "经济发展", "%", 4.8, 0.3, 0.05, 5.0,
     false, "development", 1.0, 1, {{"service", 0.3}}},
    {"economy.fixed_investment_growth", "固定资产投资增速", "经济发展", "%", 3.9, 0.3, 0.04, 4.5,
     false, "construction", 1.0, 1, {{"development", 0.5}}},
    {"economy.new_market_entities", "新增经营主体", "经济发展", "万户", 5.2, 0.3, 0.05, 5.0, false,
     "development", 0.8, 2, {{"service", 0.3}}},
    {"construction.major_projects_progress", "重大项目投资完成率", "城市建设", "%", 86, 2, 0.8, 90,
     false, "construction", 1.2, 1, {{"development", 0.5}}},
    {"construction.old_community_renewal", "老旧小区改造开工率", "城市建设", "%", 92, 1.5, 0.5, 95,
     false, "construction", 0.8, 1, {{"service", 0.5}, {"health", 0.3}}},
    {"service.hotline_resolution", "12345热线办结率", "民生服务", "%", 97.6, 0.4, 0.05, 98, false,
     "service", 1.2, 1, {{"operation", 0.5}}},
    {"service.hotline_satisfaction", "12345热线满意度", "民生服务", "%", 94.2, 0.5, 0.1, 95, false,
     "service", 1.0, 1, {{NULL, 0}}},
    {"service.online_approval_rate", "政务服务网办率", "民生服务", "%", 91, 1, 0.3, 90, false,
     "service", 0.8, 1, {{"development", 0.3}}},
    {"operation.peak_congestion_index", "高峰拥堵指数", "城市运行", "", 1.72, 0.08, -0.01, 1.80,
     true, "operation", 1.0, 2, {{"health", 0.3}}},
    {"operation.rail_on_time", "轨道交通正点率", "城市运行", "%", 99.6, 0.15, 0.01, 99.5, false,
     "operation", 1.0, 2, {{"service", 0.5}}},
    {"operation.water_pressure_ok", "供水管网压力合格率", "城市运行", "%", 98.8, 0.4, 0.05, 99,
     false, "operation", 0.8, 1, {{"service", 0.3}}},
    {"operation.power_reliability", "城市供电可靠率", "城市运行", "%", 99.95, 0.02, 0.002, 99.9,
     false, "operation", 1.0, 3, {{"development", 0.3}}},
    {"health.air_good_days", "空气质量优良天数比例", "生态环境", "%", 88, 2, 0.4, 90, false,
     "health", 1.2, 1, {{NULL, 0}}},
    {"health.pm25", "PM2.5平均浓度", "生态环境", "μg/m³", 33, 3, -0.3, 35, true, "health", 1.0, 1, {{NULL, 0}}},
    {"safety.fire_response", "消防平均到场时间", "公共安全", "min", 8.4, 0.4, -0.05, 9, true,
     "operation", 0.8, 1, {{"health", 0.8}}},
};
const size_t city_kpi_total = COUNT(city_kpis);

/* type, title, severity, level, district, street, departments, steps, step_ticks,
 * type_name, category, subcategory */
const city_event_def_t city_events[] = {
    {"water.main_burst",
     "供水爆管 · 建新北路",
     "critical",
     "district",
     1,
     0,
     {"城管", "公安", "水务集团", "交通"},
     14,
     20,
     "供水管道爆管",
     "市政设施",
     "供水"},
    {"gas.leak",
     "燃气泄漏 · 南坪正街",
     "critical",
     "district",
     2,
     0,
     {"燃气集团", "消防", "公安"},
     10,
     25,
     "燃气泄漏",
     "市政设施",
     "燃气"},
    {"power.feeder_trip",
     "10kV馈线跳闸 · 石桥铺",
     "major",
     "district",
     4,
     1,
     {"国网重庆电力", "应急管理"},
     8,
     20,
     "10kV馈线跳闸",
     "市政设施",
     "供电"},
    {"traffic.tunnel_congestion",
     "隧道拥堵 · 大坪隧道",
     "major",
     "street",
     0,
     4,
     {"交巡警", "隧道运营"},
     6,
     15,
     "隧道拥堵",
     "道路交通",
     "交通运行"},
    {"bridge.overweight_vehicle",
     "超限车辆过桥 · 石门大桥",
     "minor",
     "street",
     3,
     3,
     {"交通执法", "桥梁管养"},
     5,
     20,
     "超限车辆过桥",
     "道路交通",
     "桥梁"},
    {"flood.waterlogging",
     "道路积水 · 龙溪",
     "major",
     "district",
     6,
     3,
     {"城管", "排水公司", "交巡警"},
     9,
     25,
     "道路积水",
     "突发事件",
     "城市内涝"},
    {"telecom.bs_outage", "基站退服 · 鱼洞", "minor", "street", 7, 0, {"通信运营商"}, 4, 30, "通信基站退服", "市政设施", "通信"},
    {"environment.noise",
     "夜间施工噪声投诉 · 天生",
     "info",
     "street",
     8,
     1,
     {"生态环境", "住房城乡建设"},
     5,
     40,
     "夜间施工噪声",
     "施工管理",
     "工地管理"},
    {"hazard.landslide_warning",
     "地质灾害隐患 · 南山",
     "major",
     "city",
     2,
     3,
     {"规划自然资源", "应急管理", "南山街道"},
     12,
     35,
     "地质灾害隐患",
     "房屋土地",
     "地质灾害"},
};
const size_t city_event_total = COUNT(city_events);
