package com.mediassist.sync.upload.batch;

import com.mediassist.core.knowledge.Sex;
import com.mediassist.sync.upload.SyncOptions;
import com.mediassist.sync.upload.event.ConsultationSignedOff;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what may leave at {@code now}:
 * <ol>
 *   <li>an event is eligible {@code delay} after its sign-off or action;</li>
 *   <li>signed-off consultations are grouped by their quasi-identifiers (age band, sex, final
 *       diagnosis, week); groups of at least {@code k} leave as they are;</li>
 *   <li>the rest have their age band and sex suppressed (absent) and are grouped again by final
 *       diagnosis and week; groups of at least {@code k} leave so, keeping the diagnosis that
 *       retraining learns from (a single clinic rarely has five patients of one pathology, age band
 *       and sex in one week);</li>
 *   <li>the rest have their final diagnosis generalised to its category and are grouped again by
 *       category and week; groups of at least {@code k} leave as week and category only
 *       ({@link ConsultationSignedOff#generalised}: no age band, sex, findings, differential, alerts
 *       or note, from which the diagnosis or the person could be read back). Such a group joins
 *       diagnosis groups that were each below {@code k}, so it always spans two diagnoses or more;</li>
 *   <li>the rest are held until a later run finds them a group, and expire (never leave) once held
 *       for {@code hold} past their eligibility.</li>
 * </ol>
 * Every released consultation is thus in a group of at least {@code k} released consultations that
 * are equal on every quasi-identifier it carries (an absent one is not carried). Other event types
 * carry no quasi-identifier beyond the week and leave once eligible.
 */
public final class Planner {

    private final SyncOptions options;

    public Planner(SyncOptions options) {
        this.options = options;
    }

    public Plan plan(List<Candidate> candidates, Instant now) {
        List<Plan.Release> releases = new ArrayList<>();
        List<Long> waiting = new ArrayList<>();
        List<Long> held = new ArrayList<>();
        List<Long> expired = new ArrayList<>();
        Map<List<Object>, List<Candidate>> groups = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (c.createdAt().plus(options.delay()).isAfter(now)) {
                waiting.add(c.outboxId());
            } else if (c.queued().event() instanceof ConsultationSignedOff s) {
                groups.computeIfAbsent(key(s, s.finalDiagnosis()), x -> new ArrayList<>()).add(c);
            } else {
                releases.add(new Plan.Release(c.outboxId(), c.queued().event(), false));
            }
        }
        Map<List<Object>, List<Candidate>> suppressed = new LinkedHashMap<>();
        for (List<Candidate> group : groups.values()) {
            if (group.size() >= options.k()) {
                group.forEach(c -> releases.add(new Plan.Release(c.outboxId(), c.queued().event(), false)));
                continue;
            }
            for (Candidate c : group) {
                ConsultationSignedOff s = ((ConsultationSignedOff) c.queued().event()).withoutDemographics();
                suppressed.computeIfAbsent(key(s, s.finalDiagnosis()), x -> new ArrayList<>()).add(c);
            }
        }
        Map<List<Object>, List<Candidate>> generalised = new LinkedHashMap<>();
        for (List<Candidate> group : suppressed.values()) {
            if (group.size() >= options.k()) {
                group.forEach(c -> releases.add(new Plan.Release(c.outboxId(),
                        ((ConsultationSignedOff) c.queued().event()).withoutDemographics(), demographicsGiven(c))));
                continue;
            }
            for (Candidate c : group) {
                ConsultationSignedOff s = ((ConsultationSignedOff) c.queued().event()).withoutDemographics();
                generalised.computeIfAbsent(key(s, c.queued().category().or(s::finalDiagnosis)), x -> new ArrayList<>()).add(c);
            }
        }
        for (List<Candidate> group : generalised.values()) {
            if (group.size() >= options.k()) {
                for (Candidate c : group) {
                    ConsultationSignedOff s = ((ConsultationSignedOff) c.queued().event()).withoutDemographics();
                    Optional<String> category = c.queued().category();
                    releases.add(new Plan.Release(c.outboxId(), category.map(s::generalised).orElse(s),
                            category.isPresent() || demographicsGiven(c)));
                }
                continue;
            }
            for (Candidate c : group) {
                Instant expires = c.createdAt().plus(options.delay()).plus(options.hold());
                (expires.isAfter(now) ? held : expired).add(c.outboxId());
            }
        }
        return new Plan(releases, waiting, held, expired);
    }

    private static boolean demographicsGiven(Candidate c) {
        ConsultationSignedOff s = (ConsultationSignedOff) c.queued().event();
        return s.ageBand().isPresent() || s.sex().isPresent();
    }

    /** The quasi-identifiers of a signed-off consultation (an absent one is the empty string). */
    static List<Object> key(ConsultationSignedOff s, Optional<String> diagnosis) {
        return List.of(s.ageBand().orElse(""), s.sex().flatMap(Sex::modelCode).orElse(""), diagnosis.orElse(""), s.week());
    }

}
