package uk.org.safeguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every public text exists in every language Safeguard offers, so nothing is ever shown blank or silently
 * in English: for each public message bundle and each language in {@code safeguard.web.languages}, the
 * translation has exactly the English keys, no blank value, the same arguments, valid MessageFormat
 * where arguments are used, the same phone numbers, and no text merely copied from English (apart from
 * the few words that really are the same, listed below). Each shipped guidance page has a text in every
 * language with a title, the same links and the same phone numbers.
 */
class LanguageBundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    /** The bundles the public sees. Not: languages (names, the same everywhere), content, identity, audit (staff, English). */
    static final List<String> PUBLIC_BUNDLES = List.of("messages", "components", "guidance", "check", "help", "learn",
            "followup", "intake", "attachments", "hate");

    /**
     * Text that may be the same as the English in a translation: the service's name, and words that are
     * spelt the same in that language. Key → languages ("*" for all).
     */
    static final Map<String, Set<String>> SAME_AS_ENGLISH_ALLOWED = Map.ofEntries(
            Map.entry("service.name", Set.of("*")),
            Map.entry("layout.phase", Set.of("*")),
            Map.entry("layout.menu", Set.of("fr", "it", "pl", "pt")),
            Map.entry("layout.footer.cookies", Set.of("es", "fr", "pt")),
            Map.entry("guidance.cookies.title", Set.of("es", "fr", "pt")),
            Map.entry("layout.errorPrefix", Set.of("es")),
            Map.entry("components.error.prefix", Set.of("es")),
            Map.entry("components.notificationBanner.important", Set.of("fr", "ro")),
            Map.entry("components.pagination.label", Set.of("fr")),
            Map.entry("components.pagination.page", Set.of("fr")),
            Map.entry("components.pagination.pageNumber", Set.of("fr")),
            Map.entry("check.danger.no", Set.of("es", "it")),
            Map.entry("help.contact.email", Set.of("it", "pt")),
            Map.entry("help.police.heading", Set.of("fr")),
            Map.entry("help.contact.website", Set.of("so")),
            // Names of apps and units, the same in every language.
            Map.entry("intake.concern.online.discord", Set.of("*")),
            Map.entry("intake.concern.online.facebook", Set.of("*")),
            Map.entry("intake.concern.online.instagram", Set.of("*")),
            Map.entry("intake.concern.online.snapchat", Set.of("*")),
            Map.entry("intake.concern.online.telegram", Set.of("*")),
            Map.entry("intake.concern.online.tiktok", Set.of("*")),
            Map.entry("intake.concern.online.whatsapp", Set.of("*")),
            Map.entry("intake.concern.online.x", Set.of("*")),
            Map.entry("intake.concern.online.youtube", Set.of("*")),
            Map.entry("attachments.description", Set.of("*")),
            Map.entry("attachments.size.kb", Set.of("*")),
            Map.entry("attachments.size.mb", Set.of("*")),
            Map.entry("intake.concern.children.no", Set.of("es", "it")),
            Map.entry("attachments.kind.pdf", Set.of("ro")),
            Map.entry("hate.police.true-vision-link", Set.of("*")));

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final Pattern COUNT_TOKEN = Pattern.compile("%\\{\\w+}");
    private static final Pattern LINK_TARGET = Pattern.compile("]\\(([^)\\s]+)");
    /** Digits, possibly grouped by single spaces, as phone numbers are written: 999, 0800 789 321. */
    private static final Pattern DIGITS = Pattern.compile("(?<!\\d)(?<!\\d[.,])\\d(?:\\d| (?=\\d))*(?!\\d)(?![.,]\\d)");
    private static final Pattern PHONE = Pattern.compile("0\\d{9,10}|999|101|111|112|116\\d{3}");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    @Test
    void theLanguagesAreConfiguredWithEnglishFirst() {
        assertThat(languages()).first().isEqualTo("en");
        assertThat(languages()).hasSize(15).doesNotHaveDuplicates()
                .containsExactly("en", "ro", "es", "pl", "bn", "pt", "gu", "it", "pa", "ar", "ta", "tr", "fr", "ur", "so");
    }

    @TestFactory
    Stream<DynamicTest> everyPublicBundleInEveryLanguage() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String base : PUBLIC_BUNDLES) {
            tests.add(dynamicTest(base + ".properties (English)", () -> checkEnglish(base)));
            for (String language : translatedLanguages()) {
                tests.add(dynamicTest(base + "_" + language + ".properties", () -> checkTranslation(base, language)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyGuidancePageInEveryLanguage() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : guidancePages()) {
            Path english = page.resolve("en.md");
            tests.add(dynamicTest(page.getFileName() + "/ has only configured languages", () -> {
                try (Stream<Path> files = Files.list(page)) {
                    assertThat(files.map(f -> f.getFileName().toString()).toList())
                            .as("files in %s: one <language>.md per configured language", page)
                            .allSatisfy(name -> assertThat(languages()).contains(name.replaceFirst("\\.md$", "")));
                }
            }));
            for (String language : translatedLanguages()) {
                tests.add(dynamicTest(page.getFileName() + "/" + language + ".md",
                        () -> checkGuidance(english, page.resolve(language + ".md"), language)));
            }
        }
        return tests.stream();
    }

    // --- message bundles

    private static void checkEnglish(String base) {
        Map<String, String> english = bundle(RESOURCES.resolve("messages/" + base + ".properties"));
        List<String> problems = new ArrayList<>();
        english.forEach((key, value) -> {
            if (value.isBlank()) {
                problems.add(key + ": blank");
            }
            problems.addAll(formatProblems(key, value, Locale.ENGLISH));
        });
        assertThat(problems).as("problems in messages/%s.properties", base).isEmpty();
    }

    private static void checkTranslation(String base, String language) {
        Path file = RESOURCES.resolve("messages/" + base + "_" + language + ".properties");
        assertThat(file).as("the %s translation of messages/%s.properties", language, base).exists();
        Map<String, String> english = bundle(RESOURCES.resolve("messages/" + base + ".properties"));
        assertThat(translationProblems(english, bundle(file), language)).as("problems in %s", file).isEmpty();
    }

    /** What is wrong with a translation of the {@code english} bundle into {@code language}; empty if nothing. */
    static List<String> translationProblems(Map<String, String> english, Map<String, String> translated, String language) {
        Set<String> missing = new TreeSet<>(english.keySet());
        missing.removeAll(translated.keySet());
        Set<String> extra = new TreeSet<>(translated.keySet());
        extra.removeAll(english.keySet());
        List<String> problems = new ArrayList<>();
        missing.forEach(key -> problems.add(key + ": missing"));
        extra.forEach(key -> problems.add(key + ": not in the English bundle"));

        Locale locale = Locale.forLanguageTag(language);
        for (Map.Entry<String, String> entry : new TreeMap<>(translated).entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            String source = english.get(key);
            if (source == null) {
                continue;
            }
            if (value.isBlank()) {
                problems.add(key + ": blank");
                continue;
            }
            if (!argumentsOf(value).equals(argumentsOf(source))) {
                problems.add(key + ": arguments " + argumentsOf(value) + " but English has " + argumentsOf(source));
            }
            if (!countTokensOf(value).equals(countTokensOf(source))) {
                problems.add(key + ": tokens " + countTokensOf(value) + " but English has " + countTokensOf(source));
            }
            if (!phoneNumbersIn(value).equals(phoneNumbersIn(source))) {
                problems.add(key + ": phone numbers " + phoneNumbersIn(value) + " but English has "
                        + phoneNumbersIn(source) + " (write them with the digits 0-9, grouped as in English)");
            }
            problems.addAll(formatProblems(key, value, locale));
            if (value.strip().equals(source.strip()) && LETTER.matcher(source).find() && !sameAllowed(key, language)) {
                problems.add(key + ": the same as the English (\"" + source + "\"); translate it, or list it in "
                        + "SAME_AS_ENGLISH_ALLOWED if the word really is the same in this language");
            }
        }
        return problems;
    }

    /**
     * A text with arguments goes through MessageFormat: it must parse, and an apostrophe must be doubled
     * (a single one hides the text after it). A text without arguments is shown as written, so a doubled
     * apostrophe would show twice.
     */
    static List<String> formatProblems(String key, String value, Locale locale) {
        List<String> problems = new ArrayList<>();
        if (!ARGUMENT.matcher(value).find()) {
            if (value.contains("''")) {
                problems.add(key + ": '' in a text without arguments shows as two apostrophes; write one");
            }
            return problems;
        }
        try {
            new MessageFormat(value, locale);
        } catch (IllegalArgumentException e) {
            problems.add(key + ": not valid MessageFormat (" + e.getMessage() + ")");
            return problems;
        }
        if (value.replace("''", "").contains("'")) {
            problems.add(key + ": a single apostrophe in a text with arguments hides text; write it as ''");
        }
        return problems;
    }

    static Set<Integer> argumentsOf(String value) {
        Set<Integer> arguments = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(value);
        while (matcher.find()) {
            arguments.add(Integer.valueOf(matcher.group(1)));
        }
        return arguments;
    }

    static List<String> countTokensOf(String value) {
        return matches(COUNT_TOKEN, value, 0).stream().sorted().toList();
    }

    /** Phone numbers, without their spaces, in order of size: the same set must be in every translation. */
    static List<String> phoneNumbersIn(String text) {
        List<String> numbers = new ArrayList<>();
        Matcher matcher = DIGITS.matcher(text);
        while (matcher.find()) {
            String digits = matcher.group().replace(" ", "");
            if (PHONE.matcher(digits).matches()) {
                numbers.add(digits);
            }
        }
        return numbers.stream().sorted().toList();
    }

    private static boolean sameAllowed(String key, String language) {
        Set<String> languages = SAME_AS_ENGLISH_ALLOWED.getOrDefault(key, Set.of());
        return languages.contains("*") || languages.contains(language);
    }

    // --- guidance pages

    private static void checkGuidance(Path englishFile, Path file, String language) {
        assertThat(file).as("the %s text of %s", language, englishFile.getParent()).exists();
        assertThat(guidanceProblems(guidance(englishFile), guidance(file))).as("problems in %s", file).isEmpty();
    }

    /** What is wrong with a translated guidance page; empty if nothing. */
    static List<String> guidanceProblems(Map<String, String> english, Map<String, String> translated) {
        List<String> problems = new ArrayList<>();
        if (translated.getOrDefault("title", "").isBlank()) {
            problems.add("no title: line");
        } else if (translated.get("title").strip().equals(english.get("title").strip())) {
            problems.add("the title is the English title");
        }
        if (translated.getOrDefault("body", "").isBlank()) {
            problems.add("no text after the --- line");
        }
        String englishText = String.join("\n", english.values());
        String text = String.join("\n", translated.values());
        List<String> englishLinks = matches(LINK_TARGET, englishText, 1).stream().sorted().toList();
        List<String> links = matches(LINK_TARGET, text, 1).stream().sorted().toList();
        if (!links.equals(englishLinks)) {
            problems.add("links " + links + " but English has " + englishLinks);
        }
        if (!phoneNumbersIn(text).equals(phoneNumbersIn(englishText))) {
            problems.add("phone numbers " + phoneNumbersIn(text) + " but English has " + phoneNumbersIn(englishText)
                    + " (write them with the digits 0-9, grouped as in English)");
        }
        return problems;
    }

    /** The header fields (title, summary) and the body, as {@code ContentSeeds} reads them. */
    private static Map<String, String> guidance(Path file) {
        return guidance(utf8(file), file.toString());
    }

    static Map<String, String> guidance(String markdown, String location) {
        String text = markdown.replace("\r\n", "\n");
        int separator = text.indexOf("\n---\n");
        assertThat(separator).as("a '---' line after the header of %s", location).isNotNegative();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.substring(0, separator).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        fields.putIfAbsent("title", "");
        fields.put("body", text.substring(separator + 5).strip());
        return fields;
    }

    private static List<Path> guidancePages() throws IOException {
        try (Stream<Path> pages = Files.list(RESOURCES.resolve("guidance/content"))) {
            return pages.filter(p -> Files.isRegularFile(p.resolve("en.md"))).sorted().toList();
        }
    }

    // --- reading

    static List<String> languages() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(utf8(RESOURCES.resolve("application.properties"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String configured = properties.getProperty("safeguard.web.languages");
        assertThat(configured).as("safeguard.web.languages in application.properties").isNotBlank();
        return Arrays.stream(configured.split(",")).map(String::strip).toList();
    }

    private static List<String> translatedLanguages() {
        return languages().stream().filter(l -> !l.equals("en")).toList();
    }

    /** A bundle's entries, failing on a key given twice (the second would silently win). */
    static Map<String, String> bundle(Path file) {
        return bundle(utf8(file), file.toString());
    }

    static Map<String, String> bundle(String text, String file) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new AssertionError("Cannot read " + file + ": " + e.getMessage(), e);
        }
        List<String> keys = keysInOrder(text);
        assertThat(keys).as("keys given more than once in %s", file).doesNotHaveDuplicates();
        Map<String, String> entries = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> entries.put(key, properties.getProperty(key)));
        return entries;
    }

    /** The keys of a properties file as written, to find duplicates; continuation lines are skipped. */
    private static List<String> keysInOrder(String text) {
        List<String> keys = new ArrayList<>();
        boolean continuation = false;
        for (String line : text.split("\r?\n")) {
            String trimmed = line.stripLeading();
            boolean continues = (trimmed.length() - trimmed.replaceAll("\\\\+$", "").length()) % 2 == 1;
            if (!continuation && !trimmed.isEmpty() && trimmed.charAt(0) != '#' && trimmed.charAt(0) != '!') {
                Matcher key = Pattern.compile("^((?:\\\\.|[^=:\\s\\\\])+)").matcher(trimmed);
                if (key.find()) {
                    keys.add(key.group(1));
                }
            }
            continuation = continues;
        }
        return keys;
    }

    /** A file's text, failing on bytes that are not UTF-8 (a file saved in another encoding). */
    private static String utf8(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(file + " is not UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> matches(Pattern pattern, String text, int group) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(group));
        }
        return found;
    }

    /** The checks above catch what they are meant to catch (so a passing run means something). */
    @Nested
    class TheChecksCatch {

        private final Map<String, String> english = Map.of(
                "a.plain", "Call the hotline on 0800 789 321",
                "a.argument", "Page {0} of {1}",
                "a.count", "You have %{count} characters remaining",
                "service.name", "Safeguard");

        private Map<String, String> good() {
            return new TreeMap<>(Map.of(
                    "a.plain", "Appelez la ligne au 0800 789 321",
                    "a.argument", "Page {0} sur {1} de l''aide",
                    "a.count", "Il vous reste %{count} caractères",
                    "service.name", "Safeguard"));
        }

        @Test
        void nothingInAGoodTranslation() {
            assertThat(translationProblems(english, good(), "fr")).isEmpty();
        }

        @Test
        void aMissingOrExtraKey() {
            Map<String, String> translated = good();
            translated.remove("a.count");
            translated.put("a.surplus", "En trop");

            assertThat(translationProblems(english, translated, "fr"))
                    .containsExactly("a.count: missing", "a.surplus: not in the English bundle");
        }

        @Test
        void aBlankText() {
            Map<String, String> translated = good();
            translated.put("a.plain", "  ");

            assertThat(translationProblems(english, translated, "fr")).containsExactly("a.plain: blank");
        }

        @Test
        void aLostArgumentOrToken() {
            Map<String, String> translated = good();
            translated.put("a.argument", "Page {0}");
            translated.put("a.count", "Il vous reste %{nombre} caractères");

            assertThat(translationProblems(english, translated, "fr")).hasSize(2)
                    .anyMatch(p -> p.startsWith("a.argument: arguments [0] but English has [0, 1]"))
                    .anyMatch(p -> p.startsWith("a.count: tokens [%{nombre}]"));
        }

        @Test
        void aSingleApostropheWhereMessageFormatIsUsedAndADoubledOneWhereItIsNot() {
            Map<String, String> translated = good();
            translated.put("a.argument", "Page {0} sur {1} de l'aide");
            translated.put("a.plain", "Appelez l''assistance au 0800 789 321");

            assertThat(translationProblems(english, translated, "fr")).hasSize(2)
                    .anyMatch(p -> p.startsWith("a.argument: a single apostrophe"))
                    .anyMatch(p -> p.startsWith("a.plain: '' in a text without arguments"));
        }

        @Test
        void invalidMessageFormat() {
            Map<String, String> translated = good();
            translated.put("a.argument", "Page {0} sur {1");

            assertThat(translationProblems(english, translated, "fr")).anyMatch(p -> p.startsWith("a.argument: "));
        }

        @Test
        void aChangedOrLocalisedPhoneNumber() {
            Map<String, String> translated = good();
            translated.put("a.plain", "হটলাইনে কল করুন ০৮০০ ৭৮৯ ৩২১");

            assertThat(translationProblems(english, translated, "bn"))
                    .anyMatch(p -> p.startsWith("a.plain: phone numbers [] but English has [0800789321]"));
        }

        @Test
        void textCopiedFromEnglishUnlessThatWordIsAllowed() {
            Map<String, String> translated = good();
            translated.put("a.plain", "Call the hotline on 0800 789 321");

            assertThat(translationProblems(english, translated, "fr"))
                    .singleElement().asString().startsWith("a.plain: the same as the English");
        }

        @Test
        void aKeyGivenTwiceOrBytesThatAreNotUtf8() {
            assertThatThrownBy(() -> bundle("a=1\nb=2\n# c=3\na = 4\n", "test.properties"))
                    .hasMessageContaining("keys given more than once");
            assertThat(bundle("a=first \\\n  b=continued\nb=2\n", "test.properties"))
                    .as("a continuation line is not a key").containsEntry("b", "2").hasSize(2);
        }

        @Test
        void aGuidancePageWithoutATitleOrWithOtherLinksOrNumbers() {
            Map<String, String> en = guidance("title: Signs\n---\nSee [help](/help) or call 0800 011 3764.", "en");

            assertThat(guidanceProblems(en, guidance("title: Signes\n---\nVoir [aide](/help), 0800 011 3764.", "fr")))
                    .isEmpty();
            assertThat(guidanceProblems(en, guidance("summary: x\n---\nVoir [aide](/aide), 0800 011 3765.", "fr")))
                    .containsExactly("no title: line", "links [/aide] but English has [/help]",
                            "phone numbers [08000113765] but English has [08000113764]"
                                    + " (write them with the digits 0-9, grouped as in English)");
            assertThat(guidanceProblems(en, guidance("title: Signs\n---\n", "fr")))
                    .contains("the title is the English title", "no text after the --- line");
        }

        @Test
        void phoneNumbersAreFoundWithTheirSpacesButNotOtherNumbers() {
            assertThat(phoneNumbersIn("Call 999, or 101 when it is not an emergency; 0800 789 321 or 020 7946 0000. "
                    + "Wait 30 minutes, up to 12 characters, in 2021."))
                    .containsExactly("02079460000", "0800789321", "101", "999");
        }
    }
}
