package org.commonweal.requests.internal;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.commonweal.requests.Category;
import org.commonweal.requests.CategoryAttribute;

/** Plausible words for generated demo requests; all names and places are fictional. */
final class DemoTexts {

    private static final Map<String, List<String>> DESCRIPTIONS = Map.ofEntries(
            Map.entry("streetlight", List.of("小区门口的路灯连续几天晚上不亮，行人看不清路。", "路灯一直闪烁，晚上很晃眼。")),
            Map.entry("road-damage", List.of("路面有一个很深的坑，下雨后积水，电动车容易摔倒。", "井盖松动，车辆经过时响声很大。")),
            Map.entry("bus-service", List.of("公交车经常不按时刻表发车，早高峰等了四十分钟。", "车站的站牌信息过时了。")),
            Map.entry("noise", List.of("附近工地晚上十点以后还在施工，噪声很大，影响休息。", "楼下商铺音响声音太大，从早放到晚。")),
            Map.entry("pollution", List.of("河边有工厂往河里排污水，水面有油污和异味。", "附近烧烤摊油烟很大，窗户都不敢开。")),
            Map.entry("water-outage", List.of("整栋楼停水一天了，没有任何通知。", "自来水发黄，有异味。")),
            Map.entry("heating", List.of("供暖以来室温一直不到十六度。", "暖气片不热，物业说不归他们管。")),
            Map.entry("gas-leak", List.of("楼道里有明显的燃气味。")),
            Map.entry("unpaid-wages", List.of("在工地干了三个月，工资一直没有发。", "公司拖欠两个月工资，老板联系不上。")),
            Map.entry("social-insurance", List.of("单位没有给我缴社保，想咨询怎么办。", "退休后养老金一直没有到账。")),
            Map.entry("food-safety", List.of("在一家餐馆吃饭后肚子疼，后厨卫生很差。", "超市在卖过期的牛奶。")),
            Map.entry("property-management", List.of("小区电梯经常坏，物业修了又坏。", "物业不清理楼道里的垃圾。")),
            Map.entry("elderly-care", List.of("社区老年食堂停了，老人吃饭不方便。", "想给父亲申请居家养老服务，不知道怎么办。")),
            Map.entry("medical-service", List.of("医院挂号太难，网上总是约不到。", "社区卫生服务站经常没有医生。")),
            Map.entry("illegal-construction", List.of("楼顶有人私自搭建了彩钢房。", "一楼住户把绿地围起来当院子。")),
            Map.entry("other", List.of("不知道该找哪个部门，想反映一下小区周边的情况。")));
    private static final List<String> STREETS = List.of("临江路", "望山大道", "新港街", "青石路", "文化路", "人民路", "滨河路");
    private static final List<String> NAMES = List.of("王女士", "李先生", "张阿姨", "刘师傅", "陈同学", "赵先生", "孙女士");

    private DemoTexts() {
    }

    static String description(Category category, Random random) {
        List<String> texts = DESCRIPTIONS.getOrDefault(category.code(), DESCRIPTIONS.get("other"));
        return texts.get(random.nextInt(texts.size()));
    }

    static String address(Random random) {
        return STREETS.get(random.nextInt(STREETS.size())) + " " + (1 + random.nextInt(300)) + " 号附近";
    }

    static String name(Random random) {
        return NAMES.get(random.nextInt(NAMES.size()));
    }

    /** Answers to the category's required questions, so that every demo request is one the form would accept. */
    static Map<String, List<String>> answers(Category category, Random random) {
        Map<String, List<String>> answers = new java.util.LinkedHashMap<>();
        for (CategoryAttribute attribute : category.attributes()) {
            if (!attribute.required()) {
                continue;
            }
            answers.put(attribute.code(), List.of(switch (attribute.datatype()) {
                case SINGLEVALUELIST, MULTIVALUELIST -> attribute.values().get(random.nextInt(attribute.values().size())).key();
                case NUMBER -> String.valueOf(1 + random.nextInt(6));
                case DATETIME -> "2026-01-15T08:30:00+08:00";
                default -> String.valueOf(1 + random.nextInt(200)) + " 路";
            }));
        }
        return answers;
    }
}
