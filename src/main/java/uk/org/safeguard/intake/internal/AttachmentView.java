package uk.org.safeguard.intake.internal;

/**
 * One added file as the attachments step lists it, a record the template can read.
 *
 * @param id the attachment's id, which its Remove button posts
 * @param name the person's file name, shown escaped
 * @param description its kind and size, in the page's language
 */
public record AttachmentView(String id, String name, String description) {
}
