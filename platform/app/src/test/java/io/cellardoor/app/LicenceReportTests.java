package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The licences of the app's runtime dependencies, from the build's CycloneDX SBOM ({@code target/bom.json}, made by
 * the cyclonedx-maven-plugin at generate-resources): none may be AGPL or SSPL, and {@code docs/licences.md} must be
 * the list generated from the SBOM. After a dependency change, regenerate it with
 * {@code ./mvnw -pl platform/app test -Dtest=LicenceReportTests -Dcellardoor.licences.write=true}.
 */
class LicenceReportTests {

    static final Path SBOM = Path.of("target/bom.json");
    static final Path DOC = IntegrationTestSupport.REPO.resolve("docs/licences.md");
    /** Licences the product may not ship: the network copyleft of the AGPL and the SSPL. */
    static final Pattern FORBIDDEN =
            Pattern.compile("(?i)\\bA-?GPL|Affero|\\bSSPL|Server Side Public License|Commons-Clause");

    record Component(String coordinates, String version, List<String> licences) {}

    /** The SBOM as JSON; the cyclonedx plugin skips in offline builds ({@code -o}), so build online at least once. */
    static JsonNode sbom() throws IOException {
        assertThat(SBOM)
                .as("the CycloneDX SBOM (made at generate-resources; Maven's offline mode skips it: build online)")
                .exists();
        return JsonMapper.builder().build().readTree(Files.readString(SBOM));
    }

    @Test
    void noRuntimeDependencyIsAgplOrSspl() throws IOException {
        List<Component> components = components(sbom());
        assertThat(components).hasSizeGreaterThan(50);
        assertThat(components)
                .as("every runtime dependency states its licence in the SBOM")
                .allSatisfy(c -> assertThat(c.licences()).as(c.coordinates()).isNotEmpty());
        assertThat(forbidden(components))
                .as("AGPL or SSPL runtime dependencies")
                .isEmpty();
    }

    @Test
    void theCheckCatchesAgplAndSspl() {
        List<Component> sample = List.of(
                new Component("a:ok", "1", List.of("Apache-2.0")),
                new Component("b:agpl", "1", List.of("AGPL-3.0-only")),
                new Component("c:sspl", "1", List.of("SSPL-1.0")),
                new Component("d:named", "1", List.of("GNU Affero General Public License v3")),
                new Component("e:lgpl", "1", List.of("LGPL-2.1-only")));
        assertThat(forbidden(sample)).containsExactly("b:agpl", "c:sspl", "d:named");
    }

    @Test
    void docsLicencesIsGeneratedFromTheSbom() throws IOException {
        String generated = render(components(sbom()));
        if (Boolean.getBoolean("cellardoor.licences.write")) {
            Files.writeString(DOC, generated);
        }
        assertThat(Files.readString(DOC))
                .as("docs/licences.md is stale: regenerate it (see LicenceReportTests)")
                .isEqualTo(generated);
    }

    static List<String> forbidden(List<Component> components) {
        return components.stream()
                .filter(c ->
                        c.licences().stream().anyMatch(l -> FORBIDDEN.matcher(l).find()))
                .map(Component::coordinates)
                .toList();
    }

    static List<Component> components(JsonNode bom) {
        List<Component> out = new ArrayList<>();
        for (JsonNode c : bom.path("components")) {
            List<String> licences = new ArrayList<>();
            for (JsonNode l : c.path("licenses")) {
                if (l.has("expression")) {
                    licences.add(l.path("expression").asString());
                } else {
                    JsonNode licence = l.path("license");
                    licences.add(
                            licence.hasNonNull("id")
                                    ? licence.path("id").asString()
                                    : licence.path("name").asString());
                }
            }
            out.add(new Component(
                    c.path("group").asString() + ":" + c.path("name").asString(),
                    c.path("version").asString(),
                    licences));
        }
        out.sort((a, b) -> a.coordinates().compareTo(b.coordinates()));
        return out;
    }

    static String render(List<Component> components) {
        Map<String, Integer> counts = new TreeMap<>();
        components.forEach(c -> counts.merge(String.join(" OR ", c.licences()), 1, Integer::sum));
        StringBuilder md = new StringBuilder();
        md.append("# Licences of the runtime dependencies\n\n")
                .append(
                        "Generated from the build's CycloneDX SBOM (`platform/app/target/bom.json`, made by every build")
                .append(
                        " of `platform/app`) by `LicenceReportTests`; do not edit by hand. After a dependency change:\n\n")
                .append(
                        "```bash\n./mvnw -pl platform/app test -Dtest=LicenceReportTests -Dcellardoor.licences.write=true\n```\n\n")
                .append("The same test fails the build when a runtime dependency is AGPL or SSPL licensed. A component")
                .append(" listed with two licences (`X OR Y`) is offered under either, at the user's choice.\n\n")
                .append("## Summary\n\n| licence | components |\n|---|---|\n");
        counts.forEach((licence, n) ->
                md.append("| ").append(licence).append(" | ").append(n).append(" |\n"));
        md.append("\n## Components (")
                .append(components.size())
                .append(")\n\n| component | version | licence |\n|---|---|---|\n");
        for (Component c : components) {
            md.append("| `")
                    .append(c.coordinates())
                    .append("` | ")
                    .append(c.version())
                    .append(" | ")
                    .append(c.licences().isEmpty() ? "(none stated)" : String.join(" OR ", c.licences()))
                    .append(" |\n");
        }
        return md.toString();
    }
}
