package dev.sremcp.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core is pure: analyzers are functions of their input. The build keeps libraries out of
 * core-domain; this keeps the JDK's own I/O, network, processes and environment out too.
 */
class ArchitectureTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.sremcp.domain");

  @Test
  void theCoreReachesNoFilesNetworkDatabaseOrProcesses() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.net..", "java.nio.file..", "java.nio.channels..", "java.sql..", "javax.net..")
        .orShould()
        .dependOnClassesThat()
        .belongToAnyOf(
            ProcessBuilder.class, Runtime.class, java.io.File.class, java.io.FileInputStream.class)
        .because("analyzers are pure functions of their arguments")
        .check(CORE);
  }

  @Test
  void theCoreReadsNoEnvironmentAndStartsNoThreads() {
    noClasses()
        .should()
        .callMethod(System.class, "getenv", String.class)
        .orShould()
        .callMethod(System.class, "getenv")
        .orShould()
        .callMethod(System.class, "getProperty", String.class)
        .orShould()
        .dependOnClassesThat()
        .belongToAnyOf(Thread.class, java.util.concurrent.ExecutorService.class)
        .because("configuration belongs to hosts, concurrency to transports")
        .check(CORE);
  }

  @Test
  void analyzersDependOnNoOtherAnalyzer() {
    noClasses()
        .that()
        .resideInAPackage("dev.sremcp.domain.slo..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.sremcp.domain.logs..", "dev.sremcp.domain.config..")
        .allowEmptyShould(true)
        .check(CORE);
  }
}
