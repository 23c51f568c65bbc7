package com.mediassist.sync.upload.batch;

import com.mediassist.core.knowledge.Sex;
import com.mediassist.sync.upload.SyncOptions;
import com.mediassist.sync.upload.event.ConsultationSignedOff;
import com.mediassist.sync.upload.event.ReleasePeriod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
 *   <li>the rest are held until their {@link ReleasePeriod} (four ISO weeks) has completed, i.e. until
 *       every sign-off of the period is past the delay: nothing can join their groups after that.
 *       Then they are grouped by final diagnosis and period; groups of at least {@code k} leave with
 *       the period in place of the week, without age band and sex
 *       ({@link ConsultationSignedOff#inPeriod()}, protocol v2);</li>
 *   <li>the rest have their final diagnosis generalised to its category and are grouped by category
 *       and period; groups of at least {@code k} leave as period and category only
 *       ({@link ConsultationSignedOff#generalised}: no age band, sex, findings, differential, alerts
 *       or note, from which the diagnosis or the person could be read back). Such a group joins
 *       diagnosis groups that were each below {@code k}, so it always spans two diagnoses or more;</li>
 *   <li>the rest expire (never leave); so does a sign-off held for {@code hold} past its eligibility
 *       before its period completed.</li>
 * </ol>
 * Every released consultation is thus in a group of at least {@code k} consultations released in the
 * same run that are equal on every quasi-identifier it carries (an absent one is not carried). A
 * period group leaves whole, once, when it can no longer grow, so no later batch adds a smaller
 * group with the same quasi-identifiers. Other event types carry no quasi-identifier beyond the week
 * and leave once eligible.
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
        List<Candidate> signedOff = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.createdAt().plus(options.delay()).isAfter(now)) {
                waiting.add(c.outboxId());
            } else if (c.queued().event() instanceof ConsultationSignedOff) {
                signedOff.add(c);
            } else {
                releases.add(new Plan.Release(c.outboxId(), c.queued().event(), false));
            }
        }
        List<Candidate> rest = release(signedOff, Planner::event, releases);
        rest = release(rest, c -> event(c).withoutDemographics(), releases);
        List<Candidate> periodComplete = new ArrayList<>();
        for (Candidate c : rest) {
            if (!ReleasePeriod.end(ReleasePeriod.of(event(c).week()), options.zone()).plus(options.delay()).isAfter(now)) {
                periodComplete.add(c);
            } else if (c.createdAt().plus(options.delay()).plus(options.hold()).isAfter(now)) {
                held.add(c.outboxId());
            } else {
                expired.add(c.outboxId());
            }
        }
        rest = release(periodComplete, c -> event(c).inPeriod(), releases);
        List<Candidate> generalisable = new ArrayList<>();
        for (Candidate c : rest) {
            if (c.queued().category().isPresent()) {
                generalisable.add(c);
            } else {
                expired.add(c.outboxId());
            }
        }
        rest = release(generalisable, c -> event(c).inPeriod().generalised(c.queued().category().orElseThrow()), releases);
        rest.forEach(c -> expired.add(c.outboxId()));
        return new Plan(releases, waiting, held, expired);
    }

    /**
     * Releases, in the form {@code form} gives, the candidates whose group — the candidates equal on the
     * quasi-identifiers of that form ({@link #key}) — has at least {@code k} members; returns the others
     * in their order.
     */
    private List<Candidate> release(List<Candidate> candidates, Function<Candidate, ConsultationSignedOff> form,
                                    List<Plan.Release> releases) {
        Map<List<Object>, List<Candidate>> groups = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            groups.computeIfAbsent(key(form.apply(c)), x -> new ArrayList<>()).add(c);
        }
        List<Candidate> rest = new ArrayList<>();
        for (List<Candidate> group : groups.values()) {
            if (group.size() < options.k()) {
                rest.addAll(group);
                continue;
            }
            for (Candidate c : group) {
                ConsultationSignedOff leaving = form.apply(c);
                releases.add(new Plan.Release(c.outboxId(), leaving, !leaving.equals(event(c))));
            }
        }
        return rest;
    }

    private static ConsultationSignedOff event(Candidate c) {
        return (ConsultationSignedOff) c.queued().event();
    }

    /**
     * The quasi-identifiers a signed-off consultation leaves with (an absent one is the empty string):
     * age band, sex, final diagnosis (or its category) and its period, else its week.
     */
    static List<Object> key(ConsultationSignedOff s) {
        return List.of(s.ageBand().orElse(""), s.sex().flatMap(Sex::modelCode).orElse(""), s.finalDiagnosis().orElse(""),
                s.period().orElse(s.week()));
    }

}
