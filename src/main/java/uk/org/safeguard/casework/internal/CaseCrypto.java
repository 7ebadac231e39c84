package uk.org.safeguard.casework.internal;

import java.time.YearMonth;

import org.springframework.stereotype.Component;

import uk.org.safeguard.privacy.FieldEncryption;
import uk.org.safeguard.privacy.RecordFamily;
import uk.org.safeguard.privacy.ShreddableKeys;

/**
 * Seals a case's details under the right key: the case family's data key while the case has no
 * deletion date (open, or on legal hold), the retention period key of the month it is due for deletion
 * once it has one. Destroying that period key makes every copy unreadable, backups included.
 */
@Component
class CaseCrypto {

    private final FieldEncryption fields;
    private final ShreddableKeys shreddable;

    CaseCrypto(FieldEncryption fields, ShreddableKeys shreddable) {
        this.fields = fields;
        this.shreddable = shreddable;
    }

    byte[] seal(String reference, YearMonth period, CaseDetails details) {
        byte[] json = details.toJson();
        return period == null ? fields.encrypt(RecordFamily.CASE, recordRef(reference), json)
                : shreddable.encrypt(RecordFamily.CASE, period, recordRef(reference), json);
    }

    CaseDetails open(CaseRecord record) {
        byte[] json = record.keyPeriod() == null
                ? fields.decrypt(RecordFamily.CASE, recordRef(record.reference()), record.details())
                : shreddable.decrypt(RecordFamily.CASE, record.keyPeriod(), recordRef(record.reference()), record.details());
        return CaseDetails.fromJson(json);
    }

    /** Re-seals the details for another key period ({@code null}: the family key). */
    byte[] reseal(CaseRecord record, YearMonth newPeriod) {
        return seal(record.reference(), newPeriod, open(record));
    }

    private static String recordRef(String reference) {
        return "case:" + reference;
    }
}
