package com.mediassist.appliance.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The appliance's single source of "now": the system clock in UTC. Anything that checks expiry,
 * throttles or stamps times injects this {@link Clock}, so tests can replace it with a fixed one.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
