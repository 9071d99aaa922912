/* city_event_catalogue: the static tables the city's event types are made
 * of (city_event_types.h says how). Categories follow how Chinese digital
 * city management files its cases (部件: 公用设施, 道路交通, 市容环境, 园林绿化,
 * 房屋土地; 事件: 市容环境, 街面秩序, 施工管理, 突发事件), plus the city-operation
 * domains the governance centre watches and the 12345 hotline. Served data,
 * not UI text.
 *
 * Deadlines are those of the centre's urgent track (30 min to 8 h): cases
 * with days to run are handled below the centre and never reach this feed.
 * Rates are relative: hotline and street-order cases are common, a bridge
 * or a building in danger is rare. */
#include "city_event_types.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define P(tok, name, sev, minutes, rate)                                                           \
	{                                                                                          \
		tok, name, CITY_SEVERITY_##sev, minutes, rate                                      \
	}
#define GROUP(cat, sub, tok, tier, objs, probs, plan, rate)                                        \
	{                                                                                          \
		cat, sub, tok, CITY_TIER_##tier, objs, COUNT(objs), probs, COUNT(probs), plan,     \
		    COUNT(plan), rate                                                              \
	}

/* ---- 市政设施 ---- */
static const city_named_t water_obj[] = {
    {"main", "供水主管"}, {"branch", "供水支管"}, {"service", "入户供水管"}, {"riser", "二次供水管"}};
static const city_problem_def_t water_prob[] = {
    P("burst", "爆管", CRITICAL, 120, 0.5), P("leak", "渗漏", MINOR, 240, 3),
    P("low_pressure", "水压不足", MAJOR, 240, 1), P("outage", "停水", MAJOR, 240, 1),
    P("turbid", "水质浑浊", MAJOR, 180, 0.5)};
static const city_plan_step_def_t water_plan[] = {
    {"关阀止水", "水务"}, {"现场围挡警示", "街道办"}, {"交通疏导", "公安"},
    {"抢修管道", "水务"}, {"恢复供水", "水务"},       {"路面恢复", "城管"}};

static const city_named_t waterfac_obj[] = {{"pump", "加压泵站"},
                                            {"tank", "二次供水水箱"},
                                            {"plant", "水厂"},
                                            {"valve", "检修阀门"},
                                            {"meter", "远传水表"}};
static const city_problem_def_t waterfac_prob[] = {
    P("fault", "故障", MAJOR, 240, 1), P("stopped", "停运", MAJOR, 180, 0.5),
    P("alarm", "监测报警", MINOR, 240, 1), P("damaged", "损坏", MINOR, 480, 1)};
static const city_plan_step_def_t waterfac_plan[] = {
    {"远程诊断", "水务"}, {"派员到场", "水务"}, {"检修设备", "水务"}, {"复测水压水质", "水务"}};

static const city_named_t drain_obj[] = {{"storm", "雨水管网"},    {"sewer", "污水管网"},
                                         {"inlet", "雨水箅子"},    {"culvert", "排水箱涵"},
                                         {"pumpst", "排水泵站"},   {"outfall", "排放口"}};
static const city_problem_def_t drain_prob[] = {
    P("blocked", "堵塞", MINOR, 240, 2), P("overflow", "冒溢", MAJOR, 120, 1),
    P("broken", "破损", MINOR, 480, 1), P("odor", "异味", INFO, 480, 1)};
static const city_plan_step_def_t drain_plan[] = {
    {"现场查勘", "水务"}, {"疏通清掏", "水务"}, {"修复设施", "水务"}, {"清理路面", "城管"}};

static const city_named_t gas_obj[] = {{"main", "燃气中压管"},  {"service", "燃气庭院管"},
                                       {"regulator", "调压箱"}, {"station", "燃气门站"},
                                       {"meter", "燃气表"},     {"valve", "燃气阀门井"}};
static const city_problem_def_t gas_prob[] = {
    P("leak", "泄漏", CRITICAL, 60, 1), P("pressure", "压力异常", MAJOR, 120, 1),
    P("damaged", "外力损坏", MAJOR, 120, 0.5), P("alarm", "报警器告警", MAJOR, 90, 1.5)};
static const city_plan_step_def_t gas_plan[] = {
    {"疏散警戒", "公安"}, {"切断气源", "燃气集团"}, {"检测浓度", "消防"},
    {"抢修堵漏", "燃气集团"}, {"通气复检", "燃气集团"}};

static const city_named_t power_obj[] = {{"feeder", "10kV馈线"},    {"transformer", "配电变压器"},
                                         {"substation", "变电站"},  {"cable", "电力电缆"},
                                         {"box", "配电箱"},         {"pole", "电杆"}};
static const city_problem_def_t power_prob[] = {
    P("trip", "跳闸", MAJOR, 120, 1), P("outage", "停电", MAJOR, 180, 1),
    P("overheat", "过热", MINOR, 240, 1), P("damaged", "损坏", MINOR, 480, 1),
    P("fire", "起火", CRITICAL, 60, 0.2)};
static const city_plan_step_def_t power_plan[] = {
    {"故障研判", "供电公司"}, {"隔离故障段", "供电公司"}, {"转供负荷", "经信"},
    {"抢修设备", "供电公司"}, {"恢复送电", "供电公司"}};

static const city_named_t telecom_obj[] = {{"bs", "通信基站"},
                                           {"fiber", "通信光缆"},
                                           {"box", "通信交接箱"},
                                           {"pole", "通信杆"},
                                           {"room", "通信机房"}};
static const city_problem_def_t telecom_prob[] = {
    P("outage", "退服", MINOR, 240, 2), P("cut", "中断", MAJOR, 180, 1),
    P("damaged", "损坏", MINOR, 480, 1), P("hanging", "线缆垂挂", MINOR, 240, 1)};
static const city_plan_step_def_t telecom_plan[] = {
    {"告警核实", "通管"}, {"派单运营商", "通管"}, {"抢修恢复", "通信运营商"}, {"业务验证", "通管"}};

static const city_named_t manhole_obj[] = {
    {"water", "上水井盖"}, {"sewer", "污水井盖"},   {"storm", "雨水井盖"}, {"power", "电力井盖"},
    {"telecom", "通信井盖"}, {"gas", "燃气井盖"}, {"heat", "热力井盖"},  {"orphan", "无主井盖"}};
static const city_problem_def_t manhole_prob[] = {
    P("missing", "丢失", MAJOR, 60, 1), P("broken", "破损", MINOR, 240, 2),
    P("displaced", "移位", MINOR, 240, 1), P("sunken", "沉陷", MINOR, 480, 1),
    P("noisy", "异响", INFO, 480, 1)};
static const city_plan_step_def_t manhole_plan[] = {
    {"设置警示围挡", "街道办"}, {"通知权属单位", "城管"}, {"更换修复井盖", "住建"}};

static const city_named_t light_obj[] = {{"street", "路灯"},
                                         {"highmast", "高杆灯"},
                                         {"landscape", "景观灯"},
                                         {"tunnel", "隧道照明灯"}};
static const city_problem_def_t light_prob[] = {
    P("out", "不亮", INFO, 480, 3), P("daylight", "白天亮灯", INFO, 480, 1),
    P("damaged", "损坏", MINOR, 480, 1), P("leaning", "倾斜", MINOR, 240, 0.5),
    P("leakage", "漏电", MAJOR, 60, 0.2)};
static const city_plan_step_def_t light_plan[] = {
    {"派单维护单位", "城管"}, {"断电检查", "城管"}, {"维修更换", "城管"}};

/* ---- 道路交通 ---- */
static const city_named_t road_obj[] = {{"carriageway", "车行道"},
                                        {"sidewalk", "人行道"},
                                        {"bikelane", "非机动车道"},
                                        {"ramp", "匝道"},
                                        {"service", "辅道"}};
static const city_problem_def_t road_prob[] = {
    P("pothole", "坑槽", MINOR, 480, 2), P("collapse", "塌陷", CRITICAL, 60, 0.2),
    P("crack", "开裂", INFO, 480, 1), P("heave", "拥包", MINOR, 480, 0.5),
    P("ponding", "积水", MINOR, 240, 1)};
static const city_plan_step_def_t road_plan[] = {
    {"设置警示", "交通"}, {"交通管制", "公安"}, {"路面修补", "住建"}, {"恢复通行", "交通"}};

static const city_named_t roadfur_obj[] = {{"curb", "路缘石"},
                                           {"tactile", "盲道"},
                                           {"guardrail", "道路护栏"},
                                           {"divider", "隔离栏"},
                                           {"bollard", "防撞墩"}};
static const city_problem_def_t roadfur_prob[] = {P("broken", "破损", MINOR, 480, 2),
                                                  P("missing", "缺失", MINOR, 480, 1),
                                                  P("displaced", "移位", INFO, 480, 1)};
static const city_plan_step_def_t roadfur_plan[] = {{"派单养护", "城管"}, {"修复设施", "住建"}};

static const city_named_t bridge_obj[] = {{"girder", "主梁"},  {"stay", "斜拉索"},
                                          {"hanger", "吊杆"},  {"bearing", "支座"},
                                          {"pier", "桥墩"},    {"joint", "伸缩缝"}};
static const city_problem_def_t bridge_prob[] = {
    P("over_limit", "监测超限", MAJOR, 120, 1), P("defect", "病害", MINOR, 480, 1),
    P("vibration", "异常振动", MAJOR, 120, 0.5), P("damage", "结构损伤", CRITICAL, 60, 0.1)};
static const city_plan_step_def_t bridge_plan[] = {
    {"数据复核", "交通"}, {"现场巡查", "交通"}, {"限载限行", "公安"},
    {"专家评估", "住建"}, {"加固维修", "交通"}};

static const city_named_t tunnel_obj[] = {{"fan", "射流风机"},   {"pump", "排水泵"},
                                          {"light", "照明回路"}, {"co", "CO检测器"},
                                          {"vi", "能见度检测仪"}, {"camera", "监控摄像机"},
                                          {"hydrant", "隧道消防栓"}};
static const city_problem_def_t tunnel_prob[] = {P("fault", "故障", MAJOR, 120, 1),
                                                 P("alarm", "超限报警", MAJOR, 90, 1),
                                                 P("offline", "离线", MINOR, 240, 1)};
static const city_plan_step_def_t tunnel_plan[] = {
    {"监控确认", "交通"}, {"车道管控", "公安"}, {"设备抢修", "交通"}, {"联动测试", "交通"}};

static const city_named_t trafac_obj[] = {{"signal", "信号灯"},   {"sign", "交通标志牌"},
                                          {"enforce", "电子警察"}, {"shelter", "公交站亭"},
                                          {"guide", "指路牌"},    {"vms", "交通诱导屏"}};
static const city_problem_def_t trafac_prob[] = {P("fault", "故障", MINOR, 240, 1),
                                                 P("damaged", "损坏", MINOR, 480, 1),
                                                 P("blocked", "被遮挡", INFO, 480, 0.5)};
static const city_plan_step_def_t trafac_plan[] = {{"派单维护", "交通"}, {"维修复位", "交通"}};

static const city_named_t traffic_obj[] = {{"expressway", "快速路"},  {"trunk", "主干道"},
                                           {"bridge", "跨江大桥"},   {"interchange", "立交"},
                                           {"hub", "交通枢纽"},      {"tunnel", "隧道口"}};
static const city_problem_def_t traffic_prob[] = {
    P("congestion", "严重拥堵", MAJOR, 60, 2), P("accident", "交通事故", MAJOR, 60, 1.5),
    P("breakdown", "车辆抛锚", MINOR, 60, 2), P("spill", "货物散落", MINOR, 60, 0.5)};
static const city_plan_step_def_t traffic_plan[] = {
    {"视频核实", "公安"}, {"警力到场", "公安"}, {"清障拖移", "交通"}, {"疏导恢复", "公安"}};

static const city_named_t parking_obj[] = {
    {"car", "机动车"}, {"bike", "非机动车"}, {"shared", "共享单车"}, {"abandoned", "僵尸车"}};
static const city_problem_def_t parking_prob[] = {
    P("illegal", "乱停放", INFO, 240, 3), P("fire_lane", "占用消防通道", MAJOR, 60, 0.5),
    P("tactile", "占用盲道", MINOR, 240, 1)};
static const city_plan_step_def_t parking_plan[] = {{"现场劝离", "城管"}, {"拖移处罚", "公安"}};

/* ---- 市容环境 ---- */
static const city_named_t waste_obj[] = {{"household", "生活垃圾"},
                                         {"building", "建筑垃圾"},
                                         {"bulky", "大件垃圾"},
                                         {"kitchen", "餐厨垃圾"},
                                         {"green", "绿化垃圾"}};
static const city_problem_def_t waste_prob[] = {P("dumped", "乱倾倒", MINOR, 240, 2),
                                                P("uncollected", "未清运", MINOR, 240, 2),
                                                P("burning", "露天焚烧", MAJOR, 60, 0.3)};
static const city_plan_step_def_t waste_plan[] = {{"派单清运", "城管"}, {"现场清理", "城管"}};

static const city_named_t bin_obj[] = {{"bin", "垃圾桶"},         {"litter", "果皮箱"},
                                       {"toilet", "公厕"},        {"transfer", "垃圾中转站"},
                                       {"point", "垃圾收集点"}};
static const city_problem_def_t bin_prob[] = {
    P("full", "满溢", INFO, 240, 3), P("dirty", "脏污", INFO, 480, 2),
    P("broken", "破损", MINOR, 480, 1), P("odor", "异味", INFO, 480, 1)};
static const city_plan_step_def_t bin_plan[] = {{"派单环卫", "城管"}, {"清洗清运", "城管"}};

static const city_named_t clean_obj[] = {{"road", "道路"},         {"sidewalk", "人行道"},
                                         {"verge", "绿化带"},      {"underpass", "桥下空间"},
                                         {"alley", "背街小巷"},    {"stairs", "梯坎步道"}};
static const city_problem_def_t clean_prob[] = {P("litter", "积存垃圾", INFO, 240, 3),
                                                P("sewage", "污水横流", MINOR, 240, 1),
                                                P("oil", "油污", INFO, 480, 0.5)};
static const city_plan_step_def_t clean_plan[] = {{"派单保洁", "城管"}, {"清扫冲洗", "城管"}};

static const city_named_t sign_obj[] = {{"billboard", "户外广告"},
                                        {"shop", "店招店牌"},
                                        {"banner", "横幅"},
                                        {"screen", "电子显示屏"},
                                        {"lightbox", "灯箱"}};
static const city_problem_def_t sign_prob[] = {P("unlicensed", "违规设置", MINOR, 480, 1),
                                               P("broken", "破损", MINOR, 480, 1),
                                               P("fall_risk", "坠落隐患", MAJOR, 120, 0.5)};
static const city_plan_step_def_t sign_plan[] = {
    {"现场核查", "城管"}, {"责令整改", "城管"}, {"拆除加固", "城管"}};

static const city_named_t post_obj[] = {{"wall", "墙面"},     {"pole", "电杆"},
                                        {"shelter", "公交站亭"}, {"pier", "桥墩"},
                                        {"box", "配电箱"}};
static const city_problem_def_t post_prob[] = {P("posting", "乱张贴", INFO, 480, 2),
                                               P("graffiti", "乱涂写", INFO, 480, 1)};
static const city_plan_step_def_t post_plan[] = {{"派单清除", "城管"}, {"清洗覆盖", "街道办"}};

/* ---- 园林绿化 ---- */
static const city_named_t tree_obj[] = {
    {"street", "行道树"}, {"ancient", "古树名木"}, {"landscape", "景观树"}};
static const city_problem_def_t tree_prob[] = {
    P("fallen", "倒伏", MAJOR, 60, 0.5), P("dead", "枯死", INFO, 480, 1),
    P("branch", "断枝", MINOR, 120, 1), P("pest", "病虫害", INFO, 480, 1),
    P("leaning", "歪斜", MINOR, 240, 1)};
static const city_plan_step_def_t tree_plan[] = {
    {"现场警戒", "街道办"}, {"修剪移除", "园林"}, {"补植养护", "园林"}};

static const city_named_t green_obj[] = {{"hedge", "绿篱"},  {"lawn", "草坪"},
                                         {"bed", "花坛"},    {"belt", "绿化带"},
                                         {"pocket", "街头绿地"}};
static const city_problem_def_t green_prob[] = {
    P("trampled", "被践踏", INFO, 480, 1), P("bare", "黄土裸露", INFO, 480, 1),
    P("occupied", "被侵占", MINOR, 480, 1), P("neglected", "缺乏养护", INFO, 480, 1)};
static const city_plan_step_def_t green_plan[] = {{"派单养护", "园林"}, {"整治恢复", "园林"}};

static const city_named_t park_obj[] = {{"path", "园路"},      {"bench", "座椅"},
                                        {"fitness", "健身器材"}, {"play", "儿童游乐设施"},
                                        {"pavilion", "亭廊"},  {"pool", "景观水池"}};
static const city_problem_def_t park_prob[] = {P("broken", "破损", MINOR, 480, 1),
                                               P("missing", "缺失", INFO, 480, 0.5),
                                               P("hazard", "安全隐患", MAJOR, 120, 0.5)};
static const city_plan_step_def_t park_plan[] = {
    {"设置警示", "园林"}, {"维修更换", "园林"}, {"安全检查", "市场监管"}};

/* ---- 房屋土地 ---- */
static const city_named_t house_obj[] = {{"residential", "居民楼"},
                                         {"old", "老旧房屋"},
                                         {"factory", "厂房"},
                                         {"school", "学校建筑"},
                                         {"commercial", "商业楼宇"}};
static const city_problem_def_t house_prob[] = {
    P("crack", "墙体开裂", MAJOR, 240, 1), P("facade", "外墙脱落", MAJOR, 120, 1),
    P("tilt", "倾斜", CRITICAL, 60, 0.1), P("roof_leak", "屋面渗漏", MINOR, 480, 1)};
static const city_plan_step_def_t house_plan[] = {
    {"现场排查", "街道办"}, {"人员疏散", "街道办"}, {"安全鉴定", "住建"},
    {"排危处置", "住建"}};

static const city_named_t illegal_obj[] = {{"roof", "屋顶"},       {"balcony", "阳台"},
                                           {"common", "小区公共区域"}, {"frontage", "临街门面"},
                                           {"river", "河道管理范围"}, {"redline", "道路红线内"}};
static const city_problem_def_t illegal_prob[] = {P("building", "违法搭建", MINOR, 480, 1),
                                                  P("extension", "违法改扩建", MINOR, 480, 0.5)};
static const city_plan_step_def_t illegal_plan[] = {
    {"现场制止", "街道办"}, {"立案调查", "城管"}, {"限期拆除", "城管"}};

static const city_named_t geo_obj[] = {{"landslide", "滑坡"},
                                       {"rockfall", "崩塌"},
                                       {"debris", "泥石流"},
                                       {"subsidence", "地面塌陷"},
                                       {"rock", "危岩"}};
static const city_problem_def_t geo_prob[] = {P("hazard", "隐患", MINOR, 480, 1),
                                              P("danger", "险情", MAJOR, 120, 0.3),
                                              P("disaster", "灾情", CRITICAL, 60, 0.05)};
static const city_plan_step_def_t geo_plan[] = {
    {"群测群防核查", "街道办"}, {"专业监测", "规划自然资源"}, {"人员避让", "应急"},
    {"工程治理", "规划自然资源"}};

/* ---- 街面秩序, 施工管理 ---- */
static const city_named_t order_obj[] = {{"shop", "门店"},        {"vendor", "流动摊贩"},
                                         {"night", "夜市摊点"},   {"recycle", "废品收购点"},
                                         {"carwash", "洗车点"},   {"repair", "维修点"}};
static const city_problem_def_t order_prob[] = {P("occupy", "占道经营", INFO, 240, 3),
                                                P("noise", "噪声扰民", MINOR, 120, 1),
                                                P("sewage", "污水外排", MINOR, 240, 0.5)};
static const city_plan_step_def_t order_plan[] = {{"现场劝导", "城管"}, {"依法查处", "城管"}};

static const city_named_t pile_obj[] = {{"material", "建材"},  {"sundry", "杂物"},
                                        {"furniture", "废旧家具"}, {"sand", "沙石"},
                                        {"muck", "渣土"}};
static const city_problem_def_t pile_prob[] = {P("road", "占道堆放", INFO, 240, 2),
                                               P("fire_lane", "消防通道堆放", MAJOR, 60, 0.5)};
static const city_plan_step_def_t pile_plan[] = {
    {"通知清理", "街道办"}, {"清运杂物", "城管"}, {"消防复查", "消防"}};

static const city_named_t site_obj[] = {{"housing", "房建工地"},   {"municipal", "市政工地"},
                                        {"rail", "轨道交通工地"}, {"trench", "道路开挖"},
                                        {"demolition", "拆除工地"}, {"pipe", "管网施工"}};
static const city_problem_def_t site_prob[] = {
    P("dust", "扬尘", MINOR, 240, 2),        P("night_noise", "夜间施工噪声", MINOR, 120, 2),
    P("hoarding", "围挡破损", INFO, 480, 1),  P("mud", "车辆带泥上路", MINOR, 240, 1),
    P("spill", "渣土撒漏", MINOR, 120, 1), P("hazard", "安全隐患", MAJOR, 120, 0.5)};
static const city_plan_step_def_t site_plan[] = {
    {"现场核查", "住建"}, {"责令停工整改", "住建"}, {"执法处罚", "城管"}, {"复工复查", "住建"}};

/* ---- 突发事件, 公共安全 ---- */
static const city_named_t fire_obj[] = {{"home", "住宅"},        {"shop", "商铺"},
                                        {"factory", "厂房"},     {"warehouse", "仓库"},
                                        {"vehicle", "车辆"},     {"forest", "山林"},
                                        {"highrise", "高层建筑"}, {"garage", "地下车库"}};
static const city_problem_def_t fire_prob[] = {P("fire", "起火", CRITICAL, 30, 1),
                                               P("smoke", "冒烟", MAJOR, 60, 1),
                                               P("hazard", "火灾隐患", MINOR, 480, 2)};
static const city_plan_step_def_t fire_plan[] = {
    {"出警灭火", "消防"}, {"人员搜救", "消防"}, {"伤员救治", "卫健"},
    {"现场管控", "公安"}, {"火因调查", "消防"}};

static const city_named_t safety_obj[] = {{"chemical", "危化品企业"},   {"site", "建筑施工现场"},
                                          {"mine", "非煤矿山"},        {"crowded", "人员密集场所"},
                                          {"gas_shop", "燃气经营场所"}, {"industry", "工贸企业"}};
static const city_problem_def_t safety_prob[] = {P("accident", "生产安全事故", CRITICAL, 60, 0.1),
                                                 P("major_hazard", "重大事故隐患", MAJOR, 240, 0.5),
                                                 P("hazard", "一般事故隐患", MINOR, 480, 1)};
static const city_plan_step_def_t safety_plan[] = {
    {"现场核查", "应急"}, {"停产撤人", "应急"}, {"隐患整改", "应急"}, {"执法复查", "市场监管"}};

static const city_named_t lift_obj[] = {{"home", "住宅电梯"},
                                        {"public", "公共场所电梯"},
                                        {"escalator", "自动扶梯"},
                                        {"metro", "轨道站点电梯"}};
static const city_problem_def_t lift_prob[] = {P("trapped", "困人", MAJOR, 30, 1),
                                               P("stopped", "故障停运", MINOR, 240, 1),
                                               P("overdue", "超期未检", INFO, 480, 0.5)};
static const city_plan_step_def_t lift_plan[] = {
    {"维保单位到场", "市场监管"}, {"解救被困人员", "消防"}, {"检修停用", "市场监管"}};

static const city_named_t flood_obj[] = {{"road", "城市道路"},     {"underpass", "下穿通道"},
                                         {"garage", "地下车库"},   {"lowland", "低洼小区"},
                                         {"tunnel", "隧道"}};
static const city_problem_def_t flood_prob[] = {P("ponding", "积水", MAJOR, 60, 1),
                                                P("backflow", "倒灌", CRITICAL, 60, 0.2)};
static const city_plan_step_def_t flood_plan[] = {
    {"封闭交通", "公安"}, {"抽排积水", "水务"}, {"转移群众", "街道办"}, {"清淤消杀", "城管"}};

static const city_named_t river_obj[] = {
    {"yangtze", "长江"}, {"jialing", "嘉陵江"}, {"small", "中小河流"}, {"reservoir", "水库"}};
static const city_problem_def_t river_prob[] = {P("flood", "水位超警戒", MAJOR, 120, 0.3),
                                                P("debris", "漂浮物", INFO, 480, 1),
                                                P("pollution", "水面油污", MAJOR, 120, 0.3)};
static const city_plan_step_def_t river_plan[] = {
    {"巡河核查", "水务"}, {"预警发布", "应急"}, {"打捞处置", "水务"}, {"水质监测", "生态环境"}};

static const city_named_t weather_obj[] = {{"rainstorm", "暴雨"}, {"gale", "大风"},
                                           {"thunder", "雷电"},   {"hail", "冰雹"},
                                           {"heat", "高温"},      {"fog", "大雾"}};
static const city_problem_def_t weather_prob[] = {P("warning", "预警响应", MAJOR, 240, 0.2)};
static const city_plan_step_def_t weather_plan[] = {
    {"发布预警", "应急"}, {"部门会商", "应急"}, {"隐患巡查", "街道办"}, {"解除响应", "应急"}};

static const city_named_t health_obj[] = {{"school", "学校"},      {"elderly", "养老机构"},
                                          {"restaurant", "餐饮单位"}, {"market", "农贸市场"},
                                          {"canteen", "单位食堂"}};
static const city_problem_def_t health_prob[] = {P("poisoning", "食物中毒", CRITICAL, 60, 0.1),
                                                 P("cluster", "聚集性病例", MAJOR, 120, 0.1),
                                                 P("hygiene", "卫生投诉", MINOR, 480, 1)};
static const city_plan_step_def_t health_plan[] = {
    {"流行病学调查", "卫健"}, {"患者救治", "卫健"}, {"采样检测", "市场监管"},
    {"环境消杀", "卫健"}};

static const city_named_t crowd_obj[] = {{"mall", "商圈"},          {"scenic", "景区"},
                                         {"metro", "轨道站点"},     {"hub", "交通枢纽"},
                                         {"venue", "大型活动场所"}, {"hospital", "医院"}};
static const city_problem_def_t crowd_prob[] = {
    P("crowding", "人员聚集超限", MAJOR, 60, 0.5), P("dispute", "治安纠纷", MINOR, 120, 2),
    P("suspicious", "可疑物品", MAJOR, 60, 0.3), P("missing", "走失求助", MINOR, 120, 1)};
static const city_plan_step_def_t crowd_plan[] = {
    {"视频研判", "公安"}, {"警力到场", "公安"}, {"现场疏导", "公安"}, {"安抚善后", "街道办"}};

/* ---- 生态环境 ---- */
static const city_named_t air_obj[] = {{"plant", "工业企业"},   {"restaurant", "餐饮店"},
                                       {"site", "工地"},        {"station", "加油站"},
                                       {"garage", "汽修厂"}};
static const city_problem_def_t air_prob[] = {P("exhaust", "废气排放", MINOR, 240, 1),
                                              P("odor", "异味扰民", MINOR, 240, 1)};
static const city_plan_step_def_t air_plan[] = {
    {"现场监测", "生态环境"}, {"责令整改", "生态环境"}, {"复查销号", "生态环境"}};

static const city_named_t waterenv_obj[] = {
    {"river", "河道"}, {"lake", "湖库"}, {"outfall", "排污口"}, {"pipes", "雨污管网"}};
static const city_problem_def_t waterenv_prob[] = {
    P("black", "水体黑臭", MINOR, 480, 1), P("dead_fish", "死鱼", MAJOR, 120, 0.3),
    P("oil", "油污", MAJOR, 120, 0.3), P("discharge", "违法排污", MAJOR, 120, 0.5)};
static const city_plan_step_def_t waterenv_plan[] = {
    {"溯源排查", "生态环境"}, {"截污封堵", "水务"}, {"水质采样", "生态环境"}, {"立案处罚", "生态环境"}};

static const city_named_t noise_obj[] = {{"business", "商业场所"}, {"entertainment", "娱乐场所"},
                                         {"factory", "工厂"},      {"square", "广场活动"},
                                         {"renovation", "装修"}};
static const city_problem_def_t noise_prob[] = {P("over", "噪声超标", MINOR, 240, 1),
                                                P("night", "夜间噪声扰民", MINOR, 120, 1.5)};
static const city_plan_step_def_t noise_plan[] = {
    {"现场劝导", "街道办"}, {"噪声监测", "生态环境"}, {"依法处罚", "公安"}};

static const city_named_t solid_obj[] = {
    {"hazardous", "危险废物"}, {"medical", "医疗废物"}, {"industrial", "工业固废"}};
static const city_problem_def_t solid_prob[] = {P("dumping", "非法倾倒", MAJOR, 120, 0.3),
                                                P("storage", "违规贮存", MINOR, 480, 0.5)};
static const city_plan_step_def_t solid_plan[] = {
    {"现场封控", "公安"}, {"采样鉴定", "生态环境"}, {"清运处置", "生态环境"}};

/* ---- 12345热线 ---- */
static const city_named_t hotline_obj[] = {
    {"property", "物业服务"},  {"water", "供水服务"},   {"power", "供电服务"},
    {"gas", "燃气服务"},       {"bus", "公交服务"},     {"taxi", "出租车服务"},
    {"ridehail", "网约车服务"}, {"medical", "医疗服务"}, {"school_fee", "教育收费"},
    {"social", "社保待遇"},    {"housing", "房屋交易"}, {"wages", "拖欠工资"},
    {"consumer", "消费维权"},  {"food", "食品安全"},    {"parcel", "快递服务"},
    {"tourism", "旅游服务"}};
static const city_problem_def_t hotline_prob[] = {P("complaint", "投诉", MINOR, 480, 2),
                                                  P("help", "求助", MINOR, 240, 1),
                                                  P("report", "举报", MINOR, 480, 0.5)};
static const city_plan_step_def_t hotline_plan[] = {
    {"热线受理", "12345热线"}, {"转办承办单位", "12345热线"}, {"承办处理", "街道办"},
    {"回访群众", "12345热线"}};

static const city_named_t business_obj[] = {{"environment", "营商环境"}, {"license", "证照办理"},
                                            {"policy", "惠企政策"},      {"labor", "企业用工"},
                                            {"finance", "企业融资"},     {"utility", "企业用水用电"}};
static const city_problem_def_t business_prob[] = {P("request", "诉求", MINOR, 480, 1),
                                                   P("complaint", "投诉", MINOR, 480, 0.5)};
static const city_plan_step_def_t business_plan[] = {
    {"热线受理", "12345热线"}, {"转办主管部门", "经信"}, {"协调解决", "经信"},
    {"回访企业", "12345热线"}};

const city_type_group_def_t city_type_groups[] = {
    GROUP("市政设施", "供水", "water", STREET, water_obj, water_prob, water_plan, 1.0),
    GROUP("市政设施", "供水设施", "water_facility", STREET, waterfac_obj, waterfac_prob,
          waterfac_plan, 0.6),
    GROUP("市政设施", "排水", "drain", STREET, drain_obj, drain_prob, drain_plan, 1.0),
    GROUP("市政设施", "燃气", "gas", DISTRICT, gas_obj, gas_prob, gas_plan, 0.6),
    GROUP("市政设施", "供电", "power", DISTRICT, power_obj, power_prob, power_plan, 0.6),
    GROUP("市政设施", "通信", "telecom", STREET, telecom_obj, telecom_prob, telecom_plan, 0.6),
    GROUP("公用设施", "井盖", "manhole", STREET, manhole_obj, manhole_prob, manhole_plan, 1.0),
    GROUP("公用设施", "照明设施", "lighting", STREET, light_obj, light_prob, light_plan, 1.0),
    GROUP("道路交通", "道路", "road", STREET, road_obj, road_prob, road_plan, 1.0),
    GROUP("道路交通", "道路附属设施", "road_furniture", STREET, roadfur_obj, roadfur_prob,
          roadfur_plan, 0.8),
    GROUP("道路交通", "桥梁", "bridge", DISTRICT, bridge_obj, bridge_prob, bridge_plan, 0.2),
    GROUP("道路交通", "隧道", "tunnel", DISTRICT, tunnel_obj, tunnel_prob, tunnel_plan, 0.3),
    GROUP("道路交通", "交通设施", "traffic_facility", STREET, trafac_obj, trafac_prob,
          trafac_plan, 0.8),
    GROUP("道路交通", "交通运行", "traffic", DISTRICT, traffic_obj, traffic_prob, traffic_plan,
          1.5),
    GROUP("道路交通", "停车秩序", "parking", STREET, parking_obj, parking_prob, parking_plan,
          1.5),
    GROUP("市容环境", "垃圾", "waste", STREET, waste_obj, waste_prob, waste_plan, 1.5),
    GROUP("市容环境", "环卫设施", "sanitation", STREET, bin_obj, bin_prob, bin_plan, 1.5),
    GROUP("市容环境", "道路保洁", "cleaning", STREET, clean_obj, clean_prob, clean_plan, 1.5),
    GROUP("市容环境", "广告招牌", "signboard", STREET, sign_obj, sign_prob, sign_plan, 0.8),
    GROUP("市容环境", "乱张贴乱涂写", "posting", STREET, post_obj, post_prob, post_plan, 1.0),
    GROUP("园林绿化", "树木", "tree", STREET, tree_obj, tree_prob, tree_plan, 0.8),
    GROUP("园林绿化", "绿地", "green", STREET, green_obj, green_prob, green_plan, 0.8),
    GROUP("园林绿化", "公园广场", "park", STREET, park_obj, park_prob, park_plan, 0.5),
    GROUP("房屋土地", "房屋安全", "building", DISTRICT, house_obj, house_prob, house_plan, 0.3),
    GROUP("房屋土地", "违法建设", "illegal_building", STREET, illegal_obj, illegal_prob,
          illegal_plan, 0.8),
    GROUP("房屋土地", "地质灾害", "geohazard", DISTRICT, geo_obj, geo_prob, geo_plan, 0.3),
    GROUP("街面秩序", "经营秩序", "street_order", STREET, order_obj, order_prob, order_plan,
          2.0),
    GROUP("街面秩序", "乱堆物料", "piling", STREET, pile_obj, pile_prob, pile_plan, 1.0),
    GROUP("施工管理", "工地管理", "construction", STREET, site_obj, site_prob, site_plan, 1.0),
    GROUP("突发事件", "火灾", "fire", DISTRICT, fire_obj, fire_prob, fire_plan, 0.3),
    GROUP("突发事件", "安全生产", "work_safety", DISTRICT, safety_obj, safety_prob, safety_plan,
          0.5),
    GROUP("突发事件", "特种设备", "elevator", STREET, lift_obj, lift_prob, lift_plan, 1.0),
    GROUP("突发事件", "城市内涝", "flood", DISTRICT, flood_obj, flood_prob, flood_plan, 0.4),
    GROUP("突发事件", "江河水情", "river", DISTRICT, river_obj, river_prob, river_plan, 0.3),
    GROUP("突发事件", "气象灾害", "weather", CITY, weather_obj, weather_prob, weather_plan, 0.2),
    GROUP("突发事件", "公共卫生", "public_health", DISTRICT, health_obj, health_prob,
          health_plan, 0.3),
    GROUP("公共安全", "社会治安", "public_safety", STREET, crowd_obj, crowd_prob, crowd_plan,
          1.0),
    GROUP("生态环境", "大气污染", "air", STREET, air_obj, air_prob, air_plan, 0.8),
    GROUP("生态环境", "水污染", "water_env", DISTRICT, waterenv_obj, waterenv_prob,
          waterenv_plan, 0.5),
    GROUP("生态环境", "噪声污染", "noise", STREET, noise_obj, noise_prob, noise_plan, 1.0),
    GROUP("生态环境", "固体废物", "solid_waste", DISTRICT, solid_obj, solid_prob, solid_plan,
          0.3),
    GROUP("12345热线", "民生诉求", "hotline", STREET, hotline_obj, hotline_prob, hotline_plan,
          2.0),
    GROUP("12345热线", "企业诉求", "business", DISTRICT, business_obj, business_prob,
          business_plan, 1.0),
};
const size_t city_type_group_total = COUNT(city_type_groups);
