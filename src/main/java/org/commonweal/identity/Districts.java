package org.commonweal.identity;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The city's administrative districts, with their boundaries for routing requests by location. */
@Service
public class Districts {

    private final JdbcClient jdbc;

    Districts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<District> all() {
        return jdbc.sql("SELECT code, name_zh, name_en, boundary::text FROM identity_district ORDER BY code")
                .query((rs, n) -> new District(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    public void save(District district) {
        jdbc.sql("INSERT INTO identity_district (code, name_zh, name_en, boundary) VALUES (?, ?, ?, ?::jsonb)"
                        + " ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en,"
                        + " boundary = excluded.boundary")
                .params(district.code(), district.nameZh(), district.nameEn(), district.boundaryGeoJson())
                .update();
    }
}
