/* city_measures: the kinds of equipment shared by the demo and the city scale,
 * as macros so that both tables list the same rows in the same order. Private
 * to city_names.c and city_names_city.c. */
#ifndef CITYDASH_CITY_MEASURES_H
#define CITYDASH_CITY_MEASURES_H

/* asset, asset name, measure, measure name, unit, min, max, lolo, lo, hi, hihi,
 * has_lo, has_hi, nominal, deadband, decimals (clang-format would scatter the rows) */
/* clang-format off */
#define WATER_ROWS \
    {"pump", "号泵站", "outlet_pressure", "出口压力", "MPa", 0, 1, 0.10, 0.20, 0.80, 0.90, true, \
     true, 0.45, 0.01, 3, CITY_DIURNAL_DEMAND_DIP}, \
    {"pump", "号泵站", "flow", "出水流量", "m³/h", 0, 3000, 200, 400, 2400, 2700, true, true, 1300, \
     20, 0, CITY_DIURNAL_DEMAND}, \
    {"reservoir", "号水池", "level", "水位", "m", 0, 30, 3, 6, 25, 27, true, true, 15, 0.2, 2, CITY_DIURNAL_DEMAND_DIP}, \
    {"plant", "号水厂", "turbidity", "出厂浊度", "NTU", 0, 5, 0, 0, 0.8, 1.0, false, true, 0.3, \
     0.02, 2, CITY_DIURNAL_NONE}, \
    {"plant", "号水厂", "chlorine", "出厂余氯", "mg/L", 0, 4, 0.05, 0.3, 2.0, 3.0, true, true, 0.9, \
     0.02, 2, CITY_DIURNAL_NONE}

#define POWER_ROWS \
    {"feeder", "号馈线", "load", "负载率", "%", 0, 120, 0, 0, 85, 95, false, true, 55, 2, 1, CITY_DIURNAL_DEMAND}, \
    {"substation", "号变电站", "oil_temperature", "主变油温", "°C", 0, 120, 0, 0, 85, 95, false, \
     true, 55, 1, 1, CITY_DIURNAL_LOAD_HEAT}, \
    {"substation", "号变电站", "bus_voltage", "母线电压", "kV", 0, 12, 9.0, 9.3, 10.7, 11.0, true, \
     true, 10.1, 0.05, 2, CITY_DIURNAL_DEMAND_DIP}, \
    {"ringmain", "号环网柜", "partial_discharge", "局部放电", "dB", 0, 60, 0, 0, 20, 30, false, \
     true, 8, 1, 1, CITY_DIURNAL_NONE}

#define GAS_ROWS \
    {"pipeline", "号中压管线", "pressure", "管网压力", "kPa", 0, 400, 120, 160, 340, 370, true, \
     true, 250, 3, 1, CITY_DIURNAL_DEMAND_DIP}, \
    {"regulator", "号调压站", "outlet_pressure", "出口压力", "kPa", 0, 10, 1.5, 2.0, 3.5, 4.0, true, \
     true, 2.7, 0.05, 2, CITY_DIURNAL_NONE}, \
    {"valvewell", "号阀门井", "leak", "可燃气体浓度", "%LEL", 0, 100, 0, 0, 10, 25, false, true, \
     1.5, 1, 1, CITY_DIURNAL_NONE}

#define TELECOM_ROWS \
    {"bs", "号基站", "load", "负载率", "%", 0, 100, 0, 0, 80, 90, false, true, 45, 2, 1, CITY_DIURNAL_TELECOM}, \
    {"bs", "号基站", "packet_loss", "丢包率", "%", 0, 10, 0, 0, 1.0, 3.0, false, true, 0.2, 0.05, \
     2, CITY_DIURNAL_TELECOM}, \
    {"bs", "号基站", "latency", "时延", "ms", 0, 200, 0, 0, 50, 100, false, true, 18, 2, 1, CITY_DIURNAL_TELECOM}, \
    {"room", "号机房", "temperature", "机房温度", "°C", 0, 50, 10, 15, 28, 32, true, true, 23, 0.5, \
     1, CITY_DIURNAL_HEAT}, \
    {"bs", "号基站", "users", "在线用户数", "人", 0, 6000, 0, 0, 3500, 4500, false, true, 1200, \
     50, 0, CITY_DIURNAL_TELECOM}

#define BRIDGE_ROWS \
    {"bridge", "号桥", "deflection", "主梁挠度", "mm", -200, 200, -120, -80, 80, 120, true, true, 0, \
     2, 1, CITY_DIURNAL_TRAFFIC}, \
    {"bridge", "号桥", "strain", "关键截面应变", "με", -400, 400, -300, -200, 200, 300, true, true, \
     20, 5, 0, CITY_DIURNAL_TRAFFIC}, \
    {"bridge", "号桥", "vibration", "竖向振动", "mm/s", 0, 50, 0, 0, 15, 25, false, true, 4, 0.5, \
     2, CITY_DIURNAL_TRAFFIC}, \
    {"cable", "号斜拉桥", "cable_tension", "拉索索力", "kN", 0, 6000, 2500, 3000, 4800, 5200, true, \
     true, 3900, 20, 0, CITY_DIURNAL_TRAFFIC}, \
    {"bridge", "号桥", "river_level", "桥址江水位", "m", 150, 200, 0, 0, 180.5, 183.5, false, true, \
     168, 0.05, 2, CITY_DIURNAL_NONE}

#define TUNNEL_ROWS \
    {"tunnel", "号隧道", "co", "CO浓度", "ppm", 0, 300, 0, 0, 100, 150, false, true, 25, 3, 0, CITY_DIURNAL_TRAFFIC}, \
    {"tunnel", "号隧道", "visibility", "能见度", "m", 0, 1000, 100, 200, 0, 0, true, false, 600, 10, \
     0, CITY_DIURNAL_TRAFFIC_DIP}, \
    {"tunnel", "号隧道", "water_level", "积水深度", "cm", 0, 100, 0, 0, 15, 30, false, true, 3, 1, \
     1, CITY_DIURNAL_NONE}, \
    {"tunnel", "号隧道", "traffic_flow", "车流量", "veh/h", 0, 6000, 0, 0, 4500, 5200, false, true, \
     2400, 50, 0, CITY_DIURNAL_TRAFFIC}

/* clang-format on */

#endif
