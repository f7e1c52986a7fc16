package com.yarnnn.export.connector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The connector library's package boundaries (issue 14), checked on its main classes.
 */
@AnalyzeClasses(packages = "com.yarnnn.export.connector", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The library's parts ({@code connection}, {@code vault}, {@code oauth}, {@code provider}, …) form no circle. */
    @ArchTest
    static final ArchRule noCyclesBetweenParts = slices().matching("com.yarnnn.export.connector.(*)..")
            .should().beFreeOfCycles();

    /** Nor do single packages: the root one and those nested in a part ({@code provider.slack}, …) included. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("com.yarnnn.export.(**)")
            .should().beFreeOfCycles();

    /**
     * Token refresh hands out connections; it knows nothing of the providers that use them (the failures both
     * report are the connection's own types).
     */
    @ArchTest
    static final ArchRule oauthDoesNotKnowProviders = noClasses()
            .that().resideInAPackage("com.yarnnn.export.connector.oauth..")
            .should().dependOnClassesThat().resideInAPackage("com.yarnnn.export.connector.provider..");
}
