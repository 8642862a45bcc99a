-- Synthetic requests for the statistics benchmark: :rows requests (default 10 million) spread evenly
-- over the 24 months before this one, in submission order as a real table grows; departments and
-- districts of the demo city, 85 % contacted on time, 10 % late, 60 % rated, 2 % merged duplicates.
-- Run against a migrated Commonweal database: psql ... -v rows=10000000 -f bench/request-statistics-load.sql
\if :{?rows}
\else
    \set rows 10000000
\endif
\timing on
INSERT INTO requests_request (id, tracking_number, service_code, description, address, lat, lon, district_code,
    status, department_id, contact_name, contact_email, token, source, submitted_at, updated_at, response_due,
    resolution_due, first_response_at, resolved_at, rating, rated_solved, rated_at, merged_into)
SELECT md5('request' || n)::uuid, 'B' || n,
    (ARRAY['streetlight', 'road-damage', 'bus-service', 'noise', 'pollution', 'water-outage', 'heating', 'gas-leak',
           'unpaid-wages', 'social-insurance', 'food-safety', 'property-management', 'elderly-care',
           'medical-service', 'illegal-construction', 'other'])[1 + n * 7 % 16],
    repeat('路灯不亮晚上很黑', 5), '临江路 88 号', 30.2, 120.1,
    CASE WHEN n % 5 <> 0 THEN (ARRAY['LINJIANG', 'WANGSHAN', 'XINGANG', 'QINGSHI'])[1 + n % 4] END,
    'CLOSED', CASE WHEN n % 50 <> 0 THEN departments[1 + n * 3 % array_length(departments, 1)] END,
    '刘洋', 'liu@example.cn', md5('token' || n), 'web', s, s, s + interval '4 hours', s + interval '7 days',
    CASE WHEN contact < 0.85 THEN s + interval '1 hour' WHEN contact < 0.95 THEN s + interval '5 hours' END,
    s + interval '3 days',
    CASE WHEN verdict < 0.36 THEN 'SATISFIED' WHEN verdict < 0.51 THEN 'BASICALLY_SATISFIED'
         WHEN verdict < 0.60 THEN 'DISSATISFIED' END,
    CASE WHEN verdict < 0.60 THEN solved < 0.7 END, CASE WHEN verdict < 0.60 THEN s + interval '4 days' END,
    CASE WHEN n % 50 = 7 THEN md5('request' || (n - 1))::uuid END
FROM (SELECT n, first_day + (n::double precision / :rows) * (last_day - first_day) AS s,
             random() AS contact, random() AS verdict, random() AS solved
      FROM generate_series(1, :rows) n,
           (SELECT date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai' AS last_day) l,
           LATERAL (SELECT last_day - interval '24 months' AS first_day) f) g,
     (SELECT array_agg(id ORDER BY member_code) AS departments FROM identity_organisation WHERE kind = 'DEPARTMENT') d;
VACUUM ANALYZE requests_request;
