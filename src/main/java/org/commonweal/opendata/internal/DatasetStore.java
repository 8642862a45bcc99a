package org.commonweal.opendata.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.commonweal.opendata.DataResource;
import org.commonweal.opendata.Dataset;
import org.commonweal.opendata.DatasetDraft;
import org.commonweal.opendata.DatasetState;
import org.commonweal.opendata.Frequency;
import org.commonweal.opendata.Licence;
import org.commonweal.opendata.OpenLevel;
import org.commonweal.opendata.Theme;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Datasets and resources in PostgreSQL; the only place that writes SQL for them. */
@Repository
public class DatasetStore {

    static final String COLUMNS = "id, name, title_zh, title_en, description_zh, description_en, theme, keywords,"
            + " licence, publisher_id, contact_name, contact_email, temporal_start, temporal_end, spatial, frequency,"
            + " open_level, catalogue_code, state, created_at, modified_at, published_at, version";
    private static final String RESOURCE_COLUMNS = "id, dataset_id, position, name, description, kind, format,"
            + " media_type, url, file_name, storage_key, byte_size, sha256, created_at, modified_at";
    /** The condition that makes a dataset public: published and open. */
    public static final String PUBLIC = "state = 'PUBLISHED' AND open_level <> 'NOT_OPEN'";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    DatasetStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public void insert(UUID id, DatasetDraft draft, DatasetState state, Instant at) {
        jdbc.sql("INSERT INTO opendata_dataset (id, name, title_zh, title_en, description_zh, description_en, theme,"
                        + " keywords, licence, publisher_id, contact_name, contact_email, temporal_start, temporal_end,"
                        + " spatial, frequency, open_level, catalogue_code, state, created_at, modified_at, published_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, draft.name(), draft.titleZh(), draft.titleEn(), draft.descriptionZh(), draft.descriptionEn(),
                        draft.theme().name(), draft.keywords().toArray(String[]::new), draft.licence().name(),
                        draft.publisherId(), draft.contactName(), draft.contactEmail(), date(draft.temporalStart()),
                        date(draft.temporalEnd()), draft.spatial(), draft.frequency().name(), draft.openLevel().name(),
                        draft.catalogueCode(), state.name(), ts(at), ts(at),
                        state == DatasetState.PUBLISHED ? ts(at) : null)
                .update();
    }

    /** Updates when the version is still the one the editor saw; returns false otherwise. */
    public boolean update(UUID id, DatasetDraft draft, int expectedVersion, Instant at) {
        return jdbc.sql("UPDATE opendata_dataset SET name = ?, title_zh = ?, title_en = ?, description_zh = ?,"
                        + " description_en = ?, theme = ?, keywords = ?, licence = ?, publisher_id = ?, contact_name = ?,"
                        + " contact_email = ?, temporal_start = ?, temporal_end = ?, spatial = ?, frequency = ?,"
                        + " open_level = ?, catalogue_code = ?, modified_at = ?, version = version + 1"
                        + " WHERE id = ? AND version = ?")
                .params(draft.name(), draft.titleZh(), draft.titleEn(), draft.descriptionZh(), draft.descriptionEn(),
                        draft.theme().name(), draft.keywords().toArray(String[]::new), draft.licence().name(),
                        draft.publisherId(), draft.contactName(), draft.contactEmail(), date(draft.temporalStart()),
                        date(draft.temporalEnd()), draft.spatial(), draft.frequency().name(), draft.openLevel().name(),
                        draft.catalogueCode(), ts(at), id, expectedVersion)
                .update() == 1;
    }

    public void changeState(UUID id, DatasetState state, Instant at) {
        jdbc.sql("UPDATE opendata_dataset SET state = ?, modified_at = ?, version = version + 1,"
                        + " published_at = CASE WHEN ? = 'PUBLISHED' THEN COALESCE(published_at, ?) ELSE published_at END"
                        + " WHERE id = ?")
                .params(state.name(), ts(at), state.name(), ts(at), id).update();
    }

    /** A new resource changes the dataset too: harvesters see it by its modification time. */
    public void touch(UUID id, Instant at) {
        jdbc.sql("UPDATE opendata_dataset SET modified_at = ?, version = version + 1 WHERE id = ?")
                .params(ts(at), id).update();
    }

    public boolean nameTaken(String name, @Nullable UUID except) {
        return jdbc.sql("SELECT count(*) FROM opendata_dataset WHERE name = ? AND id IS DISTINCT FROM ?")
                .params(name, except).query(Integer.class).single() > 0;
    }

    public void insertResource(DataResource r) {
        jdbc.sql("INSERT INTO opendata_resource (" + RESOURCE_COLUMNS + ") VALUES (?, ?,"
                        + " (SELECT COALESCE(max(position), -1) + 1 FROM opendata_resource WHERE dataset_id = ?),"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.datasetId(), r.datasetId(), r.name(), r.description(), r.kind().name(), r.format(),
                        r.mediaType(), r.url(), r.fileName(), r.storageKey(), r.byteSize(), r.sha256(),
                        ts(r.createdAt()), ts(r.modifiedAt()))
                .update();
    }

    public Optional<Dataset> find(UUID id) {
        return withResources(jdbc.sql("SELECT " + COLUMNS + " FROM opendata_dataset WHERE id = ?").param(id)
                .query(DatasetStore::map).list()).stream().findFirst();
    }

    public Optional<Dataset> findByName(String name) {
        return withResources(jdbc.sql("SELECT " + COLUMNS + " FROM opendata_dataset WHERE name = ?").param(name)
                .query(DatasetStore::map).list()).stream().findFirst();
    }

    /** The datasets with these ids, in the order of the ids (search results). */
    public List<Dataset> findAll(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Dataset> byId = new HashMap<>();
        for (Dataset d : withResources(jdbc.sql("SELECT " + COLUMNS + " FROM opendata_dataset WHERE id = ANY (?)")
                .param(ids.toArray(UUID[]::new)).query(DatasetStore::map).list())) {
            byId.put(d.id(), d);
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** A page of public datasets by name (package_list, the ckanapi dump). */
    public List<String> publicNames(int limit, int offset) {
        return jdbc.sql("SELECT name FROM opendata_dataset WHERE " + PUBLIC + " ORDER BY name LIMIT ? OFFSET ?")
                .params(limit, offset).query(String.class).list();
    }

    /**
     * A page of public datasets, newest change first, optionally only those changed since a moment.
     * Ids come first from the partial index of public datasets, then the page's rows and resources.
     */
    public List<Dataset> publicPage(@Nullable Instant modifiedSince, int limit, int offset) {
        String where = PUBLIC + (modifiedSince == null ? "" : " AND modified_at >= ?");
        List<Object> params = new ArrayList<>();
        if (modifiedSince != null) {
            params.add(ts(modifiedSince));
        }
        params.add(limit);
        params.add(offset);
        List<UUID> ids = jdbc.sql("SELECT id FROM opendata_dataset WHERE " + where
                        + " ORDER BY modified_at DESC, id LIMIT ? OFFSET ?")
                .params(params).query(UUID.class).list();
        return findAll(ids);
    }

    public List<Dataset> ofPublisher(UUID publisherId) {
        return withResources(jdbc.sql("SELECT " + COLUMNS + " FROM opendata_dataset WHERE publisher_id = ?"
                + " ORDER BY modified_at DESC").param(publisherId).query(DatasetStore::map).list());
    }

    /** Counts of public datasets per publisher (organisation_list). */
    public Map<UUID, Integer> publicCountsByPublisher() {
        Map<UUID, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT publisher_id, count(*) FROM opendata_dataset WHERE " + PUBLIC + " GROUP BY publisher_id")
                .query((rs, n) -> counts.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        return counts;
    }

    public Map<String, Integer> publicCountsByTheme() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT theme, count(*) FROM opendata_dataset WHERE " + PUBLIC + " GROUP BY theme")
                .query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        return counts;
    }

    public List<String> publicTags() {
        return jdbc.sql("SELECT DISTINCT unnest(keywords) AS tag FROM opendata_dataset WHERE " + PUBLIC + " ORDER BY tag")
                .query(String.class).list();
    }

    /** The dataset a resource belongs to, read with the resource lookup in one statement. */
    public Optional<Dataset> findByResource(UUID resourceId) {
        return withResources(jdbc.sql("SELECT " + COLUMNS + " FROM opendata_dataset"
                        + " WHERE id = (SELECT dataset_id FROM opendata_resource WHERE id = ?)").param(resourceId)
                .query(DatasetStore::map).list()).stream().findFirst();
    }

    /**
     * Every dataset with its resources, streamed in batches of ids so that 200,000 datasets never
     * sit in memory at once (full reindex).
     */
    public void forEach(int batchSize, Consumer<List<Dataset>> batch) {
        UUID after = new UUID(0, 0); // PostgreSQL orders uuids as unsigned bytes: all zeros comes first
        while (true) {
            List<Dataset> list = withResources(jdbc.sql("SELECT " + COLUMNS + " FROM opendata_dataset WHERE id > ?"
                            + " ORDER BY id LIMIT ?")
                    .params(after, batchSize).query(DatasetStore::map).list());
            if (list.isEmpty()) {
                return;
            }
            batch.accept(list);
            after = list.getLast().id();
        }
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM opendata_dataset").query(Long.class).single();
    }

    public JdbcTemplate template() {
        return template;
    }

    private List<Dataset> withResources(List<Dataset> datasets) {
        if (datasets.isEmpty()) {
            return datasets;
        }
        Map<UUID, List<DataResource>> byDataset = new HashMap<>();
        jdbc.sql("SELECT " + RESOURCE_COLUMNS + " FROM opendata_resource WHERE dataset_id = ANY (?)"
                        + " ORDER BY dataset_id, position")
                .param(datasets.stream().map(Dataset::id).toArray(UUID[]::new))
                .query(DatasetStore::mapResource).list()
                .forEach(r -> byDataset.computeIfAbsent(r.datasetId(), k -> new ArrayList<>()).add(r));
        return datasets.stream().map(d -> d.withResourcesOf(byDataset.getOrDefault(d.id(), List.of()))).toList();
    }

    static Dataset map(ResultSet rs, int row) throws SQLException {
        Array keywords = rs.getArray("keywords");
        return new Dataset(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("title_zh"),
                rs.getString("title_en"), rs.getString("description_zh"), rs.getString("description_en"),
                Theme.valueOf(rs.getString("theme")), List.of((String[]) keywords.getArray()),
                Licence.valueOf(rs.getString("licence")), rs.getObject("publisher_id", UUID.class),
                rs.getString("contact_name"), rs.getString("contact_email"), localDate(rs.getDate("temporal_start")),
                localDate(rs.getDate("temporal_end")), rs.getString("spatial"), Frequency.valueOf(rs.getString("frequency")),
                OpenLevel.valueOf(rs.getString("open_level")), rs.getString("catalogue_code"),
                DatasetState.valueOf(rs.getString("state")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("modified_at").toInstant(), instant(rs.getTimestamp("published_at")),
                rs.getInt("version"), List.of());
    }

    static DataResource mapResource(ResultSet rs, int row) throws SQLException {
        Long size = rs.getObject("byte_size", Long.class);
        return new DataResource(rs.getObject("id", UUID.class), rs.getObject("dataset_id", UUID.class),
                rs.getInt("position"), rs.getString("name"), rs.getString("description"),
                DataResource.Kind.valueOf(rs.getString("kind")), rs.getString("format"), rs.getString("media_type"),
                rs.getString("url"), rs.getString("file_name"), rs.getString("storage_key"),
                size, rs.getString("sha256"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("modified_at").toInstant());
    }

    static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    private static @Nullable Date date(@Nullable LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static @Nullable LocalDate localDate(@Nullable Date day) {
        return day == null ? null : day.toLocalDate();
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
