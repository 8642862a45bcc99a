package org.commonweal.opendata.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.commonweal.identity.Account;
import org.commonweal.identity.Accounts;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Role;
import org.commonweal.opendata.Dataset;
import org.commonweal.opendata.DatasetChanged;
import org.commonweal.opendata.Datasets;
import org.commonweal.opendata.feedback.DataFeedback;
import org.commonweal.opendata.feedback.Feedback;
import org.commonweal.opendata.reuse.Reuse;
import org.commonweal.opendata.reuse.Reuses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The demo city's applications (one approved with a key, one pending, one refused), dataset
 * requests and error reports with answers, and reuses. The demo datasets are published by another
 * listener of the same {@code DemoCityLoaded} event, in no guaranteed order, so this one follows
 * {@link DatasetChanged} instead: once every dataset it needs exists, it adds its data once (a
 * marker row decides which of several concurrent events does it). Everything goes through the
 * same services people use, with their checks and ledger evidence.
 */
@Component
class DemoParticipation {

    private static final String MARKER = "demo-city";
    private static final List<String> NEEDED = List.of("qinghe-realtime-bus-api", "qinghe-enterprise-emissions",
            "qinghe-street-lights", "qinghe-bus-stops", "qinghe-bus-routes", "qinghe-air-quality-2025");
    private static final CommonwealUser SYSTEM = new CommonwealUser(Accounts.SYSTEM, "system", null,
            Set.of(Role.PLATFORM_ADMIN), false);

    private final ConditionalAccess access;
    private final DataFeedback feedback;
    private final Reuses reuses;
    private final Datasets datasets;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final ParticipationSettings settings;
    private final Clock clock;

    DemoParticipation(ConditionalAccess access, DataFeedback feedback, Reuses reuses, Datasets datasets, Accounts accounts,
                      JdbcClient jdbc, ParticipationSettings settings, Clock clock) {
        this.access = access;
        this.feedback = feedback;
        this.reuses = reuses;
        this.datasets = datasets;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(DatasetChanged changed) {
        if (!settings.demo() || added() || accounts.findByUsername("member.water").isEmpty()
                || !NEEDED.stream().allMatch(name -> datasets.findByName(name).isPresent())) {
            return;
        }
        if (jdbc.sql("INSERT INTO opendata_participation_demo (name, added_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(MARKER, Timestamp.from(clock.instant())).update() == 1) {
            add();
        }
    }

    boolean added() {
        return jdbc.sql("SELECT count(*) FROM opendata_participation_demo WHERE name = ?").param(MARKER)
                .query(Long.class).single() > 0;
    }

    private void add() {
        CommonwealUser water = user("member.water");
        CommonwealUser volunteers = user("member.volunteers");
        CommonwealUser liu = user("citizen.liu");
        CommonwealUser zhao = user("citizen.zhao");
        CommonwealUser transport = user("staff.transport");
        CommonwealUser urban = user("staff.urban");
        CommonwealUser housing = user("staff.housing");
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai"));

        Application approved = access.apply(id("qinghe-realtime-bus-api"), new NewApplication("",
                "优化供水管网抢修车辆的调度，避开公交高峰线路。", "仅内部调度系统使用，不对外发布原始数据；成果以汇总图表形式发布。",
                today.toString(), today.plusDays(180).toString()), water);
        access.decide(approved.id(), true, "用途明确，同意在期限内使用。", approved.version(), transport);
        access.issueKey(approved.id(), water);
        access.apply(id("qinghe-enterprise-emissions"), new NewApplication("",
                "志愿者环保宣传活动需要了解各区重点企业排放情况。", "制作社区宣传展板，只展示区级汇总。",
                today.plusDays(3).toString(), today.plusDays(60).toString()), volunteers);
        Application refused = access.apply(id("qinghe-street-lights"), new NewApplication("清河大学城市规划学院",
                "研究夜间照明与交通事故的关系。", "在校内服务器分析，论文只发表统计结果。",
                today.toString(), today.plusDays(365).toString()), zhao);
        access.decide(refused.id(), false, "路灯点位数据正在核对，预计下季度起开放申请，届时欢迎再次申请。", refused.version(), urban);

        Feedback busRequest = feedback.submit(Feedback.Kind.DATASET_REQUEST, null, transport.organisationId(),
                "公交车辆实时位置数据", "希望开放公交车辆的实时位置，方便开发到站提醒应用。", liu);
        feedback.answer(busRequest.id(), false, "实时公交接口已作为有条件开放数据发布（qinghe-realtime-bus-api），企业和研究人员可在线申请。",
                busRequest.version(), transport);
        Feedback stopError = feedback.submit(Feedback.Kind.ERROR_REPORT, id("qinghe-bus-stops"), null,
                "部分站点坐标偏移", "“临江路口”站的坐标落在江面上，应向东约 200 米。", zhao);
        feedback.answer(stopError.id(), false, "感谢指出，已核实并将在下月更新中修正。", stopError.version(), transport);
        Feedback rent = feedback.submit(Feedback.Kind.DATASET_REQUEST, null, housing.organisationId(),
                "每套住房的业主和租金明细", "希望公开每套住房的业主姓名和租金，方便租房比较。", liu);
        feedback.answer(rent.id(), true, "业主姓名和每套住房的租金涉及个人信息，依法不予开放；可参考已开放的住房竣工统计。",
                rent.version(), housing);
        feedback.submit(Feedback.Kind.DATASET_REQUEST, null, null, "公共自行车站点和车辆数",
                "希望开放公共自行车站点位置和实时可借车辆数。", zhao);

        Reuse app = reuses.register("清河公交通", "APP", "https://apps.example.cn/qinghe-bus",
                "查询公交站点和线路的手机应用，支持适老化大字模式。", "绿源科技有限公司",
                List.of("qinghe-bus-stops", "qinghe-bus-routes"), water);
        reuses.moderate(app.id(), true, "", app.version(), transport);
        Reuse study = reuses.register("清河市 2025 年空气质量变化分析", "STUDY", "https://research.example.edu.cn/qinghe-air-2025",
                "基于月度空气质量数据的趋势分析。", "清河大学环境学院", List.of("qinghe-air-quality-2025"), zhao);
        reuses.moderate(study.id(), true, "", study.version(), SYSTEM);
        reuses.register("公交站点覆盖率与老年人出行", "ARTICLE", "https://news.example.cn/qinghe-bus-elderly",
                "分析公交站点 500 米覆盖范围内的老年人口。", "清河日报", List.of("qinghe-bus-stops"), liu);
    }

    private UUID id(String name) {
        return datasets.findByName(name).map(Dataset::id).orElseThrow();
    }

    private CommonwealUser user(String username) {
        Optional<Account> account = accounts.findByUsername(username);
        Account a = account.orElseThrow();
        return new CommonwealUser(a.id(), a.displayName(), a.organisationId(), a.roles(), false);
    }
}
