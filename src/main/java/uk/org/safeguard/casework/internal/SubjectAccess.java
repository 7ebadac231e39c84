package uk.org.safeguard.casework.internal;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;

/**
 * Subject access for the DPO: find every case held about a person (by name and date of birth, through
 * the blind index, never a search of decrypted data), decide item by item what to disclose, and export
 * it as a PDF and a machine-readable JSON file. Third parties' details (who shared the concern, how to
 * reach them) are always redacted; any other item may be withheld under a named exemption with a reason,
 * and every decision is recorded with the export. Searching, preparing and downloading are audited.
 */
@Service
class SubjectAccess {

    /** What one case discloses, in order; the reporter's items are third-party data. */
    enum Item {
        NAME(false), DATE_OF_BIRTH(false), ADDRESS(false), SUMMARY(false), BOROUGH(false), STATUS(false),
        OPENED(false), CLOSED(false), DELETION(false), REPORTER_NAME(true), REPORTER_CONTACT(true);

        final boolean thirdParty;

        Item(boolean thirdParty) {
            this.thirdParty = thirdParty;
        }
    }

    /** The exemptions of the Data Protection Act 2018 a DPO most often applies to this kind of record. */
    enum Exemption { CRIME, SERIOUS_HARM, LEGAL_PRIVILEGE, THIRD_PARTY }

    enum Outcome { DISCLOSED, WITHHELD, REDACTED_THIRD_PARTY }

    record Decision(String caseReference, Item item, Outcome outcome, Exemption exemption, String reason) {
    }

    record Line(Item item, String label, String value, Decision decision) {
    }

    record CaseItems(String reference, List<Line> lines) {
    }

    record Export(long id, String requestRef, List<String> cases, List<Decision> decisions, String createdBy,
            java.time.Instant createdAt) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CaseRecords records;
    private final CaseCrypto crypto;
    private final CaseFiles files;
    private final CaseworkTexts texts;
    private final uk.org.safeguard.geography.Boroughs boroughs;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    SubjectAccess(CaseRecords records, CaseCrypto crypto, CaseFiles files, CaseworkTexts texts,
            uk.org.safeguard.geography.Boroughs boroughs, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.records = records;
        this.crypto = crypto;
        this.files = files;
        this.texts = texts;
        this.boroughs = boroughs;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The references of the cases held about the person; the search is audited (by the request's reference, not the name). */
    @Transactional
    List<String> find(String fullName, LocalDate dateOfBirth, String requestRef, String actor) {
        List<String> found = records.byPersonIndex(files.personIndex(fullName, dateOfBirth)).stream()
                .map(CaseRecord::reference).toList();
        audit.record(AuditEvent.of(actor, "subject-access.searched", "subject-access-request", requestRef)
                .withDetail("found", String.valueOf(found.size())));
        return found;
    }

    /** Every item of the cases, as the DPO reviews them (audited: this reads personal data). */
    @Transactional
    List<CaseItems> review(List<String> references, String requestRef, String actor) {
        List<CaseItems> items = undecided(references);
        audit.record(AuditEvent.of(actor, "subject-access.reviewed", "subject-access-request", requestRef)
                .withDetail("cases", String.join(",", references)));
        return items;
    }

    /** Records the decisions and returns the export's id. */
    @Transactional
    long prepare(String requestRef, List<String> references, List<Decision> decisions, String actor) {
        long id = jdbc.sql("INSERT INTO casework_subject_access (request_ref, cases, decisions, created_by) "
                + "VALUES (:ref, :cases, :decisions::jsonb, :actor) RETURNING id")
                .param("ref", requestRef).param("cases", references.toArray(String[]::new))
                .param("decisions", JSON.writeValueAsString(decisions)).param("actor", actor)
                .query(Long.class).single();
        long withheld = decisions.stream().filter(d -> d.outcome() == Outcome.WITHHELD).count();
        audit.record(AuditEvent.of(actor, "subject-access.prepared", "subject-access", String.valueOf(id))
                .withDetail("request", requestRef).withDetail("cases", String.join(",", references))
                .withDetail("withheld", String.valueOf(withheld)));
        return id;
    }

    Optional<Export> export(long id) {
        return jdbc.sql("SELECT id, request_ref, cases, decisions::text, created_by, created_at FROM casework_subject_access "
                + "WHERE id = :id").param("id", id).query((rs, n) -> new Export(rs.getLong(1), rs.getString(2),
                        List.of((String[]) rs.getArray(3).getArray()),
                        JSON.readValue(rs.getString(4), new TypeReference<List<Decision>>() { }), rs.getString(5),
                        rs.getTimestamp(6).toInstant())).optional();
    }

    /** The cases' items before any decision: every item disclosed but third parties' (not audited: the caller shows nothing). */
    List<CaseItems> undecided(List<String> references) {
        return items(references, Map.of());
    }

    /** The export's content, with its decisions applied (cases deleted since are left out). */
    List<CaseItems> contents(Export export) {
        Map<String, Decision> byKey = new LinkedHashMap<>();
        export.decisions().forEach(d -> byKey.put(d.caseReference() + "/" + d.item(), d));
        return items(export.cases(), byKey);
    }

    @Transactional
    byte[] json(Export export, String actor) {
        downloaded(export, "json", actor);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("request", export.requestRef());
        document.put("prepared", export.createdAt().toString());
        document.put("controller", "Safeguard (London)");
        List<Map<String, Object>> cases = new ArrayList<>();
        for (CaseItems items : contents(export)) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("reference", items.reference());
            List<Map<String, Object>> lines = new ArrayList<>();
            for (Line line : items.lines()) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("item", line.item().name().toLowerCase(java.util.Locale.ROOT));
                l.put("label", line.label());
                l.put("disclosure", line.decision().outcome().name().toLowerCase(java.util.Locale.ROOT));
                if (line.decision().outcome() == Outcome.DISCLOSED) {
                    l.put("value", line.value());
                } else {
                    l.put("exemption", line.decision().exemption().name().toLowerCase(java.util.Locale.ROOT));
                    l.put("reason", line.decision().reason());
                }
                lines.add(l);
            }
            c.put("items", lines);
            cases.add(c);
        }
        document.put("cases", cases);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    }

    @Transactional
    byte[] pdf(Export export, String actor) {
        downloaded(export, "pdf", actor);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 50, 50);
        PdfWriter.getInstance(document, out);
        document.addTitle(texts.t("casework.sar.pdf.title"));
        document.open();
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
        Font subheading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 10);
        Font muted = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 10);
        document.add(new Paragraph(texts.t("casework.sar.pdf.title"), heading));
        document.add(new Paragraph(texts.t("casework.sar.pdf.intro", export.requestRef(),
                CaseworkTexts.time(export.createdAt())), body));
        for (CaseItems items : contents(export)) {
            Paragraph caseHeading = new Paragraph(texts.t("casework.case.title", items.reference()), subheading);
            caseHeading.setSpacingBefore(14);
            caseHeading.setSpacingAfter(6);
            document.add(caseHeading);
            PdfPTable table = new PdfPTable(new float[] {1, 2});
            table.setWidthPercentage(100);
            for (Line line : items.lines()) {
                table.addCell(new PdfPCell(new Paragraph(line.label(), body)));
                Paragraph value = line.decision().outcome() == Outcome.DISCLOSED ? new Paragraph(line.value(), body)
                        : new Paragraph(texts.t("casework.sar.withheldAs", texts.t("casework.sar.exemption."
                                + line.decision().exemption()), line.decision().reason()), muted);
                PdfPCell cell = new PdfPCell(value);
                cell.setHorizontalAlignment(Element.ALIGN_LEFT);
                table.addCell(cell);
            }
            document.add(table);
        }
        Paragraph rights = new Paragraph(texts.t("casework.sar.pdf.rights"), body);
        rights.setSpacingBefore(14);
        document.add(rights);
        document.close();
        return out.toByteArray();
    }

    private void downloaded(Export export, String format, String actor) {
        audit.record(AuditEvent.of(actor, "subject-access.downloaded", "subject-access", String.valueOf(export.id()))
                .withDetail("format", format));
    }

    private List<CaseItems> items(List<String> references, Map<String, Decision> decisions) {
        List<CaseItems> result = new ArrayList<>();
        for (String reference : references) {
            Optional<CaseRecord> found = records.find(reference);
            if (found.isEmpty()) {
                continue;
            }
            CaseRecord record = found.get();
            CaseDetails details = crypto.open(record);
            Map<Item, String> values = new LinkedHashMap<>();
            values.put(Item.NAME, details.fullName());
            values.put(Item.DATE_OF_BIRTH, details.dateOfBirth() == null ? "" : CaseworkTexts.date(details.dateOfBirth()));
            values.put(Item.ADDRESS, details.address());
            values.put(Item.SUMMARY, details.summary());
            values.put(Item.BOROUGH, boroughs.byCode(record.boroughCode()).map(b -> b.name()).orElse(record.boroughCode()));
            values.put(Item.STATUS, record.closed() ? texts.t("casework.status.closed",
                    texts.t("casework.outcome." + record.outcome().name())) : texts.t("casework.status.open"));
            values.put(Item.OPENED, CaseworkTexts.date(record.openedOn()));
            values.put(Item.CLOSED, CaseworkTexts.date(record.closedOn()));
            values.put(Item.DELETION, record.deleteOn() == null ? "" : CaseworkTexts.date(record.deleteOn()));
            values.put(Item.REPORTER_NAME, details.reporterName());
            values.put(Item.REPORTER_CONTACT, details.reporterContact());
            List<Line> lines = new ArrayList<>();
            values.forEach((item, value) -> {
                if (value.isBlank()) {
                    return;
                }
                Decision decision = item.thirdParty
                        ? new Decision(reference, item, Outcome.REDACTED_THIRD_PARTY, Exemption.THIRD_PARTY,
                                texts.t("casework.sar.thirdPartyReason"))
                        : decisions.getOrDefault(reference + "/" + item,
                                new Decision(reference, item, Outcome.DISCLOSED, null, null));
                lines.add(new Line(item, texts.t("casework.sar.item." + item), value, decision));
            });
            result.add(new CaseItems(reference, lines));
        }
        return result;
    }
}
