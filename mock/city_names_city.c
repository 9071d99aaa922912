/* city_names_city: the tables of the city scale (--scale city): Chongqing's
 * central "9+2", its outer districts and counties, the common stems its town
 * and street names are made of, more kinds of equipment per domain, and the
 * KPIs of the real governance board (911). Served data, not UI text. */
#include "city_names.h"
#include "city_measures.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define STREET(py, name, shortname)                                                                \
	{                                                                                          \
		py, name, shortname                                                                \
	}
#define NO_STREETS NULL, 0

/* Real 街道 of the central districts that the demo does not list. */
static const city_street_def_t yuzhong[] = {
    STREET("jiefangbei", "解放碑街道", "解放碑"), STREET("chaotianmen", "朝天门街道", "朝天门"),
    STREET("qixinggang", "七星岗街道", "七星岗"), STREET("shangqingsi", "上清寺街道", "上清寺"),
    STREET("daping", "大坪街道", "大坪"),         STREET("hualongqiao", "化龙桥街道", "化龙桥"),
    STREET("nanjimen", "南纪门街道", "南纪门"),   STREET("caiyuanba", "菜园坝街道", "菜园坝"),
    STREET("lianglukou", "两路口街道", "两路口"), STREET("shiyoulu", "石油路街道", "石油路"),
};
static const city_street_def_t jiangbei[] = {
    STREET("guanyinqiao", "观音桥街道", "观音桥"), STREET("huaxinjie", "华新街街道", "华新街"),
    STREET("wulidian", "五里店街道", "五里店"),    STREET("dashiba", "大石坝街道", "大石坝"),
    STREET("cuntan", "寸滩街道", "寸滩"),          STREET("jiangbeicheng", "江北城街道", "江北城"),
    STREET("shimahe", "石马河街道", "石马河"),     STREET("guojiatuo", "郭家沱街道", "郭家沱"),
    STREET("tieshanping", "铁山坪街道", "铁山坪"),
};
static const city_street_def_t nanan[] = {
    STREET("nanping", "南坪街道", "南坪"),          STREET("danzishi", "弹子石街道", "弹子石"),
    STREET("tongyuanju", "铜元局街道", "铜元局"),   STREET("nanshan", "南山街道", "南山"),
    STREET("huayuanlu", "花园路街道", "花园路"),    STREET("haitangxi", "海棠溪街道", "海棠溪"),
    STREET("longmenhao", "龙门浩街道", "龙门浩"),   STREET("tushan", "涂山镇", "涂山"),
    STREET("changshengqiao", "长生桥镇", "长生桥"),
};
static const city_street_def_t shapingba[] = {
    STREET("xiaolongkan", "小龙坎街道", "小龙坎"),
    STREET("ciqikou", "磁器口街道", "磁器口"),
    STREET("tianxingqiao", "天星桥街道", "天星桥"),
    STREET("yubeilu", "渝碚路街道", "渝碚路"),
    STREET("jingkou", "井口街道", "井口"),
    STREET("shapingba", "沙坪坝街道", "沙坪坝"),
    STREET("tanjiagang", "覃家岗街道", "覃家岗"),
    STREET("chenjiaqiao", "陈家桥街道", "陈家桥"),
    STREET("huxi", "虎溪街道", "虎溪"),
    STREET("fenghuang", "凤凰镇", "凤凰"),
};
static const city_street_def_t jiulongpo[] = {
    STREET("yangjiaping", "杨家坪街道", "杨家坪"),
    STREET("shiqiaopu", "石桥铺街道", "石桥铺"),
    STREET("huangjueping", "黄桷坪街道", "黄桷坪"),
    STREET("xiejiawan", "谢家湾街道", "谢家湾"),
    STREET("shipingqiao", "石坪桥街道", "石坪桥"),
    STREET("yuzhoulu", "渝州路街道", "渝州路"),
    STREET("erlang", "二郎街道", "二郎"),
    STREET("zhongliangshan", "中梁山街道", "中梁山"),
    STREET("huayan", "华岩镇", "华岩"),
    STREET("tongguanyi", "铜罐驿镇", "铜罐驿"),
};
static const city_street_def_t dadukou[] = {
    STREET("xinshancun", "新山村街道", "新山村"),  STREET("yuejincun", "跃进村街道", "跃进村"),
    STREET("jiugongmiao", "九宫庙街道", "九宫庙"), STREET("chunhuilu", "春晖路街道", "春晖路"),
    STREET("qiezixi", "茄子溪街道", "茄子溪"),     STREET("baqiao", "八桥镇", "八桥"),
    STREET("jiansheng", "建胜镇", "建胜"),         STREET("tiaodeng", "跳磴镇", "跳磴"),
};
static const city_street_def_t yubei[] = {
    STREET("shuanglonghu", "双龙湖街道", "双龙湖"),
    STREET("huixing", "回兴街道", "回兴"),
    STREET("longshan", "龙山街道", "龙山"),
    STREET("longxi", "龙溪街道", "龙溪"),
    STREET("xiantao", "仙桃街道", "仙桃"),
    STREET("shuangfeng", "双凤桥街道", "双凤桥"),
    STREET("lianglu", "两路街道", "两路"),
    STREET("yuelai", "悦来街道", "悦来"),
    STREET("muer", "木耳镇", "木耳"),
    STREET("shichuan", "石船镇", "石船"),
};
static const city_street_def_t banan[] = {
    STREET("yudong", "鱼洞街道", "鱼洞"),          STREET("lijiatuo", "李家沱街道", "李家沱"),
    STREET("longzhouwan", "龙洲湾街道", "龙洲湾"), STREET("huaxi", "花溪街道", "花溪"),
    STREET("nanquan", "南泉街道", "南泉"),         STREET("jieshi", "界石镇", "界石"),
    STREET("yipin", "一品街道", "一品"),           STREET("mudong", "木洞镇", "木洞"),
};
static const city_street_def_t beibei[] = {
    STREET("beiwenquan", "北温泉街道", "北温泉"),   STREET("tiansheng", "天生街道", "天生"),
    STREET("chaoyang", "朝阳街道", "朝阳"),         STREET("dongyang", "东阳街道", "东阳"),
    STREET("longfengqiao", "龙凤桥街道", "龙凤桥"), STREET("caijiagang", "蔡家岗街道", "蔡家岗"),
    STREET("tongjiaxi", "童家溪镇", "童家溪"),      STREET("jingguan", "静观镇", "静观"),
};
static const city_street_def_t liangjiang[] = {
    STREET("lijia", "礼嘉街道", "礼嘉"),        STREET("renhe", "人和街道", "人和"),
    STREET("yuanyang", "鸳鸯街道", "鸳鸯"),     STREET("cuiyun", "翠云街道", "翠云"),
    STREET("dazhulin", "大竹林街道", "大竹林"), STREET("kangmei", "康美街道", "康美"),
    STREET("yufu", "鱼复街道", "鱼复"),         STREET("longxing", "龙兴镇", "龙兴"),
};
static const city_street_def_t gaoxin[] = {
    STREET("xiyong", "西永街道", "西永"),     STREET("zengjia", "曾家镇", "曾家"),
    STREET("hangu", "含谷镇", "含谷"),        STREET("jinfeng", "金凤镇", "金凤"),
    STREET("baishiyi", "白市驿镇", "白市驿"), STREET("xianglushan", "香炉山街道", "香炉山"),
};
/* Outer districts: a few real seats of government each. */
static const city_street_def_t wanzhou[] = {
    STREET("gaosuntang", "高笋塘街道", "高笋塘"),
    STREET("taibai", "太白街道", "太白"),
    STREET("pailou", "牌楼街道", "牌楼"),
    STREET("longdu", "龙都街道", "龙都"),
};
static const city_street_def_t fuling[] = {
    STREET("dunren", "敦仁街道", "敦仁"),
    STREET("chongyi", "崇义街道", "崇义"),
    STREET("lizhi", "荔枝街道", "荔枝"),
};
static const city_street_def_t jiangjin[] = {
    STREET("jijiang", "几江街道", "几江"),
    STREET("degan", "德感街道", "德感"),
    STREET("shuangfu", "双福街道", "双福"),
};
static const city_street_def_t hechuan[] = {
    STREET("heyangcheng", "合阳城街道", "合阳城"),
    STREET("diaoyucheng", "钓鱼城街道", "钓鱼城"),
    STREET("nanjinjie", "南津街街道", "南津街"),
};
static const city_street_def_t yongchuan[] = {
    STREET("zhongshanlu", "中山路街道", "中山路"),
    STREET("shenglilu", "胜利路街道", "胜利路"),
    STREET("nandajie", "南大街街道", "南大街"),
};
static const city_street_def_t changshou[] = {
    STREET("fengcheng", "凤城街道", "凤城"),
    STREET("yanjia", "晏家街道", "晏家"),
};
static const city_street_def_t bishan[] = {
    STREET("bicheng", "璧城街道", "璧城"),
    STREET("biquan", "璧泉街道", "璧泉"),
};

#define CENTRAL(py, name, streets, target)                                                         \
	{                                                                                          \
		py, name, true, streets, COUNT(streets), target                                    \
	}
#define OUTER(py, name, streets, target)                                                           \
	{                                                                                          \
		py, name, false, streets, COUNT(streets), target                                   \
	}
#define OUTER0(py, name, target)                                                                   \
	{                                                                                          \
		py, name, false, NO_STREETS, target                                                \
	}

/* The central nine first, in the demo's order, so that the demo's districts
 * keep their indices; then the two new areas; then the outer ring. */
const city_district_seed_t city_district_seeds[] = {
    CENTRAL("yuzhong", "渝中区", yuzhong, 12),
    CENTRAL("jiangbei", "江北区", jiangbei, 12),
    CENTRAL("nanan", "南岸区", nanan, 12),
    CENTRAL("shapingba", "沙坪坝区", shapingba, 12),
    CENTRAL("jiulongpo", "九龙坡区", jiulongpo, 12),
    CENTRAL("dadukou", "大渡口区", dadukou, 12),
    CENTRAL("yubei", "渝北区", yubei, 12),
    CENTRAL("banan", "巴南区", banan, 12),
    CENTRAL("beibei", "北碚区", beibei, 12),
    CENTRAL("liangjiang", "两江新区", liangjiang, 12),
    CENTRAL("gaoxin", "高新区", gaoxin, 12),
    OUTER("wanzhou", "万州区", wanzhou, 7),
    OUTER("fuling", "涪陵区", fuling, 7),
    OUTER0("qianjiang", "黔江区", 7),
    OUTER("changshou", "长寿区", changshou, 7),
    OUTER("jiangjin", "江津区", jiangjin, 7),
    OUTER("hechuan", "合川区", hechuan, 7),
    OUTER("yongchuan", "永川区", yongchuan, 7),
    OUTER0("nanchuan", "南川区", 7),
    OUTER0("qijiang", "綦江区", 7),
    OUTER0("dazu", "大足区", 7),
    OUTER("bishan", "璧山区", bishan, 7),
    OUTER0("tongliang", "铜梁区", 7),
    OUTER0("tongnan", "潼南区", 7),
    OUTER0("rongchang", "荣昌区", 7),
    OUTER0("kaizhou", "开州区", 7),
    OUTER0("liangping", "梁平区", 7),
    OUTER0("wulong", "武隆区", 7),
    OUTER0("chengkou", "城口县", 7),
    OUTER0("fengdu", "丰都县", 7),
    OUTER0("dianjiang", "垫江县", 7),
    OUTER0("zhongxian", "忠县", 7),
    OUTER0("yunyang", "云阳县", 7),
    OUTER0("fengjie", "奉节县", 7),
    OUTER0("wushan", "巫山县", 7),
    OUTER0("wuxi", "巫溪县", 7),
    OUTER0("shizhu", "石柱土家族自治县", 7),
    OUTER0("xiushan", "秀山土家族苗族自治县", 7),
    OUTER0("youyang", "酉阳土家族苗族自治县", 7),
    OUTER0("pengshui", "彭水苗族土家族自治县", 7),
};
const size_t city_district_seed_total = COUNT(city_district_seeds);

/* Stems common in the names of Chongqing's towns and streets. */
const city_stem_t city_stems[] = {
    {"longquan", "龙泉"},   {"shilong", "石龙"},   {"baisha", "白沙"},   {"xinhua", "新华"},
    {"taihe", "太和"},      {"qingshan", "青山"},  {"shuanghe", "双河"}, {"gaofeng", "高峰"},
    {"yongxing", "永兴"},   {"sanhe", "三合"},     {"jinlong", "金龙"},  {"xinglong", "兴隆"},
    {"fuxing", "复兴"},     {"shiqiao", "石桥"},   {"daxing", "大兴"},   {"anju", "安居"},
    {"qingping", "清平"},   {"dongxi", "东溪"},    {"xishan", "西山"},   {"changan", "长安"},
    {"pingan", "平安"},     {"bailin", "柏林"},    {"guihua", "桂花"},   {"maan", "马鞍"},
    {"tieshan", "铁山"},    {"yuxi", "玉溪"},      {"fulu", "福禄"},     {"qinglong", "青龙"},
    {"shahe", "沙河"},      {"shiba", "石坝"},     {"gaolou", "高楼"},   {"xinchang", "新场"},
    {"banqiao", "板桥"},    {"hongyan", "红岩"},   {"jinshan", "金山"},  {"wugui", "五桂"},
    {"longfeng", "龙凤"},   {"shuangshi", "双石"}, {"tuqiao", "土桥"},   {"wanxing", "万兴"},
    {"heba", "河坝"},       {"renyi", "仁义"},     {"yihe", "义和"},     {"taiping", "太平"},
    {"changsheng", "长生"}, {"huilong", "回龙"},   {"zhonghe", "中和"},  {"shimen", "石门"},
    {"yunlong", "云龙"},    {"baima", "白马"},     {"lishi", "李市"},    {"wutan", "吴滩"},
    {"youxi", "油溪"},      {"xianfeng", "先锋"},  {"liuyin", "柳荫"},   {"longtan", "龙潭"},
    {"taohua", "桃花"},     {"yangliu", "杨柳"},   {"qingxi", "清溪"},   {"heping", "和平"},
    {"xinmin", "新民"},     {"sanxi", "三溪"},     {"baihe", "白鹤"},    {"baosheng", "宝胜"},
    {"jinji", "金鸡"},      {"mingyue", "明月"},   {"shigu", "石鼓"},    {"gaoqiao", "高桥"},
    {"longshui", "龙水"},   {"pingtan", "平滩"},   {"wenxing", "文星"},  {"taian", "太安"},
    {"anping", "安坪"},     {"longmen", "龙门"},   {"taoyuan", "桃源"},  {"tonggu", "铜鼓"},
    {"gaodong", "高洞"},    {"huangshui", "黄水"}, {"xiaodu", "小渡"},   {"baiyang", "白羊"},
};
const size_t city_stem_total = COUNT(city_stems);

/* More kinds of equipment at city scale, after the demo's own. */
static const city_measure_def_t water[] = {
    WATER_ROWS,
    {"plant", "号水厂", "ph", "出厂pH", "pH", 0, 14, 6.0, 6.5, 8.5, 9.0, true, true, 7.4, 0.05, 2, CITY_DIURNAL_NONE},
    {"monitor", "号管网监测点", "pressure", "管网压力", "MPa", 0, 1, 0.10, 0.14, 0.60, 0.70, true,
     true, 0.32, 0.01, 3, CITY_DIURNAL_DEMAND_DIP},
    {"reservoir", "号水库", "level", "库水位", "m", 150, 200, 160, 165, 190, 194, true, true, 178,
     0.1, 2, CITY_DIURNAL_NONE},
};
static const city_measure_def_t power[] = {
    POWER_ROWS,
    {"transformer", "号配变", "winding_temperature", "绕组温度", "°C", 0, 160, 0, 0, 110, 130,
     false, true, 70, 1, 1, CITY_DIURNAL_LOAD_HEAT},
    {"feeder", "号馈线", "current", "电流", "A", 0, 800, 0, 0, 600, 700, false, true, 280, 5, 0, CITY_DIURNAL_DEMAND},
    {"substation", "号变电站", "frequency", "频率", "Hz", 49, 51, 49.5, 49.8, 50.2, 50.5, true,
     true, 50, 0.01, 2, CITY_DIURNAL_NONE},
};
static const city_measure_def_t gas[] = {
    GAS_ROWS,
    {"regulator", "号调压站", "inlet_pressure", "进口压力", "kPa", 0, 400, 100, 150, 350, 380, true,
     true, 250, 3, 1, CITY_DIURNAL_DEMAND_DIP},
    {"detector", "号燃气探测器", "leak", "可燃气体浓度", "%LEL", 0, 100, 0, 0, 10, 25, false, true,
     1.0, 1, 1, CITY_DIURNAL_NONE},
};
static const city_measure_def_t telecom[] = {
    TELECOM_ROWS,
    {"bs", "号基站", "rsrp", "参考信号接收功率", "dBm", -140, -40, -120, -110, 0, 0, true, false,
     -85, 1, 0, CITY_DIURNAL_NONE},
    {"room", "号机房", "battery_voltage", "蓄电池电压", "V", 40, 60, 45, 47, 56, 57.5, true, true,
     53.5, 0.1, 1, CITY_DIURNAL_NONE},
};
static const city_measure_def_t bridge[] = {
    BRIDGE_ROWS,
    {"bridge", "号桥", "bearing_displacement", "支座位移", "mm", -100, 100, -60, -40, 40, 60, true,
     true, 0, 1, 1, CITY_DIURNAL_HEAT},
    {"bridge", "号桥", "wind_speed", "桥面风速", "m/s", 0, 60, 0, 0, 20, 25, false, true, 5, 0.5,
     1, CITY_DIURNAL_HEAT},
};
static const city_measure_def_t tunnel[] = {
    TUNNEL_ROWS,
    {"fan", "号隧道风机", "wind_speed", "通风风速", "m/s", 0, 15, 0.5, 1.0, 8, 10, true, true, 3,
     0.2, 1, CITY_DIURNAL_TRAFFIC},
    {"sump", "号隧道排水泵站", "sump_level", "集水井水位", "m", 0, 5, 0, 0, 3.0, 4.0, false, true,
     1.2, 0.05, 2, CITY_DIURNAL_NONE},
};

#define DOMAIN(name, table, count, stride)                                                         \
	{                                                                                          \
		name, table, COUNT(table), count, stride                                           \
	}
/* 900 + 900 + 700 + 1000 + 500 + 476 = 4,476. */
const city_domain_def_t city_domains_city[] = {
    DOMAIN("water", water, 900, 7),    DOMAIN("power", power, 900, 11),
    DOMAIN("gas", gas, 700, 13),       DOMAIN("telecom", telecom, 1000, 17),
    DOMAIN("bridge", bridge, 500, 19), DOMAIN("tunnel", tunnel, 476, 23),
};

/* id, name, category, unit, value, swing, trend, target, lower_better, index,
 * weight, decimals, further index memberships */
const city_kpi_def_t city_kpis_city[] = {
    {"economy.gdp_growth", "地区生产总值增速", "经济发展", "%", 6.1, 0.2, 0.02, 6.0, false,
     "development", 1.5, 1, {{NULL, 0}}},
    {"economy.retail_sales_growth", "社会消费品零售总额增速", "经济发展", "%", 4.8, 0.3, 0.05, 5.0,
     false, "development", 1.0, 1, {{"service", 0.3}}},
    {"economy.fixed_investment_growth", "固定资产投资增速", "经济发展", "%", 3.9, 0.3, 0.04, 4.5,
     false, "construction", 1.0, 1, {{"development", 0.5}}},
    {"economy.new_market_entities", "新增经营主体", "经济发展", "万户", 5.2, 0.3, 0.05, 5.0, false,
     "development", 0.8, 2, {{"service", 0.3}}},
    {"economy.industrial_value_added", "规上工业增加值增速", "经济发展", "%", 7.2, 0.4, 0.05, 7.0,
     false, "development", 1.2, 1, {{"construction", 0.3}}},
    {"economy.foreign_trade", "进出口总额增速", "经济发展", "%", 3.1, 0.6, 0.1, 4.0, false,
     "development", 0.8, 1, {{NULL, 0}}},
    {"economy.digital_economy_share", "数字经济核心产业占比", "经济发展", "%", 10.4, 0.2, 0.05,
     11.0, false, "development", 0.8, 1, {{"construction", 0.5}}},
    {"construction.major_projects_progress", "重大项目投资完成率", "城市建设", "%", 86, 2, 0.8, 90,
     false, "construction", 1.2, 1, {{"development", 0.5}}},
    {"construction.old_community_renewal", "老旧小区改造开工率", "城市建设", "%", 92, 1.5, 0.5, 95,
     false, "construction", 0.8, 1, {{"service", 0.5}, {"health", 0.3}}},
    {"construction.rail_km", "轨道交通运营里程", "城市建设", "km", 538, 1, 2, 600, false,
     "construction", 1.0, 0, {{"operation", 0.5}}},
    {"construction.pipe_renewal", "老旧管网更新完成率", "城市建设", "%", 78, 2, 1, 85, false,
     "construction", 1.0, 1, {{"operation", 0.5}, {"health", 0.3}}},
    {"service.hotline_resolution", "12345热线办结率", "民生服务", "%", 97.6, 0.4, 0.05, 98, false,
     "service", 1.2, 1, {{"operation", 0.5}}},
    {"service.hotline_satisfaction", "12345热线满意度", "民生服务", "%", 94.2, 0.5, 0.1, 95, false,
     "service", 1.0, 1, {{NULL, 0}}},
    {"service.online_approval_rate", "政务服务网办率", "民生服务", "%", 91, 1, 0.3, 90, false,
     "service", 0.8, 1, {{"development", 0.3}}},
    {"service.urban_employment", "城镇新增就业", "民生服务", "万人", 5.8, 0.4, 0.05, 6.0, false,
     "service", 1.0, 1, {{"development", 0.5}}},
    {"service.childcare_places", "每千人口托位数", "民生服务", "个", 3.9, 0.1, 0.03, 4.5, false,
     "service", 0.6, 1, {{"health", 0.3}}},
    {"operation.peak_congestion_index", "高峰拥堵指数", "城市运行", "", 1.72, 0.08, -0.01, 1.80,
     true, "operation", 1.0, 2, {{"health", 0.3}}},
    {"operation.rail_on_time", "轨道交通正点率", "城市运行", "%", 99.6, 0.15, 0.01, 99.5, false,
     "operation", 1.0, 2, {{"service", 0.5}}},
    {"operation.water_pressure_ok", "供水管网压力合格率", "城市运行", "%", 98.8, 0.4, 0.05, 99,
     false, "operation", 0.8, 1, {{"service", 0.3}}},
    {"operation.power_reliability", "城市供电可靠率", "城市运行", "%", 99.95, 0.02, 0.002, 99.9,
     false, "operation", 1.0, 3, {{"development", 0.3}}},
    {"operation.gas_leak_response", "燃气泄漏处置及时率", "城市运行", "%", 99.2, 0.3, 0.03, 99,
     false, "operation", 0.8, 1, {{"health", 0.5}}},
    {"operation.event_closure", "城市运行事件闭环率", "城市运行", "%", 96.5, 0.8, 0.1, 97, false,
     "operation", 1.2, 1, {{"service", 0.5}}},
    {"safety.fire_response", "消防平均到场时间", "安全韧性", "min", 8.4, 0.4, -0.05, 9, true,
     "operation", 0.8, 1, {{"health", 0.8}}},
    {"safety.production_deaths", "生产安全事故死亡人数", "安全韧性", "人", 21, 3, -0.5, 25, true,
     "health", 1.2, 0, {{"operation", 0.5}}},
    {"safety.bridge_inspection", "桥梁定期检测完成率", "安全韧性", "%", 97, 1, 0.2, 100, false,
     "operation", 0.8, 1, {{"health", 0.5}}},
    {"safety.flood_points_cleared", "易涝点整治完成率", "安全韧性", "%", 83, 2, 1, 90, false,
     "construction", 0.8, 1, {{"operation", 0.5}, {"health", 0.5}}},
    {"environment.air_good_days", "空气质量优良天数比例", "生态环境", "%", 88, 2, 0.4, 90, false,
     "health", 1.2, 1, {{NULL, 0}}},
    {"environment.pm25", "PM2.5平均浓度", "生态环境", "μg/m³", 33, 3, -0.3, 35, true, "health", 1.0,
     1, {{NULL, 0}}},
    {"environment.river_quality", "长江干流断面水质优良比例", "生态环境", "%", 100, 0.3, 0, 100,
     false, "health", 1.2, 1, {{"development", 0.3}}},
    {"environment.forest_cover", "森林覆盖率", "生态环境", "%", 55.1, 0.1, 0.05, 55, false,
     "health", 0.8, 1, {{NULL, 0}}},
    {"environment.waste_sorting", "生活垃圾分类覆盖率", "生态环境", "%", 95, 1, 0.3, 98, false,
     "service", 0.8, 1, {{"health", 0.5}}},
};
const size_t city_kpi_city_total = COUNT(city_kpis_city);

/* District KPIs: one per district and template (id suffixed with the place). */
const city_kpi_def_t city_kpi_district_templates[] = {
    {"district.gdp_growth", "地区生产总值增速", "经济发展", "%", 6.0, 0.5, 0.03, 6.0, false,
     "development", 1.5, 1, {{NULL, 0}}},
    {"district.retail_sales_growth", "社会消费品零售总额增速", "经济发展", "%", 4.6, 0.5, 0.05, 5.0,
     false, "development", 1.0, 1, {{"service", 0.3}}},
    {"district.fixed_investment_growth", "固定资产投资增速", "经济发展", "%", 3.5, 0.8, 0.05, 4.5,
     false, "construction", 1.0, 1, {{"development", 0.5}}},
    {"district.tax_revenue_growth", "税收收入增速", "经济发展", "%", 2.8, 0.6, 0.05, 3.0, false,
     "development", 0.8, 1, {{"construction", 0.3}}},
    {"district.project_progress", "重点项目投资完成率", "城市建设", "%", 85, 3, 0.8, 90, false,
     "construction", 1.2, 1, {{"development", 0.5}}},
    {"district.renewal_progress", "城市更新项目开工率", "城市建设", "%", 88, 3, 0.6, 95, false,
     "construction", 0.8, 1, {{"service", 0.5}}},
    {"district.hotline_resolution", "12345热线办结率", "民生服务", "%", 97.2, 0.8, 0.05, 98, false,
     "service", 1.2, 1, {{"operation", 0.5}}},
    {"district.hotline_satisfaction", "12345热线满意度", "民生服务", "%", 93.8, 1, 0.1, 95, false,
     "service", 1.0, 1, {{NULL, 0}}},
    {"district.hotline_response_hours", "热线平均响应时长", "民生服务", "h", 2.4, 0.4, -0.02, 2,
     true, "service", 0.8, 1, {{"operation", 0.3}}},
    {"district.online_approval_rate", "政务服务网办率", "民生服务", "%", 90, 2, 0.3, 90, false,
     "service", 0.6, 1, {{"development", 0.3}}},
    {"district.event_closure", "城市运行事件闭环率", "城市运行", "%", 96, 1.5, 0.1, 97, false,
     "operation", 1.2, 1, {{"service", 0.5}}},
    {"district.event_overdue", "事件超期率", "城市运行", "%", 2.1, 0.6, -0.05, 3, true, "operation",
     1.0, 1, {{"service", 0.3}}},
    {"district.congestion_index", "高峰拥堵指数", "城市运行", "", 1.6, 0.15, -0.01, 1.8, true,
     "operation", 0.8, 2, {{"health", 0.3}}},
    {"district.water_pressure_ok", "供水管网压力合格率", "城市运行", "%", 98.5, 0.6, 0.05, 99,
     false, "operation", 0.8, 1, {{"service", 0.3}}},
    {"district.power_reliability", "供电可靠率", "城市运行", "%", 99.9, 0.05, 0.002, 99.9, false,
     "operation", 0.8, 3, {{"development", 0.3}}},
    {"district.fire_response", "消防平均到场时间", "安全韧性", "min", 9, 1, -0.05, 10, true,
     "operation", 0.8, 1, {{"health", 0.8}}},
    {"district.hazard_rectified", "安全隐患整改率", "安全韧性", "%", 94, 2, 0.3, 98, false,
     "health", 1.0, 1, {{"operation", 0.5}}},
    {"district.geohazard_monitored", "地灾隐患点监测覆盖率", "安全韧性", "%", 97, 1.5, 0.2, 100,
     false, "health", 0.8, 1, {{"construction", 0.3}}},
    {"district.air_good_days", "空气质量优良天数比例", "生态环境", "%", 87, 3, 0.4, 90, false,
     "health", 1.2, 1, {{NULL, 0}}},
    {"district.pm25", "PM2.5平均浓度", "生态环境", "μg/m³", 34, 4, -0.3, 35, true, "health", 1.0,
     1, {{NULL, 0}}},
    {"district.water_quality", "地表水考核断面达标率", "生态环境", "%", 95, 3, 0.2, 100, false,
     "health", 1.0, 1, {{"construction", 0.3}}},
    {"district.waste_sorting", "生活垃圾分类覆盖率", "生态环境", "%", 93, 2, 0.3, 98, false,
     "service", 0.6, 1, {{"health", 0.5}}},
};
const size_t city_kpi_district_template_total = COUNT(city_kpi_district_templates);
