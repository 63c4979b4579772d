package io.dirsync.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Keeps the arrows of DESIGN.md's package table pointing one way. */
class ArchitectureTest {
  private static JavaClasses production;

  @BeforeAll
  static void importClasses() {
    production = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.dirsync");
  }

  /** package → the dirsync packages it may use (besides itself). */
  static Stream<Arguments> allowedDependencies() {
    return Stream.of(
        Arguments.of("model", new String[] {}),
        Arguments.of("config", new String[] {"model"}),
        Arguments.of("source", new String[] {"model", "config"}),
        Arguments.of("mapping", new String[] {"model", "config"}),
        Arguments.of("directory", new String[] {"model"}),
        Arguments.of("plan", new String[] {"model"}),
        Arguments.of("state", new String[] {"model"}),
        Arguments.of("apply", new String[] {"model", "directory", "state"}),
        Arguments.of("sync", new String[] {"model", "config", "source", "mapping", "directory", "plan", "apply", "state"}),
        Arguments.of("schedule", new String[] {"model", "config", "sync"}),
        Arguments.of("ops", new String[] {"model", "state"}),
        Arguments.of("sandbox", new String[] {"model"}),
        Arguments.of("cli", new String[] {"app", "model", "config", "ops"}));
  }

  @ParameterizedTest(name = "{0} uses only what DESIGN.md allows")
  @MethodSource("allowedDependencies")
  void packagesDependOnlyOnWhatTheDesignAllows(String pkg, String[] allowed) {
    String[] packages = Stream.concat(Stream.of(pkg), Arrays.stream(allowed)).map(p -> "io.dirsync." + p + "..").toArray(String[]::new);
    ArchRule rule = classes().that().resideInAPackage("io.dirsync." + pkg + "..")
        .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.dirsync..").or(resideInAnyPackage(packages)))
        .allowEmptyShould(true);
    rule.check(production);
  }

  @ParameterizedTest(name = "only the directory adapters and the sandbox speak HTTP/GraphQL ({0})")
  @MethodSource("wireLibraries")
  void onlyAdaptersKnowTheWireProtocol(String library) {
    noClasses().that(not(resideInAnyPackage("io.dirsync.directory..", "io.dirsync.sandbox..", "io.dirsync.app..")))
        .should().dependOnClassesThat().resideInAPackage(library)
        .allowEmptyShould(true)
        .check(production);
  }

  static Stream<String> wireLibraries() {
    return Stream.of("okhttp3..", "graphql..");
  }

  @Test
  void ldapTypesStayInTheSourceAndMappingPackages() {
    noClasses().that(not(resideInAnyPackage("io.dirsync.source..", "io.dirsync.mapping..", "io.dirsync.app..")))
        .should().dependOnClassesThat().resideInAPackage("com.unboundid..")
        .allowEmptyShould(true)
        .check(production);
  }
}
