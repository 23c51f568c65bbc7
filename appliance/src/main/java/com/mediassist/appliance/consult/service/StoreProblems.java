package com.mediassist.appliance.consult.service;

import com.mediassist.appliance.failure.InvalidFieldException;
import com.mediassist.store.InvalidValueException;
import com.mediassist.store.consultations.ConsultationSignedOffException;
import java.util.function.Supplier;

/**
 * Turns the store's exceptions met by the consultation services into the services' own: a bad value
 * names the field once, a signed-off consultation is a {@link ConsultationClosedException}. The rest
 * (an unknown record, a storage failure) pass unchanged and are mapped at the REST edge.
 */
final class StoreProblems {

    private StoreProblems() {
    }

    static <T> T translate(Supplier<T> work) {
        try {
            return work.get();
        } catch (ConsultationSignedOffException e) {
            throw new ConsultationClosedException(e.consultationId(), e.signedOffAt(), ConsultationClosedException.Refused.CHANGE);
        } catch (InvalidValueException e) {
            String prefix = e.field() + ": ";
            String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
            throw new InvalidFieldException(e.field(), message);
        }
    }
}
