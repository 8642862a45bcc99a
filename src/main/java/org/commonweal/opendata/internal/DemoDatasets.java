package org.commonweal.opendata.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.commonweal.identity.Accounts;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.DemoCityLoaded;
import org.commonweal.identity.Organisation;
import org.commonweal.identity.Organisations;
import org.commonweal.identity.Role;
import org.commonweal.opendata.Dataset;
import org.commonweal.opendata.DatasetDraft;
import org.commonweal.opendata.Datasets;
import org.commonweal.opendata.Frequency;
import org.commonweal.opendata.Licence;
import org.commonweal.opendata.OpenDataSettings;
import org.commonweal.opendata.OpenLevel;
import org.commonweal.opendata.Theme;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo city's open data portal: datasets from several departments at every open level (some
 * not open: staff see them, the public never does), most with small real-looking CSV files of
 * Qinghe from {@code opendata/demo/}. They go through the same service as a department's own.
 */
@Component
public class DemoDatasets {

    private static final String FOLDER = "opendata/demo/";
    private static final CommonwealUser SYSTEM = new CommonwealUser(Accounts.SYSTEM, "system", null,
            Set.of(Role.PLATFORM_ADMIN), false);

    private final Datasets datasets;
    private final Organisations organisations;
    private final OpenDataSettings settings;

    DemoDatasets(Datasets datasets, Organisations organisations, OpenDataSettings settings) {
        this.datasets = datasets;
        this.organisations = organisations;
        this.settings = settings;
    }

    @ApplicationModuleListener
    void on(DemoCityLoaded loaded) {
        if (settings.demoDatasets()) {
            publish();
        }
    }

    /** Publishes every demo dataset not published yet; returns how many it added. */
    public int publish() {
        Map<String, Organisation> byCode = new java.util.HashMap<>();
        organisations.departments().forEach(o -> byCode.put(o.identifier().memberCode(), o));
        int added = 0;
        for (JsonNode d : read()) {
            if (datasets.findByName(d.get("name").asString()).isPresent()) {
                continue;
            }
            Organisation publisher = byCode.get(d.get("publisher").asString());
            if (publisher == null) {
                continue;
            }
            List<String> keywords = new ArrayList<>();
            d.get("keywords").forEach(k -> keywords.add(k.asString()));
            String code = publisher.identifier().memberCode().toLowerCase(Locale.ROOT);
            DatasetDraft draft = new DatasetDraft(d.get("name").asString(), d.get("titleZh").asString(),
                    d.get("titleEn").asString(), d.get("descriptionZh").asString(), d.get("descriptionEn").asString(),
                    Theme.valueOf(d.get("theme").asString()), keywords, Licence.valueOf(d.get("licence").asString()),
                    publisher.id(), publisher.nameZh() + "数据开放办公室", "opendata@" + code + ".qinghe.example.gov.cn",
                    date(d, "temporalStart"), date(d, "temporalEnd"), d.get("spatial").asString(),
                    Frequency.valueOf(d.get("frequency").asString()), OpenLevel.valueOf(d.get("openLevel").asString()),
                    d.get("catalogueCode").isNull() ? null : d.get("catalogueCode").asString());
            Dataset dataset = datasets.create(draft, "PUBLISHED".equals(d.get("state").asString()), SYSTEM);
            for (JsonNode file : d.get("files")) {
                String fileName = file.get(1).asString();
                try (InputStream content = new ClassPathResource(FOLDER + fileName).getInputStream()) {
                    datasets.addFile(dataset.id(), file.get(0).asString(), "", fileName, content, SYSTEM);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            for (JsonNode link : d.get("links")) {
                datasets.addLink(dataset.id(), link.get("name").asString(), "", link.get("url").asString(),
                        link.get("format").asString(), SYSTEM);
            }
            added++;
        }
        return added;
    }

    private static @Nullable LocalDate date(JsonNode d, String field) {
        JsonNode v = d.get(field);
        return v == null || v.isNull() ? null : LocalDate.parse(v.asString());
    }

    private static JsonNode read() {
        try (InputStream in = new ClassPathResource(FOLDER + "datasets.json").getInputStream()) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
