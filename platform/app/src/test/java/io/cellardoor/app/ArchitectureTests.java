package io.cellardoor.app;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The structure STYLE.md asks for, kept by the build: features (the packages under {@code io.cellardoor}, and the
 * console's under {@code io.cellardoor.admin}) depend on each other without cycles, a feature's {@code internal}
 * package is used only inside that feature, and the plugin API depends on nothing of the host.
 */
class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.cellardoor");

    static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.cellardoor");

    @Test
    void coreFeaturesHaveNoCycles() {
        // The plugin API (its own module, io.cellardoor.plugin.api) is a slice of its own, not part of the host's
        // plugin feature.
        slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass c) {
                        String pkg = c.getPackageName();
                        if (pkg.startsWith("io.cellardoor.admin.") || !pkg.startsWith("io.cellardoor.")) {
                            return SliceIdentifier.ignore();
                        }
                        return SliceIdentifier.of(
                                pkg.startsWith("io.cellardoor.plugin.api") ? "plugin-api" : featureOf(pkg));
                    }

                    @Override
                    public String getDescription() {
                        return "features of io.cellardoor";
                    }
                })
                .should()
                .beFreeOfCycles()
                .check(ALL);
    }

    @Test
    void consoleFeaturesHaveNoCycles() {
        slices().matching("io.cellardoor.admin.(*)..").should().beFreeOfCycles().check(ALL);
    }

    @Test
    void internalPackagesAreUsedOnlyInsideTheirFeature() {
        ArchRule rule = ArchRuleDefinition.classes()
                .that()
                .resideInAPackage("..internal..")
                .should(new ArchCondition<>("be used only inside their feature") {
                    @Override
                    public void check(JavaClass internal, ConditionEvents events) {
                        String feature = featureOf(internal.getPackageName());
                        internal.getDirectDependenciesToSelf().forEach(d -> {
                            JavaClass user = d.getOriginClass();
                            if (!featureOf(user.getPackageName()).equals(feature)) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        });
                    }
                });
        rule.check(ALL);
    }

    @Test
    void thePluginApiDependsOnNothingOfTheHost() {
        ArchRuleDefinition.noClasses()
                .that()
                .resideInAPackage("io.cellardoor.plugin.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.cellardoor.plugin",
                        "io.cellardoor.chat..",
                        "io.cellardoor.answer..",
                        "org.springframework..")
                .check(ALL);
    }

    /** {@code io.cellardoor.chat.internal} -> {@code io.cellardoor.chat}; the console's features likewise. */
    static String featureOf(String pkg) {
        String rest = pkg.startsWith("io.cellardoor.admin.")
                ? pkg.substring("io.cellardoor.admin.".length())
                : pkg.startsWith("io.cellardoor.") ? pkg.substring("io.cellardoor.".length()) : pkg;
        int dot = rest.indexOf('.');
        String head = dot < 0 ? rest : rest.substring(0, dot);
        return (pkg.startsWith("io.cellardoor.admin.") ? "admin." : "") + head;
    }
}
