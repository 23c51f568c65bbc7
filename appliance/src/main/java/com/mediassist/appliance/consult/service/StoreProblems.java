package com.mediassist.appliance.consult.service;

import com.mediassist.appliance.problem.ApiProblemException;
import com.mediassist.store.InvalidValueException;
import com.mediassist.store.RecordNotFoundException;
import com.mediassist.store.StoreException;
import com.mediassist.store.consultations.ConsultationSignedOffException;
import java.util.function.Supplier;

/** Turns the store's exceptions met by the consultation services into problem details. */
final class StoreProblems {

    private StoreProblems() {
    }

    static <T> T translate(Supplier<T> work) {
        try {
            return work.get();
        } catch (RecordNotFoundException e) {
            throw ApiProblemException.notFound(e.what(), e.id());
        } catch (ConsultationSignedOffException e) {
            throw new ApiProblemException(409, "Consultation signed off",
                    "Consultation " + e.consultationId() + " was signed off at " + e.signedOffAt() + " and cannot change");
        } catch (InvalidValueException e) {
            String prefix = e.field() + ": ";
            String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
            throw ApiProblemException.badField(e.field(), message);
        } catch (StoreException e) {
            throw e;
        }
    }
}
