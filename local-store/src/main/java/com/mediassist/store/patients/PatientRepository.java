package com.mediassist.store.patients;

import com.mediassist.core.knowledge.Sex;
import com.mediassist.core.text.TextFold;
import com.mediassist.store.HandleSource;
import com.mediassist.store.InvalidValueException;
import com.mediassist.store.Page;
import com.mediassist.store.sql.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/** Patients' demographics. Writes check uniqueness of the patient number inside their transaction. */
public final class PatientRepository {

    /** Most words a search may have (each is one LIKE condition; SQLite bounds the expression depth). */
    public static final int MAX_QUERY_WORDS = 10;
    /** Longest search text, in characters. */
    public static final int MAX_QUERY_CHARS = 200;


    /** Largest page size {@link #search} accepts. */
    public static final int MAX_PAGE_SIZE = 200;

    private static final String COLUMNS =
            "id, patient_number, given_name, family_name, birth_date, sex, created_at, updated_at, deceased, "
                    + "deceased_date";

    private final HandleSource source;
    private final Clock clock;

    public PatientRepository(HandleSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /**
     * Registers a patient.
     *
     * @throws DuplicatePatientNumberException when the number is taken; nothing is written
     */
    public Patient create(PatientDetails details) {
        Instant now = SqlTime.now(clock);
        requireBornByToday(details);
        return source.inTransaction(h -> {
            if (findByNumber(h, details.patientNumber()).isPresent()) {
                throw new DuplicatePatientNumberException(details.patientNumber());
            }
            long id = h.createUpdate("INSERT INTO patients (patient_number, given_name, family_name, birth_date, "
                            + "sex, search_text, created_at, updated_at, deceased, deceased_date) VALUES (:number, :given, "
                            + ":family, :birth, :sex, :search, :now, :now, :deceased, :deceasedDate)")
                    .bind("number", details.patientNumber()).bind("given", details.givenName())
                    .bind("family", details.familyName()).bind("birth", SqlTime.format(details.birthDate()))
                    .bind("sex", details.sex().code()).bind("search", searchText(details))
                    .bind("now", SqlTime.format(now)).bind("deceased", details.deceased() ? 1 : 0)
                    .bind("deceasedDate", SqlTime.format(details.deceasedDate()))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new Patient(id, details.patientNumber(), details.givenName(), details.familyName(),
                    details.birthDate(), details.sex(), now, now, details.deceased(), details.deceasedDate());
        });
    }

    /**
     * The patient with that id.
     *
     * @throws PatientNotFoundException when there is none
     */
    public Patient get(long id) {
        return find(id).orElseThrow(() -> new PatientNotFoundException(id));
    }

    /**
     * Checks that the patient may receive new care.
     *
     * @throws PatientNotFoundException when there is no such patient
     * @throws PatientDeceasedException when the patient has died
     */
    public Patient requireAlive(long id) {
        Patient p = get(id);
        if (p.deceased()) {
            throw new PatientDeceasedException(id, p.deceasedDate());
        }
        return p;
    }

    /** The patient with that id, if any. */
    public Optional<Patient> find(long id) {
        return source.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM patients WHERE id = :id")
                .bind("id", id).map(PatientRepository::map).findOne());
    }

    /** The patient with that patient number (exact, after stripping blanks), if any. */
    public Optional<Patient> findByNumber(String patientNumber) {
        if (patientNumber == null) {
            return Optional.empty();
        }
        return source.withHandle(h -> findByNumber(h, patientNumber.strip()));
    }

    /** Whether a patient with that id exists. */
    public boolean exists(long id) {
        return source.withHandle(h -> h.createQuery("SELECT count(*) FROM patients WHERE id = :id")
                .bind("id", id).mapTo(Long.class).one() > 0);
    }

    /**
     * Replaces a patient's demographics.
     *
     * @throws PatientNotFoundException when there is no such patient
     * @throws DuplicatePatientNumberException when the new number belongs to another patient
     */
    public Patient update(long id, PatientDetails details) {
        Instant now = SqlTime.now(clock);
        requireBornByToday(details);
        return source.inTransaction(h -> {
            Patient existing = h.createQuery("SELECT " + COLUMNS + " FROM patients WHERE id = :id")
                    .bind("id", id).map(PatientRepository::map).findOne()
                    .orElseThrow(() -> new PatientNotFoundException(id));
            Optional<Patient> holder = findByNumber(h, details.patientNumber());
            if (holder.isPresent() && holder.get().id() != id) {
                throw new DuplicatePatientNumberException(details.patientNumber());
            }
            h.createUpdate("UPDATE patients SET patient_number = :number, given_name = :given, family_name = :family, "
                            + "birth_date = :birth, sex = :sex, search_text = :search, updated_at = :now, deceased = :deceased, "
                            + "deceased_date = :deceasedDate WHERE id = :id")
                    .bind("number", details.patientNumber()).bind("given", details.givenName())
                    .bind("family", details.familyName()).bind("birth", SqlTime.format(details.birthDate()))
                    .bind("sex", details.sex().code()).bind("search", searchText(details))
                    .bind("now", SqlTime.format(now)).bind("id", id)
                    .bind("deceased", details.deceased() ? 1 : 0)
                    .bind("deceasedDate", SqlTime.format(details.deceasedDate()))
                    .execute();
            return new Patient(id, details.patientNumber(), details.givenName(), details.familyName(),
                    details.birthDate(), details.sex(), existing.createdAt(), now, details.deceased(),
                    details.deceasedDate());
        });
    }

    /**
     * Finds patients whose number or names contain every word of {@code query}, ignoring case and
     * accents ("jose garcia" finds "José García"). An exact patient number comes first; the rest are
     * ordered by family name, given name. A blank query lists everyone.
     *
     * @param page zero-based page index
     * @param size rows per page, 1..{@value #MAX_PAGE_SIZE}
     * @throws InvalidValueException naming {@code page} or {@code size} when out of range
     */
    public Page<Patient> search(String query, int page, int size) {
        if (page < 0) {
            throw new InvalidValueException("page", "must be 0 or more, got " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidValueException("size", "must be between 1 and " + MAX_PAGE_SIZE + ", got " + size);
        }
        String exact = query == null ? "" : query.strip();
        if (exact.length() > MAX_QUERY_CHARS) {
            throw new InvalidValueException("q", "must be at most " + MAX_QUERY_CHARS + " characters, got " + exact.length());
        }
        List<String> words = Arrays.stream(TextFold.fold(exact).split("\\s+")).filter(w -> !w.isEmpty()).toList();
        if (words.size() > MAX_QUERY_WORDS) {
            throw new InvalidValueException("q", "must have at most " + MAX_QUERY_WORDS + " words, got " + words.size());
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        for (int i = 0; i < words.size(); i++) {
            where.append(" AND search_text LIKE :w").append(i).append(" ESCAPE '!'");
        }
        return source.withHandle(h -> {
            Query count = h.createQuery("SELECT count(*) FROM patients" + where);
            bindWords(count, words);
            long total = count.mapTo(Long.class).one();
            Query select = h.createQuery("SELECT " + COLUMNS + " FROM patients" + where
                    + " ORDER BY CASE WHEN patient_number = :exact THEN 0 ELSE 1 END, family_name COLLATE NOCASE,"
                    + " given_name COLLATE NOCASE, id LIMIT :limit OFFSET :offset");
            bindWords(select, words);
            List<Patient> items = select.bind("exact", exact).bind("limit", size).bind("offset", (long) page * size)
                    .map(PatientRepository::map).list();
            return new Page<>(items, page, size, total);
        });
    }

    /** How many patients are registered. */
    public long count() {
        return source.withHandle(h -> h.createQuery("SELECT count(*) FROM patients").mapTo(Long.class).one());
    }

    /** A birth date after today (in any time zone, so UTC+14) is a typing error. */
    private void requireBornByToday(PatientDetails details) {
        LocalDate latest = LocalDate.ofInstant(clock.instant(), ZoneOffset.ofHours(14));
        if (details.birthDate() != null && details.birthDate().isAfter(latest)) {
            throw new InvalidValueException("birthDate", "must not be in the future, got " + details.birthDate());
        }
        if (details.deceasedDate() != null && details.deceasedDate().isAfter(latest)) {
            throw new InvalidValueException("deceasedDate", "must not be in the future, got " + details.deceasedDate());
        }
    }

    private static void bindWords(Query query, List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            // '!' as the LIKE escape: Jdbi's SQL lexer treats a backslash inside quotes as an escape.
            String escaped = words.get(i).replace("!", "!!").replace("%", "!%").replace("_", "!_");
            query.bind("w" + i, "%" + escaped + "%");
        }
    }

    private static Optional<Patient> findByNumber(Handle h, String number) {
        return h.createQuery("SELECT " + COLUMNS + " FROM patients WHERE patient_number = :n")
                .bind("n", number).map(PatientRepository::map).findOne();
    }

    private static String searchText(PatientDetails d) {
        List<String> parts = new ArrayList<>(List.of(d.patientNumber(), d.givenName(), d.familyName()));
        return TextFold.fold(String.join(" ", parts));
    }

    static Patient map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Patient(rs.getLong("id"), rs.getString("patient_number"), rs.getString("given_name"),
                rs.getString("family_name"), SqlTime.parseDate(rs.getString("birth_date")),
                Sex.fromCode(rs.getString("sex")), SqlTime.parseInstant(rs.getString("created_at")),
                SqlTime.parseInstant(rs.getString("updated_at")), rs.getInt("deceased") == 1,
                SqlTime.parseDate(rs.getString("deceased_date")));
    }
}
