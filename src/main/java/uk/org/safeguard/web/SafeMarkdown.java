package uk.org.safeguard.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * The safe Markdown subset staff write public content in, rendered to GOV.UK Frontend markup.
 *
 * <p>Safe means: raw HTML is shown as text, never interpreted; links may only point at {@code http},
 * {@code https}, {@code mailto} and {@code tel} addresses or at pages of this service; images are
 * replaced by their description (a page must not make requests anywhere else); headings start at
 * level 2, because the page title is the only {@code h1}. What remains is paragraphs, headings, bullet
 * and numbered lists, links, emphasis, block quotes (shown as inset text) and section breaks. Phone
 * numbers written in groups are marked left-to-right, so that they keep their order in Arabic and Urdu.
 */
public final class SafeMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto", "tel")))
            .attributeProviderFactory(context -> new GovukAttributes())
            .nodeRendererFactory(ImageAsText::new)
            .nodeRendererFactory(ShiftedHeading::new)
            .nodeRendererFactory(PhoneNumbersLeftToRight::new)
            .build();

    private SafeMarkdown() {
    }

    /** HTML for {@code markdown}, safe to put into a page as it is. */
    public static String toHtml(String markdown) {
        return RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
    }

    private static final class GovukAttributes implements AttributeProvider {
        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Paragraph && !(node.getParent() instanceof BlockQuote)) {
                attributes.put("class", "govuk-body");
            } else if (node instanceof Heading heading) {
                attributes.put("class", heading.getLevel() <= 2 ? "govuk-heading-m" : "govuk-heading-s");
            } else if (node instanceof BulletList) {
                attributes.put("class", "govuk-list govuk-list--bullet");
            } else if (node instanceof OrderedList) {
                attributes.put("class", "govuk-list govuk-list--number");
            } else if (node instanceof Link) {
                attributes.put("class", "govuk-link");
            } else if (node instanceof BlockQuote) {
                attributes.put("class", "govuk-inset-text");
            } else if (node instanceof ThematicBreak) {
                attributes.put("class", "govuk-section-break govuk-section-break--l govuk-section-break--visible");
            } else if (node instanceof Code) {
                attributes.put("class", "app-code");
            }
        }
    }

    /** Images would fetch from elsewhere: their description is shown instead. */
    private static final class ImageAsText implements NodeRenderer {
        private final HtmlWriter html;

        ImageAsText(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Text text) {
                    html.text(text.getLiteral());
                }
            }
        }
    }

    /** {@code # Heading} in content becomes an {@code h2}: the page title is the page's one {@code h1}. */
    private static final class ShiftedHeading implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        ShiftedHeading(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Heading.class);
        }

        @Override
        public void render(Node node) {
            Heading heading = (Heading) node;
            String tag = "h" + Math.min(6, Math.max(2, heading.getLevel()));
            html.line();
            html.tag(tag, context.extendAttributes(node, tag, Map.of()));
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            html.tag("/" + tag);
            html.line();
        }
    }

    /** Text, with each grouped phone number in {@code <span dir="ltr">} (see {@link Languages#GROUPED_PHONE_NUMBER}). */
    private static final class PhoneNumbersLeftToRight implements NodeRenderer {
        private final HtmlWriter html;

        PhoneNumbersLeftToRight(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Text.class);
        }

        @Override
        public void render(Node node) {
            String literal = ((Text) node).getLiteral();
            java.util.regex.Matcher number = Languages.GROUPED_PHONE_NUMBER.matcher(literal);
            int written = 0;
            while (number.find()) {
                html.text(literal.substring(written, number.start()));
                html.tag("span", Map.of("dir", "ltr"));
                html.text(number.group());
                html.tag("/span");
                written = number.end();
            }
            html.text(literal.substring(written));
        }
    }
}
