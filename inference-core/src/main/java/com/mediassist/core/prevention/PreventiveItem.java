package com.mediassist.core.prevention;

import java.time.LocalDate;

/**
 * One preventive-care item for a patient.
 *
 * @param id       stable item id ({@code "colorectal-cancer-screening"})
 * @param name     name in the requested language
 * @param status   due, overdue, up-to-date, not-applicable or unknown
 * @param dueDate  since when it is due or overdue (also for unknown: when the patient became eligible);
 *                 {@code null} otherwise
 * @param nextDate when it is next due, for up-to-date items with a repeat interval; {@code null} otherwise
 * @param lastDone the latest matching history date, or {@code null}
 * @param interval the recommendation's interval, in the requested language
 * @param reason   why this status, in the requested language
 * @param source   the programme and recommendation
 * @param programme the programme the item was evaluated under
 * @param programmeVersion the edition of the recommendation it comes from ("USPSTF 2021", "PAPPS 2022")
 */
public record PreventiveItem(String id, String name, PreventiveStatus status, LocalDate dueDate, LocalDate nextDate,
                             LocalDate lastDone, String interval, String reason, String source, Programme programme,
                             String programmeVersion) {
}
