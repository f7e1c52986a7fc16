package com.yarnnn.export.consumer;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.yarnnn.export.connector.testing.ConnectorApi;

/** export-consumer's package boundaries (issue 14), checked on its main classes. */
@AnalyzeClasses(packages = "com.yarnnn.export.consumer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The consumer's parts ({@code delivery}, {@code kafka}, {@code breaker}, {@code budget}, …) form no circle. */
    @ArchTest
    static final ArchRule noCyclesBetweenParts = slices().matching("com.yarnnn.export.consumer.(*)..")
            .should().beFreeOfCycles();

    /** Nor do single packages, the root one included. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("com.yarnnn.export.(**)")
            .should().beFreeOfCycles();

    /** Like api-edge, the consumer uses connector-service only through its API packages ({@link ConnectorApi}). */
    @ArchTest
    static final ArchRule connectorOnlyThroughItsApi =
            ConnectorApi.onlyThroughItsApi("com.yarnnn.export.consumer..");
}
