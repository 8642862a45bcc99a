package org.commonweal.catalogue.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.commonweal.catalogue.DataGrade;
import org.commonweal.catalogue.DataItem;
import org.commonweal.catalogue.DataResource;
import org.commonweal.catalogue.OpenType;
import org.commonweal.catalogue.ResourceDraft;
import org.commonweal.catalogue.ResourceFormat;
import org.commonweal.catalogue.SharingMethod;
import org.commonweal.catalogue.SharingType;
import org.commonweal.catalogue.UpdateCycle;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Resources and their items in PostgreSQL; callers hold the transaction. */
@Repository
public class ResourceStore {

    private static final String COLUMNS = "code, classification, name_zh, name_en, provider, summary, format,"
            + " sharing_type, sharing_conditions, sharing_method, legal_basis, open_type, open_conditions, update_cycle,"
            + " published_on, grade, retired, version";

    private final JdbcClient jdbc;

    ResourceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DataResource> find(String code) {
        return withItems(jdbc.sql("SELECT " + COLUMNS + " FROM catalogue_resource WHERE code = ?").param(code)
                .query(ResourceStore::row).list()).stream().findFirst();
    }

    /** Locks the row for the rest of the transaction, so two changes of one resource go one after the other. */
    public Optional<DataResource> lock(String code) {
        return withItems(jdbc.sql("SELECT " + COLUMNS + " FROM catalogue_resource WHERE code = ? FOR UPDATE").param(code)
                .query(ResourceStore::row).list()).stream().findFirst();
    }

    public List<DataResource> ofProvider(String provider, boolean includeRetired) {
        return withItems(jdbc.sql("SELECT " + COLUMNS + " FROM catalogue_resource WHERE provider = ?"
                        + (includeRetired ? "" : " AND NOT retired") + " ORDER BY code")
                .param(provider).query(ResourceStore::row).list());
    }

    /**
     * One page of resources by code, filtered in the database: by provider (empty: any), by class
     * prefix (empty: any), and for the public without core data and retired resources.
     */
    public List<DataResource> browse(String provider, String classification, boolean government, int offset, int limit) {
        return withItems(jdbc.sql("SELECT " + COLUMNS + " FROM catalogue_resource WHERE " + BROWSE
                        + " ORDER BY code OFFSET ? LIMIT ?")
                .params(provider, provider, classification, classification, classification + "-%", government,
                        offset, limit)
                .query(ResourceStore::row).list());
    }

    public int count(String provider, String classification, boolean government) {
        return jdbc.sql("SELECT count(*) FROM catalogue_resource WHERE " + BROWSE)
                .params(provider, provider, classification, classification, classification + "-%", government)
                .query(Integer.class).single();
    }

    /** How many resources each provider has, as the reader may see them. */
    public Map<String, Integer> countsByProvider(boolean government) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT provider, count(*) FROM catalogue_resource WHERE (? OR (NOT retired AND grade <> 'CORE'))"
                        + " GROUP BY provider").param(government)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    private static final String BROWSE = "(? = '' OR provider = ?) AND (? = '' OR classification = ? OR classification LIKE ?)"
            + " AND (? OR (NOT retired AND grade <> 'CORE'))";

    public List<DataResource> all() {
        return withItems(jdbc.sql("SELECT " + COLUMNS + " FROM catalogue_resource ORDER BY code")
                .query(ResourceStore::row).list());
    }

    public List<DataResource> findAll(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return withItems(jdbc.sql("SELECT " + COLUMNS + " FROM catalogue_resource WHERE code = ANY(?)")
                .param(codes.toArray(String[]::new)).query(ResourceStore::row).list());
    }

    public boolean exists(String code) {
        return jdbc.sql("SELECT count(*) FROM catalogue_resource WHERE code = ?").param(code)
                .query(Integer.class).single() > 0;
    }

    /** The highest sequence number used in codes starting with {@code prefix}, 0 when none. */
    public int highestSequence(String prefix) {
        List<String> codes = jdbc.sql("SELECT code FROM catalogue_resource WHERE code LIKE ?")
                .param(prefix.replace("_", "\\_").replace("%", "\\%") + "%").query(String.class).list();
        int highest = 0;
        for (String code : codes) {
            String rest = code.substring(prefix.length());
            if (rest.matches("[0-9]{1,9}")) {
                highest = Math.max(highest, Integer.parseInt(rest));
            }
        }
        return highest;
    }

    /** Serialises code generation per provider until the transaction ends. */
    public void lockProvider(String provider) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("catalogue:" + provider).query((rs, n) -> 1).list();
    }

    public void insert(String code, ResourceDraft draft, Instant now) {
        jdbc.sql("INSERT INTO catalogue_resource (" + COLUMNS + ", registered_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, 1, ?, ?)")
                .params(code, draft.classification(), draft.nameZh(), draft.nameEn(), draft.provider(), draft.summary(),
                        draft.format().name(), draft.sharingType().name(), draft.sharingConditions(),
                        name(draft.sharingMethod()), draft.legalBasis(), draft.openType().name(), draft.openConditions(),
                        draft.updateCycle().name(), draft.publishedOn(), draft.grade().name(),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
        insertItems(code, draft.items());
    }

    public void update(String code, ResourceDraft draft, Instant now) {
        jdbc.sql("UPDATE catalogue_resource SET classification = ?, name_zh = ?, name_en = ?, summary = ?, format = ?,"
                        + " sharing_type = ?, sharing_conditions = ?, sharing_method = ?, legal_basis = ?, open_type = ?,"
                        + " open_conditions = ?, update_cycle = ?, published_on = ?, grade = ?, version = version + 1,"
                        + " updated_at = ? WHERE code = ?")
                .params(draft.classification(), draft.nameZh(), draft.nameEn(), draft.summary(), draft.format().name(),
                        draft.sharingType().name(), draft.sharingConditions(), name(draft.sharingMethod()),
                        draft.legalBasis(), draft.openType().name(), draft.openConditions(), draft.updateCycle().name(),
                        draft.publishedOn(), draft.grade().name(), Timestamp.from(now), code)
                .update();
        jdbc.sql("DELETE FROM catalogue_item WHERE resource_code = ?").param(code).update();
        insertItems(code, draft.items());
    }

    public void retire(String code, Instant now) {
        jdbc.sql("UPDATE catalogue_resource SET retired = true, version = version + 1, updated_at = ? WHERE code = ?")
                .params(Timestamp.from(now), code).update();
    }

    private void insertItems(String code, List<DataItem> items) {
        for (int i = 0; i < items.size(); i++) {
            DataItem item = items.get(i);
            jdbc.sql("INSERT INTO catalogue_item (resource_code, position, item_key, name_zh, name_en, item_type,"
                            + " personal, sensitive) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(code, i, item.key(), item.nameZh(), item.nameEn(), item.type(), item.personal(),
                            item.sensitive())
                    .update();
        }
    }

    private List<DataResource> withItems(List<DataResource> resources) {
        if (resources.isEmpty()) {
            return resources;
        }
        Map<String, List<DataItem>> items = new LinkedHashMap<>();
        jdbc.sql("SELECT resource_code, item_key, name_zh, name_en, item_type, personal, sensitive FROM catalogue_item"
                        + " WHERE resource_code = ANY(?) ORDER BY resource_code, position")
                .param(resources.stream().map(DataResource::code).toArray(String[]::new))
                .query(rs -> {
                    items.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new DataItem(rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7)));
                });
        return resources.stream().map(r -> withItems(r, items.getOrDefault(r.code(), List.of()))).toList();
    }

    private static DataResource withItems(DataResource r, List<DataItem> items) {
        return new DataResource(r.code(), r.nameZh(), r.nameEn(), r.provider(), r.sharingType(), r.grade(), items,
                r.classification(), r.summary(), r.format(), r.sharingConditions(), r.sharingMethod(), r.legalBasis(),
                r.openType(), r.openConditions(), r.updateCycle(), r.publishedOn(), r.retired(), r.version());
    }

    private static DataResource row(ResultSet rs, int n) throws SQLException {
        String method = rs.getString("sharing_method");
        return new DataResource(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("provider"), SharingType.valueOf(rs.getString("sharing_type")),
                DataGrade.valueOf(rs.getString("grade")), List.of(), rs.getString("classification"),
                rs.getString("summary"), ResourceFormat.valueOf(rs.getString("format")),
                rs.getString("sharing_conditions"), method == null ? null : SharingMethod.valueOf(method),
                rs.getString("legal_basis"), OpenType.valueOf(rs.getString("open_type")),
                rs.getString("open_conditions"), UpdateCycle.valueOf(rs.getString("update_cycle")),
                rs.getObject("published_on", java.time.LocalDate.class), rs.getBoolean("retired"),
                rs.getLong("version"));
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }
}
