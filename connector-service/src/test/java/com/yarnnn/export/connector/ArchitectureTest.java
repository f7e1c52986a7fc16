package com.yarnnn.export.connector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import com.yarnnn.export.connector.testing.PackageCycles;

/**
 * The connector library's package boundaries (issue 14), checked on its main classes. Its API, the packages other
 * modules may use, is {@link com.yarnnn.export.connector.testing.ConnectorApi}; their ArchitectureTests hold them
 * to it.
 */
@AnalyzeClasses(packages = "com.yarnnn.export.connector", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** {@code connection}, {@code vault}, {@code oauth}, {@code provider}, … and their packages form no circle. */
    @ArchTest
    static final ArchTests packageCycles = ArchTests.in(PackageCycles.class);

    /**
     * Token refresh hands out connections; it knows nothing of the providers that use them (what it fails with is
     * the connection's own {@code ConnectionUnusableException} or the shared {@code failure} types).
     */
    @ArchTest
    static final ArchRule oauthDoesNotKnowProviders = noClasses()
            .that().resideInAPackage("com.yarnnn.export.connector.oauth..")
            .should().dependOnClassesThat().resideInAPackage("com.yarnnn.export.connector.provider..");
}
