package uk.org.safeguard.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * GOV.UK Frontend's stylesheet sets the GDS Transport typeface, which only services on GOV.UK may use.
 * Safeguard is a city service, so the font faces are removed and text falls back to the design
 * system's own fallback, Arial; nothing else in the stylesheet changes.
 */
final class GovukStylesheetTransformer implements ResourceTransformer {

    private static final Pattern FONT_FACE = Pattern.compile("@font-face\\{[^}]*\\}");
    private static final Pattern TRANSPORT = Pattern.compile("(\"GDS Transport\"|GDS Transport),\\s*");

    @Override
    public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
            throws IOException {
        Resource transformed = chain.transform(request, resource);
        String name = transformed.getFilename();
        if (name == null || !name.endsWith(".css")) {
            return transformed;
        }
        return new TransformedResource(transformed, strip(transformed.getContentAsString(StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
    }

    static String strip(String css) {
        return TRANSPORT.matcher(FONT_FACE.matcher(css).replaceAll("")).replaceAll("");
    }
}
