/**
 * Privacy: the keys that encrypt personal data (envelope encryption, master key outside the database),
 * retention rules by outcome with legal holds, deletion that also makes old backups unreadable, and
 * subject access exports.
 *
 * <p><b>Key hierarchy.</b> The {@link uk.org.safeguard.privacy.MasterKey} (a Tink AES-256-GCM keyset in
 * {@code <SAFEGUARD_DATA_DIR>/keys/master-keyset.json}, mode 0600, or from
 * {@code SAFEGUARD_PRIVACY_MASTER_KEYSET}; a KMS can take its place) wraps two kinds of key and
 * encrypts nothing else:
 * <ul>
 * <li>data keys, one per {@link uk.org.safeguard.privacy.RecordFamily}, stored wrapped in
 *     {@code privacy_data_key}, used by {@link uk.org.safeguard.privacy.FieldEncryption} for records
 *     without a deletion date, plus the secret key of the {@link uk.org.safeguard.privacy.BlindIndex};</li>
 * <li>retention period keys, one per family and month of deletion, stored wrapped <em>outside</em> the
 *     database by a {@link uk.org.safeguard.privacy.RetentionKeyStore}
 *     ({@code <SAFEGUARD_DATA_DIR>/keys/retention/<family>/<yyyy-MM>.key}), used by
 *     {@link uk.org.safeguard.privacy.ShreddableKeys} for records that expire; destroying one
 *     crypto-shreds its records in the database and in every backup of it.</li>
 * </ul>
 * {@code admin rotate-master-key} re-wraps both kinds under a new master key without re-encrypting
 * any record. Every wrapped key records the id of the master key that wrapped it.
 *
 * <p>Back up {@code keys/master-keyset.json} apart from the database; do not back up
 * {@code keys/retention/} with the database (or keep such backups for less than the shortest retention
 * period), or destroyed keys survive in the backup.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy", allowedDependencies = "platform")
package uk.org.safeguard.privacy;
