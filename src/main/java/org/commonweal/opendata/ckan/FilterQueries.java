package org.commonweal.opendata.ckan;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.commonweal.opendata.internal.SearchIndex;

/**
 * Reads CKAN's {@code fq} (Solr filter syntax: {@code field:value}, {@code field:"a value"},
 * {@code +field:v -field:v}, {@code field:(a OR b)}, {@code field:[2026-01-01T00:00:00Z TO *]},
 * {@code NOW-1DAY}; clauses are AND-ed as CKAN's Solr schema does, {@code OR} joins neighbours)
 * and {@code sort} ({@code metadata_modified desc, name asc}). What it cannot read is refused as
 * Solr refuses it, never guessed.
 */
final class FilterQueries {

    private static final Pattern NOW = Pattern.compile("NOW(/DAY)?(?:([+-])(\\d{1,6})(DAYS?|HOURS?|MINUTES?|MONTHS?|YEARS?))?(/DAY)?");

    private final Function<String, Query> text;

    /** @param text builds the query for free text in a field such as {@code text} or {@code title} */
    FilterQueries(Function<String, Query> text) {
        this.text = text;
    }

    Query parse(String fq, Instant now) {
        Tokens tokens = new Tokens(fq);
        Query q = expression(tokens, now);
        if (!tokens.atEnd()) {
            throw CkanFailure.search("org.apache.solr.search.SyntaxError: Cannot parse '" + fq + "'");
        }
        return q;
    }

    private Query expression(Tokens t, Instant now) {
        BooleanQuery.Builder and = new BooleanQuery.Builder();
        List<Query> orGroup = new ArrayList<>();
        List<Query> negated = new ArrayList<>();
        boolean any = false;
        while (!t.atEnd() && !t.peek(")")) {
            if (t.consume("AND") || t.consume("&&")) {
                continue;
            }
            if (t.consume("OR") || t.consume("||")) {
                if (orGroup.isEmpty()) {
                    throw CkanFailure.search("org.apache.solr.search.SyntaxError: OR without a clause before it");
                }
                orGroup.add(null);
                continue;
            }
            boolean not = t.consume("-") || t.consume("NOT");
            t.consume("+");
            Query clause = clause(t, now);
            any = true;
            if (not) {
                negated.add(clause);
            } else if (!orGroup.isEmpty() && orGroup.getLast() == null) {
                orGroup.set(orGroup.size() - 1, clause);
            } else {
                flush(and, orGroup);
                orGroup.add(clause);
            }
        }
        if (!orGroup.isEmpty() && orGroup.getLast() == null) {
            throw CkanFailure.search("org.apache.solr.search.SyntaxError: OR without a clause after it");
        }
        flush(and, orGroup);
        if (!any) {
            return new MatchAllDocsQuery();
        }
        boolean positive = !and.build().clauses().isEmpty();
        if (!positive) {
            and.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        negated.forEach(n -> and.add(n, Occur.MUST_NOT));
        return and.build();
    }

    private static void flush(BooleanQuery.Builder and, List<Query> group) {
        if (group.isEmpty()) {
            return;
        }
        if (group.size() == 1) {
            and.add(group.getFirst(), Occur.MUST);
        } else {
            BooleanQuery.Builder or = new BooleanQuery.Builder();
            group.forEach(q -> or.add(q, Occur.SHOULD));
            and.add(or.build(), Occur.MUST);
        }
        group.clear();
    }

    private Query clause(Tokens t, Instant now) {
        if (t.consume("(")) {
            Query inner = expression(t, now);
            t.expect(")");
            return inner;
        }
        String word = t.word();
        int colon = word.indexOf(':');
        if (colon <= 0) {
            if ("*:*".equals(word)) {
                return new MatchAllDocsQuery();
            }
            return text.apply(word);
        }
        String field = word.substring(0, colon);
        String rest = word.substring(colon + 1);
        if ("*".equals(field) && "*".equals(rest)) {
            return new MatchAllDocsQuery();
        }
        if (!rest.isEmpty()) {
            return value(field, unescape(rest), now);
        }
        if (t.peek("[") || t.peek("{")) {
            return range(field, t, now);
        }
        if (t.peekQuoted()) {
            return value(field, t.quoted(), now);
        }
        if (t.consume("(")) {
            BooleanQuery.Builder or = new BooleanQuery.Builder();
            boolean first = true;
            while (!t.consume(")")) {
                if (t.atEnd()) {
                    throw CkanFailure.search("org.apache.solr.search.SyntaxError: missing ')'");
                }
                if (!first && (t.consume("OR") || t.consume("AND"))) {
                    continue;
                }
                or.add(value(field, t.peekQuoted() ? t.quoted() : unescape(t.word()), now), Occur.SHOULD);
                first = false;
            }
            return or.build();
        }
        throw CkanFailure.search("org.apache.solr.search.SyntaxError: no value after '" + field + ":'");
    }

    private Query value(String field, String value, Instant now) {
        if (SearchIndex.DATES.contains(field)) {
            long at = date(value, now);
            return LongPoint.newExactQuery(field, at);
        }
        if (List.of("text", "title", "notes", "q").contains(field)) {
            return text.apply(value);
        }
        if (!SearchIndex.EXACT.contains(field)) {
            throw CkanFailure.search("undefined field " + field);
        }
        if ("*".equals(value)) {
            return TermRangeQuery.newStringRange(field, null, null, true, true);
        }
        if (value.endsWith("*") && value.indexOf('*') == value.length() - 1) {
            return new PrefixQuery(new Term(field, value.substring(0, value.length() - 1)));
        }
        return new TermQuery(new Term(field, value));
    }

    private Query range(String field, Tokens t, Instant now) {
        boolean lowInclusive = t.consume("[");
        if (!lowInclusive) {
            t.expect("{");
        }
        String low = t.peekQuoted() ? t.quoted() : t.word();
        t.expect("TO");
        String high = t.peekQuoted() ? t.quoted() : t.word();
        boolean highInclusive = t.consume("]");
        if (!highInclusive) {
            t.expect("}");
        }
        if (SearchIndex.DATES.contains(field)) {
            long from = "*".equals(low) ? Long.MIN_VALUE : date(low, now) + (lowInclusive ? 0 : 1);
            long to = "*".equals(high) ? Long.MAX_VALUE : date(high, now) - (highInclusive ? 0 : 1);
            return LongPoint.newRangeQuery(field, from, to);
        }
        if (!SearchIndex.EXACT.contains(field)) {
            throw CkanFailure.search("undefined field " + field);
        }
        return TermRangeQuery.newStringRange(field, "*".equals(low) ? null : low, "*".equals(high) ? null : high,
                lowInclusive, highInclusive);
    }

    /** Solr's date syntax: an ISO instant in UTC ({@code 2026-01-01T00:00:00Z}) or date math from {@code NOW}. */
    static long date(String text, Instant now) {
        Matcher m = NOW.matcher(text);
        if (m.matches()) {
            var at = now.atOffset(ZoneOffset.UTC);
            if (m.group(1) != null) {
                at = at.truncatedTo(ChronoUnit.DAYS);
            }
            if (m.group(2) != null) {
                long n = Long.parseLong(m.group(3)) * ("-".equals(m.group(2)) ? -1 : 1);
                String unit = m.group(4).toUpperCase(Locale.ROOT);
                at = unit.startsWith("DAY") ? at.plusDays(n) : unit.startsWith("HOUR") ? at.plusHours(n)
                        : unit.startsWith("MINUTE") ? at.plusMinutes(n) : unit.startsWith("MONTH") ? at.plusMonths(n)
                        : at.plusYears(n);
            }
            if (m.group(5) != null) {
                at = at.truncatedTo(ChronoUnit.DAYS);
            }
            return at.toInstant().toEpochMilli();
        }
        try {
            if (!text.endsWith("Z")) {
                throw new DateTimeParseException("no zone", text, 0);
            }
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw CkanFailure.search("Invalid Date String:'" + text + "'");
        }
    }

    /** CKAN's sort: {@code field direction} pairs separated by commas. */
    static Sort sort(String text) {
        List<SortField> fields = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String[] words = part.strip().split("\\s+");
            if (words.length != 2) {
                throw CkanFailure.searchQuery("Invalid \"sort\" parameter");
            }
            String direction = words[1].toLowerCase(Locale.ROOT);
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw CkanFailure.searchQuery("Invalid \"sort\" parameter");
            }
            SortField field = SearchIndex.sortField(words[0], direction.equals("desc"));
            if (field == null) {
                throw CkanFailure.searchQuery("Invalid \"sort\" parameter");
            }
            fields.add(field);
        }
        if (fields.stream().noneMatch(f -> "id".equals(f.getField()))) {
            fields.add(new SortField("id", SortField.Type.STRING)); // a stable order makes paging safe
        }
        return new Sort(fields.toArray(SortField[]::new));
    }

    private static String unescape(String value) {
        return value.replaceAll("\\\\(.)", "$1");
    }

    /** Splits Solr syntax into words, quoted strings and the brackets that matter. */
    private static final class Tokens {
        private final String s;
        private int i;

        Tokens(String s) {
            this.s = s;
        }

        boolean atEnd() {
            skip();
            return i >= s.length();
        }

        boolean peek(String token) {
            skip();
            return s.startsWith(token, i) && (token.length() == 1 && "()[]{}+-".contains(token) || boundary(i + token.length()));
        }

        boolean peekQuoted() {
            skip();
            return i < s.length() && s.charAt(i) == '"';
        }

        boolean consume(String token) {
            if (peek(token)) {
                i += token.length();
                return true;
            }
            return false;
        }

        void expect(String token) {
            if (!consume(token)) {
                throw CkanFailure.search("org.apache.solr.search.SyntaxError: expected '" + token + "' at position " + i);
            }
        }

        String quoted() {
            skip();
            StringBuilder out = new StringBuilder();
            i++;
            while (i < s.length() && s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\' && i < s.length()) {
                    c = s.charAt(i++);
                }
                out.append(c);
            }
            if (i >= s.length()) {
                throw CkanFailure.search("org.apache.solr.search.SyntaxError: unterminated quoted string");
            }
            i++;
            return out.toString();
        }

        /** A run of characters up to a space or bracket; a ':' inside is kept (field:value). */
        String word() {
            skip();
            int start = i;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length()) {
                    i += 2;
                    continue;
                }
                if (Character.isWhitespace(c) || "()[]{}\"".indexOf(c) >= 0) {
                    break;
                }
                i++;
                if (c == ':' && i < s.length() && "([{\"".indexOf(s.charAt(i)) >= 0) {
                    break;
                }
            }
            if (start == i) {
                throw CkanFailure.search("org.apache.solr.search.SyntaxError: unexpected '"
                        + (i < s.length() ? s.charAt(i) : "end") + "' at position " + i);
            }
            return s.substring(start, i);
        }

        private boolean boundary(int at) {
            return at >= s.length() || Character.isWhitespace(s.charAt(at)) || "()".indexOf(s.charAt(at)) >= 0;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
