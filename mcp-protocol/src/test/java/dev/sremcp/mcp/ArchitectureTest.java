package dev.sremcp.mcp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine is transport-free; transports know the engine, never each other. */
class ArchitectureTest {

  private static final JavaClasses MCP =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.sremcp.mcp");

  @Test
  void theEngineKnowsNoTransportAndNoProduct() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.sremcp.mcp.jsonrpc..", "dev.sremcp.mcp.engine..", "dev.sremcp.mcp.spi..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.sremcp.mcp.http..",
            "dev.sremcp.mcp.stdio..",
            "dev.sremcp.mcp.tools..",
            "dev.sremcp.mcp.conformance..",
            "dev.sremcp.domain..",
            "dev.sremcp.ports..",
            "dev.sremcp.application..")
        .check(MCP);
  }

  @Test
  void transportsAreIndependentOfEachOtherAndOfTheTools() {
    noClasses()
        .that()
        .resideInAPackage("dev.sremcp.mcp.http..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.sremcp.mcp.stdio..", "dev.sremcp.mcp.tools..", "dev.sremcp.mcp.conformance..")
        .check(MCP);
    noClasses()
        .that()
        .resideInAPackage("dev.sremcp.mcp.stdio..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.sremcp.mcp.http..", "dev.sremcp.mcp.tools..", "dev.sremcp.mcp.conformance..")
        .check(MCP);
  }

  @Test
  void theProductsToolsUseTheUseCasesNotTheAnalyzersDirectly() {
    noClasses()
        .that()
        .resideInAPackage("dev.sremcp.mcp.tools..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.sremcp.domain.slo..", "dev.sremcp.application..")
        .check(MCP);
  }
}
